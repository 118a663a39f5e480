"""The .docx at the XML level: fonts per script, no theme fonts, grid, footers, properties."""

import zipfile
from pathlib import Path

from reportkit import build
from tests.helpers import REPO, W, docx_text, docx_xml, squeeze

THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def attr(element, name: str) -> str | None:
    return element.get(f"{W}{name}")


def style(styles, name: str):
    for s in styles.iter(f"{W}style"):
        if s.find(f"{W}name").get(f"{W}val") == name:
            return s
    raise AssertionError(f"no style {name}")


def test_every_font_declaration_names_a_chinese_face_and_no_theme(seed_docx: Path) -> None:
    with zipfile.ZipFile(seed_docx) as zf:
        parts = [n for n in zf.namelist() if n.startswith("word/") and n.endswith(".xml")]
    declared = 0
    for part in parts:
        for fonts in docx_xml(seed_docx, part).iter(f"{W}rFonts"):
            assert not any(attr(fonts, a) for a in THEME_ATTRS), part
            if attr(fonts, "ascii"):
                declared += 1
                assert attr(fonts, "eastAsia"), part
    assert declared >= 10


def test_body_style_is_official(seed_docx: Path) -> None:
    styles = docx_xml(seed_docx, "word/styles.xml")
    normal = style(styles, "Normal")
    fonts = normal.find(f"{W}rPr/{W}rFonts")
    assert attr(fonts, "eastAsia") == "仿宋_GB2312"
    assert attr(fonts, "ascii") == "Times New Roman"
    assert attr(normal.find(f"{W}rPr/{W}sz"), "val") == "32"  # 三号 16 pt
    assert attr(normal.find(f"{W}rPr/{W}spacing"), "val") == "-5"  # -0.25 pt tracking
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (attr(spacing, "line"), attr(spacing, "lineRule")) == ("579", "exact")
    indent = normal.find(f"{W}pPr/{W}ind")
    assert (attr(indent, "firstLineChars"), attr(indent, "firstLine")) == ("200", "640")
    assert attr(normal.find(f"{W}pPr/{W}jc"), "val") == "both"
    assert attr(normal.find(f"{W}pPr/{W}overflowPunct"), "val") == "0"


def test_language_is_chinese(seed_docx: Path) -> None:
    styles = docx_xml(seed_docx, "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert attr(lang, "eastAsia") == "zh-CN"
    settings = docx_xml(seed_docx, "word/settings.xml")
    assert attr(settings.find(f"{W}themeFontLang"), "eastAsia") == "zh-CN"


def test_role_styles(seed_docx: Path) -> None:
    styles = docx_xml(seed_docx, "word/styles.xml")
    title = style(styles, "文章标题")
    assert attr(title.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "方正小标宋简体"
    assert attr(title.find(f"{W}rPr/{W}sz"), "val") == "44"  # 二号
    assert attr(title.find(f"{W}pPr/{W}jc"), "val") == "center"
    assert title.find(f"{W}pPr/{W}keepNext") is not None
    byline = style(styles, "署名")
    assert attr(byline.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "楷体_GB2312"
    heading = style(styles, "小标题")
    assert attr(heading.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "黑体"
    assert heading.find(f"{W}pPr/{W}keepNext") is not None
    runin = style(styles, "要点首句")
    assert attr(runin, "type") == "character"
    assert attr(runin.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "楷体_GB2312"
    name = style(styles, "报头名称")
    assert attr(name.find(f"{W}rPr/{W}color"), "val") == "FF0000"
    assert attr(name.find(f"{W}rPr/{W}sz"), "val") == "84"  # 初号


def test_page_geometry_and_grid(seed_docx: Path) -> None:
    sect = docx_xml(seed_docx).find(f"{W}body/{W}sectPr")
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
    assert [attr(margins, k) for k in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1588",
        "1474",
    ]
    grid = sect.find(f"{W}docGrid")
    assert (attr(grid, "type"), attr(grid, "linePitch")) == ("lines", "579")


def test_odd_and_even_footers_carry_page_fields(seed_docx: Path) -> None:
    settings = docx_xml(seed_docx, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    sect = docx_xml(seed_docx).find(f"{W}body/{W}sectPr")
    refs = {attr(r, "type") for r in sect.iter(f"{W}footerReference")}
    assert refs == {"default", "even"}
    with zipfile.ZipFile(seed_docx) as zf:
        footers = sorted(n for n in zf.namelist() if n.startswith("word/footer"))
    assert len(footers) == 2
    sides = set()
    for part in footers:
        root = docx_xml(seed_docx, part)
        assert [i.text.strip() for i in root.iter(f"{W}instrText")] == ["PAGE"]
        texts = "".join(t.text for t in root.iter(f"{W}t"))
        assert texts == "— 1 —"
        sides.add(attr(root.find(f".//{W}jc"), "val"))
        ind = root.find(f".//{W}ind")
        assert "280" in (attr(ind, "left"), attr(ind, "right"))  # one 四号 character in
    assert sides == {"left", "right"}


def test_points_take_the_run_in_style(seed_docx: Path) -> None:
    root = docx_xml(seed_docx)
    runs = [
        "".join(t.text for t in r.iter(f"{W}t"))
        for r in root.iter(f"{W}r")
        if r.find(f"{W}rPr/{W}rStyle") is not None
    ]
    assert "一是产业聚集效应十分明显。" in runs
    assert "（三）推进政产学研协同创新。" in runs
    text = docx_text(seed_docx)
    assert "三是全力排忧解难。实施了" in text  # run-on points in one paragraph


def test_end_matter_sits_in_a_bottom_anchored_box(seed_docx: Path) -> None:
    root = docx_xml(seed_docx)
    anchor = root.find(
        ".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"
    )
    assert anchor is not None
    text = squeeze(docx_text(seed_docx))
    assert text.endswith(
        "报：市委办公室，市政府办公室。送：高新区党工委、管委会领导。发：各部门、各单位。（共印60份）"
    )


def test_properties_come_from_the_data(seed_docx: Path) -> None:
    core = docx_xml(seed_docx, "docProps/core.xml")
    values = {el.tag.split("}")[1]: el.text for el in core}
    assert values["title"] == "近赶潍坊　远学长沙　比学赶超　勇攀新高 2019年第3期（长沙篇）"
    assert values["creator"] == "济宁高新区党工委办公室"
    assert values["created"] == values["modified"] == "2024-06-18T01:30:00Z"  # SOURCE_DATE_EPOCH
    assert values["language"] == "zh-CN"
    assert "python-docx" not in zipfile.ZipFile(seed_docx).read("docProps/core.xml").decode()


def test_same_input_same_bytes(tmp_path: Path, seed_docx: Path) -> None:
    outcome = build.build(REPO / "sources/changsha", build.Options(tmp_path))
    assert outcome.error is None
    assert (tmp_path / "changsha.docx").read_bytes() == seed_docx.read_bytes()
