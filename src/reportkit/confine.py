"""Files named in a source or a template stay inside the folders they belong to."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def within(path: Path, roots: Iterable[Path]) -> bool:
    """Whether ``path`` lies inside one of ``roots``, every symbolic link on the way (in the
    path and in the roots) followed: ``..`` or a link that leads out is outside."""
    try:
        real = path.resolve()
        return any(real.is_relative_to(root.resolve()) for root in roots)
    except (OSError, ValueError, RuntimeError):  # a name the system refuses, a link loop
        return False
