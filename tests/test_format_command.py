"""reportkit format: a Word document imported, built to the template beside the original as
NAME-排版.docx and NAME-排版.pdf (never over it), and checked."""

from __future__ import annotations

from pathlib import Path

import docx

from reportkit.check.run import check_file
from tests import samples
from tests.helpers import cli
from tests.officedocs import office_report


def _article_draft(path: Path) -> Path:
    """A bulletin article typed in Word: title, byline, lead, headings, points."""
    document = docx.Document()
    for line in samples.draft_text(1).split("\n\n"):
        if line.strip():
            document.add_paragraph(line.strip())
    document.save(str(path))
    return path


def test_a_report_from_another_office_is_formatted_beside_it(tmp_path: Path) -> None:
    original = office_report(
        tmp_path / "报告.docx", "body_face", "margins", "page_words", "spacers"
    )
    before = original.read_bytes()
    result = cli("format", original)
    assert result.exit_code == 0, result.output
    made = [tmp_path / "报告-排版.docx", tmp_path / "报告-排版.pdf"]
    lines = result.output.splitlines()
    assert lines[:2] == [f"已写出 {made[0]}", f"已写出 {made[1]}"]
    pages = check_file(made[1]).pages
    assert f"{made[0]}（报告，按模板 gbt9704-report 检查，约 {pages} 页）：没有发现问题" in lines
    assert f"{made[1]}（报告，按模板 gbt9704-report 检查，{pages} 页）：没有发现问题" in lines
    assert lines[-1] == "共 2 个文件：2 个合格，0 个不合格"
    assert original.read_bytes() == before  # the original untouched
    # the faults of the original are gone from what format wrote
    assert check_file(original).errors > 0
    for path in made:
        assert check_file(path).findings == []
    text = "".join(p.text for p in docx.Document(str(made[0])).paragraphs)
    assert "关于赴长沙高新区学习考察情况的报告" in text and "产业聚集效应十分明显" in text


def test_an_article_draft_becomes_a_bulletin(tmp_path: Path) -> None:
    draft = _article_draft(tmp_path / "发言.docx")
    result = cli("format", draft, "--format", "docx")
    assert result.exit_code == 0, result.output
    made = tmp_path / "发言-排版.docx"
    checked = check_file(made)
    assert (checked.kind, checked.errors) == ("bulletin", 0)
    assert not (tmp_path / "发言-排版.pdf").exists()


def test_an_earlier_result_is_not_replaced_unless_asked(tmp_path: Path) -> None:
    original = office_report(tmp_path / "报告.docx")
    assert cli("format", original).exit_code == 0
    edited = tmp_path / "报告-排版.docx"
    edited.write_bytes(edited.read_bytes() + b"")
    stamp = edited.stat().st_mtime_ns
    again = cli("format", original)
    assert again.exit_code == 1
    assert again.output.splitlines()[0] == (
        f"{edited}: 错误：文件已经存在，可能已经修改过，没有覆盖；如要重新排版，请先改名或删除它，或加 --force"
    )
    assert edited.stat().st_mtime_ns == stamp
    assert cli("format", original, "--force").exit_code == 0


def test_what_cannot_be_formatted_is_said_of_the_document(tmp_path: Path) -> None:
    empty = tmp_path / "空白.docx"
    docx.Document().save(str(empty))
    result = cli("format", empty)
    assert result.exit_code == 1
    assert result.output.startswith(f"{empty}: 错误：")
    assert not (tmp_path / "空白-排版.docx").exists()
    pdf = tmp_path / "文件.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    refused = cli("format", pdf)
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        f"{pdf}: 错误：不支持的稿件格式“.pdf”：请用 .txt、.md、.docx、.doc、.wps、.rtf 或 .odt"
    )


def test_a_house_template(tmp_path: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "template.yaml").write_text(
        "extends: gbt9704-report\nname: house\nstyles:\n  addressee: {font: kaiti}\n",
        encoding="utf-8",
    )
    original = office_report(tmp_path / "报告.docx")
    result = cli("format", original, "--template", house)
    assert result.exit_code == 0, result.output
    assert "按模板 house 检查" in result.output
    assert check_file(tmp_path / "报告-排版.docx").template == "gbt9704-report"
    assert check_file(tmp_path / "报告-排版.docx", str(house)).findings == []
