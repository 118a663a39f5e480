"""The archive PDF measured glyph by glyph: grid, flush edges, line breaking, page furniture."""

import itertools
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from reportkit import build
from tests.helpers import (
    MINIMAL_BULLETIN,
    MM,
    REPO,
    Line,
    body_lines,
    main_text_lines,
    minimal_source,
    pdfa_2b,
    seed_fragments,
    squeeze,
)


@pytest.fixture(scope="module", params=["seed", "long"])
def pdf(request):
    path: Path = request.getfixturevalue(f"{request.param}_pdf")
    with pdfplumber.open(path) as document:
        yield document


def body(page, area) -> list[Line]:
    return body_lines(page, area, tolerance=1.0)  # our baselines are exact


def main_text(page, area) -> list[Line]:
    return main_text_lines(page, area, tolerance=1.0)


def slot(line: Line, area, pitch: float) -> int:
    return round((line.baseline - area[1]) / pitch + 0.25)


def test_pages_are_a4(pdf) -> None:
    for page in pdf.pages:
        assert (round(page.width / MM), round(page.height / MM)) == (210, 297)


def test_every_glyph_inside_the_type_area(pdf, area, template) -> None:
    """Every glyph inside the type area; a pause mark squeezed in at a line's end (、。，．,
    half a cell wide) has its ink in the left half of its em box, which may reach past."""
    squeezed = template.profile.line_breaking.hang_marks
    for page in pdf.pages:
        for c in page.chars:
            if c["top"] > area[3]:
                continue  # the page number
            right = c["x0"] + (c["x1"] - c["x0"]) / 2 if c["text"] in squeezed else c["x1"]
            assert area[0] - 0.5 <= c["x0"] and right <= area[2] + 0.5, (
                page.page_number,
                c["text"],
            )
            assert area[1] - 0.5 <= c["top"] and c["bottom"] <= area[3] + 0.5, (
                page.page_number,
                c["text"],
            )


def test_full_pages_hold_22_lines_at_the_exact_pitch(pdf, area, template) -> None:
    pitch = template.profile.grid.line_pitch
    full = 0
    for page in pdf.pages:
        lines = main_text(page, area)
        if any(round(c["size"]) > 16 for line in lines for c in line.chars):
            continue  # a page with an article title leaves a line blank before it
        if lines and slot(lines[0], area, pitch) == 1 and slot(lines[-1], area, pitch) == 22:
            full += 1
            assert len(lines) == 22, page.page_number
            for a, b in itertools.pairwise(lines):
                assert b.baseline - a.baseline == pytest.approx(pitch, abs=0.3)
    assert full >= (2 if len(pdf.pages) < 10 else 6)


def test_every_line_sits_on_the_grid(pdf, area, template) -> None:
    """Lines of one size lie whole pitches apart, across the page (± 0.3 pt)."""
    pitch = template.profile.grid.line_pitch
    for page in pdf.pages:
        sizes: dict[int, list[Line]] = {}
        for line in body(page, area):
            sizes.setdefault(round(max(c["size"] for c in line.chars)), []).append(line)
        for a, b in (pair for lines in sizes.values() for pair in itertools.combinations(lines, 2)):
            steps = round((b.baseline - a.baseline) / pitch)
            assert b.baseline - a.baseline == pytest.approx(steps * pitch, abs=0.3)


def is_body(line: Line) -> bool:
    return {round(c["size"]) for c in line.chars} == {16} and len(
        {c["fontname"] for c in line.chars}
    ) >= 1


def test_full_lines_are_flush_with_both_edges_and_hold_28_cells(pdf, area, template) -> None:
    cell = template.profile.char_width
    lines = [line for page in pdf.pages for line in main_text(page, area)]
    flush = 28
    for line, after in itertools.pairwise(lines):
        if not is_body(line) or abs(line.x0 - area[0]) > 0.5:
            continue  # a first line (indented) or a centred line
        ends_paragraph = after.x0 > area[0] + 1.5 * cell or not is_body(after)
        if ends_paragraph:
            assert line.x1 <= area[2] + 0.5
            continue
        flush += 1
        last = line.chars[-1]
        squeezed = last["text"] in template.profile.line_breaking.hang_marks and len(line.text) > 28
        # a pause mark squeezed in at the end takes half a cell (its ink is in its left half)
        right = last["x0"] + cell / 2 if squeezed else line.x1
        assert right == pytest.approx(area[2], abs=0.5), line.text
        if all(not ch.isascii() for ch in line.text):
            # every character on a cell of the grid: 28, or fewer spread evenly after a push-out
            starts = [c["x0"] for c in line.chars]
            steps = {round(b - a, 2) for a, b in itertools.pairwise(starts)}
            assert len(line.text) <= (29 if squeezed else 28)
            if len(line.text) == 28:
                assert all(abs(s - cell) < 0.05 for s in steps), line.text
    assert flush > 60


def test_no_forbidden_marks_at_line_ends(pdf, area, template) -> None:
    rules = template.profile.line_breaking
    checked = 0
    for page in pdf.pages:
        for line in body(page, area):
            checked += 1
            assert line.text[0] not in rules.no_start, (page.page_number, line.text)
            assert line.text[-1] not in rules.no_end, (page.page_number, line.text)
    assert checked > 100


def test_page_numbers(pdf, area, template) -> None:
    numbering = template.profile.page_number
    indent = numbering.indent * numbering.indent_size
    for page in pdf.pages:
        below = [c for c in page.chars if c["top"] > area[3]]
        if not below:
            continue  # an end-block page of its own carries no number
        assert "".join(c["text"] for c in below) == f"— {page.page_number} —"
        assert min(c["top"] for c in below) == pytest.approx(
            area[3] + numbering.below_type_area, abs=1
        )
        if page.page_number % 2:
            assert max(c["x1"] for c in below) == pytest.approx(area[2] - indent, abs=0.5)
        else:
            assert min(c["x0"] for c in below) == pytest.approx(area[0] + indent, abs=0.5)


def test_end_block_on_the_type_area_bottom(seed_pdf: Path, area) -> None:
    with pdfplumber.open(seed_pdf) as document:
        last = document.pages[-1]
        rules = sorted(last.lines + last.rects, key=lambda r: r["top"])
        assert len(rules) == 3
        bottom = (rules[-1]["top"] + rules[-1]["bottom"]) / 2
        assert bottom == pytest.approx(area[3], abs=0.5)
        assert [round(r["x1"] - r["x0"], 1) for r in rules] == [round(area[2] - area[0], 1)] * 3
        assert [round(r.get("linewidth", 0) / MM, 2) for r in rules] == [0.35, 0.25, 0.35]
        lines = [line.text for line in body(last, area) if line.baseline > rules[0]["top"]]
        assert lines == [
            "报：市委办公室，市政府办公室。",
            "送：高新区党工委、管委会领导。",
            "发：各部门、各单位。",
            "（共印60份）",
        ]


def test_every_sentence_of_the_seed_in_the_text(seed_pdf: Path, area) -> None:
    with pdfplumber.open(seed_pdf) as document:
        box = (0, 0, document.pages[0].width, area[3] + 3)  # the type area: no page numbers
        text = squeeze("".join(p.crop(box).extract_text() for p in document.pages))
    missing = [f for f in seed_fragments() if squeeze(f) not in text]
    assert missing == []


def test_fonts_are_embedded_and_none_is_base14(seed_pdf: Path) -> None:
    with pikepdf.open(seed_pdf) as document:
        fonts = {}
        for page in document.pages:
            for font in page.obj.Resources.Font.values():
                fonts[str(font.BaseFont)] = font
        assert len(fonts) >= 5
        for name, font in fonts.items():
            assert "+" in name, name  # a subset
            assert "/FontFile2" in font.FontDescriptor, name


def test_pdfa_2b_validates(seed_pdf: Path) -> None:
    report = pdfa_2b(seed_pdf)
    assert report.passed, report


def test_bookmarks_and_properties(seed_pdf: Path) -> None:
    with pikepdf.open(seed_pdf) as document:
        with document.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert titles == [
            "对标先进，全力打造“蓼河数谷”",
            "精准定位多措并举，强力实现产业升级",
            "建设国内一流健康产业园",
        ]
        info = document.docinfo
        assert str(info.Title).startswith("近赶潍坊")
        assert str(info.Author) == "济宁高新区党工委办公室"
        meta = document.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "A"
        # the document information says what the XMP packet says, and no more
        assert sorted(info.keys()) == [
            "/Author",
            "/CreationDate",
            "/Creator",
            "/ModDate",
            "/Producer",
            "/Subject",
            "/Title",
        ]
        assert meta["dc:title"] == str(info.Title)
        assert meta["dc:creator"] == [str(info.Author)]
        assert meta["dc:description"] == str(info.Subject)
        assert meta["pdf:Producer"] == str(info.Producer) == "reportkit"
        assert meta["xmp:CreatorTool"] == str(info.Creator)
        # the instant SOURCE_DATE_EPOCH fixes for the tests (conftest.py)
        assert meta["xmp:CreateDate"] == meta["xmp:ModifyDate"] == "2024-06-18T01:30:00+00:00"
        assert str(info.ModDate) == str(info.CreationDate) == "D:20240618013000Z"
        metadata = document.Root.Metadata
        assert (
            "/Filter" not in metadata
            and b"<pdfaid:part>2</pdfaid:part>" in metadata.read_raw_bytes()
        )
        assert all("/Trans" not in page.obj for page in document.pages)


def test_same_input_same_bytes(seed_pdf: Path, tmp_path: Path) -> None:
    outcome = build.build(REPO / "sources/changsha", build.Options(tmp_path, formats=("pdf",)))
    assert outcome.error is None
    assert (tmp_path / "changsha.pdf").read_bytes() == seed_pdf.read_bytes()


def test_same_bytes_in_another_process_with_another_hash_seed(
    seed_pdf: Path, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "reportkit",
            "build",
            str(REPO / "sources/changsha"),
            "-o",
            str(tmp_path),
            "--format",
            "pdf",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "changsha.pdf").read_bytes() == seed_pdf.read_bytes()


def test_markup_characters_in_the_properties_stay_text(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("某某区办公室", "某某区R&D<中心>办公室")
    source = minimal_source(tmp_path / "src", **{"bulletin.yaml": bulletin})
    outcome = build.build(source, build.Options(tmp_path / "out", formats=("pdf",)))
    assert outcome.error is None, outcome.error
    with pikepdf.open(tmp_path / "out/src.pdf") as document:
        author = str(document.docinfo.Author)
        assert "R&D<中心>" in author
        assert document.open_metadata()["dc:creator"] == [author]
    assert pdfa_2b(tmp_path / "out/src.pdf").passed
