"""Shared fixtures: the repository, the seed, built outputs, LibreOffice renderings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportkit import build
from reportkit.template import registry
from tests import helpers, samples


def pytest_configure(config: pytest.Config) -> None:
    """Every test sees only the fonts install-system.sh installs, as LibreOffice does when it
    renders a .docx for comparison: the faces a test meets do not depend on what else a
    machine has (a Windows font named 仿宋 would win over FandolFang in the PDF alone).  Every
    build is dated alike (SOURCE_DATE_EPOCH)."""
    conf = helpers.fonts_conf()
    if conf is not None:
        os.environ["FONTCONFIG_FILE"] = str(conf)
    # outputs are dated by the build's time unless this fixes it: tests compare bytes
    os.environ["SOURCE_DATE_EPOCH"] = helpers.SOURCE_DATE_EPOCH


@pytest.fixture(scope="session")
def template() -> registry.Template:
    """The built-in bulletin template."""
    return registry.load()


@pytest.fixture(scope="session")
def area(template) -> tuple[float, float, float, float]:
    """The type area: left, top, right, bottom in points from the page's top-left."""
    page = template.profile.page
    left, top = page.margin_left, page.margin_top
    return left, top, left + page.type_width, top + page.type_height


@pytest.fixture(scope="session")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sources/changsha built as .docx."""
    out = tmp_path_factory.mktemp("seed")
    outcome = build.build(helpers.REPO / "sources/changsha", build.Options(out))
    assert outcome.error is None, outcome.error
    return out / "changsha.docx"


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sources/changsha built as the archive PDF."""
    out = tmp_path_factory.mktemp("seed-pdf")
    outcome = build.build(helpers.REPO / "sources/changsha", build.Options(out, formats=("pdf",)))
    assert outcome.error is None, outcome.error
    return out / "changsha.pdf"


@pytest.fixture(scope="session")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated bulletin of about 20 pages as the archive PDF."""
    root = tmp_path_factory.mktemp("long-pdf")
    source = samples.write_bulletin(root, pages=20)
    outcome = build.build(source, build.Options(root / "out", formats=("pdf",)))
    assert outcome.error is None, outcome.error
    return root / "out" / "long.pdf"


@pytest.fixture(scope="session")
def long_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated bulletin of about 20 pages, built as .docx."""
    root = tmp_path_factory.mktemp("long")
    source = samples.write_bulletin(root, pages=20)
    outcome = build.build(source, build.Options(root / "out"))
    assert outcome.error is None, outcome.error
    return root / "out" / "long.docx"


@pytest.fixture(scope="session")
def long_docx_pdf(long_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 20-page bulletin's .docx rendered by LibreOffice."""
    return helpers.render_with_libreoffice(long_docx, tmp_path_factory.mktemp("lo-long"))


@pytest.fixture(scope="session")
def seed_docx_pdf(seed_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's .docx rendered by LibreOffice with the repository's font aliases."""
    return helpers.render_with_libreoffice(seed_docx, tmp_path_factory.mktemp("lo"))
