"""Each role's fonts on this machine, and which font sets each character (per-character fallback)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reportkit.errors import Location, Problem, ReportkitError
from reportkit.fonts.locate import Face, faces_in, find
from reportkit.fonts.prepare import Prepared, prepare
from reportkit.template.profile import FontRole, Profile

if TYPE_CHECKING:
    from reportkit.template.registry import Template


class FontError(ReportkitError):
    """A font the document needs is missing, lacks a character, or may not be embedded."""

    category = "字体问题"


@dataclass
class Chain:
    """The faces of one role and script, most wanted first, as found on this machine.

    Faces are prepared when first needed: the wide fallbacks only when a rare character asks.
    """

    wanted: list[str]
    faces: list[Face] = field(default_factory=list)
    _ready: dict[Face, Prepared] = field(default_factory=dict)

    def prepared(self, face: Face) -> Prepared:
        """``face`` made ready, refused if its licence forbids embedding."""
        if face not in self._ready:
            ready = prepare(face)
            if not ready.embeddable:
                name = face.family.split(",")[0]
                raise FontError(
                    [
                        Problem(
                            Location(face.file),
                            name,
                            f"字体“{name}”的授权不允许嵌入 PDF（OS/2 fsType = 0x{ready.fs_type:04X}），"
                            "不能用于存档文件，请换用其他字体",
                        )
                    ]
                )
            self._ready[face] = ready
        return self._ready[face]

    def first_with(self, code: int) -> Prepared | None:
        """The first face that has ``code`` (faces further down are prepared only if needed)."""
        for face in self.faces:
            ready = self._ready.get(face) or self.prepared(face)
            if code in ready.cmap:
                return ready
        return None


@dataclass
class RoleFonts:
    """A role's Chinese and Latin chains."""

    east_asian: Chain
    latin: Chain


class FontSet:
    """The fonts of a template, resolved once per process."""

    def __init__(
        self,
        profile: Profile,
        overrides: Mapping[str, Path] | None = None,
        template_dir: Path | None = None,
    ):
        self.roles: dict[str, RoleFonts] = {}
        self._chosen: dict[tuple[str, str], Prepared | None] = {}
        for role, spec in profile.fonts.items():
            self.roles[role] = RoleFonts(
                _chain(
                    spec.east_asian, _override(role, spec, "east_asian", overrides, template_dir)
                ),
                _chain(spec.latin, _override(role, spec, "latin", overrides, template_dir)),
            )

    def missing_roles(self) -> list[str]:
        """Roles with no face installed for Chinese or Latin text."""
        return [r for r, f in self.roles.items() if not f.east_asian.faces or not f.latin.faces]

    def face(self, role: str, char: str) -> Prepared | None:
        """The face that sets ``char`` in ``role``: Latin letters and digits in the Latin chain."""
        key = (role, char)
        if key not in self._chosen:
            self._chosen[key] = self._choose(role, char)
        return self._chosen[key]

    def _choose(self, role: str, char: str) -> Prepared | None:
        fonts = self.roles[role]
        code = ord(char)
        chains = (
            (fonts.latin, fonts.east_asian) if char.isascii() else (fonts.east_asian, fonts.latin)
        )
        for chain in chains:
            found = chain.first_with(code)
            if found is not None:
                return found
        return None

    def require(self) -> None:
        """Stop unless every role has a face for Chinese and for Latin text."""
        problems = []
        for role in self.missing_roles():
            fonts = self.roles[role]
            wanted = fonts.east_asian.wanted if not fonts.east_asian.faces else fonts.latin.wanted
            problems.append(
                Problem(
                    Location(Path("fonts")),
                    role,
                    f"本机没有 {'、'.join(wanted)} 中的任何一种字体。请安装其中一种（Linux 上运行 "
                    f"scripts/install-system.sh），或用 --font {role}=字体文件 指定",
                )
            )
        if problems:
            raise FontError(problems)


_FONTS: dict[tuple[Path, str, tuple[tuple[str, Path], ...]], FontSet] = {}


def fonts_for(template: Template, overrides: Mapping[str, Path] | None = None) -> FontSet:
    """The template's fonts, resolved once per process for each version of the template (a
    batch worker reuses them; a template edited since is resolved again); FontError when a
    role has none on this machine."""
    key = (template.folder, template.version, tuple(sorted((overrides or {}).items())))
    if key not in _FONTS:
        fonts = FontSet(template.profile, overrides, template_dir=template.folder)
        fonts.require()
        _FONTS[key] = fonts
    return _FONTS[key]


def _chain(names: list[str], first: Face | None) -> Chain:
    faces = [first] if first else []
    faces += [face for name in names if (face := find(name)) is not None]
    return Chain(list(names), list(dict.fromkeys(faces)))


def _override(
    role: str,
    spec: FontRole,
    script: Literal["east_asian", "latin"],
    overrides: Mapping[str, Path] | None,
    template_dir: Path | None,
) -> Face | None:
    """A font file the user named for ``role`` (CLI ``--font role=file`` or the template's ``files``)."""
    key = role if script == "east_asian" else f"{role}.latin"
    path = (overrides or {}).get(key)
    if path is None and spec.files and spec.files.get(script):
        path = Path(spec.files[script])
        if template_dir is not None and not path.is_absolute():
            path = template_dir / path
    if path is None:
        return None
    index = 0
    if "#" in path.name:
        name, _, number = path.name.partition("#")
        if not (number or "0").isdecimal():
            message = f"“#”后应写字体在字体集里的序号（0、1 …），而不是“{number}”"
            raise FontError([Problem(Location(path), key, message)])
        path, index = path.with_name(name), int(number or 0)
    if not path.is_file():
        raise FontError([Problem(Location(path), key, "找不到这个字体文件")])
    faces = [f for f in faces_in(path) if f.index == index]
    if not faces:
        raise FontError([Problem(Location(path), key, "无法读取这个字体文件")])
    return faces[0]
