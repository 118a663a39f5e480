"""Rules in the PDF: full-width and table rules drawn where the layout put them."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from reportkit.layout.pages import PlacedRule


def draw_rules(canvas: Canvas, rules: list[PlacedRule], height: float) -> None:
    """Draw the page's rules; ``height``: the page's, to turn top-down y upside down."""
    for rule in rules:
        canvas.setStrokeColor(HexColor(f"#{rule.colour}"))
        canvas.setLineWidth(rule.width)
        y1 = rule.y if rule.y1 is None else rule.y1
        canvas.line(rule.x0, height - rule.y, rule.x1, height - y1)
