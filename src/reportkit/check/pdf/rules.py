"""A PDF's pages against the template, measured where the glyphs stand: paper, margins,
line pitch and characters per line (§5), the red head and rule (§7.2), 署名 and 成文日期
(§7.3.5), 附件 pages (§7.3.7), the 版记 on the foot of the last, even page (§7.4), page
numbers (§7.5)."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator

from reportkit.check import patterns
from reportkit.check.findings import Finding, Where, clause
from reportkit.check.pdf.check import PdfContext
from reportkit.check.pdf.paragraphs import PdfPara, Placed
from reportkit.check.pdf.read import Line
from reportkit.errors import number

MM = 72 / 25.4
EDGE = 0.5 * MM  # how far a measured edge may be from the template's
PITCH_SLACK = 0.2  # points
ADVANCE_SLACK = 0.05  # points per character
PLACE = 2.0  # points: where a page number, a rule or a mark stands


def findings(ctx: PdfContext) -> Iterator[Finding]:
    """Findings about the pages as a whole."""
    yield from _paper(ctx)
    yield from _type_area(ctx)
    yield from _head(ctx)
    yield from _signature(ctx)
    yield from _attachments(ctx)
    yield from _end_block(ctx)
    yield from _page_numbers(ctx)


def _keyed(ctx: PdfContext, *keys: str) -> list[PdfPara]:
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
    return [(p, p.lines) for p in _keyed(ctx, "body") if len(p.lines) > 1]


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
    for para in _keyed(ctx, "body"):
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
    marks = _keyed(ctx, key)
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
        r for r in first.rules if _reddish(r.colour) and r.x1 - r.x0 > profile.page.type_width * 0.9
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


def _reddish(colour: str) -> bool:
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red >= 0xB0 and green <= 0x60 and blue <= 0x60


def _signature(ctx: PdfContext) -> Iterator[Finding]:
    """The date's form; name and date placed as §7.3.5 says (measured on the page)."""
    lines = [para.lines[0] for para in _keyed(ctx, "signature") if len(para.lines) == 1]
    dates = [p for p in lines if patterns.DATE.match(p.line.text.strip())]
    if not dates:
        return
    date = dates[-1]
    if not patterns.GOOD_DATE.match(date.line.text.strip()):
        yield ctx.finding(
            "tail.date_form",
            clause("§7.3.5.4"),
            date,
            "成文日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位（如 1 不写 01）",
            "2019年4月26日",
            date.line.text.strip(),
        )
    names = [p for p in lines if p is not date and (p.page, p.number) < (date.page, date.number)]
    if not names:
        return
    name = names[-1]
    right = ctx.right
    size = ctx.expect.size("signature")
    if _has_seal(ctx, date):
        checks = [
            ("成文日期应右空四字", (right - date.line.x1) / size, 4.0, date),
            (
                "发文机关署名应以成文日期为准居中",
                ((name.line.x0 + name.line.x1) - (date.line.x0 + date.line.x1)) / 2 / size,
                0.0,
                name,
            ),
        ]
        rule = clause("§7.3.5.1")
    else:
        checks = [
            ("成文日期首字应比署名首字右移二字", (date.line.x0 - name.line.x0) / size, 2.0, date),
            (
                "署名（或较长的成文日期）应右空二字",
                min(right - name.line.x1, right - date.line.x1) / size,
                2.0,
                name,
            ),
        ]
        rule = clause("§7.3.5.2")
    for message, found, wanted, where in checks:
        if abs(found - wanted) > 0.5:
            yield ctx.finding(
                "tail.signature",
                rule,
                where,
                message,
                f"{number(wanted)} 字",
                f"{number(found)} 字",
                "warning",
            )


def _has_seal(ctx: PdfContext, date: Placed) -> bool:
    """Is there a picture over the date's line (a seal)?"""
    base = date.line.baseline
    return any(top <= base <= bottom for _, top, _, bottom in ctx.doc.pages[date.page - 1].images)


def _attachments(ctx: PdfContext) -> Iterator[Finding]:
    for para in _keyed(ctx, "attachment_label"):
        first = para.lines[0]
        if first.number != 1:
            yield ctx.finding(
                "tail.attachment_page",
                clause("§7.3.7"),
                first,
                "附件应另面编排：“附件”二字在新的一页第一行",
                "另起一页",
                f"第 {first.number} 行",
            )


def _end_block(ctx: PdfContext) -> Iterator[Finding]:
    """The 版记 on the last page, at the type area's foot, between its rules; an even page
    where the template wants it."""
    part = ctx.expect.end_block()
    lines = [placed for para in _keyed(ctx, "end_matter") for placed in para.lines]
    if part is None or not lines:
        return
    profile = ctx.expect.profile
    first, last = lines[0], lines[-1]
    page = ctx.doc.pages[last.page - 1]
    bottom = profile.page.margin_top + profile.page.type_height
    full = [
        r
        for r in page.rules
        if r.x1 - r.x0 > profile.page.type_width * 0.9 and not _reddish(r.colour)
    ]
    below = [r for r in full if r.y > last.line.baseline]
    above = [r for r in full if r.y < first.line.baseline]
    rules = part["rules"]
    assert isinstance(rules, dict)
    for found, which, side in (
        (above[-1:], rules.get("first"), "首条"),
        (below[:1], rules.get("last"), "末条"),
    ):
        if which is None:
            continue
        if not found:
            yield ctx.finding(
                "end.rule",
                clause("§7.4.1"),
                first if side == "首条" else last,
                f"版记缺少{side}分隔线",
                f"{side}分隔线",
                "无",
            )
            continue
        wanted = profile.rules[which].width
        if abs(found[0].width - wanted) > 0.15:
            yield ctx.finding(
                "end.rule_width",
                clause("§7.4.1"),
                first if side == "首条" else last,
                f"版记的{side}分隔线粗细不对",
                f"{number(wanted / MM)} 毫米",
                f"{number(found[0].width / MM)} 毫米",
                "warning",
            )
    if below and abs(below[0].y - bottom) > PLACE:
        yield ctx.finding(
            "end.foot",
            clause("§7.4"),
            last,
            "版记应置于版心最下方，末条分隔线与版心下边缘重合",
            f"距页面上边缘 {number(bottom / MM)} 毫米",
            f"{number(below[0].y / MM)} 毫米",
        )
    if last.page != len(ctx.doc.pages):
        yield ctx.finding(
            "end.last_page",
            clause("§7.4"),
            last,
            "版记应在公文的最后一页",
            f"第 {len(ctx.doc.pages)} 页",
            f"第 {last.page} 页",
        )
    elif part["even_page"] and last.page % 2:
        yield ctx.finding(
            "end.even_page",
            clause("§7.4"),
            last,
            "版记应在偶数页（双面印刷时在末页背面）：需要时在它前面加一个空白页",
            "偶数页",
            f"第 {last.page} 页",
        )


def _page_numbers(ctx: PdfContext) -> Iterator[Finding]:
    """Each page's number: there (but on a blank page and one holding only the 版记), the
    page's own, in the template's marks, face and size, on its side, 7 mm below."""
    pattern = ctx.expect.page_number_pattern()
    before, after = ctx.expect.page_marks()
    left, right = ctx.left, ctx.right
    by_page: dict[int, Placed] = {}
    for placed in ctx.footers:
        by_page.setdefault(placed.page, placed)
    end_pages = {p.page for para in _keyed(ctx, "end_matter") for p in para.lines}
    told: set[str] = set()
    for pdf_page in ctx.doc.pages:
        found = by_page.get(pdf_page.number)
        if found is None:
            if not _unnumbered(ctx, pdf_page.number, end_pages):
                yield ctx.finding(
                    "page_number.missing",
                    clause("§7.5"),
                    Where(page=pdf_page.number),
                    "这一页没有页码",
                    f"{before}{pdf_page.number}{after}",
                    "无",
                )
            continue
        shown = found.line.text.strip()
        matched = pattern.match(shown)
        if matched is None:
            if "form" not in told:
                told.add("form")
                yield ctx.finding(
                    "page_number.form",
                    clause("§7.5"),
                    found,
                    "页码的格式不对：应为数字左右各放一条一字线",
                    f"{before}{pdf_page.number}{after}",
                    shown,
                )
            continue
        if int(matched.group(1)) != pdf_page.number:
            yield ctx.finding(
                "page_number.value",
                clause("§7.5"),
                found,
                "页码与页序不符",
                str(pdf_page.number),
                matched.group(1),
            )
        yield from _number_style(ctx, found, pdf_page.number, left, right, told)


def _unnumbered(ctx: PdfContext, number_: int, end_pages: set[int]) -> bool:
    """May page ``number_`` go without a number (§7.5): blank, or holding only the 版记?"""
    skip = ctx.expect.profile.page_number.skip
    texts = [p for p in ctx.paras if any(line.page == number_ for line in p.lines)]
    if not texts:
        return "blank" in skip
    if number_ in end_pages:
        others = [
            p
            for i, p in enumerate(ctx.paras)
            if any(line.page == number_ for line in p.lines)
            and ((r := ctx.role(i)) is None or r.key != "end_matter")
        ]
        return not others and "end_only" in skip
    return False


def _number_style(
    ctx: PdfContext, found: Placed, page_number: int, left: float, right: float, told: set[str]
) -> Iterator[Finding]:
    settings = ctx.expect.profile.page_number
    line: Line = found.line
    side = settings.odd if page_number % 2 else settings.even
    indent = settings.indent * settings.indent_size
    name = "奇数页" if page_number % 2 else "偶数页"
    if side == "right":
        off = abs(right - indent - line.x1)
    elif side == "left":
        off = abs(left + indent - line.x0)
    else:
        off = abs((line.x0 + line.x1) / 2 - (left + right) / 2)
    if off > PLACE and f"side{page_number % 2}" not in told:
        told.add(f"side{page_number % 2}")
        where = {"right": "右空一字", "left": "左空一字", "center": "居中"}[side]
        yield ctx.finding(
            "page_number.side",
            clause("§7.5"),
            found,
            f"{name}页码应{where}",
            where,
            f"偏 {number(off)} 磅",
        )
    size = ctx.expect.size("page_number")
    if abs(line.size - size) > 0.25 and "size" not in told:
        told.add("size")
        yield ctx.finding(
            "page_number.size",
            clause("§7.5"),
            found,
            "页码的字号不对",
            f"{number(size)} 磅",
            f"{number(line.size)} 磅",
        )
    faces = ctx.expect.faces("page_number", "east_asian") + ctx.expect.faces("page_number", "latin")
    odd = [c for c in line.chars if not c.text.isspace() and not ctx.matches(c.font, faces)]
    if odd and "font" not in told:
        told.add("font")
        yield ctx.finding(
            "page_number.font",
            clause("§7.5"),
            found,
            "页码的字体不对",
            ctx.expect.first_face("page_number"),
            odd[0].font,
        )
    profile = ctx.expect.profile
    wanted = profile.page.margin_top + profile.page.type_height + settings.below_type_area
    em_top = line.baseline - profile.grid.em_ascent * line.size
    if abs(em_top - wanted) > PLACE + 1 and "place" not in told:
        told.add("place")
        yield ctx.finding(
            "page_number.place",
            clause("§7.5"),
            found,
            f"页码应在版心下边缘之下 {number(settings.below_type_area / MM)} 毫米",
            f"{number(settings.below_type_area / MM)} 毫米",
            f"{number((em_top - wanted + settings.below_type_area) / MM)} 毫米",
            "warning",
        )
