"""The parts a template may list (``parts:``), with the settings each cannot do without.

Composing has one builder for each of these names (compose/parts.py); a template naming any
other part, or leaving out what a part needs, is refused when it is loaded.
"""

from __future__ import annotations

from typing import Any

from reportkit.template.profile import Part

NEEDS: dict[str, tuple[str, ...]] = {
    "text": ("style",),  # a line of text from a field or a piece
    "lines": ("style", "field"),  # a field's lines, one per line (a masthead name)
    "rule": ("rule",),
    "space": (),
    "title": ("style", "field"),  # a title broken into balanced lines
    "articles": (),  # a bulletin's articles, each with title, byline and body
    "body": (),  # a document's body: lead, sections, points, closing
    "attachment_note": ("style", "piece"),  # 附件说明
    "signature": ("style", "piece"),  # 署名 and 成文日期, with the seal
    "attachments": ("style", "piece"),  # each attachment on a page of its own
    "attendance": ("style", "field"),  # 出席、请假、列席
    "end_block": ("style", "piece"),  # 版记 at the foot of the last page
}


def part_problems(parts: list[Part]) -> list[tuple[tuple[Any, ...], str]]:
    """What is wrong with a template's parts: a part that does not exist, a setting a part
    needs left out; each with the path of the key to blame."""
    found: list[tuple[tuple[Any, ...], str]] = []
    for number, part in enumerate(parts):
        if part.part not in NEEDS:
            known = "、".join(NEEDS)
            found.append((("parts", number, "part"), f"没有“{part.part}”这种部分。可以写：{known}"))
            continue
        for need in NEEDS[part.part]:
            if getattr(part, need) is None:
                found.append((("parts", number), f"“{part.part}”部分需要写 {need}"))
    return found
