"""Shared fixtures: the repository, the seed, built outputs, LibreOffice renderings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportkit import build
from reportkit.template import registry
from tests import helpers, samples, wps_lint


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


def _lint_docx(folder: Path, seen: set[Path]) -> list[str]:
    """The WPS-safety faults of every .docx reportkit wrote under ``folder`` not seen yet."""
    found = []
    for path in sorted(folder.rglob("*.docx")):
        if path not in seen and wps_lint.made_by_reportkit(path):
            seen.add(path)
            found += [f"{path.name}: {fault}" for fault in wps_lint.lint(path)]
    return found


@pytest.fixture(scope="session", autouse=True)
def _linted(tmp_path_factory: pytest.TempPathFactory):
    """The .docx files linted so far; at the session's end, every other one it wrote (the
    shared fixtures' folders)."""
    seen: set[Path] = set()
    yield seen
    found = _lint_docx(tmp_path_factory.getbasetemp(), seen)
    assert not found, "\n".join(found)


@pytest.fixture(autouse=True)
def wps_safe(request: pytest.FixtureRequest, _linted: set[Path]):
    """Every .docx the suite writes, whether built or edited as a clerk would, passes the
    WPS-safety lint: a test's own folder is checked after it."""
    yield
    folder = request.node.funcargs.get("tmp_path")
    if folder is not None:
        found = _lint_docx(folder, _linted)
        assert not found, "\n".join(found)


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
