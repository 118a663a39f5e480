"""Text normalisation (GB/T 15834): what is fixed, and that each fix is reported."""

import pytest

from reportkit.source.normalize import normalize


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("对标先进,全力打造“蓼河数谷”", "对标先进，全力打造“蓼河数谷”"),
        ("主要包括:", "主要包括："),
        ("显著的成绩?经过", "显著的成绩？经过"),
        ("真好!走", "真好！走"),
        ("一是;二是", "一是；二是"),
        ("人工智能(AI)等", "人工智能（AI）等"),
        ('他说"好"。', "他说“好”。"),
        ("他说'好'。", "他说‘好’。"),
        ("等等...", "等等……"),
        ("等等。。。", "等等……"),
        ("这是--那", "这是——那"),
        ("增长３０%", "增长30%"),
        ("先进, 全力", "先进，全力"),
    ],
)
def test_fixes(before: str, after: str) -> None:
    text, fixes = normalize(before)
    assert text == after
    assert fixes, "every change is reported"


@pytest.mark.parametrize(
    "text",
    ["10:30开会", "3,000元", "f(x)", "It's fine", "已经规范，无需修改。", "等等……", "2018—2022年"],
)
def test_left_alone(text: str) -> None:
    assert normalize(text) == (text, [])


def test_fix_message_names_the_mark_and_context() -> None:
    _, fixes = normalize("对标先进,全力打造")
    assert fixes[0].message == "半角逗号“,”已改为全角“，”（对标先进,全力打造）"


def test_unpaired_quote_is_flagged() -> None:
    _, fixes = normalize('他说"好。')
    assert "引号没有配对" in fixes[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同比增长70%,5G基站建成120个", "同比增长70%，5G基站建成120个"),
        ("比较GDP,GNP两个指标", "比较GDP，GNP两个指标"),
        ("数据70%;5G", "数据70%；5G"),
        ("营业收入1,000亿元", "营业收入1,000亿元"),  # a thousands separator stays
        ("上午10:30召开", "上午10:30召开"),  # a time stays
        ("引用Hello, world一句", "引用Hello, world一句"),  # an English phrase stays
    ],
)
def test_half_width_marks_between_figures_inside_chinese_text(text: str, expected: str) -> None:
    fixed, _ = normalize(text)
    assert fixed == expected
    assert normalize(fixed) == (fixed, [])
