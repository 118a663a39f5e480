"""The composed document: format-neutral blocks that both renderers draw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportkit.errors import Location


@dataclass(frozen=True)
class Run:
    """Text in one style; ``style`` None means the paragraph's own style."""

    text: str
    style: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph in a named style.  Titles hold one tuple of runs per line."""

    style: str
    lines: tuple[tuple[Run, ...], ...]
    origin: tuple[Any, ...] = ()
    page_break_before: bool = False
    outline: str | None = None

    @property
    def text(self) -> str:
        """All the paragraph's text, lines joined without a break."""
        return "".join(run.text for line in self.lines for run in line)


@dataclass(frozen=True)
class Masthead:
    """报头 texts, every piece already filled in."""

    mark: str | None
    name_lines: tuple[str, ...]
    issue: str
    volume: str | None
    unit: str
    date: str


@dataclass(frozen=True)
class EndMatter:
    """报尾: the 报/送/发 lines and the copies line."""

    lines: tuple[str, ...]
    copies: str | None


@dataclass(frozen=True)
class Meta:
    """Document properties."""

    title: str
    author: str
    subject: str
    date: dt.date
    language: str


@dataclass(frozen=True)
class Document:
    """A bulletin ready to draw: masthead, body paragraphs, end matter, page-number texts."""

    name: str
    meta: Meta
    masthead: Masthead
    body: tuple[Paragraph, ...]
    end_matter: EndMatter | None
    page_number: tuple[str, str]
    locate: Callable[[tuple[Any, ...]], tuple[Location, tuple[Any, ...]]] | None = field(
        default=None, compare=False
    )

    def text(self) -> str:
        """Every text of the document in reading order, one paragraph per line."""
        m = self.masthead
        parts = [m.mark or "", *m.name_lines, m.issue, m.volume or "", m.unit, m.date]
        parts += [p.text for p in self.body]
        if self.end_matter:
            parts += [*self.end_matter.lines, self.end_matter.copies or ""]
        return "\n".join(p for p in parts if p)
