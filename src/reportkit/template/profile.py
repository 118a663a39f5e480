"""The official format as data: page, grid, fonts, styles, geometry — all in physical units."""

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from reportkit.source.kinds import KindName
from reportkit.template.units import FontSize, Length, between

# A colour in the colours table: #RRGGBB
Colour = Annotated[
    str,
    Field(
        pattern=r"^#[0-9A-Fa-f]{6}$",
        title="颜色",
        description="“#”加六位十六进制数",
        examples=["#C00000"],
    ),
]


class Data(BaseModel):
    """Base: unknown keys rejected (a misspelt setting must not be ignored silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Page(Data):
    """Paper and type area (版心), GB/T 9704 §5.2."""

    width: Length = between(50, 2000, "纸张宽度", "mm")
    height: Length = between(50, 2000, "纸张高度", "mm")
    margin_top: Length = between(0, 2000, "天头（上白边）", "mm")
    margin_left: Length = between(0, 2000, "订口（左白边）", "mm")
    type_width: Length = between(10, 2000, "版心宽度", "mm")
    type_height: Length = between(10, 2000, "版心高度", "mm")

    @property
    def margin_right(self) -> float:
        """Right margin, derived from the type width."""
        return self.width - self.margin_left - self.type_width

    @property
    def margin_bottom(self) -> float:
        """Bottom margin, derived from the type height."""
        return self.height - self.margin_top - self.type_height


class Grid(Data):
    """Lines per page and characters per line."""

    lines: int = between(1, 200, "每页行数")
    chars: int = between(1, 200, "每行字数")
    line_pitch: Length = between(1, 200, "行距", "pt")
    docx_grid: Literal["lines", "linesAndChars"] = "lines"
    # added to every character's advance in both outputs (Word's character spacing): 28
    # characters of 三号 fill the 156 mm line
    character_spacing: Length = between(-10, 10, "字距", "pt", default=0.0)
    em_ascent: float = between(0.5, 1, "基线以上的字身比例", default=0.88)


class FontRole(Data):
    """Families for one role, most wanted first: Chinese and Latin."""

    east_asian: list[str] = Field(min_length=1)
    latin: list[str] = Field(min_length=1)
    # a font file for the role instead of looking families up: {east_asian: path, latin: path}
    files: dict[Literal["east_asian", "latin"], str] = {}
    # how wide the Latin face sets letters and digits: Times New Roman's widths, or half an
    # em each (宋体 and the other Chinese faces, named for Latin text too)
    latin_widths: Literal["times", "half_em"] = "times"


class FontFace(Data):
    """What Word needs to stand in for a face a machine lacks (its font table, ECMA-376
    §17.8.3): another name to try (仿宋_GB2312 → 仿宋), its PANOSE classification, character
    set (134: GB2312) and family, so that it never falls to a Japanese or Latin face."""

    alt: str | None = None
    panose: str = Field(
        pattern=r"^[0-9A-Fa-f]{20}$",
        title="PANOSE 编码",
        description="二十位十六进制数",
        examples=["02010609030101010101"],
    )
    charset: int = between(0, 255, "字符集", default=134)
    family: Literal["roman", "swiss", "modern", "script", "decorative", "auto"] = "auto"
    pitch: Literal["fixed", "variable", "default"] = "default"


class Style(Data):
    """How one kind of text is set.  Indents and vertical spaces count characters / grid lines."""

    label: str | None = None
    character: bool = False  # a style for runs inside paragraphs (a lead sentence, a name)
    # the heading level of text in this style (1: a title, 2: a section heading …): Word's
    # navigation pane and table of contents, the PDF's bookmarks and structure
    outline_level: int | None = between(1, 9, "大纲级别", "级", default=None)
    font: str | None = None
    size: FontSize | None = None
    colour: str | None = None
    bold: bool = False
    align: Literal["left", "right", "center", "justify"] | None = None
    first_line_indent: float = between(0, 50, "首行缩进", "字", default=0)
    indent_left: float = between(0, 50, "左缩进", "字", default=0)
    indent_right: float = between(0, 50, "右缩进", "字", default=0)
    line_height: float = between(0.25, 20, "行高", "行", default=1)
    space_before: float = between(0, 200, "段前空行", "行", default=0)
    space_after: float = between(0, 200, "段后空行", "行", default=0)
    keep_with_next: bool = False
    widow_control: bool = False
    grid: bool = False
    # in Word, round each line up to whole grid lines; false for faces taller than their em,
    # which would otherwise take an extra line (their exact height is whole lines already)
    snap_to_grid: bool = True
    # the first line's top edge this far below the type area's top (发文机关标志: 35 mm)
    top: Annotated[Length, between(0, 2000, "距版心上边缘", "mm")] | None = None
    # wrapped lines line up after the first of these marks (报：…, 出席：…)
    hang_after: str | None = None
    # a line too wide is compressed horizontally to the type width (字符缩放), not wrapped;
    # a line that would need more than ``shrink_limit`` is refused: it would not be legible
    shrink_to_fit: bool = False
    shrink_limit: float = between(10, 100, "最小字符缩放", "%", default=50)


class RuleData(Data):
    """A full-width horizontal rule.  In the flow it takes no room: ``below_baseline`` puts it
    under the previous line's baseline (the red rule under the 文号); without it, it lies on
    the boundary of two lines (版记).  ``bottom``: on the type area's bottom edge when it is
    the last thing on its page (the 版记's last rule)."""

    width: Length = between(0, 20, "线宽", "pt")
    colour: str = "text"
    below_baseline: Annotated[Length, between(0, 50, "线在基线下的距离", "mm")] | None = None
    bottom: bool = False


class RunSpec(Data):
    """A piece of text in a part: a text piece, a field of the source, or fixed text; in the
    part's style or one of its own."""

    piece: str | None = None
    field: str | None = None
    text: str | None = None
    style: str | None = None


class Part(Data):
    """One part of a document kind, in order from the top: which builder makes it, in which
    style, from which piece or field (see compose/parts.py for the builders)."""

    part: str
    style: str | None = None
    piece: str | None = None
    field: str | None = None
    runs: list[RunSpec] = []  # the text as several runs (a label and a name in two faces)
    right: list[RunSpec] = []  # text set flush right on the same line (the date beside a unit)
    rule: str | None = None
    lines: float = between(0, 200, "空行数", "行", default=0)
    rules: dict[str, str] = {}  # builder's rules by role: first, between, last
    labels: dict[str, str] = {}  # builder's labels by field: 报, 送, 发, 出席 …
    new_page: bool = False
    even_page: bool = False  # the page it is on must be even (a blank page before if needed)


class FiguresData(Data):
    """Photos, tables and seals: their styles, rules and sizes."""

    caption: str = "caption"  # style of a photo's caption, under it
    table: str = "table_cell"  # style of table cells
    table_header: str = "table_header"
    table_caption: str = "table_caption"  # above a table
    frame: str | None = None  # rule around a table
    inner: str | None = None  # rules between its rows and columns
    # characters of space inside a cell, left and right
    padding: float = between(0, 10, "单元格内边距", "字", default=0.5)
    # a photo is never set larger than its pixels at this resolution
    min_dpi: float = between(50, 1200, "照片的最低分辨率", "dpi", default=150)
    # the PDF downsamples a photo with more pixels than this
    max_dpi: float = between(72, 2400, "PDF 中照片的最高分辨率", "dpi", default=300)
    # a seal's width on the page (42 mm)
    seal_width: Length = between(10, 200, "印章宽度", "mm", default=42 * 72 / 25.4)
    # names of drawn objects in the .docx (Word's selection pane), each numbered
    seal_name: str = "印章"
    rule_name: str = "分隔线"


class TitleData(Data):
    """How long titles break into lines."""

    shape: Literal["trapezoid", "diamond"] = "trapezoid"


class ArticleData(Data):
    """How articles follow each other."""

    new_page: bool = False


class SectionsData(Data):
    """Section headings and the default numbering of their points."""

    heading_numbering: str = "none"
    kinds: dict[str, str]
    numbering: dict[str, str]


class NumberingStyle(Data):
    """A numbering style: ``{n}是`` with Chinese numerals, ``{n}.`` with Arabic ones; the
    character style of a point's number and lead sentence (一、 黑体, （一） 楷体), or "body":
    set as the rest of the paragraph (1. and （1） in 仿宋)."""

    pattern: str
    numerals: Literal["chinese", "arabic"]
    lead_style: str = "runin"


class PageNumberData(Data):
    """Page numbers, GB/T 9704 §7.5."""

    below_type_area: Length = between(0, 100, "页码距版心下边缘", "mm")
    indent: float = between(0, 50, "页码离外侧的距离", "字")
    indent_size: FontSize
    odd: Literal["left", "right", "center"]
    even: Literal["left", "right", "center"]
    # pages without a number (§7.5): "blank" a blank page; "end_after_blank" the page holding
    # only the end block when a blank page precedes it; "end_only" that page always
    skip: list[Literal["blank", "end_only", "end_after_blank"]] = ["blank", "end_after_blank"]


class LineBreaking(Data):
    """Marks that may not start or end a line, and sequences never split."""

    no_start: str
    no_end: str
    no_split: list[str] = []
    units: str = ""
    # a pause mark that no longer fits stays at the line's end, squeezed in (word processors
    # hang it in the margin)
    hang_marks: str = ""
    # space between a Han character and a Latin word or number, as a fraction of the size
    latin_space: float = between(0, 1, "汉字与西文之间的空隙", "字", default=0.0)
    # a point's number (三是, （二）, 1.) is never split across lines, nor parted from this
    # many characters of the sentence after it; 0: the word processor's line breaking
    keep_with_number: int = between(0, 10, "编号后不与编号分开的字数", "字", default=0)
    # every character measured this much wider when lines are filled, as word processors
    # measure them (full lines are then justified to the type width)
    reserve: Length = between(0, 1, "断行时每字多算的宽度", "pt", default=0.0)
    hang_punctuation: bool = False


class _NamedSize(Data):
    size: FontSize


def named_sizes(data: Any) -> Any:
    """Template data with the sizes styles name (三号) taken from its sizes table.  A size
    the table gets wrong is named there only: the styles naming it are left without one."""
    if isinstance(data, dict) and isinstance(data.get("styles"), dict):
        sizes = data.get("sizes")
        named = sizes if isinstance(sizes, dict) else {}
        styles = {}
        for key, style in data["styles"].items():
            size = style.get("size") if isinstance(style, dict) else None
            if isinstance(size, str) and size in named:
                try:
                    _NamedSize.model_validate({"size": named[size]})
                    style = {**style, "size": named[size]}
                except ValidationError:
                    style = {k: v for k, v in style.items() if k != "size"}
            styles[key] = style
        data = {**data, "styles": styles}
    return data


REQUIRED_STYLES = ["body", "page_number"]
REQUIRED_PIECES = ["page_number", "filename", "doc_title", "doc_subject"]
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def hex_colour(colours: dict[str, str], name: str) -> str | None:
    """A colour name of ``colours`` or ``#RRGGBB`` as ``RRGGBB``; None when it is neither."""
    # the table's pattern (ending in $) lets a final newline through: "#C00000\n"
    value = colours.get(name, name).strip()
    return value[1:].upper() if _HEX.fullmatch(value) else None


class Profile(Data):
    """The whole format of one template.  What one value means for another (a style's font
    among the fonts, the margins and the paper) is checked in template/checks.py."""

    name: str
    description: str = ""
    kind: KindName  # the kind of source this template reads
    parts: list[Part] = Field(min_length=1)
    sizes: dict[str, FontSize] = {}
    page: Page
    grid: Grid
    colours: dict[str, Colour]
    fonts: dict[str, FontRole]
    font_table: dict[str, FontFace] = {}  # Word's stand-ins for the faces the .docx names
    styles: dict[str, Style]
    rules: dict[str, RuleData] = {}
    title: TitleData = Field(default_factory=TitleData)
    figures: FiguresData = Field(default_factory=FiguresData)
    article: ArticleData = Field(default_factory=ArticleData)
    sections: SectionsData
    numbering: dict[str, NumberingStyle]
    page_number: PageNumberData
    document_date: str = "masthead.date"  # the field holding the date the document bears
    language: str = "zh-CN"
    line_breaking: LineBreaking
    pieces: dict[str, str]
    _resolved: dict[str, Style] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _size_names(cls, data: Any) -> Any:
        return named_sizes(data)

    def colour(self, name: str) -> str:
        """A colour name or ``#RRGGBB`` as ``RRGGBB``."""
        value = hex_colour(self.colours, name)
        if value is None:
            raise ValueError(f"颜色“{name}”无法识别：请写 colours 中的名称或 #RRGGBB")
        return value

    def style(self, name: str) -> Style:
        """A style with what it leaves unset taken from body (fonts, size, colour)."""
        resolved = self._resolved.get(name)
        if resolved is None:
            style, body = self.styles[name], self.styles["body"]
            resolved = style.model_copy(
                update={
                    "font": style.font or body.font,
                    "size": style.size or body.size,
                    "colour": style.colour or body.colour or "text",
                }
            )
            self._resolved[name] = resolved
        return resolved

    def baseline_in_line(self, size: float, lines: float = 1) -> float:
        """Where text of ``size`` sits in a grid line: its em box centred, from the line's top."""
        height = lines * self.grid.line_pitch
        return (height + size * (2 * self.grid.em_ascent - 1)) / 2

    @property
    def char_width(self) -> float:
        """Width of one grid cell (type width / characters per line), in points."""
        return self.page.type_width / self.grid.chars


# the styles every .docx has (the base document's), whose names a template style cannot take
WORD_STYLES = frozenset({"Normal", "Default Paragraph Font", "Normal Table", "No List"})


def style_name_problems(styles: dict[str, Style]) -> list[tuple[tuple[str, ...], str]]:
    """Styles Word could not tell apart: two with the name a user sees in Word's style list
    (``label``, else the key), or one named like a style every .docx has (body is Word's own
    Normal style).  Each problem with where its name is written (both places of a pair)."""
    problems: list[tuple[tuple[str, ...], str]] = []
    holders: dict[str, list[str]] = {}
    for key, style in styles.items():
        if key != "body":
            holders.setdefault(style.label or key, []).append(key)

    def where(key: str) -> tuple[str, ...]:
        return ("styles", key, "label") if styles[key].label else ("styles", key)

    for name, keys in holders.items():
        if name in WORD_STYLES:
            for key in keys:
                problems.append((where(key), f"“{name}”是 Word 自带样式的名称，请换一个 label"))
        elif len(keys) > 1:
            for key in keys:
                others = "、".join(k for k in keys if k != key)
                problems.append(
                    (
                        where(key),
                        f"与样式 {others} 同名（“{name}”），Word 里不能有两个同名样式，请换一个 label",
                    )
                )
    return problems
