"""A template's text pieces read backwards: each piece rendered once with a marker in place of
every field of the source, the markers then taken for the places the field's value stands in a
line the piece wrote (第{issue}期, {code}〔{year}〕{serial}号, {label}：{names}。)."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from reportkit.source.drafts.common import number
from reportkit.source.model import Date

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: no source field holds them
_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_GAP = r"[\s\u3000]*"  # spaces a clerk may have typed between the parts of a line
Path = tuple[Any, ...]


class Field(NamedTuple):
    """A field a pattern reads: its path in the source, what it holds (text, int, date or
    list) and, for a list, what separates its items."""

    path: Path
    kind: str
    separator: str = ""


class Probe(NamedTuple):
    """Source data with a marker for every field, and the field each marker stands for."""

    data: dict[str, Any]
    fields: dict[int, Field]


class Pattern(NamedTuple):
    """What a piece wrote, as a regular expression whose groups are its fields."""

    regex: re.Pattern[str]
    fields: dict[str, Field]

    def read(self, text: str) -> dict[Path, Any] | None:
        """The value of each field in ``text`` (None when the line is not the piece's)."""
        match = self.regex.fullmatch(text.strip())
        if match is None:
            return None
        out = {}
        for group, found in self.fields.items():
            value = convert(match.group(group), found)
            if value is None:
                return None
            out[found.path] = value
        return out


def probe(model: type[BaseModel]) -> Probe:
    """Data shaped as ``model``'s (a source file's) with a marker for every text, number and
    date; a list of texts holds two, so that what is written between items shows."""
    fields: dict[int, Field] = {}
    return Probe(_probe_model(model, (), fields), fields)


def marker(probed: Probe, name: str, kind: str = "text") -> str:
    """A marker for a value a part gives a piece itself (the label of a 版记 line, its
    names), read back as the field ``name``."""
    return _marker(probed.fields, Field((name,), kind))


def _marker(fields: dict[int, Field], found: Field) -> str:
    fields[len(fields)] = found
    return f"{_OPEN}{len(fields) - 1}{_CLOSE}"


def _probe_model(model: type[BaseModel], at: Path, fields: dict[int, Field]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        value = _probe_type(info.annotation, (*at, name), fields)
        if value is not None:
            data[name] = value
    return data


def _probe_type(annotation: Any, at: Path, fields: dict[int, Field]) -> Any:
    """A marker (or markers, or data) for a field of type ``annotation``; None for a field
    no piece prints (a flag, a picture's width)."""
    plain = _unwrapped(annotation)
    origin = typing.get_origin(plain)
    if origin is list:
        (item,) = typing.get_args(plain) or (Any,)
        inner = _unwrapped(item)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return [_probe_model(inner, (*at, 0), fields)]
        if inner is str:
            return [_marker(fields, Field(at, "list")), _marker(fields, Field(at, "list"))]
        return None
    if isinstance(plain, type) and issubclass(plain, BaseModel):
        return _probe_model(plain, at, fields)
    kinds = {str: "text", int: "int", dt.date: "date"}
    if plain in kinds:
        return _marker(fields, Field(at, kinds[plain]))
    return None


def _unwrapped(annotation: Any) -> Any:
    """The type inside Annotated[…] and Optional[…] (the first type of another union)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation


def split(text: str, fields: dict[int, Field]) -> Iterator[str | Field]:
    """What a piece wrote with markers: literal text and fields, in order; a list's two
    markers and what stands between them as one field with its separator."""
    at = 0
    pending: tuple[Field, int] | None = None  # a list's first marker, and where it ended
    for match in _MARKER.finditer(text):
        found = fields[int(match.group(1))]
        between = text[at : match.start()]
        if pending is not None and pending[0].path == found.path and found.kind == "list":
            yield found._replace(separator=between)
            pending, at = None, match.end()
            continue
        if pending is not None:  # a list printed as one item: no separator known
            yield pending[0]
            pending = None
        if between:
            yield between
        if found.kind == "list":
            pending = (found, match.end())
        else:
            yield found
        at = match.end()
    if pending is not None:
        yield pending[0]
    if text[at:]:
        yield text[at:]


def compile_parts(parts: list[str | Field]) -> Pattern:
    """A pattern of literal texts and fields in order: spaces between characters optional,
    each field any text (the shortest the rest of the line lets it be)."""
    tokens = []
    fields: dict[str, Field] = {}
    for part in parts:
        if isinstance(part, str):
            tokens += [re.escape(ch) for ch in part if not ch.isspace()]
        else:
            name = f"f{len(fields)}"
            fields[name] = part
            tokens.append(f"(?P<{name}>.+?)")
    return Pattern(re.compile(_GAP.join(tokens), re.DOTALL), fields)


def convert(text: str, found: Field) -> Any:
    """A field's value as its line writes it: a number (3, 三), a date, a list, text."""
    text = text.strip()
    if found.kind == "int":
        digits = text.translate(_FULL_DIGITS)
        if digits.isdigit():
            return int(digits)
        value = number(text)
        return value or None
    if found.kind == "date":
        try:
            return _DATES.validate_python(text)
        except ValidationError:
            return None
    if found.kind == "list":
        items = text.split(found.separator) if found.separator.strip() else [text]
        return [item.strip() for item in items if item.strip()]
    return text or None


_DATES: TypeAdapter[dt.date] = TypeAdapter(Date)  # a date as the sources' fields take one
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
