"""The base document in, reproducible bytes out."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter

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


class _FixedDateZip:
    """python-docx's package writer target, stamping every member with the same date."""

    def __init__(self, buffer: io.BytesIO):
        self._zip = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self._zip.writestr(_info(pack_uri.membername), blob)

    def close(self) -> None:
        self._zip.close()


def to_bytes(doc: DocxDocument) -> bytes:
    """The document as .docx bytes, identical for identical content (fixed member dates).

    The same steps as python-docx's own save, written once into a zip whose members carry a
    fixed date (python-docx stamps the current time).
    """
    package = doc.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _FixedDateZip(out)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]  # any writer will do
    writer.close()
    return out.getvalue()
