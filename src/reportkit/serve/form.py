"""The form of a document's head fields (masthead, 版头, 版记 …), made from the source model's
fields with the labels messages use: what each field holds decides how it is typed in."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from reportkit.source.gongwen import Body
from reportkit.source.kinds import KINDS
from reportkit.source.validation import LABELS

# the parts of a document edited in its cards, not in the form: articles, the running text
CARDS = frozenset({"articles", "attachments", *Body.model_fields})
SKIPPED = frozenset({"kind"})  # the file's name says it
# a name whose label alone (名称/姓名) does not say whose it is, where the form shows it
NAMED: dict[tuple[str, ...], str] = {
    ("masthead", "name"): "简报名称",
    ("signature", "name"): "署名",
}


def head_form(kind: str) -> list[dict[str, Any]]:
    """The head fields of a document of ``kind``, each with its path, label and how it is
    typed (text, lines, a whole number, a date, a number, yes/no, one of some choices)."""
    model = KINDS[kind].model
    return _fields(model, (), skip=CARDS | SKIPPED)


def _fields(
    model: type[BaseModel], prefix: tuple[str, ...], skip: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    out = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        field = _field(info.annotation, (*prefix, name), info.is_required())
        if field is not None:
            out.append(field)
    return out


def _field(annotation: Any, path: tuple[str, ...], required: bool) -> dict[str, Any] | None:
    base = _bare(annotation)
    entry: dict[str, Any] = {
        "path": list(path),
        "label": NAMED.get(path[-2:], LABELS.get(path[-1], path[-1])),
        "required": required,
    }
    if isinstance(base, type) and issubclass(base, BaseModel):
        return {**entry, "type": "group", "fields": _fields(base, path)}
    origin = typing.get_origin(base)
    if origin is list:
        item = _bare(typing.get_args(base)[0])
        return {**entry, "type": "lines"} if item is str or _plain_line(item) else None
    if origin is typing.Literal:
        return {**entry, "type": "choice", "choices": list(typing.get_args(base))}
    kinds = {bool: "bool", int: "int", float: "number", dt.date: "date", str: "text"}
    kind = kinds.get(base) if isinstance(base, type) else None
    return {**entry, "type": kind} if kind else None


def _plain_line(item: Any) -> bool:
    """Whether an entry of the model ``item`` may be written as one plain line (an attendee:
    ``郑华（出差）``), so that a list of them is typed one a line."""
    if not (isinstance(item, type) and issubclass(item, BaseModel)):
        return False
    try:
        item.model_validate("某某")
    except ValidationError:
        return False
    return True


def _bare(annotation: Any) -> Any:
    """``annotation`` without ``Annotated`` and ``| None``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation
