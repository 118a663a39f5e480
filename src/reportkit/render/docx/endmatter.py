"""The end block (版记, 报尾): 报/送/发 and the copies line between rules, at the page bottom."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from reportkit.compose.blocks import EndMatter
from reportkit.compose.titles import wrapped_lines
from reportkit.render.docx import drawing, ooxml
from reportkit.render.docx.styles import style_name
from reportkit.template.profile import Profile
from reportkit.template.units import twips

EIGHTHS_PER_PT = 8
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TCPR_ORDER = [
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
]


def add(
    doc: DocxDocument,
    end: EndMatter,
    profile: Profile,
    add_text: Callable[[DocxParagraph, str], object],
) -> None:
    """A text box holding the end block, on the bottom of the type area of the last page.

    GB/T 9704 §7.4: a thick rule above the first line and below the last, which lies on the
    bottom edge of the type area; a thin rule above the copies line.  The box is anchored to
    an empty last paragraph whose space before equals the block's height, so the block moves
    to a new page exactly when the text leaves no room for it.
    """
    rows = [*end.lines, *([end.copies] if end.copies else [])]
    pitch = profile.grid.line_pitch
    style = profile.style("end_matter")
    size = style.size or 0
    capacity = (profile.page.type_width - (style.indent_left + style.indent_right) * size) / size
    height = sum(wrapped_lines(text, capacity, _label(text)) for text in rows) * pitch
    anchor = doc.add_paragraph(style=style_name(profile, "end_matter"))
    ooxml.ppr_child(
        anchor._p.get_or_add_pPr(),
        "w:spacing",
        before=twips(height),
        line=twips(pitch),
        lineRule="exact",
    )
    box = drawing.bottom_box(1, style_name(profile, "end_matter"), profile.page.type_width, height)
    anchor._p.append(box)
    content = box.find(".//" + qn("w:txbxContent"))
    table = _table(doc, rows, end, profile, add_text)
    content.append(table._tbl)
    content.append(parse_xml(f"<w:p {_W}/>"))


def _label(text: str) -> int:
    """Characters up to and including the label's colon (报：), 0 without one."""
    return text.index("：") + 1 if "：" in text else 0


def _table(
    doc: DocxDocument,
    rows: list[str],
    end: EndMatter,
    profile: Profile,
    add_text: Callable[[DocxParagraph, str], object],
) -> Table:
    geometry = profile.end_matter
    colour = profile.colour(geometry.colour)
    width = twips(profile.page.type_width)
    table = doc.add_table(rows=len(rows), cols=1)
    tbl = table._tbl
    tbl.getparent().remove(tbl)
    tbl_pr = tbl.tblPr
    table.autofit = False
    ooxml.set_attrs(tbl_pr.find(qn("w:tblW")), w=width, type="dxa")
    borders = parse_xml(f"<w:tblBorders {_W}/>")
    ooxml.border(borders, "top", round(geometry.first_rule * EIGHTHS_PER_PT), colour)
    ooxml.border(borders, "bottom", round(geometry.last_rule * EIGHTHS_PER_PT), colour)
    tbl_pr.append(borders)
    tbl_pr.append(parse_xml(f'<w:tblLayout {_W} w:type="fixed"/>'))
    # no cell padding: the lines' own one-character indents place the text (GB/T 9704 §7.4)
    tbl_pr.append(
        parse_xml(
            f'<w:tblCellMar {_W}><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        )
    )
    tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(width))
    height = twips(profile.grid.line_pitch)
    for index, (row, text) in enumerate(zip(table.rows, rows, strict=True)):
        row.height = Twips(height)  # at least a line; a long list wraps to more
        ooxml.set_attrs(row._tr.get_or_add_trPr().find(qn("w:trHeight")), hRule="atLeast")
        cell = row.cells[0]
        cell.width = Twips(width)
        paragraph = cell.paragraphs[0]
        paragraph.style = doc.styles[style_name(profile, "end_matter")]
        label = _label(text)
        if label:  # wrapped names line up after 报：
            style = profile.style("end_matter")
            size = style.size or 0
            ooxml.ppr_child(
                paragraph._p.get_or_add_pPr(),
                "w:ind",
                leftChars=round((style.indent_left + label) * 100),
                left=twips((style.indent_left + label) * size),
                hangingChars=round(label * 100),
                hanging=twips(label * size),
            )
        add_text(paragraph, text)
        if end.copies is not None and index == len(rows) - 1:
            ooxml.ppr_child(paragraph._p.get_or_add_pPr(), "w:jc", val="right")
            if len(rows) > 1:
                tc_borders = ooxml.child(cell._tc.get_or_add_tcPr(), "w:tcBorders", TCPR_ORDER)
                ooxml.border(
                    tc_borders, "top", round(geometry.middle_rule * EIGHTHS_PER_PT), colour
                )
    return table
