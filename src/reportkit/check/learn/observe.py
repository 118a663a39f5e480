"""What one sample shows of each setting a template holds, read as Word applies it: the
page and grid, each part's face, size, alignment and colour, the red head's text and
distance from the top, the rules, page numbers, the 版记's labels.  Each observation is the
value as template.yaml writes it and where in the sample it was seen."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reportkit.check import patterns
from reportkit.check.docx.model import Document, Para
from reportkit.check.docx.pages import Estimate, line_height
from reportkit.check.docx.resolve import slot
from reportkit.check.docx.roles import Role, red_rule
from reportkit.check.expect import Expect
from reportkit.render.docx.styles import style_name

MM = 72 / 25.4
Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Seen:
    """A value as template.yaml writes it, and where in the sample it was seen."""

    value: Any
    where: str


def millimetres(points: float) -> str:
    """A length as a template writes it in millimetres, to a tenth."""
    return f"{round(points / MM, 1):g}mm"


def points(value: float) -> str:
    """A length in points, to a hundredth."""
    return f"{round(value, 2):g}pt"


class Observer:
    """The observations of one sample against a base template."""

    def __init__(self, doc: Document, expect: Expect, roles: dict[int, Role], pages: Estimate):
        self.doc, self.expect, self.roles, self.pages = doc, expect, roles, pages
        self.profile = expect.profile
        self.seen: dict[Path_, Seen] = {}

    def all(self) -> dict[Path_, Seen]:
        """Every setting the sample shows that differs from the base."""
        self._page()
        self._grid()
        self._styles()
        self._mark()
        self._rules()
        self._page_numbers()
        self._end_labels()
        return self.seen

    def _add(self, path: Path_, value: Any, where: str) -> None:
        self.seen.setdefault(path, Seen(value, where))

    # page and grid ---------------------------------------------------------------------

    def _page(self) -> None:
        section = self._text_section()
        page = self.profile.page
        found = {
            "width": section.width,
            "height": section.height,
            "margin_top": section.top,
            "margin_left": section.left,
            "type_width": section.type_width,
            "type_height": section.type_height,
        }
        for key, value in found.items():
            if abs(value - getattr(page, key)) > 0.05 * MM:
                self._add(("page", key), millimetres(value), "页面设置")

    def _text_section(self):  # type: ignore[no-untyped-def]
        first = next((p for p in self.doc.text_paras() if p.text.strip()), None)
        index = first.section if first is not None else 0
        return self.doc.sections[min(index, len(self.doc.sections) - 1)]

    def _grid(self) -> None:
        grid = self.profile.grid
        section = self._text_section()
        body = self._of("body")
        if not body:
            return
        sample = body[0]
        where = f"正文（第 {sample.number} 段）的行距和字距"
        pitch = section.pitch if section.pitch else line_height(sample, section)
        if abs(pitch - grid.line_pitch) > 0.01:
            self._add(("grid", "line_pitch"), points(pitch), f"页面设置的文档网格（{where}）")
        lines = int((section.type_height + 0.5) // pitch) if pitch else grid.lines
        if lines != grid.lines:
            self._add(("grid", "lines"), lines, where)
        shown = [run for run in sample.runs if run.text.strip()]
        if not shown:
            return
        spacing = shown[0].fmt.spacing
        if abs(spacing - grid.character_spacing) > 0.01:
            self._add(("grid", "character_spacing"), points(spacing), where)
        width = shown[0].fmt.size + spacing
        chars = int((section.type_width + 0.5) // width) if width > 0 else grid.chars
        if chars != grid.chars:
            self._add(("grid", "chars"), chars, where)

    # each part's face, size, alignment, colour -----------------------------------------

    def _of(self, key: str) -> list[Para]:
        return [
            p
            for p in self.doc.text_paras()
            if p.text.strip() and (role := self.roles.get(p.number)) is not None and role.key == key
        ]

    def _styles(self) -> None:
        """Each style's observed size, alignment, colour and Chinese face (the faces are
        written once all samples are read: see learn/decide.py)."""
        characters = {
            style_name(self.profile, key): key
            for key, style in self.profile.styles.items()
            if style.character
        }
        texts: dict[str, list[tuple[Any, str, Para]]] = {}
        for p in self.doc.text_paras():
            role = self.roles.get(p.number)
            if role is None or not p.text.strip():
                continue
            offset = len(p.label)
            styled = any(run.style in characters for run in p.runs)
            for run in p.runs:
                for index, char in enumerate(run.text):
                    if run.style in characters:
                        key = characters[run.style or ""]
                    else:
                        keys = (role.key,) if styled else role.keys_at(offset + index)
                        key = keys[0]
                    texts.setdefault(key, []).append((run.fmt, char, p))
                offset += len(run.text)
        for key, chars in texts.items():
            self._style(key, chars)

    def _style(self, key: str, chars: list[tuple[Any, str, Para]]) -> None:
        name = self.expect.name(key)
        first = chars[0][2]
        where = f"{name}（第 {first.number} 段）"
        style = self.expect.style(key)
        sizes = Counter(fmt.size for fmt, char, _ in chars if not char.isspace())
        if sizes:
            size = sizes.most_common(1)[0][0]
            if abs(size - (style.size or 0)) > 0.01:
                self._add(("styles", key, "size"), self._size(size), where)
        east = Counter(
            fmt.face("eastAsia") for fmt, char, _ in chars if slot(char, fmt.hint) == "eastAsia"
        )
        if east:
            face = east.most_common(1)[0][0]
            if face:
                self._add(("face", key), face, where)
        colours = Counter(fmt.colour or "000000" for fmt, char, _ in chars if not char.isspace())
        if colours:
            colour = colours.most_common(1)[0][0]
            wanted = self.expect.colour(key)
            if colour != wanted:
                if style.colour == "red" or (style.colour or "").lower() == "red":
                    self._add(("colours", "red"), f"#{colour}", where)
                else:
                    self._add(("styles", key, "colour"), f"#{colour}", where)
        if not self.profile.styles[key].character:
            aligns = Counter(p.fmt.align for _, _, p in chars)
            align = aligns.most_common(1)[0][0]
            if style.align in ("center", "right", "left") and align != style.align:
                self._add(("styles", key, "align"), align, where)

    def _size(self, value: float) -> str:
        for name, size in self.profile.sizes.items():
            if abs(size - value) < 0.01:
                return name
        return points(value)

    # the red head, rules, page numbers, 版记 labels -------------------------------------

    def _mark(self) -> None:
        for key in ("issuer_mark", "masthead_name"):
            if key not in self.expect.part_styles():
                continue
            marks = self._of(key)
            if not marks:
                return
            texts = [p.text.strip(" \t\n") for p in marks]
            self._add(("mark", "text"), texts, f"红头（第 {marks[0].number} 段）")
            top = self.expect.style(key).top
            placed = self.pages.placed.get(marks[0].number)
            if top is not None and placed is not None and placed.page == 1:
                size = max(run.fmt.size for run in marks[0].runs if run.text.strip())
                em_top = placed.top + (placed.line - size) / 2
                if abs(em_top - top) > 0.5 * MM:
                    where = f"红头（第 {marks[0].number} 段）的段前间距和行距"
                    self._add(("styles", key, "top"), millimetres(em_top), where)
            return

    def _rules(self) -> None:
        profile = self.profile
        red = [
            part.rule
            for part in profile.parts
            if part.part == "rule" and part.rule and profile.rules[part.rule].colour != "text"
        ]
        if red:
            for p in self.doc.text_paras()[:30]:
                if not red_rule(p):
                    continue
                lines = [d for d in p.drawings if d.kind in ("line", "shape") and d.colour]
                border = p.fmt.borders.get("bottom")
                width = lines[0].width if lines else border.width if border else 0.0
                if width and abs(width - profile.rules[red[0]].width) > 0.05:
                    where = f"红色分隔线（第 {p.number} 段）"
                    self._add(("rules", red[0], "width"), points(width), where)
                break
        part = self.expect.end_block()
        ends = self._of("end_matter")
        if part is None or not ends:
            return
        names = part["rules"]
        assert isinstance(names, dict)
        for side, which, p in (
            ("top", names.get("first"), ends[0]),
            ("bottom", names.get("last"), ends[-1]),
        ):
            border = p.fmt.borders.get(side)
            if which is None or border is None or border.kind in ("none", "nil"):
                continue
            if abs(border.width - profile.rules[which].width) > 0.13:  # eighths of a point
                where = f"版记的{'首' if side == 'top' else '末'}条分隔线（第 {p.number} 段）"
                self._add(("rules", which, "width"), points(border.width), where)

    def _page_numbers(self) -> None:
        settings = self.profile.page_number
        section = self._text_section()
        kinds = [("default", "odd"), ("even" if self.doc.even_and_odd else "default", "even")]
        for kind, side in kinds:
            paras = [
                p
                for p in section.footers.get(kind, [])
                if any(f.split()[:1] == ["PAGE"] for f in p.fields)
            ]
            if not paras:
                continue
            p = paras[0]
            where = f"{'奇' if side == 'odd' else '偶'}数页页脚"
            if p.fmt.align != getattr(settings, side):
                self._add(("page_number", side), p.fmt.align, where)
            if p.fmt.align in ("left", "right"):
                indent = (
                    p.fmt.right if p.fmt.align == "right" else p.fmt.left
                ) / settings.indent_size
                if abs(indent - settings.indent) > 0.05:
                    self._add(("page_number", "indent"), round(indent, 2), where)
            if side != "odd":
                continue
            found = re.match(r"^(\D*?)\s*(\d+)\s*(\D*)$", p.text.strip())
            before, after = self.expect.page_marks()
            if found is not None:
                text = p.text.strip()
                digits = re.search(r"\d+", text)
                assert digits is not None
                marks = (text[: digits.start()], text[digits.end() :])
                if (marks[0].strip(), marks[1].strip()) != (before.strip(), after.strip()):
                    self._add(("pieces", "page_number"), marks, where)
            top = section.height - section.footer - line_height(p, section, grid=False)
            below = top - section.top - section.type_height
            if abs(below - settings.below_type_area) > 0.5 * MM:
                self._add(("page_number", "below_type_area"), millimetres(below), f"{where}的位置")
            sizes = Counter(run.fmt.size for run in p.runs if run.text.strip())
            if sizes:
                size = sizes.most_common(1)[0][0]
                if abs(size - self.expect.size("page_number")) > 0.01:
                    self._add(("styles", "page_number", "size"), self._size(size), where)
            faces = Counter(run.fmt.face("eastAsia") for run in p.runs if run.text.strip())
            face = faces.most_common(1)[0][0] if faces else None
            if face:
                self._add(("face", "page_number"), face, where)

    def _end_labels(self) -> None:
        ends = self._of("end_matter")
        if not ends:
            return
        labels = []
        for p in ends:
            text = p.text.strip()
            if patterns.PRINTED.search(text) or patterns.COPIES.search(text):
                continue
            label = re.split(r"[：:]", text, maxsplit=1)[0].strip()
            if label and len(label) <= 6:
                labels.append(label)
        if labels:
            self._add(("end_labels",), labels, f"版记（第 {ends[0].number} 段起）")
