"""The page model laid out directly: blocks in, pages out — lines on the grid, glyphs in their
cells, page breaks, keep-with-next, widow control, rules, the end block and page numbers."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from reportkit.compose.page import Anchored, Document, Meta, Rule, Run, Space, Text
from reportkit.layout.pages import Pages
from reportkit.layout.paginate import paginate
from reportkit.typeset.metrics import StandardMetrics

HAN = "国家高新区产业园区建设发展规划"  # fifteen Han characters, no marks
META = Meta("标题", "作者", "主题", dt.date(2024, 5, 6), "zh-CN")


def document(*flow, anchored=None) -> Document:  # type: ignore[no-untyped-def]
    return Document("t", META, tuple(flow), anchored, ("— ", " —"))


def body(text: str, style: str = "body") -> Text:
    return Text(style, ((Run(text),),))


def lay_out(template, doc: Document) -> Pages:  # type: ignore[no-untyped-def]
    return paginate(doc, template.profile, StandardMetrics(template.profile))


def baselines(page) -> list[float]:  # type: ignore[no-untyped-def]
    """The distinct baselines of a page's body-sized text, top to bottom."""
    return sorted({round(run.baseline, 3) for run in page.runs if run.style != "page_number"})


def test_a_paragraph_fills_lines_of_28_cells_from_the_indent(template, area) -> None:
    left, top, right, _ = area
    pages = lay_out(template, document(body(HAN * 4)))  # 60 characters
    assert len(pages.pages) == 1
    page = pages.pages[0]
    lines = baselines(page)
    assert len(lines) == 3  # 26 after the two-character indent, 28, then 6
    pitch = template.profile.grid.line_pitch
    assert lines[1] - lines[0] == pytest.approx(pitch)
    first = [run for run in page.runs if round(run.baseline, 3) == lines[0]]
    xs = [x for run in first for x in run.xs]
    assert len(xs) == 26
    # two characters of indent, then each glyph centred in its cell (one em less the
    # tracking), the line justified flush to the right edge
    size = template.profile.style("body").size
    tracking = template.profile.grid.character_spacing
    assert xs[0] == pytest.approx(left + 2 * size + tracking / 2, abs=0.05)
    assert xs[-1] + size + tracking / 2 == pytest.approx(right, abs=0.05)
    steps = {round(b - a, 3) for a, b in itertools.pairwise(xs)}
    assert len(steps) == 1 and steps.pop() == pytest.approx(template.profile.char_width, abs=0.03)
    assert lines[0] > top


def test_a_page_holds_22_lines_then_breaks(template) -> None:
    pages = lay_out(template, document(*(body(HAN * 2) for _ in range(12))))  # 24 lines
    assert [len(baselines(p)) for p in pages.pages] == [22, 2]
    assert [p.number for p in pages.pages] == [1, 2]
    assert pages.lines_of == dict.fromkeys(range(12), 2)
    assert pages.order == list(range(12))


def test_a_heading_keeps_with_the_next_paragraph(template) -> None:
    filler = [body(HAN * 2) for _ in range(10)]  # 20 lines
    heading = Text("heading", ((Run("一、学习体会"),),))
    pages = lay_out(template, document(*filler, body(HAN), heading, body(HAN * 2)))
    # the heading would be line 22 alone: it goes down with its paragraph
    assert [len(baselines(p)) for p in pages.pages] == [21, 3]
    assert pages.pages[1].runs[0].text.startswith("一、")


def test_widow_control_leaves_no_line_alone(template) -> None:
    filler = [body(HAN * 2) for _ in range(10)]  # 20 lines
    pages = lay_out(template, document(*filler, body(HAN * 6)))  # a paragraph of 4 lines
    # two lines fit at the foot; the other two go on
    assert [len(baselines(p)) for p in pages.pages] == [22, 2]
    three = lay_out(template, document(*filler, body(HAN * 4)))  # a paragraph of 3 lines
    assert [len(baselines(p)) for p in three.pages] == [20, 3]  # never one line alone


def test_space_and_a_rule_take_their_places(template, area) -> None:
    left, top, right, _ = area
    pitch = template.profile.grid.line_pitch
    pages = lay_out(template, document(body(HAN), Space(2), body(HAN), Rule("table_frame")))
    page = pages.pages[0]
    assert baselines(page)[1] - baselines(page)[0] == pytest.approx(3 * pitch)
    (rule,) = page.rules
    assert (rule.x0, rule.x1) == (pytest.approx(left), pytest.approx(right))
    assert rule.y == pytest.approx(top + 4 * pitch)  # under the fourth line


END = Anchored(
    (Rule("end_first"), Text("end_matter", ((Run("报：市委办公室。"),),)), Rule("end_last")),
    even_page=True,
)


@pytest.mark.parametrize(
    ("paragraphs", "placed", "kinds", "numbers"),
    [
        # page 1 is odd: the end on page 2, numbered — no blank page precedes it (§7.5)
        (1, "own_page", ["text", "end_only"], [1, 2]),
        (12, "last_page", ["text", "text"], [1, 2]),  # text ends on page 2, room at its foot
        # page 2 full: a blank page 3 (unnumbered), the end block alone on page 4
        (22, "after_blank", ["text", "text", "blank", "end_only"], [1, 2, None, None]),
    ],
)
def test_the_end_block_sits_on_the_foot_of_an_even_page(
    template, area, paragraphs: int, placed: str, kinds: list[str], numbers: list
) -> None:
    _, top, _, bottom = area
    grid = template.profile.grid
    pages = lay_out(template, document(*(body(HAN * 2) for _ in range(paragraphs)), anchored=END))
    assert pages.anchored == placed
    assert [p.kind for p in pages.pages] == kinds
    assert [p.number for p in pages.pages] == numbers  # GB/T 9704 §7.5
    last = pages.pages[-1]
    # the first rule above the grid's last line, the last on the type area's bottom edge
    first_rule = top + (grid.lines - 1) * grid.line_pitch
    assert [r.y for r in last.rules[-2:]] == [pytest.approx(first_rule), pytest.approx(bottom)]
    assert pages.end_lines == 1


def test_page_numbers_sit_outside_one_character_in(template, area) -> None:
    left, _, right, bottom = area
    pages = lay_out(template, document(*(body(HAN * 2) for _ in range(12))))
    settings = template.profile.page_number
    indent = settings.indent * settings.indent_size
    numbers = [[r for r in p.runs if r.style == "page_number"] for p in pages.pages]
    odd, even = numbers
    assert "".join(r.text for r in odd) == "— 1 —"  # the spaces drawn too, as written
    size = template.profile.style("page_number").size
    assert odd[-1].xs[-1] + size == pytest.approx(right - indent, abs=0.25)
    assert even[0].xs[0] == pytest.approx(left + indent, abs=0.25)
    assert odd[0].baseline > bottom + settings.below_type_area


def test_pages_without_glyphs_break_alike(template) -> None:
    doc = document(*(body(HAN * 3) for _ in range(20)))
    profile = template.profile
    with_glyphs = paginate(doc, profile, StandardMetrics(profile))
    without = paginate(doc, profile, StandardMetrics(profile), glyphs=False)
    assert not any(p.runs for p in without.pages)
    assert without.lines_of == with_glyphs.lines_of
    assert [p.number for p in without.pages] == [p.number for p in with_glyphs.pages]
