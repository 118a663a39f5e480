"""Drafts in the forms offices really hand in: a compilation headed by the bulletin's name,
compound positions, subtitles, numbered section headings, credit lines, text pasted from a PDF,
from Word and from WeChat — and import runs that must not lose anybody's work."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import yaml

from reportkit import build
from reportkit.source import yamlfile
from reportkit.source.drafts.load import load_draft
from reportkit.source.load import load_bulletin
from tests.helpers import W, cli, docx_xml

HANGZHOU = """\
学习简报 第5期 杭州篇

激发市场活力　推动高质量发展——赴杭州学习考察的几点思考

某某区委办公室党组书记、主任 李某
某某区人民政府副区长、党组成员 王某

5月5日至6日，我们随考察团赴杭州学习，收获很大。

一、学习体会

一是理念新。杭州坚持数字赋能，同比增长70%,5G基站建成120个。

二、下步打算

一是抓招商。围绕产业链招商。

三、几点启示

一是要敢于创新。创新是第一动力。

（执笔：张三）
"""


def draft(tmp_path: Path, text: str, name: str = "稿件.txt") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_compilation_draft_in_every_new_form(tmp_path: Path) -> None:
    loaded = load_draft(draft(tmp_path, HANGZHOU))
    assert loaded.masthead == {"name": "学习简报", "issue": 5, "volume": "杭州篇"}
    (article,) = loaded.articles
    assert article["title"] == "激发市场活力　推动高质量发展"
    assert article["subtitle"] == "——赴杭州学习考察的几点思考"
    assert article["authors"] == [
        {"unit": "某某区委办公室", "position": "党组书记、主任", "name": "李某"},
        {"unit": "某某区人民政府", "position": "副区长、党组成员", "name": "王某"},
    ]
    assert [(s.get("kind"), s.get("heading")) for s in article["sections"]] == [
        ("学习体会", None),
        ("下步打算", None),
        ("启示", "几点启示"),
    ]
    assert article["heading_numbering"] == "一、"
    assert article["credit"] == "执笔：张三"
    assert (
        article["sections"][0]["points"][0]["text"]
        == "杭州坚持数字赋能，同比增长70%，5G基站建成120个。"
    )


@pytest.mark.parametrize(
    ("line", "unit", "position"),
    [
        ("区委办公室党组书记、主任 李某", "区委办公室", "党组书记、主任"),
        ("某某区副区长、党组成员 王某", "某某区", "副区长、党组成员"),
        ("某某县商务局党组书记、局长　赵某", "某某县商务局", "党组书记、局长"),
        ("高新区管委会常务副主任 张健", "高新区管委会", "常务副主任"),
        ("某某镇党委委员、副镇长 孙某", "某某镇", "党委委员、副镇长"),
    ],
)
def test_compound_positions(tmp_path: Path, line: str, unit: str, position: str) -> None:
    text = f"学习体会\n{line}\n\n本次学习收获很大。\n"
    (article,) = load_draft(draft(tmp_path, text)).articles
    assert article["authors"][0]["unit"] == unit
    assert article["authors"][0]["position"] == position


@pytest.mark.parametrize(
    "head",
    [
        "学习先进经验——在全区学习考察交流会上的发言",
        "学习先进经验\n——在全区学习考察交流会上的发言",
        "学习先进经验\n—在全区学习考察交流会上的发言",
        "学习先进经验 —— 在全区学习考察交流会上的发言",
    ],
)
def test_a_subtitle_on_the_same_line_or_the_next(tmp_path: Path, head: str) -> None:
    text = f"{head}\n某某区发展局局长 李明\n\n本次学习收获很大。\n"
    (article,) = load_draft(draft(tmp_path, text)).articles
    assert article["title"] == "学习先进经验"
    assert article["subtitle"] == "——在全区学习考察交流会上的发言"
    assert article["authors"][0]["name"] == "李明"


@pytest.mark.parametrize(
    ("headings", "kinds", "numbering"),
    [
        (
            ("一、学习体会", "二、下步打算", "三、几点启示"),
            ["学习体会", "下步打算", "启示"],
            "一、",
        ),
        (
            ("（一）心得体会", "（二）下一步工作打算", "（三）对我区的启示"),
            ["学习体会", "下步打算", "启示"],
            "（一）",
        ),
        (("学习体会", "下步打算", "启示"), ["学习体会", "下步打算", "启示"], None),
    ],
)
def test_numbered_kind_headings_keep_kind_and_numbering(
    tmp_path: Path, headings: tuple[str, ...], kinds: list[str], numbering: str | None
) -> None:
    body = "\n\n".join(f"{h}\n\n一是要点一。内容。" for h in headings)
    text = f"学习先进经验\n某某区发展局局长 李明\n\n{body}\n"
    (article,) = load_draft(draft(tmp_path, text)).articles
    assert [s["kind"] for s in article["sections"]] == kinds
    assert article.get("heading_numbering") == numbering


@pytest.mark.parametrize(
    "credit", ["（执笔：张三）", "（供稿：区发展局）", "(撰稿:李四)", "（整理：办公室）"]
)
def test_credit_lines(tmp_path: Path, credit: str) -> None:
    text = f"学习先进经验\n某某区发展局局长 李明\n\n本次学习收获很大。\n\n{credit}\n"
    (article,) = load_draft(draft(tmp_path, text)).articles
    assert article["credit"].split("：")[0] in ("执笔", "供稿", "撰稿", "整理")
    assert "sections" not in article or not article["sections"]


def test_import_of_a_compilation_writes_a_bulletin_that_builds(tmp_path: Path) -> None:
    source = draft(tmp_path, HANGZHOU, "杭州/汇编.txt")
    folder = tmp_path / "bulletin"
    result = cli("import", source, "-o", folder / "articles")
    assert result.exit_code == 0, result.stderr
    bulletin_text = (folder / "bulletin.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(bulletin_text)
    assert data["masthead"]["name"] == "学习简报" and data["masthead"]["volume"] == "杭州篇"
    assert data["masthead"]["issue"] == 5 and data["articles"] == ["articles/汇编.yaml"]
    out = tmp_path / "out"
    built = cli("build", folder, "-o", out, "--format", "docx,pdf")
    assert built.exit_code == 0, built.stderr
    # the PDF: subtitle and credit each a line of their own, the credit flush right
    with pdfplumber.open(out / "bulletin.pdf") as pdf:
        text = "".join(c["text"] for c in pdf.pages[0].chars)
        credit = [c for c in pdf.pages[0].chars if c["text"] == "）"][-1]
        assert credit["x1"] == pytest.approx((28 + 156) * 72 / 25.4 - 16, abs=1.0)
    assert "一、学习体会" in text and "三、几点启示" in text
    assert "——赴杭州学习考察的几点思考" in text and "（执笔：张三）" in text
    # the .docx: the same paragraphs in their own styles
    root = docx_xml(out / "bulletin.docx")
    styles = {
        "".join(t.text or "" for t in p.iter(f"{W}t")): (p.find(f"{W}pPr/{W}pStyle").get(f"{W}val"))
        for p in root.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None
    }
    assert styles["——赴杭州学习考察的几点思考"] != styles["（执笔：张三）"]
    assert "（执笔：张三）" in styles and "三、几点启示" in styles


def test_import_keeps_drafts_with_the_same_name_apart(tmp_path: Path) -> None:
    first = draft(tmp_path, "学习体会甲\n某某区发展局局长 李明\n\n收获很大。\n", "甲/发言.txt")
    second = draft(tmp_path, "学习体会乙\n某某区商务局局长 王某\n\n收获很多。\n", "乙/发言.txt")
    result = cli("import", first, second, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "out").glob("*.yaml"))
    assert written == ["bulletin.yaml", "乙-发言.yaml", "甲-发言.yaml"]
    titles = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["title"]
        for p in (tmp_path / "out").glob("*-发言.yaml")
    }
    assert titles == {"学习体会甲", "学习体会乙"}


def test_import_never_replaces_a_corrected_file(tmp_path: Path) -> None:
    source = draft(tmp_path, "学习体会\n某某区发展局局长 李明\n\n收获很大。\n")
    out = tmp_path / "out"
    assert cli("import", source, "-o", out).exit_code == 0
    target = out / "稿件.yaml"
    corrected = target.read_text(encoding="utf-8").replace("收获很大。", "收获很大，感触很深。")
    target.write_text(corrected, encoding="utf-8")
    again = cli("import", source, "-o", out)
    assert again.exit_code == 1
    assert (
        f"{target}: 错误：文件已经存在，可能已经核对修改过，没有覆盖。如要重新导入，请先改名或删除它，或加 --force"
        in again.stderr
    )
    assert target.read_text(encoding="utf-8") == corrected
    unchanged = draft(tmp_path, "学习体会二\n某某区发展局局长 李明\n\n收获很大。\n", "另一篇.txt")
    assert cli("import", unchanged, "-o", out).exit_code == 0
    assert cli("import", unchanged, "-o", out).exit_code == 0  # the same content again: fine
    forced = cli("import", source, "-o", out, "--force")
    assert forced.exit_code == 0 and "感触很深" not in target.read_text(encoding="utf-8")


def test_import_writes_only_yaml_its_loader_reads(tmp_path: Path) -> None:
    name = "稿件\x01\u2028.txt"  # a file name with characters that would break a comment
    source = draft(tmp_path, "学习体会\n某某区发展局局长 李明\n\n收获\x02很大。\n", name)
    result = cli("import", source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    (written,) = (tmp_path / "out").glob("稿件*.yaml")
    data, _ = yamlfile.load(written)
    assert data["lead"] == ["收获很大。"]


@pytest.mark.parametrize("kind", ["bomb", "deep"])
def test_import_refuses_hostile_yaml(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    if kind == "bomb":
        levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for level in "bcdef":
            levels.append(f"{level}: &{level} [" + ", ".join([f"*{levels[-1][0]}"] * 10) + "]")
        path.write_text("\n".join(levels) + "\n", encoding="utf-8")
    else:
        path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert ("内容太多" if kind == "bomb" else "嵌套层次太深") in result.stderr
    assert not (tmp_path / "out").exists()


PASTED_FROM_A_PDF = (
    "学习长沙经验　建设一流园区\n"
    "某某区商务局副局长 赵磊\n"
    "\n"
    "5月10日，我随团赴长沙学习，长沙高新区的发展理念和工作作风给我留下了深刻印象，值得\n"
    "\x0c— 2 —\n"
    "我们认真学习。\n"
    "学习体会\n"
    "一是平台化运营。建立平台公司。\n"
)
PASTED_FROM_WECHAT = (
    "【学习体会】学习长沙经验\u200b\n"
    "某某区商务局副局长 赵磊\n"
    "\n"
    "5月10日，我随团赴长沙学习。\ufeff\n"
    "\n"
    "学习体会\n"
    "\n"
    "1.平台化运营。建立平台公司。\n"
    "2.精准招商。围绕产业链招商。\n"
)
PASTED_FROM_WORD = (
    "学习长沙经验　建设一流园区\r\n"
    "某某区商务局副局长　赵磊\r\n"
    "　　5月10日，我随团赴长沙学习。\x0b收获很大。\r\n"
    "　　下一步工作打算\r\n"
    "　　第一，完善机制。制定办法。\r\n"
    "　　第二，强化考核。建立台账。\r\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (PASTED_FROM_A_PDF, "utf-8"),
        (PASTED_FROM_WECHAT, "utf-8"),
        (PASTED_FROM_WORD, "gbk"),
        (PASTED_FROM_WORD, "utf-16"),
    ],
)
def test_pasted_drafts_build(tmp_path: Path, text: str, encoding: str) -> None:
    folder = tmp_path / "src"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.txt").write_bytes(
        text.replace("\x0c", "\x0c" if encoding == "utf-8" else "").encode(encoding)
    )
    (folder / "bulletin.yaml").write_text(
        "masthead: {name: 学习专刊, issue: 1, unit: 某某区办公室, date: 2024-05-06}\n",
        encoding="utf-8",
    )
    bulletin, _ = load_bulletin(folder)
    (article,) = bulletin.articles
    assert article.authors[0].name == "赵磊"
    body = " ".join([*article.lead, *(p.text for s in article.sections for p in s.points)])
    assert "— 2 —" not in body and "\x0c" not in body and "\u200b" not in body
    outcome = build.build(folder, build.Options(tmp_path / "out", formats=("docx", "pdf")))
    assert outcome.error is None, outcome.error


def test_a_page_number_line_from_a_pdf_is_dropped(tmp_path: Path) -> None:
    (article,) = load_draft(draft(tmp_path, PASTED_FROM_A_PDF)).articles
    assert article["lead"] == [
        "5月10日，我随团赴长沙学习，长沙高新区的发展理念和工作作风给我留下了深刻印象，值得我们认真学习。"
    ]


def figure_drafts(folder: Path) -> tuple[Path, Path]:
    """The same draft as Word (a picture and a table inside) and as Markdown (![](…), a pipe
    table), with a caption under the picture."""
    import docx
    from docx.shared import Cm
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (800, 500), (120, 160, 200)).save(folder / "p.jpg")
    document = docx.Document()
    for text in (
        "学习长沙经验　建设一流园区",
        "某某区商务局副局长 赵磊",
        "5月10日，我随团赴长沙学习。",
        "学习体会",
        "一是平台化运营。建立平台公司。",
    ):
        document.add_paragraph(text)
    document.add_picture(str(folder / "p.jpg"), width=Cm(10))
    document.add_paragraph("图为考察团参观园区")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["指标", "长沙", "济宁"], ["收入", "380", "120"], ["企业", "7000", "1500"]]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二是精准招商。围绕产业链招商。")
    document.save(str(folder / "word.docx"))
    (folder / "notes.md").write_text(
        "# 学习长沙经验\n\n某某区商务局副局长 赵磊\n\n5月10日，我随团赴长沙学习。\n\n## 学习体会\n\n"
        "一是平台化运营。建立平台公司。\n\n![图为考察团参观园区](p.jpg)\n\n"
        "| 指标 | 长沙 | 济宁 |\n|---|---|---|\n| 收入 | 380 | 120 |\n| 企业 | 7000 | 1500 |\n\n"
        "二是精准招商。围绕产业链招商。\n",
        encoding="utf-8",
    )
    return folder / "word.docx", folder / "notes.md"


@pytest.mark.parametrize("which", [0, 1])
def test_import_keeps_photos_and_tables(tmp_path: Path, which: int) -> None:
    draft_file = figure_drafts(tmp_path / "drafts")[which]
    out = tmp_path / "bulletin" / "articles"
    result = cli("import", draft_file, "-o", out)
    assert result.exit_code == 0, result.stderr
    (article,) = out.glob("*.yaml")
    data = yaml.safe_load(article.read_text(encoding="utf-8"))
    points = data["sections"][0]["points"]
    assert [next(iter(p)) for p in points] == ["lead", "image", "table", "lead"]
    assert points[1]["caption"] == "图为考察团参观园区"
    assert (out / points[1]["image"]).is_file() and points[1]["image"].startswith("photos/")
    assert points[2]["table"]["header"] == ["指标", "长沙", "济宁"]
    assert points[2]["table"]["rows"] == [["收入", "380", "120"], ["企业", "7000", "1500"]]
    assert "编号不连续" not in article.read_text(encoding="utf-8")
    (out.parent / "bulletin.yaml").write_text(
        "masthead: {name: 学习专刊, issue: 1, unit: 某某区办公室, date: 2024-05-06}\n",
        encoding="utf-8",
    )
    built = cli("build", out.parent, "-o", tmp_path / "dist", "--format", "docx,pdf")
    assert built.exit_code == 0, built.stderr


def test_a_word_draft_with_pictures_builds_in_a_bulletin(tmp_path: Path) -> None:
    word, _ = figure_drafts(tmp_path / "drafts")
    folder = tmp_path / "src"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.docx").write_bytes(word.read_bytes())
    (folder / "bulletin.yaml").write_text(
        "masthead: {name: 学习专刊, issue: 1, unit: 某某区办公室, date: 2024-05-06}\n",
        encoding="utf-8",
    )
    outcome = build.build(folder, build.Options(tmp_path / "out", formats=("docx", "pdf")))
    assert outcome.error is None, outcome.error
    with pdfplumber.open(tmp_path / "out/src.pdf") as pdf:
        assert sum(len(p.images) for p in pdf.pages) == 1


def test_a_picture_from_the_web_is_kept_with_a_note(tmp_path: Path) -> None:
    """A Markdown draft's ![](https://…) is kept as written with a note to download it (the
    address not mangled into a path); building with it names the line and says what to do."""
    draft = tmp_path / "发言.md"
    draft.write_text(
        "# 学习长沙经验\n\n某某区发展局局长 李明\n\n## 学习体会\n\n一是理念新。值得学习。\n\n"
        "![考察现场](https://example.com/photo.jpg)\n\n二是作风实。值得学习。\n",
        encoding="utf-8",
    )
    out = tmp_path / "bulletin" / "articles"
    result = cli("import", draft, "-o", out)
    assert result.exit_code == 0, result.stderr
    message = (
        "图片“https://example.com/photo.jpg”是网址：reportkit 不下载网上的图片，请先下载，"
        "放进材料文件夹（如 photos/）后改写为文件路径"
    )
    assert f"发言.md:9: image: 警告：{message}" in result.stderr
    text = (out / "发言.yaml").read_text(encoding="utf-8")
    assert f"发言.md:9: image: {message}" in text.split("\n")[1]
    points = yaml.safe_load(text)["sections"][0]["points"]
    assert points[1] == {"image": "https://example.com/photo.jpg", "caption": "考察现场"}
    (out.parent / "bulletin.yaml").write_text(
        "masthead: {name: 学习专刊, issue: 1, unit: 某某区办公室, date: 2024-05-06}\n",
        encoding="utf-8",
    )
    built = cli("build", out.parent, "-o", tmp_path / "dist")
    assert built.exit_code == 1
    assert f"发言.yaml:13: sections[0].points[1].image: 错误：{message}" in built.stderr
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").glob("*.docx"))


@pytest.mark.parametrize("name", ["李翀𠮷", "王䶮", "田堃", "赵喆镕"])
def test_a_byline_with_a_rare_name_character(tmp_path: Path, name: str) -> None:
    text = f"学习考察心得\n财政局局长 {name}\n\n学习了先进地区的经验。\n"
    (article,) = load_draft(draft(tmp_path, text)).articles
    assert article["authors"] == [{"unit": "财政局", "position": "局长", "name": name}]
