"""The learned template as files: template.yaml extending the base, each learned value with a
comment saying where it came from, pieces with theirs; read back before it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from reportkit.check.learn.decide import Learned

_ORDER = ("page", "grid", "colours", "fonts", "styles", "rules", "page_number")


def _scalar(value: Any) -> str:
    """A value on one line as YAML writes it (a list in brackets)."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.strip().removesuffix("...").strip()


def _comment(text: str) -> str:
    return " ".join(text.split()).replace("#", "＃")


def template_yaml(name: str, base: str, learned: Learned, samples: list[str]) -> str:
    """template.yaml: the base it extends, then only what differs, commented."""
    head = [
        f"# 由 reportkit template learn 从 {len(samples)} 份样本学得：{'、'.join(samples)}",
        "# 只写与基础模板不同之处；每项后的注释说明它取自样本的哪里。",
    ]
    head += [f"# 注意：{_comment(note)}" for note in learned.notes]
    lines = [*head, f"extends: {base}", f"name: {_scalar(name)}"]
    tree: dict[str, Any] = {}
    for path, (value, where) in learned.values.items():
        node = tree
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = (value, where)
    for key in sorted(tree, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER)):
        lines += _block(key, tree[key], 0)
    if learned.pieces:
        lines.append("pieces:")
        for piece in sorted(learned.pieces):
            lines.append(f"  {piece}: {piece}.j2   # 样本里的文字，见 pieces/{piece}.j2")
    if learned.parts is not None:
        parts, where = learned.parts
        lines.append(f"# 各部分照基础模板排列，只改了{_comment(where)}")
        dumped = yaml.safe_dump({"parts": parts}, allow_unicode=True, sort_keys=False, width=10**6)
        lines += dumped.rstrip("\n").split("\n")
    return "\n".join(lines) + "\n"


def _block(key: str, node: Any, depth: int) -> list[str]:
    pad = "  " * depth
    if isinstance(node, tuple):
        value, where = node
        return [f"{pad}{key}: {_scalar(value)}   # {_comment(where)}"]
    out = [f"{pad}{key}:"]
    for child, value in node.items():
        out += _block(child, value, depth + 1)
    return out


def piece_files(learned: Learned) -> dict[str, str]:
    """Each learned piece's file text, headed by a Jinja comment saying where it came from."""
    return {
        f"{name}.j2": f"{{# 取自{_comment(where)} #}}{_escaped(text)}\n"
        for name, (text, where) in learned.pieces.items()
    }


def _escaped(text: str) -> str:
    """Text a piece prints as it is (its own {{ n }} kept): braces of the sample's text
    would start Jinja2 code."""
    kept = text.replace("{{ n }}", "\x00")
    for mark in ("{{", "}}", "{%", "%}", "{#", "#}"):
        kept = kept.replace(mark, "{{ '" + mark + "' }}")
    return kept.replace("\x00", "{{ n }}")


def files(
    folder: Path, name: str, base: str, learned: Learned, samples: list[str]
) -> list[tuple[Path, bytes]]:
    """Every file of the learned template, in ``folder``."""
    made = [(folder / "template.yaml", template_yaml(name, base, learned, samples).encode("utf-8"))]
    for file, text in piece_files(learned).items():
        made.append((folder / "pieces" / file, text.encode("utf-8")))
    return made
