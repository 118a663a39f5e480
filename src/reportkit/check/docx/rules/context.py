"""What every .docx rule reads: the document, the template's expectations, each paragraph's
part, the estimated pages, and how a finding is said."""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.check.docx.model import Document, Para
from reportkit.check.docx.pages import Estimate
from reportkit.check.docx.roles import Role
from reportkit.check.expect import Expect
from reportkit.check.findings import Finding, Severity, Where, clause
from reportkit.errors import number

# the clause of GB/T 9704—2012 each style's part rests on; a 简报's own parts follow
# convention (no standard names them)
CLAUSES = {
    "body": "§7.3.3",
    "runin": "§7.3.3",
    "heading": "§7.3.3",
    "title": "§7.3.1",
    "copy_number": "§7.2.1",
    "secrecy": "§7.2.2",
    "urgency": "§7.2.3",
    "issuer_mark": "§7.2.4",
    "doc_number": "§7.2.5",
    "signer_name": "§7.2.6",
    "addressee": "§7.3.2",
    "attachment_note": "§7.3.4",
    "signature": "§7.3.5",
    "note": "§7.3.6",
    "attachment_label": "§7.3.7",
    "end_matter": "§7.4",
    "page_number": "§7.5",
    "minutes_number": "§10.3",
    "attendance": "§10.3",
    "attendance_label": "§10.3",
}
CONVENTION = {"masthead_name": "§7.2.4", "masthead_issue": "§7.2.5", "masthead_line": "§7.2.5"}


@dataclass
class Context:
    """One check of one .docx."""

    doc: Document
    expect: Expect
    roles: dict[int, Role]
    pages: Estimate

    def clause_of(self, key: str) -> str:
        """The clause style ``key``'s part rests on."""
        if key in CLAUSES:
            return clause(CLAUSES[key])
        if key in CONVENTION:
            return clause(CONVENTION[key], convention=True)
        return clause("§5.2.2", convention=True)

    def at(self, p: Para) -> Where:
        """Where paragraph ``p`` is."""
        return Where(paragraph=p.number, words=p.first_words())

    def finding(
        self,
        rule: str,
        key_or_clause: str,
        p: Para | Where,
        message: str,
        expected: str = "",
        found: str = "",
        severity: Severity = "error",
    ) -> Finding:
        """A finding about paragraph ``p`` (or a place), by style key or clause."""
        where = self.at(p) if isinstance(p, Para) else p
        key = key_or_clause
        styled = key in CLAUSES or key in CONVENTION or self.expect.has(key)
        text = self.clause_of(key) if styled else key
        return Finding(rule, text, severity, where, message, expected, found)

    def size_name(self, points: float) -> str:
        """A size as offices name it: 三号（16 磅）, or just the points."""
        for name, value in self.expect.profile.sizes.items():
            if abs(value - points) < 0.01:
                return f"{name}（{number(points)} 磅）"
        return f"{number(points)} 磅"
