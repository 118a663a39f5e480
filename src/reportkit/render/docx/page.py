"""Page geometry, the line grid, and odd/even page-number footers (GB/T 9704 §5, §7.5): the
section properties, the footer parts and the document settings they need."""

from __future__ import annotations

from lxml import etree

from reportkit.render.docx import wml
from reportkit.render.markup import add, root
from reportkit.template.profile import Profile
from reportkit.template.units import twips

# the prefixes a footer declares: Word's markup-compatibility list names two of them
_FOOTER_NAMESPACES = ("mc", "w14", "wp14")


def section(parent: etree._Element, profile: Profile, footers: tuple[str, str]) -> etree._Element:
    """Section properties in ``parent`` (the body, or a paragraph's w:pPr closing a section):
    A4, the type area, the line grid, and the footers of odd (default) and even pages by their
    relationship ids."""
    page, grid = profile.page, profile.grid
    made = add(parent, "w:sectPr")
    for kind, rid in zip(("default", "even"), footers, strict=True):
        add(made, "w:footerReference", {"r:id": rid}, type=kind)
    add(made, "w:pgSz", w=twips(page.width), h=twips(page.height))
    number = profile.style("page_number")
    number_top = page.margin_top + page.type_height + profile.page_number.below_type_area
    line = number.line_height * grid.line_pitch
    add(
        made,
        "w:pgMar",
        top=twips(page.margin_top),
        bottom=twips(page.margin_bottom),
        # whole twips: the right margin and the type width are kept exact, the left the rest
        left=twips(page.width) - twips(page.margin_right) - twips(page.type_width),
        right=twips(page.margin_right),
        gutter=0,
        footer=twips(page.height - number_top - line),
        header=twips(page.margin_top / 2),
    )
    attrs: dict[str, object] = {"w:type": grid.docx_grid, "w:linePitch": twips(grid.line_pitch)}
    if grid.docx_grid == "linesAndChars":
        body_size = profile.style("body").size or 0
        # Word's charSpace: the difference between cell and glyph width, in 1/4096 pt
        attrs["w:charSpace"] = round((profile.char_width - body_size) * 4096)
    add(made, "w:docGrid", attrs)
    return made


def footer(profile: Profile, side: str, marks: tuple[str, str], style_id: str) -> etree._Element:
    """A footer part: ``— N —`` (``marks`` around a PAGE field) in the page-number style, on
    ``side``, one character in from the outer edge."""
    settings = profile.page_number
    part = root("w:ftr", *_FOOTER_NAMESPACES, attrs={"mc:Ignorable": "w14 wp14"})
    p = wml.paragraph(part, style_id)
    indent = twips(settings.indent * settings.indent_size)
    wml.prop(p, "w:ind", **{"left" if side == "left" else "right": indent})
    wml.prop(p, "w:jc", val=side)
    before, after = marks
    wml.text(add(p, "w:r"), before)
    wml.field(p, "PAGE", "1")
    wml.text(add(p, "w:r"), after)
    return part


def blank_footer() -> etree._Element:
    """A footer part with an empty paragraph, for pages that show no number."""
    part = root("w:ftr", *_FOOTER_NAMESPACES, attrs={"mc:Ignorable": "w14 wp14"})
    # in Word's Footer style, as Word makes an empty footer (the style itself is not defined:
    # a word processor takes the Normal style for it)
    wml.paragraph(part, "Footer")
    return part


def settings(profile: Profile) -> etree._Element:
    """The document settings: odd and even pages' own footers, Word 2013's layout, the
    document's language for theme fonts."""
    part = root("w:settings")
    add(part, "w:zoom", percent=100)
    add(part, "w:defaultTabStop", val=420)
    add(part, "w:evenAndOddHeaders")
    add(part, "w:characterSpacingControl", val="doNotCompress")
    add(
        add(part, "w:compat"),
        "w:compatSetting",
        name="compatibilityMode",
        uri="http://schemas.microsoft.com/office/word",
        val=15,
    )
    add(part, "w:themeFontLang", val="en-US", eastAsia=profile.language)
    return part
