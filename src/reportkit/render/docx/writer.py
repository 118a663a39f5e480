"""Draw a composed Document as a .docx: base document, styles, page, masthead, body, end block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from reportkit.compose.blocks import Document, Paragraph
from reportkit.render import Rendered
from reportkit.render.docx import endmatter, masthead, ooxml, package, page, styles
from reportkit.template.registry import Template


def render(
    document: Document, template: Template, fonts: Mapping[str, Path] | None = None
) -> Rendered:
    """The .docx bytes of ``document`` (it names the template's fonts; ``fonts`` is for PDF)."""
    profile = template.profile
    doc, ids = _prepared(template, document)
    masthead.add(doc, document.masthead, profile, _text)
    body = doc.element.body
    for block in document.body:
        _paragraph(body, block, ids)
    if document.end_matter:
        endmatter.add(doc, document.end_matter, profile, ids["end_matter"])
    _properties(doc, document)
    return Rendered(package.to_bytes(doc))


_PREPARED: dict[tuple[Path, tuple[str, str]], tuple[bytes, dict[str, str]]] = {}


def _prepared(template: Template, document: Document) -> tuple[DocxDocument, dict[str, str]]:
    """The base document with the template's styles, page and footers, made once per template,
    and the Word style id of each template style."""
    key = (template.folder, document.page_number)
    if key not in _PREPARED:
        doc = package.new_document()
        profile = template.profile
        styles.define(doc, profile)
        page.setup(doc, document, profile)
        ids = {
            name: doc.styles[styles.style_name(profile, name)].style_id for name in profile.styles
        }
        _PREPARED[key] = (package.raw_bytes(doc), ids)
    data, ids = _PREPARED[key]
    return package.open_bytes(data), ids


def _text(paragraph: DocxParagraph, text: str, style: str | None = None) -> DocxRun:
    run = paragraph.add_run(text, style=style)
    ooxml.east_asian_hint(run._r, text)
    return run


def _paragraph(body: BaseOxmlElement, block: Paragraph, ids: dict[str, str]) -> None:
    """A body paragraph, written at the XML level (python-docx looks styles up by name on every
    call, which is most of the time of a long document)."""
    p = body.add_p()
    p.style = ids[block.style]
    if block.page_break_before:
        p.get_or_add_pPr().pageBreakBefore_val = True
    for number, line in enumerate(block.lines):
        if number:
            p.add_r().add_br()
        for run in line:
            r = p.add_r()
            if run.style:
                r.style = ids[run.style]
            r.text = run.text
            ooxml.east_asian_hint(r, run.text)


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
