"""The anchored group (版记) as a one-column table in a text box on the type area's bottom.

Text blocks are the table's rows; rules are the borders above, between and below them.  The
box hangs from an empty last paragraph as high as the group, so the group moves to a new page
exactly when the text leaves no room for it.
"""

from __future__ import annotations

from reportkit.compose.page import Anchored, Rule, Text
from reportkit.render.docx import drawing
from reportkit.render.docx.tables import border
from reportkit.render.docx.wml import Paragraph, attr, cell_run
from reportkit.template.profile import Profile
from reportkit.template.units import twips
from reportkit.typeset.cells import label_cells


def paragraph(
    group: Anchored,
    profile: Profile,
    ids: dict[str, str],
    lines: int,
    new_page: bool = False,
) -> Paragraph:
    """The paragraph the group, ``lines`` grid lines high, hangs from at the bottom of the last
    page (of a new page when ``new_page``)."""
    pitch = profile.grid.line_pitch
    height = lines * pitch
    anchor = Paragraph(ids["body"])
    if new_page:
        anchor.props.set("w:pageBreakBefore")
    # the paragraph's own line is the group's last: together they take the group's lines
    anchor.props.set(
        "w:spacing",
        before=twips(max(0.0, height - pitch)),
        line=twips(pitch),
        lineRule="exact",
    )
    content = _table(group, profile, ids) + "<w:p/>"
    anchor.runs.append(drawing.bottom_box(1, "页底内容", profile.page.type_width, height, content))
    return anchor


def _table(group: Anchored, profile: Profile, ids: dict[str, str]) -> str:
    """The group as a one-column table (WordprocessingML): no cell padding, the rows' own
    indents place the text."""
    width = twips(profile.page.type_width)
    pitch = twips(profile.grid.line_pitch)
    blocks = list(group.blocks)
    top = border("top", blocks[0].rule, profile) if isinstance(blocks[0], Rule) else ""
    bottom = border("bottom", blocks[-1].rule, profile) if isinstance(blocks[-1], Rule) else ""
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:tblBorders>{top}{bottom}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
    ]
    above = ""
    for index, block in enumerate(blocks):
        if isinstance(block, Rule):
            if 0 < index < len(blocks) - 1:
                above = border("top", block.rule, profile)
            continue
        if not isinstance(block, Text):
            continue
        borders = f"<w:tcBorders>{above}</w:tcBorders>" if above else ""
        above = ""
        out.append(
            # at least a line high: a long list wraps to more
            f'<w:tr><w:trPr><w:trHeight w:val="{pitch}" w:hRule="atLeast"/></w:trPr>'
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}</w:tcPr>'
            f"{_row(block, profile, ids)}</w:tc></w:tr>"
        )
    out.append("</w:tbl>")
    return "".join(out)


def _row(block: Text, profile: Profile, ids: dict[str, str]) -> str:
    """One row's paragraph: its text, wrapped lines after the label, a right-hand part."""
    style = profile.style(block.style)
    size = style.size or 0
    written = "".join(run.text for line in block.lines for run in line)
    label = label_cells(written, style.hang_after) if style.hang_after else 0.0
    ppr = f'<w:pStyle w:val="{attr(ids[block.style])}"/>'
    if block.right and not written:
        ppr += '<w:jc w:val="right"/>'
    elif block.right:
        right = twips(profile.page.type_width - style.indent_right * size)
        ppr += f'<w:tabs><w:tab w:val="right" w:pos="{right}"/></w:tabs>'
    if label:
        left = style.indent_left + label
        ppr += (
            f'<w:ind w:leftChars="{round(left * 100)}" w:left="{twips(left * size)}" '
            f'w:hangingChars="{round(label * 100)}" w:hanging="{twips(label * size)}"/>'
        )
    runs = "".join(cell_run(run.text) for line in block.lines for run in line)
    if block.right:
        runs += ("<w:r><w:tab/></w:r>" if written else "") + "".join(
            cell_run(r.text) for r in block.right
        )
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"
