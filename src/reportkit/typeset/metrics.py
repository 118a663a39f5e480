"""Character widths without font files: the metrics a document is laid out in.

A document names Times New Roman for Latin text and a Chinese face for the rest; Word sets
every Han character and full-width mark one em wide.  Laid out in these widths, the pages are
the same on every machine, whichever fonts it has; the PDF draws each glyph where they put it
(its Latin face, Liberation Serif, has Times New Roman's widths).
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

from reportkit.template.profile import Profile

# Advance widths of Times New Roman (and its metric clone Liberation Serif), U+0020–U+007E,
# in thousandths of an em.
_TIMES = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
)  # fmt: skip


class Metrics(Protocol):
    """How far a character moves the pen in a style (Latin widths; Han takes its size)."""

    def advance(self, style: str, char: str, size: float) -> float: ...


class Widths(dict[str, float]):
    """The advance of each character in one style and size, worked out when first asked:
    ``widths[char]`` (a plain dictionary look-up after that)."""

    __slots__ = ("metrics", "size", "style")

    def __init__(self, metrics: Metrics, style: str, size: float):
        super().__init__()
        self.metrics, self.style, self.size = metrics, style, size

    def __missing__(self, char: str) -> float:
        width = self[char] = self.metrics.advance(self.style, char, self.size)
        return width


class StandardMetrics:
    """The widths of the fonts a document names: Han characters and full-width marks one em,
    Latin letters and digits Times New Roman's — or half an em each in a style whose Latin
    face is a Chinese one (宋体 page numbers: ``latin_widths: half_em`` in the template)."""

    def __init__(self, profile: Profile):
        self._half = frozenset(
            name
            for name in profile.styles
            if profile.fonts[profile.style(name).font or ""].latin_widths == "half_em"
        )
        self._known: dict[tuple[str, str, float], float] = {}  # each answer, once worked out

    def advance(self, style: str, char: str, size: float) -> float:
        """How far ``char`` moves the pen at ``size`` points."""
        key = (style, char, size)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._advance(style, char, size)
        return known

    def _advance(self, style: str, char: str, size: float) -> float:
        code = ord(char)
        if 0x20 <= code <= 0x7E:
            if style in self._half:
                return size / 2
            return _TIMES[code - 0x20] * size * 0.001  # as reportlab computes a width
        return size if unicodedata.east_asian_width(char) in "FWA" else size / 2
