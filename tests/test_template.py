"""Templates as data: changing a value changes the output; pieces are sandboxed."""

import shutil
from pathlib import Path

import pytest

from reportkit import build
from reportkit.errors import TemplateError
from reportkit.template import registry
from tests.helpers import MM, REPO, W, docx_text, docx_xml, minimal_source


def copy_template(tmp_path: Path) -> Path:
    target = tmp_path / "my-template"
    shutil.copytree(REPO / "templates/gbt9704-bulletin", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_with(source: Path, template: Path | str, out: Path) -> Path:
    outcome = build.build(source, build.Options(out, template=str(template)))
    assert outcome.error is None, outcome.error
    return out / f"{source.name}.docx"


def normal_font(docx: Path) -> str:
    styles = docx_xml(docx, "word/styles.xml")
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}styleId") == "Normal":
            return style.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia")
    raise AssertionError


def test_changing_the_body_font_changes_the_document(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    template = copy_template(tmp_path)
    edit(
        template / "template.yaml",
        "east_asian: [仿宋_GB2312, 仿宋",
        "east_asian: [仿宋, 仿宋_GB2312",
    )
    assert normal_font(build_with(source, "gbt9704-bulletin", tmp_path / "a")) == "仿宋_GB2312"
    assert normal_font(build_with(source, template, tmp_path / "b")) == "仿宋"


def test_changing_the_red_changes_the_masthead(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    template = copy_template(tmp_path)
    edit(template / "template.yaml", 'red: "#FF0000"', 'red: "#C00000"')
    docx = build_with(source, template, tmp_path / "out")
    styles = docx_xml(docx, "word/styles.xml")
    colours = {c.get(f"{W}val") for c in styles.iter(f"{W}color")}
    assert "C00000" in colours and "FF0000" not in colours


def test_changing_the_line_pitch_changes_the_grid(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    template = copy_template(tmp_path)
    edit(template / "template.yaml", "line_pitch: 28.95pt", "line_pitch: 28pt")
    docx = build_with(source, template, tmp_path / "out")
    grid = docx_xml(docx).find(f"{W}body/{W}sectPr/{W}docGrid")
    assert grid.get(f"{W}linePitch") == "560"


def test_changing_a_piece_changes_the_text(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    template = copy_template(tmp_path)
    (template / "pieces/issue.j2").write_text(
        "{{ masthead.year }}年第{{ masthead.issue }}期\n", encoding="utf-8"
    )
    (template / "pieces/filename.j2").write_text(
        "{{ source_name }}-{{ masthead.issue }}\n", encoding="utf-8"
    )
    docx = build_with(source, template, tmp_path / "out").with_name("src-1.docx")
    assert "2024年第1期" in docx_text(docx)


def test_source_text_is_never_evaluated(tmp_path: Path) -> None:
    source = minimal_source(
        tmp_path / "src",
        **{
            "articles/a.yaml": "title: 关于{{ x }}的体会{% if 1 %}\n"
            "authors: [{unit: '{{ unit }}', name: 李明}]\nlead: 正文。\n"
        },
    )
    text = docx_text(build_with(source, "gbt9704-bulletin", tmp_path / "out"))
    assert "关于{{ x }}的体会{% if 1 %}" in text
    assert "{{ unit }}　李明" in text


def test_pieces_run_with_strict_undefined(tmp_path: Path) -> None:
    template = copy_template(tmp_path)
    (template / "pieces/issue.j2").write_text("第{{ number }}期\n", encoding="utf-8")
    outcome = build.build(
        minimal_source(tmp_path / "src"), build.Options(tmp_path / "out", template=str(template))
    )
    assert isinstance(outcome.error, TemplateError)
    assert (
        str(outcome.error)
        == f"{template.resolve()}/pieces/issue.j2:1: issue: 错误：文字片段用到了没有的数据“number”"
    )
    assert not (tmp_path / "out").exists()


def test_pieces_are_sandboxed(tmp_path: Path) -> None:
    template = copy_template(tmp_path)
    (template / "pieces/issue.j2").write_text("{{ issue.__class__.__mro__ }}\n", encoding="utf-8")
    outcome = build.build(
        minimal_source(tmp_path / "src"), build.Options(tmp_path / "out", template=str(template))
    )
    assert isinstance(outcome.error, TemplateError)
    assert "文字片段" in str(outcome.error)


def test_a_broken_template_value_is_reported_with_its_line(tmp_path: Path) -> None:
    template = copy_template(tmp_path)
    edit(template / "template.yaml", "margin_top: 37mm", "margin_top: 37")
    with pytest.raises(TemplateError) as info:
        registry.load(str(template))
    assert (
        str(info.value)
        == f"{template.resolve()}/template.yaml:44: page.margin_top: 错误：长度“37”缺少单位，请写成例如 37pt 或 37mm"
    )


def test_unknown_template_name(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        registry.load("gbt9704-nothing")
    assert "找不到模板“gbt9704-nothing”。内置模板有：gbt9704-bulletin" in str(info.value)


def test_renderer_code_holds_no_format_numbers() -> None:
    """The numbers of the format (mm, pt, font names, colours) live in template data only."""
    forbidden = [
        "仿宋",
        "楷体",
        "黑体",
        "宋体",
        "FF0000",
        "28.95",
        "37",
        "156",
        "225",
        "579",
        "Times New Roman",
    ]
    for path in (REPO / "src/reportkit/render").rglob("*.py"):
        code = "\n".join(
            line.split("#")[0]
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.strip().startswith(('"""', "#"))
        )
        for value in forbidden:
            assert value not in code, f"{path.name}: {value}"


def test_font_aliases_follow_the_template(template) -> None:
    """The LibreOffice alias file maps each official name to an open font the template lists."""
    aliases = (REPO / "fontconfig/reportkit-aliases.conf").read_text(encoding="utf-8")
    for role in template.profile.fonts.values():
        official, open_fonts = role.east_asian[0], [f.split(":")[0] for f in role.east_asian[1:]]
        block = aliases.split(f"<string>{official}</string>", 1)[1].split("</match>", 1)[0]
        target = block.split("<string>", 1)[1].split("</string>", 1)[0]
        assert target in open_fonts, (official, target)


def test_renderers_know_blocks_not_document_parts() -> None:
    """Renderers and pagination name no part of a document: parts are template data."""
    parts = [
        "masthead",
        "end_matter",
        "byline",
        "signature",
        "article",
        "报头",
        "版记",
        "署名",
        "issuer",
    ]
    for folder in ("render", "layout"):
        for path in (REPO / "src/reportkit" / folder).rglob("*.py"):
            lines = path.read_text(encoding="utf-8").splitlines()
            code, in_doc = [], False
            for line in lines:
                stripped = line.strip()
                if stripped.startswith('"""') or stripped.endswith('"""'):
                    in_doc = not in_doc if stripped.count('"""') == 1 else in_doc
                    continue
                if not in_doc:
                    code.append(line.split("#")[0])
            text = "\n".join(code)
            for word in parts:
                assert word not in text, f"{path.relative_to(REPO)}: {word}"


HOUSE = """\
# 本单位的简报：红色略深，报头名称小一些
extends: gbt9704-bulletin
name: house-bulletin
colours:
  red: "#C00000"
styles:
  masthead_name: {size: 小初}
"""


def house(tmp_path: Path, text: str = HOUSE, name: str = "house") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "template.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_house_template_changes_one_colour_and_one_size(tmp_path: Path) -> None:
    """Seven lines of house rules over the built-in template: a mapping merges key by key."""
    import pdfplumber

    template = registry.load(str(house(tmp_path)))
    assert template.profile.colour("red") == "C00000"
    assert template.profile.style("masthead_name").size == 36
    assert template.profile.style("title").size == 22  # everything else inherited
    source = minimal_source(tmp_path / "src")
    outcome = build.build(
        source, build.Options(tmp_path / "out", ("docx", "pdf"), str(template.folder))
    )
    assert outcome.error is None, outcome.error
    styles = docx_xml(tmp_path / "out/src.docx", "word/styles.xml")
    name_style = next(
        s for s in styles.iter(f"{W}style") if s.find(f"{W}name").get(f"{W}val") == "报头名称"
    )
    assert name_style.find(f"{W}rPr/{W}sz").get(f"{W}val") == "72"
    assert name_style.find(f"{W}rPr/{W}color").get(f"{W}val") == "C00000"
    with pdfplumber.open(tmp_path / "out/src.pdf") as pdf:
        name = next(c for c in pdf.pages[0].chars if c["text"] == "学")
    assert round(name["size"]) == 36
    assert tuple(round(v, 2) for v in name["non_stroking_color"]) == (0.75, 0.0, 0.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "extends: gbt9704-nothing\n",
            "1: extends: 错误：找不到要继承的模板“gbt9704-nothing”。内置模板有：",
        ),
        (
            "extends: [gbt9704-bulletin]\n",
            "1: extends: 错误：extends 应写要继承的模板名或文件夹路径",
        ),
        ("extends: ../house\n", "1: extends: 错误：模板继承成了环：“../house”又继承回这里"),
        (
            "extends: gbt9704-bulletin\nstyles:\n  title: {size: 22}\n",
            "3: styles.title.size: 错误：长度“22”缺少单位，请写成例如 22pt 或 22mm",
        ),
    ],
)
def test_a_wrong_extends_names_its_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    folder = house(tmp_path, text)
    with pytest.raises(TemplateError) as info:
        registry.load(str(folder))
    assert str(info.value).startswith(f"{folder / 'template.yaml'}:{message}") or str(
        info.value
    ).startswith(f"{folder.resolve() / 'template.yaml'}:{message}"), str(info.value)


def test_an_error_in_the_base_names_the_base_file(tmp_path: Path) -> None:
    child = house(tmp_path, "extends: my-template\nname: child\n", "child")
    base = copy_template(child)  # what a template extends lies inside its folder
    edit(base / "template.yaml", "margin_top: 37mm", "margin_top: 37")
    with pytest.raises(TemplateError) as info:
        registry.load(str(child))
    assert f"{base.resolve()}/template.yaml:44: page.margin_top:" in str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{part: text, style: masthead_issue, piece: issue}",
            "{part: text, piece: issue}",
            "template.yaml:14: parts[2]: 错误：“text”部分需要写 style",
        ),
        (
            "{part: space, lines: 1}",
            "{part: blank, lines: 1}",
            "template.yaml:18: parts[6].part: 错误：没有“blank”这种部分。可以写：text、lines、rule、"
            "space、title、articles、body、attachment_note、signature、attachments、attendance、"
            "end_block",
        ),
    ],
)
def test_a_part_the_builders_cannot_make_is_named(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    template = copy_template(tmp_path)
    edit(template / "template.yaml", old, new)
    with pytest.raises(TemplateError) as info:
        registry.load(str(template))
    assert str(info.value) == f"{template.resolve()}/{message}"


def test_sizes_that_are_not_a_table_are_named(tmp_path: Path) -> None:
    template = copy_template(tmp_path)
    text = (template / "template.yaml").read_text(encoding="utf-8")
    start = text.index("sizes:\n")
    end = text.index("\n\n", start)
    (template / "template.yaml").write_text(text[:start] + "sizes: left" + text[end:], "utf-8")
    with pytest.raises(TemplateError) as info:
        registry.load(str(template))
    assert (
        f"{template.resolve()}/template.yaml:28: sizes: 错误：“sizes”应为“字段: 值”形式的内容"
        in str(info.value).splitlines()
    )


def test_a_kept_template_is_read_again_when_its_file_changes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    template = copy_template(tmp_path).resolve()
    load = registry._load_folder.__wrapped__  # without the per-process memo
    first = load(template)
    assert list((tmp_path / "cache/templates").iterdir())  # kept
    with monkeypatch.context() as patched:
        patched.setattr(registry, "_merged", None)  # a kept template is not read again
        again = load(template)
    assert again.profile == first.profile and again.version == first.version
    edit(template / "template.yaml", "margin_top: 37mm", "margin_top: 36mm")
    changed = load(template)
    assert changed.version != first.version
    assert round(changed.profile.page.margin_top / MM, 3) == 36
    edit(template / "template.yaml", "margin_top: 36mm", "margin_top: 36")
    with pytest.raises(TemplateError, match="长度“36”缺少单位"):
        load(template)


def test_pieces_follow_their_files(tmp_path: Path, monkeypatch) -> None:
    """Pieces are compiled from their files on every load (compiled code is never kept in the
    cache): an edited piece, and a piece a house template adds to its own folder over the
    one it inherits, are used at once."""
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    load = registry._load_folder.__wrapped__  # without the per-process memo
    folder = house(tmp_path).resolve()
    author = {"unit": "高新区", "position": "主任", "name": "田宇"}
    assert load(folder).pieces.render("byline", author=author) == "高新区主任　田宇"
    assert load(folder).pieces.render("byline", author=author) == "高新区主任　田宇"
    (folder / "pieces").mkdir()
    (folder / "pieces/byline.j2").write_text("{{ author.name }}（{{ author.unit }}）", "utf-8")
    assert load(folder).pieces.render("byline", author=author) == "田宇（高新区）"
    edit(folder / "pieces/byline.j2", "（", "【")
    assert load(folder).pieces.render("byline", author=author) == "田宇【高新区）"
    (folder / "pieces/byline.j2").write_text("{{ author.name ", "utf-8")
    with pytest.raises(TemplateError, match="byline: 错误：模板语法有误"):
        load(folder)


def test_style_names_with_quotes_and_ampersands_build(tmp_path: Path) -> None:
    """A label is the name a clerk sees in Word's style list: any text may go in it."""
    folder = house(
        tmp_path,
        "extends: gbt9704-bulletin\nstyles:\n"
        '  title: {label: \'R&D <标题> "甲"\'}\n  runin: {label: "要点&首句\'"}\n',
    )
    source = minimal_source(tmp_path / "src")
    outcome = build.build(source, build.Options(tmp_path / "out", ("docx", "pdf"), str(folder)))
    assert outcome.error is None, outcome.error
    styles = docx_xml(tmp_path / "out/src.docx", "word/styles.xml")  # parses: well-formed
    names = {s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")}
    assert {'R&D <标题> "甲"', "要点&首句'"} <= names


def test_two_styles_word_cannot_tell_apart_are_named_where_written(tmp_path: Path) -> None:
    folder = house(tmp_path, "extends: gbt9704-bulletin\nstyles:\n  byline: {label: 版记}\n")
    with pytest.raises(TemplateError) as info:
        registry.load(str(folder))
    lines = str(info.value).splitlines()
    assert (
        f"{folder.resolve()}/template.yaml:3: styles.byline.label: 错误：与样式 end_matter 同名"
        "（“版记”），Word 里不能有两个同名样式，请换一个 label"
    ) in lines
    assert any(
        line.startswith(f"{REPO}/templates/gbt9704-bulletin/template.yaml:")
        and "styles.end_matter.label: 错误：与样式 byline 同名（“版记”）" in line
        for line in lines
    )
    (folder / "template.yaml").write_text(
        "extends: gbt9704-bulletin\nstyles:\n  byline: {label: Normal}\n", "utf-8"
    )
    with pytest.raises(TemplateError) as info:
        registry.load(str(folder))
    assert (
        f"{folder.resolve()}/template.yaml:3: styles.byline.label: 错误："
        "“Normal”是 Word 自带样式的名称，请换一个 label"
    ) in str(info.value).splitlines()


def test_a_piece_with_a_control_character_is_named_with_its_line(tmp_path: Path) -> None:
    """A form feed pasted into a piece would make a .docx Word cannot open."""
    folder = house(tmp_path, "extends: gbt9704-bulletin\n")
    (folder / "pieces").mkdir()
    (folder / "pieces/byline.j2").write_text(
        "{# 署名 #}\n{{ author.unit }}\x0c{{ author.name }}", "utf-8"
    )
    with pytest.raises(TemplateError) as info:
        registry.load(str(folder))
    assert str(info.value).splitlines() == [
        f"{folder.resolve()}/pieces/byline.j2:2: byline: 错误：文字片段里有无法排版的字符："
        "U+000C（换页符），请删去"
    ]


def test_every_part_a_template_may_name_has_one_builder() -> None:
    from reportkit.compose.parts import BUILDERS
    from reportkit.template.parts import NEEDS

    assert sorted(BUILDERS) == sorted(NEEDS)
