"""Fonts for the PDF: find the template's families on this machine, prepare them, cover text."""
