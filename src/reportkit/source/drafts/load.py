"""A draft file read, normalised and parsed: the articles in it (or the report or minutes it
is) and what to check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reportkit.errors import Location, Problem
from reportkit.source.clean import clean
from reportkit.source.drafts.document import Parsed
from reportkit.source.drafts.parse import Draft, parse
from reportkit.source.drafts.read import DraftLine, docx_lines, is_word, opened, read_draft
from reportkit.source.normalize import Fix, normalize

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


class OwnReader(Protocol):
    """Reads a Word document reportkit wrote back into its source: None for any other."""

    def __call__(
        self, word: object, path: Path, normalise: bool, kind: str | None
    ) -> Loaded | None: ...


# text drafts join lines broken in mid-sentence; a Word paragraph is one as the writer made it
_JOINED = (".txt", ".md", ".markdown")


def load_any(
    path: Path,
    *,
    normalise: bool = True,
    kind: str | None = None,
    own: OwnReader | None = None,
) -> Loaded:
    """A draft read as the kind it is (or ``kind``, when given): a bulletin's articles, a
    report's or minutes' fields; a Word document ``own`` knows (reportkit wrote it) read back
    by ``own`` into its source."""
    from reportkit.source.drafts import document
    from reportkit.source.drafts.kinds import recognise
    from reportkit.source.drafts.minutes import parse_minutes
    from reportkit.source.drafts.report import parse_report

    if is_word(path):
        with opened(path) as word:
            mine = own(word, path, normalise, kind) if own is not None else None
            if mine is not None:
                return mine
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
