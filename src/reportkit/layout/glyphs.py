"""A placed line as glyph runs: where each character is drawn, in the document's metrics.

A Han character or mark sits centred in its grid cell; a Latin word advances glyph by glyph
with the character spacing; a compressed mark keeps the half of its cell it is drawn in.
Runs join glyphs that one named face sets in one size and colour, evenly spaced.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping
from typing import NamedTuple

from reportkit.layout.pages import TextRun
from reportkit.typeset import linebreak

Advance = Callable[[str, str, float], float]  # (style, character, size) → points


class Paint(NamedTuple):
    """What a style draws with: the faces the document names for Latin and for Chinese
    text, its size and colour (RRGGBB)."""

    latin: str
    east_asian: str
    size: float
    colour: str


def line_runs(
    line: linebreak.Line,
    style: str,
    baseline: float,
    x0: float,
    scale: float,
    advance: Advance,
    paint: Mapping[str, Paint],
    tracking: float,
) -> list[TextRun]:
    """The glyph runs of ``line`` placed from ``x0`` on ``baseline``."""
    size = paint[style].size
    # x, char, style, advance of each glyph drawn, and whether it follows one on its line
    # (spaces are drawn too: a reader of the text finds the spaces written, and no others)
    glyphs: list[tuple[float, str, str, float, bool]] = []
    add = glyphs.append
    xs, widths, compressed = line.x, line.width, line.compressed
    joined = False  # the line's first glyph follows nothing on its line
    for i, box in enumerate(line.boxes):
        text, box_style = box.text, box.style
        box_size = paint[box_style].size or size
        if len(text) == 1 and not box.latin and i not in compressed:
            # one character centred in its cell: nearly every box
            step = advance(box_style, text, box_size)
            add(
                (
                    x0 + (xs[i] + (widths[i] - step) / 2) * scale,
                    text,
                    box_style,
                    step * scale,
                    joined,
                )
            )
            joined = True
            continue
        advances = [advance(box_style, ch, box_size) for ch in text]
        steps = advances  # how far each glyph moves the pen here
        if box.latin:
            # the run's own width with its character spacing, after the space before it
            steps = [a + tracking for a in advances]
            gx = xs[i] + line.lead[i]
        elif i in compressed:
            full = widths[i] * 2  # a compressed mark keeps the half of its cell it is drawn in
            gx = xs[i] + (full - advances[0]) / 2 - (widths[i] if linebreak.is_opening(text) else 0)
        else:
            gx = xs[i]
        for ch, step_width, step in zip(text, advances, steps, strict=True):
            add((x0 + gx * scale, ch, box_style, step_width * scale, joined))
            joined = True
            gx += step
    return _runs(glyphs, baseline, paint, scale)


def _runs(
    glyphs: list[tuple[float, str, str, float, bool]],
    baseline: float,
    paint: Mapping[str, Paint],
    scale: float,
) -> list[TextRun]:
    """Consecutive glyphs in one named face, size and colour, evenly spaced, as one run with
    character spacing (ASCII is set in the Latin face, the rest in the Chinese one)."""
    out: list[TextRun] = []
    run: TextRun | None = None
    key: tuple[str, float, str] | None = None
    last_x = last_advance = 0.0  # of the last glyph
    for x, ch, style, step, joined in glyphs:
        drawn = paint[style]
        face = (drawn.latin if ch.isascii() else drawn.east_asian, drawn.size, drawn.colour)
        if run is not None and face == key:
            space = x - last_x - last_advance
            if len(run.text) == 1 or abs(space - run.char_space) < 0.01:
                if len(run.text) == 1:
                    run.char_space = space
                run.text += ch
                run.xs.append(x)
                last_x, last_advance = x, step
                continue
        run = TextRun(
            array("d", (x,)),
            baseline,
            ch,
            style,
            drawn.size,
            drawn.colour,
            0.0,
            scale * 100,
            joined,
        )
        key = face
        out.append(run)
        last_x, last_advance = x, step
    return out
