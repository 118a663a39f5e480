"""Everything a clerk reads is Chinese: YAML slips, unknown YAML tags, the command line's own
usage, help and errors, bad values, failed reads and writes, and drafts in Big5 or UTF-16."""

from __future__ import annotations

import ast
import errno
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reportkit.errors import os_reason
from reportkit.source import yamlfile, yamlhints
from reportkit.source.encoding import decode
from reportkit.source.validation import LABELS
from reportkit.usercache import cache_dir
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN, REPO, cli, minimal_source

COMMANDS = ("build", "validate", "templates", "fonts", "import", "serve")
# The project's own words that may stand in a message: field and command names, file types.
OWN_WORDS = {
    *LABELS,
    *COMMANDS,
    "reportkit",
    "Ctrl",  # the key, as a keyboard names it
    "YAML",
    "Word",
    "docx",
    "yaml",
    "kind",
    "dist",
    "fangsong",
    "simfang",
    "bulletin",
    "report",  # the kinds' names, as a source's kind: and import's --kind write them
    "minutes",
    "JSON",
    "endif",
    "endfor",
}


def english(text: str, *paths: Path) -> list[str]:
    """Words of four or more ASCII letters in ``text`` that are not file paths, options or the
    project's own names: what a library said in English."""
    for path in paths:
        text = text.replace(str(path), "")
    text = re.sub(r"--?[a-z][\w-]*", "", text)  # options
    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if w not in OWN_WORDS]


def validate_article(tmp_path: Path, old: str, new: str) -> tuple[list[str], Path]:
    assert old in MINIMAL_ARTICLE
    source = minimal_source(
        tmp_path / "src", **{"articles/a.yaml": MINIMAL_ARTICLE.replace(old, new)}
    )
    result = cli("validate", source)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    return result.stderr.splitlines(), source / "articles/a.yaml"


LEAD = "lead: 本次学习收获很大。"
YAML_SLIPS = [
    (
        "lead: 本次学习: 收获很大。",
        6,
        "冒号用法有误：字段名后的冒号要跟一个空格，内容里的冒号请用全角“：”或给内容加引号",
    ),
    ("lead 本次学习收获很大。", 7, "缺少冒号，或者缩进没有对齐"),
    ('lead: "本次学习收获很大。', 6, "引号没有配对：从这里开始的引号直到文件结束也没有结束"),
    (
        'lead: "见 C:\\学习 文件夹"',
        6,
        "双引号里的反斜杠“\\”后面的写法无法识别：要写反斜杠本身请写成“\\\\”，或改用单引号",
    ),
    ("lead: @李明 本次学习收获很大。", 6, "“@”不能出现在内容的开头：请给整段内容加引号"),
    ("lead: `本次学习`", 6, "“`”不能出现在内容的开头：请给整段内容加引号"),
    (
        "lead: & 本次学习",
        6,
        "以“&”或“*”开头的内容会被当作锚点或引用：内容以“&”“*”开头时请给整段内容加引号",
    ),
    (
        "lead: [本次学习",
        7,
        "方括号“[ ]”没有配对，或其中各项没有用半角逗号分隔：内容以“[”开头时请给整段内容加引号",
    ),
    (
        "lead: {本次学习",
        7,
        "花括号“{ }”没有配对，或其中各项没有用半角逗号分隔：内容以“{”开头时请给整段内容加引号",
    ),
    ("lead: |本次学习", 6, "“|”或“>”后面应直接换行，下面的内容另起一行并缩进"),
    ("%学习\n" + LEAD, 6, "以“%”开头的行会被当作 YAML 指令：内容以“%”开头时请给整段内容加引号"),
    (LEAD + "\n---\nlead: 又一份", 7, "一个文件里只能有一份内容，请删去多余的“---”"),
    (
        "lead: !学习! 本次",
        6,
        "以“!”开头的内容会被当作 YAML 标记：内容以“!”开头时请给整段内容加引号",
    ),
    (
        'lead: "本次\n--- 学习"',
        7,
        "引号里的一行以“---”或“...”开头，会被当作文件的分隔：请改写这一行",
    ),
    (LEAD + "\n- 又一项", 7, "缩进没有对齐，或者上一行的引号没有配对"),
]


@pytest.mark.parametrize("loader", ["libyaml", "PyYAML"])
@pytest.mark.parametrize(("new", "line", "message"), YAML_SLIPS)
def test_yaml_slips_are_told_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: str, new: str, line: int, message: str
) -> None:
    """The same words whichever parser reads the file: libyaml (as shipped) or PyYAML's own."""
    if loader == "PyYAML":
        monkeypatch.setattr(yamlfile, "_Loader", yaml.SafeLoader)
    lines, file = validate_article(tmp_path, LEAD, new)
    assert lines == [f"{file}:{line}: 错误：YAML 格式有误：{message}"]
    assert english("\n".join(lines), file.parents[1]) == []


def test_a_control_character_in_a_yaml_file_is_named_with_its_line(tmp_path: Path) -> None:
    lines, file = validate_article(tmp_path, LEAD, "lead: 本次学习\x01收获很大。")
    assert lines[0] == f"{file}:6: 错误：这一行有不能出现的控制字符（U+0001），请删去它"


def _pyyaml_messages() -> set[str]:
    """Every problem and context PyYAML's scanner, parser and composer can raise (as written
    in its source, ``%r`` and all)."""
    folder = Path(yaml.__file__).parent
    found: set[str] = set()
    for name in ("scanner.py", "parser.py", "composer.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "").endswith("Error"):
                for arg in node.args:
                    while isinstance(arg, ast.BinOp):  # "… %r" % value
                        arg = arg.left
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add(arg.value)
    return found


def _libyaml_messages() -> set[str]:
    """The problems and contexts compiled into libyaml (bundled in PyYAML's wheel)."""
    folder = Path(yaml.__file__).parent
    found: set[str] = set()
    for library in folder.glob("_yaml*.so"):
        data = library.read_bytes()
        pattern = rb"\x00((?:while|found|did not|could not|mapping|block sequence|exceeded) [ -~]{4,80})\x00"
        found |= {m.decode() for m in re.findall(pattern, data) if b"&&" not in m}  # not asserts
    return found


def test_every_problem_pyyaml_and_libyaml_can_name_has_chinese_words() -> None:
    """Each problem has words of its own; what the parser was doing ("while scanning …")
    only says where, and is told in Chinese too."""
    messages = _pyyaml_messages() | _libyaml_messages()
    assert len(messages) > 80
    problems = {m for m in messages if not m.startswith("while")}
    # what PyYAML's constructor says (reportkit only composes) and what libyaml says about
    # bytes (reportkit hands it text already decoded) or about its own state
    unreachable = {
        m
        for m in problems
        if re.search(r"unhashable|duplicate key|recursive|UTF-8|stream-start", m)
    }
    plain = [
        m for m in sorted(problems - unreachable) if yamlhints.hint(m, None) == yamlhints.FALLBACK
    ]
    assert plain == []
    for message in messages:
        said = (
            yamlhints.hint(None, message)
            if message.startswith("while")
            else yamlhints.hint(message, None)
        )
        assert english(said) == [], message


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!binary 5a2m5Lmg", "!!binary"),
        ("!custom 学习", "!custom"),
        ("!!set {学习: null}", "!!set"),
        ("!!omap [学习: 1]", "!!omap"),
        ("!!python/object/apply:os.system [ls]", "!!python/object/apply:os.system"),
        ("!!timestamp 学习", "!!timestamp"),
    ],
)
def test_unknown_yaml_tags_are_refused(tmp_path: Path, value: str, tag: str) -> None:
    lines, file = validate_article(tmp_path, LEAD, f"lead: {value}")
    assert lines[0] == (
        f"{file}:6: lead: 错误：不认识的 YAML 标记“{tag}”：这里只能写文字、数字和列表。"
        "内容以“!”开头时请给整段内容加引号"
    )


def test_core_schema_tags_and_plain_values_are_read(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("title: 学习体会", "title: !!str 学习体会").replace(
        LEAD, "lead: ! 本次学习收获很大。"
    )
    bulletin = MINIMAL_BULLETIN.replace("copies: 20", "copies: !!int 20")
    source = minimal_source(
        tmp_path / "src", **{"articles/a.yaml": article, "bulletin.yaml": bulletin}
    )
    result = cli("validate", source)
    assert result.exit_code == 0, result.stderr
    data, _ = yamlfile.parse("<<: 1\n=: 2\ndate: 2024-05-06\n", tmp_path / "x.yaml")
    assert data == {"<<": "1", "=": "2", "date": "2024-05-06"}


def test_a_wrong_date_names_the_value_written(tmp_path: Path) -> None:
    source = minimal_source(
        tmp_path / "src", **{"bulletin.yaml": MINIMAL_BULLETIN.replace("2024-05-06", "2024-13-45")}
    )
    result = cli("validate", source)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}/bulletin.yaml:5: masthead.date: 错误：日期“2024-13-45”不对：没有这一天，请检查月份和日期"
    )


def test_choices_are_listed_in_chinese(tmp_path: Path) -> None:
    lines, file = validate_article(tmp_path, "kind: 学习体会", "kind: 心得")
    assert lines[0] == (
        f"{file}:8: sections[0].kind: 错误：“kind”（类别）应为以下之一："
        "“学习体会”、“下步打算”、“启示”，而不是“心得”"
    )


# --- the command line: click's own words ------------------------------------------------


def test_help_pages_are_chinese() -> None:
    top = cli("-h")
    assert top.exit_code == 0
    assert top.stdout.splitlines()[:8] == [
        "用法：reportkit [选项] 命令 [参数]...",
        "",
        "  reportkit：把结构化的简报内容排成符合 GB/T 9704-2012 的 Word 和 PDF。",
        "",
        "选项：",
        "  --version   显示版本号并退出",
        "  -h, --help  显示这份说明并退出",
        "",
    ]
    assert top.stdout.splitlines()[8] == "命令："
    for command in COMMANDS:
        page = cli(command, "-h")
        assert page.exit_code == 0
        assert page.stdout.startswith(f"用法：reportkit {command} [选项]")
        assert "\n选项：\n" in page.stdout
        assert "  -h, --help" in page.stdout and "显示这份说明并退出" in page.stdout
        assert english(page.stdout) == [], command


def test_help_columns_line_up_in_display_width() -> None:
    """Chinese characters take two columns: option help starts in one column."""
    from reportkit.clitext import width

    page = cli("build", "-h").stdout
    rows = [row for row in page.split("选项：\n")[1].splitlines() if row.startswith("  -")]
    starts = {width(re.match(r"(\s*\S.*?\s{2,})\S", row).group(1)) for row in rows}  # type: ignore[union-attr]
    assert len(rows) == 9 and len(starts) == 1


def test_the_version() -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == "reportkit 版本 0.1.0\n"


def _usage_error(command: str, message: str) -> str:
    usage = {
        "": "用法：reportkit [选项] 命令 [参数]...",
        "build": "用法：reportkit build [选项] 简报...",
        "import": "用法：reportkit import [选项] 稿件...",
        "templates": "用法：reportkit templates [选项]",
    }[command]
    where = f"reportkit {command}".strip()
    return f"{usage}\n查看说明：{where} -h\n\n错误：{message}\n"


@pytest.mark.parametrize(
    ("args", "command", "message"),
    [
        (["build"], "build", "缺少参数“简报”"),
        (
            ["biuld"],
            "",
            "没有“biuld”这个命令。可用的命令：build、fonts、import、serve、templates、validate",
        ),
        (["build", "--nosuch", "x"], "build", "没有“--nosuch”这个选项"),
        (
            ["build", "--no-normalise", "x"],
            "build",
            "没有“--no-normalise”这个选项，是否应为“--no-normalize”？",
        ),
        (
            ["build", "--fromat", "x"],
            "build",
            "没有“--fromat”这个选项，是否应为以下之一：“--format”、“--font”",
        ),
        (["templates", "多余"], "templates", "多余的参数：多余"),
        (
            ["build", "-j", "0", "x"],
            "build",
            "选项“-j/--jobs”的值不对：应为不小于 1 的整数，而不是“0”",
        ),
        (
            ["build", "-j", "两个", "x"],
            "build",
            "选项“-j/--jobs”的值不对：应为不小于 1 的整数，而不是“两个”",
        ),
        (["import", "稿件.txt"], "import", "缺少选项“-o/--output”：写出 YAML 的文件夹（必写）"),
    ],
)
def test_usage_errors_are_chinese(args: list[str], command: str, message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == _usage_error(command, message)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["-o"], "选项“-o”后面缺少要写的值"), (["--strict=yes"], "选项“--strict”后面不能写值")],
)
def test_an_option_with_or_without_a_value_it_should_not_have(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """Errors click finds before it knows the command: no usage line to show."""
    result = cli("build", tmp_path, *args)
    assert result.exit_code == 2
    assert result.stderr == f"错误：{message}\n"


def test_no_command_shows_the_help(tmp_path: Path) -> None:
    result = cli()
    assert result.exit_code == 2
    assert result.stderr.startswith("用法：reportkit [选项] 命令 [参数]...\n")
    assert english(result.stderr) == []


def test_a_real_terminal_sees_the_same_words(tmp_path: Path) -> None:
    """``python -m reportkit`` in a process of its own, as a clerk runs it: what the in-process
    runner shows (which does not go through ``entry`` and names the program ``reportkit``)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "reportkit", "build", "-j", "0", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == (
        "用法：python -m reportkit build [选项] 简报...\n查看说明：python -m reportkit build -h\n\n"
        "错误：选项“-j/--jobs”的值不对：应为不小于 1 的整数，而不是“0”\n"
    )
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": "lead: !custom 学习\n"})
    run = subprocess.run(
        [sys.executable, "-m", "reportkit", "validate", str(source)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == (
        f"{source}/articles/a.yaml:1: lead: 错误：不认识的 YAML 标记“!custom”：这里只能写文字、"
        "数字和列表。内容以“!”开头时请给整段内容加引号"
    )


# --- what the operating system says ------------------------------------------------------


def test_a_draft_under_a_file_says_why_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    draft = tmp_path / "文件" / "稿件.txt"
    result = cli("import", draft, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert (
        result.stderr.splitlines()[0] == f"{draft}: 错误：无法读取文件（路径中的某一级不是文件夹）"
    )


def test_an_output_folder_that_cannot_be_made_says_why_in_chinese(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    result = cli("build", source, "-o", tmp_path / "文件" / "out")
    assert result.exit_code == 1
    assert (
        f"{tmp_path}/文件/out: 错误：无法在这里写文件（路径中的某一级不是文件夹）" in result.stderr
    )
    assert english(result.stderr, tmp_path) == []


def test_every_reason_the_system_gives_is_chinese() -> None:
    for number in errno.errorcode:
        said = os_reason(OSError(number, os.strerror(number)))
        assert not re.search("[A-Za-z]", said), (number, said)
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "磁盘已满"


# --- drafts in Big5 and in UTF-16 without a byte-order mark -----------------------------

TRADITIONAL = (
    "學習新竹科學園區經驗\n"
    "這次考察收穫很大，我們看到了園區的規劃與服務。\n"
    "一、學習體會\n"
    "一是規劃起點高。園區始終堅持以產業需求為導向，統籌土地、人才、資金等要素。\n"
    "二是服務意識強。管理局實行單一窗口服務，企業從申請到取得執照都在一個地方辦理。\n"
)


def test_a_big5_draft_is_read_as_big5(tmp_path: Path) -> None:
    draft = tmp_path / "台北.txt"
    draft.write_bytes(TRADITIONAL.encode("big5"))
    result = cli("import", draft, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stderr.splitlines()[0]
        == f"{draft}: 警告：文件是 Big5 编码（繁体字），已按此编码读取"
    )
    written = (tmp_path / "out/台北.yaml").read_text(encoding="utf-8")
    assert "title: 學習新竹科學園區經驗\n" in written
    assert "lead: 規劃起點高。\n" in written


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_draft_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    """Chinese text in UTF-16 has no zero bytes to show its byte order: its characters do."""
    draft = tmp_path / "记事本.txt"
    text = "学习先进经验\r\n某某区发展局局长　李明\r\n这次学习收获很大。\r\n"
    draft.write_bytes(text.encode(codec))
    assert b"\x00" in draft.read_bytes()  # the line ends; the next case has none at all
    result = cli("import", draft, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"{draft}: 警告：文件是 UTF-16 编码，已按此编码读取"
    assert "name: 李明" in (tmp_path / "out/记事本.yaml").read_text(encoding="utf-8")
    assert decode("学习体会：本次学习收获很大。对方的理念值得学习".encode(codec)) == (
        "学习体会：本次学习收获很大。对方的理念值得学习",
        "UTF-16",
    )


def _pieces(text: str, length: int) -> list[str]:
    return [text[i : i + length] for i in range(0, len(text) - length, 7)]


def test_simplified_gbk_is_never_taken_for_big5_or_utf16() -> None:
    simplified = "".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "sources/changsha").rglob("*.yaml"))
    )
    simplified = re.sub(r"[ -~]+", "", simplified)  # the Chinese text, no YAML
    for length in (8, 16, 64, 400):
        for piece in _pieces(simplified, length):
            data = piece.encode("gb18030")
            text, encoding = decode(data)
            assert text == piece or encoding is None, piece  # a few bytes may be valid UTF-8


def test_big5_pieces_of_sixteen_characters_are_recognised() -> None:
    for length in (16, 64):
        for piece in _pieces(TRADITIONAL.replace("\n", ""), length):
            assert decode(piece.encode("big5")) == (piece, "Big5"), piece
            # traditional text saved as GBK stays GBK
            assert decode(piece.encode("gb18030")) == (piece, "GBK/GB18030"), piece


@pytest.mark.parametrize(
    ("codec", "named"), [("big5", "Big5 编码（繁体字）"), ("gb18030", "GBK/GB18030 编码")]
)
def test_a_yaml_file_in_a_legacy_encoding_is_refused_with_its_name(
    tmp_path: Path, codec: str, named: str
) -> None:
    source = minimal_source(tmp_path / "src")
    text = "title: 學習新竹科學園區經驗\nlead: 這次考察收穫很大，我們看到了園區的規劃與服務。\n"
    (source / "articles/a.yaml").write_bytes(text.encode(codec))
    result = cli("validate", source)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}/articles/a.yaml:1: 错误：文件是 {named}，不是 UTF-8：请另存为 UTF-8 后再试"
    )


# --- a template's text pieces (Jinja) ---------------------------------------------------


@pytest.mark.parametrize(
    ("piece", "line", "message"),
    [
        (
            "{{ author.name ",
            ":1",
            "模板语法有误：文字片段在 {{ }} 或 {% %} 还没有结束时就结束了"
            "（是否缺少 }}、%}、endif 或 endfor？）",
        ),
        ("{{ author.name 。 }}", ":1", "模板语法有误：这里不该出现“。”"),
        ("第一行\n{% frobnicate %}", ":2", "模板语法有误：不认识的标记“frobnicate”"),
        ("{{ author.name | shout }}", ":1", "模板语法有误：不认识的过滤器“shout”"),
        ("{{ author.nickname }}", ":1", "文字片段用到了没有的数据“nickname”"),
        ("{{ author.__class__ }}", ":1", "文字片段做了不允许的操作：只能填入数据，不能调用或修改"),
    ],
)
def test_a_broken_text_piece_is_told_in_chinese(
    tmp_path: Path, piece: str, line: str, message: str
) -> None:
    template = tmp_path / "模板"
    shutil.copytree(REPO / "templates/gbt9704-bulletin", template)
    (template / "pieces/byline.j2").write_text(piece, encoding="utf-8")
    result = cli("validate", minimal_source(tmp_path / "src"), "--template", template)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{template}/pieces/byline.j2{line}: byline: 错误：{message}"
    ]


# --- the fonts the tests see -------------------------------------------------------------


def _office_named_font(folder: Path) -> Path:
    """FandolHei renamed 仿宋/FangSong, as a machine with Windows fonts has simfang.ttf: a face
    the template's fangsong role would take before FandolFang, if it were seen."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont("/usr/local/share/fonts/fandol/FandolHei-Regular.otf")
    # the characters of the minimal source only: a small font, quickly prepared
    cut = subset.Subsetter(subset.Options(name_IDs=["*"], name_languages=["*"]))
    cut.populate(text=MINIMAL_BULLETIN + MINIMAL_ARTICLE)
    cut.subset(font)
    names = font["name"]
    names.names = [n for n in names.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    for number, text in ((1, "FangSong"), (2, "Regular"), (3, "FangSong"), (4, "FangSong")):
        names.setName(text, number, 3, 1, 0x409)
    names.setName("FangSong", 6, 3, 1, 0x409)
    names.setName("仿宋", 1, 3, 1, 0x804)
    font["CFF "].cff.fontNames = ["FangSong"]
    folder.mkdir(parents=True, exist_ok=True)
    font.save(folder / "FangSong.otf")
    return folder / "FangSong.otf"


def _faces(pdf: Path) -> dict[str, list[str]]:
    import pdfplumber

    from tests.helpers import text_lines

    with pdfplumber.open(pdf) as document:
        return {line.text: sorted(line.fonts()) for line in text_lines(document.pages[0])}


def _build(source: Path, out: Path, home: Path, conf: Path) -> dict[str, list[str]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "HOME": str(home),
        "FONTCONFIG_FILE": str(conf),
        # the fonts as this process prepared them (minutes to prepare afresh); the faces each
        # configuration sees are listed anew, as its home and configuration file differ
        "REPORTKIT_CACHE": str(cache_dir()),
    }
    command = [sys.executable, "-m", "reportkit", "build", str(source), "-o", str(out)]
    run = subprocess.run(
        [*command, "--format", "docx,pdf"], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return _faces(out / f"{source.name}.pdf")


def test_the_faces_compared_do_not_depend_on_other_fonts_a_machine_has(tmp_path: Path) -> None:
    """A font named 仿宋 in the user's font folder changes neither the PDF's faces nor those
    LibreOffice chooses under the tests' fontconfig configuration; under the system's own it
    takes over the PDF's body text."""
    from tests.helpers import ALIASES, CONF_HEAD, fonts_conf, render_with_libreoffice

    conf = fonts_conf()
    if conf is None:
        pytest.skip("dpkg 无法列出 install-system.sh 装的字体")
    source = minimal_source(tmp_path / "src")
    clean, crowded = tmp_path / "home", tmp_path / "home-with-fangsong"
    clean.mkdir()
    _office_named_font(crowded / ".fonts")
    pdf = _build(source, tmp_path / "1", clean, conf)
    assert "FandolFang-Regular" in pdf["本次学习收获很大。"]
    lo = _faces(render_with_libreoffice(tmp_path / "1/src.docx", tmp_path / "1", clean))
    assert _build(source, tmp_path / "2", crowded, conf) == pdf
    assert _faces(render_with_libreoffice(tmp_path / "2/src.docx", tmp_path / "2", crowded)) == lo
    system = tmp_path / "system.conf"
    system.write_text(
        CONF_HEAD + '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <include>{ALIASES}</include>\n</fontconfig>\n",
        encoding="utf-8",
    )
    assert _build(source, tmp_path / "3", crowded, system)["本次学习收获很大。"] == ["FangSong"]
