"""Drafts as offices hand them in: the seed text, a Word file, a GBK text file, bad files."""

from pathlib import Path

import docx
import pytest

from reportkit import build
from reportkit.errors import SourceError
from reportkit.source.drafts.load import load_draft
from reportkit.source.drafts.read import read_draft
from reportkit.source.load import load_bulletin
from tests.helpers import MINIMAL_BULLETIN, SEED, cli, need_seed, write_source

BULLETIN_WITHOUT_LIST = MINIMAL_BULLETIN.replace("articles:\n  - articles/a.yaml\n", "")


def test_the_seed_text_imports_with_titles_bylines_sections_and_points() -> None:
    draft = load_draft(need_seed())
    assert [a["title"] for a in draft.articles] == [
        "对标先进，全力打造“蓼河数谷”",
        "精准定位多措并举，强力实现产业升级",
        "建设国内一流健康产业园",
    ]
    assert [a["authors"] for a in draft.articles] == [
        [{"unit": "济宁高新区信息产业园管委会", "position": "主任", "name": "田雨"}],
        [{"unit": "济宁高新区经济发展局", "position": "副局长", "name": "王进"}],
        [{"unit": "济宁高新区健康产业园管委会", "position": "常务副主任", "name": "张健"}],
    ]
    first, second, third = draft.articles
    assert [s.get("kind") for s in first["sections"][:2]] == ["学习体会", "下步打算"]
    assert [p["lead"] for p in first["sections"][0]["points"]] == [
        "产业聚集效应十分明显。",
        "服务平台搭建十分完善。",
        "“园区管委会+公司”运作模式效果显著。",
    ]
    # the page-break damage is joined: "形成" + "了IT基础服务"
    assert "形成了IT基础服务" in first["sections"][0]["points"][1]["text"]
    assert len(first["sections"][1]["points"]) == 3
    headings = [s.get("heading") for s in second["sections"]]
    assert headings[:4] == [
        "精准招商 实现产业强链补链",
        "重大项目 构筑经济增长新引擎",
        "创新驱动 激发企业发展活力",
        "对我区的启示",
    ]
    innovation = second["sections"][2]
    assert innovation["run_on"] is True and [p["lead"] for p in innovation["points"]] == [
        "拓展创新空间。",
        "出台自主创新促进产业发展若干政策。",
        "全力排忧解难。",
    ]
    health = third["sections"][0]
    assert health["numbering"] == "（一）" and health["intro"].endswith("在三个方面抓落实求突破：")
    assert [p["lead"] for p in health["points"]] == [
        "探索园区实体化运作。",
        "精准推进产业发展。",
        "推进政产学研协同创新。",
    ]
    notes = [str(n) for n in draft.notes]
    assert (
        f"{SEED}:3: masthead: 警告：“近赶潍坊 远学长沙 比学赶超 勇攀新高 长沙篇”当作报头"
        "（名称：近赶潍坊　远学长沙、比学赶超　勇攀新高；分册：长沙篇），请核对"
    ) in notes
    assert draft.masthead == {
        "name": ["近赶潍坊　远学长沙", "比学赶超　勇攀新高"],
        "volume": "长沙篇",
    }
    assert any(":7: 标点: 警告：半角逗号“,”已改为全角“，”" in n for n in notes)


def test_import_command_writes_reviewable_yaml_that_builds(tmp_path: Path) -> None:
    result = cli("import", need_seed(), "-o", tmp_path / "articles")
    assert result.exit_code == 0, result.stderr
    written = sorted((tmp_path / "articles").glob("*.yaml"))
    assert [p.name for p in written] == [f"{SEED.stem}-0{i}.yaml" for i in (1, 2, 3)]
    text = written[1].read_text(encoding="utf-8")
    assert text.startswith(f"# 由 {SEED} 导入。请核对后使用。\n# 已规范")
    assert "“精准招商 实现产业强链补链”当作小标题，请核对" in text
    (tmp_path / "bulletin.yaml").write_text(BULLETIN_WITHOUT_LIST, encoding="utf-8")
    bulletin, _ = load_bulletin(tmp_path)
    assert [a.authors[0].name for a in bulletin.articles] == ["田雨", "王进", "张健"]


def test_numbering_gaps_are_reported_with_the_line(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "学习体会\n某某区发展局局长 李明\n\n学习体会\n\n一是理念新。对方的理念值得学习。\n\n三是作风实。干部作风扎实。\n",
        encoding="utf-8",
    )
    notes = [str(n) for n in load_draft(draft).notes]
    assert (
        f"{draft}:8: points: 警告：编号不连续：这里应是第 2 点，稿件写的是第 3 点，请核对" in notes
    )


def word_draft(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("学习长沙经验　建设一流园区", style="Title")
    document.add_paragraph("某某区商务局副局长 赵磊")
    document.add_paragraph("5月10日，我随团赴长沙学习。")
    heading = document.add_paragraph()
    heading.add_run("园区运营有新招").bold = True
    document.add_paragraph("一是平台化运营。建立平台公司。二是精准招商。围绕产业链招商。")
    document.add_paragraph("下步打算", style="Heading 1")
    document.add_paragraph("（一）完善机制。制定办法。")
    document.save(str(path))
    return path


def test_a_word_draft(tmp_path: Path) -> None:
    draft = load_draft(word_draft(tmp_path / "draft.docx"))
    (article,) = draft.articles
    assert article["title"] == "学习长沙经验　建设一流园区"
    assert article["authors"] == [{"unit": "某某区商务局", "position": "副局长", "name": "赵磊"}]
    assert article["lead"] == ["5月10日，我随团赴长沙学习。"]
    first, second = article["sections"]
    assert first["heading"] == "园区运营有新招"  # a bold paragraph is a heading
    assert [p["lead"] for p in first["points"]] == ["平台化运营。", "精准招商。"]
    assert second["kind"] == "下步打算" and second["numbering"] == "（一）"


def test_a_bulletin_folder_of_drafts_builds_in_file_name_order(tmp_path: Path) -> None:
    root = write_source(tmp_path / "src", {"bulletin.yaml": BULLETIN_WITHOUT_LIST})
    (root / "articles").mkdir()
    word_draft(root / "articles/2-zhao.docx")
    (root / "articles/1-li.md").write_text(
        "# 学习体会\n\n某某区发展局局长 李明\n\n本次学习收获很大。\n\n## 下步打算\n\n一是抓招商。围绕产业链招商。\n",
        encoding="utf-8",
    )
    outcome = build.build(root, build.Options(tmp_path / "out", formats=("docx", "pdf")))
    assert outcome.error is None, outcome.error
    bulletin, _ = load_bulletin(root)
    assert [a.authors[0].name for a in bulletin.articles] == ["李明", "赵磊"]


def test_gbk_text_is_detected_and_decoded(tmp_path: Path) -> None:
    draft = tmp_path / "gbk.txt"
    draft.write_bytes("学习体会\n某某区发展局局长 李明\n\n本次学习收获很大。\n".encode("gbk"))
    lines, notes = read_draft(draft)
    assert lines[0].text == "学习体会"
    assert [str(n) for n in notes] == [f"{draft}: 警告：文件是 GBK/GB18030 编码，已按此编码读取"]
    assert load_draft(draft).articles[0]["authors"][0]["name"] == "李明"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "文件是空的"),
        (
            "binary.txt",
            bytes(range(256)) * 20,
            "这不是文本文件（可能是 Word、PDF 或图片），请另存为 .txt 或 .docx",
        ),
        (
            "broken.docx",
            b"PK\x03\x04 this is not really a zip",
            "无法打开这个 Word 文件：文件已损坏，或不是 .docx。请在 Word 中打开后另存为 .docx 再试",
        ),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "这个 Word 文件有密码保护，或是旧版 .doc 格式：请去掉密码，或在 Word 中另存为 .docx 后再试",
        ),
    ],
)
def test_bad_draft_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError) as info:
        load_draft(path)
    assert [str(p) for p in info.value.problems] == [f"{path}: 错误：{message}"]


def test_bad_draft_in_a_bulletin_names_the_file_and_writes_nothing(tmp_path: Path) -> None:
    root = write_source(tmp_path / "src", {"bulletin.yaml": BULLETIN_WITHOUT_LIST})
    (root / "articles").mkdir()
    (root / "articles/a.docx").write_bytes(b"PK\x03\x04 broken")
    result = cli("build", root, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{root}/articles/a.docx: 错误：无法打开这个 Word 文件" in result.stderr
    assert not (tmp_path / "out").exists()


def test_huge_and_bomb_yaml(tmp_path: Path) -> None:
    from reportkit.source import yamlfile

    bomb = tmp_path / "bomb.yaml"
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in "bcdef":
        previous = levels[-1][0]
        levels.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]")
    bomb.write_text("\n".join(levels) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        yamlfile.load(bomb)
    assert "内容太多：展开后超过 200000 项" in str(info.value)
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        yamlfile.load(deep)
    assert "嵌套层次太深" in str(info.value)
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: " + b"x" * (6 * 1024 * 1024))
    with pytest.raises(SourceError) as info:
        yamlfile.load(huge)
    assert "文件太大" in str(info.value)


def test_numbered_headings_on_their_own_line(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "学习长沙经验\n某某区发展局局长 李明\n\n（一）园区运营\n\n一是平台化运营。建立平台公司。\n\n"
        "（二）招商引资\n\n一是精准招商。围绕产业链招商。\n",
        encoding="utf-8",
    )
    (article,) = load_draft(draft).articles
    assert [s.get("heading") for s in article["sections"]] == ["园区运营", "招商引资"]
    assert [len(s["points"]) for s in article["sections"]] == [1, 1]
