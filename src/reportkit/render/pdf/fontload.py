"""reportlab fonts loaded fast: the parsed face is kept in the cache next to the font file.

reportlab reads every glyph's metrics from a TrueType file each time it loads it (tens of
milliseconds for a CJK font).  The parsed face is plain data apart from one scaling function,
so its attributes are stored with marshal once per font file and reportlab version, and later
builds read them back.  Its character map and widths (some 8,000 entries each in a CJK face)
are kept packed in sorted arrays: a document puts in the face's dictionaries only the
characters it draws with it (:func:`learn`), and ASCII, which reportlab looks up when it
starts a subset.
"""

from __future__ import annotations

import gc
import marshal
import mmap
import os
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

STATE = 3  # the shape of the kept state
# looked up by reportlab when a subset starts (ASCII keeps its codes) and for a no-break space
_ALWAYS = (*range(128), 0xA0)


def _identity(value: float) -> float:
    return value


def load(name: str, path: Path) -> TTFont:
    """``TTFont(name, path)``, from the pickled face when one is cached beside ``path``."""
    cached = path.with_suffix(f".rl{reportlab.Version}.{STATE}.marshal")
    state = None
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of small objects: the collector would run many times
    try:
        state = marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        state = None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(state, dict):
        font = TTFont(name, str(path))
        _store(cached, font.face)
        return font
    face = _Face.__new__(_Face)
    face.__dict__.update(state)
    # kept as packed numbers: unpacked into tens of thousands of objects they took half the time
    face.glyphPos = array("l", state["glyphPos"])
    face.hmetrics = _Pairs(array("l", state["hmetrics"]))
    face.packed = _Packed(state["charToGlyph"], state["charWidths"])
    face.charToGlyph, face.charWidths = {}, {}
    face.glyphToChar = {}  # made while reading the font; not used once it is read
    face._pdfScale = _identity  # prepared fonts have 1000 units to the em
    face._ttf_data = _mapped(path)  # kept out of the marshalled state
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = False
    learn(font, _ALWAYS)
    return font


def learn(font: TTFont, codes: Iterable[int]) -> None:
    """Put the entries of ``codes`` in the character map and widths of ``font``'s face, when
    the face keeps them packed (a face read from its font file holds them all)."""
    packed = getattr(font.face, "packed", None)
    if packed is not None:
        packed.unpack(codes, font.face.charToGlyph, font.face.charWidths)


# kept apart from the face's plain attributes: packed, or (the scaling, the file) made on load
_PACKED = frozenset(
    ("_pdfScale", "_ttf_data", "glyphToChar", "glyphPos", "hmetrics", "charToGlyph", "charWidths")
)


class _Packed:
    """A face's character map (code → glyph) and widths (code → advance), each as sorted codes
    beside their values."""

    __slots__ = ("_glyphs", "_map", "_widths", "_widths_of")

    def __init__(self, glyphs: tuple[bytes, bytes], widths: tuple[bytes, bytes]):
        self._map, self._glyphs = array("l", glyphs[0]), array("l", glyphs[1])
        self._widths_of, self._widths = array("l", widths[0]), array("l", widths[1])

    def unpack(self, codes: Iterable[int], glyphs: dict[int, int], widths: dict[int, int]) -> None:
        for code in codes:
            if code not in glyphs:
                at = bisect_left(self._map, code)
                if at < len(self._map) and self._map[at] == code:
                    glyphs[code] = self._glyphs[at]
            if code not in widths:
                at = bisect_left(self._widths_of, code)
                if at < len(self._widths_of) and self._widths_of[at] == code:
                    widths[code] = self._widths[at]


class _Glyphs:
    """The glyf table as reportlab's subsetter reads it, one glyph's bytes at a time: without
    copying the whole table (megabytes for a CJK font) for each 256-glyph subset."""

    __slots__ = ("_data", "_length", "_start")

    def __init__(self, data: mmap.mmap, start: int, length: int):
        self._data, self._start, self._length = data, start, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, where: slice) -> bytes:
        low, high, _ = where.indices(self._length)
        return self._data[self._start + low : self._start + high]


class _Face(TTFontFace):
    """A face read back from the cache, its file mapped."""

    def get_table(self, tag: str | bytes) -> bytes | _Glyphs:
        if tag == "glyf":
            start, length = self.get_table_pos(tag)
            return _Glyphs(self._ttf_data, start, length)
        return super().get_table(tag)  # type: ignore[no-any-return]


class _Pairs:
    """Advance width and left side bearing of each glyph, as reportlab's subsetter reads them."""

    __slots__ = ("_flat",)

    def __init__(self, flat: array[int]):
        self._flat = flat

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self._flat[2 * glyph], self._flat[2 * glyph + 1]

    def __len__(self) -> int:
        return len(self._flat) // 2

    def append(self, pair: tuple[int, int]) -> None:
        """One more glyph's metrics (a widened copy's: see joins.py)."""
        self._flat.extend(pair)


def _mapped(path: Path) -> mmap.mmap:
    """The font file's bytes, read from disk as reportlab slices them (a CJK font is several
    megabytes, of which a document's subsets need a few hundred glyphs)."""
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _store(target: Path, face: TTFontFace) -> None:
    if face.unitsPerEm != 1000:
        return  # the scaling function would be wrong on reload
    state = {k: v for k, v in vars(face).items() if k not in _PACKED}
    glyphs, widths = sorted(face.charToGlyph.items()), sorted(face.charWidths.items())
    if not all(type(width) is int for _, width in widths):
        return  # widths of 1000 units to the em are whole numbers: kept as such
    state["charToGlyph"] = (
        array("l", [code for code, _ in glyphs]).tobytes(),
        array("l", [glyph for _, glyph in glyphs]).tobytes(),
    )
    state["charWidths"] = (
        array("l", [code for code, _ in widths]).tobytes(),
        array("l", [width for _, width in widths]).tobytes(),
    )
    state["glyphPos"] = array("l", face.glyphPos).tobytes()
    state["hmetrics"] = array("l", [n for pair in face.hmetrics for n in pair]).tobytes()
    try:
        data = marshal.dumps(state)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except (OSError, ValueError):
        pass  # a read-only cache, or a value marshal cannot hold: it only costs time
