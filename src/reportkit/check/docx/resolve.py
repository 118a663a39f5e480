"""The formatting Word really applies to a paragraph and its runs (ECMA-376 §17.7.2): the
document defaults, then the paragraph style and the styles it is based on, then the run's
character style, then the run's own properties; theme fonts resolved from the theme's major and
minor fonts for the East Asian and Latin slots, and each character given the slot Word gives
it (quotation marks and dashes take the East Asian face only with ``w:hint="eastAsia"``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
Bag = dict[str, Any]  # properties by name, merged level by level
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
DEFAULT_SIZE = 10.0  # points: Word's size when nothing names one
# the theme's script font for the East Asian language the settings name (w:themeFontLang)
_SCRIPTS = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant"}
_SCRIPTS |= {"ja-jp": "Jpan", "ko-kr": "Hang"}
# characters whose face is East Asian only with w:hint="eastAsia": Latin-1 signs, general
# punctuation (quotes, dashes, ellipsis), letter-like symbols … geometric shapes, dingbats
_SHARED = ((0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x27BF))
# characters always set in the East Asian face
_EAST_ASIAN = (
    (0x1100, 0x11FF),
    (0x2E80, 0x2FFF),
    (0x3000, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)


def slot(char: str, hint: str | None) -> str:
    """The font slot Word sets ``char`` in: ascii, hAnsi or eastAsia."""
    code = ord(char)
    if code < 0x80:
        return "ascii"
    if any(low <= code <= high for low, high in _EAST_ASIAN):
        return "eastAsia"
    if hint == "eastAsia" and any(low <= code <= high for low, high in _SHARED):
        return "eastAsia"
    return "hAnsi"


@dataclass(frozen=True)
class RunFormat:
    """A run's formatting as applied: a face per slot, size in points, colour (RRGGBB or
    None for automatic), bold, character spacing in points, horizontal scale in per cent."""

    faces: tuple[tuple[str, str | None], ...]  # (slot, face)
    hint: str | None
    size: float
    colour: str | None
    bold: bool
    spacing: float
    scale: int

    def face(self, slot_name: str) -> str | None:
        """The face of one slot (ascii, hAnsi, eastAsia)."""
        return dict(self.faces).get(slot_name)

    def face_of(self, char: str) -> tuple[str, str | None]:
        """The slot ``char`` takes and the face it is set in."""
        name = slot(char, self.hint)
        return name, self.face(name)


@dataclass(frozen=True)
class Border:
    """One side of a paragraph border: its kind (single …), width in points, colour."""

    kind: str
    width: float
    colour: str | None


@dataclass(frozen=True)
class ParaFormat:
    """A paragraph's formatting as applied.  Lengths in points; indents also in characters
    where the document gives them so (Word's 字符 unit)."""

    style: str | None
    align: str
    first_line: float  # negative: a hanging indent
    left: float
    right: float
    before: float
    after: float
    line: float | None
    line_rule: str
    snap: bool
    outline: int | None
    keep_next: bool
    page_break_before: bool
    widow: bool
    frame: dict[str, str] | None
    borders: dict[str, Border]
    numbering: tuple[str, int] | None
    mark: RunFormat  # the paragraph mark's run format: the size a 字符 is measured in


class Theme:
    """The theme's major and minor fonts: Latin, East Asian, complex and per-script faces."""

    def __init__(self, theme: etree._Element | None, language: str | None):
        self.fonts: dict[str, dict[str, str]] = {}
        self.script = _SCRIPTS.get((language or "zh-CN").lower(), "Hans")
        if theme is None:
            return
        for kind in ("major", "minor"):
            found = theme.find(f".//{A}fontScheme/{A}{kind}Font")
            faces: dict[str, str] = {}
            if found is not None:
                for child in found:
                    name = etree.QName(child).localname
                    face = child.get("typeface") or ""
                    if name == "font":
                        faces[child.get("script", "")] = face
                    else:
                        faces[name] = face
            self.fonts[kind] = faces

    def face(self, name: str) -> str | None:
        """The face a theme font name (minorEastAsia, majorHAnsi …) stands for."""
        kind = "major" if name.startswith("major") else "minor"
        faces = self.fonts.get(kind, {})
        part = name[5:]
        if part == "EastAsia":
            return faces.get("ea") or faces.get(self.script) or None
        if part == "Bidi":
            return faces.get("cs") or None
        return faces.get("latin") or None


def _on(element: etree._Element) -> bool:
    return element.get(f"{W}val", "true") not in ("0", "false", "off")


def _number(element: etree._Element, name: str) -> float | None:
    value = element.get(f"{W}{name}")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def merge_run(bag: Bag, rpr: etree._Element | None) -> None:
    """Run properties of one level laid over ``bag``."""
    if rpr is None:
        return
    for child in rpr:
        if not isinstance(child.tag, str):
            continue
        name = child.tag[len(W) :] if child.tag.startswith(W) else ""
        if name == "rFonts":
            for key in SLOTS:
                theme = child.get(f"{W}{'cstheme' if key == 'cs' else key + 'Theme'}")
                face = child.get(f"{W}{key}")
                if theme:  # a theme font wins over a face named beside it
                    bag[f"font.{key}"] = ("theme", theme)
                elif face:
                    bag[f"font.{key}"] = ("face", face)
            if child.get(f"{W}hint"):
                bag["hint"] = child.get(f"{W}hint")
        elif name in ("sz", "szCs", "spacing", "w"):
            value = _number(child, "val")
            if value is not None:
                bag[name] = value
        elif name == "color":
            bag["color"] = child.get(f"{W}val")
        elif name in ("b", "vanish"):
            bag[name] = _on(child)


def merge_paragraph(bag: Bag, ppr: etree._Element | None) -> None:
    """Paragraph properties of one level laid over ``bag``: an indent or a spacing given in
    either unit replaces both units of the levels below."""
    if ppr is None:
        return
    for child in ppr:
        if not isinstance(child.tag, str) or not child.tag.startswith(W):
            continue
        name = child.tag[len(W) :]
        if name == "jc":
            bag["jc"] = child.get(f"{W}val")
        elif name == "ind":
            _indent(bag, child)
        elif name == "spacing":
            _spacing(bag, child)
        elif name in ("keepNext", "pageBreakBefore", "snapToGrid", "widowControl"):
            bag[name] = _on(child)
        elif name == "outlineLvl":
            bag["outline"] = _number(child, "val")
        elif name == "framePr":
            bag["frame"] = {etree.QName(k).localname: v for k, v in child.attrib.items()}
        elif name == "pBdr":
            bag["borders"] = {etree.QName(side).localname: side for side in child}
        elif name == "numPr":
            num, level = child.find(f"{W}numId"), child.find(f"{W}ilvl")
            ident = num.get(f"{W}val") if num is not None else None
            bag["numbering"] = (ident, int(_number(level, "val") or 0) if level is not None else 0)
        elif name == "rPr":
            merge_run(bag.setdefault("mark", {}), child)


def _indent(bag: Bag, ind: etree._Element) -> None:
    for side, names in (("left", ("left", "start")), ("right", ("right", "end"))):
        for name in names:
            chars, twips = _number(ind, f"{name}Chars"), _number(ind, name)
            if chars is not None or twips is not None:
                bag[f"ind.{side}"] = (chars, twips)
                break
    first = (_number(ind, "firstLineChars"), _number(ind, "firstLine"))
    hanging = (_number(ind, "hangingChars"), _number(ind, "hanging"))
    if hanging != (None, None) and (hanging[0] or hanging[1]):
        bag["ind.first"] = tuple(-v if v is not None else None for v in hanging)
    elif first != (None, None):
        bag["ind.first"] = first
    elif hanging != (None, None):
        bag["ind.first"] = hanging


def _spacing(bag: Bag, spacing: etree._Element) -> None:
    for side in ("before", "after"):
        lines, twips = _number(spacing, f"{side}Lines"), _number(spacing, side)
        if lines is not None or twips is not None:
            bag[f"spacing.{side}"] = (lines, twips)
    line = _number(spacing, "line")
    if line is not None:
        bag["spacing.line"] = (line, spacing.get(f"{W}lineRule") or "auto")


class Styles:
    """The document's styles, defaults and theme: what every paragraph and run inherits."""

    def __init__(
        self,
        styles: etree._Element | None,
        theme: Theme,
        pitch: float | None = None,
    ):
        self.theme = theme
        self.pitch = pitch  # the line grid's pitch, for spacing given in lines
        self._styles: dict[str, etree._Element] = {}
        self.names: dict[str, str] = {}
        self.default: dict[str, str] = {}  # the default style of each type
        self.run_defaults: Bag = {}
        self.paragraph_defaults: Bag = {}
        self._chains: dict[tuple[str, str], tuple[Bag, Bag]] = {}
        if styles is None:
            return
        defaults = styles.find(f"{W}docDefaults")
        if defaults is not None:
            merge_run(self.run_defaults, defaults.find(f"{W}rPrDefault/{W}rPr"))
            merge_paragraph(self.paragraph_defaults, defaults.find(f"{W}pPrDefault/{W}pPr"))
        for style in styles.iter(f"{W}style"):
            ident = style.get(f"{W}styleId", "")
            self._styles[ident] = style
            name = style.find(f"{W}name")
            self.names[ident] = name.get(f"{W}val", ident) if name is not None else ident
            if _on_attr(style.get(f"{W}default")):
                self.default.setdefault(style.get(f"{W}type", "paragraph"), ident)

    def name(self, ident: str | None) -> str | None:
        """The name a user sees in Word's style list for a style id."""
        return self.names.get(ident, ident) if ident else None

    def paragraph_style(self, ident: str | None) -> str | None:
        """The paragraph style a paragraph is in: its own, or the default one."""
        if ident and ident in self._styles:
            return ident
        return self.default.get("paragraph")

    def chain(self, ident: str | None, kind: str = "paragraph") -> tuple[Bag, Bag]:
        """The paragraph and run properties of a style and every style it is based on."""
        key = (ident or "", kind)
        found = self._chains.get(key)
        if found is not None:
            return found
        chain: list[etree._Element] = []
        current = ident
        while current and current in self._styles and len(chain) < 20:
            style = self._styles[current]
            if style in chain:
                break  # a style based on itself, at any remove
            chain.append(style)
            based = style.find(f"{W}basedOn")
            current = based.get(f"{W}val") if based is not None else None
        ppr: Bag = {}
        rpr: Bag = {}
        for style in reversed(chain):
            merge_paragraph(ppr, style.find(f"{W}pPr"))
            merge_run(rpr, style.find(f"{W}rPr"))
        self._chains[key] = (ppr, rpr)
        return ppr, rpr

    def run(
        self,
        paragraph_style: str | None,
        run_style: str | None,
        direct: etree._Element | None,
        mark: Bag | None = None,
    ) -> RunFormat:
        """A run's formatting: defaults, paragraph style, character style, its own."""
        bag: Bag = dict(self.run_defaults)
        bag.update(self.chain(paragraph_style)[1])
        if run_style:
            bag.update(self.chain(run_style, "character")[1])
        if mark:
            bag.update(mark)
        merge_run(bag, direct)
        return self._format(bag)

    def _format(self, bag: Bag) -> RunFormat:
        faces = []
        for key in SLOTS:
            given = bag.get(f"font.{key}")
            face = None
            if given is not None:
                face = self.theme.face(given[1]) if given[0] == "theme" else given[1]
            faces.append((key, face))
        colour = bag.get("color")
        return RunFormat(
            faces=tuple(faces),
            hint=bag.get("hint"),
            size=bag.get("sz", DEFAULT_SIZE * 2) / 2,
            colour=None if colour in (None, "auto") else str(colour).upper(),
            bold=bool(bag.get("b", False)),
            spacing=bag.get("spacing", 0.0) / 20,
            scale=int(bag.get("w", 100)),
        )

    def paragraph(self, ppr: etree._Element | None) -> ParaFormat:
        """A paragraph's formatting from its own properties (``w:pPr``) and its style."""
        named = ppr.find(f"{W}pStyle") if ppr is not None else None
        style = self.paragraph_style(named.get(f"{W}val") if named is not None else None)
        bag: Bag = dict(self.paragraph_defaults)
        own, _ = self.chain(style)
        bag.update(own)
        bag["mark"] = dict(own.get("mark", {}))
        merge_paragraph(bag, ppr)
        mark = self.run(style, None, None, bag.get("mark"))
        unit = mark.size  # Word's 字符: the size of the paragraph's text
        return ParaFormat(
            style=style,
            align=_ALIGN.get(bag.get("jc") or "left", "left"),
            first_line=_length(bag.get("ind.first"), unit),
            left=_length(bag.get("ind.left"), unit),
            right=_length(bag.get("ind.right"), unit),
            before=self._space(bag.get("spacing.before")),
            after=self._space(bag.get("spacing.after")),
            line=bag["spacing.line"][0] if "spacing.line" in bag else None,
            line_rule=bag["spacing.line"][1] if "spacing.line" in bag else "auto",
            snap=bag.get("snapToGrid", True),
            outline=int(bag["outline"]) if bag.get("outline") is not None else None,
            keep_next=bag.get("keepNext", False),
            page_break_before=bag.get("pageBreakBefore", False),
            widow=bag.get("widowControl", True),
            frame=bag.get("frame"),
            borders={side: _border(e) for side, e in bag.get("borders", {}).items()},
            numbering=bag.get("numbering") if (bag.get("numbering") or (None,))[0] else None,
            mark=mark,
        )

    def _space(self, given: tuple[float | None, float | None] | None) -> float:
        if given is None:
            return 0.0
        lines, twips = given
        if lines is not None and self.pitch:
            return lines / 100 * self.pitch
        return (twips or 0.0) / 20


_ALIGN = {
    "both": "justify",
    "distribute": "justify",
    "start": "left",
    "end": "right",
    "left": "left",
    "right": "right",
    "center": "center",
}


def _on_attr(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _length(given: tuple[float | None, float | None] | None, unit: float) -> float:
    """An indent in points: characters (hundredths) win over twips when both are given."""
    if given is None:
        return 0.0
    chars, twips = given
    if chars is not None and (chars or twips is None):
        return chars / 100 * unit
    return (twips or 0.0) / 20


def _border(side: etree._Element) -> Border:
    kind = side.get(f"{W}val", "none")
    size = _number(side, "sz") or 0.0
    colour = side.get(f"{W}color")
    return Border(kind, size / 8, None if colour in (None, "auto") else colour.upper())
