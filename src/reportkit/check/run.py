"""Checking files and folders: each .docx or PDF against the template of its kind (or the
one asked for), a folder's files in name order, a file that cannot be read said so."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportkit.check.docx.package import refusal
from reportkit.check.findings import Result
from reportkit.errors import DocumentError, ReportkitError

SUFFIXES = (".docx", ".pdf")


@dataclass
class Checked:
    """One file: its result, or why it could not be checked."""

    path: Path
    result: Result | None = None
    error: ReportkitError | None = None


def check_file(path: Path, template: str | None = None) -> Result:
    """The check of one .docx or PDF; a DocumentError when it cannot be read, a
    TemplateError when the template cannot."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise refusal(path, "找不到这个文件")
    if suffix == ".docx":
        from reportkit.check.docx.check import check

        return check(path, template)
    if suffix == ".pdf":
        from reportkit.check.pdf.check import check as check_pdf

        return check_pdf(path, template)
    if suffix == ".doc":
        raise refusal(path, "这是旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再检查")
    raise refusal(path, f"只能检查 Word 文档（.docx）和 PDF，不能检查“{suffix or path.name}”文件")


def files(paths: list[Path]) -> list[Path]:
    """The files ``paths`` name: a folder stands for the .docx and PDF files in it (not
    Word's lock files ~$…), in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUFFIXES
                and p.is_file()
                and not p.name.startswith(("~$", "."))
            )
        else:
            found.append(path)
    return found


def check_all(paths: list[Path], template: str | None = None) -> Iterator[Checked]:
    """Each file's check, as it is done."""
    for path in files(paths):
        try:
            yield Checked(path, result=check_file(path, template))
        except ReportkitError as exc:
            yield Checked(path, error=exc)


def status(checked: list[Checked]) -> int:
    """The exit status: 2 when a file could not be checked, 1 when errors were found, 0
    otherwise (warnings alone do not fail)."""
    if any(c.error is not None for c in checked):
        return 2
    if any(c.result is not None and c.result.errors for c in checked):
        return 1
    return 0


def unreadable(exc: ReportkitError) -> bool:
    """Was the file itself unreadable (not the template)?"""
    return isinstance(exc, DocumentError)
