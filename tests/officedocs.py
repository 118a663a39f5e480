"""Word documents as other offices make them, written with python-docx: everything in the
Normal style with direct formatting, headings typed as text, blank paragraphs for spacing,
the red rule as a paragraph border, page numbers as a PAGE field between typed marks; each
departure from GB/T 9704 switched on by name."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

VML = "urn:schemas-microsoft-com:vml"
CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)
BODY = [
    "4月14日至15日，区政府组织考察团赴长沙高新区学习考察，重点学习了产业聚集、精准招商和园区运营等方面的经验做法。现将有关情况报告如下。",
]
HEADINGS = ["一、学习考察的主要体会", "二、下一步工作打算"]
POINTS = [
    (
        "（一）产业聚集效应十分明显。",
        "长沙信息产业园2018年营业收入380亿元，聚集了7000余家企业，打造了“岳麓峰会”品牌。",
    ),
    (
        "（二）服务平台十分完善。",
        "园区建成了公共技术服务平台体系，面向企业提供研发、测试、人才培养等服务。",
    ),
]
FAULTS = frozenset(
    {
        "body_face",  # body in 宋体
        "body_size",  # body in 小四
        "line_spacing",  # 固定值 28 磅
        "margins",  # Word's 2.54 / 3.18 cm
        "heading_face",  # 一、 headings in 仿宋
        "spacers",  # blank paragraphs between parts
        "text_box",  # the 文号 in a text box
        "tracked",  # an insertion left tracked
        "missing_font",  # the body in a face no machine here has
        "page_words",  # 第 N 页 instead of — N —
        "no_page_number",
        "title_face",  # the title in 黑体
        "number_form",  # 〔〕 as [] and a leading zero
        "date_form",  # 二〇二四年五月六日
        "theme_fonts",  # the body's face from the theme, not named
    }
)


def _fonts(run, east_asian: str, latin: str = "Times New Roman") -> None:  # type: ignore[no-untyped-def]
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{key}"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def _theme_fonts(run) -> None:  # type: ignore[no-untyped-def]
    rpr = run._element.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")
    fonts.set(qn("w:hint"), "eastAsia")
    rpr.insert(0, fonts)


class Office:
    """A document being typed by a clerk of another office."""

    def __init__(self, faults: frozenset[str] = frozenset()):
        unknown = faults - FAULTS
        assert not unknown, unknown
        self.faults = faults
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        if "margins" in faults:
            section.top_margin = section.bottom_margin = Mm(25.4)
            section.left_margin = section.right_margin = Mm(31.8)
        else:
            section.top_margin, section.bottom_margin = Mm(37), Mm(35)
            section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(28) - Pt(14.475)
        grid = section._sectPr.find(qn("w:docGrid"))
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), "579")
        theme_lang = OxmlElement("w:themeFontLang")
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
        self.doc.settings.element.append(theme_lang)
        # the body's face named nowhere but in the theme (python-docx's theme: Japanese)
        self.body_face = "方正仿宋_GBK" if "missing_font" in faults else "仿宋_GB2312"
        if "body_face" in faults:
            self.body_face = "宋体"

    def para(  # type: ignore[no-untyped-def]
        self,
        pieces,
        align=JUSTIFY,
        indent: bool = True,
        size: float = 16,
        colour: str | None = None,
    ):
        """A paragraph of (text, face) pieces, directly formatted."""
        p = self.doc.add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        if "line_spacing" in self.faults:
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28)
        else:
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28.95)
        if indent:
            fmt.first_line_indent = Pt(2 * size)
        for text, face in pieces:
            run = p.add_run(text)
            run.font.size = Pt(size)
            if face == "theme":
                _theme_fonts(run)
            else:
                _fonts(run, face)
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), "-5")
            run._element.get_or_add_rPr().append(spacing)
        return p

    def blank(self) -> None:
        """A blank paragraph typed for space (only with the ``spacers`` fault)."""
        if "spacers" in self.faults:
            self.para([("", self.body_face)], indent=False)

    def report(self, path: Path) -> Path:
        """A whole 报告 with 版头, body, 附件说明, 署名, date, 版记 and page numbers."""
        mark = self.para([("某某区人民政府文件", "方正小标宋简体")], CENTER, False, 36, "FF0000")
        # the mark's top 35 mm down, and the next line on the grid: eight lines in all
        before = 35 * 72 / 25.4 - (57.9 - 36) / 2
        mark.paragraph_format.space_before = Pt(before)
        mark.paragraph_format.line_spacing = Pt(57.9)
        mark.paragraph_format.space_after = Pt(8 * 28.95 - before - 57.9)
        number = "某政〔2024〕5号" if "number_form" not in self.faults else "某政[2024]05号"
        line = self.para(
            [("", self.body_face)] if "text_box" in self.faults else [(number, "仿宋_GB2312")],
            LEFT,
            False,
        )
        line.paragraph_format.left_indent = Pt(16)
        if "text_box" in self.faults:
            _text_box(line, number)
        else:
            line.add_run("\t签发人：")
            name = line.add_run("李明")
            _fonts(name, "楷体_GB2312")
            name.font.size = Pt(16)
            line.runs[1].font.size = Pt(16)
            _fonts(line.runs[1], "仿宋_GB2312")
            line.paragraph_format.tab_stops.add_tab_stop(
                Pt(442.2 - 16), alignment=WD_TAB_ALIGNMENT.RIGHT
            )
        _red_border(line)
        line.paragraph_format.space_after = Pt(57.9)
        self.blank()
        title_face = "黑体" if "title_face" in self.faults else "方正小标宋简体"
        self.para([("关于赴长沙高新区学习考察情况的报告", title_face)], CENTER, False, 22)
        self.blank()
        self.para(
            [("市人民政府：", self.body_face)], LEFT, False
        ).paragraph_format.space_before = Pt(28.95)
        body_size = 12 if "body_size" in self.faults else 16
        face = "theme" if "theme_fonts" in self.faults else self.body_face
        for text in BODY:
            self.para([(text, face)], size=body_size)
        heading_face = "仿宋_GB2312" if "heading_face" in self.faults else "黑体"
        self.para([(HEADINGS[0], heading_face)])
        for lead, text in POINTS:
            p = self.para([(lead, "楷体_GB2312"), (text, self.body_face)])
            if "tracked" in self.faults and lead.startswith("（二）"):
                _tracked(p, "并开展了座谈交流。")
        self.para([(HEADINGS[1], heading_face)])
        self.para([("1.加快项目建设。", self.body_face), ("按计划推进重点项目。", self.body_face)])
        self.para([("特此报告。", self.body_face)]).paragraph_format.space_after = Pt(28.95)
        note = self.para([("附件：主要指标对比表", self.body_face)], LEFT)
        note.paragraph_format.space_after = Pt(57.9)
        self.blank()
        # the date (longer than the name) two characters from the right, the name's first
        # character two characters left of the date's
        name = self.para([("某某区人民政府", self.body_face)], LEFT, False)
        name.paragraph_format.left_indent = Pt(17 * 16)
        date = "二〇二四年五月六日" if "date_form" in self.faults else "2024年5月6日"
        self.para([(date, self.body_face)], LEFT, False).paragraph_format.left_indent = Pt(19 * 16)
        self._end_block()
        self._page_numbers()
        self.doc.save(path)
        return path

    def _end_block(self) -> None:
        """The 版记 in a frame at the foot of the last page (page 2)."""
        rows = [
            ("抄送：市政府办公室，市发展改革委。", ""),
            ("某某区人民政府办公室", "2024年5月7日印发"),
        ]
        for number, (left, right) in enumerate(rows):
            p = self.para([(left, "仿宋_GB2312")], LEFT, False, 14)
            p.paragraph_format.left_indent = Pt(14)
            if right:
                p.add_run("\t")
                run = p.add_run(right)
                run.font.size = Pt(14)
                _fonts(run, "仿宋_GB2312")
                p.paragraph_format.tab_stops.add_tab_stop(
                    Pt(442.2 - 14), alignment=WD_TAB_ALIGNMENT.RIGHT
                )
            _frame(p)
            _border(p, "top" if number == 0 else "bottom", 8)

    def _page_numbers(self) -> None:
        section = self.doc.sections[0]
        self.doc.settings.odd_and_even_pages_header_footer = True
        if "no_page_number" in self.faults:
            return
        before, after = ("第 ", " 页") if "page_words" in self.faults else ("— ", " —")
        for footer, side in ((section.footer, RIGHT), (section.even_page_footer, LEFT)):
            p = footer.paragraphs[0]
            p.alignment = side
            if side == RIGHT:
                p.paragraph_format.right_indent = Pt(14)
            else:
                p.paragraph_format.left_indent = Pt(14)
            for text in (before, None, after):
                run = p.add_run()
                if text is None:
                    _page_field(run)
                else:
                    run.text = text
                run.font.size = Pt(14)
                _fonts(run, "宋体", "宋体")


def _page_field(run) -> None:  # type: ignore[no-untyped-def]
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._element.append(element)


def _red_border(p) -> None:  # type: ignore[no-untyped-def]
    _border(p, "bottom", 12, "FF0000")


def _border(p, side: str, size: int, colour: str = "000000") -> None:  # type: ignore[no-untyped-def]
    ppr = p._element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # after w:pStyle/keepNext … framePr/widowControl/numPr, before w:shd … w:spacing
        following = [ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")]
        anchor = next((e for e in following if e is not None), None)
        if anchor is not None:
            anchor.addprevious(borders)
        else:
            ppr.append(borders)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), colour)
    borders.append(line)


def _frame(p) -> None:  # type: ignore[no-untyped-def]
    ppr = p._element.get_or_add_pPr()
    frame = OxmlElement("w:framePr")
    for key, value in (
        ("hAnchor", "margin"),
        ("vAnchor", "margin"),
        ("yAlign", "bottom"),
        ("wrap", "notBeside"),
        ("w", "8844"),
    ):
        frame.set(qn(f"w:{key}"), value)
    ppr.insert(0, frame)


def _text_box(p, text: str) -> None:  # type: ignore[no-untyped-def]
    """A VML text box holding ``text``, as older Word versions draw one."""
    run = p.add_run()
    pict = OxmlElement("w:pict")
    shape = etree.SubElement(pict, f"{{{VML}}}shape", nsmap={"v": VML})
    shape.set("style", "position:absolute;width:200pt;height:30pt")
    box = etree.SubElement(shape, f"{{{VML}}}textbox")
    content = OxmlElement("w:txbxContent")
    inner = OxmlElement("w:p")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    inner.append(r)
    content.append(inner)
    box.append(content)
    run._element.append(pict)


def _tracked(p, text: str) -> None:  # type: ignore[no-untyped-def]
    """``text`` added at the end of ``p`` as a tracked insertion."""
    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), "1")
    insertion.set(qn("w:author"), "张三")
    insertion.set(qn("w:date"), "2024-05-06T09:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    insertion.append(run)
    p._element.append(insertion)


def office_report(path: Path, *faults: str) -> Path:
    """A 报告 as another office types it in Word, with ``faults``."""
    return Office(frozenset(faults)).report(path)
