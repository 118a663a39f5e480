"""Finding templates: built-in ones by name, a user's copy by path."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportkit.errors import Location, Problem, SourceError, TemplateError
from reportkit.source import yamlfile
from reportkit.source.validation import validate
from reportkit.template.pieces import Pieces
from reportkit.template.profile import Profile

DEFAULT = "gbt9704-bulletin"
TEMPLATE_FILE = "template.yaml"
PIECES_DIR = "pieces"


@dataclass(frozen=True)
class Template:
    """A loaded template: its folder, the format as data, and its text pieces."""

    folder: Path
    profile: Profile
    pieces: Pieces


def builtin_root() -> Path:
    """Folder of the built-in templates: inside the installed package, or the source tree's."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def builtin_names() -> list[str]:
    """Names of the built-in templates."""
    root = builtin_root()
    return sorted(p.name for p in root.iterdir() if (p / TEMPLATE_FILE).is_file())


def find(name_or_path: str) -> Path:
    """The folder of a template given by built-in name or by path."""
    path = Path(name_or_path)
    if path.is_dir():
        return path
    if path.name == TEMPLATE_FILE and path.is_file():
        return path.parent
    builtin = builtin_root() / name_or_path
    if "/" not in name_or_path and (builtin / TEMPLATE_FILE).is_file():
        return builtin
    known = "、".join(builtin_names())
    raise TemplateError(
        [Problem(Location(path), "template", f"找不到模板“{name_or_path}”。内置模板有：{known}")]
    )


@functools.cache
def _load_folder(folder: Path) -> Template:
    file = folder / TEMPLATE_FILE
    try:
        data, lines = yamlfile.load(file)
    except SourceError as exc:  # a broken template file is the template's problem
        raise TemplateError(exc.problems) from None
    problems: list[Problem] = []
    profile = validate(Profile, data, file, lines, problems)
    if profile is None:
        raise TemplateError(problems)
    return Template(folder, profile, Pieces(folder / PIECES_DIR, profile.pieces))


def load(name_or_path: str = DEFAULT) -> Template:
    """Load a template by built-in name or path (cached per process)."""
    return _load_folder(find(name_or_path).resolve())
