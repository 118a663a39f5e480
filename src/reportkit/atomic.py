"""Writing outputs so that a failure never leaves a half-written file or replaces a good one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportkit.errors import Location, OutputError, Problem


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(
            [Problem(Location(path.parent), "", f"无法在这里写文件（{exc.strerror}）")]
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(
                [Problem(Location(path), "", f"无法写出文件（{exc.strerror}）")]
            ) from None
        raise
