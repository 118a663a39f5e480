"""The laid-out pages checked before they are written: every character has a real glyph.

A character drawn with a font that lacks it shows as an empty box (.notdef) and copies as
U+0000 — an official's name printed wrong in an archive copy.  Whatever the cause (a font
chosen wrongly, two fonts under one name), the build stops here instead, naming the
character and where it was written.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfbase import pdfmetrics

from reportkit.errors import Problem
from reportkit.fonts.resolve import FontError
from reportkit.render.pdf.glyphs import GlyphPage

# (character, font name) → the problem to report, made by the caller who knows the origins
Describe = Callable[[str, str], Problem]


def check_glyphs(pages: list[GlyphPage], describe: Describe) -> None:
    """Raise FontError naming every character whose font maps it to no glyph."""
    problems: dict[tuple[str, str], Problem] = {}
    fonts: dict[str, tuple[dict[int, int], str]] = {}
    for page in pages:
        for run in page.glyphs:
            found = fonts.get(run.font)
            if found is None:
                face = pdfmetrics.getFont(run.font).face
                found = fonts[run.font] = (face.charToGlyph, face.name.decode("latin-1"))
            cmap, name = found
            for char in dict.fromkeys(run.text):
                if not cmap.get(ord(char)) and (char, run.font) not in problems:
                    problems[(char, run.font)] = describe(char, name)
    if problems:
        raise FontError(list(dict.fromkeys(problems.values())))
