"""The 报告 and the 纪要 as GB/T 9704-2012 sets their pages, measured on sources of our own in
the PDF (pdfplumber's glyph positions) and in the .docx as LibreOffice renders it: the 文号 two
blank lines under the mark, lead sentences in the face of their level, a run-in 三是 never
split, the signature without a seal two characters from the right, page numbers of a 版记 page
(§7.5), and 出席/请假/列席 after the body or, by a template, before it (§10.3)."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml

from reportkit import build
from reportkit.errors import TemplateError
from reportkit.layout.pages import Pages
from reportkit.layout.paginate import paginate
from reportkit.template import registry
from reportkit.typeset.metrics import StandardMetrics
from tests.helpers import MM, REPO, Line, docx_text, render_with_libreoffice, text_lines

TOP, BOTTOM = 37 * MM, 262 * MM  # the type area, from the page's top
LEFT, RIGHT = 28 * MM, (28 + 156) * MM
PITCH = 28.95
CHAR = 16  # 三号
# the PDF places glyphs exactly; LibreOffice sets exact-height lines a little off the grid
TOLERANCE = {"pdf": 0.3, "docx": 1.5 * MM}

# A 报告 as an office writes one: a 9-character issuer (longer than its date by less than two
# characters), all four heading levels, a 附注, no seal.
REPORT: dict[str, Any] = {
    "kind": "report",
    "issuer": "某某县发展和改革局",
    "mark": "某某县发展和改革局文件",
    "number": {"code": "某发改", "year": 2024, "serial": 15},
    "signers": ["王某某"],
    "title": "关于2024年上半年重点项目推进情况的报告",
    "addressee": "某某县人民政府",
    "lead": ["现将我局上半年重点项目推进情况报告如下。"],
    "sections": [
        {
            "heading": "项目推进总体情况",
            "points": [
                {
                    "lead": "项目开工情况良好。",
                    "text": "上半年新开工项目28个，完成投资45.6亿元，占年度计划的52%。",
                }
            ],
        },
        {
            "heading": "主要做法",
            "numbering": "1.",
            "points": [
                {
                    "lead": "建立项目专班推进机制。",
                    "text": "对重点项目实行一个项目、一名领导、一个专班、一抓到底。",
                },
                {"lead": "强化要素保障。", "text": "统筹用地、用能、资金等要素向重点项目倾斜。"},
            ],
        },
        {
            "heading": "存在的问题",
            "numbering": "（1）",
            "points": [
                {
                    "lead": "部分项目前期手续办理较慢。",
                    "text": "个别项目受规划调整影响，开工时间推迟。",
                }
            ],
        },
    ],
    "closing": ["特此报告。"],
    "signature": {"name": "某某县发展和改革局", "date": "2024-07-15"},
    "note": "（联系人：李某，电话：0000-0000000）",
    "distribution": {
        "cc": ["某某市发展和改革委员会"],
        "printer": "某某县发展和改革局办公室",
        "date": "2024-07-16",
    },
}

PEOPLE = [
    ("县人民政府", "副县长", "王某某"),
    ("县发展和改革局", "局长", "李某"),
    ("县财政局", "局长", "张某某"),
    ("县自然资源和规划局", "局长", "赵某"),
    ("县住房和城乡建设局", "局长", "孙某某"),
    ("县生态环境分局", "局长", "周某"),
]

# A 纪要: people with unit and position in lists that wrap, run-in 一、 points (黑体), and a
# paragraph of points run on (一是……二是……三是……).
MINUTES: dict[str, Any] = {
    "kind": "minutes",
    "mark": "重点项目推进会议纪要",
    "issue": 3,
    "unit": "某某县人民政府办公室",
    "date": "2024-06-12",
    "title": "关于推进重点项目建设的会议纪要",
    "attendance": {
        "present": [{"unit": u, "position": p, "name": n} for u, p, n in PEOPLE],
        "absent": [{"unit": "县交通运输局", "position": "局长", "name": "吴某（出差）"}],
        "attending": ["县人民政府办公室有关负责同志", "各乡镇人民政府分管负责同志"],
    },
    "lead": ["6月12日，副县长王某某主持召开重点项目推进会议，研究了项目建设中的问题。现纪要如下。"],
    "sections": [
        {
            "numbering": "一、",
            "points": [
                {"lead": "关于项目手续办理。", "text": "会议要求，各审批部门压缩办理时限。"},
                {"lead": "关于要素保障。", "text": "会议明确，用地指标优先保障重点项目。"},
            ],
        },
        {
            "numbering": "一是",
            "run_on": True,
            "intro": "会议强调：",
            "points": [
                {"lead": "抓项目。", "text": "加快推进重点项目建设。"},
                {"lead": "抓招商。", "text": "围绕主导产业开展精准招商。"},
                {"lead": "抓服务。", "text": "持续优化营商环境。"},
            ],
        },
    ],
    "closing": ["会议要求，各单位明确责任，抓好落实。"],
    "distribution": {
        "cc": ["县委办公室"],
        "printer": "某某县人民政府办公室",
        "date": "2024-06-13",
    },
}


def write(folder: Path, kind: str, data: dict[str, Any]) -> Path:
    """A source folder holding ``data`` as ``kind``.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / f"{kind}.yaml").write_text(text, encoding="utf-8")
    return folder


def built(folder: Path, template: str | None = None) -> dict[str, Path]:
    """The source's PDF, and its .docx as LibreOffice renders it."""
    out = folder.parent / f"{folder.name}-out"
    outcome = build.build(folder, build.Options(out, formats=("docx", "pdf"), template=template))
    assert outcome.error is None, outcome.error
    lo = folder.parent / f"{folder.name}-lo"
    lo.mkdir(exist_ok=True)
    docx = render_with_libreoffice(out / f"{folder.name}.docx", lo)
    return {"pdf": out / f"{folder.name}.pdf", "docx": docx}


def laid_out(folder: Path, template: str | None = None) -> Pages:
    """The source's pages as the layout makes them (no output written)."""
    options = build.Options(folder.parent / "unused", template=template)
    document, chosen = build._document(folder, options, build.Outcome(folder))
    return paginate(document, chosen.profile, StandardMetrics(chosen.profile), glyphs=False)


def pages_of(path: Path) -> list[list[Line]]:
    with pdfplumber.open(path) as pdf:
        return [text_lines(page) for page in pdf.pages]


def line_with(lines: list[Line], text: str) -> Line:
    return next(line for line in lines if text in line.text)


def exactly(lines: list[Line], text: str) -> Line:
    return next(line for line in lines if line.text == text)


def fonts(line: Line, text: str) -> set[str]:
    """The faces of ``text``'s characters in ``line``."""
    start = line.text.index(text)
    return {c["fontname"].split("+")[-1] for c in line.chars[start : start + len(text)]}


def face(names: set[str]) -> str:
    """黑体, 楷体 or 仿宋, from the open stand-ins' names."""
    (name,) = names
    for key, shown in (("Hei", "黑体"), ("Kai", "楷体"), ("Fang", "仿宋")):
        if key in name:
            return shown
    return name


def grid_line(baseline: float, size: float = CHAR) -> float:
    """The grid line (0 the first) a line of ``size`` with this baseline is set on."""
    em_centre = baseline - size * (0.88 - 0.5)
    return (em_centre - TOP) / PITCH - 0.5


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(write(tmp_path_factory.mktemp("report") / "report", "report", REPORT))


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = write(
        tmp_path_factory.mktemp("sealed") / "sealed",
        "report",
        {**REPORT, "signature": {**REPORT["signature"], "seal": "seal.png"}},
    )
    shutil.copy(REPO / "sources/changsha-report/seal.png", folder / "seal.png")
    return built(folder)


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(write(tmp_path_factory.mktemp("minutes") / "minutes", "minutes", MINUTES))


# the 版头: the 文号 two blank lines below the mark (§7.2.4, §7.2.5) -------------------------


@pytest.mark.parametrize("output", ["pdf", "docx"])
@pytest.mark.parametrize("kind", ["report", "minutes"])
def test_the_number_line_two_blank_lines_below_the_mark(request, kind: str, output: str) -> None:
    """The mark's top 35 mm below the type area's top (its 初号 glyphs end on grid line 5);
    lines 6 and 7 blank; the 文号 (a 纪要's 期号) on line 8 — not a line lower, as when the
    mark's two-line box, not its glyphs, decided where the next line went."""
    lines = pages_of(request.getfixturevalue(kind)[output])[0]
    tol = TOLERANCE[output]
    mark = line_with(lines, "纪要" if kind == "minutes" else "文件")
    size = max(c["size"] for c in mark.chars)
    assert size == pytest.approx(42, abs=0.5)
    assert mark.baseline - 0.88 * size == pytest.approx(TOP + 35 * MM, abs=tol)
    glyphs_end = mark.baseline + 0.12 * size
    assert int((glyphs_end - TOP) / PITCH) == 4  # the mark's glyphs end on grid line 5
    number = line_with(lines, "〔2024〕15号" if kind == "report" else "第3期")
    assert grid_line(number.baseline) == pytest.approx(7, abs=tol / PITCH)  # line 8
    assert not [line for line in lines if mark.baseline < line.baseline < number.baseline]


# lead sentences in the face of their level (§7.3.3) ---------------------------------------


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_each_level_sets_its_lead_sentence_in_its_own_face(report, minutes, output: str) -> None:
    """一、 黑体 (a heading, or a point run in), （一） 楷体, 1. and （1） 仿宋 as the text
    after them: a level-3 lead sentence is not set in 楷体."""
    text = [line for page in pages_of(report[output]) for line in page]
    assert face(fonts(line_with(text, "一、项目推进总体情况"), "项目推进")) == "黑体"
    point = line_with(text, "（一）项目开工情况良好。")
    assert face(fonts(point, "项目开工情况良好")) == "楷体"
    assert face(fonts(point, "上半年新开工")) == "仿宋"
    for lead in ("1.建立项目专班推进机制。", "2.强化要素保障。", "（1）部分项目前期"):
        line = line_with(text, lead)
        assert face(fonts(line, lead[-6:-1])) == "仿宋", lead
    notes = [line for page in pages_of(minutes[output]) for line in page]
    run_in = line_with(notes, "一、关于项目手续办理。")
    assert face(fonts(run_in, "关于项目手续办理")) == "黑体"
    assert face(fonts(run_in, "会议要求")) == "仿宋"
    run_on = line_with(notes, "一是抓项目。")
    assert face(fonts(run_on, "抓项目")) == "楷体"


# the signature without a seal and with one (§7.3.5) ----------------------------------------


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_the_signature_without_a_seal_two_characters_from_the_right(report, output: str) -> None:
    """The issuer's last character ends two characters (2 × 16 pt) from the type area's right
    edge; the date starts two characters right of the name's first character.  The date
    (7.6 characters) is shorter than the name (8.9), so it ends nearer the edge: §7.3.5.2
    moves the name left only for a date longer than the name."""
    tol = 0.3 if output == "pdf" else 1.0
    lines = [line for page in pages_of(report[output]) for line in page]
    name = exactly(lines, "某某县发展和改革局")
    date = exactly(lines, "2024年7月15日")
    assert RIGHT - name.x1 == pytest.approx(2 * CHAR, abs=tol)
    assert date.x0 - name.x0 == pytest.approx(2 * CHAR, abs=tol)
    assert RIGHT - date.x1 < 1.5 * CHAR
    assert round((date.baseline - name.baseline) / PITCH) == 1


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_with_a_seal_the_date_four_characters_from_the_right(sealed, output: str) -> None:
    """§7.3.5.1: the date's last character four characters from the right edge, the name
    centred over the date, the seal centred on both."""
    tol = 0.3 if output == "pdf" else 1.0
    with pdfplumber.open(sealed[output]) as pdf:
        page = next(p for p in pdf.pages if "特此报告" in "".join(c["text"] for c in p.chars))
        lines = text_lines(page)
        (seal,) = [i for i in page.images if i["x1"] - i["x0"] < 200]
    name = exactly(lines, "某某县发展和改革局")
    date = exactly(lines, "2024年7月15日")
    assert RIGHT - date.x1 == pytest.approx(4 * CHAR, abs=tol)
    assert (name.x0 + name.x1) / 2 == pytest.approx((date.x0 + date.x1) / 2, abs=tol + 0.5)
    assert (seal["x0"] + seal["x1"]) / 2 == pytest.approx((date.x0 + date.x1) / 2, abs=1.5)


# page numbers of a 版记 page (§7.5) --------------------------------------------------------


def page_numbers(path: Path) -> list[str]:
    """What stands below the type area of each page."""
    with pdfplumber.open(path) as pdf:
        return [
            "".join(c["text"] for c in p.chars if c["top"] > BOTTOM + 3 and c["text"].strip())
            for p in pdf.pages
        ]


def end_alone(root: Path, placed: str) -> Path:
    """The report with as many closing paragraphs as put its 版记 on a page of its own — after
    a blank page (``after_blank``) or straight after the text (``own_page``)."""
    for extra in range(40):
        data = {**REPORT, "closing": [f"补充说明第{n + 1}条，请认真落实。" for n in range(extra)]}
        folder = write(root / f"{placed}-{extra}", "report", data)
        if laid_out(folder).anchored == placed:
            return folder
    raise AssertionError(f"no length of the report puts its 版记 {placed}")


@pytest.mark.parametrize(
    ("placed", "last_two"),
    [
        ("own_page", ["—3—", "—4—"]),  # text ends on page 3 (odd): the 版记 alone on page 4
        ("after_blank", ["", ""]),  # text ends on page 2: blank page 3, 版记 page 4, unnumbered
    ],
)
def test_a_page_holding_only_the_end_block_is_numbered_unless_a_blank_page_precedes_it(
    tmp_path: Path, placed: str, last_two: list[str]
) -> None:
    """§7.5 leaves numbers off a blank page and the 版记 page after it only: a 版记 alone on
    its page with no blank page before it carries its number — in both outputs."""
    outputs = built(end_alone(tmp_path, placed))
    for output, path in outputs.items():
        numbers = page_numbers(path)
        assert len(numbers) == 4, output
        assert numbers[:2] == ["—1—", "—2—"], output
        assert numbers[2:] == last_two, output
        with pdfplumber.open(path) as pdf:
            last = "".join(c["text"] for c in pdf.pages[-1].chars if c["top"] < BOTTOM)
        assert last.startswith("抄送：") and last.endswith("印发"), output


def test_which_pages_go_unnumbered_is_the_templates(tmp_path: Path) -> None:
    """``page_number.skip: [blank, end_only]``: a template may leave every 版记 page alone
    unnumbered."""
    folder = end_alone(tmp_path, "own_page")
    template = tmp_path / "unnumbered"
    template.mkdir()
    (template / "template.yaml").write_text(
        "extends: gbt9704-report\nname: unnumbered\npage_number: {skip: [blank, end_only]}\n",
        encoding="utf-8",
    )
    pages = laid_out(folder, str(template))
    assert [p.number for p in pages.pages] == [1, 2, 3, None]


# the 纪要's attendance (§10.3) -------------------------------------------------------------

BEFORE_BODY = """\
extends: gbt9704-minutes
name: minutes-attendance-first
parts:
  - {part: text, style: issuer_mark, field: mark}
  - {part: space, lines: 2}
  - {part: text, style: minutes_number, piece: minutes_number}
  - {part: text, style: doc_number, field: unit, right: [{piece: minutes_date}]}
  - {part: rule, rule: issuer}
  - {part: space, lines: 2}
  - {part: title, style: title, field: title}
  - part: attendance
    style: attendance
    field: attendance
    piece: attendees
    labels: {present: 出席, absent: 请假, attending: 列席}
    runs: [{style: attendance_label}]
  - {part: body}
  - part: end_block
    style: end_matter
    piece: end_matter_line
    labels: {distribution.cc: 抄送}
    runs: [{field: distribution.printer}]
    right: [{piece: print_date}]
    rules: {first: end_first, between: end_middle, last: end_last}
    even_page: true
"""


@pytest.fixture(scope="module")
def minutes_first(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("first")
    template = root / "template"
    template.mkdir()
    (template / "template.yaml").write_text(BEFORE_BODY, encoding="utf-8")
    return built(write(root / "minutes", "minutes", MINUTES), str(template))


PRESENT = "，".join(u + p + n for u, p, n in PEOPLE)


def check_attendance(lines: list[Line], tol: float) -> list[Line]:
    """出席, 请假, 列席 each from a new line, the label two characters in and in 黑体 with its
    colon, the people in 仿宋 run together, wrapped lines starting under the first character
    after the colon; the lines of the block, in order."""
    start = lines.index(line_with(lines, "出席："))
    end = lines.index(line_with(lines, "列席：")) + 2
    block = lines[start:end]
    assert "".join(line.text for line in block) == (
        f"出席：{PRESENT}请假：县交通运输局局长吴某（出差）"
        "列席：县人民政府办公室有关负责同志，各乡镇人民政府分管负责同志"
    )
    for label in ("出席：", "请假：", "列席："):
        line = line_with(block, label)
        assert line.text.startswith(label)
        assert line.x0 == pytest.approx(LEFT + 2 * CHAR, abs=1)
        assert face(fonts(line, label)) == "黑体"
        assert face(fonts(line, line.text[3:5])) == "仿宋"
    after_colon = LEFT + 5 * CHAR
    wrapped = [line for line in block if line.text[:3] not in ("出席：", "请假：", "列席：")]
    assert len(wrapped) == 4  # the 出席 list takes four lines, the 列席 list two
    for line in wrapped:
        assert line.x0 == pytest.approx(after_colon, abs=1.5)
    for above, below in itertools.pairwise(block):
        assert (below.baseline - above.baseline) == pytest.approx(PITCH, abs=tol)
    return block


@pytest.fixture(scope="module")
def minutes_longer(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The minutes with a longer closing: the body ends half-way down page 2."""
    closing = [f"会议要求，第{n}项工作由牵头单位抓好落实。" for n in range(1, 8)]
    folder = tmp_path_factory.mktemp("longer") / "longer"
    return built(write(folder, "minutes", {**MINUTES, "closing": closing}))


@pytest.mark.parametrize("output", ["pdf", "docx"])
@pytest.mark.parametrize("source", ["minutes_longer", "minutes"])
def test_attendance_after_the_body_one_blank_line_down(request, source: str, output) -> None:
    """The template's default order (§10.3): the body, one blank line, then the lists — or,
    where the body fills its page, the lists from the first line of the next (a blank line
    is none at the top of a page, in either output)."""
    tol = TOLERANCE[output]
    pages = pages_of(request.getfixturevalue(source)[output])
    lines = [line for page in pages for line in page]
    block = check_attendance(lines, tol)
    closing = [line for line in lines if "抓好落实。" in line.text][-1]
    assert lines.index(closing) < lines.index(block[0])
    page = next(page for page in pages if block[0] in page)
    if closing in page:
        assert grid_line(block[0].baseline) - grid_line(closing.baseline) == pytest.approx(
            2, abs=tol / PITCH
        )
    else:
        assert source == "minutes" and page[0] is block[0]
        assert grid_line(block[0].baseline) == pytest.approx(0, abs=tol / PITCH)


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_a_template_may_put_the_attendance_before_the_body(minutes_first, output: str) -> None:
    """The same source with the parts of a template that lists the attendance before the body:
    one blank line under the title, the body's first paragraph on the line after the lists."""
    tol = TOLERANCE[output]
    lines = pages_of(minutes_first[output])[0]
    block = check_attendance(lines, tol)
    title = line_with(lines, "关于推进重点项目建设的会议纪要")
    after_title = grid_line(block[0].baseline) - grid_line(title.baseline, 22)
    assert after_title == pytest.approx(2, abs=tol / PITCH)
    lead = line_with(lines, "6月12日，")
    assert grid_line(lead.baseline) - grid_line(block[-1].baseline) == pytest.approx(
        1, abs=tol / PITCH
    )


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_both_orders_give_the_same_text_on_pages_alike(minutes, minutes_first, output) -> None:
    """Moving the block changes where it stands, nothing of the text; each order's PDF and
    .docx start and end every page with the same line."""
    assert page_texts(minutes["pdf"]) == page_texts(minutes["docx"])
    assert page_texts(minutes_first["pdf"]) == page_texts(minutes_first["docx"])

    def squeezed(path: Path) -> str:
        return "".join(sorted("".join(page_texts(path, whole=True))))

    assert squeezed(minutes[output]) == squeezed(minutes_first[output])


def page_texts(path: Path, whole: bool = False) -> list[str]:
    """Each page's first and last line (``whole``: all its text), page numbers left out."""
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = [line.text for line in text_lines(page) if line.chars[0]["top"] < BOTTOM]
            out.append("".join(lines) if whole else f"{lines[0]}|{lines[-1]}")
    return out


def test_an_attendee_without_a_name_is_named_at_its_field(tmp_path: Path) -> None:
    data = {**MINUTES, "attendance": {"present": [{"unit": "县财政局", "position": "局长"}]}}
    folder = write(tmp_path / "bad", "minutes", data)
    outcome = build.build(folder, build.Options(tmp_path / "out"))
    assert outcome.error is not None
    text = (folder / "minutes.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(text, 1) if "unit: 县财政局" in row)
    assert [str(p) for p in outcome.error.problems] == [
        f"{folder / 'minutes.yaml'}:{line}: attendance.present[0].name: "
        "错误：缺少必填字段“name”（名称/姓名）"
    ]
    assert not (tmp_path / "out").exists()


# a run-in 三是 never split ------------------------------------------------------------------


def run_on_lines(folder: Path, template: str | None = None) -> list[str]:
    """The text of the run-on paragraph's lines, as laid out with ``template``."""
    options = build.Options(folder.parent / "unused", template=template)
    document, chosen = build._document(folder, options, build.Outcome(folder))
    pages = paginate(document, chosen.profile, StandardMetrics(chosen.profile))
    lines: list[str] = []
    for page in pages.pages:
        rows: dict[float, list[Any]] = {}
        for run in page.runs:
            if run.style != "page_number":
                rows.setdefault(round(run.baseline, 2), []).append(run)
        for _, runs in sorted(rows.items()):
            lines.append("".join(r.text for r in sorted(runs, key=lambda r: r.x)))
    return paragraph(lines)


def paragraph(lines: list[str]) -> list[str]:
    """The lines of the run-on paragraph (会议强调…) among a document's."""
    start = next(i for i, line in enumerate(lines) if line.startswith("会议强调"))
    end = next(i for i, line in enumerate(lines) if line.startswith("会议要求"))
    return lines[start:end]


def split(lines: list[str]) -> list[str]:
    """Line ends that part a point's number from itself or from its first character."""
    return [
        f"{a}|{b}"
        for a, b in itertools.pairwise(lines)
        if a.endswith(("一", "二", "三", "是")) and (b[:1] == "是" or a.endswith("是"))
    ]


def test_a_run_in_number_is_never_split(tmp_path: Path) -> None:
    """For every length of the sentence before the points, no line ends in 三 with 是 on the
    next, nor in 三是 with the point's first character on the next — while without the
    template's ``keep_with_number`` some lengths would split them."""
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "template.yaml").write_text(
        "extends: gbt9704-minutes\nname: loose\nline_breaking: {keep_with_number: 0}\n",
        encoding="utf-8",
    )
    unkept: list[str] = []
    for length in range(28):
        data = yaml.safe_load(yaml.safe_dump(MINUTES, allow_unicode=True))
        data["sections"][1]["intro"] = "会议强调" + "要" * length + "。"
        folder = write(tmp_path / f"m{length}", "minutes", data)
        assert split(run_on_lines(folder)) == [], length
        unkept += split(run_on_lines(folder, str(loose)))
    assert unkept, "some length splits a number when nothing keeps it"


def with_intro(root: Path, length: int) -> Path:
    """The minutes with ``length`` characters more in the sentence before the run-on points."""
    data = yaml.safe_load(yaml.safe_dump(MINUTES, allow_unicode=True))
    data["sections"][1]["intro"] = "会议强调" + "要" * length + "。"
    return write(root / "kept", "minutes", data)


def test_the_docx_joins_a_run_in_number_to_what_follows(tmp_path: Path) -> None:
    """Inside a paragraph the .docx puts a joiner (U+200D, Word's no-width non break) between a
    point's number and the character after it, and inside the number (二‍是‍抓); not at a
    paragraph's start (一、), where no line breaks so soon."""
    folder = with_intro(tmp_path, 2)
    outcome = build.build(folder, build.Options(tmp_path / "out", formats=("docx",)))
    assert outcome.error is None, outcome.error
    paragraphs = docx_text(tmp_path / "out" / "kept.docx").splitlines()
    run_on = next(p for p in paragraphs if p.startswith("会议强调"))
    joiner = "\u200d"
    assert run_on == (
        f"会议强调要要。一{joiner}是{joiner}抓项目。加快推进重点项目建设。"
        f"二{joiner}是{joiner}抓招商。围绕主导产业开展精准招商。"
        f"三{joiner}是{joiner}抓服务。持续优化营商环境。"
    )
    assert "一、关于项目手续办理。会议要求，各审批部门压缩办理时限。" in paragraphs


@pytest.mark.xfail(
    strict=True,
    reason="LibreOffice (7.4) breaks Chinese text between any two characters its "
    "forbidden-character lists allow, beside a joiner too",
)
def test_both_outputs_keep_a_run_in_number_whole(tmp_path: Path) -> None:
    """Where a line would otherwise end in …。二是 (a sentence of 2 characters more before
    the points), the PDF and the .docx as a word processor sets it break the paragraph at the
    same places (the joiners take no room in LibreOffice, but do not hold there)."""
    outputs = built(with_intro(tmp_path, 2))
    texts = {}
    for output, path in outputs.items():
        lines = [line.text for page in pages_of(path) for line in page]
        texts[output] = paragraph([line for line in lines if "—" not in line])
        assert split(texts[output]) == [], output
    assert texts["pdf"] == texts["docx"]


# template data the rules above read ---------------------------------------------------------


def test_a_lead_style_that_is_not_a_character_style_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bad-template"
    folder.mkdir()
    (folder / "template.yaml").write_text(
        "extends: gbt9704-report\nname: bad\nnumbering:\n"
        '  "1.": {pattern: "{n}.", numerals: arabic, lead_style: heading}\n'
        '  一、: {pattern: "{n}、", numerals: chinese, lead_style: 黑体}\n',
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as caught:
        registry.load(str(folder))
    file = folder / "template.yaml"
    assert [str(p) for p in caught.value.problems] == [
        f"{file}:4: numbering.1..lead_style: 错误：要点首句样式“heading”不是字符样式"
        "（character: true）。可以写：body、runin、runin_heading、signer_name",
        f"{file}:5: numbering.一、.lead_style: 错误：要点首句样式“黑体”不在 styles 中。"
        "可以写：body、runin、runin_heading、signer_name",
    ]
