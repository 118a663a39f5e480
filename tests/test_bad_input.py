"""Input nobody here wrote: control characters, odd encodings, damaged files, absurd lengths.
Each gets a message naming file, line and field, or is put right with a warning — never a
traceback, never a half-written file."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import docx
import pytest

from reportkit import build
from reportkit.errors import SourceError
from reportkit.source.drafts.load import load_draft
from reportkit.source.load import load_bulletin
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN, cli, docx_xml, minimal_source


def test_control_characters_are_dropped_with_a_warning(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace(
        "title: 学习体会", 'title: "学习\\x01体会\\x0b心得\\uFEFF\\u200b\\uFFFE"'
    ).replace("lead: 本次学习收获很大。", 'lead: "本次学习\\x1f收获很大。"')
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": article})
    for normalise in (True, False):
        bulletin, warnings = load_bulletin(source, normalise=normalise)
        assert bulletin.articles[0].title == "学习体会心得"
        assert bulletin.articles[0].lead == ["本次学习收获很大。"]
        assert [str(w) for w in warnings] == [
            f"{source}/articles/a.yaml:1: title: 警告：删去了 5 个无法排版的字符："
            "U+0001（控制字符）、U+000B（垂直制表符）、U+FEFF（零宽不换行空格）、U+200B（零宽空格）、"
            "U+FFFE（非字符码位）（常见于从 Word、PDF 或微信复制的文字）",
            f"{source}/articles/a.yaml:6: lead: 警告：删去了 1 个无法排版的字符："
            "U+001F（控制字符）（常见于从 Word、PDF 或微信复制的文字）",
        ]
    result = cli("build", source, "-o", tmp_path / "out", "--format", "docx,pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "src.pdf").is_file()


def test_a_masthead_unit_past_the_property_limit_is_cut_there(tmp_path: Path) -> None:
    unit = "某某区委办公室" * 40  # 280 characters
    source = minimal_source(
        tmp_path / "src", **{"bulletin.yaml": MINIMAL_BULLETIN.replace("某某区办公室", unit)}
    )
    result = cli("build", source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    core = docx_xml(tmp_path / "out" / "src.docx", "docProps/core.xml")
    values = {child.tag.rpartition("}")[2]: child.text or "" for child in core}
    assert len(values["creator"]) == 255 and values["creator"].endswith("…")
    assert len(values["lastModifiedBy"]) == 255
    assert unit in "".join(t.text or "" for t in docx_xml(tmp_path / "out" / "src.docx").iter())


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('"articles/a\\0.yaml"', "文章文件名“articles/a\\x00.yaml”里有控制字符，请改正"),
        (
            "articles/" + "长" * 300 + ".yaml",
            "文章文件名无法使用（文件名太长）：“articles/" + "长" * 31 + "…”",
        ),
    ],
)
def test_article_entries_that_cannot_be_file_names(
    tmp_path: Path, entry: str, message: str
) -> None:
    source = minimal_source(
        tmp_path / "src",
        **{"bulletin.yaml": MINIMAL_BULLETIN.replace("  - articles/a.yaml", f"  - {entry}")},
    )
    result = cli("build", source, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{source}/bulletin.yaml:7: articles[0]: 错误：{message}" in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def _draft_docx(path: Path) -> Path:
    document = docx.Document()
    for text in ("学习先进经验", "某某区发展局局长　李明", "这次学习收获很大。" * 20):
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _damage_document_xml(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    if how == "deflate":
        for i in range(start + 8, start + 80):
            data[i] ^= 0x5A
    else:  # a compression method Word never writes
        data[info.header_offset + 8 : info.header_offset + 10] = struct.pack("<H", 99)
        central = data.find(b"PK\x01\x02")
        while central >= 0:
            length = struct.unpack("<H", data[central + 28 : central + 30])[0]
            if data[central + 46 : central + 46 + length] == b"word/document.xml":
                data[central + 10 : central + 12] = struct.pack("<H", 99)
            central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["deflate", "method"])
def test_a_damaged_word_draft_is_named_not_a_traceback(tmp_path: Path, how: str) -> None:
    path = _draft_docx(tmp_path / "稿件.docx")
    _damage_document_xml(path, how)
    with pytest.raises(SourceError) as caught:
        load_draft(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: 错误：无法打开这个 Word 文件：文件已损坏，或不是 .docx。"
        "请在 Word 中打开后另存为 .docx 再试"
    ]
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_drafts_are_read(tmp_path: Path, encoding: str) -> None:
    text = "学习先进经验\r\n某某区发展局局长　李明\r\n这次学习收获很大。\r\n"
    path = tmp_path / "记事本.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    draft = load_draft(path)
    assert draft.articles[0]["title"] == "学习先进经验"
    assert draft.articles[0]["authors"] == [
        {"unit": "某某区发展局", "position": "局长", "name": "李明"}
    ]
    assert str(draft.notes[0]) == f"{path}: 警告：文件是 UTF-16 编码，已按此编码读取"


def test_a_utf16_yaml_file_is_read(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    article = source / "articles" / "a.yaml"
    article.write_bytes(b"\xff\xfe" + article.read_text(encoding="utf-8").encode("utf-16-le"))
    bulletin, _ = load_bulletin(source)
    assert bulletin.articles[0].authors[0].name == "李明"


def test_page_and_line_breaks_copied_from_a_pdf_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "pdf.txt"
    path.write_text(
        "学习先进经验\n某某区发展局局长　李明\n这次学习收获很大，对方的\x0c理念值得学习。\n一是\x01理念新。\n",
        encoding="utf-8",
    )
    draft = load_draft(path)
    assert draft.articles[0]["lead"] == ["这次学习收获很大，对方的理念值得学习。"]
    assert [str(n) for n in draft.notes] == [
        f"{path}:4: 字符: 警告：删去了 1 个无法排版的字符：U+0001（控制字符）（常见于从 Word、PDF 或微信复制的文字）"
    ]


def test_a_failed_build_leaves_no_part_files(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    outcome = build.build(source, build.Options(tmp_path / "out", formats=("docx", "pdf")))
    assert outcome.error is None
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["src.docx", "src.pdf"]
