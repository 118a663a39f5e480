"""Render a composed Document as an archive PDF: layout, drawing, PDF/A-2b."""

from __future__ import annotations

from pathlib import Path

from reportkit.compose.blocks import Document
from reportkit.fonts.resolve import FontSet
from reportkit.render.pdf import archive
from reportkit.render.pdf.draw import draw
from reportkit.render.pdf.faces import Faces
from reportkit.render.pdf.layout import Layout
from reportkit.template.registry import Template

_FONTS: dict[Path, FontSet] = {}


def _fonts(template: Template) -> FontSet:
    """The template's fonts, resolved once per process (a batch worker reuses them)."""
    if template.folder not in _FONTS:
        fonts = FontSet(template.profile, template_dir=template.folder)
        fonts.require()
        _FONTS[template.folder] = fonts
    return _FONTS[template.folder]


def render(document: Document, template: Template) -> bytes:
    """The PDF/A-2b bytes of ``document``."""
    profile = template.profile
    faces = Faces(document, profile, _fonts(template))
    pages = Layout(document, profile, faces).run()
    first = next(run.font for page in pages for run in page.glyphs)
    raw = draw(pages, profile.page.width, profile.page.height, document.meta, first)
    return archive.to_pdfa(raw, document.meta)
