"""The PDF renderer: a Chinese grid typesetter on the reportlab canvas, then PDF/A-2a."""
