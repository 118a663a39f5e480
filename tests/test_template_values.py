"""A template's numbers are checked for sense before anything is laid out: each value out of
its range is named at its own line with the range, every problem of a template at once.
What build would refuse, validate names alike; the formats of one build are written all or
none."""

from __future__ import annotations

import errno
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from reportkit import build
from reportkit.template import registry
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN, cli, minimal_source

HEAD = "extends: gbt9704-bulletin\nname: house\n"
BASE = registry.builtin_root().resolve() / "gbt9704-bulletin" / "template.yaml"


def house(tmp_path: Path, text: str) -> Path:
    """A house template over the built-in bulletin: ``HEAD`` then ``text`` (from line 3)."""
    folder = tmp_path / "house"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "template.yaml").write_text(HEAD + text, encoding="utf-8")
    return folder.resolve()


def refused(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """Build the minimal bulletin with a house template: the lines of the refusal, checked to
    have come quickly, before anything was composed or laid out, with nothing written."""

    def no_layout(*args: object) -> None:
        raise AssertionError("the document was composed with a broken template")

    monkeypatch.setattr(build, "compose", no_layout)
    folder = house(tmp_path, text)
    source = minimal_source(tmp_path / "src")
    start = time.perf_counter()
    result = cli("build", source, "-o", tmp_path / "out", "--template", folder)
    assert time.perf_counter() - start < 5
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("src.*"))
    lines = result.stderr.splitlines()
    assert lines[-1] == f"失败 1 个：{source}"
    return folder / "template.yaml", lines[:-1]


CASES = [
    (
        "styles:\n  body: {size: 0pt}\n",
        4,
        "styles.body.size",
        "字号应在 1 到 200 磅之间，而不是 0 磅",
    ),
    ("sizes: {三号: 300pt}\n", 3, "sizes.三号", "字号应在 1 到 200 磅之间，而不是 300 磅"),
    ("grid:\n  line_pitch: 0pt\n", 4, "grid.line_pitch", "行距应在 1 到 200 磅之间，而不是 0 磅"),
    ("grid:\n  lines: 100000\n", 4, "grid.lines", "每页行数应在 1 到 200 之间，而不是 100000"),
    ("grid: {chars: 0}\n", 3, "grid.chars", "每行字数应在 1 到 200 之间，而不是 0"),
    (
        "page:\n  width: -210mm\n",
        4,
        "page.width",
        "纸张宽度应在 50 到 2000 毫米之间，而不是 -210 毫米",
    ),
    ("page:\n  height: 3m\n", 4, "page.height", "长度“3m”无法识别，请写成例如 37mm 或 16pt"),
    (
        "rules:\n  masthead: {width: -1pt}\n",
        4,
        "rules.masthead.width",
        "线宽应在 0 到 20 磅之间，而不是 -1 磅",
    ),
    (
        "styles:\n  title: {line_height: 0}\n",
        4,
        "styles.title.line_height",
        "行高应在 0.25 到 20 行之间，而不是 0 行",
    ),
    (
        "figures: {max_dpi: 0}\n",
        3,
        "figures.max_dpi",
        "PDF 中照片的最高分辨率应在 72 到 2400 dpi 之间，而不是 0 dpi",
    ),
    (
        'colours:\n  red: "#C0000"\n',
        4,
        "colours.red",
        "颜色“#C0000”写法不对，应写成“#”加六位十六进制数，例如 #C00000",
    ),
    (
        "page:\n  margin_top: 300mm\n",
        4,
        "page.margin_top",
        "页边距太大：天头（300 毫米）加版心高度（225 毫米）超过了纸张高度（297 毫米）；"
        "天头应在 0 到 72 毫米之间",
    ),
    (
        "page:\n  type_width: 200mm\n",
        4,
        "page.type_width",
        "版心太大：订口（28 毫米）加版心宽度（200 毫米）超过了纸张宽度（210 毫米）；"
        "版心宽度应在 10 到 182 毫米之间",
    ),
    (
        "grid:\n  lines: 30\n",
        4,
        "grid.lines",
        "每页行数太多：30 行 × 行距 28.95 磅 = 306.39 毫米，超过了版心高度（225 毫米）；"
        "行距 28.95 磅时每页行数应在 1 到 22 之间",
    ),
    (
        "grid:\n  line_pitch: 40pt\n",
        4,
        "grid.line_pitch",
        "行距太大：22 行 × 行距 40 磅 = 310.44 毫米，超过了版心高度（225 毫米）；"
        "每页 22 行时行距应在 1 到 28.99 磅之间",
    ),
    (
        "styles:\n  heading:\n    first_line_indent: 30\n",
        5,
        "styles.heading.first_line_indent",
        "缩进太多：样式 heading 的首行缩进 30 字，版心一行只放得下 27.63 个 16 磅的字，"
        "缩进后一个字也放不下；首行缩进应在 0 到 26.63 字之间",
    ),
    (
        "styles:\n  title: {colour: rot}\n",
        4,
        "styles.title.colour",
        "颜色“rot”无法识别：请写 colours 中的名称（text、red）或“#”加六位十六进制数，例如 #C00000",
    ),
    (
        "parts:\n  - {part: text, style: body, field: masthead.unit}\n  - {part: space, lines: 23}\n",
        5,
        "parts[1].lines",
        "第 2 个部分的空行数（23 行）超过了每页行数（22 行）；空行数应在 0 到 22 行之间",
    ),
    (
        "figures: {min_dpi: 600}\n",
        3,
        "figures.min_dpi",
        "照片的最低分辨率（600 dpi）高于 PDF 中照片的最高分辨率（300 dpi）；"
        "最低分辨率应在 50 到 300 dpi 之间",
    ),
    (
        "page_number: {below_type_area: 40mm}\n",
        3,
        "page_number.below_type_area",
        "页码离版心太远：页码距版心下边缘 40 毫米，版心下面只有 35 毫米，放不下 14 磅的页码；"
        "页码距版心下边缘应在 0 到 30.06 毫米之间",
    ),
]


@pytest.mark.parametrize(("text", "line", "field", "message"), CASES, ids=[c[2] for c in CASES])
def test_a_bad_value_is_named_at_its_line_with_its_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, line: int, field: str, message: str
) -> None:
    file, lines = refused(tmp_path, text, monkeypatch)
    assert lines == [f"{file}:{line}: {field}: 错误：{message}"]
    result = cli("validate", minimal_source(tmp_path / "v"), "--template", file.parent)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == lines


def test_every_bad_value_of_a_template_is_named_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad colour, a negative rule width, margins past the paper, a pitch of 0, 100,000
    lines and a size of 0: each at its own line, in the order they are written."""
    text = (
        "colours:\n"
        '  red: "#C0000"\n'  # 4
        "rules:\n"
        "  masthead: {width: -1pt}\n"  # 6
        "page:\n"
        "  margin_top: 300mm\n"  # 8
        "grid:\n"
        "  line_pitch: 0pt\n"  # 10
        "  lines: 100000\n"  # 11
        "styles:\n"
        "  body: {size: 0pt}\n"  # 13
        "  title: {colour: rot, first_line_indent: 40}\n"  # 14
    )
    file, lines = refused(tmp_path, text, monkeypatch)
    assert lines == [
        f"{file}:4: colours.red: 错误：颜色“#C0000”写法不对，应写成“#”加六位十六进制数，例如 #C00000",
        f"{file}:6: rules.masthead.width: 错误：线宽应在 0 到 20 磅之间，而不是 -1 磅",
        f"{file}:8: page.margin_top: 错误：页边距太大：天头（300 毫米）加版心高度（225 毫米）"
        "超过了纸张高度（297 毫米）；天头应在 0 到 72 毫米之间",
        f"{file}:10: grid.line_pitch: 错误：行距应在 1 到 200 磅之间，而不是 0 磅",
        f"{file}:11: grid.lines: 错误：每页行数应在 1 到 200 之间，而不是 100000",
        f"{file}:13: styles.body.size: 错误：字号应在 1 到 200 磅之间，而不是 0 磅",
        f"{file}:14: styles.title.colour: 错误：颜色“rot”无法识别：请写 colours 中的名称"
        "（text、red）或“#”加六位十六进制数，例如 #C00000",
        f"{file}:14: styles.title.first_line_indent: 错误：缩进太多：样式 title 的首行缩进 40 字，"
        "版心一行只放得下 20.1 个 22 磅的字，缩进后一个字也放不下；首行缩进应在 0 到 19.1 字之间",
    ]


def test_a_problem_is_blamed_on_the_value_the_house_template_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines × pitch past the type area: the house changed the type area's height, so that is
    the value named (not the built-in template's lines or pitch)."""
    file, lines = refused(tmp_path, "page: {type_height: 200mm}\n", monkeypatch)
    assert lines == [
        f"{file}:3: page.type_height: 错误：版心高度不够：22 行 × 行距 28.95 磅 = 224.68 毫米，"
        "超过了版心高度（200 毫米）；版心高度至少应为 224.69 毫米"
    ]


def test_a_value_inherited_is_named_in_the_file_it_is_written_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A house template whose body text is 200 pt: the indent the built-in template gives the
    body no longer fits, and the size the house sets is named."""
    file, lines = refused(tmp_path, "styles:\n  body: {size: 200pt}\n", monkeypatch)
    assert lines == [
        f"{file}:4: styles.body.size: 错误：字号太大：样式 body 的首行缩进 2 字，版心一行只放得下 "
        "2.21 个 200 磅的字，缩进后一个字也放不下；字号应在 1 到 147.4 磅之间"
    ]


def test_a_list_the_house_template_replaces_keeps_no_line_of_the_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The house's parts replace the bulletin's: a part missing its builder is named in the
    house file, not at the line of the bulletin's part of the same place."""
    text = "parts:\n  - {part: text, style: body, field: masthead.unit}\n  - style: body\n"
    file, lines = refused(tmp_path, text, monkeypatch)
    assert lines == [f"{file}:5: parts[1].part: 错误：缺少必填字段“part”"]


def test_an_error_of_the_base_names_the_base_file(tmp_path: Path) -> None:
    child = tmp_path / "child"
    base = child / "base"  # what a template extends lies inside its folder
    base.mkdir(parents=True)
    text = BASE.read_text(encoding="utf-8").replace("line_pitch: 28.95pt", "line_pitch: 0pt")
    (base / "template.yaml").write_text(text, encoding="utf-8")
    line = text[: text.index("line_pitch: 0pt")].count("\n") + 1
    (child / "template.yaml").write_text("extends: base\nname: child\n", encoding="utf-8")
    result = cli("validate", minimal_source(tmp_path / "src"), "--template", child)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{base.resolve()}/template.yaml:{line}: grid.line_pitch: 错误：行距应在 1 到 200 磅之间，"
        "而不是 0 磅"
    ]


@pytest.mark.parametrize("name", registry.builtin_names())
def test_the_builtin_templates_pass(name: str) -> None:
    assert registry.load(name).profile.name == name


# both formats or neither -------------------------------------------------------------------


def full_disk_on(monkeypatch: pytest.MonkeyPatch, out: Path, call: int) -> None:
    """The ``call``-th file written in ``out`` takes half its data, then the disk is full."""
    real_mkstemp, real_fdopen = tempfile.mkstemp, os.fdopen
    made: list[str] = []  # files made in the output folder, in order
    failing: set[int] = set()  # the descriptor of the one to fail, until it is opened

    class Full:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        if Path(name).parent == out:
            made.append(name)
            if len(made) == call:
                failing.add(fd)
        return fd, name

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        if fd in failing:
            failing.discard(fd)
            return Full(handle)
        return handle

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "fdopen", fdopen)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_full_disk_on_the_pdf_leaves_no_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, out = minimal_source(tmp_path / "src"), tmp_path / "out"
    full_disk_on(monkeypatch, out, 2)  # the .docx is written, then the .pdf fills the disk
    result = cli("build", source, "-o", out, "--format", "docx,pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}: 错误：无法写出 {out}/src.pdf（磁盘已满）；{out}/src.docx 也未写出",
        f"失败 1 个：{source}",
    ]
    assert "已写出" not in result.stdout
    assert listing(out) == [".reportkit-manifest.json"]
    assert json.loads((out / ".reportkit-manifest.json").read_text(encoding="utf-8")) == {}


def test_a_full_disk_keeps_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outputs of the last good build stay as they were, and the bulletin is not taken
    as built (the next run builds it again)."""
    source, out = minimal_source(tmp_path / "src"), tmp_path / "out"
    assert cli("build", source, "-o", out, "--format", "docx,pdf").exit_code == 0
    before = {name: (out / name).read_bytes() for name in ("src.docx", "src.pdf")}
    (source / "articles/a.yaml").write_text(
        (source / "articles/a.yaml").read_text(encoding="utf-8").replace("很大", "不小"),
        encoding="utf-8",
    )
    with monkeypatch.context() as patched:
        full_disk_on(patched, out, 2)
        result = cli("build", source, "-o", out, "--format", "docx,pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}: 错误：无法写出 {out}/src.pdf（磁盘已满）；{out}/src.docx 也未写出，"
        "原有文件保持不变"
    )
    assert {name: (out / name).read_bytes() for name in before} == before
    assert listing(out) == [".reportkit-manifest.json", "src.docx", "src.pdf"]
    again = cli("build", source, "-o", out, "--format", "docx,pdf")
    assert again.exit_code == 0 and "跳过" not in again.stdout
    assert (out / "src.docx").read_bytes() != before["src.docx"]


def test_a_batch_counts_a_bulletin_the_disk_refused_as_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = minimal_source(tmp_path / "a"), minimal_source(tmp_path / "b")
    out = tmp_path / "out"
    full_disk_on(monkeypatch, out, 2)  # the first bulletin's .pdf
    result = cli("build", first, second, "-o", out, "--format", "docx,pdf", "-j", "1")
    assert result.exit_code == 1
    assert (
        f"{first}: 错误：无法写出 {out}/a.pdf（磁盘已满）；{out}/a.docx 也未写出" in result.stderr
    )
    row = result.stdout.splitlines()[3].split("|")[1:4]
    assert [cell.strip() for cell in row] == ["1", "1", "0"]
    assert result.stdout.splitlines()[-1] == f"失败 1 个：{first}"
    assert listing(out) == [".reportkit-manifest.json", "b.docx", "b.pdf"]
    manifest = json.loads((out / ".reportkit-manifest.json").read_text(encoding="utf-8"))
    assert list(manifest) == [str(second.resolve())]
    assert sorted(manifest[str(second.resolve())]["outputs"]) == ["b.docx", "b.pdf"]


# validate agrees with build -----------------------------------------------------------------

# 𰀀 (U+30000, CJK Extension G): in no font the install script provides
RARE = "\U00030000"


def test_a_character_no_font_has_is_named_by_validate_as_by_build(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("name: 李明", f"name: 李{RARE}")
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": article})
    message = (
        f"{source}/articles/a.yaml:3: authors[0]: 错误：第 1 篇文章，字符“{RARE}”（U+30000）"
        "在字体角色 kaiti 的所有可用字体中都没有，无法排入 PDF。请安装含有该字的字体，或用 --font 指定"
    )
    built = cli("build", source, "-o", tmp_path / "out", "--format", "pdf")
    assert built.exit_code == 1
    assert built.stderr.splitlines() == [message, f"失败 1 个：{source}"]
    assert not (tmp_path / "out").exists()
    checked = cli("validate", source)
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == [message]
    assert checked.stdout == ""
    # the .docx names fonts the reader's machine has: asked for it alone, it can be made
    assert cli("validate", source, "--format", "docx").exit_code == 0
    assert cli("build", source, "-o", tmp_path / "out", "--format", "docx").exit_code == 0


def test_end_matter_that_cannot_fit_is_named_by_validate(tmp_path: Path) -> None:
    units = ", ".join(f"某某市第{n}局" for n in range(1, 120))
    bulletin = MINIMAL_BULLETIN.replace("superiors: [市委办公室]", f"superiors: [{units}]")
    source = minimal_source(tmp_path / "src", **{"bulletin.yaml": bulletin})
    message = f"{source}/bulletin.yaml:9: end_matter.superiors: 错误：末页底部的内容太长，一页放不下，请删减"
    built = cli("build", source, "-o", tmp_path / "out")
    assert built.exit_code == 1
    assert built.stderr.splitlines()[0] == message
    checked = cli("validate", source, "--format", "docx")
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == [message]


def test_a_table_column_too_narrow_is_named_by_validate(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE + (
        "      - table:\n"
        "          header: [指标, 数值]\n"
        "          rows: [[营业收入, '380']]\n"
        "          widths: [1, 60]\n"
    )
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": article})
    built = cli("build", source, "-o", tmp_path / "out", "--format", "docx,pdf")
    assert built.exit_code == 1
    checked = cli("validate", source)
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == built.stderr.splitlines()[:-1]
    assert checked.stderr.splitlines() == [
        f"{source}/articles/a.yaml:12: sections[0].points[1].table: 错误："
        "表格第 1 列太窄，放不下一个字：请用 widths 加宽这一列，或减少列数"
    ]


def test_an_output_name_too_long_for_the_disk_is_named_by_validate(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / ("长" * 70))
    message = (
        f"{source}: 错误：输出文件名太长（215 字节，最多 200 字节）：“{'长' * 20}…”，"
        "请缩短简报文件夹的名字（或模板 filename 文字片段所用的内容）"
    )
    built = cli("build", source, "-o", tmp_path / "out")
    assert built.exit_code == 1
    assert built.stderr.splitlines()[0] == message
    checked = cli("validate", source)
    assert checked.stderr.splitlines() == [message]


def test_a_smaller_paper_is_named_where_the_house_sets_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file, lines = refused(tmp_path, "page:\n  width: 148mm\n", monkeypatch)
    assert lines == [
        f"{file}:4: page.width: 错误：纸张太小：订口（28 毫米）加版心宽度（156 毫米）超过了纸张宽度"
        "（148 毫米）；纸张宽度应在 184 到 2000 毫米之间"
    ]


def test_a_piece_that_cannot_be_rendered_is_named_by_validate(tmp_path: Path) -> None:
    folder = house(tmp_path, "")
    (folder / "pieces").mkdir()
    (folder / "pieces/issue.j2").write_text("第{{ number }}期\n", encoding="utf-8")
    source = minimal_source(tmp_path / "src")
    message = f"{folder}/pieces/issue.j2:1: issue: 错误：文字片段用到了没有的数据“number”"
    built = cli("build", source, "-o", tmp_path / "out", "--template", folder)
    assert built.stderr.splitlines() == [message, f"失败 1 个：{source}"]
    checked = cli("validate", source, "--template", folder)
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == [message]
