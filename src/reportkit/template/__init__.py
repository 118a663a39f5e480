"""Templates: the official format as data (profile) plus Jinja2 text pieces."""
