"""Reading a draft file into numbered lines: encodings, Markdown marks, Word paragraphs (the
older Word-family formats converted to .docx first)."""

from __future__ import annotations

import bisect
import re
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportkit.errors import Location, Problem, SourceError, os_reason
from reportkit.source.drafts import wordlist
from reportkit.source.drafts.convert import CONVERTED, to_docx
from reportkit.source.drafts.figures import WEB_ADDRESS
from reportkit.source.encoding import UndecodableError, decode, looks_utf16, named

MAX_BYTES = 20 * 1024 * 1024  # a draft larger than this is not a draft
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc files and password-protected .docx
SUFFIXES = (".txt", ".md", ".markdown", ".docx", *CONVERTED)


@dataclass(frozen=True)
class DraftLine:
    """One line (or Word paragraph) of a draft: its text, 1-based number, and a heading hint;
    or a figure the draft holds: a photo ({"image": bytes or path, "caption"}) or a table
    ({"table": {"header", "rows"}}).  A Word paragraph carries its style's name (the parts of
    a document reportkit wrote are known by them)."""

    text: str
    number: int
    heading: bool = False
    figure: dict[str, Any] | None = None
    style: str = ""


def read_draft(path: Path) -> tuple[list[DraftLine], list[Problem]]:
    """The lines of a draft and notes about how it was read (e.g. a GBK encoding)."""
    if is_word(path):
        with opened(path) as document:
            return docx_lines(document), []
    _check_size(path)
    return _text(path)


def is_word(path: Path) -> bool:
    """Is ``path`` a Word-family file (.docx, or a format LibreOffice converts to one)?"""
    return path.suffix.lower() in (".docx", *CONVERTED)


def _check_size(path: Path) -> None:
    """Refuse a file that cannot be read, is empty, or is far larger than any draft."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(
            [Problem(Location(path), "", f"无法读取文件（{os_reason(exc)}）")]
        ) from None
    if size == 0:
        raise SourceError([Problem(Location(path), "", "文件是空的")])
    if size > MAX_BYTES:
        raise SourceError(
            [Problem(Location(path), "", f"文件太大（{size // 1024 // 1024} MB），不像是一篇稿件")]
        )


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    """A Word-family draft opened (python-docx's Document): a .docx as it is, an older format
    converted by LibreOffice first (into a temporary folder, removed afterwards)."""
    _check_size(path)
    if path.suffix.lower() == ".docx":
        yield _open_docx(path)
        return
    with tempfile.TemporaryDirectory(prefix="reportkit-") as folder:
        yield _open_docx(to_docx(path, Path(folder)), path)


def _text(path: Path) -> tuple[list[DraftLine], list[Problem]]:
    data = path.read_bytes()
    notes: list[Problem] = []
    not_text = Problem(
        Location(path), "", "这不是文本文件（可能是 Word、PDF 或图片），请另存为 .txt 或 .docx"
    )
    if data.startswith((OLE_MAGIC, b"%PDF", b"PK\x03\x04")) or (
        b"\x00" in data[:4096] and not looks_utf16(data)
    ):
        raise SourceError([not_text])
    try:
        text, encoding = decode(data)
    except UndecodableError as exc:
        raise SourceError(
            [
                Problem(
                    Location(path, exc.line),
                    "",
                    "无法识别文件的编码（不是 UTF-8、UTF-16、GBK/GB18030，也不是 Big5），请另存为 UTF-8",
                )
            ]
        ) from None
    if encoding:
        notes.append(
            Problem(Location(path), "", f"文件是 {named(encoding)}，已按此编码读取", warning=True)
        )
    if _looks_binary(text):
        raise SourceError([not_text])
    markdown = path.suffix.lower() in (".md", ".markdown")
    lines: list[DraftLine] = []
    table: list[tuple[int, str]] = []  # the rows of a Markdown pipe table being read
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, row in enumerate(rows, 1):
        if markdown and row.strip().startswith("|"):
            table.append((number, row))
            continue
        if table:
            lines += _pipe_table(table)
            table = []
        picture = _PICTURE.fullmatch(row.strip()) if markdown else None
        if picture:
            src = picture.group("src")
            # a web address stays as written: reportkit does not fetch pictures
            image = src if WEB_ADDRESS.match(src) else path.parent / src
            figure = {"image": image, "caption": picture.group("alt")}
            lines.append(DraftLine("", number, figure=figure))
            continue
        # a page or line break copied from a PDF or Word (form feed, vertical tab, U+2028)
        # splits a row as a line break would, and keeps the row's number
        for raw in re.split("[\x0b\x0c\x85\u2028\u2029]", row):
            content, heading = _markdown(raw) if markdown else (raw, False)
            lines.append(DraftLine(content.strip(), number, heading))
    if table:
        lines += _pipe_table(table)
    return lines, notes


_PICTURE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _pipe_table(rows: list[tuple[int, str]]) -> list[DraftLine]:
    """A Markdown pipe table (| a | b |, then |---|---|) as a table figure; anything else
    that starts with | stays text."""
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for _, row in rows]
    if len(cells) >= 3 and all(re.fullmatch(r":?-{2,}:?", c) for c in cells[1]):
        table = _table([cells[0], *cells[2:]])
        if table:
            return [DraftLine("", rows[0][0], figure={"table": table})]
    return [DraftLine(row.strip(), number) for number, row in rows]


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
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
    return _unstarred(line), heading


_OPENING_STAR = re.compile(r"(?<![*\w])\*(?!\s)")
_CLOSING_STAR = re.compile(r"(?<!\s)\*(?!\*)")


def _unstarred(line: str) -> str:
    """``line`` without the stars of Markdown's *emphasis*: each opening star with the first
    closing star after it (as ``\\*(?!\\s)(.+?)(?<!\\s)\\*`` would pair them, but looking each
    closing star up instead of searching on for it: a line of many stars that close nothing
    is read once, not once per star)."""
    closing = [m.start() for m in _CLOSING_STAR.finditer(line)]
    out, done, at = [], 0, 0
    while (opening := _OPENING_STAR.search(line, at)) is not None:
        start = opening.start()
        found = bisect.bisect_left(closing, start + 2)
        if found == len(closing):
            break  # no closing star after this one: none after any later one either
        end = closing[found]
        out += [line[done:start], line[start + 1 : end]]
        done = at = end + 1
    return "".join(out) + line[done:]


DAMAGED = "无法打开这个 Word 文件：文件已损坏，或不是 .docx。请在 Word 中打开后另存为 .docx 再试"
MAX_UNPACKED = 200 * 1024 * 1024  # a draft's parts, unpacked


def _check_zip(path: Path, shown: Path) -> None:
    """Refuse a .docx whose parts cannot be unpacked (damaged data, a compression Word does
    not use) or would unpack to far more than any draft (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise SourceError(
                    [Problem(Location(shown), "", "这个 Word 文件解压后太大，不像是一篇稿件")]
                )
            if any(
                m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for m in members
            ):
                raise SourceError([Problem(Location(shown), "", DAMAGED)])
            if archive.testzip() is not None:
                raise SourceError([Problem(Location(shown), "", DAMAGED)])
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError):
        raise SourceError([Problem(Location(shown), "", DAMAGED)]) from None


def _open_docx(path: Path, shown: Path | None = None) -> Any:
    """A .docx opened by python-docx (``shown``: the draft it was converted from, which
    messages name); a damaged, encrypted or hostile file refused."""
    shown = shown or path
    head = path.read_bytes()[:8]
    if head.startswith(OLE_MAGIC):
        raise SourceError(
            [
                Problem(
                    Location(shown),
                    "",
                    "这个 Word 文件有密码保护，或是旧版 .doc 格式：请去掉密码，或在 Word 中另存为 .docx 后再试",
                )
            ]
        )
    _check_zip(path, shown)
    import docx  # python-docx reads the paragraphs and their styles
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(str(path))
    except (
        zipfile.BadZipFile,
        PackageNotFoundError,
        KeyError,
        ValueError,
        zlib.error,
        EOFError,
        NotImplementedError,
        XMLSyntaxError,
    ):
        raise SourceError([Problem(Location(shown), "", DAMAGED)]) from None


def docx_lines(document: Any) -> list[DraftLine]:
    """Paragraphs of a Word document (python-docx's), each with the number Word's automatic
    numbering shows before it, and the paragraphs of its text boxes after it; heading styles
    and all-bold paragraphs are heading hints."""
    from docx.oxml.ns import qn
    from docx.table import Table

    lists = wordlist.numbering(document)
    lines = []
    for number, element in enumerate(_blocks(document.element.body), start=1):
        if element.tag == qn("w:tbl"):
            cells = _cells(Table(element, document), lists)
            laid = _layout_lines(cells)
            if laid is not None:
                lines += [DraftLine(text, number) for text in laid]
                continue
            table = _table(cells)
            if table:
                lines.append(DraftLine("", number, figure={"table": table}))
            continue
        for paragraph in [element, *wordlist.text_boxes(element)]:
            lines += _paragraph_lines(paragraph, number, document, lists)
        for blip in element.iter(qn("a:blip")):  # the paragraph's pictures
            part = document.part.related_parts.get(blip.get(qn("r:embed")))
            if part is not None and getattr(part, "blob", None):
                ext = Path(str(part.partname)).suffix.lower() or ".png"
                lines.append(DraftLine("", number, figure={"image": part.blob, "ext": ext}))
    return lines


# a row of the 版记: 抄送 and the units, or the printing office and date ending 印发
_END_ROW = re.compile(r"^(抄送|抄报|分送)\s*[：:]|印\s*发\s*$")


def _layout_lines(cells: list[list[str]]) -> list[str] | None:
    """The lines of a table that lays text out rather than holding data — one column (the
    文号 or the 版记 in cells), one row with text, or the 版记's rows in cells side by side:
    each row's cells joined by a space, a cell's paragraphs lines of their own; None for a
    table of data."""
    rows = [list(dict.fromkeys(c for c in row if c)) for row in cells]
    rows = [row for row in rows if row]
    ended = all(_END_ROW.search(" ".join(row)) for row in rows)
    if len(rows) > 1 and any(len(row) > 1 for row in rows) and not ended:
        return None
    return [line.strip() for row in rows for line in " ".join(row).split("\n") if line.strip()]


def _cells(table: Any, lists: wordlist.Numbering) -> list[list[str]]:
    """A table's cells as Word shows them, a cell's automatic number (序号 1, 2, 3) included;
    a merged cell, met once a row it spans, read once."""
    read: dict[Any, str] = {}  # by the cell's element (kept alive here, so one proxy each)
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            key = cell._tc
            if key not in read:
                lines = [_numbered_text(p, lists, bare=True) for p in cell._tc.iterchildren(_W_P)]
                read[key] = "\n".join(line for line in lines if line).replace("\t", " ").strip()
            cells.append(read[key])
        rows.append(cells)
    return rows


_W_P = f"{{{wordlist.W}}}p"


def _numbered_text(paragraph: Any, lists: wordlist.Numbering, *, bare: bool = False) -> str:
    """A paragraph's text after the number Word shows for it; an empty paragraph's number
    kept only when ``bare`` (a table's 序号 cell holds nothing else)."""
    label = lists.label(paragraph)
    text = wordlist.paragraph_text(paragraph).strip()
    return label + text if label and (text or bare) else text


def _blocks(body: Any) -> Iterator[Any]:
    """The paragraphs and tables of a document's body in order, those inside content
    controls (w:sdt: a cover page, a form's fields) included."""
    from docx.oxml.ns import qn

    for element in body.iterchildren():
        if element.tag in (qn("w:p"), qn("w:tbl")):
            yield element
        elif element.tag == qn("w:sdt"):
            for content in element.iterchildren(qn("w:sdtContent")):
                yield from _blocks(content)


def _paragraph_lines(
    element: Any, number: int, document: Any, lists: wordlist.Numbering
) -> list[DraftLine]:
    """The lines of one paragraph: its text after the number Word shows for it, split at
    its line breaks (Shift+Enter separates lines as Enter would)."""
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(element, document)
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    runs = [r for r in paragraph.runs if r.text.strip()]
    bold = bool(runs) and all(r.bold for r in runs)
    heading = style.lower().startswith(("heading", "title")) or style.startswith("标题") or bold
    # a tab spaces what it separates (the 印发机关 from the date, 签发人 from the 文号)
    text = _numbered_text(element, lists).replace("\t", " ")
    return [DraftLine(t.strip(), number, heading, style=style) for t in text.split("\n")]


def _table(cells: list[list[str]]) -> dict[str, Any] | None:
    """A table's first row as its header, the rest as rows (merged cells repeat their text)."""
    rows = [row for row in cells if any(row)]
    if len(rows) < 2:
        return None
    width = len(rows[0])
    return {"header": rows[0], "rows": [(r + [""] * width)[:width] for r in rows[1:]]}
