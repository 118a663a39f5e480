"""Load a bulletin source (folder or YAML file) into a validated Bulletin, or say what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportkit.errors import Location, Problem, SourceError
from reportkit.source import yamlfile
from reportkit.source.model import Article, Bulletin, BulletinFile, SourceMap
from reportkit.source.normalize import normalize
from reportkit.source.validation import validate
from reportkit.source.yamlfile import dotted

BULLETIN_FILE = "bulletin.yaml"
# Values that are not running text: left exactly as typed.
NOT_TEXT = frozenset({"articles", "date", "issue", "year", "copies", "numbering", "kind", "run_on"})

Lines = dict[tuple[Any, ...], int]


def bulletin_file(source: Path) -> tuple[Path, str]:
    """The YAML file of a source and the bulletin's name (folder or file stem)."""
    if source.is_dir():
        return source / BULLETIN_FILE, source.resolve().name
    return source, source.stem


def load_bulletin(source: Path, *, normalise: bool = True) -> tuple[Bulletin, list[Problem]]:
    """The validated bulletin and the warnings (fixes) made while reading it.

    Raises SourceError listing every problem found, in every file, at once.
    """
    file, name = bulletin_file(source)
    if source.is_dir() and not file.exists():
        raise SourceError([Problem(Location(source), "", f"文件夹里没有 {BULLETIN_FILE}")])
    data, lines = yamlfile.load(file)
    origin = SourceMap()
    origin.add((), file, lines)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if normalise:
        data = _normalised(data, (), file, lines, warnings)
    if not isinstance(data, dict):
        raise SourceError(
            [Problem(Location(file, 1), "", "内容应为“字段: 值”的形式（masthead、articles 等）")]
        )
    header = validate(BulletinFile, data, file, lines, problems)
    files = [file]
    articles: list[Article] = []
    raw = data.get("articles")
    seen: dict[Path, int] = {}
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        at = ("articles", index)
        here = Location(file, lines.get(at))
        article: Article | None = None
        if isinstance(item, str):
            path = file.parent / item
            key = path.resolve()
            if key in seen:
                problems.append(
                    Problem(
                        here, dotted(at), f"文章“{item}”在第 {seen[key] + 1} 项已经列过，不能重复"
                    )
                )
                continue
            seen[key] = index
            if not path.is_file():
                problems.append(Problem(here, dotted(at), f"找不到文章文件“{item}”（{path}）"))
                continue
            try:
                article_data, article_lines = yamlfile.load(path)
            except SourceError as exc:
                problems.extend(exc.problems)
                continue
            origin.add(at, path, article_lines)
            files.append(path)
            if normalise:
                article_data = _normalised(article_data, (), path, article_lines, warnings)
            article = validate(Article, article_data, path, article_lines, problems)
        elif isinstance(item, dict):
            article = validate(Article, item, file, lines, problems, prefix=at)
        else:
            problems.append(
                Problem(
                    here,
                    dotted(at),
                    "每篇文章应写成文章文件的路径，或直接写出 title、authors 等内容",
                )
            )
        if article is not None:
            articles.append(article)
    if problems:
        raise SourceError(problems)
    assert header is not None
    bulletin = Bulletin(
        name=name,
        masthead=header.masthead,
        articles=tuple(articles),
        end_matter=header.end_matter,
        origin=origin,
        files=tuple(files),
    )
    return bulletin, warnings


def _normalised(
    value: Any, at: tuple[Any, ...], file: Path, lines: Lines, out: list[Problem]
) -> Any:
    if isinstance(value, dict):
        return {k: _normalised(v, (*at, k), file, lines, out) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalised(v, (*at, i), file, lines, out) for i, v in enumerate(value)]
    if isinstance(value, str):
        owner = next((part for part in reversed(at) if isinstance(part, str)), "")
        if owner in NOT_TEXT:
            return value
        text, fixes = normalize(value)
        for fix in fixes:
            out.append(
                Problem(Location(file, lines.get(at)), dotted(at), fix.message, warning=True)
            )
        return text
    return value
