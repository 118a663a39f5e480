"""Articles, reports and minutes as YAML a person can review and correct."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from reportkit.errors import Problem, dotted
from reportkit.source.drafts.document import SPACES
from reportkit.source.drafts.load import PUNCTUATION


class _Dumper(yaml.SafeDumper):
    """Long Chinese text as folded block scalars; keys in the model's order; a value used
    twice (a date) written twice, not as an anchor and an alias a clerk would not follow."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 40 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def article_yaml(article: dict[str, Any], source: str, notes: list[Problem]) -> str:
    """The article as YAML, headed by where it came from and what to check."""
    punctuation = [p for p in notes if p.field == PUNCTUATION]
    head = [f"由 {source} 导入。请核对后使用。"]
    if punctuation:
        head.append(f"已规范 {len(punctuation)} 行中的标点（半角改全角等）。")
    head += [
        f"请核对：{p.location}: {p.field + ': ' if p.field else ''}{p.message}"
        for p in notes
        if p.field != PUNCTUATION
    ]
    return _comments(head) + _dump(article)


def bulletin_yaml(
    masthead: dict[str, Any],
    articles: list[str],
    source: str,
    today: dt.date,
    end_matter: dict[str, Any] | None = None,
) -> str:
    """bulletin.yaml for a compilation: the masthead and 报尾 its lines gave, placeholders for
    the rest (marked for checking), and the imported articles in order."""
    if "unit" in masthead or end_matter:
        given = "、".join(LABELS[k] for k in LABELS if k in masthead)
        head = [f"由 {source} 导入的报头{'和报尾' if end_matter else ''}。{given}取自稿件；"]
        held = [LABELS[k] for k in ("unit", "date") if k not in masthead]
        head.append(f"{'和'.join(held)}是占位内容，请核对。" if held else "请核对后使用。")
    else:
        head = [
            f"由 {source} 导入的报头。名称、期号、分册取自稿件第一行；",
            "编印单位和日期是占位内容，报尾（报、送、发）需要时请补上。请核对后使用。",
        ]
    data: dict[str, Any] = {
        "masthead": {
            **masthead,
            "unit": masthead.get("unit", "（请填写编印单位）"),
            "date": _iso(masthead.get("date", today)),
        },
        "articles": articles,
    }
    if end_matter:
        data["end_matter"] = end_matter
    return _comments(head) + _dump(data)


HELD_NAME = "工作简报"  # the masthead of articles imported without one, held for checking


def held_bulletin_yaml(articles: list[str], today: dt.date) -> str:
    """bulletin.yaml for articles imported without a masthead: the articles in order under a
    masthead of placeholders (名称、期号、编印单位、日期), each marked for checking."""
    head = [
        "稿件里没有报头：名称、期号、编印单位和日期是占位内容，请改为实际内容；",
        "报尾（报、送、发）需要时请补上。请核对后使用。",
    ]
    data = {
        "masthead": {
            "name": HELD_NAME,
            "issue": 1,
            "unit": "（请填写编印单位）",
            "date": today.isoformat(),
        },
        "articles": articles,
    }
    return _comments(head) + _dump(data)


def _iso(date: Any) -> Any:
    return date.isoformat() if isinstance(date, dt.date) else date


LABELS = {"name": "名称", "issue": "期号", "volume": "分册", "unit": "编印单位", "date": "日期"}


def own_bulletin_yaml(
    masthead: dict[str, Any],
    end_matter: dict[str, Any] | None,
    articles: list[str],
    source: str,
    template: str,
) -> str:
    """bulletin.yaml of a bulletin reportkit wrote: its masthead and 报尾 as the document
    gives them, and the imported articles in order."""
    head = [
        f"由 {source} 导入的报头和报尾（reportkit 生成的简报，模板 {template}）。请核对后使用。"
    ]
    order = ("name", "issue", "year", "volume", "unit", "date", "mark")
    data: dict[str, Any] = {
        "masthead": {
            **{k: masthead[k] for k in order if k in masthead},
            **{k: v for k, v in masthead.items() if k not in order},
        },
        "articles": articles,
    }
    if end_matter:
        keys = ("superiors", "peers", "subordinates", "copies")
        data["end_matter"] = {k: end_matter[k] for k in keys if k in end_matter}
    return _comments(head) + _dump(data)


# the fields of a report's and minutes' source in the order a person reads them
ORDER = {
    "report": [
        *("kind", "copy_number", "secrecy", "urgency", "issuer", "mark", "number", "signers"),
        *("title", "addressee", "heading_numbering", "lead", "sections", "closing"),
        *("attachments", "signature", "note", "distribution"),
    ],
    "minutes": [
        *("kind", "mark", "issue", "unit", "date", "title", "attendance"),
        *("heading_numbering", "lead", "sections", "closing", "distribution"),
    ],
}
REVIEW = "待核"  # what marks a placeholder left for review


def document_yaml(
    kind: str,
    data: dict[str, Any],
    source: str,
    notes: list[Problem],
    pending: list[tuple[tuple[Any, ...], str]],
    template: str | None = None,
) -> str:
    """A report's or minutes' source as YAML: headed by where it came from (``template``: a
    document reportkit wrote with it) and what to check, each placeholder marked
    ``# 待核：…`` above its field."""
    from reportkit.source.kinds import KINDS

    punctuation = [p for p in notes if p.field == PUNCTUATION]
    spaces = [p for p in notes if p.field == SPACES]
    what = KINDS[kind].title
    if template is not None:
        what = f"reportkit 生成的{what}，模板 {template}"
    head = [f"由 {source} 导入（{what}）。请核对后使用。"]
    if punctuation:
        head.append(f"已规范 {len(punctuation)} 行中的标点（半角改全角等）。")
    if spaces:
        lines = "、".join(dict.fromkeys(str(p.location.line) for p in spaces))
        head.append(f"已删去或改正粘贴留下的空格（第 {lines} 行）。")
    head += [
        f"请核对：{p.location}: {p.field + ': ' if p.field else ''}{p.message}"
        for p in notes
        if p.field not in (PUNCTUATION, SPACES)
    ]
    if pending:
        head.append(
            f"有 {len(pending)} 处是占位内容（{REVIEW}），请改为实际内容：见各处的“# {REVIEW}”。"
        )
    order = ORDER[kind]
    keys = sorted(data, key=lambda k: order.index(k) if k in order else len(order))
    text = _comments(head)
    for key in keys:
        held = [(at, message) for at, message in pending if at[0] == key]
        text += _comments([f"{REVIEW}：{dotted(at)}：{message}" for at, message in held])
        text += _dump({key: _plain(data[key])})
    return text


def _plain(value: Any) -> Any:
    """A value without the empty fields of people (a name without unit or position)."""
    if isinstance(value, dict):
        return {
            k: _plain(v) for k, v in value.items() if not (k in ("unit", "position") and v == "")
        }
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _comments(lines: list[str]) -> str:
    """YAML comment lines; anything that could end a comment early is made harmless."""
    return "".join(f"# {_UNSAFE.sub(' ', line)}\n" for line in lines)


# line breaks of any kind and control characters would end a comment or break the file
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)
