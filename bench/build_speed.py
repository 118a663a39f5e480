"""Whole-process time and peak memory of `reportkit build`, beside pandoc on the same text.

Prints medians of several runs for the seed and generated bulletins (20 and 100 pages), then
where the time of an in-process build goes, stage by stage.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from tests import samples

from common import BIN, REPO, measure, row
from reportkit.compose.document import compose
from reportkit.render import renderer
from reportkit.source.load import load_bulletin
from reportkit.template import registry


def markdown(source: Path) -> str:
    """The bulletin's text as Markdown, for pandoc."""
    bulletin, _ = load_bulletin(source)
    document = compose(bulletin, registry.load())
    lines = []
    for block in document.body:
        prefix = {"title": "# ", "heading": "## "}.get(block.style, "")
        lines.append(prefix + block.text + "\n")
    return "\n".join(lines)


def stages(source: Path, fmt: str, out: Path) -> dict[str, float]:
    """Seconds per stage of one in-process build (after imports and template loading)."""
    times = {}
    start = time.perf_counter()
    template = registry.load()
    times["template"] = time.perf_counter() - start
    start = time.perf_counter()
    bulletin, _ = load_bulletin(source)
    times["load+validate"] = time.perf_counter() - start
    start = time.perf_counter()
    document = compose(bulletin, template)
    times["compose"] = time.perf_counter() - start
    start = time.perf_counter()
    data = renderer(fmt)(document, template)
    times[f"render {fmt}"] = time.perf_counter() - start
    start = time.perf_counter()
    (out / f"x.{fmt}").write_bytes(data)
    times["write"] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--formats", default="docx")
    parser.add_argument("--profile", action="store_true", help="print the top functions too")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reportkit-bench-"))
    sources = {
        "seed (sources/changsha)": REPO / "sources/changsha",
        "generated 20 pages": samples.write_bulletin(work, 20, "p20"),
        "generated 100 pages": samples.write_bulletin(work, 100, "p100"),
    }
    print(f"formats: {args.formats}; median of {args.runs} runs after one warm-up\n")
    print(f"| {'what':<44} | {'wall':>11} | {'peak RSS':>10} |")
    print(f"|{'-' * 46}|{'-' * 13}|{'-' * 12}|")
    row("python3 -c pass", *measure([str(BIN / "python"), "-c", "pass"], args.runs))
    walls = {}
    for label, source in sources.items():
        argv = [
            str(BIN / "reportkit"),
            "build",
            str(source),
            "-o",
            str(work / "out"),
            "--format",
            args.formats,
        ]
        walls[label] = measure(argv, args.runs)
        row(f"reportkit build {label}", *walls[label])
    if shutil.which("pandoc"):
        for label, source in sources.items():
            md = work / f"{source.name}.md"
            md.write_text(markdown(source), encoding="utf-8")
            argv = ["pandoc", str(md), "-o", str(work / f"{source.name}.docx")]
            row(f"pandoc md → docx, {label}", *measure(argv, args.runs), "no official format")
    else:
        print("| pandoc not installed (apt-get install pandoc) |")
    ratio = walls["generated 100 pages"][0] / walls["generated 20 pages"][0]
    print(f"\n100 pages / 20 pages wall time: {ratio:.2f}× (5× would be linear in pages)")
    for fmt in args.formats.split(","):
        print(f"\nwhere the time goes, in-process, generated 100 pages, {fmt}:")
        stages(sources["generated 100 pages"], fmt, work)  # warm caches
        for name, seconds in stages(sources["generated 100 pages"], fmt, work).items():
            print(f"  {name:<16} {seconds * 1000:8.1f} ms")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for fmt in args.formats.split(","):
            stages(sources["generated 100 pages"], fmt, work)
        profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
        print(text.getvalue())
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
