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
    title's length for each number of lines.
    """
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    total = cells(text)
    if total <= max_cells:
        return [text]
    allowed = [i for i in range(2, len(text) - 1) if _breakable(text, i, rules)]
    words = _word_ends(text)
    preferred = [i for i in allowed if i in words or text[i - 1] in _GOOD_BREAK_AFTER]
    for points in (preferred, allowed):
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
    """The best lines for the smallest count that fits, breaking only at ``points``."""
    bounds = [0, *points, len(text)]
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + (0.5 if ch.isascii() else 1.0))
    total = prefix[-1]

    def width(a: int, b: int) -> float:
        # leading and trailing spaces do not count (they are stripped)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return prefix[b] - prefix[a] if b - a >= 2 else math.inf  # no lone character

    for count in range(math.ceil(total / max_cells), len(text) // 2 + 1):
        target = total / count
        # best[m][j]: least cost of m lines ending at bounds[j]; back[m][j]: where the last began
        best = [dict[int, float]() for _ in range(count + 1)]
        back = [dict[int, int]() for _ in range(count + 1)]
        best[0][0] = 0.0
        for m in range(1, count + 1):
            for i, cost_before in best[m - 1].items():
                start = bounds[i]
                for j in range(i + 1, len(bounds)):
                    if m == count and j != len(bounds) - 1:
                        continue
                    w = width(start, bounds[j])
                    if w > max_cells:
                        if prefix[bounds[j]] - prefix[start] > max_cells + 1:
                            break
                        continue
                    cost = cost_before + _line_cost(text, bounds[j], w, target, m, count, shape)
                    if cost < best[m].get(j, math.inf):
                        best[m][j], back[m][j] = cost, i
        last = len(bounds) - 1
        if last in best[count]:
            cuts, j = [], last
            for m in range(count, 0, -1):
                i = back[m][j]
                cuts.append(text[bounds[i] : bounds[j]])
                j = i
            return cuts[::-1]
    return None


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
