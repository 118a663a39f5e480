"""Which face sets each character a document draws, and every character no face has, named
where it is written.  Fonts are asked through their character maps only: a document can be
checked for the PDF without loading the PDF library."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reportkit.compose.page import Document
from reportkit.errors import Location, Problem, dotted
from reportkit.fonts.prepare import Prepared
from reportkit.fonts.resolve import FontError, FontSet, fonts_for
from reportkit.template.profile import Profile

if TYPE_CHECKING:
    from reportkit.template.registry import Template


class Coverage(NamedTuple):
    """The faces a document needs, with the characters each sets; the (role, character)
    pairs drawn; where each character is first written (its role and origin)."""

    needed: dict[Prepared, set[int]]
    drawn: list[tuple[str, str]]
    origins: dict[str, tuple[str, tuple[Any, ...]]]


def covered(document: Document, profile: Profile, fonts: FontSet) -> Coverage:
    """The faces that set ``document``; FontError naming every character no face of its role
    has, at every place it is written."""
    roles = {name: profile.style(name).font or "" for name in profile.styles}
    needed: dict[Prepared, set[int]] = defaultdict(set)
    drawn: dict[tuple[str, str], None] = {}
    origins: dict[str, tuple[str, tuple[Any, ...]]] = {}
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    lacking: set[tuple[str, str]] = set()  # no face has it: named wherever it is written
    for style, text, origin in document.styled_texts():
        role = roles[style]
        for char in dict.fromkeys(text):  # each character once a text: the same problem
            key = (role, char)
            if key in seen:
                if key in lacking:
                    problems.append(missing(char, role, origin, document))
                continue
            seen.add(key)
            origins.setdefault(char, (role, origin))
            face = fonts.face(role, char)
            if face is None:
                if not char.isspace():  # a space needs no glyph
                    lacking.add(key)
                    problems.append(missing(char, role, origin, document))
                continue
            needed[face].add(ord(char))
            drawn[key] = None
    if problems:
        raise FontError(list(dict.fromkeys(problems)))
    return Coverage(dict(needed), list(drawn), origins)


def check(
    document: Document, template: Template, overrides: Mapping[str, Path] | None = None
) -> None:
    """Stop with FontError unless the fonts of ``template`` on this machine set every
    character of ``document`` (and every role has a font that may be embedded)."""
    covered(document, template.profile, fonts_for(template, overrides))


def missing(
    char: str, role: str, origin: tuple[Any, ...], document: Document, font: str = ""
) -> Problem:
    """The problem of ``char``, which no face of ``role`` has (or ``font`` drew without a
    glyph), at the place ``origin`` of the document."""
    where, field = (
        document.locate(origin) if document.locate and origin else (Location(Path("")), origin)
    )
    part = document.describe(origin)
    if font:
        reason = f"排版时所用的字体（{font}）里没有这个字，PDF 中会显示为空框。这是 reportkit 的问题，请报告"
    else:
        reason = (
            f"在字体角色 {role} 的所有可用字体中都没有，无法排入 PDF。"
            "请安装含有该字的字体，或用 --font 指定"
        )
    return Problem(where, dotted(field), f"{part}字符“{_shown(char)}”（U+{ord(char):04X}）{reason}")


# characters that print as nothing, by their Unicode category
UNPRINTABLE = {"Co": "私用区字符", "Cn": "未分配的字符", "Cs": "代理码位", "Cf": "格式字符"}


def _shown(char: str) -> str:
    """A character as it can be printed in a message (others by what they are)."""
    if char.isprintable():
        return char
    return UNPRINTABLE.get(unicodedata.category(char), "控制字符")
