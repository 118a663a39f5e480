"""Text inside XML, for the .docx parts and the PDF's XMP packet."""

from __future__ import annotations


def escape(text: str) -> str:
    """``text`` as XML character data (xml.sax.saxutils would import urllib, http and ssl)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
