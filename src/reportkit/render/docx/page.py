"""Page geometry, the line grid, and odd/even page-number footers (GB/T 9704 §5, §7.5), set
up in the template's base with python-docx."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportkit.compose.page import Document
from reportkit.render.docx import ooxml, wml
from reportkit.render.docx.ooxml import qn
from reportkit.template.profile import Profile
from reportkit.template.units import twips

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import BaseStyle
    from docx.text.paragraph import Paragraph as DocxParagraph


def setup(doc: DocxDocument, document: Document, profile: Profile, number_style: BaseStyle) -> None:
    """A4, the type area, the line grid and the page-number footers."""
    from docx.shared import Twips

    page, grid = profile.page, profile.grid
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(twips(page.width)), Twips(twips(page.height))
    section.top_margin = Twips(twips(page.margin_top))
    section.bottom_margin = Twips(twips(page.margin_bottom))
    # whole twips: the right margin and the type width are kept exact, the left takes the rest
    section.left_margin = Twips(
        twips(page.width) - twips(page.margin_right) - twips(page.type_width)
    )
    section.right_margin = Twips(twips(page.margin_right))
    section.gutter = Twips(0)
    number = profile.style("page_number")
    number_top = page.margin_top + page.type_height + profile.page_number.below_type_area
    line = number.line_height * grid.line_pitch
    section.footer_distance = Twips(twips(page.height - number_top - line))
    section.header_distance = Twips(twips(page.margin_top / 2))
    sect_pr = section._sectPr
    doc_grid = ooxml.child(sect_pr, "w:docGrid", wml.SECTPR_ORDER)
    attrs: dict[str, str | int] = {"type": grid.docx_grid, "linePitch": twips(grid.line_pitch)}
    if grid.docx_grid == "linesAndChars":
        body_size = profile.style("body").size or 0
        # Word's charSpace: the difference between cell and glyph width, in 1/4096 pt
        attrs["charSpace"] = round((profile.char_width - body_size) * 4096)
    ooxml.set_attrs(doc_grid, **attrs)
    doc.settings.odd_and_even_pages_header_footer = True
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    ooxml.set_attrs(lang, eastAsia=profile.language)
    for footer, side in (
        (section.footer, profile.page_number.odd),
        (section.even_page_footer, profile.page_number.even),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = number_style
        _footer(paragraph, document, profile, side)


def _footer(paragraph: DocxParagraph, document: Document, profile: Profile, side: str) -> None:
    """``— N —`` in the page-number style, one character in from the outer edge."""
    settings = profile.page_number
    ppr = paragraph._p.get_or_add_pPr()
    indent = twips(settings.indent * settings.indent_size)
    ooxml.ppr_child(ppr, "w:ind", **{"left" if side == "left" else "right": indent})
    ooxml.ppr_child(ppr, "w:jc", val={"left": "left", "right": "right", "center": "center"}[side])
    before, after = document.page_number
    paragraph.add_run(before)
    ooxml.add_field(paragraph._p, "PAGE", "1")
    paragraph.add_run(after)
