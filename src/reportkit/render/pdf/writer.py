"""Laid-out pages as an archive PDF: fonts for every glyph, drawing, PDF/A-2b."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportkit.fonts.resolve import fonts_for
from reportkit.layout.pages import Pages
from reportkit.render import Rendered, images
from reportkit.render.pdf.draw import draw
from reportkit.render.pdf.faces import Faces, register
from reportkit.render.pdf.glyphs import glyph_pages
from reportkit.render.pdf.verify import check_glyphs
from reportkit.template.registry import Template


def render(pages: Pages, template: Template, fonts: Mapping[str, Path] | None = None) -> Rendered:
    """The PDF/A-2b bytes of the laid-out ``pages``; ``fonts`` points roles at font files."""
    profile = template.profile
    document = pages.document
    faces = Faces(document, profile, fonts_for(template, fonts))
    drawn = glyph_pages(pages, faces)
    check_glyphs(drawn, faces.describe_missing)
    first = next(run.font for page in drawn for run in page.glyphs)
    pictures = {
        (image.path, image.width, image.height): images.prepare(
            image.path, image.width, image.height, profile.figures.max_dpi
        )
        for page in drawn
        for image in page.images
    }
    raw = draw(drawn, profile.page.width, profile.page.height, document.meta, first, pictures)
    return Rendered(raw, len(drawn))


def warm(template: Template, fonts: Mapping[str, Path] | None = None) -> None:
    """Load the template's first-choice fonts now (a batch does this before starting workers,
    which then share them)."""
    font_set = fonts_for(template, fonts)
    for role in font_set.roles.values():
        for chain in (role.east_asian, role.latin):
            if chain.faces:
                register(chain.prepared(chain.faces[0]).file)
