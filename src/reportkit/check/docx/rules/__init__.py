"""The rules a .docx is checked by, each module one group: page, text, head, tail, hygiene."""
