"""DrawingML objects as runs of a paragraph: a horizontal rule (with a VML fallback), a picture
in front of the text (a seal), a picture in the line (a photo)."""

from __future__ import annotations

from lxml import etree

from reportkit.render.markup import add

EMU_PER_PT = 12700
_SHAPE = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def emu(points: float) -> int:
    """Points as English Metric Units."""
    return round(points * EMU_PER_PT)


def rule(
    p: etree._Element,
    ident: int,
    name: str,
    width: float,
    offset: float,
    weight: float,
    colour: str,
    relative_to: str = "paragraph",
) -> etree._Element:
    """A run holding a horizontal rule across the type area, ``offset`` below the top of its
    paragraph (or of the type area: ``relative_to`` "margin"): a DrawingML line for Word 2010
    and later, LibreOffice and WPS, with a VML line for the word processors that read only
    that (markup compatibility)."""
    cx = emu(width)
    choice = add(add(add(p, "w:r"), "mc:AlternateContent"), "mc:Choice", Requires="wps")
    anchor = _anchor(choice, ident, name)
    add(add(anchor, "wp:positionH", relativeFrom="margin"), "wp:posOffset", text="0")
    down = str(emu(offset))
    add(add(anchor, "wp:positionV", relativeFrom=relative_to), "wp:posOffset", text=down)
    _extent(anchor, cx, 0, emu(weight / 2))
    shape = add(_graphic(anchor, _SHAPE), "wps:wsp")
    add(shape, "wps:cNvCnPr")
    props = add(shape, "wps:spPr")
    _frame(props, cx, 0, "line")
    line = add(props, "a:ln", w=emu(weight))
    add(add(line, "a:solidFill"), "a:srgbClr", val=colour)
    add(shape, "wps:bodyPr")
    fallback = add(add(choice.getparent(), "mc:Fallback"), "w:pict")
    vertical = "text" if relative_to == "paragraph" else relative_to
    y = f"{offset:g}pt"
    made = add(
        fallback,
        "v:line",
        id=f"rule{ident}",
        style=(
            f"position:absolute;z-index:{ident};mso-position-horizontal-relative:margin;"
            f"mso-position-vertical-relative:{vertical}"
        ),
        **{"from": f"0,{y}", "to": f"{width:g}pt,{y}"},
        strokecolor=f"#{colour}",
        strokeweight=f"{weight:g}pt",
    )
    add(made, "w10:wrap", anchorx="margin", anchory=vertical)
    return anchor


def floating_picture(
    p: etree._Element,
    ident: int,
    name: str,
    rid: str,
    x: float,
    y: float,
    width: float,
    height: float,
) -> etree._Element:
    """A run holding a picture in front of the text, ``x`` from the type area's left and ``y``
    below its paragraph's top (negative: above), taking no room."""
    cx, cy = emu(width), emu(height)
    anchor = _anchor(p, ident, name)
    add(add(anchor, "wp:positionH", relativeFrom="margin"), "wp:posOffset", text=str(emu(x)))
    add(add(anchor, "wp:positionV", relativeFrom="paragraph"), "wp:posOffset", text=str(emu(y)))
    _extent(anchor, cx, cy, 0)
    _picture(_graphic(anchor, _PICTURE), ident, name, rid, cx, cy)
    return anchor


def inline_picture(
    p: etree._Element, ident: int, name: str, rid: str, width: float, height: float
) -> etree._Element:
    """A run holding a picture in the line (``wp:inline``), ``width`` × ``height`` points,
    with no space around it: without that LibreOffice leaves 0.32 cm on each side, and pushes
    a photo as wide as the type area past the right margin."""
    cx, cy = emu(width), emu(height)
    inline = add(add(add(p, "w:r"), "w:drawing"), "wp:inline", distT=0, distB=0, distL=0, distR=0)
    add(inline, "wp:extent", cx=cx, cy=cy)
    add(inline, "wp:docPr", id=ident, name=f"Picture {ident}")
    add(add(inline, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks", noChangeAspect=1)
    # Word's own inline picture: the picture's id 0, its shape without an adjust list
    _picture(_graphic(inline, _PICTURE), 0, name, rid, cx, cy, adjusted=False)
    return inline


def _anchor(p: etree._Element, ident: int, name: str) -> etree._Element:
    """An anchored drawing taking no room in the text, in front of it, stacked by its id, in
    a new run of paragraph ``p`` (or in ``p``, a markup-compatibility choice); the caller
    places and sizes it and gives its graphic."""
    holder = p if etree.QName(p).localname == "Choice" else add(p, "w:r")
    anchor = add(
        add(holder, "w:drawing"),
        "wp:anchor",
        distT=0,
        distB=0,
        distL=0,
        distR=0,
        simplePos=0,
        relativeHeight=ident,
        behindDoc=0,
        locked=1,
        layoutInCell=1,
        allowOverlap=1,
    )
    add(anchor, "wp:simplePos", x=0, y=0)
    add(anchor, "wp:wrapNone")
    add(anchor, "wp:docPr", id=ident, name=name)
    add(anchor, "wp:cNvGraphicFramePr")
    return anchor


def _extent(anchor: etree._Element, cx: int, cy: int, pad: int) -> None:
    """The drawing's size, and the room its line's weight takes above and below."""
    add(anchor, "wp:extent", cx=cx, cy=cy)
    add(anchor, "wp:effectExtent", l=0, t=pad, r=0, b=pad)


def _graphic(frame: etree._Element, uri: str) -> etree._Element:
    return add(add(frame, "a:graphic"), "a:graphicData", uri=uri)


def _frame(props: etree._Element, cx: int, cy: int, shape: str, adjusted: bool = True) -> None:
    """A shape's place in its drawing (at the origin, ``cx`` × ``cy``) and preset geometry."""
    xfrm = add(props, "a:xfrm")
    add(xfrm, "a:off", x=0, y=0)
    add(xfrm, "a:ext", cx=cx, cy=cy)
    geometry = add(props, "a:prstGeom", prst=shape)
    if adjusted:
        add(geometry, "a:avLst")


def _picture(
    data: etree._Element,
    ident: int,
    name: str,
    rid: str,
    cx: int,
    cy: int,
    adjusted: bool = True,
) -> None:
    picture = add(data, "pic:pic")
    names = add(picture, "pic:nvPicPr")
    add(names, "pic:cNvPr", id=ident, name=name)
    add(names, "pic:cNvPicPr")
    fill = add(picture, "pic:blipFill")
    add(fill, "a:blip", {"r:embed": rid})
    add(add(fill, "a:stretch"), "a:fillRect")
    _frame(add(picture, "pic:spPr"), cx, cy, "rect", adjusted)
