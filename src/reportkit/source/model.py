"""The content of a bulletin, validated: masthead, articles, sections, points, end matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from reportkit.errors import Location

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Numbering the template generates; typed by hand it would print twice ("一是一是").
_TYPED_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+是|[（(][一二三四五六七八九十百]+[）)]|[一二三四五六七八九十百]+、"
    r"|第[一二三四五六七八九十百]+[，,、]|[（(]\d{1,3}[）)]|\d{1,3}[.．、](?!\d))"
)


def _date(value: Any) -> Any:
    """Accept 2019-04-25, 2019年4月25日, 2019.4.25 and 2019/4/25."""
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?\s*", value)
        if m:
            try:
                return dt.date(*map(int, m.groups()))
            except ValueError:
                raise ValueError("没有这一天，请检查月份和日期") from None
    return value


def _as_list(value: Any) -> Any:
    """A single string where a list is expected is a list of one."""
    return [value] if isinstance(value, str) else value


class Model(BaseModel):
    """Base: unknown fields rejected, values frozen once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Author(Model):
    """One author of an article: 单位, 职务, 姓名."""

    unit: str = ""
    position: str = ""
    name: Text


class Point(Model):
    """One numbered point: a lead sentence (set in the run-in style) and its text."""

    lead: str = ""
    text: Text

    @model_validator(mode="after")
    def _no_typed_number(self) -> Point:
        first = self.lead or self.text
        m = _TYPED_NUMBER.match(first)
        if m:
            raise ValueError(f"要点开头不要手写编号“{m.group().strip()}”，编号由模板自动生成")
        return self


class Section(Model):
    """A part of an article: 学习体会, 下步打算, 启示, or one with a free heading."""

    kind: Literal["学习体会", "下步打算", "启示"] | None = None
    heading: str | None = None
    paragraphs: Annotated[list[Text], BeforeValidator(_as_list)] = []
    intro: str | None = None
    points: list[Point] = []
    numbering: str | None = None
    run_on: bool = False

    @model_validator(mode="after")
    def _has_content(self) -> Section:
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
    lead: Annotated[list[Text], BeforeValidator(_as_list)] = []
    sections: list[Section] = []
    closing: Annotated[list[Text], BeforeValidator(_as_list)] = []
    credit: str | None = None  # 执笔：某某 — set flush right under the article
    heading_numbering: str | None = None  # numbering of this article's headings (一、)

    @model_validator(mode="after")
    def _has_body(self) -> Article:
        if not (self.lead or self.sections or self.closing):
            raise ValueError("文章没有正文：请写 lead（导语）、sections（小节）或 closing（结语）")
        return self


class Masthead(Model):
    """报头: bulletin name, issue, optional volume line, compiling unit, date, optional mark."""

    name: Annotated[list[Text], BeforeValidator(_as_list), Field(min_length=1)]
    issue: int = Field(ge=1)
    year: int | None = Field(None, ge=1900, le=2999)
    volume: str | None = None
    unit: Text
    date: Annotated[dt.date, BeforeValidator(_date)]
    mark: str | None = None

    @property
    def issue_year(self) -> int:
        """The year the issue number counts in: given, or the date's year."""
        return self.year or self.date.year


class EndMatter(Model):
    """报尾: who receives the bulletin (报/送/发) and how many copies were printed."""

    superiors: Annotated[list[Text], BeforeValidator(_as_list)] = []
    peers: Annotated[list[Text], BeforeValidator(_as_list)] = []
    subordinates: Annotated[list[Text], BeforeValidator(_as_list)] = []
    copies: int | None = Field(None, ge=1)


class BulletinFile(Model):
    """What bulletin.yaml holds; articles are checked one by one by the loader."""

    masthead: Masthead
    articles: list[Any] | None = Field(None, min_length=1)  # None: the files in articles/
    end_matter: EndMatter | None = None


@dataclass
class SourceMap:
    """Where each field of a bulletin was written: file and line, by field path."""

    _entries: list[tuple[tuple[Any, ...], Path, dict[tuple[Any, ...], int]]] = field(
        default_factory=list
    )

    def add(self, prefix: tuple[Any, ...], file: Path, lines: dict[tuple[Any, ...], int]) -> None:
        """Record that the fields under ``prefix`` come from ``file`` with these lines."""
        self._entries.append((prefix, file, lines))

    def locate(self, at: tuple[Any, ...]) -> tuple[Location, tuple[Any, ...]]:
        """The location of field path ``at`` and the path as written in that file."""
        prefix, file, lines = max(
            (e for e in self._entries if at[: len(e[0])] == e[0]), key=lambda e: len(e[0])
        )
        local = at[len(prefix) :]
        for cut in range(len(local), -1, -1):
            if local[:cut] in lines:
                return Location(file, lines[local[:cut]]), local
        return Location(file), local


@dataclass(frozen=True)
class Bulletin:
    """A whole bulletin, validated: what the composer turns into a document."""

    name: str
    masthead: Masthead
    articles: tuple[Article, ...]
    end_matter: EndMatter | None
    origin: SourceMap
    files: tuple[Path, ...]
