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


def _dash(text: str, fixes: list[Fix]) -> str:
    def repl(m: re.Match[str]) -> str:
        before, after = text[: m.start()].rstrip()[-1:], text[m.end() :].lstrip()[:1]
        if not (_chinese(before) or _chinese(after)):
            return m.group()
        kind = f"破折号“{m.group()}”已改为“——”"
        fixes.append(Fix(f"{kind}（{_context(text, m.start(), m.end())}）", kind))
        return "——"

    return re.sub(r"-{2,}", repl, text)


def _half_width(text: str, fixes: list[Fix]) -> str:
    def repl(m: re.Match[str]) -> str:
        mark = m.group(2)
        before = text[: m.start(2)].rstrip()[-1:]
        after = text[m.end(2) :].lstrip()[:1]
        if not (_chinese(before) or _chinese(after) or _inside_chinese(text, m.start(2), mark)):
            return m.group()
        full = _HALF_TO_FULL[mark]
        kind = f"半角{_NAMES[mark]}“{mark}”已改为全角“{full}”"
        fixes.append(Fix(f"{kind}（{_context(text, m.start(2), m.end(2))}）", kind))
        # spaces typed around a half-width mark go with it
        return full

    return re.sub(r"( ?)([,;:?!()])( ?)", repl, text)


def _inside_chinese(text: str, at: int, mark: str) -> bool:
    """A comma or semicolon between figures or Latin words that sit inside Chinese text
    (增长70%,5G基站): the run of half-width text around it touches Chinese on a side and holds
    no space.  A thousands separator (1,000) stays."""
    if mark not in ",;" or text[at - 1 : at].isspace() or text[at + 1 : at + 2].isspace():
        return False
    if mark == "," and text[at - 1 : at].isdigit() and re.match(r"\d{3}(?!\d)", text[at + 1 :]):
        return False
    start = at
    while start > 0 and not _chinese(text[start - 1]) and not text[start - 1].isspace():
        start -= 1
    end = at + 1
    while end < len(text) and not _chinese(text[end]) and not text[end].isspace():
        end += 1
    return (start > 0 and _chinese(text[start - 1])) or (end < len(text) and _chinese(text[end]))


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


_STEPS = (_ellipsis, _dash, _half_width, _quotes, _digits)


def normalize(text: str) -> tuple[str, list[Fix]]:
    """The text with Chinese punctuation put right, and what was changed."""
    fixes: list[Fix] = []
    # a mark put right can make its neighbour Chinese in turn (::、 → ：：、): repeat until
    # nothing changes, so that normalising twice changes nothing
    for _ in range(len(text) + 1):
        before = text
        for step in _STEPS:
            text = step(text, fixes)
        if text == before:
            break
    return text, fixes
