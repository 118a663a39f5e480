"""Text inside XML, for the .docx parts and the PDF's XMP packet."""

from __future__ import annotations

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def escape(text: str) -> str:
    """``text`` as XML character data, as lxml writes it (xml.sax.saxutils would import
    urllib, http and ssl)."""
    return text.translate(_TEXT)
