"""The page: paper size, margins and type area, lines per page and characters per line
(GB/T 9704 §5.1–§5.2.3), for every section that holds text."""

from __future__ import annotations

import math
from collections.abc import Iterator

from reportkit.check.docx.model import Para, Section
from reportkit.check.docx.pages import line_height
from reportkit.check.docx.rules.context import Context
from reportkit.check.findings import Finding, Where, clause
from reportkit.errors import number

MM = 72 / 25.4
TOLERANCE = 0.5 * MM  # half a millimetre either way: Word stores lengths in twips
EPSILON = 0.5  # points a line may overhang the type area and still count


def findings(ctx: Context) -> Iterator[Finding]:
    """Findings about each distinct page setup."""
    seen: set[tuple[float, ...]] = set()
    sections = ctx.doc.sections
    for index, section in enumerate(sections):
        shape = (
            section.width,
            section.height,
            section.top,
            section.bottom,
            section.left,
            section.right,
        )
        if shape in seen or not _holds_text(ctx, index):
            continue
        seen.add(shape)
        part = "页面设置" if len(sections) == 1 else f"页面设置（第 {index + 1} 节）"
        where = Where(part=part)
        yield from _paper(ctx, section, where)
        yield from _margins(ctx, section, where)
    yield from _grid(ctx)


def _holds_text(ctx: Context, index: int) -> bool:
    return any(p.section == index and not p.empty for p in ctx.doc.paras)


def _mm(points: float) -> str:
    return f"{number(points / MM)} 毫米"


def _paper(ctx: Context, section: Section, where: Where) -> Iterator[Finding]:
    page = ctx.expect.profile.page
    if abs(section.width - page.width) > TOLERANCE or abs(section.height - page.height) > TOLERANCE:
        yield ctx.finding(
            "page.size",
            clause("§5.1"),
            where,
            "纸张大小不对",
            f"{number(page.width / MM)} × {number(page.height / MM)} 毫米",
            f"{number(section.width / MM)} × {number(section.height / MM)} 毫米",
        )


def _margins(ctx: Context, section: Section, where: Where) -> Iterator[Finding]:
    page = ctx.expect.profile.page
    sides = (
        ("上边距（天头）", section.top, page.margin_top),
        ("左边距（订口）", section.left, page.margin_left),
        ("右边距", section.right, page.margin_right),
        ("下边距", section.bottom, page.margin_bottom),
    )
    for name, found, wanted in sides:
        if abs(found - wanted) > TOLERANCE:
            yield ctx.finding(
                "page.margin",
                clause("§5.2.1"),
                where,
                f"{name}不对，版心应为 {number(page.type_width / MM)} × {number(page.type_height / MM)} 毫米",
                _mm(wanted),
                _mm(found),
            )


def body_sample(ctx: Context) -> Para | None:
    """A paragraph of body text to measure the body's lines by (the first one recognised)."""
    for p in ctx.doc.text_paras():
        role = ctx.roles.get(p.number)
        if role is not None and role.key == "body" and not p.empty and p.fmt.frame is None:
            return p
    return None


def type_area_ok(ctx: Context, section: Section) -> bool:
    """Is the section's type area the template's (else the lines and characters it holds,
    and where the page number falls, follow from margins already found wrong)?"""
    page = ctx.expect.profile.page
    return (
        abs(section.type_width - page.type_width) <= 2 * TOLERANCE
        and abs(section.type_height - page.type_height) <= 2 * TOLERANCE
        and abs(section.top - page.margin_top) <= TOLERANCE
    )


def _grid(ctx: Context) -> Iterator[Finding]:
    """Lines per page from the body's line height; characters per line from its size and
    character spacing (or the character grid's pitch)."""
    grid = ctx.expect.profile.grid
    sample = body_sample(ctx)
    if sample is None:
        return
    section = ctx.doc.sections[min(sample.section, len(ctx.doc.sections) - 1)]
    if not type_area_ok(ctx, section):
        return
    where = Where(part="页面设置")
    height = line_height(sample, section)
    lines = math.floor((section.type_height + EPSILON) / height) if height > 0 else 0
    if lines != grid.lines:
        yield ctx.finding(
            "grid.lines",
            clause("§5.2.3"),
            where,
            f"每页应排 {grid.lines} 行（正文行距 {number(grid.line_pitch)} 磅），按第 {sample.number} 段的行距"
            + ("会排" if lines > grid.lines else "只能排")
            + f" {lines} 行",
            f"{grid.lines} 行",
            f"{lines} 行（行距 {number(height)} 磅）",
        )
    shown = [run for run in sample.runs if run.text.strip()]
    if not shown:
        return
    size, spacing = shown[0].fmt.size, shown[0].fmt.spacing
    if abs(size - ctx.expect.size("body")) > 0.01:
        return  # the body's size is wrong: said where it is, not again as a count
    width = size + spacing
    if section.grid == "linesAndChars" and section.char_space is not None:
        width = size + section.char_space
    chars = math.floor((section.type_width + EPSILON) / width) if width > 0 else 0
    if chars != grid.chars:
        yield ctx.finding(
            "grid.chars",
            clause("§5.2.3"),
            where,
            f"每行应排 {grid.chars} 字；正文 {number(size)} 磅、字距 {number(spacing)} 磅，每行只能排 {chars} 字"
            + (
                f"（字距宜为 {number(grid.character_spacing)} 磅）"
                if grid.character_spacing
                else ""
            ),
            f"{grid.chars} 字",
            f"{chars} 字",
        )
