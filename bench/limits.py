"""Input at its limits: a 1,000-page bulletin (peak memory, whole process, both formats; goal
under 300 MB), very long titles (balancing time; goals: 300 characters under 50 ms, 20,000
under a second), large plain-text drafts (1 to 20 MB of articles, of one line, of one
character: ``reportkit import`` and ``reportkit build``, in time proportional to their size),
and a 20-page bulletin with 10 photos of 6 megapixels and 3 tables (time, memory, file
sizes)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from common import BIN, measure, row, run
from reportkit.compose.titles import balance
from reportkit.template import registry
from tests import samples

TITLE = "坚持以新时代中国特色社会主义思想为指导全面贯彻新发展理念激发市场活力推动高质量发展，"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--draft-sizes", default="1,5,10,20", help="megabytes of the drafts, comma-separated"
    )
    args = parser.parse_args()
    titles()
    with tempfile.TemporaryDirectory(prefix="reportkit-limits-") as folder:
        work = Path(folder)
        drafts(work, [float(size) for size in args.draft_sizes.split(",")])
        figures = samples.write_bulletin(work, 20, "figures")
        samples.add_figures(figures, photos=10, tables=3)
        argv = [str(BIN / "reportkit"), "build", str(figures), "-o", str(work / "out")]
        for formats in ("docx,pdf", "docx"):
            seconds, peak = measure([*argv, "--format", formats, "--force"], runs=args.runs)
            row(f"20 pages, 10 photos, 3 tables, {formats}", seconds, peak)
        sizes = {f.suffix: f.stat().st_size for f in (work / "out").glob("figures.*")}
        print(f"  files: {', '.join(f'{k} {v / 1e6:.1f} MB' for k, v in sorted(sizes.items()))}")
        source = samples.write_bulletin(work, args.pages, "long")
        for formats in ("docx,pdf", "pdf", "docx"):
            argv = [str(BIN / "reportkit"), "build", str(source), "-o", str(work / "out")]
            seconds, peak = measure([*argv, "--format", formats, "--force"], runs=args.runs)
            row(f"{args.pages} pages, --format {formats}", seconds, peak, "goal: peak < 300 MB")


def titles() -> None:
    """Balancing time of titles from 40 to 20,000 characters."""
    rules = registry.load().profile.line_breaking
    balance(TITLE[:30], 20, rules)  # the word model is loaded once per process
    print("| title length | median      | lines |")
    for length in (40, 100, 120, 300, 3000, 20000):
        title = (TITLE * 500)[:length]
        times = []
        for _ in range(21 if length <= 300 else 3):
            start = time.perf_counter()
            lines = balance(title, 20, rules)
            times.append(time.perf_counter() - start)
        print(f"| {length:12d} | {statistics.median(times) * 1000:8.1f} ms | {len(lines):5d} |")


def drafts(work: Path, sizes: list[float]) -> None:
    """Plain-text drafts of each size and shape through import and build (one run each)."""
    for shape in ("articles", "one_line", "one_char"):
        for size in sizes:
            folder = work / f"draft-{shape}-{size:g}"
            (folder / "articles").mkdir(parents=True)
            (folder / "bulletin.yaml").write_text(BULLETIN, encoding="utf-8")
            draft = samples.write_draft(folder / "draft.txt", int(size * 1e6), shape)
            if shape != "articles":  # a title and a byline over it, so that it builds
                text = draft.read_text("utf-8")
                draft.write_text(f"关于长文的体会\n\n某某区发展局局长 李明\n\n{text}", "utf-8")
            imported = folder / "imported"
            seconds, peak = run([str(BIN / "reportkit"), "import", str(draft), "-o", str(imported)])
            row(f"import {size:g} MB draft, {shape}", seconds, peak)
            draft.rename(folder / "articles" / draft.name)
            for formats in ("docx", "docx,pdf"):
                argv = [str(BIN / "reportkit"), "build", str(folder), "-o", str(folder / "out")]
                seconds, peak = run([*argv, "--format", formats, "--force"])
                row(f"build {size:g} MB draft, {shape}, {formats}", seconds, peak)
            shutil.rmtree(folder)


BULLETIN = "masthead:\n  name: 学习简报\n  issue: 1\n  unit: 某某区办公室\n  date: 2024-05-06\n"


if __name__ == "__main__":
    main()
