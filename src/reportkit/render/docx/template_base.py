"""The parts of a .docx its template decides — styles, settings, the page and its page-number
footers — added to a package before the body is written."""

from __future__ import annotations

from reportkit.compose.page import Document
from reportkit.render.docx import page, styles
from reportkit.render.docx.package import SETTINGS_TYPE, STYLES_TYPE, Package
from reportkit.template.profile import Profile


def add(package: Package, profile: Profile, document: Document) -> dict[str, str]:
    """Add the styles, the settings, the footers of odd and even pages with ``document``'s
    page-number marks, and the body's section properties; the Word style id of each template
    style, by its key."""
    part, ids = styles.part(profile)
    package.relate("word/styles.xml", part, STYLES_TYPE, "styles")
    package.relate("word/settings.xml", page.settings(profile), SETTINGS_TYPE, "settings")
    marks, style = document.page_number, ids["page_number"]
    odd = package.add_footer(page.footer(profile, profile.page_number.odd, marks, style))
    even = package.add_footer(page.footer(profile, profile.page_number.even, marks, style))
    page.section(package.body, profile, (odd, even))
    return ids
