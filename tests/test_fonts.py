"""Fonts for the PDF: lookup, preparation cache, fallback per character, refusals, overrides."""

import shutil
from pathlib import Path

import pdfplumber
from fontTools import subset
from fontTools.ttLib import TTFont

from reportkit import build
from reportkit.fonts import locate, prepare
from reportkit.fonts.resolve import FontError, FontSet
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN, cli, minimal_source

LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
FANDOL = locate.find("FandolFang")


def test_families_resolve_through_fontconfig(template) -> None:
    fonts = FontSet(template.profile)
    assert fonts.missing_roles() == []
    face = fonts.face("fangsong", "仿")
    assert face is not None and face.face.family.startswith("FandolFang")
    assert fonts.face("fangsong", "7").face.family == "Liberation Serif"
    assert fonts.face("xiaobiaosong", "标").face.style == "Bold"


def test_rare_name_characters_fall_back_per_character(template) -> None:
    fonts = FontSet(template.profile)
    for char in "堃喆镕":
        assert ord(char) not in fonts.face("fangsong", "仿").cmap  # FandolFang lacks them
        fallback = fonts.face("fangsong", char)
        assert fallback is not None and not fallback.face.family.startswith("FandolFang")


def test_folder_scan_finds_fonts_by_any_of_their_names(tmp_path: Path, monkeypatch) -> None:
    """The Windows/macOS way: read the name tables of the files in the font folders."""
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    shutil.copy(LIBERATION, tmp_path / "times.ttf")
    faces = locate.scan_folder(tmp_path)
    assert [(f.file.name, f.index, f.style) for f in faces] == [("times.ttf", 0, "Regular")]
    assert "Liberation Serif" in faces[0].family.split(",")
    assert (tmp_path / "cache/font-index.json").exists()


def test_cff_fonts_are_converted_once_and_cached(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    font = TTFont(str(FANDOL.file))
    options = subset.Options()
    options.layout_features = []
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="学习考察体会")
    subsetter.subset(font)
    small = tmp_path / "small.otf"
    font.save(str(small))
    assert "CFF " in TTFont(str(small))
    face = locate.Face(small, 0, "Small", "Regular")
    ready = prepare.prepare(face)
    converted = TTFont(str(ready.file))
    assert "glyf" in converted and "CFF " not in converted
    assert converted["head"].unitsPerEm == 1000
    assert ord("考") in ready.cmap
    stamp = ready.file.stat().st_mtime_ns
    again = prepare.prepare(face)
    assert again.file == ready.file and again.file.stat().st_mtime_ns == stamp
    assert ready.key in str(ready.file)  # keyed by the file's content hash


def restricted_copy(tmp_path: Path) -> Path:
    font = TTFont(str(LIBERATION))
    font["OS/2"].fsType = 0x0002
    target = tmp_path / "restricted.ttf"
    font.save(str(target))
    return target


def test_a_font_that_may_not_be_embedded_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    restricted = restricted_copy(tmp_path)
    source = minimal_source(tmp_path / "src")
    result = cli(
        "build",
        source,
        "-o",
        tmp_path / "out",
        "--format",
        "pdf",
        "--font",
        f"fangsong.latin={restricted}",
    )
    assert result.exit_code == 1
    assert (
        f"{restricted}: Liberation Serif: 错误：字体“Liberation Serif”的授权不允许嵌入 PDF（OS/2 fsType = 0x0002），"
        "不能用于存档文件，请换用其他字体" in result.stderr
    )
    assert not (tmp_path / "out").exists()


def test_a_role_can_point_at_a_font_file(tmp_path: Path) -> None:
    uming = locate.find("AR PL UMing CN")
    source = minimal_source(tmp_path / "src")
    result = cli(
        "build", source, "-o", tmp_path / "out", "--format", "pdf", "--font", f"kaiti={uming.file}"
    )
    assert result.exit_code == 0, result.stderr
    with pdfplumber.open(tmp_path / "out/src.pdf") as pdf:
        byline = [c for c in pdf.pages[0].chars if c["text"] == "李"]
        assert byline and byline[0]["fontname"].endswith("UMingCN")


def test_a_bad_font_option_is_a_clear_error(tmp_path: Path) -> None:
    result = cli(
        "build", minimal_source(tmp_path / "src"), "-o", tmp_path / "out", "--font", "kaiti"
    )
    assert result.exit_code == 1
    assert "--font 的写法应为 角色=字体文件" in result.stderr
    result = cli(
        "build",
        minimal_source(tmp_path / "src"),
        "-o",
        tmp_path / "o",
        "--format",
        "pdf",
        "--font",
        "kaiti=/nope.ttf",
    )
    assert result.exit_code == 1
    assert "/nope.ttf: kaiti: 错误：找不到这个字体文件" in result.stderr


def test_a_character_no_font_has_stops_the_build_with_its_place(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("name: 李明", "name: 李𓀀")
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": article})
    outcome = build.build(source, build.Options(tmp_path / "out", formats=("docx", "pdf")))
    assert isinstance(outcome.error, FontError)
    assert [str(p) for p in outcome.error.problems] == [
        f"{source}/articles/a.yaml:3: authors[0]: 错误：第 1 篇文章，字符“𓀀”（U+13000）在字体角色 kaiti "
        "的所有可用字体中都没有，无法排入 PDF。请安装含有该字的字体，或用 --font 指定"
    ]
    assert not (tmp_path / "out").exists()  # not even the .docx


def test_characters_beyond_the_bmp_copy_and_search_right(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("name: 李明", "name: 𠮷田").replace(
        "本次学习收获很大。", "本次学习收获很大，𠮷野家也去了。"
    )
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": article})
    outcome = build.build(source, build.Options(tmp_path / "out", formats=("pdf",)))
    assert outcome.error is None, outcome.error
    with pdfplumber.open(tmp_path / "out/src.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "𠮷田" in text
    assert "𠮷野家也去了" in text


def test_fonts_command_reports_roles_and_coverage(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("name: 李明", "name: 王堃")
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": article})
    result = cli("fonts", source)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"fangsong\t中文\tFandolFang\t{FANDOL.file}"
    kaiti = next(line for line in lines if line.startswith("kaiti\t覆盖"))
    assert kaiti == "kaiti\t覆盖\t14/14 个字\tAR PL UKai CN 14"


def test_fonts_command_fails_when_a_role_cannot_be_resolved(tmp_path: Path) -> None:
    from tests.test_template import copy_template, edit

    template = copy_template(tmp_path)
    edit(
        template / "template.yaml",
        "east_asian: [黑体, SimHei, WenQuanYi Micro Hei, FandolHei, Noto Sans CJK SC]",
        "east_asian: [黑体, SimHei]",
    )
    result = cli("fonts", "--template", template)
    assert result.exit_code == 1
    assert "heiti\t中文\t（本机没有：黑体、SimHei）\t-" in result.stdout
    out = cli(
        "build",
        minimal_source(tmp_path / "src"),
        "-o",
        tmp_path / "out",
        "--format",
        "pdf",
        "--template",
        template,
    )
    assert out.exit_code == 1
    assert "heiti: 错误：本机没有 黑体、SimHei 中的任何一种字体" in out.stderr


def test_prepared_fonts_agree_with_reportlab_widths() -> None:
    """Fonts are scaled to 1000 units: reportlab's subset keeps trailing advances scaled."""
    ready = prepare.prepare(locate.find("AR PL UMing CN"))
    font = TTFont(str(ready.file))
    assert font["head"].unitsPerEm == 1000


def test_in_base_answers_as_the_base_set_for_every_code_point():
    from reportkit.fonts import charsets

    base = charsets.base()
    assert len(base) > 7000
    differ = [c for c in range(0x110000) if charsets.in_base(c) != (c in base)]
    assert differ == []


def test_fontconfig_faces_are_remembered_until_its_caches_change(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    calls = []
    listed = locate._fc_list()
    monkeypatch.setattr(locate, "_fc_list", lambda: calls.append(1) or listed)
    first = locate._fontconfig()
    second = locate._fontconfig()
    assert first == second == listed and len(calls) == 1
    monkeypatch.setattr(locate, "_fontconfig_stamp", lambda: [["changed", 1, []]])
    locate._fontconfig()
    assert len(calls) == 2


def test_a_character_no_font_has_is_named_in_every_place_it_is_written(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("name: 李明", "name: 李𓀀")
    second = MINIMAL_ARTICLE.replace("name: 李明", "name: 王𓀀")
    bulletin = MINIMAL_BULLETIN.replace(
        "  - articles/a.yaml", "  - articles/a.yaml\n  - articles/b.yaml"
    )
    source = minimal_source(
        tmp_path / "src",
        **{"bulletin.yaml": bulletin, "articles/a.yaml": article, "articles/b.yaml": second},
    )
    outcome = build.build(source, build.Options(tmp_path / "out", formats=("pdf",)))
    assert isinstance(outcome.error, FontError)
    places = [str(p).split(" 错误：")[0] for p in outcome.error.problems]
    assert places == [
        f"{source}/articles/a.yaml:3: authors[0]:",
        f"{source}/articles/b.yaml:3: authors[0]:",
    ]


def test_a_font_read_back_from_the_cache_answers_as_its_file_does(tmp_path: Path) -> None:
    """A face read back keeps its character map and widths packed: ASCII (which reportlab
    looks up when it starts a subset) is unpacked at once, other characters as a document
    asks for them, each with the glyph and width the font file gives it."""
    from reportkit.render.pdf import fontload

    base = tmp_path / "base.ttf"
    shutil.copy(prepare.prepare(FANDOL).file, base)
    read = fontload.load("rk-test-read", base)  # parsed from the file, its state kept beside it
    kept = fontload.load("rk-test-kept", base)  # read back from that state
    assert list(tmp_path.glob("base.rl*.marshal"))
    ascii_codes = {code for code in range(128) if code in read.face.charToGlyph}
    assert set(kept.face.charToGlyph) == ascii_codes | {0xA0}
    text = "学习考察体会，一是２０１９年"
    fontload.learn(kept, [*map(ord, text), 0x10FFFD])  # the last: a code the font lacks
    for code in map(ord, text):
        assert kept.face.charToGlyph[code] == read.face.charToGlyph[code]
        assert kept.face.charWidths[code] == read.face.charWidths[code]
    assert 0x10FFFD not in kept.face.charToGlyph and 0x10FFFD not in kept.face.charWidths
    # measured as reportlab measures (its accelerator reads the widths table directly); not
    # registered, so that no later PDF of this process is drawn with these two
    assert kept.stringWidth(text, 16) == read.stringWidth(text, 16) > 0
