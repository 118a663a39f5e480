"""The base document in, reproducible bytes out."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

BASE = Path(__file__).with_name("base")
# Order of members in the written file: the content types first, as Word writes them.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


@functools.cache
def _base_bytes() -> bytes:
    """The unpacked base document (kept in the repository for readable diffs), zipped."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(
            BASE.rglob("*"), key=lambda p: (p.name != "[Content_Types].xml", str(p))
        ):
            if path.is_file():
                zf.writestr(_info(path.relative_to(BASE).as_posix()), path.read_bytes())
    return buffer.getvalue()


def new_document() -> DocxDocument:
    """A fresh python-docx document on the project's base document."""
    return open_bytes(_base_bytes())


def open_bytes(data: bytes) -> DocxDocument:
    """A python-docx document read from .docx bytes."""
    return docx.Document(io.BytesIO(data))


def raw_bytes(doc: DocxDocument) -> bytes:
    """The document as python-docx saves it (to be read again, not to be published)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def to_bytes(doc: DocxDocument) -> bytes:
    """The document as .docx bytes, identical for identical content (fixed member dates)."""
    raw = io.BytesIO(raw_bytes(doc))
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for member in src.infolist():
            dst.writestr(_info(member.filename), src.read(member.filename))
    return out.getvalue()
