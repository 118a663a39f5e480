"""The files a template names — its text pieces and font files — inside the folders it may use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportkit.confine import within
from reportkit.template.profile import Profile

Found = list[tuple[tuple[Any, ...], str]]  # (field path, message)


def problems(
    profile: Profile, piece_dirs: list[Path], folder: Path, roots: tuple[Path, ...]
) -> Found:
    """Pieces outside ``roots`` (the template's folder and the built-in templates), and font
    files outside them and the machine's font folders; ``folder``: the template's own."""
    return [*_pieces(profile, piece_dirs, roots), *_fonts(profile, folder, roots)]


def _pieces(profile: Profile, piece_dirs: list[Path], roots: tuple[Path, ...]) -> Found:
    found: Found = []
    for key, name in profile.pieces.items():
        named = Path(name)
        if named.is_absolute() or ".." in named.parts:
            inside = False
        else:  # the file the pieces' loader will read: the first folder that has it
            file = next((d / name for d in piece_dirs if (d / name).is_file()), None)
            inside = file is None or within(file, roots)  # a missing one is named when read
        if not inside:
            found.append(
                (
                    ("pieces", key),
                    f"文字片段文件“{name}”在模板文件夹之外，不能使用："
                    "请把它放进模板的 pieces/ 文件夹后再写文件名",
                )
            )
    return found


def _fonts(profile: Profile, folder: Path, roots: tuple[Path, ...]) -> Found:
    named = [
        (role, script, value)
        for role, spec in profile.fonts.items()
        for script, value in spec.files.items()
    ]
    if not named:
        return []
    from reportkit.fonts.locate import font_folders

    allowed = [*roots, *font_folders()]
    found: Found = []
    for role, script, value in named:
        path = folder / value  # an absolute path stays as written
        path = path.with_name(path.name.partition("#")[0] or path.name)  # face.ttc#1
        if not within(path, allowed):
            found.append(
                (
                    ("fonts", role, "files", script),
                    f"字体文件“{value}”在模板文件夹和本机字体文件夹之外，不能使用："
                    "请把它放进模板文件夹后再写路径",
                )
            )
    return found
