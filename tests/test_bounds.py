"""Bounded time: every stage is linear, or near it, in its input; what cannot be done in
bounded time (a title longer than a page, a piece that loops or writes megabytes) is refused
with a message naming its file and line, within seconds."""

from __future__ import annotations

import math
import shutil
import time
from pathlib import Path

import pytest

from reportkit import build
from reportkit.compose.titles import balance, cells
from reportkit.errors import Location, Problem
from reportkit.source.drafts import importer
from reportkit.source.drafts.load import load_draft
from reportkit.source.drafts.parse import paragraphs
from reportkit.source.drafts.read import DraftLine, _markdown
from reportkit.source.normalize import normalize
from reportkit.typeset.linebreak import make_boxes
from tests import samples
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN, cli, docx_text, minimal_source

TITLE = "坚持以新时代中国特色社会主义思想为指导全面贯彻新发展理念激发市场活力推动高质量发展，"
SLACK = 3  # shared machines: each figure below may take three times as long


@pytest.fixture
def rules(template):
    return template.profile.line_breaking


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


# titles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        (TITLE * 300)[:20000],
        "字" * 20000,
        "中 " * 10000,  # a space between every character
        ("GDPgrowth2018" + "发展") * 1300,  # Latin words that cannot be split
        " " * 20000,
        "a" * 20000,  # no break anywhere
    ],
    ids=["sentences", "one-character", "spaced", "latin", "spaces", "no-break"],
)
def test_a_20000_character_title_balances_in_under_a_second(rules, title: str) -> None:
    balance("预热标题一行放不下需要分行预热标题", 8, rules)  # the word model, loaded once
    lines, elapsed = timed(balance, title, 20.1, rules)
    assert elapsed < 1.0 * SLACK
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    if len(lines) > 1:
        assert all(cells(line) <= 20.1 and len(line) >= 2 for line in lines)


def test_a_long_title_takes_the_fewest_lines_that_hold_it(rules) -> None:
    title = TITLE * 40  # 1,720 characters, on lines of 20.1 cells
    lines = balance(title, 20.1, rules)
    assert "".join(lines) == title
    assert len(lines) == math.ceil(1720 / 20.1) == 86
    assert all(18 <= cells(line) <= 20.1 for line in lines)


def write_bulletin(root: Path, title: str, **more: str) -> Path:
    article = MINIMAL_ARTICLE.replace("title: 学习体会", f"title: {title}")
    return minimal_source(root, **{"articles/a.yaml": article, **more})


def test_a_title_longer_than_a_page_is_refused_with_its_line(tmp_path: Path) -> None:
    """A page holds 22 lines of 20 characters of the title style: every longer title is
    named, before any is broken into lines."""
    second = "authors: [{unit: 某某局, position: 局长, name: 王某}]\nlead: 正文。\ntitle: "
    source = write_bulletin(
        tmp_path / "src",
        (TITLE * 500)[:20000],
        **{
            "bulletin.yaml": MINIMAL_BULLETIN.replace(
                "  - articles/a.yaml", "  - articles/a.yaml\n  - articles/b.yaml"
            ),
            "articles/b.yaml": second + TITLE * 11,
        },
    )
    result, elapsed = timed(cli, "build", source, "-o", tmp_path / "out")
    assert elapsed < 5 * SLACK
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"{source}/articles/a.yaml:1: title: 错误：标题太长（20000 字），一页排不下；请缩短标题",
        f"{source}/articles/b.yaml:3: title: 错误：标题太长（{len(TITLE) * 11} 字），一页排不下；"
        "请缩短标题",
    ]
    assert not (tmp_path / "out").exists()


def test_a_long_title_that_fits_on_a_page_is_set(tmp_path: Path) -> None:
    title = (TITLE * 4)[:300]
    source = write_bulletin(tmp_path / "src", title)
    outcome = build.build(source, build.Options(tmp_path / "out", ("docx", "pdf")))
    assert outcome.error is None, outcome.error
    assert title in docx_text(tmp_path / "out/src.docx").replace("\n", "")


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        ("近赶潍坊远学长沙比学赶超勇攀", None),  # 14 characters of 初号: squeezed to 75 %
        (
            "近赶潍坊远学长沙比学赶超勇攀新高近赶潍坊远学长沙比学赶超勇攀新高",
            "这一行太长（32 字），要压缩到 33% 才排得进一行，最少只能压缩到 50%："
            "请缩短（可以分行的，写成列表，每项一行）",
        ),
    ],
)
def test_a_masthead_squeezed_past_legibility_is_refused(
    tmp_path: Path, name: str, verdict: str | None
) -> None:
    """A line compressed to the type width (字符缩放) is set down to the template's
    shrink_limit (50 %), and refused past it, at its line, by validate as by build."""
    source = minimal_source(
        tmp_path / "src", **{"bulletin.yaml": MINIMAL_BULLETIN.replace("学习考察专刊", name)}
    )
    for command in ("validate", "build"):
        result = (
            cli(command, source, "-o", tmp_path / "out")
            if command == "build"
            else cli(command, source)
        )
        if verdict is None:
            assert result.exit_code == 0, result.output
        else:
            assert result.exit_code == 1
            assert f"{source}/bulletin.yaml:2: masthead.name: 错误：{verdict}" in result.output
    assert (tmp_path / "out").exists() == (verdict is None)


def test_a_report_title_longer_than_a_page_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "report"
    shutil.copytree(samples.REPO / "sources/changsha-report", source)
    head, _, rest = (source / "report.yaml").read_text("utf-8").partition("\ntitle:")
    rest = rest.split("\n", 1)[1]
    (source / "report.yaml").write_text(f"{head}\ntitle: {'字' * 5000}\n{rest}", "utf-8")
    line = head.count("\n") + 2
    result = cli("build", source, "-o", tmp_path / "out")
    assert (
        f"{source}/report.yaml:{line}: title: 错误：标题太长（5000 字），一页排不下；请缩短标题"
        in (result.output.splitlines())
    )


# drafts ---------------------------------------------------------------------------------------


def test_a_paragraph_broken_over_many_lines_is_joined_in_linear_time() -> None:
    lines = [DraftLine("长沙信息产业园依托国家软件产业基地" * 3, n) for n in range(1, 200_001)]
    paras, elapsed = timed(paragraphs, lines)
    assert elapsed < 1.0 * SLACK
    assert len(paras) == 1 and len(paras[0].text) == 200_000 * 51


def test_a_long_line_of_half_width_marks_is_put_right_in_linear_time() -> None:
    line = "对标先进,全力打造“蓼河数谷”;一是产业聚集(园区),成效明显..." * 50_000
    (text, fixes), elapsed = timed(normalize, line)
    assert elapsed < 2.0 * SLACK
    assert text == "对标先进，全力打造“蓼河数谷”；一是产业聚集（园区），成效明显……" * 50_000
    assert len(fixes) == 6 * 50_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中" + ":" * 100_000, "中" + "：" * 100_000),
        (":" * 100_000 + "中", "：" * 100_000 + "中"),
        ("中" + "--," * 30_000, "中" + "——，" * 30_000),
        ("a" + ",--" * 30_000 + "中", "a" + "，——" * 30_000 + "中"),
    ],
    ids=["after-chinese", "before-chinese", "dashes-after", "dashes-before"],
)
def test_a_chain_of_marks_is_put_right_in_linear_time(text: str, expected: str) -> None:
    """Each mark put right makes the next one Chinese in turn: one pass per mark was quadratic."""
    (out, fixes), elapsed = timed(normalize, text)
    assert elapsed < 3.0 * SLACK
    assert out == expected and len(fixes) == expected.count("：") + expected.count("，") + (
        expected.count("——")
    )
    assert normalize(out) == (out, [])


def test_markdown_stars_that_close_nothing_are_read_once() -> None:
    line = "*字 " * 100_000
    (text, heading), elapsed = timed(_markdown, line)
    assert elapsed < 0.5 * SLACK
    assert text == line.strip() and not heading
    assert _markdown("一是 *理念新*，二是*作风* 实")[0] == "一是 理念新，二是*作风* 实"


@pytest.mark.parametrize("shape", ["articles", "one_line", "one_char"])
def test_a_large_draft_imports_in_seconds(tmp_path: Path, shape: str) -> None:
    """4 MB drafts (the import took 23 s for 5 MB of articles before): many articles, one
    line with no line break, one character over and over."""
    draft = samples.write_draft(tmp_path / "draft.txt", 4_000_000, shape)
    result, elapsed = timed(cli, "import", draft, "-o", tmp_path / "out")
    assert elapsed < 6 * SLACK
    written = sorted((tmp_path / "out").glob("draft*.yaml"))  # and a bulletin.yaml
    if shape == "articles":
        assert result.exit_code == 0
        assert len(written) == round(4_000_000 / (len(samples.draft_text(3).encode()) / 3))
    else:
        assert len(written) == 1


def test_each_article_of_a_draft_gets_the_notes_on_its_lines(tmp_path: Path) -> None:
    draft = load_draft(samples.write_draft(tmp_path / "draft.txt", 300_000))
    whole = Problem(Location(tmp_path / "draft.txt"), "", "全文的提示", warning=True)
    draft.notes.append(whole)
    firsts = [lines[()] for lines in draft.lines]
    found = importer._notes_by_article(draft)
    assert len(found) == len(draft.articles) > 50
    for index, notes in enumerate(found):
        end = firsts[index + 1] if index + 1 < len(firsts) else math.inf
        on_lines = [
            n
            for n in draft.notes
            if n.field != "masthead" and n.location.line is not None
            if firsts[index] <= n.location.line < end
        ]
        assert notes == [*on_lines, whole] and len(on_lines) > 0


def test_a_paragraph_of_two_megabytes_is_laid_out(tmp_path: Path) -> None:
    source = minimal_source(
        tmp_path / "src",
        **{"bulletin.yaml": MINIMAL_BULLETIN.replace("articles/a.yaml", "articles/b.txt")},
    )
    draft = samples.write_draft(tmp_path / "long.txt", 2_000_000, "one_char")
    text = draft.read_text("utf-8")
    (source / "articles/b.txt").write_text(
        f"关于长文的体会\n\n某某区发展局局长 李明\n\n{text}", "utf-8"
    )
    outcome, elapsed = timed(build.build, source, build.Options(tmp_path / "out", ("docx", "pdf")))
    assert outcome.error is None, outcome.error
    assert elapsed < 10 * SLACK
    assert outcome.pages is not None and outcome.pages > len(text) // (28 * 22)


def test_a_latin_run_wider_than_a_line_is_cut_in_linear_time(rules) -> None:
    """2 MB of letters without a space: asking at every letter whether the run has a space
    took 40 s."""
    text = "a" * 2_000_000
    boxes, elapsed = timed(
        make_boxes, [(text, "body")], rules, 10.0, lambda run, _: 5.0 * len(run), 28
    )
    assert elapsed < 1.0 * SLACK
    assert "".join(box.text for box in boxes) == text
    assert all(box.cells == 28 for box in boxes[:-1]) and len(boxes) == math.ceil(2e6 / 56)


def test_an_article_with_thousands_of_bylines_is_laid_out(tmp_path: Path) -> None:
    """Bylines keep with what follows: a chain of 3,000 was a RecursionError."""
    authors = "".join("  - {unit: 某某区发展局, position: 局长, name: 李明}\n" for _ in range(3000))
    source = minimal_source(
        tmp_path / "src",
        **{"articles/a.yaml": f"title: 许多作者\nauthors:\n{authors}lead: 正文。\n"},
    )
    outcome, elapsed = timed(build.build, source, build.Options(tmp_path / "out", ("docx", "pdf")))
    assert outcome.error is None, outcome.error
    assert elapsed < 10 * SLACK


# template pieces ------------------------------------------------------------------------------

HOSTILE = {
    "megabytes": (
        "第{{ masthead.issue }}期\n{% for i in range(100000) %}{{ '字' * 50 }}{% endfor %}",
        2,
        "文字片段写出的文字太长（超过 100000 字），请检查其中的循环",
    ),
    "million-turns": (
        "{% for i in range(1000) %}\n{% for j in range(1000) %}{% endfor %}{% endfor %}",
        2,
        "文字片段运行的步数太多（超过 100000 步），请检查其中的循环",
    ),
    "huge-range": (
        "{{ range(10000000) | list | length }}",
        1,
        "文字片段里的 range 太大（最多 100000 个数）",
    ),
    "itself": (
        "第{{ masthead.issue }}期\n{% include 'issue.j2' %}",
        2,
        "文字片段不能引用其他文件（include）",
    ),
    "another": ("{% include 'date.j2' %}", 1, "文字片段不能引用其他文件（include）"),
    "import": ("{% from 'date.j2' import x %}{{ x }}", 1, "文字片段不能引用其他文件（import）"),
    "extends": ("\n{% extends 'date.j2' %}", 2, "文字片段不能引用其他文件（extends）"),
    "recursion": (
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}\n\n{{ f(1) }}",
        1,
        "文字片段不停地调用自己，没有尽头",
    ),
    "repeat": (
        "{{ 'x' * 1000000000 }}",
        1,
        "文字片段要生成的文字或列表太长（超过 100000），请检查其中的数字和循环",
    ),
    "pad": (
        "{{ 'x' | center(1000000000) }}",
        1,
        "文字片段要生成的文字或列表太长（超过 100000），请检查其中的数字和循环",
    ),
    "width": (
        "{{ '%999999999d' % 1 }}",
        1,
        "文字片段要生成的文字或列表太长（超过 100000），请检查其中的数字和循环",
    ),
    "power": ("{{ 10 ** 100000 }}", 1, "文字片段算出的数太大（超过 10000 位二进制数）"),
    "doubling": (
        "{% set ns = namespace(s='ab') %}{% for i in range(40) %}\n{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}",
        2,
        "文字片段生成的文字或列表太长（超过 100000），请检查其中的数字和循环",
    ),
    "nested": (
        "{% set y = [[0] * 100000] * 100000 %}{{ y }}",
        1,
        "文字片段要生成的文字或列表太长（超过 100000），请检查其中的数字和循环",
    ),
    "division": (
        "第{{ masthead.issue }}期\n\n{{ 1 // 0 }}",
        3,
        "文字片段里有除以零的计算",
    ),
    "filter-type": (
        "{{ masthead.issue | join(1) }}",
        1,
        "文字片段对这里的数据做了不适用的操作（例如把数字当作文字或列表）",
    ),
}


def house_with_issue(root: Path, piece: str) -> Path:
    """A house template over the built-in bulletin whose issue line is ``piece``."""
    (root / "pieces").mkdir(parents=True)
    (root / "template.yaml").write_text("extends: gbt9704-bulletin\n", "utf-8")
    (root / "pieces/issue.j2").write_text(piece, "utf-8")
    return root


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_piece_is_stopped_with_its_file_and_line(tmp_path: Path, case: str) -> None:
    piece, line, message = HOSTILE[case]
    house = house_with_issue(tmp_path / "house", piece)
    source = minimal_source(tmp_path / "src")
    result, elapsed = timed(cli, "build", source, "-o", tmp_path / "out", "--template", house)
    assert elapsed < 5 * SLACK
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{house.resolve()}/pieces/issue.j2:{line}: issue: 错误：{message}"
    )
    assert "内部错误" not in result.output
    assert not (tmp_path / "out").exists()


def test_pieces_within_the_bounds_still_work(tmp_path: Path) -> None:
    piece = (
        "{% set ns = namespace(n=0) %}{% for i in range(5000) %}{% set ns.n = ns.n + i %}"
        "{% endfor %}{{ '{:,}'.format(ns.n) }}·{{ '%d' % 1234567 }}·{{ '第' ~ masthead.issue }}"
    )
    house = house_with_issue(tmp_path / "house", piece)
    source = minimal_source(tmp_path / "src")
    outcome = build.build(source, build.Options(tmp_path / "out", template=str(house)))
    assert outcome.error is None, outcome.error
    assert "12,497,500·1234567·第1" in docx_text(tmp_path / "out/src.docx")


LONG = "某某区委办公室" * 100  # 700 characters: no name, unit or office is that long


@pytest.mark.parametrize(
    ("name", "text", "line", "field"),
    [
        (
            "bulletin.yaml",
            MINIMAL_BULLETIN.replace("unit: 某某区办公室", f"unit: {LONG}"),
            4,
            "masthead.unit",
        ),
        (
            "bulletin.yaml",
            MINIMAL_BULLETIN.replace("name: 学习考察专刊", f"name: {LONG}"),
            2,
            "masthead.name[0]",
        ),
        (
            "bulletin.yaml",
            MINIMAL_BULLETIN.replace("[市委办公室]", f"[市委办公室, {LONG}]"),
            9,
            "end_matter.superiors[1]",
        ),
        (
            "articles/a.yaml",
            MINIMAL_ARTICLE.replace("name: 李明", f"name: {LONG}"),
            5,
            "authors[0].name",
        ),
    ],
    ids=["unit", "masthead-name", "recipient", "author"],
)
def test_a_name_or_unit_longer_than_any_is_refused_in_the_source(
    tmp_path: Path, name: str, text: str, line: int, field: str
) -> None:
    """Such fields are printed by the template's pieces: the source is named, not the piece."""
    source = minimal_source(tmp_path / "src", **{name: text})
    result = cli("build", source, "-o", tmp_path / "out")
    assert result.output.splitlines()[0] == (
        f"{source}/{name}:{line}: {field}: 错误：太长（700 字），这一项最多 500 字"
    )
