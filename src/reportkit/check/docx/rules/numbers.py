"""Page numbers (GB/T 9704 §7.5): a PAGE field in the footer of every section with text, in
the template's marks (— 1 —), face and size, odd pages on one side and even on the other
one character in, 7 mm below the type area."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check.docx.model import Para, Section
from reportkit.check.docx.pages import line_height
from reportkit.check.docx.resolve import slot
from reportkit.check.docx.rules.context import Context
from reportkit.check.docx.rules.page import type_area_ok
from reportkit.check.findings import Finding, Where
from reportkit.errors import number

MM = 72 / 25.4
SIDES = {"left": "左侧", "right": "右侧", "center": "居中"}
INDENT_SLACK = 0.3  # characters


def findings(ctx: Context) -> Iterator[Finding]:
    """Findings about the page numbers of every section that holds text (a section of only
    the 版记, or a blank page before it, has none: §7.5)."""
    settings = ctx.expect.profile.page_number
    two_sides = settings.odd != settings.even
    seen: set[str] = set()
    for index, section in enumerate(ctx.doc.sections):
        if not _numbered(ctx, index):
            continue
        where = Where(part="页脚" if len(ctx.doc.sections) == 1 else f"页脚（第 {index + 1} 节）")
        kinds = [("default", settings.odd, "奇数页")]
        if two_sides:
            kinds.append(("even" if ctx.doc.even_and_odd else "default", settings.even, "偶数页"))
        if section.title_page:
            # 首页不同: the section's first page shows its own footer (an odd page)
            kinds.append(("first", settings.odd, "首页（页面设置选了“首页不同”）"))
        for kind, side, name in kinds:
            paras = section.footers.get(kind, []) + section.headers.get(kind, [])
            for finding in _footer(ctx, section, paras, side, name, where):
                key = f"{finding.rule}|{finding.message}"
                if key not in seen:  # said once for all sections alike
                    seen.add(key)
                    yield finding


def _numbered(ctx: Context, index: int) -> bool:
    """Should section ``index``'s pages show numbers: does it hold text other than the
    版记?"""
    for p in ctx.doc.text_paras():
        if p.section != index or not p.text.strip():
            continue
        role = ctx.roles.get(p.number)
        if role is None or role.key != "end_matter":
            return True
    return False


def _footer(
    ctx: Context, section: Section, paras: list[Para], side: str, name: str, where: Where
) -> Iterator[Finding]:
    pattern = ctx.expect.page_number_pattern()
    before, after = ctx.expect.page_marks()
    sample = f"{before}1{after}"
    fields = [p for p in paras if any(f.split()[:1] == ["PAGE"] for f in p.fields)]
    if not fields:
        # typed numbers: the header's red head or a title is no page number
        typed = [p for p in paras if any(ch.isdigit() for ch in p.text)]
        if typed:
            shown = typed[0].text.strip()
            yield ctx.finding(
                "page_number.missing",
                "page_number",
                where,
                f"{name}的页码“{shown}”是手打的，每页都一样，不会随页变化：页脚中应插入“页码”域",
                f"页码域（{sample}）",
                f"手打的“{shown}”",
            )
            return
        yield ctx.finding(
            "page_number.missing",
            "page_number",
            where,
            f"{name}没有页码（页脚中应插入“页码”域）",
            sample,
            "无",
        )
        return
    p = fields[0]
    shown = p.text.strip()
    if not pattern.match(shown):
        yield ctx.finding(
            "page_number.form",
            "page_number",
            where,
            f"{name}页码的格式不对：应为数字左右各放一条一字线",
            sample,
            shown,
        )
    yield from _face(ctx, p, where, name)
    yield from _side(ctx, p, side, where, name)
    below = ctx.expect.profile.page_number.below_type_area
    top = section.height - section.footer - line_height(p, section, grid=False)
    wanted = section.top + section.type_height + below
    if abs(top - wanted) > 2 * MM and type_area_ok(ctx, section):
        yield ctx.finding(
            "page_number.place",
            "page_number",
            where,
            f"页码应在版心下边缘之下 {number(below / MM)} 毫米（按页脚距离估算）",
            f"{number(below / MM)} 毫米",
            f"{number((top - section.top - section.type_height) / MM)} 毫米",
            severity="warning",
        )


def _face(ctx: Context, p: Para, where: Where, name: str) -> Iterator[Finding]:
    expect = ctx.expect
    faces = expect.faces("page_number", "east_asian") + expect.faces("page_number", "latin")
    size = expect.size("page_number")
    for run in p.runs:
        if not run.text.strip():
            continue
        if abs(run.fmt.size - size) > 0.01:
            yield ctx.finding(
                "page_number.size",
                "page_number",
                where,
                f"{name}页码的字号不对",
                ctx.size_name(size),
                ctx.size_name(run.fmt.size),
            )
            return
        for char in run.text.strip():
            face = run.fmt.face(slot(char, run.fmt.hint))
            if face not in faces:
                yield ctx.finding(
                    "page_number.font",
                    "page_number",
                    where,
                    f"{name}页码的字体不对",
                    expect.first_face("page_number"),
                    face or "未指定",
                )
                return


def _side(ctx: Context, p: Para, side: str, where: Where, name: str) -> Iterator[Finding]:
    settings = ctx.expect.profile.page_number
    if p.fmt.align != side:
        yield ctx.finding(
            "page_number.side",
            "page_number",
            where,
            f"{name}页码应{'居' if side == 'center' else '在'}{SIDES[side]}"
            + (
                ""
                if ctx.doc.even_and_odd or side == settings.odd
                else "：页面设置中要勾选“奇偶页不同”"
            ),
            SIDES[side],
            SIDES.get(p.fmt.align, p.fmt.align),
        )
        return
    if side == "center":
        return
    indent = p.fmt.right if side == "right" else p.fmt.left
    wanted = settings.indent * settings.indent_size
    if abs(indent - wanted) > INDENT_SLACK * settings.indent_size:
        yield ctx.finding(
            "page_number.indent",
            "page_number",
            where,
            f"{name}页码应{'右' if side == 'right' else '左'}空 {number(settings.indent)} 字",
            f"{number(settings.indent)} 字（{number(wanted)} 磅）",
            f"{number(indent / settings.indent_size)} 字",
        )
