"""Physical lengths written with their unit (37mm, 28.95pt), held in points; sensible ranges."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from reportkit.errors import number

PT_PER = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in)\s*")
# how a length is shown in a message: the unit's word, points per unit
SHOWN = {"mm": ("毫米", PT_PER["mm"]), "pt": ("磅", 1.0)}


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


def between(low: float, high: float, title: str, unit: str = "", **field: Any) -> Any:
    """``Field(ge=low, le=high, title=title)``: a value that makes sense lies in this range.

    ``unit`` "mm" or "pt": a length (held in points; ``low`` and ``high`` in that unit, and
    shown in it in messages); otherwise the word a count is given in (字, 行) or "".
    """
    word, scale = SHOWN.get(unit, (unit, 1.0))
    return Field(
        ge=low * scale,
        le=high * scale,
        title=title,
        json_schema_extra={"unit": word, "scale": scale},
        **field,
    )


Length = Annotated[float, BeforeValidator(parse_length)]
# sizes of type: 1 pt (a footnote would be 5 pt) to 200 pt (初号 is 42 pt)
FontSize = Annotated[float, BeforeValidator(parse_length), between(1, 200, "字号", "pt")]


def shown(points: float, unit: str = "mm") -> str:
    """A length in ``unit`` for a message: ``297``, ``28.95`` (at most two decimals)."""
    value = points / SHOWN[unit][1]
    return number(value)


def twips(points: float) -> int:
    """Points as whole twentieths of a point (Word's unit)."""
    return round(points * 20)


def mm(points: float) -> float:
    """Points as millimetres."""
    return points / PT_PER["mm"]
