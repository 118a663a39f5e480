"""A .docx as its parts: the document and the parts it relates to (styles, settings, footers,
pictures), the package's own parts (content types, relationships, core, extended and custom
properties), zipped with every member dated alike for reproducible bytes."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import zipfile

from lxml import etree

from reportkit.render.docx import page
from reportkit.render.markup import add, insert, qn, root, serialize

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
APP = "docProps/app.xml"
CUSTOM = "docProps/custom.xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_TYPE = "application/vnd.openxmlformats-officedocument."
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_OWN_TYPES = {
    f"/{DOCUMENT}": f"{_TYPE}wordprocessingml.document.main+xml",
    f"/{CORE}": "application/vnd.openxmlformats-package.core-properties+xml",
    f"/{APP}": f"{_TYPE}extended-properties+xml",
    f"/{CUSTOM}": f"{_TYPE}custom-properties+xml",
}
STYLES_TYPE = f"{_TYPE}wordprocessingml.styles+xml"
SETTINGS_TYPE = f"{_TYPE}wordprocessingml.settings+xml"
FOOTER_TYPE = f"{_TYPE}wordprocessingml.footer+xml"
FONT_TABLE_TYPE = f"{_TYPE}wordprocessingml.fontTable+xml"
THEME_TYPE = f"{_TYPE}theme+xml"
# file extensions whose parts are typed once for all (a Default), the rest part by part
_DEFAULT_TYPES = {
    ("rels", _RELS_TYPE),
    ("xml", "application/xml"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
}
PICTURES = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png")}
# the package's relationships: to the document, its core and its extended properties
_PACKAGE_RELATIONSHIPS = (
    (f"{_REL}officeDocument", DOCUMENT),
    ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", CORE),
    (f"{_REL}extended-properties", APP),
    (f"{_REL}custom-properties", CUSTOM),
)
# the user-defined properties that name the document's kind and template: a .docx reportkit
# wrote is read back into its source by them (readback/)
KIND_PROPERTY = "reportkit.kind"
TEMPLATE_PROPERTY = "reportkit.template"
# the format id Word and LibreOffice give every user-defined property
_USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_CORE_TEXTS = ("title", "creator", "subject", "language")


class Package:
    """The parts of one .docx being written: the body is filled by the caller, the parts the
    document relates to are added as they come."""

    def __init__(self) -> None:
        self.document = root("w:document", "r", "wp", "a", "pic", "wps", "mc", "v", "w10")
        self.body = add(self.document, "w:body")
        self._relationships = root("pr:Relationships", default=True)
        self._parts: dict[str, etree._Element | bytes] = {}  # related to the document, in order
        self._types = dict(_OWN_TYPES)
        self._pictures: dict[bytes, str] = {}  # digest → relationship id
        self._core = root("cp:coreProperties", "dc", "dcterms", "dcmitype", "xsi")
        self._custom = root("op:Properties", "vt", default=True)

    def relate(
        self, name: str, content: etree._Element | bytes, content_type: str, kind: str
    ) -> str:
        """The relationship id of a new part ``name`` (``word/…``) the document relates to."""
        self._parts[name] = content
        self._types[f"/{name}"] = content_type
        rid = f"rId{len(self._relationships) + 1}"
        add(
            self._relationships,
            "pr:Relationship",
            Id=rid,
            Type=f"{_REL}{kind}",
            Target=name.removeprefix("word/"),
        )
        return rid

    def add_picture(self, data: bytes, kind: str) -> str:
        """The relationship id of a picture part holding ``data`` (one part per picture)."""
        digest = hashlib.sha1(data).digest()
        if digest not in self._pictures:
            ext, content_type = PICTURES[kind]
            name = self._free("word/media/image", f".{ext}")
            self._pictures[digest] = self.relate(name, data, content_type, "image")
        return self._pictures[digest]

    def add_footer(self, footer: etree._Element) -> str:
        """The relationship id of a new footer part."""
        return self.relate(self._free("word/footer", ".xml"), footer, FOOTER_TYPE, "footer")

    def end_section(self, footers: tuple[str, str] | None = None) -> None:
        """Close the section so far in a paragraph of its own and go on in a new section on
        the next page, whose odd and even footers are ``footers`` (relationship ids; None:
        empty footers, no page number)."""
        closing = self.body.find(qn("w:sectPr"))
        assert closing is not None, "the body's section properties come with the base"
        insert(add(add(self.body, "w:p"), "w:pPr"), copy.deepcopy(closing))
        references = list(closing.iter(qn("w:footerReference")))
        for number, reference in enumerate(references):
            rid = footers[number] if footers else self.add_footer(page.blank_footer())
            reference.set(qn("r:id"), rid)

    def set_core(self, when: dt.datetime, **properties: str) -> None:
        """The core properties: ``title``, ``creator``, ``subject``, ``language``,
        ``lastModifiedBy`` as given, created and modified ``when``, revision 1."""
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        core = self._core
        for name in _CORE_TEXTS:
            add(core, f"dc:{name}", text=properties[name])
        for name in ("created", "modified"):
            add(core, f"dcterms:{name}", {"xsi:type": "dcterms:W3CDTF"}, text=stamp)
        add(core, "cp:lastModifiedBy", text=properties["lastModifiedBy"])
        add(core, "cp:revision", text="1")

    def set_custom(self, **properties: str) -> None:
        """User-defined properties (text), which Word and LibreOffice keep when they save the
        document: what reportkit needs to read the document back."""
        for name, value in properties.items():
            pid = len(self._custom) + 2  # ids 0 and 1 are reserved
            made = add(self._custom, "op:property", fmtid=_USER_DEFINED, pid=pid, name=name)
            add(made, "vt:lpwstr", text=value)

    def to_bytes(self) -> bytes:
        """The .docx, identical for identical content (every member dated alike)."""
        members: list[tuple[str, etree._Element | bytes]] = [
            ("[Content_Types].xml", content_types(self._types)),
            ("_rels/.rels", _package_relationships()),
            (DOCUMENT, self.document),
            ("word/_rels/document.xml.rels", self._relationships),
            *self._parts.items(),
            (CORE, self._core),
            (APP, _app()),
            (CUSTOM, self._custom),
        ]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, content in members:
                data = content if isinstance(content, bytes) else serialize(content)
                zf.writestr(_info(name), data)
        return out.getvalue()

    def _free(self, stem: str, suffix: str) -> str:
        """The first part name ``stem``N``suffix`` not taken."""
        number = 1
        while f"{stem}{number}{suffix}" in self._parts:
            number += 1
        return f"{stem}{number}{suffix}"


def content_types(types: dict[str, str]) -> etree._Element:
    """``[Content_Types].xml`` for parts named ``/word/…`` with their content types."""
    defaults = {"rels": _RELS_TYPE, "xml": "application/xml"}
    overrides = {}
    for name, content_type in types.items():
        ext = name.rsplit(".", 1)[-1]
        if (ext.lower(), content_type) in _DEFAULT_TYPES:
            defaults[ext] = content_type
        else:
            overrides[name] = content_type
    part = root("ct:Types", default=True)
    for ext in sorted(defaults):
        add(part, "ct:Default", Extension=ext, ContentType=defaults[ext])
    for name in sorted(overrides):
        add(part, "ct:Override", PartName=name, ContentType=overrides[name])
    return part


def _package_relationships() -> etree._Element:
    part = root("pr:Relationships", default=True)
    for number, (kind, target) in enumerate(_PACKAGE_RELATIONSHIPS, 1):
        add(part, "pr:Relationship", Id=f"rId{number}", Type=kind, Target=target)
    return part


def _app() -> etree._Element:
    """The extended properties: the application that wrote the document."""
    part = root("ep:Properties", "vt", default=True)
    add(part, "ep:Application", text="reportkit")
    return part


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
