"""What makes a document fragile in other hands, though the standard names none of it:
empty paragraphs used for spacing, text boxes, tracked changes left in, fonts this machine
does not have."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check.docx.model import Para
from reportkit.check.docx.rules.context import Context
from reportkit.check.findings import Finding, Where

PRACTICE = "排版惯例（GB/T 9704—2012 未作规定）"
REVIEW = "公文处理惯例：印发稿不留修订痕迹"


def findings(ctx: Context) -> Iterator[Finding]:
    """Findings of every kind here, in document order."""
    yield from _revisions(ctx)
    yield from _spacers(ctx)
    yield from _boxes(ctx)
    yield from _fonts(ctx)


def _revisions(ctx: Context) -> Iterator[Finding]:
    if ctx.doc.track_revisions:
        yield ctx.finding(
            "review.tracking",
            REVIEW,
            Where(part="全文"),
            "“修订”仍处于打开状态，之后的每处修改都会留下痕迹",
            "关闭修订",
            "修订已打开",
            severity="warning",
        )
    for p in ctx.doc.paras:
        if not p.revisions:
            continue
        counts: dict[str, int] = {}
        for kind in p.revisions:
            counts[kind] = counts.get(kind, 0) + 1
        listed = "、".join(f"{kind} {n} 处" for kind, n in counts.items())
        yield ctx.finding(
            "review.changes",
            REVIEW,
            p,
            "留有未处理的修订：请在 Word“审阅”中接受或拒绝全部修订",
            "无修订",
            listed,
        )


def _spacers(ctx: Context) -> Iterator[Finding]:
    """Runs of empty paragraphs typed to make space (not those of a set height, nor a blank
    page's only paragraph, nor the paragraph that ends the document)."""
    paras = ctx.doc.text_paras()
    run: list[Para] = []
    for index, p in enumerate(paras):
        if _spacer(paras, index):
            run.append(p)
            continue
        if run:
            yield _spacer_finding(ctx, run)
            run = []
    if run:
        yield _spacer_finding(ctx, run)


def _spacer(paras: list[Para], index: int) -> bool:
    p = paras[index]
    if not p.empty or p.ends_section or p.page_breaks or index == len(paras) - 1:
        return False
    if p.fmt.line_rule == "exact" and not p.fmt.snap:
        return False  # a space of a set height
    after = paras[index + 1]
    before = paras[index - 1] if index else None
    blank_page = after.fmt.page_break_before and (before is None or before.ends_section)
    return not blank_page and not after.fmt.page_break_before


def _spacer_finding(ctx: Context, run: list[Para]) -> Finding:
    many = f"连续 {len(run)} 个" if len(run) > 1 else ""
    return ctx.finding(
        "layout.empty_paragraph",
        PRACTICE,
        run[0],
        f"用{many}空段落占位：增删内容后版面会走样，宜改为段前或段后间距",
        "段前/段后间距",
        f"{len(run)} 个空段落",
        severity="warning",
    )


def _boxes(ctx: Context) -> Iterator[Finding]:
    for p in ctx.doc.paras:
        for drawing in p.drawings:
            if drawing.kind != "textbox":
                continue
            words = " ".join(drawing.text.split())[:12]
            yield ctx.finding(
                "layout.text_box",
                PRACTICE,
                p,
                "用了文本框"
                + (f"（“{words}”）" if words else "")
                + "：WPS 中可能显示为空白，别人加字时文字会被截掉；宜改为段落或表格",
                "段落",
                "文本框",
                severity="warning",
            )


def _fonts(ctx: Context) -> Iterator[Finding]:
    """Faces the text is set in that the template does not know and this machine lacks,
    with no installed face Word would take in their place (the font table's)."""
    from reportkit.fonts import locate

    known = ctx.expect.known_faces()
    told: set[str] = set()
    for p in ctx.doc.paras:
        for run in p.runs:
            if not run.text.strip():
                continue
            for name in ("eastAsia", "ascii", "hAnsi"):
                face = run.fmt.face(name)
                if not face or face in known or face in told:
                    continue
                told.add(face)
                chain = [face]
                while chain[-1] in ctx.doc.alternates and len(chain) < 5:
                    chain.append(ctx.doc.alternates[chain[-1]])
                if any(locate.find(name) is not None for name in chain):
                    continue
                yield ctx.finding(
                    "font.missing",
                    PRACTICE,
                    p,
                    f"用了本机没有安装的字体“{face}”：在没有它的电脑上会换成别的字体显示和打印",
                    "已安装的字体",
                    face,
                    severity="warning",
                )
