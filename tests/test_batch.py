"""Many bulletins at once: in parallel, past bad ones, skipping what is up to date."""

import json
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


def _sources(root: Path, count: int) -> list[Path]:
    return [minimal_source(root / f"b{number:02d}") for number in range(count)]


def test_a_bug_in_one_bulletin_fails_that_one_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any exception that is not a user error fails its bulletin with a message asking for a
    report; the traceback goes to the error log; the others build and the manifest is kept."""
    from reportkit import batch, build

    real = build.build

    def flaky(source: Path, options):  # type: ignore[no-untyped-def]
        if source.name == "b02":
            raise RuntimeError("模拟的内部错误")
        return real(source, options)

    monkeypatch.setattr(batch, "build", flaky)
    sources = _sources(tmp_path / "src", 4)
    out = tmp_path / "out"
    for jobs in (1, 2):
        results = batch.run(sources, build.Options(out), jobs=jobs, force=True)
        assert [r.status for r in results] == ["built", "built", "failed", "built"]
        assert results[2].errors == [
            f"{sources[2]}: 错误：reportkit 内部错误（RuntimeError: 模拟的内部错误），请报告",
            f"{sources[2]}: 错误的详细信息已记入 {out / 'reportkit-errors.log'}，报告问题时请附上",
        ]
    log = (out / "reportkit-errors.log").read_text(encoding="utf-8")
    assert log.count("RuntimeError: 模拟的内部错误") == 2 and "Traceback" in log
    manifest = json.loads((out / ".reportkit-manifest.json").read_text(encoding="utf-8"))
    assert sorted(Path(k).name for k in manifest) == ["b00", "b01", "b03"]


def test_a_worker_that_dies_fails_its_bulletin_and_the_summary_is_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from reportkit import batch, build

    real = build.build

    def dying(source: Path, options):  # type: ignore[no-untyped-def]
        if source.name == "b01":
            os._exit(9)  # as if killed for want of memory
        return real(source, options)

    monkeypatch.setattr(batch, "build", dying)
    sources = _sources(tmp_path / "src", 3)
    result = cli("build", *sources, "-o", tmp_path / "out", "-j", "2")
    assert result.exit_code == 1
    assert f"{sources[1]}: 错误：排版进程意外结束（BrokenProcessPool）" in result.stderr
    assert summary_row(result.stdout)[1] != "0"
    assert (tmp_path / "out" / ".reportkit-manifest.json").is_file() or not list(
        (tmp_path / "out").glob("*.docx")
    )


def test_two_bulletins_with_one_name_are_refused(tmp_path: Path) -> None:
    first = minimal_source(tmp_path / "甲" / "专刊")
    second = minimal_source(tmp_path / "乙" / "专刊")
    other = minimal_source(tmp_path / "丙" / "另一期")
    out = tmp_path / "out"
    result = cli("build", first, second, other, "-o", out)
    assert result.exit_code == 1
    for path in (first, second):
        assert (
            f"{path}: 错误：有 2 个简报都叫“专刊”（{first}、{second}），输出文件会互相覆盖；"
            "请给文件夹改名后再生成"
        ) in result.stderr
    assert summary_row(result.stdout)[:2] == ["1", "2"]
    assert sorted(p.name for p in out.glob("*.docx")) == ["另一期.docx"]


def test_the_manifest_compares_contents_and_keeps_other_entries(tmp_path: Path) -> None:
    first, second = _sources(tmp_path / "src", 2)
    out = tmp_path / "out"
    assert cli("build", first, "-o", out).exit_code == 0
    assert cli("build", second, "-o", out).exit_code == 0
    manifest = json.loads((out / ".reportkit-manifest.json").read_text(encoding="utf-8"))
    assert sorted(Path(k).name for k in manifest) == ["b00", "b01"]
    assert "跳过" in cli("build", first, "-o", out).stdout
    # an output changed in place, same size: rebuilt, not skipped
    docx = out / "b00.docx"
    data = bytearray(docx.read_bytes())
    data[-30] ^= 0xFF
    docx.write_bytes(bytes(data))
    again = cli("build", first, "-o", out)
    assert "跳过" not in again.stdout and "已写出" in again.stdout


def test_part_files_of_a_killed_build_are_cleaned_up(tmp_path: Path) -> None:
    import os

    source = minimal_source(tmp_path / "src")
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".src.docx.999999999.abc123.part"  # no such process
    old_style = out / ".src.pdf.k2j3h4.part"
    live = out / f".other.docx.{os.getpid()}.def456.part"  # another build still writing
    for path in (stale, old_style, live):
        path.write_bytes(b"half")
    assert cli("build", source, "-o", out).exit_code == 0
    assert not stale.exists() and not old_style.exists()
    assert live.exists()
