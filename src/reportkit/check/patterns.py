"""What the text of an official document's parts looks like: heading numbers (一、 （一）
1. （1）), the document number (某〔2019〕3号), dates, the 版记's lines, attachment notes."""

from __future__ import annotations

import re

_HAN = "一二三四五六七八九十百零〇"
# heading levels of GB/T 9704 §7.3.3 by the mark they begin with
HEADINGS = (
    (1, re.compile(rf"^[{_HAN}]+[、，,]")),
    (2, re.compile(rf"^[（(][{_HAN}]+[）)]")),
    (3, re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]")),
)
POINT = re.compile(rf"^(第[{_HAN}]+[，,、]|[{_HAN}]+是)")  # 一是, 第一， (run-in points)
# a point run on after a sentence (……。二是……, ……：（一）……)
RUN_ON = re.compile(rf"[。！？；：]([{_HAN}]+是|[（(][{_HAN}]+[）)])")
DOC_NUMBER = re.compile(
    r"^(?P<code>\S*?)\s*[〔［\[（(【](?P<year>\d{2,4})[〕］\]）)】]\s*(?P<serial>\S+?)\s*号"
)
GOOD_NUMBER = re.compile(r"^\S+〔\d{4}〕[1-9]\d*号$")
SIGNER = re.compile(r"签发人\s*[：:]")
DATE = re.compile(
    rf"^\s*(?P<year>\d{{4}}|[{_HAN}○]{{4}})\s*年\s*(?P<month>\d{{1,2}}|[{_HAN}]{{1,3}})\s*月"
    rf"\s*(?P<day>\d{{1,2}}|[{_HAN}]{{1,3}})\s*日\s*$"
)
GOOD_DATE = re.compile(r"^\d{4}年[1-9]\d?月[1-9]\d?日$")
ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[：:]")
ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*\d*\s*$")
NOTE = re.compile(r"^[（(](联系人|注[：:]|此件|本件)")
PRINTED = re.compile(r"印\s*发\s*$")
COPIES = re.compile(r"[（(]共印\s*\d+\s*份[）)]\s*$")
ISSUE = re.compile(r"^[（(]?(第\s*\d+\s*期|增刊)")
COPY_NUMBER = re.compile(r"^\d{6}$")
SECRECY = re.compile(r"^(绝密|机密|秘密)")
URGENCY = re.compile(r"^(特急|加急)\s*$")
CREDIT = re.compile(r"^[（(](执笔|供稿|撰稿|整理)[：:]")
ATTENDANCE = re.compile(r"^(出\s*席|请\s*假|列\s*席)\s*[：:]")
CAPTION = re.compile(r"^图\s*(为|\d|[：:])")
TABLE_CAPTION = re.compile(r"^表\s*\d")
PAGE_WORDS = re.compile(r"第\s*\d*\s*页|共\s*\d*\s*页")
SENTENCE_END = "。！？；"


def heading_level(text: str) -> int | None:
    """The heading level ``text`` begins with (一、 1, （一） 2, 1. 3, （1） 4), or None."""
    for level, pattern in HEADINGS:
        if pattern.match(text):
            return level
    return None


def lead_length(text: str) -> int:
    """How many characters a numbered paragraph's lead sentence takes: up to its first full
    stop (the whole text when it has none, or nothing follows it)."""
    for index, char in enumerate(text):
        if char in SENTENCE_END:
            return index + 1
    return len(text)


def end_line(text: str, labels: tuple[str, ...]) -> bool:
    """Is ``text`` a line of the 版记: a label the template knows (抄送：, 报：), a printing
    line ending 印发, or the number of copies?"""
    stripped = text.strip()
    if any(re.match(rf"^{re.escape(label)}\s*[：:]", stripped) for label in labels):
        return True
    return bool(PRINTED.search(stripped) or COPIES.search(stripped))
