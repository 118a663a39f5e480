"""reportkit check: every document reportkit builds passes; a copy with one fault introduced
is caught at its place and nothing else is said; documents other offices type in Word are
read as Word formats them; the command's report, JSON, annotated copy and exit status."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree

from reportkit import build
from reportkit.check.docx.read import read
from reportkit.check.docx.resolve import slot
from reportkit.check.run import check_file
from tests import samples
from tests.helpers import REPO, cli
from tests.officedocs import office_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
KINDS = ("changsha", "changsha-report", "changsha-minutes", "changsha-photos")


def _build(source: Path, out: Path, template: str | None = None) -> tuple[Path, Path]:
    outcome = build.build(source, build.Options(out, ("docx", "pdf"), template))
    assert outcome.error is None, outcome.error
    docx_path = next(p for p, _, _ in outcome.written if p.suffix == ".docx")
    return docx_path, docx_path.with_suffix(".pdf")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every example source and generated documents of every kind and length, as .docx and
    PDF."""
    root = tmp_path_factory.mktemp("built")
    sources = {name: REPO / "sources" / name for name in KINDS}
    for pages in (1, 12):
        sources[f"bulletin-{pages}"] = samples.write_bulletin(root, pages, f"b{pages}", pages)
    figures = samples.write_bulletin(root, 6, "figures")
    samples.add_figures(figures, 3, 2)
    sources["figures"] = figures
    for kind, lengths in (("report", (3, 9)), ("minutes", (2, 7))):
        for pages in lengths:
            sources[f"{kind}-{pages}"] = samples.write_kind(root, kind, pages)
    return {name: _build(source, root / "out") for name, source in sources.items()}


def test_every_document_reportkit_builds_passes(built: dict[str, tuple[Path, Path]]) -> None:
    for name, (docx_path, pdf_path) in built.items():
        for path in (docx_path, pdf_path):
            result = check_file(path)
            assert [str(f) for f in result.findings] == [], name
        # the .docx's pages, estimated, are the PDF's
        assert check_file(docx_path).pages == check_file(pdf_path).pages, name


def test_kinds_are_recognised(built: dict[str, tuple[Path, Path]]) -> None:
    wanted = {"changsha": "bulletin", "changsha-report": "report", "changsha-minutes": "minutes"}
    for name, kind in wanted.items():
        for path in built[name]:
            result = check_file(path)
            assert (result.kind, result.template) == (kind, f"gbt9704-{kind}")


# faults in a .docx, introduced as a clerk would ----------------------------------------------


def _copy(source: Path, target: Path, **edits: Callable[[etree._Element], None]) -> Path:
    """``source`` with each part named (document, styles, footer1 …) edited, saved as Word
    saves a file it edited."""
    with zipfile.ZipFile(source) as zf:
        parts = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    for name, edit in edits.items():
        part = f"word/{name}.xml"
        root = etree.fromstring(parts[part])
        edit(root)
        parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    app = etree.fromstring(parts["docProps/app.xml"])
    app.find(f"{EP}Application").text = "Microsoft Office Word"  # type: ignore[union-attr]
    parts["docProps/app.xml"] = etree.tostring(app)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    target.write_bytes(out.getvalue())
    return target


def _paragraphs(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(f"{W}p"))


def _numbered(root: etree._Element, text: str) -> tuple[int, etree._Element]:
    """The number (as check counts them) and element of the first paragraph starting
    ``text``."""
    for number, p in enumerate(_paragraphs(root), 1):
        if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith(text):
            return number, p
    raise AssertionError(text)


def _run_property(p: etree._Element, tag: str, **attrs: str) -> None:
    """Set ``tag`` in every run of ``p`` (in its place in w:rPr: after rStyle and rFonts)."""
    for r in p.iter(f"{W}r"):
        rpr = r.find(f"{W}rPr")
        if rpr is None:
            rpr = etree.SubElement(r, f"{W}rPr")
            r.insert(0, rpr)
        found = rpr.find(f"{W}{tag}")
        if found is None:
            found = etree.SubElement(rpr, f"{W}{tag}")
            if tag == "rFonts":
                after = rpr.find(f"{W}rStyle")
                rpr.insert(1 if after is not None else 0, found)
        for key, value in attrs.items():
            found.set(f"{W}{key}", value)


BODY = "4月14日至15日"  # the report's first body paragraph
POINT = "（二）精准招商实现产业强链补链。"
HEADING = "二、下一步工作打算"
TITLE = "关于赴长沙高新区学习考察情况的报告"


def _faces(text: str, face: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        _run_property(_numbered(root, text)[1], "rFonts", eastAsia=face)

    return edit


def _size(text: str, half_points: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        _run_property(_numbered(root, text)[1], "sz", val=half_points)

    return edit


def _line(text: str, twips: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        p = _numbered(root, text)[1]
        p.find(f"{W}pPr").append(  # type: ignore[union-attr]
            etree.fromstring(
                f'<w:spacing xmlns:w="{W[1:-1]}" w:line="{twips}" w:lineRule="exact"/>'
            )
        )

    return edit


def _margin(root: etree._Element) -> None:
    for margins in root.iter(f"{W}pgMar"):
        margins.set(f"{W}left", "1701")  # 30 mm


def _no_number(root: etree._Element) -> None:
    for p in _paragraphs(root):
        p.getparent().remove(p)  # type: ignore[union-attr]
    etree.SubElement(root, f"{W}p")


def _text_box(text: str) -> Callable[[etree._Element], None]:
    """A text box drawn from the paragraph starting ``text`` (Word 2010's shape)."""

    def edit(root: etree._Element) -> None:
        p = _numbered(root, text)[1]
        ns = {
            "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
            "a": A[1:-1],
            "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        }
        xml = (
            f'<w:r xmlns:w="{W[1:-1]}" xmlns:wp="{ns["wp"]}" xmlns:a="{ns["a"]}" xmlns:wps="{ns["wps"]}">'
            '<w:drawing><wp:anchor><wp:extent cx="1270000" cy="381000"/><a:graphic><a:graphicData>'
            "<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>联系电话：1234</w:t>"
            "</w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></w:r>"
        )
        p.append(etree.fromstring(xml))

    return edit


def _tracked(text: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        p = _numbered(root, text)[1]
        run = p.findall(f"{W}r")[-1]
        insertion = etree.Element(f"{W}ins", {f"{W}id": "9", f"{W}author": "张三"})
        run.addprevious(insertion)
        insertion.append(run)

    return edit


def _spacer(text: str) -> Callable[[etree._Element], None]:
    """An empty paragraph typed before the paragraph starting ``text``."""

    def edit(root: etree._Element) -> None:
        p = _numbered(root, text)[1]
        p.addprevious(etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}"/>'))

    return edit


def _page_before_end_block(root: etree._Element) -> None:
    """A page break before the 版记 (its anchor paragraph): the 版记 goes to page 3."""
    paragraphs = _paragraphs(root)
    anchor = next(
        p
        for i, p in enumerate(paragraphs)
        if paragraphs[i + 1].find(f"{W}pPr/{W}framePr") is not None
    )
    ppr = anchor.find(f"{W}pPr")
    ppr.insert(1, etree.Element(f"{W}pageBreakBefore"))  # type: ignore[union-attr]


def _no_hint(text: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        for fonts in _numbered(root, text)[1].iter(f"{W}rFonts"):
            fonts.attrib.pop(f"{W}hint", None)

    return edit


def _theme_body(face: str) -> Callable[[etree._Element], None]:
    """The body's Chinese face taken from the theme (minorEastAsia), the theme's face ``face``."""

    def edit(root: etree._Element) -> None:
        for fonts in root.iter(f"{W}rFonts"):
            if fonts.get(f"{W}eastAsia") == "仿宋_GB2312":
                del fonts.attrib[f"{W}eastAsia"]
                fonts.set(f"{W}eastAsiaTheme", "minorEastAsia")

    return edit


def _doc_number(root: etree._Element) -> None:
    for t in root.iter(f"{W}t"):
        if t.text and "〔2019〕" in t.text:
            t.text = t.text.replace("〔2019〕12号", "[2019]012号")


REPORT_FAULTS = {
    "a different body face": (
        {"document": _faces(BODY, "宋体")},
        [("text.font", BODY, "error")],
    ),
    "a heading in the wrong face": (
        {"document": _faces(HEADING, "仿宋_GB2312")},
        [("text.font", HEADING, "error")],
    ),
    "a different title face": (
        {"document": _faces(TITLE, "黑体")},
        [("text.font", TITLE, "error")],
    ),
    "a different size": (
        {"document": _size(POINT, "30")},
        [("text.size", POINT, "error")],
    ),
    "a missing page number": (
        {"footer1": _no_number},
        [("page_number.missing", None, "error")],
    ),
    "a text box": (
        {"document": _text_box(POINT)},
        [("layout.text_box", POINT, "warning")],
    ),
    "tracked changes": (
        {"document": _tracked(POINT)},
        [("review.changes", POINT, "error")],
    ),
    "a quotation mark in the Latin face": (
        {"document": _no_hint("（四）“园区管委会")},
        [("text.mark_font", "（四）“园区管委会", "warning")],
    ),
    "a face no machine here has": (
        {"document": _faces(BODY, "方正仿宋_GBK")},
        [("text.font", BODY, "error"), ("font.missing", BODY, "warning")],
    ),
    "a document number in the wrong brackets": (
        {"document": _doc_number},
        [("head.doc_number", "济高工委[2019]012号", "error")],
    ),
}
BULLETIN_FAULTS = {
    "a different margin": ({"document": _margin}, [("page.margin", None, "error")]),
    "a different line spacing": (
        {"document": _line("一是产业聚集效应十分明显", "560")},
        [("text.line_spacing", "一是产业聚集效应十分明显", "error")],
    ),
    "an empty paragraph for spacing": (
        {"document": _spacer("二是服务平台")},
        [("layout.empty_paragraph", "", "warning")],
    ),
}
MINUTES_FAULTS = {
    "the 版记 on an odd page": (
        {"document": _page_before_end_block},
        [("end.even_page", "LAST", "error")],
    ),
}


def _expected(
    path: Path, wanted: list[tuple[str, str | None, str]]
) -> list[tuple[str, int | None, str]]:
    """(rule, paragraph number, severity) of each wanted finding, its paragraph found by
    its first words ("" for an empty paragraph: the first one)."""
    doc = read(path)
    out = []
    for rule, text, severity in wanted:
        number = None
        if text == "LAST":
            number = [p.number for p in doc.paras if p.text.strip()][-1]
        elif text is not None:
            number = next(
                p.number
                for p in doc.paras
                if (p.text.startswith(text) if text else p.empty and not p.drawings)
            )
        out.append((rule, number, severity))
    return out


@pytest.mark.parametrize(
    ("source", "name"),
    [("changsha-report", n) for n in REPORT_FAULTS]
    + [("changsha", n) for n in BULLETIN_FAULTS]
    + [("changsha-minutes", n) for n in MINUTES_FAULTS],
)
def test_one_fault_is_found_at_its_place_and_nothing_else(
    built: dict[str, tuple[Path, Path]], tmp_path: Path, source: str, name: str
) -> None:
    edits, wanted = {**REPORT_FAULTS, **BULLETIN_FAULTS, **MINUTES_FAULTS}[name]
    faulty = _copy(built[source][0], tmp_path / "faulty.docx", **edits)
    result = check_file(faulty)
    found = [(f.rule, f.where.paragraph, f.severity) for f in result.findings]
    assert found == _expected(faulty, wanted), "\n".join(map(str, result.findings))


def test_the_faults_say_what_was_expected_and_found(
    built: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    faulty = _copy(built["changsha-report"][0], tmp_path / "f.docx", document=_faces(BODY, "宋体"))
    (finding,) = check_file(faulty).findings
    assert str(finding) == (
        "第 5 段“4月14日至15日，高新……”：错误：正文的字体不对"
        "（应为：仿宋_GB2312；实为：宋体）〔GB/T 9704—2012 §7.3.3〕"
    )
    faulty = _copy(built["changsha"][0], tmp_path / "m.docx", document=_margin)
    (finding,) = check_file(faulty).findings
    assert str(finding) == (
        "页面设置：错误：左边距（订口）不对，版心应为 156 × 225 毫米"
        "（应为：28 毫米；实为：30 毫米）〔GB/T 9704—2012 §5.2.1〕"
    )


def test_theme_fonts_are_resolved_through_the_theme(
    built: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    """The body's face named only as the theme's minor East Asian font: the theme's face
    (仿宋_GB2312 in reportkit's theme) is what Word shows, so nothing is wrong; with the
    theme's face changed, every body paragraph is."""
    same = _copy(
        built["changsha-report"][0], tmp_path / "same.docx", styles=_theme_body("仿宋_GB2312")
    )
    assert check_file(same).findings == []

    def other_theme(root: etree._Element) -> None:
        for ea in root.iter(f"{A}ea"):
            ea.set("typeface", "宋体")
        for font in root.iter(f"{A}font"):
            if font.get("script") == "Hans":
                font.set("typeface", "宋体")

    with zipfile.ZipFile(same) as zf:
        parts = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    theme = etree.fromstring(parts["word/theme/theme1.xml"])
    other_theme(theme)
    parts["word/theme/theme1.xml"] = etree.tostring(theme)
    changed = tmp_path / "other.docx"
    with zipfile.ZipFile(changed, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    found = {(f.rule, f.found) for f in check_file(changed).findings}
    assert ("text.font", "宋体") in found
    assert {rule for rule, _ in found} == {"text.font"}


# the PDF: faults built in with a changed template ----------------------------------------


def _template(root: Path, base: str, body: str, pieces: dict[str, str] | None = None) -> Path:
    folder = root / "fault-template"
    folder.mkdir(exist_ok=True)
    (folder / "template.yaml").write_text(f"extends: {base}\nname: fault\n{body}", encoding="utf-8")
    for name, text in (pieces or {}).items():
        (folder / "pieces").mkdir(exist_ok=True)
        (folder / "pieces" / name).write_text(text, encoding="utf-8")
    return folder


PDF_FAULTS = {
    "a different body face": (
        "changsha",
        "gbt9704-bulletin",
        "styles:\n  body: {font: kaiti}\n",
        {"text.font"},
    ),
    "a different body size": (
        "changsha",
        "gbt9704-bulletin",
        "styles:\n  body: {size: 小三}\n",
        {"text.size"},
    ),
    "a different margin": (
        "changsha",
        "gbt9704-bulletin",
        "page: {margin_left: 30mm}\n",
        {"page.margin"},
    ),
    "a different title face": (
        "changsha-report",
        "gbt9704-report",
        "styles:\n  title: {font: heiti}\n",
        {"text.font"},
    ),
    "a different line spacing": (
        "changsha",
        "gbt9704-bulletin",
        "grid: {line_pitch: 28pt}\n",
        {"text.line_spacing"},
    ),
    "page numbers in another form": (
        "changsha-minutes",
        "gbt9704-minutes",
        "",
        {"page_number.form"},
    ),
}


@pytest.mark.parametrize("name", list(PDF_FAULTS))
def test_a_pdf_built_with_one_fault_is_caught(tmp_path: Path, name: str) -> None:
    source, base, body, rules = PDF_FAULTS[name]
    pieces = {"page_number.j2": "第{{ n }}页\n"} if "page numbers" in name else None
    template = _template(tmp_path, base, body, pieces)
    outcome = build.build(
        REPO / "sources" / source, build.Options(tmp_path / "out", ("pdf",), str(template))
    )
    assert outcome.error is None, outcome.error
    result = check_file(tmp_path / "out" / f"{source}.pdf")
    assert {f.rule for f in result.findings} == rules, "\n".join(map(str, result.findings))
    assert all(
        f.severity == "error" and (f.where.page or f.where.part == "版心") for f in result.findings
    )


def test_a_pdf_whose_end_block_falls_on_an_odd_page(tmp_path: Path) -> None:
    """The report without its attachment, built without the blank page the standard's
    template adds: its 版记 ends page 3."""
    text = (REPO / "sources/changsha-report/report.yaml").read_text(encoding="utf-8")
    report = yaml.safe_load(text)
    report.pop("attachments")
    folder = tmp_path / "report"
    folder.mkdir()
    shutil.copy(REPO / "sources/changsha-report/seal.png", folder)
    (folder / "report.yaml").write_text(
        yaml.safe_dump(report, allow_unicode=True), encoding="utf-8"
    )
    template = _template(tmp_path, "gbt9704-report", "")
    yaml_text = (template / "template.yaml").read_text(encoding="utf-8")
    base = yaml.safe_load(
        (REPO / "templates/gbt9704-report/template.yaml").read_text(encoding="utf-8")
    )
    for part in base["parts"]:
        part.pop("even_page", None)
    (template / "template.yaml").write_text(
        yaml_text + yaml.safe_dump({"parts": base["parts"]}, allow_unicode=True), encoding="utf-8"
    )
    outcome = build.build(folder, build.Options(tmp_path / "out", ("pdf", "docx"), str(template)))
    assert outcome.error is None, outcome.error
    assert outcome.pages == 3
    for suffix in (".pdf", ".docx"):
        result = check_file(tmp_path / "out" / f"report{suffix}")
        assert [(f.rule, f.severity) for f in result.findings] == [("end.even_page", "error")]
        assert result.findings[0].found.startswith("第 3 页")


# documents other offices type in Word ---------------------------------------------------


def test_a_compliant_office_document_has_no_error(tmp_path: Path) -> None:
    result = check_file(office_report(tmp_path / "good.docx"))
    assert (result.kind, result.errors) == ("report", 0)
    assert [(f.rule, f.where.paragraph) for f in result.findings] == [("text.size", 1)]  # 小初


OFFICE_FAULTS = {
    # every paragraph in the body's face: all but the red head, 文号, title and headings
    "body_face": {("text.font", n) for n in (4, 5, 7, 8, 10, 11, 12, 13, 14)},
    "heading_face": {("text.font", 6), ("text.font", 9)},
    "title_face": {("text.font", 3)},
    "body_size": {("text.size", 5)},
    "line_spacing": {("text.line_spacing", n) for n in (4, 5, 6, 7, 8, 9, 10, 11)},
    "margins": {("page.margin", None)},
    "spacers": {
        ("layout.empty_paragraph", 3),
        ("layout.empty_paragraph", 5),
        ("layout.empty_paragraph", 15),
    },
    "text_box": {("layout.text_box", 2)},
    "tracked": {("review.changes", 8), ("text.size", 8), ("text.font", 8), ("font.missing", 8)},
    "page_words": {("page_number.form", None)},
    "no_page_number": {("page_number.missing", None)},
    "number_form": {("head.doc_number", 2)},
    "date_form": {("tail.date_form", 14), ("tail.signature", 14)},
    "missing_font": {("text.font", n) for n in range(4, 15) if n not in (6, 9)}
    | {("font.missing", 4)},
}


@pytest.mark.parametrize("fault", sorted(OFFICE_FAULTS))
def test_an_office_document_with_one_fault(tmp_path: Path, fault: str) -> None:
    result = check_file(office_report(tmp_path / f"{fault}.docx", fault))
    found = {(f.rule, f.where.paragraph) for f in result.findings} - {("text.size", 1)}
    assert found == OFFICE_FAULTS[fault], "\n".join(map(str, result.findings))


def test_quotes_and_dashes_take_the_slot_their_hint_gives() -> None:
    assert [slot(c, None) for c in "仿A“—…"] == ["eastAsia", "ascii", "hAnsi", "hAnsi", "hAnsi"]
    assert [slot(c, "eastAsia") for c in "仿A“—…"] == ["eastAsia", "ascii"] + ["eastAsia"] * 3


# the command ------------------------------------------------------------------------------


def test_exit_status_json_and_summary(built: dict[str, tuple[Path, Path]], tmp_path: Path) -> None:
    clean = built["changsha-report"][0]
    result = cli("check", clean)
    assert result.exit_code == 0
    assert "没有发现问题" in result.output
    (tmp_path / "folder").mkdir()
    _copy(clean, tmp_path / "folder" / "faulty.docx", document=_faces(BODY, "宋体"))
    shutil.copy(built["changsha-report"][1], tmp_path / "folder" / "report.pdf")
    (tmp_path / "folder" / "notes.txt").write_text("不检查", encoding="utf-8")
    result = cli("check", tmp_path / "folder")
    assert result.exit_code == 1
    assert "| faulty.docx | 报告 | gbt9704-report |    4 |    1 |    0 | 不合格 |" in result.output
    assert "共 2 个文件：1 个合格，1 个不合格" in result.output
    data = json.loads(cli("check", "--json", tmp_path / "folder").output)
    assert data["version"] == 1
    first = data["files"][0]
    assert {k: first[k] for k in ("format", "kind", "template", "pages", "errors", "warnings")} == {
        "format": "docx",
        "kind": "report",
        "template": "gbt9704-report",
        "pages": 4,
        "errors": 1,
        "warnings": 0,
    }
    assert first["findings"] == [
        {
            "rule": "text.font",
            "clause": "GB/T 9704—2012 §7.3.3",
            "severity": "error",
            "where": {
                "paragraph": 5,
                "page": None,
                "line": None,
                "text": "4月14日至15日，高新……",
                "part": "",
            },
            "message": "正文的字体不对",
            "expected": "仿宋_GB2312",
            "found": "宋体",
        }
    ]
    assert data["files"][1]["format"] == "pdf" and data["files"][1]["findings"] == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "这是旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再检查",
        ),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "这是旧版 Word 文档（.doc）或设了密码的文档，请去掉密码或在 Word 中另存为 .docx",
        ),
        ("damaged.docx", b"PK\x03\x04 not really a zip", "文件已损坏，或不是 Word 文档（.docx）"),
        ("damaged.pdf", b"%PDF-1.7\n garbage", "PDF 已损坏，无法读取"),
        ("notes.txt", "会议记录".encode(), "只能检查 Word 文档（.docx）和 PDF，不能检查“.txt”文件"),
    ],
)
def test_a_file_that_cannot_be_read_is_named_with_exit_status_2(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("check", path)
    assert result.exit_code == 2
    assert result.output.strip() == f"{path}: 错误：无法读取：{message}"


def test_a_missing_file(tmp_path: Path) -> None:
    result = cli("check", tmp_path / "无.docx")
    assert (result.exit_code, result.output.strip()) == (
        2,
        f"{tmp_path / '无.docx'}: 错误：无法读取：找不到这个文件",
    )


def test_the_annotated_copy_holds_each_finding_as_a_comment(
    built: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    faulty = _copy(
        built["changsha-report"][0],
        tmp_path / "faulty.docx",
        document=lambda root: (_faces(BODY, "宋体")(root), _tracked(POINT)(root)),  # type: ignore[func-returns-value]
    )
    before = faulty.read_bytes()
    out = tmp_path / "批注.docx"
    result = cli("check", faulty, "--annotate", out)
    assert result.exit_code == 1
    assert f"已写出带批注的副本 {out}（2 条批注）" in result.output
    assert faulty.read_bytes() == before
    opened = docx.Document(str(out))
    comments = list(opened.comments)
    assert [c.author for c in comments] == ["reportkit", "reportkit"]
    assert (
        comments[0].text
        == "错误：正文的字体不对（应为：仿宋_GB2312；实为：宋体）〔GB/T 9704—2012 §7.3.3〕"
    )
    assert comments[1].text.startswith("错误：留有未处理的修订")
    # each comment's range and reference stand in its paragraph; the copy checks as the original
    body = opened.element.body
    marked = [p for p in body.iter(f"{W}p") if p.find(f"{W}commentRangeStart") is not None]
    assert ["".join(t.text or "" for t in p.iter(f"{W}t"))[:6] for p in marked] == [
        "4月14日至",
        "（二）精准招",
    ]
    assert [f.rule for f in check_file(out).findings] == [
        f.rule for f in check_file(faulty).findings
    ]
    refused = cli("check", faulty, "--annotate", faulty)
    assert refused.exit_code == 2 and "批注副本不能覆盖被检查的文件" in refused.output
    assert cli("check", faulty.with_suffix(".pdf"), "--annotate", out).exit_code != 0


def test_a_template_chosen_by_name_or_path(
    built: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    house = _template(tmp_path, "gbt9704-report", "styles:\n  body: {font: kaiti}\n")
    result = cli("check", built["changsha-report"][0], "--template", house)
    assert result.exit_code == 1
    assert "按模板 fault 检查" in result.output
    assert "正文的字体不对（应为：楷体_GB2312；实为：仿宋_GB2312）" in result.output


def test_check_imports_only_what_it_reads_with(built: dict[str, tuple[Path, Path]]) -> None:
    """A .docx is read with lxml alone, a PDF with pdfium: no renderer, no python-docx."""
    from tests.test_startup import NEVER, imported, tops

    docx_path, pdf_path = built["changsha"]
    renderers = {"reportlab", "pikepdf", "fontTools", "PIL", "docx", "pdfminer", "pdfplumber"}
    found = tops(imported("check", str(docx_path)))
    assert found & (renderers | NEVER | {"pypdfium2"}) == set()
    assert "lxml.etree" in found
    found = tops(imported("check", str(pdf_path)))
    assert found & (renderers | NEVER) == set()
    assert "pypdfium2" in found
