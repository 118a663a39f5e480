"""Write a composed Document as a .docx: base document, styles, page, the blocks, the end block.

The word processor sets its own lines; from reportkit's pagination the writer takes only what
Word cannot decide for itself: where a rule falls under a wrapped paragraph, how far a block
set at a fixed distance from the top sits, and whether the end block needs a page of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

from reportkit import usercache
from reportkit.compose.page import Document
from reportkit.layout.metrics import StandardMetrics
from reportkit.layout.paginate import paginate
from reportkit.render import Rendered
from reportkit.render.docx import anchored, blocks, package, page, styles
from reportkit.template.registry import Template


def render(
    document: Document, template: Template, fonts: Mapping[str, Path] | None = None
) -> Rendered:
    """The .docx bytes of ``document`` (it names the template's fonts; ``fonts`` is for PDF)."""
    profile = template.profile
    pages = paginate(document, profile, StandardMetrics(), keep=None)
    doc, ids = _prepared(template, document)
    writer = blocks.BlockWriter(doc, profile, ids, pages)
    for index in pages.order:  # as placed: a photo may wait for the next page
        writer.add(index, document.flow[index])
    if document.anchored is not None:
        blank = pages.anchored == "after_blank"
        if pages.anchored in ("own_page", "after_blank"):
            # a section of its own, unnumbered; a blank page written out (not left to the
            # word processor, which may not print one it inserts itself)
            page.end_section(doc)
            if blank:
                doc.element.body.add_p()
        anchored.add(doc, document.anchored, profile, ids, pages.end_lines, new_page=blank)
    _properties(doc, document)
    return Rendered(package.to_bytes(doc), len(pages.pages))


_PREPARED: dict[tuple[Path, tuple[str, str]], tuple[bytes, dict[str, str]]] = {}


def _prepared(template: Template, document: Document) -> tuple[DocxDocument, dict[str, str]]:
    """The base document with the template's styles, page and footers, and the Word style id
    of each template style: made once per template and kept in the user cache."""
    key = (template.folder, document.page_number)
    if key not in _PREPARED:
        kept = (
            usercache.cache_dir()
            / "docx"
            / f"{usercache.key(template.version, key, _code())}.marshal"
        )
        record = usercache.load(kept)
        if isinstance(record, dict) and record.get("code") == _code():
            _PREPARED[key] = (record["data"], record["ids"])
        else:
            doc = package.new_document()
            profile = template.profile
            styles.define(doc, profile)
            page.setup(doc, document, profile)
            ids = {
                name: doc.styles[styles.style_name(profile, name)].style_id
                for name in profile.styles
            }
            _PREPARED[key] = (package.raw_bytes(doc), ids)
            usercache.store(kept, {"code": _code(), "data": _PREPARED[key][0], "ids": ids})
    data, ids = _PREPARED[key]
    return package.open_bytes(data), ids


@functools.cache
def _code() -> list[tuple[str, int, int]]:
    """What a kept base document was made by: these modules, the base files, python-docx."""
    folder = Path(__file__).parent
    made_by = [folder / f"{name}.py" for name in ("ooxml", "package", "page", "styles", "writer")]
    base = sorted(p for p in package.BASE.rglob("*") if p.is_file())
    return [*usercache.stamp(*made_by, *base), (f"python-docx {docx.__version__}", 0, 0)]


PROPERTY_LIMIT = 255  # characters Word keeps in a core property


def _property(text: str) -> str:
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _properties(doc: DocxDocument, document: Document) -> None:
    meta = document.meta
    when = dt.datetime.combine(meta.date, dt.time(0, 0), tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = _property(meta.title)
    props.author = _property(meta.author)
    props.subject = _property(meta.subject)
    props.language = meta.language
    props.created = when
    props.modified = when
    props.last_modified_by = _property(meta.author)
    props.revision = 1
