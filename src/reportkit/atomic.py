"""Writing outputs so that a failure never leaves a half-written file or replaces a good one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportkit.errors import Location, OutputError, Problem, os_reason

PART = ".part"  # a file being written: .NAME.PID.RANDOM.part


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=PART
        )
    except OSError as exc:
        raise OutputError(
            [Problem(Location(path.parent), "", f"无法在这里写文件（{os_reason(exc)}）")]
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
                [Problem(Location(path), "", f"无法写出文件（{os_reason(exc)}）")]
            ) from None
        raise


def remove_stale_parts(folder: Path) -> list[Path]:
    """Delete the temporary files of builds that were killed before they could clean up
    (their process no longer runs); the files removed."""
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*{PART}"))
    except OSError:
        return removed
    for part in candidates:
        pid = part.name[: -len(PART)].split(".")[-2] if part.name.count(".") >= 4 else ""
        if pid.isdigit() and _running(int(pid)):
            continue
        try:
            part.unlink()
            removed.append(part)
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True
