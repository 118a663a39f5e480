"""The laid-out pages' glyph runs in the fonts that draw them: a run splits where the font
changes (a rare character from a supplement), and where a font's own advance differs from
the document's, so that every glyph is drawn where the layout put it."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from reportkit.layout.pages import Pages, PlacedImage, PlacedRule, TextRun
from reportkit.render.pdf.faces import Faces

TOLERANCE = 0.01  # points: closer than this, a glyph is where the layout put it


@dataclass(slots=True)
class Glyphs:
    """A run of glyphs in one font, size and colour: each glyph's x in ``xs`` and the
    baseline from the page's top-left, in points; ``char_space`` between the glyphs."""

    xs: array[float]
    baseline: float
    text: str
    font: str
    size: float
    colour: str
    char_space: float = 0.0
    scale: float = 100.0

    @property
    def x(self) -> float:
        """Where the first glyph starts."""
        return self.xs[0]


@dataclass(slots=True)
class GlyphPage:
    """One page to draw: glyph runs, rules and bookmarks."""

    glyphs: list[Glyphs] = field(default_factory=list)
    rules: list[PlacedRule] = field(default_factory=list)
    outlines: list[tuple[str, float]] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)


def glyph_pages(pages: Pages, faces: Faces) -> list[GlyphPage]:
    """Every page's runs in the fonts that set them."""
    return [
        GlyphPage(
            [glyphs for run in page.runs for glyphs in _fonted(run, faces)],
            page.rules,
            page.outlines,
            page.images,
        )
        for page in pages.pages
    ]


def _fonted(run: TextRun, faces: Faces) -> list[Glyphs]:
    """``run`` cut where its font changes or a glyph would not land where the layout put it."""
    glyph = faces.glyph
    style, size, scale = run.style, run.size, run.scale / 100
    text, xs, space = run.text, run.xs, run.char_space
    out: list[Glyphs] = []
    start = 0
    font = None
    for k, ch in enumerate(text):
        advance, this = glyph(style, ch, size)
        if k > start and this != font:
            out.append(_piece(run, start, k, font))
            start = k
        font = this
        if k + 1 < len(text) and abs(xs[k] + advance * scale + space - xs[k + 1]) > TOLERANCE:
            out.append(_piece(run, start, k + 1, font))
            start = k + 1
            font = None
    if start < len(text):
        out.append(_piece(run, start, len(text), font))
    return out


def _piece(run: TextRun, start: int, end: int, font: str | None) -> Glyphs:
    whole = start == 0 and end == len(run.text)
    return Glyphs(
        run.xs if whole else run.xs[start:end],
        run.baseline,
        run.text if whole else run.text[start:end],
        font or "",
        run.size,
        run.colour,
        run.char_space if end - start > 1 else 0.0,
        run.scale,
    )
