"""reportkit check and format on documents from other offices, made as their Word and WPS
files are (tests/otheroffices.py): each correct one has nothing said about it, each with one
fault has exactly that fault said, at its place, in words a clerk reads; 一键排版 puts each
right without losing its 文号 or 版记; their PDFs (LibreOffice's) are checked alike."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from reportkit.check.run import check_file
from tests.helpers import cli, render_with_libreoffice
from tests.otheroffices import Sender

SETUP = "页面设置"
FOOTER = "页脚"
BODY = "GB/T 9704—2012 §7.3.3"
PRACTICE = "排版惯例（GB/T 9704—2012 未作规定）"
# the paragraphs of the running text, by number and first words (the 文号 is paragraph 2)
ADDRESSEE = "第 4 段“各街道办事处，区政府各部……”"
RUNNING = [
    "第 5 段“为贯彻落实全市优化营商环……”",
    "第 7 段“（一）统一窗口设置。各街……”",
    "第 8 段“（二）规范服务流程。各窗……”",
    *(f"第 {n} 段“各街道便民服务中心要按照……”" for n in (10, 11, 12, 13)),
    "第 14 段“各单位要在5月31日前将……”",
]
HEADINGS = ["第 6 段“一、工作要求”", "第 9 段“二、时间安排”"]
SIGNATURE = ["第 15 段“某某区人民政府”", "第 16 段“2024年5月6日”"]


def _faces(face_clause: str) -> list[tuple[str, str, str, str]]:
    """text.font on the 文号, 主送, every running paragraph and the signature."""
    return [
        ("text.font", "GB/T 9704—2012 §7.2.5", "error", "第 2 段“某政发〔2024〕5号”"),
        ("text.font", "GB/T 9704—2012 §7.3.2", "error", ADDRESSEE),
        *(("text.font", BODY, "error", where) for where in RUNNING),
        *(("text.font", face_clause, "error", where) for where in SIGNATURE),
    ]


# documents as they come in, correct to GB/T 9704: nothing is said about any of them
CORRECT = {
    "fonts typed on every run": {},
    "fonts on the Normal style": {"fonts": "style"},
    "fonts only in the document defaults (WPS)": {"fonts": "defaults"},
    "the body's face only as the theme's minorEastAsia": {"fonts": "theme"},
    "the body in FangSong_GB2312": {"face": "FangSong_GB2312"},
    "the body in 仿宋": {"face": "仿宋"},
    "the red head in a table cell": {"mark": "table"},
    "the red head in the first page's header": {"mark": "header"},
    "the red head in the odd pages' header, two pages": {"mark": "every_header"},
    "the red rule the title's top border": {"rule": "above"},
    "the red rule a WPS line shape": {"rule": "wps"},
    "the red rule a VML line": {"rule": "vml"},
    "the red rule a table's bottom border": {"rule": "table"},
    "an upward document with 签发人": {"signer": True},
    "the 版记 in a table floated to the foot": {"end_block": "table"},
    "the 版记 in a two-column table": {"end_block": "columns"},
    "lines only on the grid, characters spaced -0.25 pt": {"grid": "spacing"},
}

# documents with one fault each: (rule, clause, severity, place) of every finding, in order
FAULTY: dict[str, tuple[dict[str, object], list[tuple[str, str, str, str]]]] = {
    "the body in 宋体": ({"face": "宋体"}, _faces("GB/T 9704—2012 §7.3.5")),
    "the body in 宋体 on the Normal style": (
        {"fonts": "style", "face": "宋体"},
        _faces("GB/T 9704—2012 §7.3.5"),
    ),
    "the theme's minorEastAsia face 宋体": (
        {"fonts": "theme", "face": "宋体"},
        _faces("GB/T 9704—2012 §7.3.5"),
    ),
    "the title in 黑体, not 小标宋": (
        {"title_face": "黑体"},
        [("text.font", "GB/T 9704—2012 §7.3.1", "error", "第 3 段“关于做好政务服务窗口规范……”")],
    ),
    "一、 headings in 宋体": (
        {"heading_face": "宋体"},
        [("text.font", BODY, "error", where) for where in HEADINGS],
    ),
    "1.5 line spacing": (
        {"spacing": "1.5"},
        [
            ("grid.lines", "GB/T 9704—2012 §5.2.3", "error", SETUP),
            *(
                ("text.line_spacing", "GB/T 9704—2012 §5.2.3", "error", where)
                for where in [
                    ADDRESSEE,
                    RUNNING[0],
                    HEADINGS[0],
                    *RUNNING[1:3],
                    HEADINGS[1],
                    *RUNNING[3:],
                ]
            ),
        ],
    ),
    "Word's margins of 2.54 and 3.18 cm": (
        {"margins": (25.4, 25.4, 31.8, 31.8)},
        [("page.margin", "GB/T 9704—2012 §5.2.1", "error", SETUP)] * 4,
    ),
    "the 文号 in []": (
        {"number": "某政发[2024]5号"},
        [("head.doc_number", "GB/T 9704—2012 §7.2.5", "error", "第 2 段“某政发[2024]5号”")],
    ),
    "the 文号 in （）": (
        {"number": "某政发（2024）5号"},
        [("head.doc_number", "GB/T 9704—2012 §7.2.5", "error", "第 2 段“某政发（2024）5号”")],
    ),
    "page numbers without dashes": (
        {"page_number": "nodash"},
        [("page_number.form", "GB/T 9704—2012 §7.5", "error", FOOTER)] * 2,
    ),
    "page numbers typed in the footers": (
        {"page_number": "text"},
        [("page_number.missing", "GB/T 9704—2012 §7.5", "error", FOOTER)] * 2,
    ),
    "no page numbers": (
        {"page_number": None},
        [("page_number.missing", "GB/T 9704—2012 §7.5", "error", FOOTER)] * 2,
    ),
    "the red head in the header, the first page's footer left empty": (
        {"mark": "header", "first_page_number": False},
        [("page_number.missing", "GB/T 9704—2012 §7.5", "error", FOOTER)],
    ),
    "the 版记 on an odd page": (
        {"end_odd": True},
        [("end.even_page", "GB/T 9704—2012 §7.4", "error", "第 24 段“某某区人民政府办公室 2……”")],
    ),
    "the 版记 in a table, on an odd page": (
        {"end_odd": True, "end_block": "table"},
        [("end.even_page", "GB/T 9704—2012 §7.4", "error", "第 24 段“某某区人民政府办公室 2……”")],
    ),
    "the 版记 in a two-column table, on an odd page": (
        {"end_odd": True, "end_block": "columns"},
        [("end.even_page", "GB/T 9704—2012 §7.4", "error", "第 25 段“2024年5月7日印发”")],
    ),
    "the red head in every odd page's header, three pages": (
        {"mark": "every_header", "end_odd": True},
        [
            ("head.mark_header", "GB/T 9704—2012 §7.2.4", "error", "页眉"),
            ("end.even_page", "GB/T 9704—2012 §7.4", "error", "第 23 段“某某区人民政府办公室 2……”"),
        ],
    ),
    "empty paragraphs for spacing": (
        {"spacers": True},
        [
            *(
                ("layout.empty_paragraph", PRACTICE, "warning", f"第 {n} 段")
                for n in (3, 5, 17, 20)
            ),
            # the four blank lines push the 版记 onto page 3
            ("end.even_page", "GB/T 9704—2012 §7.4", "error", "第 22 段“某某区人民政府办公室 2……”"),
        ],
    ),
    "tracked changes left in": (
        {"tracked": True},
        [
            (
                "review.changes",
                "公文处理惯例：印发稿不留修订痕迹",
                "error",
                "第 8 段“（二）规范服务流程。各窗……”",
            )
        ],
    ),
}


def _found(path: Path) -> list[tuple[str, str, str, str]]:
    return [(f.rule, f.clause, f.severity, str(f.where)) for f in check_file(path).findings]


@pytest.mark.parametrize("name", list(CORRECT))
def test_a_correct_document_has_nothing_said_about_it(tmp_path: Path, name: str) -> None:
    result = check_file(Sender(**CORRECT[name]).write(tmp_path / "通知.docx"))  # type: ignore[arg-type]
    assert (result.kind, result.pages) == ("report", 2)
    assert result.findings == [], "\n".join(map(str, result.findings))


@pytest.mark.parametrize("name", list(FAULTY))
def test_one_fault_is_said_once_at_its_place(tmp_path: Path, name: str) -> None:
    habits, wanted = FAULTY[name]
    path = Sender(**habits).write(tmp_path / "通知.docx")  # type: ignore[arg-type]
    assert _found(path) == wanted


def _said(path: Path) -> list[str]:
    return [str(f) for f in check_file(path).findings]


def test_what_a_clerk_reads(tmp_path: Path) -> None:
    """The messages of the faults that are said in words of their own."""
    assert _said(Sender(page_number="text").write(tmp_path / "a.docx")) == [
        "页脚：错误：奇数页的页码“— 1 —”是手打的，每页都一样，不会随页变化：页脚中应插入“页码”域"
        "（应为：页码域（— 1 —）；实为：手打的“— 1 —”）〔GB/T 9704—2012 §7.5〕",
        "页脚：错误：偶数页的页码“— 2 —”是手打的，每页都一样，不会随页变化：页脚中应插入“页码”域"
        "（应为：页码域（— 1 —）；实为：手打的“— 2 —”）〔GB/T 9704—2012 §7.5〕",
    ]
    assert _said(Sender(mark="header", first_page_number=False).write(tmp_path / "b.docx")) == [
        "页脚：错误：首页（页面设置选了“首页不同”）没有页码（页脚中应插入“页码”域）"
        "（应为：— 1 —；实为：无）〔GB/T 9704—2012 §7.5〕"
    ]
    said = _said(Sender(spacing="1.5").write(tmp_path / "c.docx"))
    assert said[1] == (
        "第 4 段“各街道办事处，区政府各部……”：错误：主送机关的行距不对，每页排不成 22 行"
        "（应为：28.95 磅；实为：57.9 磅（按网格和 1.5 倍行距估算））〔GB/T 9704—2012 §5.2.3〕"
    )
    said = _said(Sender(mark="every_header", end_odd=True).write(tmp_path / "g.docx"))
    assert said[0] == (
        "页眉：错误：发文机关标志放在了页眉里，每一页都会印出：应只在首页（页面设置中勾选“首页不同”，"
        "放在首页的页眉里或正文第一行）（应为：只在首页；实为：每页的页眉）〔GB/T 9704—2012 §7.2.4〕"
    )
    # 28 磅 still sets 22 lines, short of the type area's foot; 27 磅 sets 23
    said = _said(Sender(spacing=28).write(tmp_path / "e.docx"))
    assert len(said) == 11
    assert said[0] == (
        "第 4 段“各街道办事处，区政府各部……”：错误：主送机关的行距不对，每页 22 行排不满版心"
        "（下边空出约 7.7 毫米）（应为：28.95 磅；实为：28 磅）〔GB/T 9704—2012 §5.2.3〕"
    )
    said = _said(Sender(spacing=27).write(tmp_path / "f.docx"))
    assert said[:2] == [
        "页面设置：错误：每页应排 22 行（正文行距 28.95 磅），按第 5 段的行距会排 23 行"
        "（应为：22 行；实为：23 行（行距 27 磅））〔GB/T 9704—2012 §5.2.3〕",
        "第 4 段“各街道办事处，区政府各部……”：错误：主送机关的行距不对，每页会排 23 行，多于 22 行"
        "（应为：28.95 磅；实为：27 磅）〔GB/T 9704—2012 §5.2.3〕",
    ]
    assert _said(Sender(end_odd=True, end_block="table").write(tmp_path / "d.docx")) == [
        "第 24 段“某某区人民政府办公室 2……”：错误：版记应在偶数页（双面印刷时在末页背面）："
        "需要时在它前面加一个空白页（应为：偶数页；实为：第 3 页（按行数估算））〔GB/T 9704—2012 §7.4〕"
    ]


def _typed(paragraph, text: str, face: str, size: float) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    fonts = f'w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{face}"'
    run._element.get_or_add_rPr().insert(0, parse_xml(f"<w:rFonts {nsdecls('w')} {fonts}/>"))


def test_a_table_of_data_ending_the_document_is_no_part_to_check(tmp_path: Path) -> None:
    """An attachment's table after the text: its cells are neither 版记 nor body text."""
    path = Sender(end_block="none").write(tmp_path / "通知.docx")
    document = docx.Document(str(path))
    label = document.add_paragraph()
    label.paragraph_format.page_break_before = True
    _typed(label, "附件", "黑体", 16)
    table = document.add_table(rows=3, cols=3)
    for row, texts in zip(
        table.rows,
        [("序号", "单位", "完成情况"), ("1", "城东街道", "已完成"), ("2", "城西街道", "推进中")],
        strict=True,
    ):
        for cell, text in zip(row.cells, texts, strict=True):
            _typed(cell.paragraphs[0], text, "仿宋_GB2312", 14)
    document.add_paragraph()
    document.save(str(path))
    assert _said(path) == []


def test_the_json_names_the_paragraph_and_its_words(tmp_path: Path) -> None:
    path = Sender(number="某政发[2024]5号").write(tmp_path / "通知.docx")
    result = cli("check", path, "--json")
    assert result.exit_code == 1, result.output
    ((file,),) = (json.loads(result.output)["files"],)
    assert (file["file"], file["errors"], file["warnings"]) == (str(path), 1, 0)
    (finding,) = file["findings"]
    assert finding["where"] == {
        "paragraph": 2,
        "page": None,
        "line": None,
        "text": "某政发[2024]5号",
        "part": "",
    }
    assert (finding["rule"], finding["expected"], finding["found"]) == (
        "head.doc_number",
        "机关代字〔2019〕3号",
        "某政发[2024]5号",
    )


# 一键排版 --------------------------------------------------------------------------------

FORMATTED = [
    "the body in 宋体",
    "1.5 line spacing",
    "Word's margins of 2.54 and 3.18 cm",
    "the 文号 in []",
    "page numbers typed in the footers",
    "the 版记 in a table, on an odd page",
    "empty paragraphs for spacing",
    "tracked changes left in",
]


@pytest.mark.parametrize("name", FORMATTED)
def test_format_puts_a_faulty_document_right(tmp_path: Path, name: str) -> None:
    path = Sender(**FAULTY[name][0]).write(tmp_path / "通知.docx")  # type: ignore[arg-type]
    result = cli("format", path, "--format", "docx")
    assert result.exit_code == 0, result.output
    made = tmp_path / "通知-排版.docx"
    assert check_file(made).findings == []
    shown = [p.text for p in docx.Document(str(made)).paragraphs if p.text.strip()]
    assert shown[0] == "某某区人民政府文件"
    assert shown[1].startswith("某政发〔2024〕5号")
    assert shown[-2:] == [
        "抄送：区委办公室，区人大常委会办公室。",
        "某某区人民政府办公室\t2024年5月7日印发",
    ]
    assert "U+0009" not in result.output  # the 版记's tab is no character to delete


@pytest.mark.parametrize("end_block", ["table", "columns"])
def test_format_keeps_a_文号_and_版记_typed_in_table_cells(tmp_path: Path, end_block: str) -> None:
    path = Sender(rule="table", end_block=end_block).write(tmp_path / "通知.docx")
    result = cli("format", path, "--format", "docx")
    assert result.exit_code == 0, result.output
    made = tmp_path / "通知-排版.docx"
    shown = [p.text for p in docx.Document(str(made)).paragraphs if p.text.strip()]
    assert shown[1] == "某政发〔2024〕5号\t签发人：待填"
    assert shown[-2:] == [
        "抄送：区委办公室，区人大常委会办公室。",
        "某某区人民政府办公室\t2024年5月7日印发",
    ]
    assert "没有导入" not in result.output


# the PDFs LibreOffice makes of them -------------------------------------------------------

# how LibreOffice sets even the correct document here: the PAGE field's digit in its default
# Latin face, and the red head's line (exactly 57.9 pt) with the text lower in it than Word's
LIBREOFFICE = [
    ("page_number.font", "GB/T 9704—2012 §7.5", "error", "第 1 页“— 1 —”"),
    ("head.mark_top", "GB/T 9704—2012 §7.2.4", "error", "第 1 页第 1 行“某某区人民政府文件”"),
]
PDF_FAULTS: dict[str, tuple[dict[str, object], list[tuple[str, str, str, str]]]] = {
    "correct": ({}, []),
    "the title in 黑体": (
        {"title_face": "黑体"},
        [
            (
                "text.font",
                "GB/T 9704—2012 §7.3.1",
                "error",
                "第 1 页第 3 行“关于做好政务服务窗口规范……”",
            )
        ],
    ),
    "一、 headings in 宋体": (
        {"heading_face": "宋体"},
        [
            ("text.font", BODY, "error", "第 1 页第 8 行“一、工作要求”"),
            ("text.font", BODY, "error", "第 2 页第 5 行“二、时间安排”"),
        ],
    ),
    "1.5 line spacing": (
        {"spacing": "1.5"},
        [
            (
                "text.line_spacing",
                "GB/T 9704—2012 §5.2.3",
                "error",
                "第 1 页第 6 行“务服务效能，经区政府同意……”",
            )
        ],
    ),
    "the 文号 in []": (
        {"number": "某政发[2024]5号"},
        [("head.doc_number", "GB/T 9704—2012 §7.2.5", "error", "第 1 页第 2 行“某政发[2024]5号”")],
    ),
}


@pytest.mark.parametrize("name", list(PDF_FAULTS))
def test_a_pdf_from_libreoffice_shows_the_same_fault(tmp_path: Path, name: str) -> None:
    """Without a 版记 (LibreOffice draws no frame's borders and floats no table to the foot)
    and with the characters spaced rather than on Word's character grid, which LibreOffice
    reads otherwise."""
    habits, wanted = PDF_FAULTS[name]
    path = Sender(grid="spacing", end_block="none", **habits).write(tmp_path / "通知.docx")  # type: ignore[arg-type]
    pdf = render_with_libreoffice(path, tmp_path)
    found = _found(pdf)
    assert sorted(found) == sorted(LIBREOFFICE + wanted), "\n".join(_said(pdf))
