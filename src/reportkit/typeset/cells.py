"""Widths in grid cells: a Han character or full-width mark takes one, ASCII half of one."""

from __future__ import annotations


def cells(text: str) -> float:
    """The width of ``text`` in character cells."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def label_cells(text: str, marks: str) -> float:
    """Cells up to and including the first of ``marks`` in ``text`` (报：, 出席：): where
    wrapped lines begin; 0 when it holds none."""
    found = [text.index(m) for m in marks if m in text]
    return cells(text[: min(found) + 1]) if found else 0.0
