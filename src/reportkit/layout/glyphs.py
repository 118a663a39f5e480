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
    widths: Callable[[str, float], Mapping[str, float]],
    paint: Mapping[str, Paint],
    tracking: float,
) -> list[TextRun]:
    """The glyph runs of ``line`` placed from ``x0`` on ``baseline``; ``widths(style, size)``:
    each character's advance in that style and size."""
    runs = _Runs(baseline, paint, scale)
    add = runs.add
    size = paint[style].size
    xs, cells, compressed = line.x, line.width, line.compressed
    # spaces are drawn too: a reader of the text finds the spaces written, and no others
    boxes = line.boxes
    count = len(boxes)
    i = 0
    while i < count:
        box = boxes[i]
        text, box_style = box.text, box.style
        box_size = paint[box_style].size or size
        if len(text) == 1 and not box.latin and i not in compressed:
            # characters each centred in its cell, in one style: nearly every box, taken
            # a stretch at a time
            end = i + 1
            while end < count:
                nxt = boxes[end]
                if (
                    nxt.style != box_style
                    or nxt.latin
                    or len(nxt.text) != 1
                    or end in compressed
                    or nxt.text.isascii()
                ):
                    break
                end += 1
            chars = [b.text for b in boxes[i:end]]
            steps = list(map(widths(box_style, box_size).__getitem__, chars))
            runs.extend(
                [
                    x0 + (x + (cell - step) / 2) * scale
                    for x, cell, step in zip(xs[i:end], cells[i:end], steps, strict=True)
                ],
                chars,
                box_style,
                [step * scale for step in steps] if scale != 1 else steps,
            )
            i = end
            continue
        table = widths(box_style, box_size)
        advances = [table[ch] for ch in text]
        steps = advances  # how far each glyph moves the pen here
        if box.latin:
            # the run's own width with its character spacing, after the space before it
            steps = [a + tracking for a in advances]
            gx = xs[i] + line.lead[i]
        elif i in compressed:
            full = cells[i] * 2  # a compressed mark keeps the half of its cell it is drawn in
            gx = xs[i] + (full - advances[0]) / 2 - (cells[i] if linebreak.is_opening(text) else 0)
        else:
            gx = xs[i]
        for ch, step_width, step in zip(text, advances, steps, strict=True):
            add(x0 + gx * scale, ch, box_style, step_width * scale)
            gx += step
        i += 1
    return runs.done()


class _Runs:
    """Glyphs gathered into runs as they come: consecutive glyphs in one named face, size and
    colour, evenly spaced, make one run with character spacing (ASCII is set in the Latin
    face, the rest in the Chinese one)."""

    __slots__ = ("baseline", "chars", "faces", "key", "last", "out", "paint", "run", "scale")

    def __init__(self, baseline: float, paint: Mapping[str, Paint], scale: float):
        self.baseline, self.paint, self.scale = baseline, paint, scale
        self.out: list[TextRun] = []
        self.run: TextRun | None = None
        self.chars: list[str] = []  # the current run's text
        self.key: tuple[str, float, str] | None = None
        self.last = (0.0, 0.0)  # x and advance of the last glyph
        # each style's (Latin face, Chinese face) as run keys, made once
        self.faces: dict[str, tuple[tuple[str, float, str], tuple[str, float, str]]] = {}

    def add(self, x: float, ch: str, style: str, step: float) -> None:
        """The next glyph of the line: ``ch`` at ``x`` in ``style``, advancing ``step``."""
        faces = self.faces.get(style)
        if faces is None:
            drawn = self.paint[style]
            faces = self.faces[style] = (
                (drawn.latin, drawn.size, drawn.colour),
                (drawn.east_asian, drawn.size, drawn.colour),
            )
        key = faces[0] if ch.isascii() else faces[1]
        run = self.run
        if run is not None and key == self.key:
            space = x - self.last[0] - self.last[1]
            single = len(self.chars) == 1
            if single or abs(space - run.char_space) < 0.01:
                if single:
                    run.char_space = space
                self.chars.append(ch)
                run.xs.append(x)
                self.last = (x, step)
                return
        self._close()
        drawn = self.paint[style]
        joined = run is not None or bool(self.out)  # it follows a glyph on its line
        self.run = TextRun(
            array("d", (x,)),
            self.baseline,
            ch,
            style,
            drawn.size,
            drawn.colour,
            0.0,
            self.scale * 100,
            joined,
        )
        self.chars = [ch]
        self.key = key
        self.out.append(self.run)
        self.last = (x, step)

    def extend(self, xs: list[float], chars: list[str], style: str, steps: list[float]) -> None:
        """Glyphs ``chars`` at ``xs`` in ``style``, advancing ``steps``: as ``add`` takes them
        one by one, faster while they go on evenly spaced in one run."""
        k, count = 0, len(chars)
        while k < count:
            if self.run is not None and len(self.chars) > 1 and chars[k].isascii() is False:
                key = self.faces.get(style)
                if key is not None and key[1] == self.key:
                    # the run goes on while the spacing holds
                    run, space = self.run, self.run.char_space
                    last_x, last_step = self.last
                    start = k
                    while k < count:
                        x = xs[k]
                        if abs(x - last_x - last_step - space) >= 0.01:
                            break
                        last_x, last_step = x, steps[k]
                        k += 1
                    if k > start:
                        self.chars += chars[start:k]
                        run.xs.extend(xs[start:k])
                        self.last = (last_x, last_step)
                        continue
            self.add(xs[k], chars[k], style, steps[k])
            k += 1

    def _close(self) -> None:
        if self.run is not None and len(self.chars) > 1:
            self.run.text = "".join(self.chars)

    def done(self) -> list[TextRun]:
        """The runs of the line."""
        self._close()
        return self.out
