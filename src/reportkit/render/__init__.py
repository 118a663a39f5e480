"""Renderers: one function per output format, ``render(document, template, fonts) -> Rendered``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple


class Rendered(NamedTuple):
    """A rendered file: its bytes, and its page count when the renderer knows it."""

    data: bytes
    pages: int | None = None


Renderer = Callable[..., Rendered]  # (document, template, fonts=None) -> Rendered

# format name → module holding ``render``; imported only when that format is asked for
FORMATS = {
    "docx": "reportkit.render.docx.writer",
    "pdf": "reportkit.render.pdf.writer",
}


def renderer(fmt: str) -> Renderer:
    """The render function of output format ``fmt``."""
    module = importlib.import_module(FORMATS[fmt])
    return module.render  # type: ignore[no-any-return]
