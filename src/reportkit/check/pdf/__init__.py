"""A PDF as printed: its pages, lines, fonts and rules."""
