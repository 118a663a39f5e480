"""Word drafts as offices write them, made with python-docx for tests/test_unseen_drafts.py:
automatic numbering (the 一、 （一） 1. （1） Word puts before a paragraph from its numbering
definitions, on a heading style or typed paragraphs alike), direct formatting instead of
styles, full-width spaces for indentation, soft line breaks, a table, a picture and its
caption, a text box, a tracked insertion."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from PIL import Image

# the four levels of GB/T 9704 §7.3.3 as Word's numbering writes them
OFFICIAL_LEVELS = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
]


def add_list(document: Any, levels: list[tuple[str, str]], *, styles: tuple[str, ...] = ()) -> int:
    """A list definition (w:abstractNum and a w:num using it) added to the document's
    numbering; its levels linked to ``styles`` (by style id) when given.  Its w:numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 100 + len(numbering.findall(qn("w:abstractNum")))
    lvls = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:pStyle w:val="{styles[n]}"/>' if n < len(styles) else "")
        + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        + '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
        for n, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return add_num(document, abstract_id)


def add_num(document: Any, abstract_id: int, restart: dict[int, int] | None = None) -> int:
    """A w:num using a list definition; ``restart`` (level: start) restarts levels, as Word's
    重新开始编号 does.  Its w:numId."""
    numbering = document.part.numbering_part.element
    num_id = 100 + len(numbering.findall(qn("w:num")))
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for lvl, start in (restart or {}).items()
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )
    return num_id


def abstract_of(document: Any, num_id: int) -> int:
    numbering = document.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            return int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
    raise KeyError(num_id)


def numbered(paragraph: Any, num_id: int, level: int) -> Any:
    """Give a paragraph Word's automatic number: list ``num_id``, level ``level``."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(
        0 if ppr.find(qn("w:pStyle")) is None else 1,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )
    return paragraph


def para(
    document: Any,
    text: str = "",
    *,
    style: str = "",
    bold: bool = False,
    center: bool = False,
    right: bool = False,
    size: float = 0,
    font: str = "",
) -> Any:
    """A paragraph; its look set by direct formatting when no style is named."""
    paragraph = document.add_paragraph(style=style or None)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if font:
            run.font.name = font
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def broken(document: Any, lines: list[str]) -> Any:
    """One paragraph whose lines are separated by soft line breaks (Shift+Enter, w:br)."""
    paragraph = document.add_paragraph()
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        if number < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    return paragraph


# the namespaces of a text box python-docx does not declare
SHAPES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def text_box(paragraph: Any, lines: list[str]) -> None:
    """A text box anchored in ``paragraph`` holding ``lines``, written as Word 2010 and later
    write it: the drawing, and a VML copy of it for older readers (the same text twice)."""
    inner = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    xml = (
        f"<w:r {nsdecls('w', 'wp', 'a')} {SHAPES}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="1800000" cy="500000"/><wp:wrapNone/>'
        '<wp:docPr id="90" name="文本框 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr/>'
        f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:140pt;height:40pt">'
        f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def inserted(paragraph: Any, text: str, deleted: str = "") -> None:
    """Text added (and text struck out) with Word's 修订 on: a w:ins, a w:del."""
    if deleted:
        paragraph._p.append(
            parse_xml(
                f'<w:del {nsdecls("w")} w:id="1" w:author="审核人" w:date="2024-06-01T00:00:00Z">'
                f"<w:r><w:delText>{deleted}</w:delText></w:r></w:del>"
            )
        )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="审核人" w:date="2024-06-01T00:00:00Z">'
            f"<w:r><w:t>{text}</w:t></w:r></w:ins>"
        )
    )


def photo(document: Any) -> None:
    data = io.BytesIO()
    Image.linear_gradient("L").resize((400, 260)).convert("RGB").save(data, "PNG")
    data.seek(0)
    document.add_picture(data, width=Cm(10))


def table(document: Any, rows: list[list[str]]) -> None:
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value


def numbered_style(document: Any, name: str, num_id: int, level: int) -> str:
    """A paragraph style of the writer's own (公文一级标题) carrying a list level: every
    paragraph of that style is numbered by Word.  Its style id."""
    style = document.styles.add_style(name, 1)
    style.base_style = document.styles["Normal"]
    ppr = style.element.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )
    return str(style.style_id)


# the drafts ------------------------------------------------------------------------------


def numbered_report(path: Path) -> Path:
    """A 报告 whose 一、（一）1. come from Word's numbering: 一、 on Heading 1, （一） on
    Heading 2, 1. on body paragraphs restarted under each （一）; a Han-numeral date."""
    d = docx.Document()
    lists = add_list(d, OFFICIAL_LEVELS)
    abstract = abstract_of(d, lists)
    para(d, "关于2024年上半年数字政府建设工作情况的报告", style="Title")
    para(d, "市人民政府：")
    para(
        d,
        "今年以来，我局深入推进数字政府建设，以数字化改革助力政府职能转变，"
        "各项工作取得阶段性成效。现将有关情况报告如下：",
    )
    numbered(para(d, "主要工作进展", style="Heading 1"), lists, 0)
    numbered(para(d, "政务数据共享持续深化", style="Heading 2"), lists, 1)
    for text in (
        "建成市级数据共享交换平台，累计归集政务数据18.6亿条。",
        "打通国家、省、市三级数据通道，提供数据接口调用服务420万次。",
    ):
        numbered(para(d, text), lists, 2)
    numbered(para(d, "一网通办能力不断提升", style="Heading 2"), lists, 1)
    again = add_num(d, abstract, restart={2: 1})
    for text in (
        "市级政务服务事项全程网办率达92.3%。",
        "推出“高效办成一件事”主题服务32项，平均减少跑动2.6次。",
    ):
        numbered(para(d, text), again, 2)
    numbered(para(d, "存在的问题", style="Heading 1"), lists, 0)
    para(d, "部分部门数据质量不高，数据更新不及时；基层数字化应用能力有待提升。")
    numbered(para(d, "下半年工作打算", style="Heading 1"), lists, 0)
    para(d, "下一步，我局将加快推进公共数据开放，完善数据安全管理制度，确保年度目标任务全面完成。")
    para(d, "特此报告。")
    para(d, "某某市数据资源管理局", right=True)
    para(d, "二〇二四年七月十日", right=True)
    d.save(str(path))
    return path


def formatted_minutes(path: Path) -> Path:
    """A 纪要 formatted by hand: a big red centred title, full-width spaces for the first-line
    indent, 议定事项 numbered by Word on plain paragraphs, 出席 one person a line by soft
    line breaks, a table of tasks."""
    d = docx.Document()
    lists = add_list(d, OFFICIAL_LEVELS)
    title = para(d, "县政府常务会议纪要", bold=True, center=True, size=26, font="方正小标宋简体")
    title.runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    para(d, "第15期", center=True)
    para(d, "县人民政府办公室　　　　　　　　2024年8月6日")
    para(
        d,
        "　　8月5日，县长刘建国主持召开县政府第15次常务会议，研究秋冬季森林防火、"
        "城区停车设施建设等事项。会议议定事项如下：",
    )
    numbered(para(d, "关于秋冬季森林防火工作", bold=True), lists, 0)
    para(
        d,
        "　　会议要求，各乡镇要严格落实森林防火责任制，加强重点时段、重点区域巡查管控，"
        "县应急管理局牵头做好扑火队伍和物资准备。",
    )
    numbered(para(d, "关于城区停车设施建设工作", bold=True), lists, 0)
    para(d, "　　会议原则同意城区停车设施建设方案，任务分工如下：")
    table(
        d,
        [
            ["任务", "牵头单位", "完成时限"],
            ["新建公共停车场3处", "县住建局", "2024年12月底"],
            ["施划路内停车泊位800个", "县公安局", "2024年10月底"],
        ],
    )
    broken(
        d,
        [
            "出席：刘建国（县长）",
            "王志强（常务副县长）",
            "李秀兰（副县长）",
            "张海军（副县长）",
        ],
    )
    para(d, "列席：县政府办公室、县应急管理局、县住建局、县公安局主要负责同志")
    para(d, "请假：赵明（副县长，出差）")
    para(d, "抄送：县委办公室，县人大常委会办公室，县政协办公室。")
    para(d, "县人民政府办公室　　　　　　2024年8月6日印发")
    d.save(str(path))
    return path


def illustrated_article(path: Path) -> Path:
    """A bulletin article: 编者按 in a text box, a byline, 学习体会 and 下步打算 headings with
    Word's Heading 2, a picture with its caption under it, a table, a tracked insertion."""
    d = docx.Document()
    para(d, "以新质生产力赋能县域经济高质量发展", style="Title")
    para(d, "县工业和信息化局局长　陈晓东", center=True)
    text_box(
        para(d),
        ["编者按：本期刊发县工业和信息化局参加市委党校专题培训的学习体会，供各单位交流借鉴。"],
    )
    para(
        d,
        "按照县委组织部安排，我参加了市委党校“发展新质生产力”专题培训班。"
        "通过一周的集中学习，对新质生产力的内涵和实践路径有了更深的认识。",
    )
    para(d, "学习体会", style="Heading 2")
    para(
        d,
        "一是新质生产力以科技创新为核心要素。二是发展新质生产力要因地制宜。"
        "三是要以深化改革激发新动能。",
    )
    photo(d)
    para(d, "图为学员在某某智能制造产业园现场教学", center=True)
    para(d, "下步打算", style="Heading 2")
    last = para(d, "一是推动传统产业智能化改造，今年完成技改项目")
    inserted(last, "30个以上。", deleted="20个。")
    para(d, "二是加快培育专精特新企业，全年新增省级专精特新企业10家。")
    table(
        d,
        [
            ["指标", "2023年", "2024年目标"],
            ["规上工业企业（家）", "186", "200"],
            ["高新技术企业（家）", "52", "60"],
        ],
    )
    d.save(str(path))
    return path


def boxed_request(path: Path) -> Path:
    """A 请示 with its 紧急程度 in a text box above the title, 主送 over two paragraphs, body
    points numbered by a style of the writer's own that carries Word's numbering, and its
    附件 lines run together with soft line breaks."""
    d = docx.Document()
    lists = add_list(d, OFFICIAL_LEVELS)
    numbered_style(d, "公文一级标题", lists, 0)
    text_box(para(d), ["特急"])
    para(d, "县财〔2024〕56号　　　　　　　　签发人：郭志勇")
    para(d, "关于申请追加2024年义务教育学校校舍维修资金的请示", bold=True, center=True)
    para(d, "县人民政府：")
    para(
        d,
        "经排查，全县有14所义务教育学校存在屋面渗漏、墙体开裂等安全隐患，"
        "需在秋季开学前完成维修。现将有关事项请示如下：",
    )
    para(d, "维修项目情况", style="公文一级标题")
    para(d, "14所学校共需维修校舍面积2.3万平方米，经第三方评估，所需资金共计620万元。")
    para(d, "资金筹措意见", style="公文一级标题")
    para(d, "年初预算已安排校舍维修资金300万元，尚有缺口320万元，建议从县级预备费中解决。")
    para(d, "妥否，请批示。")
    broken(d, ["附件：1.义务教育学校校舍维修项目清单", "2.校舍安全隐患评估报告"])
    para(d, "某某县财政局", right=True)
    para(d, "2024年7月22日", right=True)
    para(d, "（联系人：何丽，电话：0371-6123456）")
    d.save(str(path))
    return path


def styled_opinion(path: Path) -> Path:
    """An 意见 as WPS saves one: headings in styles named 标题 1 and 标题 2, each carrying
    Word's numbering (一、 and （一）), body paragraphs indented by full-width spaces, its
    date in Han numerals, an attachment after a page break with a table, the 版记."""
    d = docx.Document()
    lists = add_list(d, OFFICIAL_LEVELS)
    first = numbered_style(d, "标题 1", lists, 0)
    second = numbered_style(d, "标题 2", lists, 1)
    assert (first, second) == ("标题1", "标题2")
    para(d, "关于加快推进全县电动自行车充电设施建设的实施意见", bold=True, center=True)
    para(d, "各乡镇人民政府，县直各部门：")
    para(
        d,
        "　　为有效解决电动自行车“充电难”和“飞线充电”等问题，消除火灾隐患，"
        "现就加快推进全县电动自行车充电设施建设提出如下意见。",
    )
    para(d, "总体目标", style="标题 1")
    para(
        d,
        "　　到2025年底，全县建成电动自行车集中充电设施600处、充电端口1.2万个，基本满足群众充电需求。",
    )
    para(d, "重点任务", style="标题 1")
    para(d, "加快住宅小区充电设施建设", style="标题 2")
    para(
        d,
        "　　新建住宅小区按照不低于总户数20%的比例配建充电端口；既有小区结合老旧小区改造同步建设。",
    )
    para(d, "推进公共区域充电设施建设", style="标题 2")
    para(d, "　　在农贸市场、学校周边、公园广场等人员密集场所合理布设公共充电设施。")
    para(d, "保障措施", style="标题 1")
    para(d, "　　县住建局牵头建立工作专班，县消防救援大队加强安全监管，县财政局落实奖补资金。")
    para(d, "附件：2024年度充电设施建设任务分解表")
    para(d, "某某县人民政府", right=True)
    para(d, "二〇二四年十月八日", right=True)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    para(d, "附件", bold=True)
    para(d, "2024年度充电设施建设任务分解表", bold=True, center=True)
    table(
        d,
        [
            ["乡镇", "集中充电设施（处）", "充电端口（个）"],
            ["城关镇", "120", "2400"],
            ["河口镇", "60", "1200"],
        ],
    )
    para(d, "抄送：县委办公室，县人大常委会办公室，县政协办公室。")
    para(d, "某某县人民政府办公室\t\t\t2024年10月8日印发")
    d.save(str(path))
    return path


WORD_DRAFTS = {
    "意见-WPS标题样式.docx": styled_opinion,
    "报告-Word自动编号.docx": numbered_report,
    "纪要-Word直接格式.docx": formatted_minutes,
    "简报-Word图文.docx": illustrated_article,
    "请示-Word文本框.docx": boxed_request,
}


def make_all(folder: Path) -> Path:
    """Every Word draft written into ``folder``."""
    for name, make in WORD_DRAFTS.items():
        make(folder / name)
    return folder
