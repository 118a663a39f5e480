"""Reading a PDF for checking (pdfium, through pypdfium2): each page's characters gathered
into lines by their baselines, with font, size and colour; the rules drawn on it (stroked
lines, and thin filled rectangles as Word exports them); table columns and pictures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.check.docx.package import refusal

BASELINE_SLACK = 2.0  # points: characters this close in height stand on one line
RULE_HEIGHT = 3.0  # points: a filled rectangle thinner than this is a rule
_SUBSET = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True)
class Char:
    """One character: its text, left and right edges, baseline (from the page's top),
    size, font (without a subset's prefix) and fill colour (RRGGBB)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    colour: str


@dataclass
class Line:
    """A line of text: its characters left to right."""

    chars: list[Char]

    @property
    def text(self) -> str:
        """What the line says."""
        return "".join(c.text for c in self.chars)

    @property
    def x0(self) -> float:
        """Its left edge."""
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        """Its right edge."""
        return max(c.x1 for c in self.chars)

    @property
    def baseline(self) -> float:
        """Its baseline, from the page's top (that of most of its characters)."""
        values = sorted(c.baseline for c in self.chars)
        return values[len(values) // 2]

    @property
    def size(self) -> float:
        """The size most of its characters are set in."""
        counts: dict[float, int] = {}
        for c in self.chars:
            if not c.text.isspace():
                counts[round(c.size, 1)] = counts.get(round(c.size, 1), 0) + 1
        return max(counts, key=lambda s: counts[s]) if counts else 0.0


@dataclass(frozen=True)
class Rule:
    """A horizontal rule: its left and right ends, height from the page's top, width
    (thickness) and colour."""

    x0: float
    x1: float
    y: float
    width: float
    colour: str


@dataclass
class Page:
    """One page: its number (1-based), size, lines top to bottom, rules."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    # vertical rules (x, top, bottom): a table's columns; text beside them is in a table
    columns: list[tuple[float, float, float]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(
        default_factory=list
    )  # x0 top x1 bottom

    def in_table(self, line: Line) -> bool:
        """Does ``line`` stand between a table's vertical rules?"""
        return any(top <= line.baseline <= bottom for _, top, bottom in self.columns)


@dataclass
class PdfDocument:
    """A PDF as read for checking."""

    path: Path
    pages: list[Page]


def font_name(name: str) -> str:
    """A PDF font's name without the subset prefix (ABCDEF+FandolFang-Regular)."""
    return _SUBSET.sub("", name)


def read(path: Path) -> PdfDocument:
    """The PDF at ``path`` as read for checking; a DocumentError when it cannot be read."""
    try:
        head = path.read_bytes()[:1024]
    except OSError as exc:
        from reportkit.errors import os_reason

        raise refusal(path, os_reason(exc)) from None
    if b"%PDF" not in head:
        raise refusal(path, "文件已损坏，或不是 PDF")
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        locked = "password" in str(exc).lower()
        why = "PDF 设了密码，请先去掉密码" if locked else "PDF 已损坏，无法读取"
        raise refusal(path, why) from None
    try:
        return PdfDocument(
            path, [_page(number, pdf[number - 1]) for number in range(1, len(pdf) + 1)]
        )
    except pdfium.PdfiumError:
        raise refusal(path, "PDF 已损坏，无法读取") from None
    finally:
        pdf.close()


def _page(number: int, page) -> Page:  # type: ignore[no-untyped-def]
    """One page's characters, rules, table columns and pictures (pdfium's coordinates have
    their origin at the page's foot; here heights are measured from its top)."""
    import pypdfium2.raw as raw

    height = float(page.get_height())
    made = Page(number, float(page.get_width()), height)
    made.lines = _lines(_chars(page, height))
    for obj in page.get_objects(max_depth=4):
        left, bottom, right, top = (float(v) for v in obj.get_bounds())
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            made.images.append((left, height - top, right, height - bottom))
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            _path(made, obj, (left, height - top, right, height - bottom))
    made.rules.sort(key=lambda r: r.y)
    return made


def _chars(page, height: float) -> list[Char]:  # type: ignore[no-untyped-def]
    import ctypes

    import pypdfium2.raw as raw

    text = page.get_textpage()
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    rgba = [ctypes.c_uint() for _ in range(4)]
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    fonts: dict[bytes, str] = {}
    chars = []
    try:
        for index in range(text.count_chars()):
            if raw.FPDFText_IsGenerated(text.raw, index):
                continue
            code = raw.FPDFText_GetUnicode(text.raw, index)
            if code < 0x20 or code in (0xFFFE, 0xFFFF):
                continue
            raw.FPDFText_GetLooseCharBox(text.raw, index, box)
            raw.FPDFText_GetCharOrigin(text.raw, index, x, y)
            raw.FPDFText_GetFillColor(text.raw, index, *rgba)
            raw.FPDFText_GetFontInfo(text.raw, index, name, 256, flags)
            font = fonts.get(name.value)
            if font is None:
                font = fonts[name.value] = font_name(_decoded(name.value))
            chars.append(
                Char(
                    chr(code),
                    float(box.left),
                    float(box.right),
                    height - float(y.value),
                    round(float(raw.FPDFText_GetFontSize(text.raw, index)), 2),
                    font,
                    "".join(f"{v.value:02X}" for v in rgba[:3]),
                )
            )
    finally:
        text.close()
    return chars


def _decoded(name: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return name.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name.decode("latin-1")


def _path(made: Page, obj, bounds: tuple[float, float, float, float]) -> None:  # type: ignore[no-untyped-def]
    """A drawn path: a horizontal rule (stroked, or a thin filled rectangle), or a vertical
    one (a table's column)."""
    import ctypes

    import pypdfium2.raw as raw

    x0, top, x1, bottom = bounds
    fill, stroked = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj.raw, fill, stroked)
    width = ctypes.c_float()
    raw.FPDFPageObj_GetStrokeWidth(obj.raw, width)
    rgba = [ctypes.c_uint() for _ in range(4)]
    line = float(width.value) if stroked.value else 0.0
    if stroked.value:
        raw.FPDFPageObj_GetStrokeColor(obj.raw, *rgba)
    else:
        raw.FPDFPageObj_GetFillColor(obj.raw, *rgba)
    colour = "".join(f"{v.value:02X}" for v in rgba[:3])
    tall, wide = bottom - top - line, x1 - x0 - line
    if tall < RULE_HEIGHT and wide > 50:
        made.rules.append(Rule(x0 + line, x1 - line, (top + bottom) / 2, line or tall, colour))
    elif wide < RULE_HEIGHT and tall > 5:
        made.columns.append(((x0 + x1) / 2, top + line, bottom - line))


def _lines(chars: list[Char]) -> list[Line]:
    """Characters gathered into lines by baseline, top to bottom, each left to right."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c.baseline, c.x0)):
        if lines and abs(lines[-1][0].baseline - char.baseline) <= BASELINE_SLACK:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [Line(sorted(group, key=lambda c: c.x0)) for group in lines]
