"""A .docx as its parts: the template's base parts in, the body, pictures and section footers
added, reproducible bytes out.

The base parts (styles, settings, page, footers) are made with python-docx once per template
(``template_base``); a build parses only the parts it changes and writes every member with the
same date, in the order python-docx writes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

from lxml import etree

from reportkit.render.docx import ooxml

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CORE = "docProps/core.xml"
CONTENT_TYPES = "[Content_Types].xml"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
# file extensions whose parts are typed once for all (a Default), the rest part by part
_DEFAULT_TYPES = {
    ("rels", _RELS_TYPE),
    ("xml", "application/xml"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
}
PICTURES = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png")}


class Package:
    """The parts of one .docx being written, from a base made by ``template_base.make``."""

    def __init__(self, base: dict):
        self._members: dict[str, bytes] = dict(base["members"])
        self._order: list[str] = [name for name, _ in base["members"]]
        self._insert_at: int = base["after_document"]
        self._types: dict[str, str] = dict(base["types"])
        self._blank_footer: bytes = base["blank_footer"]
        self.document = ooxml.parse(self._members[DOCUMENT])
        self.body = self.document.find(ooxml.qn("w:body"))
        self._rels = ooxml.parse(self._members[DOCUMENT_RELS])
        self._added: list[str] = []
        self._pictures: dict[bytes, str] = {}  # digest → relationship id

    def add_picture(self, data: bytes, kind: str) -> str:
        """The relationship id of a picture part holding ``data`` (one part per picture)."""
        digest = hashlib.sha1(data).digest()
        if digest not in self._pictures:
            ext, content_type = PICTURES[kind]
            used = {name for name in self._members if name.startswith("word/media/image")}
            number = 1
            while any(name.startswith(f"word/media/image{number}.") for name in used):
                number += 1
            name = f"word/media/image{number}.{ext}"
            self._add(name, data, content_type)
            self._pictures[digest] = self._relate("image", name.removeprefix("word/"))
        return self._pictures[digest]

    def add_footer(self) -> str:
        """The relationship id of a new, empty footer part."""
        number = 1
        while f"word/footer{number}.xml" in self._members:
            number += 1
        name = f"word/footer{number}.xml"
        self._add(name, self._blank_footer, FOOTER_TYPE)
        return self._relate("footer", name.removeprefix("word/"))

    def set_core(self, when: dt.datetime, **properties: str) -> None:
        """The core properties: ``title``, ``creator``, ``subject``, ``language``,
        ``lastModifiedBy`` as given, created and modified ``when``, revision 1."""
        core = ooxml.parse(self._members[CORE])
        for name in ("title", "creator", "subject", "language"):
            etree.SubElement(core, ooxml.qn(f"dc:{name}")).text = properties[name]
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        for name in ("created", "modified"):
            node = etree.SubElement(core, ooxml.qn(f"dcterms:{name}"))
            node.text = stamp
            node.set(ooxml.qn("xsi:type"), "dcterms:W3CDTF")
        etree.SubElement(core, ooxml.qn("cp:lastModifiedBy")).text = properties["lastModifiedBy"]
        etree.SubElement(core, ooxml.qn("cp:revision")).text = "1"
        self._members[CORE] = ooxml.serialize(core)

    def to_bytes(self) -> bytes:
        """The .docx, identical for identical content (every member dated alike)."""
        self._members[DOCUMENT] = ooxml.serialize(self.document)
        self._members[DOCUMENT_RELS] = ooxml.serialize(self._rels)
        order = self._order[: self._insert_at] + self._added + self._order[self._insert_at :]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(_info(CONTENT_TYPES), content_types(self._types))
            for name in order:
                zf.writestr(_info(name), self._members[name])
        return out.getvalue()

    def _add(self, name: str, data: bytes, content_type: str) -> None:
        self._members[name] = data
        self._added.append(name)
        self._types[f"/{name}"] = content_type

    def _relate(self, kind: str, target: str) -> str:
        """A new relationship of the document to ``target``; its id, the first one free."""
        taken = {rel.get("Id") for rel in self._rels}
        number = 1
        while f"rId{number}" in taken:
            number += 1
        rel = etree.SubElement(self._rels, f"{{{_RELS_NS}}}Relationship")
        rel.set("Id", f"rId{number}")
        rel.set("Type", _REL + kind)
        rel.set("Target", target)
        return f"rId{number}"


def content_types(types: dict[str, str]) -> bytes:
    """``[Content_Types].xml`` for parts named ``/word/…`` with their content types."""
    defaults = {"rels": _RELS_TYPE, "xml": "application/xml"}
    overrides = {}
    for part, content_type in types.items():
        ext = part.rsplit(".", 1)[-1]
        if (ext.lower(), content_type) in _DEFAULT_TYPES:
            defaults[ext] = content_type
        else:
            overrides[part] = content_type
    root = etree.Element(f"{{{_TYPES_NS}}}Types", nsmap={None: _TYPES_NS})
    for ext in sorted(defaults):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Default", Extension=ext, ContentType=defaults[ext])
    for part in sorted(overrides):
        etree.SubElement(
            root, f"{{{_TYPES_NS}}}Override", PartName=part, ContentType=overrides[part]
        )
    return ooxml.serialize(root)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
