"""Which part of the document each paragraph is — the title, a heading, the 文号, the 版记 —
by its style when the style is the template's, else by its text and its place: the red
head before the red rule, the title the first centred large paragraph, headings by their
marks, 附件说明 by 附件：, 署名 and 成文日期 near the end, the 版记's lines last."""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.check import patterns
from reportkit.check.docx.model import Document, Para
from reportkit.check.expect import Expect
from reportkit.render.docx.styles import style_name

# the template style of each heading level (GB/T 9704 §7.3.3: 一、 黑体, （一） 楷体, 1. and
# （1） 仿宋): level 1 a heading of its own, level 2 a lead sentence, the others body text
HEADING_STYLES = {1: "heading", 2: "runin", 3: "body", 4: "body"}
HEAD_SIZE = 1.3  # a paragraph this many times the body's size or larger stands out (a title)


@dataclass
class Role:
    """A paragraph's part: the template style it should be set in, its heading level, how
    many characters at its start are a lead sentence in another style (any of
    ``lead_keys``), and where a closing part in another style begins (the signer's name
    after 签发人：)."""

    key: str
    level: int | None = None
    lead: int = 0
    lead_keys: tuple[str, ...] = ()
    tail: int | None = None
    tail_keys: tuple[str, ...] = ()
    # more lead sentences inside the paragraph (run-on points: 一是……。……二是……。): start,
    # end, the styles they may be set in
    spans: tuple[tuple[int, int, tuple[str, ...]], ...] = ()

    def keys_at(self, offset: int) -> tuple[str, ...]:
        """The styles the character at ``offset`` of the paragraph's text may be set in."""
        if self.tail is not None and offset >= self.tail:
            return self.tail_keys
        if offset < self.lead:
            return self.lead_keys
        for start, end, keys in self.spans:
            if start <= offset < end:
                return keys
        return (self.key,)


def recognise(doc: Document, expect: Expect) -> dict[int, Role]:
    """The role of each paragraph that has one (outside tables, or in the tables holding the
    版头 or the 版记), by paragraph number."""
    labels = {style_name(expect.profile, key): key for key in expect.profile.styles}
    labels.pop("Normal", None)
    every = doc.part_paras()
    paras = [p for p in every if p.text.strip()]
    roles: dict[int, Role] = {}
    for p in paras:
        key = labels.get(p.style_name or "")
        if key is not None and not expect.profile.styles[key].character:
            roles[p.number] = _styled(p, key)
    if len(roles) < len(paras):
        _by_content(every, paras, roles, expect, _ruled_tables(doc))
    return roles


def _styled(p: Para, key: str) -> Role:
    """The role of a paragraph in a template style (the .docx reportkit wrote)."""
    level = patterns.heading_level(p.text) if key in ("heading", "body") else None
    return Role(key, level)


def _ruled_tables(doc: Document) -> set[int]:
    """The last paragraph of each table of the head drawn with a red line (the red rule as
    a table's border), by number."""
    return {
        table.rows[-1][-1][-1].number
        for table in doc.head_tables()
        if table.rows and table.rows[-1] and table.rows[-1][-1]
        if any(_reddish(colour) for colour in table.lines)
    }


def _by_content(
    every: list[Para], paras: list[Para], roles: dict[int, Role], expect: Expect, ruled: set[int]
) -> None:
    """Roles of the paragraphs the styles leave open, by their text and place (``every``:
    the empty paragraphs too, one of which may carry the red rule; ``ruled``: paragraphs
    ending a table drawn with it)."""
    body_size = expect.size("body")
    open_ = [p for p in paras if p.number not in roles]
    head = _head(every, paras, roles, expect, body_size, ruled)
    _tail(paras, roles, expect)
    titled = False
    previous: Para | None = None
    for p in open_:
        if p.number in roles:
            previous = p
            continue
        text = p.text.strip()
        big = _size(p) >= body_size * HEAD_SIZE
        if p.number <= head or p.in_table:
            # a table's paragraph is the head's or the 版记's, or no part at all (a table of
            # data after the text, an attachment's)
            previous = p
            continue
        if p.fmt.align == "center" and big:
            roles[p.number] = Role("title")
            titled = True
        elif text.startswith("——") and _has(expect, "subtitle"):
            roles[p.number] = Role("subtitle")
        elif (
            previous is not None
            and roles.get(previous.number, Role("")).key in ("title", "byline")
            and p.fmt.align == "center"
            and _has(expect, "byline")
        ):
            roles[p.number] = Role("byline")
        elif (
            titled
            and _has(expect, "addressee")
            and text.endswith(("：", ":"))
            and "。" not in text
            and len(text) <= 80
            and not any(r.key == "addressee" for r in roles.values())
            and patterns.heading_level(text) is None
        ):
            roles[p.number] = Role("addressee")
        elif patterns.CREDIT.match(text) and _has(expect, "credit"):
            roles[p.number] = Role("credit")
        elif p.fmt.align == "center" and patterns.CAPTION.match(text) and expect.has("caption"):
            roles[p.number] = Role("caption")
        elif (
            p.fmt.align == "center"
            and patterns.TABLE_CAPTION.match(text)
            and expect.has("table_caption")
        ):
            roles[p.number] = Role("table_caption")
        elif _plain_heading(text, expect):
            roles[p.number] = Role("heading")
        else:
            roles[p.number] = _running(text)
        previous = p


def _plain_heading(text: str, expect: Expect) -> bool:
    """Is ``text`` a section heading without a number (学习体会) — where the template's
    headings carry none: a short line not ending as a sentence does?"""
    if expect.profile.sections.heading_numbering != "none" or not expect.has("heading"):
        return False
    return (
        0 < len(text) <= 20
        and text[-1] not in "。！？；：，、…”）)"
        and patterns.heading_level(text) is None
        and not patterns.POINT.match(text)
    )


def _running(text: str) -> Role:
    """Running text: a heading by its mark, a point with its lead sentence, or body."""
    level = patterns.heading_level(text)
    if level == 1:
        lead = patterns.lead_length(text)
        if lead >= len(text.rstrip("。")) or lead == len(text):
            return Role("heading", level)
        return Role("body", level, lead, ("heading",))
    if level == 2:
        return Role("body", level, patterns.lead_length(text), ("runin",))
    if level is not None:
        return Role("body", level)
    spans = tuple(
        (
            found.start(1),
            found.start(1) + patterns.lead_length(text[found.start(1) :]),
            ("runin", "body"),
        )
        for found in patterns.RUN_ON.finditer(text)
    )
    if patterns.POINT.match(text):
        return Role("body", None, patterns.lead_length(text), ("runin", "body"), spans=spans)
    return Role("body", spans=spans)


def _size(p: Para) -> float:
    sizes = [run.fmt.size for run in p.runs if run.text.strip()]
    return max(sizes) if sizes else p.fmt.mark.size


def _has(expect: Expect, key: str) -> bool:
    return expect.has(key) and key in expect.part_styles() | {"byline", "subtitle", "credit"}


def _red(p: Para) -> bool:
    shown = [run for run in p.runs if run.text.strip()]
    return bool(shown) and all(
        run.fmt.colour == "FF0000" or _reddish(run.fmt.colour) for run in shown
    )


def _reddish(colour: str | None) -> bool:
    """A colour an office uses for the red head: strong red, little green and blue."""
    if not colour or len(colour) != 6:
        return False
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red >= 0xB0 and green <= 0x60 and blue <= 0x60


def red_rule(p: Para) -> bool:
    """Does ``p`` carry the red rule: a red line drawn from it, or a red border under it?"""
    for drawing in p.drawings:
        if drawing.kind in ("line", "shape") and _reddish(drawing.colour):
            return True
    return _red_border(p, "bottom")


def red_rule_above(p: Para) -> bool:
    """Does ``p`` carry the red rule as a border over it (the title's, or a blank line's
    after the 文号)?"""
    return _red_border(p, "top")


def _red_border(p: Para, side: str) -> bool:
    border = p.fmt.borders.get(side)
    return border is not None and border.kind not in ("none", "nil") and _reddish(border.colour)


def _head(
    every: list[Para],
    paras: list[Para],
    roles: dict[int, Role],
    expect: Expect,
    body_size: float,
    ruled: set[int],
) -> int:
    """Roles of the 版头 (the red head, 文号, 签发人 …): the paragraphs up to the red rule,
    or up to the first title when there is none; the number of its last paragraph."""
    end = 0
    shown = 0
    for p in every[:30]:
        if red_rule(p) or p.number in ruled:
            end = p.number
            break
        if red_rule_above(p) and shown:
            end = p.number - 1
            break
        if p.empty:
            continue
        shown += 1
        big = _size(p) >= body_size * HEAD_SIZE
        if shown > 12 or (shown > 1 and p.fmt.align == "center" and big and not _red(p)):
            break
    if not end:
        # no red rule: a red or large first paragraph is still the head
        first = paras[0] if paras else None
        if first is not None and (_red(first) or _size(first) >= 1.8 * body_size):
            end = first.number
    for p in paras:
        if p.number > end:
            break
        if p.number in roles:
            continue
        text = p.text.strip()
        key = _head_key(p, text, expect, body_size)
        if key is not None:
            roles[p.number] = Role(key)
            signer = patterns.SIGNER.search(p.text)
            if signer is not None and expect.has("signer_name"):
                roles[p.number] = Role(key, tail=signer.end(), tail_keys=("signer_name",))
    return end


def _head_key(p: Para, text: str, expect: Expect, body_size: float) -> str | None:
    """The style of one paragraph of the head, by what it says and how it looks."""
    styles = expect.part_styles()
    candidates = [
        ("copy_number", patterns.COPY_NUMBER.match(text)),
        ("secrecy", patterns.SECRECY.match(text)),
        ("urgency", patterns.URGENCY.match(text)),
        ("doc_number", patterns.DOC_NUMBER.match(text) or patterns.SIGNER.search(text)),
        ("masthead_issue", patterns.ISSUE.match(text)),
        ("minutes_number", patterns.ISSUE.match(text)),
        ("issuer_mark", _red(p) or _size(p) >= 1.8 * body_size),
        ("masthead_name", _red(p) or _size(p) >= 1.8 * body_size),
        (
            "masthead_line",
            "\t" in text or patterns.DATE.search(text.split()[-1] if text.split() else ""),
        ),
        ("doc_number", "\t" in text),  # the 纪要's unit and date
        ("mark", p.fmt.align in ("left", "justify") and len(text) <= 10),
    ]
    for key, found in candidates:
        if found and key in styles:
            return key
    return None


def _cell_before_end(paras: list[Para], index: int, roles: dict[int, Role]) -> bool:
    """Is paragraph ``index`` a table cell's beside a 版记 line's cell (the printing office
    in the cell left of the date and 印发)?"""
    after = paras[index + 1] if index + 1 < len(paras) else None
    return (
        paras[index].in_table
        and after is not None
        and after.in_table
        and after.number == paras[index].number + 1
        and after.number in roles
    )


def _tail(paras: list[Para], roles: dict[int, Role], expect: Expect) -> None:
    """Roles at the end: the 版记's lines, 附件 pages, 附注, 成文日期 and 署名, 附件说明."""
    labels = expect.end_labels()
    index = len(paras) - 1
    while index >= 0 and (
        paras[index].fmt.frame is not None
        or patterns.end_line(paras[index].text, labels)
        or _cell_before_end(paras, index, roles)
    ):
        if paras[index].number not in roles:
            roles[paras[index].number] = Role(
                "end_matter" if _has(expect, "end_matter") else "body"
            )
        index -= 1
    end = index + 1
    for p in paras[:end]:
        if p.number in roles:
            continue
        text = p.text.strip()
        if patterns.ATTACHMENT_LABEL.match(text) and _has(expect, "attachment_label"):
            roles[p.number] = Role("attachment_label")
        elif patterns.ATTENDANCE.match(text) and _has(expect, "attendance"):
            label = len(text.split("：", 1)[0].split(":", 1)[0]) + 1
            roles[p.number] = Role("attendance", None, label, ("attendance_label",))
    _signature(paras[:end], roles, expect)


def _signature(paras: list[Para], roles: dict[int, Role], expect: Expect) -> None:
    """成文日期 (the last date line before any attachment), the 署名 above it, 附注 after it,
    附件说明 before it."""
    if not _has(expect, "signature"):
        return
    attachments = next(
        (i for i, p in enumerate(paras) if roles.get(p.number, Role("")).key == "attachment_label"),
        len(paras),
    )
    dates = [i for i, p in enumerate(paras[:attachments]) if patterns.DATE.match(p.text.strip())]
    if not dates:
        return
    at = dates[-1]
    roles.setdefault(paras[at].number, Role("signature"))
    if at > 0:
        name = paras[at - 1]
        text = name.text.strip()
        if len(text) <= 40 and not text.endswith(tuple(patterns.SENTENCE_END)):
            roles.setdefault(name.number, Role("signature"))
    for p in paras[at + 1 : attachments]:
        if patterns.NOTE.match(p.text.strip()) and _has(expect, "note"):
            roles.setdefault(p.number, Role("note"))
    for index in range(at - 1, -1, -1):
        p = paras[index]
        if patterns.ATTACHMENT_NOTE.match(p.text.strip()) and _has(expect, "attachment_note"):
            roles.setdefault(p.number, Role("attachment_note"))
            for more in paras[index + 1 : at - 1]:
                if patterns.HEADINGS[2][1].match(more.text.strip()):
                    roles.setdefault(more.number, Role("attachment_note"))
            break
