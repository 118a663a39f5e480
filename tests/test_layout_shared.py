"""One pagination serves both outputs when their metrics agree, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit import build
from reportkit.build import Options, Outcome, _document
from reportkit.layout import paginate as layout
from reportkit.layout.metrics import StandardMetrics
from tests import samples
from tests.helpers import REPO


class Wider(StandardMetrics):
    """The standard widths, with the digit 7 a little wider."""

    def advance(self, style: str, char: str, size: float) -> float:
        return super().advance(style, char, size) + (0.5 if char == "7" else 0.0)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    runs: list[int] = []
    original = layout._Paginator.run

    def run(self):  # type: ignore[no-untyped-def]
        runs.append(1)
        return original(self)

    monkeypatch.setattr(layout._Paginator, "run", run)
    return runs


def document_of(source: Path):  # type: ignore[no-untyped-def]
    return _document(source, Options(Path("unused")), Outcome(source))


def test_an_output_that_keeps_nothing_reuses_pages_when_every_width_agrees(
    tmp_path: Path, counted
) -> None:
    document, template = document_of(samples.write_bulletin(tmp_path, 3, "shared"))
    first = layout.paginate(document, template.profile, StandardMetrics())
    assert layout.paginate(document, template.profile, StandardMetrics(), keep=None) is first
    assert len(counted) == 1
    # a width asked while paginating answered differently: paginated again
    again = layout.paginate(document, template.profile, Wider(), keep=None)
    assert again is not first and len(counted) == 2
    # an output that keeps its lines never takes pages made for another
    layout.paginate(document, template.profile, StandardMetrics(), keep=lambda placed: placed)
    assert len(counted) == 3


def test_the_docx_of_a_two_format_build_is_the_docx_built_alone(tmp_path: Path, counted) -> None:
    source = samples.write_kind(tmp_path / "src", "report", 3)
    both = build.build(source, build.Options(tmp_path / "both", formats=("docx", "pdf")))
    assert both.error is None and len(counted) == 1  # one pagination for both outputs
    alone = build.build(source, build.Options(tmp_path / "alone", formats=("docx",)))
    assert alone.error is None
    name = f"{source.name}.docx"
    assert (tmp_path / "both" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
    assert [p.name for p, _, _ in both.written] == [name, f"{source.name}.pdf"]  # as asked


def test_the_seed_is_paginated_once_for_both_outputs(tmp_path: Path, counted) -> None:
    outcome = build.build(
        REPO / "sources/changsha", build.Options(tmp_path, formats=("docx", "pdf"))
    )
    assert outcome.error is None and len(counted) == 1
