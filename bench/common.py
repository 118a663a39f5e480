"""Benchmark helpers: whole-process timing with peak memory, medians, stage timing."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.samples makes the generated bulletins
BIN = Path(sys.executable).parent


def environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a measured command runs in: as given (or this one), with Python free to
    keep its compiled modules, as an installed reportkit does (a machine that sets
    PYTHONDONTWRITEBYTECODE would have every run compile reportkit's modules again)."""
    out = dict(os.environ if env is None else env)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one whole process.

    GNU time reports the peak: the rusage of a child forked from this (large) process would
    count the pages it shared before exec.
    """
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment(env),
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.decode()}")
    return wall, int(proc.stderr.decode().split()[-1]) / 1024


def cpu(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """CPU seconds (user + system) and peak resident memory (MB) of one whole process."""
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment(env),
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.decode()}")
    user, system, peak = proc.stderr.decode().split()[-3:]
    return float(user) + float(system), int(peak) / 1024


def measure(
    argv: list[str], runs: int = 7, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Median wall seconds and the largest peak memory over ``runs`` runs (one warm-up first)."""
    run(argv, env)
    results = [run(argv, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def row(label: str, seconds: float, megabytes: float, note: str = "") -> None:
    """One line of the results table."""
    print(f"| {label:<44} | {seconds * 1000:8.0f} ms | {megabytes:7.1f} MB | {note}")
