"""Where a one-bulletin build's time goes, for each format: the stages of a new process (the
interpreter, importing the command line and the builder, loading the template and the source,
composing, importing and running each renderer), medians of ``--runs``; then import time by
top-level package (``python -X importtime``, self times summed) and the whole process.

``--src`` measures another checkout's ``src`` folder the same way (before and after a change)."""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import BIN, REPO, environment, run

SEED = REPO / "sources/changsha"
# one build of the seed, timed stage by stage from the first line the interpreter runs
_STAGES = """
import sys, time
start = time.perf_counter()
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
import reportkit.cli
mark("import command line")
from reportkit.compose.document import compose
from reportkit.render import renderer
from reportkit.source.load import load_source
from reportkit.template import registry
mark("import builder")
template = registry.load(registry.for_kind("bulletin"))
mark("load template")
source, _ = load_source(__import__("pathlib").Path(sys.argv[1]), kind="bulletin")
mark("load source")
document = compose(source, template)
mark("compose")
from reportkit.layout.paginate import paginate
from reportkit.render import FORMATS
from reportkit.typeset.metrics import StandardMetrics
formats = sys.argv[2].split(",")
glyphs = any(FORMATS[fmt].glyphs for fmt in formats)
pages = paginate(document, template.profile, StandardMetrics(template.profile), glyphs=glyphs)
mark("lay out")
for fmt in formats:
    render = renderer(fmt)
    mark(f"import {fmt} renderer")
    render(pages, template, {})
    mark(f"render {fmt}")
previous = start
for name, at in marks:
    print(f"{name}\t{(at - previous) * 1000:.1f}")
    previous = at
sys.stdout.flush()
__import__("os")._exit(0)  # as the command leaves: without tearing the heap down
"""
_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*([\w.]+)")


def imports(argv: list[str]) -> dict[str, float]:
    """Milliseconds of import time by top-level package of one run."""
    proc = subprocess.run(
        [str(BIN / "python"), "-X", "importtime", "-m", "reportkit", *argv],
        capture_output=True,
        text=True,
        check=True,
        env=environment(),
    )
    by_package: dict[str, float] = defaultdict(float)
    for match in _LINE.finditer(proc.stderr):
        by_package[match.group(2).split(".")[0]] += int(match.group(1)) / 1000
    return by_package


def stages(fmt: str, runs: int, env: dict[str, str]) -> None:
    """Median milliseconds of each stage of a new process building the seed in ``fmt``."""
    found: dict[str, list[float]] = defaultdict(list)
    walls = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(
            [str(BIN / "python"), "-c", _STAGES, str(SEED), fmt],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        walls.append((time.perf_counter() - start) * 1000)
        for line in proc.stdout.splitlines():
            name, ms = line.split("\t")
            found[name].append(float(ms))
    del walls[0]  # the first run fills the caches
    measured = {name: statistics.median(times[1:]) for name, times in found.items()}
    wall = statistics.median(walls)
    print(f"\n--format {fmt}, stages of a new process (median of {runs}):")
    print(f"  {'interpreter start, exit':<26} {wall - sum(measured.values()):6.0f} ms")
    for name, ms in measured.items():
        print(f"  {name:<26} {ms:6.0f} ms")
    print(f"  {'whole process':<26} {wall:6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", type=Path, help="another checkout's src folder to measure")
    args = parser.parse_args()
    env = environment()
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    for fmt in ("docx", "pdf", "docx,pdf"):
        stages(fmt, args.runs, env)
    if args.src:
        return
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
