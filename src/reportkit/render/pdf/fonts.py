"""Which registered reportlab font sets each character of a document, per style."""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth

from reportkit.compose.page import Document
from reportkit.errors import Problem
from reportkit.fonts import charsets, coverage
from reportkit.fonts.prepare import Prepared
from reportkit.fonts.resolve import FontSet
from reportkit.render.pdf import fontload
from reportkit.template.profile import Profile
from reportkit.typeset.metrics import StandardMetrics


@functools.cache
def register(path: Path) -> str:
    """Register a TrueType file with reportlab once per process; its font name.

    reportlab keeps one font per PostScript name: a second file with the same name (a
    supplement of rare characters, cut from the same face) would silently be drawn with the
    first one's glyphs.  A supplement is therefore named after its content hash, and a second
    face under a name already taken after its font's.
    """
    name = f"rk{len(_registered)}-{path.stem}"
    font = fontload.load(name, path)
    font.face.name = unique_face_name(font.face.name, path)
    pdfmetrics.registerFont(font)
    _registered[name] = path
    return name


def registered_file(name: str) -> Path | None:
    """The prepared font file registered as ``name`` (None: no font of that name)."""
    return _registered.get(name)


def unique_face_name(face_name: bytes, path: Path) -> bytes:
    """The name a prepared font file is embedded under: its own for the base file, with the
    supplement's hash for a supplement, with the font's hash where the name is taken."""
    if path.stem != "base":
        face_name += b"-S" + path.stem.rpartition("-")[2][:6].encode("ascii", "replace")
    if face_name in pdfmetrics._dynFaceNames:
        face_name += b"-" + path.parent.name[:8].encode("ascii", "replace")
    return face_name


_registered: dict[str, Path] = {}  # name → the prepared file, in the order registered


class Faces:
    """The fonts of one document: every character checked, supplements made where needed."""

    def __init__(self, document: Document, profile: Profile, fonts: FontSet):
        self.profile = profile
        self.fonts = fonts
        self._roles = {name: profile.style(name).font or "" for name in profile.styles}
        self._names: dict[tuple[str, str], str] = {}
        self._advances: dict[tuple[str, str, float], float] = {}
        self._glyphs: dict[tuple[str, float], dict[str, tuple[float, str | None]]] = {}
        self._plain: dict[tuple[str, float], dict[str, str | None]] = {}
        self.metrics = StandardMetrics(profile)  # the widths the layout gave every glyph
        self._document = document
        found = coverage.covered(document, profile, fonts)
        self._origins = found.origins  # first use of each char
        files: dict[tuple[Prepared, int], Path] = {}
        for face, codes in found.needed.items():
            extra = frozenset(c for c in codes if not charsets.in_base(c))
            supplement = face.supplement(extra) if extra else None
            for code in codes:
                files[(face, code)] = supplement if code in extra and supplement else face.file
        drawn: dict[str, set[int]] = {}  # registered name → the characters it draws
        for role, char in found.drawn:
            chosen = fonts.face(role, char)
            assert chosen is not None
            name = self._names[(role, char)] = register(files[(chosen, ord(char))])
            drawn.setdefault(name, set()).add(ord(char))
        for name, codes in drawn.items():
            fontload.learn(pdfmetrics.getFont(name), codes)

    def describe_missing(self, char: str, font: str) -> Problem:
        """The problem of ``char`` drawn with ``font``, which has no glyph for it."""
        role, origin = self._origins.get(char, ("", ()))
        return coverage.missing(char, role, origin, self._document, font)

    def font(self, style: str, char: str) -> str | None:
        """The registered font name that sets ``char`` in ``style`` (None: a space no font has)."""
        return self._names.get((self._roles[style], char))

    def glyph(self, style: str, char: str, size: float) -> tuple[float, str | None]:
        """How far ``char`` moves the pen, and its font: the two questions asked of every glyph
        drawn, answered with one look-up once asked (``known``)."""
        known = self.known(style, size)
        found = known.get(char)
        if found is None:
            found = known[char] = (self.advance(style, char, size), self.font(style, char))
        return found

    def plain(self, style: str, size: float) -> dict[str, str | None]:
        """The font of each character of ``style`` at ``size`` asked so far, when its advance
        is the one the document's metrics give it (a glyph drawn with it lands where the
        layout put it); None for any other."""
        table = self._plain.get((style, size))
        if table is None:
            table = self._plain[(style, size)] = {}
        return table

    def is_plain(self, style: str, char: str, size: float) -> str | None:
        """The font that sets ``char`` in ``style`` when its advance is the layout's."""
        table = self.plain(style, size)
        if char not in table:
            advance, font = self.glyph(style, char, size)
            table[char] = font if advance == self.metrics.advance(style, char, size) else None
        return table[char]

    def known(self, style: str, size: float) -> dict[str, tuple[float, str | None]]:
        """What ``glyph`` has answered for ``style`` at ``size``, by character."""
        table = self._glyphs.get((style, size))
        if table is None:
            table = self._glyphs[(style, size)] = {}
        return table

    def advance(self, style: str, char: str, size: float) -> float:
        """How far ``char`` moves the pen."""
        key = (style, char, size)
        found = self._advances.get(key)
        if found is None:
            font = self.font(style, char)
            if font is None:
                found = size if unicodedata.east_asian_width(char) in "FW" else size / 4
            else:
                found = _ADVANCES.get((font, char, size))
                if found is None:
                    found = _ADVANCES[(font, char, size)] = stringWidth(char, font, size)
            self._advances[key] = found
        return found


# advances of (registered font, character, size): the same for every document of a process
_ADVANCES: dict[tuple[str, str, float], float] = {}
