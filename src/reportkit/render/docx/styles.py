"""The template's text styles as Word styles: fonts per script, sizes, spacing on the grid."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle

from reportkit.render.docx import ooxml
from reportkit.template.profile import Profile, Style
from reportkit.template.units import twips

# Word's names for the two styles every document has; the rest are named by the template.
BODY = "body"
_JC = {"left": "left", "right": "right", "center": "center", "justify": "both"}


def style_name(profile: Profile, key: str) -> str:
    """The name a user sees in Word's style list."""
    return "Normal" if key == BODY else profile.styles[key].label or key


def define(doc: DocxDocument, profile: Profile) -> dict[str, BaseStyle]:
    """Create every style of the template in ``doc`` (body is Word's Normal style); each
    style by its key.  (Kept as made: looking a style up by a name that holds a quote would
    break python-docx's search.)"""
    _defaults(doc, profile)
    made: dict[str, BaseStyle] = {}
    for key in profile.styles:
        if key == BODY:
            style = doc.styles["Normal"]
        else:
            character = profile.styles[key].character
            kind = WD_STYLE_TYPE.CHARACTER if character else WD_STYLE_TYPE.PARAGRAPH
            style = doc.styles.add_style(style_name(profile, key), kind)
            if kind == WD_STYLE_TYPE.PARAGRAPH:
                style.base_style = doc.styles["Normal"]
            style.quick_style = True
        _run_properties(style, profile, key)
        if not profile.styles[key].character:
            _paragraph_properties(style, profile, key)
        made[key] = style
    return made


def _defaults(doc: DocxDocument, profile: Profile) -> None:
    """Document defaults: body fonts and the language, so nothing falls back to a theme."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    role = profile.fonts[profile.styles[BODY].font or ""]
    ooxml.set_fonts(rpr, role.east_asian[0], role.latin[0])
    ooxml.rpr_child(rpr, "w:lang", val="en-US", eastAsia=profile.language, bidi="ar-SA")


def _run_properties(style: BaseStyle, profile: Profile, key: str) -> None:
    own: Style = profile.styles[key]
    resolved = profile.style(key)
    rpr = style.element.get_or_add_rPr()
    if own.font or key == BODY:
        role = profile.fonts[resolved.font or ""]
        ooxml.set_fonts(rpr, role.east_asian[0], role.latin[0])
    if own.bold:
        ooxml.rpr_child(rpr, "w:b")
        ooxml.rpr_child(rpr, "w:bCs")
    if own.colour or key == BODY:
        ooxml.rpr_child(rpr, "w:color", val=profile.colour(resolved.colour or "text"))
    if own.grid and profile.grid.docx_grid == "lines" and profile.grid.character_spacing:
        # GB/T 9704 §5.2.3: 28 characters per line; Word/LibreOffice need tracking for it
        ooxml.rpr_child(rpr, "w:spacing", val=twips(profile.grid.character_spacing))
    if own.size or key == BODY:
        ooxml.set_size(rpr, resolved.size or 0)


def _paragraph_properties(style: BaseStyle, profile: Profile, key: str) -> None:
    s = profile.style(key)
    size = s.size or 0
    ppr = style.element.get_or_add_pPr()
    pitch = profile.grid.line_pitch
    if s.keep_with_next:
        ooxml.ppr_child(ppr, "w:keepNext")
    ooxml.ppr_child(ppr, "w:widowControl", val=1 if s.widow_control else 0)
    if not profile.line_breaking.hang_punctuation:
        ooxml.ppr_child(ppr, "w:overflowPunct", val=0)
    if not s.snap_to_grid:
        # an exact height of whole grid lines, not rounded up to the grid: a face taller than
        # its em (Noto Serif CJK for 小标宋) would otherwise take an extra grid line
        ooxml.ppr_child(ppr, "w:snapToGrid", val=0)
    ooxml.ppr_child(
        ppr,
        "w:spacing",
        before=twips(s.space_before * pitch),
        after=twips(s.space_after * pitch),
        line=twips(s.line_height * pitch),
        lineRule="exact",
    )
    indents = {
        "firstLineChars": round(s.first_line_indent * 100),
        "firstLine": twips(s.first_line_indent * size),
        "leftChars": round(s.indent_left * 100),
        "left": twips(s.indent_left * size),
        "rightChars": round(s.indent_right * 100),
        "right": twips(s.indent_right * size),
    }
    ooxml.ppr_child(ppr, "w:ind", **indents)
    if s.align:
        ooxml.ppr_child(ppr, "w:jc", val=_JC[s.align])
