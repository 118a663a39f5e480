"""Where a one-bulletin build's start-up goes: import time by top-level package (``python -X
importtime``, self times summed, median of ``--runs``) for each format, and the whole process."""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from common import BIN, REPO, run

SEED = REPO / "sources/changsha"
_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*([\w.]+)")


def imports(argv: list[str]) -> dict[str, float]:
    """Milliseconds of import time by top-level package of one run."""
    proc = subprocess.run(
        [str(BIN / "python"), "-X", "importtime", "-m", "reportkit", *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    by_package: dict[str, float] = defaultdict(float)
    for match in _LINE.finditer(proc.stderr):
        by_package[match.group(2).split(".")[0]] += int(match.group(1)) / 1000
    return by_package


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = tempfile.mkdtemp(prefix="reportkit-startup-")
    for fmt in ("docx", "pdf", "docx,pdf"):
        argv = ["build", str(SEED), "-o", out, "--format", fmt, "--force"]
        runs = [imports(argv) for _ in range(args.runs)]
        packages = {name for r in runs for name in r}
        median = {name: statistics.median(r.get(name, 0.0) for r in runs) for name in packages}
        wall = statistics.median(run([str(BIN / "reportkit"), *argv])[0] for _ in range(args.runs))
        total = sum(median.values())
        print(f"\n--format {fmt}: whole process {wall * 1000:.0f} ms, imports {total:.0f} ms")
        for name, ms in sorted(median.items(), key=lambda item: -item[1])[:12]:
            print(f"  {name:<20} {ms:6.1f} ms")
    help_wall = statistics.median(
        run([str(BIN / "reportkit"), "--help"])[0] for _ in range(args.runs)
    )
    print(f"\nreportkit --help: {help_wall * 1000:.0f} ms")
    Path(out).rmdir() if not any(Path(out).iterdir()) else None


if __name__ == "__main__":
    main()
