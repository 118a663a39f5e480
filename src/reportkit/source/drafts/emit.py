"""Articles as YAML a person can review and correct."""

from __future__ import annotations

from typing import Any

import yaml

from reportkit.errors import Problem
from reportkit.source.drafts.load import PUNCTUATION


class _Dumper(yaml.SafeDumper):
    """Long Chinese text as folded block scalars; keys in the model's order."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 40 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def article_yaml(article: dict[str, Any], source: str, notes: list[Problem]) -> str:
    """The article as YAML, headed by where it came from and what to check."""
    punctuation = [p for p in notes if p.field == PUNCTUATION]
    head = [f"# 由 {source} 导入。请核对后使用。"]
    if punctuation:
        head.append(f"# 已规范 {len(punctuation)} 行中的标点（半角改全角等）。")
    head += [
        f"# 请核对：{p.location}: {p.field + ': ' if p.field else ''}{p.message}"
        for p in notes
        if p.field != PUNCTUATION
    ]
    body = yaml.dump(article, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)
    return "\n".join(head) + "\n" + body
