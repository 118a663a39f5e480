"""Drafts as officials hand them in — plain text, Markdown, Word — read into the article model."""
