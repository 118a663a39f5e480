"""PDF/A-2a from reportlab directly: output intent, XMP, document information, text that copies.

Before the canvas is saved, its document gets an sRGB output intent, the PDF/A identification
and the document's title, author, subject and dates in an XMP packet, document information that
agrees with it word for word, and no page transitions.  ``pikepdf.pdfa`` validates the result in
the tests; a build does not load a second PDF library to rewrite what reportlab wrote.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.util
import re
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfgen.canvas import Canvas

from reportkit.compose.page import Meta
from reportkit.render.markup import add, packet, root
from reportkit.render.pdf import joins
from reportkit.render.pdf.tags import Tagger

PRODUCER = "reportkit"
# reportlab writes a ToUnicode entry "<%04X>": a character beyond U+FFFF gets five or six hex
# digits, which readers cut to 16 bits.  PDF wants UTF-16BE, i.e. a surrogate pair.
_WIDE_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _surrogates(match: re.Match[str]) -> str:
    code = int(match.group(2), 16)
    high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
    return f"<{match.group(1)}> <{high:04X}{low:04X}>"


def _to_unicode(original: Any) -> Any:
    @functools.wraps(original)
    def make(fontname: str, subset: list[int]) -> str:
        # a widened copy of a glyph stands for its character (joins.py)
        text = original(fontname, [joins.base(code) for code in subset])
        return _WIDE_ENTRY.sub(_surrogates, text)

    make.__reportkit__ = True  # type: ignore[attr-defined]
    return make


if not getattr(ttfonts.makeToUnicodeCMap, "__reportkit__", False):
    ttfonts.makeToUnicodeCMap = _to_unicode(ttfonts.makeToUnicodeCMap)


@functools.cache
def _srgb() -> bytes:
    """The sRGB ICC profile pikepdf ships for PDF/A output intents (read, not imported)."""
    spec = importlib.util.find_spec("pikepdf")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "pdfa" / "data" / "sRGB.icc").read_bytes()


class _Catalog(pdfdoc.PDFCatalog):
    """reportlab's document catalogue with room for the output intents."""

    __NoDefault__ = [*pdfdoc.PDFCatalog.__NoDefault__, "OutputIntents"]  # noqa: RUF012


class _Plain(pdfdoc.PDFStream):
    """A stream written as it is, without the document's compression (no Filter key)."""

    def format(self, document: Any) -> bytes:
        compressed = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            return super().format(document)  # type: ignore[no-any-return]
        finally:
            document.defaultStreamFilters = compressed


class _Info(pdfdoc.PDFInfo):
    """Document information holding what the XMP packet says, and nothing else."""

    def __init__(self, meta: Meta, stamp: str):
        super().__init__()
        self.title, self.author, self.subject = meta.title, meta.author, meta.subject
        self.creator = self.producer = PRODUCER
        self.stamp = stamp

    def format(self, document: Any) -> bytes:
        fields = {
            "Title": self.title,
            "Author": self.author,
            "Subject": self.subject,
            "Creator": self.creator,
            "Producer": self.producer,
            "CreationDate": self.stamp,
            "ModDate": self.stamp,
        }
        entries = {key: pdfdoc.PDFString(value) for key, value in fields.items()}
        return pdfdoc.PDFDictionary(entries).format(document)  # type: ignore[no-any-return]


def prepare(canvas: Canvas, meta: Meta, tagger: Tagger) -> None:
    """Make the canvas's document PDF/A-2a with its structure tree (``tagger``'s); call when
    every page is drawn, before saving."""
    when = meta.made
    document = canvas._doc
    for page in document.Pages.pages:
        page.Trans = None  # reportlab's empty transition dictionary
    document.info = _Info(meta, pdf_date(when))
    # the file's /ID: reportlab seeds it with SOURCE_DATE_EPOCH's value when set, whatever
    # instant the document is dated; from the instant and the properties alone instead
    digest = hashlib.md5(usedforsecurity=False)
    for value in (pdf_date(when), meta.title, meta.author, meta.subject):
        digest.update(value.encode("utf-8") + b"\0")
    ids = pdfdoc.PDFText(digest.digest(), enc="raw").format(pdfdoc.DummyDoc())
    document._ID = b"\n[" + ids + ids + b"]\n"
    catalog = _Catalog()
    catalog.__dict__.update(document.Catalog.__dict__)
    document.Catalog = document._catalog = catalog
    catalog.Lang = pdfdoc.PDFString(meta.language)
    tagger.add_tree(document, catalog)
    catalog.Metadata = _Plain(
        pdfdoc.PDFDictionary(
            {"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}
        ),
        _xmp(meta, when.isoformat()),  # readable without decoding
    )
    profile = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 3}), _srgb())
    intent = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": pdfdoc.PDFString("sRGB"),
            "Info": pdfdoc.PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": document.Reference(profile),
        }
    )
    catalog.OutputIntents = pdfdoc.PDFArray([document.Reference(intent)])


def pdf_date(when: dt.datetime) -> str:
    """``when`` as a PDF date (D:20240618093000+08'00'), the same instant as the XMP's."""
    offset = when.utcoffset() or dt.timedelta(0)
    if not offset:
        return when.strftime("D:%Y%m%d%H%M%SZ")
    minutes = int(abs(offset).total_seconds()) // 60
    sign = "-" if offset < dt.timedelta(0) else "+"
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


def _xmp(meta: Meta, when: str) -> bytes:
    """The XMP packet: the PDF/A identification, title, author, subject, tool and dates."""
    xmp = root("x:xmpmeta", "rdf", "pdfaid", "dc", "pdf", "xmp")
    about = add(add(xmp, "rdf:RDF"), "rdf:Description", {"rdf:about": ""})
    add(about, "pdfaid:part", text="2")
    # level A: tagged (structure, artifacts, alternate text for pictures), a language, every
    # glyph with its Unicode value and the text's spaces, and only those, as characters
    add(about, "pdfaid:conformance", text="A")
    for name, kind, value in (
        ("title", "rdf:Alt", meta.title),
        ("creator", "rdf:Seq", meta.author),
        ("description", "rdf:Alt", meta.subject),
    ):
        # a language alternative (Alt) in the default language; an ordered list (Seq) of one
        language = {"xml:lang": "x-default"} if kind == "rdf:Alt" else None
        add(add(add(about, f"dc:{name}"), kind), "rdf:li", language, text=value)
    add(about, "pdf:Producer", text=PRODUCER)
    add(about, "xmp:CreatorTool", text=PRODUCER)
    for name in ("CreateDate", "ModifyDate", "MetadataDate"):
        add(about, f"xmp:{name}", text=when)
    return packet(xmp)
