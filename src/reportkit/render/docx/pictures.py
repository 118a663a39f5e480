"""Pictures in the .docx: a photo in a centred paragraph of whole grid lines, in the flow; a
seal in front of the paragraph it stamps.  Each picture's part is added once, however often
it is placed."""

from __future__ import annotations

from lxml import etree

from reportkit.compose.page import Image
from reportkit.render.docx import drawing, wml
from reportkit.render.docx.package import PICTURES, Package
from reportkit.render.docx.wml import prop
from reportkit.render.pictures import Pictures
from reportkit.template.profile import Profile
from reportkit.template.units import twips


def part(package: Package, image: Image, pictures: Pictures) -> tuple[str, str]:
    """The relationship id of ``image``'s part and the picture's file name."""
    picture = pictures[(image.path, image.width, image.height)]
    name = f"image.{PICTURES[picture.format][0]}"  # as Word names a pasted picture
    return package.add_picture(picture.data, picture.format), name


def photo(
    parent: etree._Element,
    image: Image,
    profile: Profile,
    ids: dict[str, str],
    placed: tuple[str, str],
    ident: int,
) -> None:
    """A photo in a centred paragraph of whole grid lines at the end of ``parent``:
    ``placed`` its part's relationship id and file name, ``ident`` its drawing's id."""
    pitch = profile.grid.line_pitch
    p = wml.paragraph(parent, ids["body"])
    prop(p, "w:keepNext")
    prop(p, "w:snapToGrid", val=0)
    box = image.lines * pitch
    # at least the box: the picture stands on the line's baseline, whole within the box
    prop(p, "w:spacing", before=0, after=0, line=twips(box), lineRule="atLeast")
    prop(p, "w:ind", firstLineChars=0, firstLine=0)
    prop(p, "w:jc", val="center")
    rid, name = placed
    drawing.inline_picture(p, ident, name, rid, image.width, image.height)


def seal(
    p: etree._Element, image: Image, profile: Profile, size: float, rid: str, ident: int
) -> None:
    """A seal in front of paragraph ``p`` (text of ``size`` points), centred on its first
    line's top edge, named as the template names seals."""
    drawing.floating_picture(
        p,
        ident,
        f"{profile.figures.seal_name}{ident}",
        rid,
        image.centre * size - image.width / 2,
        -image.height / 2,
        image.width,
        image.height,
    )
