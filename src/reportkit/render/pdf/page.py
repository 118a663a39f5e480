"""The PDF's pages on a reportlab canvas: bookmarks, rules, text and pictures of each page as
the layout placed them (no layout decisions here), then the archive parts."""

from __future__ import annotations

import io
import types
import zlib
from collections.abc import Iterable

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from reportkit.layout.pages import Pages
from reportkit.render.pdf import package
from reportkit.render.pdf.pictures import draw_pictures
from reportkit.render.pdf.rules import draw_rules
from reportkit.render.pdf.tags import RULES, Tagger
from reportkit.render.pdf.text import PageGlyphs, text_operators
from reportkit.render.pictures import Pictures

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
    pages: Pages,
    glyphs: Iterable[PageGlyphs],
    size: tuple[float, float],
    initial_font: str,
    pictures: Pictures,
    tagger: Tagger,
) -> bytes:
    """The pages, ``size`` (width, height) points, as PDF bytes: each with its glyph runs in
    their fonts, its pictures' prepared bytes, the content tagged with ``tagger``; identical
    input gives identical bytes."""
    width, height = size
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
    for number, (page, runs) in enumerate(zip(pages.pages, glyphs, strict=True)):
        tagger.new_page()
        code = canvas._code  # a new list on each page
        for index, (title, y) in enumerate(page.outlines):
            key = f"p{number}-{index}"
            canvas.bookmarkHorizontal(key, 0, height - y)
            canvas.addOutlineEntry(title, key, level=0)
        if page.rules:
            code.append(RULES)
            draw_rules(canvas, page.rules, height)
            code.append("EMC")
        code.append(text_operators(runs, canvas, height, tagger))
        for image in page.images:  # after the text: a seal on top
            code.append(tagger.figure(image))
            draw_pictures(canvas, [image], pictures, height)
            code.append("EMC")
        canvas.showPage()
    package.prepare(canvas, pages.document.meta, tagger)
    canvas.save()
    return buffer.getvalue()
