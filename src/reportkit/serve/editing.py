"""One value of a source's YAML file changed as the browser asks: the file's comments, key
order and indentation kept, the new value checked as ``validate`` checks it, and the write
refused when the file has changed since the page read it."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from reportkit import atomic
from reportkit.errors import Location, Problem, SourceError
from reportkit.serve.safety import Refused
from reportkit.source import yamlfile
from reportkit.source.clean import clean
from reportkit.source.normalize import normalize

Path_ = tuple[str | int, ...]
STALE = (
    "这份材料在你打开之后已被修改（另一个窗口或另一个人），为免覆盖别人的修改，这次没有保存。"
    "请重新载入后再改"
)
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FOLD = 40  # characters: longer text is written as a folded block, as import writes it


def etag(data: bytes) -> str:
    """A version of a file's content: what the page read, to compare before writing."""
    return hashlib.sha256(data).hexdigest()[:20]


def read(path: Path) -> tuple[Any, dict[Path_, int], str]:
    """A YAML file as plain data with the line of each value, and its version; SourceError
    when reportkit cannot read it (nothing is changed in a file it cannot read)."""
    try:
        raw = path.read_bytes()
    except OSError:
        raw = b""
    data, lines = yamlfile.load(path)
    return data, lines, etag(raw)


def as_json(value: Any) -> Any:
    """Plain YAML data as JSON can carry it (dates as 2019-04-26)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def at(data: Any, path: Path_) -> Any:
    """The value at ``path`` in plain data (None when there is none)."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def typed(value: Any, kind: str | None, old: Any) -> Any:
    """A value as the form sends it (text) written as the file would have it: a whole number,
    a number or a date (2019-04-26) plain, where the field holds one (its form's ``kind``, or
    what the value it replaces looks like); other text stays text (the model reads 第5期 and
    2019年4月26日).  The loader reads every value as text: this only keeps the file tidy."""
    if isinstance(value, list):
        return [typed(v, None, None) for v in value]
    if not isinstance(value, str):
        return value
    text = value.strip()
    wanted = kind or _looks(old)
    if wanted == "int" and re.fullmatch(r"\d{1,9}", text):
        return int(text)
    if wanted == "number" and _NUMBER.fullmatch(text):
        return float(text) if "." in text else int(text)
    if wanted == "date" and _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return value
    return value


_NUMBER = re.compile(r"\d{1,9}(\.\d{1,9})?")


def _looks(old: Any) -> str | None:
    """What a value read from a file (as text) is written as: a number, a date, or text."""
    if isinstance(old, str):
        if _NUMBER.fullmatch(old.strip()):
            return "number"
        if _ISO_DATE.fullmatch(old.strip()):
            return "date"
    return None


def as_text(value: Any) -> Any:
    """A value as the loader reads it back: text (a list of texts)."""
    if isinstance(value, list):
        return [as_text(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if value is None else str(value)


def changed(data: Any, path: Path_, value: Any) -> Any:
    """A copy of plain ``data`` with ``path`` set to ``value`` (removed when None)."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
        out = list(data)
        out[key] = changed(data[key], rest, value)
        return out
    out_map = dict(data) if isinstance(data, dict) else {}
    if value is None and not rest:
        out_map.pop(key, None)
    else:
        out_map[key] = changed(out_map.get(key), rest, value)
    return out_map


def notes(value: Any, file: Path, line: int | None, field: str) -> list[Problem]:
    """The warnings ``build`` gives for a text as typed: characters it drops, punctuation it
    puts right."""
    found: list[Problem] = []
    for text in value if isinstance(value, list) else [value]:
        if not isinstance(text, str):
            continue
        cleaned, dropped = clean(text)
        if dropped:
            found.append(Problem(Location(file, line), field, dropped, warning=True))
        _, fixes = normalize(cleaned)
        found += [Problem(Location(file, line), field, f.message, warning=True) for f in fixes]
    return found


def rewrite(path: Path, expected: str, edit: Path_, value: Any) -> str:
    """Set ``edit`` to ``value`` (None: remove it) in the YAML file at ``path``, its comments
    and layout kept, unless the file is no longer the version ``expected``; its new version."""
    raw = path.read_bytes()
    if etag(raw) != expected:
        raise Refused(409, STALE)
    text = raw.decode("utf-8-sig")
    new = replaced(text, edit, value)
    check_written(new, path, edit, value)
    atomic.write_bytes(path, new.encode("utf-8"))
    return etag(new.encode("utf-8"))


def replaced(text: str, edit: Path_, value: Any) -> str:
    """``text`` (YAML) with the value at ``edit`` set, by a round trip that keeps comments."""
    rt = YAML()
    rt.width = 10**6  # a long text stays on its line: no folding that a reader might undo
    rt.preserve_quotes = True
    data, sequence, offset = load_yaml_guess_indent(text, yaml=rt)
    mapping = _mapping_indent(text)
    rt.indent(mapping=mapping, sequence=sequence or mapping, offset=offset or 0)
    if not edit:
        raise Refused(400, "没有说要改哪一项")
    parent = data
    for key in edit[:-1]:
        parent = _child(parent, key)
    last = edit[-1]
    if value is None:
        if isinstance(parent, dict):
            parent.pop(last, None)
    elif isinstance(parent, list):
        if not (isinstance(last, int) and 0 <= last < len(parent)):
            raise Refused(400, "要改的这一项已经不在了，请重新载入")
        parent[last] = _styled(parent[last], value)
    elif isinstance(parent, dict):
        parent[last] = _styled(parent.get(last), value)
    else:
        raise Refused(400, "要改的这一项已经不在了，请重新载入")
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


_NESTED_KEY = re.compile(r"^( +)[^\s#\-][^:#]*:(\s|$)", re.MULTILINE)


def _mapping_indent(text: str) -> int:
    """How far the file indents a mapping inside a mapping (ruamel guesses only lists')."""
    found = [len(m.group(1)) for m in _NESTED_KEY.finditer(text)]
    return min(found, default=2)


def _child(parent: Any, key: str | int) -> Any:
    """The mapping or list under ``key``, a new mapping where a field is not written yet."""
    if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
        return parent[key]
    if isinstance(parent, dict) and isinstance(key, str):
        if not isinstance(parent.get(key), dict | list):
            parent[key] = CommentedMap()
        return parent[key]
    raise Refused(400, "要改的这一项已经不在了，请重新载入")


def _styled(old: Any, value: Any) -> Any:
    """``value`` as the file should show it: a list in the style of the one it replaces, long
    text folded as before, text that YAML would read as something else quoted."""
    if isinstance(value, list):
        seq = CommentedSeq(_styled(None, v) for v in value)
        if isinstance(old, CommentedSeq) and old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if not isinstance(value, str):
        return value
    if "\n" in value:
        return LiteralScalarString(value)
    plain = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR
    if not plain or value != value.strip():
        return DoubleQuotedScalarString(value)
    if isinstance(old, FoldedScalarString) or (len(value) > FOLD and old is None):
        return FoldedScalarString(value)
    return value


def check_written(text: str, path: Path, edit: Path_, value: Any) -> None:
    """Refuse to write YAML that does not read back with the value just set."""
    try:
        data, _ = yamlfile.parse(text, path)
    except SourceError as exc:
        raise RuntimeError(f"rewritten YAML does not load: {exc}") from None
    if value is not None and at(data, edit) != as_text(value):
        raise RuntimeError(f"rewritten YAML reads {at(data, edit)!r}, not {value!r}")
