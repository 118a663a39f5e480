"""reportkit beside its peers on the seed, as ratios measured in one run on one machine.

Every command runs whole (a new process, as a clerk runs it), the commands taking turns so that
a slow moment of a shared machine falls on all of them; medians of ``--runs``.  typst gets only
the font folders of the fonts the text uses (no system fonts), as reportkit gets only its own.

- both formats of the seed ≤ 2.5 × (pandoc md → docx + typst → PDF);
- ``--format docx`` ≤ 3.0 × pandoc;
- 20 copies of the seed, both formats, ``-j 2`` ≤ 1.0 × typst compiling the same 20 texts, two
  at a time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from build_speed import markdown, typst_source
from common import BIN, REPO, run
from reportkit.fonts.locate import find

SEED = REPO / "sources/changsha"
COPIES = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is not installed (apt-get install pandoc)")
    work = Path(tempfile.mkdtemp(prefix="reportkit-peers-"))
    md, typ = work / "seed.md", work / "seed.typ"
    md.write_text(markdown(SEED), encoding="utf-8")
    typ.write_text(typst_source(SEED), encoding="utf-8")
    copies = []
    for n in range(COPIES):
        copies.append(shutil.copytree(SEED, work / "copies" / f"seed{n:02d}"))
        shutil.copy(typ, work / "copies" / f"seed{n:02d}.typ")
    fonts = sorted({str(Path(find(f).file).parent) for f in ("FandolFang", "Liberation Serif")})
    compile_typst = (
        "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[1][:-4] + '.pdf', "
        f"font_paths={fonts!r}, ignore_system_fonts=True)"
    )
    python, reportkit = str(BIN / "python"), str(BIN / "reportkit")
    out = str(work / "out")
    commands = {
        "reportkit docx,pdf": [reportkit, "build", str(SEED), "-o", out, "--format", "docx,pdf"],
        "reportkit docx": [reportkit, "build", str(SEED), "-o", out, "--format", "docx"],
        "pandoc md → docx": ["pandoc", str(md), "-o", str(work / "seed.docx")],
        "typst → PDF": [python, "-c", compile_typst, str(typ)],
        f"reportkit {COPIES} seeds, -j 2": [
            reportkit,
            "build",
            *map(str, copies),
            "-o",
            str(work / "batch"),
            "--format",
            "docx,pdf",
            "-j",
            "2",
        ],
        f"typst {COPIES} texts, 2 at a time": [
            "sh",
            "-c",
            f'ls {work / "copies"}/*.typ | xargs -P 2 -n 1 {python} -c "{compile_typst}"',
        ],
    }
    for argv in commands.values():  # warm-up: fonts prepared, caches filled
        run([*argv, "--force"] if argv[0] == reportkit else argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
    for _ in range(args.runs):
        for name, argv in commands.items():
            wall, peak = run([*argv, "--force"] if argv[0] == reportkit else argv)
            times[name].append(wall)
            peaks[name] = max(peaks[name], peak)
    median = {name: statistics.median(walls) for name, walls in times.items()}
    print(f"seed: sources/changsha; median of {args.runs} runs, commands taking turns\n")
    print(f"| {'command':<34} | {'wall':>9} | {'peak RSS':>9} |")
    print(f"|{'-' * 36}|{'-' * 11}|{'-' * 11}|")
    for name in commands:
        print(f"| {name:<34} | {median[name] * 1000:6.0f} ms | {peaks[name]:6.1f} MB |")
    ratios = [
        (
            "both formats / (pandoc + typst)",
            median["reportkit docx,pdf"] / (median["pandoc md → docx"] + median["typst → PDF"]),
            2.5,
        ),
        ("docx / pandoc", median["reportkit docx"] / median["pandoc md → docx"], 3.0),
        (
            f"{COPIES} seeds -j 2 / typst 2 at a time",
            median[f"reportkit {COPIES} seeds, -j 2"]
            / median[f"typst {COPIES} texts, 2 at a time"],
            1.0,
        ),
    ]
    print()
    for label, ratio, goal in ratios:
        verdict = "met" if ratio <= goal else "NOT met"
        print(f"{label:<38} {ratio:5.2f} ×   goal ≤ {goal:.1f} ×  {verdict}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
