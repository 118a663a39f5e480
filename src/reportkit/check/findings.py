"""What a check finds: each departure with its clause, severity, place, what was expected and
what was found, said in Chinese; the whole result of one file, as text and as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]
SEVERITY = {"error": "错误", "warning": "警告"}
STANDARD = "GB/T 9704—2012"
JSON_VERSION = 1  # the shape of --json: raised when a key changes meaning or goes


@dataclass(frozen=True)
class Where:
    """Where a finding is: a .docx paragraph (its number and first words), a PDF page and
    line, or a part of the document without a place of its own (页面设置, 页脚)."""

    paragraph: int | None = None
    words: str = ""
    page: int | None = None
    line: int | None = None
    part: str = ""

    def __str__(self) -> str:
        if self.paragraph is not None:
            return (
                f"第 {self.paragraph} 段“{self.words}”" if self.words else f"第 {self.paragraph} 段"
            )
        if self.page is not None:
            place = f"第 {self.page} 页" + (f"第 {self.line} 行" if self.line else "")
            return f"{place}“{self.words}”" if self.words else place
        return self.part or "全文"


@dataclass(frozen=True)
class Finding:
    """One departure from the template: the rule it breaks (a short name, stable for
    scripts), the clause of the standard, severity, place, what it should be and what it is."""

    rule: str
    clause: str
    severity: Severity
    where: Where
    message: str
    expected: str = ""
    found: str = ""

    def __str__(self) -> str:
        detail = ""
        if self.expected or self.found:
            detail = f"（应为：{self.expected or '—'}；实为：{self.found or '—'}）"
        return f"{self.where}：{SEVERITY[self.severity]}：{self.message}{detail}〔{self.clause}〕"

    def as_json(self) -> dict[str, Any]:
        """The finding as the --json output gives it."""
        where = {
            "paragraph": self.where.paragraph,
            "page": self.where.page,
            "line": self.where.line,
            "text": self.where.words,
            "part": self.where.part,
        }
        return {
            "rule": self.rule,
            "clause": self.clause,
            "severity": self.severity,
            "where": where,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
        }


def clause(section: str, convention: bool = False) -> str:
    """The clause a rule rests on: ``§7.3.1`` of the standard, or a convention that follows
    it (the 简报's masthead)."""
    if convention:
        return f"简报惯例，参照 {STANDARD} {section}"
    return f"{STANDARD} {section}"


@dataclass
class Result:
    """The check of one file: what it was read as, against which template, and the findings
    in document order."""

    path: Path
    format: str  # docx or pdf
    kind: str  # bulletin, report, minutes
    template: str
    findings: list[Finding] = field(default_factory=list)
    pages: int | None = None

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return sum(1 for f in self.findings if f.severity == "warning")

    def as_json(self) -> dict[str, Any]:
        """The result as the --json output gives it (see README: 检查文档)."""
        return {
            "version": JSON_VERSION,
            "file": str(self.path),
            "format": self.format,
            "kind": self.kind,
            "template": self.template,
            "pages": self.pages,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [f.as_json() for f in self.findings],
        }
