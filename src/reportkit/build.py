"""Building: source → validated bulletin → document → every asked format, written atomically."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reportkit import atomic
from reportkit.compose.document import compose
from reportkit.errors import Location, Problem, ReportkitError, SourceError
from reportkit.layout.paginate import paginate
from reportkit.render import FORMATS, renderer
from reportkit.source.load import KINDS, load_source, source_kind
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
    """Load and compose ``source`` without writing anything."""
    outcome = Outcome(source)
    try:
        _document(source, options, outcome)
    except ReportkitError as exc:
        outcome.error = exc
    return outcome


def build(source: Path, options: Options) -> Outcome:
    """Build every format of ``source`` into the output folder; nothing is written on error."""
    outcome = Outcome(source)
    try:
        document, template = _document(source, options, outcome)
        pages = paginate(
            document,
            template.profile,
            StandardMetrics(template.profile),
            glyphs=any(FORMATS[fmt].glyphs for fmt in options.formats),
        )
        fonts = dict(options.fonts)
        rendered = {fmt: renderer(fmt)(pages, template, fonts) for fmt in options.formats}
        for fmt in options.formats:
            result = rendered[fmt]
            path = options.output / f"{document.name}.{fmt}"
            atomic.write_bytes(path, result.data)
            outcome.written.append(
                (path, len(result.data), hashlib.sha256(result.data).hexdigest())
            )
            outcome.pages = result.pages if result.pages is not None else outcome.pages
    except ReportkitError as exc:
        outcome.error = exc
    return outcome


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
                    f"模板“{template.profile.name}”用于{KINDS[template.profile.kind]}，"
                    f"这份材料是{KINDS[kind]}（kind: {kind}）",
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
    return compose(loaded, template), template
