"""Entry point for ``python -m reportkit``."""

from reportkit.cli import entry

entry()
