"""A .docx as Word sets it: its parts, the formatting Word applies, its paragraphs and pages."""
