"""A build lays the document out once; every output is made from the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit import build
from reportkit.build import Options, Outcome, _document
from reportkit.layout import paginate as layout
from reportkit.render import renderer
from reportkit.typeset.metrics import StandardMetrics
from tests import samples
from tests.helpers import REPO


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


def test_pages_are_a_function_of_the_document_alone(tmp_path: Path) -> None:
    """No pages kept between calls: the same document laid out twice gives equal pages, and
    a renderer given the same pages twice gives the same bytes."""
    document, template = document_of(samples.write_bulletin(tmp_path, 3, "shared"))
    metrics = StandardMetrics(template.profile)
    first = layout.paginate(document, template.profile, metrics)
    again = layout.paginate(document, template.profile, metrics)
    assert again is not first and again == first
    assert len(first.pages) == 4 and first.pages[0].runs
    for fmt in ("docx", "pdf"):
        render = renderer(fmt)
        assert render(first, template).data == render(first, template).data


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
