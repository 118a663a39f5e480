"""YAML reading that remembers the line of every value, for messages a clerk can follow."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from reportkit.errors import Location, Problem, SourceError, dotted, os_reason
from reportkit.source import yamlhints
from reportkit.source.encoding import UndecodableError, decode, looks_utf16, named

try:  # libyaml is bundled with PyYAML's wheels; the pure-Python loader is the fallback
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
MAX_DEPTH = 40
MAX_BYTES = 5 * 1024 * 1024  # a bulletin or article file is a few kilobytes
MAX_NODES = 200_000  # values after anchors (&a / *a) are expanded
NULL_TAG = "tag:yaml.org,2002:null"

# The tags of plain values in the YAML core schema: text, numbers, yes/no, nothing, lists and
# "field: value" maps.  Any other tag
# (!!binary, !!set, !!python/..., !custom) is refused rather than read as text.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)
_YAML_TAG = "tag:yaml.org,2002:"
_RESOLVER = yaml.resolver.Resolver()


_WIDE_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*：")


def _wide_colon(rows: list[str]) -> tuple[int, str] | None:
    """The last of ``rows`` whose field name is followed by a full-width colon (``title：``),
    with what to do about it."""
    for number in range(len(rows), 0, -1):
        found = _WIDE_COLON.match(rows[number - 1])
        if found:
            key = found.group(1)
            return number, f"字段名“{key}”后面是全角冒号“：”，请改为半角冒号加空格：“{key}: ”"
    return None


class NotText(SourceError):
    """The file is not text at all (a picture, a program, a Word file …)."""


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (with or without BOM) or UTF-16 (with BOM)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError([Problem(Location(path), "", "找不到这个文件")]) from None
    except IsADirectoryError:
        raise SourceError([Problem(Location(path), "", "这是一个文件夹，不是文件")]) from None
    except OSError as exc:
        raise SourceError(
            [Problem(Location(path), "", f"无法读取文件（{os_reason(exc)}）")]
        ) from None
    if len(data) > MAX_BYTES:
        raise SourceError(
            [
                Problem(
                    Location(path),
                    "",
                    f"文件太大（{len(data) / 1024 / 1024:.0f} MB），简报和文章的 YAML 不会这么大",
                )
            ]
        )
    if b"\0" in data and not looks_utf16(data):
        raise NotText(
            [
                Problem(
                    Location(path),
                    "",
                    "这不是文字文件（可能是图片、程序或 Word 文件），不能当作 YAML 读",
                )
            ]
        )
    try:
        return decode(data, legacy=False)[0]
    except UndecodableError as exc:
        raise SourceError([Problem(Location(path, exc.line), "", _not_utf8(exc.found))]) from None


def _not_utf8(found: str | None) -> str:
    if found:
        return f"文件是 {named(found)}，不是 UTF-8：请另存为 UTF-8 后再试"
    return "文件不是 UTF-8 编码，请另存为 UTF-8 后再试"


def load(path: Path) -> tuple[Any, dict[Path_, int]]:
    """Parse one YAML file into plain data and a map from field path to line number.

    Scalars stay strings (validation converts them), so ``no`` or ``2019`` mean what was typed.
    """
    return parse(read_text(path), path)


def parse(text: str, path: Path) -> tuple[Any, dict[Path_, int]]:
    """:func:`load` for text already read (``path`` names it in messages)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise SourceError([_syntax(exc, text, path)]) from None
    except yaml.reader.ReaderError:
        raise SourceError([_unreadable(text, path)]) from None
    except yaml.YAMLError:
        raise SourceError(
            [Problem(Location(path), "", f"YAML 格式有误：{yamlhints.FALLBACK}")]
        ) from None
    except RecursionError:
        raise SourceError([Problem(Location(path), "", "嵌套层次太深")]) from None
    if node is None:
        raise SourceError([Problem(Location(path), "", "文件是空的")])
    lines: dict[Path_, int] = {(): node.start_mark.line + 1}
    problems: list[Problem] = []
    budget = [MAX_NODES]
    try:
        data = _convert(node, (), lines, problems, path, budget)
    except _TooMany:
        raise SourceError(
            [
                Problem(
                    Location(path),
                    "",
                    f"内容太多：展开后超过 {MAX_NODES} 项（锚点引用 *名称 可能层层套用）",
                )
            ]
        ) from None
    if problems:
        raise SourceError(problems)
    return data, lines


def _syntax(exc: yaml.MarkedYAMLError, text: str, path: Path) -> Problem:
    """A syntax slip as a problem on the line it is on, said in Chinese."""
    problem = exc.problem or ""
    # an unclosed quote is found at the end of the file: name the line it opens on
    mark = exc.context_mark if "end of stream" in problem else None
    mark = mark or exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    rows = text.splitlines()
    row = rows[mark.line] if mark and mark.line < len(rows) else ""
    char = row[mark.column] if mark and mark.column < len(row) else ""
    hint = yamlhints.hint(exc.problem, exc.context, char)
    if mark and "\t" in row[: mark.column + 1]:
        hint = "不能用 Tab 键缩进，请改用空格"
    slip = _wide_colon(rows[: (mark.line + 1) if mark else len(rows)])
    if slip is not None:  # the slip is on an earlier line than the one PyYAML names
        line, hint = slip
    return Problem(Location(path, line), "", f"YAML 格式有误：{hint}")


# Characters a YAML file may not hold (YAML 1.1 §5.1): control characters, surrogates and
# the two non-characters U+FFFE and U+FFFF.
_NOT_IN_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _unreadable(text: str, path: Path) -> Problem:
    """A character YAML does not allow in a file (a control character), named by its code.

    Found in the text rather than taken from the error: libyaml counts bytes, not characters."""
    found = _NOT_IN_YAML.search(text)
    if found is None:
        return Problem(Location(path), "", f"YAML 格式有误：{yamlhints.FALLBACK}")
    line = text.count("\n", 0, found.start()) + 1
    code = f"U+{ord(found.group()):04X}"
    return Problem(Location(path, line), "", f"这一行有不能出现的控制字符（{code}），请删去它")


class _TooMany(Exception):
    """More values than any bulletin has (an alias bomb, or a generated file gone wrong)."""


def _convert(
    node: yaml.Node,
    at: Path_,
    lines: dict[Path_, int],
    problems: list[Problem],
    path: Path,
    budget: list[int],
) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooMany
    if not _plain(node):
        problems.append(_tag_problem(node, at, path))
        return None
    if len(at) > MAX_DEPTH:
        problems.append(
            Problem(Location(path, node.start_mark.line + 1), dotted(at), "嵌套层次太深")
        )
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is None:
                problems.append(Problem(Location(path, line), dotted(at), "字段名必须是文字"))
                continue
            if not _plain(key_node):
                problems.append(_tag_problem(key_node, (*at, key), path))
                continue
            if key in out:
                problems.append(
                    Problem(Location(path, line), dotted((*at, key)), f"字段“{key}”重复出现")
                )
                continue
            lines[(*at, key)] = line
            out[key] = _convert(value_node, (*at, key), lines, problems, path, budget)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*at, index)] = item.start_mark.line + 1
            items.append(_convert(item, (*at, index), lines, problems, path, budget))
        return items
    if node.tag == NULL_TAG:
        return None
    return node.value


def _plain(node: yaml.Node) -> bool:
    """Whether ``node`` is a plain value: untagged, or tagged with a core-schema type."""
    if node.tag in _PLAIN_TAGS or node.tag == "!":
        return True
    # dates, ``<<`` and ``=`` carry tags of their own when untagged: they are text here
    return isinstance(node, yaml.ScalarNode) and node.tag == _RESOLVER.resolve(
        yaml.ScalarNode, node.value, (True, False)
    )


def _tag_problem(node: yaml.Node, at: Path_, path: Path) -> Problem:
    """A tag reportkit does not read (``!!binary``, ``!custom``), named as it was written."""
    tag = node.tag
    shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
    return Problem(
        Location(path, node.start_mark.line + 1),
        dotted(at),
        f"不认识的 YAML 标记“{shown}”：这里只能写文字、数字和列表。"
        "内容以“!”开头时请给整段内容加引号",
    )
