"""Checking one PDF: read it, gather its lines into paragraphs, recognise its kind and
parts as a .docx's are, and run the PDF's rules against the template."""

from __future__ import annotations

from pathlib import Path

from reportkit.check.docx.roles import recognise
from reportkit.check.expect import Expect
from reportkit.check.findings import Result
from reportkit.check.kind import kind_of
from reportkit.check.pdf import area, head, numbers, paragraphs, tail, text
from reportkit.check.pdf.context import PdfContext
from reportkit.check.pdf.read import PdfDocument, read
from reportkit.template import registry


def check(path: Path, template: str | None = None) -> Result:
    """Every departure of the PDF at ``path`` from ``template`` (by default the built-in
    template of the kind it is); a DocumentError when it cannot be read."""
    doc = read(path)
    texts = [line.text for page in doc.pages for line in page.lines if line.text.strip()]
    found = kind_of(texts[:12], texts[-8:])
    chosen = registry.load(template) if template else registry.load(registry.for_kind(found))
    return check_document(doc, chosen)


def check_document(doc: PdfDocument, template: registry.Template) -> Result:
    """Every departure of the read PDF ``doc`` from ``template``."""
    expect = Expect(template)
    left, right = paragraphs.edges(doc, expect.profile)
    paras, footers = paragraphs.split(doc, expect.profile, left, right)
    stand_in = paragraphs.as_document(doc.path, doc, paras, expect.profile, left, right)
    context = PdfContext(doc, expect, paras, recognise(stand_in, expect), footers, left, right)
    result = Result(doc.path, "pdf", template.profile.kind, template.profile.name)
    for rules in (area, head, tail, numbers):
        result.findings += rules.findings(context)
    result.findings += text.findings(context)
    result.findings.sort(key=lambda f: (f.where.page or 0, f.where.line or 0))
    result.pages = len(doc.pages)
    return result
