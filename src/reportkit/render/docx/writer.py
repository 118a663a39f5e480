"""Laid-out pages as a .docx: the parts the template decides (styles, settings, page and
page-number footers), then the body block by block, then the end block.

The word processor sets its own lines; from the pages the writer takes only what Word cannot
decide for itself: where a rule falls under a wrapped paragraph, how far a block set at a
fixed distance from the top sits, and whether the end block needs a page of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from reportkit.compose.page import Block, Document, Image, Rule, Space, Table, Text
from reportkit.layout.pages import Pages
from reportkit.render import Rendered
from reportkit.render.docx import end_block, fonts, page, pictures, rules, styles, tables, text
from reportkit.render.docx.package import (
    FONT_TABLE_TYPE,
    KIND_PROPERTY,
    SETTINGS_TYPE,
    STYLES_TYPE,
    TEMPLATE_PROPERTY,
    THEME_TYPE,
    Package,
)
from reportkit.render.docx.wml import prop
from reportkit.render.markup import add
from reportkit.render.pictures import Pictures, prepare_all
from reportkit.template.profile import Profile
from reportkit.template.registry import Template


def render(
    pages: Pages,
    template: Template,
    fonts: Mapping[str, Path] | None = None,
    prepared: Pictures | None = None,
) -> Rendered:
    """The .docx bytes of the laid-out ``pages`` (the .docx names the template's fonts;
    ``fonts`` is for the PDF); ``prepared``: the placed pictures made ready (made here when
    not given)."""
    profile = template.profile
    document = pages.document
    package = Package()
    ids, footers = _template_parts(package, profile, document)
    pictures_ready = prepared if prepared is not None else prepare_all(pages, profile)
    body = _Body(package, profile, ids, pages, pictures_ready)
    for index in pages.order:  # as placed: a photo may wait for the next page
        body.add(index, document.flow[index])
    body.flush()
    if document.anchored is not None:
        new_page = _pages_after_text(package, pages, footers)
        group = document.anchored
        count = sum(isinstance(b, Rule) for b in group.blocks)
        placed = pages.pages[-1].rules[len(pages.pages[-1].rules) - count :]
        end_block.paragraphs(package.body, group, profile, ids, placed, 1, new_page=new_page)
    _properties(package, document)
    package.set_custom(**{KIND_PROPERTY: profile.kind, TEMPLATE_PROPERTY: profile.name})
    return Rendered(package.to_bytes(), len(pages.pages))


def _pages_after_text(package: Package, pages: Pages, footers: tuple[str, str]) -> bool:
    """The pages the layout added after the text for the end block (a blank page, the end
    block's own page), each numbered or not as the layout numbered it (GB/T 9704 §7.5): a
    section of blank footers where the numbers stop, the numbered footers again where they
    resume.  A blank page is written out, not left to the word processor, which may not print
    one it inserts itself.  Whether the end block still needs a page break before it."""
    added = {"own_page": 1, "after_blank": 2}.get(pages.anchored, 0)
    numbered = True  # the text's pages are
    for number, laid in enumerate(pages.pages[len(pages.pages) - added :]):
        broken = False
        if (laid.number is not None) != numbered:
            numbered = not numbered
            package.end_section(footers if numbered else None)
            broken = True  # a section starts on a new page
        if number < added - 1:  # the blank page
            blank = add(package.body, "w:p")
            if not broken:
                prop(blank, "w:pageBreakBefore")
        else:
            return not broken
    return False


def _template_parts(
    package: Package, profile: Profile, document: Document
) -> tuple[dict[str, str], tuple[str, str]]:
    """Add the styles, the settings, the footers of odd and even pages with ``document``'s
    page-number marks, the body's section properties, the font table and the theme; the Word
    style id of each template style, by its key, and the relationship ids of the two footers."""
    part, ids = styles.part(profile)
    package.relate("word/styles.xml", part, STYLES_TYPE, "styles")
    package.relate("word/settings.xml", page.settings(profile), SETTINGS_TYPE, "settings")
    marks, style = document.page_number, ids["page_number"]
    odd = package.add_footer(page.footer(profile, profile.page_number.odd, marks, style))
    even = package.add_footer(page.footer(profile, profile.page_number.even, marks, style))
    page.section(package.body, profile, (odd, even))
    package.relate("word/fontTable.xml", fonts.font_table(profile), FONT_TABLE_TYPE, "fontTable")
    package.relate("word/theme/theme1.xml", fonts.theme(profile), THEME_TYPE, "theme")
    return ids, (odd, even)


class _Body:
    """The body, block by block: what a block needs of those before it (the paragraph a rule
    hangs from, a seal waiting for the paragraph it stamps, the drawings' ids)."""

    def __init__(
        self,
        package: Package,
        profile: Profile,
        ids: dict[str, str],
        pages: Pages,
        prepared: Pictures,
    ):
        self.package, self.body = package, package.body
        self.profile, self.ids, self.pages, self.prepared = profile, ids, pages, prepared
        # the last text paragraph, its index in the flow and its block
        self.last: tuple[etree._Element, int, Text] | None = None
        self.drawings = 100  # ids of drawn objects (the anchored group uses the low ones)
        self.highest = 0  # the highest id of a drawn object so far
        self.over: Image | None = None  # a picture for the next paragraph (a seal)
        # the paragraph just written and its block, when it was a text block's: blank lines
        # after it become space below it
        self.previous: tuple[etree._Element, Text] | None = None
        self.blank = 0.0  # blank lines after it, waiting for what comes next

    def add(self, index: int, block: Block) -> None:
        """Append block ``index`` of the flow."""
        profile, ids = self.profile, self.ids
        if isinstance(block, Space):
            if index not in self.pages.dropped:  # blank lines the layout left out at a page top
                self.blank += block.lines
            return
        if not isinstance(block, Text | Rule) and not _over(block):  # rules take no room
            self.flush()
            self.previous = None
        if isinstance(block, Image):
            if block.over:
                self.over = block
            else:
                self._photo(block)
        elif isinstance(block, Table):
            if block.caption is not None:
                text.paragraph(self.body, block.caption, profile, ids)
            rows = self.pages.rows_of.get(index, [])
            tables.table(self.body, block, profile, ids, rows)
            self.last = None
        elif isinstance(block, Text):
            p = text.paragraph(self.body, block, profile, ids)
            gaps = self.pages.gaps.get(index)
            if gaps is not None:  # set at a fixed distance from the type area's top
                text.fixed_top(p, block, profile, gaps)
            ahead = gaps is not None or profile.style(block.style).space_before > 0
            if self.blank and ahead:
                # blank lines before a paragraph with space above it: more space above
                text.space_before(p, block, profile, self.blank)
                self.blank = 0
            self.flush()
            if self.over is not None:
                rid, _ = pictures.part(self.package, self.over, self.prepared)
                size = profile.style(block.style).size or 0
                pictures.seal(p, self.over, profile, size, rid, self._drawn(self._next()))
                self.over = None
            self.last = (p, index, block)
            self.previous = (p, block)
        elif isinstance(block, Rule) and self.last is not None:
            p, above, written = self.last
            lines = self.pages.lines_of.get(above, 1)
            rules.rule(p, block, written, lines, profile, self._drawn(self._next()))

    def flush(self) -> None:
        """Blank lines waiting for a paragraph: space below the paragraph before them (not
        above the next one as well: at one boundary LibreOffice keeps only the larger of the
        two spaces, Word adds them), or an empty paragraph of their height when a table or a
        photo comes before them."""
        if not self.blank:
            return
        if self.previous is not None:
            text.space_after(*self.previous, self.profile, self.blank)
        else:
            text.space(self.body, Space(self.blank), self.profile, self.ids)
        self.blank = 0

    def _next(self) -> int:
        self.drawings += 1
        return self.drawings

    def _drawn(self, ident: int) -> int:
        self.highest = max(self.highest, ident)
        return ident

    def _photo(self, image: Image) -> None:
        """A photo in the flow, its caption under it."""
        placed = pictures.part(self.package, image, self.prepared)
        # one more than any drawing's id so far, as Word numbers them
        ident = self._drawn(self.highest + 1)
        pictures.photo(self.body, image, self.profile, self.ids, placed, ident)
        if image.caption is not None:
            caption = text.paragraph(self.body, image.caption, self.profile, self.ids)
            self.last = (caption, -1, image.caption)
            self.previous = (caption, image.caption)


def _over(block: Block) -> bool:
    """Is ``block`` a picture drawn over the next paragraph (a seal)?"""
    return isinstance(block, Image) and block.over


PROPERTY_LIMIT = 255  # characters Word keeps in a core property


def _property(text: str) -> str:
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _properties(package: Package, document: Document) -> None:
    meta = document.meta
    package.set_core(
        meta.made.astimezone(dt.UTC),
        title=_property(meta.title),
        creator=_property(meta.author),
        subject=_property(meta.subject),
        language=meta.language,
        lastModifiedBy=_property(meta.author),
    )
