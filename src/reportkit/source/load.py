"""Load a bulletin source (folder or YAML file) into a validated Bulletin, or say what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportkit.confine import within
from reportkit.errors import Location, Problem, SourceError, dotted, os_reason
from reportkit.source import images, yamlfile
from reportkit.source.clean import clean, has_unusable
from reportkit.source.kinds import KINDS, Source, known_kind
from reportkit.source.model import Article, BulletinContent, BulletinFile, SourceMap
from reportkit.source.normalize import normalize
from reportkit.source.validation import validate

BULLETIN_FILE = "bulletin.yaml"
ARTICLES_DIR = "articles"
YAML_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
# Values that are not running text: left exactly as typed.
NOT_TEXT = frozenset(
    {
        "articles",
        "date",
        "issue",
        "year",
        "copies",
        "numbering",
        "kind",
        "run_on",
        "heading_numbering",
        "serial",
        "seal",
        "copy_number",
    }
)

Lines = dict[tuple[Any, ...], int]
NOT_AN_ARTICLE = "不是文章文件："
ARTICLE_YAML = "应为含 title、authors 等字段的 YAML"
KNOWN_FILES = "应为 YAML 文章（.yaml、.yml）或稿件（.txt、.md、.markdown、.docx）"


SOURCE_FILES = (*(kind.file for kind in KINDS.values()), "document.yaml")


def bulletin_file(source: Path) -> tuple[Path, str]:
    """The YAML file of a source and its name (folder or file stem)."""
    if source.is_dir():
        found = next((source / n for n in SOURCE_FILES if (source / n).is_file()), None)
        return found or source / BULLETIN_FILE, source.resolve().name
    return source, source.stem


def source_kind(source: Path, default: str = "bulletin") -> str:
    """The kind a source says it is (``kind:``, or its file's name), without validating it."""
    file, _ = bulletin_file(source)
    try:
        data, lines = yamlfile.load(file)
    except SourceError:
        return default  # the full load reports the problem
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind is None and file.stem in KINDS:
        kind = file.stem
    if kind is not None:
        try:
            known_kind(kind)
        except ValueError as exc:
            where = Location(file, lines.get(("kind",)))
            raise SourceError([Problem(where, "kind", str(exc))]) from None
    return kind or default


def load_bulletin(source: Path, *, normalise: bool = True) -> tuple[BulletinContent, list[Problem]]:
    """A bulletin's validated content and the warnings (fixes) made while reading it."""
    loaded, warnings = load_source(source, normalise=normalise)
    assert isinstance(loaded.content, BulletinContent)
    return loaded.content, warnings


def load_source(
    source: Path, *, normalise: bool = True, kind: str = "bulletin"
) -> tuple[Source, list[Problem]]:
    """The validated source (of ``kind``: bulletin, report or minutes) and the warnings
    (fixes) made while reading it.

    Raises SourceError listing every problem found, in every file, at once.
    """
    file, name = bulletin_file(source)
    if source.is_dir() and not file.exists():
        listed = "、".join(kind.file for kind in KINDS.values())
        raise SourceError([Problem(Location(source), "", f"文件夹里没有 {listed} 中的任何一个")])
    data, lines = yamlfile.load(file)
    origin = SourceMap()
    origin.add((), file, lines)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    model = KINDS[kind].model
    if isinstance(data, dict) and not any(key in model.model_fields for key in data):
        # any YAML file named by mistake: its own keys and values are not repeated
        expected = f"{KINDS[kind].title}文件：应为含 {KINDS[kind].shown_by} 等字段的 YAML"
        raise SourceError([Problem(Location(file), "", f"“{file.name}”不是{expected}")])
    data = normalised(data, (), file, lines, warnings, normalise)
    if not isinstance(data, dict):
        raise SourceError(
            [Problem(Location(file, 1), "", "内容应为“字段: 值”的形式（masthead、articles 等）")]
        )
    root = source if source.is_dir() else file.parent
    if kind != "bulletin":
        from reportkit.source.gongwen import MinutesFile, ReportFile  # imported by KINDS

        kind_content = validate(model, data, file, lines, problems)
        if kind_content is not None:
            problems += images.check(kind_content, file.parent, root, file, lines)
        if problems:
            raise SourceError(problems)
        assert isinstance(kind_content, ReportFile | MinutesFile)
        return Source(kind, name, kind_content, origin, (file,)), warnings
    header = validate(BulletinFile, data, file, lines, problems)
    files = [file]
    articles: list[Article] = []
    raw = data.get("articles")
    refs = raw if isinstance(raw, list) else []
    outside = raw is None and not within(file.parent / ARTICLES_DIR, [root])
    if outside:  # a link leading out: not looked into
        problems.append(
            Problem(
                Location(file.parent / ARTICLES_DIR),
                "articles",
                f"文件夹“{ARTICLES_DIR}/”在材料文件夹之外（链接到别处），不能使用："
                "请把文章放进材料文件夹",
            )
        )
    elif raw is None:
        refs = discovered(file.parent)
    seen: dict[Path, int] = {}

    def add(
        article_data: Any,
        path: Path,
        article_lines: Lines,
        written: tuple[Any, ...] = (),
        taken: list[Path] | None = None,
    ) -> None:
        """Validate one article; ``written``: its place in bulletin.yaml when inline;
        ``taken``: the pictures taken out of the Word draft it was read from."""
        at = ("articles", len(articles))
        origin.add(at, path, article_lines)
        if written:
            article = validate(Article, article_data, path, lines, problems, prefix=written)
        else:
            article = validate(Article, article_data, path, article_lines, problems)
        if article is not None:
            named = lines if written else article_lines
            problems.extend(
                images.check(article, path.parent, root, path, named, written, taken or ())
            )
            articles.append(article)

    for index, item in enumerate(refs):
        at = ("articles", index)
        here = (
            Location(file, lines.get(at))
            if isinstance(raw, list)
            else Location(file.parent / ARTICLES_DIR)
        )
        if isinstance(item, dict):
            inline = {key[2:]: line for key, line in lines.items() if key[:2] == at}
            add(item, file, inline, written=at)
            continue
        if not isinstance(item, str):
            problems.append(
                Problem(
                    here,
                    dotted(at),
                    "每篇文章应写成文章文件的路径，或直接写出 title、authors 等内容",
                )
            )
            continue
        path = file.parent / item
        unusable = _unusable_path(item, path) or _outside(item, path, root)
        if unusable:
            problems.append(Problem(here, dotted(at), unusable))
            continue
        key = path.resolve()
        if key in seen:
            problems.append(
                Problem(here, dotted(at), f"文章“{item}”在第 {seen[key] + 1} 项已经列过，不能重复")
            )
            continue
        seen[key] = index
        if not path.is_file():
            message = f"找不到文章文件“{item}”（{path}）"
            near = [path.with_name(path.name + ext) for ext in (*YAML_SUFFIXES, *DRAFT_SUFFIXES)]
            found = next((n for n in near if n.is_file()), None)
            if found is not None:  # the extension left off
                message += f"，是否应为“{item}{found.suffix}”？"
            problems.append(Problem(here, dotted(at), message))
            continue
        if path.suffix.lower() not in (*YAML_SUFFIXES, *DRAFT_SUFFIXES):
            problems.append(Problem(here, dotted(at), f"“{item}”{NOT_AN_ARTICLE}{KNOWN_FILES}"))
            continue
        files.append(path)
        try:
            if path.suffix.lower() in DRAFT_SUFFIXES:
                # drafts are read only when there are some: their parser is costly to import
                from reportkit.source.drafts import figures
                from reportkit.source.drafts.load import load_draft

                draft = load_draft(path, normalise=normalise)
                taken: list[Path] = []
                figures.resolve(draft.articles, figures.keeping(taken), base=path.parent)
                warnings.extend(draft.notes)
                if not draft.articles:
                    problems.append(
                        Problem(Location(path), "", "稿件里没有找到文章（标题、署名、正文）")
                    )
                for article_data, article_lines in zip(draft.articles, draft.lines, strict=True):
                    add(article_data, path, article_lines, taken=taken)
                continue
            article_data, article_lines = yamlfile.load(path)
        except yamlfile.NotText:
            article_data, article_lines = None, {}
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        if not _article_like(article_data):  # nothing of it is echoed: it may be any file
            problems.append(Problem(here, dotted(at), f"“{item}”{NOT_AN_ARTICLE}{ARTICLE_YAML}"))
            continue
        article_data = normalised(article_data, (), path, article_lines, warnings, normalise)
        add(article_data, path, article_lines)
    if not refs and raw is None and not outside:
        problems.append(
            Problem(
                Location(file),
                "articles",
                f"没有列出文章（articles），{ARTICLES_DIR}/ 文件夹里也没有稿件",
            )
        )
    if problems:
        raise SourceError(problems)
    assert header is not None
    content = BulletinContent.model_construct(
        masthead=header.masthead, articles=articles, end_matter=header.end_matter
    )
    return Source("bulletin", name, content, origin, tuple(files)), warnings


def discovered(folder: Path) -> list[str]:
    """Article files in ``folder/articles``, by file name (what a bulletin.yaml that lists
    none takes)."""
    articles = folder / ARTICLES_DIR
    if not articles.is_dir():
        return []
    return [
        f"{ARTICLES_DIR}/{p.name}"
        for p in sorted(articles.iterdir())
        if p.is_file()
        and p.suffix.lower() in (*YAML_SUFFIXES, *DRAFT_SUFFIXES)
        and not p.name.startswith((".", "~$"))
    ]


def _outside(item: str, path: Path, root: Path) -> str | None:
    """Why an article file cannot be used when it lies outside the source's folder."""
    if within(path, [root]):
        return None
    return f"文章文件“{item}”在材料文件夹之外，不能使用：请把它放进材料文件夹后再写路径"


def _article_like(data: Any) -> bool:
    """Whether a YAML file's content is meant as an article: a mapping with at least one
    article field (a misspelt one among right ones is named; a file with none is not an
    article, and its own keys are not repeated)."""
    return isinstance(data, dict) and any(key in Article.model_fields for key in data)


def _unusable_path(item: str, path: Path) -> str | None:
    """Why an article file name cannot be used, or None when it can be looked up."""
    if has_unusable(item):
        return f"文章文件名“{item.encode('unicode_escape').decode()}”里有控制字符，请改正"
    try:
        path.is_file()
    except (OSError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "文件名无效"
        return f"文章文件名无法使用（{reason}）：“{item[:40]}{'…' if len(item) > 40 else ''}”"
    return None


def normalised(
    value: Any,
    at: tuple[Any, ...],
    file: Path,
    lines: Lines,
    out: list[Problem],
    normalise: bool = True,
) -> Any:
    """Text values without unusable characters, and with punctuation put right when
    ``normalise``; each change is a warning with its file, line and field."""
    if isinstance(value, dict):
        return {k: normalised(v, (*at, k), file, lines, out, normalise) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised(v, (*at, i), file, lines, out, normalise) for i, v in enumerate(value)]
    if isinstance(value, str):
        owner = next((part for part in reversed(at) if isinstance(part, str)), "")
        if owner in NOT_TEXT:
            return value
        where = Location(file, lines.get(at))
        text, dropped = clean(value)
        if dropped:
            out.append(Problem(where, dotted(at), dropped, warning=True))
        if not normalise:
            return text
        text, fixes = normalize(text)
        out += [Problem(where, dotted(at), fix.message, warning=True) for fix in fixes]
        return text
    return value
