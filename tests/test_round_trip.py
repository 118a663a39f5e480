"""A .docx reportkit wrote imports back to the source it was built from: building that again
gives the same text on the same pages; edited as a clerk edits (a paragraph added, a recipient
added to the 版记, a word changed in a title) in Word (python-docx here) or saved by
LibreOffice, the edits come back where they were made and nothing else changes: the document's
text in reading order is the example's with the edits, and the PDF shows each edit where it
was made (pages move on after an added paragraph: a table's header repeats where it breaks, a
photo waits for the next page, so the PDF's text is not compared whole)."""

from __future__ import annotations

import copy
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reportkit import build
from reportkit.compose.document import compose
from reportkit.source.drafts import importer
from reportkit.source.load import load_source
from reportkit.template import registry
from tests import samples
from tests.helpers import REPO, squeeze

EXAMPLES = ["changsha", "changsha-photos", "changsha-report", "changsha-minutes", "generated"]
KINDS = {"changsha-report": "report", "changsha-minutes": "minutes"}
ADDED = "新增一段：会后，各部门结合实际认真梳理学习考察成果，逐项明确责任单位和完成时限。"
RECIPIENT = "市人大常委会办公室"
WORDS = (("全力", "奋力"), ("学习考察", "考察学习"))  # a word of the first title, changed
PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")


@dataclass
class Built:
    """An example built as .docx and PDF, with the warnings building it gave."""

    name: str
    kind: str
    source: Path
    docx: Path
    pdf: Path
    warnings: set[str]


def _build(source: Path, out: Path) -> tuple[Path, Path, set[str]]:
    outcome = build.build(source, build.Options(out, formats=("docx", "pdf")))
    assert outcome.error is None, outcome.error
    (pdf,) = out.glob("*.pdf")
    return out / f"{pdf.stem}.docx", pdf, {w.message for w in outcome.warnings}


@pytest.fixture(scope="module", params=EXAMPLES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp(f"built-{request.param}")
    if request.param == "generated":
        source = samples.write_bulletin(root, pages=20)
    else:
        source = REPO / "sources" / request.param
    made, pdf, warnings = _build(source, root / "out")
    kind = KINDS.get(request.param, "bulletin")
    return Built(request.param, kind, source, made, pdf, warnings)


def _imported(path: Path, out: Path) -> importer.Plan:
    """``path`` imported into ``out`` (the files written)."""
    plan = importer.plan([path], out)
    assert not plan.failed, plan.failed
    assert not importer.write(plan, say=lambda text, error: None)
    return plan


def _rebuilt(path: Path, root: Path, built: Built) -> tuple[Path, importer.Plan]:
    """``path`` imported and built again: the PDF, and what import did.  The source builds
    with no warning the example did not give."""
    plan = _imported(path, root / "imported")
    _, pdf, warnings = _build(root / "imported", root / "again")
    assert warnings <= built.warnings
    return pdf, plan


def _pages(pdf: Path) -> list[list[str]]:
    with pdfplumber.open(pdf) as opened:
        return [(page.extract_text() or "").splitlines() for page in opened.pages]


def _composed(folder: Path, kind: str) -> str:
    """The text of the document a source composes, in reading order, without any space."""
    source, _ = load_source(folder, kind=kind)
    return squeeze(compose(source, registry.load(registry.for_kind(kind))).text())


def _text(pdf: Path) -> str:
    """All the text of a PDF without page numbers or any space."""
    return squeeze(
        "".join(line for page in _pages(pdf) for line in page if not PAGE_NUMBER.match(line))
    )


def test_each_example_builds_again_to_the_same_pages(built: Built, tmp_path: Path) -> None:
    pdf, plan = _rebuilt(built.docx, tmp_path, built)
    assert _pages(pdf) == _pages(built.pdf)
    (said,) = plan.summaries
    name = registry.for_kind(built.kind)
    assert (said.kind, said.template) == (built.kind, name)
    assert said.why == f"reportkit 生成的文档，模板 {name}，按文档属性识别"
    assert not said.unsure


# a clerk's edits ------------------------------------------------------------------------


@dataclass
class Edits:
    """What a clerk changed: a paragraph added after one, a 版记 line, a title."""

    after: str
    line: tuple[str, str]
    title: tuple[str, str]

    def expected(self, text: str) -> str:
        """``text`` (squeezed) with the edits where they were made."""
        after = squeeze(self.after)
        assert after in text
        text = text.replace(after, after + squeeze(ADDED), 1)
        for old, new in (self.line, self.title):
            assert squeeze(old) in text
            text = text.replace(squeeze(old), squeeze(new), 1)
        return text


def _style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def _edit(path: Path, target: Path, label: str) -> Edits:
    """Edit ``path`` as a clerk does in Word: Enter after the first body paragraph under the
    first title and a new paragraph typed (in that paragraph's style), a recipient added to
    the 版记 line ``label`` before its full stop, a word of the first title changed."""
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    first = next(n for n, p in enumerate(paragraphs) if _style(p) == "文章标题")
    after = next(
        p
        for p in paragraphs[first:]
        if _style(p) == "Normal"
        and p.text.strip()
        and not any(r.style is not None and r.style.name == "要点首句" for r in p.runs)
    )
    added = copy.deepcopy(after._p)
    for run in added.findall(qn("w:r")):
        added.remove(run)
    after._p.addnext(added)
    Paragraph(added, after._parent).add_run(ADDED)
    line = ("", "")
    for t in document.element.body.iter(qn("w:t")):  # the frame's text, and any copy of it
        if t.text and t.text.startswith(f"{label}：") and t.text.endswith("。"):
            line = (t.text, f"{t.text[:-1]}，{RECIPIENT}。")
            t.text = line[1]
    title = paragraphs[first].text
    old, new = next((old, new) for old, new in WORDS if old in title)
    for t in paragraphs[first]._p.iter(qn("w:t")):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new, 1)
            break
    document.save(str(target))
    return Edits(after.text, line, (title, title.replace(old, new, 1)))


def _label(built: Built) -> str:
    return "报" if built.kind == "bulletin" else "抄送"


def _check(root: Path, pdf: Path, built: Built, edits: Edits) -> None:
    """The edits in the source imported into ``root``, each in its part: the paragraph among
    the running text it was typed in (not a section of its own), the recipient in its list,
    the title; the text composed is the example's with the edits, and the PDF shows them."""
    folder = root / "imported"
    source, _ = load_source(folder, kind=built.kind)
    content: Any = source.content
    if built.kind == "bulletin":
        running, title = content.articles[0], content.articles[0].title
        names = content.end_matter.superiors
    else:
        running, title = content, content.title
        names = content.distribution.cc
    assert running.lead[running.lead.index(edits.after) + 1] == ADDED
    assert names[-1] == RECIPIENT
    assert title == edits.title[1]
    assert _composed(folder, built.kind) == edits.expected(_composed(built.source, built.kind))
    shown = _text(pdf)
    assert squeeze(edits.after + ADDED) in shown
    assert squeeze(edits.line[1]) in shown and squeeze(edits.title[1]) in shown
    assert squeeze(edits.title[0]) not in shown


def test_a_clerks_edits_come_back_where_they_were_made(built: Built, tmp_path: Path) -> None:
    edited = tmp_path / f"{built.docx.stem}.docx"
    edits = _edit(built.docx, edited, _label(built))
    pdf, _ = _rebuilt(edited, tmp_path, built)
    _check(tmp_path, pdf, built, edits)


def _libreoffice(path: Path, folder: Path) -> Path:
    """``path`` as LibreOffice saves it: converted to .odt and back to .docx."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    for fmt, source, out in (
        ("odt", path, folder / "odt"),
        ("docx:MS Word 2007 XML", folder / "odt" / f"{path.stem}.odt", folder / "docx"),
    ):
        subprocess.run(
            [
                "soffice",
                profile,
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
            env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
        )
    return folder / "docx" / f"{path.stem}.docx"


def test_edits_saved_by_libreoffice_come_back(built: Built, tmp_path: Path) -> None:
    edited = tmp_path / "edited" / f"{built.docx.stem}.docx"
    edited.parent.mkdir()
    edits = _edit(built.docx, edited, _label(built))
    saved = _libreoffice(edited, tmp_path / "lo")
    with zipfile.ZipFile(saved) as archive:
        assert b"LibreOffice" in archive.read("docProps/app.xml")
    pdf, plan = _rebuilt(saved, tmp_path, built)
    _check(tmp_path, pdf, built, edits)
    assert plan.summaries[0].template == registry.for_kind(built.kind)


@pytest.mark.parametrize("name", ["changsha", "changsha-report"])
def test_a_document_saved_by_libreoffice_then_edited_comes_back(
    name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp(f"lo-then-{name}")
    source = REPO / "sources" / name
    made, original, warnings = _build(source, root / "out")
    example = Built(name, KINDS.get(name, "bulletin"), source, made, original, warnings)
    saved = _libreoffice(made, root / "lo")
    pdf, _ = _rebuilt(saved, root / "plain", example)
    assert _pages(pdf) == _pages(original)
    edited = root / "edited.docx"
    edits = _edit(saved, edited, _label(example))
    pdf, _ = _rebuilt(edited, root / "edited", example)
    _check(root / "edited", pdf, example, edits)
