"""Messages as the workspace page shows them: the fields they name called by the labels the
form shows (署名和成文日期 › 日期), not by the keys a source file spells (signature.date)."""

from __future__ import annotations

import re

from reportkit.source.validation import LABELS

# “title”（标题）: a key and its label, as the command line's messages name a field
_KEYED = re.compile(r"“[A-Za-z_][A-Za-z0-9_]*”（([^（）“”]+)）")
# file:line: field: 错误：…, the field a key path
_LINE = re.compile(
    r"(?P<where>.*?): (?P<field>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*): "
    r"(?P<rest>(?:错误|警告)：.*)",
    re.DOTALL,
)
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def message(text: str) -> str:
    """``text`` with each field it names by key and label named by its label alone."""
    return _KEYED.sub(r"“\1”", text)


def field(path: str) -> str:
    """A field's dotted path (``sections[0].points[1].text``) in the form's words
    (小节 1 › 要点 2 › 正文)."""
    out: list[str] = []
    for name, index in _PART.findall(path):
        if index and out:
            out[-1] += f" {int(index) + 1}"
        elif index:
            out.append(f"第 {int(index) + 1} 项")
        else:
            out.append(LABELS.get(name, name))
    return " › ".join(out)


def line(said: str) -> str:
    """A message as the command line prints it (``file:line: field: 错误：…``), in the form's
    words."""
    found = _LINE.match(said)
    if found is None:
        return message(said)
    return f"{found['where']}: {field(found['field'])}: {message(found['rest'])}"
