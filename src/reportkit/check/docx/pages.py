"""Where a word processor puts each paragraph, estimated: lines counted with the template's
line-breaking rules at each run's own size and spacing, line heights as Word sets them on the
line grid, paragraphs moved to the next page as Word moves them (page breaks, sections,
keep-with-next, widow control), the 版记's frame at the foot of its page.

Word paginates for itself; this is what it will very nearly do with a document set on a
grid, and is said as an estimate wherever a finding rests on it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from reportkit.check.docx.model import Document, Para, Section, Table
from reportkit.template.profile import Profile
from reportkit.typeset import linebreak
from reportkit.typeset.metrics import StandardMetrics

EPSILON = 0.5  # points: a line that overhangs the type area by less still fits
NATURAL = 1.3  # Word's single line spacing for Chinese faces, in ems
TAB_CELLS = 2.0  # a tab to a right-hand part counts as this many characters


@dataclass(frozen=True)
class Placed:
    """Where a paragraph went: its first line's page (1-based), that line's top below the
    type area's top, the height of one of its lines, its number of lines, its last page."""

    page: int
    top: float
    line: float
    lines: int
    last_page: int


@dataclass
class Estimate:
    """Every paragraph's place, and the number of pages."""

    placed: dict[int, Placed] = field(default_factory=dict)
    pages: int = 1


def line_height(p: Para, section: Section, grid: bool = True) -> float:
    """The height of one line of ``p`` in points, as Word sets it on the section's grid
    (``grid``: false for a footer, which is off the grid)."""
    fmt = p.fmt
    size = max([run.fmt.size for run in p.runs if run.text.strip()] or [fmt.mark.size])
    natural = size * NATURAL
    if fmt.line_rule == "exact" and fmt.line:
        return fmt.line / 20
    if fmt.line_rule == "atLeast" and fmt.line:
        height = max(fmt.line / 20, natural)
    else:
        height = natural * ((fmt.line or 240) / 240)
    if grid and fmt.snap and section.grid in ("lines", "linesAndChars") and section.pitch:
        height = math.ceil(height / section.pitch - 1e-6) * section.pitch
    return height


class _Estimator:
    def __init__(self, doc: Document, profile: Profile):
        self.doc, self.profile = doc, profile
        self.metrics = StandardMetrics(profile)
        self.result = Estimate()
        self.page, self.used = 1, 0.0
        # the page was begun on purpose (the document's start, a page or section break):
        # Word keeps the space above its first paragraph, which it drops after a page
        # that filled up
        self.fresh = True
        self.section = doc.sections[0]
        self.capacity = self.section.type_height
        self.reserved = 0.0  # held at the page's foot by a frame or floated table (版记)

    def run(self) -> Estimate:
        frame: list[Para] = []
        blocks = self.doc.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, Para) and block.fmt.frame is not None:
                frame.append(block)
                continue
            if frame:
                self._frame(frame)
                frame = []
            if isinstance(block, Table) and block.foot:
                self._foot_table(block)
            elif isinstance(block, Table):
                self._table(block)
            else:
                self._paragraph(block, self._kept(blocks, index))
        if frame:
            self._frame(frame)
        self.result.pages = self.page
        return self.result

    @property
    def room(self) -> float:
        """The height of this page's type area the flowing text may fill."""
        return self.capacity - self.reserved

    def _new_page(self, fresh: bool = False) -> None:
        self.page += 1
        self.used = 0.0
        self.reserved = 0.0
        self.fresh = fresh

    def _start_section(self, p: Para) -> None:
        index = min(p.section, len(self.doc.sections) - 1)
        section = self.doc.sections[index]
        if section is self.section:
            return
        self.section, self.capacity = section, section.type_height
        if section.start != "continuous":
            self._new_page(fresh=True)
            if section.start in ("evenPage", "oddPage") and (self.page % 2 == 0) != (
                section.start == "evenPage"
            ):
                self._new_page(fresh=True)

    def _kept(self, blocks: list[Para | Table], index: int) -> float:
        """The height the paragraphs after block ``index`` that it keeps with need on its
        page: their first lines (two of a paragraph that avoids lone lines)."""
        need = 0.0
        block = blocks[index]
        while isinstance(block, Para) and block.fmt.keep_next and index + 1 < len(blocks):
            index += 1
            block = blocks[index]
            if not isinstance(block, Para) or block.fmt.frame is not None:
                break
            count = self.lines(block, self._width(block))
            need += block.fmt.before + _least(block, count) * line_height(block, self.section)
            if need > self.capacity:
                break
        return need

    def _width(self, p: Para) -> float:
        return self.section.type_width - p.fmt.left - p.fmt.right

    def _paragraph(self, p: Para, kept: float = 0.0) -> None:
        self._start_section(p)
        if p.fmt.page_break_before and self.used > 0:
            self._new_page(fresh=True)
        height = line_height(p, self.section)
        count = self.lines(p, self._width(p))
        before = p.fmt.before if self.used > 0 or self.fresh else 0.0
        need = (count if p.fmt.keep_next else _least(p, count)) * height + kept
        if self.used > 0 and self.used + before + need > self.room + EPSILON:
            self._new_page()
            before = 0.0
        self.used += before
        first_page, top = self.page, self.used
        done = 0
        while done < count:
            fit = int((self.room - self.used + EPSILON) // height)
            rest = count - done
            take = min(fit, rest)
            if p.fmt.widow and take < rest:
                if rest - take < 2:
                    take = rest - 2
                if done == 0 and take < 2:
                    take = 0
            if take <= 0:
                if self.used == 0:
                    take = min(rest, max(1, fit))
                else:
                    self._new_page()
                    if done == 0:
                        first_page, top = self.page, 0.0
                    continue
            self.used += take * height
            done += take
            if done < count:
                self._new_page()
        self.result.placed[p.number] = Placed(first_page, top, height, count, self.page)
        self.used = min(self.used + p.fmt.after, self.room)
        self.fresh = False
        for _ in range(p.page_breaks):
            self._new_page(fresh=True)

    def _frame(self, paras: list[Para]) -> None:
        """Frame paragraphs at the foot of the page (the 版记): on this page when they fit
        under what is there, else on the next."""
        if not paras:
            return
        self._start_section(paras[0])
        heights = []
        for p in paras:
            width = float(p.fmt.frame.get("w", 0)) / 20 if p.fmt.frame else 0.0
            width = width or self.section.type_width
            count = self.lines(p, width - p.fmt.left - p.fmt.right)
            heights.append((line_height(p, self.section), count))
        total = sum(h * n for h, n in heights)
        if self.used + total > self.room + EPSILON:
            self._new_page()
        top = self.room - total
        for p, (height, count) in zip(paras, heights, strict=True):
            self.result.placed[p.number] = Placed(self.page, top, height, count, self.page)
            top += height * count
        # the text goes on above it (Word's last paragraph, which anchors it)
        self.reserved += total

    def _foot_table(self, table: Table) -> None:
        """A table floated to the foot of the page (the 版记): on this page when it fits
        under what is there, else on the next; each row as high as its tallest cell."""
        cells = [p for row in table.rows for cell in row for p in cell]
        if not cells:
            return
        self._start_section(cells[0])
        rows = []
        for row in table.rows:
            width = self.section.type_width / max(1, len(row))
            heights = [
                sum(line_height(p, self.section) * self.lines(p, width) for p in cell)
                for cell in row
            ]
            rows.append((row, width, max(heights, default=0.0)))
        total = sum(height for _, _, height in rows)
        if self.used + total > self.room + EPSILON:
            self._new_page()
        top = self.room - total
        for row, width, height in rows:
            for cell in row:
                at = top
                for p in cell:
                    line, count = line_height(p, self.section), self.lines(p, width)
                    self.result.placed[p.number] = Placed(self.page, at, line, count, self.page)
                    at += line * count
            top += height
        self.reserved += total

    def _table(self, table: Table) -> None:
        header = 0.0
        for number, (row, least) in enumerate(zip(table.rows, table.heights, strict=True)):
            if row and row[0]:
                self._start_section(row[0][0])
            width = self.section.type_width / max(1, len(row))
            cells = []
            for cell in row:
                height = sum(
                    line_height(p, self.section) * self.lines(p, width) + p.fmt.before + p.fmt.after
                    for p in cell
                )
                cells.append(height)
            height = max([least, *cells])
            if self.used > 0 and self.used + height > self.room + EPSILON:
                self._new_page()
                self.used += header
            for cell in row:
                top = self.used
                for p in cell:
                    line = line_height(p, self.section)
                    count = self.lines(p, width)
                    top += p.fmt.before
                    self.result.placed[p.number] = Placed(self.page, top, line, count, self.page)
                    top += line * count + p.fmt.after
            self.used += height
            if number < table.header_rows:
                header += height

    def lines(self, p: Para, width: float) -> int:
        """How many lines ``p`` takes across ``width`` points."""
        if not p.runs:
            return 1
        size = p.fmt.mark.size or 10.0
        sizes = {str(i): run.fmt.size * run.fmt.scale / 100 for i, run in enumerate(p.runs)}
        rules = self.profile.line_breaking
        measure = _measure(p, sizes, rules.reserve, rules.latin_space)
        capacity = width / size
        total = 0
        given: list[list[tuple[str, str]]] = [[]]
        for i, run in enumerate(p.runs):
            for n, piece in enumerate(run.text.split("\n")):
                if n:
                    given.append([])
                if piece:
                    given[-1].append((piece.replace("\t", "　" * int(TAB_CELLS)), str(i)))
        for number, runs in enumerate(given):
            if not runs:
                total += 1
                continue
            boxes = linebreak.make_boxes(
                runs,
                rules,
                size,
                lambda text, key: sum(self.metrics.advance("", ch, sizes[key]) for ch in text),
                capacity,
                True,
                measure,
            )
            first = p.fmt.first_line / size if number == 0 else 0.0
            total += max(1, len(linebreak.break_lines(boxes, capacity, first, rules)))
        return total


def _measure(
    p: Para, sizes: dict[str, float], reserve: float, latin_space: float
) -> linebreak.Measure:
    """Character widths as Word sets the runs of ``p``: each at its size, with the
    character spacing of its first text."""
    shown = [run for run in p.runs if run.text.strip()]
    tracking = shown[0].fmt.spacing if shown else 0.0
    return linebreak.Measure(
        han=lambda key: sizes[key],
        tracking=tracking + reserve,
        latin_space=lambda key: sizes[key] * latin_space,
    )


def width(p: Para, profile: Profile) -> float:
    """How wide ``p``'s text is set on one line, in points (a 署名, a date)."""
    shown = [run for run in p.runs if run.text]
    if not shown:
        return 0.0
    sizes = {str(i): run.fmt.size * run.fmt.scale / 100 for i, run in enumerate(shown)}
    rules = profile.line_breaking
    metrics = StandardMetrics(profile)
    measure = _measure(p, sizes, 0.0, rules.latin_space)
    size = shown[0].fmt.size
    boxes = linebreak.make_boxes(
        [(run.text.strip("\t"), str(i)) for i, run in enumerate(shown)],
        rules,
        size,
        lambda text, key: sum(metrics.advance("", ch, sizes[key]) for ch in text),
        10**6,
        False,
        measure,
    )
    line = linebreak.place(linebreak.Line(boxes), 10**6, size, justify=False)
    return line.x[-1] + line.width[-1] if line.boxes else 0.0


def _least(p: Para, count: int) -> int:
    """The lines of ``p`` that must stay together at a page's foot (widow control: two)."""
    return count if not p.fmt.widow or count < 4 else 2


def estimate(doc: Document, profile: Profile) -> Estimate:
    """Where each paragraph of ``doc`` goes, and how many pages it takes."""
    return _Estimator(doc, profile).run()
