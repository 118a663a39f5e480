"""The Word renderer: python-docx on the project's own base document."""
