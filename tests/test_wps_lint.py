"""The WPS-safety lint: each fault it looks for, on a built .docx doctored to have it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from tests.wps_lint import lint, made_by_reportkit


def doctored(docx: Path, part: str, change) -> bytes:
    """``docx``'s bytes with ``part`` (its text) rewritten by ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example report (a table, a seal, the end block) as .docx."""
    from reportkit import build
    from tests.helpers import REPO

    out = tmp_path_factory.mktemp("lint")
    outcome = build.build(REPO / "sources/changsha-report", build.Options(out, ("docx",)))
    assert outcome.error is None, outcome.error
    return out / "changsha-report.docx"


def test_the_built_documents_pass(report_docx: Path, seed_docx: Path) -> None:
    assert lint(report_docx) == [] and lint(seed_docx) == []
    assert made_by_reportkit(report_docx)


DOCUMENT = "word/document.xml"


@pytest.mark.parametrize(
    ("part", "pattern", "replacement", "fault"),
    [
        (
            DOCUMENT,
            r"(<w:p><w:pPr><w:pStyle w:val=\"版记\"/>)",
            r"<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p/></w:txbxContent>"
            r"</v:textbox></v:shape></w:pict></w:r></w:p>\1",
            [f"{DOCUMENT}: 文本框 txbxContent", f"{DOCUMENT}: 文本框 textbox"],
        ),
        (
            DOCUMENT,
            r"<w:tblGrid>.*?</w:tblGrid>",
            "",
            [f"{DOCUMENT}: 表格 1 没有 tblGrid/gridCol 列宽"],
        ),
        (
            DOCUMENT,
            r'<w:tcW w:w="\d+" w:type="dxa"/>',
            '<w:tcW w:w="0" w:type="auto"/>',
            [f"{DOCUMENT}: 表格 1 有单元格没有 tcW 宽度"],
        ),
        (
            "word/footer1.xml",
            r'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>',
            "",
            ["word/footer1.xml: 域 PAGE 没有结果"],
        ),
        (
            "word/footer2.xml",
            r"<w:r><w:t>1</w:t></w:r>",
            "",
            ["word/footer2.xml: 域 PAGE 没有结果"],
        ),
        (
            DOCUMENT,
            r"(<w:p><w:pPr><w:pStyle w:val=\"版记\"/>)",
            r'<w:p><w:fldSimple w:instr=" NUMPAGES "/></w:p>\1',
            [f"{DOCUMENT}: 域 NUMPAGES 没有结果"],
        ),
        (
            "word/styles.xml",
            r'(<w:style w:type="paragraph" w:customStyle="1" w:styleId="版记">.*?)'
            r'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"',
            r'\1<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"',
            ["word/styles.xml: 样式 版记 的 rFonts 缺 cs"],
        ),
        (
            DOCUMENT,
            r'<w:rFonts w:hint="eastAsia"/>',
            r'<w:rFonts w:hint="eastAsia" w:eastAsiaTheme="minorEastAsia"/>',
            None,  # every run: one fault each
        ),
    ],
    ids=[
        "text box",
        "no grid",
        "auto cell width",
        "no result",
        "empty result",
        "simple",
        "style font",
        "theme",
    ],
)
def test_each_fault_is_caught(report_docx: Path, part, pattern, replacement, fault) -> None:
    data = doctored(report_docx, part, lambda text: re.sub(pattern, replacement, text, count=1))
    found = lint(data)
    if fault is None:
        assert found == [f"{DOCUMENT}: r 的 rFonts 缺 ascii、hAnsi、eastAsia、cs"]
    else:
        assert found == fault
