"""Downloads: documents built as the command line builds them (into the workspace's dist/,
with their templates), handed to the browser one file at a time or together in a zip."""

from __future__ import annotations

import io
import secrets
import zipfile
from pathlib import Path
from typing import NamedTuple

from reportkit import batch
from reportkit.serve.workspace import Doc, Workspace, options

KEEP = 8  # downloads a server keeps ready at once
TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
}


class Ready(NamedTuple):
    """A file ready to download: its name and bytes."""

    name: str
    data: bytes

    @property
    def media_type(self) -> str:
        """Its media type, by its name's extension."""
        return TYPES.get(Path(self.name).suffix, "application/octet-stream")


def build(ws: Workspace, docs: list[Doc], formats: tuple[str, ...]) -> list[batch.Result]:
    """Build ``docs`` in ``formats`` into dist/ (one batch per template, one at a time in
    this process); each document's result, in the order given."""
    groups: dict[str | None, list[Doc]] = {}
    for doc in docs:
        groups.setdefault(doc.template, []).append(doc)
    results: dict[str, batch.Result] = {}
    for group in groups.values():
        opts = options(ws, group[0], formats)
        found = batch.run([d.folder for d in group], opts, jobs=1, force=True)
        for doc, result in zip(group, found, strict=True):
            results[doc.name] = result
    return [results[d.name] for d in docs]


def ready(
    ws: Workspace,
    results: list[batch.Result],
    docs: list[Doc],
    zipped: str | None,
    folders: bool = False,
) -> str:
    """Keep the files ``results`` wrote ready to download (zipped as ``zipped``, each in a
    folder of its document's name when ``folders``, or the one file); the key to fetch them
    by."""
    files = [
        (doc, Path(path)) for doc, r in zip(docs, results, strict=True) for path, _, _ in r.written
    ]
    if zipped is None and len(files) == 1:
        item = Ready(files[0][1].name, files[0][1].read_bytes())
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for doc, path in files:
                inner = f"{doc.name}/{path.name}" if folders else path.name
                archive.writestr(inner, path.read_bytes())
        item = Ready(zipped or "下载.zip", buffer.getvalue())
    key = secrets.token_urlsafe(12)
    while len(ws.downloads) >= KEEP:
        ws.downloads.pop(next(iter(ws.downloads)))
    ws.downloads[key] = item
    return key


def fetch(ws: Workspace, key: str) -> Ready | None:
    """The download kept under ``key`` (None: none)."""
    found = ws.downloads.get(key)
    return found if isinstance(found, Ready) else None
