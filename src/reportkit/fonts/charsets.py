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
_ROWS = range(0xA1, 0xF8)  # GB2312's rows and cells (EUC-CN bytes)
_CELLS = range(0xA1, 0xFF)


@functools.cache
def base() -> frozenset[int]:
    """GB2312 (6,763 Han and its symbols) plus the ranges above: what offices type."""
    chars = {c for low, high in _RANGES for c in range(low, high + 1)}
    for first in _ROWS:
        for second in _CELLS:
            try:
                chars.add(ord(bytes((first, second)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


@functools.cache
def in_base(code: int) -> bool:
    """``code in base()``, answered without building the set (a build asks of a few hundred)."""
    if any(low <= code <= high for low, high in _RANGES):
        return True
    try:
        encoded = chr(code).encode("gb2312")
    except (UnicodeEncodeError, ValueError):
        return False
    return len(encoded) == 2 and encoded[0] in _ROWS and encoded[1] in _CELLS
