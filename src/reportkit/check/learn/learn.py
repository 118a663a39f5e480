"""``reportkit template learn``: an office's sample .docx files read as Word formats them,
against the built-in template of their kind, and what they share that differs written as a
template folder extending it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from reportkit import atomic
from reportkit.check.docx import pages, roles
from reportkit.check.docx.check import kind
from reportkit.check.docx.package import refusal
from reportkit.check.docx.read import read
from reportkit.check.expect import Expect
from reportkit.check.learn.decide import Learned, agreed, decide
from reportkit.check.learn.observe import Observer
from reportkit.check.learn.write import files
from reportkit.errors import DocumentError, Location, OutputError, Problem, TemplateError
from reportkit.source.kinds import KINDS
from reportkit.template import registry


def learn(samples: list[Path], target: Path, *, force: bool = False) -> Learned:
    """Learn a template from ``samples`` and write it to the folder ``target`` (its name
    the folder's); what was learned.  Nothing is written when a sample cannot be read, the
    samples are of different kinds, or ``target`` holds a template (unless ``force``)."""
    problems = []
    docs = []
    for path in samples:
        if path.suffix.lower() != ".docx":
            why = (
                "只能从 Word 文档（.docx）学习，PDF 里没有样式、字体名和页面设置"
                if path.suffix.lower() == ".pdf"
                else "只能从 Word 文档（.docx）学习"
            )
            problems += refusal(path, why, "不能用来学习模板").problems
            continue
        try:
            docs.append(read(path))
        except DocumentError as exc:
            problems += exc.problems
    if problems:
        raise DocumentError(problems)
    kinds = {doc.path: kind(doc) for doc in docs}
    if len(set(kinds.values())) > 1:
        shown = "，".join(f"{p.name} 是{KINDS[k].title}" for p, k in kinds.items())
        raise DocumentError(
            [Problem(Location(docs[0].path), "", f"样本不是同一类公文（{shown}），请分开学习")]
        )
    base = registry.for_kind(next(iter(kinds.values())))
    template = registry.load(base)
    expect = Expect(template)
    seen = []
    for doc in docs:
        found = roles.recognise(doc, expect)
        estimate = pages.estimate(doc, expect.profile)
        seen.append((doc.path.name, Observer(doc, expect, found, estimate).all()))
    notes: list[str] = []
    learned = decide(agreed(seen, notes), expect.profile)
    learned.notes += notes
    _write(target, base, learned, [doc.path.name for doc in docs], force)
    return learned


def _write(target: Path, base: str, learned: Learned, names: list[str], force: bool) -> None:
    if (target / registry.TEMPLATE_FILE).exists() and not force:
        raise OutputError(
            [
                Problem(
                    Location(target),
                    "",
                    "这个文件夹里已经有模板（template.yaml），没有覆盖；换一个名字，或加 --force",
                )
            ]
        )
    made = files(target, target.name, base, learned, names)
    _read_back(made, target)
    for path, _ in made:
        path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_all(made, Location(target))


def _read_back(made: list[tuple[Path, bytes]], target: Path) -> None:
    """Load the template from a scratch copy first: one reportkit could not read is its own
    fault, never written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".learn-", dir=target.parent))
    try:
        folder = scratch / target.name
        for path, data in made:
            copy = folder / path.relative_to(target)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(data)
        registry.load(str(folder))
    except TemplateError as exc:
        raise TemplateError(
            [
                Problem(
                    Location(target),
                    "",
                    f"学到的模板无法读回，这是 reportkit 的问题，请报告（{exc}）",
                )
            ]
        ) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
