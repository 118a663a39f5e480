"""A draft file read, normalised and parsed: the articles in it (or the report or minutes it
is) and what to check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportkit.errors import Location, Problem, SourceError
from reportkit.source.clean import clean
from reportkit.source.drafts.document import Parsed
from reportkit.source.drafts.parse import Draft, parse
from reportkit.source.drafts.read import DraftLine, docx_lines, is_word, opened, read_draft
from reportkit.source.normalize import Fix, normalize

if TYPE_CHECKING:
    from reportkit.template.registry import Template

PUNCTUATION = "标点"  # the field of notes about punctuation put right
CHARACTERS = "字符"  # the field of notes about characters dropped


def load_draft(path: Path, *, normalise: bool = True) -> Draft:
    """The articles of a .txt, .md or .docx draft, with notes (warnings) for the reader."""
    lines, notes = read_draft(path)
    lines, fixed = _normalised(lines, path, normalise)
    notes += fixed
    draft = parse(lines, path)
    draft.notes[:0] = notes
    return draft


@dataclass
class Loaded:
    """A draft of any kind: its kind, why it was taken for one, and what was read."""

    kind: str
    why: str
    chosen: bool  # the kind was given (--kind), not recognised
    read: Draft | Parsed
    template: str | None = None  # a document reportkit wrote: the template it was built with


# text drafts join lines broken in mid-sentence; a Word paragraph is one as the writer made it
_JOINED = (".txt", ".md", ".markdown")


def load_any(
    path: Path,
    *,
    normalise: bool = True,
    kind: str | None = None,
    template: Template | None = None,
) -> Loaded:
    """A draft read as the kind it is (or ``kind``, when given): a bulletin's articles, a
    report's or minutes' fields; a .docx reportkit wrote, read back into its source
    (``template``: the one it was built with, when not a built-in)."""
    from reportkit.source.drafts import document
    from reportkit.source.drafts.kinds import recognise
    from reportkit.source.drafts.minutes import parse_minutes
    from reportkit.source.drafts.report import parse_report

    if is_word(path):
        with opened(path) as word:
            own = _own(word, path, normalise, kind, template)
            if own is not None:
                return own
            lines, notes = docx_lines(word), list[Problem]()
    else:
        lines, notes = read_draft(path)
    lines, fixed = _normalised(lines, path, normalise)
    notes += fixed
    paras = document.paragraphs(lines, path.suffix.lower() in _JOINED)
    found, why = (kind, "按 --kind 指定") if kind else recognise(paras)
    read: Draft | Parsed
    if found == "bulletin":
        read = parse(lines, path)
    elif found == "report":
        read = parse_report(paras, path)
    else:
        read = parse_minutes(paras, path)
    read.notes[:0] = notes
    return Loaded(found, why, kind is not None, read)


def _own(
    word: Any, path: Path, normalise: bool, kind: str | None, template: Template | None
) -> Loaded | None:
    """A document reportkit wrote (of ``kind``, when given; with ``template``, when given)
    read back into its source; None for any other Word document."""
    from reportkit.render.docx.package import TEMPLATE_PROPERTY
    from reportkit.source.drafts.own import mark, reading

    found = mark.recognise(word, kind, template)
    if found is None:
        said = mark.properties(word).get(TEMPLATE_PROPERTY)
        if said and kind is None:  # reportkit's, with a template not found: not a draft
            raise SourceError(
                [
                    Problem(
                        Location(path),
                        "",
                        f"这是 reportkit 用模板“{said}”生成的 Word 文件，没有找到这个模板：请加 "
                        "--template 写明模板的名称或文件夹后再导入（或加 --kind 按普通稿件读入）",
                    )
                ]
            )
        return None
    read = reading.read(word, path, found, normalise=normalise)
    name = found.template.profile.name
    why = f"reportkit 生成的文档，模板 {name}，{found.how}"
    return Loaded(found.kind, why, kind is not None, read, name)


def _normalised(
    lines: list[DraftLine], path: Path, normalise: bool
) -> tuple[list[DraftLine], list[Problem]]:
    """Lines without unusable characters and, when ``normalise``, with punctuation put right;
    one note per line summing up what changed there."""
    out, notes = [], []
    for line in lines:
        text, dropped = clean(line.text)
        if dropped:
            notes.append(Problem(Location(path, line.number), CHARACTERS, dropped, warning=True))
        fixes: list[Fix] = []
        if normalise:
            text, fixes = normalize(text)
        out.append(DraftLine(text.strip(), line.number, line.heading, line.figure))
        if fixes:
            kinds = Counter(fix.kind for fix in fixes)
            summary = "；".join(
                f"{kind}（{count} 处）" if count > 1 else kind for kind, count in kinds.items()
            )
            notes.append(Problem(Location(path, line.number), PUNCTUATION, summary, warning=True))
    return out, notes
