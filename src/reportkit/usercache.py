"""The user cache: what is slow to make and the same every time — prepared fonts, font lookups,
templates as read, the .docx base of each template.  Plain data only is kept, with marshal
(read back in a fraction of the time JSON takes), never code; anything kept is checked against
what it was made from before it is used."""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$REPORTKIT_CACHE``, else the platform's user cache folder, + ``reportkit``."""
    override = os.environ.get("REPORTKIT_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData/Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library/Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "reportkit"


def stamp(*paths: Path) -> list[tuple[str, int, int]]:
    """Path, size and modification time of each file: what a kept result was made from."""
    found = []
    for path in paths:
        info = path.stat()
        found.append((str(path), info.st_size, info.st_mtime_ns))
    return found


def key(*parts: Any) -> str:
    """A short name for a kept result, from what it depends on."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:24]


def load(path: Path) -> Any:
    """What :func:`store` kept in ``path``, or None when it is missing or unreadable."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(path: Path, value: Any) -> None:
    """Keep ``value`` (plain data) in ``path``, written whole or not at all; a cache that
    cannot be written only costs time."""
    with contextlib.suppress(OSError, ValueError):
        write_atomic(path, marshal.dumps(value))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` under a temporary name, then rename: parallel builds may write at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
