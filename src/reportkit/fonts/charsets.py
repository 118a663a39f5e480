"""The characters every prepared font keeps: GB2312, Latin, punctuation and common symbols."""

from __future__ import annotations

import functools

_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation: — … ‘ ’ “ ”
    (0x2100, 0x218F),  # letterlike, number forms: ℃ № Ⅰ
    (0x2460, 0x24FF),  # ① ⑴
    (0x25A0, 0x25FF),  # ■ ○
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms
)


@functools.cache
def base() -> frozenset[int]:
    """GB2312 (6,763 Han and its symbols) plus the ranges above: what offices type."""
    chars = {c for low, high in _RANGES for c in range(low, high + 1)}
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((first, second)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)
