"""One field of a document as the page edits it: checked as ``validate`` checks the file it is
in (the file's own model), and saved when asked, unless the file changed since the page read
it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from reportkit.errors import Problem, dotted
from reportkit.serve import editing
from reportkit.serve.safety import Refused, inside
from reportkit.serve.workspace import Doc
from reportkit.source.kinds import KINDS
from reportkit.source.load import YAML_SUFFIXES
from reportkit.source.model import Article
from reportkit.source.validation import validate


class Edited(NamedTuple):
    """What became of an edit: the messages of its file, whether it was saved, the file's
    version now."""

    problems: list[Problem]
    saved: bool
    etag: str


def edit(
    doc: Doc,
    file: str,
    at: tuple[str | int, ...],
    value: Any,
    kind: str | None,
    save: bool,
    expected: str,
) -> Edited:
    """Set the field ``at`` of the YAML ``file`` (in ``doc``'s folder) to ``value`` as the
    form sends it (``kind``: how the form types it), check the file with it and save it when
    ``save`` — unless the file is no longer the version ``expected``."""
    path = inside(doc.folder, file)
    if path.suffix.lower() not in YAML_SUFFIXES:
        raise Refused(400, "只能修改 YAML 文件中的内容")
    data, lines, version = editing.read(path)
    value = editing.typed(value, kind, editing.at(data, at))
    if value in ("", []) and not isinstance(at[-1], int):
        value = None  # a field left empty is not written
    changed = editing.changed(data, at, editing.as_text(value))  # as the loader reads it
    line = next((lines[at[:c]] for c in range(len(at), -1, -1) if at[:c] in lines), None)
    found = _validated(doc, path, changed, lines)
    found += editing.notes(value, path, line, dotted(at))
    if not save:
        return Edited(found, False, version)
    return Edited(found, True, editing.rewrite(path, expected, at, value))


def _validated(doc: Doc, path: Path, data: Any, lines: dict[Any, int]) -> list[Problem]:
    """What ``validate`` says of a source's file with this content: the document's own file
    checked against its kind's model (and its inline articles), an article file as an article."""
    found: list[Problem] = []
    if path.resolve() != doc.file.resolve():
        validate(Article, data, path, lines, found)
        return found
    validate(KINDS[doc.kind].model, data, path, lines, found)
    listed = data.get("articles") if isinstance(data, dict) else None
    for index, item in enumerate(listed if isinstance(listed, list) else []):
        if isinstance(item, dict):
            validate(Article, item, path, lines, found, prefix=("articles", index))
    return found
