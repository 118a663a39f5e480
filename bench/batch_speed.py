"""Batch throughput: 100 generated bulletins of about four pages, both formats, on the cores.

Prints the median wall time of whole `reportkit build` runs (--force, so every bulletin is
built), pages per second, and each worker's peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from common import BIN, environment
from reportkit import batch, build
from tests import samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bulletins", type=int, default=100)
    parser.add_argument("--pages", type=int, default=4, help="pages per bulletin, roughly")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reportkit-batch-"))
    sources = [
        samples.write_bulletin(work / "src", args.pages, f"b{i:03d}", offset=i)
        for i in range(args.bulletins)
    ]
    argv = [str(BIN / "reportkit"), "build", *map(str, sources), "-o", str(work / "out")]
    argv += ["--format", "docx,pdf", "-j", str(args.jobs), "--force"]
    env = environment()
    subprocess.run(argv, check=True, capture_output=True, env=env)  # warm-up: fonts, caches
    walls = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
    wall = statistics.median(walls)
    # pages and per-worker memory from an in-process run of the same batch
    options = build.Options(work / "out2", formats=("docx", "pdf"))
    results = batch.run(sources, options, jobs=args.jobs, force=True)
    pages = sum(r.pages for r in results)
    peaks = sorted({round(r.peak_mb) for r in results})
    print(
        f"{args.bulletins} bulletins, {pages} pages ({pages / args.bulletins:.1f} a bulletin), "
        f"docx + pdf, -j {args.jobs}, {os.cpu_count()} cores"
    )
    print(
        f"whole-process wall, median of {args.runs}: {wall:.2f} s  (runs: {', '.join(f'{w:.2f}' for w in walls)})"
    )
    print(f"throughput: {pages / wall:.0f} pages/s  ({args.bulletins / wall:.0f} bulletins/s)")
    print(f"peak RSS per worker: {peaks[0]}–{peaks[-1]} MB")
    print(json.dumps({"pages_per_second": round(pages / wall), "peak_worker_mb": peaks[-1]}))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
