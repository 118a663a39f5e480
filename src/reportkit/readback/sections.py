"""Running text's fields made of its items: lead paragraphs, sections under their headings,
points, photos and tables among them, closing paragraphs — numbered again as the document
numbers them.

The template numbered the headings and points when the document was built: the numbering
style is found again from the labels (一、, （一）, 一是) and taken off the text, so that a
rebuild numbers them the same.  A paragraph a clerk added comes back where it was typed: a
body paragraph among others, a new point among points; where the template could not number
what follows as the document does, the points keep their numbers as typed, as paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.compose.numbering import label
from reportkit.errors import Problem
from reportkit.readback.running import Item
from reportkit.source.drafts.common import note
from reportkit.source.drafts.parse import kind_of_heading
from reportkit.source.model import typed_number
from reportkit.template.profile import Profile

NONE = "none"  # no numbering


@dataclass
class Running:
    """A running text read: its fields (lead, sections, closing, heading_numbering), the
    paragraph each came from, and notes."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)
    points: int = 0
    figures: int = 0


@dataclass
class _Section:
    """A section being filled: its heading, paragraphs, the intro of its run-on points, and
    its points and figures in order."""

    heading: Item | None
    paragraphs: list[Item] = field(default_factory=list)
    intro: Item | None = None
    run_on: bool = False
    runs: int = 0  # paragraphs of points read into it
    entries: list[tuple[Item, int]] = field(default_factory=list)  # (item, point's index)


def running(found: list[Item], profile: Profile, file: Path) -> Running:
    """The running text's fields from its items, numbered as the document numbers them."""
    out = Running()
    lead, groups = _grouped(found)
    for number, item in enumerate(lead):
        out.data.setdefault("lead", []).append(item.text)
        out.lines[("lead", number)] = item.line
    headings = [heading for heading, _ in groups if heading is not None]
    numbering, words = _heading_numbering([h.text for h in headings], profile)
    if headings and numbering != profile.sections.heading_numbering:
        out.data["heading_numbering"] = numbering
        out.lines[("heading_numbering",)] = headings[0].line
    shown = dict(zip((id(h) for h in headings), words, strict=True))
    sections: list[dict[str, Any]] = []
    for heading, members in groups:
        for section, lines in _fill(heading, members, shown, profile, file, out):
            at = ("sections", len(sections))
            sections.append(section)
            out.lines.update({(*at, *key): line for key, line in lines.items()})
    _closing(sections, out)
    if sections:
        out.data["sections"] = sections
    return out


def _grouped(found: list[Item]) -> tuple[list[Item], list[tuple[Item | None, list[Item]]]]:
    """The lead paragraphs (before the first heading, points or figure), then each heading
    with the items under it (the first group without a heading when points or a figure come
    before any heading)."""
    lead: list[Item] = []
    groups: list[tuple[Item | None, list[Item]]] = []
    for item in found:
        if item.kind == "heading":
            groups.append((item, []))
        elif groups:
            groups[-1][1].append(item)
        elif item.kind == "para":
            lead.append(item)
        else:
            groups.append((None, [item]))
    return lead, groups


def _heading_numbering(texts: list[str], profile: Profile) -> tuple[str, list[str]]:
    """The numbering style the headings are numbered in (none when the template could not
    number them so) and their words without the numbers."""
    style = _numbered(texts, profile, profile.sections.heading_numbering, words=True)
    if style is None or style == NONE:
        return NONE, texts
    prefix = profile.numbering[style]
    return style, [t[len(label(prefix, n)) :].strip() for n, t in enumerate(texts, 1)]


def _numbered(texts: list[str], profile: Profile, default: str, words: bool = False) -> str | None:
    """The numbering style of which ``texts`` carry the labels 1, 2, 3 … (the default
    first; with ``words``, each with words after its label), none when none of them starts
    with a number, else None."""
    names = [default, *(n for n in profile.numbering if n != default)]
    for name in names:
        style = profile.numbering.get(name)
        if style is not None and all(
            t.startswith(label(style, n)) and (t[len(label(style, n)) :].strip() or not words)
            for n, t in enumerate(texts, 1)
        ):
            return name
    if not any(typed_number(t) for t in texts):
        return NONE
    return None


def _fill(
    heading: Item | None,
    members: list[Item],
    shown: dict[int, str],
    profile: Profile,
    file: Path,
    out: Running,
) -> list[tuple[dict[str, Any], dict[tuple[Any, ...], int]]]:
    """The sections a heading's items make (the first under the heading, the others without
    one), each with its fields' paragraphs; points the template could not number as the
    document does kept with their numbers, as paragraphs."""
    made = []
    for section in _sectioned(heading, members):
        fields, lines = _section_fields(section, shown, profile)
        if fields is None:  # the points cannot be numbered so: typed, as paragraphs
            out.notes.append(
                note(
                    file,
                    section.entries[0][0].line if section.entries else None,
                    "points",
                    "要点的编号不能按模板顺序生成（中间加了段落，或编号不连续）："
                    "这些要点连同编号作为段落保留，请核对",
                )
            )
            typed = [_typed(item) if item.kind == "run" else item for item in _flat(section)]
            rest = _sectioned(section.heading, typed)
            for again in rest:
                fields, lines = _section_fields(again, shown, profile)
                assert fields is not None
                made.append((fields, lines))
            continue
        made.append((fields, lines))
    for fields, _ in made:
        entries = fields.get("points", [])
        out.figures += sum(1 for e in entries if "image" in e or "table" in e)
        out.points += sum(1 for e in entries if "image" not in e and "table" not in e)
    return made


def _sectioned(heading: Item | None, members: list[Item]) -> list[_Section]:
    """Items poured into sections as the template sets sections: paragraphs, then the points
    (run on in one paragraph, or a paragraph each) with figures among them; a paragraph after
    points starts a section without a heading, as do points that cannot go on the last."""
    sections = [_Section(heading)]
    members = list(members)
    index = 0
    while index < len(members):
        item = members[index]
        current = sections[-1]
        deferred = _deferred(current, members, index)
        if deferred is not None:  # back where the template set it, between the runs
            members.insert(index, members.pop(deferred))
            continue
        index += 1
        if item.kind in ("para", "caption"):
            if current.entries:
                current = _Section(None)
                sections.append(current)
            current.paragraphs.append(item)
        elif item.kind == "figure":
            current.entries.append((item, -1))
        else:
            run_on = bool(item.text) or len(item.points) > 1
            if current.entries and not _goes_on(current, item, run_on):
                current = _Section(None)
                sections.append(current)
            if not current.entries:
                current.run_on, current.intro = run_on, item if item.text else None
            current.run_on = current.run_on or run_on
            current.runs += 1
            current.entries += [(item, n) for n in range(len(item.points))]
    return sections


def _deferred(section: _Section, members: list[Item], index: int) -> int | None:
    """Where the photo is that stood between two paragraphs of a section's run-on points:
    a paragraph of points without an intro never follows another but across a photo, and a
    photo that did not fit on its page waits for the next one (the .docx has it as placed,
    after the paragraphs that filled the page)."""
    item = members[index]
    if item.kind != "run" or item.text or not section.run_on or not section.entries:
        return None
    if section.entries[-1][1] < 0:
        return None  # a figure stands before it already
    return next((n for n in range(index + 1, len(members)) if _photo_item(members[n])), None)


def _photo_item(item: Item) -> bool:
    return item.figure is not None and "image" in item.figure


def _goes_on(section: _Section, item: Item, run_on: bool) -> bool:
    """Do the points of ``item`` go on the section's points (numbered on)?"""
    if item.text:
        return False  # an intro starts a paragraph of points of its own
    after_figure = section.entries[-1][1] < 0
    if after_figure:
        return section.run_on or not run_on or section.runs == 1
    return not section.run_on and not run_on


def _section_fields(
    section: _Section, shown: dict[int, str], profile: Profile
) -> tuple[dict[str, Any] | None, dict[tuple[Any, ...], int]]:
    """A section's fields and their paragraphs; None when its points cannot be numbered as
    the document numbers them."""
    fields: dict[str, Any] = {}
    lines: dict[tuple[Any, ...], int] = {}
    if section.heading is not None:
        words = shown[id(section.heading)]
        fields.update(_heading(words, profile))
        lines[()] = lines[("heading",)] = section.heading.line
    for number, item in enumerate(section.paragraphs):
        fields.setdefault("paragraphs", []).append(item.text)
        lines[("paragraphs", number)] = item.line
        lines.setdefault((), item.line)
    if section.intro is not None:
        fields["intro"] = section.intro.text
        lines[("intro",)] = section.intro.line
    points = [(item, n) for item, n in section.entries if n >= 0]
    default = profile.sections.numbering.get(fields.get("kind") or "free", "一是")
    style = _numbered([item.points[n][0] for item, n in points], profile, default)
    if points and style is None:
        return None, lines
    entries: list[dict[str, Any]] = []
    number = 0
    for item, n in section.entries:
        lines.setdefault((), item.line)
        lines[("points", len(entries))] = item.line
        if n < 0:
            assert item.figure is not None
            entries.append(item.figure)
            continue
        number += 1
        lead, rest = item.points[n]
        if style != NONE and style is not None:
            lead = lead[len(label(profile.numbering[style], number)) :].strip()
        entries.append({"lead": lead, "text": rest} if rest and lead else {"text": rest or lead})
    if entries:
        fields["points"] = entries
    if points and style != default:
        fields["numbering"] = style
    if section.run_on and points:
        fields["run_on"] = True
    return fields, lines


def _heading(words: str, profile: Profile) -> dict[str, Any]:
    """A heading's fields: the kind whose heading the template prints as these words, or the
    kind its words name with the words as its heading, or the words alone."""
    kinds = profile.sections.kinds
    kind = next((k for k, shown in kinds.items() if shown == words), None)
    if kind is not None:
        return {"kind": kind}
    kind = kind_of_heading(words)
    return {"kind": kind, "heading": words} if kind in kinds else {"heading": words}


def _flat(section: _Section) -> list[Item]:
    """A section's items in the order they were read."""
    out = list(section.paragraphs)
    seen: set[int] = set()
    for item, _ in section.entries:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


def _typed(item: Item) -> Item:
    """A paragraph of points as the paragraph it is, the numbers typed in it."""
    text = item.text + "".join(lead + rest for lead, rest in item.points)
    return Item("para", item.line, text)


def _closing(sections: list[dict[str, Any]], out: Running) -> None:
    """Paragraphs after the last section's points, in a section of their own without a
    heading: the closing paragraphs."""
    if len(sections) < 2:
        return
    last = sections[-1]
    if set(last) != {"paragraphs"}:
        return
    sections.pop()
    at = ("sections", len(sections))
    for number, text in enumerate(last["paragraphs"]):
        out.data.setdefault("closing", []).append(text)
        line = out.lines.pop((*at, "paragraphs", number), None)
        if line is not None:
            out.lines[("closing", number)] = line
    for key in [k for k in out.lines if k[:2] == at]:
        del out.lines[key]
