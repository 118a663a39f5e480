"""How wide a text is set on one line, in points: for placing text by its width (a signature
centred over its date) before the pages are laid out."""

from __future__ import annotations

from reportkit.template.profile import Profile
from reportkit.typeset import linebreak
from reportkit.typeset.metrics import StandardMetrics


def width(text: str, style: str, profile: Profile) -> float:
    """The width of ``text`` in ``style`` on one line, as both outputs set it: from its first
    glyph's left edge to its last glyph's right edge (the character spacing after the last
    glyph is no part of it)."""
    size = profile.style(style).size or 0
    metrics = StandardMetrics(profile)
    measure = linebreak.Measure(
        han=lambda _: size,
        tracking=profile.grid.character_spacing,
        latin_space=lambda _: size * profile.line_breaking.latin_space,
    )
    boxes = linebreak.make_boxes(
        [(text, style)],
        profile.line_breaking,
        size,
        lambda run, _: sum(metrics.advance(style, ch, size) for ch in run),
        10**6,
        grid=False,
        measure=measure,
    )
    line = linebreak.place(linebreak.Line(boxes), 10**6, size, justify=False)
    return line.x[-1] + line.width[-1] - profile.grid.character_spacing if line.boxes else 0.0
