"""Checking one .docx: read it, recognise its kind and parts, estimate its pages, and run
every rule against the template."""

from __future__ import annotations

from pathlib import Path

from reportkit.check.docx import pages, roles
from reportkit.check.docx.model import Document
from reportkit.check.docx.read import read
from reportkit.check.docx.rules import head, hygiene, numbers, page, tail, text
from reportkit.check.docx.rules.context import Context
from reportkit.check.expect import Expect
from reportkit.check.findings import Result
from reportkit.check.kind import kind_of
from reportkit.template import registry

RULES = (page, numbers, head, text, tail, hygiene)


def kind(doc: Document) -> str:
    """The kind of document ``doc`` is (bulletin, report, minutes)."""
    shown = [p.text for p in doc.part_paras() if not p.empty]
    return kind_of(shown[:12], shown[-8:])


def check(path: Path, template: str | None = None) -> Result:
    """Every departure of the .docx at ``path`` from ``template`` (by default the built-in
    template of the kind it is); a DocumentError when it cannot be read."""
    doc = read(path)
    found = kind(doc)
    chosen = registry.load(template) if template else registry.load(registry.for_kind(found))
    return check_document(doc, chosen)


def check_document(doc: Document, template: registry.Template) -> Result:
    """Every departure of the read document ``doc`` from ``template``."""
    expect = Expect(template)
    context = Context(
        doc, expect, roles.recognise(doc, expect), pages.estimate(doc, expect.profile)
    )
    result = Result(doc.path, "docx", template.profile.kind, template.profile.name)
    for rules in RULES:
        result.findings += rules.findings(context)
    result.findings.sort(key=lambda f: f.where.paragraph or 0)
    result.pages = context.pages.pages
    return result
