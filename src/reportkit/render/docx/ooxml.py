"""WordprocessingML as lxml elements, for the template's base made with python-docx: names,
children in schema order, fonts, sizes, fields."""

from __future__ import annotations

import functools

from lxml import etree

from reportkit.render.docx.wml import PPR_ORDER, RPR_ORDER

NAMESPACES = {
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
_PREFIXES = {uri: prefix for prefix, uri in NAMESPACES.items()}
# as Word and python-docx read and write parts: no whitespace between elements, no entities
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


@functools.cache
def qn(tag: str) -> str:
    """``w:p`` as lxml names it: ``{http://…/main}p``."""
    prefix, local = tag.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def parse(xml: str | bytes) -> etree._Element:
    """The root element of ``xml``."""
    return etree.fromstring(xml, _PARSER)


def serialize(element: etree._Element) -> bytes:
    """A part's bytes: UTF-8 with a standalone declaration, as Word writes them."""
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def element(tag: str, **attrs: str | int) -> etree._Element:
    """A new ``w:`` (or other prefixed) element with ``w:`` attributes."""
    prefix = tag.split(":")[0]
    made = _PARSER.makeelement(qn(tag), nsmap={prefix: NAMESPACES[prefix]})
    return set_attrs(made, **attrs) if attrs else made


_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def child(parent: etree._Element, tag: str, order: tuple[str, ...]) -> etree._Element:
    """The ``tag`` child of ``parent``, created at its schema position when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    return insert(parent, element(tag), order)


def insert(parent: etree._Element, made: etree._Element, order: tuple[str, ...]) -> etree._Element:
    """``made`` put in ``parent`` at its schema position: after children like it."""
    later = _later(prefixed(made.tag), order)
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, made)
            return made
    parent.append(made)
    return made


@functools.cache
def prefixed(name: str) -> str:
    """``{http://…/main}p`` as ``w:p``."""
    uri, local = name[1:].split("}")
    return f"{_PREFIXES[uri]}:{local}"


@functools.cache
def _later(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    """The qualified names of the children that come after ``tag``."""
    return frozenset(qn(t) for t in order[order.index(tag) + 1 :])


def set_attrs(node: etree._Element, **attrs: str | int) -> etree._Element:
    """Set ``w:`` attributes given as keyword arguments (``firstLineChars=200``)."""
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), str(value))
    return node


def rpr_child(rpr: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    """Set a w:rPr child with attributes."""
    return set_attrs(child(rpr, tag, RPR_ORDER), **attrs)


def ppr_child(ppr: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    """Set a w:pPr child with attributes."""
    return set_attrs(child(ppr, tag, PPR_ORDER), **attrs)


def set_fonts(rpr: etree._Element, east_asian: str, latin: str) -> None:
    """Name the Chinese and Latin faces; theme attributes would override them, so they go."""
    fonts = child(rpr, "w:rFonts", RPR_ORDER)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    set_attrs(fonts, ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asian)


def set_size(rpr: etree._Element, points: float) -> None:
    """Font size in half-points, for Latin and complex scripts alike."""
    half = round(points * 2)
    rpr_child(rpr, "w:sz", val=half)
    rpr_child(rpr, "w:szCs", val=half)


def properties(parent: etree._Element, tag: str) -> etree._Element:
    """The w:pPr of a paragraph or w:rPr of a run, made its first child when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = element(tag)
        parent.insert(0, found)
    return found


def add_field(paragraph_element: etree._Element, instruction: str, shown: str) -> list:
    """Append a complex field (``PAGE``) to a paragraph; returns its runs to style."""
    runs = []
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", shown),
        ("end", None),
    ):
        run = element("w:r")
        node: etree._Element
        if kind == "instr":
            node = element("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {text} "
        elif kind == "text":
            node = element("w:t")
            node.text = text
        else:
            node = set_attrs(element("w:fldChar"), fldCharType=kind)
        run.append(node)
        paragraph_element.append(run)
        runs.append(run)
    return runs
