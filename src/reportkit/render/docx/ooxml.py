"""WordprocessingML with lxml: names, elements in schema order, fonts, grid, fields."""

from __future__ import annotations

import functools

from lxml import etree

NAMESPACES = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
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


def add_p(body: etree._Element) -> etree._Element:
    """A new paragraph at the end of the body, before its closing section properties."""
    p = element("w:p")
    insert_in_body(body, p)
    return p


def insert_in_body(body: etree._Element, block: etree._Element) -> None:
    """``block`` at the end of the body, before its closing section properties."""
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(block)
    else:
        body.append(block)


def add_r(p: etree._Element) -> etree._Element:
    """A new run at the end of paragraph ``p``."""
    r = element("w:r")
    p.append(r)
    return r


def add_text(r: etree._Element, text: str) -> None:
    """``text`` in run ``r``: tabs and line breaks as their own elements, as Word keeps them."""
    start = 0
    for index, char in enumerate(text):
        if char in "\t\r\n":
            _add_t(r, text[start:index])
            r.append(element("w:tab" if char == "\t" else "w:br"))
            start = index + 1
    _add_t(r, text[start:])


def _add_t(r: etree._Element, text: str) -> None:
    if text:
        t = element("w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(qn("xml:space"), "preserve")
        r.append(t)


_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_HINTED_MARKS = frozenset("\u2014\u2018\u2019\u201c\u201d\u2026\u00b7")  # —‘’“”…·


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


def east_asian_hint(run_element: etree._Element, text: str) -> None:
    """Quotes, dashes and ellipses take the Chinese face only with w:hint="eastAsia"."""
    if any(_hinted(char) for char in text):
        fonts = child(properties(run_element, "w:rPr"), "w:rFonts", RPR_ORDER)
        set_attrs(fonts, hint="eastAsia")


def _hinted(char: str) -> bool:
    # compared, not matched: a regular expression of these ranges takes milliseconds to compile
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" or char in _HINTED_MARKS


def properties(parent: etree._Element, tag: str) -> etree._Element:
    """The w:pPr of a paragraph or w:rPr of a run, made its first child when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = element(tag)
        parent.insert(0, found)
    return found


def styled(node: etree._Element, style_id: str) -> etree._Element:
    """Give a new paragraph (``w:pStyle``) or run (``w:rStyle``) its style; the properties
    element that holds it (python-docx's ``style`` setter, without its schema searches)."""
    paragraph = node.tag == qn("w:p")
    props = properties(node, "w:pPr" if paragraph else "w:rPr")
    tag, order = ("w:pStyle", PPR_ORDER) if paragraph else ("w:rStyle", RPR_ORDER)
    set_attrs(child(props, tag, order), val=style_id)
    return props


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
