"""Whole-process time and peak memory of `reportkit build`, beside pandoc (md → docx) and typst
(typst → PDF) on the same text.

Prints medians of several runs for the seed and generated bulletins (20 and 100 pages), then
where the time of an in-process build goes, stage by stage.  Fonts are prepared before timing
(the first build on a machine converts them once; see --cold).
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

from common import BIN, REPO, measure, row
from reportkit.compose.document import compose
from reportkit.compose.page import Text
from reportkit.fonts.locate import find
from reportkit.layout.paginate import paginate
from reportkit.render import FORMATS, renderer
from reportkit.source.load import load_source
from reportkit.template import registry
from reportkit.typeset.metrics import StandardMetrics
from tests import samples


def markdown(source: Path) -> str:
    """The bulletin's text as Markdown, for pandoc."""
    loaded, _ = load_source(source)
    document = compose(loaded, registry.load())
    lines = []
    for block in document.flow:
        if not isinstance(block, Text):
            continue
        prefix = {"title": "# ", "heading": "## "}.get(block.style, "")
        lines.append(prefix + block.text + "\n")
    return "\n".join(lines)


def typst_source(source: Path) -> str:
    """The bulletin's text as typst markup in FandolFang on A4 with the type area's margins."""
    loaded, _ = load_source(source)
    document = compose(loaded, registry.load())
    parts = [
        '#set page(paper: "a4", margin: (top: 37mm, left: 28mm, right: 26mm, bottom: 35mm), '
        'numbering: "— 1 —")',
        '#set text(font: ("Liberation Serif", "FandolFang"), size: 16pt, lang: "zh")',
        "#set par(justify: true, first-line-indent: 2em, leading: 12.95pt)",
    ]
    for block in document.flow:
        if not isinstance(block, Text):
            continue
        text = (
            block.text.replace("\\", "\\\\")
            .replace("#", "\\#")
            .replace("*", "\\*")
            .replace("_", "\\_")
        )
        text = text.replace("@", "\\@").replace("<", "\\<").replace("$", "\\$")
        parts.append(("= " if block.style == "title" else "") + text + "\n")
    return "\n".join(parts)


def stages(source: Path, fmt: str, out: Path) -> dict[str, float]:
    """Seconds per stage of one in-process build (after imports and template loading)."""
    times = {}
    start = time.perf_counter()
    template = registry.load()
    times["template"] = time.perf_counter() - start
    start = time.perf_counter()
    loaded, _ = load_source(source)
    times["load+validate"] = time.perf_counter() - start
    start = time.perf_counter()
    document = compose(loaded, template)
    times["compose"] = time.perf_counter() - start
    start = time.perf_counter()
    pages = paginate(
        document, template.profile, StandardMetrics(template.profile), glyphs=FORMATS[fmt].glyphs
    )
    times["paginate"] = time.perf_counter() - start
    start = time.perf_counter()
    data = renderer(fmt)(pages, template).data
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
            "--force",  # every run builds: an unchanged source would be skipped
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
    try:
        import typst  # noqa: F401
    except ImportError:
        print("| typst not installed (pip install typst) |")
    else:
        fandol = str(Path(find("FandolFang").file).parent)
        liberation = str(Path(find("Liberation Serif").file).parent)
        for label, source in sources.items():
            typ = work / f"{source.name}.typ"
            typ.write_text(typst_source(source), encoding="utf-8")
            code = (
                "import typst; typst.compile("
                f"{str(typ)!r}, output={str(work / (source.name + '-typst.pdf'))!r}, "
                f"font_paths=[{fandol!r}, {liberation!r}], ignore_system_fonts=True)"
            )
            row(
                f"typst → PDF, {label}",
                *measure([str(BIN / "python"), "-c", code], args.runs),
                "FandolFang, no grid",
            )
    ratio = walls["generated 100 pages"][0] / walls["generated 20 pages"][0]
    print(f"\n100 pages / 20 pages wall time: {ratio:.2f}× (5× would be linear in pages)")
    pages = _pages(work / "out" / "p100.pdf") if "pdf" in args.formats else None
    if pages:
        print(
            f"generated 100 pages: {pages} PDF pages; 20 pages: {_pages(work / 'out' / 'p20.pdf')}"
        )
    for fmt in args.formats.split(","):
        print(f"\nwhere the time goes, in-process, generated 100 pages, {fmt}:")
        stages(sources["generated 100 pages"], fmt, work)  # warm caches
        for name, seconds in stages(sources["generated 100 pages"], fmt, work).items():
            print(f"  {name:<16} {seconds * 1000:8.1f} ms")
        if fmt == "pdf":
            _pdf_stages(sources["generated 100 pages"])
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


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _pdf_stages(source: Path) -> None:
    """The stages of a PDF: pagination (with glyph positions), fonts, glyphs in their fonts,
    drawing and PDF/A."""
    from reportkit.fonts.resolve import fonts_for
    from reportkit.layout.paginate import paginate
    from reportkit.render.pdf.fonts import Faces
    from reportkit.render.pdf.page import draw
    from reportkit.render.pdf.tags import Tagger
    from reportkit.render.pdf.text import glyph_pages
    from reportkit.render.pictures import prepare_all
    from reportkit.typeset.metrics import StandardMetrics

    template = registry.load()
    loaded, _ = load_source(source)
    document = compose(loaded, template)
    profile = template.profile
    start = time.perf_counter()
    laid_out = paginate(document, profile, StandardMetrics(profile))
    paginated = time.perf_counter()
    faces = Faces(document, profile, fonts_for(template))
    faced = time.perf_counter()
    glyphs = glyph_pages(laid_out, faces)
    glyphed = time.perf_counter()
    size = (profile.page.width, profile.page.height)
    pictures = prepare_all(laid_out, profile)
    draw(laid_out, glyphs, size, glyphs[0][0].font, pictures, Tagger(laid_out, profile))
    done = time.perf_counter()
    for name, a, b in (
        ("  paginate", start, paginated),
        ("  fonts", paginated, faced),
        ("  glyphs in fonts", faced, glyphed),
        ("  draw and PDF/A", glyphed, done),
    ):
        print(f"  {name:<16} {(b - a) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
