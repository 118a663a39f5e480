"""The content of a 公文 (GB/T 9704 §7, §10.3), validated: a 报告's head, addressee, signature
and attachments, a 纪要's attendance, the body both share and their 版记.  Imported only when a
source of one of these kinds is read (``KINDS`` in kinds.py)."""

from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

from reportkit.source.model import (
    Author,
    Count,
    Date,
    Instant,
    Line,
    Model,
    Section,
    Short,
    Text,
    as_list,
)


class DocNumber(Model):
    """发文字号: 机关代字〔年份〕序号号 (济高党工委〔2019〕12号)."""

    code: Line
    year: int = Field(ge=1900, le=2999)
    serial: int = Field(ge=1)


class Signature(Model):
    """署名 and 成文日期 (GB/T 9704 §7.3.5); with a seal the date sits four characters in."""

    name: Line
    date: Date
    seal: str | None = None  # the seal image (placed over name and date)
    _path: Path | None = PrivateAttr(None)  # the seal's file, once found and checked


class Distribution(Model):
    """版记 (GB/T 9704 §7.4): 抄送 and the printing office with its date."""

    cc: Annotated[list[Line], BeforeValidator(as_list)] = []
    printer: Line
    date: Date


class Body(Model):
    """Running text: lead paragraphs, sections with headings and points, closing paragraphs."""

    lead: Annotated[list[Text], BeforeValidator(as_list)] = []
    sections: list[Section] = []
    closing: Annotated[list[Text], BeforeValidator(as_list)] = []
    # the numbering of the section headings as the writer numbered them (一、, none); the
    # template's when not given
    heading_numbering: str | None = None

    what: ClassVar[str] = "正文"  # what the document is called in the message when it is empty

    @model_validator(mode="after")
    def _has_body(self) -> Self:
        if not (self.lead or self.sections or self.closing):
            raise ValueError(
                f"{self.what}没有正文：请写 lead（正文段落）、sections（小节）或 closing"
            )
        return self


class Attachment(Body):
    """An attachment (附件), on pages of its own after the body."""

    what: ClassVar[str] = "附件"

    title: Text


class ReportFile(Body):
    """A 报告 (上行文), GB/T 9704 §7: head, title, addressee, body, signature, 版记."""

    what: ClassVar[str] = "报告"

    kind: Literal["report"] | None = None
    copy_number: Annotated[str, StringConstraints(pattern=r"^\d{6}$")] | None = None
    secrecy: str | None = None  # 密级和保密期限: 秘密★1年
    urgency: str | None = None  # 紧急程度: 特急, 加急
    issuer: Line  # 发文机关
    mark: Short | None = None  # 发文机关标志; the issuer's name with 文件 when not given
    number: DocNumber
    signers: Annotated[list[Line], BeforeValidator(as_list), Field(min_length=1)]
    title: Text
    addressee: Line  # 主送机关
    attachments: list[Attachment] = []
    signature: Signature
    note: str | None = None  # 附注: （联系人：某某，电话：…）
    distribution: Distribution
    archive_date: Instant = None


class Attendee(Author):
    """One entry of an attendance list: a person with 单位 and 职务 (``{unit: 高新区经济发展局,
    position: 局长, name: 王进}``), or a plain line written as it is shown (``郑华（出差）``,
    ``各部门有关负责同志``)."""

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


People = Annotated[list[Attendee], BeforeValidator(as_list)]


class Attendance(Model):
    """Who came to a meeting: 出席, 请假, 列席 (GB/T 9704 §10.3), one entry a person."""

    present: Annotated[People, Field(min_length=1)]
    absent: People = []
    attending: People = []


class MinutesFile(Body):
    """A 纪要 (GB/T 9704 §10.3): its mark, number, attendance, body and 版记."""

    what: ClassVar[str] = "纪要"

    kind: Literal["minutes"] | None = None
    mark: Line  # 学习考察交流座谈会纪要
    issue: Count | None = Field(None, ge=1)  # 第1期
    unit: Line  # the office that keeps the minutes
    date: Date
    title: str | None = None
    attendance: Attendance
    distribution: Distribution
    archive_date: Instant = None
