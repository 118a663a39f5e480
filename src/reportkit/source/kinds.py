"""The kinds of document, listed once: a 简报 (source/model.py), a 报告 and a 纪要
(source/gongwen.py, imported when a source of those kinds is first read); and a validated source
of any kind, as the composer takes it."""

import datetime as dt
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from pydantic import BeforeValidator

from reportkit.source.model import BulletinContent, Model, SourceMap

if TYPE_CHECKING:
    from reportkit.source.gongwen import MinutesFile, ReportFile


class Kind(NamedTuple):
    """A kind of document: what offices call it, its source file, the model of that file (in
    the module defining it, imported when the kind is first read) and the fields that show a
    file is one."""

    title: str
    file: str
    module: str
    model_name: str
    shown_by: str

    @property
    def model(self) -> type[Model]:
        """The model of the kind's source file."""
        return getattr(importlib.import_module(self.module), self.model_name)  # type: ignore[no-any-return]


# the kinds of document, listed once: their names are the values of a source's (and a
# template's) ``kind``
KINDS: dict[str, Kind] = {
    "bulletin": Kind(
        "简报", "bulletin.yaml", "reportkit.source.model", "BulletinFile", "masthead、articles"
    ),
    "report": Kind(
        "报告", "report.yaml", "reportkit.source.gongwen", "ReportFile", "issuer、title"
    ),
    "minutes": Kind(
        "纪要", "minutes.yaml", "reportkit.source.gongwen", "MinutesFile", "mark、title"
    ),
}


def known_kind(value: Any) -> Any:
    """``value`` when it names a kind of document (ValueError otherwise)."""
    if not isinstance(value, str) or value not in KINDS:
        known = "、".join(f"{name}（{kind.title}）" for name, kind in KINDS.items())
        raise ValueError(f"kind 应为 {known} 之一，而不是“{value}”")
    return value


KindName = Annotated[str, BeforeValidator(known_kind)]


class Source(NamedTuple):
    """A source of any kind, validated: what the composer turns into a document."""

    kind: str
    name: str
    content: "BulletinContent | ReportFile | MinutesFile"
    origin: SourceMap
    files: tuple[Path, ...]

    @property
    def archive_date(self) -> dt.datetime | None:
        """The instant the source fixes for its outputs' creation date (None: the build's)."""
        content = self.content
        head = content.masthead if isinstance(content, BulletinContent) else content
        return head.archive_date  # type: ignore[no-any-return]
