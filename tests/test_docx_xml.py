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


def test_end_matter_is_framed_on_the_bottom_without_a_text_box(seed_docx: Path) -> None:
    root = docx_xml(seed_docx)
    framed = [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}framePr") is not None]
    assert ["".join(p.itertext()) for p in framed] == [
        "报：市委办公室，市政府办公室。",
        "送：高新区党工委、管委会领导。",
        "发：各部门、各单位。",
        "（共印60份）",
    ]
    frames = {tuple(sorted(p.find(f"{W}pPr/{W}framePr").attrib.items())) for p in framed}
    assert len(frames) == 1  # one frame: the same properties on every paragraph
    assert dict(frames.pop())[f"{W}yAlign"] == "bottom"
    assert root.find(f".//{W}txbxContent") is None
    assert framed[-1].getnext().tag == f"{W}sectPr"
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


A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_every_face_comes_with_the_faces_word_tries_in_its_place(seed_docx: Path) -> None:
    """A PC without the GB2312 faces falls to 仿宋/楷体/黑体/宋体, never to a Japanese face."""
    table = docx_xml(seed_docx, "word/fontTable.xml")
    fonts = {attr(f, "name"): f for f in table.iter(f"{W}font")}

    def chain(face: str) -> list[str]:
        out = [face]
        while (alt := fonts[out[-1]].find(f"{W}altName")) is not None:
            out.append(attr(alt, "val"))
        return out

    assert chain("仿宋_GB2312") == ["仿宋_GB2312", "仿宋", "FangSong"]
    assert chain("楷体_GB2312") == ["楷体_GB2312", "楷体", "KaiTi"]
    assert chain("黑体") == ["黑体", "SimHei"]
    assert chain("方正小标宋简体") == ["方正小标宋简体", "宋体", "SimSun"]
    for face in ("仿宋_GB2312", "仿宋", "楷体", "黑体", "宋体", "方正小标宋简体"):
        assert attr(fonts[face].find(f"{W}charset"), "val") == "86"  # GB2312
        assert len(attr(fonts[face].find(f"{W}panose1"), "val")) == 20
    assert attr(fonts["仿宋_GB2312"].find(f"{W}family"), "val") == "modern"
    assert attr(fonts["Times New Roman"].find(f"{W}charset"), "val") == "00"
    with zipfile.ZipFile(seed_docx) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.fontTable+xml" in types and 'Target="fontTable.xml"' in rels
    assert "theme+xml" in types and 'Target="theme/theme1.xml"' in rels


def test_the_theme_names_the_chinese_faces(seed_docx: Path) -> None:
    theme = docx_xml(seed_docx, "word/theme/theme1.xml")
    minor, major = theme.find(f".//{A}minorFont"), theme.find(f".//{A}majorFont")
    assert minor.find(f"{A}ea").get("typeface") == "仿宋_GB2312"
    assert minor.find(f"{A}latin").get("typeface") == "Times New Roman"
    hans = [f.get("typeface") for f in minor.iter(f"{A}font") if f.get("script") == "Hans"]
    assert hans == ["仿宋_GB2312"]
    assert major.find(f"{A}ea").get("typeface") == "方正小标宋简体"  # the titles' face
    assert len(theme.find(f".//{A}clrScheme")) == 12


def test_titles_and_headings_have_outline_levels_and_no_spacer_paragraphs(
    seed_docx: Path,
) -> None:
    """The navigation pane lists the titles (level 1) and headings (level 2); blank lines are
    paragraph spacing, not empty paragraphs."""
    styles = docx_xml(seed_docx, "word/styles.xml")
    levels = {
        s.find(f"{W}name").get(f"{W}val"): attr(s.find(f"{W}pPr/{W}outlineLvl"), "val")
        for s in styles.iter(f"{W}style")
        if s.find(f"{W}pPr/{W}outlineLvl") is not None
    }
    assert levels == {"文章标题": "0", "小标题": "1"}
    body = docx_xml(seed_docx).find(f"{W}body")
    empty = [
        p
        for p in body.iter(f"{W}p")
        if not "".join(p.itertext()) and p.find(f".//{W}drawing") is None
    ]
    assert empty == []
