"""The Word renderer: every part of the .docx built as XML with ``render.markup``."""
