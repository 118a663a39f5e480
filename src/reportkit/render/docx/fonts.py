"""The faces the .docx names and how Word stands in for them: the font table (each face with
the next face to try, its PANOSE, character set and family, from the template's
``font_table``) and the theme, whose fonts are the template's, Chinese ones included."""

from __future__ import annotations

from lxml import etree

from reportkit.render.markup import add, root
from reportkit.template.profile import Profile

# the theme's colours: Word's own (Office 2013), for what a clerk adds in theme colours
_COLOURS = (
    ("dk1", "000000"),
    ("lt1", "FFFFFF"),
    ("dk2", "44546A"),
    ("lt2", "E7E6E6"),
    ("accent1", "4472C4"),
    ("accent2", "ED7D31"),
    ("accent3", "A5A5A5"),
    ("accent4", "FFC000"),
    ("accent5", "5B9BD5"),
    ("accent6", "70AD47"),
    ("hlink", "0563C1"),
    ("folHlink", "954F72"),
)


def faces(profile: Profile) -> list[str]:
    """Every face the .docx names (the first Chinese and Latin face of each font role the
    styles use) and the faces Word tries in their place, in that order."""
    named: list[str] = []
    for key in profile.styles:
        role = profile.fonts[profile.style(key).font or ""]
        for first in (role.east_asian[0], role.latin[0]):
            face: str | None = first
            while face is not None and face not in named:  # a chain that loops ends
                named.append(face)
                entry = profile.font_table.get(face)
                face = entry.alt if entry is not None else None
    return named


def font_table(profile: Profile) -> etree._Element:
    """The font table part: each face with what the template says of it."""
    part = root("w:fonts")
    for face in faces(profile):
        font = add(part, "w:font", name=face)
        entry = profile.font_table.get(face)
        if entry is None:
            continue
        if entry.alt:
            add(font, "w:altName", val=entry.alt)
        add(font, "w:panose1", val=entry.panose.upper())
        add(font, "w:charset", val=f"{entry.charset:02X}")
        add(font, "w:family", val=entry.family)
        add(font, "w:pitch", val=entry.pitch)
    return part


def theme(profile: Profile) -> etree._Element:
    """The theme part: Word's colours, and for fonts the body's faces (minor) and the first
    outline level's (major) for Latin, East Asian and Simplified Chinese text."""
    part = root("a:theme", attrs=None, name="reportkit")
    elements = add(part, "a:themeElements")
    colours = add(elements, "a:clrScheme", name="Office")
    for name, value in _COLOURS:
        add(add(colours, f"a:{name}"), "a:srgbClr", val=value)
    scheme = add(elements, "a:fontScheme", name="reportkit")
    headings = [k for k, s in profile.styles.items() if profile.style(k).outline_level == 1]
    for tag, key in (("a:majorFont", headings[0] if headings else "body"), ("a:minorFont", "body")):
        role = profile.fonts[profile.style(key).font or ""]
        fonts = add(scheme, tag)
        add(fonts, "a:latin", typeface=role.latin[0])
        add(fonts, "a:ea", typeface=role.east_asian[0])
        add(fonts, "a:cs", typeface=role.latin[0])
        add(fonts, "a:font", script="Hans", typeface=role.east_asian[0])
    _formats(add(elements, "a:fmtScheme", name="Office"))
    return part


def _formats(scheme: etree._Element) -> None:
    """The three fills, lines, effects and background fills every theme lists."""
    fills = add(scheme, "a:fillStyleLst")
    for _ in range(3):
        add(add(fills, "a:solidFill"), "a:schemeClr", val="phClr")
    lines = add(scheme, "a:lnStyleLst")
    for width in (6350, 12700, 19050):
        add(add(add(lines, "a:ln", w=width), "a:solidFill"), "a:schemeClr", val="phClr")
    effects = add(scheme, "a:effectStyleLst")
    for _ in range(3):
        add(add(effects, "a:effectStyle"), "a:effectLst")
    backgrounds = add(scheme, "a:bgFillStyleLst")
    for _ in range(3):
        add(add(backgrounds, "a:solidFill"), "a:schemeClr", val="phClr")
