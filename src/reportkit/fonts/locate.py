"""Where a font family lives: fontconfig on Linux, the usual font folders on Windows and macOS."""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from reportkit.confine import font_folders
from reportkit.usercache import cache_dir, load, store

FONT_SUFFIXES = {".ttf", ".ttc", ".otf", ".otc"}


@dataclass(frozen=True)
class Face:
    """One face in a font file: the file, its index in a collection, and its family name."""

    file: Path
    index: int
    family: str
    style: str


def parse_spec(spec: str) -> tuple[str, str | None]:
    """``"Noto Serif CJK SC:Bold"`` → family and style (None: the regular face)."""
    family, _, style = spec.partition(":")
    return family.strip(), style.strip() or None


def find(spec: str) -> Face | None:
    """The face a template names (``Family`` or ``Family:Style``), or None if not installed."""
    family, style = parse_spec(spec)
    candidates = _by_family().get(family.casefold(), [])
    if not candidates:
        return None
    wanted = (style or "regular").casefold()
    for face in candidates:
        if face.style.casefold() == wanted:
            return face
    if style is None:
        plain = [
            f
            for f in candidates
            if f.style.casefold() in ("regular", "book", "normal", "light", "medium")
        ]
        return (plain or candidates)[0]
    return None


def _names(face: Face) -> set[str]:
    return {n.strip().casefold() for n in face.family.split(",")}


@functools.cache
def _by_family() -> dict[str, list[Face]]:
    """The installed faces by each of their family names (casefolded), in fontconfig's order."""
    index: dict[str, list[Face]] = {}
    for face in _installed():
        for name in _names(face):
            index.setdefault(name, []).append(face)
    return index


@functools.cache
def _installed() -> tuple[Face, ...]:
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        return _fontconfig()
    return _scan(font_folders())


def _fontconfig() -> tuple[Face, ...]:
    """Every face fontconfig knows, remembered until fontconfig's own caches change."""
    stamp = _fontconfig_stamp()
    remembered = cache_dir() / "fontconfig-faces.marshal"
    saved = load(remembered)
    if isinstance(saved, dict) and saved.get("stamp") == stamp and _rows(saved.get("faces")):
        return tuple(Face(Path(f), i, fam, st) for f, i, fam, st in saved["faces"])
    faces = _fc_list()
    rows = [(str(f.file), f.index, f.family, f.style) for f in faces]
    store(remembered, {"stamp": stamp, "faces": rows})
    return faces


def _rows(faces: object) -> bool:
    """Whether kept faces are what :func:`_fc_list` gives: font files, numbers and names
    (anything else in the cache is listed again, never opened)."""
    return isinstance(faces, list) and all(
        isinstance(row, tuple | list)
        and len(row) == 4
        and isinstance(row[0], str)
        and Path(row[0]).suffix.lower() in FONT_SUFFIXES
        and isinstance(row[1], int)
        and isinstance(row[2], str)
        and isinstance(row[3], str)
        for row in faces
    )


def _fontconfig_stamp() -> list[list]:
    """The state of fontconfig's caches: installing or removing a font changes it."""
    folders = [
        Path("/var/cache/fontconfig"),
        Path.home() / ".cache/fontconfig",
        Path.home() / ".fontconfig",
    ]
    if os.environ.get("FONTCONFIG_FILE"):
        folders.append(Path(os.environ["FONTCONFIG_FILE"]))
    stamp = []
    for folder in folders:
        try:
            entries = (
                sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir())
                if folder.is_dir()
                else []
            )
            stamp.append([str(folder), folder.stat().st_mtime_ns, entries])
        except OSError:
            stamp.append([str(folder), None, []])
    return stamp


def _fc_list() -> tuple[Face, ...]:
    import subprocess  # only when fontconfig's fonts have changed since they were listed

    out = subprocess.run(
        ["fc-list", "--format", "%{file}\t%{index}\t%{family}\t%{style[0]}\n"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    faces = []
    for line in sorted(set(out.splitlines())):
        parts = line.split("\t")
        if len(parts) == 4 and Path(parts[0]).suffix.lower() in FONT_SUFFIXES:
            faces.append(Face(Path(parts[0]), int(parts[1] or 0), parts[2], parts[3]))
    return tuple(faces)


def _scan(folders: list[Path]) -> tuple[Face, ...]:
    """Faces in ``folders``, reading each file's name table once (remembered in the cache)."""
    index_file = cache_dir() / "font-index.json"
    try:
        known = json.loads(index_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    fresh: dict[str, list[list]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in FONT_SUFFIXES or not path.is_file():
                continue
            stat = path.stat()
            key = f"{path}|{stat.st_size}|{int(stat.st_mtime)}"
            fresh[key] = known.get(key) or _read_names(path)
    if fresh != known:
        try:
            index_file.parent.mkdir(parents=True, exist_ok=True)
            index_file.write_text(json.dumps(fresh, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a read-only cache only costs time
    return tuple(
        Face(Path(key.split("|")[0]), index, family, style)
        for key, entries in fresh.items()
        for index, family, style in entries
    )


def scan_folder(folder: Path) -> tuple[Face, ...]:
    """Faces found in one folder (for a user's own font folder)."""
    return _scan([folder])


def faces_in(path: Path) -> tuple[Face, ...]:
    """The faces of one font file."""
    return tuple(Face(path, index, family, style) for index, family, style in _read_names(path))


def _read_names(path: Path) -> list[list]:
    """[index, "Family,其他名称", style] for each face of a font file."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            holder = TTCollection(str(path), lazy=True)
            fonts = list(holder.fonts)
        else:
            holder = TTFont(str(path), lazy=True)
            fonts = [holder]
    except (TTLibError, OSError, AssertionError):
        return []
    entries = []
    with holder:
        for index, font in enumerate(fonts):
            names = font["name"]
            families = sorted({str(r.toUnicode()) for r in names.names if r.nameID in (1, 16)})
            style = names.getDebugName(17) or names.getDebugName(2) or "Regular"
            entries.append([index, ",".join(families), style])
    return entries
