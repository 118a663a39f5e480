"""Running text's paragraphs read back as items: headings, paragraphs, paragraphs of points
(a point's number and lead sentence in the character style its numbering sets them in, or
known by the number when that is the body's face), photos with their captions, tables with
theirs.  sections.py makes the source's fields of them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.compose.numbering import label
from reportkit.errors import Problem
from reportkit.readback.styled import Styled
from reportkit.source.drafts.common import HAN_NUMBER, MAX_HEADING, note, split_points
from reportkit.template.profile import Profile

_SENTENCE_ENDS = "。！？；"
# the styles of running text's paragraphs (a paragraph in another is read as one, and named)
RUNNING = ("body", "heading")


@dataclass
class Item:
    """One thing of the running text, in order: a heading, a paragraph, a paragraph of
    points (its intro and each point's run-in text and rest) or a figure."""

    kind: str  # heading, para, run, figure
    line: int
    text: str = ""
    points: list[tuple[str, str]] = field(default_factory=list)
    figure: dict[str, Any] | None = None


def items(
    paras: list[Styled], start: int, stop: Callable[[Styled], bool], profile: Profile, file: Path
) -> tuple[list[Item], int, list[Problem]]:
    """The running text's items from ``paras[start]`` up to the first paragraph ``stop``
    says is not the running text's; the index after them, and notes."""
    out: list[Item] = []
    notes: list[Problem] = []
    figures = profile.figures
    index = start
    while index < len(paras) and not stop(paras[index]):
        para = paras[index]
        index += 1
        if para.table is not None:
            out += _table(para, out, notes, file)
            continue
        last = out[-1] if out else None
        text = para.plain
        if para.style == figures.caption and _uncaptioned_photo(last) and text:
            assert last is not None and last.figure is not None
            last.figure["caption"] = text
            continue
        if para.style == figures.table_caption and index < len(paras) and paras[index].table:
            out.append(Item("caption", para.number, text))
            continue
        if text:
            out.append(_text_item(para, out, notes, file, profile))
        for picture in para.pictures:
            if not picture["floating"]:
                out.append(Item("figure", para.number, figure=_photo(picture, profile)))
    return out, index, notes


def _uncaptioned_photo(item: Item | None) -> bool:
    return (
        item is not None
        and item.figure is not None
        and "image" in item.figure
        and not item.figure.get("caption")
    )


def _text_item(
    para: Styled, before: list[Item], notes: list[Problem], file: Path, profile: Profile
) -> Item:
    """A paragraph of text as a heading, a paragraph of points or a paragraph."""
    text = para.plain
    if para.style == "heading":
        # a heading the template set never follows another, nor runs on for sentences
        sentences = len(text) > MAX_HEADING and text[-1] in _SENTENCE_ENDS
        follows_heading = bool(before) and before[-1].kind == "heading"
        if not sentences and not follows_heading:
            return Item("heading", para.number, text)
        # typed after a heading, in the heading's style: a paragraph of that section
        notes.append(
            note(file, para.number, "paragraphs", f"小标题样式的段落按正文读入：“{text[:20]}”")
        )
        return Item("para", para.number, text)
    leads = lead_styles(profile)
    if any(span.style in leads for span in para.spans):
        intro, points = _points(para, leads)
        return Item("run", para.number, intro, points)
    plain = _plain_points(text, profile)
    if plain:
        return Item("run", para.number, "", plain)
    if para.style not in RUNNING and para.style:
        shown = para.name or para.style
        notes.append(note(file, para.number, "paragraphs", f"样式为“{shown}”的段落按正文读入"))
    return Item("para", para.number, text)


def lead_styles(profile: Profile) -> frozenset[str]:
    """The character styles a point's number and lead sentence are set in (一是 and （一） in
    the run-in style, 一、 in its own; 1. in the body's, no style)."""
    return frozenset(s.lead_style for s in profile.numbering.values()) - {"body"} | {"runin"}


def _plain_points(text: str, profile: Profile) -> list[tuple[str, str]]:
    """The points of a paragraph that starts with a number set in the body's face (1.,
    （1）): each its number and lead sentence, and the rest; none for another paragraph."""
    for name, style in profile.numbering.items():
        if style.lead_style != "body":
            continue
        numeral = r"\d{1,3}" if style.numerals == "arabic" else f"[{HAN_NUMBER}]+"
        mark = re.escape(style.pattern).replace(re.escape("{n}"), f"(?P<n>{numeral})")
        intro, points, _ = split_points(text, {name: re.compile(f"{mark}(?!\\d)")})
        if points and not intro:
            return [(label(style, n) + lead, rest) for n, lead, rest in points]
    return []


def _points(para: Styled, leads: frozenset[str]) -> tuple[str, list[tuple[str, str]]]:
    """A paragraph's text before its first run-in span, and each point: its run-in text
    (number and lead sentence) and the text after it."""
    intro: list[str] = []
    points: list[list[str]] = []
    for span in para.spans:
        text = span.text.replace("\n", "").replace("\t", "")
        if span.style in leads:
            if not points or points[-1][1]:
                points.append([text, ""])
            else:
                points[-1][0] += text
        elif points:
            points[-1][1] += text
        else:
            intro.append(text)
    return "".join(intro).strip(), [(lead.strip(), rest.strip()) for lead, rest in points]


def _table(para: Styled, before: list[Item], notes: list[Problem], file: Path) -> list[Item]:
    """A table (its caption the paragraph before it, when in the caption's style)."""
    assert para.table is not None
    rows = [row for row in para.table["rows"] if any(row)]
    if len(rows) < 2:
        notes.append(note(file, para.number, "table", "表格只有一行，没有读入"))
        return []
    width = len(rows[0])
    data: dict[str, Any] = {
        "header": rows[0],
        "rows": [(row + [""] * width)[:width] for row in rows[1:]],
    }
    widths = _widths(para.table["widths"], width)
    if widths is not None:
        data["widths"] = widths
    if before and before[-1].kind == "caption":
        data = {"caption": before.pop().text, **data}
    return [Item("figure", para.number, figure={"table": data})]


def _widths(columns: list[int], count: int) -> list[float] | None:
    """Relative column widths (2, 1, 1) from the table's columns in twips; None when equal."""
    if len(columns) != count or not columns or min(columns) <= 0:
        return None
    if max(columns) - min(columns) <= 2:
        return None  # equal, as the template makes columns given no widths
    ratios = [c / min(columns) for c in columns]
    if all(abs(r - round(r)) < 0.01 for r in ratios):
        return [float(round(r)) for r in ratios]
    return [float(c) for c in columns]


def _photo(picture: dict[str, Any], profile: Profile) -> dict[str, Any]:
    """A photo entry: its picture's bytes and extension, its width as a share of the type
    width (left out when it is the whole width)."""
    photo: dict[str, Any] = {"image": picture["image"], "ext": picture["ext"]}
    share = picture["width"] / profile.page.type_width
    if share < 0.999:
        near = round(share, 2)
        photo["width"] = near if abs(share - near) < 0.0005 else round(share, 4)
    return photo
