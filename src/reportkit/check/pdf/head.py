"""The 版头 of a PDF: the 发文字号's form (GB/T 9704 §7.2.5), judged as a .docx's is."""

from __future__ import annotations

from collections.abc import Iterator

from reportkit.check import patterns
from reportkit.check.docx.rules.head import NUMBER_FORM, NUMBER_SAMPLE, badly_numbered
from reportkit.check.findings import Finding, clause
from reportkit.check.pdf.context import PdfContext


def findings(ctx: PdfContext) -> Iterator[Finding]:
    """Findings about the 发文字号 of the first page's head."""
    if "doc_number" not in ctx.expect.part_styles():
        return
    for index, para in enumerate(ctx.paras):
        role = ctx.role(index)
        if role is None or role.key != "doc_number" or para.lines[0].page != 1:
            continue
        text = " ".join(para.text.split())
        if not patterns.DOC_NUMBER.match(text):
            continue
        shown = badly_numbered(text)
        if shown is not None:
            yield ctx.finding(
                "head.doc_number",
                clause("§7.2.5"),
                para.lines[0],
                NUMBER_FORM,
                NUMBER_SAMPLE,
                shown,
            )
