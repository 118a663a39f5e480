"""``reportkit format FILE.docx``, 一键排版: the document imported as ``reportkit import``
reads it, built to the template in a scratch folder, written beside the original as
``NAME-排版.docx`` and ``NAME-排版.pdf`` (never over the original, nor over an earlier
result unless asked), then checked."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reportkit import atomic
from reportkit import build as building
from reportkit.check import patterns
from reportkit.check.run import Checked, check_file
from reportkit.errors import Location, OutputError, Problem, ReportkitError, SourceError
from reportkit.readback import own
from reportkit.source.kinds import KINDS

SUFFIX = "-排版"  # what the formatted files' names add to the original's
UNIT = "（请填写编印单位）"  # the masthead's unit when the document does not show one
NAME = "（请填写刊名）"  # the bulletin's name when it shows no red head


@dataclass
class Formatted:
    """What formatting one document did: the files written, the import's notes, the check
    of each file written."""

    written: list[Path] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    checked: list[Checked] = field(default_factory=list)


def targets(path: Path, formats: tuple[str, ...]) -> list[Path]:
    """The files formatting ``path`` writes: beside it, its name with -排版."""
    return [path.with_name(f"{path.stem}{SUFFIX}.{fmt}") for fmt in formats]


def format_document(
    path: Path,
    template: str | None = None,
    formats: tuple[str, ...] = ("docx", "pdf"),
    *,
    force: bool = False,
    say: Callable[[str, bool], None] = lambda text, error: None,
) -> Formatted:
    """Import ``path``, build it to ``template`` (by default the built-in template of the
    kind it is read as), write the results beside it and check them."""
    outputs = targets(path, formats)
    kept = [p for p in outputs if p.exists()]
    if kept and not force:
        raise OutputError(
            [
                Problem(
                    Location(p),
                    "",
                    "文件已经存在，可能已经修改过，没有覆盖；如要重新排版，请先改名或删除它，或加 --force",
                )
                for p in kept
            ]
        )
    done = Formatted()
    with tempfile.TemporaryDirectory(prefix="reportkit-format-") as scratch:
        source = _source(path, Path(scratch) / f"{path.stem}{SUFFIX}", template, done)
        options = building.Options(Path(scratch) / "out", formats, template)
        outcome = building.build(source, options)
        if outcome.error is not None:
            raise _unbuilt(path, outcome.error)
        done.notes += outcome.warnings
        made = [
            (target, built.read_bytes())
            for target, (built, _, _) in zip(outputs, outcome.written, strict=True)
        ]
    atomic.write_all(made, Location(path))
    done.written = [target for target, _ in made]
    for target in done.written:
        say(f"已写出 {target}", False)
    done.checked = [Checked(p, result=check_file(p, template)) for p in done.written]
    return done


def _unbuilt(path: Path, error: ReportkitError) -> ReportkitError:
    """What kept the imported document from being built, said of the document (the files
    it was imported to are gone with the scratch folder)."""
    problems = error.problems or [Problem(Location(path), "", str(error))]
    said = [Problem(Location(path), p.field, f"导入后排不出来：{p.message}") for p in problems]
    said.append(
        Problem(
            Location(path),
            "",
            "请先用 reportkit import 导入，核对、补全 YAML 后再用 reportkit build 排版",
        )
    )
    return type(error)(said)


def _source(path: Path, folder: Path, template: str | None, done: Formatted) -> Path:
    """The document imported into ``folder`` as a source of its kind: a report or minutes
    as its own file, articles with a bulletin.yaml (made from the document's masthead when
    the import gives none)."""
    from reportkit.source.drafts import importer
    from reportkit.template import registry

    kind = registry.load(template).profile.kind if template else None
    planned = importer.plan([path], folder / importer.ARTICLES, kind=kind, own=own.reader())
    if any(item.target.name in _DOCUMENT_FILES for item in planned.files):
        planned = importer.plan([path], folder, kind=kind, own=own.reader())  # one file
    if planned.failed:
        raise SourceError([p for _, problems in planned.failed for p in problems])
    done.notes += planned.notes
    refused = importer.write(planned, force=True, say=lambda text, error: None)
    if refused:
        raise OutputError([Problem(Location(p), "", "无法写出导入的内容") for p in refused])
    if any((folder / name).is_file() for name in (*_DOCUMENT_FILES, KINDS["bulletin"].file)):
        return folder
    articles = sorted((folder / importer.ARTICLES).glob("*.yaml"))
    data = {
        "masthead": _masthead(path),
        "articles": [f"{importer.ARTICLES}/{a.name}" for a in articles],
    }
    (folder / KINDS["bulletin"].file).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


_DOCUMENT_FILES = (KINDS["report"].file, KINDS["minutes"].file)


def _masthead(path: Path) -> dict[str, Any]:
    """A bulletin's masthead as the document shows it: its red head, issue number, unit and
    date (placeholders to fill in, and today's date, where it shows none)."""
    from reportkit.check.docx import roles
    from reportkit.check.docx.read import read
    from reportkit.check.expect import Expect
    from reportkit.template import registry

    found: dict[str, Any] = {
        "name": NAME,
        "issue": 1,
        "unit": UNIT,
        "date": dt.date.today().isoformat(),
    }
    try:
        doc = read(path)
    except ReportkitError:
        return found
    parts = roles.recognise(doc, Expect(registry.load(registry.for_kind("bulletin"))))
    names = []
    for p in doc.text_paras():
        role = parts.get(p.number)
        text = p.text.strip()
        if role is None or not text:
            continue
        if role.key == "masthead_name":
            names.append(text)
        elif role.key == "masthead_issue":
            digits = "".join(ch for ch in text if ch.isdigit())
            found["issue"] = int(digits) if digits else 1
        elif role.key == "masthead_line" and "\t" in text:
            unit, _, date = text.partition("\t")
            found["unit"] = unit.strip() or UNIT
            found["date"] = _date(date.strip()) or found["date"]
    if names:
        found["name"] = names if len(names) > 1 else names[0]
    return found


def _date(text: str) -> str | None:
    matched = patterns.DATE.match(text)
    if matched is None or not all(matched.group(k).isdigit() for k in ("year", "month", "day")):
        return None
    year, month, day = (int(matched.group(k)) for k in ("year", "month", "day"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
