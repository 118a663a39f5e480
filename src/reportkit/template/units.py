"""Physical lengths written with their unit (37mm, 28.95pt), held in points."""

from __future__ import annotations

import re
from typing import Annotated, Any

from reportkit.datamodel import BeforeValidator

PT_PER = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in)\s*")


def parse_length(value: Any) -> float:
    """``"37mm"`` → 104.88 (points). A bare number is refused: the unit must be written."""
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", value):
        value = float(value) if "." in value else int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"长度“{value}”缺少单位，请写成例如 {value}pt 或 {value}mm")
    if isinstance(value, str):
        m = _LENGTH.fullmatch(value)
        if m:
            return float(m.group(1)) * PT_PER[m.group(2)]
    raise ValueError(f"长度“{value}”无法识别，请写成例如 37mm 或 16pt")


Length = Annotated[float, BeforeValidator(parse_length)]


def twips(points: float) -> int:
    """Points as whole twentieths of a point (Word's unit)."""
    return round(points * 20)


def mm(points: float) -> float:
    """Points as millimetres."""
    return points / PT_PER["mm"]
