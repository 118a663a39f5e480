"""A .docx as read for checking: paragraphs with their runs and the formatting Word applies,
tables, drawings, sections with their page setup and footers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportkit.check.docx.resolve import ParaFormat, RunFormat, Styles

EMU = 12700  # English metric units in a point


@dataclass(frozen=True)
class Run:
    """Text in one formatting, and the character style it is in (its name)."""

    text: str
    fmt: RunFormat
    style: str | None


@dataclass(frozen=True)
class Drawing:
    """A drawn object: a line (a rule), a picture, a text box or another shape; its colour
    and line width in points, its height in points, whether it sits in the text (inline), its
    distance below what it is placed from, and a text box's text."""

    kind: str
    colour: str | None = None
    width: float = 0.0
    height: float = 0.0
    inline: bool = False
    offset: float | None = None
    text: str = ""


@dataclass
class Para:
    """One paragraph: its number in the document (1-based), the text Word shows (a list's
    label included), runs, formatting, style name and what else it holds."""

    number: int
    text: str
    runs: list[Run]
    fmt: ParaFormat
    style_name: str | None
    label: str = ""
    in_table: bool = False
    drawings: list[Drawing] = field(default_factory=list)
    revisions: list[str] = field(default_factory=list)
    page_breaks: int = 0
    fields: list[str] = field(default_factory=list)
    section: int = 0
    ends_section: bool = False

    @property
    def empty(self) -> bool:
        """No text and nothing drawn in it."""
        return not self.text.strip() and not self.drawings

    def first_words(self, count: int = 12) -> str:
        """The paragraph's first words, to name it by."""
        text = " ".join(self.text.split())
        return text if len(text) <= count else text[:count] + "……"


@dataclass
class Table:
    """A table: rows of cells of paragraphs; the least height of each row (points), the
    rows repeated at the top of each page, and the colours of its horizontal borders."""

    rows: list[list[list[Para]]]
    heights: list[float]
    header_rows: int = 0
    # the colours of the horizontal lines drawn as the table's or its cells' borders (a red
    # rule an office draws as a one-cell table's bottom edge)
    lines: list[str] = field(default_factory=list)
    foot: bool = False  # floated to the foot of the type area (a 版记 laid out as a table)


Block = Para | Table


@dataclass
class Section:
    """A section's page setup (points), line grid, footers and headers by kind."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    footer: float  # distance of the footer from the page's bottom edge
    grid: str | None
    pitch: float | None
    char_space: float | None  # Word's charSpace, in points added to a character's width
    start: str = "nextPage"
    title_page: bool = False
    footers: dict[str, list[Para]] = field(default_factory=dict)
    headers: dict[str, list[Para]] = field(default_factory=dict)

    @property
    def type_width(self) -> float:
        """Width of the type area."""
        return self.width - self.left - self.right

    @property
    def type_height(self) -> float:
        """Height of the type area."""
        return self.height - self.top - self.bottom


@dataclass
class Document:
    """A whole .docx as read."""

    path: Path
    blocks: list[Block]
    paras: list[Para]
    sections: list[Section]
    styles: Styles
    even_and_odd: bool
    track_revisions: bool
    alternates: dict[str, str]  # the font table's faces and the face Word tries for each
    language: str | None
    application: str = ""

    def text_paras(self) -> list[Para]:
        """Paragraphs of the body outside tables, in order."""
        return [p for p in self.paras if not p.in_table]

    def head_tables(self) -> list[Table]:
        """The tables before the body's first sentence: the 版头 some offices lay out in a
        table (the red head in a cell, the red rule as a cell's border)."""
        found = []
        for block in self.blocks:
            if isinstance(block, Table):
                found.append(block)
            elif "。" in block.text:
                break
        return found

    def end_tables(self) -> list[Table]:
        """The tables after the body's last paragraph with text: the 版记 laid out in a
        table."""
        found: list[Table] = []
        for block in reversed(self.blocks):
            if isinstance(block, Table):
                found.insert(0, block)
            elif block.text.strip():
                break
        return found

    def part_paras(self) -> list[Para]:
        """The paragraphs outside tables and those of the tables that hold the 版头 or the
        版记, in order."""
        tables = self.head_tables() + self.end_tables()
        inside = {id(p) for t in tables for row in t.rows for c in row for p in c}
        return [p for p in self.paras if not p.in_table or id(p) in inside]

    def table_of(self, para: Para) -> Table | None:
        """The table ``para`` is in."""
        for block in self.blocks:
            if isinstance(block, Table) and any(
                p is para for row in block.rows for cell in row for p in cell
            ):
                return block
        return None
