"""Renderers: one function per output format, ``render(document, template, fonts) -> bytes``."""

from __future__ import annotations

import importlib
from collections.abc import Callable

Renderer = Callable[..., bytes]  # (document, template, fonts=None) -> bytes

# format name → module holding ``render``; imported only when that format is asked for
FORMATS = {
    "docx": "reportkit.render.docx.writer",
    "pdf": "reportkit.render.pdf.writer",
}


def renderer(fmt: str) -> Renderer:
    """The render function of output format ``fmt``."""
    module = importlib.import_module(FORMATS[fmt])
    return module.render  # type: ignore[no-any-return]
