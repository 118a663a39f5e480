"""Page-model blocks as WordprocessingML: a text block is a styled paragraph, a rule a drawn
line anchored to the paragraph above it, blank lines an empty paragraph of exact height."""

from __future__ import annotations

from lxml import etree

from reportkit.compose.page import Block, Image, Rule, Space, Table, Text
from reportkit.layout.pages import Pages
from reportkit.render import images
from reportkit.render.docx import drawing, tables, wml
from reportkit.render.docx.package import PICTURES, Package
from reportkit.render.docx.wml import prop
from reportkit.render.markup import add
from reportkit.template.profile import Profile
from reportkit.template.units import twips
from reportkit.typeset.cells import cells, label_cells


class BlockWriter:
    """Appends blocks to a document body, in order."""

    def __init__(self, package: Package, profile: Profile, ids: dict[str, str], pages: Pages):
        self.package, self.body = package, package.body
        self.profile, self.ids, self.pages = profile, ids, pages
        # the last text paragraph, its index in the flow and its block
        self.last: tuple[etree._Element, int, Text] | None = None
        self.drawings = 100  # ids of drawn objects (the anchored group uses the low ones)
        self.highest = 0  # the highest id of a drawn object so far
        self.over: Image | None = None  # a picture for the next paragraph (a seal)

    def add(self, index: int, block: Block) -> None:
        """Append block ``index`` of the flow."""
        if isinstance(block, Image):
            if block.over:
                self.over = block
            else:
                self._image(block)
            return
        if isinstance(block, Table):
            if block.caption is not None:
                paragraph(self.body, block.caption, self.profile, self.ids)
            rows = self.pages.rows_of.get(index, [])
            tables.table(self.body, block, self.profile, self.ids, rows)
            self.last = None
            return
        if isinstance(block, Text):
            p = paragraph(self.body, block, self.profile, self.ids)
            if self.over is not None:
                self._over(p, block, self.over)
                self.over = None
            gaps = self.pages.gaps.get(index)
            if gaps is not None:  # set at a fixed distance from the type area's top
                style = self.profile.style(block.style)
                prop(
                    p,
                    "w:spacing",
                    before=twips(gaps[0]),
                    after=twips(gaps[1]),
                    line=twips(style.line_height * self.profile.grid.line_pitch),
                    lineRule="exact",
                )
            self.last = (p, index, block)
        elif isinstance(block, Space):
            p = wml.paragraph(self.body, self.ids["body"])
            height = block.lines * self.profile.grid.line_pitch
            # an exact height of whole lines: an empty paragraph snapped to the grid would
            # shrink to one line in LibreOffice
            prop(p, "w:snapToGrid", val=0)
            prop(p, "w:spacing", line=twips(height), lineRule="exact")
        else:
            self._rule(block)

    def _drawn(self, ident: int) -> int:
        self.highest = max(self.highest, ident)
        return ident

    def _picture(self, image: Image) -> tuple[str, str]:
        """The relationship id of ``image``'s part (one part per picture, however often it is
        used) and the picture's file name."""
        picture = images.prepare(
            image.path, image.width, image.height, self.profile.figures.max_dpi
        )
        name = f"image.{PICTURES[picture.format][0]}"  # as Word names a pasted picture
        return self.package.add_picture(picture.data, picture.format), name

    def _image(self, image: Image) -> None:
        """A photo in a centred paragraph of whole grid lines, in the flow; its caption under."""
        pitch = self.profile.grid.line_pitch
        p = wml.paragraph(self.body, self.ids["body"])
        prop(p, "w:keepNext")
        prop(p, "w:snapToGrid", val=0)
        box = image.lines * pitch
        # at least the box: the picture stands on the line's baseline, whole within the box
        prop(p, "w:spacing", before=0, after=0, line=twips(box), lineRule="atLeast")
        prop(p, "w:ind", firstLineChars=0, firstLine=0)
        prop(p, "w:jc", val="center")
        rid, name = self._picture(image)
        # one more than any drawing's id so far, as Word numbers them
        ident = self._drawn(self.highest + 1)
        drawing.inline_picture(p, ident, name, rid, image.width, image.height)
        if image.caption is not None:
            caption = paragraph(self.body, image.caption, self.profile, self.ids)
            self.last = (caption, -1, image.caption)

    def _over(self, p: etree._Element, block: Text, image: Image) -> None:
        """A seal over the paragraph's first line, centred on its top edge, in front of it."""
        size = self.profile.style(block.style).size or 0
        rid, _ = self._picture(image)
        self.drawings += 1
        drawing.floating_picture(
            p,
            self._drawn(self.drawings),
            f"{self.profile.figures.seal_name}{self.drawings}",
            rid,
            image.centre * size - image.width / 2,
            -image.height / 2,
            image.width,
            image.height,
        )

    def _rule(self, block: Rule) -> None:
        """A rule drawn on the page, anchored to the paragraph above it: it takes no room."""
        if self.last is None:
            return
        p, index, text = self.last
        rule = self.profile.rules[block.rule]
        style = self.profile.style(text.style)
        per_line = style.line_height * self.profile.grid.line_pitch
        count = self.pages.lines_of.get(index, 1)
        if rule.below_baseline is not None:
            base = self.profile.baseline_in_line(style.size or 0, style.line_height)
            offset = (count - 1) * per_line + base + rule.below_baseline
        else:
            offset = count * per_line
        self.drawings += 1
        drawing.rule(
            p,
            self._drawn(self.drawings),
            f"分隔线{self.drawings}",
            self.profile.page.type_width,
            offset,
            rule.width,
            self.profile.colour(rule.colour),
        )


def paragraph(
    parent: etree._Element, block: Text, profile: Profile, ids: dict[str, str]
) -> etree._Element:
    """A text block as a paragraph in its style at the end of ``parent``: given lines joined
    by line breaks, a right part after a tab, the indent and hanging indent it asks for, a page
    break before."""
    p = wml.paragraph(parent, ids[block.style])
    style = profile.style(block.style)
    size = style.size or 0
    if block.new_page:
        prop(p, "w:pageBreakBefore")
    if block.indent is not None:
        prop(
            p,
            "w:ind",
            leftChars=round(block.indent * 100),
            left=twips(block.indent * size),
            firstLineChars=0,
            firstLine=0,
        )
        prop(p, "w:jc", val="left")
    elif style.hang_after:
        first = "".join(run.text for run in block.lines[0]) if block.lines else ""
        label = label_cells(first, style.hang_after)
        if label:
            left = style.indent_left + label
            prop(
                p,
                "w:ind",
                leftChars=round(left * 100),
                left=twips(left * size),
                hangingChars=round(label * 100),
                hanging=twips(label * size),
            )
    if block.right:
        right_edge = profile.page.type_width - style.indent_right * size
        add(prop(p, "w:tabs"), "w:tab", val="right", pos=twips(right_edge))
    scale = _shrink(block, profile) if style.shrink_to_fit else None
    for number, line in enumerate(block.lines):
        if number:
            wml.line_break(p)
        for run in line:
            wml.run(p, run.text, ids[run.style] if run.style else None, scale)
    if block.right:
        wml.tab(p)
        for run in block.right:
            wml.run(p, run.text, ids[run.style] if run.style else None)
    return p


def _shrink(block: Text, profile: Profile) -> int:
    """The horizontal scale (per cent) that fits the block's widest line on the type width."""
    size = profile.style(block.style).size or 0
    widest = max(cells("".join(r.text for r in line)) for line in block.lines) * size
    return 100 if widest <= profile.page.type_width else int(100 * profile.page.type_width / widest)
