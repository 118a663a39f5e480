"""Whether a PDF's font is one of the faces a template names: PostScript names
(FandolFang-Regular, FangSong_GB2312, UKaiCN) against family names (FandolFang, 仿宋,
AR PL UKai CN), compared without spaces, case, style words and subset prefixes."""

from __future__ import annotations

import re

_STYLE = re.compile(r"(regular|bold|medium|light|book|italic|oblique|roman|psmt|mt|ps)+$")
_SHORTEST = 4  # a name shorter than this matches only itself


# one Noto CJK collection holds every region's faces; a PDF may name any of them (and its
# vertical-kana companion) for the face it drew: NotoSerifCJKjp-Bold-VKana for Noto Serif CJK SC
_NOTO_REGION = re.compile(r"^(noto(?:serif|sans)cjk)(?:sc|tc|jp|kr|hk)(.*?)(?:vkana)?$")


def normal(name: str) -> str:
    """A font or family name compared: lower case, letters and digits only, no style."""
    name = name.partition(":")[0]
    squeezed = "".join(ch for ch in name.lower() if ch.isalnum())
    squeezed = _NOTO_REGION.sub(r"\1\2", squeezed)
    return _STYLE.sub("", squeezed) or squeezed


class Matcher:
    """:func:`matches`, each font and list of faces compared once per check."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, tuple[str, ...]], bool] = {}

    def __call__(self, font: str, faces: list[str]) -> bool:
        key = (font, tuple(faces))
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = matches(font, faces)
        return found


def matches(font: str, faces: list[str]) -> bool:
    """Is PDF font ``font`` one of ``faces``?"""
    found = normal(font)
    for face in faces:
        wanted = normal(face)
        if found == wanted:
            return True
        if min(len(found), len(wanted)) >= _SHORTEST and (found in wanted or wanted in found):
            return True
    return False
