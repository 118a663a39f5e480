"""A draft's lines into articles: titles, bylines, section headings, points, lead paragraphs.

The rules are those of the office write-ups reportkit prints: a title is a short line without a
full stop, followed by its bylines (单位 + 职务 + 姓名); sections are 学习体会, 下步打算, 对我区的
启示, or a heading of their own; points start with 一是, （一）, 1. or 第一，.  Lines broken in
mid-sentence (a page break in the source) are joined.  Anything the reader should check is
reported with its line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import Problem
from reportkit.source.drafts import compilation
from reportkit.source.drafts.common import CAPTION as _CAPTION
from reportkit.source.drafts.common import HAN_NUMBER as _HAN_NUMBER
from reportkit.source.drafts.common import MAX_BYLINE, MAX_HEADING, SENTENCE_END, SPACES, Para
from reportkit.source.drafts.common import PAGE_NUMBER as _PAGE_NUMBER
from reportkit.source.drafts.common import POINT_MARKS as _POINT_MARKS
from reportkit.source.drafts.common import byline as _byline
from reportkit.source.drafts.common import note as _note
from reportkit.source.drafts.common import number as _number
from reportkit.source.drafts.common import point_start as _point_start
from reportkit.source.drafts.common import split_points as _split_points
from reportkit.source.drafts.common import unnumbered as _unnumbered
from reportkit.source.drafts.document import PLACEHOLDER
from reportkit.source.drafts.figures import web_picture
from reportkit.source.drafts.read import DraftLine
from reportkit.source.normalize import running_spaces

LABELS = {"name": "名称", "issue": "期号", "volume": "分册", "unit": "编印单位", "date": "日期"}


@dataclass
class Draft:
    """Articles found in a draft, with the line each field came from."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[tuple[Any, ...], int]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    masthead: dict[str, Any] | None = None  # name, volume, issue from a compilation's first line
    masthead_line: int = 0
    # read from a bulletin reportkit wrote: the template it was built with, its 报尾
    template: str | None = None
    end_matter: dict[str, Any] | None = None


def paragraphs(lines: list[DraftLine]) -> list[Para]:
    """Paragraphs of a draft: a paragraph broken by a line or page break is joined again, and
    the page numbers a PDF's text carries (— 2 —, 第2页) are left out."""
    out: list[Para] = []
    joining: _Joining | None = None  # the last paragraph, while lines may still join it
    for line in lines:
        if line.figure is not None:
            if joining is not None:
                joining.done()
            joining = None
            out.append(Para("", line.number, figure=line.figure))
            continue
        if not line.text or _PAGE_NUMBER.match(line.text):
            continue
        if joining is not None and _continues(joining, line):
            joining.add(line.text)
            continue
        if joining is not None:
            joining.done()
        out.append(Para(line.text, line.number, line.heading, style=line.style))
        joining = _Joining(out[-1])
    if joining is not None:
        joining.done()
    return out


_INNER_MARKS = "。，、；：？！"


class _Joining:
    """The last paragraph while the lines broken from it are joined to it.  Its text is kept
    whole only while it is short (of a long one the checks ask only its length, its last
    character and whether it holds a mark) and joined once at the end: a paragraph broken
    into many lines is joined in time proportional to its length."""

    def __init__(self, para: Para):
        self.para, self.parts, self.length = para, [para.text], len(para.text)
        self.inside = any(mark in para.text for mark in _INNER_MARKS)

    def add(self, text: str) -> None:
        """Join the next line."""
        self.parts.append(text)
        self.length += len(text)
        self.inside = self.inside or any(mark in text for mark in _INNER_MARKS)
        if self.length <= MAX_BYLINE:
            self.para.text = "".join(self.parts)

    def done(self) -> None:
        """The paragraph is complete: its text whole."""
        self.para.text = "".join(self.parts)

    @property
    def last(self) -> str:
        return self.parts[-1][-1]


def _continues(joining: _Joining, line: DraftLine) -> bool:
    """Does ``line`` carry on the paragraph being joined, which stopped in mid-sentence?

    A heading or title never stops in mid-sentence, so a paragraph without a closing mark is
    broken when it is long, has punctuation inside it, or is a numbered point.
    """
    previous = joining.para
    text = previous.text  # whole while it is short, and only read then
    if previous.heading or line.heading:
        return False
    if joining.last in SENTENCE_END:
        return False
    if joining.length <= MAX_BYLINE and compilation.UNIT_DATE.match(text):
        return False  # a unit and a date (a masthead's, a signature's): a line of its own
    if compilation.end_line(line.text):
        return False  # 报：… 发：… 共印80份: the 报尾's lines, each its own
    if (
        (joining.length <= MAX_BYLINE and _byline(text))
        or _byline(line.text)
        or _point_start(line.text)
        or kind_of_heading(line.text)
    ):
        return False
    return (
        joining.length > MAX_HEADING
        or _point_start(text) is not None
        or (joining.inside and not kind_of_heading(text))
    )


def parse(lines: list[DraftLine], file: Path) -> Draft:
    """The articles of a draft (one file may hold a whole compilation, as the seed does)."""
    draft = Draft()
    paras = paragraphs(lines)
    builder: _Article | None = None
    index = _compilation(paras, draft, file)
    if draft.masthead is not None:  # the 报尾 of a whole bulletin, not an article's text
        found, taken = compilation.end_matter(paras)
        if taken:
            draft.end_matter = found
            paras = paras[:-taken]
    while index < len(paras):
        para = paras[index]
        if para.figure is not None:
            if builder is None:
                builder = _Article(Para("", para.line))
                draft.notes.append(_note(file, para.line, "title", "没有找到标题，请补上"))
            builder.add(para, draft, file)
            index += 1
            continue
        title, subtitle, after = _title_parts(paras, index)
        authors = _bylines(paras, after)
        starts_article = authors or builder is None
        if starts_article and _title_like(Para(title, para.line)):
            if builder is not None:
                builder.finish(draft, file)
            builder = _Article(Para(title, para.line))
            if subtitle:
                builder.data["subtitle"] = subtitle
                builder.lines[("subtitle",)] = paras[after - 1].line
            for offset, author in enumerate(authors):
                builder.author(author, paras[after + offset].line)
            if not authors:
                draft.notes.append(
                    _note(
                        file,
                        para.line,
                        "title",
                        f"标题“{title}”下面没有找到署名（单位、职务、姓名），"
                        f"已填“{PLACEHOLDER}”，请补上",
                    )
                )
            index = after + len(authors)
            continue
        if builder is None:
            builder = _Article(Para("", para.line))
            draft.notes.append(_note(file, para.line, "title", "没有找到标题，请补上"))
        builder.add(para, draft, file)
        index += 1
    if builder is not None:
        builder.finish(draft, file)
    return draft


def _compilation(paras: list[Para], draft: Draft, file: Path) -> int:
    """Read the masthead a compilation starts with (its name, then 第12期 and the unit and
    date on lines of their own) into ``draft``; the index of the paragraph after it."""
    head = compilation.masthead_lines(paras)
    if head is None or not _title_like(paras[0]):
        return 0
    found, taken = head
    draft.masthead = {**masthead_of(paras[0].text), **found}
    draft.masthead_line = paras[0].line
    shown = "；".join(f"{LABELS[k]}：{_shown(v)}" for k, v in draft.masthead.items())
    message = f"开头 {taken} 行当作报头（{shown}），请核对"
    draft.notes.append(_note(file, paras[0].line, "masthead", message))
    return taken


def _shown(value: Any) -> str:
    """A masthead's value as the note shows it: names joined, a date as 2024年6月28日."""
    if isinstance(value, list):
        return "、".join(value)
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def _title_parts(paras: list[Para], index: int) -> tuple[str, str | None, int]:
    """A title, its subtitle (——在……上的发言, on the same line or the next) and the index of
    the paragraph after them."""
    text = paras[index].text
    same = _SUBTITLE.match(text)
    if same and len(same.group("title")) >= 2 and len(same.group("subtitle")) <= 40:
        return same.group("title"), _dashed(same.group("subtitle")), index + 1
    if index + 1 < len(paras):
        following = paras[index + 1].text
        if re.match(r"^(——|—|--)\S", following) and len(following) <= 40:
            return text, _dashed(following), index + 2
    return text, None, index + 1


def _dashed(subtitle: str) -> str:
    """A subtitle led by a full dash (——), however the writer typed it."""
    return "——" + re.sub(r"^(——|—|--)\s*", "", subtitle)


def _title_like(para: Para) -> bool:
    text = para.text
    return (
        bool(text) and len(text) <= 40 and text[-1] not in "。！？；：" and not _point_start(text)
    )


def _bylines(paras: list[Para], start: int) -> list[dict[str, str]]:
    """The bylines under a title; or the unit a compilation names there in their place."""
    if start < len(paras) and not _byline(paras[start].text):
        unit = compilation.unit_byline(paras[start].text)
        following = paras[start + 1].text if start + 1 < len(paras) else ""
        # a unit over the article's text, not a heading over nothing
        return [unit] if unit and following and not compilation.unit_byline(following) else []
    out = []
    while start < len(paras) and (author := _byline(paras[start].text)):
        out.append(author)
        start += 1
    return out


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


def kind_of_heading(text: str) -> str | None:
    """The section kind a heading's words name (学习体会, 下步打算, 启示), numbered or not."""
    words = _unnumbered(text.strip())[1]
    if len(words) > 12:
        return None
    if re.fullmatch(r"(学习|心得|主要|几点|个人)?(体会|心得|收获)(和|与)?(体会|收获|感悟)?", words):
        return "学习体会"
    if re.fullmatch(r"(下一?步|今后)(的)?(工作)?(打算|计划|思路|举措|安排)", words) or words in (
        "几点打算",
        "工作打算",
    ):
        return "下步打算"
    if words.endswith(("启示", "启发")):
        return "启示"
    return None


_CREDIT = re.compile(
    r"^[（(]?\s*(?P<credit>(执笔|供稿|撰稿|整理|撰写|作者|来源|审核|审稿|编辑)\s*[：:]\s*\S.{0,40}?)\s*[）)]?$"
)
_SUBTITLE = re.compile(r"^(?P<title>.+?)\s*(?P<subtitle>——\s*\S.*)$")
_VOLUME = re.compile(r"^(?P<name>.*?)[\s　]*[（(]?(?P<volume>[^\s　（）()]{1,10}篇)[）)]?$")
_ISSUE = re.compile(rf"[\s　]*第\s*(?P<n>\d{{1,4}}|[{_HAN_NUMBER}]+)\s*期[\s　]*")
MASTHEAD_LINE_CHARS = 10  # characters of the bulletin name on one masthead line (初号 on 156 mm)


def masthead_of(text: str) -> dict[str, Any]:
    """The bulletin name, issue and volume a compilation's first line gives
    (学习简报 第5期 杭州篇; 近赶潍坊 远学长沙 比学赶超 勇攀新高 长沙篇)."""
    out: dict[str, Any] = {}
    issue = _ISSUE.search(text)
    if issue:
        out["issue"] = _number(issue.group("n"))
        text = (text[: issue.start()] + "　" + text[issue.end() :]).strip()
    volume = _VOLUME.match(text)
    if volume and volume.group("name").strip():
        out["volume"] = volume.group("volume")
        text = volume.group("name").strip()
    parts = text.split()
    if len(parts) >= 2 and len("".join(parts)) > MASTHEAD_LINE_CHARS:
        half = (len(parts) + 1) // 2
        out["name"] = ["　".join(parts[:half]), "　".join(parts[half:])]
    else:
        out["name"] = "　".join(parts)
    return {"name": out["name"], **{k: v for k, v in out.items() if k != "name"}}


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
        if para.figure is not None:
            section = self._current(para.line)
            self.lines[
                (
                    "sections",
                    len(self.data["sections"]) - 1,
                    "points",
                    len(section.get("points", [])),
                )
            ] = para.line
            section.setdefault("points", []).append(dict(para.figure))
            if isinstance(para.figure.get("image"), str):
                draft.notes.append(
                    _note(file, para.line, "image", web_picture(para.figure["image"]))
                )
            return
        text = para.text
        last = self.data["sections"][-1].get("points", [])[-1:] if self.data["sections"] else []
        if last and "image" in last[0] and not last[0].get("caption") and _CAPTION.match(text):
            last[0]["caption"] = text  # 图为…… under a picture is its caption
            return
        credit = _CREDIT.match(text)
        if credit and (text[0] in "（(" or len(text) <= 20):
            self.lines[("credit",)] = para.line
            self.data["credit"] = credit.group("credit")
            return
        kind = kind_of_heading(text)
        style, words = _unnumbered(text)
        short = len(text) <= MAX_HEADING and text[-1] not in SENTENCE_END
        if kind and short:
            fields = {"kind": kind}
            if words not in ("学习体会", "下步打算", "启示"):
                fields["heading"] = words
            self._section(para.line, **fields)
            self._heading_numbering(style, para.line, draft, file)
            return
        if style == "一、" and short:
            self._section(para.line, heading=words)
            self._heading_numbering(style, para.line, draft, file)
            return
        start = _point_start(text)
        marker = _heading_marker(text) if start is not None else None
        if marker is not None:
            # （一）探索园区实体化运作 on a line of its own, without a full stop: a heading
            self._section(para.line, heading=text[marker:].strip())
            self._heading_numbering(style, para.line, draft, file)
            return
        if start is None and (para.heading or short):
            self._section(para.line, heading=text)
            if not para.heading:
                draft.notes.append(_note(file, para.line, "heading", f"“{text}”当作小标题，请核对"))
            return
        self._text(para, start, draft, file)

    def _heading_numbering(self, style: str | None, line: int, draft: Draft, file: Path) -> None:
        """Keep the numbering the writer gave the headings (一、, （一）) as the article's."""
        if style is None:
            return
        known = self.data.get("heading_numbering")
        if known is None:
            self.data["heading_numbering"] = style
            self.lines[("heading_numbering",)] = line
        elif known != style:
            draft.notes.append(
                _note(
                    file,
                    line,
                    "heading_numbering",
                    f"小标题的编号样式不一致（先用“{known}”，这里用“{style}”），已统一为“{known}”，请核对",
                )
            )

    def _text(self, para: Para, start: tuple[str, int] | None, draft: Draft, file: Path) -> None:
        text, fixes = running_spaces(para.text)  # a paste's spaces between Han characters
        draft.notes += [_note(file, para.line, SPACES, fix.message) for fix in fixes]
        para = Para(text, para.line, para.heading, para.figure, para.style)
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
            expected = sum(1 for e in existing if "image" not in e and "table" not in e) + 1
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
        if not any(self.data.get(k) for k in ("authors", "lead", "sections", "credit")):
            # a heading over the whole compilation: the bulletin's name, not an article
            title = " ".join(filter(None, (self.data["title"], self.data.get("subtitle"))))
            draft.notes[:] = [n for n in draft.notes if n.location.line != self.lines[()]]
            if draft.masthead is None and not draft.articles and title:
                draft.masthead = masthead_of(title)
                draft.masthead_line = self.lines[()]
                shown = "；".join(
                    f"{LABELS[k]}：{'、'.join(v) if isinstance(v, list) else v}"
                    for k, v in draft.masthead.items()
                )
                message = f"“{title}”当作报头（{shown}），请核对"
            else:
                message = f"“{title}”下面没有正文，当作总标题，没有导入"
            draft.notes.append(_note(file, self.lines[()], "masthead", message))
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
        if not self.data["authors"]:  # held, so that the article builds as imported
            self.data["authors"] = [{"name": PLACEHOLDER}]
        if not self.data["lead"]:
            del self.data["lead"]
        order = ("title", "subtitle", "authors", "lead", "sections", "closing", "credit")
        self.data = {
            **{k: self.data[k] for k in order if k in self.data},
            **{k: v for k, v in self.data.items() if k not in order},
        }
        draft.articles.append(self.data)
        draft.lines.append(self.lines)
