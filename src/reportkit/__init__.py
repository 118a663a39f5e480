"""reportkit: structured report content to official Chinese bulletins (GB/T 9704-2012)."""

from reportkit import pydantic_plugins

__version__ = "0.1.0"

pydantic_plugins.switch_off()
