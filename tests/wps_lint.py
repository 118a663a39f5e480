"""What a .docx must avoid to look the same in Word, WPS and LibreOffice, checked part by part:
no text boxes, tables with explicit column and cell widths, fields with their stored results,
fonts named in all four slots (ascii, hAnsi, eastAsia, cs) wherever fonts are named."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_BOXES = (
    f"{W}txbxContent",
    "{urn:schemas-microsoft-com:vml}textbox",
    "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx",
)
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEMES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def lint(docx: Path | bytes) -> list[str]:
    """Every fault of the .docx (a path or its bytes), as ``part: what``."""
    data = docx if isinstance(docx, bytes) else Path(docx).read_bytes()
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(zf.read(name))
                found += [f"{name}: {fault}" for fault in faults(root)]
    return found


def faults(root: etree._Element) -> list[str]:
    """The faults of one XML part."""
    return [*_text_boxes(root), *_tables(root), *_fields(root), *_fonts(root)]


def made_by_reportkit(docx: Path) -> bool:
    """Was ``docx`` written by reportkit (and perhaps edited since)?  Drafts a test writes for
    import are not."""
    try:
        with zipfile.ZipFile(docx) as zf:
            return b"<Application>reportkit</Application>" in zf.read("docProps/app.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _text_boxes(root: etree._Element) -> list[str]:
    return [f"文本框 {etree.QName(e).localname}" for tag in TEXT_BOXES for e in root.iter(tag)]


def _tables(root: etree._Element) -> list[str]:
    found = []
    for number, table in enumerate(root.iter(f"{W}tbl"), 1):
        columns = table.findall(f"{W}tblGrid/{W}gridCol")
        if not columns or any(not _width(c.get(f"{W}w")) for c in columns):
            found.append(f"表格 {number} 没有 tblGrid/gridCol 列宽")
        for cell in table.iter(f"{W}tc"):
            width = cell.find(f"{W}tcPr/{W}tcW")
            if width is None or width.get(f"{W}type") == "auto" or not _width(width.get(f"{W}w")):
                found.append(f"表格 {number} 有单元格没有 tcW 宽度")
                break
    return found


def _width(value: str | None) -> bool:
    return value is not None and value.isdigit() and int(value) > 0


def _fields(root: etree._Element) -> list[str]:
    """Fields without a stored result: a w:fldSimple with no text, a complex field with no
    separator or no text between its separator and its end."""
    found = [
        f"域 {simple.get(f'{W}instr', '').strip()} 没有结果"
        for simple in root.iter(f"{W}fldSimple")
        if not "".join(t.text or "" for t in simple.iter(f"{W}t"))
    ]
    stack: list[list[str]] = []  # per open field: its instruction, its result so far, its state
    for element in root.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        kind = element.get(f"{W}fldCharType")
        if element.tag == f"{W}fldChar" and kind == "begin":
            stack.append(["", "", "code"])
        elif not stack:
            continue
        elif element.tag == f"{W}instrText" and stack[-1][2] == "code":
            stack[-1][0] += element.text or ""
        elif element.tag == f"{W}t" and stack[-1][2] == "result":
            stack[-1][1] += element.text or ""
        elif kind == "separate":
            stack[-1][2] = "result"
        elif kind == "end":
            instruction, result, state = stack.pop()
            if state != "result" or not result.strip():
                found.append(f"域 {instruction.strip()} 没有结果")
    return found


def _fonts(root: etree._Element) -> list[str]:
    """rFonts naming a face (or a theme font) without naming all four slots."""
    found = []
    for fonts in root.iter(f"{W}rFonts"):
        named = [a for a in (*SLOTS, *THEMES) if fonts.get(f"{W}{a}") is not None]
        missing = [a for a in SLOTS if fonts.get(f"{W}{a}") is None]
        if named and (missing or any(fonts.get(f"{W}{a}") for a in THEMES)):
            owner = next(
                (a for a in fonts.iterancestors(f"{W}style", f"{W}r", f"{W}docDefaults")), None
            )
            where = etree.QName(owner).localname if owner is not None else "rPr"
            if owner is not None and owner.tag == f"{W}style":
                where = f"样式 {owner.get(f'{W}styleId')}"
            found.append(f"{where} 的 rFonts 缺 {'、'.join(missing) or '（用了主题字体）'}")
    return found
