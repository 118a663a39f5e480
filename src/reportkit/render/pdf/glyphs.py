"""Laid-out pages as glyph runs: each placed line's characters in their fonts, ready to draw."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportkit.compose.page import Document
from reportkit.layout import linebreak
from reportkit.layout.paginate import PlacedImage, PlacedLine, PlacedRule, paginate
from reportkit.render.pdf.faces import Faces
from reportkit.template.profile import Profile


@dataclass(slots=True)
class Glyphs:
    """A run of glyphs in one font, size and colour, evenly spaced: x and baseline from the
    page's top-left, in points."""

    x: float
    baseline: float
    text: str
    font: str
    size: float
    colour: str
    char_space: float = 0.0
    scale: float = 100.0


@dataclass(slots=True)
class GlyphPage:
    """One page to draw: glyph runs, rules and bookmarks."""

    glyphs: list[Glyphs] = field(default_factory=list)
    rules: list[PlacedRule] = field(default_factory=list)
    outlines: list[tuple[str, float]] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)


def glyph_pages(document: Document, profile: Profile, faces: Faces) -> list[GlyphPage]:
    """The document laid out, every page's lines as glyph runs in the fonts that set them
    (each line turned into glyphs as soon as it is placed)."""
    paint = {
        name: (profile.style(name).size or 0, profile.colour(profile.style(name).colour or "text"))
        for name in profile.styles
    }
    tracking = profile.grid.character_spacing

    def keep(placed: PlacedLine) -> list[Glyphs]:
        return _line(placed, faces, paint, tracking)

    pages = paginate(document, profile, faces, keep)
    return [
        GlyphPage(
            [run for runs in page.lines for run in runs], page.rules, page.outlines, page.images
        )
        for page in pages.pages
    ]


def _line(
    placed: PlacedLine, faces: Faces, paint: dict[str, tuple[float, str]], tracking: float
) -> list[Glyphs]:
    """The glyph runs of a placed line."""
    line, x0, scale = placed.line, placed.x0, placed.scale
    size = paint[placed.style][0]
    glyph_of = faces.glyph
    # x, char, font, style, advance of each glyph drawn
    glyphs: list[tuple[float, str, str | None, str, float]] = []
    add = glyphs.append
    xs, widths, compressed = line.x, line.width, line.compressed
    for i, box in enumerate(line.boxes):
        text, style = box.text, box.style
        box_size = paint[style][0] or size
        if len(text) == 1 and not box.latin and i not in compressed:
            # one character centred in its cell: nearly every box
            advance, font = glyph_of(style, text, box_size)
            if not text.isspace():
                add(
                    (
                        x0 + (xs[i] + (widths[i] - advance) / 2) * scale,
                        text,
                        font,
                        style,
                        advance * scale,
                    )
                )
            continue
        x, width = xs[i], widths[i]
        looked = [glyph_of(style, ch, box_size) for ch in text]
        advances = [advance for advance, _ in looked]
        steps = list(advances)  # how far each glyph moves the pen here
        if box.latin:
            # the run's own width with its character spacing, after the space before it
            steps = [a + tracking for a in advances]
            gx = x + line.lead[i]
        elif i in compressed:
            full = width * 2  # a compressed mark keeps the half of its cell it is drawn in
            gx = x + (full - advances[0]) / 2 - (width if linebreak.is_opening(text) else 0)
        else:
            gx = x
        for ch, (advance, font), step in zip(text, looked, steps, strict=True):
            if not ch.isspace():
                add((x0 + gx * scale, ch, font, style, advance * scale))
            gx += step
    return _runs(glyphs, placed.baseline, paint, scale)


def _runs(
    glyphs: list[tuple[float, str, str | None, str, float]],
    baseline: float,
    paint: dict[str, tuple[float, str]],
    scale: float,
) -> list[Glyphs]:
    """Consecutive glyphs in one font and style, evenly spaced, as one run with character spacing.

    ``paint``: each style's size and colour.
    """
    out: list[Glyphs] = []
    run: Glyphs | None = None
    last_x = last_advance = 0.0  # of the last glyph
    for x, ch, font, style, advance in glyphs:
        size, colour = paint[style]
        if run is not None and run.font == font and run.size == size and run.colour == colour:
            space = x - last_x - last_advance
            if len(run.text) == 1 or abs(space - run.char_space) < 0.01:
                if len(run.text) == 1:
                    run.char_space = space
                run.text += ch
                last_x, last_advance = x, advance
                continue
        run = Glyphs(x, baseline, ch, font or "", size, colour, 0.0, scale * 100)
        out.append(run)
        last_x, last_advance = x, advance
    return out
