"""Characters no document can hold: control and invisible format characters, dropped and
reported.  Text pasted from Word, a PDF or WeChat often carries them (U+0001, U+000B, U+FEFF,
U+200B …); Word files cannot store them and no font draws them."""

from __future__ import annotations

import re
import unicodedata

# C0 controls but the line break, DEL and C1 controls, surrogates, the noncharacters
# U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF, and the zero-width and direction format characters.
_BAD = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    )
    + "]"
)


def has_unusable(text: str) -> bool:
    """Does ``text`` hold a character :func:`clean` would drop?"""
    return _BAD.search(text) is not None


def first_unusable(text: str) -> tuple[int, str] | None:
    """Where the first character :func:`clean` would drop is in ``text``, and which it is."""
    found = _BAD.search(text)
    return (found.start(), found.group()) if found else None


def clean(text: str) -> tuple[str, str | None]:
    """``text`` without unusable characters, and a sentence saying which went (None: none)."""
    found = _BAD.findall(text)
    if not found:
        return text, None
    names = "、".join(dict.fromkeys(describe(ch) for ch in found))
    cleaned = _BAD.sub(lambda m: " " if m.group() == "\t" else "", text)
    return (
        cleaned,
        f"删去了 {len(found)} 个无法排版的字符：{names}（常见于从 Word、PDF 或微信复制的文字）",
    )


def describe(char: str) -> str:
    """A character's code and, where it has one, its kind, for a message."""
    code = ord(char)
    kind = {
        "\t": "制表符",
        "\x0b": "垂直制表符",
        "\x0c": "换页符",
        "\x00": "空字符",
        "\ufeff": "零宽不换行空格",
        "\u200b": "零宽空格",
        "\u00ad": "软连字符",
    }.get(char)
    if kind is None:
        category = unicodedata.category(char)
        kind = {"Cc": "控制字符", "Cf": "格式字符", "Cs": "代理码位"}.get(category, "非字符码位")
    return f"U+{code:04X}（{kind}）"
