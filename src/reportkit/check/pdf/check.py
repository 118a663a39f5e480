"""Checking one PDF: read it, gather its lines into paragraphs, recognise its kind and
parts as a .docx's are, and run the PDF's rules against the template."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportkit.check.docx.roles import Role, recognise
from reportkit.check.expect import Expect
from reportkit.check.findings import Finding, Result, Severity, Where
from reportkit.check.kind import kind_of
from reportkit.check.pdf import paragraphs
from reportkit.check.pdf.fonts import Matcher
from reportkit.check.pdf.paragraphs import PdfPara, Placed
from reportkit.check.pdf.read import PdfDocument, read
from reportkit.template import registry


@dataclass
class PdfContext:
    """One check of one PDF: the document, its paragraphs and their parts, the lines below
    the type area, the template's expectations."""

    doc: PdfDocument
    expect: Expect
    paras: list[PdfPara]
    roles: dict[int, Role]  # by paragraph number (1-based)
    footers: list[Placed]
    left: float  # the type area's edges as the text stands (a wrong margin moves both)
    right: float
    matches: Matcher = field(default_factory=Matcher)

    def role(self, index: int) -> Role | None:
        """The part of paragraph ``index`` (0-based)."""
        return self.roles.get(index + 1)

    def finding(
        self,
        rule: str,
        clause: str,
        where: Placed | Where,
        message: str,
        expected: str = "",
        found: str = "",
        severity: Severity = "error",
    ) -> Finding:
        """A finding at a line (or a place)."""
        if isinstance(where, Placed):
            text = " ".join(where.line.text.split())
            words = text if len(text) <= 12 else text[:12] + "……"
            where = Where(page=where.page, line=where.number or None, words=words)
        return Finding(rule, clause, severity, where, message, expected, found)


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
    from reportkit.check.pdf import rules, text

    expect = Expect(template)
    left, right = paragraphs.edges(doc, expect.profile)
    paras, footers = paragraphs.split(doc, expect.profile, left, right)
    stand_in = paragraphs.as_document(doc.path, doc, paras, expect.profile, left, right)
    context = PdfContext(doc, expect, paras, recognise(stand_in, expect), footers, left, right)
    result = Result(doc.path, "pdf", template.profile.kind, template.profile.name)
    result.findings += rules.findings(context)
    result.findings += text.findings(context)
    result.findings.sort(key=lambda f: (f.where.page or 0, f.where.line or 0))
    result.pages = len(doc.pages)
    return result
