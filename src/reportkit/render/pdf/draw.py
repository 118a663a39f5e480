"""Laid-out pages drawn on a reportlab canvas (no layout decisions here)."""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reportkit.compose.blocks import Meta
from reportkit.render.pdf.layout import Page

# Streams are compressed; ASCII85 on top of that only makes files larger and slower to write.
rl_config.useA85 = 0


def draw(pages: list[Page], width: float, height: float, meta: Meta, initial_font: str) -> bytes:
    """The pages as PDF bytes; identical input gives identical bytes."""
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
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setCreator("reportkit")
    for number, page in enumerate(pages):
        for index, (title, y) in enumerate(page.outlines):
            key = f"p{number}-{index}"
            canvas.bookmarkHorizontal(key, 0, height - y)
            canvas.addOutlineEntry(title, key, level=0)
        for rule in page.rules:
            canvas.setStrokeColor(HexColor(f"#{rule.colour}"))
            canvas.setLineWidth(rule.width)
            canvas.line(rule.x0, height - rule.y, rule.x1, height - rule.y)
        text = canvas.beginText()
        for run in page.glyphs:
            text.setFillColor(HexColor(f"#{run.colour}"))
            text.setFont(run.font, run.size)
            text.setHorizScale(run.scale)
            # PDF scales the character spacing with the horizontal scale: give it unscaled
            text.setCharSpace(run.char_space / (run.scale / 100))
            x = run.x
            for piece in _pieces(run.text, run.font, canvas):
                text.setTextOrigin(x, height - run.baseline)
                text.textOut(piece)
                step = stringWidth(piece, run.font, run.size) * run.scale / 100
                x += step + run.char_space * len(piece)
        canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _pieces(text: str, font_name: str, canvas: Canvas) -> list[str]:
    """``text`` cut where reportlab switches between the font's 256-glyph subsets.

    Each piece starts with its own text position, so that a reader which loses the character
    spacing at a font switch (pdfminer does) still places every glyph right.
    """
    font = pdfmetrics.getFont(font_name)
    if not hasattr(font, "splitString"):
        return [text]
    pieces, start = [], 0
    for _subset, chunk in font.splitString(text, canvas._doc):
        pieces.append(text[start : start + len(chunk)])
        start += len(chunk)
    return pieces
