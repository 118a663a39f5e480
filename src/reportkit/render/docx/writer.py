"""Draw a composed Document as a .docx: base document, styles, page, masthead, body, end block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from docx.document import Document as DocxDocument
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
    doc = _prepared(template, document)
    masthead.add(doc, document.masthead, profile, _text)
    for block in document.body:
        _paragraph(doc, block, template)
    if document.end_matter:
        endmatter.add(doc, document.end_matter, profile, _text)
    _properties(doc, document)
    return Rendered(package.to_bytes(doc))


_PREPARED: dict[tuple[Path, tuple[str, str]], bytes] = {}


def _prepared(template: Template, document: Document) -> DocxDocument:
    """The base document with the template's styles, page and footers, made once per template."""
    key = (template.folder, document.page_number)
    if key not in _PREPARED:
        doc = package.new_document()
        styles.define(doc, template.profile)
        page.setup(doc, document, template.profile)
        _PREPARED[key] = package.raw_bytes(doc)
    return package.open_bytes(_PREPARED[key])


def _text(paragraph: DocxParagraph, text: str, style: str | None = None) -> DocxRun:
    run = paragraph.add_run(text, style=style)
    ooxml.east_asian_hint(run._r, text)
    return run


def _paragraph(doc: DocxDocument, block: Paragraph, template: Template) -> None:
    profile = template.profile
    paragraph = doc.add_paragraph(style=styles.style_name(profile, block.style))
    if block.page_break_before:
        paragraph.paragraph_format.page_break_before = True
    for number, line in enumerate(block.lines):
        if number:
            paragraph.add_run().add_break()
        for run in line:
            style = styles.style_name(profile, run.style) if run.style else None
            _text(paragraph, run.text, style)


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
    props.last_modified_by = meta.author
    props.revision = 1
