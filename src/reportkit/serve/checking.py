"""What ``reportkit check`` finds in a Word file (or a PDF) handed to the workspace: the file
kept in the workspace while it is checked, then the findings as the command prints them."""

from __future__ import annotations

from typing import Any

from reportkit import atomic
from reportkit.check import report
from reportkit.check.run import check_file
from reportkit.errors import ReportkitError
from reportkit.serve.safety import upload_name
from reportkit.serve.workspace import Workspace

UPLOADS = ".reportkit-check"  # where a file to check is kept while it is checked


def check(ws: Workspace, name: str, data: bytes) -> dict[str, Any]:
    """The check of the file ``name`` (its bytes ``data``): the findings in order, each as
    `reportkit check` says it, with the errors and warnings counted."""
    path = ws.root / UPLOADS / upload_name(name)
    atomic.write_bytes(path, data)
    try:
        result = check_file(path)
    except ReportkitError as exc:
        # named as the clerk picked it, not by where the workspace kept it
        return {"ok": False, "message": str(exc).replace(str(path), name), "findings": []}
    finally:
        path.unlink(missing_ok=True)
    shown = report.heading(result).replace(str(path), name, 1)
    return {
        "ok": True,
        "heading": shown,
        "findings": [
            {"severity": f.severity, "text": str(f).replace(str(path), name)}
            for f in result.findings
        ],
        "errors": result.errors,
        "warnings": result.warnings,
    }
