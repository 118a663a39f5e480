"""A draft's lines into articles: titles, bylines, section headings, points, lead paragraphs.

The rules are those of the office write-ups reportkit prints: a title is a short line without a
full stop, followed by its bylines (单位 + 职务 + 姓名); sections are 学习体会, 下步打算, 对我区的
启示, or a heading of their own; points start with 一是, （一）, 1. or 第一，.  Lines broken in
mid-sentence (a page break in the source) are joined.  Anything the reader should check is
reported with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.compose.numbering import chinese_numeral
from reportkit.errors import Location, Problem
from reportkit.source.drafts.read import DraftLine

# A paragraph ends here; one that does not was broken in mid-sentence (or is a heading).
SENTENCE_END = "。！？；：…”’）」』》"
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
    ],
    key=len,
    reverse=True,
)
_POSITION = "|".join(map(re.escape, POSITIONS))
_BYLINE = re.compile(rf"^(?P<head>.*?(?:{_POSITION}))[\s　]*(?P<name>[\u4e00-\u9fff·]{{2,4}})$")
_HAN_NUMBER = "一二三四五六七八九十百零"
_POINT_MARKS = {
    "一是": re.compile(rf"(?P<n>[{_HAN_NUMBER}]+)是"),
    "（一）": re.compile(rf"[（(](?P<n>[{_HAN_NUMBER}]+)[）)]"),
    "1.": re.compile(r"(?P<n>\d{1,2})[.．、](?!\d)"),
    "第一": re.compile(rf"第(?P<n>[{_HAN_NUMBER}]+)[，,、]"),
}
_NUMBERED_HEADING = re.compile(rf"^[{_HAN_NUMBER}]+、\s*(?P<text>.+)$")
MAX_HEADING = 30  # characters: longer lines without a full stop are broken paragraphs


@dataclass
class Para:
    """A paragraph of the draft, with the line it starts on."""

    text: str
    line: int
    heading: bool = False


@dataclass
class Draft:
    """Articles found in a draft, with the line each field came from."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[tuple[Any, ...], int]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


def paragraphs(lines: list[DraftLine]) -> list[Para]:
    """Paragraphs of a draft: a paragraph broken by a line or page break is joined again."""
    out: list[Para] = []
    for line in lines:
        if not line.text:
            continue
        previous = out[-1] if out else None
        if previous is not None and _continues(previous, line):
            previous.text += line.text
            continue
        out.append(Para(line.text, line.number, line.heading))
    return out


def _continues(previous: Para, line: DraftLine) -> bool:
    """Does ``line`` carry on ``previous``, which stopped in mid-sentence?

    A heading or title never stops in mid-sentence, so a paragraph without a closing mark is
    broken when it is long, has punctuation inside it, or is a numbered point.
    """
    text = previous.text
    if previous.heading or line.heading or text[-1] in SENTENCE_END:
        return False
    if (
        _byline(text)
        or _byline(line.text)
        or _point_start(line.text)
        or _is_kind_heading(line.text)
    ):
        return False
    inside = any(mark in text for mark in "。，、；：？！")
    return (
        len(text) > MAX_HEADING
        or _point_start(text) is not None
        or (inside and not _is_kind_heading(text))
    )


def parse(lines: list[DraftLine], file: Path) -> Draft:
    """The articles of a draft (one file may hold a whole compilation, as the seed does)."""
    draft = Draft()
    paras = paragraphs(lines)
    builder: _Article | None = None
    index = 0
    while index < len(paras):
        para = paras[index]
        authors = _bylines(paras, index + 1)
        starts_article = authors or builder is None
        if starts_article and _title_like(para):
            if builder is not None:
                builder.finish(draft, file)
            builder = _Article(para)
            for offset, author in enumerate(authors, start=1):
                builder.author(author, paras[index + offset].line)
            if not authors:
                draft.notes.append(
                    _note(
                        file,
                        para.line,
                        "title",
                        f"标题“{para.text}”下面没有找到署名（单位、职务、姓名），请补上",
                    )
                )
            index += 1 + len(authors)
            continue
        if builder is None:
            builder = _Article(Para("", para.line))
            draft.notes.append(_note(file, para.line, "title", "没有找到标题，请补上"))
        builder.add(para, draft, file)
        index += 1
    if builder is not None:
        builder.finish(draft, file)
    return draft


def _title_like(para: Para) -> bool:
    text = para.text
    return len(text) <= 40 and text[-1] not in "。！？；：" and not _point_start(text)


def _bylines(paras: list[Para], start: int) -> list[dict[str, str]]:
    out = []
    while start < len(paras) and (author := _byline(paras[start].text)):
        out.append(author)
        start += 1
    return out


def _byline(text: str) -> dict[str, str] | None:
    """单位 + 职务 + 姓名, e.g. 济宁高新区经济发展局副局长 王进."""
    if len(text) > 40 or text[-1] in SENTENCE_END or "，" in text:
        return None
    match = _BYLINE.match(text)
    if not match:
        return None
    head, name = match.group("head").strip(), match.group("name")
    position = next(p for p in POSITIONS if head.endswith(p))
    unit = head[: -len(position)]
    # modifiers written before the position word belong to it (常务副主任, 党组书记)
    while unit and unit.endswith(("常务", "副", "执行", "代")):
        cut = 2 if unit.endswith(("常务", "执行")) else 1
        unit, position = unit[:-cut], unit[-cut:] + position
    return {"unit": unit.strip(), "position": position, "name": name}


def _point_start(text: str) -> tuple[str, int] | None:
    """The numbering style and number a paragraph starts with (一是 → ("一是", 1))."""
    for style, pattern in _POINT_MARKS.items():
        match = pattern.match(text)
        if match:
            return style, _number(match.group("n"))
    return None


def _heading_marker(text: str) -> int | None:
    """Where the text of a numbered heading starts (（一）标题 / 第一，标题 with no sentence end
    anywhere), or None for a numbered point."""
    if len(text) > MAX_HEADING or any(mark in text for mark in "。！？；"):
        return None
    for style in ("（一）", "第一"):
        match = _POINT_MARKS[style].match(text)
        if match:
            return match.end()
    return None


def _number(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    for n in range(1, 100):
        if chinese_numeral(n) == numeral:
            return n
    return 0


def _is_kind_heading(text: str) -> str | None:
    text = text.strip()
    if text in ("学习体会", "学习心得", "心得体会", "主要体会"):
        return "学习体会"
    if re.fullmatch(r"下一?步(工作)?(打算|计划|思路)", text):
        return "下步打算"
    if len(text) <= 12 and text.endswith("启示"):
        return "启示"
    return None


def _note(file: Path, line: int, field: str, message: str) -> Problem:
    return Problem(Location(file, line), field, message, warning=True)


class _Article:
    """Collects one article while its paragraphs are read."""

    def __init__(self, title: Para):
        self.data: dict[str, Any] = {"title": title.text, "authors": [], "lead": [], "sections": []}
        self.lines: dict[tuple[Any, ...], int] = {(): title.line, ("title",): title.line}

    def author(self, author: dict[str, str], line: int) -> None:
        self.lines[("authors", len(self.data["authors"]))] = line
        self.data["authors"].append(author)

    def _section(self, line: int, **fields: Any) -> dict[str, Any]:
        section: dict[str, Any] = {**fields}
        self.lines[("sections", len(self.data["sections"]))] = line
        self.data["sections"].append(section)
        return section

    def _current(self, line: int) -> dict[str, Any]:
        if not self.data["sections"]:
            return self._section(line)
        return self.data["sections"][-1]

    def add(self, para: Para, draft: Draft, file: Path) -> None:
        text = para.text
        kind = _is_kind_heading(text)
        numbered = _NUMBERED_HEADING.match(text)
        if kind:
            fields = {"kind": kind}
            if kind == "启示" or text not in ("学习体会", "下步打算"):
                fields["heading"] = text
            self._section(para.line, **fields)
            return
        if numbered and len(text) <= MAX_HEADING and text[-1] not in SENTENCE_END:
            self._section(para.line, heading=numbered.group("text"))
            draft.notes.append(
                _note(file, para.line, "heading", f"小标题“{text}”的编号已去掉，编号由模板决定")
            )
            return
        start = _point_start(text)
        marker = _heading_marker(text) if start is not None else None
        if marker is not None:
            # （一）探索园区实体化运作 on a line of its own, without a full stop: a heading
            self._section(para.line, heading=text[marker:].strip())
            draft.notes.append(
                _note(file, para.line, "heading", f"小标题“{text}”的编号已去掉，编号由模板决定")
            )
            return
        if start is None and (
            para.heading or (len(text) <= MAX_HEADING and text[-1] not in SENTENCE_END)
        ):
            self._section(para.line, heading=text)
            if not para.heading:
                draft.notes.append(_note(file, para.line, "heading", f"“{text}”当作小标题，请核对"))
            return
        self._text(para, start, draft, file)

    def _text(self, para: Para, start: tuple[str, int] | None, draft: Draft, file: Path) -> None:
        intro, points, style = _split_points(para.text)
        section = self._current(para.line) if self.data["sections"] or points else None
        if section is None:
            self.lines[("lead", len(self.data["lead"]))] = para.line
            self.data["lead"].append(para.text)
            return
        if not points:
            if section.get("points"):  # text after the points: a new part of the article
                section = self._section(para.line)
            section.setdefault("paragraphs", []).append(para.text)
            return
        if section.get("points") and (intro or section.get("numbering") not in (None, style)):
            section = self._section(para.line)
        if intro:
            if (
                section.get("paragraphs") is None
                and not section.get("intro")
                and (intro.endswith("：") or len(points) > 1)
            ):
                section["intro"] = intro
            else:
                section.setdefault("paragraphs", []).append(intro)
        if style != "一是":
            section["numbering"] = style
        if len(points) > 1 or intro:
            section["run_on"] = True
        existing = section.setdefault("points", [])
        for number, lead, body in points:
            expected = len(existing) + 1
            if number != expected:
                draft.notes.append(
                    _note(
                        file,
                        para.line,
                        "points",
                        f"编号不连续：这里应是第 {expected} 点，稿件写的是第 {number} 点，请核对",
                    )
                )
            existing.append({"lead": lead, "text": body} if body else {"text": lead})

    def finish(self, draft: Draft, file: Path) -> None:
        if not self.data["authors"] and not self.data["lead"] and not self.data["sections"]:
            # a heading over the whole compilation (the bulletin's name), not an article
            draft.notes[:] = [n for n in draft.notes if n.location.line != self.lines[()]]
            draft.notes.append(
                _note(
                    file,
                    self.lines[()],
                    "title",
                    f"“{self.data['title']}”下面没有正文，当作总标题，没有导入",
                )
            )
            return
        for number, section in enumerate(self.data["sections"]):
            if not (section.get("paragraphs") or section.get("points") or section.get("intro")):
                draft.notes.append(
                    _note(
                        file,
                        self.lines[("sections", number)],
                        "sections",
                        f"小标题“{section.get('heading', section.get('kind'))}”下面没有内容",
                    )
                )
        if not self.data["lead"]:
            del self.data["lead"]
        draft.articles.append(self.data)
        draft.lines.append(self.lines)


def _split_points(text: str) -> tuple[str, list[tuple[int, str, str]], str]:
    """Intro text, numbered points (number, lead sentence, rest) and their numbering style.

    Points may run on inside one paragraph: 一是……。二是……。 A marker counts only at the start
    of the paragraph or right after a sentence end or colon, so 之一是 in running text does not.
    """
    for style, pattern in _POINT_MARKS.items():
        starts = [
            m
            for m in pattern.finditer(text)
            if m.start() == 0 or text[m.start() - 1] in "。！？；：:"
        ]
        if not starts:
            continue
        numbers = [_number(m.group("n")) for m in starts]
        # keep only markers that count up from the first one
        kept = [starts[0]]
        for match, number in zip(starts[1:], numbers[1:], strict=True):
            if number > _number(kept[-1].group("n")):
                kept.append(match)
        if kept[0].start() > 0 and _number(kept[0].group("n")) != 1:
            continue
        intro = text[: kept[0].start()].strip()
        points = []
        for i, match in enumerate(kept):
            end = kept[i + 1].start() if i + 1 < len(kept) else len(text)
            body = text[match.end() : end].strip()
            lead, rest = _lead(body)
            points.append((_number(match.group("n")), lead, rest))
        return intro, points, style
    return text, [], "一是"


def _lead(body: str) -> tuple[str, str]:
    """The lead sentence of a point (up to its first full stop) and the rest."""
    match = re.search(r"[。！？]", body)
    if not match or match.end() == len(body):
        return body, ""
    return body[: match.end()], body[match.end() :]
