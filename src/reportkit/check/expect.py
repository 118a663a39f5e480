"""What a template expects of each part of a document, read from its data: the faces a role
may be set in (its font list and the stand-ins of the font table), sizes, alignment, the
page-number marks, the 版记's labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportkit.template.profile import Profile, Style
from reportkit.template.registry import Template

MM = 72 / 25.4


@dataclass
class Expect:
    """One template's expectations (each style's faces worked out once per check)."""

    template: Template
    _faces: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @property
    def profile(self) -> Profile:
        """The template's format."""
        return self.template.profile

    def has(self, key: str) -> bool:
        """Does the template have style ``key``?"""
        return key in self.profile.styles

    def style(self, key: str) -> Style:
        """Style ``key`` with what it leaves unset taken from body."""
        return self.profile.style(key)

    def name(self, key: str) -> str:
        """What a clerk calls the part set in style ``key`` (its label: 文章标题, 正文)."""
        return self.profile.styles[key].label or key

    def faces(self, key: str, script: str) -> list[str]:
        """The faces style ``key`` may be set in for ``script`` (east_asian or latin): its
        font role's list and, for each, the faces the font table stands in with."""
        found = self._faces.get((key, script))
        if found is None:
            found = self._faces[(key, script)] = self._list(key, script)
        return found

    def _list(self, key: str, script: str) -> list[str]:
        role = self.profile.fonts[self.style(key).font or ""]
        named = list(role.east_asian if script == "east_asian" else role.latin)
        for face in list(named):
            entry = self.profile.font_table.get(face)
            while entry is not None and entry.alt and entry.alt not in named:
                named.append(entry.alt)
                entry = self.profile.font_table.get(entry.alt)
        return [face.partition(":")[0] for face in named]

    def first_face(self, key: str, script: str = "east_asian") -> str:
        """The face the template names first for style ``key``."""
        return self.faces(key, script)[0]

    def known_faces(self) -> set[str]:
        """Every face the template names anywhere (font roles and font table)."""
        named = {
            face.partition(":")[0]
            for role in self.profile.fonts.values()
            for face in role.east_asian + role.latin
        }
        return (
            named
            | set(self.profile.font_table)
            | {e.alt for e in self.profile.font_table.values() if e.alt}
        )

    def size(self, key: str) -> float:
        """The size of style ``key`` in points."""
        return self.style(key).size or 0.0

    def colour(self, key: str) -> str:
        """The colour of style ``key`` as RRGGBB."""
        return self.profile.colour(self.style(key).colour or "text")

    def line(self, key: str) -> float:
        """The height of one line of style ``key`` in points."""
        return self.style(key).line_height * self.profile.grid.line_pitch

    def page_marks(self) -> tuple[str, str]:
        """The text before and after the number of a page (— and —)."""
        shown = self.template.pieces.render("page_number", n="\x00")
        before, _, after = shown.partition("\x00")
        return before, after

    def page_number_pattern(self) -> re.Pattern[str]:
        """A page number as the template writes it, any number."""
        before, after = self.page_marks()
        return re.compile(rf"^\s*{_loose(before)}\s*(\d+)\s*{_loose(after)}\s*$")

    def end_labels(self) -> tuple[str, ...]:
        """The labels of the 版记's lines (抄送, 报, 送, 发) and 主送 moved down to it."""
        labels: list[str] = []
        for part in self.profile.parts:
            if part.part == "end_block":
                labels += part.labels.values()
        return (*labels, "主送", "抄送")

    def end_block(self) -> dict[str, object] | None:
        """The template's 版记 part: its style, rules and whether it wants an even page."""
        for part in self.profile.parts:
            if part.part == "end_block":
                return {"style": part.style, "rules": part.rules, "even_page": part.even_page}
        return None

    def part_styles(self) -> set[str]:
        """The styles the template's parts are set in (a part of another kind is not looked
        for: a bulletin has no 文号)."""
        found = {part.style for part in self.profile.parts if part.style}
        for part in self.profile.parts:
            found |= {run.style for run in [*part.runs, *part.right] if run.style}
        return found


def _loose(text: str) -> str:
    """``text`` as a pattern where spaces may be there or not and any dash stands for one."""
    out = ""
    for char in text.strip():
        if char.isspace():
            out += r"\s*"
        elif char in "—－-–":
            out += "[—－\\-–]+"
        else:
            out += re.escape(char)
    return out
