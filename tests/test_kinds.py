"""The 报告 and the 纪要, measured against GB/T 9704-2012 in the PDF and in the .docx as
LibreOffice renders it; both outputs page alike for every kind."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import yaml

from reportkit import build
from reportkit.template import registry
from tests import samples
from tests.helpers import MM, REPO, render_with_libreoffice, text_lines

TOP, BOTTOM = 37 * MM, 262 * MM  # the type area, from the page's top
LEFT, RIGHT = 28 * MM, (28 + 156) * MM
PITCH = 28.95


def built(tmp: Path, source: Path) -> tuple[Path, Path]:
    """The source's PDF and its .docx as LibreOffice renders it."""
    out = tmp / "out"
    outcome = build.build(source, build.Options(out, formats=("docx", "pdf")))
    assert outcome.error is None, outcome.error
    name = source.name
    (tmp / "lo").mkdir(exist_ok=True)
    return out / f"{name}.pdf", render_with_libreoffice(out / f"{name}.docx", tmp / "lo")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return built(tmp_path_factory.mktemp("report"), REPO / "sources/changsha-report")


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return built(tmp_path_factory.mktemp("minutes"), REPO / "sources/changsha-minutes")


def lines_of(path: Path, page: int) -> list:
    with pdfplumber.open(path) as pdf:
        return text_lines(pdf.pages[page])


def line_with(lines: list, text: str):
    return next(line for line in lines if text in line.text)


def top(line) -> float:
    return min(c["top"] for c in line.chars)


def em_top(line) -> float:
    """The top of the line's em boxes, as GB/T 9704 measures a mark's top edge: pdfplumber's
    own top is taken from the font's bounding box, which differs from face to face."""
    size = max(c["size"] for c in line.chars)
    return line.baseline - 0.88 * size


def red(line) -> bool:
    colour = line.chars[0]["non_stroking_color"]
    return tuple(round(v, 2) for v in colour) == (1.0, 0.0, 0.0)


# the tolerance: the PDF places glyphs exactly; LibreOffice sets exact-height lines a little
# off the grid by the faces in them
TOLERANCE = {"pdf": 0.3 * MM, "docx": 1.5 * MM}


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_report_head(report, output: str) -> None:
    """发文机关标志 red, its top 35 mm below the type area's top; 文号 one character in on the
    left and 签发人 one character in on the right of one line, the name in 楷体; the red rule
    4 mm under that line; the title centred two lines below it; 主送 flush left a line later."""
    path = report[0] if output == "pdf" else report[1]
    tol = TOLERANCE[output]
    lines = lines_of(path, 0)
    mark = line_with(lines, "文件")
    assert em_top(mark) == pytest.approx(TOP + 35 * MM, abs=tol)
    assert red(mark) and abs((mark.x0 + mark.x1) / 2 - (LEFT + RIGHT) / 2) < 2
    number = line_with(lines, "〔2019〕12号")
    assert number.x0 == pytest.approx(LEFT + 16, abs=1)
    assert number.x1 == pytest.approx(RIGHT - 16, abs=1)
    assert number.text.endswith("签发人：李明")
    name = next(c for c in number.chars if c["text"] == "明")
    label = next(c for c in number.chars if c["text"] == "签")
    assert "Kai" in name["fontname"] and "Kai" not in label["fontname"]
    assert 2 * PITCH - tol < top(number) - max(c["bottom"] for c in mark.chars) < 3.5 * PITCH
    with pdfplumber.open(path) as pdf:
        rules = [r for r in pdf.pages[0].lines + pdf.pages[0].rects if r["width"] > 400]
    (rule,) = rules
    rule_y = (rule["top"] + rule["bottom"]) / 2
    assert rule_y - number.baseline == pytest.approx(4 * MM, abs=tol)
    title = line_with(lines, "关于赴长沙高新区")
    assert abs((title.x0 + title.x1) / 2 - (LEFT + RIGHT) / 2) < 2
    assert round((title.baseline - number.baseline) / PITCH) == 3  # two blank lines between
    addressee = line_with(lines, "中共济宁市委：")
    assert addressee.x0 == pytest.approx(LEFT, abs=1)
    assert round((addressee.baseline - title.baseline) / PITCH) == 2  # one blank line


@pytest.fixture(scope="module")
def report_without_seal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("report-no-seal")
    folder = samples.write_kind(tmp, "report", 1, name="no-seal")
    data = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    data["sections"] = data["sections"][:1]
    del data["signature"]["seal"]
    (folder / "report.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return built(tmp, folder)


@pytest.mark.parametrize("output", ["pdf", "docx"])
@pytest.mark.parametrize("sealed", [False, True])
def test_report_close(request, output: str, sealed: bool) -> None:
    """附件说明 two characters in; 附注 two characters in on the line after the date.  Without a
    seal (§7.3.5.2) 署名 two characters from the right, 成文日期 on the next line two characters
    right of its first; with one (§7.3.5.1) the date four characters from the right, the name
    centred over it, the seal centred on both, its top within a line of the text above."""
    report = request.getfixturevalue("report" if sealed else "report_without_seal")
    path = report[0] if output == "pdf" else report[1]
    with pdfplumber.open(path) as pdf:
        page = next(p for p in pdf.pages if "特此报告" in "".join(c["text"] for c in p.chars))
        lines = text_lines(page)
        pictures = [i for i in page.images if i["x1"] - i["x0"] < 200]
    note = line_with(lines, "附件：")
    assert note.x0 == pytest.approx(LEFT + 32, abs=1)
    name = line_with(lines, "中共济宁高新区工作委员会")
    date = line_with(lines, "2019年4月26日")
    assert round((date.baseline - name.baseline) / PITCH) == 1
    if sealed:
        assert date.x1 == pytest.approx(RIGHT - 4 * 16, abs=1.5)
        assert (name.x0 + name.x1) / 2 == pytest.approx((date.x0 + date.x1) / 2, abs=1.5)
        (seal,) = pictures
        assert seal["x1"] - seal["x0"] == pytest.approx(42 * MM, abs=0.5)
        assert (seal["x0"] + seal["x1"]) / 2 == pytest.approx((date.x0 + date.x1) / 2, abs=1.5)
        middle = (seal["top"] + seal["bottom"]) / 2
        assert middle < top(name) + 2 and middle < date.baseline  # name and date below the centre
        above = max(c["bottom"] for c in note.chars)
        assert 0 <= seal["top"] - above <= PITCH
    else:
        assert not pictures
        assert name.x1 == pytest.approx(RIGHT - 32, abs=1.5)
        assert date.x0 == pytest.approx(name.x0 + 32, abs=1.5)
    contact = line_with(lines, "（联系人")
    assert contact.x0 == pytest.approx(LEFT + 32, abs=1)
    assert round((contact.baseline - date.baseline) / PITCH) == 1


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_report_attachment_and_end_block(report, output: str) -> None:
    """附件 on a page of its own: 附件 in 黑体 flush left on the first line, its title centred on
    the third; the 版记 on the last page, an even one: 抄送 and the printing line one character
    in, the last rule on the type area's bottom edge; page numbers 7 mm below, even left."""
    path = report[0] if output == "pdf" else report[1]
    tol = TOLERANCE[output]
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) % 2 == 0
        last = pdf.pages[-1]
        lines = text_lines(last)
        rules = sorted(
            (r["top"] + r["bottom"]) / 2 for r in last.lines + last.rects if r["width"] > 400
        )
    label = lines[0]
    assert label.text == "附件" and label.x0 == pytest.approx(LEFT, abs=1)
    assert "WenQuanYi" in label.chars[0]["fontname"] or "Hei" in label.chars[0]["fontname"]
    title = line_with(lines, "主要指标对比")
    assert round((title.baseline - label.baseline) / PITCH) == 2
    assert abs((title.x0 + title.x1) / 2 - (LEFT + RIGHT) / 2) < 2
    copy = line_with(lines, "抄送：")
    assert copy.x0 == pytest.approx(LEFT + 14, abs=1)
    printing = line_with(lines, "印发")
    assert printing.x0 == pytest.approx(LEFT + 14, abs=1)
    assert printing.x1 == pytest.approx(RIGHT - 14, abs=1.5)
    # the table's rules above (the last page holds the attachment), the 版记's three below
    assert rules[-3:][-1] == pytest.approx(BOTTOM, abs=tol) and len(rules) >= 3
    number = line_with(lines, "—")
    assert top(number) == pytest.approx(BOTTOM + 7 * MM, abs=tol + 1)
    assert number.x0 == pytest.approx(LEFT + 14, abs=1)  # an even page: left, one character in


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_minutes(minutes, output: str) -> None:
    """纪要 mark red, 35 mm down; 出席/请假/列席 after the body, labels two characters in
    (§10.3) in 黑体, names in 仿宋, wrapped names aligned after the colon; the 版记 at the
    bottom of the last, even page."""
    path = minutes[0] if output == "pdf" else minutes[1]
    tol = TOLERANCE[output]
    lines = lines_of(path, 0)
    mark = line_with(lines, "纪要")
    assert em_top(mark) == pytest.approx(TOP + 35 * MM, abs=tol) and red(mark)
    lines = lines_of(path, -1)
    present = line_with(lines, "出席：")
    assert present.x0 == pytest.approx(LEFT + 32, abs=1)
    fonts = {c["text"]: c["fontname"] for c in present.chars}
    assert "WenQuanYi" in fonts["出"] or "Hei" in fonts["出"]
    assert "Fang" in fonts["李"]
    attending = line_with(lines, "列席：")
    after = lines[lines.index(attending) + 1]
    colon = next(c for c in attending.chars if c["text"] == "：")
    assert after.x0 == pytest.approx(colon["x1"], abs=1.5)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) % 2 == 0
        text = "".join(c["text"] for c in pdf.pages[-1].chars)
    assert "抄送：" in text and "印发" in text


def page_texts(path: Path) -> list[tuple[str, str, int]]:
    """Each page's first and last line (the page number left out) and its line count."""
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = [line.text for line in text_lines(page) if top(line) < BOTTOM + 3]
            out.append((lines[0], lines[-1], len(lines)) if lines else ("", "", 0))
    return out


@pytest.mark.parametrize(
    ("kind", "pages"),
    [
        ("report", 0),
        ("report", 20),
        ("report", 100),
        ("minutes", 0),
        ("minutes", 20),
        ("minutes", 100),
    ],
)
def test_both_outputs_page_alike(tmp_path: Path, kind: str, pages: int) -> None:
    """The PDF and the .docx as LibreOffice renders it start and end every page with the same
    text: the example, and generated documents of about 20 and 100 pages."""
    source = (
        REPO / f"sources/changsha-{kind}"
        if not pages
        else samples.write_kind(tmp_path, kind, pages)
    )
    pdf, docx = built(tmp_path, source)
    ours, theirs = page_texts(pdf), page_texts(docx)
    assert len(ours) == len(theirs)
    if pages:
        assert pages * 0.7 <= len(ours) <= pages * 1.3
    for number, (a, b) in enumerate(zip(ours, theirs, strict=True), start=1):
        assert a == b, number


def test_a_long_table_pages_alike(tmp_path: Path) -> None:
    """Minutes with a photo and a table of 30 rows (some of two lines) running over three
    pages: both outputs break the table before the same rows — a row that would end exactly on
    the type area's bottom edge goes to the next page, as word processors set the table's top
    border above its first row."""
    import shutil

    folder = shutil.copytree(REPO / "sources/changsha-minutes", tmp_path / "minutes")
    shutil.copy(REPO / "sources/changsha-photos/photos/park.jpg", folder / "park.jpg")
    data = yaml.safe_load((folder / "minutes.yaml").read_text(encoding="utf-8"))
    tasks = "推进重点项目建设和服务企业"
    rows = [
        [
            f"第{n}项工作任务：{tasks[: n % 5 + 6]}",
            f"责任单位{n}",
            f"{2019 + n % 3}年{n % 12 + 1}月",
        ]
        for n in range(1, 31)
    ]
    data["sections"][0]["points"][1:1] = [
        {"image": "park.jpg", "caption": "图为座谈会现场（示例照片）", "width": "70%"},
        {
            "table": {
                "caption": "表1　工作任务分解",
                "header": ["任务", "责任单位", "完成时限"],
                "rows": rows,
                "widths": [3, 1.2, 1.2],
            }
        },
    ]
    (folder / "minutes.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    pdf, docx = built(tmp_path, folder)
    ours, theirs = page_texts(pdf), page_texts(docx)
    assert len(ours) == len(theirs) >= 5
    for number, (a, b) in enumerate(zip(ours, theirs, strict=True), start=1):
        assert a == b, number


def test_end_block_after_a_blank_page(tmp_path: Path) -> None:
    """A 版记 that does not fit under text ending on an even page goes to the next even page,
    after a blank page; neither carries a page number (§7.5) — in both outputs."""
    from reportkit.build import _document
    from reportkit.layout.paginate import paginate
    from reportkit.typeset.metrics import StandardMetrics

    template = registry.load("gbt9704-report")
    found = None
    for extra in range(0, 60):
        source = samples.write_kind(tmp_path / f"t{extra}", "report", 2, name="blank")
        data = yaml.safe_load((source / "report.yaml").read_text(encoding="utf-8"))
        del data["attachments"]  # the text ends the flow
        data["closing"] = [f"补充说明第{n}条，请各单位认真落实。" for n in range(extra)]
        (source / "report.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
        document, _ = _document(source, build.Options(tmp_path), build.Outcome(source))
        if (
            paginate(document, template.profile, StandardMetrics(template.profile)).anchored
            == "after_blank"
        ):
            found = source
            break
    assert found is not None
    pdf, docx = built(tmp_path / "built", found)
    for path in (pdf, docx):
        with pdfplumber.open(path) as document:
            pages = ["".join(c["text"] for c in p.chars) for p in document.pages]
        assert len(pages) % 2 == 0
        assert pages[-2] == ""  # the blank page
        assert "印发" in pages[-1] and "—" not in pages[-1]  # the 版记 alone, unnumbered
        assert "—" in pages[-3]


def test_report_errors_name_file_line_and_field(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "report.yaml").write_text(
        "kind: report\nissuer: 某某区委\nnumber: {code: 某区委, year: 19, serial: 0}\n"
        "title: 关于某事的报告\naddressee: 某某市委\nlead: 正文。\n"
        "signature: {name: 某某区委, date: 2024-02-30}\n"
        "distribution: {printer: 某某区委办公室, date: 2024-05-08}\nsigner: 李明\n",
        encoding="utf-8",
    )
    outcome = build.build(folder, build.Options(tmp_path / "out"))
    assert outcome.error is not None
    file = folder / "report.yaml"
    assert [str(p) for p in outcome.error.problems] == [
        f"{file}:3: number.year: 错误：“year”（年份）应不小于 1900",
        f"{file}:3: number.serial: 错误：“serial”（序号）应不小于 1",
        f"{file}:1: signers: 错误：缺少必填字段“signers”（签发人）",
        f"{file}:7: signature.date: 错误：日期“2024-02-30”不对：没有这一天，请检查月份和日期",
        f"{file}:9: signer: 错误：不认识的字段“signer”，是否应为“signers”？",
    ]
    assert not (tmp_path / "out").exists()


def test_a_seal_without_a_transparent_background_is_refused(tmp_path: Path) -> None:
    """A seal scanned as a JPEG (white around the red) would hide the name and date under it:
    refused with the file, line and field, nothing written."""
    from PIL import Image

    folder = samples.write_kind(tmp_path, "report", 1, name="scanned")
    Image.new("RGB", (300, 300), "white").save(folder / "seal.jpg", "JPEG")
    data = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    data["signature"]["seal"] = "seal.jpg"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "report.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "seal: seal.jpg" in row)
    outcome = build.build(folder, build.Options(tmp_path / "out"))
    assert outcome.error is not None
    assert [str(p) for p in outcome.error.problems] == [
        f"{folder / 'report.yaml'}:{line}: signature.seal: 错误：印章图片“seal.jpg”没有透明的背景，"
        "会遮住署名和日期：请用背景透明的 PNG 印章图片"
    ]
    assert not (tmp_path / "out").exists()
