"""WordprocessingML written as text: paragraphs, runs and their properties in schema order.

A build writes the body of the .docx with these; the template's base (styles, page, footers)
is made with python-docx (``template_base``).  Text and attribute values are escaped as lxml
writes them, so a part reads the same whichever of the two wrote it.
"""

from __future__ import annotations

import functools
import re

from reportkit.render.markup import escape as text

# Child order of w:rPr, w:pPr and w:sectPr (ECMA-376 §17.3.2.28, §17.3.1.26, §17.6.17).
RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
SECTPR_ORDER = (
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_ATTR = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)
_HINTED_MARKS = frozenset("\u2014\u2018\u2019\u201c\u201d\u2026\u00b7")  # —‘’“”…·


def checked(xml: str) -> str:
    """``xml``, after making sure it holds no character XML forbids (lxml refused those; text
    reaches the writer cleaned, so one here is a bug, not a clerk's slip)."""
    found = _forbidden().search(xml)
    if found is not None:
        raise ValueError(f"a character XML forbids (U+{ord(found.group()):04X}) in a .docx part")
    return xml


@functools.cache
def _forbidden() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def attr(value: object) -> str:
    """``value`` as an attribute value (between double quotes)."""
    return str(value).translate(_ATTR)


def element(tag: str, inner: str = "", **attrs: object) -> str:
    """``<w:tag w:a="…">inner</w:tag>``: attributes given without their ``w:`` prefix."""
    shown = "".join(f' w:{key}="{attr(value)}"' for key, value in attrs.items())
    return f"<{tag}{shown}>{inner}</{tag}>" if inner else f"<{tag}{shown}/>"


class Props:
    """A properties element (w:pPr, w:rPr): children set by tag, written in schema order;
    setting a child again adds to its attributes."""

    __slots__ = ("_children", "_order", "_tag")

    def __init__(self, tag: str, order: tuple[str, ...]):
        self._tag, self._order = tag, order
        self._children: dict[str, tuple[dict[str, object], list[str]]] = {}

    def set(self, child: str, **attrs: object) -> list[str]:
        """Set ``child`` with ``attrs``; its list of inner elements, to append to."""
        found = self._children.get(child)
        if found is None:
            found = self._children[child] = ({}, [])
        found[0].update(attrs)
        return found[1]

    def xml(self) -> str:
        """The element, or nothing when it has no children."""
        if not self._children:
            return ""
        order = self._order
        tags = sorted(self._children, key=order.index)
        inner = "".join(
            element(t, "".join(self._children[t][1]), **self._children[t][0]) for t in tags
        )
        return f"<{self._tag}>{inner}</{self._tag}>"


class Paragraph:
    """A paragraph being written: its properties and its runs."""

    __slots__ = ("props", "runs")

    def __init__(self, style_id: str | None = None):
        self.props = Props("w:pPr", PPR_ORDER)
        self.runs: list[str] = []
        if style_id is not None:
            self.props.set("w:pStyle", val=style_id)

    def xml(self) -> str:
        inner = self.props.xml() + "".join(self.runs)
        return f"<w:p>{inner}</w:p>" if inner else "<w:p/>"


def run(content: str, style_id: str | None = None, scale: int | None = None) -> str:
    """A run of text in a character style (or the paragraph's), scaled horizontally to
    ``scale`` per cent when below 100; tabs and line breaks as their own elements.  Quotes,
    dashes and ellipses take the Chinese face only with w:hint="eastAsia"."""
    props = Props("w:rPr", RPR_ORDER)
    if style_id:
        props.set("w:rStyle", val=style_id)
    if any(_hinted(char) for char in content):
        props.set("w:rFonts", hint="eastAsia")
    if scale is not None and scale < 100:
        # a line wider than the type area compressed to fit (字符缩放), as offices do by hand
        props.set("w:w", val=scale)
    inner = props.xml() + _content(content)
    return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"


def _hinted(char: str) -> bool:
    # compared, not matched: a regular expression of these ranges takes milliseconds to compile
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" or char in _HINTED_MARKS


def _content(value: str) -> str:
    out = []
    start = 0
    for index, char in enumerate(value):
        if char in "\t\r\n":
            out.append(_t(value[start:index]))
            out.append("<w:tab/>" if char == "\t" else "<w:br/>")
            start = index + 1
    out.append(_t(value[start:]))
    return "".join(out)


def cell_run(value: str) -> str:
    """A run of a table cell or an end-block row: its spaces kept, quotes and dashes in the
    Chinese face (w:hint="eastAsia" whatever the text holds)."""
    kept = (
        f'<w:t xml:space="preserve">{text(value)}</w:t>' if value else '<w:t xml:space="preserve"/>'
    )
    return f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{kept}</w:r>'


def _t(value: str) -> str:
    if not value:
        return ""
    if len(value.strip()) < len(value):
        return f'<w:t xml:space="preserve">{text(value)}</w:t>'
    return f"<w:t>{text(value)}</w:t>"
