"""Laid-out pages drawn on a reportlab canvas (no layout decisions here)."""

from __future__ import annotations

import functools
import io
import types
import zlib
from collections.abc import Mapping
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from reportkit.compose.page import Meta
from reportkit.render.images import Picture
from reportkit.render.pdf import archive
from reportkit.render.pdf.glyphs import GlyphPage


class _Reader(ImageReader):
    """A picture for reportlab, named by its encoded bytes: reportlab names a picture by its
    decoded pixels, which for a JPEG (put in the PDF as it is) would decode it only for that."""

    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data))
        self._encoded = data

    def getRGBData(self) -> bytes:
        if self.jpeg_fh():
            self._dataA = None  # no transparency in a JPEG
            return self._encoded
        return super().getRGBData()  # type: ignore[no-any-return]


_deflate: types.ModuleType
try:  # ISA-L's deflate writes the same zlib format, several times faster
    from isal import isal_zlib as _deflate
except ImportError:  # pragma: no cover - isal has wheels for the usual platforms
    _deflate = zlib

# Streams are compressed; ASCII85 on top of that only makes files larger and slower to write.
rl_config.useA85 = 0


class _FastDeflate(pdfdoc.PDFStreamFilterZCompress):
    """Deflate at level 1, with ISA-L where installed: the font subsets of a bulletin (about
    half a megabyte) compress in 1 ms instead of 8 ms (zlib level 1) or 13 ms (zlib default),
    for files a few per cent larger.

    reportlab compresses every stream with zlib's default level and offers no setting; the
    archive step keeps these streams as they are.
    """

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("latin-1") if isinstance(text, str) else text
        return _deflate.compress(data, 1)


pdfdoc.PDFZCompress = _FastDeflate()


def draw(
    pages: list[GlyphPage],
    width: float,
    height: float,
    meta: Meta,
    initial_font: str,
    pictures: Mapping[tuple[Path, float, float], Picture] | None = None,
) -> bytes:
    """The pages as PDF bytes; identical input gives identical bytes.  ``pictures``: each
    placed image's prepared bytes."""
    pictures = pictures or {}
    buffer = io.BytesIO()
    # invariant: fixed dates and ids (dates are set from the data afterwards); initialFontName:
    # no base-14 Helvetica resource, which PDF/A would refuse as not embedded
    canvas = Canvas(
        buffer,
        pagesize=(width, height),
        invariant=1,
        initialFontName=initial_font,
        pageCompression=1,
    )
    for number, page in enumerate(pages):
        for index, (title, y) in enumerate(page.outlines):
            key = f"p{number}-{index}"
            canvas.bookmarkHorizontal(key, 0, height - y)
            canvas.addOutlineEntry(title, key, level=0)
        for rule in page.rules:
            canvas.setStrokeColor(HexColor(f"#{rule.colour}"))
            canvas.setLineWidth(rule.width)
            y1 = rule.y if rule.y1 is None else rule.y1
            canvas.line(rule.x0, height - rule.y, rule.x1, height - y1)
        canvas._code.append(_text_operators(page, canvas, height))
        for image in page.images:  # after the text: a seal lies over the date
            picture = pictures[(image.path, image.width, image.height)]
            canvas.drawImage(
                _Reader(picture.data),  # a JPEG goes in as it is (DCTDecode)
                image.x,
                height - image.y - image.height,
                image.width,
                image.height,
                mask="auto" if picture.format == "PNG" else None,
            )
        canvas.showPage()
    archive.prepare(canvas, meta)
    canvas.save()
    return buffer.getvalue()


def _text_operators(page: GlyphPage, canvas: Canvas, height: float) -> str:
    """The page's glyph runs as PDF text operators, written directly.

    This is reportlab's documented way for dynamic (subset) fonts — splitString, then
    getSubsetInternalName for each chunk — without a text object's per-call bookkeeping.  Each
    chunk gets its own text position, so a reader that loses the character spacing at a font
    switch (pdfminer does) still places every glyph right.
    """
    doc = canvas._doc
    ops = ["BT"]
    add = ops.append
    state: tuple = ()
    names: dict[tuple[str, int], str] = {}  # (font, subset) → its name in the page's resources
    numbers: dict[float, str] = {}  # sizes and scales as PDF numbers
    for run in page.glyphs:
        font = pdfmetrics.getFont(run.font)
        scale = run.scale / 100
        colour = _rgb(run.colour)
        # PDF scales the character spacing with the horizontal scale: give it unscaled
        spacing = fp_str(run.char_space / scale)
        size = numbers.get(run.size) or numbers.setdefault(run.size, fp_str(run.size))
        stretch = numbers.get(run.scale) or numbers.setdefault(run.scale, fp_str(run.scale))
        y = f"{height - run.baseline:.2f}"
        start = 0
        for subset, chunk in font.splitString(run.text, doc):
            x = run.xs[start]  # each chunk where the layout put its first glyph
            start += len(chunk)
            name = names.get((run.font, subset))
            if name is None:
                name = names[(run.font, subset)] = font.getSubsetInternalName(subset, doc)
            wanted = (colour, name, run.size, spacing, run.scale)
            if wanted != state:
                add(f"{colour} rg {name} {size} Tf {spacing} Tc {stretch} Tz")
                state = wanted
            # positions to 1/100 pt, formatted directly: fp_str's general formatting was a tenth
            # of a long document's time here
            add(f"1 0 0 1 {x:.2f} {y} Tm ({escapePDF(chunk)}) Tj")
    add("ET")
    return "\n".join(ops)


@functools.cache
def _rgb(colour: str) -> str:
    value = HexColor(f"#{colour}")
    return fp_str(value.red, value.green, value.blue)
