"""Drafts of every kind in: 报告 and 纪要 drafts in the forms officials write them — plain text
and Word, with and without blank lines, Han-numeral dates, several attachments, 主送 and 抄送
over two lines, attendance one person a line or run together, pasted with tabs and odd spaces —
each read to its parts, written as a source that builds with every Han character of the draft;
the older Word formats (.doc, .wps, .rtf, .odt) through LibreOffice; the import's summary.

The text drafts are files in tests/data/drafts/; the Word drafts are made here with python-docx
and converted by LibreOffice (a .wps is tested as a .doc renamed: WPS writes .doc-compatible
files under that name, and LibreOffice reads them by their content)."""

from __future__ import annotations

import collections
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from reportkit import build
from reportkit.errors import ReportkitError, SourceError
from reportkit.source import yamlfile
from reportkit.source.drafts import convert, importer
from reportkit.source.drafts.common import person
from reportkit.source.drafts.document import Para
from reportkit.source.drafts.kinds import recognise
from reportkit.source.drafts.load import load_any
from reportkit.source.drafts.minutes import people
from reportkit.source.gongwen import MinutesFile
from reportkit.source.normalize import normalize, running_spaces, title_spaces
from reportkit.source.numerals import han_number
from tests.helpers import cli

DRAFTS = Path(__file__).parent / "data" / "drafts"
# make fuzz: ten times the examples
SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 1


# Word drafts -------------------------------------------------------------------------------


def _paragraph(
    document: Any, text: str, *, bold: bool = False, align: str = "", style: str = ""
) -> Any:
    paragraph = document.add_paragraph(style=style or None)
    run = paragraph.add_run(text)
    run.bold = bold or None
    if align:
        paragraph.alignment = {
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
    return paragraph


def _page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _table(document: Any, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def _photo(document: Any) -> None:
    data = io.BytesIO()
    Image.linear_gradient("L").resize((400, 260)).convert("RGB").save(data, "PNG")
    data.seek(0)
    document.add_picture(data, width=Cm(10))


INVESTMENT_TABLE = [
    ["项目名称", "投资额（亿元）", "签约时间"],
    ["新能源电池材料项目", "12.5", "1月18日"],
    ["智能装备制造产业园", "8.0", "2月26日"],
    ["冷链物流中心", "3.2", "3月15日"],
]


def investment_report(path: Path) -> Path:
    """A report with its head lines, bold headings, two attachments (one a table)."""
    d = docx.Document()
    _paragraph(d, "特急")
    _paragraph(d, "县商务〔2024〕8号\t\t\t签发人：刘洋　陈静")
    _paragraph(d, "关于2024年第一季度招商引资工作情况的报告", bold=True, align="center")
    _paragraph(d, "县委、县政府：")
    _paragraph(
        d,
        "今年以来，我局紧紧围绕全县主导产业，创新招商方式，强化项目服务，招商引资工作取得了"
        "较好成效。现将一季度工作情况报告如下：",
    )
    _paragraph(d, "一、主要成效", bold=True)
    _paragraph(d, "（一）签约项目数量增加。一季度共签约项目16个，总投资48.6亿元，同比增长21.3%。")
    _paragraph(
        d, "（二）项目质量不断提升。签约项目中，投资10亿元以上的项目2个，均为先进制造业项目。"
    )
    _paragraph(d, "二、存在问题", bold=True)
    _paragraph(d, "一是项目落地转化率不高；二是招商队伍专业化水平有待提升。")
    _paragraph(d, "三、下一步工作打算", bold=True)
    _paragraph(d, "围绕产业链精准招商，加强在谈项目跟踪服务，推动签约项目尽快开工建设。")
    _paragraph(d, "特此报告。")
    _paragraph(d, "附件：1.一季度签约项目清单")
    _paragraph(d, "2.重点在谈项目情况")
    _paragraph(d, "某某县商务局", align="right")
    _paragraph(d, "2024年4月10日", align="right")
    _paragraph(d, "（联系人：陈静，电话：0537-2345678）")
    _page_break(d)
    _paragraph(d, "附件1", bold=True)
    _paragraph(d, "一季度签约项目清单", bold=True, align="center")
    _table(d, INVESTMENT_TABLE)
    _page_break(d)
    _paragraph(d, "附件2", bold=True)
    _paragraph(d, "重点在谈项目情况", bold=True, align="center")
    _paragraph(d, "目前重点在谈项目9个，计划总投资35亿元，其中3个项目已进入合同谈判阶段。")
    _paragraph(d, "抄送：市商务局。")
    _paragraph(d, "某某县商务局办公室\t\t2024年4月10日印发")
    d.save(str(path))
    return path


def survey_report(path: Path) -> Path:
    """A report written with Word's heading styles, a photo and its caption, Han-numeral
    date, no 版记."""
    d = docx.Document()
    _paragraph(d, "关于乡村旅游发展情况的调研报告", style="Title")
    _paragraph(d, "市文化和旅游局：")
    _paragraph(d, "按照年度调研计划，我们于5月中旬深入8个乡镇、15个村开展了乡村旅游专题调研。")
    _paragraph(d, "一、基本情况", style="Heading 1")
    _paragraph(d, "全县现有乡村旅游重点村12个，去年接待游客186万人次，实现旅游收入9.3亿元。")
    _photo(d)
    _paragraph(d, "图为调研组在某某村民宿集聚区座谈")
    _paragraph(d, "二、对策建议", style="Heading 1")
    _paragraph(d, "（一）加强规划引领。编制全县乡村旅游发展规划，推动差异化发展。")
    _paragraph(d, "（二）完善基础设施。重点解决停车、厕所、标识等短板问题。")
    _paragraph(d, "以上报告，请审阅。")
    _paragraph(d, "某某县文化和旅游局", align="right")
    _paragraph(d, "二〇二四年六月十二日", align="right")
    d.save(str(path))
    return path


def office_minutes(path: Path) -> Path:
    """Minutes with the attendance before the body, run together with 、, and 抄送 over two
    Word paragraphs."""
    d = docx.Document()
    _paragraph(d, "主任办公会议纪要", bold=True, align="center")
    _paragraph(d, "第5期", align="center")
    _paragraph(d, "党政办公室\t\t\t2024年4月2日")
    _paragraph(d, "出席：主任周涛、副主任吴平、副主任郑强")
    _paragraph(d, "列席：办公室主任冯军")
    _paragraph(
        d, "4月1日，主任周涛主持召开主任办公会议，研究园区基础设施建设和安全生产工作。纪要如下："
    )
    _paragraph(d, "一、关于园区基础设施建设", bold=True)
    _paragraph(d, "会议同意实施园区道路提升改造工程，由规划建设部牵头，6月底前完成前期手续。")
    _paragraph(d, "二、关于安全生产工作", bold=True)
    _paragraph(d, "会议要求：一是开展园区企业安全大检查；二是落实节假日值班值守制度。")
    _paragraph(d, "抄送：各科室，")
    _paragraph(d, "各下属单位。")
    _paragraph(d, "党政办公室\t\t2024年4月2日印发")
    d.save(str(path))
    return path


TASK_TABLE = [
    ["事项", "牵头单位", "完成时限"],
    ["征地拆迁", "县自然资源局", "6月30日"],
    ["施工许可", "县住建局", "7月15日"],
]


def project_minutes(path: Path) -> Path:
    """Minutes with a mark and a title, （一） headings on lines of their own over paragraphs,
    a table, and the attendance after the body one person a line (unit, position, name)."""
    d = docx.Document()
    _paragraph(d, "重点项目建设协调会议纪要", bold=True, align="center")
    _paragraph(d, "县发展和改革局　　2024年6月18日")
    _paragraph(d, "关于推进重点项目建设协调会的纪要", bold=True, align="center")
    _paragraph(
        d,
        "6月17日，副县长赵刚主持召开重点项目建设协调会，协调解决项目推进中的困难和问题。"
        "现纪要如下：",
    )
    _paragraph(d, "（一）关于征地拆迁")
    _paragraph(d, "会议要求县自然资源局加快办理用地手续，确保项目按期开工。")
    _paragraph(d, "（二）关于施工许可")
    _paragraph(d, "会议明确由县住建局开辟绿色通道，并联审批施工许可。")
    _paragraph(d, "会议议定事项分工如下：")
    _table(d, TASK_TABLE)
    _paragraph(d, "出席：")
    _paragraph(d, "县政府　副县长　赵刚")
    _paragraph(d, "县发展和改革局　局长　周涛")
    _paragraph(d, "县自然资源局　副局长　孙丽")
    _paragraph(d, "列席：县住建局、县财政局有关负责同志")
    d.save(str(path))
    return path


WORD_DRAFTS = {
    "报告-招商引资.docx": investment_report,
    "报告-调研.docx": survey_report,
    "纪要-主任办公会.docx": office_minutes,
    "纪要-协调会.docx": project_minutes,
}


CONVERTED = {  # a converted draft → the Word draft it is made from
    "报告-招商引资.doc": "报告-招商引资.docx",
    "报告-招商引资.wps": "报告-招商引资.docx",
    "纪要-主任办公会.rtf": "纪要-主任办公会.docx",
    "纪要-协调会.odt": "纪要-协调会.docx",
}


@pytest.fixture(scope="session")
def word_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Word drafts, and their .doc, .wps, .rtf and .odt forms made by LibreOffice (one
    run per format)."""
    folder = tmp_path_factory.mktemp("word-drafts")
    for name, make in WORD_DRAFTS.items():
        make(folder / name)
    wanted: dict[str, list[str]] = collections.defaultdict(list)
    for name, source in CONVERTED.items():
        if not name.endswith(".wps"):
            wanted[Path(name).suffix[1:]].append(str(folder / source))
    for suffix, sources in wanted.items():
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                suffix,
                "--outdir",
                str(folder),
                *sources,
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    shutil.copyfile(folder / "报告-招商引资.doc", folder / "报告-招商引资.wps")
    return folder


# what each draft must be read as ----------------------------------------------------------


@dataclass
class Case:
    """What a draft is read as: its kind, field values (by path), counts, placeholders."""

    kind: str
    fields: dict[str, Any]
    counts: dict[str, int]
    pending: list[str] = field(default_factory=list)


REPORT_PENDING = ["number", "signers"]
CASES: dict[str, Case] = {
    "报告-安全生产.txt": Case(
        "report",
        {
            "title": "关于2024年上半年安全生产工作情况的报告",
            "addressee": "县人民政府",
            "heading_numbering": "一、",
            "sections[0].heading": "主要工作开展情况",
            "sections[0].numbering": "（一）",
            "sections[0].points[1].text": "累计检查企业420家次，发现隐患1260项，已整改1198项，整改率95.1%。",
            "sections[1].numbering": "一是",  # the writer's, not the template's （一）
            "sections[1].run_on": True,
            "sections[2].numbering": "1.",
            "closing": ["特此报告。"],
            "attachments[0].title": "2024年上半年安全生产事故统计表",
            "attachments[1].title": "重点企业隐患整改情况汇总表",
            "signature": {"name": "某某县应急管理局", "date": dt.date(2024, 7, 5)},
            "issuer": "某某县应急管理局",
            "note": "（联系人：张明，电话：0537-1234567）",
            "distribution": {
                "cc": ["县委办公室", "县人大常委会办公室", "县政协办公室"],
                "printer": "某某县应急管理局办公室",
                "date": dt.date(2024, 7, 5),
            },
        },
        {"sections": 3, "points": 9, "attachments": 2},
        REPORT_PENDING,
    ),
    "请示-防汛经费.txt": Case(
        "report",
        {
            "number": {"code": "县水利", "year": 2024, "serial": 15},
            "signers": ["王强"],
            "title": "关于申请拨付2024年防汛物资储备经费的请示",
            "addressee": "县人民政府",
            # points run on in one paragraph, after their intro, as written
            "sections[0].intro": "目前防汛物资储备存在以下问题：",
            "sections[0].numbering": "一是",
            "sections[0].run_on": True,
            "sections[0].points[2].text": "储备点布局不够合理，偏远乡镇调运时间较长。",
            "sections[1].paragraphs[0]": "为此，恳请县政府从县级预备费中拨付防汛物资储备经费86.5万元，"
            "专项用于防汛物资采购和储备点建设。",
            "closing": ["妥否，请批示。"],
            "attachments[0].title": "2024年防汛物资储备经费预算表",
            "signature": {"name": "某某县水利局", "date": dt.date(2024, 6, 3)},
            "note": "（联系人：李华，联系电话：13800000000）",
        },
        {"sections": 0, "points": 3, "attachments": 0},
        ["attachments[0].lead", "distribution.printer", "distribution.date"],
    ),
    "意见-人居环境.txt": Case(
        "report",
        {
            "title": "关于进一步加强农村人居环境整治工作的意见",  # a title broken over two lines
            "addressee": "县委、县政府，县人大常委会",
            "lead": [
                "为深入贯彻落实乡村振兴战略，持续改善农村人居环境，结合我县实际，"
                "现就进一步加强农村人居环境整治工作提出如下意见。"
            ],
            "sections[0].paragraphs[0]": "以建设美丽宜居村庄为导向，以农村垃圾、污水治理和村容村貌提升为"
            "主攻方向，动员各方力量，整合各种资源，扎实推进农村人居环境整治。",
            # （一） headings over paragraphs: kept as written, numbers and all
            "sections[1].paragraphs": [
                "（一）推进农村生活垃圾治理",
                "建立健全“户分类、村收集、镇转运、县处理”的收运处置体系，2024年底前实现行政村全覆盖。",
            ],
            "sections[1].numbering": "1.",
            "sections[1].points[0]": {
                "lead": "完善收运设施。",
                "text": "每个行政村配备垃圾收集点不少于3处。",
            },
            "sections[2].paragraphs[0]": "（二）开展厕所革命",
            "sections[3].heading": "保障措施",
            "sections[3].points[2].text": "强化考核督导，将整治工作纳入乡镇年度考核（占比10%）。",
            "closing": ["以上意见如无不妥，请批转各乡镇、各有关部门执行。"],
            "signature": {"name": "某某县农业农村局", "date": dt.date(2024, 5, 6)},
            "distribution.cc": ["市农业农村局", "县委农办", "县财政局", "县生态环境分局"],
        },
        {"sections": 3, "points": 5, "attachments": 0},
        REPORT_PENDING,
    ),
    "报告-营商环境.txt": Case(
        "report",
        {
            "title": "关于2024年度营商环境优化提升工作情况的报告",
            # lines broken in mid-sentence and a page number between pages, joined again
            "lead": [
                "今年以来，我区深入贯彻落实市委、市政府关于优化营商环境的决策部署，以市场主体需求为导向，"
                "持续深化“放管服”改革，营商环境持续改善。现将全年工作情况报告如下。"
            ],
            # the headings skip 二、: their numbers stay in their words
            "heading_numbering": "none",
            "sections[0].heading": "一、工作成效",
            "sections[1].heading": "三、存在不足",
            "sections[2].heading": "四、下步打算",
            "attachments[2].title": "2025年营商环境重点改革任务",
            "signature.date": dt.date(2024, 12, 31),  # 二零二四年十二月三十一日
            "note": "（联系人：周敏，电话：0531-88886666）",
        },
        {"sections": 3, "points": 4, "attachments": 0},
        [
            "attachments[0].lead",
            "attachments[1].lead",
            "attachments[2].lead",
            *REPORT_PENDING,
            "distribution.printer",
            "distribution.date",
        ],
    ),
    "纪要-常务会议.txt": Case(
        "minutes",
        {
            "mark": "县政府常务会议纪要",
            "issue": 12,
            "unit": "县人民政府办公室",
            "date": dt.date(2024, 5, 6),
            "attendance.present": [
                {"position": "县长", "name": "张建国"},
                {"position": "常务副县长", "name": "李明"},
                {"position": "副县长", "name": "王芳"},
                {"position": "副县长", "name": "赵刚"},
                {"unit": "县政府", "position": "办公室主任", "name": "孙伟"},
            ],
            "attendance.absent": ["副县长钱进（出差）"],
            "attendance.attending": [  # run together over two lines
                {"unit": "县发展改革局", "position": "局长", "name": "周涛"},
                {"unit": "县财政局", "position": "局长", "name": "吴平"},
                {"unit": "县商务局", "position": "局长", "name": "郑强"},
                {"unit": "县应急管理局", "position": "局长", "name": "冯军"},
            ],
            "sections[0].heading": "关于安全生产工作",
            "sections[0].intro": "会议听取了县应急管理局关于全县安全生产形势的汇报。会议要求：",
            "sections[0].numbering": "一是",
            "distribution": {
                "cc": ["县委办公室", "县人大常委会办公室", "县政协办公室"],
                "printer": "县人民政府办公室",
                "date": dt.date(2024, 5, 7),
            },
        },
        {"sections": 2, "points": 3, "people": 10},
    ),
    "纪要-防汛专题会.txt": Case(
        "minutes",
        {
            "mark": "会议纪要",
            "title": "关于研究2024年防汛工作的会议纪要",
            "date": dt.date(2024, 5, 20),  # the meeting's, 二〇二四年五月二十日
            "attendance.present": [  # one person a line, position and name apart
                {"unit": "县政府", "position": "副县长", "name": "王芳"},
                {"unit": "县水利局", "position": "局长", "name": "陈刚"},
                {"unit": "县应急管理局", "position": "局长", "name": "冯军"},
                {"unit": "县财政局", "position": "副局长", "name": "何静"},
            ],
            "attendance.absent": [{"unit": "县气象局", "position": "局长", "name": "许亮"}],
            "sections[0].numbering": "一、",  # run-in 一、 items, numbered as written
            "sections[0].points[2].text": "会议明确，防汛物资储备经费由县财政局会同县水利局提出方案，报县政府审定。",
        },
        {"sections": 0, "points": 3, "people": 5},
        ["mark", "unit", "distribution.printer", "distribution.date"],
    ),
    "纪要-党组会议.txt": Case(
        "minutes",
        {
            "mark": "党组会议纪要",
            "issue": 3,
            "unit": "县财政局办公室",
            "date": dt.date(2024, 3, 8),
            "attendance.present": ["张三", "李四", "王五", "赵六"],  # 张　三 spaced out
            "attendance.attending": [{"position": "办公室主任", "name": "刘洋"}],
            "lead": [
                "3月8日下午，局党组书记、局长张三主持召开局党组会议，研究2024年预算执行和干部培训工作。"
            ],
            "sections[0].points[0].text": "会议要求，各科室要加快支出进度，确保上半年支出进度达到55%以上。",
            "sections[0].points[1].lead": "会议研究了2024年干部培训计划（草案）。",
        },
        {"sections": 0, "points": 3, "people": 5},
        ["distribution.printer", "distribution.date"],
    ),
    "纪要-座谈会.txt": Case(
        "minutes",
        {
            "mark": "学习考察交流座谈会纪要",
            "unit": "某某区委办公室",
            "attendance.present[3]": {
                "unit": "区信息产业园管委会",
                "position": "常务副主任",
                "name": "张健",
            },
            "attendance.absent": ["区财政局局长 郑华（出差）"],
            "attendance.attending": ["区委办公室、区政府办公室有关同志"],
            "sections[0].numbering": "1.",
            "sections[1].numbering": "（1）",
            "distribution.cc": ["区委、区政府领导", "各镇街、各部门"],
        },
        {"sections": 2, "points": 4, "people": 6},
    ),
    "报告-招商引资.docx": Case(
        "report",
        {
            "urgency": "特急",
            "number": {"code": "县商务", "year": 2024, "serial": 8},
            "signers": ["刘洋", "陈静"],
            "title": "关于2024年第一季度招商引资工作情况的报告",
            "addressee": "县委、县政府",
            "sections[0].heading": "主要成效",
            "sections[0].points[0].lead": "签约项目数量增加。",
            "attachments[0].title": "一季度签约项目清单",
            "attachments[0].sections[0].points[0].table.rows[2]": [
                "冷链物流中心",
                "3.2",
                "3月15日",
            ],
            "attachments[1].lead": [
                "目前重点在谈项目9个，计划总投资35亿元，其中3个项目已进入合同谈判阶段。"
            ],
            "note": "（联系人：陈静，电话：0537-2345678）",
            "distribution": {
                "cc": ["市商务局"],
                "printer": "某某县商务局办公室",
                "date": dt.date(2024, 4, 10),
            },
        },
        {"sections": 3, "points": 4, "attachments": 2, "figures": 1},
    ),
    "报告-调研.docx": Case(
        "report",
        {
            "title": "关于乡村旅游发展情况的调研报告",
            "addressee": "市文化和旅游局",
            "sections[0].heading": "基本情况",
            "sections[0].points[0].caption": "图为调研组在某某村民宿集聚区座谈",
            "sections[1].numbering": "（一）",
            "closing": ["以上报告，请审阅。"],
            "signature": {"name": "某某县文化和旅游局", "date": dt.date(2024, 6, 12)},
        },
        {"sections": 2, "points": 2, "figures": 1},
        [*REPORT_PENDING, "distribution.printer", "distribution.date"],
    ),
    "纪要-主任办公会.docx": Case(
        "minutes",
        {
            "mark": "主任办公会议纪要",
            "issue": 5,
            "unit": "党政办公室",
            "date": dt.date(2024, 4, 2),
            "attendance.present": [
                {"position": "主任", "name": "周涛"},
                {"position": "副主任", "name": "吴平"},
                {"position": "副主任", "name": "郑强"},
            ],
            "sections[1].numbering": "一是",
            "distribution.cc": ["各科室", "各下属单位"],  # over two Word paragraphs
        },
        {"sections": 2, "points": 2, "people": 4},
    ),
    "纪要-协调会.docx": Case(
        "minutes",
        {
            "mark": "重点项目建设协调会议纪要",
            "title": "关于推进重点项目建设协调会的纪要",
            "unit": "县发展和改革局",
            "heading_numbering": "（一）",
            "sections[1].heading": "关于施工许可",
            "sections[1].points[0].table.header": ["事项", "牵头单位", "完成时限"],
            "attendance.present[2]": {"unit": "县自然资源局", "position": "副局长", "name": "孙丽"},
            "attendance.attending": ["县住建局、县财政局有关负责同志"],
        },
        {"sections": 2, "points": 0, "people": 4, "figures": 1},
        ["distribution.printer", "distribution.date"],
    ),
}
CASES.update({name: CASES[source] for name, source in CONVERTED.items()})


def draft_path(name: str, word_drafts: Path) -> Path:
    return DRAFTS / name if (DRAFTS / name).is_file() else word_drafts / name


def value(data: Any, path: str) -> Any:
    """The value at ``sections[0].points[1].text`` of a loaded source."""
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        data = data[int(index)] if index else data[key]
    return data


def draft_text(name: str, word_drafts: Path) -> str:
    """All the text of a draft, as its writer typed it (a Word draft's tables included)."""
    path = draft_path(CONVERTED.get(name, name), word_drafts)
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gbk")


HAN_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)


def han(text: str) -> collections.Counter[str]:
    """The Han characters of a text, counted; a date in Han numerals counted as the
    standard prints it (2024年5月6日, GB/T 9704 §7.3.5.4)."""
    arabic = HAN_DATE.sub(
        lambda m: f"{han_number(m[1])}年{han_number(m[2])}月{han_number(m[3])}日", text
    )
    return collections.Counter(c for c in arabic if "\u4e00" <= c <= "\u9fff")


# every draft: its parts, its source, its build -------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_a_draft_imports_to_its_parts_and_builds_with_every_han_character(
    name: str, word_drafts: Path, tmp_path: Path
) -> None:
    case = CASES[name]
    path = draft_path(name, word_drafts)
    out = tmp_path / "source"
    result = cli("import", path, "-o", out, "--json")
    assert result.exit_code == 0, result.stderr
    (found,) = json.loads(result.stdout)["drafts"]
    assert (found["kind"], found["kind_by"], found["imported"]) == (case.kind, "draft", True)
    assert {k: found["counts"][k] for k in case.counts} == case.counts
    assert [p["field"] for p in found["placeholders"]] == case.pending
    file = out / f"{case.kind}.yaml"
    assert [o["file"] for o in found["outputs"]][-1] == str(file)
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    for at, expected in case.fields.items():
        assert value(data, at) == expected, at
    text = file.read_text(encoding="utf-8")
    for at in case.pending:  # each placeholder marked where it stands
        assert f"# 待核：{at}：" in text
    built = build.build(out, build.Options(tmp_path / "out", formats=("docx", "pdf")))
    assert built.error is None, built.error
    with pdfplumber.open(tmp_path / "out" / "source.pdf") as pdf:
        printed = "".join(c["text"] for page in pdf.pages for c in page.chars)
    missing = han(draft_text(name, word_drafts)) - han(printed)
    assert not missing, f"not in the PDF: {dict(missing)}"
    assert not TWICE.search(printed)  # a typed number never printed with a generated one


TWICE = re.compile(r"(（[一二三四五六七八九十]+）){2}|([一二三四五六七八九十]+[、是]){2}|(\d\.){2}")


def test_numbers_are_those_the_writer_typed_never_twice(word_drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "source"
    assert cli("import", DRAFTS / "意见-人居环境.txt", "-o", out).exit_code == 0
    built = build.build(out, build.Options(tmp_path / "out", formats=("pdf",)))
    assert built.error is None, built.error
    with pdfplumber.open(tmp_path / "out" / "source.pdf") as pdf:
        printed = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
    for written in (
        "一、总体要求",
        "二、重点任务",
        "（一）推进农村生活垃圾治理",
        "1.完善收运设施。",
        "2.推行分类减量。",
        "（二）开展厕所革命",
        "（三）梯次推进",
        "三、保障措施",
        "一是加强组织领导，成立工作专班；二是加大资金投入",
    ):
        assert printed.count(written) == 1, written
    assert not re.search(r"(（[一二三]）){2}|([一二三]、){2}|(\d\.){2}", printed)


# the import's summary --------------------------------------------------------------------


def test_the_summary_names_kind_parts_counts_placeholders_and_what_to_check(tmp_path: Path) -> None:
    draft = DRAFTS / "报告-营商环境.txt"
    result = cli("import", draft, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("导入结果（1 份稿件）：")
    assert lines[start + 1 :] == [
        f"{draft}：报告（标题“关于2024年度营商环境优化提升工作情况的报告”以“报告”结尾）",
        "  识别到：标题、主送机关、开头段落、小标题编号、小节、结尾、附件说明、发文机关署名、"
        "成文日期、附注、附件",
        "  数量：3 个小节，4 个要点",
        "  待核（稿件缺少，已填占位内容，共 7 处）：",
        "    附件（attachments[0].lead）：附件“2024年营商环境主要指标完成情况”的正文不在稿件里，请补上",
        "    附件（attachments[1].lead）：附件“企业反映问题办理情况清单”的正文不在稿件里，请补上",
        "    附件（attachments[2].lead）：附件“2025年营商环境重点改革任务”的正文不在稿件里，请补上",
        "    发文字号（number）：稿件没有发文字号，请填写机关代字、年份和序号",
        "    签发人（signers）：稿件没有签发人（上行文须标注），请填写",
        "    印发机关（distribution.printer）：稿件没有印发机关，请填写",
        "    印发日期（distribution.date）：稿件没有印发日期，已按成文日期填写，请核对",
        "  请核对（1 处）：",
        f"    {draft}:16: heading_numbering: 警告：小标题编号不连续：这里应是第 2 个，"
        "稿件写的是“三、存在不足”；小标题的编号按原样保留在标题文字里，请核对",
        f"  写出：{tmp_path / 'out' / 'report.yaml'}",
    ]


def test_json_gives_the_same_in_a_stable_shape(tmp_path: Path) -> None:
    draft = DRAFTS / "纪要-党组会议.txt"
    first = json.loads(cli("import", draft, "-o", tmp_path / "out", "--json").stdout)
    again = cli("import", draft, "-o", tmp_path / "out", "--json")
    (shown,) = first["drafts"]
    assert list(shown) == [
        "file",
        "imported",
        "kind",
        "kind_title",
        "kind_by",
        "kind_reason",
        "template",
        "parts",
        "counts",
        "placeholders",
        "unsure",
        "fixes",
        "errors",
        "outputs",
    ]
    assert shown["kind_title"] == "纪要" and shown["kind_reason"] == "“党组会议纪要”以“纪要”结尾"
    assert shown["parts"][:3] == [
        {"field": "mark", "name": "纪要标志"},
        {"field": "issue", "name": "期号"},
        {"field": "unit", "name": "编发单位"},
    ]
    assert shown["counts"] == {
        "articles": 0,
        "sections": 0,
        "points": 3,
        "attachments": 0,
        "people": 5,
        "figures": 0,
    }
    assert shown["placeholders"][0] == {
        "field": "distribution.printer",
        "message": "稿件没有印发机关，已按编发单位填写，请核对",
    }
    assert [(f["line"], f["field"]) for f in shown["fixes"]] == [
        (6, "标点"),
        (7, "字符"),
        (8, "标点"),
        (7, "空格"),
    ]
    assert shown["fixes"][3] == {
        "file": str(draft),
        "line": 7,
        "field": "空格",
        "message": "删去了汉字之间的空格（出进度，确保上半年支出进）",
    }
    assert shown["unsure"] == [] and shown["errors"] == []
    assert shown["outputs"] == [
        {"file": str(tmp_path / "out" / "minutes.yaml"), "status": "written"}
    ]
    assert json.loads(again.stdout)["drafts"][0]["outputs"][0]["status"] == "unchanged"
    assert again.stdout.lstrip().startswith("{")  # only the JSON on standard output


def test_a_draft_that_cannot_be_read_is_named_in_the_summary_and_the_json(tmp_path: Path) -> None:
    broken = tmp_path / "稿件.doc"
    broken.write_bytes(b"this is no Word file at all")
    result = cli("import", broken, "-o", tmp_path / "out", "--json")
    assert result.exit_code == 1
    (shown,) = json.loads(result.stdout)["drafts"]
    message = (
        "这个文件不像Word 97-2003（.doc）文件：可能已损坏，或扩展名不对（纯文本稿件请改名为 .txt）"
    )
    assert (shown["imported"], shown["kind"], shown["outputs"]) == (False, None, [])
    assert shown["errors"] == [{"file": str(broken), "line": None, "field": "", "message": message}]
    assert f"{broken}: 错误：{message}" in result.stderr
    assert not (tmp_path / "out").exists()


# the kind: recognised, or chosen -----------------------------------------------------------


def paras(*texts: str) -> list[Para]:
    return [Para(text, number) for number, text in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("texts", "kind", "why"),
    [
        (
            ("关于2024年工作的报告", "市政府：", "今年以来……。"),
            "report",
            "标题“关于2024年工作的报告”以“报告”结尾",
        ),
        (
            ("县环保局文件", "关于申请经费的请示", "县政府："),
            "report",
            "标题“关于申请经费的请示”以“请示”结尾",
        ),
        (("县政府常务会议纪要", "第3期"), "minutes", "“县政府常务会议纪要”以“纪要”结尾"),
        (("会议记录", "出席：张三、李四", "会议研究了……。"), "minutes", "有“出席：”"),
        # a bulletin's article: a title over bylines, whatever its last word
        (
            ("关于赴长沙学习考察的调研报告", "某某区发展局局长 李明", "5月，我们赴长沙学习。"),
            "bulletin",
            "标题下有署名“某某区发展局局长 李明”",
        ),
        (("学习体会", "本次学习收获很大。"), "bulletin", "没有报告或纪要的标题，按简报文章读入"),
    ],
)
def test_the_kind_is_told_from_the_draft(texts: tuple[str, ...], kind: str, why: str) -> None:
    assert recognise(paras(*texts)) == (kind, why)


def test_the_kind_chosen_overrides_the_draft(tmp_path: Path) -> None:
    article = tmp_path / "发言.txt"
    article.write_text("学习体会\n某某区发展局局长 李明\n\n本次学习收获很大。\n", encoding="utf-8")
    result = cli("import", article, "-o", tmp_path / "report", "--kind", "report", "--json")
    assert result.exit_code == 0, result.stderr
    (shown,) = json.loads(result.stdout)["drafts"]
    assert (shown["kind"], shown["kind_by"], shown["kind_reason"]) == (
        "report",
        "option",
        "按 --kind 指定",
    )
    assert "addressee" in [p["field"] for p in shown["placeholders"]]
    built = build.build(tmp_path / "report", build.Options(tmp_path / "out"))
    assert built.error is None, built.error
    as_article = cli(
        "import", DRAFTS / "报告-安全生产.txt", "-o", tmp_path / "a", "--kind", "bulletin"
    )
    assert as_article.exit_code == 0, as_article.stderr
    # the article, and a bulletin.yaml listing it under a masthead held for checking
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "bulletin.yaml",
        "报告-安全生产.yaml",
    ]
    wrong = cli("import", article, "-o", tmp_path / "x", "--kind", "简讯")
    assert wrong.exit_code == 1
    assert wrong.stderr.strip() == (
        "错误：--kind 应为 bulletin（简报）、report（报告）、minutes（纪要） 之一，而不是“简讯”"
    )


def test_several_documents_each_in_a_folder_of_its_own(tmp_path: Path) -> None:
    drafts = [DRAFTS / "报告-安全生产.txt", DRAFTS / "纪要-常务会议.txt"]
    result = cli("import", *drafts, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.yaml")
    )
    assert written == ["报告-安全生产/report.yaml", "纪要-常务会议/minutes.yaml"]
    result = cli("build", *(tmp_path / "out").iterdir(), "-o", tmp_path / "built")
    assert result.exit_code == 0, result.stderr


# people ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张三、李四、王五", ["张三", "李四", "王五"]),
        ("张　三　李　四", ["张三", "李四"]),
        ("张三 李四 王五", ["张三", "李四", "王五"]),
        (
            "县委常委、常务副县长王某某，县政府办公室主任李某某",
            [
                {"unit": "县委", "position": "常委、常务副县长", "name": "王某某"},
                {"unit": "县政府", "position": "办公室主任", "name": "李某某"},
            ],
        ),
        ("县长 张三", [{"unit": "", "position": "县长", "name": "张三"}]),
        ("张三　县长", [{"unit": "", "position": "县长", "name": "张三"}]),
        ("县发改局 局长 孙七", [{"unit": "县发改局", "position": "局长", "name": "孙七"}]),
        (
            "县发改局局长孙七 县财政局局长周八",
            [
                {"unit": "县发改局", "position": "局长", "name": "孙七"},
                {"unit": "县财政局", "position": "局长", "name": "周八"},
            ],
        ),
        ("各镇街、各部门主要负责同志", ["各镇街、各部门主要负责同志"]),
        ("赵六（出差）。", ["赵六（出差）"]),
    ],
)
def test_people_however_a_list_is_written(text: str, expected: list[Any]) -> None:
    assert people(text) == expected


def test_attendees_are_people_or_text_in_the_source(tmp_path: Path) -> None:
    raw = {
        "mark": "党组会议纪要",
        "unit": "某某局办公室",
        "date": "2024-05-06",
        "attendance": {"present": [{"position": "局长", "name": "张三"}, "李四"]},
        "lead": ["会议研究了工作。"],
        "distribution": {"printer": "某某局办公室", "date": "2024-05-06"},
    }
    minutes = MinutesFile.model_validate(raw)
    assert [str(p) for p in minutes.attendance.present] == ["局长张三", "李四"]
    assert person("县发改局局长孙七") == {"unit": "县发改局", "position": "局长", "name": "孙七"}
    source = tmp_path / "src"
    source.mkdir()
    (source / "minutes.yaml").write_text(
        yaml.safe_dump(
            {**raw, "attendance": {"present": [{"position": "局长"}]}}, allow_unicode=True
        ),
        encoding="utf-8",
    )
    result = cli("validate", source, "--format", "docx")
    assert result.exit_code == 1
    assert "attendance.present[0].name: 错误：缺少必填字段“name”（名称/姓名）" in result.stderr


# paste artefacts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("(联系人：张三，电话：0537-1234567)", "（联系人：张三，电话：0537-1234567）"),
        ("（联系人：张三，电话：0537-1234567)", "（联系人：张三，电话：0537-1234567）"),
        ("(1)加强领导", "（1）加强领导"),
        ("完成投资120亿元.", "完成投资120亿元。"),
        ("增长20%.下一步", "增长20%。下一步"),
        ("共检查企业120.下一步", "共检查企业120。下一步"),
        ("电话：13800000000.", "电话：13800000000。"),
        ("检查企业120,发现隐患", "检查企业120，发现隐患"),
    ],
)
def test_half_width_marks_after_digits_or_at_a_sentences_end(before: str, after: str) -> None:
    assert normalize(before)[0] == after
    assert normalize(after) == (after, [])


@pytest.mark.parametrize(
    "text", ["1.加强领导", "附件：1.统计表", "今年1.5万元", "www.gov.cn", "图1.示意图", "f(x)"]
)
def test_numbers_decimals_and_latin_keep_their_marks(text: str) -> None:
    assert normalize(text) == (text, [])


def test_spaces_between_han_characters_and_in_titles() -> None:
    text, fixes = running_spaces("召开\t会议，研究\u3000工作\u00a0安排。2024年 5月")
    assert text == "召开会议，研究工作安排。2024年 5月"
    assert [f.message for f in fixes] == [
        "删去了汉字之间的制表符（召开会议，研究）",
        "删去了汉字之间的全角空格（会议，研究工作安排。）",
        "删去了汉字之间的不换行空格（，研究工作安排。202）",
    ]
    assert title_spaces("关于进一步加强 农村人居环境整治工作的意见") == (
        "关于进一步加强农村人居环境整治工作的意见",
        [title_spaces("关于进一步加强 农村人居环境整治工作的意见")[1][0]],
    )
    assert title_spaces("学习长沙经验　建设一流园区") == ("学习长沙经验　建设一流园区", [])


def test_paste_artefacts_are_reported_with_file_and_line() -> None:
    draft = DRAFTS / "意见-人居环境.txt"
    notes = [str(n) for n in load_any(draft).read.notes]
    assert f"{draft}:1: 空格: 警告：删去了标题中的空格（于进一步加强农村人居环境）" in notes
    assert f"{draft}:5: 空格: 警告：删去了汉字之间的空格（持续改善农村人居环境，结）" in notes
    assert f"{draft}:5: 标点: 警告：半角句号“.”已改为全角“。”" in notes
    assert f"{draft}:18: 标点: 警告：半角括号“(”已改为全角“（”；半角括号“)”已改为全角“）”" in notes


def test_a_bulletin_drafts_running_text_loses_a_pastes_spaces_too(tmp_path: Path) -> None:
    draft = tmp_path / "发言.txt"
    draft.write_text(
        "学习体会\n某某区发展局局长 李明\n\n本次学习\u3000收获很大，\u00a0值得借鉴。\n",
        encoding="utf-8",
    )
    loaded = load_any(draft)
    assert loaded.kind == "bulletin"
    assert loaded.read.articles[0]["lead"] == ["本次学习收获很大，值得借鉴。"]
    assert [str(n) for n in loaded.read.notes] == [
        f"{draft}:4: 空格: 警告：删去了汉字之间的全角空格（本次学习收获很大，）",
        f"{draft}:4: 空格: 警告：删去了汉字之间的不换行空格（收获很大，值得借鉴。）",
    ]


def test_a_han_date_written_with_ling() -> None:
    assert han_number("二零二四") == 2024 and han_number("二〇二四") == 2024


# Word-family drafts that LibreOffice converts -----------------------------------------------


def test_without_libreoffice_an_old_word_draft_is_refused_in_chinese(
    word_drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert.shutil, "which", lambda name: None)
    path = word_drafts / "报告-招商引资.wps"
    with pytest.raises(SourceError) as info:
        load_any(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}: 错误：读取WPS（.wps）格式的稿件需要 LibreOffice，本机没有找到（soffice）："
        "请安装 LibreOffice，或在 Word、WPS 中把它另存为 .docx 后再试"
    ]


def test_a_conversion_that_fails_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "报告.odt"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(SourceError) as info:
        load_any(damaged)
    assert [str(p) for p in info.value.problems] == [
        f"{damaged}: 错误：LibreOffice 无法转换这个ODF（.odt）文件（可能已损坏、有密码保护，"
        "或不是 Word/WPS 文档）：请在 Word 或 WPS 中打开，另存为 .docx 后再试"
    ]

    def slow(*args: Any, **kwargs: Any) -> None:
        raise subprocess.TimeoutExpired(args[0], kwargs["timeout"])

    monkeypatch.setattr(convert.subprocess, "run", slow)
    rtf = tmp_path / "稿件.rtf"
    rtf.write_bytes(b"{\\rtf1 }")
    with pytest.raises(SourceError) as info:
        load_any(rtf)
    assert str(info.value) == (
        f"{rtf}: 错误：LibreOffice 转换这个RTF文件超过 120 秒仍未完成，已停止："
        "请在 Word 或 WPS 中另存为 .docx 后再试"
    )


def test_word_paragraphs_carry_their_style_names(word_drafts: Path) -> None:
    from reportkit.source.drafts.read import read_draft

    lines, _ = read_draft(word_drafts / "报告-调研.docx")
    assert [(line.text, line.style) for line in lines[:3]] == [
        ("关于乡村旅游发展情况的调研报告", "Title"),
        ("市文化和旅游局：", "Normal"),
        ("按照年度调研计划，我们于5月中旬深入8个乡镇、15个村开展了乡村旅游专题调研。", "Normal"),
    ]


# any report or minutes draft ----------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "关于2024年工作情况的报告",
        "县政府常务会议纪要",
        "县人民政府：",
        "县委、县政府，",
        "一、主要工作",
        "（一）强化领导",
        "（二）加强排查。全年检查企业420家次。",
        "1.完善设施。",
        "3.推行分类。",
        "一是加强领导；二是加大投入。",
        "二是",
        "（一）",
        "特此报告。",
        "附件：1.统计表",
        "2.汇总表",
        "附件",
        "附件2",
        "某某县应急管理局",
        "二〇二四年七月五日",
        "2024年13月45日",
        "（联系人：张明，电话：0537-1234567)",
        "出席：张三、李四",
        "出席：",
        "县长　　张三",
        "请假：王五（出差）",
        "列席：",
        "抄送：县委办公室，",
        "县政协办公室。",
        "某某县应急管理局办公室    2024年7月5日印发",
        "2024年7月5日印发",
        "县水利〔2024〕15号    签发人：王强",
        "签发人：",
        "第3期",
        "— 2 —",
        "",
        "会议研究了工作。",
    ]
)


@given(
    st.lists(
        st.one_of(
            PIECES, st.text(st.sampled_from("报告纪要出席：、，。一二三（）1. "), max_size=12)
        ),
        max_size=25,
    ),
    st.sampled_from(["report", "minutes", None]),
)
@settings(
    max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_report_or_minutes_draft_imports_to_a_source_that_loads(
    lines: list[str], kind: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "稿件.txt"
        path.write_text("\n".join(lines) or "空", encoding="utf-8")
        try:
            planned = importer.plan([path], Path(folder) / "out", kind=kind)
        except ReportkitError:
            return
        for summary in planned.summaries:
            # what was written is valid for its kind's model: nothing to correct but the
            # placeholders (a problem with the written file is named at that file)
            assert [str(n) for n in summary.notes if n.location.file != path] == []
            for item in planned.files:
                yamlfile.parse(item.text, item.target)
