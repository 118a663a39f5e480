"""Compose a bulletin with a template into a Document: numbering, title lines, texts."""

from __future__ import annotations

import re
from typing import Any

from reportkit.compose import numbering, titles
from reportkit.compose.blocks import Document, EndMatter, Masthead, Meta, Paragraph, Run
from reportkit.errors import Problem, SourceError
from reportkit.source.model import Article, Bulletin, Section
from reportkit.source.yamlfile import dotted
from reportkit.template.profile import NumberingStyle
from reportkit.template.registry import Template

_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def compose(bulletin: Bulletin, template: Template) -> Document:
    """The document for ``bulletin`` in ``template``'s format."""
    profile, pieces = template.profile, template.pieces
    m = bulletin.masthead
    masthead_data = {**m.model_dump(), "year": m.issue_year}
    masthead = Masthead(
        mark=m.mark,
        name_lines=tuple(m.name),
        issue=pieces.render("issue", issue=m.issue, year=m.issue_year),
        volume=pieces.render("volume", volume=m.volume) if m.volume else None,
        unit=m.unit,
        date=pieces.render("date", date=m.date),
    )
    body: list[Paragraph] = []
    for index, article in enumerate(bulletin.articles):
        body += _article(article, ("articles", index), index, bulletin, template)
    articles = [a.model_dump() for a in bulletin.articles]
    meta = Meta(
        title=pieces.render("doc_title", masthead=masthead_data, articles=articles),
        author=m.unit,
        subject=pieces.render("doc_subject", masthead=masthead_data, articles=articles),
        date=m.date,
        language=profile.language,
    )
    before, _, after = pieces.render("page_number", n="\x00").partition("\x00")
    name = pieces.render("filename", source_name=bulletin.name, masthead=masthead_data)
    return Document(
        name=_UNSAFE_FILENAME.sub("_", name) or bulletin.name,
        meta=meta,
        masthead=masthead,
        body=tuple(body),
        end_matter=_end_matter(bulletin, template),
        page_number=(before, after),
        locate=bulletin.origin.locate,
    )


def _article(
    article: Article, at: tuple[Any, ...], index: int, bulletin: Bulletin, template: Template
) -> list[Paragraph]:
    profile, pieces = template.profile, template.pieces
    title_size = profile.style("title").size or 0
    lines = titles.balance(
        article.title,
        profile.page.type_width / title_size,
        profile.line_breaking,
        profile.title.shape,
    )
    out = [
        Paragraph(
            "title",
            tuple((Run(line),) for line in lines),
            origin=(*at, "title"),
            page_break_before=profile.article.new_page and index > 0,
            outline=article.title,
        )
    ]
    if article.subtitle:
        out.append(_para("subtitle", article.subtitle, (*at, "subtitle")))
    for number, author in enumerate(article.authors):
        text = pieces.render("byline", author=author.model_dump())
        out.append(_para("byline", text, (*at, "authors", number)))
    out += [_para("body", text, (*at, "lead", i)) for i, text in enumerate(article.lead)]
    headed = 0
    heading_style = _numbering_style(
        article.heading_numbering or profile.sections.heading_numbering,
        (*at, "heading_numbering"),
        bulletin,
        template,
    )
    for number, section in enumerate(article.sections):
        where = (*at, "sections", number)
        heading = section.heading or (
            profile.sections.kinds.get(section.kind) if section.kind else None
        )
        if heading:
            headed += 1
            if heading_style is not None:
                heading = numbering.label(heading_style, headed) + heading
            out.append(_para("heading", heading, (*where, "heading")))
        out += _section(section, where, bulletin, template)
    out += [_para("body", text, (*at, "closing", i)) for i, text in enumerate(article.closing)]
    if article.credit:
        credit = re.sub(r"^[（(]\s*|\s*[）)]$", "", article.credit)
        text = pieces.render("credit", credit=credit) if pieces.has("credit") else f"（{credit}）"
        style = "credit" if "credit" in profile.styles else "body"
        out.append(_para(style, text, (*at, "credit")))
    return out


def _numbering_style(
    name: str, at: tuple[Any, ...], bulletin: Bulletin, template: Template
) -> NumberingStyle | None:
    """The numbering style called ``name`` in the template (None for "none")."""
    if name == "none":
        return None
    style = template.profile.numbering.get(name)
    if style is None:
        location, local = bulletin.origin.locate(at)
        known = "、".join(template.profile.numbering)
        raise SourceError(
            [Problem(location, dotted(local), f"没有编号样式“{name}”，可用的有：{known}")]
        )
    return style


def _section(
    section: Section, at: tuple[Any, ...], bulletin: Bulletin, template: Template
) -> list[Paragraph]:
    profile = template.profile
    out = [_para("body", text, (*at, "paragraphs", i)) for i, text in enumerate(section.paragraphs)]
    name = section.numbering or profile.sections.numbering.get(section.kind or "free", "一是")
    style = _numbering_style(name, (*at, "numbering"), bulletin, template)
    points = [
        (Run((numbering.label(style, n) if style else "") + point.lead, "runin"), Run(point.text))
        for n, point in enumerate(section.points, start=1)
    ]
    if section.run_on:
        runs = [Run(section.intro)] if section.intro else []
        runs += [run for pair in points for run in pair]
        if runs:
            out.append(Paragraph("body", (tuple(runs),), origin=(*at, "points")))
        return out
    if section.intro:
        out.append(_para("body", section.intro, (*at, "intro")))
    out += [Paragraph("body", (pair,), origin=(*at, "points", i)) for i, pair in enumerate(points)]
    return out


def _end_matter(bulletin: Bulletin, template: Template) -> EndMatter | None:
    end = bulletin.end_matter
    if end is None:
        return None
    labels, pieces = template.profile.end_matter.labels, template.pieces
    lines = tuple(
        pieces.render("end_matter_line", label=labels[key], names=names)  # type: ignore[index]
        for key, names in (
            ("superiors", end.superiors),  # the keys the template's labels are checked for
            ("peers", end.peers),
            ("subordinates", end.subordinates),
        )
        if names
    )
    copies = pieces.render("copies", copies=end.copies) if end.copies else None
    return EndMatter(lines, copies) if lines or copies else None


def _para(style: str, text: str, origin: tuple[Any, ...]) -> Paragraph:
    return Paragraph(style, ((Run(text),),), origin=origin)
