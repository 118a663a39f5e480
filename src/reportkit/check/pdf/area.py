"""A PDF's pages against the template, measured where the glyphs stand: paper, margins,
line pitch and characters per line (§5), the red head 35 mm down and the red rule (§7.2)."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator

from reportkit.check.findings import Finding, Where, clause
from reportkit.check.pdf.context import PdfContext
from reportkit.check.pdf.paragraphs import PdfPara, Placed
from reportkit.errors import number

MM = 72 / 25.4
EDGE = 0.5 * MM  # how far a measured edge may be from the template's
PITCH_SLACK = 0.2  # points
ADVANCE_SLACK = 0.05  # points per character
PLACE = 2.0  # points: where a page number, a rule or a mark stands


def findings(ctx: PdfContext) -> Iterator[Finding]:
    """Findings about the paper, the type area and the head."""
    yield from _paper(ctx)
    yield from _type_area(ctx)
    yield from _head(ctx)


def keyed(ctx: PdfContext, *keys: str) -> list[PdfPara]:
    """The paragraphs in any of the styles ``keys``."""
    return [p for i, p in enumerate(ctx.paras) if (r := ctx.role(i)) is not None and r.key in keys]


def _paper(ctx: PdfContext) -> Iterator[Finding]:
    page = ctx.expect.profile.page
    for pdf_page in ctx.doc.pages:
        if abs(pdf_page.width - page.width) > EDGE or abs(pdf_page.height - page.height) > EDGE:
            yield ctx.finding(
                "page.size",
                clause("§5.1"),
                Where(page=pdf_page.number),
                "纸张大小不对",
                f"{number(page.width / MM)} × {number(page.height / MM)} 毫米",
                f"{number(pdf_page.width / MM)} × {number(pdf_page.height / MM)} 毫米",
            )
            return


def _body_lines(ctx: PdfContext) -> list[tuple[PdfPara, list[Placed]]]:
    return [(p, p.lines) for p in keyed(ctx, "body") if len(p.lines) > 1]


def _type_area(ctx: PdfContext) -> Iterator[Finding]:
    """Left and right edges of full body lines, the top line's place, the line pitch and
    the characters' advance on the grid."""
    profile = ctx.expect.profile
    page, grid = profile.page, profile.grid
    body = _body_lines(ctx)
    if not body:
        return
    where = Where(part="版心")
    full = [placed for _, lines in body for placed in lines[:-1]]  # lines filled to the right
    left, right = ctx.left, ctx.right
    margins_ok = True
    if abs(left - page.margin_left) > EDGE:
        margins_ok = False
        yield ctx.finding(
            "page.margin",
            clause("§5.2.1"),
            where,
            "左边距（订口）不对（按正文行的左端量得）",
            f"{number(page.margin_left / MM)} 毫米",
            f"{number(left / MM)} 毫米",
        )
    wanted_right = page.margin_left + page.type_width
    if abs(right - wanted_right) > EDGE and margins_ok:
        margins_ok = False
        yield ctx.finding(
            "page.margin",
            clause("§5.2.1"),
            where,
            "版心宽度不对（按撑满的正文行量得）",
            f"{number(page.type_width / MM)} 毫米",
            f"{number((right - left) / MM)} 毫米",
        )
    size = ctx.expect.size("body")
    gaps = [
        b.line.baseline - a.line.baseline
        for _, lines in body
        for a, b in itertools.pairwise(lines)
        if a.page == b.page
    ]
    pitch = statistics.median(gaps) if gaps else grid.line_pitch
    if abs(pitch - grid.line_pitch) > PITCH_SLACK:
        yield ctx.finding(
            "text.line_spacing",
            clause("§5.2.3"),
            body[0][1][1],
            f"正文的行距不对，每页排不成 {grid.lines} 行",
            f"{number(grid.line_pitch)} 磅",
            f"{number(pitch)} 磅",
        )
    elif margins_ok:
        yield from _top(ctx, size)
    # lines of Chinese alone: a Latin word's line is spread to take its gaps
    plain = [p for p in full if not any(c.text.isascii() for c in p.line.chars)]
    advances = [
        b.x0 - a.x0
        for placed in plain
        for a, b in itertools.pairwise(placed.line.chars)
        if _han(a.text) and _han(b.text) and abs(a.size - size) < 0.3
    ]
    if advances and margins_ok:
        advance = statistics.median(advances)
        if abs(advance - profile.char_width) > ADVANCE_SLACK:
            yield ctx.finding(
                "grid.chars",
                clause("§5.2.3"),
                where,
                f"每行应排 {grid.chars} 字",
                f"{grid.chars} 字",
                f"约 {number(page.type_width / advance)} 字",
            )


def _top(ctx: PdfContext, size: float) -> Iterator[Finding]:
    """The first line of body text at a page's top stands on the grid's first line."""
    profile = ctx.expect.profile
    for para in keyed(ctx, "body"):
        for placed in para.lines:
            images = ctx.doc.pages[placed.page - 1].images
            if placed.number != 1 or any(top < placed.line.baseline for _, top, _, _ in images):
                continue
            wanted = profile.page.margin_top + profile.baseline_in_line(size)
            if abs(placed.line.baseline - wanted) > PLACE + 1:
                yield ctx.finding(
                    "page.margin",
                    clause("§5.2.1"),
                    placed,
                    "上边距（天头）不对：页首一行不在版心的第一行上",
                    f"{number(profile.page.margin_top / MM)} 毫米",
                    f"约 {number((placed.line.baseline - profile.baseline_in_line(size)) / MM)} 毫米",
                )
            return


def _han(text: str) -> bool:
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


def _head(ctx: PdfContext) -> Iterator[Finding]:
    """The red head's distance from the top, the red rule on page 1 and its place under the
    文号 line."""
    profile = ctx.expect.profile
    styles = ctx.expect.part_styles()
    key = next((k for k in ("issuer_mark", "masthead_name") if k in styles), None)
    first = ctx.doc.pages[0] if ctx.doc.pages else None
    if key is None or first is None:
        return
    marks = keyed(ctx, key)
    if not marks:
        yield ctx.finding(
            "head.mark", clause("§7.2.4"), Where(page=1), f"首页没有{ctx.expect.name(key)}"
        )
    else:
        top = ctx.expect.style(key).top
        line = marks[0].lines[0].line
        em_top = line.baseline - profile.grid.em_ascent * line.size
        if top is not None and abs(em_top - (profile.page.margin_top + top)) > 1.5 * MM:
            yield ctx.finding(
                "head.mark_top",
                clause("§7.2.4"),
                marks[0].lines[0],
                f"{ctx.expect.name(key)}的上边缘应距版心上边缘 {number(top / MM)} 毫米",
                f"{number(top / MM)} 毫米",
                f"{number((em_top - profile.page.margin_top) / MM)} 毫米",
            )
    red = [
        part.rule
        for part in profile.parts
        if part.part == "rule" and part.rule and profile.rules[part.rule].colour != "text"
    ]
    if not red:
        return
    rules = [
        r for r in first.rules if reddish(r.colour) and r.x1 - r.x0 > profile.page.type_width * 0.9
    ]
    if not rules:
        yield ctx.finding(
            "head.rule", clause("§7.2.7"), Where(page=1), "版头下没有红色分隔线", "红色分隔线", "无"
        )
        return
    wanted = profile.rules[red[0]].below_baseline
    above = [line for line in first.lines if line.baseline < rules[0].y]
    if wanted is not None and above:
        gap = rules[0].y - above[-1].baseline
        if abs(gap - wanted) > 1 * MM:
            yield ctx.finding(
                "head.rule_place",
                clause("§7.2.7"),
                Where(page=1),
                f"红色分隔线应在其上一行（发文字号）之下 {number(wanted / MM)} 毫米",
                f"{number(wanted / MM)} 毫米",
                f"{number(gap / MM)} 毫米",
                "warning",
            )


def reddish(colour: str) -> bool:
    """A red an office prints the red head in: strong red, little green and blue."""
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red >= 0xB0 and green <= 0x60 and blue <= 0x60
