"""Drafts as a clerk receives them by mail, none of them written with reportkit in mind: each
is imported (`reportkit import DRAFT -o FOLDER`) to its kind with its parts recognised, and
the folder builds as imported (`reportkit build FOLDER --format docx,pdf`) with the draft's
text in the PDF.

The text drafts are files in tests/data/drafts/unseen/ (one in GB18030 with Windows line
ends, one with CRLF, one Markdown); the Word drafts are made by tests/unseen_word.py: Word's
automatic numbering, direct formatting, soft line breaks, a table, a picture and its caption,
a text box, a tracked change."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
import yaml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reportkit import build
from reportkit.source.drafts import wordlist
from reportkit.source.drafts.common import byline
from reportkit.source.drafts.read import docx_lines
from tests import unseen_word
from tests.helpers import cli
from tests.test_kind_drafts import han, value

UNSEEN = Path(__file__).parent / "data" / "drafts" / "unseen"


@dataclass
class Case:
    """What a draft is read as: its kind, the file its fields are in, field values (by path),
    the counts import reports, what the PDF must and must not hold."""

    kind: str
    file: str
    fields: dict[str, Any]
    counts: dict[str, int]
    printed: list[str] = field(default_factory=list)  # phrases the PDF holds (Word drafts)
    not_printed: list[str] = field(default_factory=list)
    unprinted: str = ""  # Han characters of the draft the template prints its own way


def person(name: str, position: str, unit: str = "") -> dict[str, str]:
    return (
        {"unit": unit, "position": position, "name": name}
        if unit
        else {
            "position": position,
            "name": name,
        }
    )


CASES: dict[str, Case] = {
    "请示-养老服务中心.txt": Case(
        "report",
        "report.yaml",
        {
            "number": {"code": "区民政", "year": 2024, "serial": 21},
            "signers": ["孙立新"],
            "title": "关于申请建设东湖街道社区养老服务中心的请示",
            "addressee": "区人民政府",
            "heading_numbering": "一、",
            "sections[2].heading": "资金需求",
            "closing": ["妥否，请批示。"],
            "attachments[0].title": "东湖街道社区养老服务中心建设方案",
            "signature": {"name": "某某区民政局", "date": dt.date(2024, 6, 18)},
            # half-width brackets made full-width
            "note": "（联系人：周敏，电话：0731-84561234）",
            "distribution": {
                "cc": ["区发展改革局", "区财政局"],
                "printer": "某某区民政局办公室",
                "date": dt.date(2024, 6, 18),
            },
        },
        # the attachment's text is not in the draft: held for it, not counted
        {"sections": 3, "points": 0, "attachments": 0},
    ),
    "请示-半角标点-无空行.txt": Case(
        "report",
        "report.yaml",
        {
            "title": "关于调整2024年部分民生项目资金用途的请示",
            "addressee": "县人民政府",  # after a half-width colon
            "sections[0].numbering": "（一）",
            "closing": ["妥否，请批示。"],
            # 附件1：名称 — label and title on one line
            "attachments[0].title": "资金调整明细表",
            "attachments[1].title": "饮水工程项目清单",
            "attachments[1].lead[0]": "涉及城关镇、河口镇、青山乡、石桥乡、柳林镇、白云乡6个乡镇的"
            "农村饮水安全巩固提升工程。",
            "signature": {"name": "某某县财政局", "date": dt.date(2024, 6, 18)},
            "note": "（联系人：王芳，电话：0371-5551234）",
        },
        {"sections": 2, "points": 2, "attachments": 2},
    ),
    "报告-上半年工作.txt": Case(
        "report",
        "report.yaml",
        {
            "title": "关于某某区2024年上半年优化营商环境工作情况的报告",
            # 主送 over two lines, joined
            "addressee": "市优化营商环境工作领导小组办公室、市发展和改革委员会",
            "heading_numbering": "一、",
            "sections[0].heading": "主要工作成效",
            # the four levels: （一） over paragraphs and 1. kept as typed, （1） as points
            "sections[0].paragraphs": ["（一）政务服务效率持续提升", "1.推进“一件事一次办”改革。"],
            "sections[0].numbering": "（1）",
            "sections[0].points[1].text": "在12个街道便民服务中心设置综合受理窗口，实现“一窗通办”。",
            "sections[2].heading": "存在的主要问题",
            "sections[2].numbering": "（一）",
            "signature": {"name": "某某市某某区人民政府", "date": dt.date(2024, 7, 8)},
        },
        {"sections": 3, "points": 6, "attachments": 0},
    ),
    "报告-附件两份.txt": Case(
        "report",
        "report.yaml",
        {
            "mark": "某某县农业农村局文件",
            "number": {"code": "县农", "year": 2024, "serial": 33},
            "title": "关于2024年夏粮生产情况的报告",
            "closing": ["特此报告。"],
            "attachments[0].title": "2024年全县夏粮生产情况统计表",
            "attachments[1].title": "各乡镇小麦收获进度表",
            "attachments[1].lead[0]": "截至6月20日，全县15个乡镇小麦收获全部结束。"
            "其中城关镇、河口镇于6月8日率先完成收获，青山乡、石桥乡因地形原因于6月20日完成收获。",
            "distribution": {
                "cc": ["市农业农村局"],
                "printer": "某某县农业农村局办公室",
                "date": dt.date(2024, 6, 25),
            },
        },
        {"sections": 0, "attachments": 2},
    ),
    "意见-老旧小区-CRLF.txt": Case(
        "report",
        "report.yaml",
        {
            "title": "关于进一步加强老旧小区改造后续管理的意见",
            "addressee": "各街道办事处，区直有关部门",
            "sections[1].heading": "规范物业服务",
            "sections[1].numbering": "（一）",
            "sections[1].points[2].lead": "建立兜底服务机制。",
            "signature": {"name": "某某区住房和城乡建设局", "date": dt.date(2024, 5, 20)},
        },
        {"sections": 4, "points": 3},
    ),
    "请示-表彰-GB18030-CRLF.txt": Case(
        "report",
        "report.yaml",
        {
            "title": "关于表彰2023年度全镇防汛抗旱先进集体和先进个人的请示",
            "addressee": "县人民政府",
            "closing": ["以上请示当否，请批示。"],
            "attachments[0].title": "防汛抗旱先进集体名单",
            "attachments[1].lead[0]": "刘建华、王秋菊、陈志刚、赵德明、周小燕、吴国庆、郑丽萍、"
            "孙大海、钱玉兰、冯建军、褚卫东、蒋秀英、沈立群、韩春生、杨宝珍",
            "signature": {"name": "某某县青石镇人民政府", "date": dt.date(2024, 1, 15)},
        },
        {"attachments": 2},
    ),
    "纪要-区政府办公会议.txt": Case(
        "minutes",
        "minutes.yaml",
        {
            "mark": "区政府办公会议纪要",
            "issue": 9,  # 〔2024〕第9期
            "unit": "某某区人民政府办公室",
            "date": dt.date(2024, 5, 14),
            # one a line after 出席： on a line of its own, the position in brackets
            "attendance.present": [
                person("陈国栋", "区长"),
                person("刘志军", "常务副区长"),
                person("黄丽娟", "副区长"),
                person("马建平", "副区长"),
            ],
            # run together with 、, unit and position in brackets
            "attendance.attending[1]": person("李强", "局长", "区发改局"),
            "attendance.attending[3]": person("孙伟", "局长", "区住房城乡建设局"),
            # separated by spaces
            "attendance.absent": [
                person("周明", "副区长"),
                person("吴斌", "局长", "区应急管理局"),
            ],
            "lead": [
                "5月13日下午，区长陈国栋主持召开第9次区政府办公会议，研究城区排水防涝、"
                "背街小巷整治和2024年民生实事推进工作。现将会议议定事项纪要如下："
            ],
            "sections[0].heading": "关于城区排水防涝工作",
            "sections[0].numbering": "（一）",
            "sections[2].paragraphs": [
                "会议要求，各责任单位要倒排工期、挂图作战，每月5日前向区政府督查室报送进展"
                "情况，对进度滞后的项目予以通报。"
            ],
        },
        {"sections": 3, "points": 2, "people": 11},
    ),
    "纪要-专题会议-出席在前.txt": Case(
        "minutes",
        "minutes.yaml",
        {
            "mark": "专题会议纪要",
            "title": "关于推进高新区标准厂房建设的专题会议纪要",
            # signed at the end: the minutes' unit and date
            "unit": "某某市人民政府办公室",
            "date": dt.date(2024, 3, 23),
            "attendance.present": [
                "张卫东",
                person("刘晓峰", "局长", "市工信局"),
                person("陈明", "副局长", "市自然资源和规划局"),
                person("何勇", "主任", "高新区管委会"),
            ],
            "attendance.attending": ["市住建局、市生态环境局、市税务局有关负责同志"],
            "lead[2]": "主持：张卫东（副市长）",
            "sections[2].heading": "关于招商和运营",
        },
        {"sections": 3, "people": 5},
    ),
    "纪要-党委会议-同行.txt": Case(
        "minutes",
        "minutes.yaml",
        {
            "mark": "中共某某镇委员会会议纪要",
            "issue": 6,
            "unit": "中共某某镇委员会办公室",
            "date": dt.date(2024, 9, 12),
            # names on one line separated by spaces
            "attendance.present": ["郑海涛", "王丽萍", "陈志远", "刘明", "赵建国", "孙晓梅"],
            "attendance.attending": [
                person("周强", "书记", "镇纪委"),
                person("吴敏", "组织委员", "镇"),
            ],
            "attendance.absent": ["钱伟（外出学习）"],
            "sections[1].heading": "关于秋季秸秆禁烧工作",
            "sections[1].numbering": "一是",
            "sections[1].intro": "会议强调，秸秆禁烧工作事关大气环境质量和群众生命财产安全。会议议定：",
            "sections[1].points[1].text": "设立禁烧巡查点26个，实行24小时值守；",
            "distribution.cc": ["县委办公室"],
        },
        {"sections": 3, "points": 3, "people": 9},
    ),
    "报告-调研-汉字日期.txt": Case(
        "report",
        "report.yaml",
        {
            "mark": "某某县人民政府办公室文件",
            "number": {"code": "县政办", "year": 2024, "serial": 47},
            "signers": ["马志刚"],
            "title": "关于全县农村集体经济发展情况的调研报告",
            "addressee": "县委、县政府",
            "sections[1].numbering": "（一）",
            "sections[1].points[2].lead": "强化人才支撑。",
            "sections[2].numbering": "一是",
            "closing": ["以上报告，请审阅。"],
            "signature": {"name": "某某县人民政府办公室", "date": dt.date(2024, 9, 20)},
            # 抄送 over two lines
            "distribution.cc": ["县人大常委会办公室", "县政协办公室", "县农业农村局"],
        },
        {"sections": 4, "points": 6},
    ),
    "纪要-专题会议-出席会议人员.txt": Case(
        "minutes",
        "minutes.yaml",
        {
            "mark": "专题会议纪要",
            # signed at the end, after the attendance: the office is no person
            "unit": "区安全生产委员会办公室",
            "date": dt.date(2024, 4, 9),
            "attendance.present": [
                person("赵志明", "副区长", "区政府"),
                person("孙强", "局长", "区应急管理局"),
                person("马丽", "副局长", "区住建局"),
            ],
            "attendance.attending": ["各街道办事处", "区交警大队", "区消防救援大队"],
            "sections[1].heading": "突出检查重点",
        },
        {"sections": 3, "people": 6},
        unprinted="人单位",  # 出席会议人员, 列席单位: printed as the standard's 出席, 列席
    ),
    "简报-学习体会.txt": Case(
        "bulletin",
        "简报-学习体会.yaml",
        {
            "title": "深入学习贯彻党的创新理论 以实干实绩推动高质量发展",
            "authors": [{"unit": "区发展和改革局", "position": "党组书记、局长", "name": "王建平"}],
            "sections[0].kind": "学习体会",
            "sections[0].run_on": True,  # 一是 run on, the bulletin's own numbering
            "sections[0].points[2].lead": "要坚持系统观念。",
            "sections[1].kind": "启示",
            "sections[2].kind": "下步打算",
            "sections[2].points[1].lead": "深化改革攻坚。",
        },
        {"articles": 1, "sections": 3, "points": 6, "people": 1},
    ),
    "简报-合辑.txt": Case(
        "bulletin",
        "bulletin.yaml",
        {
            "masthead": {
                "name": "某某区工作简报",
                "issue": 12,
                "unit": "某某区人民政府办公室",
                "date": "2024-06-28",
            },
            "articles": ["简报-合辑-01.yaml", "简报-合辑-02.yaml", "简报-合辑-03.yaml"],
            "end_matter": {
                "superiors": ["市政府办公室", "区委、区人大、区政协领导"],
                "peers": ["区委各部门", "区直各单位"],
                "subordinates": ["各街道办事处"],
            },
        },
        {"articles": 3, "people": 3},
        unprinted="编",  # 某某区人民政府办公室编: the masthead names the unit
    ),
    "简报-工作动态-总期号.txt": Case(
        "bulletin",
        "bulletin.yaml",
        {
            # 2024年第3期（总第56期）
            "masthead": {
                "name": "教育工作动态",
                "issue": 3,
                "unit": "县教育局办公室",
                "date": "2024-03-05",
            },
            "articles": ["简报-工作动态-总期号-01.yaml", "简报-工作动态-总期号-02.yaml"],
            # each line of the 报尾 its own, the copies counted
            "end_matter": {
                "superiors": ["县委、县政府领导"],
                "subordinates": ["各中小学、幼儿园"],
                "copies": 80,
            },
        },
        {"articles": 2, "people": 2},
        unprinted="年总第期",  # 2024年 and 总第56期: the masthead prints the issue its own way
    ),
    "简报-学习心得.md": Case(
        "bulletin",
        "简报-学习心得.yaml",
        {
            "title": "以“四下基层”为镜 走好新时代群众路线",
            # the spaces between the unit's parts left out
            "authors": [{"unit": "区委组织部组织科", "position": "科长", "name": "李明"}],
            "sections[0].heading": "深刻认识“四下基层”的时代价值",
            "sections[1].numbering": "（一）",
            "sections[1].points[0].lead": "带着问题下基层。",
            "sections[2].kind": "下步打算",
            "sections[2].run_on": True,
        },
        {"articles": 1, "sections": 3, "points": 6},
    ),
    "报告-Word自动编号.docx": Case(
        "report",
        "report.yaml",
        {
            "title": "关于2024年上半年数字政府建设工作情况的报告",
            "heading_numbering": "一、",  # Word's numbering on Heading 1, read as 一、
            "sections[0].heading": "主要工作进展",
            "sections[0].paragraphs": ["（一）政务数据共享持续深化"],
            "sections[0].numbering": "1.",
            "sections[0].points[1].text": "打通国家、省、市三级数据通道，提供数据接口调用服务420万次。",
            # the list restarted under （二）, as Word shows it
            "sections[1].paragraphs": ["（二）一网通办能力不断提升"],
            "sections[1].numbering": "1.",
            "sections[3].heading": "下半年工作打算",
            "signature": {"name": "某某市数据资源管理局", "date": dt.date(2024, 7, 10)},
        },
        {"sections": 3, "points": 4},
        ["一、主要工作进展", "（一）政务数据共享持续深化", "（二）一网通办能力不断提升"],
    ),
    "意见-WPS标题样式.docx": Case(
        "report",
        "report.yaml",
        {
            "title": "关于加快推进全县电动自行车充电设施建设的实施意见",
            "addressee": "各乡镇人民政府，县直各部门",
            "heading_numbering": "一、",  # from the style named 标题 1
            "sections[1].heading": "重点任务",
            # （一） from 标题 2 over paragraphs: kept as Word shows it
            "sections[1].paragraphs[2]": "（二）推进公共区域充电设施建设",
            # the full-width spaces of the indent are no part of the text
            "sections[2].paragraphs": [
                "县住建局牵头建立工作专班，县消防救援大队加强安全监管，县财政局落实奖补资金。"
            ],
            "attachments[0].title": "2024年度充电设施建设任务分解表",
            "attachments[0].sections[0].points[0].table.rows[1]": ["河口镇", "60", "1200"],
            "signature": {"name": "某某县人民政府", "date": dt.date(2024, 10, 8)},
            "distribution.printer": "某某县人民政府办公室",
        },
        {"sections": 3, "attachments": 1, "figures": 1},
        ["一、总体目标", "（一）加快住宅小区充电设施建设", "三、保障措施"],
    ),
    "纪要-Word直接格式.docx": Case(
        "minutes",
        "minutes.yaml",
        {
            "mark": "县政府常务会议纪要",
            "issue": 15,
            "unit": "县人民政府办公室",
            "date": dt.date(2024, 8, 6),
            "sections[0].heading": "关于秋冬季森林防火工作",
            "sections[1].heading": "关于城区停车设施建设工作",
            "sections[1].points[0].table.rows[1]": [
                "施划路内停车泊位800个",
                "县公安局",
                "2024年10月底",
            ],
            # one a line, by soft line breaks in one paragraph
            "attendance.present": [
                person("刘建国", "县长"),
                person("王志强", "常务副县长"),
                person("李秀兰", "副县长"),
                person("张海军", "副县长"),
            ],
            "attendance.absent": ["赵明（副县长，出差）"],
            "distribution.cc": ["县委办公室", "县人大常委会办公室", "县政协办公室"],
        },
        {"sections": 2, "people": 6, "figures": 1},
        ["一、关于秋冬季森林防火工作", "二、关于城区停车设施建设工作"],
    ),
    "简报-Word图文.docx": Case(
        "bulletin",
        "简报-Word图文.yaml",
        {
            "title": "以新质生产力赋能县域经济高质量发展",
            "authors": [{"unit": "县工业和信息化局", "position": "局长", "name": "陈晓东"}],
            # the text box, read once, in its place
            "lead[0]": "编者按：本期刊发县工业和信息化局参加市委党校专题培训的学习体会，"
            "供各单位交流借鉴。",
            "sections[0].kind": "学习体会",
            "sections[0].points[3].caption": "图为学员在某某智能制造产业园现场教学",
            # the tracked change as accepted: 30个以上, not the struck-out 20个
            "sections[1].points[0].text": "推动传统产业智能化改造，今年完成技改项目30个以上。",
            "sections[1].points[2].table.header": ["指标", "2023年", "2024年目标"],
        },
        {"articles": 1, "sections": 2, "points": 5, "figures": 2},
        ["编者按"],
        ["20个。"],
    ),
    "请示-Word文本框.docx": Case(
        "report",
        "report.yaml",
        {
            "urgency": "特急",  # from the text box above the 发文字号
            "number": {"code": "县财", "year": 2024, "serial": 56},
            "signers": ["郭志勇"],
            "title": "关于申请追加2024年义务教育学校校舍维修资金的请示",
            # 一、 from the writer's own style that carries Word's numbering
            "heading_numbering": "一、",
            "sections[0].heading": "维修项目情况",
            "sections[1].heading": "资金筹措意见",
            "closing": ["妥否，请批示。"],
            # 附件 lines separated by soft line breaks
            "attachments[0].title": "义务教育学校校舍维修项目清单",
            "attachments[1].title": "校舍安全隐患评估报告",
            "note": "（联系人：何丽，电话：0371-6123456）",
        },
        {"sections": 2, "attachments": 0},
        ["一、维修项目情况", "二、资金筹措意见"],
    ),
}


@pytest.fixture(scope="module")
def word_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unseen_word.make_all(tmp_path_factory.mktemp("unseen"))


def draft_path(name: str, word_drafts: Path) -> Path:
    return word_drafts / name if name.endswith(".docx") else UNSEEN / name


def test_there_are_fifteen_drafts_or_more_each_with_its_case() -> None:
    files = sorted(p.name for p in UNSEEN.iterdir())
    assert files == sorted(n for n in CASES if not n.endswith(".docx"))
    assert sorted(unseen_word.WORD_DRAFTS) == sorted(n for n in CASES if n.endswith(".docx"))
    assert len(CASES) >= 15


@pytest.mark.parametrize("name", list(CASES))
def test_an_unseen_draft_imports_to_its_parts_and_its_folder_builds(
    name: str, word_drafts: Path, tmp_path: Path
) -> None:
    case = CASES[name]
    out = tmp_path / "source"
    result = cli("import", draft_path(name, word_drafts), "-o", out, "--json")
    assert result.exit_code == 0, result.stderr
    (found,) = json.loads(result.stdout)["drafts"]
    assert (found["kind"], found["imported"], found["errors"]) == (case.kind, True, [])
    assert {k: found["counts"][k] for k in case.counts} == case.counts
    data = yaml.safe_load((out / case.file).read_text(encoding="utf-8"))
    for at, expected in case.fields.items():
        assert value(data, at) == expected, at
    built = build.build(out, build.Options(tmp_path / "out", formats=("docx", "pdf")))
    assert built.error is None, built.error
    with pdfplumber.open(tmp_path / "out" / "source.pdf") as pdf:
        printed = "".join(c["text"] for page in pdf.pages for c in page.chars)
    if name.endswith(".docx"):
        for phrase in case.printed:
            assert printed.count(phrase) == 1, phrase  # there, and only once
    else:
        missing = han(_text(UNSEEN / name)) - han(printed) - han(case.unprinted)
        assert not missing, f"not in the PDF: {dict(missing)}"
    for phrase in case.not_printed:
        assert phrase not in printed


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def test_the_gb18030_draft_is_named_so_and_its_crlf_line_ends_leave_nothing_behind(
    tmp_path: Path,
) -> None:
    path = UNSEEN / "请示-表彰-GB18030-CRLF.txt"
    assert b"\r\n" in path.read_bytes()
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert f"{path}: 警告：文件是 GBK/GB18030 编码，已按此编码读取" in result.stderr
    text = (tmp_path / "out" / "report.yaml").read_text(encoding="utf-8")
    assert "\r" not in text


def test_a_compilations_masthead_lines_are_named_for_checking(tmp_path: Path) -> None:
    path = UNSEEN / "简报-合辑.txt"
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (
        f"{path}:1: masthead: 警告：开头 3 行当作报头（名称：某某区工作简报；期号：12；"
        "编印单位：某某区人民政府办公室；日期：2024年6月28日），请核对"
    ) in result.stderr
    first = yaml.safe_load((tmp_path / "out" / "简报-合辑-01.yaml").read_text(encoding="utf-8"))
    # a unit under the title in place of a byline
    assert (first["title"], first["authors"]) == (
        "我区召开2024年项目建设推进会",
        [{"name": "区政府办公室"}],
    )


def test_an_article_imported_alone_gets_a_masthead_held_for_checking(tmp_path: Path) -> None:
    path = UNSEEN / "简报-学习体会.txt"
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (
        f"{path}: masthead: 警告：稿件里没有报头：已写出报头为占位内容的 bulletin.yaml"
        "（名称、期号、编印单位、日期），请核对"
    ) in result.stdout
    data = yaml.safe_load((tmp_path / "out" / "bulletin.yaml").read_text(encoding="utf-8"))
    assert data["masthead"]["name"] == "工作简报"
    assert data["masthead"]["unit"] == "（请填写编印单位）"
    assert data["articles"] == ["简报-学习体会.yaml"]
    # into an articles/ folder: the articles only, as before
    again = cli("import", path, "-o", tmp_path / "src" / "articles")
    assert again.exit_code == 0, again.stderr
    assert not (tmp_path / "src" / "bulletin.yaml").exists()


# Word's automatic numbering -----------------------------------------------------------------


def _lines(document: Any) -> list[str]:
    return [line.text for line in docx_lines(document) if line.text]


def test_words_numbering_is_read_as_the_writer_sees_it() -> None:
    d = docx.Document()
    lists = unseen_word.add_list(d, unseen_word.OFFICIAL_LEVELS)
    for text, level in [
        ("总体情况", 0),
        ("工作成效", 0),
        ("项目建设", 1),
        ("开工项目", 2),
        ("完工项目", 2),
        ("新签约项目", 3),
        ("招商引资", 1),
        ("新项目", 2),
        ("下步打算", 0),
    ]:
        unseen_word.numbered(unseen_word.para(d, text), lists, level)
    assert _lines(d) == [
        "一、总体情况",
        "二、工作成效",
        "（一）项目建设",
        "1.开工项目",
        "2.完工项目",
        "（1）新签约项目",
        "（二）招商引资",
        "1.新项目",  # a deeper level counts again under a new （二）
        "三、下步打算",
    ]


def test_a_restarted_list_and_a_list_going_on_after_text() -> None:
    d = docx.Document()
    lists = unseen_word.add_list(d, [("decimal", "%1.")])
    unseen_word.numbered(unseen_word.para(d, "第一项"), lists, 0)
    unseen_word.para(d, "中间的段落")
    unseen_word.numbered(unseen_word.para(d, "第二项"), lists, 0)
    again = unseen_word.add_num(d, unseen_word.abstract_of(d, lists), restart={0: 1})
    unseen_word.numbered(unseen_word.para(d, "重新开始"), again, 0)
    unseen_word.numbered(unseen_word.para(d, ""), again, 0)  # an empty one counts, unshown
    unseen_word.numbered(unseen_word.para(d, "接着编号"), again, 0)
    assert _lines(d) == ["1.第一项", "中间的段落", "2.第二项", "1.重新开始", "3.接着编号"]


def test_a_numbering_style_and_the_levels_linked_to_heading_styles() -> None:
    d = docx.Document()
    lists = unseen_word.add_list(
        d, unseen_word.OFFICIAL_LEVELS[:2], styles=("Heading1", "Heading2")
    )
    for name in ("Heading1", "Heading2"):  # the heading styles carry the list, no level given
        ppr = d.styles.element.get_by_id(name).get_or_add_pPr()
        numpr = ppr._add_numPr()
        numpr.get_or_add_numId().val = lists
    unseen_word.para(d, "基本情况", style="Heading 1")
    unseen_word.para(d, "主要做法", style="Heading 2")
    unseen_word.para(d, "存在问题", style="Heading 1")
    assert _lines(d) == ["一、基本情况", "（一）主要做法", "二、存在问题"]


@pytest.mark.parametrize(
    ("style", "numbers"),
    [
        ("chineseCounting", ["一", "二", "十", "十一", "二十一"]),
        ("chineseCountingThousand", ["一", "二", "十", "十一", "二十一"]),
        ("chineseLegalSimplified", ["壹", "贰", "拾", "拾壹", "贰拾壹"]),
        ("ideographTraditional", ["甲", "乙", "癸", "甲", "甲"]),
        ("ideographDigital", ["一", "二", "一〇", "一一", "二一"]),
        ("decimalEnclosedCircle", ["①", "②", "⑩", "⑪", "21"]),
        ("decimalFullWidth", ["１", "２", "１０", "１１", "２１"]),
        ("upperRoman", ["I", "II", "X", "XI", "XXI"]),
        ("lowerLetter", ["a", "b", "j", "k", "u"]),
        ("decimal", ["1", "2", "10", "11", "21"]),
    ],
)
def test_words_number_formats(style: str, numbers: list[str]) -> None:
    assert [wordlist.formatted(n, style) for n in (1, 2, 10, 11, 21)] == numbers


def test_bullets_are_not_numbers_and_a_list_without_definitions_is_plain_text() -> None:
    d = docx.Document()
    bullets = unseen_word.add_list(d, [("bullet", "●")])
    unseen_word.numbered(unseen_word.para(d, "要点"), bullets, 0)
    unseen_word.numbered(unseen_word.para(d, "无定义的编号"), 999, 0)  # a broken w:numId
    assert _lines(d) == ["要点", "无定义的编号"]


# bylines and captions as bulletins print them -------------------------------------------


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("区财政局 局长 张伟", {"unit": "区财政局", "position": "局长", "name": "张伟"}),
        # a two-character name spaced out to the width of three
        (
            "某某街道党工委书记 刘　洋",
            {"unit": "某某街道", "position": "党工委书记", "name": "刘洋"},
        ),
        # a unit and a name, no position
        ("区财政局　张伟", {"unit": "区财政局", "position": "", "name": "张伟"}),
        ("镇组织委员 吴敏", {"unit": "镇", "position": "组织委员", "name": "吴敏"}),
        ("某某县人民政府　文件", None),  # a mark, not a byline
        ("区委办公室", None),
    ],
)
def test_bylines_as_offices_write_them(text: str, author: dict[str, str] | None) -> None:
    assert byline(text) == author


def test_a_caption_marked_with_a_triangle_is_the_pictures(tmp_path: Path) -> None:
    d = docx.Document()
    unseen_word.para(d, "我区开展防汛应急演练")
    unseen_word.para(d, "区应急管理局　王磊")
    unseen_word.para(d, "6月12日，我区在某某河段开展防汛应急演练，参演人员200余人。")
    unseen_word.photo(d)
    unseen_word.para(d, "▲演练现场")
    path = tmp_path / "演练.docx"
    d.save(str(path))
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load((tmp_path / "out" / "演练.yaml").read_text(encoding="utf-8"))
    assert data["authors"] == [{"unit": "区应急管理局", "position": "", "name": "王磊"}]
    assert data["sections"][0]["points"][0]["caption"] == "▲演练现场"


def test_a_tables_numbered_cells_show_their_numbers_and_a_merged_cell_counts_once() -> None:
    d = docx.Document()
    lists = unseen_word.add_list(d, [("decimal", "%1")])
    grid = d.add_table(rows=4, cols=3)
    for r, row in enumerate([["序号", "任务", "牵头单位"], ["", "征地拆迁", "县自然资源局"]]):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    grid.cell(2, 1).text = "施工许可"
    grid.cell(3, 1).text = "管线迁改"
    merged = grid.cell(2, 2).merge(grid.cell(3, 2))  # one unit leads both
    merged.text = "县住建局"
    for r in (1, 2, 3):
        unseen_word.numbered(grid.cell(r, 0).paragraphs[0], lists, 0)
    (line,) = docx_lines(d)
    assert line.figure == {
        "table": {
            "header": ["序号", "任务", "牵头单位"],
            "rows": [
                ["1", "征地拆迁", "县自然资源局"],
                ["2", "施工许可", "县住建局"],
                ["3", "管线迁改", "县住建局"],
            ],
        }
    }


def test_an_article_without_a_byline_holds_one_and_builds(tmp_path: Path) -> None:
    draft = tmp_path / "信息.txt"
    draft.write_text(
        "我县启动春季学期校园安全大排查\n\n开学前夕，县教育局组织5个检查组开展校园安全大排查。\n",
        encoding="utf-8",
    )
    result = cli("import", draft, "-o", tmp_path / "src")
    assert result.exit_code == 0, result.stderr
    assert (
        f"{draft}:1: title: 警告：标题“我县启动春季学期校园安全大排查”下面没有找到署名"
        "（单位、职务、姓名），已填“待填”，请补上"
    ) in result.stderr
    data = yaml.safe_load((tmp_path / "src" / "信息.yaml").read_text(encoding="utf-8"))
    assert data["authors"] == [{"name": "待填"}]
    built = build.build(tmp_path / "src", build.Options(tmp_path / "out", formats=("pdf",)))
    assert built.error is None, built.error


def test_paragraphs_in_a_content_control_are_read_in_their_place() -> None:
    d = docx.Document()
    unseen_word.para(d, "关于某某工作的报告")
    inside = unseen_word.para(d, "县人民政府：")._p
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    inside.addprevious(control)
    control.find(qn("w:sdtContent")).append(inside)  # a form field Word's template made
    unseen_word.para(d, "现将有关情况报告如下。")
    assert _lines(d) == ["关于某某工作的报告", "县人民政府：", "现将有关情况报告如下。"]
