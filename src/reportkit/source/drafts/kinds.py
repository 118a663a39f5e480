"""Which kind of document a draft is: a 报告 (its title ends 报告, 请示, 意见 …), a 纪要, or a
bulletin's article (a title over bylines) — told from its first paragraphs."""

from __future__ import annotations

from reportkit.source.drafts.common import Para, byline
from reportkit.source.drafts.document import DOC_NUMBER, LABEL, TITLE_ENDS, title_like
from reportkit.source.drafts.minutes import ATTENDANCE

HEAD = 8  # paragraphs looked at for a title


def recognise(paras: list[Para]) -> tuple[str, str]:
    """The kind of the draft (bulletin, report or minutes) and why, in words for the reader."""
    head = [p.text for p in paras[:HEAD] if p.figure is None and p.text]
    for text in head[:6]:
        if title_like(text) and text.endswith("纪要") and len(text) <= 60:
            return "minutes", f"“{text}”以“纪要”结尾"
    for index, text in enumerate(head[:5]):
        if index > 0 and byline(text):
            return "bulletin", f"标题下有署名“{text}”"
    for index, text in enumerate(head[:6]):
        ending = next((e for e in TITLE_ENDS if text.endswith(e)), None)
        if ending is None or not title_like(text):
            continue
        following = head[index + 1] if index + 1 < len(head) else ""
        if (
            text.startswith("关于")
            or following.endswith(("：", ":"))
            or any(DOC_NUMBER.search(t) for t in head[:index])
        ):
            return "report", f"标题“{text}”以“{ending}”结尾"
    for para in paras:
        label = LABEL.match(para.text) if para.figure is None else None
        if label and label.group("label") in ATTENDANCE:
            return "minutes", f"有“{label.group('label')}：”"
    return "bulletin", "没有报告或纪要的标题，按简报文章读入"
