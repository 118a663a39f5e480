"""Compose a source with its template into a Document: the template's parts, in order."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reportkit.compose.context import Context
from reportkit.compose.page import Block, Document, Meta
from reportkit.compose.parts import build_part
from reportkit.errors import SourceError
from reportkit.source.kinds import Source
from reportkit.template.registry import Template

_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def compose(source: Source, template: Template) -> Document:
    """The document for ``source`` in ``template``'s format."""
    profile, pieces = template.profile, template.pieces
    data = _data(source)
    ctx = Context(template, source.content, data, source.origin.locate)
    flow: list[Block] = []
    try:
        for part in profile.parts:
            flow += build_part(ctx, part)
    except SourceError as exc:
        raise SourceError([*ctx.problems, *exc.problems]) from None
    if ctx.problems:
        raise SourceError(ctx.problems)
    date = ctx.value(profile.document_date)
    meta = Meta(
        title=ctx.render("doc_title"),
        author=ctx.render("doc_author") if pieces.has("doc_author") else "",
        subject=ctx.render("doc_subject"),
        date=date if isinstance(date, dt.date) else dt.date(2000, 1, 1),
        language=profile.language,
        created=source.archive_date,
    )
    before, _, after = ctx.render("page_number", n="\x00").partition("\x00")
    name = ctx.render("filename")
    return Document(
        name=_UNSAFE_FILENAME.sub("_", name) or source.name,
        meta=meta,
        flow=tuple(flow),
        anchored=ctx.anchored[-1] if ctx.anchored else None,
        page_number=(before, after),
        locate=source.origin.locate,
        describe=_describe,
    )


def _describe(at: tuple[Any, ...]) -> str:
    """The article or attachment a field belongs to, for messages."""
    if len(at) > 1 and isinstance(at[1], int):
        if at[0] == "articles":
            return f"第 {at[1] + 1} 篇文章，"
        if at[0] == "attachments":
            return f"附件{at[1] + 1}，"
    return ""


def _data(source: Source) -> dict[str, Any]:
    """The source as plain data for pieces and field paths (with what the model derives, such
    as the year an issue number counts in)."""
    data: dict[str, Any] = source.content.model_dump()
    data["source_name"] = source.name
    return data
