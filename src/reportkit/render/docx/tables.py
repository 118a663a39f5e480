"""A table block as a Word table a clerk can edit: its header row repeated on every page
(w:tblHeader), rows never split (w:cantSplit), every row whole grid lines high, figures flush
right, borders of the template's rule weights."""

from __future__ import annotations

import re

from reportkit.compose.page import Table
from reportkit.render.docx.wml import attr, cell_run
from reportkit.template.profile import Profile
from reportkit.template.units import twips

EIGHTHS_PER_PT = 8
_NUMBER = re.compile(r"[-+]?[\d,，.]+(%|‰)?")


def border(side: str, rule: str | None, profile: Profile) -> str:
    """A table border (``top``, ``insideH`` …) of the template's rule ``rule``; none for None."""
    if rule is None:
        return f'<w:{side} w:val="nil"/>'
    data = profile.rules[rule]
    size = round(data.width * EIGHTHS_PER_PT)
    colour = attr(profile.colour(data.colour))
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{colour}"/>'


def element(table: Table, profile: Profile, ids: dict[str, str], rows: list[int]) -> str:
    """``table`` as a w:tbl element; ``rows``: each row's lines, the header's first."""
    figures = profile.figures
    width = twips(profile.page.type_width)
    columns = [round(w * width) for w in table.widths]
    columns[-1] = width - sum(columns[:-1])
    cell_style = profile.style(table.style)
    pad = twips(figures.padding * (cell_style.size or 0))
    pitch = profile.grid.line_pitch * cell_style.line_height
    borders = "".join(
        border(side, figures.frame, profile) for side in ("top", "left", "bottom", "right")
    ) + "".join(border(side, figures.inner, profile) for side in ("insideH", "insideV"))
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{c}"/>' for c in columns)
        + "</w:tblGrid>"
    ]
    lines = rows or [1] * (len(table.rows) + 1)
    for number, cells in enumerate((table.header, *table.rows)):
        header = number == 0
        style = table.header_style if header else table.style
        height = twips(lines[number] * pitch)
        out.append(
            f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if header else ''}"
            f'<w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>'
        )
        for column, cell in zip(columns, cells, strict=True):
            align = "center" if header else ("right" if _NUMBER.fullmatch(cell.strip()) else "left")
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{column}" w:type="dxa"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{attr(ids[style])}"/><w:jc w:val="{align}"/></w:pPr>'
                f"{cell_run(cell)}</w:p></w:tc>"
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
