"""The seed compilation, re-typeset: every sentence present, the damage repaired."""

from pathlib import Path

from reportkit.source.load import load_bulletin
from tests.helpers import REPO, docx_text, seed_fragments, squeeze


def test_every_sentence_of_the_seed_is_in_the_document(seed_docx: Path) -> None:
    text = squeeze(docx_text(seed_docx))
    fragments = seed_fragments()
    assert len(fragments) > 80
    missing = [f for f in fragments if squeeze(f) not in text]
    assert missing == []


def test_page_break_damage_is_repaired(seed_docx: Path) -> None:
    text = docx_text(seed_docx)
    assert "形成了IT基础服务" in text
    assert "根据新一代信息技术产业" in text
    assert "推动产业中高端升级" in text
    assert "精准定位产业发展目标，重点发展“两主一特”" in text
    assert "推进政产学研协同创新。强化与大院大所名校合作" in text


def test_moved_lead_paragraphs_are_back_in_place() -> None:
    bulletin, _ = load_bulletin(REPO / "sources/changsha")
    first, second, third = bulletin.articles
    assert first.lead[0].startswith("4月14日至15日")
    assert second.lead[0].startswith("近年来，长沙高新区") and second.lead[0].endswith("主要包括：")
    assert third.lead[0].startswith("随团考察了长沙高新区")
    assert [a.title for a in bulletin.articles] == [
        "对标先进，全力打造“蓼河数谷”",
        "精准定位多措并举，强力实现产业升级",
        "建设国内一流健康产业园",
    ]
    assert [(a.authors[0].position, a.authors[0].name) for a in bulletin.articles] == [
        ("主任", "田雨"),
        ("副局长", "王进"),
        ("常务副主任", "张健"),
    ]


def test_the_seed_comma_error_is_fixed_and_reported() -> None:
    _, warnings = load_bulletin(REPO / "sources/changsha")
    assert [str(w) for w in warnings] == [
        f"{REPO}/sources/changsha/articles/01-tian-yu.yaml:2: title: 警告：半角逗号“,”已改为全角“，”（对标先进,全力打造“蓼）"
    ]


def test_masthead_values_not_in_the_seed_are_marked_as_examples() -> None:
    text = (REPO / "sources/changsha/bulletin.yaml").read_text(encoding="utf-8")
    for field in ("issue", "unit", "date"):
        line = next(line for line in text.splitlines() if line.strip().startswith(f"{field}:"))
        assert "示例值" in line
