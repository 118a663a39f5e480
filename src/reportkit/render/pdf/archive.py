"""PDF/A-2b from reportlab's output, with pikepdf: output intent, XMP, text that copies right.

The preparation is done here directly (an sRGB output intent, the PDF/A identification in XMP,
DocInfo agreeing with it, no page transitions); ``pikepdf.pdfa`` validates the result in the
tests.  Importing the validator on every build would cost more than the rest of the step.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from importlib import resources

import pikepdf

from reportkit.compose.page import Meta

PRODUCER = "reportkit"
# reportlab writes a ToUnicode entry "<%04X>": a character beyond U+FFFF gets five or six hex
# digits, which readers cut to 16 bits.  PDF wants UTF-16BE, i.e. a surrogate pair.
_WIDE_ENTRY = re.compile(rb"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


@functools.cache
def _srgb() -> bytes:
    """The sRGB ICC profile pikepdf ships for PDF/A output intents."""
    return resources.files("pikepdf").joinpath("pdfa/data/sRGB.icc").read_bytes()


def to_pdfa(raw: bytes, meta: Meta) -> bytes:
    """``raw`` (reportlab's PDF) as PDF/A-2b with dates from the data; same input, same bytes."""
    when = dt.datetime.combine(meta.date, dt.time(0, 0), tzinfo=dt.UTC)
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        for page in pdf.pages:
            if pikepdf.Name.Trans in page.obj:
                del page.obj[pikepdf.Name.Trans]  # reportlab's empty transition dictionary
        _fix_to_unicode(pdf)
        _output_intent(pdf)
        pdf.Root.Lang = pikepdf.String(meta.language)
        stamp = "D:" + when.strftime("%Y%m%d%H%M%S") + "Z"
        for key, value in (
            ("/Title", meta.title),
            ("/Author", meta.author),
            ("/Subject", meta.subject),
            ("/Creator", PRODUCER),
            ("/Producer", PRODUCER),
            ("/CreationDate", stamp),
            ("/ModDate", stamp),
        ):
            pdf.docinfo[key] = pikepdf.String(value)
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["pdfaid:part"] = "2"
            xmp["pdfaid:conformance"] = "B"
            xmp["dc:title"] = meta.title
            xmp["dc:creator"] = [meta.author]
            xmp["dc:description"] = meta.subject
            xmp["pdf:Producer"] = PRODUCER
            xmp["xmp:CreatorTool"] = PRODUCER
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                xmp[key] = when.isoformat()
        out = io.BytesIO()
        # reportlab's streams are compressed already: keep them as they are (recompressing all
        # of them would take most of this step)
        pdf.save(
            out,
            deterministic_id=True,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            fix_metadata_version=False,
        )
    return out.getvalue()


def _output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pikepdf.Stream(pdf, _srgb())
    profile[pikepdf.Name.N] = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name("/GTS_PDFA1"),
        OutputConditionIdentifier=pikepdf.String("sRGB"),
        Info=pikepdf.String("sRGB IEC61966-2.1"),
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def _fix_to_unicode(pdf: pikepdf.Pdf) -> None:
    seen = set()
    for page in pdf.pages:
        resources = page.obj.get(pikepdf.Name.Resources)
        fonts = resources.get(pikepdf.Name.Font) if resources is not None else None
        for font in fonts.values() if fonts is not None else ():
            if font.objgen in seen or pikepdf.Name.ToUnicode not in font:
                continue
            seen.add(font.objgen)
            stream = font.ToUnicode
            data = stream.read_bytes()
            fixed = _WIDE_ENTRY.sub(_surrogates, data)
            if fixed != data:
                stream.write(fixed)


def _surrogates(match: re.Match[bytes]) -> bytes:
    code = int(match.group(2), 16)
    high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
    return b"<%s> <%04X%04X>" % (match.group(1), high, low)
