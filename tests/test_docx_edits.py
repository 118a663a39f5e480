"""The .docx after a clerk's edits, rendered by LibreOffice: a longer 版记, paragraphs added to
the first article or body, a row added to a table.  Nothing is cut off, the 版记 stays whole at
the foot of the last page, the pages keep their numbers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

import docx
import pdfplumber
import pytest
from docx.text.paragraph import Paragraph

from reportkit import build
from tests import samples
from tests.helpers import (
    MM,
    REPO,
    W,
    docx_text,
    docx_xml,
    render_with_libreoffice,
    squeeze,
    text_lines,
)

# fifty characters: a 版记 line of 四号 holds about 29, so each end line grows by two lines
MORE_RECIPIENTS = (
    "市人大常委会办公室，市政协办公室，市纪委监委办公室，市委组织部，市委宣传部，市发展和改革委员会"
)
ADDED = (
    "新增第{n}段：会后，各部门结合实际认真梳理学习考察成果，逐项明确责任单位和完成时限，"
    "确保各项措施落到实处、见到实效，并按月报送工作进展情况。"
)
TABLE_ROW = ("新增指标（个）", "12", "8")


class Case(NamedTuple):
    """A document to build and the edits a clerk makes to it."""

    name: str
    kind: str  # bulletin, report, minutes
    source: str  # an example's folder, or "generated"
    paragraphs: int
    table_row: bool = False
    pages: int = 0  # a generated document's length


CASES = [
    Case("bulletin-1", "bulletin", "changsha", 1),
    Case("bulletin-4", "bulletin", "changsha", 4),
    Case("bulletin-8", "bulletin", "changsha", 8),
    Case("photos-4-row", "bulletin", "changsha-photos", 4, table_row=True),
    Case("report-1", "report", "changsha-report", 1),
    Case("report-4", "report", "changsha-report", 4),
    Case("report-8-row", "report", "changsha-report", 8, table_row=True),
    Case("minutes-1", "minutes", "changsha-minutes", 1),
    Case("minutes-4", "minutes", "changsha-minutes", 4),
    Case("minutes-8", "minutes", "changsha-minutes", 8),
    Case("long-8", "bulletin", "generated", 8, pages=7),
    Case("report-long-8", "report", "generated", 8, pages=5),
    Case("minutes-long-8", "minutes", "generated", 8, pages=3),
]


class Edited(NamedTuple):
    case: Case
    docx: Path
    pdf: Path
    built_pages: int
    end_lines: list[str]  # the 版记's paragraphs' text, in order
    names: int  # how many of them list recipients (报/送/发, 抄送)


def source_of(case: Case, root: Path) -> Path:
    if case.source != "generated":
        return REPO / "sources" / case.source
    if case.kind == "bulletin":
        return samples.write_bulletin(root, pages=case.pages, name=case.name)
    return samples.write_kind(root, case.kind, case.pages, name=case.name)


def edit_as_a_clerk(path: Path, case: Case) -> tuple[list[str], int]:
    """Open the .docx with python-docx, lengthen each recipients line of the 版记 by two lines,
    add paragraphs after the first paragraph of running text, add a row to the first table;
    save it in place.  The 版记's paragraphs' text after the edits, and how many list names."""
    document = docx.Document(str(path))
    framed = [p for p in document.paragraphs if p._p.pPr is not None and _framed(p)]
    names = [p for p in framed if p.text.startswith(("报：", "送：", "发：", "抄送："))]
    assert names, [p.text for p in framed]
    last = names[0].runs[-1]
    last.text = last.text.removesuffix("。") + "，" + MORE_RECIPIENTS + "。"
    first = next(p for p in document.paragraphs if p.style.name == "Normal" and len(p.text) > 30)
    following = Paragraph(first._p.getnext(), first._parent)
    for n in range(1, case.paragraphs + 1):
        following.insert_paragraph_before(ADDED.format(n=n), style="Normal")
    if case.table_row:
        row = document.tables[0].add_row()
        for cell, value in zip(row.cells, TABLE_ROW, strict=True):
            cell.text = value
    document.save(str(path))
    return [p.text for p in framed], len(names)


def _framed(p: Paragraph) -> bool:
    return p._p.pPr.find(f"{{{p._p.nsmap['w']}}}framePr") is not None


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every rendering: LibreOffice starts its profile once."""
    return tmp_path_factory.mktemp("edits-rendered")


@pytest.fixture(scope="module", params=CASES, ids=[c.name for c in CASES])
def edited(request, renders: Path, tmp_path_factory: pytest.TempPathFactory) -> Edited:
    case: Case = request.param
    root = tmp_path_factory.mktemp(case.name)
    outcome = build.build(source_of(case, root), build.Options(root / "out", ("docx",)))
    assert outcome.error is None, outcome.error
    (built,) = [path for path, _, _ in outcome.written]
    path = built.with_name(f"{case.name}.docx")
    built.rename(path)
    end_lines, names = edit_as_a_clerk(path, case)
    return Edited(
        case, path, render_with_libreoffice(path, renders), outcome.pages or 0, end_lines, names
    )


def area(template) -> tuple[float, float, float, float]:
    page = template.profile.page
    return (
        page.margin_left,
        page.margin_top,
        page.margin_left + page.type_width,
        page.margin_top + page.type_height,
    )


def rules_of(page) -> list[dict]:
    """Full-width horizontal rules on a page, top to bottom."""
    found = [
        r for r in page.lines + page.rects if r["x1"] - r["x0"] > 400 and r["bottom"] - r["top"] < 2
    ]
    return sorted(found, key=lambda r: r["top"])


def test_every_character_of_the_edited_text_appears(edited: Edited, template) -> None:
    bottom = area(template)[3]
    with pdfplumber.open(edited.pdf) as pdf:
        shown = "".join(c["text"] for page in pdf.pages for c in page.chars if c["top"] < bottom)
    written = docx_text(edited.docx)
    assert "新增第1段" in written and MORE_RECIPIENTS in written
    assert Counter(squeeze(shown)) == Counter(squeeze(written))
    if edited.case.table_row:
        assert "新增指标（个）" in squeeze(shown)


def test_the_end_block_is_whole_at_the_foot_of_the_last_page(edited: Edited, template) -> None:
    left, _, right, bottom = area(template)
    with pdfplumber.open(edited.pdf) as pdf:
        last = pdf.pages[-1]
        rules = rules_of(last)[-3:]  # under a table's rules, if a table ends on the page
        assert len(rules) == 3
        first, middle, end = rules
        # its last rule on the type area's bottom edge, 262 mm from the page's top
        assert end["top"] == pytest.approx(bottom, abs=1) and bottom == pytest.approx(262 * MM)
        assert all(
            r["x0"] == pytest.approx(left, abs=1) and r["x1"] == pytest.approx(right, abs=1)
            for r in rules
        )
        inside = [c for c in last.chars if first["top"] < c["top"] < end["top"]]
        assert squeeze("".join(line.text for line in text_lines(last, inside))) == squeeze(
            "".join(edited.end_lines)
        )
        # the recipients' lines, two lines longer, between the first and the middle rule
        above = [line for line in text_lines(last, inside) if line.baseline < middle["top"]]
        assert len(above) == edited.names + 2
        below = [line for line in text_lines(last, inside) if line.baseline > middle["top"]]
        assert squeeze("".join(line.text for line in below)) == squeeze(edited.end_lines[-1])
        assert not any(c["top"] > end["top"] and c["top"] < bottom for c in last.chars)
        for page in pdf.pages[:-1]:  # nowhere else
            assert squeeze(MORE_RECIPIENTS) not in squeeze(page.extract_text()), page.page_number


def test_page_numbers(edited: Edited, template) -> None:
    """— N — under the type area, odd pages right and even pages left one character in; none
    on a blank page, nor on the page holding only the 版记 that the document was built with (a
    section of its own).  A page the edits leave holding only the 版记 is in the body's section
    and keeps its number: the word processor numbers pages by section."""
    left, _, right, bottom = area(template)
    numbering = template.profile.page_number
    indent = numbering.indent * numbering.indent_size
    own_section = len(docx_xml(edited.docx).findall(f".//{W}sectPr")) > 1
    with pdfplumber.open(edited.pdf) as pdf:
        assert len(pdf.pages) >= edited.built_pages
        if edited.case.paragraphs == 8:
            assert len(pdf.pages) > edited.built_pages  # the edits added a page
        for page in pdf.pages:
            number = page.page_number
            text = [c for c in page.chars if c["top"] < bottom and c["text"].strip()]
            rules = rules_of(page)[-3:]
            only_end = len(rules) == 3 and all(c["top"] > rules[0]["top"] for c in text)
            below = [c for c in page.chars if c["top"] > bottom and c["text"].strip()]
            if not below:
                assert not text or only_end, number
                continue
            assert "".join(c["text"] for c in below) == f"—{number}—"
            if number % 2:
                assert max(c["x1"] for c in below) == pytest.approx(right - indent, abs=1)
            else:
                assert min(c["x0"] for c in below) == pytest.approx(left + indent, abs=1)
        last = [c for c in pdf.pages[-1].chars if c["top"] > bottom and c["text"].strip()]
        assert (last == []) == own_section
