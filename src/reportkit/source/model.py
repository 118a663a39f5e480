"""The content of a bulletin, validated: masthead, articles, sections, points, end matter."""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Strict,
    StringConstraints,
    Tag,
    model_validator,
)

from reportkit.errors import Location
from reportkit.instant import parse as _instant
from reportkit.source.numerals import han_number

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# characters of a field that is a name, a unit or an office: set on one line, printed by the
# template's text pieces (the masthead line, a byline, the document's properties)
MAX_LINE = 500


def _line(value: Any) -> Any:
    """A name, unit or office no longer than any is (a longer one is not what the field is)."""
    if isinstance(value, str) and len(value) > MAX_LINE:
        raise ValueError(f"太长（{len(value)} 字），这一项最多 {MAX_LINE} 字")
    return value


Line = Annotated[
    str, BeforeValidator(_line), StringConstraints(strip_whitespace=True, min_length=1)
]
Short = Annotated[str, BeforeValidator(_line)]  # a Line that may be left empty

# Numbering the template generates; typed by hand it would print twice ("一是一是").  Compiled
# only for a text that starts like one: its classes of Han numerals take milliseconds to compile.
_TYPED_NUMBER = (
    r"\s*(?:[一二三四五六七八九十百]+是|[（(][一二三四五六七八九十百]+[）)]|[一二三四五六七八九十百]+、"
    r"|第[一二三四五六七八九十百]+[，,、]|[（(]\d{1,3}[）)]|\d{1,3}[.．、](?!\d))"
)
_NUMBER_STARTS = frozenset("一二三四五六七八九十百（(第")
_HAN_NUMERALS = frozenset("〇○零一二三四五六七八九十")


def typed_number(text: str) -> str | None:
    """The number typed at the start of ``text`` (一是, （二）, 3.), if any."""
    first = text.lstrip()[:1]
    if not (first in _NUMBER_STARTS or first.isdecimal()):
        return None
    m = re.match(_TYPED_NUMBER, text)
    return m.group().strip() if m else None


def _han_date(value: str) -> str:
    """二〇一九年四月二十五日 as 2019年4月25日 (other text unchanged)."""

    if _HAN_NUMERALS.isdisjoint(value):
        return value
    m = re.fullmatch(
        r"\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*",
        value,
    )
    return f"{han_number(m[1])}年{han_number(m[2])}月{han_number(m[3])}日" if m else value


def _count(value: Any) -> Any:
    """第5期 as 5, 60份 as 60: a number as an office writes it."""
    if isinstance(value, str):
        m = re.fullmatch(r"\s*第?\s*(\d+)\s*[期份]?\s*", value)
        if m:
            return int(m[1])
    return value


Count = Annotated[int, BeforeValidator(_count)]


def _date(value: Any) -> Any:
    """Accept 2019-04-25, 2019年4月25日, 2019.4.25, 2019/4/25 and 二〇一九年四月二十五日."""
    if isinstance(value, str):
        m = re.fullmatch(
            r"\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?\s*", _han_date(value)
        )
        if m:
            try:
                return dt.date(*map(int, m.groups()))
            except ValueError:
                raise ValueError(
                    f"日期“{value.strip()}”不对：没有这一天，请检查月份和日期"
                ) from None
    return value


# a date as offices write it; nothing else taken for one (a number is no date)
Date = Annotated[dt.date, BeforeValidator(_date), Strict()]

# when the archive copy says it was made (its creation date); not given: the build's time
Instant = Annotated[Any, BeforeValidator(_instant)]


def as_list(value: Any) -> Any:
    """A single string where a list is expected is a list of one."""
    return [value] if isinstance(value, str) else value


class Model(BaseModel):
    """Base: unknown fields rejected, values frozen once loaded."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Author(Model):
    """One author of an article: 单位, 职务, 姓名."""

    unit: Short = ""
    position: Short = ""
    name: Line

    def __str__(self) -> str:
        """As a list of people prints it: 县发改局局长孙七."""
        return f"{self.unit}{self.position}{self.name}"


class Point(Model):
    """One numbered point: a lead sentence (set in the run-in style) and its text."""

    lead: str = ""
    text: Text

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        """A point written as plain text (``- 对方坚持……``) is its text, without a lead."""
        if not isinstance(value, str):
            return value
        slip = re.match(r"\s*(lead|text)\s*[：:]", value)
        if slip:
            key = slip.group(1)
            raise ValueError(
                f"字段名“{key}”后面是全角冒号“：”或少了空格，请改为半角冒号加空格：“{key}: ”"
            )
        return {"text": value}

    @model_validator(mode="after")
    def _no_typed_number(self) -> Self:
        first = self.lead or self.text
        typed = typed_number(first)
        if typed:
            raise ValueError(f"要点开头不要手写编号“{typed}”，编号由模板自动生成")
        return self


def _fraction(value: Any) -> Any:
    """``80%`` as 0.8: a width as an office writes it."""
    if isinstance(value, str) and value.strip().endswith(("%", "％")):
        number = value.strip()[:-1].strip()
        try:
            return float(number) / 100
        except ValueError:
            return value
    return value


class Photo(Model):
    """A photo among the points: its file (relative to the file that names it), a caption
    under it, its width as a fraction of the type area's (0.8 or 80%)."""

    image: Text
    caption: str | None = None
    width: Annotated[float, BeforeValidator(_fraction)] = Field(1.0, gt=0, le=1)
    _path: Path | None = PrivateAttr(None)  # the file, once found and checked by the loader


class TableData(Model):
    """A table: a caption above it, a header row repeated on every page it runs onto, rows
    of the header's length, relative column widths."""

    caption: str | None = None
    header: Annotated[list[str], Field(min_length=1)]
    # an empty cell may be left empty (`[营业收入, 380, ]` or `~`)
    rows: Annotated[
        list[list[Annotated[str, BeforeValidator(lambda v: "" if v is None else v)]]],
        Field(min_length=1),
    ]
    widths: list[float] | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"表格第 {number} 行有 {len(row)} 格，表头有 {len(self.header)} 格，应一样多"
                )
        if self.widths is not None:
            if len(self.widths) != len(self.header):
                raise ValueError(f"widths 写了 {len(self.widths)} 个，表头有 {len(self.header)} 列")
            if any(w <= 0 for w in self.widths):
                raise ValueError("widths 应都大于 0")
        return self


class Table(Model):
    """A table among the points."""

    table: TableData


def _entry(value: Any) -> str:
    """Which kind of entry a point list item is: a photo, a table or a point."""
    if isinstance(value, dict):
        if "image" in value:
            return "a photo"
        if "table" in value:
            return "a table"
    elif isinstance(value, Photo):  # a validated entry, when the model is dumped
        return "a photo"
    elif isinstance(value, Table):
        return "a table"
    return "a point"


Entry = Annotated[
    Annotated[Point, Tag("a point")]
    | Annotated[Photo, Tag("a photo")]
    | Annotated[Table, Tag("a table")],
    Discriminator(_entry),
]


class Section(Model):
    """A part of an article: 学习体会, 下步打算, 启示, or one with a free heading."""

    kind: Literal["学习体会", "下步打算", "启示"] | None = None
    heading: str | None = None
    paragraphs: Annotated[list[Text], BeforeValidator(as_list)] = []
    intro: str | None = None
    points: list[Entry] = []  # points, and photos and tables among them (not numbered)
    numbering: str | None = None
    run_on: bool = False

    @model_validator(mode="after")
    def _has_content(self) -> Self:
        if not (self.paragraphs or self.intro or self.points):
            raise ValueError(
                "这一节没有内容：请写 paragraphs（段落）、intro（引语）或 points（要点）"
            )
        return self


class Article(Model):
    """One official's write-up: title, authors, lead paragraphs, sections, closing paragraphs."""

    title: Text
    subtitle: str | None = None
    authors: list[Author] = Field(min_length=1)
    lead: Annotated[list[Text], BeforeValidator(as_list)] = []
    sections: list[Section] = []
    closing: Annotated[list[Text], BeforeValidator(as_list)] = []
    credit: Short | None = None  # 执笔：某某 — set flush right under the article
    heading_numbering: str | None = None  # numbering of this article's headings (一、)

    @model_validator(mode="after")
    def _has_body(self) -> Self:
        if not (self.lead or self.sections or self.closing):
            raise ValueError("文章没有正文：请写 lead（导语）、sections（小节）或 closing（结语）")
        return self


class Masthead(Model):
    """报头: bulletin name, issue, optional volume line, compiling unit, date, optional mark."""

    name: Annotated[list[Line], BeforeValidator(as_list), Field(min_length=1)]
    issue: Count = Field(ge=1)
    year: int | None = Field(None, ge=1900, le=2999)
    volume: Short | None = None
    unit: Line
    date: Date
    mark: Short | None = None
    archive_date: Instant = None

    @model_validator(mode="before")
    @classmethod
    def _issue_year(cls, data: Any) -> Any:
        """The year the issue number counts in: given, or the date's year."""
        if isinstance(data, dict) and data.get("year") is None:
            try:
                date = _date(data.get("date"))
            except ValueError:
                return data  # the date's own problem is named at the date
            if isinstance(date, dt.date):
                data = {**data, "year": date.year}
        return data


class EndMatter(Model):
    """报尾: who receives the bulletin (报/送/发) and how many copies were printed."""

    superiors: Annotated[list[Line], BeforeValidator(as_list)] = []
    peers: Annotated[list[Line], BeforeValidator(as_list)] = []
    subordinates: Annotated[list[Line], BeforeValidator(as_list)] = []
    copies: Count | None = Field(None, ge=1)


class BulletinFile(Model):
    """What bulletin.yaml holds; articles are checked one by one by the loader."""

    kind: Literal["bulletin"] | None = None
    masthead: Masthead
    articles: list[Any] | None = Field(None, min_length=1)  # None: the files in articles/
    end_matter: EndMatter | None = None


class BulletinContent(Model):
    """A whole bulletin, its articles validated (from bulletin.yaml and the article files)."""

    masthead: Masthead
    articles: list[Article]
    end_matter: EndMatter | None = None


@dataclass
class SourceMap:
    """Where each field of a bulletin was written: file and line, by field path."""

    # field path prefix → the file its fields come from, with their lines (the first kept)
    _entries: dict[tuple[Any, ...], tuple[Path, dict[tuple[Any, ...], int]]] = field(
        default_factory=dict
    )

    def add(self, prefix: tuple[Any, ...], file: Path, lines: dict[tuple[Any, ...], int]) -> None:
        """Record that the fields under ``prefix`` come from ``file`` with these lines."""
        self._entries.setdefault(prefix, (file, lines))

    def locate(self, at: tuple[Any, ...]) -> tuple[Location, tuple[Any, ...]]:
        """The location of field path ``at`` and the path as written in that file (the
        longest prefix recorded: looked up, not searched for among every file)."""
        prefix = next(at[:cut] for cut in range(len(at), -1, -1) if at[:cut] in self._entries)
        file, lines = self._entries[prefix]
        local = at[len(prefix) :]
        for cut in range(len(local), -1, -1):
            if local[:cut] in lines:
                # a value written alone where a list may stand (name: X for [X]) is named
                # as written, without the position it has in the list it is read into
                rest = local[cut:]
                named = local[:cut] if rest and all(isinstance(k, int) for k in rest) else local
                return Location(file, lines[local[:cut]]), named
        return Location(file), local
