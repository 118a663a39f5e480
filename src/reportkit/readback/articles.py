"""A bulletin's articles read back: each a title (its balanced lines joined), a subtitle,
bylines into unit, position and name, the running text, the credit line."""

from __future__ import annotations

from typing import Any

from reportkit.readback.walk import (
    ARTICLE,
    TITLE,
    Walk,
    read_running,
    reads,
    stop_at,
    title,
)
from reportkit.source.drafts.common import byline
from reportkit.template.profile import Part

_SEPARATOR = "\u3000"  # between a byline's position and name (the byline piece)


@reads("articles")
def articles(state: Walk, part: Part, later: frozenset[str]) -> None:
    """Every article, in order."""
    while (first := state.at(TITLE, later | {TITLE})) is not None:
        at = ("articles", len(state.articles))
        data: dict[str, Any] = {"title": title(state)}
        lines: dict[tuple[Any, ...], int] = {(): first.number, ("title",): first.number}
        if _here(state, "subtitle"):
            lines[("subtitle",)] = state.paras[state.index].number
            data["subtitle"] = _joined(state, "subtitle")
        authors: list[dict[str, str]] = []
        while _here(state, "byline"):
            para = state.paras[state.index]
            lines[("authors", len(authors))] = para.number
            authors.append(author(para.plain))
            state.index += 1
        data["authors"] = authors
        state.found.counts["people"] += len(authors)
        read = read_running(state, at, stop_at(state, later, TITLE, *ARTICLE))
        data.update(read.data)
        lines.update(read.lines)
        if _here(state, "credit"):
            lines[("credit",)] = state.paras[state.index].number
            data["credit"] = _joined(state, "credit").strip("（）() ")
        state.articles.append((data, lines))
    state.found.part("articles")


def _here(state: Walk, style: str) -> bool:
    """Is the paragraph here in ``style``?"""
    return state.index < len(state.paras) and state.paras[state.index].style == style


def _joined(state: Walk, style: str) -> str:
    """The text of the paragraphs here in ``style``, joined."""
    texts = []
    while _here(state, style):
        texts.append(state.paras[state.index].plain)
        state.index += 1
    return "".join(texts)


def author(text: str) -> dict[str, str]:
    """A byline as unit, position and name: as the byline piece writes it (单位职务　姓名),
    the position among those offices give."""
    found = byline(text)
    if found is not None:
        return found
    head, _, name = text.rpartition(_SEPARATOR)
    if not head:
        return {"name": text.strip()}
    return {"unit": head.strip(), "position": "", "name": name.strip()}
