"""Which kind of document a finished file is — a 纪要, a 报告 (or another 公文), a 简报 —
from the text of its first and last lines, so that it is checked against the built-in
template of its kind."""

from __future__ import annotations

import re

from reportkit.check import patterns

_BULLETIN_END = re.compile(r"^(报|送|发)\s*[：:]")


def kind_of(head: list[str], tail: list[str]) -> str:
    """The kind of a document whose first non-empty lines are ``head`` and last ``tail``:
    minutes by a mark ending 纪要, a report by its 文号 or 签发人 or a title 关于……, a
    bulletin by its issue number or 报/送/发 lines; a report otherwise."""
    first = [text.strip() for text in head[:12]]
    if any(text.endswith("纪要") for text in first[:4]):
        return "minutes"
    if any(patterns.DOC_NUMBER.match(t) or patterns.SIGNER.search(t) for t in first):
        return "report"
    if any(patterns.ISSUE.match(t) for t in first[:6]):
        return "bulletin"
    if any(_BULLETIN_END.match(text.strip()) for text in tail):
        return "bulletin"
    return "report"
