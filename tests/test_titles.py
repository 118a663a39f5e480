"""Long titles break into balanced lines without a lone character or a forbidden break."""

import time

import pytest

from reportkit.compose.titles import balance, cells


@pytest.fixture
def rules(template):
    return template.profile.line_breaking


def test_short_title_stays_on_one_line(rules) -> None:
    assert balance("建设国内一流健康产业园", 20, rules) == ["建设国内一流健康产业园"]


def test_long_title_breaks_into_even_lines(rules) -> None:
    title = "关于进一步加强高新区信息产业园区建设和数字经济发展的若干意见"
    lines = balance(title, 20, rules)
    assert "".join(lines) == title
    assert lines == ["关于进一步加强高新区信息产业", "园区建设和数字经济发展的若干意见"]
    assert len(lines[0]) <= len(lines[1])  # trapezoid: the longer line below


def test_break_prefers_punctuation(rules) -> None:
    lines = balance("精准定位多措并举促进产业集聚，强力实现产业转型升级和高质量发展", 20, rules)
    assert lines[0].endswith("，")
    assert balance("精准定位多措并举，强力实现产业升级（之5）", 20, rules) == [
        "精准定位多措并举，",
        "强力实现产业升级（之5）",
    ]


def test_no_lone_character_and_no_forbidden_start(rules) -> None:
    title = "学习长沙高新区经验加快建设国内一流的科技创新园区。"
    for width in range(12, 24):
        lines = balance(title, width, rules)
        assert "".join(lines) == title
        assert all(len(line) >= 2 for line in lines)
        assert all(line[0] not in rules.no_start for line in lines)
        assert all(cells(line) <= width for line in lines)


def test_writer_line_breaks_are_kept(rules) -> None:
    assert balance("第一行\n第二行标题", 20, rules) == ["第一行", "第二行标题"]


def test_digits_and_latin_words_are_not_split(rules) -> None:
    title = "学习2018年度GDPgrowth报告和数字经济发展经验的几点体会与思考"
    for line in balance(title, 16, rules):
        assert not line[:1].isascii() or not line[:1].isalnum() or line[:1] == title[0]
    joined = balance(title, 16, rules)
    assert any("2018" in line for line in joined)
    assert any("GDPgrowth" in line for line in joined)


@pytest.mark.parametrize(
    ("title", "width", "word"),
    [
        ("激发市场活力推动高质量发展", 12, "市场活力"),
        ("深入学习长沙高新区先进经验全力推动信息产业园区高质量发展", 16, "信息产业"),
        ("关于进一步加强高新区信息产业园区建设和数字经济发展的若干意见", 20, "园区"),
    ],
)
def test_lines_break_between_words_not_inside_one(rules, title, width, word) -> None:
    lines = balance(title, width, rules)
    assert "".join(lines) == title and len(lines) > 1
    assert any(word in line for line in lines)


@pytest.mark.parametrize("length", [100, 120, 300])
def test_a_very_long_title_balances_quickly(rules, length: int) -> None:
    """Linear in the length for each line count: 300 characters well under 50 ms."""
    title = (
        "坚持以新时代中国特色社会主义思想为指导全面贯彻新发展理念激发市场活力推动高质量发展，" * 10
    )[:length]
    balance("预热标题一行放不下需要分行预热标题", 8, rules)  # the word model, loaded once
    start = time.perf_counter()
    lines = balance(title, 20, rules)
    elapsed = time.perf_counter() - start
    assert "".join(lines) == title.replace("\n", "")
    assert all(cells(line) <= 20 for line in lines) and all(len(line) >= 2 for line in lines)
    assert len(lines) <= -(-length // 20) + 1
    assert elapsed < 0.05 * 4  # the figure is 50 ms; shared machines get four times that
