"""The masthead (报头): red name, issue and volume lines, unit and date over a red rule."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Twips

from reportkit.compose.blocks import Masthead
from reportkit.compose.titles import cells, wrapped_lines
from reportkit.render.docx import drawing, ooxml
from reportkit.render.docx.styles import style_name
from reportkit.template.profile import Profile
from reportkit.template.units import twips


def add(doc: DocxDocument, masthead: Masthead, profile: Profile, add_text) -> None:
    """Append the masthead paragraphs."""
    if masthead.mark:
        add_text(doc.add_paragraph(style=style_name(profile, "mark")), masthead.mark)
    name_style = profile.style("masthead_name")
    for line in masthead.name_lines:
        paragraph = doc.add_paragraph(style=style_name(profile, "masthead_name"))
        run = add_text(paragraph, line)
        width = cells(line) * (name_style.size or 0)
        if width > profile.page.type_width:
            # squeeze a long name to the type width (字符缩放), as offices do by hand
            scale = int(100 * profile.page.type_width / width)
            ooxml.rpr_child(run._r.get_or_add_rPr(), "w:w", val=scale)
    add_text(doc.add_paragraph(style=style_name(profile, "masthead_issue")), masthead.issue)
    if masthead.volume:
        add_text(doc.add_paragraph(style=style_name(profile, "masthead_volume")), masthead.volume)
    unit_date = doc.add_paragraph(style=style_name(profile, "masthead_line"))
    add_text(unit_date, f"{masthead.unit}\t{masthead.date}")
    style = profile.style("masthead_line")
    size = style.size or 0
    tab = profile.page.type_width - style.indent_right * size  # tabs count from the margin
    unit_date.paragraph_format.tab_stops.add_tab_stop(Twips(twips(tab)), WD_TAB_ALIGNMENT.RIGHT)
    rule = profile.masthead.rule
    # GB/T 9704 §7.2.3-like: the red rule under the unit/date line, drawn on the page so that
    # it takes no room in the flow and the articles stay on the line grid
    # a unit too long for one line wraps (the date follows it at the right tab)
    capacity = (profile.page.type_width - (style.indent_left + style.indent_right) * size) / size
    extra = wrapped_lines(f"{masthead.unit}　{masthead.date}", capacity) - 1
    baseline = profile.baseline_in_line(size) + extra * style.line_height * profile.grid.line_pitch
    unit_date._p.append(
        drawing.rule(
            2,
            "分隔线",
            profile.page.type_width,
            baseline + rule.below_baseline,
            rule.width,
            profile.colour(rule.colour),
        )
    )
    for _ in range(profile.masthead.lines_after):
        doc.add_paragraph()
