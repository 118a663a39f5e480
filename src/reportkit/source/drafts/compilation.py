"""What a compilation draft (a whole bulletin typed in one file) has around its articles: the
masthead lines at its top (名称 / 第12期 / 某某办公室编　2024年6月28日), a unit named under an
article's title in place of a byline (区政府办公室), and the 报尾 at its end (报：… 送：… 发：…)."""

from __future__ import annotations

import re
from typing import Any

from reportkit.source.drafts.common import (
    DATE,
    HAN_NUMBER,
    MAX_HEADING,
    UNITS,
    Para,
    date_in,
    number,
)

# 第12期, 〔2024〕第12期, 2024年第12期, 第12期（总第156期）
ISSUE = re.compile(
    rf"^(?:[〔\[［【]\s*\d{{4}}\s*[〕\]］】]|\d{{4}}\s*年)?\s*第\s*(?P<n>\d{{1,4}}|[{HAN_NUMBER}]+)"
    rf"\s*期(?:\s*[（(]\s*总第\s*\d{{1,5}}\s*期\s*[）)])?$"
)
# 某某区人民政府办公室编　2024年6月28日
UNIT_DATE = re.compile(rf"^(?P<unit>\S.*?)\s*(?:编印|编发|主办|编)?[\s　]+(?P<date>{DATE})$")
MAX_MASTHEAD = 3  # lines under the name: the issue, the unit and date, (a mark)


def masthead_lines(paras: list[Para]) -> tuple[dict[str, Any], int] | None:
    """The issue, unit and date the lines under a compilation's first line give, and how many
    lines they take; None when the draft does not start with a masthead."""
    if len(paras) < 2 or paras[0].figure is not None:
        return None
    found: dict[str, Any] = {}
    taken = 1
    for para in paras[1 : 1 + MAX_MASTHEAD]:
        text = para.text
        issue = ISSUE.match(text) if para.figure is None else None
        unit_date = UNIT_DATE.match(text) if para.figure is None else None
        if issue and "issue" not in found:
            found["issue"] = number(issue["n"])
        elif unit_date and date_in(unit_date) and "date" not in found:
            found["unit"] = unit_date["unit"].strip()
            found["date"] = date_in(unit_date)
        else:
            break
        taken += 1
    return (found, taken) if "issue" in found else None


def unit_byline(text: str) -> dict[str, str] | None:
    """A unit named under a title in place of a byline (东湖街道办事处), as an author."""
    if (
        not text
        or len(text) > MAX_HEADING
        or any(mark in text for mark in "。，、；：！？“”（）()")
        or not text.endswith((*UNITS, "办事处", "街道", "委员会"))
    ):
        return None
    return {"name": text}


# 报：/送：/发： of the 报尾, and 共印100份
_END = re.compile(r"^(?P<label>报|送|发|抄报|抄送|分送)\s*[：:]\s*(?P<rest>.+)$")
_KEYS = {"报": "superiors", "抄报": "superiors", "送": "peers", "抄送": "peers", "分送": "peers"}
_COPIES = re.compile(r"^[（(]?\s*共印\s*(?P<n>\d{1,6})\s*份\s*[）)]?$")


def end_line(text: str) -> bool:
    """Is ``text`` a line of a bulletin's 报尾 (报：…, 发：…, 共印80份)?"""
    return bool(_END.match(text) or _COPIES.match(text))


def end_matter(paras: list[Para]) -> tuple[dict[str, Any], int]:
    """The 报尾 the last lines of a compilation give, and how many lines it takes (0: none)."""
    found: dict[str, Any] = {}
    taken = 0
    for para in reversed(paras):
        if para.figure is not None:
            break
        copies = _COPIES.match(para.text)
        line = _END.match(para.text)
        if copies and "copies" not in found:
            found["copies"] = int(copies["n"])
        elif line and _KEYS.get(line["label"], "subordinates") not in found:
            rest = line["rest"].strip().rstrip("。.")
            receivers = [r.strip() for r in re.split(r"[，,；;]", rest) if r.strip()]
            found[_KEYS.get(line["label"], "subordinates")] = receivers
        else:
            break
        taken += 1
    order = ("superiors", "peers", "subordinates", "copies")
    return {k: found[k] for k in order if k in found}, taken
