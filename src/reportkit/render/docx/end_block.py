"""The anchored group (版记) as frame paragraphs (Word's 图文框) on the type area's bottom.

Each text block is a paragraph carrying the same frame properties, so that Word, WPS and
LibreOffice set them together as one frame at the bottom of the page where they fall, growing
upward with their text, the body text kept above it.  No fixed height: a clerk who lengthens a
line sees the frame grow, never text cut off.  The first and the last rule are the frame's
borders (the same borders on every paragraph: LibreOffice makes them the frame's, Word draws
them around the group); a rule between two lines is drawn where the layout put it, from the
type area's top, by an empty paragraph just before the frame, which LibreOffice takes for the
frame's anchor.
"""

from __future__ import annotations

from lxml import etree

from reportkit.compose.page import Anchored, Rule, Text
from reportkit.layout.pages import PlacedRule
from reportkit.render.docx import drawing, wml
from reportkit.render.docx.tables import border
from reportkit.render.markup import add
from reportkit.template.profile import Profile
from reportkit.template.units import twips
from reportkit.typeset.cells import label_cells

ANCHOR_HEIGHT = 0.05  # points: the empty paragraph before the frame, one twip


def paragraphs(
    parent: etree._Element,
    group: Anchored,
    profile: Profile,
    ids: dict[str, str],
    placed: list[PlacedRule],
    ident: int,
    new_page: bool = False,
) -> list[etree._Element]:
    """The group's anchor and frame paragraphs at the end of ``parent`` (on a new page when
    ``new_page``); ``placed``: the group's rules as the layout placed them, in order; ``ident``:
    the id of the first rule drawn between two lines."""
    anchor = wml.paragraph(parent, ids["body"])
    if new_page:
        wml.prop(anchor, "w:pageBreakBefore")
    wml.prop(anchor, "w:snapToGrid", val=0)
    wml.prop(anchor, "w:spacing", line=twips(ANCHOR_HEIGHT), lineRule="exact")
    blocks = group.blocks
    first = blocks[0].rule if isinstance(blocks[0], Rule) else None
    last = blocks[-1].rule if len(blocks) > 1 and isinstance(blocks[-1], Rule) else None
    rules = iter(placed)
    if first is not None:
        next(rules)
    texts = [block for block in blocks if isinstance(block, Text)]
    made: list[etree._Element] = [anchor]
    for index, block in enumerate(blocks):
        if isinstance(block, Rule):
            if 0 < index < len(blocks) - 1:
                _between(anchor, next(rules), profile, ident)
                ident += 1
            continue
        if not isinstance(block, Text):
            continue
        # the borders add their width to the frame: the lines they hang on give it back,
        # so that the frame is as high as its grid lines and the body text keeps its page
        trim = 0.0
        if block is texts[0] and first is not None:
            trim += profile.rules[first].width
        if block is texts[-1] and last is not None:
            trim += profile.rules[last].width
        p = _line(parent, block, profile, ids, trim)
        _frame(p, profile, first, last)
        made.append(p)
    return made


def _frame(p: etree._Element, profile: Profile, top: str | None, bottom: str | None) -> None:
    """Make ``p`` a paragraph of the frame on the type area's bottom, with its borders."""
    wml.prop(
        p,
        "w:framePr",
        w=twips(profile.page.type_width),
        hRule="auto",
        wrap="notBeside",
        vAnchor="margin",
        hAnchor="margin",
        xAlign="center",
        yAlign="bottom",
    )
    if top is None and bottom is None:
        return
    borders = wml.prop(p, "w:pBdr")
    if top is not None:
        border(borders, "top", top, profile)
    if bottom is not None:
        border(borders, "bottom", bottom, profile)


def _between(anchor: etree._Element, rule: PlacedRule, profile: Profile, ident: int) -> None:
    """A rule between two lines of the group, drawn across the type area where the layout
    put it (its distance from the type area's top)."""
    drawing.rule(
        anchor,
        ident,
        f"{profile.figures.rule_name}{ident}",
        profile.page.type_width,
        rule.y - profile.page.margin_top,
        rule.width,
        rule.colour,
        relative_to="margin",
    )


def _line(
    parent: etree._Element, block: Text, profile: Profile, ids: dict[str, str], trim: float
) -> etree._Element:
    """One paragraph: its text, wrapped lines after the label, a right-hand part; its lines
    ``trim`` points lower than the style's."""
    style = profile.style(block.style)
    size = style.size or 0
    written = "".join(run.text for line in block.lines for run in line)
    label = label_cells(written, style.hang_after) if style.hang_after else 0.0
    p = wml.paragraph(parent, ids[block.style])
    if trim:
        height = style.line_height * profile.grid.line_pitch - trim
        wml.prop(p, "w:snapToGrid", val=0)
        wml.prop(p, "w:spacing", line=twips(height), lineRule="exact")
    if block.right and not written:
        wml.prop(p, "w:jc", val="right")
    elif block.right:
        right = twips(profile.page.type_width - style.indent_right * size)
        add(wml.prop(p, "w:tabs"), "w:tab", val="right", pos=right)
    if label:
        left = style.indent_left + label
        wml.prop(
            p,
            "w:ind",
            leftChars=round(left * 100),
            left=twips(left * size),
            hangingChars=round(label * 100),
            hanging=twips(label * size),
        )
    for line in block.lines:
        for run in line:
            wml.cell_run(p, run.text)
    if block.right:
        if written:
            wml.tab(p)
        for run in block.right:
            wml.cell_run(p, run.text)
    return p
