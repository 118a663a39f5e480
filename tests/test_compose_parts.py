"""The part builders themselves: a source's content and a template part in, page-model blocks
out — numbering, bylines, balanced titles, the signature's place, attendance, the 版记."""

from __future__ import annotations

from typing import Any

import pytest

from reportkit.compose.context import Context
from reportkit.compose.page import Anchored, Rule, Run, Space, Text
from reportkit.compose.parts import build_part
from reportkit.errors import Location
from reportkit.source.gongwen import MinutesFile, ReportFile
from reportkit.source.model import BulletinContent
from reportkit.template import registry
from reportkit.template.profile import Part, RunSpec
from reportkit.typeset import measure

MASTHEAD = {"name": ["学习考察专刊"], "issue": 5, "unit": "某某区委办公室", "date": "2024-05-06"}
ARTICLE = {
    "title": "学习先进经验　推动园区发展",
    "authors": [{"unit": "某某区发展局", "position": "局长", "name": "李明"}],
    "lead": ["5月5日至6日，我随考察团赴某地学习。"],
    "sections": [
        {
            "kind": "学习体会",
            "points": [
                {"lead": "理念新。", "text": "对方坚持规划先行。"},
                {"lead": "机制活。", "text": "园区实行企业化运作。"},
            ],
        },
        {
            "heading": "对我区的启示",
            "numbering": "（一）",
            "run_on": True,
            "intro": "结合我区实际，建议：",
            "points": [{"lead": "抓重点产业。", "text": "集中资源。"}, "强化服务。"],
        },
    ],
}


def context(kind: str, content: Any, data: dict[str, Any]) -> Context:
    template = registry.load(registry.for_kind(kind))
    return Context(template, content, data, lambda at: (Location(__file__), at))


def bulletin(**changes: Any) -> Context:
    raw = {"masthead": MASTHEAD, "articles": [{**ARTICLE, **changes}], "end_matter": {}}
    content = BulletinContent.model_validate(raw)
    return context("bulletin", content, content.model_dump())


def texts(blocks) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(b.style, b.text) for b in blocks if isinstance(b, Text)]


def test_an_article_as_blocks_with_its_numbering_generated() -> None:
    blocks = build_part(bulletin(), Part(part="articles"))
    assert texts(blocks) == [
        ("title", "学习先进经验　推动园区发展"),
        ("byline", "某某区发展局局长　李明"),
        ("body", "5月5日至6日，我随考察团赴某地学习。"),
        ("heading", "学习体会"),
        ("body", "一是理念新。对方坚持规划先行。"),
        ("body", "二是机制活。园区实行企业化运作。"),
        ("heading", "对我区的启示"),
        ("body", "结合我区实际，建议：（一）抓重点产业。集中资源。（二）强化服务。"),
    ]
    point = blocks[4]
    assert isinstance(point, Text)
    # the lead sentence in the run-in face, the rest in the paragraph's own
    assert point.lines == ((Run("一是理念新。", "runin"), Run("对方坚持规划先行。")),)
    assert point.origin == ("articles", 0, "sections", 0, "points", 0)
    assert blocks[0].outline == "学习先进经验　推动园区发展"  # type: ignore[union-attr]


def test_a_long_title_is_broken_into_balanced_lines() -> None:
    title = "关于进一步加强新时代园区产业招商引资和营商环境建设工作的若干意见"
    (block, *_) = build_part(bulletin(title=title), Part(part="articles"))
    assert isinstance(block, Text)
    lines = ["".join(run.text for run in line) for line in block.lines]
    assert "".join(lines) == title
    assert len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 4  # even, not a full line and a stub


def test_a_title_too_long_for_a_page_is_a_problem_at_its_field() -> None:
    ctx = bulletin(title="长" * 2000)
    build_part(ctx, Part(part="articles"))
    assert [str(p) for p in ctx.problems] == [
        f"{__file__}: articles[0].title: 错误：标题太长（2000 字），一页排不下；请缩短标题"
    ]


def test_text_lines_rule_and_space_parts() -> None:
    ctx = bulletin()
    parts = [
        Part(part="lines", style="masthead_name", field="masthead.name"),
        Part(part="text", style="masthead_issue", piece="issue"),
        Part(
            part="text", style="masthead_line", field="masthead.unit", right=[RunSpec(piece="date")]
        ),
        Part(part="text", style="mark", field="masthead.mark"),  # left out: empty
        Part(part="rule", rule="masthead"),
        Part(part="space", lines=1),
    ]
    blocks = [block for part in parts for block in build_part(ctx, part)]
    assert texts(blocks) == [
        ("masthead_name", "学习考察专刊"),
        ("masthead_issue", "第5期"),
        ("masthead_line", "某某区委办公室2024年5月6日"),
    ]
    line = blocks[2]
    assert isinstance(line, Text) and line.right == (Run("2024年5月6日"),)
    assert blocks[3:] == [Rule("masthead"), Space(1)]


def report(signature: dict[str, Any]) -> Context:
    raw = {
        "issuer": "某某区人民政府",
        "number": {"code": "某政", "year": 2024, "serial": 3},
        "signers": ["王某某"],
        "title": "关于学习考察情况的报告",
        "addressee": "市人民政府：",
        "lead": ["现将有关情况报告如下。"],
        "signature": signature,
        "distribution": {"printer": "某某区人民政府办公室", "date": "2024-05-07"},
    }
    content = ReportFile.model_validate(raw)
    return context("report", content, content.model_dump())


def test_the_signature_without_a_seal_sits_two_characters_from_the_right() -> None:
    ctx = report({"name": "某某区人民政府", "date": "2024-05-06"})
    part = next(p for p in ctx.template.profile.parts if p.part == "signature")
    blocks = build_part(ctx, part)
    assert blocks[0] == Space(1)
    name, date = blocks[1], blocks[2]
    assert isinstance(name, Text) and isinstance(date, Text)
    assert (name.text, date.text) == ("某某区人民政府", "2024年5月6日")
    profile = ctx.template.profile
    style = profile.style(part.style or "")
    width = profile.page.type_width / (style.size or 1) - style.indent_right
    size = style.size or 1
    name_cells = measure.width(name.text, "signature", profile) / size
    date_cells = measure.width(date.text, "signature", profile) / size
    # GB/T 9704 §7.3.5.2: the date two characters right of the name's first character, the
    # name two from the right — or, the date (2 further in) being the longer, the date two
    # from the right and the name moved left with it
    assert date.indent == pytest.approx(name.indent + 2)  # type: ignore[operator]
    ends = (name.indent + name_cells, date.indent + date_cells)  # type: ignore[operator]
    assert max(ends) == pytest.approx(width - 2)


def test_minutes_attendance_a_label_in_its_face_and_the_names_run_together() -> None:
    raw = {
        "mark": "学习考察交流座谈会纪要",
        "unit": "某某区委办公室",
        "date": "2024-05-06",
        "attendance": {"present": ["张三", "李四"], "absent": ["王五"]},
        "lead": ["会议交流了学习体会。"],
        "distribution": {"printer": "某某区委办公室", "date": "2024-05-07"},
    }
    content = MinutesFile.model_validate(raw)
    ctx = context("minutes", content, content.model_dump())
    part = next(p for p in ctx.template.profile.parts if p.part == "attendance")
    blocks = build_part(ctx, part)
    label = part.runs[0].style if part.runs else None
    assert [b.lines for b in blocks if isinstance(b, Text)] == [
        ((Run("出席：", label), Run("张三，李四")),),
        ((Run("请假：", label), Run("王五")),),
    ]


def test_the_end_block_is_anchored_with_its_rules() -> None:
    raw = {
        "masthead": MASTHEAD,
        "articles": [ARTICLE],
        "end_matter": {"superiors": ["市委办公室"], "peers": ["各区县"], "copies": 60},
    }
    content = BulletinContent.model_validate(raw)
    ctx = context("bulletin", content, content.model_dump())
    part = next(p for p in ctx.template.profile.parts if p.part == "end_block")
    assert build_part(ctx, part) == []  # nothing in the flow
    (group,) = ctx.anchored
    assert isinstance(group, Anchored)
    shown = [b.rule if isinstance(b, Rule) else b.text for b in group.blocks]  # type: ignore[union-attr]
    assert shown == [
        "end_first",
        "报：市委办公室。",
        "送：各区县。",
        "end_middle",
        "（共印60份）",
        "end_last",
    ]
