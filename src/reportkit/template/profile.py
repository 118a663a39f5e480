"""The official format as data: page, grid, fonts, styles, geometry — all in physical units."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from reportkit.template.units import Length


class Data(BaseModel):
    """Base: unknown keys rejected (a misspelt setting must not be ignored silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(Data):
    """Paper and type area (版心), GB/T 9704 §5.2."""

    width: Length
    height: Length
    margin_top: Length
    margin_left: Length
    type_width: Length
    type_height: Length

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

    lines: int = Field(ge=1)
    chars: int = Field(ge=1)
    line_pitch: Length
    docx_grid: Literal["lines", "linesAndChars"] = "lines"
    # added to every character's advance in both outputs (Word's character spacing): 28
    # characters of 三号 fill the 156 mm line
    character_spacing: Length = 0.0
    em_ascent: float = 0.88


class FontRole(Data):
    """Families for one role, most wanted first: Chinese and Latin."""

    east_asian: list[str] = Field(min_length=1)
    latin: list[str] = Field(min_length=1)
    # a font file for the role instead of looking families up: {east_asian: path, latin: path}
    files: dict[Literal["east_asian", "latin"], str] = {}


class Style(Data):
    """How one kind of text is set.  Indents and vertical spaces count characters / grid lines."""

    label: str | None = None
    font: str | None = None
    size: Length | None = None
    colour: str | None = None
    bold: bool = False
    align: Literal["left", "right", "center", "justify"] | None = None
    first_line_indent: float = 0
    indent_left: float = 0
    indent_right: float = 0
    line_height: float = 1
    space_before: float = 0
    space_after: float = 0
    keep_with_next: bool = False
    widow_control: bool = False
    grid: bool = False
    # in Word, round each line up to whole grid lines; false for faces taller than their em,
    # which would otherwise take an extra line (their exact height is whole lines already)
    snap_to_grid: bool = True


class Rule(Data):
    """A horizontal rule."""

    colour: str
    width: Length
    below_baseline: Length


class MastheadData(Data):
    """报头 geometry."""

    rule: Rule
    lines_after: int = Field(ge=0)


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
    """A numbering style: ``{n}是`` with Chinese numerals, ``{n}.`` with Arabic ones."""

    pattern: str
    numerals: Literal["chinese", "arabic"]


class EndMatterData(Data):
    """版记 geometry, GB/T 9704 §7.4."""

    labels: dict[Literal["superiors", "peers", "subordinates"], str]
    first_rule: Length
    middle_rule: Length
    last_rule: Length
    colour: str = "text"


class PageNumberData(Data):
    """Page numbers, GB/T 9704 §7.5."""

    below_type_area: Length
    indent: float
    indent_size: Length
    odd: Literal["left", "right", "center"]
    even: Literal["left", "right", "center"]


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
    latin_space: float = 0.0
    # lines are filled to the type width less this (word processors measure a little wider
    # than the glyphs' advances add up to); full lines are then justified to the type width
    reserve: Length = 0.0
    hang_punctuation: bool = False


REQUIRED_STYLES = [
    "body",
    "runin",
    "heading",
    "title",
    "subtitle",
    "byline",
    "mark",
    "masthead_name",
    "masthead_issue",
    "masthead_volume",
    "masthead_line",
    "end_matter",
    "page_number",
]
REQUIRED_PIECES = [
    "issue",
    "volume",
    "date",
    "byline",
    "end_matter_line",
    "copies",
    "page_number",
    "filename",
    "doc_title",
    "doc_subject",
]
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


class Profile(Data):
    """The whole format of one template."""

    name: str
    description: str = ""
    sizes: dict[str, Length] = {}
    page: Page
    grid: Grid
    colours: dict[str, str]
    fonts: dict[str, FontRole]
    styles: dict[str, Style]
    masthead: MastheadData
    title: TitleData = TitleData()
    article: ArticleData = ArticleData()
    sections: SectionsData
    numbering: dict[str, NumberingStyle]
    end_matter: EndMatterData
    page_number: PageNumberData
    language: str = "zh-CN"
    line_breaking: LineBreaking
    pieces: dict[str, str]
    _resolved: dict[str, Style] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _size_names(cls, data: Any) -> Any:
        """Let styles name their size (三号) from the sizes table."""
        if isinstance(data, dict) and isinstance(data.get("styles"), dict):
            sizes = data.get("sizes") or {}
            styles = {}
            for key, style in data["styles"].items():
                if isinstance(style, dict) and style.get("size") in sizes:
                    style = {**style, "size": sizes[style["size"]]}
                styles[key] = style
            data = {**data, "styles": styles}
        return data

    @model_validator(mode="after")
    def _references(self) -> Profile:
        missing = [s for s in REQUIRED_STYLES if s not in self.styles]
        if missing:
            raise ValueError(f"模板缺少样式：{'、'.join(missing)}")
        missing = [p for p in REQUIRED_PIECES if p not in self.pieces]
        if missing:
            raise ValueError(f"模板缺少文字片段：{'、'.join(missing)}")
        for key, style in self.styles.items():
            if style.font is not None and style.font not in self.fonts:
                raise ValueError(f"样式 {key} 的字体“{style.font}”不在 fonts 中")
            if style.colour is not None:
                self.colour(style.colour)
        if self.styles["body"].size is None or self.styles["body"].font is None:
            raise ValueError("样式 body 必须写明 font 和 size")
        for name in [*self.sections.numbering.values(), self.sections.heading_numbering]:
            if name != "none" and name not in self.numbering:
                raise ValueError(f"编号样式“{name}”不在 numbering 中")
        self.colour(self.masthead.rule.colour)
        self.colour(self.end_matter.colour)
        return self

    def colour(self, name: str) -> str:
        """A colour name or ``#RRGGBB`` as ``RRGGBB``."""
        value = self.colours.get(name, name)
        if not _HEX.fullmatch(value):
            raise ValueError(f"颜色“{name}”无法识别：请写 colours 中的名称或 #RRGGBB")
        return value[1:].upper()

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
