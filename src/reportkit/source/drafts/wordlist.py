"""The numbers Word's automatic numbering shows before a paragraph (一、 （一） 1. （1）), worked
out from the document's numbering definitions as the writer sees them on the screen, and the
text of a paragraph as Word shows it (tracked insertions in, deletions and text boxes out)."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from reportkit.source.numerals import chinese_numeral

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: Any, path: str) -> str | None:
    """The w:val of the first element at ``path`` (w:-prefixed names joined by /)."""
    found = element.find("/".join(_w(t) for t in path.split("/")))
    return None if found is None else found.get(_w("val"))


@dataclass
class _Level:
    """One level of a list: its first number, number format and text (%1、 （%2）)."""

    start: int = 1
    format: str = "decimal"
    text: str = ""
    style: str = ""  # the paragraph style linked to the level (a numbered heading style)
    legal: bool = False  # 1.1.1 numbering: every number in Arabic figures


@dataclass
class Numbering:
    """The lists of one document, and how far each has counted so far (paragraphs are asked
    for their number in document order)."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)
    restarted: set[tuple[str, int]] = field(default_factory=set)

    def label(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (a w:p element), counted on; "" when
        it has none (or a bullet: not a number the text keeps)."""
        found = self._list_of(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract_id, overrides = self.instances[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.format == "bullet":
            return ""
        counts = self.counts.setdefault(abstract_id, {})
        if ilvl in overrides and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))  # 重新开始编号: a list of its own from here
            counts.pop(ilvl, None)
            levels = {**levels, ilvl: _Level(overrides[ilvl], level.format, level.text)}
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else levels[ilvl].start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a deeper level counts again from its start
        return _shown(level, levels, counts)

    def _list_of(self, paragraph: Any) -> tuple[str, int] | None:
        """The list (w:numId) and level of a paragraph: its own, else its style's."""
        num_id = _val(paragraph, "pPr/numPr/numId")
        ilvl = _val(paragraph, "pPr/numPr/ilvl")
        style_id = _val(paragraph, "pPr/pStyle") or ""
        if num_id is None:
            num_id, level, _ = self._style_list(style_id)
            ilvl = ilvl if ilvl is not None else (None if level is None else str(level))
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return None
        if ilvl is None:  # the level whose linked style is the paragraph's
            levels = self.abstract.get(self.instances[num_id][0], {})
            ilvl = next((str(n) for n, lv in levels.items() if lv.style == style_id), "0")
        return (num_id, int(ilvl)) if ilvl.isdigit() else None

    def _style_list(self, style_id: str) -> tuple[str | None, int | None, str | None]:
        """The numbering a paragraph style (or the style it is based on) gives."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            num_id, ilvl, based = self.styles[style_id]
            if num_id is not None:
                return num_id, ilvl, None
            style_id = based or ""
        return None, None, None


def numbering(document: Any) -> Numbering:
    """The numbering definitions of a python-docx document (none when it has no lists)."""
    out = Numbering()
    part = next(
        (r.target_part for r in document.part.rels.values() if r.reltype == NUMBERING), None
    )
    root = getattr(part, "element", None)
    if root is None:
        return out
    for abstract in root.iterchildren(_w("abstractNum")):
        levels = {}
        for lvl in abstract.iterchildren(_w("lvl")):
            levels[_int(lvl.get(_w("ilvl")), 0)] = _level(lvl)
        out.abstract[abstract.get(_w("abstractNumId")) or ""] = levels
    for num in root.iterchildren(_w("num")):
        overrides = {
            _int(o.get(_w("ilvl")), 0): _int(_val(o, "startOverride"), 1)
            for o in num.iterchildren(_w("lvlOverride"))
            if _val(o, "startOverride") is not None
        }
        out.instances[num.get(_w("numId")) or ""] = (_val(num, "abstractNumId") or "", overrides)
    styles = document.styles.element
    for style in styles.iterchildren(_w("style")):
        num_id = _val(style, "pPr/numPr/numId")
        ilvl = _val(style, "pPr/numPr/ilvl")
        out.styles[style.get(_w("styleId")) or ""] = (
            num_id,
            None if ilvl is None else _int(ilvl, 0),
            _val(style, "basedOn"),
        )
    return out


def _int(text: str | None, default: int) -> int:
    return int(text) if text is not None and text.lstrip("-").isdigit() else default


def _level(lvl: Any) -> _Level:
    return _Level(
        start=_int(_val(lvl, "start"), 1),
        format=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        style=_val(lvl, "pStyle") or "",
        legal=lvl.find(_w("isLgl")) is not None,
    )


def _shown(level: _Level, levels: dict[int, _Level], counts: dict[int, int]) -> str:
    """A level's text with each %N replaced by level N's number in its own format."""
    out, at, text = [], 0, level.text
    while at < len(text):
        if text[at] == "%" and at + 1 < len(text) and text[at + 1].isdigit():
            n = int(text[at + 1]) - 1
            cited = levels.get(n, _Level())
            value = counts.get(n, cited.start)
            out.append(formatted(value, "decimal" if level.legal else cited.format))
            at += 2
        else:
            out.append(text[at])
            at += 1
    return "".join(out)


_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
)


def formatted(n: int, style: str) -> str:
    """``n`` as Word's number format ``style`` writes it (w:numFmt)."""
    if n < 1 or style in ("decimal", "decimalHalfWidth") or n > 9999:
        return str(n)
    if style in ("chineseCounting", "chineseCountingThousand", "japaneseCounting"):
        return chinese_numeral(n)
    if style in ("taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_numeral(n)
    if style == "chineseLegalSimplified":
        return chinese_numeral(n).translate(_LEGAL)
    if style in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if style == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if style == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if style in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if style == "decimalZero":
        return f"{n:02d}"
    return _enclosed(n, style) or _latin(n, style) or str(n)


def _enclosed(n: int, style: str) -> str:
    """①, ⑴, ⒈ for the numbers Unicode has them for (1–20), else ""."""
    first = {
        "decimalEnclosedCircle": 0x2460,
        "decimalEnclosedCircleChinese": 0x2460,
        "decimalEnclosedParen": 0x2474,
        "decimalEnclosedFullstop": 0x2488,
    }.get(style)
    return chr(first + n - 1) if first is not None and n <= 20 else ""


def _latin(n: int, style: str) -> str:
    """a, b … aa; i, ii … (upper or lower case), else ""."""
    if style in ("lowerLetter", "upperLetter"):
        letter = string.ascii_lowercase[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    if style in ("lowerRoman", "upperRoman"):
        out, rest = "", n
        for value, digits in _ROMAN:
            count, rest = divmod(rest, value)
            out += digits * count
        return out.upper() if style == "upperRoman" else out
    return ""


# the text of a paragraph ------------------------------------------------------------------

_SKIPPED = {f"{{{W}}}{t}" for t in ("del", "moveFrom", "txbxContent", "pPr", "rPr", "instrText")}
_SKIPPED |= {f"{{{MC}}}Fallback"}  # the copy of a drawing for older readers: read once


def paragraph_text(paragraph: Any) -> str:
    """The text Word shows for a w:p: runs, hyperlinks, fields' results, tracked insertions;
    a tab as a tab, a line break as a newline; deleted text and text boxes left out (a text
    box's paragraphs are read on their own)."""
    out: list[str] = []
    _collect(paragraph, out)
    return "".join(out)


def _collect(element: Any, out: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _w("t"):
            out.append(child.text or "")
        elif tag in (_w("tab"), _w("ptab")):
            out.append("\t")
        elif tag in (_w("br"), _w("cr")):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
        else:
            _collect(child, out)


def text_boxes(paragraph: Any) -> list[Any]:
    """The paragraphs (w:p) of the text boxes anchored in a paragraph, each box read once."""
    found = []
    for box in paragraph.iter(_w("txbxContent")):
        if any(a.tag in (f"{{{MC}}}Fallback", _w("txbxContent")) for a in box.iterancestors()):
            continue  # the older copy of a drawing, or a box inside a box (read with it)
        found += list(box.iter(_w("p")))
    return found
