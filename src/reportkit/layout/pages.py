"""The laid-out document: pages of positioned glyph runs, rules and pictures — what every
renderer draws — and what a word processor needs to know of the pagination."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from reportkit.compose.page import Document


@dataclass(slots=True)
class TextRun:
    """Glyphs of one font role, size and colour on one baseline, each at its own x (points
    from the page's left edge, in ``xs``); glyph k + 1 follows glyph k by its advance plus
    ``char_space``.  ``style`` is the style of the first glyph; ``scale`` the horizontal
    scale in per cent.  ``joined``: the run goes on from the glyph before it on its line, no
    character between them (spaces are glyphs too), so any space there (a Latin word set off
    from Han text) is only spacing, not a space a reader should find in the text."""

    xs: array[float]
    baseline: float
    text: str
    style: str
    size: float
    colour: str
    char_space: float = 0.0
    scale: float = 100.0
    joined: bool = False

    @property
    def x(self) -> float:
        """Where the run's first glyph starts."""
        return self.xs[0]


class PlacedRule(NamedTuple):
    """A rule centred on ``y`` from ``x0`` to ``x1``; vertical from ``y`` to ``y1`` at ``x0``
    when ``y1`` is given."""

    x0: float
    x1: float
    y: float
    width: float
    colour: str
    y1: float | None = None


class PlacedImage(NamedTuple):
    """A picture with its top-left corner at (x, y), ``width`` × ``height`` points; ``block``:
    its block's index in the document's blocks."""

    path: Path
    x: float
    y: float
    width: float
    height: float
    origin: tuple[Any, ...] = ()
    block: int = -1


RIGHT = -2  # a Mark's row: the part of a text block set flush right on its last line


class Mark(NamedTuple):
    """From run ``start`` of a page on, up to the next mark, the runs set block ``block`` of
    the document's blocks (the flow's, then the anchored group's; -1: the page number).  In a
    table, ``row`` (0: the header, repeated on each page) and ``column`` name the cell; -1
    is the block's own text, or the caption of a picture or table; RIGHT its flush-right
    part (a date beside a unit)."""

    start: int
    block: int
    row: int = -1
    column: int = -1


class Region(NamedTuple):
    """Where a block's lines (or picture, or table rows) lie on a page, from ``top`` to
    ``bottom`` points from the page's top: what part of the source a point of the page shows."""

    origin: tuple[Any, ...]
    top: float
    bottom: float


PageKind = Literal["text", "blank", "end_only"]


@dataclass(slots=True)
class Page:
    """One page: its glyph runs, rules and pictures, its printed number (None: none),
    bookmarks (title, distance from the page's top), ``marks``: which block its runs set, and
    ``regions``: the part of the page each block takes."""

    runs: list[TextRun] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    rules: list[PlacedRule] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)
    number: int | None = None
    outlines: list[tuple[str, float]] = field(default_factory=list)
    kind: PageKind = "text"
    regions: list[Region] = field(default_factory=list)


@dataclass
class Pages:
    """The document laid out: its pages, and the pagination a word processor cannot decide
    for itself (it sets its own lines, but must break pages where these did)."""

    document: Document
    pages: list[Page] = field(default_factory=list)
    anchored: Literal["none", "last_page", "own_page", "after_blank"] = "none"
    lines_of: dict[int, int] = field(default_factory=dict)  # flow block index → its lines
    # flow block index → the space above and below a block set at a fixed distance from the
    # top (points): what a word processor needs to put it there and return to the grid
    gaps: dict[int, tuple[float, float]] = field(default_factory=dict)
    end_lines: int = 0  # lines of the anchored group
    # the flow blocks in the order they were placed: a photo that did not fit waits for the
    # next page while whole paragraphs after it fill the gap
    order: list[int] = field(default_factory=list)
    rows_of: dict[int, list[int]] = field(default_factory=dict)  # table → lines of each row
    # blank lines the layout left out, at the top of a page or on a page already full (a
    # word processor would set them at the top of the next)
    dropped: set[int] = field(default_factory=set)
