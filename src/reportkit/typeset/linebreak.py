"""Chinese line breaking on a character grid (GB/T 15834 §5.1, W3C clreq).

Text becomes boxes: one Han character or full-width mark per grid cell, a Latin word or a
number taking whole cells.  Lines are filled greedily; where a break would put a forbidden mark
at a line's start or end, the line first tries to squeeze the mark in by compressing
punctuation (先挤进), and only then pushes characters down and spreads the line (后推出).  Nothing
hangs into the margin.  Full lines are justified to both edges; a paragraph's last line is set
flush left.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from typing import NamedTuple

from reportkit.template.profile import LineBreaking

EPSILON = 1e-6
# Word's "no-width non break" (U+200D): no line break on either side of it in Word, and no
# width in LibreOffice (which breaks Chinese text beside any joiner; a word joiner, U+2060,
# would take room there and cost full lines a character)
JOINER = "\u200d"
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


@dataclass(slots=True)
class Box:
    """What sits in one or more grid cells: a character, or a Latin word or number."""

    text: str
    style: str
    cells: float
    latin: bool = False
    glue: bool = False  # no break after this box
    # space set off beside Han text, in cells: it counts only inside a line, not at its ends
    space_before: float = 0.0
    space_after: float = 0.0

    @property
    def first(self) -> str:
        return self.text[0]

    @property
    def last(self) -> str:
        return self.text[-1]


class Measure(NamedTuple):
    """Character widths as a word processor sets them: a Han character or full-width mark
    ``han(style)`` points (one cell when None), every character ``tracking`` points more
    (Word's character spacing), a Latin word beside Han text set off by ``latin_space(style)``
    points (none when None)."""

    han: Callable[[str], float] | None = None
    tracking: float = 0.0
    latin_space: Callable[[str], float] | None = None


@dataclass(slots=True)
class Line:
    """Boxes of one line with their left edges and widths, in points from the line's start."""

    boxes: list[Box]
    x: list[float] = field(default_factory=list)
    width: list[float] = field(default_factory=list)
    compressed: set[int] = field(default_factory=set)
    indent: float = 0.0
    lead: list[float] = field(default_factory=list)  # points of each box's space before its text

    @property
    def text(self) -> str:
        return "".join(box.text for box in self.boxes)


def is_opening(text: str) -> bool:
    """An opening mark keeps its right half when compressed."""
    return len(text) == 1 and unicodedata.category(text) in ("Ps", "Pi")


def make_boxes(
    runs: Sequence[tuple[str, str]],
    rules: LineBreaking,
    cell: float,
    latin_width: Callable[[str, str], float],
    capacity: float,
    grid: bool = True,
    measure: Measure | None = None,
    keep: Sequence[int] = (),
) -> list[Box]:
    """Boxes for ``runs`` of (text, style), their widths in cells of ``cell`` points.

    The widths are those a word processor gives the same text (``measure``), so that the PDF
    and the .docx break lines alike; without it a Han character takes one cell and a Latin
    word its own width.  ``keep``: for each run, how many of its first characters (running
    on into the next runs) stay on one line (a point's number and what follows it): no break
    where the word processor is given a joiner (``joiners``).
    """
    measure = measure or Measure()
    tracking = measure.tracking
    boxes: list[Box] = []
    starts = {seq[0] for seq in rules.no_split}
    # the boxes the finishing rules look at: Latin words, marks that begin a pair not to split
    latin: list[int] = []
    marks: list[int] = []
    joined = joiners(
        [(text, keep[n] if n < len(keep) else 0) for n, (text, _) in enumerate(runs)], rules
    )
    for number, (text, style) in enumerate(runs):
        full = ((measure.han(style) if measure.han else cell) + tracking) / cell
        here = joined[number]
        i = 0
        while i < len(text):
            if here and i in here and boxes:
                boxes[-1].glue = True  # a joiner before this character
            char = text[i]
            if char.isascii() and (not char.isspace() or not grid):
                j = i
                while (
                    j < len(text)
                    and text[j].isascii()
                    and (not text[j].isspace() or not grid or _inner_space(text, j))
                ):
                    j += 1
                first = len(boxes)
                boxes += _latin(text[i:j], style, cell, latin_width, capacity, tracking)
                latin += range(first, len(boxes))
                i = j
                continue
            if char in "\n\r\t":
                i += 1
                continue
            # a run of characters that are not ASCII: one box each (nearly all the text), up
            # to a joiner
            more = _NOT_ASCII.match(text, i + 1)
            j = more.end() if more else i + 1
            if here:
                j = min([k for k in here if i < k < j], default=j)
            if not starts.isdisjoint(text[i:j]):
                marks += [len(boxes) + k - i for k in range(i, j) if text[k] in starts]
            boxes += map(Box, text[i:j], repeat(style), repeat(full))
            i = j
    if measure.latin_space is not None:
        _space_latin(boxes, latin, cell, measure.latin_space, rules.units)
    _glue(boxes, sorted(latin + marks), rules)
    return boxes


def joiners(runs: Sequence[tuple[str, int]], rules: LineBreaking) -> list[set[int]]:
    """Where a word processor needs a joiner to keep together what the runs keep (a
    point's number and the character after it): for each run (text, keep), the indexes of
    the characters a joiner goes before.  None where the rules forbid a break anyway, inside
    a Latin word, or in a paragraph's first run, at whose start no line breaks so soon."""
    out: list[set[int]] = []
    kept = 0  # characters still to keep together, from the runs before
    previous = ""  # the character before, when it is kept with the next
    for number, (text, keep) in enumerate(runs):
        kept = max(kept, keep if number else 0)
        here: set[int] = set()
        for index, char in enumerate(text):
            if previous and not (
                previous in rules.no_end
                or char in rules.no_start
                or (previous.isascii() and char.isascii())
            ):
                here.add(index)
            if not kept:
                break
            kept -= 1
            previous = char if kept else ""
        out.append(here)
    return out


def _space_latin(
    boxes: list[Box], latin: list[int], cell: float, space: Callable[[str], float], units: str
) -> None:
    """A Latin word or number (the boxes at ``latin``) beside a Han character (not a mark)
    takes a little space on that side, as word processors set it — but not a number before
    its unit (2018年), which the .docx joins with a word joiner."""
    for i in latin:
        box = boxes[i]
        extra = space(box.style) / cell
        before = boxes[i - 1] if i else None
        after = boxes[i + 1] if i + 1 < len(boxes) else None
        if before and not before.latin and before.last.isalnum() and box.first.isalnum():
            box.space_before = extra
        unit = box.last.isdigit() and after is not None and after.first in units
        if after and not after.latin and after.first.isalnum() and box.last.isalnum() and not unit:
            box.space_after = extra


def _inner_space(text: str, j: int) -> bool:
    """A space between two Latin characters belongs to the Latin run."""
    return (
        0 < j < len(text) - 1
        and text[j - 1].isascii()
        and text[j + 1].isascii()
        and not text[j + 1].isspace()
    )


def _latin(
    text: str,
    style: str,
    cell: float,
    width: Callable[[str, str], float],
    capacity: float,
    tracking: float,
) -> list[Box]:
    """A Latin run as one box; a run wider than a line is cut at spaces, or anywhere."""

    def cells(piece: str) -> float:
        return (width(piece, style) + tracking * len(piece)) / cell

    if cells(text) <= capacity:
        return [Box(text, style, cells(text), latin=True)]
    pieces, current = [], ""
    spaced = " " in text  # asked once: a run of many words is read once, not once per word
    for word in text.split(" ") if spaced else list(text):
        candidate = f"{current} {word}" if current and spaced else current + word
        if current and cells(candidate) > capacity:
            pieces.append(current)
            current = word
        else:
            current = candidate
    pieces.append(current)
    return [Box(p, style, cells(p), latin=True) for p in pieces if p]


def _glue(boxes: list[Box], where: list[int], rules: LineBreaking) -> None:
    """Mark places a line may not break: inside ——, ……, between a number and its unit
    (``where``: the boxes that may begin one)."""
    starts = {seq[0] for seq in rules.no_split}
    units = rules.units
    for i in where:
        if i + 1 >= len(boxes):
            break
        here = boxes[i]
        last = here.text[-1]
        if last in starts:
            if last + boxes[i + 1].text[0] in rules.no_split:
                here.glue = True
        elif here.latin and last.isdigit() and boxes[i + 1].text[0] in units:
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
    the others by ``rest_indent`` (a hanging indent).

    Squeeze in before pushing out (GB/T 15834): a pause mark (、。，．) that no longer fits
    stays at the end of its line, compressed to half a cell with the line set a little
    tighter — where a word processor hangs it in the margin; any other mark that may not
    start a line takes the last character down with it.
    """
    lines: list[Line] = []
    start, count = 0, len(boxes)
    while start < count:
        indent = first_indent if not lines else rest_indent
        limit = capacity - indent + EPSILON
        end, used = start, 0.0
        while end < count:
            box = boxes[end]
            need = box.cells + (box.space_before if end > start else 0.0)
            if used + need > limit:
                break
            # the space after a Latin word must fit too, or the line ends after the word
            used += need + box.space_after
            end += 1
        if end == start:  # a box wider than the line: it goes alone
            end += 1
        compressed: set[int] = set()
        if end < count and not may_break(boxes, end, rules):
            if _hangs(boxes, end, rules):
                compressed.add(end)
                end += 1
            else:
                end = _push(boxes, start, end, rules)
        line = Line(boxes[start:end], compressed={i - start for i in compressed}, indent=indent)
        lines.append(line)
        start = end
    return lines


def _hangs(boxes: list[Box], end: int, rules: LineBreaking) -> bool:
    """May ``boxes[end]`` stay on the line before it, squeezed in, so that the break after it
    is allowed?"""
    box = boxes[end]
    return (
        box.text in rules.hang_marks
        and not box.latin
        and end > 0
        and not boxes[end - 1].latin  # after a Latin word the word goes down with the mark
        and (end + 1 >= len(boxes) or may_break(boxes, end + 1, rules))
    )


def _push(boxes: list[Box], start: int, end: int, rules: LineBreaking) -> int:
    """Move characters down until the break is allowed; a line that cannot break stays as it is."""
    cut = end
    while cut > start + 1 and not may_break(boxes, cut, rules):
        cut -= 1
    return cut if may_break(boxes, cut, rules) else end


def place(line: Line, capacity: float, cell: float, justify: bool) -> Line:
    """Left edges and widths of the line's boxes; a justified line reaches the right edge, a
    line with a mark squeezed in is set tighter to stay inside it."""
    boxes = line.boxes
    last = len(boxes) - 1
    lead = [b.space_before * cell for b in boxes]
    widths = [
        b.cells * cell + before + b.space_after * cell
        for b, before in zip(boxes, lead, strict=True)
    ]
    if boxes:  # the line's ends take no space beside Han text
        lead[0] = 0.0
        widths[0] = boxes[0].cells * cell + boxes[0].space_after * cell
        widths[last] = boxes[last].cells * cell + lead[last]
    for i in line.compressed:  # a squeezed mark takes half its cell
        box = boxes[i]
        widths[i] = box.cells * cell * 0.5 + lead[i] + (box.space_after * cell if i < last else 0.0)
    used = sum(widths)
    room = (capacity - line.indent) * cell
    fill = justify or used > room + EPSILON
    gap = (room - used) / (len(widths) - 1) if fill and len(widths) > 1 else 0.0
    # each box's left edge: the one before it, its width and the gap
    positions = list(accumulate([width + gap for width in widths[:-1]], initial=line.indent * cell))
    line.x, line.width, line.lead = positions[: len(widths)], widths, lead
    return line
