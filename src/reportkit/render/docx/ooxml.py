"""Raw WordprocessingML the python-docx API does not reach: fonts, grid, fields."""

from __future__ import annotations

import functools
import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_CJK = re.compile(
    r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]"
)


# Child order of w:rPr and w:pPr (ECMA-376 §17.3.2.28, §17.3.1.26); new children go in place.
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


def child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...]) -> BaseOxmlElement:
    """The ``tag`` child of ``parent``, created at its schema position when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    later = _later(tag, order)
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


@functools.cache
def _later(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    """The qualified names of the children that come after ``tag``."""
    return frozenset(qn(t) for t in order[order.index(tag) + 1 :])


def set_attrs(element: BaseOxmlElement, **attrs: str | int) -> BaseOxmlElement:
    """Set ``w:`` attributes given as keyword arguments (``firstLineChars=200``)."""
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def rpr_child(rpr: BaseOxmlElement, tag: str, **attrs: str | int) -> BaseOxmlElement:
    """Set a w:rPr child with attributes."""
    return set_attrs(child(rpr, tag, RPR_ORDER), **attrs)


def ppr_child(ppr: BaseOxmlElement, tag: str, **attrs: str | int) -> BaseOxmlElement:
    """Set a w:pPr child with attributes."""
    return set_attrs(child(ppr, tag, PPR_ORDER), **attrs)


def set_fonts(rpr: BaseOxmlElement, east_asian: str, latin: str) -> None:
    """Name the Chinese and Latin faces; theme attributes would override them, so they go."""
    fonts = child(rpr, "w:rFonts", RPR_ORDER)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    set_attrs(fonts, ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asian)


def set_size(rpr: BaseOxmlElement, points: float) -> None:
    """Font size in half-points, for Latin and complex scripts alike."""
    half = round(points * 2)
    rpr_child(rpr, "w:sz", val=half)
    rpr_child(rpr, "w:szCs", val=half)


def east_asian_hint(run_element: BaseOxmlElement, text: str) -> None:
    """Quotes, dashes and ellipses take the Chinese face only with w:hint="eastAsia"."""
    if _CJK.search(text):
        fonts = child(properties(run_element, "w:rPr"), "w:rFonts", RPR_ORDER)
        set_attrs(fonts, hint="eastAsia")


def properties(element: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The w:pPr of a paragraph or w:rPr of a run, made its first child when missing."""
    found = element.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        element.insert(0, found)
    return found


def styled(element: BaseOxmlElement, style_id: str) -> BaseOxmlElement:
    """Give a new paragraph (``w:pStyle``) or run (``w:rStyle``) its style; the properties
    element that holds it (python-docx's ``style`` setter, without its schema searches)."""
    paragraph = element.tag == qn("w:p")
    props = properties(element, "w:pPr" if paragraph else "w:rPr")
    tag, order = ("w:pStyle", PPR_ORDER) if paragraph else ("w:rStyle", RPR_ORDER)
    set_attrs(child(props, tag, order), val=style_id)
    return props


def add_field(paragraph_element: BaseOxmlElement, instruction: str, shown: str) -> list:
    """Append a complex field (``PAGE``) to a paragraph; returns its runs to style."""
    runs = []
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", shown),
        ("end", None),
    ):
        run = OxmlElement("w:r")
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {text} "
        elif kind == "text":
            node = OxmlElement("w:t")
            node.text = text
        else:
            node = set_attrs(OxmlElement("w:fldChar"), fldCharType=kind)
        run.append(node)
        paragraph_element.append(run)
        runs.append(run)
    return runs
