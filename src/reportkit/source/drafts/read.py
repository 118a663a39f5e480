"""Reading a draft file into numbered lines: encodings, Markdown marks, Word paragraphs."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from reportkit.errors import Location, Problem, SourceError

MAX_BYTES = 20 * 1024 * 1024  # a draft larger than this is not a draft
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc files and password-protected .docx
SUFFIXES = (".txt", ".md", ".markdown", ".docx")


@dataclass(frozen=True)
class DraftLine:
    """One line (or Word paragraph) of a draft: its text, 1-based number, and a heading hint."""

    text: str
    number: int
    heading: bool = False


def read_draft(path: Path) -> tuple[list[DraftLine], list[Problem]]:
    """The lines of a draft and notes about how it was read (e.g. a GBK encoding)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(
            [Problem(Location(path), "", f"无法读取文件（{exc.strerror}）")]
        ) from None
    if size == 0:
        raise SourceError([Problem(Location(path), "", "文件是空的")])
    if size > MAX_BYTES:
        raise SourceError(
            [Problem(Location(path), "", f"文件太大（{size // 1024 // 1024} MB），不像是一篇稿件")]
        )
    if path.suffix.lower() == ".docx":
        return _docx(path), []
    return _text(path)


def _text(path: Path) -> tuple[list[DraftLine], list[Problem]]:
    data = path.read_bytes()
    notes: list[Problem] = []
    if b"\x00" in data[:4096] or data.startswith(OLE_MAGIC):
        raise SourceError(
            [
                Problem(
                    Location(path),
                    "",
                    "这不是文本文件（可能是 Word、PDF 或图片），请另存为 .txt 或 .docx",
                )
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise SourceError(
                [
                    Problem(
                        Location(path, line),
                        "",
                        "无法识别文件的编码（既不是 UTF-8 也不是 GBK/GB18030），请另存为 UTF-8",
                    )
                ]
            ) from None
        notes.append(
            Problem(Location(path), "", "文件是 GBK/GB18030 编码，已按此编码读取", warning=True)
        )
    if _looks_binary(text):
        raise SourceError([Problem(Location(path), "", "这不是文本文件，请另存为 .txt 或 .docx")])
    markdown = path.suffix.lower() in (".md", ".markdown")
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        content, heading = _markdown(raw) if markdown else (raw, False)
        lines.append(DraftLine(content.strip(), number, heading))
    return lines, notes


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    return bool(sample) and controls / len(sample) > 0.05


def _markdown(raw: str) -> tuple[str, bool]:
    """A Markdown line as plain text, and whether it was marked as a heading."""
    line = raw.strip()
    heading = False
    if match := re.match(r"^#{1,6}\s+", line):
        line, heading = line[match.end() :], True
    line = re.sub(r"^[-*+]\s+", "", line)  # list bullets
    bold = re.fullmatch(r"\*\*(.+)\*\*|__(.+)__", line)
    if bold:
        line, heading = bold.group(1) or bold.group(2), True
    line = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), line)
    line = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)", r"\1", line)
    return line, heading


def _docx(path: Path) -> list[DraftLine]:
    """Paragraphs of a Word file; heading styles and all-bold paragraphs are heading hints."""
    head = path.read_bytes()[:8]
    if head.startswith(OLE_MAGIC):
        raise SourceError(
            [
                Problem(
                    Location(path),
                    "",
                    "这个 Word 文件有密码保护，或是旧版 .doc 格式：请去掉密码，或在 Word 中另存为 .docx 后再试",
                )
            ]
        )
    import docx  # python-docx reads the paragraphs and their styles
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        message = "无法打开这个 Word 文件：文件已损坏，或不是 .docx"
        raise SourceError([Problem(Location(path), "", message)]) from None
    lines = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text.strip()
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        runs = [r for r in paragraph.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        heading = style.lower().startswith(("heading", "title")) or style.startswith("标题") or bold
        lines.append(DraftLine(text, number, heading))
    return lines
