"""PDF/A-2b from reportlab's output, with pikepdf: output intent, XMP, text that copies right."""

from __future__ import annotations

import datetime as dt
import io
import re

import pikepdf
from pikepdf.pdfa import prepare, resolve_save_kwargs

from reportkit.compose.blocks import Meta

FLAVOUR = "2b"
# reportlab writes a ToUnicode entry "<%04X>": a character beyond U+FFFF gets five or six hex
# digits, which readers cut to 16 bits.  PDF wants UTF-16BE, i.e. a surrogate pair.
_WIDE_ENTRY = re.compile(rb"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def to_pdfa(raw: bytes, meta: Meta) -> bytes:
    """``raw`` (reportlab's PDF) as PDF/A-2b with dates from the data; same input, same bytes."""
    when = dt.datetime.combine(meta.date, dt.time(0, 0), tzinfo=dt.UTC)
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        for page in pdf.pages:
            if pikepdf.Name.Trans in page.obj:
                del page.obj[pikepdf.Name.Trans]  # reportlab's empty transition dictionary
        _fix_to_unicode(pdf)
        pdf.docinfo[pikepdf.Name.Title] = meta.title
        pdf.docinfo[pikepdf.Name.Author] = meta.author
        pdf.docinfo[pikepdf.Name.Subject] = meta.subject
        stamp = "D:" + when.strftime("%Y%m%d%H%M%S") + "Z"
        pdf.docinfo[pikepdf.Name.CreationDate] = stamp
        pdf.docinfo[pikepdf.Name.ModDate] = stamp
        pdf.Root.Lang = pikepdf.String(meta.language)
        prepare(pdf, FLAVOUR, output_intent="sRGB")
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["dc:title"] = meta.title
            xmp["dc:creator"] = [meta.author]
            xmp["dc:description"] = meta.subject
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                xmp[key] = when.isoformat()
        out = io.BytesIO()
        pdf.save(out, **resolve_save_kwargs(FLAVOUR, deterministic_id=True))
    return out.getvalue()


def _fix_to_unicode(pdf: pikepdf.Pdf) -> None:
    for font in _fonts(pdf):
        stream = font.get(pikepdf.Name.ToUnicode)
        if stream is None:
            continue
        data = stream.read_bytes()
        fixed = _WIDE_ENTRY.sub(_surrogates, data)
        if fixed != data:
            stream.write(fixed)


def _surrogates(match: re.Match[bytes]) -> bytes:
    code = int(match.group(2), 16)
    high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
    return b"<%s> <%04X%04X>" % (match.group(1), high, low)


def _fonts(pdf: pikepdf.Pdf):  # type: ignore[no-untyped-def]
    seen = set()
    for page in pdf.pages:
        resources = page.obj.get(pikepdf.Name.Resources, {})
        for font in resources.get(pikepdf.Name.Font, {}).values():
            if font.objgen not in seen:
                seen.add(font.objgen)
                yield font
