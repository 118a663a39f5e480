"""Files named in a source or a template stay inside the folders they belong to."""

from __future__ import annotations

import os
import sys
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


def font_folders() -> list[Path]:
    """The usual font folders of this system (the machine's and the user's)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData/Local"))
        return [windir / "Fonts", local / "Microsoft/Windows/Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
    ]
