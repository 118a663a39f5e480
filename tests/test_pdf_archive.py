"""The archive PDF as a reader and an archive see it: dated by its build, text that searches
and copies as written, a structure tree, PDF/A."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2
import pytest

from reportkit import build
from reportkit.compose.page import Document, Meta, Run, Text
from reportkit.layout.paginate import paginate
from reportkit.render.pdf import joins
from reportkit.render.pdf.writer import render
from reportkit.typeset.metrics import StandardMetrics
from tests.helpers import (
    MINIMAL_ARTICLE,
    MINIMAL_BULLETIN,
    REPO,
    cli,
    docx_xml,
    minimal_source,
    pdfa_2b,
)

# dates ---------------------------------------------------------------------------------------


def _dates(folder: Path, name: str) -> tuple[str, str, str, str]:
    """The PDF's CreationDate and ModDate, its XMP CreateDate, the .docx's dcterms:created."""
    with pikepdf.open(folder / f"{name}.pdf") as pdf:
        info, meta = pdf.docinfo, pdf.open_metadata()
        created, modified, xmp = str(info.CreationDate), str(info.ModDate), meta["xmp:CreateDate"]
        assert meta["xmp:ModifyDate"] == meta["xmp:MetadataDate"] == xmp
    core = {e.tag.rpartition("}")[2]: e.text for e in docx_xml(folder / f"{name}.docx", CORE)}
    assert core["modified"] == core["created"]
    return created, modified, xmp, core["created"]


CORE = "docProps/core.xml"
BOTH = ("docx", "pdf")


def test_outputs_are_dated_by_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    source = minimal_source(tmp_path / "src")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    outcome = build.build(source, build.Options(tmp_path / "out", formats=BOTH))
    after = dt.datetime.now(dt.UTC)
    assert outcome.error is None, outcome.error
    created, modified, xmp, docx = _dates(tmp_path / "out", "src")
    made = dt.datetime.fromisoformat(xmp)
    assert made.tzinfo is not None and before <= made <= after
    assert created == modified == made.strftime("D:%Y%m%d%H%M%S") + _pdf_zone(made)
    assert docx == made.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert made.date() != dt.date(2024, 5, 6)  # not the bulletin's date any more


def _pdf_zone(when: dt.datetime) -> str:
    offset = when.utcoffset()
    assert offset is not None
    if not offset:
        return "Z"
    minutes = int(abs(offset).total_seconds()) // 60
    return f"{'-' if offset.total_seconds() < 0 else '+'}{minutes // 60:02d}'{minutes % 60:02d}'"


def test_source_date_epoch_fixes_the_date_and_the_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    source = minimal_source(tmp_path / "src")
    for out in ("a", "b"):
        assert build.build(source, build.Options(tmp_path / out, formats=BOTH)).error is None
    assert _dates(tmp_path / "a", "src") == (
        "D:20231114221320Z",
        "D:20231114221320Z",
        "2023-11-14T22:13:20+00:00",
        "2023-11-14T22:13:20Z",
    )
    for name in ("src.pdf", "src.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


ARCHIVED = MINIMAL_BULLETIN.replace(
    "  date: 2024-05-06\n", "  date: 2024-05-06\n  archive_date: {}\n"
)


@pytest.mark.parametrize(
    ("written", "pdf", "xmp", "docx"),
    [
        (
            "2024-06-18 09:30",
            "D:20240618093000+08'00'",
            "2024-06-18T09:30:00+08:00",
            "2024-06-18T01:30:00Z",
        ),
        (
            "2024年6月18日",
            "D:20240618000000+08'00'",
            "2024-06-18T00:00:00+08:00",
            "2024-06-17T16:00:00Z",
        ),
        (
            '"2024-06-18T09:30:15+02:00"',
            "D:20240618093015+02'00'",
            "2024-06-18T09:30:15+02:00",
            "2024-06-18T07:30:15Z",
        ),
        (
            "2024年6月18日 9时5分",
            "D:20240618090500+08'00'",
            "2024-06-18T09:05:00+08:00",
            "2024-06-18T01:05:00Z",
        ),
    ],
)
def test_a_source_fixes_its_archive_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, pdf: str, xmp: str, docx: str
) -> None:
    """Written without a zone, the time is China Standard Time; it wins over
    SOURCE_DATE_EPOCH, and builds at different times give the same bytes."""
    source = minimal_source(tmp_path / "src", **{"bulletin.yaml": ARCHIVED.format(written)})
    assert build.build(source, build.Options(tmp_path / "a", formats=BOTH)).error is None
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build.build(source, build.Options(tmp_path / "b", formats=BOTH)).error is None
    assert _dates(tmp_path / "a", "src") == (pdf, pdf, xmp, docx)
    for name in ("src.pdf", "src.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize("kind", ["changsha-report", "changsha-minutes"])
def test_a_report_and_minutes_fix_it_in_their_head(tmp_path: Path, kind: str) -> None:
    source = tmp_path / kind
    shutil.copytree(REPO / "sources" / kind, source)
    head = source / ("report.yaml" if kind.endswith("report") else "minutes.yaml")
    head.write_text(
        head.read_text(encoding="utf-8") + "\narchive_date: 2019-04-28 16:00\n", encoding="utf-8"
    )
    assert build.build(source, build.Options(tmp_path / "out", formats=BOTH)).error is None
    assert _dates(tmp_path / "out", kind)[2:] == (
        "2019-04-28T16:00:00+08:00",
        "2019-04-28T08:00:00Z",
    )


def test_a_wrong_archive_date_is_named(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src", **{"bulletin.yaml": ARCHIVED.format("6月18日")})
    result = cli("build", source, "-o", tmp_path / "out", "--format", "pdf")
    assert result.exit_code == 1
    assert (
        f"{source}/bulletin.yaml:6: masthead.archive_date: 错误：存档时间写法不对：“6月18日”，"
        "应写作 2024-06-18、2024-06-18 09:30 或 2024年6月18日 9时30分"
    ) in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))


def test_a_wrong_source_date_epoch_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2024-06-18")
    result = cli("build", minimal_source(tmp_path / "src"), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert (
        "SOURCE_DATE_EPOCH: 错误：环境变量 SOURCE_DATE_EPOCH 应为从 1970-01-01 起的秒数（整数），"
        "而不是“2024-06-18”"
    ) in result.stderr


def test_a_batch_skips_outputs_dated_by_their_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outputs dated by the build differ from run to run, but the manifest keeps the hash of
    what was written: an unchanged source is skipped, and its files stay as they were.  Fixing
    SOURCE_DATE_EPOCH builds it again."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    source, out = minimal_source(tmp_path / "src"), tmp_path / "out"
    assert cli("build", source, "-o", out, "--format", "docx,pdf").exit_code == 0
    written = {p.name: p.read_bytes() for p in out.glob("src.*")}
    again = cli("build", source, "-o", out, "--format", "docx,pdf")
    assert "跳过" in again.stdout and "已写出" not in again.stdout
    assert {p.name: p.read_bytes() for p in out.glob("src.*")} == written
    manifest = json.loads((out / ".reportkit-manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 1
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    fixed = cli("build", source, "-o", out, "--format", "docx,pdf")
    assert "已写出" in fixed.stdout
    assert _dates(out, "src")[0] == "D:20231114221320Z"


# text that searches and copies as written ----------------------------------------------------

SAMPLE = "2024年6月18日，500余家企业参加了AI Agent大会，第3期简报刊发。"


def _sample(template, text: str = SAMPLE):  # type: ignore[no-untyped-def]
    """A document of one body paragraph, laid out."""
    meta = Meta("标题", "作者", "主题", dt.date(2024, 5, 6), "zh-CN")
    document = Document("t", meta, (Text("body", ((Run(text),),)),), None, ("— ", " —"))
    return paginate(document, template.profile, StandardMetrics(template.profile))


def _extracted(path: Path) -> dict[str, str]:
    """The first page's text as pdfplumber (its defaults), poppler's pdftotext and pdfium
    give it, whitespace other than spaces taken out."""
    with pdfplumber.open(path) as pdf:
        plumber = pdf.pages[0].extract_text()
    poppler = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    document = pypdfium2.PdfDocument(path)
    try:
        pdfium = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    return {
        name: re.sub(r"[\r\n\t\f]", "", text)
        for name, text in (("pdfplumber", plumber), ("pdftotext", poppler), ("pdfium", pdfium))
    }


def test_latin_beside_han_is_set_off_by_spacing_alone(template) -> None:
    """The layout marks a run that goes on from the glyph before it on its line, no
    character between (a Latin word or number set off from Han text); a space written in the
    text is a glyph of its own, a line's first run follows nothing."""
    page = _sample(template).pages[0]
    runs = [(run.text, run.joined) for run in page.runs if run.style == "body"]
    assert runs[:11] == [
        ("2024", False),
        ("年", True),
        ("6", True),
        ("月", True),
        ("18", True),
        ("日，", True),
        ("500", True),
        ("余家企业参加了", True),
        ("AI Agent", True),
        ("大会，第", True),
        ("3", False),  # the next line's first
    ]


def test_text_extractors_find_what_was_written(template, tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    pages = _sample(template)
    path.write_bytes(render(pages, template).data)
    for name, text in _extracted(path).items():
        assert text.startswith(SAMPLE), (name, text)
    # every glyph drawn where the layout put it: its pen position (its outline is the
    # original's; only the widened copies' advances differ)
    laid = [
        (ch, round(x, 2), round(run.baseline, 2))
        for run in pages.pages[0].runs
        for ch, x in zip(run.text, run.xs, strict=True)
    ]
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        drawn = [(c["text"], c["matrix"][4], page.height - c["matrix"][5]) for c in page.chars]
    assert [c for c, *_ in drawn] == [c for c, *_ in laid]
    assert all(
        abs(x - lx) < 0.01 and abs(y - ly) < 0.01
        for (_, x, y), (_, lx, ly) in zip(drawn, laid, strict=True)
    )


@pytest.mark.parametrize(
    ("gap", "pad"),
    [(3.52, 200), (4.9, 300), (1.6, 100), (1.27, 0), (0.0, 0), (-0.3, 0)],
)
def test_how_far_a_glyph_reaches_across_a_gap(gap: float, pad: int) -> None:
    """In thousandths of an em of 16 pt, down to a twentieth of an em; a gap under 0.08 em,
    which no reader takes for a space, is left alone."""
    assert joins.padding(gap, 16) == pad


def test_a_widened_glyph_keeps_its_outline_and_its_text(template, tmp_path: Path) -> None:
    """年 before the gap to 6 is drawn with a copy whose advance takes the gap in: the
    subset's hmtx and the PDF's widths agree on it (PDF/A), and it copies as 年."""
    path = tmp_path / "t.pdf"
    path.write_bytes(render(_sample(template), template).data)
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    nian = next(c for c in chars if c["text"] == "年")
    six = chars[chars.index(nian) + 1]
    assert six["text"] == "6"
    assert nian["x1"] == pytest.approx(six["x0"], abs=0.05 * 16)  # within a twentieth of an em
    assert nian["x1"] - nian["x0"] > 16 + 0.08 * 16  # wider than the glyph's own em
    assert pdfa_2b(path).passed


def test_the_seed_searches_as_written(seed_pdf: Path) -> None:
    texts = _extracted(seed_pdf)
    for name, text in texts.items():
        assert "2019年4月26日" in text, (name, text)
        assert "4月14日至15日，高新区党工委" in text, name
        assert "长沙信息产业园2018年营业" in text, name
        assert "聚集了7000余" in text, name
        assert re.search(r"管委会主任\s田雨", text), name  # the space written there, no other


# the structure tree ---------------------------------------------------------------------------


def _content(element: pikepdf.Dictionary) -> set[tuple[tuple[int, int], int]]:
    """The marked content an element holds: (its page's object id, MCID)."""
    kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
    found = set()
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            found.add((kid.Pg.objgen, int(kid.MCID)))
        elif not isinstance(kid, pikepdf.Dictionary):
            found.add((element.Pg.objgen, int(kid)))
    return found


def _tree(path: Path) -> list[tuple[int, str, list[int], str, str]]:
    """Every structure element under Document, parents first: (depth, tag, its pages
    (1-based, in order), its text by pdfplumber's characters of its MCIDs, its /Alt)."""
    with pikepdf.open(path) as pdf, pdfplumber.open(path) as plumber:
        numbers = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        texts: dict[tuple[int, int], str] = {}
        for page in plumber.pages:
            for c in page.chars:
                if c.get("mcid") is not None:
                    key = (page.page_number, c["mcid"])
                    texts[key] = texts.get(key, "") + c["text"]
        out = []

        def walk(element: pikepdf.Dictionary, depth: int) -> None:
            kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
            pages, text = [], ""
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    continue
                if isinstance(kid, pikepdf.Dictionary):  # a marked-content reference
                    page, mcid = numbers[kid.Pg.objgen], int(kid.MCID)
                else:
                    page, mcid = numbers[element.Pg.objgen], int(kid)
                pages.append(page)
                text += texts.get((page, mcid), "")
            out.append((depth, str(element.S)[1:], pages, text, str(element.get("/Alt", ""))))
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid, depth + 1)

        for child in pdf.Root.StructTreeRoot.K.K:
            walk(child, 0)
        return out


def test_the_seed_is_tagged_in_reading_order(seed_pdf: Path) -> None:
    with pikepdf.open(seed_pdf) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True and str(root.Lang) == "zh-CN"
        tree = root.StructTreeRoot
        assert str(tree.K.S) == "/Document" and tree.K.P.objgen == tree.objgen
        assert "/RoleMap" not in tree  # standard structure types only
        assert [int(page.obj.StructParents) for page in pdf.pages] == list(range(len(pdf.pages)))
        assert int(tree.ParentTreeNextKey) == len(pdf.pages)
        # the parent tree leads each MCID of a page back to the element that holds it
        for number, page in enumerate(pdf.pages):
            assert int(tree.ParentTree.Nums[2 * number]) == number
            for mcid, element in enumerate(tree.ParentTree.Nums[2 * number + 1]):
                assert (page.objgen, mcid) in _content(element), (number, mcid)


def test_the_seed_elements_on_page_one(seed_pdf: Path) -> None:
    on_page_one = [(tag, text) for _, tag, pages, text, _ in _tree(seed_pdf) if pages[0] == 1]
    assert on_page_one == [
        ("P", "内部资料"),
        ("P", "近赶潍坊\u3000远学长沙"),
        ("P", "比学赶超\u3000勇攀新高"),
        ("P", "第3期"),
        ("P", "（长沙篇）"),
        ("P", "济宁高新区党工委办公室"),
        ("P", "2019年4月26日"),  # set flush right on the unit's line
        ("H1", "对标先进，全力打造“蓼河数谷”"),
        ("P", "济宁高新区信息产业园管委会主任\u3000田雨"),
        (
            "P",
            "4月14日至15日，高新区党工委、管委会统一组织考察团赴长沙高新区进行学习，我作为信息"
            "产业园主要负责人通过现场观摩、听取介绍、探讨交流等方式对信息产业园区建设等方面的"
            "先进经验进行了充分学习。本次考察令我感受颇深，深感震撼，同时也看到了与其存在的巨大"
            "差距，对下步工作有了更多思考和打算。",
        ),
        ("H2", "学习体会"),
        ("P", _SEED_POINT),
    ]


_SEED_POINT = (
    "一是产业聚集效应十分明显。长沙信息产业园2018年营业收入380亿元，今年一季度营业收入过"
    "100亿元，同比增长20%。长沙信息产业园依托国家软件产业基地，聚集了7000余"
    "家产业企业。重点打造了“岳麓峰会”和“柳枝行动”两大品牌，今年“岳麓峰会”吸引省内外3万多人"
    "参会，“柳枝行动”更是以“天使投资+项目加速+资源嫁接+孵化空间”的模式，孵化了众多互联网企业。"
)


def test_page_numbers_and_rules_are_artifacts(seed_pdf: Path, area) -> None:
    with pdfplumber.open(seed_pdf) as pdf:
        page = pdf.pages[0]
        number = [c for c in page.chars if c["top"] > area[3]]
        assert "".join(c["text"] for c in number) == "— 1 —"
        assert {(c["tag"], c["mcid"]) for c in number} == {("Artifact", None)}
        assert all(c["mcid"] is not None for c in page.chars if c["top"] < area[3])
    with pikepdf.open(seed_pdf) as pdf:
        content = pdf.pages[0].obj.Contents.read_bytes()
        assert content.index(b"/Artifact BMC") < content.index(b" l S") < content.index(b"BT")


def test_a_photo_is_a_figure_with_its_caption_as_alternate_text(tmp_path: Path) -> None:
    assert (
        build.build(
            REPO / "sources/changsha-photos", build.Options(tmp_path, formats=("pdf",))
        ).error
        is None
    )
    tree = _tree(tmp_path / "changsha-photos.pdf")
    figures = [(alt, pages) for _, tag, pages, _, alt in tree if tag == "Figure"]
    assert figures == [
        ("图为长沙信息产业园一角（示例照片）", [2]),
        ("图为考察团在长沙信息产业园座谈交流（示例照片）", [3]),
    ]
    at = next(n for n, item in enumerate(tree) if item[1] == "Figure")
    assert tree[at + 1][1:4:2] == ("Caption", "图为长沙信息产业园一角（示例照片）")
    assert tree[at - 1][1] == "P"  # the point before it, though drawn after it on its page
    with pikepdf.open(tmp_path / "changsha-photos.pdf") as pdf:
        content = pdf.pages[1].obj.Contents.read_bytes()
        assert b"/Figure <</MCID" in content


def test_the_attachment_table_is_tagged_cell_by_cell(tmp_path: Path) -> None:
    assert (
        build.build(
            REPO / "sources/changsha-report", build.Options(tmp_path, formats=("pdf",))
        ).error
        is None
    )
    tree = _tree(tmp_path / "changsha-report.pdf")
    at = next(n for n, item in enumerate(tree) if item[1] == "Table")
    table = [(depth, tag, text) for depth, tag, _, text, _ in tree[at : at + 21]]
    assert table == [
        (0, "Table", ""),
        (1, "TR", ""),
        (2, "TH", "指标"),
        (2, "TH", "长沙高新区"),
        (2, "TH", "济宁高新区"),
        (1, "TR", ""),
        (2, "TD", "信息产业园营业收入（亿元）"),
        (2, "TD", "380"),
        (2, "TD", "120"),
        (1, "TR", ""),
        (2, "TD", "聚集产业企业（家）"),
        (2, "TD", "7000"),
        (2, "TD", "1500"),
        (1, "TR", ""),
        (2, "TD", "2018年签约重大项目（个）"),
        (2, "TD", "67"),
        (2, "TD", "20"),
        (1, "TR", ""),
        (2, "TD", "重大项目总投资（亿元）"),
        (2, "TD", "745"),
        (2, "TD", "210"),
    ]
    seal = [(alt, text) for _, tag, _, text, alt in tree if tag == "Figure"]
    assert seal == [("中共济宁高新区工作委员会印章", "")]
    assert pdfa_2b(tmp_path / "changsha-report.pdf").passed


TABLE_ARTICLE = MINIMAL_ARTICLE.replace(
    "        text: 对方的理念值得学习。\n",
    "        text: 对方的理念值得学习。\n"
    "      - table:\n"
    "          header: [指标, 数值]\n"
    "          rows:\n"
    + "".join(f'            - [第{n}项指标, "{n * 10}"]\n' for n in range(1, 41)),
)


def test_a_header_repeated_on_the_next_page_is_an_artifact(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": TABLE_ARTICLE})
    assert build.build(source, build.Options(tmp_path / "out", formats=("pdf",))).error is None
    tree = _tree(tmp_path / "out/src.pdf")
    rows = [item for item in tree if item[1] == "TR"]
    cells = [(tag, pages, text) for _, tag, pages, text, _ in tree if tag in ("TH", "TD")]
    assert len(rows) == 41 and cells[:2] == [("TH", [1], "指标"), ("TH", [1], "数值")]
    assert [tag for tag, *_ in cells].count("TH") == 2
    assert {pages[0] for tag, pages, _ in cells if tag == "TD"} == {1, 2, 3}
    with pdfplumber.open(tmp_path / "out/src.pdf") as pdf:
        for page in pdf.pages[1:]:
            first = min(c["top"] for c in page.chars)
            header = [c for c in page.chars if c["top"] == first]
            assert "".join(c["text"] for c in header) == "指标数值"
            assert {(c["tag"], c["mcid"]) for c in header} == {("Artifact", None)}


# PDF/A ----------------------------------------------------------------------------------------

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
}  # fmt: skip
PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The four examples as archive PDFs."""
    out = tmp_path_factory.mktemp("examples")
    names = ("changsha", "changsha-minutes", "changsha-photos", "changsha-report")
    for name in names:
        outcome = build.build(REPO / "sources" / name, build.Options(out, formats=("pdf",)))
        assert outcome.error is None, outcome.error
    return [out / f"{name}.pdf" for name in names]


def test_the_examples_meet_level_a(examples: list[Path]) -> None:
    """What PDF/A-2a asks beyond level B, checked: tagged with standard structure types, a
    language, alternate text for every picture, a Unicode value for every glyph, all content
    marked (text, pictures) or an artifact; and level B's rules, by pikepdf's validator."""
    for path in examples:
        with pikepdf.open(path) as pdf:
            meta = pdf.open_metadata()
            assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "A")
            assert pdf.Root.MarkInfo.Marked is True and str(pdf.Root.Lang) == "zh-CN"
            pictures = sum(len(page.get_images()) for page in pdf.pages)
        tree = _tree(path)
        assert {tag for _, tag, *_ in tree} <= STANDARD
        figures = [alt for _, tag, _, _, alt in tree if tag == "Figure"]
        assert len(figures) == pictures and all(figures), path.name
        with pdfplumber.open(path) as plumber:
            for page in plumber.pages:
                for c in page.chars:
                    code = ord(c["text"]) if len(c["text"]) == 1 else -1
                    assert len(c["text"]) == 1 and code not in (0, 0xFFFD), (path.name, c)
                    assert not any(low <= code <= high for low, high in PRIVATE_USE), c
                    assert c["mcid"] is not None or c["tag"] == "Artifact", c
                for image in page.images:
                    assert image["tag"] == "Figure" and image["mcid"] is not None, image
        assert pdfa_2b(path).passed, path.name


def test_every_glyph_of_the_examples_where_the_layout_put_it(examples: list[Path]) -> None:
    """Every glyph of the four examples is drawn at the pen position the layout gave it (to
    1/100 pt), in the layout's order: widened copies and marked content move nothing."""
    from reportkit.build import Options, Outcome, _document

    for path in examples:
        source = REPO / "sources" / path.stem
        document, template = _document(source, Options(path.parent), Outcome(source))
        pages = paginate(document, template.profile, StandardMetrics(template.profile))
        with pdfplumber.open(path) as pdf:
            assert len(pdf.pages) == len(pages.pages)
            for laid, page in zip(pages.pages, pdf.pages, strict=True):
                want = [
                    (ch, x, run.baseline)
                    for run in laid.runs
                    for ch, x in zip(run.text, run.xs, strict=True)
                ]
                got = [
                    (c["text"], c["matrix"][4], page.height - c["matrix"][5]) for c in page.chars
                ]
                assert [c for c, *_ in got] == [c for c, *_ in want], (path.name, page.page_number)
                worst = max(
                    max(abs(gx - wx), abs(gy - wy))
                    for (_, gx, gy), (_, wx, wy) in zip(got, want, strict=True)
                )
                assert worst < 0.01, (path.name, page.page_number, worst)
