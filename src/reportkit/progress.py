"""What a batch build shows: a progress bar on a terminal, a plain log otherwise, one summary."""

from __future__ import annotations

import sys
from types import TracebackType

import click

from reportkit.batch import Result

STATUS = {"built": "已生成", "failed": "失败", "skipped": "未变，跳过"}


class Reporter:
    """Reports each source as it ends; a rich progress bar when stderr is a terminal."""

    def __init__(self, total: int, *, quiet_single: bool = False):
        self.total = total
        self.single = quiet_single and total == 1
        self._progress = None
        if sys.stderr.isatty() and total > 1:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("排版"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._progress.add_task("", total=total)

    def __enter__(self) -> Reporter:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, result: Result, done: int, total: int) -> None:
        lines = [*result.warnings, *result.errors]
        if self.single:
            for line in lines:
                click.echo(line, err=True)
            for path, size, _ in result.written:
                click.echo(f"已写出 {path}（{size / 1024:.1f} KB）")
            return
        pages = f"，{result.pages} 页" if result.pages else ""
        seconds = f"，{result.seconds:.2f} 秒" if result.status != "skipped" else ""
        log = f"[{done}/{total}] {result.source}：{STATUS[result.status]}{pages}{seconds}"
        if self._progress is not None:
            for line in lines:
                self._progress.console.print(line, markup=False, highlight=False)
            self._progress.console.print(log, markup=False, highlight=False)
            self._progress.advance(self._task)
        else:
            for line in lines:
                click.echo(line, err=True)
            click.echo(log, err=True)


def summary(results: list[Result], seconds: float) -> str:
    """One table: how many were built, failed and skipped, pages, seconds; then the failures."""
    counts = {status: sum(1 for r in results if r.status == status) for status in STATUS}
    pages = sum(r.pages for r in results)
    header = ["生成", "失败", "跳过", "页数", "用时（秒）"]
    row = [
        str(counts["built"]),
        str(counts["failed"]),
        str(counts["skipped"]),
        str(pages),
        f"{seconds:.2f}",
    ]
    widths = [max(_width(h), _width(v)) + 2 for h, v in zip(header, row, strict=True)]
    line = "+" + "+".join("-" * w for w in widths) + "+"
    out = [line, _row(header, widths), line, _row(row, widths), line]
    failed = [r.source for r in results if r.status == "failed"]
    if failed:
        out.append(f"失败 {len(failed)} 个：{'、'.join(failed)}")
    return "\n".join(out)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _row(cells: list[str], widths: list[int]) -> str:
    return (
        "|"
        + "|".join(" " * (w - _width(c) - 1) + c + " " for c, w in zip(cells, widths, strict=True))
        + "|"
    )
