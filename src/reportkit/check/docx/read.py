"""Reading a .docx for checking: every paragraph of the body (tables included) with its
runs as Word formats them, the drawings, text boxes and tracked changes in it, each section's
page setup and footers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from reportkit.check.docx.model import EMU, Block, Document, Drawing, Para, Run, Section, Table
from reportkit.check.docx.numbering import Numbering
from reportkit.check.docx.package import Package, open_docx
from reportkit.check.docx.resolve import Styles, Theme, W

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
V = "{urn:schemas-microsoft-com:vml}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# tracked changes left in, as Word's review pane names them
REVISIONS = {
    "ins": "插入",
    "del": "删除",
    "moveFrom": "移动",
    "moveTo": "移动",
    "rPrChange": "格式更改",
    "pPrChange": "格式更改",
    "sectPrChange": "页面设置更改",
    "tblPrChange": "表格更改",
    "trPrChange": "表格更改",
    "tcPrChange": "表格更改",
    "numberingChange": "编号更改",
}
# elements whose runs are shown as the paragraph's text
_CONTAINERS = {"hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple"}
_CONTAINERS |= {"customXml", "dir", "bdo"}
_COLOURS = {"red": "FF0000", "black": "000000", "blue": "0000FF", "green": "008000"}


def read(path: Path) -> Document:
    """The .docx at ``path`` as read for checking (a DocumentError when it cannot be read)."""
    package = open_docx(path)
    return Reader(package).document()


class Reader:
    """One document's parts, read once in order."""

    def __init__(self, package: Package):
        self.package = package
        self.root = package.xml(package.main)
        settings = package.part("settings")
        lang = settings.find(f"{W}themeFontLang") if settings is not None else None
        self.language = lang.get(f"{W}eastAsia") if lang is not None else None
        self.even_and_odd = settings is not None and _flag(settings.find(f"{W}evenAndOddHeaders"))
        self.tracking = settings is not None and _flag(settings.find(f"{W}trackRevisions"))
        body = self.root.find(f"{W}body")
        if body is None:
            raise package.refused("不是 Word 文档：正文部分是空的")
        self.body = body
        final = body.find(f"{W}sectPr")
        grid = final.find(f"{W}docGrid") if final is not None else None
        pitch = _twips(grid, "linePitch") if grid is not None else None
        self.styles = Styles(package.part("styles"), Theme(package.part("theme"), self.language))
        self.styles.pitch = pitch
        self.numbering = Numbering(package.part("numbering"))
        self.count = 0
        self.paras: list[Para] = []
        self.elements: list[etree._Element] = []  # the w:p of each numbered paragraph
        self.section_properties: list[etree._Element] = []

    def document(self) -> Document:
        """The whole document."""
        blocks = list(self._blocks(self.body, in_table=False))
        final = self.body.find(f"{W}sectPr")
        self.section_properties.append(final if final is not None else etree.Element(f"{W}sectPr"))
        sections = self._sections()
        return Document(
            path=self.package.path,
            blocks=blocks,
            paras=self.paras,
            sections=sections,
            styles=self.styles,
            even_and_odd=self.even_and_odd,
            track_revisions=self.tracking,
            alternates=self._alternates(),
            language=self.language,
            application=self._application(),
        )

    # the body ---------------------------------------------------------------------------

    def _blocks(self, parent: etree._Element, in_table: bool) -> Iterator[Block]:
        for child in parent:
            tag = child.tag
            if tag == f"{W}p":
                yield self._paragraph(child, in_table)
            elif tag == f"{W}tbl":
                yield self._table(child)
            elif tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                yield from self._blocks(content if content is not None else child, in_table)
            elif tag in (f"{W}ins", f"{W}moveTo"):
                yield from self._blocks(child, in_table)

    def _table(self, table: etree._Element) -> Table:
        rows, heights, header = [], [], 0
        for row in table.iter(f"{W}tr"):
            if row.getparent() is not table:
                continue
            cells = []
            for cell in row.findall(f"{W}tc"):
                cells.append([b for b in self._blocks(cell, True) if isinstance(b, Para)])
            rows.append(cells)
            height = row.find(f"{W}trPr/{W}trHeight")
            heights.append((_twips(height, "val") or 0.0) if height is not None else 0.0)
            if row.find(f"{W}trPr/{W}tblHeader") is not None and len(rows) == header + 1:
                header += 1
        spec = table.find(f"{W}tblPr/{W}tblpPr")
        foot = spec is not None and spec.get(f"{W}tblpYSpec") == "bottom"
        return Table(rows, heights, header, _lines(table), foot)

    def _paragraph(self, p: etree._Element, in_table: bool, numbered: bool = True) -> Para:
        ppr = p.find(f"{W}pPr")
        fmt = self.styles.paragraph(ppr)
        if numbered:
            self.count += 1
            self.elements.append(p)
        para = Para(
            number=self.count if numbered else 0,
            text="",
            runs=[],
            fmt=fmt,
            style_name=self.styles.name(fmt.style),
            in_table=in_table,
            section=len(self.section_properties),
        )
        if fmt.numbering is not None:
            para.label = self.numbering.label(*fmt.numbering)
        if ppr is not None:
            for change in ppr.iter(f"{W}pPrChange", f"{W}rPrChange", f"{W}sectPrChange"):
                para.revisions.append(REVISIONS[etree.QName(change).localname])
            closing = ppr.find(f"{W}sectPr")
            if closing is not None and not in_table:
                para.ends_section = True
                self.section_properties.append(closing)
        self._content(p, fmt.style, para, [False])
        para.text = para.label + "".join(run.text for run in para.runs)
        if numbered:
            self.paras.append(para)
        return para

    def _content(
        self, parent: etree._Element, style: str | None, para: Para, field: list[bool]
    ) -> None:
        """The runs under ``parent`` in order; ``field``: inside a field's instruction."""
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            space = child.tag[: child.tag.index("}") + 1] if child.tag.startswith("{") else ""
            if space == MC and name == "AlternateContent":
                choice = child.find(f"{MC}Choice")
                self._content(choice if choice is not None else child, style, para, field)
            elif space != W:
                continue
            elif name == "r":
                self._run(child, style, para, field)
            elif name in ("del", "moveFrom"):
                para.revisions.append(REVISIONS[name])
            elif name in _CONTAINERS:
                if name in REVISIONS:
                    para.revisions.append(REVISIONS[name])
                if name == "fldSimple":
                    para.fields.append((child.get(f"{W}instr") or "").strip())
                self._content(child, style, para, field)

    def _run(self, r: etree._Element, style: str | None, para: Para, field: list[bool]) -> None:
        rpr = r.find(f"{W}rPr")
        run_style = None
        if rpr is not None:
            named = rpr.find(f"{W}rStyle")
            run_style = named.get(f"{W}val") if named is not None else None
            if rpr.find(f"{W}rPrChange") is not None:
                para.revisions.append(REVISIONS["rPrChange"])
        fmt = self.styles.run(style, run_style, rpr)
        text: list[str] = []
        for child in r:
            name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if name == "fldChar":
                kind = child.get(f"{W}fldCharType")
                field[0] = kind == "begin"
            elif name == "instrText":
                para.fields.append((child.text or "").strip())
            elif field[0]:
                continue
            elif name == "t":
                text.append(child.text or "")
            elif name == "tab":
                text.append("\t")
            elif name in ("br", "cr"):
                if child.get(f"{W}type") == "page":
                    para.page_breaks += 1
                else:
                    text.append("\n")
            elif name == "noBreakHyphen":
                text.append("-")
            elif name == "sym":
                code = child.get(f"{W}char", "")
                text.append(_symbol(code))
            elif name == "drawing":
                para.drawings += _drawings(child, self)
            elif name == "pict":
                para.drawings += _vml(child, self)
            elif name == "AlternateContent":
                choice = child.find(f"{MC}Choice")
                for inner in choice if choice is not None else ():
                    if inner.tag == f"{W}drawing":
                        para.drawings += _drawings(inner, self)
                    elif inner.tag == f"{W}pict":
                        para.drawings += _vml(inner, self)
        if text:
            para.runs.append(Run("".join(text), fmt, self.styles.name(run_style)))

    def box_text(self, content: etree._Element) -> str:
        """The text of a text box's paragraphs, one line each."""
        lines = []
        for p in content.iter(f"{W}p"):
            lines.append(self._paragraph(p, True, numbered=False).text)
        return "\n".join(line for line in lines if line)

    # sections ---------------------------------------------------------------------------

    def _sections(self) -> list[Section]:
        sections: list[Section] = []
        inherited: dict[str, dict[str, list[Para]]] = {"footer": {}, "header": {}}
        for properties in self.section_properties:
            section = _section(properties)
            for kind in ("footer", "header"):
                parts = dict(inherited[kind])  # a section without its own keeps the last one's
                for ref in properties.findall(f"{W}{kind}Reference"):
                    found = self.package.related.get(ref.get(R_ID, ""))
                    if found is not None and found[1] in self.package.names:
                        part = self.package.xml(found[1])
                        parts[ref.get(f"{W}type", "default")] = [
                            self._paragraph(p, False, numbered=False) for p in part.iter(f"{W}p")
                        ]
                inherited[kind] = parts
                setattr(section, f"{kind}s", parts)
            sections.append(section)
        return sections

    def _alternates(self) -> dict[str, str]:
        table = self.package.part("fontTable")
        found = {}
        if table is not None:
            for font in table.iter(f"{W}font"):
                alt = font.find(f"{W}altName")
                if alt is not None and alt.get(f"{W}val"):
                    found[font.get(f"{W}name", "")] = alt.get(f"{W}val", "")
        return found

    def _application(self) -> str:
        if "docProps/app.xml" not in self.package.names:
            return ""
        found = self.package.xml("docProps/app.xml").find(f"{EP}Application")
        return (found.text or "") if found is not None else ""


def _section(properties: etree._Element) -> Section:
    size = properties.find(f"{W}pgSz")
    margins = properties.find(f"{W}pgMar")
    grid = properties.find(f"{W}docGrid")
    kind = properties.find(f"{W}type")

    def length(element: etree._Element | None, name: str, default: float) -> float:
        found = _twips(element, name) if element is not None else None
        return found if found is not None else default

    char_space = _number(grid, "charSpace") if grid is not None else None
    grid_type = grid.get(f"{W}type") if grid is not None else None
    return Section(
        width=length(size, "w", 612.0),
        height=length(size, "h", 792.0),
        top=abs(length(margins, "top", 72.0)),
        bottom=abs(length(margins, "bottom", 72.0)),
        left=length(margins, "left", 90.0),
        right=length(margins, "right", 90.0),
        footer=length(margins, "footer", 36.0),
        grid=grid_type if grid_type else None,
        pitch=_twips(grid, "linePitch") if grid is not None else None,
        char_space=char_space / 4096 if char_space is not None else None,
        start=kind.get(f"{W}val", "nextPage") if kind is not None else "nextPage",
        title_page=_flag(properties.find(f"{W}titlePg")),
    )


def _lines(table: etree._Element) -> list[str]:
    """The colours of the horizontal borders a table draws, its own and its cells'."""
    found = []
    for borders in table.iter(f"{W}tblBorders", f"{W}tcBorders"):
        for side in ("top", "bottom", "insideH"):
            line = borders.find(f"{W}{side}")
            if line is None or line.get(f"{W}val") in (None, "nil", "none"):
                continue
            colour = (line.get(f"{W}color") or "auto").upper()
            found.append("000000" if colour == "AUTO" else colour)
    return found


def _drawings(drawing: etree._Element, reader: Reader) -> list[Drawing]:
    found = []
    for placed in drawing:
        inline = placed.tag == f"{WP}inline"
        extent = placed.find(f"{WP}extent")
        height = int(extent.get("cy", "0")) / EMU if extent is not None else 0.0
        offset = placed.find(f"{WP}positionV/{WP}posOffset")
        down = int(offset.text or "0") / EMU if offset is not None and offset.text else None
        for shape in placed.iter(f"{WPS}wsp", f"{PIC}pic"):
            if shape.tag == f"{PIC}pic":
                found.append(Drawing("picture", height=height, inline=inline, offset=down))
                continue
            box = shape.find(f"{WPS}txbx/{W}txbxContent")
            line = shape.find(f"{WPS}spPr/{A}ln")
            colour = line.find(f"{A}solidFill/{A}srgbClr") if line is not None else None
            geometry = shape.find(f"{WPS}spPr/{A}prstGeom")
            is_line = shape.find(f"{WPS}cNvCnPr") is not None or (
                geometry is not None and geometry.get("prst") in ("line", "straightConnector1")
            )
            found.append(
                Drawing(
                    "textbox" if box is not None else "line" if is_line else "shape",
                    colour=colour.get("val", "").upper() if colour is not None else None,
                    width=int(line.get("w", "9525")) / EMU if line is not None else 0.0,
                    height=height,
                    inline=inline,
                    offset=down,
                    text=reader.box_text(box) if box is not None else "",
                )
            )
    return found


def _vml(pict: etree._Element, reader: Reader) -> list[Drawing]:
    found = []
    for shape in pict:
        if not isinstance(shape.tag, str) or not shape.tag.startswith(V):
            continue
        box = shape.find(f".//{W}txbxContent")
        colour = _vml_colour(shape.get("strokecolor"))
        weight = _points(shape.get("strokeweight") or "0.75pt")
        if box is not None:
            found.append(Drawing("textbox", colour, weight, text=reader.box_text(box)))
        elif shape.tag == f"{V}line":
            found.append(Drawing("line", colour, weight))
        elif shape.find(f"{V}imagedata") is not None:
            found.append(Drawing("picture"))
        else:
            found.append(Drawing("shape", colour, weight))
    return found


def _vml_colour(value: str | None) -> str | None:
    if not value:
        return None
    value = value.split()[0].strip().lower()
    if value.startswith("#"):
        return value[1:].upper()
    return _COLOURS.get(value)


def _points(value: str) -> float:
    value = value.strip()
    units = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "px": 0.75}
    for unit, factor in units.items():
        if value.endswith(unit):
            try:
                return float(value[: -len(unit)]) * factor
            except ValueError:
                return 0.0
    try:
        return float(value) / EMU
    except ValueError:
        return 0.0


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return chr(value - 0xF000) if 0xF020 <= value <= 0xF0FF else chr(value)


def _flag(element: etree._Element | None) -> bool:
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false", "off")


def _number(element: etree._Element | None, name: str) -> float | None:
    if element is None:
        return None
    value = element.get(f"{W}{name}")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _twips(element: etree._Element | None, name: str) -> float | None:
    value = _number(element, name)
    return value / 20 if value is not None else None
