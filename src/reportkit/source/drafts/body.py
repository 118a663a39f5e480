"""The running text of a 公文 draft (a report's body, an attachment's, the minutes') as lead
paragraphs, sections under headings, points and closing, the writer's numbering kept.

The numbers a template generates are exactly those the draft wrote: headings and points get the
numbering style they were written in.  Where a template could not generate them (an item
numbered on after a paragraph of its own: （一）标题 / 段落 / （二）标题, or numbers that skip),
every item of that style keeps its number as typed, in a paragraph of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import Problem
from reportkit.source.drafts.common import (
    CAPTION,
    DOCUMENT_HEADINGS,
    DOCUMENT_MARKS,
    Para,
    heading_number,
    note,
    point_start,
    split_points,
    unnumbered,
)
from reportkit.source.drafts.document import PLACEHOLDER, SPACES
from reportkit.source.drafts.figures import web_picture
from reportkit.source.model import typed_number
from reportkit.source.normalize import running_spaces

# the formulaic last sentence of a report or request: the body's closing
CLOSING = re.compile(
    r"^(特此(报告|请示|函告|函复|通知|通报|说明)|以上(报告|意见|请示|情况)[^。]{0,30}"
    r"|妥否[^。]{0,20}|当否[^。]{0,20}|请(审阅|批示|审定|审批|阅示))[。！]?$"
)
TOP_STYLES = ("一、", "（一）", "第一")  # what a section heading may be numbered with
MAX_OWN_LINE = 40  # characters: a longer numbered line is a point, not a heading


# sections, each with the line of each of its fields
Filled = list[tuple[dict[str, Any], dict[tuple[Any, ...], int]]]


@dataclass
class BodyText:
    """A body read: its fields, the line of each, notes, and what was counted."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


def body(paras: list[Para], file: Path) -> BodyText:
    """The lead, sections and closing of ``paras`` (a body's paragraphs and figures)."""
    out = BodyText()
    paras = [_spaced(para, file, out.notes) for para in paras]
    closing: list[Para] = []
    while paras and paras[-1].figure is None and CLOSING.match(paras[-1].text):
        closing.insert(0, paras.pop())
    top = _top_style(paras)
    lead, groups = _grouped(paras, top)
    _put(out, "lead", lead)
    headings = [heading for heading, _ in groups if heading is not None]
    numbering = _heading_numbering(headings, top, file, out.notes)
    if headings:
        out.data["heading_numbering"] = numbering
        out.lines[("heading_numbering",)] = headings[0].line
    sections: list[dict[str, Any]] = []
    for heading, items in groups:
        filled = _sections(items, file, out)
        if heading is not None:
            filled = _headed(heading, filled, numbering, file, out)
        for section, lines in filled:
            at = ("sections", len(sections))
            sections.append(section)
            out.lines.update({(*at, *key): line for key, line in lines.items()})
    if sections:
        out.data["sections"] = sections
    _put(out, "closing", closing)
    return out


def _grouped(
    paras: list[Para], top: str | None
) -> tuple[list[Para], list[tuple[Para | None, list[Para]]]]:
    """The lead paragraphs (before the first heading, numbered item or figure), then each
    heading with what follows it (the first group without a heading when numbered items
    come before any heading)."""
    lead: list[Para] = []
    groups: list[tuple[Para | None, list[Para]]] = []
    for para in paras:
        if _is_heading(para, top):
            groups.append((para, []))
        elif groups:
            groups[-1][1].append(para)
        elif para.figure is None and not _numbered(para):
            lead.append(para)
        else:
            groups.append((None, [para]))
    return lead, groups


def _put(out: BodyText, key: str, paras: list[Para]) -> None:
    """Paragraphs as the list field ``key`` (lead, closing), with their lines."""
    for number, para in enumerate(paras):
        out.data.setdefault(key, []).append(para.text)
        out.lines[(key, number)] = para.line


def _headed(heading: Para, filled: Filled, numbering: str, file: Path, out: BodyText) -> Filled:
    """The sections under a heading, the first given it (its number left to the template
    when the template numbers the headings as the writer did)."""
    words = unnumbered(heading.text, DOCUMENT_HEADINGS)[1]
    text = words if numbering != "none" else heading.text
    if not filled:
        message = f"小标题“{text}”下面没有内容，已填“{PLACEHOLDER}”"
        out.notes.append(note(file, heading.line, "heading", message))
        filled = [({"paragraphs": [PLACEHOLDER]}, {(): heading.line})]
    first, lines = filled[0]
    out.counts["sections"] += 1
    headed = ({"heading": text, **first}, {**lines, (): heading.line, ("heading",): heading.line})
    return [headed, *filled[1:]]


def _spaced(para: Para, file: Path, notes: list[Problem]) -> Para:
    """A text paragraph without the spaces a paste left between Han characters."""
    if para.figure is not None:
        return para
    text, fixes = running_spaces(para.text)
    notes += [note(file, para.line, SPACES, fix.message) for fix in fixes]
    return Para(text, para.line, para.heading, para.figure, para.style)


def _own_line(text: str) -> bool:
    """A short line without a sentence in it: a heading, when numbered or marked so."""
    return len(text) <= MAX_OWN_LINE and not any(mark in text for mark in "。！？；")


def _numbered(para: Para) -> bool:
    return para.figure is None and bool(split_points(para.text, DOCUMENT_MARKS)[1])


def _top_style(paras: list[Para]) -> str | None:
    """The numbering of the body's section headings: 一、 when a line of its own is numbered
    so, else the first of （一） and 第一 that is (None: no numbered headings)."""
    found = [
        style
        for para in paras
        if para.figure is None and _own_line(para.text)
        for style in [unnumbered(para.text, DOCUMENT_HEADINGS)[0]]
        if style in TOP_STYLES
    ]
    if "一、" in found:
        return "一、"
    return found[0] if found else None


def _is_heading(para: Para, top: str | None) -> bool:
    """A section heading: a line of its own numbered in the top style, or one the writer
    marked as a heading (bold, a heading style) without a number."""
    if para.figure is not None or not _own_line(para.text):
        return False
    style = unnumbered(para.text, DOCUMENT_HEADINGS)[0]
    return (style is not None and style == top) or (style is None and para.heading)


def _heading_numbering(
    headings: list[Para], top: str | None, file: Path, notes: list[Problem]
) -> str:
    """The headings' numbering: the top style when every heading has it and the numbers
    count 1, 2, 3; else none (the numbers stay in the headings as written)."""
    styles = [unnumbered(h.text, DOCUMENT_HEADINGS)[0] for h in headings]
    numbers = [heading_number(h.text) for h in headings]
    if top is not None and all(s == top for s in styles):
        if numbers == list(range(1, len(numbers) + 1)):
            return top
        expected = next(n for n, got in enumerate(numbers, 1) if got != n)
        where = headings[expected - 1]
        notes.append(
            note(
                file,
                where.line,
                "heading_numbering",
                f"小标题编号不连续：这里应是第 {expected} 个，稿件写的是“{where.text}”；"
                "小标题的编号按原样保留在标题文字里，请核对",
            )
        )
    elif any(s is not None for s in styles):
        notes.append(
            note(
                file,
                headings[0].line,
                "heading_numbering",
                "小标题有的有编号、有的没有，编号按原样保留在标题文字里，请核对",
            )
        )
    return "none"


def _sections(items: list[Para], file: Path, out: BodyText) -> Filled:
    """The sections (the first to take the heading, the rest without one) that hold
    ``items`` in order; numbering a template cannot generate kept as typed."""
    typed: set[str] = set()
    while True:
        builder = _Fill(typed)
        for para in items:
            builder.add(para)
        if builder.fallen <= typed:
            break
        typed |= builder.fallen
    for style, line in builder.first_typed.items():
        out.notes.append(
            note(
                file,
                line,
                "points",
                f"“{style}”编号的各项中间隔有段落或编号不连续，模板不能按顺序生成编号："
                "这些项按原样（连同编号）作为段落保留，请核对",
            )
        )
    for line, message in builder.pictures:
        out.notes.append(note(file, line, "image", message))
    out.counts["points"] += builder.points
    out.counts["figures"] += builder.figures
    return [(s, lines) for s, lines in builder.sections if _has_content(s)]


def _has_content(section: dict[str, Any]) -> bool:
    return bool(section.get("paragraphs") or section.get("intro") or section.get("points"))


class _Fill:
    """Items poured into sections: paragraphs first, then points (a section holds no
    paragraph after its points: one that follows starts a section without a heading)."""

    def __init__(self, typed: set[str]):
        self.typed = typed
        self.sections: Filled = []
        self.fallen: set[str] = set()
        self.first_typed: dict[str, int] = {}
        self.pictures: list[tuple[int, str]] = []
        self.points = self.figures = 0
        self._new()

    def _new(self) -> None:
        self.sections.append(({}, {}))

    @property
    def section(self) -> dict[str, Any]:
        return self.sections[-1][0]

    def _line(self, key: tuple[Any, ...], line: int) -> None:
        lines = self.sections[-1][1]
        lines.setdefault((), line)
        lines[key] = line

    def add(self, para: Para) -> None:
        if para.figure is not None:
            self._figure(para)
            return
        entries = self.section.get("points", [])
        last = entries[-1] if entries else None
        if last and "image" in last and not last.get("caption") and CAPTION.match(para.text):
            last["caption"] = para.text  # 图为…… under a picture is its caption
            return
        start = point_start(para.text, DOCUMENT_MARKS)
        marks = {start[0]: DOCUMENT_MARKS[start[0]]} if start else DOCUMENT_MARKS
        intro, points, style = split_points(para.text, marks)
        if not points or style in self.typed or not self._points(para, intro, points, style):
            if points and style not in self.typed:
                self.fallen.add(style)
            if points and style in self.typed:
                self.first_typed.setdefault(style, para.line)
            self._paragraph(para)

    def _paragraph(self, para: Para) -> None:
        if self.section.get("points") or self.section.get("intro"):
            self._new()
        paragraphs = self.section.setdefault("paragraphs", [])
        self._line(("paragraphs", len(paragraphs)), para.line)
        paragraphs.append(para.text)

    def _figure(self, para: Para) -> None:
        assert para.figure is not None
        entries = self.section.setdefault("points", [])
        self._line(("points", len(entries)), para.line)
        entries.append(dict(para.figure))
        self.figures += 1
        if isinstance(para.figure.get("image"), str):
            self.pictures.append((para.line, web_picture(para.figure["image"])))

    def _points(
        self, para: Para, intro: str, points: list[tuple[int, str, str]], style: str
    ) -> bool:
        """Add a paragraph's points where the template will number them as written; False
        when it cannot."""
        if [n for n, _, _ in points] != list(range(points[0][0], points[0][0] + len(points))):
            return False
        entries = [
            {"lead": lead, "text": rest} if rest else {"text": lead} for _, lead, rest in points
        ]
        if any(not e["text"] or typed_number(e.get("lead") or e["text"]) for e in entries):
            return False  # a number with nothing after it, or a point starting with a number
        run = bool(intro) or len(points) > 1
        section = self.section
        numbered = [e for e in section.get("points", []) if "image" not in e and "table" not in e]
        continues = (
            numbered
            and section.get("numbering") == style
            and not section.get("run_on")
            and not run
            and points[0][0] == len(numbered) + 1
        )
        if not continues:
            if points[0][0] != 1:
                return False
            if section.get("points") or section.get("intro"):
                self._new()
                section = self.section
            section["numbering"] = style
            if intro:  # set in one paragraph with the points, as written
                section["intro"] = intro
                self._line(("intro",), para.line)
            if run:
                section["run_on"] = True
        existing = section.setdefault("points", [])
        for entry in entries:
            self._line(("points", len(existing)), para.line)
            existing.append(entry)
        self.points += len(entries)
        return True
