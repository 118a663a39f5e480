"""The archive PDF beside the .docx as LibreOffice shows it: same text, structure and faces."""

import re
from pathlib import Path

import pdfplumber
import pytest

from tests.helpers import squeeze, text_lines


def family(fontname: str) -> str:
    """A font's family as a short key: NotoSerifCJKsc-Bold and NotoSerifCJKjp-Bold-VKana match."""
    name = fontname.split("+")[-1].split("-")[0]
    return re.sub(r"(sc|jp|tc|kr|hk)$", "", name, flags=re.IGNORECASE).lower()


def read(path: Path, bottom: float) -> tuple[str, dict[str, str], list[str]]:
    with pdfplumber.open(path) as pdf:
        text, faces, titles = "", {}, []
        for page in pdf.pages:
            chars = [c for c in page.chars if c["top"] < bottom and c["text"].strip()]
            text += "".join(line.text for line in text_lines(page, chars))
            for c in chars:
                faces.setdefault(c["text"], family(c["fontname"]))
            big = sorted(
                (c for c in chars if c["size"] > 20 and c["size"] < 30),
                key=lambda c: (c["top"], c["x0"]),
            )
            line = "".join(c["text"] for c in big)
            if line:
                titles.append(line)
        return squeeze(text), faces, titles


@pytest.fixture(scope="module")
def both(seed_pdf: Path, seed_docx_pdf: Path, template):
    page = template.profile.page
    bottom = page.margin_top + page.type_height + 3
    return read(seed_pdf, bottom), read(seed_docx_pdf, bottom)


def test_same_text(both) -> None:
    (pdf_text, _, _), (docx_text, _, _) = both
    assert pdf_text == docx_text


def test_same_titles_in_the_same_order(both) -> None:
    (_, _, pdf_titles), (_, _, docx_titles) = both
    assert pdf_titles == docx_titles
    assert len(pdf_titles) == 3


@pytest.mark.parametrize(
    ("sample", "role"),
    [
        ("近", "masthead name"),
        ("标", "title"),
        ("雨", "byline"),
        ("体", "heading"),
        ("案", "body"),
        ("聚", "run-in"),
    ],
)
def test_same_face_per_role(both, sample: str, role: str) -> None:
    (_, pdf_faces, _), (_, docx_faces, _) = both
    assert pdf_faces[sample] == docx_faces[sample], role


def page_lines(path: Path, bottom: float) -> list[list[str]]:
    """Each page's lines of text (the page number left out)."""
    with pdfplumber.open(path) as pdf:
        return [
            [line.text for line in text_lines(page, [c for c in page.chars if c["top"] < bottom])]
            for page in pdf.pages
        ]


@pytest.fixture(scope="module")
def hundred(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A generated bulletin of about 100 pages: the PDF and the .docx as LibreOffice renders it."""
    from reportkit import build
    from tests import samples
    from tests.helpers import render_with_libreoffice

    root = tmp_path_factory.mktemp("hundred")
    source = samples.write_bulletin(root, pages=100, name="hundred")
    outcome = build.build(source, build.Options(root / "out", formats=("docx", "pdf")))
    assert outcome.error is None, outcome.error
    (root / "lo").mkdir()
    rendered = render_with_libreoffice(root / "out" / "hundred.docx", root / "lo")
    return root / "out" / "hundred.pdf", rendered


@pytest.mark.parametrize("sample", ["seed", "long", "hundred"])
def test_every_page_starts_and_ends_with_the_same_text(request, sample: str, template) -> None:
    """The PDF and the .docx as LibreOffice renders it paginate alike: same pages, each with
    the same first and last line."""
    if sample == "hundred":
        pdf, docx = request.getfixturevalue("hundred")
    else:
        pdf = request.getfixturevalue(f"{sample}_pdf")
        docx = request.getfixturevalue(f"{sample}_docx_pdf")
    page = template.profile.page
    bottom = page.margin_top + page.type_height + 3
    ours, theirs = page_lines(pdf, bottom), page_lines(docx, bottom)
    assert len(ours) == len(theirs)
    for number, (a, b) in enumerate(zip(ours, theirs, strict=True), start=1):
        assert (a[0], a[-1]) == (b[0], b[-1]), number
        assert len(a) == len(b), number
