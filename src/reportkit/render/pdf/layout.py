"""Pages laid out on the grid: every glyph placed, ready to draw (no drawing here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.compose.blocks import Document, Paragraph, Run
from reportkit.errors import Location, Problem, SourceError
from reportkit.render.pdf import linebreak
from reportkit.render.pdf.faces import Faces
from reportkit.source.yamlfile import dotted
from reportkit.template.profile import Profile

EPSILON = 1e-6


@dataclass(slots=True)
class Glyphs:
    """A run of glyphs in one font, size and colour, evenly spaced: x and baseline from the
    page's top-left, in points."""

    x: float
    baseline: float
    text: str
    font: str
    size: float
    colour: str
    char_space: float = 0.0
    scale: float = 100.0


@dataclass(slots=True)
class Rule:
    """A horizontal rule centred on ``y``."""

    x0: float
    x1: float
    y: float
    width: float
    colour: str


@dataclass(slots=True)
class Page:
    """One page: its glyph runs, rules, printed number (None: no number) and outline entries."""

    glyphs: list[Glyphs] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    number: int | None = None
    outlines: list[tuple[str, float]] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A paragraph broken into lines, with what pagination needs to know about it."""

    style: str
    lines: list[linebreak.Line]
    per_line: float
    space_before: float
    keep_with_next: bool
    widow_control: bool
    page_break_before: bool = False
    outline: str | None = None


class _Blocks:
    """The body's paragraphs broken into lines when pagination first asks for them (it looks
    ahead only as far as keep-with-next reaches) and forgotten once placed: a long document's
    line boxes are never all in memory at once."""

    def __init__(self, paragraphs: Sequence[Paragraph], make: Callable[[Paragraph], Block]):
        self._paragraphs, self._make = paragraphs, make
        self._made: dict[int, Block] = {}

    def __len__(self) -> int:
        return len(self._paragraphs)

    def __getitem__(self, index: int) -> Block:
        block = self._made.get(index)
        if block is None:
            block = self._made[index] = self._make(self._paragraphs[index])
        return block

    def forget(self, index: int) -> None:
        """Drop block ``index``: it is on its pages."""
        self._made.pop(index, None)


class Layout:
    """Lays a Document out on the template's grid, page by page."""

    def __init__(self, document: Document, profile: Profile, faces: Faces):
        self.document, self.profile, self.faces = document, profile, faces
        self.styles = {name: profile.style(name) for name in profile.styles}
        self.paint = {
            name: (style.size or 0, profile.colour(style.colour or "text"))
            for name, style in self.styles.items()
        }
        page = profile.page
        self.left, self.top, self.width = page.margin_left, page.margin_top, page.type_width
        self.pitch, self.lines = profile.grid.line_pitch, profile.grid.lines
        self.pages: list[Page] = []
        self.slot = 0.0
        # character widths as a word processor sets them (see linebreak.make_boxes)
        self.measure = linebreak.Measure(
            han=lambda style: self.paint[style][0],
            tracking=profile.grid.character_spacing,
            latin_space=lambda style: self.paint[style][0] * profile.line_breaking.latin_space,
        )

    def run(self) -> list[Page]:
        """All pages of the document."""
        self._new_page()
        self._masthead()
        blocks = _Blocks(self.document.body, self._block)
        for index in range(len(blocks)):
            self._flow(blocks, index)
            blocks.forget(index)
        if self.document.end_matter:
            self._end_matter()
        self._page_numbers()
        return self.pages

    # pages and slots -------------------------------------------------------------------

    def _new_page(self, numbered: bool = True) -> None:
        self.pages.append(Page(number=0 if numbered else None))
        self.slot = 0.0

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def _baseline(self, style: str, slot: float, per_line: float) -> float:
        size = self.styles[style].size or 0
        return self.top + slot * self.pitch + self.profile.baseline_in_line(size, per_line)

    # lines ------------------------------------------------------------------------------

    def _break(self, runs: Sequence[Run], style: str, hanging: float = 0) -> list[linebreak.Line]:
        """``runs`` broken into placed lines of ``style`` (``hanging``: indent of lines after the
        first, in cells)."""
        s = self.styles[style]
        size = s.size or 0
        cell = self.profile.char_width if s.grid else size
        rules = self.profile.line_breaking
        capacity = (self.width - (s.indent_left + s.indent_right) * size) / cell
        fill = capacity - rules.reserve / cell  # lines are filled to this, justified to the full
        pairs = [(run.text, run.style or style) for run in runs]
        boxes = linebreak.make_boxes(
            pairs, rules, cell, self._latin_width, fill, s.grid, self.measure
        )
        first = s.first_line_indent * size / cell
        lines = linebreak.break_lines(boxes, fill, first, rules, hanging)
        for number, line in enumerate(lines):
            last = number == len(lines) - 1
            linebreak.place(line, capacity, cell, justify=s.align == "justify" and not last)
        return lines

    def _latin_width(self, text: str, style: str) -> float:
        size = self.styles[style].size or 0
        return sum(self.faces.advance(style, ch, size) for ch in text)

    def _draw_line(
        self,
        line: linebreak.Line,
        style: str,
        baseline: float,
        scale: float = 1.0,
        align: str | None = None,
    ) -> None:
        """Place a broken line's glyphs, aligned as its style says (or as ``align`` says)."""
        s = self.styles[style]
        size = s.size or 0
        left = self.left + s.indent_left * size
        right = self.left + self.width - s.indent_right * size
        used = (line.x[-1] + line.width[-1]) * scale if line.boxes else 0.0
        align = align or s.align
        if align == "center":
            x0 = left + (right - left - used) / 2
        elif align == "right":
            x0 = right - used
        else:
            x0 = left
        self.page.glyphs += self._glyphs(line, style, baseline, x0, scale)

    def _glyphs(
        self, line: linebreak.Line, style: str, baseline: float, x0: float, scale: float = 1.0
    ) -> list[Glyphs]:
        """The glyph runs of a placed line starting at ``x0``."""
        size = self.styles[style].size or 0
        advance_of, font_of = self.faces.advance, self.faces.font
        glyphs: list[
            tuple[float, str, str | None, str, float]
        ] = []  # x, char, font, style, advance
        for i, box in enumerate(line.boxes):
            x, width, text = line.x[i], line.width[i], box.text
            box_size = self.paint[box.style][0] or size
            if len(text) == 1 and not box.latin and i not in line.compressed:
                # one character centred in its cell: nearly every box
                advance = advance_of(box.style, text, box_size)
                if not text.isspace():
                    gx = x0 + (x + (width - advance) / 2) * scale
                    glyphs.append((gx, text, font_of(box.style, text), box.style, advance * scale))
                continue
            advances = [advance_of(box.style, ch, box_size) for ch in text]
            steps = list(advances)  # how far each glyph moves the pen here
            if box.latin:
                # the run's own width with its character spacing, after the space before it
                tracking = self.measure.tracking
                steps = [a + tracking for a in advances]
                gx = x + line.lead[i]
            elif i in line.compressed:
                full = width * 2  # a compressed mark keeps the half of its cell it is drawn in
                gx = x + (full - advances[0]) / 2 - (width if linebreak.is_opening(text) else 0)
            else:
                gx = x
            for ch, advance, step in zip(text, advances, steps, strict=True):
                if not ch.isspace():
                    glyphs.append(
                        (x0 + gx * scale, ch, font_of(box.style, ch), box.style, advance * scale)
                    )
                gx += step
        return _runs(glyphs, baseline, self.paint, scale)

    # blocks -----------------------------------------------------------------------------

    def _block(self, paragraph: Paragraph) -> Block:
        s = self.styles[paragraph.style]
        lines = [line for runs in paragraph.lines for line in self._break(runs, paragraph.style)]
        return Block(
            paragraph.style,
            lines,
            s.line_height,
            s.space_before,
            s.keep_with_next,
            s.widow_control,
            paragraph.page_break_before,
            paragraph.outline,
        )

    def _min_slots(self, blocks: _Blocks, index: int) -> float:
        """Slots a block needs on the page where it starts: its first lines (two for
        paragraphs that avoid lone lines), plus what follows when it keeps with the next."""
        block = blocks[index]
        count = len(block.lines) if not block.widow_control else min(2, len(block.lines))
        need = count * block.per_line
        if block.keep_with_next and index + 1 < len(blocks):
            need += blocks[index + 1].space_before + self._min_slots(blocks, index + 1)
        return need

    def _flow(self, blocks: _Blocks, index: int) -> None:
        block = blocks[index]
        if block.page_break_before and self.slot > 0:
            self._new_page()
        space = block.space_before if self.slot > 0 else 0
        if (
            self.slot > 0
            and self.slot + space + self._min_slots(blocks, index) > self.lines + EPSILON
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
                if rest - take == 1 and take >= 3:
                    take -= 1  # no lone last line at the top of the next page
                elif done == 0 and take == 1:
                    take = 0  # no lone first line at the bottom of this page
            if take <= 0:
                self._new_page()
                continue
            for line in block.lines[done : done + take]:
                self._draw_line(
                    line, block.style, self._baseline(block.style, self.slot, block.per_line)
                )
                self.slot += block.per_line
            done += take
            if done < len(block.lines):
                self._new_page()

    # masthead, end matter, page numbers ------------------------------------------------

    def _masthead(self) -> None:
        m = self.document.masthead
        rows: list[tuple[str, str]] = []
        if m.mark:
            rows.append(("mark", m.mark))
        rows += [("masthead_name", line) for line in m.name_lines]
        rows.append(("masthead_issue", m.issue))
        if m.volume:
            rows.append(("masthead_volume", m.volume))
        for style, text in rows:
            s = self.styles[style]
            line = (
                self._break([Run(text)], style)[0]
                if style != "masthead_name"
                else self._name_line(text)
            )
            scale = (
                min(1.0, self.width / max(line.x[-1] + line.width[-1], EPSILON))
                if style == "masthead_name"
                else 1.0
            )
            self._draw_line(line, style, self._baseline(style, self.slot, s.line_height), scale)
            self.slot += s.line_height
        s = self.styles["masthead_line"]
        date = self._break([Run(m.date)], "masthead_line")[0]
        units = self._break([Run(m.unit)], "masthead_line")
        # a unit too long for one line wraps; the date goes right on its last line, or on a
        # line of its own when that one is full
        size = s.size or 0
        room = self.width - (s.indent_left + s.indent_right) * size
        used = _used(units[-1]) + _used(date) + size
        for unit in units:
            baseline = self._baseline("masthead_line", self.slot, s.line_height)
            self._draw_line(unit, "masthead_line", baseline)
            self.slot += s.line_height
        if used > room + EPSILON:
            baseline = self._baseline("masthead_line", self.slot, s.line_height)
            self.slot += s.line_height
        self._draw_line(date, "masthead_line", baseline, align="right")
        if self.slot > self.lines - 2:
            where, field = (
                self.document.locate(("masthead", "unit"))
                if self.document.locate
                else (Location(Path("")), ("masthead", "unit"))
            )
            raise SourceError(
                [Problem(where, dotted(field), "报头太长，第一页放不下报头和正文，请缩短编印单位")]
            )
        rule = self.profile.masthead.rule
        y = baseline + rule.below_baseline
        self.page.rules.append(
            Rule(self.left, self.left + self.width, y, rule.width, self.profile.colour(rule.colour))
        )
        self.slot += self.profile.masthead.lines_after

    def _name_line(self, text: str) -> linebreak.Line:
        """The bulletin name on one line, whatever its width (it is squeezed to fit)."""
        size = self.styles["masthead_name"].size or 0
        boxes = linebreak.make_boxes(
            [(text, "masthead_name")],
            self.profile.line_breaking,
            size,
            self._latin_width,
            10**6,
            grid=False,
            measure=self.measure,
        )
        line = linebreak.Line(boxes)
        return linebreak.place(line, 10**6, size, justify=False)

    def _end_matter(self) -> None:
        end = self.document.end_matter
        assert end is not None
        rows = [line for text in end.lines for line in self._end_rows(text)]
        copies = self._break([Run(end.copies)], "end_matter")[:1] if end.copies else []
        total = len(rows) + len(copies)
        if self.slot + total > self.lines + EPSILON:
            self._new_page(
                numbered=False
            )  # GB/T 9704 §7.5: an end-block page on its own has no number
        first = self.lines - total
        for number, line in enumerate(rows):
            self._draw_line(line, "end_matter", self._baseline("end_matter", first + number, 1))
        geometry = self.profile.end_matter
        colour = self.profile.colour(geometry.colour)
        x0, x1 = self.left, self.left + self.width
        if copies:
            self._draw_line(
                copies[0],
                "end_matter",
                self._baseline("end_matter", self.lines - 1, 1),
                align="right",
            )
            if rows:
                self.page.rules.append(
                    Rule(
                        x0,
                        x1,
                        self.top + (self.lines - 1) * self.pitch,
                        geometry.middle_rule,
                        colour,
                    )
                )
        self.page.rules.append(
            Rule(x0, x1, self.top + first * self.pitch, geometry.first_rule, colour)
        )
        # GB/T 9704 §7.4: the last rule on the type area's bottom edge (22 lines of 28.95 pt end
        # 0.9 pt above it)
        bottom = self.top + self.profile.page.type_height
        self.page.rules.append(Rule(x0, x1, bottom, geometry.last_rule, colour))

    def _end_rows(self, text: str) -> list[linebreak.Line]:
        """An end-matter line, wrapped with its continuation aligned after the label (报：)."""
        label = text.index("：") + 1 if "：" in text else 0
        return self._break([Run(text)], "end_matter", hanging=label)

    def _page_numbers(self) -> None:
        settings = self.profile.page_number
        before, after = self.document.page_number
        s = self.styles["page_number"]
        size = s.size or 0
        for index, page in enumerate(self.pages, start=1):
            if page.number is None:
                continue
            page.number = index
            line = self._break([Run(f"{before}{index}{after}")], "page_number")[0]
            baseline = (
                self.top
                + self.profile.page.type_height
                + settings.below_type_area
                + self.profile.grid.em_ascent * size
            )
            used = line.x[-1] + line.width[-1]
            indent = settings.indent * settings.indent_size
            side = settings.odd if index % 2 else settings.even
            if side == "right":
                x0 = self.left + self.width - indent - used
            elif side == "left":
                x0 = self.left + indent
            else:
                x0 = self.left + (self.width - used) / 2
            page.glyphs += self._glyphs(line, "page_number", baseline, x0)


def _used(line: linebreak.Line) -> float:
    """The width a placed line takes, in points."""
    return line.x[-1] + line.width[-1] if line.boxes else 0.0


def _runs(
    glyphs: list[tuple[float, str, str | None, str, float]],
    baseline: float,
    paint: dict[str, tuple[float, str]],
    scale: float,
) -> list[Glyphs]:
    """Consecutive glyphs in one font and style, evenly spaced, as one run with character spacing.

    ``paint``: each style's size and colour.
    """
    out: list[Glyphs] = []
    previous: tuple[float, float] | None = None  # x and advance of the last glyph
    for x, ch, font, style, advance in glyphs:
        size, colour = paint[style]
        if out and previous is not None:
            run = out[-1]
            space = x - previous[0] - previous[1]
            same = run.font == font and run.size == size and run.colour == colour
            if same and (len(run.text) == 1 or abs(space - run.char_space) < 0.01):
                if len(run.text) == 1:
                    run.char_space = space
                run.text += ch
                previous = (x, advance)
                continue
        out.append(Glyphs(x, baseline, ch, font or "", size, colour, 0.0, scale * 100))
        previous = (x, advance)
    return out
