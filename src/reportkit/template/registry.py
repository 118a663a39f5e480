"""Finding templates: built-in ones by name, a user's copy by path."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, NamedTuple

from reportkit import usercache
from reportkit.confine import within
from reportkit.errors import Location, Problem, SourceError, TemplateError, dotted
from reportkit.source import yamlfile
from reportkit.source.validation import validate
from reportkit.template import checks
from reportkit.template import files as named_files
from reportkit.template.pieces import Pieces
from reportkit.template.profile import Profile

DEFAULT = "gbt9704-bulletin"
TEMPLATE_FILE = "template.yaml"
PIECES_DIR = "pieces"
EXTENDS = "extends"
Lines = dict[tuple[Any, ...], int]
Files = dict[tuple[Any, ...], Path]


def for_kind(kind: str) -> str:
    """The built-in template of a document kind."""
    return f"gbt9704-{kind}"


class Template(NamedTuple):
    """A loaded template: its folder, the format as data, and its text pieces; ``version``
    changes whenever a file it was read from does (results made from it are kept by it);
    ``read``: path, size and modification time of each file it was read from, pieces too."""

    folder: Path
    profile: Profile
    pieces: Pieces
    version: str
    read: tuple[tuple[str, int, int], ...] = ()


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
    file = folder / TEMPLATE_FILE
    roots = (folder, builtin_root())
    kept = usercache.cache_dir() / "templates" / f"{usercache.key(str(folder))}.marshal"
    read = _kept(usercache.load(kept), roots)
    if read is None:
        data, lines, files, piece_dirs = _merged(folder, (), roots)
        stamps = _keep(kept, data, lines, files, piece_dirs)
    else:
        data, lines, files, piece_dirs, stamps = read
    problems: list[Problem] = []
    profile = validate(Profile, data, file, lines, problems, files=files)
    for finding in checks.problems(data, profile):
        # blamed on the value the template's own file sets, when it sets one of them
        places = [(_place(at, lines, files, file), at, message) for at, message in finding]
        where, at, message = next((p for p in places if p[0].file == file), places[0])
        problems.append(Problem(where, dotted(at), message))
    if profile is not None:

        def locate(at: tuple[Any, ...]) -> Location:
            return _place(at, lines, files, file)

        problems += named_files.problems(profile, piece_dirs, folder, roots, locate)
    if problems or profile is None:
        # one problem blamed on a value for several reasons alike is said once
        unique = dict.fromkeys(problems)
        raise TemplateError(sorted(unique, key=lambda p: _order(p, file)))
    version = usercache.key(_code(), stamps)
    stamped = [*stamps, *usercache.stamp(*_piece_files(piece_dirs))]
    return Template(
        folder, profile, Pieces(piece_dirs, profile.pieces), version, tuple(map(tuple, stamped))
    )


def _piece_files(dirs: list[Path]) -> list[Path]:
    """The files in the pieces folders (a folder that is not there has none)."""
    return sorted(p for d in dirs if d.is_dir() for p in d.iterdir() if p.is_file())


def _unchanged(read: tuple[tuple[str, int, int], ...]) -> bool:
    """Whether every file a template was read from is as it was then."""
    try:
        return tuple(map(tuple, usercache.stamp(*(Path(s[0]) for s in read)))) == read
    except OSError:  # a file gone: read again, which says what is wrong
        return False


def _place(at: tuple[Any, ...], lines: Lines, files: Files, file: Path) -> Location:
    """Where the value at ``at`` was written (or the nearest value holding it)."""
    known = next((at[:cut] for cut in range(len(at), -1, -1) if at[:cut] in lines), None)
    return Location(files.get(known, file), lines[known]) if known is not None else Location(file)


def _order(problem: Problem, file: Path) -> tuple[bool, str, int]:
    """Problems in the order they are written: the template's own file first."""
    where = problem.location
    return (where.file != file, str(where.file), where.line or 0)


def _keep(kept: Path, data: Any, lines: Lines, files: Files, piece_dirs: list[Path]) -> Any:
    """Keep the template as read — plain data — and return the stamps of its files."""
    sources = sorted({str(path) for path in files.values()})
    stamps = usercache.stamp(*map(Path, sources))
    record = {
        "code": _code(),
        "files": sources,
        "sources": stamps,
        "data": data,
        "lines": lines,
        "where": {at: str(path) for at, path in files.items()},
        "dirs": [str(d) for d in piece_dirs],
    }
    usercache.store(kept, record)
    return stamps


def _kept(record: Any, roots: tuple[Path, ...]) -> tuple[Any, Lines, Files, list[Path], Any] | None:
    """The merged data a kept record holds, when it is plain data read from files that have
    not changed since, all inside ``roots``; None: read the files again.  The data is
    validated again as if it had just been read: a record is never trusted further."""
    try:
        if record["code"] != _code():
            return None
        named = {str(f): Path(f) for f in record["files"]}
        sources = list(named.values())
        # each value's file: one of the template's files, named by the same path object
        where = {tuple(at): named[f] for at, f in record["where"].items()}
        dirs = [Path(d) for d in record["dirs"]]
        if not all(within(path, roots) for path in [*sources, *dirs]):
            return None
        stamps = usercache.stamp(*sources)
        if record["sources"] != stamps:
            return None
        data, lines = record["data"], dict(record["lines"])
        if not _as_read(data) or not all(isinstance(n, int) for n in lines.values()):
            return None
        return data, lines, where, dirs, stamps
    except (TypeError, KeyError, OSError, ValueError, AttributeError):
        return None  # not kept yet, kept by another version, or a file gone: read again


def _as_read(data: Any) -> bool:
    """Whether ``data`` is what a YAML file gives: a mapping of text, lists and mappings no
    deeper and no larger than a file may hold."""
    if not isinstance(data, dict):
        return False
    stack, count = [(data, 0)], 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if depth > yamlfile.MAX_DEPTH or count > yamlfile.MAX_NODES:
            return False
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                return False
            stack += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, list):
            stack += [(v, depth + 1) for v in value]
        elif value is not None and not isinstance(value, str):
            return False
    return True


@functools.cache
def _code() -> list[tuple[str, int, int]]:
    """The modules a loaded template's form depends on: a kept one is used only with them."""
    from reportkit.template import parts, profile, units

    modules = (parts, profile, units, checks)
    return usercache.stamp(*(Path(m.__file__ or "") for m in modules))


def _merged(
    folder: Path, chain: tuple[Path, ...], roots: tuple[Path, ...]
) -> tuple[Any, Lines, Files, list[Path]]:
    """The template's data with what it ``extends`` underneath, merged key by key (a mapping
    merges, a list or a value replaces); where each value was written; the pieces folders.
    What it extends lies inside ``roots``."""
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
    base_folder = _base_folder(base, folder, roots, where)
    if base_folder == folder.resolve() or base_folder in chain:
        raise TemplateError([Problem(where, EXTENDS, f"模板继承成了环：“{base}”又继承回这里")])
    base_data, base_lines, base_files, base_dirs = _merged(
        base_folder, (*chain, folder.resolve()), roots
    )
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


def _base_folder(base: str, folder: Path, roots: tuple[Path, ...], where: Location) -> Path:
    """The folder of the template ``base`` names: a folder inside ``roots`` (a path is read
    from ``folder``), or a built-in template by name."""
    named = folder / base  # an absolute path stays as written
    if named.name == TEMPLATE_FILE:
        named = named.parent
    as_path = Path(base).is_absolute() or len(Path(base).parts) > 1 or base in (".", "..")
    if (as_path or os.path.lexists(named)) and not within(named, roots):
        raise TemplateError(
            [
                Problem(
                    where,
                    EXTENDS,
                    f"要继承的模板“{base}”在模板文件夹之外，不能使用："
                    "请写内置模板名，或把它放进本模板的文件夹后再写路径",
                )
            ]
        )
    if named.is_dir():
        return named.resolve()
    builtin = builtin_root() / base
    if not as_path and (builtin / TEMPLATE_FILE).is_file():
        return builtin.resolve()
    known = "、".join(builtin_names())
    raise TemplateError(
        [Problem(where, EXTENDS, f"找不到要继承的模板“{base}”。内置模板有：{known}")]
    )


def _merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        out = dict(base)
        for key, value in override.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    return override


def load(name_or_path: str = DEFAULT) -> Template:
    """Load a template by built-in name or path: read once per process, and read again when a
    file it was read from has changed since (a template edited while a server runs)."""
    folder = find(name_or_path).resolve()
    template = _load_folder(folder)
    if not _unchanged(template.read):
        _load_folder.cache_clear()
        template = _load_folder(folder)
    return template
