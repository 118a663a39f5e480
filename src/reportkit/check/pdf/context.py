"""What every PDF rule reads: the document, its paragraphs and their parts, the lines below
the type area, the type area's edges as the text stands, and how a finding is said."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportkit.check.docx.roles import Role
from reportkit.check.expect import Expect
from reportkit.check.findings import Finding, Severity, Where
from reportkit.check.pdf.fonts import Matcher
from reportkit.check.pdf.paragraphs import PdfPara, Placed
from reportkit.check.pdf.read import PdfDocument


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
