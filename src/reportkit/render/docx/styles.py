"""The template's text styles as Word styles: fonts per script, sizes, spacing on the grid."""

from __future__ import annotations

from lxml import etree

from reportkit.render.markup import add, child, root
from reportkit.template.profile import Profile, Style
from reportkit.template.units import twips

# Word's names for the two styles every document has; the rest are named by the template.
BODY = "body"
_JC = {"left": "left", "right": "right", "center": "center", "justify": "both"}
# names Word keeps in lower case in styles.xml, and the ids it gives styles of those names
_INTERNAL = {"Caption": "caption", "Footer": "footer", "Header": "header"} | {
    f"Heading {n}": f"heading {n}" for n in range(1, 10)
}
_IDS = {"caption": "Caption"} | {f"heading {n}": f"Heading{n}" for n in range(1, 10)}


def style_name(profile: Profile, key: str) -> str:
    """The name a user sees in Word's style list."""
    return "Normal" if key == BODY else profile.styles[key].label or key


def part(profile: Profile) -> tuple[etree._Element, dict[str, str]]:
    """The styles part: document defaults, the styles every document has, then every style of
    the template (body is Word's Normal style); with each template style's id by its key."""
    styles = root("w:styles")
    _defaults(styles, profile)
    normal = _style(styles, "paragraph", "Normal", default=True)
    add(normal, "w:qFormat")
    for kind, ident, name, priority in (
        ("character", "DefaultParagraphFont", "Default Paragraph Font", 1),
        ("table", "TableNormal", "Normal Table", 99),
        ("numbering", "NoList", "No List", 99),
    ):
        made = _style(styles, kind, name, ident, default=True)
        add(made, "w:uiPriority", val=priority)
        add(made, "w:semiHidden")
        add(made, "w:unhideWhenUsed")
        if kind == "table":
            _table_defaults(made)
    ids = {}
    for key, own in profile.styles.items():
        if key == BODY:
            made, ids[key] = normal, "Normal"
        else:
            name = _INTERNAL.get(style_name(profile, key), style_name(profile, key))
            ids[key] = _IDS.get(name, name.replace(" ", ""))
            kind = "character" if own.character else "paragraph"
            made = _style(styles, kind, name, ids[key], custom=True)
            if kind == "paragraph":
                add(made, "w:basedOn", val="Normal")
            add(made, "w:qFormat")
        _run_properties(made, profile, key)
        if not own.character:
            _paragraph_properties(made, profile, key)
    return styles, ids


def _style(
    styles: etree._Element,
    kind: str,
    name: str,
    ident: str | None = None,
    default: bool = False,
    custom: bool = False,
) -> etree._Element:
    attrs: dict[str, object] = {"w:type": kind}
    if default:
        attrs["w:default"] = 1
    if custom:
        attrs["w:customStyle"] = 1
    attrs["w:styleId"] = ident or name
    made = add(styles, "w:style", attrs)
    add(made, "w:name", val=name)
    return made


def _table_defaults(style: etree._Element) -> None:
    """Tables by default: no indent, no cell margins."""
    props = add(style, "w:tblPr")
    add(props, "w:tblInd", w=0, type="dxa")
    margins = add(props, "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        add(margins, f"w:{side}", w=0, type="dxa")


def _defaults(styles: etree._Element, profile: Profile) -> None:
    """Document defaults: body fonts and the language, so nothing falls back to a theme; no
    space around paragraphs."""
    defaults = add(styles, "w:docDefaults")
    rpr = add(add(defaults, "w:rPrDefault"), "w:rPr")
    role = profile.fonts[profile.styles[BODY].font or ""]
    _fonts(rpr, role.east_asian[0], role.latin[0])
    add(rpr, "w:lang", val="en-US", eastAsia=profile.language, bidi="ar-SA")
    ppr = add(add(defaults, "w:pPrDefault"), "w:pPr")
    add(ppr, "w:spacing", before=0, after=0)


def _fonts(rpr: etree._Element, east_asian: str, latin: str) -> None:
    """Name the Chinese and Latin faces (no theme fonts: those would override them)."""
    add(rpr, "w:rFonts", ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asian)


def _run_properties(style: etree._Element, profile: Profile, key: str) -> None:
    own: Style = profile.styles[key]
    resolved = profile.style(key)
    rpr = child(style, "w:rPr")
    if own.font or key == BODY:
        role = profile.fonts[resolved.font or ""]
        _fonts(rpr, role.east_asian[0], role.latin[0])
    if own.bold:
        add(rpr, "w:b")
        add(rpr, "w:bCs")
    if own.colour or key == BODY:
        add(rpr, "w:color", val=profile.colour(resolved.colour or "text"))
    if own.grid and profile.grid.docx_grid == "lines" and profile.grid.character_spacing:
        # GB/T 9704 §5.2.3: 28 characters per line; Word/LibreOffice need tracking for it
        add(rpr, "w:spacing", val=twips(profile.grid.character_spacing))
    if own.size or key == BODY:
        half = round((resolved.size or 0) * 2)  # half-points, for Latin and complex scripts
        add(rpr, "w:sz", val=half)
        add(rpr, "w:szCs", val=half)


def _paragraph_properties(style: etree._Element, profile: Profile, key: str) -> None:
    s = profile.style(key)
    size = s.size or 0
    ppr = child(style, "w:pPr")
    pitch = profile.grid.line_pitch
    if s.keep_with_next:
        add(ppr, "w:keepNext")
    add(ppr, "w:widowControl", val=1 if s.widow_control else 0)
    if not profile.line_breaking.hang_punctuation:
        add(ppr, "w:overflowPunct", val=0)
    if not s.snap_to_grid:
        # an exact height of whole grid lines, not rounded up to the grid: a face taller than
        # its em (Noto Serif CJK for 小标宋) would otherwise take an extra grid line
        add(ppr, "w:snapToGrid", val=0)
    add(
        ppr,
        "w:spacing",
        before=twips(s.space_before * pitch),
        after=twips(s.space_after * pitch),
        line=twips(s.line_height * pitch),
        lineRule="exact",
    )
    add(
        ppr,
        "w:ind",
        firstLineChars=round(s.first_line_indent * 100),
        firstLine=twips(s.first_line_indent * size),
        leftChars=round(s.indent_left * 100),
        left=twips(s.indent_left * size),
        rightChars=round(s.indent_right * 100),
        right=twips(s.indent_right * size),
    )
    if s.align:
        add(ppr, "w:jc", val=_JC[s.align])
    if s.outline_level is not None:
        # Word counts levels from 0: its navigation pane and table of contents list the text
        add(ppr, "w:outlineLvl", val=s.outline_level - 1)
