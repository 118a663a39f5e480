"""What the part builders read: the template, the source as data, where each field was written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportkit.compose.page import Anchored
from reportkit.errors import Location, Problem, SourceError, dotted
from reportkit.template.registry import Template


@dataclass
class Context:
    """What the builders read: the template, the source's data and where it came from."""

    template: Template
    content: Any  # the validated source model
    data: dict[str, Any]  # the same as plain data, for pieces and field paths
    locate: Callable[[tuple[Any, ...]], tuple[Location, tuple[Any, ...]]]
    anchored: list[Anchored] = field(default_factory=list)
    # problems found while composing that do not stop it: all are reported at its end
    problems: list[Problem] = field(default_factory=list)

    def render(self, piece: str, **extra: Any) -> str:
        """The template piece ``piece`` filled with the source's data and ``extra``."""
        return self.template.pieces.render(piece, **{**self.data, **extra})

    def value(self, path: str) -> Any:
        """The value at a dotted field path (None when any step is missing)."""
        value: Any = self.data
        for step in path.split("."):
            value = value.get(step) if isinstance(value, dict) else None
        return value

    def error(self, at: tuple[Any, ...], message: str) -> SourceError:
        """A problem with the source field at ``at``."""
        return SourceError([self.problem(at, message)])

    def problem(self, at: tuple[Any, ...], message: str) -> Problem:
        """A problem with the source field at ``at``, where it was written."""
        location, local = self.locate(at)
        return Problem(location, dotted(local), message)
