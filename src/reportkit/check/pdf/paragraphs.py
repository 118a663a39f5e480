"""A PDF's lines gathered into paragraphs (a first line indented or centred, a change of
size, a short line before), so that its parts are recognised as a .docx's are: each
paragraph stands in for a Word paragraph whose runs carry the fonts, sizes and colours the
PDF shows."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from pathlib import Path

from reportkit.check.docx.model import Document, Drawing, Para, Run, Section
from reportkit.check.docx.resolve import ParaFormat, RunFormat, Styles, Theme
from reportkit.check.pdf.read import Char, Line, PdfDocument, Rule
from reportkit.template.profile import Profile

MM = 72 / 25.4
RULE_BELOW = 12 * MM  # a red rule this close under a paragraph belongs to the head above it


@dataclass
class Placed:
    """A line of text where it is: its page, its number among the page's lines of text,
    and the line."""

    page: int
    number: int
    line: Line


@dataclass
class PdfPara:
    """A paragraph of a PDF: its lines in order (possibly over two pages)."""

    lines: list[Placed]

    @property
    def text(self) -> str:
        """What the paragraph says."""
        return "".join(p.line.text for p in self.lines)


def _is_centred(line: Line, left: float, right: float, body: float) -> bool:
    """Does ``line`` stand in the middle of the type area: as far from both edges, and
    clear of them unless it is set larger than the body (a title that nearly fills it)?"""
    size = line.size or 1.0
    before, after = line.x0 - left, right - line.x1
    if abs(before - after) > size:
        return False
    return size >= body * 1.3 or min(before, after) > size * 0.9


def edges(doc: PdfDocument, profile: Profile) -> tuple[float, float]:
    """The type area's left and right edges as the PDF sets its text: where most lines of
    body size begin and end (the template's edges when there are too few to tell)."""
    page = profile.page
    sizes: dict[float, int] = {}
    for pdf_page in doc.pages:
        for line in pdf_page.lines:
            sizes[line.size] = sizes.get(line.size, 0) + len(line.chars)
    body = max(sizes, key=lambda size: sizes[size]) if sizes else 0.0  # the running text's
    starts: dict[float, int] = {}
    ends: dict[float, int] = {}
    for pdf_page in doc.pages:
        for line in pdf_page.lines:
            if abs(line.size - body) < 0.5 and line.text.strip() and not pdf_page.in_table(line):
                starts[round(line.x0)] = starts.get(round(line.x0), 0) + 1
                if not _mark(line.chars[-1].text):  # a mark squeezed in reaches past its cell
                    ends[round(line.x1)] = ends.get(round(line.x1), 0) + 1
    shared = [x for x, count in starts.items() if count >= 2]
    ended = [x for x, count in ends.items() if count >= 2]
    if not shared or not ended:
        return page.margin_left, page.margin_left + page.type_width
    # running lines start at the left edge (first lines further in) and full ones end at the
    # right: the outermost places two lines or more share
    left, right = min(shared), max(ended)
    exact = [line.x0 for p in doc.pages for line in p.lines if round(line.x0) == left]
    exact_right = [line.x1 for p in doc.pages for line in p.lines if round(line.x1) == right]
    return sorted(exact)[len(exact) // 2], sorted(exact_right)[len(exact_right) // 2]


def _mark(char: str) -> bool:
    """Is ``char`` a full-width mark (。，、；：！？“”《》（）…)?"""
    import unicodedata

    return unicodedata.category(char).startswith("P") and not char.isascii()


def split(
    doc: PdfDocument, profile: Profile, left: float, right: float
) -> tuple[list[PdfPara], list[Placed]]:
    """The paragraphs inside the type area (between ``left`` and ``right``), and the lines
    below it (page numbers)."""
    page = profile.page
    bottom = page.margin_top + page.type_height
    body = profile.style("body").size or 16.0
    paras: list[PdfPara] = []
    footers: list[Placed] = []
    previous: Line | None = None
    for pdf_page in doc.pages:
        number = 0
        wide = _wide_gap(pdf_page.lines, bottom, body)
        for line in pdf_page.lines:
            if not line.text.strip():
                continue
            if line.baseline - line.size * 0.88 > bottom:
                footers.append(Placed(pdf_page.number, 0, line))
                continue
            number += 1
            if pdf_page.in_table(line):
                previous = None
                continue
            placed = Placed(pdf_page.number, number, line)
            starts = previous is None or _starts(line, previous, left, right, body, wide)
            if starts or not paras:
                paras.append(PdfPara([placed]))
            else:
                paras[-1].lines.append(placed)
            previous = line
    return paras, footers


def _wide_gap(lines: list[Line], bottom: float, body: float) -> float:
    """How far below the line before a line must stand to begin a paragraph: 2.6 body
    characters, or more on a page whose lines are all spaced wider (1.5 or double spacing),
    1.6 times its usual gap."""
    baselines = [
        line.baseline
        for line in lines
        if line.text.strip() and line.baseline - line.size * 0.88 <= bottom
    ]
    gaps = [b - a for a, b in itertools.pairwise(baselines) if b > a]
    usual = statistics.median(gaps) if gaps else 0.0
    return usual * 1.6 if usual > body * 2.2 else body * 2.6


def _starts(
    line: Line, previous: Line, left: float, right: float, body: float, wide: float
) -> bool:
    """Does ``line`` begin a paragraph after ``previous``: a change of size, a centred line
    on either side, a short line before, a gap wider than ``wide``, or after a full line the
    first-line indent of two characters (a line indented otherwise continues a hanging
    paragraph)?"""
    size = line.size or 1.0
    if abs(line.size - previous.size) > 0.5:
        return True
    if _is_centred(line, left, right, body) or _is_centred(previous, left, right, body):
        return True
    if previous.x1 < right - size * 1.5 or line.baseline - previous.baseline > wide:
        return True
    return abs(line.x0 - left - 2 * size) < size / 2


def _runs(chars: list[Char]) -> list[Run]:
    runs: list[Run] = []
    for char in chars:
        fmt = RunFormat(
            faces=tuple((slot, char.font) for slot in ("ascii", "hAnsi", "eastAsia", "cs")),
            hint="eastAsia",
            size=round(char.size, 2),
            colour=char.colour,
            bold=False,
            spacing=0.0,
            scale=100,
        )
        if runs and runs[-1].fmt == fmt:
            runs[-1] = Run(runs[-1].text + char.text, fmt, None)
        else:
            runs.append(Run(char.text, fmt, None))
    return runs


def as_document(
    path: Path, doc: PdfDocument, paras: list[PdfPara], profile: Profile, left: float, right: float
) -> Document:
    """The paragraphs as a .docx's would be read, for recognising their parts: alignment
    from where their lines stand between ``left`` and ``right``, a red rule under a
    paragraph as one drawn from it."""
    page = profile.page
    body = profile.style("body").size or 16.0
    made: list[Para] = []
    for number, para in enumerate(paras, 1):
        first = para.lines[0].line
        chars = [c for placed in para.lines for c in placed.line.chars]
        runs = _runs(chars)
        align = "justify"
        if _is_centred(first, left, right, body) and len(para.lines) <= 3:
            align = "center"
        elif first.x0 > (left + right) / 2:
            align = "right"
        fmt = ParaFormat(
            style=None,
            align=align,
            first_line=first.x0 - left,
            left=0.0,
            right=0.0,
            before=0.0,
            after=0.0,
            line=None,
            line_rule="auto",
            snap=True,
            outline=None,
            keep_next=False,
            page_break_before=False,
            widow=True,
            frame=None,
            borders={},
            numbering=None,
            mark=runs[0].fmt,
        )
        p = Para(number, para.text, runs, fmt, None)
        last = para.lines[-1]
        for rule in _rules_under(doc, last):
            p.drawings.append(Drawing("line", rule.colour, rule.width))
        made.append(p)
    section = Section(
        page.width,
        page.height,
        page.margin_top,
        page.margin_bottom,
        page.margin_left,
        page.margin_right,
        0.0,
        None,
        None,
        None,
    )
    return Document(
        path,
        list(made),
        made,
        [section],
        Styles(None, Theme(None, None)),
        False,
        False,
        {},
        None,
    )


def _rules_under(doc: PdfDocument, placed: Placed) -> list[Rule]:
    page = doc.pages[placed.page - 1]
    base = placed.line.baseline
    following = [line.baseline for line in page.lines if line.baseline > base + 1]
    limit = min([base + RULE_BELOW, *following])
    return [rule for rule in page.rules if base < rule.y < limit]
