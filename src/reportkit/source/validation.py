"""Validation of loaded data, with errors said in words a Chinese office clerk understands."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, BeforeValidator, ValidationError
from pydantic_core import ErrorDetails

from reportkit.errors import Location, Problem, dotted, number, spaced

M = TypeVar("M", bound=BaseModel)
_TAGS = frozenset({"a point", "a photo", "a table", "a name", "a person"})

LABELS = {
    "masthead": "报头",
    "name": "名称/姓名",
    "issue": "期号",
    "year": "年份",
    "volume": "分册",
    "unit": "单位",
    "date": "日期",
    "mark": "标记",
    "articles": "文章",
    "end_matter": "报尾",
    "superiors": "报",
    "peers": "送",
    "subordinates": "发",
    "copies": "印数",
    "title": "标题",
    "subtitle": "副标题",
    "authors": "作者",
    "position": "职务",
    "lead": "导语/要点首句",
    "sections": "小节",
    "closing": "结语",
    "kind": "类别",
    "heading": "小标题",
    "paragraphs": "段落",
    "intro": "引语",
    "points": "要点",
    "text": "正文",
    "numbering": "编号样式",
    "run_on": "要点连排",
    "image": "照片文件",
    "caption": "说明文字",
    "width": "宽度",
    "table": "表格",
    "header": "表头",
    "rows": "表格行",
    "widths": "列宽",
    "credit": "执笔/供稿",
    "issuer": "发文机关",
    "number": "发文字号",
    "code": "机关代字",
    "serial": "序号",
    "signers": "签发人",
    "addressee": "主送机关",
    "attachments": "附件",
    "signature": "署名和成文日期",
    "seal": "印章",
    "note": "附注",
    "distribution": "版记",
    "cc": "抄送",
    "printer": "印发机关",
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "attendance": "出席情况",
    "present": "出席",
    "absent": "请假",
    "attending": "列席",
    "heading_numbering": "小标题编号样式",
}


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` (its last part)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


class Declared(NamedTuple):
    """What the declarations say of a value: its title, the form it is written in (with
    examples), its unit (``json_schema_extra``: unit and scale) and bounds."""

    title: str | None = None
    description: str | None = None
    examples: list[Any] | None = None
    extra: dict[str, Any] | None = None
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None
    before: tuple[Any, ...] = ()  # what reads the value as written (``37mm`` as points)

    def read(self, value: Any) -> Any:
        """``value`` as the field holds it, once read as written (``0pt`` as 0.0)."""
        for convert in self.before:
            try:
                value = convert(value)
            except (TypeError, ValueError):
                return value
        if isinstance(value, str):  # a number as YAML text: as the model reads it
            for number_type in (int, float):
                try:
                    return number_type(value)
                except ValueError:
                    pass
        return value


def _described(model: type[BaseModel], loc: tuple[Any, ...]) -> Declared:
    """What the declarations say of the value at ``loc``: from its field's ``Field`` and the
    ``Annotated`` metadata of its type, merged (the nearest first)."""
    current: Any = model
    found: list[Any] = []
    for part in loc:
        current, found = _bare(current, found)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return Declared()
            current, found = info.annotation, [info, *info.metadata]
        elif typing.get_origin(current) in (list, dict):
            current, found = typing.get_args(current)[-1], []
        else:
            return Declared()
    _, found = _bare(current, found)

    def first(name: str, attribute: str | None = None) -> Any:
        return next(
            (
                getattr(item, attribute or name)
                for item in found
                if getattr(item, attribute or name, None) is not None
            ),
            None,
        )

    return Declared(
        first("title"),
        first("description"),
        first("examples"),
        first("json_schema_extra"),
        first("ge"),
        first("gt"),
        first("le"),
        first("lt"),
        tuple(item.func for item in reversed(found) if isinstance(item, BeforeValidator)),
    )


def _bare(annotation: Any, found: list[Any]) -> tuple[Any, list[Any]]:
    """``annotation`` without ``Annotated`` and ``| None``, with the metadata met (field
    infos and annotated_types bounds, whose names are those of Field's arguments)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *meta = typing.get_args(annotation)
            for item in meta:
                found = [*found, item, *getattr(item, "metadata", ())]
            annotation = base
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation, found
            annotation = members[0]
        else:
            return annotation, found


def _label(key: Any, title: str | None = None) -> str:
    label = title or LABELS.get(str(key))
    return f"“{key}”（{label}）" if label else f"“{key}”"


_BOUNDS = frozenset({"greater_than_equal", "greater_than", "less_than_equal", "less_than"})


def _out_of_range(value: Any, info: Declared) -> str:
    """``字号应在 1 到 200 磅之间，而不是 0 磅``: a value past the bounds its field declares."""
    extra = info.extra or {}
    unit, scale = str(extra.get("unit", "")), float(extra.get("scale", 1.0))

    def num(value: Any) -> str:
        return number(value / scale if scale != 1 else value)

    after = f" {unit}" if unit else ""
    low = info.ge if info.ge is not None else info.gt
    high = info.le if info.le is not None else info.lt
    if low is not None and high is not None:
        wanted = f"应在 {num(low)} 到 {num(high)} {spaced(unit)}之间"
    elif low is not None:
        wanted = f"应{'不小于' if info.ge is not None else '大于'} {num(low)}{after}"
    else:
        wanted = f"应{'不大于' if info.le is not None else '小于'} {num(high)}{after}"
    return f"{info.title}{wanted}，而不是 {num(value)}{after}"


def _number(value: Any) -> Any:
    """1.0 as 1, for a message."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One validation error as a sentence."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    ctx = error.get("ctx") or {}
    key = loc[-1] if loc else ""
    info = _described(model, loc)
    if info.title and kind in _BOUNDS and isinstance(info.read(value), int | float):
        return _out_of_range(info.read(value), info)
    if info.title and kind == "string_pattern_mismatch":
        example = f"，例如 {info.examples[0]}" if info.examples else ""
        return f"{info.title}“{value}”写法不对，应写成{info.description or '规定的形式'}{example}"
    if kind == "missing":
        return f"缺少必填字段{_label(key, info.title)}"
    if kind == "extra_forbidden":
        holder = _model_at(model, loc)
        allowed = list(holder.model_fields) if holder else []
        import difflib  # only for a message

        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        if close:
            return f"不认识的字段“{key}”，是否应为“{close[0]}”？"
        return f"不认识的字段“{key}”。这里可以写：{'、'.join(allowed)}"
    if value is None and kind not in ("value_error", "assertion_error"):
        return (
            f"{_label(key, info.title)}不能为空" if not isinstance(key, int) else "这一项不能为空"
        )
    if kind in ("string_too_short",):
        return (
            f"{_label(key, info.title)}不能为空" if not isinstance(key, int) else "这一项不能为空"
        )
    if kind == "string_type":
        return f"{_label(key, info.title)}应为一段文字"
    if kind == "list_type":
        return f"{_label(key, info.title)}应为列表：每项另起一行，以“- ”开头"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"{_label(key, info.title)}应为“字段: 值”形式的内容"
            if not isinstance(key, int)
            else ("这一项应为“字段: 值”形式的内容")
        )
    if kind == "too_short":
        if isinstance(key, int):  # an entry of a list left empty
            return "这一项不能为空"
        return f"{_label(key, info.title)}至少需要写一项"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{_label(key, info.title)}应为整数，例如 3，而不是“{value}”"
    if kind == "greater_than_equal":
        return f"{_label(key, info.title)}应不小于 {_number(ctx.get('ge'))}"
    if kind == "less_than_equal":
        return f"{_label(key, info.title)}应不大于 {_number(ctx.get('le'))}"
    if kind == "greater_than":
        return f"{_label(key, info.title)}应大于 {_number(ctx.get('gt'))}"
    if kind == "less_than":
        return f"{_label(key, info.title)}应小于 {_number(ctx.get('lt'))}"
    if kind in ("float_parsing", "float_type"):
        return f"{_label(key, info.title)}应为数，例如 0.8，而不是“{value}”"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_label(key, info.title)}应为 true（是）或 false（否），而不是“{value}”"
    if kind.startswith("date"):
        return f"{_label(key, info.title)}写法不对：“{value}”，应写作 2019-04-25 或 2019年4月25日"
    if kind == "literal_error":
        choices = "、".join(f"“{c}”" for c in re.findall(r"'([^']*)'", str(ctx.get("expected"))))
        return f"{_label(key, info.title)}应为以下之一：{choices}，而不是“{value}”"
    if kind == "string_pattern_mismatch":
        digits = re.fullmatch(r"\^\\d\{(\d+)\}\$", str(ctx.get("pattern", "")))
        rule = f"，应为 {digits[1]} 位数字" if digits else ""
        return f"{_label(key, info.title)}写法不对：“{value}”{rule}"
    if kind in ("value_error", "assertion_error") and ctx.get("error") is not None:
        return str(ctx["error"])
    return f"{_label(key, info.title)}的值不对：“{value}”"


def validate(
    model: type[M],
    data: Any,
    file: Path,
    lines: dict[tuple[Any, ...], int],
    problems: list[Problem],
    prefix: tuple[Any, ...] = (),
    files: dict[tuple[Any, ...], Path] | None = None,
) -> M | None:
    """``model`` built from ``data``, or None with every error appended to ``problems``.

    ``files``: the file each value was written in, where data was merged from several."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False, include_context=True):
            # a point list's entries are told apart by tag: the tag is not a field
            loc = tuple(part for part in error["loc"] if part not in _TAGS)
            error = {**error, "loc": loc}  # type: ignore[typeddict-item]
            at = (*prefix, *loc)
            known = next((at[:cut] for cut in range(len(at), -1, -1) if at[:cut] in lines), None)
            line = lines[known] if known is not None else None
            where = (files or {}).get(known, file) if known is not None else file
            problems.append(Problem(Location(where, line), dotted(at), describe(error, model)))
        return None


def prepare(*bases: type[BaseModel]) -> None:
    """Make the validation schema of every model derived from ``bases`` now (models make
    theirs when first used): a batch does this before its workers are forked."""
    pending = list(bases)
    while pending:
        model = pending.pop()
        model.model_rebuild()
        pending += model.__subclasses__()
