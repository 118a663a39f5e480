"""The 版头: the red head (发文机关标志, or the 简报's name) and its distance from the top, the
red rule under it, the 发文字号's form and place, 签发人 on the 文号's line (GB/T 9704 §7.2)."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check import patterns
from reportkit.check.docx.model import Para
from reportkit.check.docx.roles import red_rule, red_rule_above
from reportkit.check.docx.rules.context import Context
from reportkit.check.docx.rules.text import reddish
from reportkit.check.findings import Finding, Where
from reportkit.errors import number

MM = 72 / 25.4
MARKS = ("issuer_mark", "masthead_name")  # the red head of a 公文, of a 简报


def findings(ctx: Context) -> Iterator[Finding]:
    """Findings about the head of the first page."""
    paras = [p for p in ctx.doc.part_paras() if not p.empty]
    if not paras:
        return
    yield from _mark(ctx, paras)
    yield from _rule(ctx)
    yield from _number(ctx, paras)


NUMBER_FORM = "发文字号的年份应写全并用六角括号“〔〕”括入，序号不加“第”字、不编虚位（如 1 不写 01）"
NUMBER_SAMPLE = "机关代字〔2019〕3号"


def badly_numbered(text: str) -> str | None:
    """The 发文字号 a line of the head shows (签发人 after it left off), when its form is
    not §7.2.5's; None when it is right."""
    shown = text.split("\t")[0].strip()
    shown = patterns.SIGNER.split(shown)[0].strip()
    return None if patterns.GOOD_NUMBER.match(shown) else shown


def _of(ctx: Context, paras: list[Para], keys: tuple[str, ...]) -> list[Para]:
    return [p for p in paras if (role := ctx.roles.get(p.number)) is not None and role.key in keys]


def _mark(ctx: Context, paras: list[Para]) -> Iterator[Finding]:
    wanted = [key for key in MARKS if key in ctx.expect.part_styles()]
    if not wanted:
        return
    key = wanted[0]
    marks = _of(ctx, paras, (key,))
    name = ctx.expect.name(key)
    if not marks:
        if not any(_red_mark(p) for p in _first_header(ctx)):
            yield ctx.finding(
                "head.mark", key, paras[0], f"首页没有{name}（红色的发文机关标志或报头）"
            )
        elif not ctx.doc.sections[0].title_page and ctx.pages.pages > (
            2 if ctx.doc.even_and_odd else 1  # 奇偶页不同: the odd pages' header
        ):
            yield ctx.finding(
                "head.mark_header",
                key,
                Where(part="页眉"),
                f"{name}放在了页眉里，每一页都会印出：应只在首页（页面设置中勾选“首页不同”，"
                "放在首页的页眉里或正文第一行）",
                "只在首页",
                "每页的页眉",
            )
        return
    top = ctx.expect.style(key).top
    placed = ctx.pages.placed.get(marks[0].number)
    if top is None or placed is None or placed.page != 1:
        return
    size = max(run.fmt.size for run in marks[0].runs if run.text.strip())
    em_top = placed.top + (placed.line - size) / 2
    if abs(em_top - top) > 2 * MM:
        yield ctx.finding(
            "head.mark_top",
            key,
            marks[0],
            f"{name}的上边缘应距版心上边缘 {number(top / MM)} 毫米（按段前间距和行距估算）",
            f"{number(top / MM)} 毫米",
            f"约 {number(em_top / MM)} 毫米",
        )


def _first_header(ctx: Context) -> list[Para]:
    """The paragraphs of the first page's header, where some offices put the red head."""
    if not ctx.doc.sections:
        return []
    section = ctx.doc.sections[0]
    headers = section.headers
    return headers.get("first", []) if section.title_page else headers.get("default", [])


def _red_mark(p: Para) -> bool:
    """Is ``p`` a red head: text, all of it red?"""
    shown = [run for run in p.runs if run.text.strip()]
    return bool(shown) and all(reddish(run.fmt.colour or "") for run in shown)


def _rule(ctx: Context) -> Iterator[Finding]:
    """The red rule under the head, where the template draws one."""
    profile = ctx.expect.profile
    red = [
        part.rule
        for part in profile.parts
        if part.part == "rule" and part.rule and profile.rules[part.rule].colour != "text"
    ]
    if not red:
        return
    head = ctx.doc.part_paras()[:30]
    if any(red_rule(p) or red_rule_above(p) for p in head + _first_header(ctx)):
        return
    if any(reddish(colour) for t in ctx.doc.head_tables() for colour in t.lines):
        return
    first = next((p for p in head if not p.empty), head[0] if head else None)
    where: Para | Where = first if first is not None else Where(part="版头")
    yield ctx.finding(
        "head.rule",
        "GB/T 9704—2012 §7.2.7" if "issuer_mark" in ctx.expect.part_styles() else "masthead_name",
        where,
        "版头下没有红色分隔线（应为与版心等宽的红线）",
        "红色分隔线",
        "无",
    )


def _number(ctx: Context, paras: list[Para]) -> Iterator[Finding]:
    """The 发文字号: 〔年份〕, no leading zeros, no 第; in an upward document left one
    character in with 签发人 on its line."""
    if "doc_number" not in ctx.expect.part_styles():
        return
    found = _of(ctx, paras, ("doc_number",))
    numbered = [p for p in found if patterns.DOC_NUMBER.match(p.text.strip())]
    signed = any(patterns.SIGNER.search(p.text) for p in paras)
    # a 文号 centred with no 签发人 is a 下行文's (§7.2.5): placed right, none to sign
    downward = not signed and all(p.fmt.align == "center" for p in numbered)
    for p in numbered:
        shown = badly_numbered(p.text)
        if shown is not None:
            yield ctx.finding("head.doc_number", "doc_number", p, NUMBER_FORM, NUMBER_SAMPLE, shown)
        style = ctx.expect.style("doc_number")
        size = style.size or 0.0
        wanted = style.indent_left * size
        if (
            style.align == "left"
            and not downward
            and (p.fmt.align == "center" or abs(p.fmt.left + p.fmt.first_line - wanted) > size / 2)
        ):
            yield ctx.finding(
                "head.doc_number_place",
                "doc_number",
                p,
                f"上行文的发文字号应居左空 {number(style.indent_left)} 字编排",
                f"居左空 {number(style.indent_left)} 字",
                "居中"
                if p.fmt.align == "center"
                else f"左空 {number((p.fmt.left + p.fmt.first_line) / size)} 字",
            )
    if not numbered or downward or not ctx.expect.has("signer_name"):
        return
    signers = [p for p in paras if patterns.SIGNER.search(p.text)]
    line = numbered[0]
    if not signers:
        yield ctx.finding(
            "head.signer",
            "signer_name",
            line,
            "上行文应标注签发人（与发文字号同处一行，居右空一字）",
            "签发人：姓名",
            "无",
            severity="warning",
        )
    elif line not in signers:
        yield ctx.finding(
            "head.signer",
            "signer_name",
            signers[0],
            "签发人应与发文字号编排在同一行，居右空一字",
            "与发文字号同行",
            "另起一行",
        )
