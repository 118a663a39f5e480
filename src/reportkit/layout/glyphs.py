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
            i = runs.stretch(boxes, i, xs, cells, compressed, x0, widths(box_style, box_size))
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

    def stretch(
        self,
        boxes: list[linebreak.Box],
        i: int,
        xs: list[float],
        cells: list[float],
        compressed: set[int],
        x0: float,
        table: Mapping[str, float],
    ) -> int:
        """The characters of ``boxes`` from ``i`` on that sit one to a cell, each centred in
        it, in the style of the first (whose advances ``table`` gives), as ``add`` takes them
        one by one, faster; where they end."""
        scale = self.scale
        box = boxes[i]
        style, ch = box.style, box.text
        step = table[ch]
        self.add(x0 + (xs[i] + (cells[i] - step) / 2) * scale, ch, style, step * scale)
        key = self.faces[style][1]  # the Chinese face: what follows is not ASCII
        count = len(boxes)
        # the run being made, as ``add`` left it
        run, chars, (last_x, last_step) = self._current()
        single, same = len(chars) == 1, key == self.key
        k = i + 1
        while k < count:
            box = boxes[k]
            ch = box.text
            if box.style != style or box.latin or len(ch) != 1 or k in compressed or ch.isascii():
                break
            step = table[ch]
            x = x0 + (xs[k] + (cells[k] - step) / 2) * scale
            if scale != 1:
                step *= scale
            if same and (single or abs(x - last_x - last_step - run.char_space) < 0.01):
                if single:
                    run.char_space = x - last_x - last_step
                    single = False
                chars.append(ch)
                run.xs.append(x)
                last_x, last_step = x, step
            else:
                self.last = (last_x, last_step)
                self.add(x, ch, style, step)
                run, chars, (last_x, last_step) = self._current()
                single, same = len(chars) == 1, key == self.key
            k += 1
        self.last = (last_x, last_step)
        return k

    def _current(self) -> tuple[TextRun, list[str], tuple[float, float]]:
        assert self.run is not None  # a glyph has been added
        return self.run, self.chars, self.last

    def _close(self) -> None:
        if self.run is not None and len(self.chars) > 1:
            self.run.text = "".join(self.chars)

    def done(self) -> list[TextRun]:
        """The runs of the line."""
        self._close()
        return self.out
