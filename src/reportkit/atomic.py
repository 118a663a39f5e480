"""Writing outputs so that a failure never leaves a half-written file or replaces a good one,
and the files of one build are written all or none."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reportkit.errors import Location, OutputError, Problem, os_reason

PART = ".part"  # a file being written, or the copy of one being replaced: .NAME.PID.RANDOM.part


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    write_all([(path, data)], Location(path))


def write_all(files: Sequence[tuple[Path, bytes]], where: Location) -> None:
    """Write every file or none.  Each is written to a temporary file beside it first; only
    when all are written are they renamed into place, each file they replace kept aside
    until then and put back if a rename fails.  ``where`` names what could not be written."""
    written: list[tuple[Path, Path]] = []  # target, temporary
    kept: dict[Path, Path] = {}  # target, the file it replaces (a link to it)
    failed = files[0][0]
    try:
        for failed, data in files:
            written.append((failed, _temporary(failed, data)))
        for failed, _ in files:
            if failed.exists():
                kept[failed] = _keep(failed)
    except OSError as exc:
        _discard(written, kept)
        raise OutputError([Problem(where, "", _not_written(failed, exc, files))]) from None
    except BaseException:
        _discard(written, kept)
        raise
    renamed: list[Path] = []
    try:
        for path, temporary in written:
            os.replace(temporary, path)
            renamed.append(path)
    except BaseException as exc:
        for path in reversed(renamed):  # what was there before, back in place
            if path in kept:
                os.replace(kept.pop(path), path)
            else:
                path.unlink(missing_ok=True)
        _discard(written, kept)
        if isinstance(exc, OSError):
            failed = files[len(renamed)][0]
            raise OutputError([Problem(where, "", _not_written(failed, exc, files))]) from None
        raise
    _discard([], kept)


def _temporary(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=PART
        )
    except OSError as exc:
        raise OutputError(
            [Problem(Location(path.parent), "", f"无法在这里写文件（{os_reason(exc)}）")]
        ) from None
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _keep(path: Path) -> Path:
    """A second name for the file at ``path`` (a copy where links are not possible), so that
    it can be put back after ``path`` is replaced."""
    kept = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{PART}")
    try:
        os.link(path, kept)
    except OSError:
        shutil.copy2(path, kept)
    return kept


def _discard(written: list[tuple[Path, Path]], kept: dict[Path, Path]) -> None:
    for _, temporary in written:
        temporary.unlink(missing_ok=True)
    for copy in kept.values():
        copy.unlink(missing_ok=True)


def _not_written(failed: Path, exc: OSError, files: Sequence[tuple[Path, bytes]]) -> str:
    """``无法写出 dist/x.pdf（磁盘已满）；dist/x.docx 也未写出，原有文件保持不变``."""
    message = f"无法写出 {failed}（{os_reason(exc)}）"
    others = [str(path) for path, _ in files if path != failed]
    if others:
        message += f"；{'、'.join(others)} 也未写出"
    if any(path.exists() for path, _ in files):
        message += "，原有文件保持不变"
    return message


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
