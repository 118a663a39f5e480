"""The base of a template's .docx — styles, page, line grid, page-number footers — made with
python-docx once per template and kept in the user cache as the parts python-docx writes.

A build starts from these parts and adds the body (``package.Package``); python-docx is
imported only when a base has to be made.
"""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit import usercache
from reportkit.compose.page import Document
from reportkit.render.docx import package
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
    made = styles.define(doc, profile)
    page.setup(doc, document, profile, made["page_number"])
    ids = {key: style.style_id for key, style in made.items()}
    opc = doc.part.package
    parts = list(opc.iter_parts())
    for part in parts:
        part.before_marshal()
    members = [("_rels/.rels", opc.rels.xml)]
    for part in parts:
        members.append((part.partname.membername, part.blob))
        if part.rels:
            members.append((part.partname.rels_uri.membername, part.rels.xml))
    # parts a build relates to the document are written after the document's own
    under = _reachable(doc.part)
    later = [p.partname.membername for p in parts if p is not doc.part and p not in under]
    names = [name for name, _ in members]
    blobs = dict(members)
    return {
        "members": members,
        "types": [(str(part.partname), part.content_type) for part in parts],
        "after_document": names.index(later[0]) if later else len(members),
        "blank_footer": FooterPart.new(opc).blob,
        "ids": ids,
        **_document_cuts(blobs[package.DOCUMENT]),
        **_relationship_cuts(blobs[package.DOCUMENT_RELS]),
        "core_open": _open(blobs[package.CORE], "</cp:coreProperties>"),
    }


def _document_cuts(blob: bytes) -> dict[str, str]:
    """The document part cut where a build writes its body, with the closing section
    properties as they are, and as they become when the document ends in a section of its
    own (``package.Package.end_section``): the section so far closing the body's last
    paragraph (its attributes dropped), the body's own without header or footer references
    and start type, with two new footer references (stand-in ids)."""
    from reportkit.render.docx import ooxml, wml

    document = ooxml.parse(blob)
    closing = document.find(ooxml.qn("w:body"))[-1]
    plain = ooxml.serialize(document).decode()
    ended = copy.deepcopy(closing)
    ended.attrib.clear()
    paragraph = ooxml.element("w:p")
    closing.addprevious(paragraph)
    ooxml.properties(paragraph, "w:pPr").append(ended)
    for tag in ("w:headerReference", "w:footerReference", "w:type"):
        for found in closing.findall(ooxml.qn(tag)):
            closing.remove(found)
    for kind, rid in (("default", package.DEFAULT_FOOTER), ("even", package.EVEN_FOOTER)):
        reference = ooxml.element("w:footerReference", type=kind)
        reference.set(ooxml.qn("r:id"), rid)
        ooxml.insert(closing, reference, wml.SECTPR_ORDER)
    broken = ooxml.serialize(document).decode()
    start = plain.index("<w:body>") + len("<w:body>")
    end = plain.rindex("</w:body>")
    inner = broken[start : broken.rindex("</w:body>")]
    cut = inner.index("</w:p>") + len("</w:p>")
    return {
        "document_open": plain[:start],
        "closing": plain[start:end],
        "document_close": plain[end:],
        "section_break": inner[:cut],
        "ended_closing": inner[cut:],
    }


def _relationship_cuts(blob: bytes) -> dict[str, object]:
    from reportkit.render.docx import ooxml

    return {
        "relationships_open": _open(blob, "</Relationships>"),
        "relationship_ids": [rel.get("Id") for rel in ooxml.parse(blob)],
    }


def _open(blob: bytes, close: str) -> str:
    """A part up to where its root element closes: children are written after it."""
    text = blob.decode()
    return text[:-2] + ">" if text.endswith("/>") else text[: text.rindex(close)]


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
    made_by = [
        folder / f"{name}.py"
        for name in ("ooxml", "package", "page", "styles", "template_base", "wml")
    ]
    base_files = sorted(p for p in BASE.rglob("*") if p.is_file())
    spec = find_spec("docx")
    library = [Path(spec.origin)] if spec and spec.origin else []
    return usercache.stamp(*made_by, *base_files, *library)
