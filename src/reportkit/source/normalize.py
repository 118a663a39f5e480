"""Text normalisation for Chinese official text (GB/T 15834-2011): each fix is reported."""

from __future__ import annotations

import re
from typing import NamedTuple

_CHINESE_MARKS = frozenset("\u201c\u201d\u2018\u2019\u2014\u2026")  # “”‘’—…


def _chinese(char: str) -> bool:
    """Han, CJK punctuation and full-width forms: the "Chinese" side of a half-width mark.
    (Compared, not matched: a regular expression of these ranges takes milliseconds to
    compile at every start.)"""
    return (
        "\u2e80" <= char <= "\u9fff"
        or "\uf900" <= char <= "\ufaff"
        or "\uff00" <= char <= "\uffef"
        or char in _CHINESE_MARKS
    )


def _han(char: str) -> bool:
    """A Han character (CJK ideographs, extension A, compatibility ideographs)."""
    return (
        "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
    )


def _has_chinese(text: str) -> bool:
    return any(map(_chinese, text))


_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_NAMES = {
    ",": "逗号",
    ";": "分号",
    ":": "冒号",
    "?": "问号",
    "!": "叹号",
    "(": "括号",
    ")": "括号",
}


class Fix(NamedTuple):
    """One change made to a text, described for the person who typed it."""

    message: str
    kind: str  # the change without its context, for summaries


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 6) : end + 6].replace("\n", " ")


def _ellipsis(text: str, fixes: list[Fix]) -> str:
    def repl(m: re.Match[str]) -> str:
        kind = f"省略号“{m.group()}”已改为“……”"
        fixes.append(Fix(f"{kind}（{_context(text, m.start(), m.end())}）", kind))
        return "……"

    # a lone "…" is half a Chinese ellipsis; "……" is already right and never matches
    return re.sub(r"\.{3,}|。{3,}|(?<!…)…(?!…)", repl, text)


def _before(text: str, at: int) -> str:
    """The last character before ``at`` that is not a space ("" when none)."""
    at -= 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return text[at] if at >= 0 else ""


def _after(text: str, at: int) -> str:
    """The first character from ``at`` on that is not a space ("" when none)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return text[at] if at < len(text) else ""


def _dash(text: str, fixes: list[Fix]) -> str:
    def repl(m: re.Match[str]) -> str:
        if not (_chinese(_before(text, m.start())) or _chinese(_after(text, m.end()))):
            return m.group()
        fixes.append(_dash_fix(text, m))
        return "——"

    return _DASH.sub(repl, text)


def _dash_fix(text: str, m: re.Match[str]) -> Fix:
    kind = f"破折号“{m.group()}”已改为“——”"
    return Fix(f"{kind}（{_context(text, m.start(), m.end())}）", kind)


def _half_width(text: str, fixes: list[Fix]) -> str:
    runs = _Runs(text)

    def repl(m: re.Match[str]) -> str:
        mark, at = m.group(2), m.start(2)
        if not (
            _chinese(_before(text, at))
            or _chinese(_after(text, m.end(2)))
            or runs.inside_chinese(at, mark)
        ):
            return m.group()
        fixes.append(_half_width_fix(text, m))
        # spaces typed around a half-width mark go with it
        return _HALF_TO_FULL[mark]

    return _HALF.sub(repl, text)


def _half_width_fix(text: str, m: re.Match[str], group: int = 2) -> Fix:
    mark = m.group(group)
    full = _HALF_TO_FULL[mark]
    kind = f"半角{_NAMES[mark]}“{mark}”已改为全角“{full}”"
    return Fix(f"{kind}（{_context(text, m.start(group), m.end(group))}）", kind)


_DASH = re.compile(r"-{2,}")
_HALF = re.compile(r"( ?)([,;:?!()])( ?)")
_THOUSANDS = re.compile(r"\d{3}(?!\d)")


class _Runs:
    """The runs of half-width text of one text (no Chinese, no space), each found once: a
    run of many marks is not walked once per mark."""

    def __init__(self, text: str):
        self.text = text
        self.start = self.end = -1  # the run last found

    def inside_chinese(self, at: int, mark: str) -> bool:
        """A comma or semicolon between figures or Latin words that sit inside Chinese text
        (增长70%,5G基站): the run of half-width text around it touches Chinese on a side and
        holds no space.  A thousands separator (1,000) stays."""
        text = self.text
        if mark not in ",;" or text[at - 1 : at].isspace() or text[at + 1 : at + 2].isspace():
            return False
        if mark == "," and text[at - 1 : at].isdigit() and _THOUSANDS.match(text, at + 1):
            return False
        if not self.start <= at < self.end:
            start = at
            while start > 0 and not _chinese(text[start - 1]) and not text[start - 1].isspace():
                start -= 1
            end = at + 1
            while end < len(text) and not _chinese(text[end]) and not text[end].isspace():
                end += 1
            self.start, self.end = start, end
        start, end = self.start, self.end
        return (start > 0 and _chinese(text[start - 1])) or (
            end < len(text) and _chinese(text[end])
        )


def _quotes(text: str, fixes: list[Fix]) -> str:
    if '"' in text and _has_chinese(text):
        count = text.count('"')
        out, opening = [], True
        for ch in text:
            if ch == '"':
                out.append("“" if opening else "”")
                opening = not opening
            else:
                out.append(ch)
        note = "" if count % 2 == 0 else "；引号没有配对，请检查"
        kind = '直引号“"”已改为中文引号“”'
        fixes.append(Fix(f"{kind}（共 {count} 处）{note}", kind))
        text = "".join(out)
    if "'" in text:
        pieces = re.split(r"(')", text)
        if len(pieces) > 1 and _has_chinese(text):
            out, opening, changed = [], True, 0
            for i, piece in enumerate(pieces):
                if piece != "'":
                    out.append(piece)
                    continue
                prev, nxt = pieces[i - 1][-1:], pieces[i + 1][:1] if i + 1 < len(pieces) else ""
                if prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
                    out.append(piece)  # an apostrophe inside a Latin word
                    continue
                out.append("‘" if opening else "’")
                opening, changed = not opening, changed + 1
            if changed:
                kind = "直引号“'”已改为中文引号‘’"
                fixes.append(Fix(f"{kind}（共 {changed} 处）", kind))
                text = "".join(out)
    return text


def _digits(text: str, fixes: list[Fix]) -> str:
    def repl(m: re.Match[str]) -> str:
        half = m.group().translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})
        kind = f"全角数字“{m.group()}”已改为半角“{half}”"
        fixes.append(Fix(kind, kind))
        return half

    return re.sub(r"[０-９]+", repl, text)


_BRACKETS = re.compile(r"[(（]([^()（）\n]{0,200})[)）]")
_NUMBER_MARK = re.compile(r"\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*")


def _brackets(text: str, fixes: list[Fix]) -> str:
    """A pair of brackets with a half-width side made full-width on both sides: (联系人：某某，
    电话：0537-1234567) and (1) in Chinese text, whichever side touches the Chinese."""
    if "(" not in text and ")" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        opening, inner, closing = m.group()[0], m.group(1), m.group()[-1]
        if opening == "（" and closing == "）":
            return m.group()
        if not (
            _has_chinese(inner)
            or _chinese(_before(text, m.start()))
            or _chinese(_after(text, m.end()))
            or (_NUMBER_MARK.fullmatch(inner) and _has_chinese(text))
        ):
            return m.group()
        for mark, at in ((opening, m.start()), (closing, m.end() - 1)):
            if mark in "()":
                kind = f"半角括号“{mark}”已改为全角“{_HALF_TO_FULL[mark]}”"
                fixes.append(Fix(f"{kind}（{_context(text, at, at + 1)}）", kind))
        return f"（{inner}）"

    return _BRACKETS.sub(repl, text)


_STOP = re.compile(r"(?<![.．])\.(?![.．])")
_NUMBERED_BY = frozenset("图表件第")  # 图1.、附件2. name a thing by its number: not a sentence end


def _full_stop(text: str, fixes: list[Fix]) -> str:
    """A half-width full stop ending a Chinese sentence (完成120. / 增长20%.下一步) as 。;
    a decimal point, a numbering mark (1.) and Latin text keep theirs."""
    if "." not in text or not _has_chinese(text):
        return text

    def repl(m: re.Match[str]) -> str:
        at = m.start()
        before, after = text[at - 1 : at], _after(text, at + 1)
        if not before or before.isspace() or (after and not _chinese(after)):
            return m.group()
        if before.isdigit():
            start = at
            while start > 0 and text[start - 1].isdigit():
                start -= 1
            previous = text[start - 1 : start]
            if previous in _NUMBERED_BY:
                return m.group()
            if after and not _han(previous):
                return m.group()  # 1.加强 (a number mark) or a figure inside Latin text
            if not after and at - start <= 2 and not _han(previous):
                return m.group()  # 附件：1. alone
        elif not (_chinese(before) or before in "%‰℃"):
            return m.group()
        kind = "半角句号“.”已改为全角“。”"
        fixes.append(Fix(f"{kind}（{_context(text, at, at + 1)}）", kind))
        return "。"

    return _STOP.sub(repl, text)


_STEPS = (_ellipsis, _dash, _brackets, _half_width, _full_stop, _quotes, _digits)


def normalize(text: str) -> tuple[str, list[Fix]]:
    """The text with Chinese punctuation put right, and what was changed."""
    fixes: list[Fix] = []
    if "..." not in text and not _has_chinese(text):
        return text, fixes  # every fix but the ellipsis needs Chinese beside it
    # a mark put right can make its neighbour Chinese in turn (::、 → ：：、): repeat until
    # nothing changes, so that normalising twice changes nothing
    for _ in range(_PASSES):
        before = text
        for step in _STEPS:
            text = step(text, fixes)
        if text == before:
            return text, fixes
    # a long chain of marks (::::、) would take a pass per mark: sweeps that carry each change
    # on to the next mark, one way and then the other, settle it in a few
    forward = True
    while True:
        text = _sweep(text, fixes, forward)
        forward = not forward
        before = text
        for step in _STEPS:
            text = step(text, fixes)
        if text == before:
            return text, fixes


_PASSES = 3  # passes that change the text in order before the sweeps take over
_MARK = re.compile(r"(-{2,})|( ?)([,;:?!()])( ?)")


def _sweep(text: str, fixes: list[Fix], forward: bool) -> str:
    """The dash and half-width steps at once, across the text one way, each mark seeing the
    marks already put right on the side swept: a chain of marks is settled in one sweep."""
    runs = _Runs(text)
    matches = list(_MARK.finditer(text))
    done = 0 if forward else len(text)
    out: list[str] = []  # forward: left to right; backward: right to left
    solid = ""  # the nearest character not a space on the side already swept
    found: list[tuple[bool, int, Fix]] = []  # dashes first, as the steps take them
    for m in matches if forward else reversed(matches):
        gap = text[done : m.start()] if forward else text[m.end() : done]
        out.append(gap)
        trimmed = gap.rstrip() if forward else gap.lstrip()
        if trimmed:
            solid = trimmed[-1] if forward else trimmed[0]
        done = m.end() if forward else m.start()
        dash = m.group(1) is not None
        at, end = (m.start(), m.end()) if dash else (m.start(3), m.end(3))
        before = solid if forward else _before(text, at)
        after = _after(text, end) if forward else solid
        mark = m.group(3)
        if _chinese(before) or _chinese(after) or (not dash and runs.inside_chinese(at, mark)):
            replaced = "——" if dash else _HALF_TO_FULL[mark]
            fix = _dash_fix(text, m) if dash else _half_width_fix(text, m, 3)
            found.append((not dash, at, fix))
        else:
            replaced = m.group()
        out.append(replaced)
        solid = replaced.strip()[-1 if forward else 0] if replaced.strip() else solid
    out.append(text[done:] if forward else text[:done])
    fixes += [fix for *_, fix in sorted(found, key=lambda item: item[:2])]
    return "".join(out if forward else reversed(out))


_GAP = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a\u202f\u205f]+")
_GAP_NAMES = {"\t": "制表符", "\u00a0": "不换行空格", "\u3000": "全角空格"}


def _gap_name(gap: str) -> str:
    names = dict.fromkeys(_GAP_NAMES.get(ch, "空格") for ch in gap)
    return "、".join(names)


def running_spaces(text: str) -> tuple[str, list[Fix]]:
    """Running text without the spaces a paste leaves between Han characters (a tab, a
    no-break or an ideographic space inside a sentence), and what was removed."""
    fixes: list[Fix] = []

    def repl(m: re.Match[str]) -> str:
        if not (
            _chinese(text[m.start() - 1 : m.start()]) and _chinese(text[m.end() : m.end() + 1])
        ):
            return m.group()
        kind = f"删去了汉字之间的{_gap_name(m.group())}"
        joined = text[max(0, m.start() - 6) : m.start()] + text[m.end() : m.end() + 6]
        fixes.append(Fix(f"{kind}（{_GAP.sub('', joined)}）", kind))
        return ""

    return _GAP.sub(repl, text.strip()), fixes


def title_spaces(text: str) -> tuple[str, list[Fix]]:
    """A 公文's title (关于……的报告, a 纪要's mark) without the spaces a paste left inside it
    (an ideographic space, set on purpose, stays; so does a space between Latin words), and
    what was removed."""
    fixes: list[Fix] = []
    text = text.strip()

    def repl(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        if set(m.group()) == {"\u3000"} or (before.isascii() and after.isascii()):
            return m.group()
        kind = f"删去了标题中的{_gap_name(m.group())}"
        joined = text[max(0, m.start() - 6) : m.start()] + text[m.end() : m.end() + 6]
        fixes.append(Fix(f"{kind}（{joined}）", kind))
        return ""

    return _GAP.sub(repl, text), fixes
