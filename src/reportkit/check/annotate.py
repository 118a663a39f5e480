"""A copy of a checked .docx with each finding as a Word comment at its paragraph: a
comments part (or the document's own, added to), a range and a reference in the paragraph,
the relationship and content type that make Word find them.  Every other part is copied as
it is; the original is never written."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from reportkit import atomic
from reportkit.check.docx.package import open_docx
from reportkit.check.docx.read import Reader
from reportkit.check.findings import SEVERITY, Finding, Result
from reportkit.errors import Location, OutputError, Problem
from reportkit.render.markup import add, add_at, qn, root, serialize

AUTHOR = "reportkit"
_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def annotate(result: Result, out: Path) -> int:
    """Write a copy of the checked .docx to ``out`` with each finding as a comment; the
    number of comments written."""
    source = result.path
    if out.resolve() == source.resolve():
        raise OutputError(
            [Problem(Location(out), "--annotate", "批注副本不能覆盖被检查的文件，请换一个文件名")]
        )
    package = open_docx(source)
    reader = Reader(package)
    reader.document()
    elements = reader.elements
    comments_name, comments = _comments_part(package)
    ident = 1 + max((int(c.get(qn("w:id"), "0")) for c in comments), default=-1)
    written = 0
    for finding in result.findings:
        number = finding.where.paragraph or _first_text(reader)
        if not 1 <= number <= len(elements):
            continue
        _comment(comments, ident, _text(finding))
        _mark(elements[number - 1], ident)
        ident += 1
        written += 1
    parts = {package.main: serialize(reader.root), comments_name: serialize(comments)}
    if comments_name not in package.names:
        parts.update(_related(package, comments_name))
    atomic.write_bytes(out, _zipped(package, parts))
    return written


def _first_text(reader: Reader) -> int:
    """The paragraph a finding about the whole document is put at: the first with text."""
    return next((p.number for p in reader.paras if p.text.strip()), 1)


def _text(finding: Finding) -> str:
    place = "" if finding.where.paragraph else f"{finding.where}："
    detail = ""
    if finding.expected or finding.found:
        detail = f"（应为：{finding.expected or '—'}；实为：{finding.found or '—'}）"
    return f"{place}{SEVERITY[finding.severity]}：{finding.message}{detail}〔{finding.clause}〕"


def _comments_part(package) -> tuple[str, etree._Element]:  # type: ignore[no-untyped-def]
    """The document's comments part, or a new one."""
    for kind, name in package.related.values():
        if kind == "comments" and name in package.names:
            return name, package.xml(name)
    name = "word/comments.xml"
    while name in package.names:
        name = name.replace(".xml", "1.xml")
    return name, root("w:comments")


def _comment(comments: etree._Element, ident: int, text: str) -> None:
    comment = add(comments, "w:comment", id=ident, author=AUTHOR, initials="RK")
    p = add(comment, "w:p")
    add(add(p, "w:r"), "w:t", text=text)


def _mark(p: etree._Element, ident: int) -> None:
    """The comment's range over the whole paragraph, and its reference after it."""
    first = 1 if len(p) and p[0].tag == qn("w:pPr") else 0
    add_at(p, first, "w:commentRangeStart", id=ident)
    add_at(p, len(p), "w:commentRangeEnd", id=ident)
    add(add_at(p, len(p), "w:r"), "w:commentReference", id=ident)


def _related(package, name: str) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """The document's relationships and the content types with the comments part in."""
    folder, _, base = package.main.rpartition("/")
    rels_name = f"{folder}/_rels/{base}.rels"
    rels = (
        package.xml(rels_name)
        if rels_name in package.names
        else root("pr:Relationships", default=True)
    )
    taken = {rel.get("Id") for rel in rels}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    target = name[len(folder) + 1 :] if name.startswith(f"{folder}/") else f"/{name}"
    add(rels, "pr:Relationship", Id=f"rId{number}", Type=_COMMENTS, Target=target)
    types = package.xml("[Content_Types].xml")
    add(types, "ct:Override", PartName=f"/{name}", ContentType=_COMMENTS_TYPE)
    return {rels_name: serialize(rels), "[Content_Types].xml": serialize(types)}


def _zipped(package, parts: dict[str, bytes]) -> bytes:  # type: ignore[no-untyped-def]
    """The package with ``parts`` replaced or added, every other member as it was."""
    import io

    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(package.data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in source.infolist():
            data = parts.pop(info.filename, None)
            zf.writestr(info, data if data is not None else source.read(info.filename))
        for name, data in parts.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()
