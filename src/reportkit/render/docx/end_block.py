"""The anchored group (版记) as a one-column table in a text box on the type area's bottom.

Text blocks are the table's rows; rules are the borders above, between and below them.  The
box hangs from an empty last paragraph as high as the group, so the group moves to a new page
exactly when the text leaves no room for it.
"""

from __future__ import annotations

from lxml import etree

from reportkit.compose.page import Anchored, Rule, Text
from reportkit.render.docx import drawing, wml
from reportkit.render.docx.tables import border, width
from reportkit.render.markup import add
from reportkit.template.profile import Profile
from reportkit.template.units import twips
from reportkit.typeset.cells import label_cells


def paragraph(
    parent: etree._Element,
    group: Anchored,
    profile: Profile,
    ids: dict[str, str],
    lines: int,
    new_page: bool = False,
) -> etree._Element:
    """The paragraph the group, ``lines`` grid lines high, hangs from at the bottom of the last
    page (of a new page when ``new_page``), at the end of ``parent``."""
    pitch = profile.grid.line_pitch
    height = lines * pitch
    anchor = wml.paragraph(parent, ids["body"])
    if new_page:
        wml.prop(anchor, "w:pageBreakBefore")
    # the paragraph's own line is the group's last: together they take the group's lines
    wml.prop(
        anchor,
        "w:spacing",
        before=twips(max(0.0, height - pitch)),
        line=twips(pitch),
        lineRule="exact",
    )

    def content(box: etree._Element) -> None:
        _table(box, group, profile, ids)
        add(box, "w:p")

    drawing.bottom_box(anchor, 1, "页底内容", profile.page.type_width, height, content)
    return anchor


def _table(parent: etree._Element, group: Anchored, profile: Profile, ids: dict[str, str]) -> None:
    """The group as a one-column table: no cell padding, the rows' own indents place the
    text."""
    full = twips(profile.page.type_width)
    pitch = twips(profile.grid.line_pitch)
    blocks = list(group.blocks)
    table = add(parent, "w:tbl")
    props = add(table, "w:tblPr")
    width(props, "w:tblW", full)
    borders = add(props, "w:tblBorders")
    if isinstance(blocks[0], Rule):
        border(borders, "top", blocks[0].rule, profile)
    if isinstance(blocks[-1], Rule):
        border(borders, "bottom", blocks[-1].rule, profile)
    add(props, "w:tblLayout", type="fixed")
    margins = add(props, "w:tblCellMar")
    width(margins, "w:left", 0)
    width(margins, "w:right", 0)
    add(add(table, "w:tblGrid"), "w:gridCol", w=full)
    above: str | None = None  # the rule over the next row
    for index, block in enumerate(blocks):
        if isinstance(block, Rule):
            if 0 < index < len(blocks) - 1:
                above = block.rule
            continue
        if not isinstance(block, Text):
            continue
        row = add(table, "w:tr")
        # at least a line high: a long list wraps to more
        add(add(row, "w:trPr"), "w:trHeight", val=pitch, hRule="atLeast")
        cell = add(row, "w:tc")
        cell_props = add(cell, "w:tcPr")
        width(cell_props, "w:tcW", full)
        if above is not None:
            border(add(cell_props, "w:tcBorders"), "top", above, profile)
            above = None
        _row(cell, block, profile, ids)


def _row(cell: etree._Element, block: Text, profile: Profile, ids: dict[str, str]) -> None:
    """One row's paragraph: its text, wrapped lines after the label, a right-hand part."""
    style = profile.style(block.style)
    size = style.size or 0
    written = "".join(run.text for line in block.lines for run in line)
    label = label_cells(written, style.hang_after) if style.hang_after else 0.0
    p = wml.paragraph(cell, ids[block.style])
    if block.right and not written:
        wml.prop(p, "w:jc", val="right")
    elif block.right:
        right = twips(profile.page.type_width - style.indent_right * size)
        add(wml.prop(p, "w:tabs"), "w:tab", val="right", pos=right)
    if label:
        left = style.indent_left + label
        wml.prop(
            p,
            "w:ind",
            leftChars=round(left * 100),
            left=twips(left * size),
            hangingChars=round(label * 100),
            hanging=twips(label * size),
        )
    for line in block.lines:
        for run in line:
            wml.cell_run(p, run.text)
    if block.right:
        if written:
            wml.tab(p)
        for run in block.right:
            wml.cell_run(p, run.text)
