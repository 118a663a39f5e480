"""Rules in the .docx: a full-width line drawn on the page, anchored to the paragraph above
it, where the layout put it (under its last line, or on the boundary after it): it takes no
room in the flow."""

from __future__ import annotations

from lxml import etree

from reportkit.compose.page import Rule, Text
from reportkit.render.docx import drawing
from reportkit.template.profile import Profile


def rule(
    p: etree._Element, block: Rule, above: Text, lines: int, profile: Profile, ident: int
) -> None:
    """Rule ``block`` anchored to ``p``, the paragraph of text block ``above`` set in
    ``lines`` lines, as drawing ``ident``."""
    rule = profile.rules[block.rule]
    style = profile.style(above.style)
    per_line = style.line_height * profile.grid.line_pitch
    if rule.below_baseline is not None:
        base = profile.baseline_in_line(style.size or 0, style.line_height)
        offset = (lines - 1) * per_line + base + rule.below_baseline
    else:
        offset = lines * per_line
    drawing.rule(
        p,
        ident,
        f"{profile.figures.rule_name}{ident}",
        profile.page.type_width,
        offset,
        rule.width,
        profile.colour(rule.colour),
    )
