"""A document's blocks laid out on the template's grid, page by page (no drawing here).

``paginate`` lays a document out once, in the document's own metrics (those of the fonts it
names); every renderer takes the same pages: the PDF draws their glyph runs, the .docx, which
lets the word processor set its own lines, takes from them only what Word cannot decide for
itself (where a page must break, whether the end block goes on a page of its own).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from reportkit.compose.page import Block, Document, Image, Rule, Run, Space, Table, Text
from reportkit.errors import Location, Problem, SourceError, dotted
from reportkit.layout.glyphs import Paint, line_runs
from reportkit.layout.pages import (
    RIGHT,
    Mark,
    Page,
    PageKind,
    Pages,
    PlacedImage,
    PlacedRule,
    Region,
)
from reportkit.template.profile import Profile
from reportkit.typeset import linebreak
from reportkit.typeset.cells import label_cells
from reportkit.typeset.metrics import Metrics, Widths

EPSILON = 1e-6
_NUMBER = re.compile(r"[-+]?[\d,，.]+(%|‰)?")  # a figure: set flush right in its cell


class PlacedLine(NamedTuple):
    """A broken line on a page: its boxes placed from ``x0``, on ``baseline`` (points from the
    page's top-left), horizontally scaled by ``scale``."""

    line: linebreak.Line
    style: str
    baseline: float
    x0: float
    scale: float = 1.0


class _Lines(NamedTuple):
    """A text block broken into lines, with what pagination needs to know about it."""

    style: str
    lines: list[tuple[linebreak.Line, float, float]]  # line, x0, scale
    per_line: float
    space_before: float
    space_after: float
    keep_with_next: bool
    widow_control: bool
    new_page: bool = False
    outline: str | None = None
    right: linebreak.Line | None = None  # set flush right on the last line
    origin: tuple[Any, ...] = ()  # the block's field in the source


def paginate(document: Document, profile: Profile, metrics: Metrics, glyphs: bool = True) -> Pages:
    """The document's pages, laid out with ``metrics``; with the glyph runs of every line
    when ``glyphs`` (an output that lets a word processor set its lines needs none)."""
    return _Paginator(document, profile, metrics, glyphs).run()


class _Paginator:
    def __init__(
        self,
        document: Document,
        profile: Profile,
        metrics: Metrics,
        glyphs: bool = True,
    ):
        self.document, self.profile, self.metrics = document, profile, metrics
        self.glyphs = glyphs
        self.filled = False  # a line is on the current page
        self.styles = {name: profile.style(name) for name in profile.styles}
        self.sizes = {name: style.size or 0 for name, style in self.styles.items()}
        page = profile.page
        self.left, self.top, self.width = page.margin_left, page.margin_top, page.type_width
        self.pitch, self.lines = profile.grid.line_pitch, profile.grid.lines
        self.pages: list[Page] = []
        self.slot = 0.0
        self.baseline: float | None = None  # of the last line placed
        self.measure = linebreak.Measure(
            han=lambda style: self.sizes[style],
            tracking=profile.grid.character_spacing + profile.line_breaking.reserve,
            latin_space=lambda style: self.sizes[style] * profile.line_breaking.latin_space,
        )
        self.result = Pages(document)
        self.paint = {
            name: Paint(
                profile.fonts[style.font or ""].latin[0],
                profile.fonts[style.font or ""].east_asian[0],
                style.size or 0,
                profile.colour(style.colour or "text"),
            )
            for name, style in self.styles.items()
        }
        self._widths: dict[tuple[str, str], float] = {}  # Latin runs, measured once
        self._advances: dict[tuple[str, float], Widths] = {}  # each style's, by size
        self.over: Image | None = None  # a picture to set over the next line (a seal)
        self.over_block = -1  # its index
        self.block: tuple[int, int, int] = (-1, -1, -1)  # block, row, column of the runs kept

    def run(self) -> Pages:
        self._new_page()
        flow = self.document.flow
        made: dict[int, _Lines] = {}
        waiting: list[int] = []  # photos that did not fit, for the top of the next page
        for index, block in enumerate(flow):
            if waiting and not self._fills_gap(flow, index, made):
                self._new_page()
                for number in waiting:
                    self._image(flow[number], number)  # type: ignore[arg-type]
                waiting = []
            if isinstance(block, Image) and not block.over and not self._image_fits(block):
                waiting.append(index)
                continue
            self.result.order.append(index)
            self.block = (index, -1, -1)
            if isinstance(block, Text):
                self._flow(flow, index, made)
                self.result.lines_of[index] = len(made.pop(index).lines)
            elif isinstance(block, Space):
                # blank lines at the top of a page, or on a page already full, are none (the
                # .docx leaves them out too: a word processor would set them on the next page)
                if self.slot == 0 or self.slot >= self.lines - EPSILON:
                    self.result.dropped.add(index)
                else:
                    self.slot += block.lines
            elif isinstance(block, Rule):
                self._rule(block.rule)
            elif isinstance(block, Image):
                self.result.order.pop()
                self._image(block, index)
            else:
                self._table(block, index)
        if waiting:
            self._new_page()
            for number in waiting:
                self._image(flow[number], number)  # type: ignore[arg-type]
        if self.document.anchored is not None:
            self._anchored()
        self._page_numbers()
        self.result.pages = self.pages
        return self.result

    # pages and slots -------------------------------------------------------------------

    def _new_page(self, kind: PageKind = "text") -> None:
        self.pages.append(Page(number=0, kind=kind))
        self.filled = False
        self.slot = 0.0
        self.baseline = None

    def _keep(self, page: Page, placed: PlacedLine) -> None:
        self.filled = True
        if not self.glyphs:
            return
        marks = page.marks
        if not marks or marks[-1][1:] != self.block:
            marks.append(Mark(len(page.runs), *self.block))
        page.runs += line_runs(
            placed.line,
            placed.style,
            placed.baseline,
            placed.x0,
            placed.scale,
            self._advances_in,
            self.paint,
            self.profile.grid.character_spacing,
        )

    def _advances_in(self, style: str, size: float) -> Widths:
        table = self._advances.get((style, size))
        if table is None:
            table = self._advances[(style, size)] = Widths(self.metrics, style, size)
        return table

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def _baseline(self, style: str, slot: float, per_line: float) -> float:
        return (
            self.top
            + slot * self.pitch
            + self.profile.baseline_in_line(self.sizes[style], per_line)
        )

    # lines ------------------------------------------------------------------------------

    def _latin_width(self, text: str, style: str) -> float:
        key = (text, style)
        width = self._widths.get(key)
        if width is None:
            size = self.sizes[style]
            advance = self.metrics.advance
            width = self._widths[key] = sum(advance(style, ch, size) for ch in text)
        return width

    def _break(
        self,
        runs: Sequence[Run],
        style: str,
        indent: float,
        right: float,
        hanging: float = 0,
        continued: bool = False,
    ) -> list[linebreak.Line]:
        """``runs`` broken into placed lines of ``style`` between ``indent`` and ``right``
        (characters in from each edge); ``hanging``: cells by which lines after the first
        are indented; ``continued``: the runs go on a paragraph after a line break, so their
        first line is indented as the paragraph's later lines are."""
        s = self.styles[style]
        size = self.sizes[style]
        cell = self.profile.char_width if s.grid else size
        rules = self.profile.line_breaking
        capacity = (self.width - (indent + right) * size) / cell
        fill = capacity
        pairs = [(run.text, run.style or style) for run in runs]
        keep = [run.keep for run in runs]
        boxes = linebreak.make_boxes(
            pairs, rules, cell, self._latin_width, fill, s.grid, self.measure, keep
        )
        first = hanging if continued else s.first_line_indent * size / cell
        lines = linebreak.break_lines(boxes, fill, first, rules, hanging)
        for number, line in enumerate(lines):
            last = number == len(lines) - 1
            linebreak.place(line, capacity, cell, justify=s.align == "justify" and not last)
        return lines

    def _one_line(self, runs: Sequence[Run], style: str) -> linebreak.Line:
        """``runs`` on a single line, however wide (it is compressed to fit)."""
        size = self.sizes[style]
        pairs = [(run.text, run.style or style) for run in runs]
        boxes = linebreak.make_boxes(
            pairs, self.profile.line_breaking, size, self._latin_width, 10**6, False, self.measure
        )
        return linebreak.place(linebreak.Line(boxes), 10**6, size, justify=False)

    def _lines(self, block: Text) -> _Lines:
        """A text block broken into lines and placed across the type area."""
        s = self.styles[block.style]
        size = self.sizes[block.style]
        indent = block.indent if block.indent is not None else s.indent_left
        left_edge = self.left + indent * size
        right_edge = self.left + self.width - s.indent_right * size
        align = "left" if block.indent is not None else s.align
        placed: list[tuple[linebreak.Line, float, float]] = []
        hanging = 0.0
        for given in block.lines:
            if s.shrink_to_fit:
                line = self._one_line(given, block.style)
                used = _used(line)
                scale = min(1.0, (right_edge - left_edge) / max(used, EPSILON))
                if scale * 100 < s.shrink_limit:
                    text = "".join(run.text for run in given)
                    raise self._error(
                        block.origin,
                        f"这一行太长（{len(text)} 字），要压缩到 {math.floor(scale * 100)}% "
                        f"才排得进一行，最少只能压缩到 {s.shrink_limit:g}%："
                        "请缩短（可以分行的，写成列表，每项一行）",
                    )
                placed.append((line, _x0(align, left_edge, right_edge, used * scale), scale))
                continue
            continued = bool(placed) and bool(s.hang_after)
            if s.hang_after and not hanging:
                # the label's characters at the style's size, in the cells lines are filled in
                # (as the .docx indents wrapped lines: by characters of the size)
                cell = self.profile.char_width if s.grid else size
                label = label_cells("".join(run.text for run in given), s.hang_after)
                hanging = label * size / cell
            for line in self._break(given, block.style, indent, s.indent_right, hanging, continued):
                placed.append((line, _x0(align, left_edge, right_edge, _used(line)), 1.0))
        right = None
        if block.right:
            right = self._break(block.right, block.style, indent, s.indent_right)[0]
            last = placed[-1][0] if placed else None
            if last is not None and placed[-1][1] + _used(last) + size > right_edge - _used(right):
                placed.append((linebreak.Line([]), left_edge, 1.0))  # the right part's own line
            elif last is None:
                placed.append((linebreak.Line([]), left_edge, 1.0))
        return _Lines(
            block.style,
            placed,
            s.line_height,
            s.space_before,
            s.space_after,
            s.keep_with_next,
            s.widow_control,
            block.new_page,
            block.outline,
            right,
            block.origin,
        )

    # flowing text ---------------------------------------------------------------------

    def _get(self, flow: Sequence[Block], index: int, made: dict[int, _Lines]) -> _Lines:
        found = made.get(index)
        if found is None:
            block = flow[index]
            assert isinstance(block, Text)
            found = made[index] = self._lines(block)
        return found

    def _min_slots(self, flow: Sequence[Block], index: int, made: dict[int, _Lines]) -> float:
        """Slots a block needs on the page where it starts: its first lines (two for
        paragraphs that avoid lone lines), plus what follows when it keeps with the next.
        Once more than a page is needed the rest of a chain of blocks that keep together
        cannot change the answer, and is not looked at."""
        need = 0.0
        while True:
            block = self._get(flow, index, made)
            lines = len(block.lines)
            # with widow control a paragraph splits only into two lines or more on each side
            count = lines if not block.widow_control or lines < 4 else 2
            need += count * block.per_line
            if not block.keep_with_next or need > self.lines + 1:
                return need
            after = index + 1
            while after < len(flow) and not isinstance(flow[after], Text):
                following = flow[after]
                need += following.lines if isinstance(following, Space) else 0
                after += 1
            if after >= len(flow):
                return need
            need += self._get(flow, after, made).space_before
            index = after

    def _flow(self, flow: Sequence[Block], index: int, made: dict[int, _Lines]) -> None:
        block = self._get(flow, index, made)
        style = self.styles[block.style]
        if block.new_page and (self.slot > 0 or self.filled):
            self._new_page()
        if style.top is not None and self.slot * self.pitch < style.top:
            self.result.gaps[index] = self._fixed_top(block, style.top)
            return
        space = block.space_before if self.slot > 0 else 0
        if (
            self.slot > 0
            and self.slot + space + self._min_slots(flow, index, made) > self.lines + EPSILON
        ):
            self._new_page()
            space = 0
        self.slot += space
        if block.outline:
            self.page.outlines.append((block.outline, self.top + self.slot * self.pitch))
        done = 0
        while done < len(block.lines):
            fit = int((self.lines - self.slot + EPSILON) // block.per_line)
            rest = len(block.lines) - done
            take = min(fit, rest)
            if block.widow_control and take < rest:
                # Word's widow and orphan control: at least two lines on either side of the
                # break, the whole paragraph to the next page when that cannot be had
                if rest - take < 2:
                    take = rest - 2
                if done == 0 and take < 2:
                    take = 0
            if take <= 0:
                if self.slot == 0:
                    take = min(rest, max(1, fit))  # a block taller than a page
                else:
                    self._new_page()
                    continue
            for number in range(done, done + take):
                self._place(block, number, self._baseline(block.style, self.slot, block.per_line))
                self.slot += block.per_line
            done += take
            if done < len(block.lines):
                self._new_page()
        if block.space_after and self.slot + block.space_after <= self.lines + EPSILON:
            self.slot += block.space_after

    def _fixed_top(self, block: _Lines, top: float) -> tuple[float, float]:
        """A block whose first line's top edge is ``top`` below the type area's top (the em box
        of its glyphs); what follows goes on the next grid line after it.  The space left
        above and below it, in points."""
        size = self.sizes[block.style]
        em_top = (
            self.profile.baseline_in_line(size, block.per_line) - self.profile.grid.em_ascent * size
        )
        start = (top - em_top) / self.pitch
        for number in range(len(block.lines)):
            slot = start + number * block.per_line
            self._place(block, number, self._baseline(block.style, slot, block.per_line))
        end = start + len(block.lines) * block.per_line
        before = (start - self.slot) * self.pitch
        self.slot = math.ceil(end - EPSILON)
        return before, (self.slot - end) * self.pitch

    def _place(self, block: _Lines, number: int, baseline: float) -> None:
        line, x0, scale = block.lines[number]
        if self.over is not None:  # a seal over this line: centred on its top edge
            size = self.sizes[block.style]
            line_top = baseline - self.profile.baseline_in_line(size, block.per_line)
            image = self.over
            self.page.images.append(
                PlacedImage(
                    image.path,
                    self.left + image.centre * size - image.width / 2,
                    line_top - image.height / 2,
                    image.width,
                    image.height,
                    image.origin,
                    self.over_block,
                )
            )
            self.over = None
        self._keep(self.page, PlacedLine(line, block.style, baseline, x0, scale))
        top = baseline - self.profile.baseline_in_line(self.sizes[block.style], block.per_line)
        self._mark(block.origin, top, top + block.per_line * self.pitch)
        if block.right is not None and number == len(block.lines) - 1:
            s = self.styles[block.style]
            right_edge = self.left + self.width - s.indent_right * self.sizes[block.style]
            own = self.block
            self.block = (own[0], RIGHT, -1)
            self._keep(
                self.page,
                PlacedLine(block.right, block.style, baseline, right_edge - _used(block.right)),
            )
            self.block = own
        self.baseline = baseline

    def _mark(self, origin: tuple[Any, ...], top: float, bottom: float) -> None:
        """Note that the block of ``origin`` takes the page from ``top`` to ``bottom``: a line
        that follows its block's last one widens that block's region."""
        regions = self.page.regions
        if regions and regions[-1].origin == origin and top <= regions[-1].bottom + EPSILON:
            regions[-1] = Region(origin, regions[-1].top, max(bottom, regions[-1].bottom))
        else:
            regions.append(Region(origin, top, bottom))

    # photos and tables --------------------------------------------------------------------

    def _image_lines(self, block: Image) -> float:
        lines: float = block.lines  # whole lines: the text after it stays on the grid
        if block.caption is not None:
            caption = self._lines(block.caption)
            lines += len(caption.lines) * caption.per_line
        return lines

    def _image_fits(self, block: Image) -> bool:
        return self.slot == 0 or self.slot + self._image_lines(block) <= self.lines + EPSILON

    def _fills_gap(self, flow: Sequence[Block], index: int, made: dict[int, _Lines]) -> bool:
        """May block ``index`` go on this page before a photo waiting for the next one?  A
        whole paragraph that fits and does not hold on to what follows may."""
        block = flow[index]
        if not isinstance(block, Text) or self.styles[block.style].keep_with_next:
            return False
        lines = self._get(flow, index, made)
        space = lines.space_before if self.slot > 0 else 0
        return self.slot + space + len(lines.lines) * lines.per_line <= self.lines + EPSILON

    def _image(self, block: Image, index: int) -> None:
        """A photo centred in whole grid lines, its caption under it."""
        self.result.order.append(index)
        self.block = (index, -1, -1)
        if block.over:
            self.over, self.over_block = block, index
            return
        box = block.lines * self.pitch
        # at the foot of its lines, on the baseline as a word processor sets it
        descent = self.sizes["body"] * (1 - self.profile.grid.em_ascent)
        top = self.top + self.slot * self.pitch + box - descent - block.height
        x = self.left + (self.width - block.width) / 2
        self.page.images.append(
            PlacedImage(block.path, x, top, block.width, block.height, block.origin, index)
        )
        self._mark(block.origin, top, top + block.height)
        self.slot += box / self.pitch
        self.baseline = None
        if block.caption is not None:
            caption = self._lines(block.caption)
            for number in range(len(caption.lines)):
                self._place(
                    caption, number, self._baseline(caption.style, self.slot, caption.per_line)
                )
                self.slot += caption.per_line

    def _table(self, block: Table, index: int) -> None:
        """A table: caption above, header repeated after every page break, rows never split,
        every row whole grid lines high, rules of the template's weights."""
        width = self.width
        columns = [w * width for w in block.widths]
        lefts = [self.left + sum(columns[:i]) for i in range(len(columns))]
        header = self._row(block.header, block.header_style, columns, block.origin, header=True)
        rows = [self._row(row, block.style, columns, block.origin) for row in block.rows]
        self.result.rows_of[index] = [r[0] for r in [header, *rows]]
        caption = self._lines(block.caption) if block.caption is not None else None
        first = header[0] + rows[0][0] + (len(caption.lines) * caption.per_line if caption else 0)
        # word processors set a table's top border above its first row: a table that would
        # end exactly on the type area's bottom edge does not fit there
        frame = self.profile.figures.frame
        room = self.lines - (self.profile.rules[frame].width / self.pitch if frame else 0)
        if self.slot > 0 and self.slot + first > room + EPSILON:
            self._new_page()
        if caption is not None:
            for number in range(len(caption.lines)):
                self._place(
                    caption, number, self._baseline(caption.style, self.slot, caption.per_line)
                )
                self.slot += caption.per_line
        self._table_row(header, lefts, columns, (index, 0), block.origin, top_rule=True)
        for number, row in enumerate(rows, start=1):
            if self.slot + row[0] > room + EPSILON:
                self._table_close()
                self._new_page()
                # the header again
                self._table_row(header, lefts, columns, (index, 0), block.origin, top_rule=True)
            self._table_row(row, lefts, columns, (index, number), block.origin)
        self._table_close()

    def _row(
        self,
        cells: Sequence[str],
        style: str,
        columns: list[float],
        origin: tuple[Any, ...],
        header: bool = False,
    ) -> tuple[int, list[list[tuple[linebreak.Line, float]]], str]:
        """A row's lines (as many as its fullest cell), each cell's lines placed in its
        column (numbers to the right, header centred).  A column too narrow for a character,
        a number or a Latin word is an error naming the table."""
        size = self.sizes[style]
        pad = self.profile.figures.padding * size
        placed = []
        for number, (text, column) in enumerate(zip(cells, columns, strict=True), start=1):
            room = column - 2 * pad
            words = [w for w in re.findall(r"[!-~]+", text) if self._latin_width(w, style) > room]
            if room < size or words:
                what = f"“{words[0]}”" if words else "一个字"
                raise self._error(
                    origin,
                    f"表格第 {number} 列太窄，放不下{what}：请用 widths 加宽这一列，或减少列数",
                )
            indent = 0.0
            right = (self.width - room) / size - indent
            lines = self._break([Run(text)], style, indent, right) if text else []
            align = "center" if header else ("right" if _NUMBER.fullmatch(text.strip()) else "left")
            placed.append([(line, _x0(align, pad, column - pad, _used(line))) for line in lines])
        count = max(1, max(len(c) for c in placed))
        return count, placed, style

    def _table_row(
        self,
        row: tuple[int, list[list[tuple[linebreak.Line, float]]], str],
        lefts: list[float],
        columns: list[float],
        at: tuple[int, int],
        origin: tuple[Any, ...],
        top_rule: bool = False,
    ) -> None:
        """Row ``at`` (table block, row number; 0 is the header) set on the grid; ``origin``:
        the table's, for the region the row takes."""
        count, cells, style = row
        figures = self.profile.figures
        top = self.top + self.slot * self.pitch
        per_line = self.styles[style].line_height
        for column, (left, lines) in enumerate(zip(lefts, cells, strict=True)):
            self.block = (*at, column)
            for number, (line, x) in enumerate(lines):
                baseline = self._baseline(style, self.slot + number * per_line, per_line)
                self._keep(self.page, PlacedLine(line, style, baseline, left + x))
        height = count * per_line * self.pitch
        self._mark(origin, top, top + height)
        rule = figures.frame if top_rule else figures.inner
        self._table_rule(rule, self.left, self.left + self.width, top)
        for left in lefts[1:]:
            self._table_rule(figures.inner, left, left, top, top + height)
        self._table_rule(figures.frame, self.left, self.left, top, top + height)
        right = self.left + self.width
        self._table_rule(figures.frame, right, right, top, top + height)
        self.slot += count * per_line
        self.baseline = None

    def _table_close(self) -> None:
        y = self.top + self.slot * self.pitch
        self._table_rule(self.profile.figures.frame, self.left, self.left + self.width, y)

    def _table_rule(
        self, name: str | None, x0: float, x1: float, y: float, y1: float | None = None
    ) -> None:
        if name is None:
            return
        rule = self.profile.rules[name]
        colour = self.profile.colour(rule.colour)
        self.page.rules.append(PlacedRule(x0, x1, y, rule.width, colour, y1))

    def _rule(self, name: str, bottom_of_page: bool = False) -> None:
        rule = self.profile.rules[name]
        if rule.bottom and bottom_of_page:
            # GB/T 9704 §7.4: the 版记's last rule on the type area's bottom edge
            y = self.top + self.profile.page.type_height
        elif rule.below_baseline is not None and self.baseline is not None:
            y = self.baseline + rule.below_baseline
        else:
            y = self.top + self.slot * self.pitch
        colour = self.profile.colour(rule.colour)
        self.page.rules.append(PlacedRule(self.left, self.left + self.width, y, rule.width, colour))

    # the anchored group and page numbers --------------------------------------------------

    def _anchored(self) -> None:
        group = self.document.anchored
        assert group is not None
        made = {i: self._lines(b) for i, b in enumerate(group.blocks) if isinstance(b, Text)}
        height = sum(len(m.lines) * m.per_line for m in made.values())
        height += sum(b.lines for b in group.blocks if isinstance(b, Space))
        self.result.end_lines = math.ceil(height - EPSILON)
        if height > self.lines:
            first = next((b.origin for b in group.blocks if isinstance(b, Text)), ())
            raise self._error(first, "末页底部的内容太长，一页放不下，请删减")
        fits = self.slot + height <= self.lines + EPSILON
        self.result.anchored = "last_page"
        if not fits or (group.even_page and len(self.pages) % 2 == 1):
            needs_blank = group.even_page and len(self.pages) % 2 == 0
            if needs_blank:
                self._new_page("blank")
            self._new_page("end_only")
            self.result.anchored = "after_blank" if needs_blank else "own_page"
        self.slot = self.lines - height
        last = len(group.blocks) - 1
        for index, block in enumerate(group.blocks):
            self.block = (len(self.document.flow) + index, -1, -1)
            if isinstance(block, Text):
                lines = made[index]
                for number in range(len(lines.lines)):
                    self._place(
                        lines, number, self._baseline(lines.style, self.slot, lines.per_line)
                    )
                    self.slot += lines.per_line
            elif isinstance(block, Space):
                self.slot += block.lines
            elif isinstance(block, Rule):
                self._rule(block.rule, bottom_of_page=index == last)

    def _error(self, at: tuple[Any, ...], message: str) -> SourceError:
        where, local = (
            self.document.locate(at) if self.document.locate else (Location(Path("")), at)
        )
        return SourceError([Problem(where, dotted(local), message)])

    def _page_numbers(self) -> None:
        """``— N —`` under the type area (GB/T 9704 §7.5): odd pages right, even pages left,
        one character in; none on the kinds of page the template leaves unnumbered."""
        settings = self.profile.page_number
        skip = set(settings.skip)
        before, after = self.document.page_number
        size = self.sizes["page_number"]
        baseline = (
            self.top
            + self.profile.page.type_height
            + settings.below_type_area
            + self.profile.grid.em_ascent * size
        )
        self.block = (-1, -1, -1)
        for index, page in enumerate(self.pages, start=1):
            if not skip.isdisjoint(_number_kinds(self.pages, index - 1)):
                page.number = None
                continue
            page.number = index
            line = self._break([Run(f"{before}{index}{after}")], "page_number", 0, 0)[0]
            used = _used(line)
            indent = settings.indent * settings.indent_size
            side = settings.odd if index % 2 else settings.even
            if side == "right":
                x0 = self.left + self.width - indent - used
            elif side == "left":
                x0 = self.left + indent
            else:
                x0 = self.left + (self.width - used) / 2
            self._keep(page, PlacedLine(line, "page_number", baseline, x0))


def _number_kinds(pages: Sequence[Page], index: int) -> set[str]:
    """What page ``index`` is, as the template's ``page_number.skip`` names it: its kind, and
    "end_after_blank" for the end block's own page after a blank page (§7.5)."""
    kind = pages[index].kind
    kinds: set[str] = {kind}
    if kind == "end_only" and index > 0 and pages[index - 1].kind == "blank":
        kinds.add("end_after_blank")
    return kinds


def _used(line: linebreak.Line) -> float:
    """The width a placed line takes, in points."""
    return line.x[-1] + line.width[-1] if line.boxes else 0.0


def _x0(align: str | None, left: float, right: float, used: float) -> float:
    if align == "center":
        return left + (right - left - used) / 2
    if align == "right":
        return right - used
    return left
