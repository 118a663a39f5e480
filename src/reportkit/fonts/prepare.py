"""Fonts made ready for reportlab, once, in the user cache.

reportlab reads only TrueType outlines, and loads a large font slowly.  Each font is therefore
subset to the base character set (GB2312 and friends) and, when its outlines are CFF (Noto CJK,
Fandol), converted to TrueType with fontTools.  Characters outside the base set go into a small
supplement font made on demand.  Results are keyed by the font file's content hash.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit.fonts import charsets
from reportkit.fonts.locate import Face
from reportkit.usercache import cache_dir, load, store, write_atomic

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

UNITS_PER_EM = 1000
FORMAT = 2  # bump when the prepared files change shape
FS_TYPE_RESTRICTED = 0x0002  # OpenType OS/2 fsType bit 1: no embedding
_KEY = re.compile("[0-9a-f]{24}")


class Coverage:
    """The characters a font has, as sorted ranges (quick to load, quick to ask)."""

    def __init__(self, ranges: list[list[int]]):
        self._starts = [low for low, _ in ranges]
        self._ends = [high for _, high in ranges]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        index = bisect.bisect_right(self._starts, code) - 1
        return index >= 0 and code <= self._ends[index]

    def __iter__(self) -> Iterator[int]:
        for low, high in zip(self._starts, self._ends, strict=True):
            yield from range(low, high + 1)


@dataclass(frozen=True, eq=False)
class Prepared:
    """A face ready to use: its coverage and the TrueType file reportlab loads."""

    face: Face
    key: str
    cmap: Coverage
    fs_type: int
    file: Path  # the face subset to the base character set, as TrueType

    @property
    def embeddable(self) -> bool:
        """False when the licence bits forbid embedding the font in a document."""
        return not self.fs_type & FS_TYPE_RESTRICTED

    def supplement(self, chars: frozenset[int]) -> Path:
        """A TrueType font with just ``chars`` (which the base file lacks), made once."""
        digest = hashlib.sha256(",".join(map(str, sorted(chars))).encode()).hexdigest()[:16]
        target = self.file.parent / f"sup-{digest}.ttf"
        if not target.exists():
            font = _open(self.face)
            _subset(font, chars)
            write_atomic(target, _truetype_bytes(font))  # parallel builds may make it at once
        return target


def prepare(face: Face) -> Prepared:
    """The prepared form of ``face``, made on first use and read from the cache after."""
    key = _content_key(face)
    folder = cache_dir() / "fonts" / key
    meta_file = folder / "meta.marshal"
    meta = load(meta_file)
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        meta = _make(face, folder)
        store(meta_file, meta)
    cmap = Coverage(meta["cmap"])
    return Prepared(face, key, cmap, meta["fs_type"], folder / "base.ttf")


def _make(face: Face, folder: Path) -> dict:
    font = _open(face)
    cmap = sorted(font.getBestCmap())
    fs_type = font["OS/2"].fsType if "OS/2" in font else 0
    _subset(font, charsets.base())
    write_atomic(folder / "base.ttf", _truetype_bytes(font))
    return {"format": FORMAT, "cmap": _ranges(cmap), "fs_type": fs_type}


# fontTools is imported when a font is prepared, not on every build that finds it ready.


def _open(face: Face) -> TTFont:
    from fontTools.ttLib import TTFont

    # tables are read as the subsetter asks for them: a large TrueType face (AR PL UMing,
    # 20 MB) subsets in a third of a second instead of ten
    return TTFont(str(face.file), fontNumber=face.index, lazy=None)


def _subset(font: TTFont, chars: frozenset[int]) -> None:
    import logging  # with fontTools: only when a font is prepared

    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "table dropped" notes
    options = subset.Options()
    options.layout_features = []  # reportlab uses none; vertical forms would add glyphs
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    options.drop_tables += ["VORG", "vhea", "vmtx", "GSUB", "GPOS", "GDEF", "BASE", "FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)


def _truetype_bytes(font: TTFont) -> bytes:
    """The font's bytes with TrueType outlines (CFF outlines converted, curves to quadratics),
    1000 units to the em.

    reportlab keeps the advance of the glyphs after hhea.numberOfHMetrics already scaled to
    1000 units when it writes a subset, so in a font of another size their widths in the PDF
    and in the embedded font disagree (PDF/A refuses that); at 1000 units the two agree.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable
    from fontTools.ttLib.scaleUpem import scale_upem

    if font["head"].unitsPerEm != UNITS_PER_EM:
        scale_upem(font, UNITS_PER_EM)
    if "CFF " in font or "CFF2" in font:
        glyph_set = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = font.getGlyphOrder()
        glyf.glyphs = {}
        for name in glyf.glyphOrder:
            pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
            glyf.glyphs[name] = pen.glyph()
        font["glyf"] = glyf
        font["loca"] = newTable("loca")
        for table in ("CFF ", "CFF2", "VORG"):
            if table in font:
                del font[table]
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for attr in [
            "maxZones",
            "maxTwilightPoints",
            "maxStorage",
            "maxFunctionDefs",
            "maxInstructionDefs",
            "maxStackElements",
            "maxSizeOfInstructions",
            "maxComponentElements",
            "maxPoints",
            "maxContours",
            "maxCompositePoints",
            "maxCompositeContours",
            "maxComponentDepth",
        ]:
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        font["head"].glyphDataFormat = 0
        font["post"].formatType = 3.0
        font.sfntVersion = "\x00\x01\x00\x00"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _content_key(face: Face) -> str:
    """sha256 of the font file (and face index), remembered by path, size and time."""
    stat = face.file.stat()
    ident = f"{face.file}|{stat.st_size}|{stat.st_mtime_ns}|{face.index}|{FORMAT}"
    known = _known_keys()
    if ident not in known:
        digest = hashlib.sha256()
        with face.file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        digest.update(f"|{face.index}|{FORMAT}".encode())
        known.update(_keys(load(_keys_file())))  # another process may have added some
        known[ident] = digest.hexdigest()[:24]
        store(_keys_file(), dict(sorted(known.items())))
    return known[ident]


def _keys_file() -> Path:
    return cache_dir() / "fonts" / "keys.marshal"


@functools.cache
def _known_keys() -> dict[str, str]:
    """The content keys found so far, read once per process."""
    return _keys(load(_keys_file()))


def _keys(kept: object) -> dict[str, str]:
    """The well-formed entries of a kept key table: a key names a folder in the cache, so
    it is a hash and nothing else (never ``../``)."""
    if not isinstance(kept, dict):
        return {}
    return {
        ident: key
        for ident, key in kept.items()
        if isinstance(ident, str) and isinstance(key, str) and _KEY.fullmatch(key)
    }


def _ranges(codes: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for code in codes:
        if out and code == out[-1][1] + 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return [(low, high) for low, high in out]
