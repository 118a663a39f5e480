"""DrawingML objects as runs: a text box at the page bottom, a horizontal rule, a picture in
front of the text (a seal), a picture in the line (a photo).  Each run declares the drawing
namespaces it uses; the document declares only w: and r:."""

from __future__ import annotations

from reportkit.render.docx.wml import attr

EMU_PER_PT = 12700
_NS = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
_ANCHOR = (
    "<w:r {ns}><w:drawing>"
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{z}" '
    'behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="margin">{h}</wp:positionH>'
    '<wp:positionV relativeFrom="{v_from}">{v}</wp:positionV>'
    '<wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:effectExtent l="0" t="{pad}" r="0" b="{pad}"/>'
    "<wp:wrapNone/>"
    '<wp:docPr id="{id}" name="{name}"/>'
    "<wp:cNvGraphicFramePr/>"
    '<a:graphic><a:graphicData uri="{uri}">{graphic}</a:graphicData></a:graphic>'
    "</wp:anchor></w:drawing></w:r>"
)
_SHAPE = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_BOX = (
    '<wps:cNvSpPr txBox="1"/>'
    "<wps:spPr>"
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
    "</wps:spPr>"
    "<wps:txbx>{content}</wps:txbx>"
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b">'
    "<a:noAutofit/>"
    "</wps:bodyPr>"
)
_LINE = (
    "<wps:cNvCnPr/>"
    "<wps:spPr>"
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
    '<a:ln w="{w}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln>'
    "</wps:spPr>"
    "<wps:bodyPr/>"
)
_PICTURE_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_PICTURE = (
    '<pic:pic xmlns:pic="{ns}">'
    '<pic:nvPicPr><pic:cNvPr id="{id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
    "</pic:pic>"
)
_INLINE = (
    "<w:r><w:drawing>"
    '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="Picture {id}"/>'
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
    "</w:drawing></w:r>"
)


def _anchor(ident: int, name: str, **parts: object) -> str:
    """A run holding an anchored drawing taking no room in the text: ``parts`` place it
    (h, v_from, v), size it (cx, cy, pad) and give its graphic (uri, graphic)."""
    return _ANCHOR.format(ns=_NS, z=ident, id=ident, name=attr(name), **parts)


def emu(points: float) -> int:
    """Points as English Metric Units."""
    return round(points * EMU_PER_PT)


def bottom_box(ident: int, name: str, width: float, height: float, content: str) -> str:
    """A run holding a text box of ``content`` (WordprocessingML blocks) on the bottom of the
    type area, centred."""
    cx, cy = emu(width), emu(height)
    box = _BOX.format(cx=cx, cy=cy, content=f"<w:txbxContent>{content}</w:txbxContent>")
    return _anchor(
        ident,
        name,
        h="<wp:align>center</wp:align>",
        v_from="margin",
        v="<wp:align>bottom</wp:align>",
        cx=cx,
        cy=cy,
        pad=0,
        uri=_SHAPE,
        graphic=f"<wps:wsp>{box}</wps:wsp>",
    )


def rule(
    ident: int, name: str, width: float, below_paragraph_top: float, weight: float, colour: str
) -> str:
    """A run holding a horizontal rule across the type area, placed below its paragraph's top."""
    cx = emu(width)
    return _anchor(
        ident,
        name,
        h="<wp:posOffset>0</wp:posOffset>",
        v_from="paragraph",
        v=f"<wp:posOffset>{emu(below_paragraph_top)}</wp:posOffset>",
        cx=cx,
        cy=0,
        pad=emu(weight / 2),
        uri=_SHAPE,
        graphic=f"<wps:wsp>{_LINE.format(cx=cx, w=emu(weight), colour=attr(colour))}</wps:wsp>",
    )


def floating_picture(
    ident: int, name: str, rid: str, x: float, y: float, width: float, height: float
) -> str:
    """A run holding a picture in front of the text, ``x`` from the type area's left and ``y``
    below its paragraph's top (negative: above), taking no room."""
    cx, cy = emu(width), emu(height)
    picture = _PICTURE.format(ns=_PICTURE_NS, id=ident, name=attr(name), rid=rid, cx=cx, cy=cy)
    return _anchor(
        ident,
        name,
        h=f"<wp:posOffset>{emu(x)}</wp:posOffset>",
        v_from="paragraph",
        v=f"<wp:posOffset>{emu(y)}</wp:posOffset>",
        cx=cx,
        cy=cy,
        pad=0,
        uri=_PICTURE_NS,
        graphic=picture,
    )


def inline_picture(ident: int, name: str, rid: str, width: float, height: float) -> str:
    """A run holding a picture in the line (``wp:inline``), ``width`` × ``height`` points,
    with no space around it: without that LibreOffice leaves 0.32 cm on each side, and pushes
    a photo as wide as the type area past the right margin."""
    return _INLINE.format(id=ident, name=attr(name), rid=rid, cx=emu(width), cy=emu(height))
