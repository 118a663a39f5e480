"""The archive PDF as a reader and an archive see it: dated by its build, text that searches
and copies as written, a structure tree, PDF/A."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pikepdf
import pytest

from reportkit import build
from tests.helpers import MINIMAL_BULLETIN, REPO, cli, docx_xml, minimal_source

# dates ---------------------------------------------------------------------------------------


def _dates(folder: Path, name: str) -> tuple[str, str, str, str]:
    """The PDF's CreationDate and ModDate, its XMP CreateDate, the .docx's dcterms:created."""
    with pikepdf.open(folder / f"{name}.pdf") as pdf:
        info, meta = pdf.docinfo, pdf.open_metadata()
        created, modified, xmp = str(info.CreationDate), str(info.ModDate), meta["xmp:CreateDate"]
        assert meta["xmp:ModifyDate"] == meta["xmp:MetadataDate"] == xmp
    core = {e.tag.rpartition("}")[2]: e.text for e in docx_xml(folder / f"{name}.docx", CORE)}
    assert core["modified"] == core["created"]
    return created, modified, xmp, core["created"]


CORE = "docProps/core.xml"
BOTH = ("docx", "pdf")


def test_outputs_are_dated_by_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    source = minimal_source(tmp_path / "src")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    outcome = build.build(source, build.Options(tmp_path / "out", formats=BOTH))
    after = dt.datetime.now(dt.UTC)
    assert outcome.error is None, outcome.error
    created, modified, xmp, docx = _dates(tmp_path / "out", "src")
    made = dt.datetime.fromisoformat(xmp)
    assert made.tzinfo is not None and before <= made <= after
    assert created == modified == made.strftime("D:%Y%m%d%H%M%S") + _pdf_zone(made)
    assert docx == made.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert made.date() != dt.date(2024, 5, 6)  # not the bulletin's date any more


def _pdf_zone(when: dt.datetime) -> str:
    offset = when.utcoffset()
    assert offset is not None
    if not offset:
        return "Z"
    minutes = int(abs(offset).total_seconds()) // 60
    return f"{'-' if offset.total_seconds() < 0 else '+'}{minutes // 60:02d}'{minutes % 60:02d}'"


def test_source_date_epoch_fixes_the_date_and_the_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    source = minimal_source(tmp_path / "src")
    for out in ("a", "b"):
        assert build.build(source, build.Options(tmp_path / out, formats=BOTH)).error is None
    assert _dates(tmp_path / "a", "src") == (
        "D:20231114221320Z",
        "D:20231114221320Z",
        "2023-11-14T22:13:20+00:00",
        "2023-11-14T22:13:20Z",
    )
    for name in ("src.pdf", "src.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


ARCHIVED = MINIMAL_BULLETIN.replace(
    "  date: 2024-05-06\n", "  date: 2024-05-06\n  archive_date: {}\n"
)


@pytest.mark.parametrize(
    ("written", "pdf", "xmp", "docx"),
    [
        (
            "2024-06-18 09:30",
            "D:20240618093000+08'00'",
            "2024-06-18T09:30:00+08:00",
            "2024-06-18T01:30:00Z",
        ),
        (
            "2024年6月18日",
            "D:20240618000000+08'00'",
            "2024-06-18T00:00:00+08:00",
            "2024-06-17T16:00:00Z",
        ),
        (
            '"2024-06-18T09:30:15+02:00"',
            "D:20240618093015+02'00'",
            "2024-06-18T09:30:15+02:00",
            "2024-06-18T07:30:15Z",
        ),
        (
            "2024年6月18日 9时5分",
            "D:20240618090500+08'00'",
            "2024-06-18T09:05:00+08:00",
            "2024-06-18T01:05:00Z",
        ),
    ],
)
def test_a_source_fixes_its_archive_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, pdf: str, xmp: str, docx: str
) -> None:
    """Written without a zone, the time is China Standard Time; it wins over
    SOURCE_DATE_EPOCH, and builds at different times give the same bytes."""
    source = minimal_source(tmp_path / "src", **{"bulletin.yaml": ARCHIVED.format(written)})
    assert build.build(source, build.Options(tmp_path / "a", formats=BOTH)).error is None
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build.build(source, build.Options(tmp_path / "b", formats=BOTH)).error is None
    assert _dates(tmp_path / "a", "src") == (pdf, pdf, xmp, docx)
    for name in ("src.pdf", "src.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize("kind", ["changsha-report", "changsha-minutes"])
def test_a_report_and_minutes_fix_it_in_their_head(tmp_path: Path, kind: str) -> None:
    source = tmp_path / kind
    shutil.copytree(REPO / "sources" / kind, source)
    head = source / ("report.yaml" if kind.endswith("report") else "minutes.yaml")
    head.write_text(
        head.read_text(encoding="utf-8") + "\narchive_date: 2019-04-28 16:00\n", encoding="utf-8"
    )
    assert build.build(source, build.Options(tmp_path / "out", formats=BOTH)).error is None
    assert _dates(tmp_path / "out", kind)[2:] == (
        "2019-04-28T16:00:00+08:00",
        "2019-04-28T08:00:00Z",
    )


def test_a_wrong_archive_date_is_named(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src", **{"bulletin.yaml": ARCHIVED.format("6月18日")})
    result = cli("build", source, "-o", tmp_path / "out", "--format", "pdf")
    assert result.exit_code == 1
    assert (
        f"{source}/bulletin.yaml:6: masthead.archive_date: 错误：存档时间写法不对：“6月18日”，"
        "应写作 2024-06-18、2024-06-18 09:30 或 2024年6月18日 9时30分"
    ) in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))


def test_a_wrong_source_date_epoch_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2024-06-18")
    result = cli("build", minimal_source(tmp_path / "src"), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert (
        "SOURCE_DATE_EPOCH: 错误：环境变量 SOURCE_DATE_EPOCH 应为从 1970-01-01 起的秒数（整数），"
        "而不是“2024-06-18”"
    ) in result.stderr


def test_a_batch_skips_outputs_dated_by_their_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outputs dated by the build differ from run to run, but the manifest keeps the hash of
    what was written: an unchanged source is skipped, and its files stay as they were.  Fixing
    SOURCE_DATE_EPOCH builds it again."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    source, out = minimal_source(tmp_path / "src"), tmp_path / "out"
    assert cli("build", source, "-o", out, "--format", "docx,pdf").exit_code == 0
    written = {p.name: p.read_bytes() for p in out.glob("src.*")}
    again = cli("build", source, "-o", out, "--format", "docx,pdf")
    assert "跳过" in again.stdout and "已写出" not in again.stdout
    assert {p.name: p.read_bytes() for p in out.glob("src.*")} == written
    manifest = json.loads((out / ".reportkit-manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 1
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    fixed = cli("build", source, "-o", out, "--format", "docx,pdf")
    assert "已写出" in fixed.stdout
    assert _dates(out, "src")[0] == "D:20231114221320Z"
