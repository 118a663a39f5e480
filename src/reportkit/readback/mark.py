"""Is a Word document one reportkit wrote, and with which template: the user-defined properties
reportkit writes (Word and LibreOffice keep them), else the template whose style names the
document's styles carry."""

from __future__ import annotations

from typing import Any, NamedTuple

from lxml import etree

from reportkit.errors import ReportkitError
from reportkit.render.docx.package import KIND_PROPERTY, TEMPLATE_PROPERTY
from reportkit.render.docx.styles import BODY, style_name
from reportkit.template import registry
from reportkit.template.registry import Template

_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Mark(NamedTuple):
    """A document reportkit wrote: its kind, the template it was built with (loaded), how
    that was told (for the summary), and what to check about it."""

    kind: str
    template: Template
    how: str
    note: str = ""


def recognise(
    document: Any, kind: str | None = None, chosen: Template | None = None
) -> Mark | None:
    """The kind and template of a document reportkit wrote (None for any other document);
    ``kind``: only a document of that kind counts (one of another kind is a draft to read as
    that kind); ``chosen``: the template it was built with (a house template), taken when the
    document has its styles."""
    named = properties(document)
    names = style_names(document)
    template = _named(named.get(TEMPLATE_PROPERTY, ""))
    if chosen is not None and labels(chosen) <= names:
        template, how = chosen, "按 --template 指定"
    elif template is not None:  # a style renamed by a word processor is read by its id
        how = "按文档属性识别"
    else:
        template, how = _by_labels(names, named.get(KIND_PROPERTY)), "按样式名称识别"
    if template is None or (kind is not None and template.profile.kind != kind):
        return None
    said = named.get(TEMPLATE_PROPERTY, "")
    note = ""
    if said and said != template.profile.name:
        note = (
            f"文件记下的模板是“{said}”，不是内置模板，已按“{template.profile.name}”读入："
            "如是自定义模板，请加 --template 指定后重新导入"
        )
    return Mark(template.profile.kind, template, how, note)


def properties(document: Any) -> dict[str, str]:
    """The document's user-defined properties that hold text, by name."""
    package = document.part.package
    part = next((r.target_part for r in package.rels.values() if r.reltype == _CUSTOM), None)
    if part is None:
        return {}
    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return {}
    return {
        prop.get("name", ""): "".join(prop.itertext()).strip()
        for prop in root
        if isinstance(prop.tag, str) and etree.QName(prop).localname == "property"
    }


def style_names(document: Any) -> set[str]:
    """The names and ids of the styles the document defines (reportkit writes a style's
    name as its id: a word processor that renames a style mostly keeps its id)."""
    found = set()
    for style in document.styles.element.iterchildren(f"{_W}style"):
        found.add(style.get(f"{_W}styleId", ""))
        for name in style.iterchildren(f"{_W}name"):
            found.add(name.get(f"{_W}val", ""))
    return found


def labels(template: Template) -> frozenset[str]:
    """The names a template gives its Word styles (the body's is Word's Normal)."""
    profile = template.profile
    return frozenset(style_name(profile, key) for key in profile.styles if key != BODY)


def _named(name: str) -> Template | None:
    """The built-in template called ``name`` (None when there is none)."""
    if not name or name not in registry.builtin_names():
        return None
    try:
        return registry.load(name)
    except ReportkitError:
        return None


def _by_labels(names: set[str], kind: str | None) -> Template | None:
    """The built-in template all of whose style names the document has (of ``kind`` when
    given), the one with most styles when several have (a report's extends a bulletin's)."""
    found = []
    for name in registry.builtin_names():
        template = _named(name)
        if template is None or (kind is not None and template.profile.kind != kind):
            continue
        own = labels(template)
        if own <= names:
            found.append((len(own), name, template))
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None
