"""Renderers: one function per output format, ``render(pages, template, fonts) -> Rendered``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple


class Rendered(NamedTuple):
    """A rendered file: its bytes, and its page count when the renderer knows it."""

    data: bytes
    pages: int | None = None


Renderer = Callable[..., Rendered]  # (pages, template, fonts=None, prepared=None) -> Rendered


class Format(NamedTuple):
    """An output format: the module holding its ``render``, imported only when the format is
    asked for, and whether it draws the layout's glyph runs (the .docx lets the word
    processor set its own lines and needs only the pagination)."""

    module: str
    glyphs: bool


FORMATS = {
    "docx": Format("reportkit.render.docx.writer", glyphs=False),
    "pdf": Format("reportkit.render.pdf.writer", glyphs=True),
}


def renderer(fmt: str) -> Renderer:
    """The render function of output format ``fmt``."""
    module = importlib.import_module(FORMATS[fmt].module)
    return module.render  # type: ignore[no-any-return]
