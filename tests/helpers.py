"""Test helpers: sources in temporary folders, the CLI, LibreOffice, PDF geometry, the seed."""

from __future__ import annotations

import re
import subprocess
import textwrap
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from reportkit.cli import main
from reportkit.source.normalize import normalize

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_e1b924c00b46ca37.txt"
ALIASES = REPO / "fontconfig" / "reportkit-aliases.conf"
MM = 72 / 25.4
# the instant every test's outputs are dated (2024-06-18T01:30:00Z), set for the whole run by
# conftest.py: builds of the same input give the same bytes
SOURCE_DATE_EPOCH = "1718674200"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# the joiner a .docx keeps a point's number whole with: LibreOffice writes it into its PDF as
# a character of its own, of no width
JOINER = "\u200d"

MINIMAL_BULLETIN = """\
masthead:
  name: 学习考察专刊
  issue: 1
  unit: 某某区办公室
  date: 2024-05-06
articles:
  - articles/a.yaml
end_matter:
  superiors: [市委办公室]
  copies: 20
"""
MINIMAL_ARTICLE = """\
title: 学习体会
authors:
  - unit: 某某区发展局
    position: 局长
    name: 李明
lead: 本次学习收获很大。
sections:
  - kind: 学习体会
    points:
      - lead: 理念新。
        text: 对方的理念值得学习。
"""


def write_source(root: Path, files: dict[str, str]) -> Path:
    """A bulletin folder under ``root`` holding ``files`` (name → text)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def minimal_source(root: Path, **overrides: str) -> Path:
    """A small valid bulletin; ``overrides`` replace or add files."""
    files = {"bulletin.yaml": MINIMAL_BULLETIN, "articles/a.yaml": MINIMAL_ARTICLE, **overrides}
    return write_source(root, files)


def cli(*args: str | Path) -> Result:
    """Run the reportkit command line in-process."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
CONF_HEAD = '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'


def install_system_fonts() -> list[Path]:
    """The font files scripts/install-system.sh installs: those of the fonts-… packages it
    names (as dpkg lists them) and the Fandol fonts it copies.  Empty without dpkg."""
    script = (REPO / "scripts/install-system.sh").read_text(encoding="utf-8")
    packages = sorted(set(re.findall(r"\bfonts-[a-z0-9-]+", script)))
    fandol = re.search(r"^FANDOL_DIR=(\S+)$", script, re.MULTILINE)
    try:
        listed = subprocess.run(
            ["dpkg-query", "-L", *packages], capture_output=True, text=True, check=False
        ).stdout
    except FileNotFoundError:
        return []
    files = [Path(line) for line in listed.splitlines() if line.lower().endswith(FONT_SUFFIXES)]
    files += sorted(Path(fandol.group(1)).glob("*.otf")) if fandol else []
    return [file for file in files if file.is_file()]


def fonts_conf() -> Path | None:
    """A fontconfig configuration that sees only the fonts install-system.sh installs, with the
    repository's aliases (the tests' fonts, whatever else a machine has); None without them.

    Written to tests/data/.cache/ only when it changes, so that the faces listed under it stay
    remembered between runs."""
    files = install_system_fonts()
    if not files:
        return None
    cache = REPO / "tests" / "data" / ".cache"
    folders = sorted({str(file.parent) for file in files})
    accepted = "".join(f"      <glob>{escape(str(file))}</glob>\n" for file in files)
    text = (
        CONF_HEAD
        # the system's matching rules, not its folders
        + '  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n'
        + "".join(f"  <dir>{escape(folder)}</dir>\n" for folder in folders)
        + f"  <cachedir>{escape(str(cache / 'fontconfig'))}</cachedir>\n"
        + "  <cachedir>/var/cache/fontconfig</cachedir>\n"
        # what other packages put in the same folders is left out
        + f"  <selectfont>\n    <acceptfont>\n{accepted}    </acceptfont>\n"
        + "    <rejectfont><glob>*</glob></rejectfont>\n  </selectfont>\n"
        + f"  <include>{escape(str(ALIASES))}</include>\n</fontconfig>\n"
    )
    conf = cache / "fonts.conf"
    if not conf.is_file() or conf.read_text(encoding="utf-8") != text:
        cache.mkdir(parents=True, exist_ok=True)
        conf.write_text(text, encoding="utf-8")
    return conf


def render_with_libreoffice(docx: Path, out_dir: Path, home: Path | None = None) -> Path:
    """``docx`` as PDF by LibreOffice headless, seeing only the fonts install-system.sh
    installs, the official font names aliased to open fonts (``home``: its home folder)."""
    conf = fonts_conf()
    if conf is None:  # no dpkg: the system's fonts, with the aliases
        conf = out_dir / "fonts.conf"
        conf.write_text(
            CONF_HEAD + '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
            f"  <include>{ALIASES}</include>\n</fontconfig>\n",
            encoding="utf-8",
        )
    home = home or out_dir
    env = {"FONTCONFIG_FILE": str(conf), "HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{out_dir / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out_dir / (docx.stem + ".pdf")


def pdfa_2b(path: Path):  # type: ignore[no-untyped-def]
    """pikepdf's PDF/A-2b report on an archive PDF.  The file says it is PDF/A-2a (level A,
    tagged, conforms to level B too) and the validator checks level B files only: it reads a
    copy whose identification says B, the same byte for byte otherwise."""
    from pikepdf.pdfa import validate_written

    data = path.read_bytes()
    level_a = b"<pdfaid:conformance>A</pdfaid:conformance>"
    assert data.count(level_a) == 1, "identified as PDF/A-2a"
    copy = path.with_name(path.stem + ".as-2b.pdf")
    copy.write_bytes(data.replace(level_a, level_a.replace(b">A<", b">B<")))
    return validate_written(copy, "2b")


def docx_xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    """One XML part of a .docx, parsed."""
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(part))


def docx_text(path: Path) -> str:
    """All text of a .docx body (text boxes included), paragraphs on their own lines."""
    root = docx_xml(path)
    lines = []
    for p in root.iter(f"{W}p"):
        if p.find(f".//{W}p") is not None:
            continue  # a paragraph holding a text box: its inner paragraphs are read on their own
        lines.append("".join(t.text or "" for t in p.iter(f"{W}t")))
    return "\n".join(lines)


def squeeze(text: str) -> str:
    """Text without any whitespace (ideographic space included)."""
    return re.sub(r"\s+", "", text)


def need_seed() -> Path:
    """The seed compilation beside the checkout; the test is skipped where it is absent (a
    fresh clone without ../shared/seed/)."""
    if not SEED.is_file():
        pytest.skip(f"没有样稿 {SEED}：仓库旁边没有 shared/seed/")
    return SEED


def seed_fragments() -> list[str]:
    """Every sentence of the seed, normalised, split at sentence ends and at spaces."""
    text = need_seed().read_text(encoding="utf-8")
    fragments = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph, _ = normalize(paragraph.strip())
        for sentence in re.split(r"(?<=[。！？；])|\s+", paragraph):
            if sentence and len(sentence.strip()) >= 2:
                fragments.append(sentence.strip())
    return fragments


@dataclass
class Line:
    """One text line on a PDF page: its baseline and its characters, left to right."""

    baseline: float
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars)

    def fonts(self) -> set[str]:
        return {c["fontname"].split("+")[-1] for c in self.chars}


def text_lines(page, chars: Sequence[dict] | None = None, tolerance: float = 4.0) -> list[Line]:
    """The page's characters grouped into lines by baseline."""
    chars = sorted(
        (
            c
            for c in (page.chars if chars is None else chars)
            if c["text"].strip() and c["text"] != JOINER
        ),
        key=lambda c: (page.height - c["matrix"][5], c["x0"]),
    )
    lines: list[Line] = []
    for c in chars:
        baseline = page.height - c["matrix"][5]
        if lines and abs(baseline - lines[-1].baseline) < tolerance:
            lines[-1].chars.append(c)
        else:
            lines.append(Line(baseline, [c]))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
    return lines


def body_lines(page, area, tolerance: float = 4.0) -> list[Line]:
    """Lines inside the type area (page numbers left out)."""
    return text_lines(page, [c for c in page.chars if c["top"] < area[3]], tolerance)


def main_text_lines(page, area, tolerance: float = 4.0) -> list[Line]:
    """Lines of the bulletin's text: the end block's smaller lines left out."""
    return [
        line
        for line in body_lines(page, area, tolerance)
        if max(c["size"] for c in line.chars) >= 15.5
    ]
