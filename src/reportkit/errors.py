"""Problems found in user input, and the one error type that carries them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple


class Location(NamedTuple):
    """Where a value came from: a file and a 1-based line (None when the whole file is meant)."""

    file: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else str(self.file)


def dotted(at: tuple[Any, ...]) -> str:
    """A field's path as a message names it: ``("articles", 0, "title")`` as
    ``articles[0].title``."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Problem(NamedTuple):
    """One thing wrong (or fixed) in the input, in words an office clerk understands."""

    location: Location
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "警告" if self.warning else "错误"
        field = f" {self.field}:" if self.field else ""
        return f"{self.location}:{field} {kind}：{self.message}"


class ReportkitError(Exception):
    """A user error: bad input, a missing file, a bad option. Never a bug in reportkit."""

    category = "错误"

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            super().__init__(problems)
        else:
            self.problems = list(problems)
            super().__init__("\n".join(str(p) for p in self.problems))


class SourceError(ReportkitError):
    """The bulletin source (YAML, article files) cannot be used as it is."""

    category = "输入有误"


class TemplateError(ReportkitError):
    """The template folder or its data is broken."""

    category = "模板有误"


class OutputError(ReportkitError):
    """An output cannot be written."""

    category = "无法写出"
