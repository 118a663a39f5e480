"""Point numbering generated from the section's style, correct past ten."""

import pytest

from reportkit.compose.numbering import label
from reportkit.source.numerals import chinese_numeral, han_number


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (2019, "二千零一十九"),
    ],
)
def test_chinese_numerals(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize(
    ("style", "n", "expected"),
    [
        ("一是", 1, "一是"),
        ("一是", 11, "十一是"),
        ("（一）", 12, "（十二）"),
        ("1.", 11, "11."),
        ("（1）", 3, "（3）"),
        ("第一", 2, "第二，"),
        ("一、", 10, "十、"),
    ],
)
def test_labels_from_template_styles(template, style: str, n: int, expected: str) -> None:
    assert label(template.profile.numbering[style], n) == expected


def test_numeral_range_is_checked() -> None:
    with pytest.raises(ValueError):
        chinese_numeral(0)


@pytest.mark.parametrize(
    ("text", "n"), [("二〇二四", 2024), ("二○一九", 2019), ("十", 10), ("十五", 15), ("二十", 20)]
)
def test_han_numbers_read_back(text: str, n: int) -> None:
    assert han_number(text) == n
