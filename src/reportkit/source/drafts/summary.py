"""What ``reportkit import`` found in each draft — kind, parts, counts, placeholders, what to
check — said in Chinese for the clerk, and as JSON of a stable shape for scripts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import Problem, dotted
from reportkit.source.drafts.document import SPACES, Parsed
from reportkit.source.drafts.load import CHARACTERS, PUNCTUATION
from reportkit.source.drafts.parse import Draft

FIXES = (PUNCTUATION, SPACES, CHARACTERS)  # notes of what was put right, not what to check
KIND_TITLES = {"bulletin": "简报文章", "report": "报告", "minutes": "纪要"}
COUNTED = ("articles", "sections", "points", "attachments", "people", "figures")
COUNT_WORDS = {
    "articles": "篇文章",
    "sections": "个小节",
    "points": "个要点",
    "attachments": "个附件",
    "people": "位人员",
    "figures": "个图表",
}
# the parts of a source as the summary names them
PART_NAMES = {
    "masthead": "报头",
    "articles": "文章",
    "end_matter": "报尾",
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "issuer": "发文机关",
    "number": "发文字号",
    "signers": "签发人",
    "title": "标题",
    "addressee": "主送机关",
    "lead": "开头段落",
    "heading_numbering": "小标题编号",
    "sections": "小节",
    "closing": "结尾",
    "attachment_note": "附件说明",
    "attachments": "附件",
    "signature.name": "发文机关署名",
    "signature.date": "成文日期",
    "signature.seal": "印章",
    "note": "附注",
    "distribution.cc": "抄送",
    "distribution.printer": "印发机关",
    "distribution.date": "印发日期",
    "issue": "期号",
    "unit": "编发单位",
    "date": "日期",
    "attendance.present": "出席",
    "attendance.absent": "请假",
    "attendance.attending": "列席",
}
MARK_NAMES = {"report": "发文机关标志", "minutes": "纪要标志"}


@dataclass
class Summary:
    """One draft's import: what it was taken for and why, its parts and counts, the
    placeholders left in it, the notes about it, the files written from it."""

    file: Path
    kind: str | None = None
    why: str = ""
    chosen: bool = False  # the kind was given (--kind), not recognised
    template: str | None = None  # a document reportkit wrote: the template it was built with
    parts: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    pending: list[tuple[str, str]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    @property
    def unsure(self) -> list[Problem]:
        """The notes that ask the reader to check something (not the fixes made)."""
        return [n for n in self.notes if n.field not in FIXES]

    @property
    def fixes(self) -> list[Problem]:
        """The notes of what was put right (punctuation, spaces, characters dropped)."""
        return [n for n in self.notes if n.field in FIXES]


def of_document(summary: Summary, parsed: Parsed) -> None:
    """Fill ``summary`` from a report or minutes read."""
    summary.parts = list(parsed.found)
    counts = summary.counts
    counts["sections"] = parsed.counts["sections"]
    counts["points"] = parsed.counts["points"]
    counts["figures"] = parsed.counts["figures"]
    counts["people"] = parsed.counts["people"]
    held = {at for at, _ in parsed.pending}
    counts["attachments"] = sum(
        1
        for n, _ in enumerate(parsed.data.get("attachments", []))
        if ("attachments", n, "lead") not in held
    )
    summary.pending = [(dotted(at), message) for at, message in parsed.pending]


def of_articles(summary: Summary, draft: Draft) -> None:
    """Fill ``summary`` from a bulletin draft's articles."""
    summary.parts = (["masthead"] if draft.masthead else []) + ["articles"]
    if draft.end_matter:
        summary.parts.append("end_matter")
    counts = summary.counts
    counts["articles"] = len(draft.articles)
    for article in draft.articles:
        counts["people"] += len(article.get("authors", []))
        for section in article.get("sections", []):
            counts["sections"] += 1
            for entry in section.get("points", []):
                counts["figures" if "image" in entry or "table" in entry else "points"] += 1


def part_name(kind: str | None, part: str) -> str:
    """What the summary calls a part of a source."""
    if part == "mark" and kind in MARK_NAMES:
        return MARK_NAMES[kind]
    if part in PART_NAMES:
        return PART_NAMES[part]
    first = part.split(".")[0].split("[")[0]  # attachments[0].lead: an attachment's
    return PART_NAMES.get(first, part)


def text(summaries: list[Summary]) -> Iterator[str]:
    """The summary as lines for the reader."""
    yield f"导入结果（{len(summaries)} 份稿件）："
    for summary in summaries:
        yield from _lines(summary)


def _lines(summary: Summary) -> Iterator[str]:
    if summary.errors or summary.kind is None:
        yield f"{summary.file}：未能导入"
        for problem in summary.errors:
            yield f"  {problem}"
        return
    how = "按 --kind 指定" if summary.chosen and not summary.template else summary.why
    yield f"{summary.file}：{KIND_TITLES[summary.kind]}（{how}）"
    yield "  识别到：" + "、".join(part_name(summary.kind, p) for p in summary.parts)
    counted = [f"{n} {COUNT_WORDS[k]}" for k, n in summary.counts.items() if n]
    if counted:
        yield "  数量：" + "，".join(counted)
    if summary.pending:
        yield f"  待核（稿件缺少，已填占位内容，共 {len(summary.pending)} 处）："
        for at, message in summary.pending:
            yield f"    {part_name(summary.kind, at)}（{at}）：{message}"
    unsure = summary.unsure
    if unsure:
        yield f"  请核对（{len(unsure)} 处）："
        for problem in unsure:
            yield f"    {problem}"
    fixes = summary.fixes
    if fixes:
        kinds = "、".join(dict.fromkeys(f.field for f in fixes))
        yield f"  已规范（{kinds}）：{len(fixes)} 行，详见写出的文件开头"
    if summary.outputs:
        yield "  写出：" + "、".join(str(p) for p in summary.outputs)


def as_json(summaries: list[Summary], statuses: dict[Path, str]) -> dict[str, Any]:
    """The summary for scripts (the shape README.md documents)."""
    return {"drafts": [_draft(s, statuses) for s in summaries]}


def _draft(summary: Summary, statuses: dict[Path, str]) -> dict[str, Any]:
    imported = not summary.errors and summary.kind is not None
    return {
        "file": str(summary.file),
        "imported": imported,
        "kind": summary.kind,
        "kind_title": KIND_TITLES.get(summary.kind or ""),
        "kind_by": "option" if summary.chosen else "draft",
        "kind_reason": summary.why,
        "template": summary.template,
        "parts": [{"field": p, "name": part_name(summary.kind, p)} for p in summary.parts],
        "counts": dict(summary.counts),
        "placeholders": [{"field": at, "message": m} for at, m in summary.pending],
        "unsure": [_problem(p) for p in summary.unsure],
        "fixes": [_problem(p) for p in summary.fixes],
        "errors": [_problem(p) for p in summary.errors],
        "outputs": [{"file": str(p), "status": statuses.get(p, "")} for p in summary.outputs],
    }


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "file": str(problem.location.file),
        "line": problem.location.line,
        "field": problem.field,
        "message": problem.message,
    }
