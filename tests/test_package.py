"""The installed package carries its built-in templates."""

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import REPO


def test_wheel_ships_templates_and_runs_from_them(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("reportkit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "reportkit/templates/gbt9704-bulletin/template.yaml" in names
    assert "reportkit/templates/gbt9704-bulletin/pieces/byline.j2" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from reportkit.template import registry; print(registry.load().folder)",
        ],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert run.stdout.strip() == str(target / "reportkit/templates/gbt9704-bulletin")
