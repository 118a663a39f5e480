"""The end of the body and the 版记: 附件说明 (§7.3.4), 署名 and 成文日期 (§7.3.5), 附注
(§7.3.6), 附件 pages (§7.3.7), and the 版记 with its rules on the foot of the last page,
an even one where the template wants it (§7.4)."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check import patterns
from reportkit.check.docx.model import Para
from reportkit.check.docx.pages import width
from reportkit.check.docx.rules.context import Context
from reportkit.check.docx.rules.page import type_area_ok
from reportkit.check.findings import Finding
from reportkit.errors import number

CHAR_SLACK = 0.6  # characters: where a line ends depends on the widths of Latin digits
RULE_SLACK = 0.15  # points of a rule's width: Word stores a border in eighths of a point


def findings(ctx: Context) -> Iterator[Finding]:
    """Findings about the end of the body and the 版记."""
    paras = [p for p in ctx.doc.part_paras() if not p.empty]
    by_key: dict[str, list[Para]] = {}
    for p in paras:
        role = ctx.roles.get(p.number)
        if role is not None:
            by_key.setdefault(role.key, []).append(p)
    yield from _indented(ctx, by_key.get("attachment_note", [])[:1], "attachment_note")
    yield from _indented(ctx, by_key.get("note", []), "note")
    yield from _signature(ctx, by_key.get("signature", []))
    yield from _attachments(ctx, by_key.get("attachment_label", []))
    yield from _end_block(ctx, by_key.get("end_matter", []))


def _start(p: Para) -> float:
    """Where the paragraph's first line starts, in points from the type area's left."""
    return p.fmt.left + p.fmt.first_line


def _indented(ctx: Context, paras: list[Para], key: str) -> Iterator[Finding]:
    """A part whose first line starts two characters in (附件说明, 附注)."""
    if not paras:
        return
    style = ctx.expect.style(key)
    size = style.size or 0.0
    wanted = (style.first_line_indent or style.indent_left) * size
    for p in paras:
        if p.fmt.align in ("center", "right") or abs(_start(p) - wanted) > size / 4:
            yield ctx.finding(
                "tail.indent",
                key,
                p,
                f"{ctx.expect.name(key)}应左空 {number(wanted / size)} 字编排",
                f"左空 {number(wanted / size)} 字",
                "居中" if p.fmt.align == "center" else f"左空 {number(_start(p) / size)} 字",
            )


def _signature(ctx: Context, paras: list[Para]) -> Iterator[Finding]:
    """The date's form, and the name and date placed as §7.3.5 says: without a seal the
    name two characters from the right, the date on the next line two characters right of
    the name's start; with one the date four characters from the right, the name centred
    over it."""
    dates = [p for p in paras if patterns.DATE.match(p.text.strip())]
    if not dates:
        return
    date = dates[-1]
    shown = date.text.strip()
    if not patterns.GOOD_DATE.match(shown):
        yield ctx.finding(
            "tail.date_form",
            "GB/T 9704—2012 §7.3.5.4",
            date,
            "成文日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位（如 1 不写 01）",
            "2019年4月26日",
            shown,
        )
    names = [p for p in paras if p.number < date.number and p is not date]
    section = ctx.doc.sections[min(date.section, len(ctx.doc.sections) - 1)]
    if not names or not type_area_ok(ctx, section):
        return  # places across a type area already found wrong are not measured
    name = names[-1]
    profile = ctx.expect.profile
    size = ctx.expect.size("signature")
    type_width = section.type_width
    spans = {}
    for p in (name, date):
        used = width(p, profile)
        start = _place(p, used, type_width)
        spans[p.number] = (start, type_width - start - used)
    (name_start, name_gap), (date_start, date_gap) = spans[name.number], spans[date.number]
    sealed = any(d.kind == "picture" and not d.inline for p in (name, date) for d in p.drawings)
    if sealed:
        checks = [
            ("成文日期应右空四字", date_gap / size, 4.0),
            (
                "发文机关署名应以成文日期为准居中",
                (name_start + (type_width - name_gap)) / 2 / size,
                (date_start + (type_width - date_gap)) / 2 / size,
            ),
        ]
        clause = "GB/T 9704—2012 §7.3.5.1"
    else:
        checks = [
            ("成文日期首字应比署名首字右移二字", (date_start - name_start) / size, 2.0),
            ("署名（或较长的成文日期）应右空二字", min(name_gap, date_gap) / size, 2.0),
        ]
        clause = "GB/T 9704—2012 §7.3.5.2"
    for message, found, wanted in checks:
        if abs(found - wanted) > CHAR_SLACK:
            yield ctx.finding(
                "tail.signature",
                clause,
                date if "日期" in message.split("应")[0] else name,
                f"{message}（按字宽估算）",
                f"{number(wanted)} 字" if "居中" not in message else "居中",
                f"{number(found)} 字"
                if "居中" not in message
                else f"偏 {number(found - wanted)} 字",
                severity="warning",
            )


def _place(p: Para, used: float, type_width: float) -> float:
    """Where a one-line paragraph's text starts, from its alignment and indents."""
    if p.fmt.align == "right":
        return type_width - p.fmt.right - used
    if p.fmt.align == "center":
        return p.fmt.left + (type_width - p.fmt.left - p.fmt.right - used) / 2
    return _start(p)


def _attachments(ctx: Context, labels: list[Para]) -> Iterator[Finding]:
    for p in labels:
        placed = ctx.pages.placed.get(p.number)
        if placed is not None and placed.top > 0.5 and not p.fmt.page_break_before:
            yield ctx.finding(
                "tail.attachment_page",
                "attachment_label",
                p,
                "附件应另面编排：“附件”二字在新的一页第一行",
                "另起一页",
                f"接在第 {placed.page} 页正文之后（估算）",
            )


def _end_block(ctx: Context, lines: list[Para]) -> Iterator[Finding]:
    """The 版记: its first and last rules, at the foot of the last page, an even page."""
    part = ctx.expect.end_block()
    if part is None or not lines:
        return
    first, last = lines[0], lines[-1]
    rules = part["rules"]
    assert isinstance(rules, dict)
    yield from _border(ctx, first, "top", rules.get("first"), "首条")
    yield from _border(ctx, last, "bottom", rules.get("last"), "末条")
    placed = ctx.pages.placed.get(last.number)
    if placed is None:
        return
    height = ctx.doc.sections[min(last.section, len(ctx.doc.sections) - 1)].type_height
    bottom = placed.top + placed.line * placed.lines
    table = ctx.doc.table_of(last) if last.in_table else None
    at_foot = last.fmt.frame is not None or (table is not None and table.foot)
    if not at_foot and height - bottom > placed.line + 0.5:
        yield ctx.finding(
            "end.foot",
            "end_matter",
            last,
            "版记应置于版心最下方，末条分隔线与版心下边缘重合（估算离下边缘还有 "
            f"{number((height - bottom) / ctx.expect.profile.grid.line_pitch)} 行）",
            "版心最下方",
            "中部",
        )
    if placed.page != ctx.pages.pages:
        yield ctx.finding(
            "end.last_page",
            "end_matter",
            last,
            "版记应在公文的最后一页",
            f"第 {ctx.pages.pages} 页",
            f"第 {placed.page} 页（估算）",
        )
    elif part["even_page"] and placed.page % 2:
        yield ctx.finding(
            "end.even_page",
            "end_matter",
            last,
            "版记应在偶数页（双面印刷时在末页背面）：需要时在它前面加一个空白页",
            "偶数页",
            f"第 {placed.page} 页（按行数估算）",
        )


def _border(ctx: Context, p: Para, side: str, rule: str | None, name: str) -> Iterator[Finding]:
    """The 版记's first (``top``) or last (``bottom``) rule: a border of its paragraph, or a
    line drawn from the paragraph before it."""
    if rule is None or rule not in ctx.expect.profile.rules:
        return
    wanted = ctx.expect.profile.rules[rule].width
    border = p.fmt.borders.get(side)
    if border is not None and border.kind not in ("none", "nil"):
        if abs(border.width - wanted) > RULE_SLACK:
            yield ctx.finding(
                "end.rule_width",
                "GB/T 9704—2012 §7.4.1",
                p,
                f"版记的{name}分隔线粗细不对",
                f"{number(wanted * 25.4 / 72)} 毫米",
                f"{number(border.width * 25.4 / 72)} 毫米",
                severity="warning",
            )
        return
    table = ctx.doc.table_of(p) if p.in_table else None
    if table is not None and table.lines:
        return  # a table's borders: drawn, their widths not told apart by side
    drawn = [q for q in ctx.doc.paras if q.number in (p.number - 1, p.number, p.number + 1)]
    if any(d.kind == "line" for q in drawn for d in q.drawings):
        return
    yield ctx.finding(
        "end.rule",
        "GB/T 9704—2012 §7.4.1",
        p,
        f"版记缺少{name}分隔线（与版心等宽的黑线）",
        f"{name}分隔线",
        "无",
    )
