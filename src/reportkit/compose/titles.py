"""Long titles broken into balanced lines (梯形/菱形), GB/T 9704 §7.3.1."""

from __future__ import annotations

import itertools
import math

from reportkit.template.profile import LineBreaking

_GOOD_BREAK_AFTER = "，、：；　 ”》）"


def cells(text: str) -> float:
    """Width in character cells: Han and full-width marks take one, Latin and digits half."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def wrapped_lines(text: str, capacity: float, hanging: float = 0) -> int:
    """How many lines ``text`` takes at ``capacity`` cells, later lines indented ``hanging``."""
    total, lines, room = cells(text), 1, capacity
    while total > room + 1e-6:
        total -= room
        lines += 1
        room = capacity - hanging
    return lines


def _breakable(text: str, i: int, rules: LineBreaking) -> bool:
    """May a line end before ``text[i]``?"""
    before, after = text[i - 1], text[i]
    if after in rules.no_start or before in rules.no_end:
        return False
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return False
    return not any(_splits(text, i, seq) for seq in rules.no_split)


def _splits(text: str, i: int, seq: str) -> bool:
    """Would a break before ``text[i]`` cut an occurrence of ``seq``?"""
    return any(text.startswith(seq, start) for start in range(max(0, i - len(seq) + 1), i))


def balance(
    text: str, max_cells: float, rules: LineBreaking, shape: str = "trapezoid"
) -> list[str]:
    """``text`` as the fewest lines of at most ``max_cells``, as even as the rules allow.

    A title already broken by the writer (a newline) keeps its lines.  No line holds a single
    character; breaks after punctuation or a space are preferred.
    """
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    total = cells(text)
    if total <= max_cells:
        return [text]
    points = [i for i in range(2, len(text) - 1) if _breakable(text, i, rules)]
    for count in range(math.ceil(total / max_cells), len(text) // 2 + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in itertools.combinations(points, count - 1):
            bounds = (0, *cuts, len(text))
            lines = [text[a:b] for a, b in itertools.pairwise(bounds)]
            cost = _cost(lines, max_cells, total / count, shape)
            if cost is not None and (best is None or cost < best[0]):
                best = (cost, lines)
        if best is not None:
            return [line.strip() for line in best[1]]
    return [text]


def _cost(lines: list[str], max_cells: float, target: float, shape: str) -> float | None:
    widths = [cells(line.strip()) for line in lines]
    if max(widths) > max_cells or min(len(line.strip()) for line in lines) < 2:
        return None
    cost = sum((w - target) ** 2 for w in widths)
    # a break after punctuation or a space keeps words whole: worth a line or two of imbalance
    cost -= sum(8.0 for line in lines[:-1] if line[-1] in _GOOD_BREAK_AFTER)
    if shape == "diamond" and len(widths) >= 3:
        middle = max(widths[1:-1])
        cost += 1.0 * sum(1 for w in (widths[0], widths[-1]) if w > middle)
    else:  # trapezoid: each line no longer than the one below
        cost += 1.0 * sum(1 for a, b in itertools.pairwise(widths) if a > b)
    return cost
