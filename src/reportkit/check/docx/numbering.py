"""Automatic numbering (Word's lists): the label each numbered paragraph shows, so that a
heading numbered by a list (一、) is recognised as one typed by hand."""

from __future__ import annotations

from lxml import etree

from reportkit.source.numerals import chinese_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _number(n: int, kind: str) -> str:
    if kind.startswith("chineseCounting") or kind in ("ideographDigital", "japaneseCounting"):
        return chinese_numeral(n) if 1 <= n <= 9999 else str(n)
    if kind == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if kind == "decimalEnclosedCircle" and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if kind == "ideographTraditional" and 0 < n <= len(_STEMS):
        return _STEMS[n - 1]
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if kind == "upperLetter" else letter
    if kind == "bullet" or kind == "none":
        return ""
    return str(n)


class Numbering:
    """The lists of one document, counted as its paragraphs come."""

    def __init__(self, part: etree._Element | None):
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counts: dict[str, dict[int, int]] = {}
        if part is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for found in part.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in found.iter(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    int(start.get(f"{W}val", "1")) if start is not None else 1,
                )
            abstract[found.get(f"{W}abstractNumId", "")] = levels
        for num in part.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self._levels[num.get(f"{W}numId", "")] = abstract.get(ref.get(f"{W}val", ""), {})

    def label(self, ident: str, level: int) -> str:
        """The label of the next paragraph of list ``ident`` at ``level`` (一、, （一）, 1.)."""
        levels = self._levels.get(ident)
        if not levels or level not in levels:
            return ""
        counts = self._counts.setdefault(ident, {})
        counts[level] = counts.get(level, levels[level][2] - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a level restarts under a new item above it
        label = levels[level][1]
        for shown in range(level, -1, -1):
            kind, _, start = levels.get(shown, ("decimal", "", 1))
            label = label.replace(f"%{shown + 1}", _number(counts.get(shown, start), kind))
        return label
