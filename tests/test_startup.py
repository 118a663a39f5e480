"""A run imports only what it uses: the start-up a clerk waits for on every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

_LIST = """
import sys
from reportkit.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""
# the .docx's and the PDF's libraries (python-docx reads drafts); the network stack and the
# workspace server (reportkit serve)
RENDERERS = {"lxml", "docx", "reportlab", "pikepdf", "fontTools", "PIL"}
NEVER = {"ssl", "http", "urllib.request", "starlette", "uvicorn", "ruamel"}  # + the server


def imported(*args: str, cache: Path | None = None) -> set[str]:
    env = {**os.environ, "REPORTKIT_CACHE": str(cache)} if cache else None
    result = subprocess.run(
        [sys.executable, "-c", _LIST, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        env=env,
    )
    return set(result.stderr.splitlines()[-1].split())


def tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules} | modules


@pytest.mark.parametrize(
    "args", [("--help",), ("validate", "sources/changsha"), ("templates",)], ids=str
)
def test_commands_that_write_nothing_import_no_renderer(args: tuple[str, ...]) -> None:
    # validate reads the fonts' character maps, kept in the cache once fonts are prepared
    # (the first run on a machine prepares them, as the first PDF build does)
    imported(*args)
    assert tops(imported(*args)) & (RENDERERS | NEVER) == set()


def test_a_docx_build_imports_no_pdf_library_and_no_python_docx(tmp_path: Path) -> None:
    """The .docx is built with lxml alone; python-docx only reads drafts."""
    for run in ("with an empty cache", "with a full one"):
        out = tmp_path / run
        args = ("build", "sources/changsha", "-o", str(out), "--format", "docx")
        found = tops(imported(*args, cache=tmp_path / "cache"))
        assert found & ({"docx", "reportlab", "pikepdf", "fontTools", "PIL"} | NEVER) == set()
        assert "lxml.etree" in found
        assert (out / "changsha.docx").is_file()


def test_a_pdf_build_writes_pdf_a_without_a_second_pdf_library(tmp_path: Path) -> None:
    found = tops(imported("build", "sources/changsha", "-o", str(tmp_path), "--format", "pdf"))
    assert "reportlab" in found and (tmp_path / "changsha.pdf").is_file()
    assert found & ({"pikepdf", "docx"} | NEVER) == set()


def test_a_build_does_not_search_the_installed_packages_for_pydantic_plugins(
    tmp_path: Path,
) -> None:
    """pydantic's plugin search imports importlib.metadata (with email, zipfile, csv …) and
    reads every installed distribution: about 15 ms of each build, for plugins reportkit
    never uses.  Sources are validated all the same."""
    found = imported("build", "sources/changsha", "-o", str(tmp_path), "--format", "docx,pdf")
    assert {"pydantic", "pydantic_core", "reportkit.source.model"} <= found
    assert "importlib.metadata" not in found and "email" not in found
    assert (tmp_path / "changsha.pdf").is_file() and (tmp_path / "changsha.docx").is_file()


_LOADER = """
import sys
{first}
from reportkit.source import model
model.Author.model_validate({{"name": "李明"}})  # a model completed: pydantic asked for plugins
from pydantic.plugin import _loader
print(_loader.get_plugins.__module__, list(_loader.get_plugins()) == [])
"""


@pytest.mark.parametrize(
    ("first", "loader"),
    [
        ("import reportkit.cli", "reportkit.pydantic_plugins"),
        ("import pydantic.plugin._loader; import reportkit.cli", "pydantic.plugin._loader"),
        ("from reportkit import build", "pydantic.plugin._loader"),
    ],
    ids=["the command line", "pydantic's loader first", "reportkit as a library"],
)
def test_only_the_command_line_skips_the_plugin_search(first: str, loader: str) -> None:
    """A program that imports reportkit as a library, or that loaded pydantic's plugin loader
    first, keeps pydantic's plugins."""
    result = subprocess.run(
        [sys.executable, "-c", _LOADER.format(first=first)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert result.stdout.split() == [loader, "True"]


def test_the_stand_in_loader_has_what_pydantics_own_has() -> None:
    """pydantic 2.7–2.14 ask the loader for get_plugins alone; a version that asks for more
    gets it from pydantic's own loader, read when asked."""
    code = (
        "import reportkit.cli, importlib.metadata, importlib.util\n"
        "from pydantic.plugin import _loader\n"
        "print(_loader.entry_points is importlib.metadata.entry_points,\n"
        "      importlib.util.find_spec('pydantic.plugin._loader').name)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.split() == ["True", "pydantic.plugin._loader"]


def test_pils_image_module_runs_only_for_a_pdf_with_pictures(tmp_path: Path) -> None:
    """reportlab imports PIL.Image as it is imported; it is left lazy until a picture is read
    (its EXIF tables are built when it runs)."""
    plain = imported("build", "sources/changsha", "-o", str(tmp_path), "--format", "pdf")
    assert {"reportlab", "PIL.Image"} <= plain and "PIL.ExifTags" not in plain
    photos = imported("build", "sources/changsha-photos", "-o", str(tmp_path), "--format", "pdf")
    assert "PIL.ExifTags" in photos
    assert (tmp_path / "changsha.pdf").is_file() and (tmp_path / "changsha-photos.pdf").is_file()
