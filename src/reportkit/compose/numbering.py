"""Point numbering: 一是, （一）, 1., 第一 — generated, never typed, correct past ten."""

from __future__ import annotations

from reportkit.source.numerals import chinese_numeral
from reportkit.template.profile import NumberingStyle


def label(style: NumberingStyle, n: int) -> str:
    """The label of the ``n``-th item in ``style``."""
    numeral = chinese_numeral(n) if style.numerals == "chinese" else str(n)
    return style.pattern.replace("{n}", numeral)
