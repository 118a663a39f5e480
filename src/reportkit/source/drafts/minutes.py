"""A 纪要 draft read into minutes.yaml's fields (GB/T 9704 §10.3): the mark (××会议纪要), issue,
unit and date, title, 出席/请假/列席 as lists of people (before or after the body), the body
and the 版记.  What a draft lacks that the standard needs is left as a placeholder for review."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from reportkit.source.drafts.body import body
from reportkit.source.drafts.common import (
    DATE,
    HAN_NUMBER,
    MAX_HEADING,
    UNITS,
    Para,
    date_in,
    date_line,
    name_like,
    note,
    number,
    person,
)
from reportkit.source.drafts.document import (
    LABEL,
    PLACEHOLDER,
    PRINTED,
    Parsed,
    clean_title,
    end_block,
    starts_part,
    title_like,
)

ATTENDANCE = {
    "出席": "present",
    "出席人员": "present",
    "出席会议人员": "present",
    "参加会议人员": "present",
    "参会领导": "present",
    "列席会议人员": "attending",
    "列席单位": "attending",
    "参加": "present",
    "参加人员": "present",
    "参会": "present",
    "参会人员": "present",
    "请假": "absent",
    "请假人员": "absent",
    "缺席": "absent",
    "列席": "attending",
    "列席人员": "attending",
}
GENERIC_MARK = "会议纪要"  # the mark of minutes whose draft has only a title (关于……的纪要)
# 第9期, （第9期）, 〔2024〕第9期, 2024年第9期: the year before the issue is the date's
_ISSUE = re.compile(
    rf"^[（(]?\s*(?:[〔\[［【]?\s*\d{{4}}\s*[〕\]］】年]\s*)?"
    rf"第\s*(?P<n>\d{{1,4}}|[{HAN_NUMBER}]+)\s*期\s*[）)]?$"
)
_NUMBER = re.compile(r"^\S{0,20}?\s*[〔\[［【]\s*\d{4}\s*[〕\]］】]\s*(?P<serial>\d{1,5})\s*号$")
_UNIT_DATE = re.compile(rf"^(?P<unit>\S.*?)[\s　]+(?P<date>{DATE})$")
_END_LABELS = ("抄送", "抄报", "分送", "报", "送", "发")


def parse_minutes(paras: list[Para], file: Path) -> Parsed:
    """The fields of minutes.yaml from a minutes draft's paragraphs."""
    parsed = Parsed("minutes", {"kind": "minutes"})
    index = _head(paras, 0, parsed, file)
    text: list[Para] = []
    while index < len(paras):
        para = paras[index]
        label = LABEL.match(para.text) if para.figure is None else None
        if label and label.group("label") in ATTENDANCE:
            index = _attendance(paras, index, label, parsed, file)
            continue
        if para.figure is None and (
            (label and label.group("label") in _END_LABELS) or PRINTED.match(para.text)
        ):
            after = end_block(paras, index, parsed, file)
            if after > index:
                index = after
                continue
        text.append(para)
        index += 1
    text = _signed(text, parsed)
    read = body(text, file)
    parsed.notes += read.notes
    parsed.counts.update(read.counts)
    for key, value in read.data.items():
        parsed.put((key,), value, None)
    parsed.lines.update(read.lines)
    missing(parsed, text, file)
    return parsed


def _head(paras: list[Para], index: int, parsed: Parsed, file: Path) -> int:
    """The lines above the minutes' text: mark, issue, unit and date, title."""
    data = parsed.data
    while index < len(paras) and paras[index].figure is None:
        para = paras[index]
        text = para.text
        unit_date = _UNIT_DATE.match(text)
        issue = _ISSUE.match(text) or _NUMBER.match(text)
        if text.endswith("纪要") and title_like(text) and len(text) <= 60:
            if "mark" not in data and "title" not in data and not text.startswith("关于"):
                parsed.put(("mark",), clean_title(text, para.line, file, parsed.notes), para.line)
            elif "title" not in data:
                parsed.put(("title",), clean_title(text, para.line, file, parsed.notes), para.line)
            else:
                break
        elif issue and "issue" not in data:
            value = number(issue["n"]) if "n" in issue.groupdict() else int(issue["serial"])
            parsed.put(("issue",), value, para.line)
            if "n" not in issue.groupdict():
                parsed.notes.append(
                    note(file, para.line, "issue", f"“{text}”的序号当作期号（第{value}期），请核对")
                )
        elif date_line(text) and "date" not in data:
            parsed.put(("date",), date_line(text), para.line)
        elif unit_date and "date" not in data and date_in(unit_date):
            parsed.put(("unit",), unit_date["unit"].strip(), para.line)
            parsed.put(("date",), date_in(unit_date), para.line)
        elif (
            "unit" not in data
            and len(text) <= MAX_HEADING
            and not any(mark in text for mark in "。，、；：！？")
            and index + 1 < len(paras)
            and date_line(paras[index + 1].text)
        ):
            parsed.put(("unit",), text, para.line)
        else:
            break
        index += 1
    return index


def _signed(text: list[Para], parsed: Parsed) -> list[Para]:
    """The text without the unit and date the minutes are signed with at its end (某某办公室
    / 2024年3月23日, or both on one line): they are the minutes' unit and date."""
    if not text or text[-1].figure is not None:
        return text
    last = text[-1]
    unit_date = _UNIT_DATE.match(last.text)
    if unit_date and date_in(unit_date):
        unit, date, lines, rest = unit_date["unit"].strip(), date_in(unit_date), {last.line}, 1
    elif len(text) >= 2 and date_line(last.text) and _unit_like(text[-2]):
        unit, date, rest = text[-2].text, date_line(last.text), 2
        lines = {text[-2].line, last.line}
    else:
        return text
    if not _unit_like(Para(unit, last.line)):
        return text
    if "unit" not in parsed.data:
        parsed.put(("unit",), unit, min(lines))
    if "date" not in parsed.data:
        parsed.put(("date",), date, max(lines))
    return text[:-rest]


def _unit_like(para: Para) -> bool:
    """A short line without punctuation that names an office (its last character a unit's)."""
    text = para.text
    return (
        para.figure is None
        and len(text) <= MAX_HEADING
        and not any(mark in text for mark in "。，、；：！？")
        and text.endswith(UNITS)
    )


def _attendance(
    paras: list[Para], index: int, label: re.Match[str], parsed: Parsed, file: Path
) -> int:
    """出席 / 请假 / 列席 and the people after the label, on its line and on the lines that
    follow (one a line, or run together)."""
    key = ATTENDANCE[label.group("label")]
    at = ("attendance", key)
    first = paras[index]
    entries: list[Any] = parsed.data.get("attendance", {}).get(key, [])
    lines = [(first.text[label.end() :], first.line)]
    index += 1
    while index < len(paras) and _people_line(paras[index]):
        lines.append((paras[index].text, paras[index].line))
        index += 1
    for text, line in lines:
        for entry in people(text):
            parsed.lines[(*at, len(entries))] = line
            entries.append(entry)
    if entries:
        parsed.put(at, entries, first.line)
        parsed.counts["people"] += len(entries)
    else:
        parsed.notes.append(
            note(
                file,
                first.line,
                f"attendance.{key}",
                f"“{label.group('label')}：”后面没有人员，请核对",
            )
        )
    return index


def _people_line(para: Para) -> bool:
    """A line that carries on a list of people: short, no sentence in it, every part of it a
    person, a name or a position."""
    text = para.text
    if para.figure is not None or len(text) > 60 or "。" in text or starts_part(text):
        return False
    found = people(text)
    return bool(found) and all(isinstance(e, dict) or name_like(e) for e in found)


def people(text: str) -> list[Any]:
    """The people a list names: separated by ，；、 or spaces; each a name, a mapping of unit,
    position and name, or a group as written (各镇街主要负责同志)."""
    text = text.strip().rstrip("。.")
    if not text:
        return []
    if re.search(r"[，,；;、]", _BRACKETS.sub("", text)):
        out: list[Any] = []
        for chunk in _split(text, "，,；;"):
            chunk = chunk.strip()
            if not chunk:
                continue
            pieces = [p.strip() for p in _split(chunk, "、") if p.strip()]
            found = [person(p) for p in pieces]
            if len(pieces) > 1 and all(isinstance(f, dict) or name_like(f) for f in found):
                out += found
            else:
                out.append(person(chunk))
        return out
    return _spaced_people(_split(re.sub(r"[\s　]+", " ", text), " "))


_BRACKETS = re.compile(r"[（(][^（()）]*[）)]")


def _split(text: str, marks: str) -> list[str]:
    """``text`` split at ``marks`` outside brackets: 张三（区委常委、副区长）、李四 is two."""
    pieces, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += (char in "（(") - (char in "）)")
        if char in marks and depth <= 0:
            pieces.append(text[start:at])
            start = at + 1
    return [*pieces, text[start:]]


def _spaced_people(tokens: list[str]) -> list[Any]:
    """People separated by spaces: 张三 李四, 县长 张三, 张三 县长, 张 三 (a name spaced out)."""
    if tokens and all(len(t) == 1 and name_like(t + t) for t in tokens) and len(tokens) % 2 == 0:
        tokens = [a + b for a, b in zip(tokens[::2], tokens[1::2], strict=True)]
    out: list[Any] = []
    pending: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if name_like(token) and pending:
            out.append(person(" ".join([*pending, token])))
            pending = []
        elif name_like(token) and following and isinstance(person(f"{following}{token}"), dict):
            out.append(person(f"{token} {following}"))
            index += 1
        elif name_like(token):
            out.append(token)
        elif not pending and isinstance(person(token), dict):
            out.append(person(token))  # 县发改局局长孙七: a person run together
        else:
            pending.append(token)
        index += 1
    if pending:
        out.append(person(" ".join(pending)))
    return out


def missing(parsed: Parsed, text: list[Para], file: Path) -> None:
    """Hold a place for every part the standard needs that the draft lacks."""
    data = parsed.data
    distribution = data.get("distribution", {})
    if "mark" not in data:
        mark = _mark_of(data.get("title", ""))
        parsed.hold(("mark",), mark, f"稿件没有纪要标志（如“××会议纪要”），已填“{mark}”，请核对")
    if "date" not in data:
        found = _meeting_date(text)
        if found is not None:
            date, line = found
            parsed.put(("date",), date, line)
            parsed.notes.append(note(file, line, "date", "纪要的日期取自会议的日期，请核对"))
        elif "date" in distribution:
            parsed.put(("date",), distribution["date"], None)
            parsed.notes.append(note(file, None, "date", "纪要的日期取自印发日期，请核对"))
        else:
            parsed.hold(
                ("date",), dt.date.today(), "稿件没有纪要的日期，已填今天的日期，请改为实际日期"
            )
    if "unit" not in data:
        if "printer" in distribution:
            parsed.put(("unit",), distribution["printer"], None)
            parsed.notes.append(note(file, None, "unit", "纪要的编发单位取自印发机关，请核对"))
        else:
            parsed.hold(("unit",), PLACEHOLDER, "稿件没有编发纪要的单位，请填写")
    if not data.get("attendance", {}).get("present"):
        parsed.hold(
            ("attendance", "present"), [PLACEHOLDER], "稿件没有出席人员（“出席：”），请填写"
        )
    if "printer" not in distribution:
        parsed.hold(
            ("distribution", "printer"), data["unit"], "稿件没有印发机关，已按编发单位填写，请核对"
        )
    if "date" not in distribution:
        parsed.hold(
            ("distribution", "date"), data["date"], "稿件没有印发日期，已按纪要的日期填写，请核对"
        )
    if not any(data.get(k) for k in ("lead", "sections", "closing")):
        parsed.hold(("lead",), [PLACEHOLDER], "稿件里没有找到纪要的正文，请补上")


def _mark_of(title: str) -> str:
    """The mark a title names after its last 的 (关于……的专题会议纪要: 专题会议纪要), else the
    generic one."""
    kind = title.rsplit("的", 1)[-1] if "的" in title else ""
    return kind if kind.endswith("会议纪要") and len(kind) <= 12 else GENERIC_MARK


def _meeting_date(text: list[Para]) -> tuple[dt.date, int] | None:
    """The first full date in the first paragraphs (2024年5月6日上午，县政府召开……)."""
    for para in text[:3]:
        if para.figure is None:
            match = re.search(DATE, para.text)
            if match and date_in(match):
                return date_in(match), para.line  # type: ignore[return-value]
    return None
