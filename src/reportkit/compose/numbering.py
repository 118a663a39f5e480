"""Point numbering: 一是, （一）, 1., 第一 — generated, never typed, correct past ten."""

from __future__ import annotations

from reportkit.template.profile import NumberingStyle

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese_numeral(n: int) -> str:
    """``n`` (1–9999) in Chinese numerals: 十, 十一, 二十, 一百零五, 一千零一十."""
    if not 1 <= n <= 9999:
        raise ValueError(f"number out of range: {n}")
    out, rest, zero = "", n, False
    for value, unit in _UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            if zero:
                out += "零"
            # 十一 (not 一十一) when ten leads the number
            out += ("" if (value == 10 and digit == 1 and not out) else _DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    if rest:
        out += ("零" if zero else "") + _DIGITS[rest]
    return out


def label(style: NumberingStyle, n: int) -> str:
    """The label of the ``n``-th item in ``style``."""
    numeral = chinese_numeral(n) if style.numerals == "chinese" else str(n)
    return style.pattern.replace("{n}", numeral)
