"""The template's parts, in order, read back from the document's styled paragraphs: each part
takes the paragraphs in its style where it stands (the masthead's lines, the 文号 and 签发人,
the title, the body, the signature, the 版记 …), its fields read out of its text by the pieces
that wrote it.  A paragraph where no part of its style stands (typed by a clerk after a line
of the head) is named in the notes; one among the running text is a paragraph of it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import ReportkitError
from reportkit.readback import patterns, running, sections
from reportkit.readback.patterns import Pattern, Probe, compile_parts, split
from reportkit.readback.styled import Styled
from reportkit.source.drafts.common import note, person
from reportkit.source.drafts.document import Parsed
from reportkit.source.kinds import KINDS
from reportkit.template.profile import Part, Profile, RunSpec
from reportkit.template.registry import Template

TITLE = "title"  # the style of titles: of articles, of attachments (the builders set it)
# the article's own styles, besides its title's and the running text's
ARTICLE = ("subtitle", "byline", "credit")


@dataclass
class Walk:
    """The paragraphs being read, where the reading is, and what it found (a Parsed: the
    source's fields with their paragraphs, notes, the parts found)."""

    paras: list[Styled]
    template: Template
    file: Path
    found: Parsed
    probe: Probe
    index: int = 0
    articles: list[tuple[dict[str, Any], dict[tuple[Any, ...], int]]] = field(default_factory=list)
    listed: tuple[Part, list[Styled]] | None = None  # the 附件说明 as the document has it

    @property
    def profile(self) -> Profile:
        return self.template.profile

    def note(self, line: int | None, where: str, message: str) -> None:
        """A warning for the reader about a paragraph."""
        self.found.notes.append(note(self.file, line, where, message))

    def at(self, style: str, later: frozenset[str]) -> Styled | None:
        """The paragraph here when it is in ``style``; a paragraph before it in a style no
        part after this one takes (typed after a line of the head) named and passed over.
        None when the part is not here (an optional part left out)."""
        while self.index < len(self.paras):
            para = self.paras[self.index]
            if para.style == style and not (para.framed and style != self.end_style):
                return para
            if para.framed or para.style in later:
                return None
            self.stray(para)
        return None

    def stray(self, para: Styled) -> None:
        """Pass over a paragraph no part takes, naming it."""
        shown = para.name or "无样式"
        text = para.plain or ("表格" if para.table is not None else "图片")
        self.note(
            para.number,
            "",
            f"这一段（样式为“{shown}”）不在这种样式应在的位置，没有读入，请核对：“{text[:30]}”",
        )
        self.index += 1

    @property
    def end_style(self) -> str:
        return next((p.style or "" for p in self.profile.parts if p.part == "end_block"), "")

    def pattern(self, specs: list[RunSpec], **extra: Any) -> Pattern:
        """The runs of a part (pieces, fields, fixed text) as one pattern."""
        parts: list[str | patterns.Field] = []
        by_path = {f.path: f for f in self.probe.fields.values()}
        for spec in specs:
            if spec.piece is not None:
                if not self.template.pieces.has(spec.piece):
                    continue
                try:
                    text = self.template.pieces.render(spec.piece, **{**self.probe.data, **extra})
                except ReportkitError:  # a piece that computes with a value: not read back
                    return NOTHING
                parts += list(split(text, self.probe.fields))
            elif spec.field is not None:
                path = tuple(spec.field.split("."))
                known = by_path.get(path, patterns.Field(path, "text"))
                # a list field is printed with its items joined by 、 (compose/parts.py)
                parts.append(known._replace(separator="、") if known.kind == "list" else known)
            elif spec.text:
                parts.append(spec.text)
        return compile_parts(parts)

    def read_runs(self, part: Part, para: Styled, specs: list[RunSpec]) -> bool:
        """Put the fields of a line in ``specs`` (and the part's right-hand runs after its
        tab); False when the line is not what they write."""
        text = para.text.replace("\n", "")
        main, tab, right = text.partition("\t")
        values = None
        if tab and part.right:
            first, second = self.pattern(specs).read(main), self.pattern(part.right).read(right)
            if first is not None and second is not None:
                values = {**first, **second}
        if values is None:
            values = self.pattern([*specs, *part.right]).read(text.replace("\t", ""))
        if values is None:
            return False
        for path, value in values.items():
            self.found.put(path, value, para.number)
        return True


NOTHING = Pattern(re.compile(r"(?!)"), {})  # matches no line
Reader = Callable[[Walk, Part, frozenset[str]], None]
READERS: dict[str, Reader] = {}


def reads(name: str) -> Callable[[Reader], Reader]:
    """Register the reader of the part builder ``name`` (compose/parts.py)."""

    def register(function: Reader) -> Reader:
        READERS[name] = function
        return function

    return register


def walk(paras: list[Styled], template: Template, file: Path) -> Walk:
    """Every part of the template read from ``paras``; what is left over named."""
    profile = template.profile
    state = Walk(paras, template, file, Parsed(profile.kind), patterns.probe(_model(profile)))
    parts = profile.parts
    for index, part in enumerate(parts):
        later = frozenset(s for p in parts[index + 1 :] for s in owned(p, profile))
        READERS[part.part](state, part, later)
    while state.index < len(paras):
        state.stray(paras[state.index])
    _check_listed(state)
    return state


def _check_listed(state: Walk) -> None:
    """Name a 附件说明 a clerk changed without changing the attachment's own title (the
    attachments' titles are read from their pages; the 附件说明 is made from them)."""
    if state.listed is None:
        return
    part, paras = state.listed
    titles = [a.get("title", "") for a in state.found.data.get("attachments", [])]
    assert part.piece is not None
    rows = [
        state.template.pieces.render(part.piece, n=n, title=t, count=len(titles))
        for n, t in enumerate(titles, 1)
    ]
    if squeezed("".join(rows)) != squeezed("".join(p.plain for p in paras)):
        state.note(
            paras[0].number,
            "attachments",
            "附件说明与附件页上的标题不一致，已按附件页上的标题读入，请核对",
        )


def squeezed(text: str) -> str:
    """Text without any space."""
    return "".join(text.split())


def _model(profile: Profile) -> Any:
    return KINDS[profile.kind].model


def running_styles(profile: Profile) -> frozenset[str]:
    """The styles of running text: the body's, headings', captions' (and none: text pasted
    in a style of its own)."""
    figures = profile.figures
    return frozenset({"body", "heading", figures.caption, figures.table_caption, ""})


def owned(part: Part, profile: Profile) -> frozenset[str]:
    """The paragraph styles a part's paragraphs are in."""
    text = running_styles(profile)
    if part.part == "articles":
        return text | {TITLE, *ARTICLE}
    if part.part == "body":
        return text
    if part.part == "attachments":
        return text | {TITLE, part.style or ""}
    return frozenset({part.style}) if part.style else frozenset()


def stop_at(state: Walk, later: frozenset[str], *more: str) -> Callable[[Styled], bool]:
    """Where running text ends: the 版记's frame, a paragraph in a style of what follows."""
    ends = (later - running_styles(state.profile)) | set(more)
    return lambda para: para.framed or para.style in ends


def read_running(
    state: Walk, at: tuple[Any, ...], stop: Callable[[Styled], bool]
) -> sections.Running:
    """The running text from here, its fields put under ``at``."""
    profile = state.profile
    found, state.index, notes = running.items(state.paras, state.index, stop, profile, state.file)
    read = sections.running(found, profile, state.file)
    state.found.notes += notes + read.notes
    state.found.counts["points"] += read.points
    state.found.counts["figures"] += read.figures
    state.found.counts["sections"] += len(read.data.get("sections", []))
    return read


# the builders' parts ----------------------------------------------------------------------


@reads("text")
def _text(state: Walk, part: Part, later: frozenset[str]) -> None:
    """One line: a field, a piece, runs; a right-hand part after its tab."""
    assert part.style is not None
    para = state.at(part.style, later)
    if para is None:
        return
    state.index += 1
    specs = part.runs or [RunSpec(piece=part.piece, field=part.field)]
    if state.read_runs(part, para, specs):
        return
    if part.field and not part.right and not part.runs:
        state.found.put(tuple(part.field.split(".")), para.plain, para.number)
        return
    state.note(
        para.number, part.field or "", f"这一行没有按模板的格式读出：“{para.plain[:30]}”，请核对"
    )


@reads("lines")
def _lines(state: Walk, part: Part, later: frozenset[str]) -> None:
    """One paragraph per item of a list (the bulletin's name)."""
    assert part.style is not None and part.field is not None
    first = state.at(part.style, later)
    if first is None:
        return
    values = []
    while state.index < len(state.paras) and state.paras[state.index].style == part.style:
        values.append(state.paras[state.index].plain)
        state.index += 1
    state.found.put(tuple(part.field.split(".")), values, first.number)


@reads("rule")
@reads("space")
def _nothing(state: Walk, part: Part, later: frozenset[str]) -> None:
    """Rules and blank lines hold no text."""


@reads("title")
def _title(state: Walk, part: Part, later: frozenset[str]) -> None:
    """A title: its balanced lines joined again."""
    assert part.style is not None and part.field is not None
    first = state.at(part.style, later)
    if first is not None:
        state.found.put(tuple(part.field.split(".")), title(state), first.number)


def title(state: Walk) -> str:
    """The title here: its lines (line breaks, or paragraphs in the title's style one after
    the other) joined."""
    lines = []
    while state.index < len(state.paras) and state.paras[state.index].style == TITLE:
        lines.append(state.paras[state.index].plain)
        state.index += 1
    return "".join(lines)


@reads("body")
def _body(state: Walk, part: Part, later: frozenset[str]) -> None:
    """The running text of a report or minutes."""
    read = read_running(state, (), stop_at(state, later))
    for key, value in read.data.items():
        state.found.put((key,), value, None)
    state.found.lines.update(read.lines)


@reads("attachment_note")
def _attachment_note(state: Walk, part: Part, later: frozenset[str]) -> None:
    """附件说明: the attachments' titles, which the attachments' own pages give."""
    assert part.style is not None
    if state.at(part.style, later) is None:
        return
    listed = []
    while state.index < len(state.paras) and state.paras[state.index].style == part.style:
        listed.append(state.paras[state.index])
        state.index += 1
    state.listed = (part, listed)


@reads("signature")
def _signature(state: Walk, part: Part, later: frozenset[str]) -> None:
    """署名 (with the seal over it) and 成文日期."""
    assert part.style is not None and part.piece is not None
    name = state.at(part.style, later)
    if name is None:
        return
    state.index += 1
    state.found.put(("signature", "name"), name.plain, name.number)
    seal = next((p for p in name.pictures if p["floating"]), None)
    if seal is not None:
        state.found.put(("signature", "seal"), {"image": seal["image"], "ext": seal["ext"]}, None)
    date = state.at(part.style, later)
    if date is None:
        return
    state.index += 1
    read = state.pattern([RunSpec(piece=part.piece)]).read(date.plain)
    if read is None:
        state.note(date.number, "signature.date", f"成文日期没有读出：“{date.plain}”，请核对")
        return
    for path, value in read.items():
        state.found.put(path, value, date.number)


@reads("attachments")
def _attachments(state: Walk, part: Part, later: frozenset[str]) -> None:
    """Each attachment: its label (附件N), its title, its running text."""
    assert part.style is not None
    attachments: list[dict[str, Any]] = []
    while (label := state.at(part.style, later)) is not None:
        state.index += 1
        at = ("attachments", len(attachments))
        attachment: dict[str, Any] = {"title": title(state)}
        state.found.lines[(*at, "title")] = label.number
        read = read_running(state, at, stop_at(state, later, part.style))
        attachment.update(read.data)
        state.found.lines.update({(*at, *key): line for key, line in read.lines.items()})
        attachments.append(attachment)
    if attachments:
        state.found.put(("attachments",), attachments, None)


@reads("attendance")
def _attendance(state: Walk, part: Part, later: frozenset[str]) -> None:
    """出席 / 请假 / 列席: a label, the people after it separated by ， or set a line each (a
    paragraph without a label goes on the list before it)."""
    assert part.style is not None and part.field is not None
    by_label = {label: key for key, label in part.labels.items()}
    key: str | None = None
    while state.at(part.style, later) is not None:
        para = state.paras[state.index]
        state.index += 1
        text = para.text.replace("\t", "").strip()
        head, colon, rest = text.partition("：")
        if colon and head.strip() in by_label:
            key, text = by_label[head.strip()], rest
        if key is None:
            state.note(
                para.number, part.field, f"没有读出是出席、请假还是列席：“{para.plain[:30]}”"
            )
            continue
        at = (*part.field.split("."), key)
        names = re.split(r"[，\n]", text.strip().rstrip("。"))
        people = [person(name) for name in names if name.strip()]
        known = state.found.data.get(part.field, {}).get(key, [])
        state.found.put(at, known + people, para.number)
        state.found.counts["people"] += len(people)


@reads("end_block")
def _end_block(state: Walk, part: Part, later: frozenset[str]) -> None:
    """版记: the labelled lists (报/送/发, 抄送) and the last line (印发, 共印N份)."""
    assert part.style is not None and part.piece is not None
    probe = state.probe
    label, names = patterns.marker(probe, "label"), patterns.marker(probe, "names", "list")
    listed = state.pattern(
        [RunSpec(piece=part.piece)],
        label=label,
        names=[names, patterns.marker(probe, "names", "list")],
    )
    by_label = {text: key for key, text in part.labels.items()}
    while state.index < len(state.paras):
        para = state.paras[state.index]
        if not (para.framed or para.style == part.style):
            break
        state.index += 1
        read = listed.read(para.plain)
        if read is not None and read.get(("label",)) in by_label:
            at = tuple(by_label[read[("label",)]].split("."))
            state.found.put(at, read[("names",)], para.number)
            continue
        if not state.read_runs(part, para, part.runs):
            state.note(para.number, "", f"版记中的这一行没有读出：“{para.plain[:30]}”，请核对")
