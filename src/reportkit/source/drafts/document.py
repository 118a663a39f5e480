"""What the report and minutes parsers share: a 公文 draft's paragraphs, the lines that start a
part of their own (主送, 附件, 出席, 抄送, 印发), the 版记, and placeholders left for review."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import Problem
from reportkit.source.drafts.common import (
    DATE,
    DOCUMENT_MARKS,
    MAX_HEADING,
    PAGE_NUMBER,
    SENTENCE_END,
    SPACES,
    Para,
    date_in,
    date_line,
    note,
    point_start,
)
from reportkit.source.drafts.read import DraftLine
from reportkit.source.normalize import title_spaces

PLACEHOLDER = "待填"  # what a required part the draft lacks is written as, to be filled in


@dataclass
class Parsed:
    """A report or minutes draft read into its source's fields, with the line each came
    from, what to check, the placeholders left for what the draft lacks, and the parts
    found (field names, in the order of the source)."""

    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)
    pending: list[tuple[tuple[Any, ...], str]] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    template: str | None = None  # read from a document reportkit wrote with this template

    def part(self, name: str) -> None:
        """Note that the draft has the part ``name`` (a field's name)."""
        if name not in self.found:
            self.found.append(name)

    def put(self, at: tuple[Any, ...], value: Any, line: int | None) -> None:
        """Set the field at ``at`` (a path of keys) to ``value``, found on ``line``."""
        target = self.data
        for key in at[:-1]:
            target = target.setdefault(key, {})
        target[at[-1]] = value
        if line is not None:
            self.lines.setdefault(at, line)
        self.part(".".join(map(str, at[:2])) if at[0] in _BY_FIELD else str(at[0]))

    def hold(self, at: tuple[Any, ...], value: Any, message: str) -> None:
        """Put a placeholder at ``at``: the draft lacks what the standard needs there."""
        target = self.data
        for key in at[:-1]:
            target = target.setdefault(key, {})
        target[at[-1]] = value
        self.pending.append((at, message))


_BY_FIELD = frozenset({"signature", "distribution", "attendance"})  # parts named field by field


# lines that start a part of their own ----------------------------------------------------

LABEL = re.compile(
    r"^(?P<label>出席人员|出席会议人员|出席|参会人员|参加人员|参加会议人员|参加|参会领导|参会"
    r"|请假人员|请假|缺席|列席人员|列席会议人员|列席单位|列席"
    r"|抄送|抄报|分送|主送|附件|签发人|联系人|报|送|发)\s*[：:]"
)
ATTACHMENT_LABEL = re.compile(r"^附件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?$")
PRINTED = re.compile(rf"^(?P<printer>.*?)\s*(?P<date>{DATE})\s*印\s*发\s*$")
ORGAN_SEPARATORS = re.compile(r"[，,；;]")
_INNER_MARKS = "。，、；：？！"


# the words a 公文's title ends with (关于……的报告)
TITLE_ENDS = ("报告", "请示", "意见", "通知", "通报", "决定", "批复", "函", "方案", "总结", "汇报")
DOC_NUMBER = re.compile(
    r"(?P<code>[^\s〔〕\[\]［］【】()（）：:]{1,20}?)\s*[〔\[［【(（]\s*(?P<year>\d{4})\s*"
    r"[〕\]］】)）]\s*(?P<serial>\d{1,5})\s*号"
)
_LAYOUT = re.compile(r"\S[ \t\u00a0\u3000]{2,}\S")  # spaces that place text on its line


def _opens(text: str) -> bool:
    """Does a line open something of its own, whatever the line before: a label (出席：,
    抄送：), a numbered item, a date, an attachment's label, the 印发 line, a 文号, a title?"""
    return bool(
        LABEL.match(text)
        or point_start(text, DOCUMENT_MARKS)
        or date_line(text)
        or ATTACHMENT_LABEL.match(text)
        or PRINTED.match(text)
        or DOC_NUMBER.match(text)
        or (text.startswith("关于") and text.endswith((*TITLE_ENDS, "纪要")) and len(text) <= 80)
    )


def starts_part(text: str) -> bool:
    """Does a line start a part of its own: what :func:`_opens` says, or an addressee
    (市政府：)?"""
    return _opens(text) or (len(text) <= 60 and text.endswith(("：", ":")) and "。" not in text)


def paragraphs(lines: list[DraftLine], join: bool) -> list[Para]:
    """A 公文 draft's paragraphs, page numbers left out; with ``join`` (a text file), a line
    broken in mid-sentence (a page break, a hard wrap) is joined to the paragraph it carries on."""
    out: list[Para] = []
    last: Para | None = None  # the paragraph lines may still join
    blank = False
    for line in lines:
        if line.figure is not None:
            out.append(Para("", line.number, figure=line.figure))
            last = None
            continue
        if not line.text or PAGE_NUMBER.match(line.text):
            blank = True
            continue
        if join and last is not None and _continues(last, line, blank):
            last.text += line.text
        else:
            out.append(Para(line.text, line.number, line.heading, style=line.style))
            last = out[-1]
        blank = False
    return out


def _continues(last: Para, line: DraftLine, blank: bool) -> bool:
    """Does ``line`` carry on ``last``, which stopped in mid-sentence?"""
    text = last.text
    if last.heading or line.heading or _opens(line.text):
        return False
    if _LAYOUT.search(text) or _LAYOUT.search(line.text):
        return False  # a line laid out with spaces (a 文号 and 签发人, a 印发 line)
    if text[-1] in "，、,":
        return True  # a sentence or a list goes on (主送 over two lines: 县委、县政府，)
    if starts_part(line.text) or text[-1] in SENTENCE_END or LABEL.match(text):
        return False
    inside = any(mark in text for mark in _INNER_MARKS)
    if blank:  # across a blank line (a page break): only a long sentence cut short
        return len(text) > MAX_HEADING and inside
    return len(text) > MAX_HEADING or (inside and len(text) > 20)


# titles -----------------------------------------------------------------------------------


def clean_title(text: str, line: int, file: Path, notes: list[Problem]) -> str:
    """A title with the spaces inside it as ideographic spaces, each change noted."""
    fixed, fixes = title_spaces(text)
    notes += [note(file, line, SPACES, fix.message) for fix in fixes]
    return fixed


def title_like(text: str) -> bool:
    """A short line without a sentence's end: a title, a name, a heading."""
    return bool(text) and len(text) <= 80 and not any(mark in text for mark in "。！？；")


# the 版记 --------------------------------------------------------------------------------


def organs(text: str) -> list[str]:
    """The organs a 抄送 line lists (separated by ，；, the full stop after the last dropped;
    a 、 stays inside a name: 县委、县政府办公室)."""
    return [o.strip() for o in ORGAN_SEPARATORS.split(text.strip().rstrip("。.")) if o.strip()]


def printed(text: str) -> tuple[str, dt.date | None] | None:
    """The printing office and date of a 印发 line (某某办公室　2024年5月6日印发)."""
    match = PRINTED.match(text)
    if not match:
        return None
    return match.group("printer").strip(), date_in(match)


def end_block(paras: list[Para], start: int, parsed: Parsed, file: Path) -> int:
    """Read the 版记 from ``paras[start]`` on (抄送 over one line or more, the 印发 line);
    the index after what was read."""
    index = start
    while index < len(paras):
        para = paras[index]
        label = LABEL.match(para.text)
        if label and label.group("label") in ("抄送", "抄报", "分送", "报", "送", "发"):
            text, line = para.text[label.end() :], para.line
            index += 1
            # a list carried onto the next lines (Word paragraphs are not joined on reading)
            while (
                index < len(paras)
                and not text.rstrip().endswith(("。", "."))
                and paras[index].figure is None
                and not starts_part(paras[index].text)
                and len(paras[index].text) <= 80
            ):
                text += paras[index].text
                index += 1
            known = parsed.data.get("distribution", {}).get("cc", [])
            parsed.put(("distribution", "cc"), known + organs(text), line)
            if label.group("label") != "抄送":
                parsed.notes.append(
                    note(
                        file,
                        line,
                        "distribution.cc",
                        f"“{label.group('label')}：”下的单位按“抄送”读入，请核对",
                    )
                )
            continue
        found = printed(para.text)
        if found is None and index + 1 < len(paras) and para.figure is None:
            # the printing office on one line, the date with 印发 on the next
            after = printed(paras[index + 1].text)
            if after is not None and not after[0] and title_like(para.text):
                found = (para.text.strip(), after[1])
                index += 1
        if found is not None:
            printer, date = found
            if printer:
                parsed.put(("distribution", "printer"), printer, para.line)
            if date is not None:
                parsed.put(("distribution", "date"), date, para.line)
            index += 1
            continue
        break
    return index
