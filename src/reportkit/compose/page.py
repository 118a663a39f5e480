"""The page model: what every document kind is composed into and both renderers draw.

A document is a flow of blocks — text in a named style, rules, blank lines — and, optionally,
a group of blocks anchored to the type area's bottom on the last page (the 版记).  Where a
block goes is data: its style (a fixed distance from the top, keep-with-next, lone lines),
its ``new_page``, the group's ``even_page``.  Renderers know blocks, styles and placements;
none of them knows which part of a document a block is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from reportkit.errors import Location


class Run(NamedTuple):
    """Text in one style; ``style`` None means the block's own style.  ``keep``: its first
    characters (as many, running on into the next run) set on one line (三是 and the character
    after it)."""

    text: str
    style: str | None = None
    keep: int = 0


class Text(NamedTuple):
    """A paragraph in a named style.  A title holds one tuple of runs per line; ``right`` is
    set flush right on the paragraph's last line (a date beside a unit, 签发人 beside 文号)."""

    style: str
    lines: tuple[tuple[Run, ...], ...]
    right: tuple[Run, ...] = ()
    origin: tuple[Any, ...] = ()
    outline: str | None = None  # a bookmark for this block
    new_page: bool = False
    indent: float | None = None  # set flush left this many characters in (署名, 成文日期)

    @property
    def text(self) -> str:
        """All the block's text, lines joined without a break."""
        return "".join(run.text for line in (*self.lines, self.right) for run in line)


class Image(NamedTuple):
    """A picture ``width`` × ``height`` points, centred, with an optional caption under it
    (kept on its page).  ``over``: drawn over the text that follows instead of taking room in
    the flow (a seal), centred ``centre`` characters from the type area's left and on the
    top of the next line."""

    path: Path
    width: float
    height: float
    caption: Text | None = None
    origin: tuple[Any, ...] = ()
    over: bool = False
    centre: float = 0.0
    lines: int = 0  # grid lines it takes in the flow, the picture at their foot
    alt: str = ""  # what it shows, in words (its caption when not given)


class Table(NamedTuple):
    """A table: a header row (repeated on every page the table runs onto) and rows, columns
    of relative ``widths``, cells in ``style``; an optional caption above it."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    style: str
    header_style: str
    caption: Text | None = None
    origin: tuple[Any, ...] = ()


class Rule(NamedTuple):
    """A full-width rule in the template's ``rules``; it takes no room in the flow."""

    rule: str


class Space(NamedTuple):
    """Blank grid lines."""

    lines: float


Block = Text | Rule | Space | Image | Table


class Anchored(NamedTuple):
    """Blocks set together on the type area's bottom edge of the last page (版记); on a page of
    their own when the text leaves no room, on an even page when ``even_page``."""

    blocks: tuple[Block, ...]
    even_page: bool = False


class Meta(NamedTuple):
    """Document properties; ``created``: when the outputs are dated as made (None: not yet
    known, the document's date at midnight UTC)."""

    title: str
    author: str
    subject: str
    date: dt.date
    language: str
    created: dt.datetime | None = None

    @property
    def made(self) -> dt.datetime:
        """The instant the outputs say they were made."""
        return self.created or dt.datetime.combine(self.date, dt.time(0), tzinfo=dt.UTC)


@dataclass(frozen=True)
class Document:
    """A document ready to lay out: the flow, the anchored group, page-number texts."""

    name: str
    meta: Meta
    flow: tuple[Block, ...]
    anchored: Anchored | None
    page_number: tuple[str, str]
    locate: Callable[[tuple[Any, ...]], tuple[Location, tuple[Any, ...]]] | None = field(
        default=None, compare=False
    )
    # which part of the source a field belongs to, for messages (第 2 篇文章，)
    describe: Callable[[tuple[Any, ...]], str] = field(default=lambda at: "", compare=False)

    def blocks(self) -> tuple[Block, ...]:
        """Every block, the anchored group's last."""
        return self.flow + (self.anchored.blocks if self.anchored else ())

    def texts(self) -> list[Text]:
        """Every text block, captions included, in reading order."""
        out: list[Text] = []
        for block in self.blocks():
            if isinstance(block, Text):
                out.append(block)
            elif isinstance(block, Image | Table) and block.caption is not None:
                out.append(block.caption)
        return out

    def styled_texts(self) -> Iterator[tuple[str, str, tuple[Any, ...]]]:
        """Every (style, text, origin) the document will set, page numbers' figures included."""
        for block in self.texts():
            for runs in (*block.lines, block.right):
                for run in runs:
                    yield run.style or block.style, run.text, block.origin
        for table in self.blocks():
            if isinstance(table, Table):
                yield table.header_style, "".join(table.header), table.origin
                for row in table.rows:
                    yield table.style, "".join(row), table.origin
        before, after = self.page_number
        yield "page_number", before + "0123456789" + after, ()

    def text(self) -> str:
        """Every text of the document in reading order, one block per line."""
        lines = [b.text for b in self.texts() if b.text]
        for block in self.blocks():
            if isinstance(block, Table):
                lines += ["".join(row) for row in (block.header, *block.rows)]
        return "\n".join(lines)
