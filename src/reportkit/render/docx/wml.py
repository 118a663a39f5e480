"""WordprocessingML paragraphs and runs, built with ``render.markup``: a paragraph in a style,
its properties, runs of text in a character style, a field."""

from __future__ import annotations

from lxml import etree

from reportkit.render.markup import add, child

_HINTED_MARKS = frozenset("\u2014\u2018\u2019\u201c\u201d\u2026\u00b7")  # —‘’“”…·
_PRESERVE = {"xml:space": "preserve"}


def paragraph(parent: etree._Element, style_id: str | None = None) -> etree._Element:
    """A new paragraph at the end of ``parent`` (a body, a cell, a footer), in a style."""
    p = add(parent, "w:p")
    if style_id is not None:
        add(add(p, "w:pPr"), "w:pStyle", val=style_id)
    return p


def prop(p: etree._Element, tag: str, **attrs: object) -> etree._Element:
    """The paragraph property ``tag`` of ``p`` (a child of its w:pPr), with ``attrs`` added."""
    return child(child(p, "w:pPr"), tag, **attrs)


def run(
    p: etree._Element, content: str, style_id: str | None = None, scale: int | None = None
) -> etree._Element:
    """A run of text in a character style (or the paragraph's), scaled horizontally to
    ``scale`` per cent when below 100; tabs and line breaks as their own elements.  Quotes,
    dashes and ellipses take the Chinese face only with w:hint="eastAsia"."""
    r = add(p, "w:r")
    hinted = any(_hinted(char) for char in content)
    scaled = scale is not None and scale < 100
    if style_id or hinted or scaled:
        rpr = add(r, "w:rPr")
        if style_id:
            add(rpr, "w:rStyle", val=style_id)
        if hinted:
            add(rpr, "w:rFonts", hint="eastAsia")
        if scaled:
            # a line wider than the type area compressed to fit (字符缩放), as offices do by hand
            add(rpr, "w:w", val=scale)
    start = 0
    for index, char in enumerate(content):
        if char in "\t\r\n":
            text(r, content[start:index])
            add(r, "w:tab" if char == "\t" else "w:br")
            start = index + 1
    text(r, content[start:])
    return r


def text(r: etree._Element, value: str) -> None:
    """``value`` as the run's next w:t, its spaces kept when it starts or ends with one."""
    if value:
        add(r, "w:t", _PRESERVE if len(value.strip()) < len(value) else None, text=value)


def cell_run(p: etree._Element, value: str) -> etree._Element:
    """A run of a table cell or an end-block row: its spaces kept, quotes and dashes in the
    Chinese face (w:hint="eastAsia" whatever the text holds)."""
    r = add(p, "w:r")
    add(add(r, "w:rPr"), "w:rFonts", hint="eastAsia")
    add(r, "w:t", _PRESERVE, text=value)
    return r


def tab(p: etree._Element) -> None:
    """A run holding a tab character: to the paragraph's next tab stop."""
    add(add(p, "w:r"), "w:tab")


def line_break(p: etree._Element) -> None:
    """A run holding a line break."""
    add(add(p, "w:r"), "w:br")


def field(p: etree._Element, instruction: str, shown: str) -> None:
    """A complex field (``PAGE``) as its five runs: begin, instruction, separator, the value
    shown until the word processor updates it, end."""
    add(add(p, "w:r"), "w:fldChar", fldCharType="begin")
    add(add(p, "w:r"), "w:instrText", _PRESERVE, text=f" {instruction} ")
    add(add(p, "w:r"), "w:fldChar", fldCharType="separate")
    text(add(p, "w:r"), shown)
    add(add(p, "w:r"), "w:fldChar", fldCharType="end")


def _hinted(char: str) -> bool:
    # compared, not matched: a regular expression of these ranges takes milliseconds to compile
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" or char in _HINTED_MARKS
