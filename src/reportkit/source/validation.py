"""Validation of loaded data, with errors said in words a Chinese office clerk understands."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, TypeVar

from reportkit.datamodel import Model as BaseModel
from reportkit.datamodel import ValidationError, fields
from reportkit.errors import Location, Problem, dotted

M = TypeVar("M", bound=BaseModel)
_TAGS = frozenset({"a point", "a photo", "a table"})

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
        info = fields(current).get(str(part))
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


def _label(key: Any) -> str:
    label = LABELS.get(str(key))
    return f"“{key}”（{label}）" if label else f"“{key}”"


def _number(value: Any) -> Any:
    """1.0 as 1, for a message."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    """One validation error as a sentence."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    ctx = error.get("ctx") or {}
    key = loc[-1] if loc else ""
    if kind == "missing":
        return f"缺少必填字段{_label(key)}"
    if kind == "extra_forbidden":
        holder = _model_at(model, loc)
        allowed = list(fields(holder)) if holder else []
        import difflib  # only for a message

        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        if close:
            return f"不认识的字段“{key}”，是否应为“{close[0]}”？"
        return f"不认识的字段“{key}”。这里可以写：{'、'.join(allowed)}"
    if value is None and kind not in ("value_error", "assertion_error"):
        return f"{_label(key)}不能为空" if not isinstance(key, int) else "这一项不能为空"
    if kind in ("string_too_short",):
        return f"{_label(key)}不能为空" if not isinstance(key, int) else "这一项不能为空"
    if kind == "string_type":
        return f"{_label(key)}应为一段文字"
    if kind == "list_type":
        return f"{_label(key)}应为列表：每项另起一行，以“- ”开头"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"{_label(key)}应为“字段: 值”形式的内容"
            if not isinstance(key, int)
            else ("这一项应为“字段: 值”形式的内容")
        )
    if kind == "too_short":
        return f"{_label(key)}至少需要写一项"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{_label(key)}应为整数，例如 3，而不是“{value}”"
    if kind == "greater_than_equal":
        return f"{_label(key)}应不小于 {_number(ctx.get('ge'))}"
    if kind == "less_than_equal":
        return f"{_label(key)}应不大于 {_number(ctx.get('le'))}"
    if kind == "greater_than":
        return f"{_label(key)}应大于 {_number(ctx.get('gt'))}"
    if kind == "less_than":
        return f"{_label(key)}应小于 {_number(ctx.get('lt'))}"
    if kind in ("float_parsing", "float_type"):
        return f"{_label(key)}应为数，例如 0.8，而不是“{value}”"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_label(key)}应为 true（是）或 false（否），而不是“{value}”"
    if kind.startswith("date"):
        return f"{_label(key)}写法不对：“{value}”，应写作 2019-04-25 或 2019年4月25日"
    if kind == "literal_error":
        return f"{_label(key)}应为以下之一：{ctx.get('expected')}，而不是“{value}”"
    if kind in ("value_error", "assertion_error"):
        cause = ctx.get("error")
        return str(cause) if cause is not None else error["msg"]
    return f"{_label(key)}: {error['msg']}"


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
        for error in exc.errors(include_url=False):
            # a point list's entries are told apart by tag: the tag is not a field
            loc = tuple(part for part in error["loc"] if part not in _TAGS)
            error = {**error, "loc": loc}
            at = (*prefix, *loc)
            known = next((at[:cut] for cut in range(len(at), -1, -1) if at[:cut] in lines), None)
            line = lines[known] if known is not None else None
            where = (files or {}).get(known, file) if known is not None else file
            problems.append(Problem(Location(where, line), dotted(at), describe(error, model)))
        return None
