"""Laid-out pages as a .docx: base document, styles, page, the blocks, the end block.

The word processor sets its own lines; from the pages the writer takes only what Word cannot
decide for itself: where a rule falls under a wrapped paragraph, how far a block set at a
fixed distance from the top sits, and whether the end block needs a page of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from reportkit.compose.page import Document
from reportkit.layout.pages import Pages
from reportkit.render import Rendered
from reportkit.render.docx import anchored, blocks, template_base
from reportkit.render.docx.package import Package
from reportkit.render.markup import add
from reportkit.template.registry import Template


def render(pages: Pages, template: Template, fonts: Mapping[str, Path] | None = None) -> Rendered:
    """The .docx bytes of the laid-out ``pages`` (the .docx names the template's fonts;
    ``fonts`` is for the PDF)."""
    profile = template.profile
    document = pages.document
    package = Package()
    ids = template_base.add(package, profile, document)
    writer = blocks.BlockWriter(package, profile, ids, pages)
    for index in pages.order:  # as placed: a photo may wait for the next page
        writer.add(index, document.flow[index])
    if document.anchored is not None:
        blank = pages.anchored == "after_blank"
        if pages.anchored in ("own_page", "after_blank"):
            # a section of its own, unnumbered (GB/T 9704 §7.5 numbers neither a page holding
            # only the end block nor a blank page before it); a blank page written out, not
            # left to the word processor, which may not print one it inserts itself
            package.end_section()
            if blank:
                add(package.body, "w:p")
        anchored.paragraph(
            package.body, document.anchored, profile, ids, pages.end_lines, new_page=blank
        )
    _properties(package, document)
    return Rendered(package.to_bytes(), len(pages.pages))


PROPERTY_LIMIT = 255  # characters Word keeps in a core property


def _property(text: str) -> str:
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _properties(package: Package, document: Document) -> None:
    meta = document.meta
    package.set_core(
        dt.datetime.combine(meta.date, dt.time(0, 0), tzinfo=dt.UTC),
        title=_property(meta.title),
        creator=_property(meta.author),
        subject=_property(meta.subject),
        language=meta.language,
        lastModifiedBy=_property(meta.author),
    )
