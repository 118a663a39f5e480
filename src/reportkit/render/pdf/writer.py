"""Laid-out pages as an archive PDF: fonts for every glyph, text, rules and pictures drawn where
the layout put them, tagged, PDF/A-2a."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from reportkit.fonts.resolve import fonts_for
from reportkit.layout.pages import Pages
from reportkit.render import Rendered
from reportkit.render.pdf.fonts import Faces, register
from reportkit.render.pdf.page import draw
from reportkit.render.pdf.tags import Tagger
from reportkit.render.pdf.text import GlyphCheck, PageGlyphs, page_glyphs
from reportkit.render.pictures import Pictures, prepare_all
from reportkit.template.registry import Template


def render(
    pages: Pages,
    template: Template,
    fonts: Mapping[str, Path] | None = None,
    prepared: Pictures | None = None,
) -> Rendered:
    """The PDF/A-2a bytes of the laid-out ``pages``; ``fonts`` points roles at font files;
    ``prepared``: the placed pictures made ready (made here when not given)."""
    profile = template.profile
    faces = Faces(pages.document, profile, fonts_for(template, fonts))
    check = GlyphCheck(faces.describe_missing)

    def glyphs() -> Iterator[PageGlyphs]:
        # each page's runs in their fonts as it is drawn: a long document never holds them all
        for page in pages.pages:
            runs = page_glyphs(page, faces)
            check.page(runs)
            yield runs

    drawn = (
        faces.font(run.style, ch) for page in pages.pages for run in page.runs for ch in run.text
    )
    first = next(font for font in drawn if font)  # the font of the first glyph drawn
    pictures = prepared if prepared is not None else prepare_all(pages, profile)
    size = (profile.page.width, profile.page.height)
    data = draw(pages, glyphs(), size, first, pictures, Tagger(pages, profile))
    check.done()  # nothing is returned, so nothing written, when a glyph is missing
    return Rendered(data, len(pages.pages))


def warm(template: Template, fonts: Mapping[str, Path] | None = None) -> None:
    """Load the template's first-choice fonts now (a batch does this before starting workers,
    which then share them)."""
    font_set = fonts_for(template, fonts)
    for role in font_set.roles.values():
        for chain in (role.east_asian, role.latin):
            if chain.faces:
                register(chain.prepared(chain.faces[0]).file)
