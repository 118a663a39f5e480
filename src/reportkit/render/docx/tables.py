"""A table block as a Word table a clerk can edit: its header row repeated on every page
(w:tblHeader), rows never split (w:cantSplit), every row at least its grid lines high (never a
fixed height that would hide what a clerk adds), figures flush right, explicit column widths,
borders of the template's rule weights."""

from __future__ import annotations

import re

from lxml import etree

from reportkit.compose.page import Table
from reportkit.render.docx import wml
from reportkit.render.markup import add
from reportkit.template.profile import Profile
from reportkit.template.units import twips

EIGHTHS_PER_PT = 8
_NUMBER = re.compile(r"[-+]?[\d,，.]+(%|‰)?")


def border(borders: etree._Element, side: str, rule: str | None, profile: Profile) -> None:
    """A border of ``borders`` (w:tblBorders, w:tcBorders) on ``side`` (``top``, ``insideH``
    …) of the template's rule ``rule``; none (nil) for None."""
    if rule is None:
        add(borders, f"w:{side}", val="nil")
        return
    data = profile.rules[rule]
    add(
        borders,
        f"w:{side}",
        val="single",
        sz=round(data.width * EIGHTHS_PER_PT),
        space=0,
        color=profile.colour(data.colour),
    )


def width(parent: etree._Element, tag: str, twentieths: int) -> None:
    """A width or margin (``w:tblW``, ``w:tcW``, ``w:left`` …) in twips."""
    add(parent, tag, w=twentieths, type="dxa")


def table(
    parent: etree._Element, block: Table, profile: Profile, ids: dict[str, str], rows: list[int]
) -> etree._Element:
    """``block`` as a w:tbl at the end of ``parent``; ``rows``: each row's lines, the header's
    first."""
    figures = profile.figures
    full = twips(profile.page.type_width)
    columns = [round(w * full) for w in block.widths]
    columns[-1] = full - sum(columns[:-1])
    cell_style = profile.style(block.style)
    pad = twips(figures.padding * (cell_style.size or 0))
    pitch = profile.grid.line_pitch * cell_style.line_height
    made = add(parent, "w:tbl")
    props = add(made, "w:tblPr")
    width(props, "w:tblW", full)
    add(props, "w:jc", val="center")
    width(props, "w:tblInd", 0)
    borders = add(props, "w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        border(borders, side, figures.frame, profile)
    for side in ("insideH", "insideV"):
        border(borders, side, figures.inner, profile)
    add(props, "w:tblLayout", type="fixed")
    margins = add(props, "w:tblCellMar")
    for side, margin in (("top", 0), ("left", pad), ("bottom", 0), ("right", pad)):
        width(margins, f"w:{side}", margin)
    grid = add(made, "w:tblGrid")
    for column in columns:
        add(grid, "w:gridCol", w=column)
    lines = rows or [1] * (len(block.rows) + 1)
    # a row is at least its grid lines high, and grows when a clerk types more; its borders
    # add their width to its height: each line gives that back, so that the rows keep the grid
    rules = [profile.rules[name].width for name in (figures.frame, figures.inner) if name]
    line = twips(pitch - sum(rules))
    for number, cells in enumerate((block.header, *block.rows)):
        header = number == 0
        style = ids[block.header_style if header else block.style]
        row = add(made, "w:tr")
        row_props = add(row, "w:trPr")
        add(row_props, "w:cantSplit")
        if header:
            add(row_props, "w:tblHeader")
        add(row_props, "w:trHeight", val=twips(lines[number] * pitch), hRule="atLeast")
        for column, cell in zip(columns, cells, strict=True):
            align = "center" if header else ("right" if _NUMBER.fullmatch(cell.strip()) else "left")
            box = add(row, "w:tc")
            width(add(box, "w:tcPr"), "w:tcW", column)
            p = wml.paragraph(box, style)
            wml.prop(p, "w:snapToGrid", val=0)
            wml.prop(p, "w:spacing", line=line, lineRule="exact")
            wml.prop(p, "w:jc", val=align)
            wml.cell_run(p, cell)
    return made
