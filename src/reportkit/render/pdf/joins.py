"""Glyphs that reach across the space after them, so that text searches and copies as written.

A Latin word or a number beside Han text is set off by a little space (2024 年 6 月), made by
positioning alone: no character lies there.  Text extractors and viewers' search (poppler,
pdfminer, pdfium, PDF.js) cannot know that; they take any gap wider than about a tenth of an
em between two glyphs for a word break and put a space in the text ("2024 年 6 月 18 日").

The glyph before such a gap is therefore drawn with a copy of itself whose advance takes the
gap in: the same outline at the same place, a wider advance in the embedded subset's metrics
and in the font's widths alike (PDF/A wants the two to agree), and the same Unicode value in
the ToUnicode map.  Readers then see the two glyphs touch and join them.

reportlab keys a subset's glyphs by character code, so each copy gets a code of its own from
Supplementary Private Use Area-B, never put in the text itself; the face learns the copy as a
virtual glyph whose outline is the original's bytes and whose advance is the wider one, which
reportlab's own subsetter then copies like any other glyph.  Copies are made once per
process, font, character and width.
"""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

QUANTUM = 50  # thousandths of an em: a copy takes the gap in to this much less (0.05 em)
LEAST = 80  # thousandths of an em: narrower gaps are read as no space, and are left alone
FIRST_CODE = 0x10FFFD  # codes are given from here downwards

# (character code, extra advance in thousandths of an em) → the copy's code, and back
_CODES: dict[tuple[int, int], int] = {}
_BASES: dict[int, int] = {}


def padding(gap: float, em: float) -> int:
    """The extra advance, in thousandths of an em, that takes in most of a ``gap`` points wide
    after a glyph set ``em`` points wide (0: the gap is left as it is)."""
    units = gap / em * 1000
    return 0 if units < LEAST else int(units // QUANTUM) * QUANTUM


def widened(font: TTFont, char: str, pad: int) -> str:
    """The character that draws ``char`` in ``font`` with ``pad`` thousandths of an em more
    advance."""
    key = (ord(char), pad)
    code = _CODES.get(key)
    if code is None:
        code = _CODES[key] = FIRST_CODE - len(_CODES)
        _BASES[code] = key[0]
    face = font.face
    if code not in face.charToGlyph:
        _add_glyph(face, key[0], code, pad)
    return chr(code)


def base(code: int) -> int:
    """The character a code stands for (itself unless it is a widened copy's)."""
    return _BASES.get(code, code)


def is_copy(char: str) -> bool:
    """Is ``char`` the code of a widened copy (never a character a document may use)?"""
    return ord(char) in _BASES


def _add_glyph(face, original: int, code: int, pad: int) -> None:  # type: ignore[no-untyped-def]
    """Teach ``face`` a virtual glyph for ``code``: ``original``'s outline (its bytes in the
    glyf table) with ``pad`` thousandths of an em more advance."""
    glyph = face.charToGlyph[original]
    positions, metrics = face.glyphPos, face.hmetrics
    advance, bearing = metrics[glyph]
    wider = advance + round(pad * face.unitsPerEm / 1000)
    # the subsetter reads a glyph's bytes from its position to the next glyph's
    virtual = len(positions)
    positions.append(positions[glyph])
    positions.append(positions[glyph + 1])
    while len(metrics) < virtual:
        metrics.append(metrics[glyph])  # never read: rows for the positions' second entries
    metrics.append((wider, bearing))
    face.charToGlyph[code] = virtual
    face.charWidths[code] = face._pdfScale(wider)
