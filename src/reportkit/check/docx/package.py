"""A .docx opened as its parts: the main document and the parts it relates to (styles,
numbering, theme, settings, font table, footers), each parsed safely; a file that is not a
readable .docx is refused with what it is instead."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from reportkit.errors import DocumentError, Location, Problem, os_reason

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a .doc, or a .docx locked with a password
MAX_PART = 200 * 1024 * 1024  # bytes of one part unpacked: more is no document but a bomb
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class Package:
    """The parts of one .docx: the main document's name and its relationships."""

    def __init__(self, path: Path, data: bytes, archive: zipfile.ZipFile):
        self.path, self.data, self._zip = path, data, archive
        self.names = set(archive.namelist())
        self.main = self._main()
        # relationship id → (kind, part name): the kind is the last word of its type (styles)
        self.related = self.relationships(self.main)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """The relationships of ``part``: id → (kind, the part it names)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.names:
            return {}
        found = {}
        for rel in self.xml(rels).iter(_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            found[rel.get("Id", "")] = (rel.get("Type", "").rpartition("/")[2], target.lstrip("/"))
        return found

    def part(self, kind: str) -> etree._Element | None:
        """The first part of ``kind`` (styles, numbering, theme …) the document relates to."""
        for found, name in self.related.values():
            if found == kind and name in self.names:
                return self.xml(name)
        return None

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed; a damaged part is a DocumentError naming it."""
        try:
            info = self._zip.getinfo(name)
            if info.file_size > MAX_PART:
                raise self.refused(f"其中的“{name}”大得不合常理（{info.file_size // 2**20} MB）")
            return etree.fromstring(self._zip.read(name), _PARSER)
        except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise self.refused(f"其中的“{name}”已损坏，无法读取") from exc
        except (NotImplementedError, ValueError) as exc:
            raise self.refused(f"其中的“{name}”用了无法解开的压缩方式") from exc

    def refused(self, why: str) -> DocumentError:
        """The error that says this file cannot be checked, and why."""
        return refusal(self.path, why)

    def _main(self) -> str:
        if "_rels/.rels" in self.names:
            for rel in self.xml("_rels/.rels").iter(_REL):
                if rel.get("Type") == _MAIN:
                    name = rel.get("Target", "").lstrip("/")
                    if name in self.names:
                        return name
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise self.refused("不是 Word 文档：找不到正文部分（word/document.xml）")


def refusal(path: Path, why: str, prefix: str = "无法读取") -> DocumentError:
    """A DocumentError naming ``path``: it cannot be read (or used: ``prefix``) because of
    ``why``."""
    return DocumentError([Problem(Location(path), "", f"{prefix}：{why}")])


def open_docx(path: Path) -> Package:
    """The parts of the .docx at ``path``; a DocumentError when it is not a readable .docx
    (a .doc, a locked or damaged file, something else named .docx)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise refusal(path, os_reason(exc)) from None
    if data.startswith(OLE_MAGIC):
        raise refusal(
            path, "这是旧版 Word 文档（.doc）或设了密码的文档，请去掉密码或在 Word 中另存为 .docx"
        )
    if data.startswith(b"%PDF"):
        raise refusal(path, "这是 PDF 文件，不是 Word 文档，请把扩展名改为 .pdf")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise refusal(path, "文件已损坏，或不是 Word 文档（.docx）") from None
    return Package(path, data, archive)
