"""Typesetting rules shared by composing, laying out and rendering: character widths, cells
on the grid, Chinese line breaking."""
