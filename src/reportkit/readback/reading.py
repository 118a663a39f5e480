"""A document reportkit wrote read into its source: a bulletin's articles, masthead and 报尾,
or a report's or minutes' fields; text put right as a source's is when it loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportkit.errors import Problem
from reportkit.readback import (
    articles,  # noqa: F401  (registers the bulletin's readers)
    styled,
    walk,
)
from reportkit.readback.mark import Mark
from reportkit.source.drafts import load as draft_load
from reportkit.source.drafts import minutes, report
from reportkit.source.drafts.common import note
from reportkit.source.drafts.document import Parsed
from reportkit.source.drafts.parse import Draft
from reportkit.source.load import normalised
from reportkit.template.profile import RunSpec


def read(document: Any, file: Path, mark: Mark, *, normalise: bool = True) -> Draft | Parsed:
    """The source of a document reportkit wrote with ``mark``'s template."""
    template = mark.template
    state = walk.walk(styled.read(document, template.profile), template, file)
    found = state.found
    found.template = template.profile.name
    if mark.note:
        found.notes.append(note(file, None, "template", mark.note))
    _from_properties(state, document)
    found.data = _normalised(found.data, found.lines, file, found.notes, normalise)
    if mark.kind == "report":
        report.missing(found)  # a part the clerk deleted: a placeholder, marked for review
    elif mark.kind == "minutes":
        minutes.missing(found, [], file)
    if mark.kind != "bulletin":
        return found
    draft = Draft(notes=found.notes, template=found.template)
    for data, lines in state.articles:
        draft.articles.append(_normalised(data, lines, file, draft.notes, normalise))
        draft.lines.append(lines)
    draft.masthead = found.data.get("masthead", {})
    draft.masthead_line = found.lines.get(("masthead", "name"), 0)
    draft.end_matter = found.data.get("end_matter")
    return draft


def _from_properties(state: walk.Walk, document: Any) -> None:
    """What the text does not show but the document's properties do: the author the
    template wrote (a report's 发文机关, when no line gives it)."""
    author = (document.core_properties.author or "").strip()
    if not author:
        return
    read = state.pattern([RunSpec(piece="doc_author")]).read(author) or {}
    for path, value in read.items():
        if not _has(state.found.data, path):
            state.found.put(path, value, None)


def _has(data: dict[str, Any], path: tuple[Any, ...]) -> bool:
    """Is the field at ``path`` set?"""
    value: Any = data
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return False
        value = value[key]
    return True


def _normalised(
    data: dict[str, Any],
    lines: dict[tuple[Any, ...], int],
    file: Path,
    notes: list[Problem],
    normalise: bool,
) -> dict[str, Any]:
    """``data`` without unusable characters and with punctuation put right, as a source's
    text is put right when it loads; each line's changes one note."""
    fixes: list[Problem] = []
    out: dict[str, Any] = normalised(data, (), file, _prefixed(lines), fixes, normalise)
    for problem in fixes:
        notes.append(problem._replace(field=draft_load.PUNCTUATION))
    return out


def _prefixed(lines: dict[tuple[Any, ...], int]) -> dict[tuple[Any, ...], int]:
    """Each field's paragraph, looked up by its path or the nearest path above it."""

    class Nearest(dict[tuple[Any, ...], int]):
        def get(self, key: Any, default: Any = None) -> Any:
            for cut in range(len(key), -1, -1):
                if key[:cut] in self:
                    return self[key[:cut]]
            return default

    return Nearest(lines)
