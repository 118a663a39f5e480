"""What the draft parsers of every kind share: paragraphs, numbering marks, bylines and people,
dates, and the notes they leave for the reader."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportkit.errors import Location, Problem
from reportkit.source.numerals import chinese_numeral, han_number

# A paragraph ends here; one that does not was broken in mid-sentence (or is a heading).
SENTENCE_END = "。！？；：…”’）」』》"
MAX_HEADING = 30  # characters: longer lines without a full stop are broken paragraphs
MAX_BYLINE = 40  # characters: a longer line is no byline
SPACES = "空格"  # the field of notes about spaces a paste left between Han characters


@dataclass
class Para:
    """A paragraph of the draft, with the line it starts on; a Word paragraph's style name."""

    text: str
    line: int
    heading: bool = False
    figure: dict[str, Any] | None = None
    style: str = ""


CAPTION = re.compile(r"^[（(]?(图为|图：|图:|图\d|上图|下图|▲|△)")  # 图为…… under a picture


def note(file: Path, line: int | None, field: str, message: str) -> Problem:
    """A warning for the reader about ``line`` of the draft."""
    return Problem(Location(file, line), field, message, warning=True)


# bylines and people ----------------------------------------------------------------------

POSITIONS = sorted(
    [
        "主任",
        "常务副主任",
        "副主任",
        "局长",
        "副局长",
        "党组书记",
        "党组副书记",
        "书记",
        "副书记",
        "区长",
        "副区长",
        "市长",
        "副市长",
        "县长",
        "副县长",
        "处长",
        "副处长",
        "科长",
        "副科长",
        "经理",
        "副经理",
        "总经理",
        "副总经理",
        "董事长",
        "副董事长",
        "部长",
        "副部长",
        "主席",
        "副主席",
        "秘书长",
        "副秘书长",
        "院长",
        "副院长",
        "所长",
        "副所长",
        "站长",
        "副站长",
        "队长",
        "组长",
        "主管",
        "专员",
        "科员",
        "调研员",
        "一级调研员",
        "二级调研员",
        "四级调研员",
        "主任科员",
        "负责人",
        "社长",
        "校长",
        "厅长",
        "副厅长",
        "委员",
        "总监",
        "总工程师",
        "总会计师",
        "党委书记",
        "党工委书记",
        "党工委副书记",
        "局长助理",
        "主任助理",
        "镇长",
        "乡长",
        "街道办主任",
        "党组成员",
        "党委委员",
        "党工委委员",
        "常委",
        "副调研员",
        "主任科员",
        "副主任科员",
        "一级主任科员",
        "二级主任科员",
        "三级主任科员",
        "四级主任科员",
        "办公室主任",
        "支部书记",
        "理事长",
        "副理事长",
        "会长",
        "副会长",
        "总裁",
        "副总裁",
        "行长",
        "副行长",
        "馆长",
        "主编",
        # a township's 党委委员 by their work (镇组织委员 吴敏)
        "组织委员",
        "宣传委员",
        "统战委员",
        "政法委员",
        "纪检委员",
        "人大主席",
        "人大副主席",
        "武装部部长",
    ],
    key=len,
    reverse=True,
)
_POSITION = "|".join(map(re.escape, POSITIONS))
# a name's characters: the common Han block and the rare ones (Extension A, compatibility
# ideographs, the supplementary planes' extensions: 䶮, 𠮷)
NAME_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·"
_BYLINE = re.compile(rf"^(?P<head>.*?(?:{_POSITION}))[\s　]*(?P<name>[{NAME_CHARS}]{{2,4}})$")


def byline(text: str) -> dict[str, str] | None:
    """单位 + 职务 + 姓名, e.g. 济宁高新区经济发展局副局长 王进; several positions joined by 、
    (区委办公室党组书记、主任 李某) stay one position, and the unit keeps none of them."""
    if not text or len(text) > MAX_BYLINE or text[-1] in SENTENCE_END or "，" in text:
        return None
    # 刘　洋: a two-character name spaced out to the width of three
    text = _SPACED_NAME.sub(r"\1\2", text)
    match = _BYLINE.match(text)
    if not match:
        return _unit_and_name(text)
    head, name = match.group("head").strip(), match.group("name")
    unit, positions = _positions(head)
    if not positions:
        return _unit_and_name(text)
    # 区委组织部  组织科科长: the spaces that set the unit's parts apart are no part of it
    unit = _HAN_SPACES.sub("", unit.strip())
    return {"unit": unit, "position": "、".join(positions), "name": name}


def _unit_and_name(text: str) -> dict[str, str] | None:
    """单位 + 姓名 set apart by a space, without a position (区财政局　张伟)."""
    parts = text.split()
    if len(parts) == 2 and parts[0].endswith(UNITS) and name_like(parts[1]):
        if parts[1].endswith(_DOCUMENT_WORDS):
            return None  # 某某县人民政府　文件: a mark, not a byline
        if len(parts[0]) >= 3 and not any(mark in parts[0] for mark in "、：:（("):
            return {"unit": parts[0], "position": "", "name": parts[1]}
    return None


_DOCUMENT_WORDS = ("文件", "简报", "纪要", "报告", "请示", "意见", "通知", "通报", "信息", "动态")
_SPACED_NAME = re.compile(r"(?<=[\s　])([\u4e00-\u9fff])[\s　]+([\u4e00-\u9fff])$")
_HAN_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])[\s　]+(?=[\u4e00-\u9fff])")


def _positions(head: str) -> tuple[str, list[str]]:
    """The positions at the end of ``head`` (党组书记、主任) and the unit before them."""
    unit, positions = head, list[str]()
    while True:
        found = next((p for p in POSITIONS if unit.endswith(p)), None)
        if found is None:
            break
        unit, position = unit[: -len(found)], found
        # modifiers written before the position word belong to it (常务副主任, 党组书记)
        while unit and unit.endswith(("常务", "副", "执行", "代")):
            cut = 2 if unit.endswith(("常务", "执行")) else 1
            unit, position = unit[:-cut], unit[-cut:] + position
        positions.insert(0, position)
        if not unit.endswith(("、", "，", ",")):
            break
        unit = unit[:-1]
    return unit.strip(), positions


_NAME = re.compile(rf"[{NAME_CHARS}]{{2,4}}")


def name_like(text: str) -> bool:
    """Two to four Han characters that are not a position or a unit's name (局, 办公室)."""
    return bool(_NAME.fullmatch(text)) and not text.endswith(_NOT_NAMES)


# what ends a unit's or a position's name, never a person's
_UNIT_ENDS = ("局", "委", "办", "室", "厅", "部", "处", "科", "院", "所", "会", "府")
_NOT_NAMES = (*POSITIONS, *_UNIT_ENDS)
UNITS = (
    *(*_UNIT_ENDS, "中心", "公司", "街道", "镇", "乡", "股", "队", "站", "学", "校", "园", "馆"),
    *("社区", "村", "集团", "银行", "支行"),
)


def person(text: str) -> dict[str, str] | str:
    """One attendee as written: 县发改局局长孙七, 县长 张三, 张三（县长）, 张　三.  Unit,
    position and name when they can be told apart (name last, or a name and its position),
    else the text as written (a group: 各镇街主要负责同志)."""
    text = text.strip()
    squeezed = re.sub(r"[\s　]+", "", text)
    if name_like(squeezed) and len(squeezed) == 2:
        return squeezed  # 张　三: a two-character name spaced out to the width of three
    parts = text.split()
    if len(parts) == 2 and name_like(parts[0]) and _positions(parts[1])[1]:
        unit, positions = _positions(parts[1])  # 张三 县长: the name first
        return {"unit": unit, "position": "、".join(positions), "name": parts[0]}
    if len(text) <= MAX_BYLINE:
        match = _BYLINE.match(text)
        if match:
            unit, positions = _positions(match.group("head").strip())
            name = match.group("name")
            # 区安全生产委员会办公室 ends with no name: an office, as written
            if positions and name_like(name):
                return {"unit": unit.strip(), "position": "、".join(positions), "name": name}
        bracketed = _BRACKETED.fullmatch(squeezed)
        if bracketed and name_like(bracketed["name"]):
            return _bracketed(bracketed["name"], bracketed["head"]) or text
    return text  # a name, or a group as written


# 张三（区发改局局长）: the name first, its unit and position in brackets after it
_BRACKETED = re.compile(rf"(?P<name>[{NAME_CHARS}]{{2,4}})[（(](?P<head>[^（()）]+)[）)]")


def _bracketed(name: str, head: str) -> dict[str, str] | None:
    """The person of 张三（区发改局局长） or 张三（区发改局）; None when the brackets hold
    no unit or position (郑华（出差）: a note, kept as written)."""
    unit, positions = _positions(head)
    if positions:
        return {"unit": unit, "position": "、".join(positions), "name": name}
    if head.endswith(UNITS):
        return {"unit": head, "position": "", "name": name}
    return None


# numbering --------------------------------------------------------------------------------

HAN_NUMBER = "一二三四五六七八九十百零"
# point numbering in bulletins (the order matters: the first style found wins)
POINT_MARKS = {
    "一是": re.compile(rf"(?P<n>[{HAN_NUMBER}]+)是"),
    "（一）": re.compile(rf"[（(](?P<n>[{HAN_NUMBER}]+)[）)]"),
    "1.": re.compile(r"(?P<n>\d{1,2})[.．、](?!\d)"),
    "第一": re.compile(rf"第(?P<n>[{HAN_NUMBER}]+)[，,、]"),
}
# in the 公文 the four levels 一、 （一） 1. （1） and the run-on 一是 of GB/T 9704 §7.3.3
DOCUMENT_MARKS = {
    "一是": POINT_MARKS["一是"],
    "一、": re.compile(rf"(?P<n>[{HAN_NUMBER}]+)、"),
    "（一）": POINT_MARKS["（一）"],
    "（1）": re.compile(r"[（(](?P<n>\d{1,2})[）)]"),
    "1.": POINT_MARKS["1."],
    "第一": POINT_MARKS["第一"],
}
Marks = dict[str, re.Pattern[str]]


def number(numeral: str) -> int:
    """The number a numeral of a mark stands for: 3, 三, 十二 (0 when none)."""
    if numeral.isdigit():
        return int(numeral)
    for n in range(1, 100):
        if chinese_numeral(n) == numeral:
            return n
    return 0


def point_start(text: str, marks: Marks = POINT_MARKS) -> tuple[str, int] | None:
    """The numbering style and number a paragraph starts with (一是 → ("一是", 1))."""
    for style, pattern in marks.items():
        match = pattern.match(text)
        if match:
            return style, number(match.group("n"))
    return None


Points = list[tuple[int, str, str]]


def split_points(text: str, marks: Marks = POINT_MARKS) -> tuple[str, Points, str]:
    """Intro text, numbered points (number, lead sentence, rest) and their numbering style.

    Points may run on inside one paragraph: 一是……。二是……。 A marker counts only at the start
    of the paragraph or right after a sentence end or colon, so 之一是 in running text does not.
    """
    for style, pattern in marks.items():
        starts = [
            m
            for m in pattern.finditer(text)
            if m.start() == 0 or text[m.start() - 1] in "。！？；：:"
        ]
        if not starts:
            continue
        numbers = [number(m.group("n")) for m in starts]
        # keep only markers that count up from the first one
        kept = [starts[0]]
        for match, n in zip(starts[1:], numbers[1:], strict=True):
            if n > number(kept[-1].group("n")):
                kept.append(match)
        if kept[0].start() > 0 and number(kept[0].group("n")) != 1:
            continue
        intro = text[: kept[0].start()].strip()
        points = []
        for i, match in enumerate(kept):
            end = kept[i + 1].start() if i + 1 < len(kept) else len(text)
            body = text[match.end() : end].strip()
            lead, rest = lead_sentence(body)
            points.append((number(match.group("n")), lead, rest))
        return intro, points, style
    return text, [], "一是"


def lead_sentence(body: str) -> tuple[str, str]:
    """The lead sentence of a point (up to its first full stop) and the rest."""
    match = re.search(r"[。！？]", body)
    if not match or match.end() == len(body):
        return body, ""
    return body[: match.end()], body[match.end() :]


HEADING_NUMBERS = (
    ("一、", re.compile(rf"^[{HAN_NUMBER}]+、\s*")),
    ("（一）", re.compile(rf"^[（(][{HAN_NUMBER}]+[）)]\s*")),
    ("1.", re.compile(r"^\d{1,2}[.．、]\s*(?!\d)")),
    ("第一", re.compile(rf"^第[{HAN_NUMBER}]+[，,、部分]*\s*")),
)
DOCUMENT_HEADINGS = (
    *HEADING_NUMBERS[:2],
    ("（1）", re.compile(r"^[（(]\d{1,2}[）)]\s*")),
    *HEADING_NUMBERS[2:],
)


def unnumbered(
    text: str, numbers: tuple[tuple[str, re.Pattern[str]], ...] = HEADING_NUMBERS
) -> tuple[str | None, str]:
    """A heading's numbering style as written (一、, （一）, 1., 第一) and its words."""
    for style, pattern in numbers:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return style, text[match.end() :].strip()
    return None, text


def heading_number(text: str) -> int:
    """The number a numbered heading is written with (三、 → 3; 0 when none)."""
    match = re.match(rf"^(?:第|[（(])?(?P<n>[{HAN_NUMBER}]+|\d{{1,2}})", text)
    return number(match.group("n")) if match else 0


# dates ----------------------------------------------------------------------------------

_HAN_DIGIT = "〇○零一二三四五六七八九"
DATE = (
    rf"(?:(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
    rf"|(?P<hy>[{_HAN_DIGIT}]{{4}})\s*年\s*(?P<hm>[{_HAN_DIGIT}十]{{1,3}})\s*月"
    rf"\s*(?P<hd>[{_HAN_DIGIT}十]{{1,3}})\s*日"
    rf"|(?P<ny>\d{{4}})[-./](?P<nm>\d{{1,2}})[-./](?P<nd>\d{{1,2}}))"
)
_DATE_LINE = re.compile(rf"^\s*{DATE}\s*$")


def date_in(match: re.Match[str]) -> dt.date | None:
    """The date a match of :data:`DATE` names (None when no such day)."""
    try:
        if match.group("y"):
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match.group("ny"):
            return dt.date(int(match["ny"]), int(match["nm"]), int(match["nd"]))
        return dt.date(han_number(match["hy"]), han_number(match["hm"]), han_number(match["hd"]))
    except ValueError:
        return None


def date_line(text: str) -> dt.date | None:
    """The date a line holds and nothing else (2024年5月6日, 二〇二四年五月六日, 2024-05-06)."""
    match = _DATE_LINE.match(text)
    return date_in(match) if match else None


PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*\d{1,3}[-—–－\s]*$|^第\s*\d{1,3}\s*页(\s*[，,]?\s*共\s*\d{1,3}\s*页)?$"
)
