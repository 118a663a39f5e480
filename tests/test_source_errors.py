"""Every promised message for bad input: file:line, field path, words a clerk understands."""

from pathlib import Path

import pytest

from reportkit.errors import SourceError
from reportkit.source.load import load_bulletin
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN, minimal_source


def problems(root: Path) -> list[str]:
    with pytest.raises(SourceError) as info:
        load_bulletin(root)
    return [str(p) for p in info.value.problems]


def test_the_minimal_source_is_valid(tmp_path: Path) -> None:
    bulletin, warnings = load_bulletin(minimal_source(tmp_path))
    assert bulletin.articles[0].title == "学习体会"
    assert warnings == []


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("sections:", "section:")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [
        f"{tmp_path}/articles/a.yaml:7: section: 错误：不认识的字段“section”，是否应为“sections”？"
    ]


def test_unknown_key_without_a_close_match_lists_the_fields(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("  issue: 1\n", "  issue: 1\n  颜色: 红\n")
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert found == [
        f"{tmp_path}/bulletin.yaml:4: masthead.颜色: 错误：不认识的字段“颜色”。"
        "这里可以写：name、issue、year、volume、unit、date、mark、archive_date"
    ]


def test_wrong_type_integer(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("issue: 1", "issue: 第一期")
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert found == [
        f"{tmp_path}/bulletin.yaml:3: masthead.issue: 错误：“issue”（期号）应为整数，例如 3，而不是“第一期”"
    ]


def test_wrong_type_list(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("sections:\n", "sections: 学习体会\nx:\n")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert (
        f"{tmp_path}/articles/a.yaml:7: sections: 错误：“sections”（小节）应为列表：每项另起一行，以“- ”开头"
        in found
    )


def test_wrong_date(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("date: 2024-05-06", "date: 2024-02-30")
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert found == [
        f"{tmp_path}/bulletin.yaml:5: masthead.date: 错误：日期“2024-02-30”不对：没有这一天，请检查月份和日期"
    ]


def test_chinese_date_is_accepted(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("date: 2024-05-06", "date: 2024年5月6日")
    loaded, _ = load_bulletin(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert loaded.masthead.date.isoformat() == "2024-05-06"


def test_empty_title(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("title: 学习体会", 'title: ""')
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [f"{tmp_path}/articles/a.yaml:1: title: 错误：“title”（标题）不能为空"]


def test_title_left_blank(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("title: 学习体会", "title:")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [f"{tmp_path}/articles/a.yaml:1: title: 错误：“title”（标题）不能为空"]


def test_point_with_no_text(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("        text: 对方的理念值得学习。\n", "")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [
        f"{tmp_path}/articles/a.yaml:10: sections[0].points[0].text: 错误：缺少必填字段“text”（正文）"
    ]


def test_missing_article_file(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace(
        "  - articles/a.yaml", "  - articles/a.yaml\n  - articles/b.yaml"
    )
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert found == [
        f"{tmp_path}/bulletin.yaml:8: articles[1]: 错误：找不到文章文件“articles/b.yaml”（{tmp_path}/articles/b.yaml）"
    ]


def test_same_article_listed_twice(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace(
        "  - articles/a.yaml", "  - articles/a.yaml\n  - ./articles/a.yaml"
    )
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert found == [
        f"{tmp_path}/bulletin.yaml:8: articles[1]: 错误：文章“./articles/a.yaml”在第 1 项已经列过，不能重复"
    ]


def test_no_author(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace(
        "authors:\n  - unit: 某某区发展局\n    position: 局长\n    name: 李明\n", "authors: []\n"
    )
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [
        f"{tmp_path}/articles/a.yaml:2: authors: 错误：“authors”（作者）至少需要写一项"
    ]


def test_typed_numbering_is_refused(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("lead: 理念新。", "lead: 一是理念新。")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [
        f"{tmp_path}/articles/a.yaml:10: sections[0].points[0]: 错误：要点开头不要手写编号“一是”，编号由模板自动生成"
    ]


def test_empty_section(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE + "  - kind: 下步打算\n"
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [
        f"{tmp_path}/articles/a.yaml:12: sections[1]: 错误：这一节没有内容：请写 paragraphs（段落）、intro（引语）或 points（要点）"
    ]


def test_unknown_section_kind(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("kind: 学习体会", "kind: 心得")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [
        f"{tmp_path}/articles/a.yaml:8: sections[0].kind: 错误：“kind”（类别）应为以下之一："
        "“学习体会”、“下步打算”、“启示”，而不是“心得”"
    ]


def test_yaml_syntax_error_names_the_line_and_gives_a_hint(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("lead: 本次学习收获很大。", "lead: 本次学习: 收获很大。")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path}/articles/a.yaml:6: 错误：YAML 格式有误：冒号用法有误")


def test_tab_indentation(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("  - kind: 学习体会", "\t- kind: 学习体会")
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert "不能用 Tab 键缩进，请改用空格" in found[0]


def test_duplicate_key(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE + "title: 又一个标题\n"
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found == [f"{tmp_path}/articles/a.yaml:12: title: 错误：字段“title”重复出现"]


def test_empty_file(tmp_path: Path) -> None:
    found = problems(minimal_source(tmp_path, **{"articles/a.yaml": ""}))
    assert found == [f"{tmp_path}/articles/a.yaml: 错误：文件是空的"]


def test_not_utf8(tmp_path: Path) -> None:
    root = minimal_source(tmp_path)
    (root / "articles/a.yaml").write_bytes(MINIMAL_ARTICLE.encode("gbk"))
    found = problems(root)
    assert found == [
        f"{tmp_path}/articles/a.yaml:1: 错误：文件是 GBK/GB18030 编码，不是 UTF-8：请另存为 UTF-8 后再试"
    ]


def test_folder_without_bulletin(tmp_path: Path) -> None:
    found = problems(tmp_path)
    assert found == [
        f"{tmp_path}: 错误：文件夹里没有 bulletin.yaml、report.yaml、minutes.yaml 中的任何一个"
    ]


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("issue: 1", "issue: 一").replace(
        "unit: 某某区办公室", "unit:"
    )
    article = MINIMAL_ARTICLE.replace("title: 学习体会", "titel: 学习体会")
    found = problems(
        minimal_source(tmp_path, **{"bulletin.yaml": bulletin, "articles/a.yaml": article})
    )
    assert len(found) == 4, found
    assert any("bulletin.yaml:3: masthead.issue" in p for p in found)
    assert any("bulletin.yaml:4: masthead.unit: 错误：“unit”（单位）不能为空" in p for p in found)
    assert any("a.yaml:1: titel: 错误：不认识的字段“titel”，是否应为“title”？" in p for p in found)
    assert any("a.yaml:1: title: 错误：缺少必填字段“title”（标题）" in p for p in found)


def test_inline_article_locations(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace(
        "  - articles/a.yaml",
        "  - title: 内联文章\n    authors: [{name: 张三}]\n    lead: [好。]\n    closing: 3",
    )
    loaded, _ = load_bulletin(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert loaded.articles[0].closing == ["3"]
    bad = bulletin.replace("authors: [{name: 张三}]", "authors: [{nam: 张三}]")
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bad}))
    assert (
        f"{tmp_path}/bulletin.yaml:8: articles[0].authors[0].nam: 错误：不认识的字段“nam”，是否应为“name”？"
        in found
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "key"),
    [
        ("title: 学习体会", "title：学习体会", 1, "title"),
        ("  - kind: 学习体会", "  - kind：学习体会", 8, "kind"),
        ("      - lead: 理念新。", "      - lead：理念新。", 10, "lead"),
    ],
)
def test_a_full_width_colon_after_a_field_name_is_named(
    tmp_path: Path, old: str, new: str, line: int, key: str
) -> None:
    """``title：…`` (a colon typed in Chinese) is named on its own line, though PyYAML stumbles
    on a later one."""
    article = MINIMAL_ARTICLE.replace(old, new)
    (found,) = problems(minimal_source(tmp_path, **{"articles/a.yaml": article}))
    assert found.startswith(
        f"{tmp_path}/articles/a.yaml:{line}: 错误：YAML 格式有误：字段名“{key}”后面是全角冒号“：”，"
        f"请改为半角冒号加空格：“{key}: ”"
    )


def test_a_point_written_as_plain_text(tmp_path: Path) -> None:
    """``- 对方坚持……`` is a point with that text and no lead sentence; ``- lead：…`` alone on
    its line is named, not taken as text."""
    article = MINIMAL_ARTICLE.replace(
        "      - lead: 理念新。\n        text: 对方的理念值得学习。\n",
        "      - 对方的理念值得学习。\n      - 作风实。\n",
    )
    bulletin, _ = load_bulletin(minimal_source(tmp_path / "a", **{"articles/a.yaml": article}))
    points = bulletin.articles[0].sections[0].points
    assert [(p.lead, p.text) for p in points] == [("", "对方的理念值得学习。"), ("", "作风实。")]
    article = MINIMAL_ARTICLE.replace(
        "      - lead: 理念新。\n        text: 对方的理念值得学习。\n", "      - lead:理念新。\n"
    )
    found = problems(minimal_source(tmp_path / "b", **{"articles/a.yaml": article}))
    assert found == [
        f"{tmp_path}/b/articles/a.yaml:10: sections[0].points[0]: 错误：字段名“lead”后面是全角"
        "冒号“：”或少了空格，请改为半角冒号加空格：“lead: ”"
    ]


def test_numbers_and_dates_as_offices_write_them(tmp_path: Path) -> None:
    """第5期, 60份 and 二〇二四年十二月二十六日 are read as 5, 60 and 2024-12-26."""
    import datetime as dt

    bulletin = (
        MINIMAL_BULLETIN.replace("issue: 1", "issue: 第5期")
        .replace("copies: 20", "copies: 60份")
        .replace("date: 2024-05-06", "date: 二〇二四年十二月二十六日")
    )
    loaded, _ = load_bulletin(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert loaded.masthead.issue == 5
    assert loaded.end_matter.copies == 60
    assert loaded.masthead.date == dt.date(2024, 12, 26)


def test_an_article_named_without_its_extension(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("  - articles/a.yaml", "  - articles/a")
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert found == [
        f"{tmp_path}/bulletin.yaml:7: articles[0]: 错误：找不到文章文件“articles/a”"
        f"（{tmp_path}/articles/a），是否应为“articles/a.yaml”？"
    ]


@pytest.mark.parametrize("kind", ["{a: 1}", "[report]", "报告"])
def test_a_kind_that_is_not_a_kind_is_named(tmp_path: Path, kind: str) -> None:
    from reportkit.source.load import source_kind

    root = minimal_source(tmp_path, **{"bulletin.yaml": f"kind: {kind}\n" + MINIMAL_BULLETIN})
    with pytest.raises(SourceError) as info:
        source_kind(root)
    (problem,) = [str(p) for p in info.value.problems]
    assert problem.startswith(f"{tmp_path}/bulletin.yaml:1: kind: 错误：kind 应为 bulletin（简报）")


def test_a_date_given_as_a_number_is_not_a_date(tmp_path: Path) -> None:
    bulletin = MINIMAL_BULLETIN.replace("date: 2024-05-06", "date: 0")
    assert "date: 2024-05-06" in MINIMAL_BULLETIN
    found = problems(minimal_source(tmp_path, **{"bulletin.yaml": bulletin}))
    assert found == [
        f"{tmp_path}/bulletin.yaml:5: masthead.date: 错误：“date”（日期）写法不对：“0”，"
        "应写作 2019-04-25 或 2019年4月25日"
    ]
