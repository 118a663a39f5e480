"""Each paragraph's text as Word sets it, against its part's style: the face of every
character in the slot Word gives it, sizes, colours, centring, the first-line indent and
the line spacing of running text."""

from __future__ import annotations

import math
from collections.abc import Iterator

from reportkit.check.docx.model import Para, Run
from reportkit.check.docx.pages import EPSILON, line_height
from reportkit.check.docx.resolve import slot
from reportkit.check.docx.roles import Role
from reportkit.check.docx.rules.context import Context
from reportkit.check.findings import Finding, Severity
from reportkit.errors import number
from reportkit.render.docx.styles import style_name

LEVELS = {
    1: "一级标题（一、）",
    2: "二级标题（（一））",
    3: "三级标题（1.）",
    4: "四级标题（（1））",
}
GRID_TEXT = ("body", "heading", "addressee")  # set line by line on the grid
INDENTED = ("body", "heading")  # 每个自然段左空二字 (§7.3.3)
BLACK = "000000"


def findings(ctx: Context) -> Iterator[Finding]:
    """Findings about every paragraph with a part, in order."""
    characters = {
        style_name(ctx.expect.profile, key): key
        for key, style in ctx.expect.profile.styles.items()
        if style.character
    }
    for p in ctx.doc.part_paras():
        role = ctx.roles.get(p.number)
        if role is None or p.empty:
            continue
        yield from _faces(ctx, p, role, characters)
        yield from _colours(ctx, p, role, characters)
        yield from _layout(ctx, p, role)


def _keys(
    p: Para, role: Role, characters: dict[str, str]
) -> Iterator[tuple[Run, str, tuple[str, ...]]]:
    """Each run's text in pieces with the styles it may be set in: its character style when
    that is the template's (a .docx reportkit wrote says so), else the role's styles at each
    character (a lead sentence, a signer's name, the rest)."""
    styled = any(run.style in characters for run in p.runs)
    offset = len(p.label)
    for run in p.runs:
        if run.style in characters:
            yield run, run.text, (characters[run.style or ""],)
        elif styled:
            yield run, run.text, (role.key,)
        else:
            start = 0
            for index in range(1, len(run.text) + 1):
                here = role.keys_at(offset + start)
                if index == len(run.text) or role.keys_at(offset + index) != here:
                    yield run, run.text[start:index], here
                    start = index
        offset += len(run.text)


def _name(ctx: Context, key: str, role: Role) -> str:
    if role.level is not None and key in ("heading", "runin") and role.level in LEVELS:
        return LEVELS[role.level]
    return ctx.expect.name(key)


def _faces(ctx: Context, p: Para, role: Role, characters: dict[str, str]) -> Iterator[Finding]:
    expect = ctx.expect
    seen: set[tuple[str, ...]] = set()
    for run, text, keys in _keys(p, role, characters):
        fmt, key = run.fmt, keys[0]
        sizes = {expect.size(k) for k in keys}
        if text.strip() and not any(abs(fmt.size - s) < 0.01 for s in sizes):
            mark = ("size", str(fmt.size))  # said once a paragraph, not once a style
            if mark not in seen:
                seen.add(mark)
                # a red head may be set smaller to fit its name on the line (§7.2.4 fixes
                # no size)
                shrinks = expect.style(key).shrink_to_fit
                yield ctx.finding(
                    "text.size",
                    key,
                    p,
                    f"{_name(ctx, key, role)}的字号" + ("与模板不同" if shrinks else "不对"),
                    ctx.size_name(expect.size(key)),
                    ctx.size_name(fmt.size),
                    severity="warning" if shrinks else "error",
                )
        east = [face for k in keys for face in expect.faces(k, "east_asian")]
        latin = [face for k in keys for face in expect.faces(k, "latin")]
        for char in text:
            if char.isspace():
                continue
            where = slot(char, fmt.hint)
            face = fmt.face(where)
            if where == "eastAsia" and face not in east:
                problem = ("east", key, face or "")
            elif where == "ascii" and char.isalnum() and face not in latin and face not in east:
                problem = ("latin", key, face or "")
            elif where == "hAnsi" and face not in east:
                problem = ("marks", "", face or "")  # once a paragraph
            else:
                continue
            if problem in seen:
                continue
            seen.add(problem)
            yield _face_finding(ctx, p, role, problem, char)


def _face_finding(
    ctx: Context, p: Para, role: Role, problem: tuple[str, ...], char: str
) -> Finding:
    kind, key, face = problem
    key = key or role.key
    found = face or "未指定（Word 的默认字体）"
    name = _name(ctx, key, role)
    if kind == "east":
        return ctx.finding(
            "text.font", key, p, f"{name}的字体不对", ctx.expect.first_face(key), found
        )
    if kind == "latin":
        return ctx.finding(
            "text.latin_font",
            key,
            p,
            f"{name}中的数字和西文字母宜用“{ctx.expect.first_face(key, 'latin')}”",
            ctx.expect.first_face(key, "latin"),
            found,
            severity="warning",
        )
    return ctx.finding(
        "text.mark_font",
        key,
        p,
        f"{name}中的“{char}”等标点用了西文字体，显示的宽度和样子与中文标点不同；"
        "请把这些标点的字体设为中文字体",
        ctx.expect.first_face(key),
        found,
        severity="warning",
    )


def _colours(ctx: Context, p: Para, role: Role, characters: dict[str, str]) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for run, text, keys in _keys(p, role, characters):
        if not text.strip():
            continue
        wanted = ctx.expect.colour(keys[0])
        found = run.fmt.colour or BLACK
        if found == wanted or (keys[0], found) in seen:
            continue
        seen.add((keys[0], found))
        red_wanted, red_found = reddish(wanted), reddish(found)
        severity: Severity = "warning" if red_wanted == red_found and red_wanted else "error"
        yield ctx.finding(
            "text.colour",
            keys[0] if red_wanted else "GB/T 9704—2012 §5.2.4",
            p,
            f"{_name(ctx, keys[0], role)}的颜色不对"
            + ("（应为红色）" if red_wanted and not red_found else ""),
            f"#{wanted}",
            f"#{found}",
            severity,
        )


def reddish(colour: str) -> bool:
    """A red an office prints the red head in: strong red, little green and blue."""
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red >= 0xB0 and green <= 0x60 and blue <= 0x60


def _layout(ctx: Context, p: Para, role: Role) -> Iterator[Finding]:
    style = ctx.expect.style(role.key)
    size = style.size or 0.0
    name = _name(ctx, role.key, role)
    if style.align == "center" and p.fmt.align != "center":
        yield ctx.finding("text.align", role.key, p, f"{name}应居中", "居中", _ALIGN[p.fmt.align])
    elif role.key == "body" and style.align == "justify" and p.fmt.align not in ("justify",):
        yield ctx.finding(
            "text.align",
            role.key,
            p,
            "正文宜两端对齐，每行撑满版心",
            "两端对齐",
            _ALIGN[p.fmt.align],
            severity="warning",
        )
    if role.key in INDENTED and p.fmt.align != "center" and style.first_line_indent:
        shown = [run.fmt.size for run in p.runs if run.text.strip()]
        own = shown[0] if shown else size  # 字 of the text's own size
        wanted = style.first_line_indent * own
        if abs(p.fmt.first_line - wanted) > own / 4:
            found = p.fmt.first_line / own if own else 0.0
            yield ctx.finding(
                "text.indent",
                role.key,
                p,
                f"{name}首行应缩进 {number(style.first_line_indent)} 字，回行顶格",
                f"{number(style.first_line_indent)} 字",
                f"{number(found)} 字" if found >= 0 else f"悬挂 {number(-found)} 字",
            )
    if role.key in GRID_TEXT and p.fmt.frame is None:
        section = ctx.doc.sections[min(p.section, len(ctx.doc.sections) - 1)]
        wanted = ctx.expect.line(role.key)
        found = line_height(p, section)
        if abs(found - wanted) > 0.1:
            yield ctx.finding(
                "text.line_spacing",
                "GB/T 9704—2012 §5.2.3",
                p,
                f"{name}的行距不对，{_lines_said(ctx, section.type_height, found)}",
                f"{number(wanted)} 磅",
                f"{number(found)} 磅" + _estimated(p),
            )


def _lines_said(ctx: Context, height: float, line: float) -> str:
    """What a line height does to the page: too few lines, or the lines not filling it
    (28 磅 sets the 22 lines with the type area's foot left empty)."""
    lines = ctx.expect.profile.grid.lines
    fit = math.floor((height + EPSILON) / line) if line > 0 else lines
    if fit > lines:
        return f"每页会排 {fit} 行，多于 {lines} 行"
    if fit == lines:
        left = (height - line * lines) * 25.4 / 72
        return f"每页 {lines} 行排不满版心（下边空出约 {number(round(left, 1))} 毫米）"
    return f"每页排不成 {lines} 行"


_ALIGN = {"left": "左对齐", "right": "右对齐", "center": "居中", "justify": "两端对齐"}


def _estimated(p: Para) -> str:
    """How a line height not fixed in points was worked out: from the grid and the
    paragraph's multiple of single spacing (Word's 单倍, 1.5 倍, 多倍行距)."""
    if p.fmt.line_rule == "exact":
        return ""
    if p.fmt.line_rule == "atLeast":
        return "（最小值行距，按网格估算）"
    multiple = (p.fmt.line or 240) / 240
    named = "单倍" if abs(multiple - 1) < 0.01 else f" {number(multiple)} 倍"
    return f"（按网格和{named}行距估算）"
