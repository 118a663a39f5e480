"""The base of a template's .docx — styles, page, line grid, page-number footers — made with
python-docx once per template and kept in the user cache as the parts python-docx writes.

A build starts from these parts and adds the body (``package.Package``); python-docx is
imported only when a base has to be made.
"""

from __future__ import annotations

import functools
import io
import zipfile
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit import usercache
from reportkit.compose.page import Document
from reportkit.template.registry import Template

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

BASE = Path(__file__).with_name("base")
_MADE: dict[tuple[Path, tuple[str, str]], dict] = {}


def base(template: Template, document: Document) -> dict:
    """The base parts for ``template`` with ``document``'s page-number marks, with the Word
    style id of each template style (``ids``): made once, then read from the user cache."""
    key = (template.folder, document.page_number)
    if key not in _MADE:
        kept = (
            usercache.cache_dir()
            / "docx"
            / f"{usercache.key(template.version, key, _code())}.marshal"
        )
        record = usercache.load(kept)
        if not (isinstance(record, dict) and record.get("code") == _code()):
            record = {"code": _code(), **make(template, document)}
            usercache.store(kept, record)
        _MADE[key] = record
    return _MADE[key]


def make(template: Template, document: Document) -> dict:
    """The base parts, made with python-docx."""
    from docx.parts.hdrftr import FooterPart

    from reportkit.render.docx import page, styles

    doc = new_document()
    profile = template.profile
    styles.define(doc, profile)
    page.setup(doc, document, profile)
    ids = {name: doc.styles[styles.style_name(profile, name)].style_id for name in profile.styles}
    package = doc.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = [("_rels/.rels", package.rels.xml)]
    for part in parts:
        members.append((part.partname.membername, part.blob))
        if part.rels:
            members.append((part.partname.rels_uri.membername, part.rels.xml))
    # parts a build relates to the document are written after the document's own
    under = _reachable(doc.part)
    later = [p.partname.membername for p in parts if p is not doc.part and p not in under]
    names = [name for name, _ in members]
    return {
        "members": members,
        "types": [(str(part.partname), part.content_type) for part in parts],
        "after_document": names.index(later[0]) if later else len(members),
        "blank_footer": FooterPart.new(package).blob,
        "ids": ids,
    }


def _reachable(source: object) -> set:
    found: set = set()
    stack = [source]
    while stack:
        for rel in stack.pop().rels.values():  # type: ignore[attr-defined]
            if not rel.is_external and rel.target_part not in found:
                found.add(rel.target_part)
                stack.append(rel.target_part)
    return found


def new_document() -> DocxDocument:
    """A fresh python-docx document on the project's base document."""
    import docx

    return docx.Document(io.BytesIO(_base_bytes()))


@functools.cache
def _base_bytes() -> bytes:
    """The unpacked base document (kept in the repository for readable diffs), zipped."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(
            BASE.rglob("*"), key=lambda p: (p.name != "[Content_Types].xml", str(p))
        ):
            if path.is_file():
                zf.writestr(path.relative_to(BASE).as_posix(), path.read_bytes())
    return buffer.getvalue()


@functools.cache
def _code() -> list[tuple[str, int, int]]:
    """What a kept base was made by: these modules, the base files, python-docx's files."""
    folder = Path(__file__).parent
    made_by = [folder / f"{name}.py" for name in ("ooxml", "page", "styles", "template_base")]
    base_files = sorted(p for p in BASE.rglob("*") if p.is_file())
    spec = find_spec("docx")
    library = [Path(spec.origin)] if spec and spec.origin else []
    return usercache.stamp(*made_by, *base_files, *library)
