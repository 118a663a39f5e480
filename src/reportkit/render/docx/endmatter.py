"""The end block (版记, 报尾): 报/送/发 and the copies line between rules, at the page bottom."""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn

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


def add(doc: DocxDocument, end: EndMatter, profile: Profile, style_id: str) -> None:
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
    anchor = doc.element.body.add_p()
    anchor.style = style_id
    ooxml.ppr_child(
        anchor.get_or_add_pPr(),
        "w:spacing",
        before=twips(height),
        line=twips(pitch),
        lineRule="exact",
    )
    box = drawing.bottom_box(1, style_name(profile, "end_matter"), profile.page.type_width, height)
    anchor.append(box)
    content = box.find(".//" + qn("w:txbxContent"))
    content.append(parse_xml(_table(rows, end, profile, style_id)))
    content.append(parse_xml(f"<w:p {_W}/>"))


def _label(text: str) -> int:
    """Characters up to and including the label's colon (报：), 0 without one."""
    return text.index("：") + 1 if "：" in text else 0


def _rule(side: str, width: float, colour: str) -> str:
    return f'<w:{side} w:val="single" w:sz="{round(width * EIGHTHS_PER_PT)}" w:space="0" w:color="{colour}"/>'


def _table(rows: list[str], end: EndMatter, profile: Profile, style_id: str) -> str:
    """The end block as a one-column table (WordprocessingML): rules as borders, no padding."""
    geometry = profile.end_matter
    colour = profile.colour(geometry.colour)
    style = profile.style("end_matter")
    size = style.size or 0
    width = twips(profile.page.type_width)
    height = twips(profile.grid.line_pitch)
    out = [
        f'<w:tbl {_W}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:tblBorders>'
        f"{_rule('top', geometry.first_rule, colour)}{_rule('bottom', geometry.last_rule, colour)}"
        '</w:tblBorders><w:tblLayout w:type="fixed"/>'
        # no cell padding: the lines' own one-character indents place the text (§7.4)
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
    ]
    for index, text in enumerate(rows):
        copies = end.copies is not None and index == len(rows) - 1
        borders = (
            f"<w:tcBorders>{_rule('top', geometry.middle_rule, colour)}</w:tcBorders>"
            if copies and len(rows) > 1
            else ""
        )
        label = _label(text)
        indent = (
            # wrapped names line up after 报：
            f'<w:ind w:leftChars="{round((style.indent_left + label) * 100)}" '
            f'w:left="{twips((style.indent_left + label) * size)}" '
            f'w:hangingChars="{round(label * 100)}" w:hanging="{twips(label * size)}"/>'
            if label
            else ""
        )
        align = '<w:jc w:val="right"/>' if copies else ""
        out.append(
            # at least a line high: a long list wraps to more
            f'<w:tr><w:trPr><w:trHeight w:val="{height}" w:hRule="atLeast"/></w:trPr>'
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{indent}{align}</w:pPr>'
            f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
            "</w:p></w:tc></w:tr>"
        )
    out.append("</w:tbl>")
    return "".join(out)
