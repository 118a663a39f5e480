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
from reportkit.render.docx import ooxml
from reportkit.render.docx.styles import style_name
from reportkit.template.profile import Profile
from reportkit.template.units import twips

EIGHTHS_PER_PT = 8
EMU_PER_PT = 12700
TCPR_ORDER = (
    "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar "
    "w:textDirection w:tcFitText w:vAlign w:hideMark"
).split()

_BOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
  <w:drawing>
    <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2"
               behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">
      <wp:simplePos x="0" y="0"/>
      <wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
      <wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>
      <wp:extent cx="{cx}" cy="{cy}"/>
      <wp:effectExtent l="0" t="0" r="0" b="0"/>
      <wp:wrapNone/>
      <wp:docPr id="1" name="{name}"/>
      <wp:cNvGraphicFramePr/>
      <a:graphic>
        <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
          <wps:wsp>
            <wps:cNvSpPr txBox="1"/>
            <wps:spPr>
              <a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
              <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
              <a:noFill/>
              <a:ln><a:noFill/></a:ln>
            </wps:spPr>
            <wps:txbx><w:txbxContent/></wps:txbx>
            <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"
                        anchor="b"><a:noAutofit/></wps:bodyPr>
          </wps:wsp>
        </a:graphicData>
      </a:graphic>
    </wp:anchor>
  </w:drawing>
</w:r>
"""


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
    height = len(rows) * pitch
    anchor = doc.add_paragraph(style=style_name(profile, "end_matter"))
    ooxml.ppr_child(
        anchor._p.get_or_add_pPr(), "w:spacing", before=twips(height), line=twips(pitch), lineRule="exact"
    )
    box = parse_xml(
        _BOX.format(
            cx=round(profile.page.type_width * EMU_PER_PT),
            cy=round(height * EMU_PER_PT),
            name=style_name(profile, "end_matter"),
        )
    )
    anchor._p.append(box)
    content = box.find(".//" + qn("w:txbxContent"))
    table = _table(doc, rows, end, profile, add_text)
    content.append(table._tbl)
    content.append(parse_xml('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))


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
    borders = parse_xml('<w:tblBorders xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    ooxml.border(borders, "top", round(geometry.first_rule * EIGHTHS_PER_PT), colour)
    ooxml.border(borders, "bottom", round(geometry.last_rule * EIGHTHS_PER_PT), colour)
    tbl_pr.append(borders)
    layout = parse_xml('<w:tblLayout xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="fixed"/>')
    tbl_pr.append(layout)
    tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(width))
    height = twips(profile.grid.line_pitch)
    for index, (row, text) in enumerate(zip(table.rows, rows, strict=True)):
        row.height = Twips(height)
        ooxml.set_attrs(row._tr.get_or_add_trPr().find(qn("w:trHeight")), hRule="exact")
        cell = row.cells[0]
        cell.width = Twips(width)
        paragraph = cell.paragraphs[0]
        paragraph.style = doc.styles[style_name(profile, "end_matter")]
        add_text(paragraph, text)
        if end.copies is not None and index == len(rows) - 1:
            ooxml.ppr_child(paragraph._p.get_or_add_pPr(), "w:jc", val="right")
            if len(rows) > 1:
                tc_borders = ooxml.child(cell._tc.get_or_add_tcPr(), "w:tcBorders", TCPR_ORDER)
                ooxml.border(tc_borders, "top", round(geometry.middle_rule * EIGHTHS_PER_PT), colour)
    return table
