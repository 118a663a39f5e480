"""Text in the PDF: the layout's glyph runs in the fonts that draw them, checked for glyphs
every font has, written as PDF text operators.

A run splits where the font changes (a rare character from a supplement), and where a font's
own advance differs from the document's, so that every glyph is drawn where the layout put it.
A character drawn with a font that lacks it would show as an empty box (.notdef) and copy as
U+0000 — an official's name printed wrong in an archive copy: whatever the cause, the build
stops instead, naming the character and where it was written.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from reportkit.errors import Problem
from reportkit.fonts.resolve import FontError
from reportkit.layout.pages import Mark, Page, Pages, TextRun
from reportkit.render.pdf import joins
from reportkit.render.pdf.fonts import Faces
from reportkit.render.pdf.tags import Tagger

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
    pad: int = 0  # thousandths of an em the last glyph reaches across the space after it

    @property
    def x(self) -> float:
        """Where the first glyph starts."""
        return self.xs[0]


class PageGlyphs(list[Glyphs]):
    """A page's glyph runs in their fonts; ``marks``: where each block's start among them."""

    marks: list[Mark]


def glyph_pages(pages: Pages, faces: Faces) -> list[PageGlyphs]:
    """Every page's runs in the fonts that set them."""
    return [page_glyphs(page, faces) for page in pages.pages]


def page_glyphs(page: Page, faces: Faces) -> PageGlyphs:
    """One page's runs in the fonts that set them."""
    runs, marks = page.runs, page.marks
    out = PageGlyphs()
    starts: list[int] = []  # where each run's pieces start
    for run in runs:
        # the run before drew something (not only a space no font has, whose room stays)
        after = bool(starts) and starts[-1] < len(out)
        starts.append(len(out))
        pieces = _fonted(run, faces)
        if run.joined and after:
            _take_in(out[-1], run)
        out += pieces
    starts.append(len(out))
    out.marks = [mark._replace(start=starts[mark.start]) for mark in marks]
    return out


def _take_in(before: Glyphs, run: TextRun) -> None:
    """Let the glyph before ``run`` on its line reach across the space between them, which
    is only spacing (see joins.py)."""
    if before.baseline != run.baseline or not before.font:
        return
    face = pdfmetrics.getFont(before.font).face
    scale = before.scale / 100
    end = before.xs[-1] + face.getCharWidth(ord(before.text[-1])) * before.size / 1000 * scale
    before.pad = joins.padding(run.xs[0] - end, before.size * scale)


def _fonted(run: TextRun, faces: Faces) -> list[Glyphs]:
    """``run`` cut where its font changes or a glyph would not land where the layout put it
    (a space that no font has is left out: it draws nothing)."""
    glyph = faces.glyph
    style, size, scale = run.style, run.size, run.scale / 100
    text, xs, space = run.text, run.xs, run.char_space
    plain = faces.plain(style, size)
    chars = set(text)
    # characters not seen before in this style (set.difference looks each up in the table;
    # ``chars - plain.keys()`` would walk the whole table for every run)
    for char in chars.difference(plain):
        faces.is_plain(style, char, size)
    fonts = set(map(plain.__getitem__, chars))
    if len(fonts) == 1 and None not in fonts:
        # one font, every advance the layout's: the run is drawn as it is (nearly every run)
        return [_piece(run, 0, len(text), fonts.pop())]  # type: ignore[arg-type]
    known = faces.known(style, size)  # what glyph() answered, by character
    out: list[Glyphs] = []
    add = out.append
    start = 0
    font = None
    for k, ch in enumerate(text):
        advance, this = known.get(ch) or glyph(style, ch, size)
        if k > start and this != font:
            if font is not None:
                add(_piece(run, start, k, font))
            start = k
        font = this
        if k + 1 < len(text) and abs(xs[k] + advance * scale + space - xs[k + 1]) > TOLERANCE:
            if font is not None:
                add(_piece(run, start, k + 1, font))
            start = k + 1
            font = None
    if start < len(text) and font is not None:
        add(_piece(run, start, len(text), font))
    return out


def _piece(run: TextRun, start: int, end: int, font: str) -> Glyphs:
    whole = start == 0 and end == len(run.text)
    return Glyphs(
        run.xs if whole else run.xs[start:end],
        run.baseline,
        run.text if whole else run.text[start:end],
        font,
        run.size,
        run.colour,
        run.char_space if end - start > 1 else 0.0,
        run.scale,
    )


# (character, font name) → the problem to report, made by the caller who knows the origins
Describe = Callable[[str, str], Problem]


class GlyphCheck:
    """Every character whose font maps it to no glyph, page by page, each (character, font)
    looked up once; ``done`` raises FontError naming them all."""

    def __init__(self, describe: Describe):
        self.describe = describe
        self.problems: dict[tuple[str, str], Problem] = {}
        self.fonts: dict[str, tuple[dict[int, int], str, set[str]]] = {}

    def page(self, runs: Sequence[Glyphs]) -> None:
        """Look at one page's runs."""
        for run in runs:
            found = self.fonts.get(run.font)
            if found is None:
                face = pdfmetrics.getFont(run.font).face
                found = self.fonts[run.font] = (
                    face.charToGlyph,
                    face.name.decode("latin-1"),
                    set(),
                )
            cmap, name, seen = found
            fresh = set(run.text) - seen
            if not fresh:
                continue
            seen |= fresh
            for char in dict.fromkeys(c for c in run.text if c in fresh):  # in reading order
                if not cmap.get(ord(char)) or joins.is_copy(char):
                    self.problems[(char, run.font)] = self.describe(char, name)

    def done(self) -> None:
        """Raise FontError when a character was found without its glyph."""
        if self.problems:
            raise FontError(list(dict.fromkeys(self.problems.values())))


def check_glyphs(pages: Sequence[Sequence[Glyphs]], describe: Describe) -> None:
    """Raise FontError naming every character whose font maps it to no glyph."""
    check = GlyphCheck(describe)
    for page in pages:
        check.page(page)
    check.done()


def text_operators(page: PageGlyphs, canvas: Canvas, height: float, tagger: Tagger) -> str:
    """The page's glyph runs as PDF text operators, written directly, each block's runs one
    marked-content sequence.

    This is reportlab's documented way for dynamic (subset) fonts — splitString, then
    getSubsetInternalName for each chunk — without a text object's per-call bookkeeping.  Each
    chunk gets its own text position, so a reader that loses the character spacing at a font
    switch (pdfminer does) still places every glyph right.
    """
    doc = canvas._doc
    ops = ["BT"]
    add = ops.append
    state: tuple[str, str, str] | tuple[()] = ()
    names: dict[tuple[str, int], str] = {}  # (font, subset) → its name in the page's resources
    # (font, colour, spacing, size, scale) → the font, its colour and the operators after its
    # name (size, character spacing, horizontal scale), made once
    looks: dict[tuple[str, str, float, float, float], tuple[Any, str, str]] = {}
    ys: dict[float, str] = {}  # baselines as PDF numbers
    starts = {mark.start: mark for mark in page.marks}  # the last of several at one place
    opened = False
    for index, run in enumerate(page):
        mark = starts.get(index)
        if mark is not None:
            if opened:
                add("EMC")
            add(tagger.text(mark))
            opened = True
        look = (run.font, run.colour, run.char_space, run.size, run.scale)
        found = looks.get(look)
        if found is None:
            # PDF scales the character spacing with the horizontal scale: give it unscaled
            unscaled = run.char_space / (run.scale / 100)
            found = looks[look] = (
                pdfmetrics.getFont(run.font),
                _rgb(run.colour),
                f"{fp_str(run.size)} Tf {fp_str(unscaled)} Tc {fp_str(run.scale)} Tz",
            )
        font, colour, rest = found
        y = ys.get(run.baseline) or ys.setdefault(run.baseline, f"{height - run.baseline:.2f}")
        start = 0
        text = run.text
        if run.pad:
            text = text[:-1] + joins.widened(font, text[-1], run.pad)
        for subset, chunk in font.splitString(text, doc):
            x = run.xs[start]  # each chunk where the layout put its first glyph
            start += len(chunk)
            name = names.get((run.font, subset))
            if name is None:
                name = names[(run.font, subset)] = font.getSubsetInternalName(subset, doc)
            wanted = (colour, name, rest)
            if wanted != state:
                add(f"{colour} rg {name} {rest}")
                state = wanted
            # positions to 1/100 pt, formatted directly: fp_str's general formatting was a tenth
            # of a long document's time here
            add(f"1 0 0 1 {x:.2f} {y} Tm ({escapePDF(chunk)}) Tj")
    if opened:
        add("EMC")
    add("ET")
    return "\n".join(ops)


@functools.cache
def _rgb(colour: str) -> str:
    value = HexColor(f"#{colour}")
    return fp_str(value.red, value.green, value.blue)
