"""A 报告 (请示, 意见 …) draft read into report.yaml's fields (GB/T 9704 §7): the head lines it
may carry (份号, 密级, 紧急程度, 发文机关标志, 文号, 签发人), title, 主送机关, body, 附件说明,
署名 and 成文日期, 附注, the attachments, and the 版记.  What a draft lacks that the standard
needs (文号, 签发人 …) is left as a placeholder and named for review."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from reportkit.source.drafts.body import body
from reportkit.source.drafts.common import MAX_HEADING, Para, date_line, note
from reportkit.source.drafts.document import (
    ATTACHMENT_LABEL,
    DOC_NUMBER,
    LABEL,
    PLACEHOLDER,
    PRINTED,
    TITLE_ENDS,
    Parsed,
    clean_title,
    end_block,
    starts_part,
    title_like,
)

_COPY_NUMBER = re.compile(r"^\d{6}$")
_SECRECY = re.compile(r"^(绝密|机密|秘密)(★.{1,8})?$")
_URGENCY = re.compile(r"^(特急|加急|特提|平急)$")
_SIGNERS = re.compile(r"签\s*发\s*人\s*[：:]\s*(?P<names>.*)$")
_NOTE = re.compile(r"^[（(]?\s*(联\s*系\s*人|联系电话|此件)")
_NUMBERED_NAME = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.．、]\s*(?P<name>\S.*)$")


def parse_report(paras: list[Para], file: Path) -> Parsed:
    """The fields of report.yaml from a report draft's paragraphs."""
    parsed = Parsed("report", {"kind": "report"})
    paras = [part for para in paras for part in _label_apart(para)]
    index = _head(paras, 0, parsed, file)
    index = _title(paras, index, parsed, file)
    index = _addressee(paras, index, parsed, file)
    end = _body_end(paras, index)
    text = body(paras[index:end], file)
    parsed.notes += text.notes
    parsed.counts.update(text.counts)
    for key, value in text.data.items():
        parsed.put((key,), value, None)
    parsed.lines.update(text.lines)
    names = _tail(paras, end, parsed, file)
    _fill(parsed, names, file)
    return parsed


def _head(paras: list[Para], index: int, parsed: Parsed, file: Path) -> int:
    """The lines above the title: 份号, 密级, 紧急程度, 发文机关标志, 文号 and 签发人."""
    while index < len(paras) and paras[index].figure is None:
        para = paras[index]
        text = para.text
        number = DOC_NUMBER.search(text)
        signers = _SIGNERS.search(text)
        if _COPY_NUMBER.match(text):
            parsed.put(("copy_number",), text, para.line)
        elif _SECRECY.match(text):
            parsed.put(("secrecy",), text, para.line)
        elif _URGENCY.match(text):
            parsed.put(("urgency",), text, para.line)
        elif number or signers:
            if number:
                value = {
                    "code": number["code"],
                    "year": int(number["year"]),
                    "serial": int(number["serial"]),
                }
                parsed.put(("number",), value, para.line)
            if signers:
                names = [n for n in re.split(r"[\s　、，,]+", signers["names"]) if n]
                if names:
                    parsed.put(("signers",), names, para.line)
        elif text.endswith("文件") and len(text) <= MAX_HEADING and "mark" not in parsed.data:
            parsed.put(("mark",), text, para.line)
        else:
            break
        index += 1
    return index


def _title(paras: list[Para], index: int, parsed: Parsed, file: Path) -> int:
    """The title: a short line (or two or three, when the title was broken) ending with the
    kind's word (报告, 请示 …)."""
    if index >= len(paras) or not title_like(paras[index].text) or paras[index].figure:
        parsed.hold(("title",), PLACEHOLDER, "稿件开头没有找到标题（如“关于……的报告”），请填写")
        return index
    first = paras[index]
    text, end = first.text, index + 1
    while (
        not text.endswith(TITLE_ENDS)
        and end < len(paras)
        and end - index < 3
        and paras[end].figure is None
        and title_like(paras[end].text)
        and not starts_part(paras[end].text)
        and len(text + paras[end].text) <= 80
        and any(
            t.endswith(TITLE_ENDS)
            for t in (paras[end].text, paras[min(end + 1, len(paras) - 1)].text)
        )
    ):
        text += paras[end].text
        end += 1
    parsed.put(("title",), clean_title(text, first.line, file, parsed.notes), first.line)
    if not text.endswith(TITLE_ENDS):
        parsed.notes.append(
            note(file, first.line, "title", f"“{text}”当作标题（它不以“报告”“请示”等结尾），请核对")
        )
    return end


def _addressee(paras: list[Para], index: int, parsed: Parsed, file: Path) -> int:
    """主送机关: the line after the title that ends with a colon (市委、市政府：)."""
    if index < len(paras) and paras[index].figure is None:
        text = paras[index].text
        if (
            len(text) > 1
            and text.endswith(("：", ":"))
            and len(text) <= 80
            and "。" not in text
            and not LABEL.match(text)
        ):
            parsed.put(("addressee",), text[:-1].strip(), paras[index].line)
            return index + 1
    return index


# 附件1：资金调整明细表 — an attachment's label and its title on one line
_LABELLED_TITLE = re.compile(
    r"^(?P<label>附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))\s*[：:]\s*(?P<title>\S.*)$"
)


def _label_apart(para: Para) -> list[Para]:
    """An attachment's label and title written on one line, as two lines (附件1 / 名称)."""
    match = _LABELLED_TITLE.match(para.text) if para.figure is None else None
    if match is None or not title_like(match["title"]):
        return [para]
    return [Para(match["label"], para.line), Para(match["title"], para.line, heading=True)]


def _body_end(paras: list[Para], index: int) -> int:
    """Where the body ends: at the 附件说明, the signature, the date, the 附注, the first
    attachment or the 版记, whichever comes first."""
    for at in range(index, len(paras)):
        para = paras[at]
        if para.figure is not None:
            continue
        text = para.text
        label = LABEL.match(text)
        if (
            (label and label.group("label") in ("附件", "抄送", "抄报", "分送", "主送", "联系人"))
            or ATTACHMENT_LABEL.match(text)
            or date_line(text)
            or PRINTED.match(text)
            or _NOTE.match(text)
            or (_signature_name(para) and at + 1 < len(paras) and date_line(paras[at + 1].text))
        ):
            return at
    return len(paras)


def _signature_name(para: Para) -> bool:
    """A line that may be the issuer's name over the date: short, no punctuation."""
    text = para.text
    return (
        para.figure is None
        and 2 <= len(text) <= MAX_HEADING
        and not any(mark in text for mark in "。，、；：！？")
        and not starts_part(text)
    )


def _tail(paras: list[Para], index: int, parsed: Parsed, file: Path) -> list[tuple[str, int]]:
    """What follows the body, in whatever order the draft has it; the names the 附件说明
    lists (with their lines)."""
    names: list[tuple[str, int]] = []
    attachments: list[dict[str, Any]] = []
    while index < len(paras):
        para = paras[index]
        text = para.text
        label = LABEL.match(text) if para.figure is None else None
        if label and label.group("label") == "附件":
            index = _attachment_note(paras, index, label.end(), names)
            parsed.part("attachment_note")
        elif para.figure is None and ATTACHMENT_LABEL.match(text):
            index = _attachment(paras, index, parsed, attachments, file)
        elif para.figure is None and date_line(text):
            parsed.put(("signature", "date"), date_line(text), para.line)
            index += 1
        elif _signature_name(para) and index + 1 < len(paras) and date_line(paras[index + 1].text):
            parsed.put(
                ("signature", "name"), clean_title(text, para.line, file, parsed.notes), para.line
            )
            index += 1
        elif para.figure is None and _NOTE.match(text):
            parsed.put(("note",), _note_text(text, para.line, file, parsed), para.line)
            index += 1
        elif label and label.group("label") == "主送" and "addressee" not in parsed.data:
            parsed.put(("addressee",), text[label.end() :].strip().rstrip("。"), para.line)
            index += 1
        else:
            after = end_block(paras, index, parsed, file)
            if after > index:
                index = after
                continue
            # nothing it could be: kept at the end of the body rather than lost
            _keep(parsed, para, file)
            index += 1
    if attachments:
        parsed.put(("attachments",), attachments, None)
    return names


def _attachment_note(paras: list[Para], index: int, cut: int, names: list[tuple[str, int]]) -> int:
    """附件说明: 附件：1. 名称 and the names numbered on the lines after it."""
    first = paras[index].text[cut:].strip()
    if first:
        match = _NUMBERED_NAME.match(first)
        names.append(((match["name"] if match else first).rstrip("。."), paras[index].line))
    index += 1
    while index < len(paras) and paras[index].figure is None:
        match = _NUMBERED_NAME.match(paras[index].text)
        if not match or len(paras[index].text) > 80:
            break
        names.append((match["name"].rstrip("。."), paras[index].line))
        index += 1
    return index


def _attachment(
    paras: list[Para], index: int, parsed: Parsed, attachments: list[dict[str, Any]], file: Path
) -> int:
    """An attachment: its label (附件1), title and text, up to the next label or the 版记."""
    label = paras[index]
    at = ("attachments", len(attachments))
    parsed.lines[at] = label.line
    index += 1
    attachment: dict[str, Any] = {}
    if index < len(paras) and paras[index].figure is None and title_like(paras[index].text):
        title = paras[index]
        attachment["title"] = clean_title(title.text, title.line, file, parsed.notes)
        parsed.lines[(*at, "title")] = title.line
        index += 1
    end = index
    while end < len(paras):
        line = paras[end].text
        if paras[end].figure is None and (
            ATTACHMENT_LABEL.match(line) or PRINTED.match(line) or _end_label(line)
        ):
            break
        end += 1
    read = body(paras[index:end], file)
    parsed.notes += read.notes
    parsed.counts.update(read.counts)
    attachment.update(read.data)
    for key, number in read.lines.items():
        parsed.lines[(*at, *key)] = number
    attachments.append(attachment)
    return end


def _end_label(text: str) -> bool:
    label = LABEL.match(text)
    return bool(label and label.group("label") in ("抄送", "抄报", "分送"))


def _note_text(text: str, line: int, file: Path, parsed: Parsed) -> str:
    """附注 in full-width parentheses on both sides, as §7.3.6 sets it."""
    inner = text.strip().removeprefix("（").removeprefix("(").removesuffix("）").removesuffix(")")
    shown = f"（{inner.strip()}）"
    if shown != text.strip():
        parsed.notes.append(note(file, line, "note", f"附注已加上全角括号：“{shown}”"))
    return shown


def _keep(parsed: Parsed, para: Para, file: Path) -> None:
    """A paragraph after the body that is no part the report has: kept at the end of the
    body (its closing), and named for review."""
    if para.figure is not None:
        message = (
            "正文之后的图片或表格没有导入（如是印章，请在 signature 下写 seal: 印章图片），请核对"
        )
        parsed.notes.append(note(file, para.line, "", message))
        return
    closing = parsed.data.setdefault("closing", [])
    parsed.lines[("closing", len(closing))] = para.line
    closing.append(para.text)
    parsed.notes.append(
        note(
            file,
            para.line,
            "closing",
            f"“{para.text[:20]}”不像报告的哪一部分，放在正文末尾，请核对",
        )
    )


def _fill(parsed: Parsed, names: list[tuple[str, int]], file: Path) -> None:
    """Match the 附件说明 with the attachments, and hold a place for every part the
    standard needs that the draft lacks."""
    _attachments(parsed, names, file)
    missing(parsed)


def _attachments(parsed: Parsed, names: list[tuple[str, int]], file: Path) -> None:
    """An attachment for each name the 附件说明 lists: the draft's own (its title checked
    against the name), or one whose text is a placeholder (the attachment is not in the
    draft: it is often a file of its own)."""
    attachments = parsed.data.get("attachments", [])
    for number, (name, line) in enumerate(names):
        if number < len(attachments):
            title = attachments[number].get("title")
            if title is None:
                attachments[number]["title"] = name
            elif title != name:
                parsed.notes.append(
                    note(
                        file,
                        line,
                        "attachments",
                        f"附件说明写的是“{name}”，附件{number + 1}的标题是“{title}”；"
                        "用了附件上的标题，请核对",
                    )
                )
        else:
            attachments.append({"title": name})
            parsed.lines[("attachments", number)] = line
            parsed.put(("attachments",), attachments, line)
    for number, attachment in enumerate(attachments):
        if "title" not in attachment:
            attachment["title"] = PLACEHOLDER
            parsed.pending.append(
                (("attachments", number, "title"), f"附件{number + 1}没有标题，请填写")
            )
        if not any(attachment.get(k) for k in ("lead", "sections", "closing")):
            attachment["lead"] = [PLACEHOLDER]
            parsed.pending.append(
                (
                    ("attachments", number, "lead"),
                    f"附件“{attachment['title']}”的正文不在稿件里，请补上",
                )
            )


def missing(parsed: Parsed) -> None:
    """A placeholder, marked for review, for each part the standard needs that the draft
    lacks: 成文日期, 发文机关, 主送, 文号, 签发人, the 版记's printer and date, the body."""
    data = parsed.data
    signature = data.get("signature", {})
    date = signature.get("date")
    if date is None:
        date = dt.date.today()
        parsed.hold(("signature", "date"), date, "稿件没有成文日期，已填今天的日期，请改为实际日期")
    issuer = signature.get("name") or (
        data["mark"].removesuffix("文件") if data.get("mark") else ""
    )
    if issuer:
        data["issuer"] = issuer
    else:
        issuer = PLACEHOLDER
        parsed.hold(("issuer",), issuer, "稿件没有发文机关署名，请填写发文机关")
    if "name" not in signature:
        parsed.hold(("signature", "name"), issuer, "稿件没有发文机关署名，已按发文机关填写，请核对")
    if "addressee" not in data:
        parsed.hold(("addressee",), PLACEHOLDER, "稿件标题下没有主送机关（如“市政府：”），请填写")
    if "number" not in data:
        parsed.hold(
            ("number",),
            {"code": PLACEHOLDER, "year": date.year, "serial": 1},
            "稿件没有发文字号，请填写机关代字、年份和序号",
        )
    if "signers" not in data:
        parsed.hold(("signers",), [PLACEHOLDER], "稿件没有签发人（上行文须标注），请填写")
    distribution = data.get("distribution", {})
    if "printer" not in distribution:
        parsed.hold(("distribution", "printer"), PLACEHOLDER, "稿件没有印发机关，请填写")
    if "date" not in distribution:
        parsed.hold(("distribution", "date"), date, "稿件没有印发日期，已按成文日期填写，请核对")
    if not any(data.get(k) for k in ("lead", "sections", "closing")):
        parsed.hold(("lead",), [PLACEHOLDER], "稿件里没有找到正文，请补上")
