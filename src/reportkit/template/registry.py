"""Finding templates: built-in ones by name, a user's copy by path."""

from __future__ import annotations

import functools
import pickle
from pathlib import Path
from typing import Any, NamedTuple

from reportkit import usercache
from reportkit.errors import Location, Problem, SourceError, TemplateError
from reportkit.source import yamlfile
from reportkit.source.validation import validate
from reportkit.source.yamlfile import dotted
from reportkit.template import checks
from reportkit.template.pieces import Compiled, Pieces, made_by
from reportkit.template.profile import Profile

DEFAULT = "gbt9704-bulletin"
TEMPLATE_FILE = "template.yaml"
PIECES_DIR = "pieces"
EXTENDS = "extends"


def for_kind(kind: str) -> str:
    """The built-in template of a document kind."""
    return f"gbt9704-{kind}"


class Template(NamedTuple):
    """A loaded template: its folder, the format as data, and its text pieces; ``version``
    changes whenever a file it was read from does (results made from it are kept by it)."""

    folder: Path
    profile: Profile
    pieces: Pieces
    version: str


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


def find(name_or_path: str, relative_to: Path | None = None) -> Path:
    """The folder of a template given by built-in name or by path (a relative path from
    ``relative_to`` first, when given)."""
    path = Path(name_or_path)
    if relative_to is not None and not path.is_absolute() and (relative_to / path).is_dir():
        return relative_to / path
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
    kept = usercache.cache_dir() / "templates" / f"{usercache.key(str(folder))}.marshal"
    record = usercache.load(kept)
    try:
        if record["code"] == _code() and record["sources"] == usercache.stamp(
            *map(Path, record["files"])
        ):
            profile = pickle.loads(record["profile"])
            dirs = [Path(d) for d in record["dirs"]]
            kept_pieces = record["pieces"]
            if record["pieces_from"] != _pieces_from(dirs, kept_pieces):
                kept_pieces = None  # a piece edited, added or removed: compiled again
            pieces = Pieces(dirs, profile.pieces, kept_pieces)
            return Template(folder, profile, pieces, record["version"])
    except (TypeError, KeyError, OSError, ValueError, pickle.UnpicklingError, AttributeError):
        pass  # not kept yet, kept by another version, or a file changed: read it again
    file = folder / TEMPLATE_FILE
    data, lines, files, piece_dirs = _merged(folder, ())
    problems: list[Problem] = []
    profile = validate(Profile, data, file, lines, problems, files=files)
    for finding in checks.problems(data):
        # blamed on the value the template's own file sets, when it sets one of them
        places = [(_place(at, lines, files, file), at, message) for at, message in finding]
        where, at, message = next((p for p in places if p[0].file == file), places[0])
        problems.append(Problem(where, dotted(at), message))
    if problems or profile is None:
        # one problem blamed on a value for several reasons alike is said once
        unique = dict.fromkeys(problems)
        raise TemplateError(sorted(unique, key=lambda p: _order(p, file)))
    sources = sorted({str(path) for path in files.values()} | {str(file)})
    stamps = usercache.stamp(*map(Path, sources))
    version = usercache.key(_code(), stamps)
    pieces = Pieces(piece_dirs, profile.pieces)
    usercache.store(
        kept,
        {
            "code": _code(),
            "files": sources,
            "sources": stamps,
            "dirs": [str(d) for d in piece_dirs],
            "profile": pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL),
            "version": version,
            "pieces": pieces.compiled,
            "pieces_from": _pieces_from(piece_dirs, pieces.compiled),
        },
    )
    return Template(folder, profile, pieces, version)


def _place(at: tuple[Any, ...], lines: Lines, files: Files, file: Path) -> Location:
    """Where the value at ``at`` was written (or the nearest value holding it)."""
    known = next((at[:cut] for cut in range(len(at), -1, -1) if at[:cut] in lines), None)
    return Location(files.get(known, file), lines[known]) if known is not None else Location(file)


def _order(problem: Problem, file: Path) -> tuple[bool, str, int]:
    """Problems in the order they are written: the template's own file first."""
    where = problem.location
    return (where.file != file, str(where.file), where.line or 0)


def _pieces_from(dirs: list[Path], compiled: Compiled) -> list:
    """What compiled pieces were made from: their files, the folders they were looked up in
    (a piece added to a template's own folder changes it), Jinja2 and Python."""
    existing = [d for d in dirs if d.is_dir()]
    return [
        *usercache.stamp(*existing, *(Path(f) for f, _ in compiled.values())),
        [str(d) for d in existing],
        made_by(),
    ]


@functools.cache
def _code() -> list[tuple[str, int, int]]:
    """The modules a loaded template's form depends on: a kept one is used only with them."""
    from reportkit import datamodel
    from reportkit.compose import parts
    from reportkit.template import profile, units

    modules = (datamodel, parts, profile, units, checks)
    return usercache.stamp(*(Path(m.__file__ or "") for m in modules))


Lines = dict[tuple[Any, ...], int]
Files = dict[tuple[Any, ...], Path]


def _merged(folder: Path, chain: tuple[Path, ...]) -> tuple[Any, Lines, Files, list[Path]]:
    """The template's data with what it ``extends`` underneath, merged key by key (a mapping
    merges, a list or a value replaces); where each value was written; the pieces folders."""
    file = folder / TEMPLATE_FILE
    try:
        data, lines = yamlfile.load(file)
    except SourceError as exc:  # a broken template file is the template's problem
        raise TemplateError(exc.problems) from None
    if not isinstance(data, dict):
        raise TemplateError([Problem(Location(file, 1), "", "模板内容应为“字段: 值”的形式")])
    files: Files = dict.fromkeys(lines, file)
    dirs = [folder / PIECES_DIR]
    base = data.pop(EXTENDS, None)
    if base is None:
        return data, lines, files, dirs
    where = Location(file, lines.get((EXTENDS,)))
    if not isinstance(base, str) or not base.strip():
        raise TemplateError([Problem(where, EXTENDS, "extends 应写要继承的模板名或文件夹路径")])
    try:
        base_folder = find(base, relative_to=folder)
    except TemplateError:
        known = "、".join(builtin_names())
        raise TemplateError(
            [Problem(where, EXTENDS, f"找不到要继承的模板“{base}”。内置模板有：{known}")]
        ) from None
    base_folder = base_folder.resolve()
    if base_folder == folder.resolve() or base_folder in chain:
        raise TemplateError([Problem(where, EXTENDS, f"模板继承成了环：“{base}”又继承回这里")])
    base_data, base_lines, base_files, base_dirs = _merged(base_folder, (*chain, folder.resolve()))
    # where a value replaces the base's (a list, or a value in place of a mapping), what was
    # written under the base's is no longer there: its lines are not the merged value's
    stale = _replaced(base_lines, base_data, data, lines)
    lines = {**{p: n for p, n in base_lines.items() if p not in stale}, **lines}
    files = {**{p: f for p, f in base_files.items() if p not in stale}, **files}
    return _merge(base_data, data), lines, files, dirs + base_dirs


def _replaced(base_lines: Lines, base: Any, override: Any, written: Lines) -> set[tuple[Any, ...]]:
    """The paths of ``base_lines`` under a value that ``override`` replaces (not merges)."""

    def merges(path: tuple[Any, ...]) -> bool:
        return isinstance(_at(base, path), dict) and isinstance(_at(override, path), dict)

    return {
        path
        for path in base_lines
        if any(path[:cut] in written and not merges(path[:cut]) for cut in range(1, len(path)))
    }


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        out = dict(base)
        for key, value in override.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    return override


def load(name_or_path: str = DEFAULT) -> Template:
    """Load a template by built-in name or path (cached per process)."""
    return _load_folder(find(name_or_path).resolve())
