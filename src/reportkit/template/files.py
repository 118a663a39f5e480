"""The files a template names — its text pieces and font files — inside the folders it may use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportkit.confine import font_folders, within
from reportkit.errors import Location, Problem, dotted
from reportkit.template.profile import Profile

Locate = Callable[[tuple[Any, ...]], Location]  # where a field was written
PIECE_OUTSIDE = "在模板文件夹之外，不能使用：请把它放进模板的 pieces/ 文件夹后再写文件名"


def problems(
    profile: Profile,
    piece_dirs: list[Path],
    folder: Path,
    roots: tuple[Path, ...],
    locate: Locate,
) -> list[Problem]:
    """Pieces outside ``roots`` (the template's folder and the built-in templates), and font
    files outside them and the machine's font folders; ``folder``: the template's own."""
    return [*_pieces(profile, piece_dirs, roots, locate), *_fonts(profile, folder, roots, locate)]


def _pieces(
    profile: Profile, piece_dirs: list[Path], roots: tuple[Path, ...], locate: Locate
) -> list[Problem]:
    found = []
    for key, name in profile.pieces.items():
        at = ("pieces", key)
        named = Path(name)
        if named.is_absolute() or ".." in named.parts:
            found.append(Problem(locate(at), dotted(at), f"文字片段文件“{name}”{PIECE_OUTSIDE}"))
            continue
        # the file the pieces' loader reads: the first folder that has it (a missing one is
        # named when it is read); a link leading out is named where it lies
        file = next((d / name for d in piece_dirs if (d / name).is_file()), None)
        if file is not None and not within(file, roots):
            message = f"文字片段文件“{name}”链接到模板文件夹之外，不能使用：请换成文件本身"
            found.append(Problem(Location(file), dotted(at), message))
    return found


def _fonts(
    profile: Profile, folder: Path, roots: tuple[Path, ...], locate: Locate
) -> list[Problem]:
    named = [
        (("fonts", role, "files", script), value)
        for role, spec in profile.fonts.items()
        for script, value in spec.files.items()
    ]
    if not named:
        return []
    allowed = [*roots, *font_folders()]
    found = []
    for at, value in named:
        path = folder / value  # an absolute path stays as written
        path = path.with_name(path.name.partition("#")[0] or path.name)  # a face.ttc#1
        if not within(path, allowed):
            message = (
                f"字体文件“{value}”在模板文件夹和本机字体文件夹之外，不能使用："
                "请把它放进模板文件夹后再写路径"
            )
            found.append(Problem(locate(at), dotted(at), message))
    return found
