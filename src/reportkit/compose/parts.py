"""The parts a document kind is made of, each turned into page-model blocks.

A template lists its parts in order (``parts:`` in template.yaml); each names one of the
builders below with its style, pieces, rules and labels.  Builders read the validated source
through field paths (``masthead.unit``) and the template's Jinja2 pieces; they know the
official parts (署名, 版记 …) so that the renderers do not have to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from reportkit.compose import numbering, pictures, titles
from reportkit.compose.context import Context
from reportkit.compose.page import Anchored, Block, Rule, Run, Space, Text
from reportkit.source.model import Photo, Point, Section
from reportkit.template.parts import NEEDS
from reportkit.template.profile import NumberingStyle, Part, RunSpec
from reportkit.typeset import measure

Builder = Callable[[Context, Part], Iterator[Block]]
BUILDERS: dict[str, Builder] = {}


def builder(name: str) -> Callable[[Builder], Builder]:
    """Register the builder of the part templates name ``name`` (template/parts.py)."""
    assert name in NEEDS, name

    def register(function: Builder) -> Builder:
        BUILDERS[name] = function
        return function

    return register


def build_part(ctx: Context, part: Part) -> list[Block]:
    """The blocks of one part."""
    return list(BUILDERS[part.part](ctx, part))


# text lines, rules and space -----------------------------------------------------------


def _runs(ctx: Context, specs: list[RunSpec], **extra: Any) -> tuple[Run, ...]:
    out = []
    for spec in specs:
        if spec.piece is not None:
            text = ctx.render(spec.piece, **extra)
        elif spec.field is not None:
            value = ctx.value(spec.field)
            text = "、".join(map(str, value)) if isinstance(value, list) else str(value or "")
        else:
            text = spec.text or ""
        if text:
            out.append(Run(text, spec.style))
    return tuple(out)


def _origin(ctx: Context, part: Part) -> tuple[Any, ...]:
    """The source field a part shows: its own, its first run's, or the first field with a
    value its piece prints (发文机关标志: the issuer when no mark is given)."""
    path = part.field or next((r.field for r in part.runs if r.field), None)
    if path is None and part.piece is not None:
        named = ctx.template.pieces.fields(part.piece)
        path = next((f for f in named if ctx.value(f) not in (None, "", [])), None)
    return tuple(path.split(".")) if path else ()


@builder("text")
def text(ctx: Context, part: Part) -> Iterator[Block]:
    """One paragraph from a piece, a field or several runs; a right-hand part on its line.
    Nothing when it comes out empty (an optional field left out)."""
    specs = part.runs or [RunSpec(piece=part.piece, field=part.field)]
    runs = _runs(ctx, specs)
    right = _runs(ctx, part.right)
    if runs or right:
        assert part.style is not None
        yield Text(part.style, (runs,), right, origin=_origin(ctx, part), new_page=part.new_page)


@builder("lines")
def lines(ctx: Context, part: Part) -> Iterator[Block]:
    """One paragraph per item of a list field (the bulletin's name, one line each)."""
    assert part.style is not None and part.field is not None
    values = ctx.value(part.field) or []
    for index, value in enumerate(values if isinstance(values, list) else [values]):
        origin = (*part.field.split("."), index)
        yield Text(part.style, ((Run(str(value)),),), origin=origin)


@builder("rule")
def rule(ctx: Context, part: Part) -> Iterator[Block]:
    """A full-width rule of the template's ``rules``."""
    assert part.rule is not None
    yield Rule(part.rule)


@builder("space")
def space(ctx: Context, part: Part) -> Iterator[Block]:
    """Blank grid lines."""
    yield Space(part.lines)


@builder("title")
def title(ctx: Context, part: Part) -> Iterator[Block]:
    """A title in balanced lines (GB/T 9704 §7.3.1); nothing when the field is empty."""
    assert part.style is not None and part.field is not None
    value = ctx.value(part.field)
    if value:
        origin = tuple(part.field.split("."))
        yield _title(ctx, str(value), part.style, origin, new_page=part.new_page)


def _title(
    ctx: Context, value: str, style: str, origin: tuple[Any, ...], new_page: bool = False
) -> Text:
    profile = ctx.template.profile
    spec = profile.style(style)
    width = profile.page.type_width / (spec.size or 0)
    # a title is set whole on one page: one longer than a page of full lines is refused
    # before it is broken into lines (and one whose balanced lines come to more, after)
    page = int(profile.grid.lines // spec.line_height)
    broken = (
        titles.balance(value, width, profile.line_breaking, profile.title.shape)
        if titles.cells(value) <= page * width
        else None
    )
    if broken is None or len(broken) > page:
        ctx.problems.append(
            ctx.problem(origin, f"标题太长（{len(value)} 字），一页排不下；请缩短标题")
        )
        broken = [value[:1]]
    return Text(
        style,
        tuple((Run(line),) for line in broken),
        origin=origin,
        outline=value,
        new_page=new_page,
    )


# running text: bulletins' articles, reports' and minutes' bodies ----------------------


@builder("articles")
def articles(ctx: Context, part: Part) -> Iterator[Block]:
    """Each article: title, subtitle, bylines, lead, sections, closing, credit line."""
    profile = ctx.template.profile
    for index, article in enumerate(ctx.content.articles):
        at: tuple[Any, ...] = ("articles", index)
        new_page = profile.article.new_page and index > 0
        yield _title(ctx, article.title, "title", (*at, "title"), new_page=new_page)
        if article.subtitle:
            yield _text("subtitle", article.subtitle, (*at, "subtitle"))
        for number, author in enumerate(article.authors):
            byline = ctx.render("byline", author=author.model_dump())
            yield _text("byline", byline, (*at, "authors", number))
        yield from _body(ctx, article, at, article.heading_numbering)
        if article.credit:
            credit = article.credit.strip("（）() ")
            shown = (
                ctx.render("credit", credit=credit)
                if ctx.template.pieces.has("credit")
                else f"（{credit}）"
            )
            yield _text("credit" if "credit" in profile.styles else "body", shown, (*at, "credit"))


@builder("body")
def body(ctx: Context, part: Part) -> Iterator[Block]:
    """The source's running text: lead paragraphs, sections, closing paragraphs."""
    yield from _body(ctx, ctx.content, (), ctx.content.heading_numbering)


def _body(
    ctx: Context, content: Any, at: tuple[Any, ...], heading_numbering: str | None
) -> Iterator[Block]:
    profile = ctx.template.profile
    for i, value in enumerate(content.lead):
        yield _text("body", value, (*at, "lead", i))
    style = _numbering(
        ctx, heading_numbering or profile.sections.heading_numbering, (*at, "heading_numbering")
    )
    headed = 0
    for number, section in enumerate(content.sections):
        where = (*at, "sections", number)
        heading = section.heading or (
            profile.sections.kinds.get(section.kind) if section.kind else None
        )
        if heading:
            headed += 1
            label = numbering.label(style, headed) if style is not None else ""
            yield _text("heading", label + heading, (*where, "heading"))
        yield from _section(ctx, section, where)
    for i, value in enumerate(content.closing):
        yield _text("body", value, (*at, "closing", i))


def _section(ctx: Context, section: Section, at: tuple[Any, ...]) -> Iterator[Block]:
    profile = ctx.template.profile
    for i, value in enumerate(section.paragraphs):
        yield _text("body", value, (*at, "paragraphs", i))
    name = section.numbering or profile.sections.numbering.get(section.kind or "free", "一是")
    style = _numbering(ctx, name, (*at, "numbering"))
    # photos and tables among the points are not numbered: the points' numbers run on
    run: list[Run] = [Run(section.intro)] if section.run_on and section.intro else []
    if section.intro and not section.run_on:
        yield _text("body", section.intro, (*at, "intro"))
    number = 0
    for i, entry in enumerate(section.points):
        where = (*at, "points", i)
        if isinstance(entry, Point):
            number += 1
            pair = _point(ctx, style, number, entry)
            if section.run_on:
                run += pair
            else:
                yield Text("body", (pair,), origin=where)
            continue
        if run:
            yield Text("body", (tuple(run),), origin=(*at, "points"))
            run = []
        yield (
            pictures.photo(ctx, entry, where)
            if isinstance(entry, Photo)
            else pictures.table(ctx, entry, where)
        )
    if run:
        yield Text("body", (tuple(run),), origin=(*at, "points"))


def _point(
    ctx: Context, style: NumberingStyle | None, number: int, point: Point
) -> tuple[Run, Run]:
    """A point's number and lead sentence in the numbering style's lead face (the body's for
    "body"), kept whole on its line with the first characters after it; then its text."""
    label = numbering.label(style, number) if style else ""
    face = style.lead_style if style else "runin"
    after = ctx.template.profile.line_breaking.keep_with_number
    keep = len(label) + after if label and after else 0
    return Run(label + point.lead, None if face == "body" else face, keep), Run(point.text)


def _numbering(ctx: Context, name: str, at: tuple[Any, ...]) -> NumberingStyle | None:
    """The numbering style called ``name`` in the template (None for "none")."""
    if name == "none":
        return None
    style = ctx.template.profile.numbering.get(name)
    if style is None:
        known = "、".join(ctx.template.profile.numbering)
        raise ctx.error(at, f"没有编号样式“{name}”，可用的有：{known}")
    return style


def _text(style: str, value: str, origin: tuple[Any, ...]) -> Text:
    return Text(style, ((Run(value),),), origin=origin)


# the 公文's own parts ---------------------------------------------------------------------


@builder("attachment_note")
def attachment_note(ctx: Context, part: Part) -> Iterator[Block]:
    """附件说明 (§7.3.4): one blank line, then 附件：1. 名称, further names aligned under the
    first (the style's hang_after)."""
    names = [a.title for a in ctx.content.attachments]
    if not names:
        return
    assert part.style is not None and part.piece is not None
    yield Space(1)
    rows = [ctx.render(part.piece, n=n, title=t, count=len(names)) for n, t in enumerate(names, 1)]
    yield Text(part.style, tuple((Run(row),) for row in rows), origin=("attachments",))


@builder("signature")
def signature(ctx: Context, part: Part) -> Iterator[Block]:
    """署名 and 成文日期 (§7.3.5).  With a seal the date is four characters from the right
    and the name centred over it; without, the name is two characters from the right and the
    date starts two characters right of the name's first character — unless the date is
    longer than the name: then the date is two from the right and the name moves left to
    keep the offset (§7.3.5.2; a date shorter than the name may end nearer the edge)."""
    assert part.style is not None and part.piece is not None
    sign = ctx.content.signature
    name, date = sign.name, ctx.render(part.piece)
    profile = ctx.template.profile
    style = profile.style(part.style)
    size = style.size or 0
    # in characters of the style's size
    width = profile.page.type_width / size - style.indent_right
    name_cells = measure.width(name, part.style, profile) / size
    date_cells = measure.width(date, part.style, profile) / size
    if sign.seal:
        date_at = width - 4 - date_cells
        name_at = date_at + (date_cells - name_cells) / 2
        assert sign._path is not None  # the loader found it
        stamp, lines = pictures.seal(ctx, sign._path, date_at + date_cells / 2, f"{name}印章")
        yield Space(lines)
        yield stamp
    else:
        longer = date_cells > name_cells
        name_at = width - 2 - (date_cells + 2 if longer else name_cells)
        date_at = name_at + 2
        yield Space(1)
    yield Text(part.style, ((Run(name),),), origin=("signature", "name"), indent=name_at)
    yield Text(part.style, ((Run(date),),), origin=("signature", "date"), indent=date_at)


@builder("attachments")
def attachments(ctx: Context, part: Part) -> Iterator[Block]:
    """Each attachment on a new page (§7.3.7): 附件N flush left on the first line, its title
    centred on the third, then its text."""
    assert part.style is not None and part.piece is not None
    for index, attachment in enumerate(ctx.content.attachments):
        at = ("attachments", index)
        label = ctx.render(part.piece, n=index + 1, count=len(ctx.content.attachments))
        yield Text(part.style, ((Run(label),),), origin=at, new_page=True)
        yield Space(1)
        yield _title(ctx, attachment.title, "title", (*at, "title"))
        yield from _body(ctx, attachment, at, attachment.heading_numbering)


@builder("attendance")
def attendance(ctx: Context, part: Part) -> Iterator[Block]:
    """出席 / 请假 / 列席 (§10.3), each list on a line of its own: the label in its own face,
    then the people as the piece sets them (单位, 职务 and 姓名 of each, run together), wrapped
    lines aligned after the colon (the style's hang_after)."""
    assert part.style is not None and part.field is not None
    label_style = part.runs[0].style if part.runs else None
    for key, label in part.labels.items():
        people = ctx.value(f"{part.field}.{key}") or []
        if not people:
            continue
        shown = (
            ctx.render(part.piece, people=people)
            if part.piece is not None
            else "，".join(f"{p['unit']}{p['position']}{p['name']}" for p in people)
        )
        runs = (Run(f"{label}：", label_style), Run(shown))
        yield Text(part.style, (runs,), origin=(*part.field.split("."), key))


@builder("end_block")
def end_block(ctx: Context, part: Part) -> Iterator[Block]:
    """版记 (§7.4), anchored to the bottom of the last page: a line per labelled list
    (报：…。, 抄送：…。), then a last line (（共印60份）; the printing office and date), with
    the template's rules above, between and below."""
    assert part.style is not None and part.piece is not None
    blocks: list[Block] = []
    for key, label in part.labels.items():
        names = ctx.value(key) or []
        if names:
            line = ctx.render(part.piece, label=label, names=names)
            blocks.append(Text(part.style, ((Run(line),),), origin=tuple(key.split("."))))
    last = _runs(ctx, part.runs)
    right = _runs(ctx, part.right)
    if not blocks and not last and not right:
        return
    rules = part.rules
    out: list[Block] = [Rule(rules["first"])] if "first" in rules else []
    out += blocks
    if last or right:
        if blocks and "between" in rules:
            out.append(Rule(rules["between"]))
        out.append(Text(part.style, (last,), right, origin=_origin(ctx, part)))
    if "last" in rules:
        out.append(Rule(rules["last"]))
    ctx.anchored.append(Anchored(tuple(out), even_page=part.even_page))
    yield from ()
