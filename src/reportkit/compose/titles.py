"""Long titles broken into balanced lines (梯形/菱形), GB/T 9704 §7.3.1."""

from __future__ import annotations

import functools
import math
from typing import Any

from reportkit.template.profile import LineBreaking
from reportkit.typeset.cells import cells

_GOOD_BREAK_AFTER = "，、：；　 ”》）"


def _breakable(text: str, i: int, rules: LineBreaking) -> bool:
    """May a line end before ``text[i]``?"""
    before, after = text[i - 1], text[i]
    if after in rules.no_start or before in rules.no_end:
        return False
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return False
    if before.isdigit() and after in rules.units:
        return False  # 2018年, 30%: a number keeps its unit
    return not any(_splits(text, i, seq) for seq in rules.no_split)


def _splits(text: str, i: int, seq: str) -> bool:
    """Would a break before ``text[i]`` cut an occurrence of ``seq``?"""
    return any(text.startswith(seq, start) for start in range(max(0, i - len(seq) + 1), i))


def balance(
    text: str, max_cells: float, rules: LineBreaking, shape: str = "trapezoid"
) -> list[str]:
    """``text`` as the fewest lines of at most ``max_cells``, as even as the rules allow.

    A title already broken by the writer (a newline) keeps its lines.  Lines break between
    words (phrase boundaries found by BudouX) or after punctuation, never inside a word when
    a break between words will do; no line holds a single character; breaks after
    punctuation are preferred.  Dynamic programming over the break points: linear in the
    title's length.
    """
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    total = cells(text)
    if total <= max_cells:
        return [text]
    allowed = [i for i in range(2, len(text) - 1) if _breakable(text, i, rules)]
    words = _word_ends(text)
    preferred = [i for i in allowed if i in words or text[i - 1] in _GOOD_BREAK_AFTER]
    for points in (preferred, allowed) if preferred != allowed else (allowed,):
        found = _fewest_lines(text, points, max_cells, shape)
        if found is not None:
            return [line.strip() for line in found]
    return [text]


def _word_ends(text: str) -> set[int]:
    """Offsets where a word or phrase of ``text`` ends (BudouX's Chinese model)."""
    import budoux  # loaded only for a title that needs breaking

    ends, offset = set(), 0
    for phrase in _parser(budoux).parse(text):
        offset += len(phrase)
        ends.add(offset)
    return ends


@functools.cache
def _parser(budoux: Any) -> Any:
    return budoux.load_default_simplified_chinese_parser()


def _fewest_lines(text: str, points: list[int], max_cells: float, shape: str) -> list[str] | None:
    """The best lines for the smallest count that fits, breaking only at ``points``.

    A line spans at most ``max_cells``, so from each break point only the next few can end
    it; the fewest and the most lines that can reach each point, from the start and to the
    end, leave each point only the line numbers a whole title can give it.  Linear in the
    title's length times the break points on a line."""
    spans = _Spans(text, points, max_cells)
    last = len(spans.bounds) - 1
    ahead, behind = spans.reach(forward=True), spans.reach(forward=False)
    if not math.isfinite(ahead[0][last]):
        return None
    first = max(math.ceil(spans.prefix[-1] / max_cells), int(ahead[0][last]))
    for count in range(first, min(int(ahead[1][last]), len(text) // 2) + 1):
        found = _best(spans, count, shape, ahead, behind)
        if found is not None:
            return found
    return None


class _Spans:
    """The lines a title may be broken into: from each break point, the points that can end a
    line begun there."""

    def __init__(self, text: str, points: list[int], max_cells: float):
        self.text, self.max_cells = text, max_cells
        self.bounds = [0, *points, len(text)]
        self.prefix = [0.0]
        for ch in text:
            self.prefix.append(self.prefix[-1] + (0.5 if ch.isascii() else 1.0))
        # leading and trailing spaces do not count (they are stripped): the first character
        # at or after each offset that is not a space, and one past the last before it
        n = len(text)
        self.solid_from, self.solid_to = [n] * (n + 1), [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            self.solid_from[i] = self.solid_from[i + 1] if text[i].isspace() else i
        for i in range(1, n + 1):
            self.solid_to[i] = self.solid_to[i - 1] if text[i - 1].isspace() else i
        self.ends = [self._ends(i) for i in range(len(self.bounds))]

    def width(self, a: int, b: int) -> float:
        """Cells of the line from ``a`` to ``b``, spaces at its ends left out; a lone
        character cannot be a line."""
        a = min(self.solid_from[a], b)
        b = max(self.solid_to[b], a)
        return self.prefix[b] - self.prefix[a] if b - a >= 2 else math.inf

    def _ends(self, i: int) -> list[int]:
        """The points a line begun at point ``i`` may end at."""
        bounds, prefix, max_cells = self.bounds, self.prefix, self.max_cells
        start, found = bounds[i], []
        solid = self.solid_from[start]  # where the line's text begins, spaces left out
        for j in range(i + 1, len(bounds)):
            end = bounds[j]
            # fewer than two characters once leading spaces are left out: no line
            if end - solid < 2 or self.width(start, end) > max_cells:
                if prefix[end] - prefix[start] > max_cells + 1:
                    break
                continue
            found.append(j)
        return found

    def reach(self, forward: bool) -> tuple[list[float], list[float]]:
        """The fewest and the most lines from the start to each point (``forward``), or from
        each point to the end; infinite and minus infinite where none can."""
        size = len(self.bounds)
        fewest, most = [math.inf] * size, [-math.inf] * size
        if forward:
            fewest[0] = most[0] = 0
            for i, ends in enumerate(self.ends):
                low, high = fewest[i] + 1, most[i] + 1
                if low == math.inf:
                    continue
                for j in ends:
                    if low < fewest[j]:
                        fewest[j] = low
                    if high > most[j]:
                        most[j] = high
        else:
            fewest[-1] = most[-1] = 0
            for i in range(size - 2, -1, -1):
                low, high = math.inf, -math.inf
                for j in self.ends[i]:
                    if fewest[j] < low:
                        low = fewest[j]
                    if most[j] > high:
                        high = most[j]
                fewest[i], most[i] = low + 1, high + 1
        return fewest, most


def _best(
    spans: _Spans,
    count: int,
    shape: str,
    ahead: tuple[list[float], list[float]],
    behind: tuple[list[float], list[float]],
) -> list[str] | None:
    """The least costly ``count`` lines, or None when no ``count`` lines fit."""
    text, bounds = spans.text, spans.bounds
    last = len(bounds) - 1
    target = spans.prefix[-1] / count

    def useful(j: int, m: int) -> bool:
        # point j can end line m only if m lines can reach it and count - m can go on from it
        return ahead[0][j] <= m <= ahead[1][j] and behind[0][j] <= count - m <= behind[1][j]

    # best[m][j]: least cost of m lines ending at bounds[j]; back[m][j]: where the last began
    best = [dict[int, float]() for _ in range(count + 1)]
    back = [dict[int, int]() for _ in range(count + 1)]
    best[0][0] = 0.0
    for m in range(1, count + 1):
        for i, cost_before in best[m - 1].items():
            for j in spans.ends[i]:
                if (m == count and j != last) or not useful(j, m):
                    continue
                w = spans.width(bounds[i], bounds[j])
                cost = cost_before + _line_cost(text, bounds[j], w, target, m, count, shape)
                if cost < best[m].get(j, math.inf):
                    best[m][j], back[m][j] = cost, i
    if last not in best[count]:
        return None
    cuts, j = [], last
    for m in range(count, 0, -1):
        i = back[m][j]
        cuts.append(text[bounds[i] : bounds[j]])
        j = i
    return cuts[::-1]


def _line_cost(
    text: str, end: int, w: float, target: float, m: int, count: int, shape: str
) -> float:
    """How far line ``m`` (1-based) of ``count`` is from the ideal: squared distance from the
    even width, a bonus for ending after punctuation, and a small pull towards the shape
    (trapezoid: shorter lines above; diamond: the first and last lines shorter)."""
    cost = (w - target) ** 2
    if end < len(text) and text[end - 1] in _GOOD_BREAK_AFTER:
        cost -= 8.0  # a break after punctuation keeps words whole: worth some imbalance
    if shape == "diamond" and count >= 3:
        cost += 0.1 * w if m in (1, count) else 0.0
    else:
        cost += 0.1 * w * (count - m) / count
    return cost
