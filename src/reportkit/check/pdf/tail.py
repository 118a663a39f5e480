"""The end of a PDF: 署名 and 成文日期 (§7.3.5), 附件 pages (§7.3.7), the 版记 on the foot of
the last, even page between its rules (§7.4)."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check import patterns
from reportkit.check.findings import Finding, clause
from reportkit.check.pdf.area import PLACE, keyed, reddish
from reportkit.check.pdf.context import PdfContext
from reportkit.check.pdf.paragraphs import Placed
from reportkit.errors import number

MM = 72 / 25.4


def findings(ctx: PdfContext) -> Iterator[Finding]:
    """Findings about the end of the document."""
    yield from _signature(ctx)
    yield from _attachments(ctx)
    yield from _end_block(ctx)


def _signature(ctx: PdfContext) -> Iterator[Finding]:
    """The date's form; name and date placed as §7.3.5 says (measured on the page)."""
    lines = [para.lines[0] for para in keyed(ctx, "signature") if len(para.lines) == 1]
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
    for para in keyed(ctx, "attachment_label"):
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
    lines = [placed for para in keyed(ctx, "end_matter") for placed in para.lines]
    if part is None or not lines:
        return
    profile = ctx.expect.profile
    first, last = lines[0], lines[-1]
    page = ctx.doc.pages[last.page - 1]
    bottom = profile.page.margin_top + profile.page.type_height
    full = [
        r
        for r in page.rules
        if r.x1 - r.x0 > profile.page.type_width * 0.9 and not reddish(r.colour)
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
