"""The command line as a user runs it: summaries, exit codes, atomic outputs."""

from pathlib import Path

from tests.helpers import MINIMAL_ARTICLE, REPO, cli, minimal_source


def test_build_writes_the_docx_and_says_so(tmp_path: Path) -> None:
    result = cli("build", REPO / "sources/changsha", "-o", tmp_path)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"已写出 {tmp_path}/changsha.docx（")
    assert "title: 警告：半角逗号“,”已改为全角“，”" in result.stderr
    assert (tmp_path / "changsha.docx").stat().st_size > 5000
    # no temporary files left; the manifest remembers what was built from what
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".reportkit-manifest.json",
        "changsha.docx",
    ]


def test_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "reportkit", "validate", str(REPO / "sources/changsha")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0
    assert run.stdout.strip().endswith("可以排版，1 条警告")


def test_invalid_input_writes_nothing_and_keeps_the_good_file(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src")
    out = tmp_path / "out"
    assert cli("build", source, "-o", out).exit_code == 0
    good = (out / "src.docx").read_bytes()
    (source / "articles/a.yaml").write_text(
        MINIMAL_ARTICLE.replace("title: 学习体会", "title:"), encoding="utf-8"
    )
    result = cli("build", source, "-o", out)
    assert result.exit_code == 1
    assert f"{source}/articles/a.yaml:1: title: 错误：“title”（标题）不能为空" in result.stderr
    assert f"失败 1 个：{source}" in result.stderr
    assert (out / "src.docx").read_bytes() == good
    assert sorted(p.name for p in out.iterdir()) == [".reportkit-manifest.json", "src.docx"]


def test_one_bad_source_does_not_stop_the_others(tmp_path: Path) -> None:
    good = minimal_source(tmp_path / "good")
    bad = minimal_source(tmp_path / "bad", **{"articles/a.yaml": "title: [\n"})
    result = cli("build", bad, good, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert (tmp_path / "out/good.docx").exists()
    assert not (tmp_path / "out/bad.docx").exists()


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    source = minimal_source(
        tmp_path / "src", **{"articles/a.yaml": MINIMAL_ARTICLE.replace("很大。", "很大!")}
    )
    result = cli("build", source, "-o", tmp_path / "out", "--strict")
    assert result.exit_code == 1
    assert (
        "lead: 错误：半角叹号“!”已改为全角“！”（学习收获很大!）（--strict：警告按错误处理）"
        in result.stderr
    )
    assert not (tmp_path / "out").exists()
    assert cli("build", source, "-o", tmp_path / "out").exit_code == 0


def test_normalisation_can_be_switched_off(tmp_path: Path) -> None:
    source = minimal_source(
        tmp_path / "src", **{"articles/a.yaml": MINIMAL_ARTICLE.replace("很大。", "很大!")}
    )
    result = cli("build", source, "-o", tmp_path / "out", "--no-normalize", "--strict")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_validate_exit_codes(tmp_path: Path) -> None:
    good = minimal_source(tmp_path / "good")
    bad = minimal_source(tmp_path / "bad", **{"bulletin.yaml": "masthead: {}\n"})
    assert cli("validate", good).exit_code == 0
    result = cli("validate", good, bad)
    assert result.exit_code == 1
    assert (
        f"{bad}/bulletin.yaml:1: masthead.name: 错误：缺少必填字段“name”（名称/姓名）"
        in result.stderr
    )
    assert (
        f"{bad}/bulletin.yaml:1: masthead.date: 错误：缺少必填字段“date”（日期）" in result.stderr
    )
    assert not list(tmp_path.rglob("*.docx"))


def test_asking_for_an_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    result = cli(
        "build", minimal_source(tmp_path / "src"), "-o", tmp_path / "out", "--format", "docx,odt"
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：不支持的输出格式“odt”，目前可以输出：docx")
    assert not (tmp_path / "out").exists()


def test_templates_lists_the_builtin_template() -> None:
    result = cli("templates")
    assert result.exit_code == 0
    assert result.stdout.startswith("gbt9704-bulletin\t简报/专刊，GB/T 9704-2012 版式")


def test_template_path_option(tmp_path: Path) -> None:
    result = cli(
        "build",
        minimal_source(tmp_path / "src"),
        "-o",
        tmp_path / "out",
        "--template",
        REPO / "templates/gbt9704-bulletin",
    )
    assert result.exit_code == 0


def test_output_that_is_a_file_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    result = cli("build", minimal_source(tmp_path / "src"), "-o", blocker)
    assert result.exit_code == 1
    assert f"{blocker}: 错误：无法在这里写文件" in result.stderr
