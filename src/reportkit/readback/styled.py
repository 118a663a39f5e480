"""A Word document reportkit wrote as a list of styled paragraphs: each with the template style
its Word style is (by name), its text in spans of their character styles, line breaks and the
tab before a right-hand part kept; the 版记's frame paragraphs (or the text box LibreOffice
makes of the frame) marked; pictures and tables as figures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree

from reportkit.render.docx.styles import BODY, style_name
from reportkit.template.profile import Profile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# what is not the paragraph's own text: deleted text (tracked changes), the copy of a drawing
# for older readers, a text box's paragraphs (read as paragraphs of their own)
_SKIPPED = frozenset(
    {f"{W}del", f"{W}moveFrom", f"{_MC}Fallback", f"{W}txbxContent", f"{W}pPr", f"{W}rPr"}
)
EMU_PER_POINT = 12700


class Span(NamedTuple):
    """Text in one character style (the template style's key; "" for none)."""

    text: str
    style: str


@dataclass
class Styled:
    """One paragraph (or table) of the document: its number among the body's elements (the
    line a note names), its template style ("" when the style is none of the template's) and
    Word's name for it, its spans (line breaks as \\n, tabs as \\t), whether it is in the
    版记's frame, its pictures, or the table it is."""

    number: int
    style: str
    name: str
    spans: list[Span] = field(default_factory=list)
    framed: bool = False
    pictures: list[dict[str, Any]] = field(default_factory=list)
    table: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        """All the paragraph's text, line breaks and tabs included."""
        return "".join(span.text for span in self.spans)

    @property
    def plain(self) -> str:
        """The text without line breaks and tabs, stripped."""
        return self.text.replace("\n", "").replace("\t", "").strip()

    @property
    def empty(self) -> bool:
        """A paragraph with no text, picture or table (a blank line, the 版记's anchor)."""
        return not self.plain and not self.pictures and self.table is None


def read(document: Any, profile: Profile) -> list[Styled]:
    """The document's paragraphs and tables in order, empty paragraphs left out."""
    keys = _keys(document, profile)
    out: list[Styled] = []
    body = document.element.body
    for number, element in enumerate(body.iterchildren(), start=1):
        for made in _element(element, number, keys, document, framed=False):
            if not made.empty:
                out.append(made)
    return out


def _keys(document: Any, profile: Profile) -> dict[str, tuple[str, str]]:
    """Each style id of the document → (the template style's key or "", the style's name):
    known by its name, or by its id when a word processor renamed it (reportkit gives a
    style its name as its id)."""
    by_name = {style_name(profile, key): key for key in profile.styles}
    by_name.setdefault("Normal", BODY)
    by_id = {name.replace(" ", ""): key for name, key in by_name.items()}
    keys: dict[str, tuple[str, str]] = {}
    for style in document.styles.element.iterchildren(f"{W}style"):
        ident = style.get(f"{W}styleId", "")
        named = style.find(f"{W}name")
        name = named.get(f"{W}val", "") if named is not None else ""
        keys[ident] = (by_name.get(name) or by_id.get(ident, ""), name)
    return keys


def _element(
    element: etree._Element,
    number: int,
    keys: dict[str, tuple[str, str]],
    document: Any,
    framed: bool,
) -> Iterator[Styled]:
    """The paragraphs an element of a body (or a text box) holds."""
    if element.tag == f"{W}p":
        yield from _paragraph(element, number, keys, document, framed)
    elif element.tag == f"{W}tbl":
        yield Styled(number, "", "", table=_table(element), framed=framed)
    elif element.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
        for inner in element.iterchildren():  # content controls and the like: their content
            yield from _element(inner, number, keys, document, framed)


def _paragraph(
    p: etree._Element,
    number: int,
    keys: dict[str, tuple[str, str]],
    document: Any,
    framed: bool,
) -> Iterator[Styled]:
    """A paragraph, then the paragraphs of any text box it anchors (LibreOffice saves the
    版记's frame as one)."""
    ppr = p.find(f"{W}pPr")
    ident = ""
    if ppr is not None:
        styled = ppr.find(f"{W}pStyle")
        ident = styled.get(f"{W}val", "") if styled is not None else ""
        framed = framed or ppr.find(f"{W}framePr") is not None
    style, name = keys.get(ident, ("", ident)) if ident else (BODY, "Normal")
    made = Styled(number, style, name, framed=framed)
    for run in _runs(p):
        _run(run, made, keys, document)
    yield made
    for box in _text_boxes(p):
        for inner in box.iterchildren():
            yield from _element(inner, number, keys, document, framed=True)


def _runs(parent: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph in order (inside hyperlinks, fields, insertions …), not those
    deleted, of a drawing's fallback copy or of a text box."""
    for child in parent.iterchildren():
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        if child.tag == f"{W}r":
            yield child
        else:
            yield from _runs(child)


def _run(run: etree._Element, made: Styled, keys: dict[str, tuple[str, str]], doc: Any) -> None:
    """Add a run's text (in its character style) and pictures to ``made``."""
    rpr = run.find(f"{W}rPr")
    styled = rpr.find(f"{W}rStyle") if rpr is not None else None
    style = keys.get(styled.get(f"{W}val", ""), ("", ""))[0] if styled is not None else ""
    text = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == f"{W}t":
            text.append(child.text or "")
        elif tag == f"{W}tab":
            text.append("\t")
        elif tag == f"{W}cr" or (
            tag == f"{W}br" and child.get(f"{W}type") in (None, "textWrapping")
        ):
            text.append("\n")  # a line break (a page break is no text)
        elif tag in (f"{W}drawing", f"{_MC}AlternateContent"):
            made.pictures += _pictures(child, doc)
    if text:
        joined = "".join(text)
        if made.spans and made.spans[-1].style == style:
            made.spans[-1] = Span(made.spans[-1].text + joined, style)
        else:
            made.spans.append(Span(joined, style))


def _pictures(drawing: etree._Element, document: Any) -> list[dict[str, Any]]:
    """The pictures a drawing holds: bytes, file extension, width in points, and whether it
    floats (a seal over the signature) or stands in the line (a photo)."""
    found = []
    for blip in drawing.iter(f"{_A}blip"):
        if any(a.tag == f"{_MC}Fallback" for a in blip.iterancestors()):
            continue
        part = document.part.related_parts.get(blip.get(f"{_R}embed"))
        if part is None or not getattr(part, "blob", None):
            continue
        holder = next(a for a in blip.iterancestors() if a.tag in (f"{_WP}inline", f"{_WP}anchor"))
        extent = holder.find(f"{_WP}extent")
        width = int(extent.get("cx", "0")) / EMU_PER_POINT if extent is not None else 0.0
        found.append(
            {
                "image": part.blob,
                "ext": Path(str(part.partname)).suffix.lower() or ".png",
                "width": width,
                "floating": holder.tag == f"{_WP}anchor",
            }
        )
    return found


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """The text boxes a paragraph anchors (not the fallback copies of them)."""
    return [
        box
        for box in p.iter(f"{W}txbxContent")
        if not any(a.tag in (f"{_MC}Fallback", f"{W}txbxContent") for a in box.iterancestors())
    ]


def _table(table: etree._Element) -> dict[str, Any]:
    """A table's rows of cell texts and its columns' widths (twips)."""
    rows = []
    for row in table.iterchildren(f"{W}tr"):
        cells = []
        for cell in row.iterchildren(f"{W}tc"):
            texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p")]
            cells.append("".join(texts).strip())
        rows.append(cells)
    widths = [int(c.get(f"{W}w", "0") or 0) for c in table.iter(f"{W}gridCol")]
    return {"rows": rows, "widths": widths}
