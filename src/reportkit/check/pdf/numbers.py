"""A PDF's page numbers (§7.5): on every page but a blank one and a 版记 page after it, the
page's own, in the template's marks, face and size, on its side, 7 mm below the type area."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check.findings import Finding, Where, clause
from reportkit.check.pdf.area import PLACE, keyed
from reportkit.check.pdf.context import PdfContext
from reportkit.check.pdf.paragraphs import Placed
from reportkit.check.pdf.read import Line
from reportkit.errors import number

MM = 72 / 25.4


def findings(ctx: PdfContext) -> Iterator[Finding]:
    """Findings about every page's number."""
    yield from _page_numbers(ctx)


def _page_numbers(ctx: PdfContext) -> Iterator[Finding]:
    """Each page's number: there (but on a blank page and one holding only the 版记), the
    page's own, in the template's marks, face and size, on its side, 7 mm below."""
    pattern = ctx.expect.page_number_pattern()
    before, after = ctx.expect.page_marks()
    left, right = ctx.left, ctx.right
    by_page: dict[int, Placed] = {}
    for placed in ctx.footers:
        by_page.setdefault(placed.page, placed)
    end_pages = {p.page for para in keyed(ctx, "end_matter") for p in para.lines}
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
