"""reportkit: structured report content to official Chinese bulletins (GB/T 9704-2012)."""

__version__ = "0.1.0"
