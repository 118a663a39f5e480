"""A .docx reportkit wrote imports back to the source it was built from: building that again
gives the same text on the same pages; edited as a clerk edits (a paragraph added, a recipient
added to the 版记, a word changed in a title) in Word (python-docx here) or saved by
LibreOffice, the edits come back where they were made and nothing else changes: the document's
text in reading order is the example's with the edits, and the PDF shows each edit where it
was made (pages move on after an added paragraph: a table's header repeats where it breaks, a
photo waits for the next page, so the PDF's text is not compared whole)."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from reportkit import build
from reportkit.compose.document import compose
from reportkit.readback import own
from reportkit.source.drafts import importer
from reportkit.source.load import load_source
from reportkit.template import registry
from tests import samples
from tests.helpers import MINIMAL_ARTICLE, REPO, cli, minimal_source, squeeze, write_source

EXAMPLES = [
    *("changsha", "changsha-photos", "changsha-report", "changsha-minutes"),
    # generated: a 20-page bulletin, a report and minutes of many sections (headings 一、 to 十二、)
    *("generated", "generated-report", "generated-minutes"),
]
KINDS = {
    "changsha-report": "report",
    "changsha-minutes": "minutes",
    "generated-report": "report",
    "generated-minutes": "minutes",
}
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
    elif request.param.startswith("generated-"):
        source = samples.write_kind(root, request.param.removeprefix("generated-"), pages=8)
    else:
        source = REPO / "sources" / request.param
    made, pdf, warnings = _build(source, root / "out")
    kind = KINDS.get(request.param, "bulletin")
    return Built(request.param, kind, source, made, pdf, warnings)


def _imported(path: Path, out: Path) -> importer.Plan:
    """``path`` imported into ``out`` (the files written)."""
    plan = importer.plan([path], out, own=own.reader())
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
    # the .odt LibreOffice saved imports the same (converted back by LibreOffice on import)
    odt = tmp_path / "lo" / "odt" / f"{edited.stem}.odt"
    _imported(odt, tmp_path / "from-odt")
    composed = _composed(tmp_path / "imported", built.kind)
    assert _composed(tmp_path / "from-odt", built.kind) == composed


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


# what a clerk may do besides, and documents read otherwise ------------------------------


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Built]:
    """Each example built once, when a test asks for it."""
    made: dict[str, Built] = {}

    def example(name: str) -> Built:
        if name not in made:
            root = tmp_path_factory.mktemp(f"example-{name}")
            source = REPO / "sources" / name
            docx_file, pdf, warnings = _build(source, root / "out")
            kind = KINDS.get(name, "bulletin")
            made[name] = Built(name, kind, source, docx_file, pdf, warnings)
        return made[name]

    return example


def _typed_after(paragraph: Paragraph, text: str) -> None:
    """Enter at the end of ``paragraph`` and ``text`` typed: a paragraph in its style."""
    added = copy.deepcopy(paragraph._p)
    for run in added.findall(qn("w:r")):
        added.remove(run)
    paragraph._p.addnext(added)
    Paragraph(added, paragraph._parent).add_run(text)


def _runin(paragraph: Paragraph) -> bool:
    return any(r.style is not None and r.style.name == "要点首句" for r in paragraph.runs)


def test_a_title_in_balanced_lines_comes_back_whole(tmp_path: Path) -> None:
    long = "关于进一步深化学习考察成果推动高新区信息产业高质量发展的体会与思考"
    source = minimal_source(
        tmp_path / "src",
        **{"articles/a.yaml": MINIMAL_ARTICLE.replace("学习体会\n", f"{long}\n", 1)},
    )
    made, original, _ = _build(source, tmp_path / "out")
    title = next(p for p in docx.Document(str(made)).paragraphs if _style(p) == "文章标题")
    assert len(title._p.findall(f".//{qn('w:br')}")) == 1  # two balanced lines
    plan = _imported(made, tmp_path / "imported")
    (article,) = plan.files[:1]
    source_again, _ = load_source(tmp_path / "imported")
    assert source_again.content.articles[0].title == long
    assert article.summary == f"{long}　李明"
    _, again, _ = _build(tmp_path / "imported", tmp_path / "again")
    assert _pages(again) == _pages(original)


def test_a_paragraph_typed_between_two_points_keeps_their_numbers(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    report = examples("changsha-report")
    document = docx.Document(str(report.docx))
    first = next(p for p in document.paragraphs if _runin(p))
    _typed_after(first, ADDED)
    document.save(str(tmp_path / "edited.docx"))
    plan = _imported(tmp_path / "edited.docx", tmp_path / "imported")
    source, _ = load_source(tmp_path / "imported", kind="report")
    sections = source.content.sections
    assert sections[0].heading == "学习考察的主要体会"
    assert [p.lead for p in sections[0].points] == ["产业聚集效应十分明显。"]
    assert sections[1].heading is None and sections[1].paragraphs[0] == ADDED
    assert [p[:16] for p in sections[1].paragraphs[1:]] == [
        "（二）精准招商实现产业强链补链。",
        "（三）服务平台搭建十分完善。长沙",
        "（四）“园区管委会+公司”运作模",
    ]
    assert sections[2].heading == "下一步工作打算" and len(sections[2].points) == 3
    (said,) = plan.summaries
    assert [str(n) for n in said.unsure] == [
        f"{tmp_path / 'edited.docx'}:9: points: 警告：要点的编号不能按模板顺序生成"
        "（中间加了段落，或编号不连续）：这些要点连同编号作为段落保留，请核对"
    ]
    point = squeeze(first.text)
    expected = _composed(report.source, "report").replace(point, point + squeeze(ADDED), 1)
    assert _composed(tmp_path / "imported", "report") == expected


def test_a_paragraph_typed_after_a_heading_in_its_style_is_a_paragraph_of_it(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    document = docx.Document(str(examples("changsha-report").docx))
    heading = next(p for p in document.paragraphs if _style(p) == "小标题")
    _typed_after(heading, "会前学习了有关材料")
    document.save(str(tmp_path / "edited.docx"))
    plan = _imported(tmp_path / "edited.docx", tmp_path / "imported")
    source, _ = load_source(tmp_path / "imported", kind="report")
    first = source.content.sections[0]
    assert (first.heading, first.paragraphs, len(first.points)) == (
        "学习考察的主要体会",
        ["会前学习了有关材料"],
        4,
    )
    assert [str(n) for n in plan.summaries[0].unsure] == [
        f"{tmp_path / 'edited.docx'}:7: paragraphs: 警告：小标题样式的段落按正文读入：“会前学习了有关材料”"
    ]


def test_a_person_added_to_those_present_comes_back_in_the_list(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    document = docx.Document(str(examples("changsha-minutes").docx))
    present = next(p for p in document.paragraphs if p.text.startswith("出席："))
    present.runs[-1].text += "，县发改局局长孙七"
    document.save(str(tmp_path / "edited.docx"))
    plan = _imported(tmp_path / "edited.docx", tmp_path / "imported")
    source, _ = load_source(tmp_path / "imported", kind="minutes")
    people = source.content.attendance.present
    assert [str(p) for p in people[-2:]] == ["吴涛", "县发改局局长孙七"]
    assert people[-1].model_dump() == {"unit": "县发改局", "position": "局长", "name": "孙七"}
    assert plan.summaries[0].counts["people"] == 11


def test_tracked_changes_come_back_as_accepted(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    document = docx.Document(str(examples("changsha-report").docx))
    lead = next(p for p in document.paragraphs if p.text.startswith("4月14日"))
    run = lead.runs[0]._r
    deleted = etree.SubElement(lead._p, qn("w:del"))
    gone = copy.deepcopy(run)
    gone.find(qn("w:t")).tag = qn("w:delText")
    gone.find(qn("w:delText")).text = "删去的字"
    deleted.append(gone)
    inserted = etree.SubElement(lead._p, qn("w:ins"))
    kept = copy.deepcopy(run)
    kept.find(qn("w:t")).text = "修订时加的一句。"
    inserted.append(kept)
    document.save(str(tmp_path / "edited.docx"))
    _imported(tmp_path / "edited.docx", tmp_path / "imported")
    source, _ = load_source(tmp_path / "imported", kind="report")
    assert source.content.lead[0].endswith("现将有关情况报告如下。修订时加的一句。")


def _without_properties(path: Path, target: Path) -> Path:
    """``path`` as a word processor that drops custom properties saves it."""
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "docProps/custom.xml":
                continue
            if item.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = re.sub(rb"<[^<>]*custom[.-]properties[^<>]*/>", b"", data)
            new.writestr(item, data)
    return target


def test_without_its_properties_it_is_known_by_its_style_names(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    minutes = examples("changsha-minutes")
    bare = _without_properties(minutes.docx, tmp_path / "bare.docx")
    assert b"reportkit.kind" not in b"".join(
        zipfile.ZipFile(bare).read(n) for n in zipfile.ZipFile(bare).namelist()
    )
    pdf, plan = _rebuilt(bare, tmp_path, minutes)
    (said,) = plan.summaries
    assert said.why == "reportkit 生成的文档，模板 gbt9704-minutes，按样式名称识别"
    assert _pages(pdf) == _pages(minutes.pdf)


def test_given_another_kind_it_is_read_as_a_draft_of_that_kind(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    minutes = examples("changsha-minutes")
    plan = importer.plan([minutes.docx], tmp_path / "out", kind="bulletin", own=own.reader())
    (said,) = plan.summaries
    assert (said.kind, said.template, said.chosen) == ("bulletin", None, True)


def test_the_summary_says_which_template_it_was_built_with(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    report = examples("changsha-report")
    result = cli("import", report.docx, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    out = tmp_path / "out"
    assert (
        lines[0]
        == f"已写出 {out / 'photos/changsha-report-1.png'}：印章 photos/changsha-report-1.png"
    )
    start = lines.index("导入结果（1 份稿件）：")
    assert lines[start + 1 : start + 3] == [
        f"{report.docx}：报告（reportkit 生成的文档，模板 gbt9704-report，按文档属性识别）",
        "  识别到：发文机关标志、发文字号、签发人、标题、主送机关、开头段落、结尾、小节、"
        "发文机关署名、印章、成文日期、附注、附件、抄送、印发机关、印发日期、发文机关",
    ]
    shown = json.loads(cli("import", report.docx, "-o", tmp_path / "again", "--json").stdout)
    assert shown["drafts"][0]["template"] == "gbt9704-report"
    assert shown["drafts"][0]["kind_reason"] == (
        "reportkit 生成的文档，模板 gbt9704-report，按文档属性识别"
    )


HOUSE = "extends: gbt9704-bulletin\nname: 本单位简报\nstyles:\n  heading: {label: 二级标题}\n"


def test_a_document_of_a_house_template_needs_it_named(tmp_path: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "template.yaml").write_text(HOUSE, encoding="utf-8")
    result = cli("build", REPO / "sources/changsha", "-o", tmp_path / "out", "--template", house)
    assert result.exit_code == 0, result.output
    made = tmp_path / "out" / "changsha.docx"
    refused = cli("import", made, "-o", tmp_path / "refused")
    assert refused.exit_code == 1
    assert (
        f"{made}: 错误：这是 reportkit 用模板“本单位简报”生成的 Word 文件，没有找到这个模板："
        "请加 --template 写明模板的名称或文件夹后再导入（或加 --kind 按普通稿件读入）"
    ) in refused.stderr
    assert not (tmp_path / "refused").exists()
    named = cli("import", made, "-o", tmp_path / "imported", "--template", house)
    assert named.exit_code == 0, named.output
    assert "：简报文章（reportkit 生成的文档，模板 本单位简报，按 --template 指定）" in named.stdout
    build_again = ["build", tmp_path / "imported", "-o", tmp_path / "again", "--template", house]
    assert cli(*build_again, "--format", "pdf").exit_code == 0
    cli(
        "build",
        REPO / "sources/changsha",
        "-o",
        tmp_path / "pdf",
        "--template",
        house,
        "--format",
        "pdf",
    )
    assert _pages(tmp_path / "again" / "imported.pdf") == _pages(tmp_path / "pdf" / "changsha.pdf")


def test_a_line_a_clerk_deleted_is_held_for_review(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    document = docx.Document(str(examples("changsha-report").docx))
    printed = next(p for p in document.paragraphs if p.text.endswith("印发"))
    printed._p.getparent().remove(printed._p)
    document.save(str(tmp_path / "edited.docx"))
    plan = _imported(tmp_path / "edited.docx", tmp_path / "imported")
    assert plan.summaries[0].pending == [
        ("distribution.printer", "稿件没有印发机关，请填写"),
        ("distribution.date", "稿件没有印发日期，已按成文日期填写，请核对"),
    ]
    source, _ = load_source(tmp_path / "imported", kind="report")
    assert source.content.distribution.printer == "待填"


def test_an_attachment_note_changed_alone_is_named(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    document = docx.Document(str(examples("changsha-report").docx))
    listed = next(p for p in document.paragraphs if p.text.startswith("附件："))
    listed.runs[0].text = listed.runs[0].text.replace("主要指标", "指标")
    document.save(str(tmp_path / "edited.docx"))
    plan = _imported(tmp_path / "edited.docx", tmp_path / "imported")
    assert [str(n) for n in plan.summaries[0].unsure] == [
        f"{tmp_path / 'edited.docx'}:20: attachments: 警告：附件说明与附件页上的标题不一致，"
        "已按附件页上的标题读入，请核对"
    ]
    source, _ = load_source(tmp_path / "imported", kind="report")
    assert source.content.attachments[0].title == "长沙高新区与济宁高新区主要指标对比"


def test_a_style_a_word_processor_renamed_is_known_by_its_id(
    examples: Callable[[str], Built], tmp_path: Path
) -> None:
    bulletin = examples("changsha")
    renamed = tmp_path / "renamed.docx"
    with zipfile.ZipFile(bulletin.docx) as old, zipfile.ZipFile(renamed, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace('w:val="小标题"'.encode(), b'w:val="heading 2"', 1)
            new.writestr(item, data)
    styles = zipfile.ZipFile(renamed).read("word/styles.xml").decode()
    assert 'w:styleId="小标题"><w:name w:val="heading 2"/>' in styles
    pdf, plan = _rebuilt(renamed, tmp_path, bulletin)
    assert plan.summaries[0].why == "reportkit 生成的文档，模板 gbt9704-bulletin，按文档属性识别"
    assert _pages(pdf) == _pages(bulletin.pdf)
    source, _ = load_source(tmp_path / "imported")
    assert [s.kind for s in source.content.articles[0].sections] == ["学习体会", "下步打算"]


def test_the_docx_names_its_kind_and_template_in_custom_properties(
    examples: Callable[[str], Built],
) -> None:
    with zipfile.ZipFile(examples("changsha-minutes").docx) as archive:
        custom = etree.fromstring(archive.read("docProps/custom.xml"))
        types = archive.read("[Content_Types].xml").decode()
        relationships = archive.read("_rels/.rels").decode()
    found = [(p.get("fmtid"), p.get("pid"), p.get("name"), [v.text for v in p]) for p in custom]
    user = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    assert found == [
        (user, "2", "reportkit.kind", ["minutes"]),
        (user, "3", "reportkit.template", ["gbt9704-minutes"]),
    ]
    assert (
        '<Override PartName="/docProps/custom.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    ) in types
    assert (
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'custom-properties" Target="docProps/custom.xml"'
    ) in relationships


# every part of each kind's model, in a document of its own ---------------------------------

VARIED = {
    "bulletin.yaml": """\
        masthead:
          name: 工作简报
          issue: 12
          unit: 某某县人民政府办公室
          date: 2024-01-05
        articles: [articles/a.yaml, articles/b.yaml]
        end_matter:
          peers: [县委办公室, 县人大办公室]
        """,
    "articles/a.yaml": """\
        title: 关于进一步深化学习考察成果推动高新区信息产业高质量发展的体会与思考
        subtitle: ——在全县学习考察交流会上的发言
        authors:
          - {unit: 某某县发展和改革局, position: 党组书记、局长, name: 李明}
          - {unit: 某某县工业和信息化局, name: 王芳}
        heading_numbering: 一、
        lead: [第一段导语。, 第二段导语，内容较长一些，用来检查段落。]
        sections:
          - kind: 学习体会
            numbering: "1."
            points:
              - {lead: 理念新。, text: 对方的理念值得学习。}
              - {text: 没有首句的一点。}
              - {lead: 作风实。, text: 对方的作风值得学习。}
          - heading: 几个做法
            paragraphs: [先写一段说明。]
            run_on: true
            intro: 主要有以下几点：
            points:
              - {lead: 抓规划。, text: 规划先行。}
              - {image: ../photos/park.jpg, caption: 图为园区一角, width: 0.6}
              - {lead: 抓项目。, text: 项目为王。}
              - {lead: 抓服务。, text: 服务至上。}
          - heading: 只有段落的一节
            paragraphs: [甲段。, 乙段。]
        closing: [这是结尾段落。]
        credit: 执笔：赵六
        """,
    "articles/b.yaml": """\
        title: 第二篇
        authors: [{name: 张三}]
        lead: 导语。
        sections:
          - numbering: 一、
            points:
              - table: {header: [项目, 数量], rows: [[甲, "1"], [乙, "2"]]}
              - {lead: 第一点。, text: 内容。}
              - {lead: 第二点。, text: 内容。}
        """,
    "report.yaml": """\
        kind: report
        copy_number: "000123"
        secrecy: 秘密★1年
        urgency: 特急
        issuer: 某某县人民政府
        number: {code: 某政, year: 2024, serial: 3}
        signers: [张三, 李四]
        title: 关于某某工作情况的报告
        addressee: 市人民政府
        lead: 现将有关情况报告如下。
        sections:
          - heading: 基本情况
            paragraphs: [情况一。]
          - heading: 存在问题
            numbering: "1."
            points:
              - {lead: 问题一。, text: 说明。}
              - {lead: 问题二。, text: 说明。}
        closing: 特此报告。
        attachments:
          - {title: 附件一的标题, lead: 附件一正文。}
          - title: 附件二的标题
            heading_numbering: （一）
            sections: [{heading: 小节, paragraphs: [附件二正文。]}]
        signature: {name: 某某县人民政府, date: 2024-03-01}
        distribution: {printer: 某某县人民政府办公室, date: 2024-03-02}
        """,
    "minutes.yaml": """\
        kind: minutes
        mark: 县长办公会议纪要
        unit: 某某县人民政府办公室
        date: 2024-02-01
        attendance:
          present: [{unit: 县发改局, position: 局长, name: 孙七}, 张三]
        lead: 会议研究了有关事项。
        distribution: {cc: [各乡镇人民政府], printer: 某某县人民政府办公室, date: 2024-02-02}
        """,
}


@pytest.mark.parametrize("kind", ["bulletin", "report", "minutes"])
def test_every_part_of_a_kind_comes_back(kind: str, tmp_path: Path) -> None:
    files = {k: v for k, v in VARIED.items() if k.startswith("articles") or k == f"{kind}.yaml"}
    source = write_source(tmp_path / kind, files)
    if kind == "bulletin":
        (source / "photos").mkdir()
        (source / "photos" / "park.jpg").write_bytes(
            (REPO / "sources/changsha-photos/photos/park.jpg").read_bytes()
        )
    example = Built(kind, kind, source, *_build(source, tmp_path / "out"))
    pdf, plan = _rebuilt(example.docx, tmp_path, example)
    assert not plan.summaries[0].unsure
    assert _pages(pdf) == _pages(example.pdf)
    assert _composed(tmp_path / "imported", kind) == _composed(source, kind)
    imported: Any = load_source(tmp_path / "imported", kind=kind)[0].content
    if kind == "bulletin":
        first, second = imported.articles
        assert (first.sections[0].numbering, len(first.sections[0].points)) == ("1.", 3)
        run = first.sections[1]
        assert run.run_on and run.intro == "主要有以下几点："
        assert [type(e).__name__ for e in run.points] == ["Point", "Photo", "Point", "Point"]
        assert (first.subtitle, first.credit) == ("——在全县学习考察交流会上的发言", "执笔：赵六")
        assert second.sections[0].numbering == "一、"
    elif kind == "report":
        assert imported.sections[1].numbering == "1."
        assert imported.attachments[1].heading_numbering == "（一）"
    else:
        assert [str(p) for p in imported.attendance.present] == ["县发改局局长孙七", "张三"]
