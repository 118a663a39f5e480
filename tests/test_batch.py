"""Many bulletins at once: in parallel, past bad ones, skipping what is up to date."""

from pathlib import Path

import pytest

from tests.helpers import MINIMAL_ARTICLE, cli, minimal_source


@pytest.fixture
def twenty(tmp_path: Path) -> list[Path]:
    sources = []
    for number in range(20):
        files = {}
        if number == 7:  # one clerk left the title out
            files["articles/a.yaml"] = MINIMAL_ARTICLE.replace("title: 学习体会", "title:")
        sources.append(minimal_source(tmp_path / "src" / f"b{number:02d}", **files))
    return sources


def summary_row(stdout: str) -> list[str]:
    """The figures of the summary table: built, failed, skipped, pages, seconds."""
    rows = [line for line in stdout.splitlines() if line.startswith("|")]
    return [cell.strip() for cell in rows[1].strip("|").split("|")]


def test_a_batch_keeps_going_past_a_bad_bulletin(twenty: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("build", *twenty, "-o", out, "--format", "docx,pdf", "-j", "2")
    assert result.exit_code == 1
    assert summary_row(result.stdout)[:4] == ["19", "1", "0", "19"]  # built, failed, skipped, pages
    assert result.stdout.rstrip().endswith(f"失败 1 个：{twenty[7]}")
    assert f"{twenty[7]}/articles/a.yaml:1: title: 错误：“title”（标题）不能为空" in result.stderr
    assert "[20/20]" in result.stderr  # a plain log when the output is not a terminal
    built = sorted(p.name for p in out.glob("*.pdf"))
    assert len(built) == 19 and "b07.pdf" not in built
    assert not list(out.glob(".*.part"))


def test_a_second_run_builds_nothing_and_force_rebuilds_all(
    twenty: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    cli("build", *twenty, "-o", out, "--format", "docx,pdf", "-j", "2")
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("b*.*")}
    again = cli("build", *twenty, "-o", out, "--format", "docx,pdf", "-j", "2")
    assert summary_row(again.stdout)[:3] == ["0", "1", "19"]
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("b*.*")} == stamps
    (twenty[3] / "articles/a.yaml").write_text(
        MINIMAL_ARTICLE.replace("很大。", "很大，收获也多。"), encoding="utf-8"
    )
    changed = cli("build", *twenty, "-o", out, "--format", "docx,pdf", "-j", "2")
    assert summary_row(changed.stdout)[:3] == ["1", "1", "18"]
    forced = cli("build", *twenty, "-o", out, "--format", "docx,pdf", "-j", "2", "--force")
    assert summary_row(forced.stdout)[:3] == ["19", "1", "0"]


def test_asking_for_another_format_is_not_skipped(twenty: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    cli("build", *twenty[:3], "-o", out, "--format", "docx")
    result = cli("build", *twenty[:3], "-o", out, "--format", "docx,pdf")
    assert summary_row(result.stdout)[:3] == ["3", "0", "0"]


def test_an_output_folder_that_cannot_be_written(twenty: list[Path], tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = cli("build", *twenty[:3], "-o", blocker, "-j", "2")
    assert result.exit_code == 1
    assert summary_row(result.stdout)[:3] == ["0", "3", "0"]
    assert f"{blocker}: 错误：无法在这里写文件" in result.stderr
