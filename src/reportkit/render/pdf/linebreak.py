"""Chinese line breaking on a character grid (GB/T 15834 §5.1, W3C clreq).

Text becomes boxes: one Han character or full-width mark per grid cell, a Latin word or a
number taking whole cells.  Lines are filled greedily; where a break would put a forbidden mark
at a line's start or end, the line first tries to squeeze the mark in by compressing
punctuation (先挤进), and only then pushes characters down and spreads the line (后推出).  Nothing
hangs into the margin.  Full lines are justified to both edges; a paragraph's last line is set
flush left.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportkit.template.profile import LineBreaking

EPSILON = 1e-6


@dataclass(slots=True)
class Box:
    """What sits in one or more grid cells: a character, or a Latin word or number."""

    text: str
    style: str
    cells: float
    latin: bool = False
    glue: bool = False  # no break after this box

    @property
    def first(self) -> str:
        return self.text[0]

    @property
    def last(self) -> str:
        return self.text[-1]


@dataclass(slots=True)
class Line:
    """Boxes of one line with their left edges and widths, in points from the line's start."""

    boxes: list[Box]
    x: list[float] = field(default_factory=list)
    width: list[float] = field(default_factory=list)
    compressed: set[int] = field(default_factory=set)
    indent: float = 0.0

    @property
    def text(self) -> str:
        return "".join(box.text for box in self.boxes)


def is_mark(text: str) -> bool:
    """A full-width punctuation mark (may be compressed to half a cell)."""
    return (
        len(text) == 1
        and unicodedata.category(text).startswith("P")
        and unicodedata.east_asian_width(text) in "FWA"
    )


def is_opening(text: str) -> bool:
    """An opening mark keeps its right half when compressed."""
    return len(text) == 1 and unicodedata.category(text) in ("Ps", "Pi")


def make_boxes(
    runs: Sequence[tuple[str, str]],
    rules: LineBreaking,
    cell: float,
    latin_width: Callable[[str, str], float],
    capacity: int,
    grid: bool = True,
) -> list[Box]:
    """Boxes for ``runs`` of (text, style).  On the grid a Latin run takes whole cells (it may
    be squeezed by up to ``rules.latin_squeeze`` of a cell to save one); off the grid, its own
    width."""
    cells_of = _whole_cells(rules.latin_squeeze) if grid else (lambda cells: cells)
    boxes: list[Box] = []
    for text, style in runs:
        i = 0
        while i < len(text):
            char = text[i]
            if char.isascii() and (not char.isspace() or not grid):
                j = i
                while (
                    j < len(text)
                    and text[j].isascii()
                    and (not text[j].isspace() or not grid or _inner_space(text, j))
                ):
                    j += 1
                boxes += _latin(text[i:j], style, cell, latin_width, capacity, cells_of)
                i = j
                continue
            if char in "\n\r\t":
                i += 1
                continue
            boxes.append(Box(char, style, 1.0))
            i += 1
    _glue(boxes, rules)
    return boxes


def _inner_space(text: str, j: int) -> bool:
    """A space between two Latin characters belongs to the Latin run."""
    return (
        0 < j < len(text) - 1
        and text[j - 1].isascii()
        and text[j + 1].isascii()
        and not text[j + 1].isspace()
    )


def _whole_cells(squeeze: float) -> Callable[[float], float]:
    def cells(width_in_cells: float) -> float:
        return max(1, math.ceil(width_in_cells - squeeze - EPSILON))

    return cells


def _latin(
    text: str,
    style: str,
    cell: float,
    width: Callable[[str, str], float],
    capacity: int,
    cells_of: Callable[[float], float],
) -> list[Box]:
    """A Latin run as one box; a run wider than a line is cut at spaces, or anywhere."""
    cells = cells_of(width(text, style) / cell)
    if cells <= capacity:
        return [Box(text, style, cells, latin=True)]
    pieces, current = [], ""
    for word in text.split(" ") if " " in text else list(text):
        candidate = f"{current} {word}" if current and " " in text else current + word
        if current and cells_of(width(candidate, style) / cell) > capacity:
            pieces.append(current)
            current = word
        else:
            current = candidate
    pieces.append(current)
    return [Box(p, style, cells_of(width(p, style) / cell), latin=True) for p in pieces if p]


def _glue(boxes: list[Box], rules: LineBreaking) -> None:
    """Mark places a line may not break: inside ——, ……, between a number and its unit."""
    for i in range(len(boxes) - 1):
        here, after = boxes[i], boxes[i + 1]
        pair = here.last + after.first
        if pair in rules.no_split or (
            here.latin and here.last.isdigit() and after.first in rules.units
        ):
            here.glue = True


def may_break(boxes: Sequence[Box], i: int, rules: LineBreaking) -> bool:
    """May a line end after ``boxes[i - 1]`` and the next start with ``boxes[i]``?"""
    if i <= 0 or i >= len(boxes):
        return True
    before, after = boxes[i - 1], boxes[i]
    return not (before.glue or after.first in rules.no_start or before.last in rules.no_end)


def break_lines(
    boxes: list[Box],
    capacity: float,
    first_indent: float,
    rules: LineBreaking,
    rest_indent: float = 0,
) -> list[Line]:
    """Lines of at most ``capacity`` cells; the first is shortened by ``first_indent`` cells,
    the others by ``rest_indent`` (a hanging indent)."""
    lines: list[Line] = []
    start = 0
    while start < len(boxes):
        indent = first_indent if not lines else rest_indent
        room = capacity - indent
        end, used = start, 0.0
        while end < len(boxes) and used + boxes[end].cells <= room + EPSILON:
            used += boxes[end].cells
            end += 1
        if end == start:  # a box wider than the line: it goes alone
            end += 1
        compressed: set[int] = set()
        if end < len(boxes) and not may_break(boxes, end, rules):
            squeezed = _squeeze(boxes, start, end, room, rules)
            if squeezed is not None:
                end, compressed = squeezed
            else:
                end = _push(boxes, start, end, rules)
        line = Line(boxes[start:end], compressed={i - start for i in compressed}, indent=indent)
        lines.append(line)
        start = end
    return lines


def _squeeze(
    boxes: list[Box], start: int, end: int, room: float, rules: LineBreaking
) -> tuple[int, set[int]] | None:
    """Take the forbidden marks onto this line by compressing punctuation, if that suffices."""
    stop = end
    while stop < len(boxes) and not may_break(boxes, stop, rules) and stop - end < 2:
        stop += 1
    if not may_break(boxes, stop, rules):
        return None
    overflow = sum(b.cells for b in boxes[start:stop]) - room
    chosen: set[int] = set()
    last = stop - 1
    if is_mark(boxes[last].text) and not is_opening(boxes[last].text) and boxes[last].cells == 1:
        chosen.add(last)  # a mark at the line's end may lose half its width
    for i in range(stop - 2, start - 1, -1):
        if len(chosen) * 0.5 >= overflow - EPSILON:
            break
        here, after = boxes[i], boxes[i + 1]
        if not (is_mark(here.text) and is_mark(after.text)):
            continue
        # two adjacent marks shrink to one and a half cells: a closing mark gives up its right
        # half, an opening mark its left half
        target = i if not is_opening(here.text) else (i + 1 if is_opening(after.text) else None)
        if target is not None and target != last:
            chosen.add(target)
    if len(chosen) * 0.5 >= overflow - EPSILON:
        return stop, chosen
    return None


def _push(boxes: list[Box], start: int, end: int, rules: LineBreaking) -> int:
    """Move characters down until the break is allowed; a line that cannot break stays as it is."""
    cut = end
    while cut > start + 1 and not may_break(boxes, cut, rules):
        cut -= 1
    return cut if may_break(boxes, cut, rules) else end


def place(line: Line, capacity: float, cell: float, justify: bool) -> Line:
    """Left edges and widths of the line's boxes; a justified line reaches the right edge."""
    widths = [
        b.cells * cell * (0.5 if i in line.compressed else 1.0) for i, b in enumerate(line.boxes)
    ]
    used = sum(widths)
    room = (capacity - line.indent) * cell
    gap = (room - used) / (len(widths) - 1) if justify and len(widths) > 1 and room > used else 0.0
    x, positions = line.indent * cell, []
    for width in widths:
        positions.append(x)
        x += width + gap
    line.x, line.width = positions, widths
    return line
