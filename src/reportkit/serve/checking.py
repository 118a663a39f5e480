"""What ``reportkit check`` finds in a Word file handed to the workspace.

The checker is its own stage (``reportkit.check``); this version of reportkit may not have it
yet, and then the workspace says so instead of showing findings.  The stage is expected to
offer ``findings(path) -> list[Problem]``.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from reportkit import atomic
from reportkit.serve.safety import upload_name
from reportkit.serve.workspace import Workspace

UPLOADS = ".reportkit-check"  # where a file to check is kept while it is checked
MISSING = "这一版 reportkit 还没有检查 Word 文件的功能（reportkit check），无法检查"


def check(ws: Workspace, name: str, data: bytes) -> dict[str, Any]:
    """The findings of the check stage for the Word file ``name`` (its bytes ``data``)."""
    stage = _stage()
    if stage is None:
        return {"available": False, "message": MISSING, "findings": []}
    path = ws.root / UPLOADS / upload_name(name)
    atomic.write_bytes(path, data)
    try:
        found = stage(path)
    finally:
        path.unlink(missing_ok=True)
    return {"available": True, "findings": [str(problem) for problem in found]}


def _stage() -> Any:
    """The check stage's ``findings``, when this reportkit has it."""
    if importlib.util.find_spec("reportkit.check") is None:
        return None
    module = importlib.import_module("reportkit.check")
    return getattr(module, "findings", None)
