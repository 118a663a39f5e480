"""Properties that hold for any input (hypothesis): no exception but a reportkit error, import
output always loads, normalising twice changes nothing, no text is lost, no partial file.

``make test`` runs a few hundred examples; ``make fuzz`` (HYPOTHESIS_PROFILE=fuzz) thousands,
keeping every failing case in .hypothesis/ for the next run.
"""

from __future__ import annotations

import math
import os
import re
import string
import tempfile
import time
import zipfile
from pathlib import Path
from typing import NamedTuple

import yaml
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from reportkit import build
from reportkit.compose import titles
from reportkit.compose.titles import balance
from reportkit.errors import ReportkitError
from reportkit.source import yamlfile
from reportkit.source.clean import clean
from reportkit.source.drafts import importer
from reportkit.source.drafts.load import load_draft
from reportkit.source.load import load_bulletin
from reportkit.source.normalize import normalize
from reportkit.template import registry
from reportkit.typeset.linebreak import break_lines, make_boxes
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN

RULES = registry.load().profile.line_breaking
# make fuzz: ten times the examples (and the failing ones kept in .hypothesis/)
SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 1

HAN = "国家高新区产业园建设发展规划学习体会下步打算启示理念新作风实招商引资创新驱动堃喆镕翀"
MARKS = "，。、；：？！“”‘’（）《》——……·"
HALF = ",.;:?!()\"'-%"
ODD = "\x00\x01\x0b\x0c\t\r\u2028\ufeff\u200b\ufffe\ud800𠮷🙂　 "
CHARS = st.sampled_from(list(HAN + MARKS + HALF + string.ascii_letters + string.digits + ODD))
TEXT = st.text(CHARS, max_size=120)
LINE_TEXT = st.text(
    st.sampled_from(list(HAN + MARKS + HALF + string.digits + "AB 　")), max_size=60
)
HEADINGS = st.sampled_from(
    ["学习体会", "一、学习体会", "（二）下一步工作打算", "三、几点启示", "对我区的启示", "园区运营"]
)
POINT_MARKS = st.sampled_from(
    ["一是", "二是", "（一）", "（二）", "1.", "2、", "第一，", "第二，", ""]
)
BYLINES = st.sampled_from(
    [
        "某某区发展局局长 李明",
        "区委办公室党组书记、主任 李某",
        "某某区副区长、党组成员　王某",
        "高新区管委会常务副主任 张健",
        "某某县商务局科员 赵堃",
    ]
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])


@st.composite
def drafts(draw: st.DrawFn) -> str:
    """A draft as offices write one: title, bylines, lead, headings, points, odd bytes."""
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["学习简报 杭州篇", "学习简报 第3期", "专刊（长沙篇）"])))
    for _ in range(draw(st.integers(1, 2))):
        lines.append(
            draw(LINE_TEXT.filter(lambda t: t.strip()))
            + draw(st.sampled_from(["", "——在会上的发言"]))
        )
        lines += draw(st.lists(BYLINES, min_size=0, max_size=2))
        for _ in range(draw(st.integers(0, 4))):
            kind = draw(st.integers(0, 3))
            if kind == 0:
                lines.append(draw(HEADINGS))
            elif kind == 1:
                lines.append(
                    draw(POINT_MARKS) + draw(LINE_TEXT) + draw(st.sampled_from(["。", "", "；"]))
                )
            elif kind == 2:
                lines.append(draw(TEXT))
            else:
                lines.append(draw(st.sampled_from(["（执笔：张三）", "— 2 —", "", "\x0c"])))
    return draw(st.sampled_from(["\n", "\r\n", "\n\n"])).join(lines)


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        print_blob=True,
        deadline=10_000,  # ms: no example may take more than 10 s
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@given(TEXT)
@_settings(150)
def test_normalising_twice_changes_nothing(text: str) -> None:
    cleaned, _ = clean(text)
    once, _ = normalize(cleaned)
    twice, fixes = normalize(once)
    assert twice == once and fixes == []
    assert clean(once)[1] is None


@given(TEXT)
@_settings(100)
def test_normalising_keeps_every_han_character(text: str) -> None:
    out, _ = normalize(clean(text)[0])
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    assert [c for c in out if "\u4e00" <= c <= "\u9fff"] == han


@given(drafts(), ENCODINGS, st.sampled_from([".txt", ".md"]))
@_settings(100)
def test_any_draft_imports_to_yaml_that_loads(text: str, encoding: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / f"稿件{suffix}"
        try:
            path.write_bytes(text.encode(encoding, errors="replace"))
        except UnicodeEncodeError:
            assume(False)
        try:
            planned = importer.plan([path], root / "articles")
        except ReportkitError:
            return
        for item in planned.files:
            yamlfile.parse(item.text, item.target)  # what import writes, reportkit reads
        importer.write(planned, say=lambda text, error: None)
        assert not list(root.rglob("*.part"))


@given(drafts())
@_settings(100)
def test_draft_text_is_not_lost(text: str) -> None:
    """Every Han character of a draft's running text reaches the articles or the masthead
    (numbering, page numbers and credit labels aside)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "稿件.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            draft = load_draft(path)
        except ReportkitError:
            return
    out = yaml.safe_dump([draft.articles, draft.masthead], allow_unicode=True)
    numbering = set("一二三四五六七八九十是第期")  # numbers and the issue (第3期) become fields
    for line in text.splitlines():
        content = re.sub(
            r"^\s*(第?[一二三四五六七八九十]+[是、，]|（[一二三四五六七八九十]+）)", "", line
        )
        for char in content:
            if "\u4e00" <= char <= "\u9fff" and char not in numbering:
                assert char in out, (char, line)


@given(
    st.text(st.sampled_from(list(HAN + MARKS + "2018年GDP% ")), min_size=1, max_size=300),
    st.integers(4, 24),
)
@_settings(150)
def test_titles_keep_their_text_and_fit(text: str, width: int) -> None:
    lines = balance(text, width, RULES)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    if len(lines) > 1:
        assert all(len(line) >= 2 for line in lines)


LONG_TITLES = st.builds(
    lambda unit, count: (unit * count)[:5000],
    st.one_of(
        st.text(st.sampled_from(list(HAN)), min_size=1, max_size=40),
        st.text(st.sampled_from(list(HAN + MARKS + "2018年GDPabc% 　")), min_size=1, max_size=40),
    ),
    st.integers(5, 300),
)


@given(LONG_TITLES, st.sampled_from([8, 12.5, 20.1, 28]))
@_settings(40)
def test_long_titles_keep_their_text_fit_and_take_little_time(text: str, width: float) -> None:
    start = time.perf_counter()
    lines = balance(text, width, RULES)
    assert time.perf_counter() - start < 3  # 5,000 characters: well under a second alone
    # only the spaces a line begins or ends with go
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)
    if len(lines) > 1:
        assert all(len(line) >= 2 and titles.cells(line) <= width for line in lines)


def _reference_lines(text: str, points: list[int], max_cells: float, shape: str):  # type: ignore[no-untyped-def]
    """Balanced lines as the plain dynamic programme finds them: every line count from the
    fewest cells allow, every break point pair (slow; the answer titles.py must give)."""
    bounds = [0, *points, len(text)]
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + (0.5 if ch.isascii() else 1.0))

    def width(a: int, b: int) -> float:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return prefix[b] - prefix[a] if b - a >= 2 else math.inf

    for count in range(math.ceil(prefix[-1] / max_cells), len(text) // 2 + 1):
        target = prefix[-1] / count
        best = [dict[int, float]() for _ in range(count + 1)]
        back = [dict[int, int]() for _ in range(count + 1)]
        best[0][0] = 0.0
        for m in range(1, count + 1):
            for i, cost_before in best[m - 1].items():
                for j in range(i + 1, len(bounds)):
                    if m == count and j != len(bounds) - 1:
                        continue
                    w = width(bounds[i], bounds[j])
                    if w > max_cells:
                        if prefix[bounds[j]] - prefix[bounds[i]] > max_cells + 1:
                            break
                        continue
                    cost = cost_before + titles._line_cost(
                        text, bounds[j], w, target, m, count, shape
                    )
                    if cost < best[m].get(j, math.inf):
                        best[m][j], back[m][j] = cost, i
        if len(bounds) - 1 in best[count]:
            cuts, j = [], len(bounds) - 1
            for m in range(count, 0, -1):
                cuts.append(text[bounds[back[m][j]] : bounds[j]])
                j = back[m][j]
            return cuts[::-1]
    return None


@given(
    st.text(st.sampled_from(list(HAN + MARKS + "2018年GDPab% 　")), min_size=2, max_size=90),
    st.sampled_from([4, 5.5, 8, 10, 12, 16, 20.1]),
    st.sampled_from(["trapezoid", "diamond"]),
)
@_settings(150)
def test_titles_break_where_every_line_count_and_break_would(
    text: str, width: float, shape: str
) -> None:
    """The quick balancing looks at few break points, and finds the lines the plain
    dynamic programme over all of them finds."""
    allowed = [i for i in range(2, len(text) - 1) if titles._breakable(text, i, RULES)]
    assert titles._fewest_lines(text, allowed, width, shape) == _reference_lines(
        text, allowed, width, shape
    )


@given(
    st.text(st.sampled_from(list(HAN + MARKS + "2018年GDPabc%℃ ")), max_size=200),
    st.integers(3, 30),
)
@_settings(150)
def test_line_breaking_keeps_text_order_and_room(text: str, capacity: int) -> None:
    boxes = make_boxes([(text, "body")], RULES, 10.0, lambda t, s: 5.0 * len(t), capacity)
    lines = break_lines(boxes, capacity, 2, RULES)
    assert "".join(line.text for line in lines) == "".join(b.text for b in boxes)
    assert re.sub("[ \n\r\t]", "", "".join(b.text for b in boxes)) == re.sub("[ \n\r\t]", "", text)
    for line in lines:
        used = sum(b.cells * (0.5 if i in line.compressed else 1) for i, b in enumerate(line.boxes))
        # a pause mark squeezed in at the end may take the line half a cell over (set tighter)
        assert used <= capacity - line.indent + 0.5 + 1e-6 or len(line.boxes) == 1


@st.composite
def yaml_sources(draw: st.DrawFn) -> dict[str, str]:
    """A bulletin whose YAML has been tampered with: odd values, keys, structure, bytes."""
    article = MINIMAL_ARTICLE
    bulletin = MINIMAL_BULLETIN
    for _ in range(draw(st.integers(0, 3))):
        target = draw(st.sampled_from(["article", "bulletin"]))
        source = article if target == "article" else bulletin
        lines = source.splitlines()
        index = draw(st.integers(0, len(lines) - 1))
        choice = draw(st.integers(0, 5))
        if choice == 5:  # a long title: hundreds to thousands of characters
            dumped = yaml.safe_dump(draw(LONG_TITLES), allow_unicode=True, width=10**6)
            title = "title: " + dumped.strip().removesuffix("...").strip()
            article = "\n".join(
                title if line.startswith("title:") else line for line in article.splitlines()
            )
            continue
        if choice == 0:
            key, _, _ = lines[index].partition(":")
            lines[index] = (
                f"{key}: {yaml.safe_dump(draw(TEXT), allow_unicode=True).strip().splitlines()[0] if draw(st.booleans()) else draw(TEXT)}"
            )
        elif choice == 1:
            del lines[index]
        elif choice == 2:
            lines.insert(
                index,
                draw(
                    st.sampled_from(
                        [
                            "  - [a, b]",
                            "x: {",
                            "- *a",
                            "title: &a x",
                            "	tab: 1",
                            "issue: -3",
                            "date: 2024-02-30",
                        ]
                    )
                ),
            )
        elif choice == 3:
            lines[index] = lines[index].replace("  ", draw(st.sampled_from(["", "   ", "\t"])), 1)
        else:
            lines[index] += draw(TEXT)
        if target == "article":
            article = "\n".join(lines)
        else:
            bulletin = "\n".join(lines)
    return {"bulletin.yaml": bulletin, "articles/a.yaml": article}


@given(yaml_sources(), st.booleans())
@_settings(60)
def test_any_source_loads_or_says_why(files: dict[str, str], normalise: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "src"
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_bulletin(root, normalise=normalise)
        except ReportkitError as exc:
            assert exc.problems and all(p.location.file for p in exc.problems)


@given(yaml_sources())
@_settings(25)
def test_any_source_builds_or_writes_nothing(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "src"
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        out = Path(folder) / "out"
        outcome = build.build(root, build.Options(out, formats=("docx", "pdf")))
        written = sorted(p.name for p in out.iterdir()) if out.exists() else []
        if outcome.error is None:
            assert written == ["src.docx", "src.pdf"]
            with zipfile.ZipFile(out / "src.docx") as docx:  # every part well-formed XML
                for name in docx.namelist():
                    if name.endswith((".xml", ".rels")):
                        etree.fromstring(docx.read(name))
        else:
            assert written == []


# template values: (path, YAML unit, least, most, whole numbers, what a message calls it, unit
# word); the ranges a template's numbers must keep (template/profile.py)
TEMPLATE_VALUES = [
    (("page", "width"), "mm", 50, 2000, False, "纸张宽度", "毫米"),
    (("page", "height"), "mm", 50, 2000, False, "纸张高度", "毫米"),
    (("page", "margin_top"), "mm", 0, 2000, False, "天头（上白边）", "毫米"),
    (("page", "margin_left"), "mm", 0, 2000, False, "订口（左白边）", "毫米"),
    (("page", "type_width"), "mm", 10, 2000, False, "版心宽度", "毫米"),
    (("page", "type_height"), "mm", 10, 2000, False, "版心高度", "毫米"),
    (("grid", "lines"), "", 1, 200, True, "每页行数", ""),
    (("grid", "chars"), "", 1, 200, True, "每行字数", ""),
    (("grid", "line_pitch"), "pt", 1, 200, False, "行距", "磅"),
    (("grid", "character_spacing"), "pt", -10, 10, False, "字距", "磅"),
    (("grid", "em_ascent"), "", 0.5, 1, False, "基线以上的字身比例", ""),
    (("sizes", "三号"), "pt", 1, 200, False, "字号", "磅"),
    (("styles", "body", "size"), "pt", 1, 200, False, "字号", "磅"),
    (("styles", "title", "size"), "pt", 1, 200, False, "字号", "磅"),
    (("styles", "body", "first_line_indent"), "", 0, 50, False, "首行缩进", "字"),
    (("styles", "end_matter", "indent_left"), "", 0, 50, False, "左缩进", "字"),
    (("styles", "byline", "indent_right"), "", 0, 50, False, "右缩进", "字"),
    (("styles", "title", "line_height"), "", 0.25, 20, False, "行高", "行"),
    (("styles", "heading", "space_before"), "", 0, 200, False, "段前空行", "行"),
    (("styles", "title", "space_after"), "", 0, 200, False, "段后空行", "行"),
    (("styles", "mark", "top"), "mm", 0, 2000, False, "距版心上边缘", "毫米"),
    (("rules", "masthead", "width"), "pt", 0, 20, False, "线宽", "磅"),
    (("rules", "masthead", "below_baseline"), "mm", 0, 50, False, "线在基线下的距离", "毫米"),
    (("figures", "padding"), "", 0, 10, False, "单元格内边距", "字"),
    (("figures", "min_dpi"), "", 50, 1200, False, "照片的最低分辨率", "dpi"),
    (("figures", "max_dpi"), "", 72, 2400, False, "PDF 中照片的最高分辨率", "dpi"),
    (("figures", "seal_width"), "mm", 10, 200, False, "印章宽度", "毫米"),
    (("page_number", "below_type_area"), "mm", 0, 100, False, "页码距版心下边缘", "毫米"),
    (("page_number", "indent"), "", 0, 50, False, "页码离外侧的距离", "字"),
    (("page_number", "indent_size"), "pt", 1, 200, False, "字号", "磅"),
    (("line_breaking", "latin_space"), "", 0, 1, False, "汉字与西文之间的空隙", "字"),
    (("line_breaking", "reserve"), "pt", 0, 1, False, "断行时每字多算的宽度", "磅"),
]
NOT_NUMBERS = ["abc", "[1, 2]", "{a: 1}", "1e400pt", "十六磅", "12pt12", "--1"]


class TemplateValue(NamedTuple):
    """One value of a house template: where, as written, and how it must be refused."""

    path: tuple[str, ...]
    text: str
    message: str | None  # the message of a value past its range
    junk: bool = False  # not a number: refused at its line, whatever the words


def _shown(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@st.composite
def template_values(draw: st.DrawFn) -> list[TemplateValue]:
    """A few values of a house template: within their ranges, at their edges, past them, or
    not numbers at all."""
    chosen = draw(
        st.lists(st.sampled_from(TEMPLATE_VALUES), min_size=1, max_size=4, unique_by=lambda e: e[0])
    )
    values = []
    for path, unit, least, most, whole, title, word in chosen:
        kind = draw(st.sampled_from(["edge", "inside", "inside", "below", "above", "junk"]))
        if kind == "junk":
            values.append(TemplateValue(path, draw(st.sampled_from(NOT_NUMBERS)), None, True))
            continue
        if kind == "edge":
            value = draw(st.sampled_from([least, most]))
        elif kind == "inside":
            value = draw(st.floats(least, most))
        elif kind == "below":
            value = least - draw(st.floats(0.01, 1e6))
        else:
            value = most + draw(st.floats(0.01, 1e6))
        text = str(round(value)) if whole else f"{math.floor(value * 100) / 100:.2f}"
        if kind in ("edge", "inside") and not whole:
            text = f"{min(max(float(text), least), most):.2f}"
        message = None
        if not least <= float(text) <= most:
            spaced = f"{word} " if word.isascii() and word else word
            after = f" {word}" if word else ""
            message = (
                f"{title}应在 {_shown(least)} 到 {_shown(most)} {spaced}之间，"
                f"而不是 {text if whole else _shown(float(text))}{after}"
            )
        values.append(TemplateValue(path, text + unit, message))
    return values


def _house_yaml(values: list[TemplateValue]) -> tuple[str, dict[tuple[str, ...], int]]:
    """The house template's text, one value a line, and the line of each value."""
    rows = ["extends: gbt9704-bulletin", "name: house"]
    lines: dict[tuple[str, ...], int] = {}
    opened: list[str] = []
    for value in sorted(values):
        path = value.path
        common = 0
        while common < min(len(opened), len(path) - 1) and opened[common] == path[common]:
            common += 1
        opened = opened[:common]
        for depth in range(common, len(path) - 1):
            rows.append("  " * depth + f"{path[depth]}:")
            opened.append(path[depth])
        rows.append("  " * (len(path) - 1) + f"{path[-1]}: {value.text}")
        lines[path] = len(rows)
    return "\n".join(rows) + "\n", lines


@given(template_values())
@_settings(40)
def test_any_template_value_builds_or_is_refused_with_its_range(
    values: list[TemplateValue],
) -> None:
    """Values within their ranges and at their edges build or are refused with a message (one
    value may not suit another); values past them, or not numbers, are refused at their line
    (with the range); never a traceback, never a file written from a refused template."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder).resolve()
        text, lines = _house_yaml(values)
        (root / "house").mkdir()
        (root / "house/template.yaml").write_text(text, encoding="utf-8")
        source = root / "src"
        (source / "articles").mkdir(parents=True)
        (source / "bulletin.yaml").write_text(MINIMAL_BULLETIN, encoding="utf-8")
        (source / "articles/a.yaml").write_text(MINIMAL_ARTICLE, encoding="utf-8")
        options = build.Options(root / "out", ("docx", "pdf"), str(root / "house"))
        outcome = build.build(source, options)
        out = root / "out"
        written = sorted(p.name for p in out.iterdir()) if out.exists() else []
        refusals = [str(p) for p in outcome.error.problems] if outcome.error else []
        for value in values:
            where = (
                f"{root}/house/template.yaml:{lines[value.path]}: {'.'.join(value.path)}: 错误："
            )
            if value.message is not None:
                assert f"{where}{value.message}" in refusals, (value, refusals)
            elif value.junk:
                assert any(r.startswith(where) for r in refusals), (value, refusals)
        event("built" if outcome.error is None else "refused")
        if outcome.error is None:
            assert written == ["src.docx", "src.pdf"]
        else:
            assert outcome.error.problems and written == []
