"""Chinese numerals both ways: 十一, 二十, 一百零五 from numbers, and numbers from 二〇二四, 十五."""

from __future__ import annotations

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


_HAN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def han_number(text: str) -> int:
    """The number written in Han numerals, digit by digit (二〇二四) or with 十 (二十五)."""
    if "十" not in text:
        return int(text.translate(_HAN_DIGITS))
    tens, _, units = text.partition("十")
    return int((tens or "一").translate(_HAN_DIGITS)) * 10 + int(units.translate(_HAN_DIGITS) or 0)
