"""Photos, tables and seals as page-model blocks, sized by the template's figure settings."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportkit.compose.page import Image, Run, Table, Text
from reportkit.source.model import Photo
from reportkit.source.model import Table as TableEntry

if TYPE_CHECKING:
    from reportkit.compose.context import Context

_ROTATED = (5, 6, 7, 8)  # EXIF orientations that turn the picture a quarter


def pixels(path: Path) -> tuple[int, int]:
    """The picture's width and height in pixels, the way it is meant to be seen (EXIF)."""
    from PIL import Image as Pil

    with Pil.open(path) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in _ROTATED else (width, height)


def photo(ctx: Context, entry: Photo, at: tuple[Any, ...]) -> Image:
    """A photo at its share of the type width, never past its pixels at the template's
    lowest resolution, never taller than a page can hold with its caption."""
    profile = ctx.template.profile
    figures = profile.figures
    assert entry._path is not None  # the loader found it
    px_width, px_height = pixels(entry._path)
    width = min(entry.width * profile.page.type_width, px_width / figures.min_dpi * 72)
    height = width * px_height / px_width
    caption = (
        Text(figures.caption, ((Run(entry.caption),),), origin=(*at, "caption"))
        if entry.caption
        else None
    )
    pitch = profile.grid.line_pitch
    # the picture stands on a line's baseline, like text: the box adds the descent under it
    descent = profile.style("body").size or 0
    descent *= 1 - profile.grid.em_ascent
    room = (profile.grid.lines - (2 if caption else 0)) * pitch - descent
    if height > room:
        width, height = width * room / height, room
    lines = math.ceil((height + descent) / pitch - 1e-6)
    return Image(entry._path, width, height, caption, origin=(*at, "image"), lines=lines)


def table(ctx: Context, entry: TableEntry, at: tuple[Any, ...]) -> Table:
    """A table in the template's table styles, its columns in proportion to ``widths``."""
    figures = ctx.template.profile.figures
    data = entry.table
    weights = data.widths or [1.0] * len(data.header)
    total = sum(weights)
    caption = (
        Text(figures.table_caption, ((Run(data.caption),),), origin=(*at, "table", "caption"))
        if data.caption
        else None
    )
    return Table(
        tuple(data.header),
        tuple(tuple(row) for row in data.rows),
        tuple(w / total for w in weights),
        figures.table,
        figures.table_header,
        caption,
        origin=(*at, "table"),
    )


def seal(ctx: Context, path: Path, centre: float, alt: str = "") -> tuple[Image, int]:
    """The seal, the template's width, over the signature (centred ``centre`` characters
    in), and the blank lines above the signature that bring its top within a line of the text
    above (GB/T 9704 §7.3.5.1); ``alt``: what it shows, in words."""
    profile = ctx.template.profile
    px_width, px_height = pixels(path)
    width = profile.figures.seal_width
    height = width * px_height / px_width
    # the seal's centre on the name's line top: its top within a line of the text above,
    # below that text's letters (a quarter line is their descent and the space under them)
    lines = max(1, math.ceil(height / 2 / profile.grid.line_pitch - 0.25))
    seal = Image(
        path, width, height, origin=("signature", "seal"), over=True, centre=centre, alt=alt
    )
    return seal, lines
