"""Each paragraph of a PDF against its part's style: the font and size of every character
(the East Asian faces for Chinese, the Latin ones for letters and digits), colours, centring,
the first-line indent of running text."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check.docx.resolve import slot
from reportkit.check.docx.roles import Role
from reportkit.check.findings import Finding, Severity
from reportkit.check.pdf.context import PdfContext
from reportkit.check.pdf.paragraphs import PdfPara, Placed
from reportkit.check.pdf.read import Char
from reportkit.errors import number

LEVELS = {
    1: "一级标题（一、）",
    2: "二级标题（（一））",
    3: "三级标题（1.）",
    4: "四级标题（（1））",
}
INDENTED = ("body", "heading")
SIZE_SLACK = 0.25  # points


def findings(ctx: PdfContext) -> Iterator[Finding]:
    """Findings about every paragraph with a part."""
    from reportkit.check.docx.rules.context import CLAUSES, CONVENTION
    from reportkit.check.findings import clause

    def clause_of(key: str) -> str:
        if key in CLAUSES:
            return clause(CLAUSES[key])
        return clause(CONVENTION.get(key, "§5.2.2"), convention=key in CONVENTION)

    for index, para in enumerate(ctx.paras):
        role = ctx.role(index)
        if role is None:
            continue
        yield from _chars(ctx, para, role, clause_of)
        yield from _layout(ctx, para, role, clause_of)


def _name(ctx: PdfContext, key: str, role: Role) -> str:
    if role.level is not None and key in ("heading", "runin") and role.level in LEVELS:
        return LEVELS[role.level]
    return ctx.expect.name(key)


def _keyed(para: PdfPara, role: Role) -> Iterator[tuple[Placed, Char, tuple[str, ...]]]:
    """Each character with the styles it may be set in (a lead sentence's, a signer's)."""
    offset = 0
    for placed in para.lines:
        for char in placed.line.chars:
            yield placed, char, role.keys_at(offset)
            offset += len(char.text)


def _chars(ctx: PdfContext, para: PdfPara, role: Role, clause_of) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    expect = ctx.expect
    matches = ctx.matches
    seen: set[tuple[str, ...]] = set()
    for placed, char, keys in _keyed(para, role):
        if char.text.isspace():
            continue
        key = keys[0]
        name = _name(ctx, key, role)
        sizes = [expect.size(k) for k in keys]
        if all(abs(char.size - s) > SIZE_SLACK for s in sizes) and ("size",) not in seen:
            seen.add(("size",))  # said once a paragraph
            shrinks = expect.style(key).shrink_to_fit
            yield ctx.finding(
                "text.size",
                clause_of(key),
                placed,
                f"{name}的字号" + ("与模板不同" if shrinks else "不对"),
                f"{number(expect.size(key))} 磅",
                f"{number(char.size)} 磅",
                "warning" if shrinks else "error",
            )
        east = [face for k in keys for face in expect.faces(k, "east_asian")]
        latin = [face for k in keys for face in expect.faces(k, "latin")]
        where = slot(char.text, None)
        kind = ""
        if where == "eastAsia" and not matches(char.font, east):
            kind = "east"
        elif where == "ascii" and char.text.isalnum() and not matches(char.font, latin + east):
            kind = "latin"
        elif where == "hAnsi" and slot(char.text, "eastAsia") == "eastAsia":
            # a mark in a Latin face; in another Chinese face it is the text's own fault
            kind = (
                "" if matches(char.font, east) else "marks" if matches(char.font, latin) else "east"
            )
        if kind and (kind, "" if kind == "marks" else key) not in seen:
            seen.add((kind, "" if kind == "marks" else key))
            yield _font_finding(ctx, placed, kind, key, name, char, clause_of(key))
        wanted = expect.colour(key)
        if char.colour != wanted and ("colour", key) not in seen and not char.text.isspace():
            seen.add(("colour", key))
            red = _reddish(wanted)
            severity: Severity = "warning" if red and _reddish(char.colour) else "error"
            yield ctx.finding(
                "text.colour",
                clause_of(key) if red else "GB/T 9704—2012 §5.2.4",
                placed,
                f"{name}的颜色不对",
                f"#{wanted}",
                f"#{char.colour}",
                severity,
            )


def _font_finding(
    ctx: PdfContext, placed: Placed, kind: str, key: str, name: str, char: Char, clause: str
) -> Finding:
    face = ctx.expect.first_face(key, "latin" if kind == "latin" else "east_asian")
    if kind == "east":
        return ctx.finding("text.font", clause, placed, f"{name}的字体不对", face, char.font)
    if kind == "latin":
        message = f"{name}中的数字和西文字母宜用“{face}”"
        return ctx.finding("text.latin_font", clause, placed, message, face, char.font, "warning")
    message = f"{name}中的“{char.text}”等标点用了西文字体，宽度和样子与中文标点不同"
    return ctx.finding("text.mark_font", clause, placed, message, face, char.font, "warning")


def _reddish(colour: str) -> bool:
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red >= 0xB0 and green <= 0x60 and blue <= 0x60


def _layout(ctx: PdfContext, para: PdfPara, role: Role, clause_of) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    style = ctx.expect.style(role.key)
    first = para.lines[0]
    size = first.line.size or 1.0
    left = ctx.left
    name = _name(ctx, role.key, role)
    if style.align == "center":
        middle = (first.line.x0 + first.line.x1) / 2
        centre = (ctx.left + ctx.right) / 2
        if abs(middle - centre) > size / 2:
            yield ctx.finding(
                "text.align",
                clause_of(role.key),
                first,
                f"{name}应居中",
                "居中",
                f"偏 {number((middle - centre) / size)} 字",
            )
    elif role.key in INDENTED and style.first_line_indent:
        indent = (first.line.x0 - left) / size
        if abs(indent - style.first_line_indent) > 0.3:
            yield ctx.finding(
                "text.indent",
                clause_of(role.key),
                first,
                f"{name}首行应缩进 {number(style.first_line_indent)} 字，回行顶格",
                f"{number(style.first_line_indent)} 字",
                f"{number(indent)} 字",
            )
