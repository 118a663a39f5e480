"""Checking finished documents (.docx, PDF) against a template, and learning one from them."""
