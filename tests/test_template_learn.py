"""reportkit template learn: a house template learned back from a document it built builds
the same document; only what differs from the base is written, each value with where it came
from (and with several samples, how many agreed); what cannot be learned from is refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from reportkit import build
from reportkit.template import registry
from tests.helpers import REPO, cli
from tests.officedocs import office_report

HOUSE_BULLETIN = """\
# An office's own bulletin: its name fixed in the red head, its red, its 仿宋, a larger
# title, other margins, page numbers centred as "- N -".
extends: gbt9704-bulletin
name: house-bulletin
page: {margin_top: 35mm, margin_left: 27mm}
colours: {red: "#C00000"}
fonts:
  fangsong:
    east_asian: [仿宋, FangSong, FandolFang, AR PL UMing CN, Noto Serif CJK SC]
styles:
  title: {size: 一号}
page_number: {odd: center, even: center}
pieces:
  page_number: page_number.j2
"""
HOUSE_REPORT = """\
extends: gbt9704-report
name: house-report
styles:
  issuer_mark: {top: 30mm, size: 小初}
  addressee: {font: kaiti}
rules:
  issuer: {width: 2pt}
page_number: {indent: 0.5}
pieces:
  issuer_mark: issuer_mark.j2
"""


def _house(root: Path, name: str, text: str, pieces: dict[str, str]) -> Path:
    folder = root / name
    (folder / "pieces").mkdir(parents=True)
    (folder / "template.yaml").write_text(text, encoding="utf-8")
    for file, content in pieces.items():
        (folder / "pieces" / file).write_text(content, encoding="utf-8")
    return folder


def _bulletin_house(root: Path) -> Path:
    base = yaml.safe_load((REPO / "templates/gbt9704-bulletin/template.yaml").read_text("utf-8"))
    parts = base["parts"]
    parts[1] = {"part": "text", "style": "masthead_name", "runs": [{"text": "某某区委办公室简报"}]}
    text = HOUSE_BULLETIN + yaml.safe_dump({"parts": parts}, allow_unicode=True, sort_keys=False)
    return _house(root, "house-bulletin", text, {"page_number.j2": "- {{ n }} -\n"})


def _built(source: str, out: Path, template: Path | None) -> Path:
    options = build.Options(out, ("docx", "pdf"), str(template) if template else None)
    outcome = build.build(REPO / "sources" / source, options)
    assert outcome.error is None, outcome.error
    return out / f"{source}.docx"


def test_a_house_bulletin_learned_back_builds_the_same_document(tmp_path: Path) -> None:
    house = _bulletin_house(tmp_path)
    sample = _built("changsha", tmp_path / "house", house)
    result = cli("template", "learn", sample, tmp_path / "learned")
    assert result.exit_code == 0, result.output
    assert result.output == f"已写出模板 {tmp_path / 'learned'}（与基础模板不同之处 9 项）\n"
    written = (tmp_path / "learned" / "template.yaml").read_text(encoding="utf-8")
    lines = written.splitlines()
    assert lines[:5] == [
        "# 由 reportkit template learn 从 1 份样本学得：changsha.docx",
        "# 只写与基础模板不同之处；每项后的注释说明它取自样本的哪里。",
        "extends: gbt9704-bulletin",
        "name: learned",
        "page:",
    ]
    for line in (
        "  margin_left: 27mm   # 样本 changsha.docx：页面设置",
        "  margin_top: 35mm   # 样本 changsha.docx：页面设置",
        "  red: '#C00000'   # 样本 changsha.docx：报头名称（第 2 段）",
        "    east_asian: [仿宋, 仿宋_GB2312, FangSong, FangSong_GB2312, FandolFang, AR PL UMing CN, Noto Serif CJK SC]   # 样本 changsha.docx：正文（第 8 段）",
        "    size: 一号   # 样本 changsha.docx：文章标题（第 6 段）",
        "  odd: center   # 样本 changsha.docx：奇数页页脚",
        "  even: center   # 样本 changsha.docx：偶数页页脚",
        "# 各部分照基础模板排列，只改了红头文字（样本 changsha.docx：红头（第 2 段））",
        "  - text: 某某区委办公室简报",
    ):
        assert line in lines, line
    assert (tmp_path / "learned/pieces/page_number.j2").read_text(encoding="utf-8") == (
        "{# 取自样本 changsha.docx：奇数页页脚 #}- {{ n }} -\n"
    )
    again = _built("changsha", tmp_path / "again", tmp_path / "learned")
    # the same document: every part of the .docx but the template's name, every byte of the
    # PDF (text, fonts, page geometry)
    _assert_same_document(again, sample, "learned", "house-bulletin")


def test_a_house_report_learned_back_builds_the_same_document(tmp_path: Path) -> None:
    house = _house(
        tmp_path, "house-report", HOUSE_REPORT, {"issuer_mark.j2": "济宁高新区党工委文件\n"}
    )
    sample = _built("changsha-report", tmp_path / "house", house)
    assert cli("template", "learn", sample, tmp_path / "learned").exit_code == 0
    learned = yaml.safe_load((tmp_path / "learned/template.yaml").read_text(encoding="utf-8"))
    assert learned == {
        "extends": "gbt9704-report",
        "name": "learned",
        "styles": {"issuer_mark": {"size": "小初", "top": "30mm"}, "addressee": {"font": "kaiti"}},
        "rules": {"issuer": {"width": "2pt"}},
        "page_number": {"indent": 0.5},
        "pieces": {"issuer_mark": "issuer_mark.j2"},
    }
    again = _built("changsha-report", tmp_path / "again", tmp_path / "learned")
    _assert_same_document(again, sample, "learned", "house-report")


def test_several_samples_say_how_many_agreed(tmp_path: Path) -> None:
    house = _bulletin_house(tmp_path)
    samples = [
        _built("changsha", tmp_path / "a", house),
        _built("changsha", tmp_path / "b", house),
        _built("changsha", tmp_path / "c", None),
    ]
    for number, sample in enumerate(samples):
        sample.rename(sample.with_name(f"{number}.docx"))
    named = [s.with_name(f"{n}.docx") for n, s in enumerate(samples)]
    result = cli("template", "learn", *named, tmp_path / "learned")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "learned/template.yaml").read_text(encoding="utf-8")
    assert "  margin_top: 35mm   # 3 份样本中 2 份一致（0.docx：页面设置）" in text
    assert "只改了红头文字（3 份样本中 2 份一致（0.docx：红头（第 2 段）））" in text
    registry.load(str(tmp_path / "learned"))
    # two samples, two red heads: no majority, the base's kept and the difference said
    result = cli("template", "learn", named[0], named[2], tmp_path / "split")
    assert result.exit_code == 0
    text = (tmp_path / "split/template.yaml").read_text(encoding="utf-8")
    assert (
        "# 注意：样本在红头文字上不一致（0.docx：某某区委办公室简报，"
        "2.docx：近赶潍坊 远学长沙、比学赶超 勇攀新高），沿用基础模板"
    ) in text
    assert "parts:" not in text and "margin_top" not in text


def test_an_office_document_is_learned_from_as_word_formats_it(tmp_path: Path) -> None:
    sample = office_report(tmp_path / "office.docx")
    assert cli("template", "learn", sample, tmp_path / "learned").exit_code == 0
    learned = yaml.safe_load((tmp_path / "learned/template.yaml").read_text(encoding="utf-8"))
    assert learned["styles"] == {"issuer_mark": {"size": "小初"}}
    assert (
        (tmp_path / "learned/pieces/issuer_mark.j2")
        .read_text(encoding="utf-8")
        .endswith("#}某某区人民政府文件\n")
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "archive.pdf",
            b"%PDF-1.7\n",
            "不能用来学习模板：只能从 Word 文档（.docx）学习，PDF 里没有样式、字体名和页面设置",
        ),
        (
            "old.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "无法读取：这是旧版 Word 文档（.doc）或设了密码的文档，请去掉密码或在 Word 中另存为 .docx",
        ),
        (
            "damaged.docx",
            b"PK\x03\x04 cut short",
            "无法读取：文件已损坏，或不是 Word 文档（.docx）",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0", "不能用来学习模板：只能从 Word 文档（.docx）学习"),
    ],
)
def test_what_cannot_be_learned_from_is_refused(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("template", "learn", path, tmp_path / "learned")
    assert result.exit_code == 1
    assert result.output.strip() == f"{path}: 错误：{message}"
    assert not (tmp_path / "learned").exists()


def test_samples_of_two_kinds_and_a_template_already_there(tmp_path: Path) -> None:
    bulletin = _built("changsha", tmp_path / "b", None)
    report = _built("changsha-report", tmp_path / "r", None)
    mixed = cli("template", "learn", bulletin, report, tmp_path / "learned")
    assert mixed.exit_code == 1
    assert (
        "样本不是同一类公文（changsha.docx 是简报，changsha-report.docx 是报告），请分开学习"
        in mixed.output
    )
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "template.yaml").write_text(
        "extends: gbt9704-bulletin\nname: house\n", encoding="utf-8"
    )
    kept = cli("template", "learn", bulletin, folder)
    assert kept.exit_code == 1
    assert "已经有模板（template.yaml），没有覆盖" in kept.output
    assert (folder / "template.yaml").read_text(
        encoding="utf-8"
    ) == "extends: gbt9704-bulletin\nname: house\n"
    assert cli("template", "learn", bulletin, folder, "--force").exit_code == 0
    assert cli("template", "learn", bulletin).output.startswith(
        "错误：请写出样本文件和要写出的模板文件夹"
    )


def _assert_same_document(again: Path, sample: Path, learned: str, house: str) -> None:
    """The .docx built with the learned template is the sample part for part, its custom
    properties naming the learned template where the sample's name the house's; the PDFs are
    the same bytes."""
    with zipfile.ZipFile(again) as built, zipfile.ZipFile(sample) as original:
        assert built.namelist() == original.namelist()
        for name in built.namelist():
            made, wanted = built.read(name), original.read(name)
            if name == "docProps/custom.xml":
                assert f"<vt:lpwstr>{learned}</vt:lpwstr>".encode() in made
                wanted = wanted.replace(f">{house}<".encode(), f">{learned}<".encode())
            assert made == wanted, name
    assert again.with_suffix(".pdf").read_bytes() == sample.with_suffix(".pdf").read_bytes()
