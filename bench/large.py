"""A 1,000-page document in both formats beside its peers: CPU per page and peak memory.

reportkit builds the .docx and the PDF of a generated 1,000-page bulletin in one process;
pandoc writes the same text as .docx (md → docx) and typst as PDF.  The commands take turns,
each a whole new process; medians of ``--runs``.  Goals: reportkit's CPU per page no more than
pandoc's plus typst's (ratio ≤ 1.0), its peak memory under 150 MB.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from build_speed import markdown, typst_source
from common import BIN, cpu
from reportkit.fonts.locate import find
from tests import samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is not installed (apt-get install pandoc)")
    work = Path(tempfile.mkdtemp(prefix="reportkit-large-"))
    source = samples.write_bulletin(work, args.pages, "large")
    md, typ = work / "large.md", work / "large.typ"
    md.write_text(markdown(source), encoding="utf-8")
    typ.write_text(typst_source(source), encoding="utf-8")
    fonts = sorted({str(Path(find(f).file).parent) for f in ("FandolFang", "Liberation Serif")})
    compile_typst = (
        "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[1][:-4] + '.pdf', "
        f"font_paths={fonts!r}, ignore_system_fonts=True)"
    )
    reportkit = [str(BIN / "reportkit"), "build", str(source), "-o", str(work / "out")]
    commands = {
        "reportkit docx,pdf": [*reportkit, "--format", "docx,pdf", "--force"],
        "pandoc md → docx": ["pandoc", str(md), "-o", str(work / "large.docx")],
        "typst → PDF": [str(BIN / "python"), "-c", compile_typst, str(typ)],
    }
    for argv in commands.values():  # warm-up: fonts prepared, caches filled
        cpu(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks = dict.fromkeys(commands, 0.0)
    for _ in range(args.runs):
        for name, argv in commands.items():
            seconds, peak = cpu(argv)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    pages = _pages(work / "out" / "large.pdf")
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{pages} pages; CPU seconds (user + system), median of {args.runs}, taking turns\n")
    print(f"| {'command':<22} | {'CPU':>9} | {'per page':>9} | {'peak RSS':>9} |")
    print(f"|{'-' * 24}|{'-' * 11}|{'-' * 11}|{'-' * 11}|")
    for name in commands:
        print(
            f"| {name:<22} | {median[name]:7.2f} s | {median[name] / pages * 1000:6.2f} ms "
            f"| {peaks[name]:6.1f} MB |"
        )
    peers = median["pandoc md → docx"] + median["typst → PDF"]
    ratio = median["reportkit docx,pdf"] / peers
    print(f"\nreportkit / (pandoc + typst), CPU per page: {ratio:.2f} ×   goal ≤ 1.0 ×")
    print(f"reportkit peak memory: {peaks['reportkit docx,pdf']:.1f} MB   goal < 150 MB")
    shutil.rmtree(work)


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


if __name__ == "__main__":
    main()
