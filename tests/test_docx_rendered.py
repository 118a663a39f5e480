"""The .docx as a reader sees it: rendered by LibreOffice, measured glyph by glyph."""

import itertools
from pathlib import Path

import pdfplumber
import pytest

from tests.helpers import MM, Line, body_lines, main_text_lines


@pytest.fixture(scope="module", params=["seed", "long"])
def pdf(request):
    """The seed, and a generated 20-page bulletin with many full pages."""
    path: Path = request.getfixturevalue(f"{request.param}_docx_pdf")
    with pdfplumber.open(path) as document:
        yield document


# LibreOffice shifts a line's baseline by up to 0.8 pt with the faces in it: group generously
body = body_lines
main_text = main_text_lines


def hangs(line: Line, area, rules) -> bool:
    """LibreOffice 7.4 reads w:overflowPunct inverted (writerfilter DomainMapper maps it to
    ParaIsHangingPunctuation = value == 0), so a closing mark may hang in its rendering."""
    last = line.chars[-1]
    return last["text"] in rules.no_start and last["x0"] >= area[2] - 1


def test_pages_are_a4(pdf) -> None:
    assert len(pdf.pages) >= 6
    for page in pdf.pages:
        assert (round(page.width / MM), round(page.height / MM)) == (210, 297)


def test_every_glyph_inside_the_type_area(pdf, area, template) -> None:
    rules = template.profile.line_breaking
    for page in pdf.pages:
        for line in body(page, area):
            chars = line.chars[:-1] if hangs(line, area, rules) else line.chars
            for c in chars:
                assert area[0] - 0.5 <= c["x0"] and c["x1"] <= area[2] + 0.5, (
                    page.page_number,
                    line.text,
                )
                assert area[1] - 0.5 <= c["top"] and c["bottom"] <= area[3] + 0.5, (
                    page.page_number,
                    line.text,
                )


def grid_slot(line: Line, area, pitch: float) -> int:
    return round((line.baseline - area[1]) / pitch + 0.25)


def full_pages(pdf, area, pitch) -> list:
    """Pages of running text (no article title) reaching the first and the last grid line."""
    pages = []
    for page in pdf.pages:
        lines = main_text(page, area)
        if any(round(c["size"]) > 16 for line in lines for c in line.chars):
            continue
        if (
            lines
            and grid_slot(lines[0], area, pitch) == 1
            and grid_slot(lines[-1], area, pitch) == 22
        ):
            pages.append(page)
    return pages


def test_full_pages_hold_22_lines_on_the_grid(pdf, area, template) -> None:
    pitch = template.profile.grid.line_pitch
    pages = full_pages(pdf, area, pitch)
    assert len(pages) >= (1 if len(pdf.pages) < 10 else 5)
    for page in pages:
        lines = main_text(page, area)
        assert [grid_slot(line, area, pitch) for line in lines] == list(range(1, 23)), (
            page.page_number
        )


def test_line_pitch(pdf, area, template) -> None:
    """Lines set in the same faces lie whole pitches apart (± 0.3 pt), across the page.

    LibreOffice centres each exact-height line on the ascent and descent of the faces in it, so
    a line holding Latin digits or a run-in lead sits a little higher or lower than a line in one
    face; lines with the same faces show the grid itself.
    """
    pitch = template.profile.grid.line_pitch
    pairs = 0
    for page in pdf.pages:
        groups: dict[frozenset, list[float]] = {}
        for line in body(page, area):
            if {round(c["size"]) for c in line.chars} == {16}:
                groups.setdefault(frozenset(line.fonts()), []).append(line.baseline)
        for baselines in groups.values():
            for a in baselines:
                for b in baselines:
                    if b > a:
                        pairs += 1
                        steps = round((b - a) / pitch)
                        assert b - a == pytest.approx(steps * pitch, abs=0.3), (
                            page.page_number,
                            a,
                            b,
                        )
    assert pairs >= 500


def test_full_lines_hold_28_characters(pdf, area, template) -> None:
    """Lines set flush from edge to edge in one size, without Latin: 28 characters, or 27 where
    a mark that may not end (or start) a line pushed a character down."""
    rules = template.profile.line_breaking
    counted = pushed = 0
    for page in pdf.pages:
        lines = body(page, area)
        for line, after in itertools.pairwise(lines):
            full = abs(line.x0 - area[0]) < 1 and abs(line.x1 - area[2]) < 1.5
            if not full or any(ch.isascii() for ch in line.text) or hangs(line, area, rules):
                continue
            if {round(c["size"]) for c in line.chars} != {16}:
                continue
            counted += 1
            if len(line.text) == 27:
                pushed += 1
                assert after.text[0] in rules.no_end or after.text[1] in rules.no_start, line.text
            else:
                assert len(line.text) == 28, (page.page_number, line.text)
    assert counted >= 30 and pushed <= counted // 4


def test_no_forbidden_marks_at_line_ends(pdf, area, template) -> None:
    rules = template.profile.line_breaking
    for page in pdf.pages:
        for line in body(page, area):
            assert line.text[0] not in rules.no_start, (page.page_number, line.text)
            assert line.text[-1] not in rules.no_end, (page.page_number, line.text)


def test_page_numbers(pdf, area, template) -> None:
    numbering = template.profile.page_number
    indent = numbering.indent * numbering.indent_size
    for page in pdf.pages:
        below = [c for c in page.chars if c["top"] > area[3]]
        assert "".join(c["text"] for c in below if c["text"].strip()) == f"—{page.page_number}—"
        assert {round(c["size"]) for c in below} == {14}
        top = min(c["top"] for c in below)
        assert top == pytest.approx(area[3] + numbering.below_type_area, abs=3)  # 7 mm ± 1 mm
        if page.page_number % 2:
            assert max(c["x1"] for c in below) == pytest.approx(area[2] - indent, abs=1)
        else:
            assert min(c["x0"] for c in below) == pytest.approx(area[0] + indent, abs=1)


def test_end_block_on_the_bottom_of_the_last_page(seed_docx_pdf, area, template) -> None:
    with pdfplumber.open(seed_docx_pdf) as document:
        check_end_block(document.pages[-1], area)


def check_end_block(last, area) -> None:
    rules = sorted(last.lines + last.rects, key=lambda r: r["top"])
    assert len(rules) == 3
    assert rules[-1]["top"] == pytest.approx(area[3], abs=1)
    assert [round(r["x1"] - r["x0"]) for r in rules] == [round(area[2] - area[0])] * 3
    lines = [line.text for line in body(last, area) if line.baseline > rules[0]["top"]]
    assert lines == [
        "报：市委办公室，市政府办公室。",
        "送：高新区党工委、管委会领导。",
        "发：各部门、各单位。",
        "（共印60份）",
    ]
    copies = body(last, area)[-1]
    assert copies.x1 == pytest.approx(area[2] - 14, abs=1.5)  # flush right, one character in


def test_fonts_per_role(seed_docx_pdf, area) -> None:
    with pdfplumber.open(seed_docx_pdf) as document:
        check_fonts(document.pages[0], area)


def check_fonts(first, area) -> None:
    by_text = {line.text: line.fonts() for line in body(first, area)}
    assert by_text["对标先进，全力打造“蓼河数谷”"] == {"NotoSerifCJKjp-Bold-VKana"}
    assert by_text["济宁高新区信息产业园管委会主任田雨"] == {"UKaiCN"}
    assert by_text["内部资料"] == {"WenQuanYiMicroHei"}
    assert "FandolFang-Regular" in by_text["第3期"]
    red = [c for c in first.chars if c["text"] == "近"]
    assert red and red[0]["non_stroking_color"] in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))
