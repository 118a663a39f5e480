"""A .docx as its parts: the template's base parts in, the body, pictures, section footers and
core properties added, reproducible bytes out.

The base parts (styles, settings, page, footers) are made with python-docx once per template
(``template_base``), which also cuts the base's document part and relationships where a build
adds to them; a build writes its parts as text and every member with the same date, in the
order python-docx writes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

from reportkit.render.docx import wml
from reportkit.render.docx.wml import Paragraph, attr

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CORE = "docProps/core.xml"
CONTENT_TYPES = "[Content_Types].xml"
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
# stand-ins for the relationship ids of a new section's footers in the base's cut parts
DEFAULT_FOOTER, EVEN_FOOTER = "rIdDefaultFooter", "rIdEvenFooter"


class Package:
    """The parts of one .docx being written, from a base made by ``template_base.make``."""

    def __init__(self, base: dict):
        self._base = base
        self._members: dict[str, bytes] = dict(base["members"])
        self._types: dict[str, str] = dict(base["types"])
        self.body: list[str | Paragraph] = []  # blocks of the body, in order
        self._closing: str = base["closing"]  # the body's own section properties
        self._taken: set[str] = set(base["relationship_ids"])
        self._relationships: list[str] = []
        self._added: list[str] = []
        self._pictures: dict[bytes, str] = {}  # digest → relationship id

    def add_picture(self, data: bytes, kind: str) -> str:
        """The relationship id of a picture part holding ``data`` (one part per picture)."""
        digest = hashlib.sha1(data).digest()
        if digest not in self._pictures:
            ext, content_type = PICTURES[kind]
            number = 1
            while any(name.startswith(f"word/media/image{number}.") for name in self._members):
                number += 1
            name = f"word/media/image{number}.{ext}"
            self._add(name, data, content_type)
            self._pictures[digest] = self._relate("image", name.removeprefix("word/"))
        return self._pictures[digest]

    def end_section(self) -> None:
        """Close the section so far in a paragraph of its own and go on in a new section on
        the next page whose footers are empty (no page number)."""
        self.body.append(self._base["section_break"])
        default, even = self._add_footer(), self._add_footer()
        ended = self._base["ended_closing"]
        self._closing = ended.replace(DEFAULT_FOOTER, default).replace(EVEN_FOOTER, even)

    def set_core(self, when: dt.datetime, **properties: str) -> None:
        """The core properties: ``title``, ``creator``, ``subject``, ``language``,
        ``lastModifiedBy`` as given, created and modified ``when``, revision 1."""
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        values = [f"<dc:{n}>{wml.text(properties[n])}</dc:{n}>" for n in _CORE_TEXTS]
        values += [
            f'<dcterms:{n} xsi:type="dcterms:W3CDTF">{stamp}</dcterms:{n}>'
            for n in ("created", "modified")
        ]
        values.append(
            f"<cp:lastModifiedBy>{wml.text(properties['lastModifiedBy'])}</cp:lastModifiedBy>"
        )
        values.append("<cp:revision>1</cp:revision>")
        core = self._base["core_open"] + "".join(values) + _CORE_CLOSE
        self._members[CORE] = wml.checked(core).encode()

    def to_bytes(self) -> bytes:
        """The .docx, identical for identical content (every member dated alike)."""
        body = "".join(b if isinstance(b, str) else b.xml() for b in self.body)
        head, tail = self._base["document_open"], self._base["document_close"]
        self._members[DOCUMENT] = wml.checked(head + body + self._closing + tail).encode()
        rels_open = self._base["relationships_open"]
        self._members[DOCUMENT_RELS] = (
            rels_open + "".join(self._relationships) + "</Relationships>"
        ).encode()
        insert_at = self._base["after_document"]
        order = [name for name, _ in self._base["members"]]
        order[insert_at:insert_at] = self._added
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(_info(CONTENT_TYPES), content_types(self._types))
            for name in order:
                zf.writestr(_info(name), self._members[name])
        return out.getvalue()

    def _add_footer(self) -> str:
        """The relationship id of a new, empty footer part."""
        number = 1
        while f"word/footer{number}.xml" in self._members:
            number += 1
        name = f"word/footer{number}.xml"
        self._add(name, self._base["blank_footer"], FOOTER_TYPE)
        return self._relate("footer", name.removeprefix("word/"))

    def _add(self, name: str, data: bytes, content_type: str) -> None:
        self._members[name] = data
        self._added.append(name)
        self._types[f"/{name}"] = content_type

    def _relate(self, kind: str, target: str) -> str:
        """A new relationship of the document to ``target``; its id, the first one free."""
        number = 1
        while f"rId{number}" in self._taken:
            number += 1
        rid = f"rId{number}"
        self._taken.add(rid)
        self._relationships.append(
            f'<Relationship Id="{rid}" Type="{_REL}{kind}" Target="{attr(target)}"/>'
        )
        return rid


_CORE_TEXTS = ("title", "creator", "subject", "language")
_CORE_CLOSE = "</cp:coreProperties>"


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
    entries = [
        f'<Default Extension="{attr(ext)}" ContentType="{attr(defaults[ext])}"/>'
        for ext in sorted(defaults)
    ]
    entries += [
        f'<Override PartName="{attr(part)}" ContentType="{attr(overrides[part])}"/>'
        for part in sorted(overrides)
    ]
    return (f'{wml.DECLARATION}<Types xmlns="{_TYPES_NS}">{"".join(entries)}</Types>').encode()


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
