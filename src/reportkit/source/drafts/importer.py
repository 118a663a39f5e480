"""``reportkit import``: drafts to the YAML of their kind — articles (and a bulletin.yaml for a
compilation), a report.yaml, a minutes.yaml — written so that nothing the user has corrected is
ever replaced and nothing is written twice; with a summary of what was found in each draft."""

from __future__ import annotations

import bisect
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit import atomic
from reportkit.confine import within
from reportkit.errors import Location, Problem, ReportkitError, SourceError
from reportkit.source import yamlfile
from reportkit.source.drafts import figures
from reportkit.source.drafts.document import Parsed
from reportkit.source.drafts.emit import (
    article_yaml,
    bulletin_yaml,
    document_yaml,
    held_bulletin_yaml,
    own_bulletin_yaml,
)
from reportkit.source.drafts.load import Loaded, OwnReader, load_any
from reportkit.source.drafts.parse import Draft
from reportkit.source.drafts.read import SUFFIXES
from reportkit.source.drafts.summary import Summary, of_articles, of_document

ARTICLES = "articles"
PHOTOS = "photos"


@dataclass
class Planned:
    """One file import will write: where, what, and the line the user reads about it."""

    target: Path
    text: str
    source: Path
    summary: str
    data: bytes | None = None  # a picture's bytes instead of text
    status: str = ""  # once written: written, unchanged or refused


@dataclass
class Plan:
    """Everything one import run would write, the drafts that could not be read, and what
    was found in each draft."""

    files: list[Planned] = field(default_factory=list)
    failed: list[tuple[Path, list[Problem]]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)


def plan(
    drafts: list[Path],
    output: Path,
    *,
    normalise: bool = True,
    kind: str | None = None,
    own: OwnReader | None = None,
) -> Plan:
    """Read every draft (as ``kind`` when given, else as the kind it is; a Word document
    reportkit wrote by ``own``) and decide every file name, before anything is written."""
    result = Plan()
    articles: list[tuple[Path, Draft, Summary]] = []
    documents: list[tuple[Path, Parsed, Summary]] = []
    for path in drafts:
        summary = Summary(path)
        result.summaries.append(summary)
        found = _read(path, normalise, kind, own, result, summary)
        if isinstance(found, Parsed):
            documents.append((path, found, summary))
        elif found is not None:
            articles.append((path, found, summary))
    result.files += _documents(documents, output, alone=not articles and len(documents) == 1)
    result.files += _articles(articles, output)
    return result


def _read(
    path: Path,
    normalise: bool,
    kind: str | None,
    own: OwnReader | None,
    result: Plan,
    summary: Summary,
) -> Draft | Parsed | None:
    """A draft read, or None when it cannot be imported (its problems in ``result``)."""
    try:
        found = _load(path, normalise, kind, own)
    except ReportkitError as exc:
        summary.errors = exc.problems or [Problem(Location(path), "", str(exc))]
        result.failed.append((path, summary.errors))
        return None
    summary.kind, summary.why, summary.chosen = found.kind, found.why, found.chosen
    summary.template = found.template
    result.notes += found.read.notes
    summary.notes = list(found.read.notes)
    read = found.read
    if isinstance(read, Parsed):
        outside = _outside_pictures(_containers(read.data), read.lines, path)
    elif not read.articles:
        outside = [Problem(Location(path), "", "稿件里没有找到文章（标题、署名、正文）")]
    else:  # pictures that would be copied into the output: refused before anything is read
        outside = [
            problem
            for article, lines in zip(read.articles, read.lines, strict=True)
            for problem in _outside_pictures([article], lines, path)
        ]
    if outside:
        summary.errors = outside
        result.failed.append((path, outside))
        return None
    if isinstance(read, Parsed):
        of_document(summary, read)
    else:
        of_articles(summary, read)
    return read


def _articles(articles: list[tuple[Path, Draft, Summary]], output: Path) -> list[Planned]:
    """A YAML file for each article of the bulletin drafts (and their photos), and a
    bulletin.yaml when a draft is a compilation headed by the bulletin's name."""
    files: list[Planned] = []
    written: list[Path] = []
    stems = _unique_stems([path for path, _, _ in articles])
    masthead: tuple[Path, Draft, Summary] | None = None
    for (path, draft, summary), stem in zip(articles, stems, strict=True):
        pictures = _pictures(draft, stem, output, path)
        files += pictures
        summary.outputs += [item.target for item in pictures]
        many = len(draft.articles) > 1
        notes = _notes_by_article(draft)
        for number, article in enumerate(draft.articles, start=1):
            name = f"{stem}-{number:02d}.yaml" if many else f"{stem}.yaml"
            text = article_yaml(article, str(path), notes[number - 1])
            _check_loads(text, output / name)
            authors = "、".join(a["name"] for a in article["authors"]) or "（无署名）"
            said = f"{article['title']}　{authors}"
            files.append(Planned(output / name, text, path, said))
            written.append(output / name)
            summary.outputs.append(output / name)
        if draft.masthead is not None and masthead is None:
            masthead = (path, draft, summary)
    if masthead is not None:
        files.append(_bulletin(masthead[:2], output, written))
        masthead[2].outputs.append(files[-1].target)
    elif written and output.name != ARTICLES and not (output / "bulletin.yaml").exists():
        # articles imported into a folder of their own: a bulletin.yaml that lists them
        # (its masthead held for checking), so that the folder builds as it is
        path, _, summary = articles[0]
        refs = [a.relative_to(output).as_posix() for a in written]
        text = held_bulletin_yaml(refs, dt.date.today())
        _check_loads(text, output / "bulletin.yaml")
        files.append(Planned(output / "bulletin.yaml", text, path, "报头：待核"))
        summary.outputs.append(output / "bulletin.yaml")
        summary.notes.append(
            Problem(
                Location(path),
                "masthead",
                "稿件里没有报头：已写出报头为占位内容的 bulletin.yaml（名称、期号、编印单位、日期），请核对",
                warning=True,
            )
        )
    return files


def _containers(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """The running texts of a report or minutes (the body, each attachment) with their paths."""
    attachments = data.get("attachments", [])
    return [((), data), *((("attachments", n), a) for n, a in enumerate(attachments))]


def _outside_pictures(
    containers: list[Any], lines: dict[tuple[Any, ...], int], source: Path
) -> list[Problem]:
    """A problem for each picture a Markdown draft names outside its own folder; each
    container is a running text (an article) or a (path, running text) pair."""
    problems = []
    for container in containers:
        at, text = container if isinstance(container, tuple) else ((), container)
        for s, section in enumerate(text.get("sections", [])):
            for p, entry in enumerate(section.get("points", [])):
                image = entry.get("image")
                if isinstance(image, Path) and not within(image, [source.parent]):
                    name = os.path.relpath(image, source.parent)
                    problems.append(
                        Problem(
                            Location(source, lines.get((*at, "sections", s, "points", p))),
                            "image",
                            f"图片“{name}”在稿件所在的文件夹之外，不能导入："
                            "请把图片放进稿件所在的文件夹后再写路径",
                        )
                    )
    return problems


def _documents(
    documents: list[tuple[Path, Parsed, Summary]], output: Path, *, alone: bool
) -> list[Planned]:
    """Each report or minutes as its source file (report.yaml, minutes.yaml) with its photos:
    in the output folder when it is the only draft, else in a folder of its own there."""
    files: list[Planned] = []
    stems = _unique_stems([path for path, _, _ in documents])
    for (path, parsed, summary), stem in zip(documents, stems, strict=True):
        planned = _document(path, parsed, output if alone else output / stem, stem)
        summary.notes += _unbuildable(planned[-1].text, planned[-1].target, parsed.kind)
        summary.outputs = [item.target for item in planned]
        files += planned
    return files


def _document(path: Path, parsed: Parsed, folder: Path, stem: str) -> list[Planned]:
    """A report's or minutes' photos (in photos/, named after the draft) and its YAML."""
    from reportkit.source.kinds import KINDS

    planned: list[Planned] = []

    def store(data: bytes, ext: str, what: str = "照片") -> str:
        name = f"{PHOTOS}/{stem}-{len(planned) + 1}{ext}"
        planned.append(Planned(folder / name, "", path, f"{what} {name}", data))
        return name

    figures.resolve([text for _, text in _containers(parsed.data)], store)
    figures.resolve_seal(parsed.data, lambda data, ext: store(data, ext, "印章"))
    kind = KINDS[parsed.kind]
    text = document_yaml(
        parsed.kind, parsed.data, str(path), parsed.notes, parsed.pending, parsed.template
    )
    target = folder / kind.file
    _check_loads(text, target)
    title = parsed.data.get("title") or parsed.data.get("mark") or ""
    planned.append(Planned(target, text, path, f"{kind.title}：{title}"))
    return planned


def _unbuildable(text: str, target: Path, kind: str) -> list[Problem]:
    """What would keep the written source from building (a name longer than any is, …),
    as warnings: the clerk corrects it in the YAML."""
    from reportkit.source.kinds import KINDS
    from reportkit.source.validation import validate

    data, lines = yamlfile.parse(text, target)
    problems: list[Problem] = []
    validate(KINDS[kind].model, data, target, lines, problems)
    return [p._replace(warning=True) for p in problems]


def _pictures(draft: Draft, stem: str, output: Path, source: Path) -> list[Planned]:
    """The photos of a draft as files in photos/ beside the article YAML, named after it."""
    planned: list[Planned] = []

    def store(data: bytes, ext: str) -> str:
        name = f"{PHOTOS}/{stem}-{len(planned) + 1}{ext}"
        planned.append(Planned(output / name, "", source, f"照片 {name}", data))
        return name

    figures.resolve(draft.articles, store)
    return planned


def write(planned: Plan, *, force: bool = False, say: Callable[[str, bool], None]) -> list[Path]:
    """Write the planned files; a file already there with other content (the user may have
    corrected it) is kept unless ``force``.  ``say(text, is_error)``; returns the files kept
    back or not written."""
    refused = []
    for item in planned.files:
        content = item.data if item.data is not None else item.text.encode("utf-8")
        try:
            existing = item.target.read_bytes() if item.target.exists() else None
        except OSError:
            existing = b""
        if existing == content:
            item.status = "unchanged"
            say(f"{item.target}：内容没有变化，未改动", False)
            continue
        if existing is not None and not force:
            say(
                f"{item.target}: 错误：文件已经存在，可能已经核对修改过，没有覆盖。"
                "如要重新导入，请先改名或删除它，或加 --force",
                True,
            )
            refused.append(item.target)
            item.status = "refused"
            continue
        try:
            atomic.write_bytes(item.target, content)
        except ReportkitError as exc:
            say(str(exc), True)
            refused.append(item.target)
            item.status = "refused"
            continue
        item.status = "written"
        say(f"已写出 {item.target}：{item.summary}", False)
    return refused


def _load(path: Path, normalise: bool, kind: str | None, own: OwnReader | None) -> Loaded:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        yamlfile.load(path)  # a damaged or hostile file is refused as build refuses it
        raise SourceError(
            [
                Problem(
                    Location(path),
                    "",
                    "这个文件已经是 YAML，不用导入，可以直接放进简报的 articles/ 文件夹",
                )
            ]
        )
    if suffix not in SUFFIXES:
        raise SourceError(
            [
                Problem(
                    Location(path),
                    "",
                    f"不支持的稿件格式“{path.suffix or path.name}”："
                    "请用 .txt、.md、.docx、.doc、.wps、.rtf 或 .odt",
                )
            ]
        )
    return load_any(path, normalise=normalise, kind=kind, own=own)


def _unique_stems(paths: list[Path]) -> list[str]:
    """File stems for the drafts' YAML; drafts with the same name (a/发言.txt, b/发言.txt) are
    told apart by their folder, then by a number."""
    names = [p.stem for p in paths]
    stems = [
        f"{p.parent.name}-{p.stem}" if names.count(p.stem) > 1 and p.parent.name else p.stem
        for p in paths
    ]
    seen: dict[str, int] = {}
    for index, stem in enumerate(stems):
        seen[stem] = seen.get(stem, 0) + 1
        if seen[stem] > 1:
            stems[index] = f"{stem}-{seen[stem]}"
    return stems


def _notes_by_article(draft: Draft) -> list[list[Problem]]:
    """The notes about each article: those on its lines, and those on the whole file (one
    pass over the notes, however many articles)."""
    firsts = [lines[()] for lines in draft.lines]
    found: list[list[Problem]] = [[] for _ in firsts]
    for note in draft.notes:
        if note.field == "masthead":
            continue
        line = note.location.line
        if line is None:
            for notes in found:
                notes.append(note)
            continue
        index = bisect.bisect_right(firsts, line) - 1
        if index >= 0:
            found[index].append(note)
    return found


def _bulletin(found: tuple[Path, Draft], output: Path, articles: list[Path]) -> Planned:
    """bulletin.yaml for a compilation: beside the articles/ folder when writing into one,
    else in the output folder."""
    path, draft = found
    assert draft.masthead is not None
    folder = output.parent if output.name == ARTICLES else output
    refs = [a.relative_to(folder).as_posix() for a in articles]
    target = folder / "bulletin.yaml"
    if draft.template is not None:  # a bulletin reportkit wrote: its masthead and 报尾 whole
        text = own_bulletin_yaml(draft.masthead, draft.end_matter, refs, str(path), draft.template)
    else:
        masthead: dict[str, Any] = {
            "name": draft.masthead["name"],
            "issue": draft.masthead.get("issue", 1),
            **{k: v for k, v in draft.masthead.items() if k not in ("name", "issue")},
        }
        text = bulletin_yaml(masthead, refs, str(path), dt.date.today(), draft.end_matter)
    _check_loads(text, target)
    return Planned(target, text, path, "报头：" + "　".join(_flat(draft.masthead.get("name", []))))


def _flat(value: Any) -> list[str]:
    return value if isinstance(value, list) else [value]


def _check_loads(text: str, target: Path) -> None:
    """Refuse to write YAML that reportkit itself could not read back."""
    try:
        yamlfile.parse(text, target)
    except SourceError as exc:
        raise SourceError(
            [
                Problem(
                    Location(target),
                    "",
                    f"reportkit 生成的 YAML 无法读回，这是 reportkit 的问题，请报告（{exc}）",
                )
            ]
        ) from None
