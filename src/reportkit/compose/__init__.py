"""Composing: content × format → a format-neutral document (numbering, lines, texts resolved)."""
