"""Input at its limits: a 1,000-page bulletin (peak memory, whole process, both formats; goal
under 300 MB), very long titles (balancing time; goal: 300 characters under 50 ms), and a
20-page bulletin with 10 photos of 6 megapixels and 3 tables (time, memory, file sizes)."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import BIN, measure, row
from reportkit.compose.titles import balance
from reportkit.template import registry
from tests import samples

TITLE = "坚持以新时代中国特色社会主义思想为指导全面贯彻新发展理念激发市场活力推动高质量发展，"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rules = registry.load().profile.line_breaking
    balance(TITLE[:30], 20, rules)  # the word model is loaded once per process
    print("| title length | median of 21 | lines |")
    for length in (40, 100, 120, 300):
        title = (TITLE * 10)[:length]
        times = []
        for _ in range(21):
            start = time.perf_counter()
            lines = balance(title, 20, rules)
            times.append(time.perf_counter() - start)
        print(f"| {length:12d} | {statistics.median(times) * 1000:9.1f} ms | {len(lines):5d} |")
    with tempfile.TemporaryDirectory(prefix="reportkit-limits-") as folder:
        work = Path(folder)
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


if __name__ == "__main__":
    main()
