"""Documents as other offices send them, written with python-docx and lxml: formatting typed
on each run or left to the document defaults or the theme, the red head in a paragraph, a
table cell or the page header, the red rule as a border, a drawn line or a table border,
page numbers as a field, as typed text or not at all, the 版记 in paragraphs or a table.
Every choice is a keyword of ``Sender``; the defaults make a document correct to GB/T 9704."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from tests.officedocs import _border, _frame, _page_field

CENTER, LEFT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
BODY = (
    "为贯彻落实全市优化营商环境工作会议精神，进一步提升政务服务效能，经区政府同意，"
    "现就做好2024年度政务服务窗口规范化建设有关事项通知如下。"
)
POINTS = (
    (
        "（一）统一窗口设置。",
        "各街道便民服务中心要按照综合窗口的要求，统一设置受理、办理和出件窗口。",
    ),
    (
        "（二）规范服务流程。",
        "各窗口要严格执行一次性告知、首问负责和限时办结等制度，公开办事指南。",
    ),
)
MORE = "各单位要在5月31日前将落实情况报区政务服务中心，联系人：王芳，电话：12345678。"


@dataclass
class Sender:
    """How one office types its document; each field one habit, the defaults correct."""

    # direct on runs | style (the Normal style) | defaults (rPrDefault) | theme (minorEastAsia)
    fonts: str = "direct"
    face: str = "仿宋_GB2312"  # the body's East Asian face as the office names it
    title_face: str = "方正小标宋简体"
    heading_face: str = "黑体"
    spacing: float | str = 28.95  # exact points, or "1.5" lines
    margins: tuple[float, float, float, float] = (37, 35, 28, 26)  # mm: top bottom left right
    mark: str = "para"  # para | table | header (the first page's) | every_header
    rule: str = "border"  # border (under the 文号) | above (over the title) | wps | vml | table
    number: str = "某政发〔2024〕5号"
    signer: bool = False  # 签发人 on the 文号's line (an upward document)
    page_number: str | None = "field"  # field | text | nodash | None
    # paras (framed at the foot) | table (floated there) | columns (the same, two columns) |
    # flow (a table after the text) | none
    end_block: str = "paras"
    end_space: float = 0.0  # flow: points left above the 版记's table to bring it down
    grid: str = "chars"  # chars: Word's character grid; spacing: lines only, runs -0.25 pt
    end_odd: bool = False  # text enough for three pages: the 版记 on page 3
    spacers: bool = False  # blank paragraphs between the parts
    first_page_number: bool = True  # with the red head in the first page's header: its footer
    tracked: bool = False  # an insertion left tracked in the body
    extra: list[str] = field(default_factory=list)

    def write(self, path: Path) -> Path:
        """The document, saved at ``path``."""
        return _Writer(self).write(path)


class _Writer:
    def __init__(self, sender: Sender):
        self.s = sender
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        top, bottom, left, right = sender.margins
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)
        section.header_distance = Mm(15)
        section.footer_distance = Mm(28) - Pt(14.475)
        grid = section._sectPr.find(qn("w:docGrid"))
        grid.set(qn("w:linePitch"), "579")
        if sender.grid == "chars":
            # 28 characters a line on Word's character grid: 16 pt less 0.207 pt (1/4096 pt)
            grid.set(qn("w:type"), "linesAndChars")
            grid.set(qn("w:charSpace"), "-849")
        else:
            grid.set(qn("w:type"), "lines")
        if sender.fonts != "defaults":
            # the Normal style in 三号: Word's character grid counts in the Normal style's size
            self.doc.styles["Normal"].font.size = Pt(16)
        lang = OxmlElement("w:themeFontLang")
        lang.set(qn("w:eastAsia"), "zh-CN")
        self.doc.settings.element.append(lang)
        if sender.fonts == "defaults":
            self._defaults(sender.face)
        elif sender.fonts == "style":
            self._normal(sender.face)
        elif sender.fonts == "theme":
            self._theme(sender.face)

    # fonts ------------------------------------------------------------------------------

    def _defaults(self, face: str) -> None:
        """The body's face and size only in the document defaults (WPS's habit)."""
        rpr = self.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        rpr = rpr.find(qn("w:rPr"))
        for child in list(rpr):
            if child.tag in (qn("w:rFonts"), qn("w:sz"), qn("w:szCs")):
                rpr.remove(child)
        rpr.insert(
            0,
            parse_xml(
                f'<w:rFonts {nsdecls("w")} w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
                f' w:eastAsia="{face}" w:cs="Times New Roman"/>'
            ),
        )
        rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="32"/>'))
        rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="32"/>'))

    def _normal(self, face: str) -> None:
        """The body's face set on the Normal style (正文 样式), as Word's 修改样式 does."""
        rpr = self.doc.styles["Normal"].element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for key in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{key}"), "Times New Roman")
        fonts.set(qn("w:eastAsia"), face)

    def _theme(self, face: str) -> None:
        """The body's face only as the theme's minor East Asian font."""
        part = next(
            rel.target_part for rel in self.doc.part.rels.values() if rel.reltype.endswith("/theme")
        )
        theme = etree.fromstring(part.blob)
        minor = theme.find(f".//{{{A}}}minorFont")
        minor.find(f"{{{A}}}ea").set("typeface", face)
        for font in minor.findall(f"{{{A}}}font"):
            if font.get("script") == "Hans":
                font.set("typeface", face)
        part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)
        rpr = self.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        rpr = rpr.find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        for key in list(fonts.attrib):
            del fonts.attrib[key]
        fonts.set(qn("w:ascii"), "Times New Roman")
        fonts.set(qn("w:hAnsi"), "Times New Roman")
        fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")

    # paragraphs -------------------------------------------------------------------------

    def para(self, pieces, align=JUSTIFY, indent=True, size=16.0, colour=None, container=None):  # type: ignore[no-untyped-def]
        """A paragraph of (text, face) pieces; face None: the body's face as the office
        gives it (on the run, or left to the defaults or theme)."""
        p = (container or self.doc).add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        if self.s.spacing == "1.5":
            fmt.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
        else:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(float(self.s.spacing))
        if indent:
            fmt.first_line_indent = Pt(2 * size)
        for text, face in pieces:
            self.run(p, text, face, size, colour)
        return p

    def run(self, p, text, face, size=16.0, colour=None, latin="Times New Roman"):  # type: ignore[no-untyped-def]
        run = p.add_run(text)
        if face is None and self.s.fonts == "direct":
            face = self.s.face
        if face is not None:
            rpr = run._element.get_or_add_rPr()
            fonts = OxmlElement("w:rFonts")
            for key in ("ascii", "hAnsi", "cs"):
                fonts.set(qn(f"w:{key}"), latin)
            fonts.set(qn("w:eastAsia"), face)
            rpr.insert(0, fonts)
        if not (face is None and size == 16 and self.s.fonts == "defaults"):
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
        if self.s.grid == "spacing":
            # 字符间距紧缩 0.25 磅: 28 characters of 三号 in the 156 mm line
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), "-5")
            run._element.get_or_add_rPr().append(spacing)
        return run

    def blank(self) -> None:
        if self.s.spacers:
            self.para([("", None)], indent=False)

    # the head ---------------------------------------------------------------------------

    def write(self, path: Path) -> Path:
        gap = self._head()
        self.blank()
        title = self.para(
            [("关于做好政务服务窗口规范化建设的通知", self.s.title_face)], CENTER, False, 22
        )
        title.paragraph_format.space_before = Pt(gap)
        if self.s.rule == "above":
            _border(title, "top", 12, "FF0000")
        self.blank()
        self.para(
            [("各街道办事处，区政府各部门：", None)], LEFT, False
        ).paragraph_format.space_before = Pt(28.95)
        self.para([(BODY, None)])
        self.para([("一、工作要求", self.s.heading_face)])
        for number, (lead, text) in enumerate(POINTS):
            p = self.para([(lead, "楷体_GB2312"), (text, None)])
            if self.s.tracked and number == 1:
                _tracked(p, "并按季度通报。")
        self.para([("二、时间安排", self.s.heading_face)])
        for _ in range(10 if self.s.end_odd else 4):
            self.para([(POINTS[0][1] + POINTS[1][1], None)])
        self.para([(MORE, None)]).paragraph_format.space_after = Pt(28.95 * 2)
        self.blank()
        name = self.para([("某某区人民政府", None)], LEFT, False)
        name.paragraph_format.left_indent = Pt(17 * 16)
        self.para([("2024年5月6日", None)], LEFT, False).paragraph_format.left_indent = Pt(19 * 16)
        self.blank()
        self._end_block()
        self._page_numbers()
        self.doc.save(path)
        return path

    def _head(self) -> float:
        """The 版头; the space it leaves for the title to keep below it."""
        mark_text, mark_face, size = "某某区人民政府文件", "方正小标宋简体", 42.0  # 初号
        # the mark's top 35 mm below the type area's top, on a line two grid lines high
        before = 35 * 72 / 25.4 - (57.9 - size) / 2
        if self.s.mark in ("header", "every_header"):
            # the red head in the first page's header (or, wrongly, every page's), the body
            # starting below
            section = self.doc.sections[0]
            if self.s.mark == "header":
                section.different_first_page_header_footer = True
                header = section.first_page_header
            else:
                header = section.header
            p = header.paragraphs[0]
            p.alignment = CENTER
            self.run(p, mark_text, mark_face, size, "FF0000")
            p.paragraph_format.space_before = Pt(before - 15 * 72 / 25.4 + 37 * 72 / 25.4)
        elif self.s.mark == "table":
            table = self.doc.add_table(rows=1, cols=1)
            cell = table.rows[0].cells[0]
            cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
            p = self.para([(mark_text, mark_face)], CENTER, False, size, "FF0000", container=cell)
            p.paragraph_format.space_before = Pt(before)
            p.paragraph_format.line_spacing = Pt(57.9)
        else:
            p = self.para([(mark_text, mark_face)], CENTER, False, size, "FF0000")
            p.paragraph_format.space_before = Pt(before)
            p.paragraph_format.line_spacing = Pt(57.9)
            p.paragraph_format.space_after = Pt(8 * 28.95 - before - 57.9)
        if self.s.signer:
            line = self.para([(self.s.number, None)], LEFT, False)
            line.paragraph_format.left_indent = Pt(16)
            self.run(line, "\t签发人：", None)
            self.run(line, "李明", "楷体_GB2312")
            line.paragraph_format.tab_stops.add_tab_stop(Pt(442.2 - 16), WD_TAB_ALIGNMENT.RIGHT)
        else:
            line = self.para([(self.s.number, None)], CENTER, False)
        if self.s.mark in ("header", "every_header"):
            line.paragraph_format.space_before = Pt(8 * 28.95)
        elif self.s.mark == "table":
            line.paragraph_format.space_before = Pt(2 * 28.95)
        line.paragraph_format.space_after = Pt(57.9)
        if self.s.rule == "border":
            _border(line, "bottom", 12, "FF0000")
        elif self.s.rule == "wps":
            _wps_line(line)
        elif self.s.rule == "vml":
            _vml_line(line)
        elif self.s.rule == "table":
            # the 文号 moved into a one-cell table whose bottom border is the red rule
            table = self.doc.add_table(rows=1, cols=1)
            cell = table.rows[0].cells[0]
            cell._element.remove(cell.paragraphs[0]._element)
            cell._element.append(line._element)
            _table_borders(table, bottom="FF0000")
            # the rule under the 文号's line: the space below it goes above the title
            line.paragraph_format.space_after = Pt(0)
            return 57.9
        return 0.0

    # the end ------------------------------------------------------------------------------

    def _end_block(self) -> None:
        if self.s.end_block == "none":
            return
        rows = [
            ("抄送：区委办公室，区人大常委会办公室。", ""),
            ("某某区人民政府办公室", "2024年5月7日印发"),
        ]
        if self.s.end_block == "columns":
            self._end_columns(rows)
            return
        if self.s.end_block in ("table", "flow"):
            table = self.doc.add_table(rows=2, cols=1)
            _table_borders(table, top="000000", bottom="000000", inside="000000")
            if self.s.end_block == "table":
                _float_bottom(table)
            else:
                self.doc.paragraphs[-1].paragraph_format.space_after = Pt(self.s.end_space)
            for cell_row, (left, right) in zip(table.rows, rows, strict=True):
                p = cell_row.cells[0].paragraphs[0]
                self._end_line(p, left, right)
            # Word ends the body with a paragraph after a table
            self.doc.add_paragraph().paragraph_format.line_spacing = Pt(1)
            return
        for number, (left, right) in enumerate(rows):
            p = self.para([], LEFT, False, 14)
            self._end_line(p, left, right)
            _frame(p)
            _border(p, "top" if number == 0 else "bottom", 8)

    def _end_columns(self, rows: list[tuple[str, str]]) -> None:
        """The 版记 as a two-column table floated to the foot: 抄送 across both cells, the
        printing office in the left cell and the date with 印发 in the right."""
        table = self.doc.add_table(rows=2, cols=2)
        _table_borders(table, top="000000", bottom="000000", inside="000000")
        _float_bottom(table)
        table.cell(0, 0).merge(table.cell(0, 1))
        self._end_line(table.cell(0, 0).paragraphs[0], rows[0][0], "")
        self._end_line(table.cell(1, 0).paragraphs[0], rows[1][0], "")
        date = table.cell(1, 1).paragraphs[0]
        self._end_line(date, rows[1][1], "")
        date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        date.paragraph_format.left_indent = Pt(0)
        date.paragraph_format.right_indent = Pt(14)
        self.doc.add_paragraph().paragraph_format.line_spacing = Pt(1)

    def _end_line(self, p, left: str, right: str) -> None:  # type: ignore[no-untyped-def]
        p.paragraph_format.left_indent = Pt(14)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(28.95)
        self.run(p, left, "仿宋_GB2312", 14)
        if right:
            self.run(p, "\t" + right, "仿宋_GB2312", 14)
            p.paragraph_format.tab_stops.add_tab_stop(Pt(442.2 - 14), WD_TAB_ALIGNMENT.RIGHT)

    def _page_numbers(self) -> None:
        kind = self.s.page_number
        section = self.doc.sections[0]
        self.doc.settings.odd_and_even_pages_header_footer = True
        if kind is None:
            return
        before, after = ("", "") if kind == "nodash" else ("— ", " —")
        footers = [
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, 1),
            (section.even_page_footer, LEFT, 2),
        ]
        if kind == "text":
            # typed by hand on each kind of footer, as if the document had two pages
            footers = [(section.footer, CENTER, 1), (section.even_page_footer, CENTER, 2)]
        if section.different_first_page_header_footer and self.s.first_page_number:
            footers.append((section.first_page_footer, WD_ALIGN_PARAGRAPH.RIGHT, 1))
        for footer, side, shown in footers:
            p = footer.paragraphs[0]
            p.alignment = side
            if side == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = Pt(14)
            elif side == LEFT:
                p.paragraph_format.left_indent = Pt(14)
            if kind == "text":
                self.run(p, f"— {shown} —", "宋体", 14, latin="宋体")
                continue
            self.run(p, before, "宋体", 14, latin="宋体")
            _page_field(self.run(p, "", "宋体", 14, latin="宋体"))
            self.run(p, after, "宋体", 14, latin="宋体")


def _table_borders(table, **sides: str) -> None:  # type: ignore[no-untyped-def]
    """Only the named sides (top, bottom, inside) drawn, 1 pt, in their colours."""
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        colour = sides.get("inside" if side == "insideH" else side)
        line = OxmlElement(f"w:{side}")
        if colour is None:
            line.set(qn("w:val"), "nil")
        else:
            for key, value in (("val", "single"), ("sz", "8"), ("space", "0"), ("color", colour)):
                line.set(qn(f"w:{key}"), value)
        borders.append(line)
    tblpr.find(qn("w:tblLook")).addprevious(borders)


def _float_bottom(table) -> None:  # type: ignore[no-untyped-def]
    """The table floated to the foot of the type area."""
    position = OxmlElement("w:tblpPr")
    for key, value in (
        ("leftFromText", "180"),
        ("rightFromText", "180"),
        ("vertAnchor", "margin"),
        ("horzAnchor", "margin"),
        ("tblpYSpec", "bottom"),
    ):
        position.set(qn(f"w:{key}"), value)
    table._tbl.tblPr.insert(0, position)


WPS_LINE = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
    'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>406400</wp:posOffset></wp:positionV>'
    '<wp:extent cx="5615940" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="1" name="直接连接符 1"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
    'wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="5615940" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
    '<a:ln w="19050"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr>'
    "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "</mc:AlternateContent></w:r>"
)


def _wps_line(p) -> None:  # type: ignore[no-untyped-def]
    """The red rule as a line shape WPS and Word 2010+ draw, 32 pt below the top of the
    文号's line (4 mm under its baseline)."""
    ns = nsdecls("w", "wp", "a") + (
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    p._element.append(parse_xml(WPS_LINE.format(ns=ns)))


def _vml_line(p) -> None:  # type: ignore[no-untyped-def]
    """The red rule as a VML line, as Word 2003 and old WPS templates draw it."""
    xml = (
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:line from="0,32pt" to="442.2pt,32pt" '
        'strokecolor="red" strokeweight="1.5pt" style="position:absolute;z-index:1"/>'
        "</w:pict></w:r>"
    )
    p._element.append(parse_xml(xml))


def _tracked(p, text: str) -> None:  # type: ignore[no-untyped-def]
    insertion = OxmlElement("w:ins")
    for key, value in (("id", "1"), ("author", "张三"), ("date", "2024-05-06T09:00:00Z")):
        insertion.set(qn(f"w:{key}"), value)
    # typed after the paragraph's last run, in its formatting
    run = OxmlElement("w:r")
    run.append(copy.deepcopy(p.runs[-1]._element.rPr))
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    insertion.append(run)
    p._element.append(insertion)
