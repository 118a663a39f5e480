"""The grid line breaker, table-driven: forbidden marks at both ends, dashes, ellipses,
numbers with units, Latin words, punctuation-only paragraphs, unbreakable runs."""

import pytest

from reportkit.typeset.linebreak import Measure, break_lines, make_boxes, place

CELL = 10.0
HAN = "国家高新区产业园区建设发展规划"  # fifteen Han characters, no marks


@pytest.fixture(scope="module")
def rules(template):
    return template.profile.line_breaking


def lines_of(text: str, rules, capacity: int = 10, indent: float = 0) -> list[str]:
    boxes = make_boxes([(text, "body")], rules, CELL, lambda t, s: 5.0 * len(t), capacity)
    return [line.text for line in break_lines(boxes, capacity, indent, rules)]


def check(lines: list[str], rules) -> None:
    for line in lines[:-1]:
        assert line[-1] not in rules.no_end, lines
    for line in lines[1:]:
        assert line[0] not in rules.no_start, lines


@pytest.mark.parametrize("mark", list("，。、；：？！）》”’…%"))
def test_marks_that_never_start_a_line(rules, mark: str) -> None:
    if mark not in rules.no_start:
        pytest.fail(f"{mark} should be in the template's no_start")
    text = HAN[:10] + mark + HAN[10:]
    lines = lines_of(text, rules)
    assert "".join(lines) == text
    check(lines, rules)


@pytest.mark.parametrize("mark", list("（《“‘【〔"))
def test_marks_that_never_end_a_line(rules, mark: str) -> None:
    text = HAN[:9] + mark + HAN[9:]
    lines = lines_of(text, rules)
    assert "".join(lines) == text
    check(lines, rules)
    assert lines[1].startswith(mark)


@pytest.mark.parametrize(
    "mark",
    list(
        "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠"
    ),
)
def test_every_no_start_mark_is_kept_off_the_line_start(rules, mark: str) -> None:
    text = HAN[:10] + mark + HAN[10:14]
    lines = lines_of(text, rules)
    check(lines, rules)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("mark", list("$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥"))
def test_every_no_end_mark_is_kept_off_the_line_end(rules, mark: str) -> None:
    text = HAN[:9] + mark + HAN[9:14]
    lines = lines_of(text, rules)
    check(lines, rules)


def test_squeeze_in_before_push_out(rules) -> None:
    """A pause mark after a full line is squeezed in: it stays, half a cell wide, and the line
    is set a little tighter to keep it inside (where a word processor hangs it)."""
    text = HAN[:10] + "。" + HAN
    boxes = make_boxes([(text, "body")], rules, CELL, lambda t, s: 5.0 * len(t), 10)
    lines = break_lines(boxes, 10, 0, rules)
    assert lines[0].text == HAN[:10] + "。"
    assert lines[0].compressed == {10}
    placed = place(lines[0], 10, CELL, justify=True)
    assert placed.x[-1] + placed.width[-1] == pytest.approx(10 * CELL)


def test_other_marks_push_out(rules) -> None:
    """A closing quote cannot be squeezed in: the last character goes down with it."""
    text = HAN[:10] + "”" + HAN
    lines = lines_of(text, rules)
    assert lines[0] == HAN[:9] and lines[1].startswith(HAN[9] + "”")


def test_push_out_when_squeezing_cannot_help(rules) -> None:
    """Two marks after a full line cannot both be squeezed: a character goes down with them."""
    text = HAN[:10] + "”。" + HAN[10:]
    lines = lines_of(text, rules)
    check(lines, rules)
    assert "".join(lines) == text


def test_pushed_line_is_justified_flush(rules) -> None:
    boxes = make_boxes(
        [(HAN[:9] + "《" + HAN[9:], "body")], rules, CELL, lambda t, s: 5.0 * len(t), 10
    )
    line = place(break_lines(boxes, 10, 0, rules)[0], 10, CELL, justify=True)
    assert len(line.boxes) == 9
    assert line.x[-1] + line.width[-1] == pytest.approx(10 * CELL)


@pytest.mark.parametrize("sequence", ["——", "……"])
def test_dashes_and_ellipses_are_never_split(rules, sequence: str) -> None:
    for cut in range(6, 12):
        text = HAN[:cut] + sequence + HAN
        for line in lines_of(text, rules):
            assert not line.endswith(sequence[0]) or line.endswith(sequence), line


@pytest.mark.parametrize("number", ["30%", "5G", "12℃", "2‰"])
def test_numbers_stay_with_their_units(rules, number: str) -> None:
    for cut in range(5, 11):
        text = HAN[:cut] + number + HAN
        lines = lines_of(text, rules)
        assert any(number in line for line in lines), (number, lines)


def test_latin_words_are_never_split_and_take_their_own_width(rules) -> None:
    boxes = make_boxes([("国家Internet产业", "body")], rules, CELL, lambda t, s: 5.0 * len(t), 10)
    word = [b for b in boxes if b.latin]
    assert [b.text for b in word] == ["Internet"]
    assert word[0].cells == 4  # 40 pt in 10 pt cells
    for cut in range(0, 6):
        lines = lines_of(HAN[:cut] + "Internet" + HAN, rules)
        assert any("Internet" in line for line in lines)


def test_latin_beside_han_is_set_off_inside_a_line_only(rules) -> None:
    """Word processors put a little space between Han text and a Latin word or number; it
    counts inside a line, not where the line ends."""
    measure = Measure(tracking=-0.5, latin_space=lambda style: 2.0)
    boxes = make_boxes(
        [("国家GDP产业", "body")], rules, CELL, lambda t, s: 5.0 * len(t), 10, measure=measure
    )
    gdp = next(b for b in boxes if b.latin)
    assert gdp.cells == pytest.approx((15 - 1.5) / 10)
    assert (gdp.space_before, gdp.space_after) == (0.2, 0.2)
    assert boxes[0].cells == pytest.approx(0.95)  # a Han character with the tracking
    line = place(break_lines(boxes, 10, 0, rules)[0], 10, CELL, justify=False)
    assert line.x[3] == pytest.approx(2 * 9.5 + 2 + 13.5 + 2)  # GDP with a space on each side


def test_paragraph_of_punctuation_only(rules) -> None:
    text = "。" * 25
    lines = lines_of(text, rules)
    assert "".join(lines) == text
    assert all(len(line) <= 11 for line in lines)


def test_hundred_character_run_without_a_break(rules) -> None:
    text = "x" * 100
    boxes = make_boxes([(text, "body")], rules, CELL, lambda t, s: 5.0 * len(t), 10)
    lines = break_lines(boxes, 10, 0, rules)
    assert "".join(line.text for line in lines) == text
    assert all(sum(b.cells for b in line.boxes) <= 10 for line in lines)


def test_first_line_indent(rules) -> None:
    lines = lines_of(HAN * 2, rules, indent=2)
    assert [len(line) for line in lines] == [8, 10, 10, 2]


def test_last_line_is_flush_left(rules) -> None:
    boxes = make_boxes([(HAN[:4], "body")], rules, CELL, lambda t, s: 5.0 * len(t), 10)
    line = place(break_lines(boxes, 10, 0, rules)[0], 10, CELL, justify=False)
    assert line.x == [0, 10, 20, 30]
