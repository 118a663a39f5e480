"""XML built one way, for every part of the .docx and the PDF's XMP packet: lxml elements named
by prefix (``w:p``), each child put at its place in its schema's order whatever order the code
adds it in, parts serialised alike.

lxml escapes text and attribute values and refuses a character XML forbids (a control
character, U+FFFE, a lone surrogate) with a ValueError: text reaches a renderer cleaned, so one
is a bug, not a clerk's slip.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

NAMESPACES = {
    # WordprocessingML and DrawingML (ECMA-376 Part 1), Word 2010's shapes and compatibility
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    # VML, for word processors that read only that (a drawn rule's fallback)
    "v": "urn:schemas-microsoft-com:vml",
    "w10": "urn:schemas-microsoft-com:office:word",
    # the package (ECMA-376 Part 2): content types, relationships, core and extended properties
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "op": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    # XMP (ISO 16684-1) and the PDF/A identification
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
# vocabularies whose attributes carry the element's prefix (w:val); the others' are unprefixed
_QUALIFIED = frozenset({"w"})

# Child order of the elements reportkit writes that have children of more than one kind: each
# entry comes after the ones before it; the tags of a tuple are one choice, kept in the order
# they are added.  From ECMA-376 Part 1 (the section of each element's complex type).
ORDER: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "w:document": ("w:background", "w:body"),  # §17.2.3
    "w:body": (("w:p", "w:tbl"), "w:sectPr"),  # §17.2.2
    "w:ftr": (("w:p", "w:tbl"),),  # §17.10.3
    "w:tc": ("w:tcPr", ("w:p", "w:tbl")),  # §17.4.66
    "w:p": ("w:pPr", ("w:r", "w:hyperlink", "w:fldSimple")),  # §17.3.1.22
    "w:r": (  # §17.3.2.25
        "w:rPr",
        (
            "w:t",
            "w:br",
            "w:tab",
            "w:cr",
            "w:drawing",
            "w:pict",
            "w:fldChar",
            "w:instrText",
            "mc:AlternateContent",
            "w:commentReference",
        ),
    ),
    "w:pPr": (  # §17.3.1.26
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
    ),
    "w:rPr": (  # §17.3.2.28
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
    ),
    "w:sectPr": (  # §17.6.17
        ("w:headerReference", "w:footerReference"),
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
    ),
    "w:tbl": ("w:tblPr", "w:tblGrid", "w:tr"),  # §17.4.38
    "mc:AlternateContent": ("mc:Choice", "mc:Fallback"),  # Part 3 §10.2
    "w:tblPr": (  # §17.4.60
        "w:tblStyle",
        "w:tblpPr",
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
        "w:tblPrChange",
    ),
    "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),  # §17.3.1.24
    "w:tblBorders": (  # §17.4.39
        "w:top",
        ("w:left", "w:start"),
        "w:bottom",
        ("w:right", "w:end"),
        "w:insideH",
        "w:insideV",
    ),
    "w:tblCellMar": ("w:top", ("w:left", "w:start"), "w:bottom", ("w:right", "w:end")),
    "w:tr": ("w:tblPrEx", "w:trPr", "w:tc"),  # §17.4.79
    # §17.4.82: any of them, in any order
    "w:trPr": (
        (
            "w:cnfStyle",
            "w:divId",
            "w:gridBefore",
            "w:gridAfter",
            "w:wBefore",
            "w:wAfter",
            "w:cantSplit",
            "w:trHeight",
            "w:tblHeader",
            "w:tblCellSpacing",
            "w:jc",
            "w:hidden",
        ),
        "w:ins",
        "w:del",
        "w:trPrChange",
    ),
    "w:tcPr": (  # §17.4.70
        "w:cnfStyle",
        "w:tcW",
        "w:gridSpan",
        "w:hMerge",
        "w:vMerge",
        "w:tcBorders",
        "w:shd",
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
        "w:headers",
        "w:cellIns",
        "w:cellDel",
        "w:cellMerge",
        "w:tcPrChange",
    ),
    "w:tcBorders": (  # §17.4.67
        "w:top",
        ("w:left", "w:start"),
        "w:bottom",
        ("w:right", "w:end"),
        "w:insideH",
        "w:insideV",
        "w:tl2br",
        "w:tr2bl",
    ),
    "w:styles": ("w:docDefaults", "w:latentStyles", "w:style"),  # §17.7.4.18
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),  # §17.7.5.1
    "w:style": (  # §17.7.4.17
        "w:name",
        "w:aliases",
        "w:basedOn",
        "w:next",
        "w:link",
        "w:autoRedefine",
        "w:hidden",
        "w:uiPriority",
        "w:semiHidden",
        "w:unhideWhenUsed",
        "w:qFormat",
        "w:locked",
        "w:personal",
        "w:personalCompose",
        "w:personalReply",
        "w:rsid",
        "w:pPr",
        "w:rPr",
        "w:tblPr",
        "w:trPr",
        "w:tcPr",
        "w:tblStylePr",
    ),
    # §17.15.1.78, the settings reportkit writes (the schema's sequence has about a hundred)
    "w:settings": (
        "w:zoom",
        "w:defaultTabStop",
        "w:evenAndOddHeaders",
        "w:characterSpacingControl",
        "w:compat",
        "w:themeFontLang",
    ),
    # DrawingML (Part 1 §20.4 placement, §20.1 main, §20.2 pictures; Word 2010's shapes)
    "wp:anchor": (
        "wp:simplePos",
        "wp:positionH",
        "wp:positionV",
        "wp:extent",
        "wp:effectExtent",
        ("wp:wrapNone", "wp:wrapSquare", "wp:wrapTight", "wp:wrapThrough", "wp:wrapTopAndBottom"),
        "wp:docPr",
        "wp:cNvGraphicFramePr",
        "a:graphic",
    ),
    "wp:inline": ("wp:extent", "wp:effectExtent", "wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"),
    "wps:wsp": (
        "wps:cNvPr",
        ("wps:cNvSpPr", "wps:cNvCnPr"),
        "wps:spPr",
        "wps:style",
        "wps:bodyPr",
    ),
    "wps:spPr": (
        "a:xfrm",
        ("a:custGeom", "a:prstGeom"),
        ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill"),
        "a:ln",
    ),
    "pic:spPr": (
        "a:xfrm",
        ("a:custGeom", "a:prstGeom"),
        ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill"),
        "a:ln",
    ),
    "a:xfrm": ("a:off", "a:ext"),
    "pic:pic": ("pic:nvPicPr", "pic:blipFill", "pic:spPr"),
    "pic:nvPicPr": ("pic:cNvPr", "pic:cNvPicPr"),
    "pic:blipFill": ("a:blip", "a:srcRect", ("a:tile", "a:stretch")),
}

_NAMES: dict[str, str] = {}  # "w:p" → "{…/main}p", as made


def qn(name: str) -> str:
    """A prefixed name (``w:p``) as lxml writes it: ``{http://…/main}p``."""
    found = _NAMES.get(name)
    if found is None:
        prefix, colon, local = name.partition(":")
        if not colon:
            raise ValueError(f"{name!r} has no prefix")
        found = _NAMES[name] = f"{{{NAMESPACES[prefix]}}}{local}"
    return found


def _ranks(order: tuple[str | tuple[str, ...], ...]) -> dict[str, int]:
    return {
        qn(tag): rank
        for rank, entry in enumerate(order)
        for tag in (entry if isinstance(entry, tuple) else (entry,))
    }


_RANKS = {qn(parent): _ranks(order) for parent, order in ORDER.items()}


def root(
    tag: str,
    *declared: str,
    default: bool = False,
    attrs: Mapping[str, object] | None = None,
    **own: object,
) -> etree._Element:
    """A part's root element declaring its own namespace and the ``declared`` prefixes (its
    own as the default namespace when ``default``: a package part's ``<Types xmlns="…">``)."""
    prefix = tag.partition(":")[0]
    nsmap: dict[str | None, str] = {None if default else prefix: NAMESPACES[prefix]}
    nsmap.update((p, NAMESPACES[p]) for p in declared)
    return etree.Element(qn(tag), _attributes(tag, attrs, own), nsmap=nsmap)


def add(
    parent: etree._Element,
    tag: str,
    attrs: Mapping[str, object] | None = None,
    /,
    text: str | None = None,
    **own: object,
) -> etree._Element:
    """A new child ``tag`` of ``parent`` at its place in the schema's order (after the children
    of its kind and of the kinds before it), with ``text`` and attributes: ``own`` named without
    a prefix (``val=…``: ``w:val`` on a ``w:`` element, ``val`` on the others), ``attrs`` by
    their prefixed names (``{"r:id": …}``)."""
    attributes = _attributes(tag, attrs, own) if attrs or own else _NONE
    return _added(parent, _NAMES.get(tag) or qn(tag), attributes, text)


def add_at(
    parent: etree._Element,
    index: int,
    tag: str,
    attrs: Mapping[str, object] | None = None,
    /,
    **own: object,
) -> etree._Element:
    """A new child ``tag`` of ``parent`` at position ``index``: for a part another program
    wrote, whose children need not be of the kinds or in the order this module knows (a
    comment's range marks in a clerk's paragraph)."""
    made = _sub(parent, qn(tag), _attributes(tag, attrs, own))
    parent.insert(index, made)
    return made


def insert(parent: etree._Element, made: etree._Element) -> etree._Element:
    """``made`` (a copy of an element built elsewhere) put in ``parent`` at its place."""
    parent.append(made)
    ranks = _RANKS.get(parent.tag)
    if ranks is not None:
        _place(made, ranks)
    return made


def child(
    parent: etree._Element, tag: str, attrs: Mapping[str, object] | None = None, /, **own: object
) -> etree._Element:
    """``parent``'s child ``tag``, added at its place when it has none; ``attrs`` and ``own``
    set on it (added to those it has)."""
    name = qn(tag)
    attributes = _attributes(tag, attrs, own)
    found = parent.find(name)
    if found is None:
        return _added(parent, name, attributes, None)
    for key, value in attributes.items():
        found.set(key, value)
    return found


def serialize(part: etree._Element) -> bytes:
    """A part's bytes: UTF-8 with a standalone declaration, no whitespace between elements,
    as Word writes them."""
    return etree.tostring(part, encoding="UTF-8", standalone=True)


def packet(meta: etree._Element) -> bytes:
    """An XMP packet (ISO 16684-1 §7.3): ``meta`` indented between the xpacket processing
    instructions, in UTF-8 without a declaration."""
    begin = 'begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"'  # the id every packet carries
    meta.addprevious(etree.ProcessingInstruction("xpacket", begin))
    meta.addnext(etree.ProcessingInstruction("xpacket", 'end="w"'))
    return etree.tostring(meta.getroottree(), encoding="UTF-8", pretty_print=True)


def _added(
    parent: etree._Element, name: str, attributes: dict[str, str], text: str | None
) -> etree._Element:
    made = _sub(parent, name, attributes)
    if text:
        made.text = text
    ranks = _RANKS.get(parent.tag)
    if ranks is not None:
        _place(made, ranks)
    return made


def _place(made: etree._Element, ranks: dict[str, int]) -> None:
    """Move ``made``, just appended, back before the siblings that come after it."""
    rank = ranks.get(made.tag, -1)
    later = made.getprevious()
    if rank >= 0 and (later is None or ranks[later.tag] <= rank):
        return  # the usual case: added in order
    if rank < 0:  # a child the table does not know: a bug, never written
        parent = made.getparent()
        assert parent is not None
        parent.remove(made)
        raise ValueError(f"{_prefixed(made.tag)} has no place in {_prefixed(parent.tag)}")
    while True:
        before = later.getprevious()
        if before is None or ranks[before.tag] <= rank:
            break
        later = before
    later.addprevious(made)


def _prefixed(name: str) -> str:
    uri, _, local = name[1:].partition("}")
    prefix = next(p for p, u in NAMESPACES.items() if u == uri)
    return f"{prefix}:{local}"


_sub = etree.SubElement
_NONE: dict[str, str] = {}
_ATTRIBUTES: dict[tuple[str, str], str] = {}  # (element, name) → lxml's name of the attribute


def _attributes(
    tag: str, attrs: Mapping[str, object] | None, own: Mapping[str, object]
) -> dict[str, str]:
    out = {}
    if attrs:
        for name, value in attrs.items():
            out[qn(name)] = str(value)
    for name, value in own.items():
        key = _ATTRIBUTES.get((tag, name))
        if key is None:
            prefix = tag.partition(":")[0]
            key = _ATTRIBUTES[(tag, name)] = (
                qn(f"{prefix}:{name}") if prefix in _QUALIFIED else name
            )
        out[key] = str(value)
    return out
