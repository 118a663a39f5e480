"""A check's results as a clerk reads them — one line per departure, departures alike said
once with how many places have them — a summary table for many files, and JSON."""

from __future__ import annotations

import io
import json
from typing import Any

from reportkit.check.findings import JSON_VERSION, Finding, Result
from reportkit.check.run import Checked
from reportkit.source.kinds import KINDS


def heading(result: Result) -> str:
    """The line above a file's findings: what it was read as and what was found."""
    kind = KINDS[result.kind].title if result.kind in KINDS else result.kind
    pages = (
        f"，约 {result.pages} 页"
        if result.pages and result.format == "docx"
        else (f"，{result.pages} 页" if result.pages else "")
    )
    if not result.findings:
        verdict = "没有发现问题"
    else:
        verdict = f"错误 {result.errors} 条，警告 {result.warnings} 条"
    return f"{result.path}（{kind}，按模板 {result.template} 检查{pages}）：{verdict}"


def lines(result: Result) -> list[str]:
    """The findings, those alike (same rule, message, expected and found) said once at the
    first place with the number of places."""
    groups: dict[tuple[str, ...], list[Finding]] = {}
    for finding in result.findings:
        key = (
            finding.rule,
            finding.severity,
            finding.message,
            finding.expected,
            finding.found,
            finding.clause,
        )
        groups.setdefault(key, []).append(finding)
    out = []
    for alike in groups.values():
        first = alike[0]
        text = str(first)
        if len(alike) > 1:
            where = str(first.where)
            text = f"{where}等 {len(alike)} 处{text[len(where) :]}"
        out.append(f"  {text}")
    return out


def text(checked: Checked) -> list[str]:
    """Everything said about one file."""
    if checked.result is None:
        assert checked.error is not None
        if checked.error.problems:
            return [str(problem) for problem in checked.error.problems]
        return [f"{checked.path}: 错误：{checked.error}"]
    return [heading(checked.result), *lines(checked.result)]


def summary(checked: list[Checked]) -> str:
    """One table for many files: kind, template, pages, errors, warnings, verdict."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.ASCII, show_edge=True)
    for name, justify in (
        ("文件", "left"),
        ("类型", "left"),
        ("模板", "left"),
        ("页数", "right"),
        ("错误", "right"),
        ("警告", "right"),
        ("结论", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for item in checked:
        result = item.result
        if result is None:
            table.add_row(item.path.name, "", "", "", "", "", "无法读取")
            continue
        kind = KINDS[result.kind].title if result.kind in KINDS else result.kind
        verdict = "不合格" if result.errors else ("合格（有警告）" if result.warnings else "合格")
        table.add_row(
            item.path.name,
            kind,
            result.template,
            str(result.pages or ""),
            str(result.errors),
            str(result.warnings),
            verdict,
        )
    out = io.StringIO()
    Console(file=out, width=120, no_color=True, highlight=False).print(table)
    failed = sum(1 for c in checked if c.result is not None and c.result.errors)
    unread = sum(1 for c in checked if c.result is None)
    tail = f"共 {len(checked)} 个文件：{len(checked) - failed - unread} 个合格，{failed} 个不合格"
    if unread:
        tail += f"，{unread} 个无法读取"
    return out.getvalue().rstrip() + "\n" + tail


def as_json(checked: list[Checked]) -> str:
    """The results as JSON: ``{"version", "files": [...]}``, each file a result (see
    Result.as_json) or ``{"file", "unreadable"}``."""
    entries: list[dict[str, Any]] = []
    for item in checked:
        if item.result is not None:
            entries.append(item.result.as_json())
        else:
            assert item.error is not None
            messages = [p.message for p in item.error.problems] or [str(item.error)]
            entries.append({"file": str(item.path), "unreadable": "；".join(messages)})
    return json.dumps({"version": JSON_VERSION, "files": entries}, ensure_ascii=False, indent=2)
