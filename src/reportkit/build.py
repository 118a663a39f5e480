"""Building: source → validated bulletin → document → every asked format, written atomically."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reportkit import atomic
from reportkit.compose.document import compose
from reportkit.compose.page import Document
from reportkit.errors import Location, Problem, ReportkitError, SourceError
from reportkit.instant import build_instant
from reportkit.layout.paginate import paginate
from reportkit.render import FORMATS, renderer
from reportkit.render.pictures import prepare_all
from reportkit.source.kinds import KINDS
from reportkit.source.load import load_source, source_kind
from reportkit.template import registry
from reportkit.typeset.metrics import StandardMetrics


@dataclass
class Outcome:
    """What building one source did: files written, warnings, or the error that stopped it."""

    source: Path
    written: list[tuple[Path, int, str]] = field(default_factory=list)  # path, size, sha256
    warnings: list[Problem] = field(default_factory=list)
    error: ReportkitError | None = None
    pages: int | None = None


class Options(NamedTuple):
    """How to build: output folder, formats, template, strictness, normalisation."""

    output: Path
    formats: tuple[str, ...] = ("docx",)
    template: str | None = None  # None: the built-in template of the source's kind
    strict: bool = False
    normalise: bool = True
    fonts: tuple[tuple[str, Path], ...] = ()  # role → font file, for the PDF


def check(source: Path, options: Options) -> Outcome:
    """What :func:`build` would refuse, found without rendering or writing anything: the
    source and template loaded, the document composed and laid out, and for the PDF every
    character found in the fonts on this machine."""
    outcome = Outcome(source)
    try:
        document, template = _document(source, options, outcome)
        _outputs(source, document, options)
        _lay_out(document, template, options)
    except ReportkitError as exc:
        outcome.error = exc
    return outcome


# bytes of an output's name: a file system takes 255, and its temporary file's name is the
# output's with some 30 more (.NAME.PID.RANDOM.part)
MAX_NAME = 200


def _outputs(source: Path, document: Document, options: Options) -> dict[str, Path]:
    """The file each format is written to; SourceError when a name is too long for one."""
    paths = {fmt: options.output / f"{document.name}.{fmt}" for fmt in options.formats}
    for path in paths.values():
        size = len(path.name.encode("utf-8", "surrogateescape"))
        if size > MAX_NAME:
            raise SourceError(
                [
                    Problem(
                        Location(source),
                        "",
                        f"输出文件名太长（{size} 字节，最多 {MAX_NAME} 字节）："
                        f"“{path.name[:20]}…”，请缩短简报文件夹的名字（或模板 filename 文字片段所用的内容）",
                    )
                ]
            )
    return paths


def _lay_out(document: Document, template: registry.Template, options: Options) -> None:
    # the pagination every output shares: what does not fit is refused before rendering
    paginate(document, template.profile, StandardMetrics(template.profile), glyphs=False)
    if "pdf" in options.formats:
        from reportkit.fonts import coverage

        coverage.check(document, template, dict(options.fonts))


def build(source: Path, options: Options) -> Outcome:
    """Build every format of ``source`` into the output folder; nothing is written on error."""
    outcome = Outcome(source)
    try:
        document, template = _document(source, options, outcome)
        paths = _outputs(source, document, options)
        pages = paginate(
            document,
            template.profile,
            StandardMetrics(template.profile),
            glyphs=any(FORMATS[fmt].glyphs for fmt in options.formats),
        )
        fonts = dict(options.fonts)
        prepared = prepare_all(pages, template.profile)  # each picture made ready once
        rendered = {fmt: renderer(fmt)(pages, template, fonts, prepared) for fmt in options.formats}
        files = [(paths[fmt], rendered[fmt].data) for fmt in options.formats]
        # every format or none: a build is not half done when the disk fills on the second
        atomic.write_all(files, Location(source))
        for path, data in files:
            outcome.written.append((path, len(data), hashlib.sha256(data).hexdigest()))
        outcome.pages = len(pages.pages)
    except ReportkitError as exc:
        outcome.error = exc
    return outcome


def document(source: Path, options: Options) -> tuple[Document, registry.Template, list[Problem]]:
    """``source`` composed in its template, ready to lay out, with the warnings made while
    reading it; SourceError or TemplateError when it cannot be."""
    outcome = Outcome(source)
    composed, template = _document(source, options, outcome)
    return composed, template, outcome.warnings


def _document(source: Path, options: Options, outcome: Outcome):  # type: ignore[no-untyped-def]
    chosen = registry.load(options.template) if options.template else None
    kind = source_kind(source, chosen.profile.kind if chosen else "bulletin")
    template = chosen or registry.load(registry.for_kind(kind))
    if template.profile.kind != kind:
        raise SourceError(
            [
                Problem(
                    Location(source),
                    "kind",
                    f"模板“{template.profile.name}”用于{KINDS[template.profile.kind].title}，"
                    f"这份材料是{KINDS[kind].title}（kind: {kind}）",
                )
            ]
        )
    loaded, warnings = load_source(source, normalise=options.normalise, kind=kind)
    outcome.warnings = warnings
    if options.strict and warnings:
        raise SourceError(
            [
                Problem(w.location, w.field, f"{w.message}（--strict：警告按错误处理）")
                for w in warnings
            ]
        )
    document = compose(loaded, template)
    # dated once for every format: the source's instant, SOURCE_DATE_EPOCH's or now
    meta = document.meta._replace(created=build_instant(document.meta.created))
    return dataclasses.replace(document, meta=meta), template
