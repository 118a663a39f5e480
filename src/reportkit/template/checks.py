"""What one value of a template means for another: the type area on the paper, the lines in
the type area, a style's indents on its line, every name a style, part or rule uses.

Each check runs on the sections of the template that are valid on their own, so that the
problems of one template are all found at once, beside the values that are wrong by
themselves.  A problem is given as the values it may be blamed on, each with its message
(the allowed range of that value): the loader names the one the template's own file sets.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel as Model
from pydantic import ValidationError

from reportkit.errors import number, spaced
from reportkit.template.parts import part_problems
from reportkit.template.profile import (
    REQUIRED_PIECES,
    REQUIRED_STYLES,
    FiguresData,
    Grid,
    Page,
    PageNumberData,
    Part,
    Profile,
    RuleData,
    Style,
    hex_colour,
    named_sizes,
    style_name_problems,
)
from reportkit.template.units import PT_PER, shown

Path_ = tuple[Any, ...]
# one problem: the values it may be blamed on, most likely first, each with its message
Finding = tuple[tuple[Path_, str], ...]
M = TypeVar("M", bound=Model)
EPSILON = 0.01  # points: lengths written in mm and pt agree to far less than this
MM = PT_PER["mm"]
MIN_TYPE = 10 * MM  # the least type width and height (units.between in profile.py)


class Sections(NamedTuple):
    """The sections of a template the checks compare, each only where it is valid."""

    page: Page | None
    grid: Grid | None
    styles: dict[str, Style]
    rules: dict[str, RuleData]
    parts: list[tuple[int, Part]]
    figures: FiguresData | None
    numbers: PageNumberData | None


def problems(data: Any, profile: Profile | None = None) -> list[Finding]:
    """Every problem between the values of template ``data`` (merged, as read).

    ``profile``: ``data`` validated whole, when it is valid: its sections are then taken as
    they are instead of being validated again one by one."""
    if not isinstance(data, dict):
        return []
    found: list[Finding] = list(_body(data))
    data = named_sizes(data)
    valid = _validated(profile) if profile is not None else _sections(data)
    page, grid, styles = valid.page, valid.grid, valid.styles
    if page is not None:
        found += _page(page)
        if grid is not None:
            found += _grid(page, grid)
    found += _names(data, styles, valid.rules)
    if page is not None:
        found += _styles(styles, page)
    if grid is not None:
        found += _spacing(styles, grid)
    found += _part_names(valid.parts, data)
    if grid is not None:
        found += _depths(styles, valid.parts, grid)
    if valid.figures is not None:
        found += _figures(valid.figures, data, page)
    if valid.numbers is not None and page is not None:
        found += _page_number(valid.numbers, page, styles)
    return found


def _validated(profile: Profile) -> Sections:
    return Sections(
        profile.page,
        profile.grid,
        dict(profile.styles),
        dict(profile.rules),
        list(enumerate(profile.parts)),
        profile.figures,
        profile.page_number,
    )


def _sections(data: dict[str, Any]) -> Sections:
    """The sections of ``data`` that are valid on their own."""
    return Sections(
        _one(Page, data.get("page")),
        _one(Grid, data.get("grid")),
        _table(Style, data.get("styles")),
        _table(RuleData, data.get("rules")),
        _parts(data.get("parts")),
        _one(FiguresData, data.get("figures", {})),
        _one(PageNumberData, data.get("page_number")),
    )


def _one(model: type[M], value: Any) -> M | None:
    """``value`` as ``model``, or None when it is not valid (its errors are reported apart)."""
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


def _table(model: type[M], value: Any) -> dict[str, M]:
    """The entries of a table that are valid as ``model``."""
    if not isinstance(value, dict):
        return {}
    valid = {key: _one(model, entry) for key, entry in value.items() if isinstance(key, str)}
    return {key: entry for key, entry in valid.items() if entry is not None}


def _keys(data: dict[str, Any], section: str) -> dict[str, None]:
    """The names a table of the template holds, in order, valid or not (a name is known
    either way)."""
    value = data.get(section)
    return dict.fromkeys(str(key) for key in value) if isinstance(value, dict) else {}


def _colours(data: dict[str, Any]) -> dict[str, str]:
    value = data.get("colours")
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def _allowed(title: str, low: float, high: float, unit: str) -> str:
    """``；天头应在 0 到 72 毫米之间``."""
    return f"；{title}应在 {number(low)} 到 {number(high)} {spaced(unit)}之间"


def _ceil(value: float) -> float:
    """``value`` rounded up to two decimals."""
    return math.ceil(value * 100 - 1e-6) / 100


def _floor(value: float) -> float:
    """``value`` rounded down to two decimals (a bound shown must hold when written)."""
    return math.floor(value * 100 + 1e-6) / 100


# the paper and the grid --------------------------------------------------------------------


def _page(page: Page) -> Iterator[Finding]:
    """The type area and its margin on the paper, across and down."""
    for margin, extent, paper, words in (
        ("margin_left", "type_width", "width", ("订口", "版心宽度", "纸张宽度")),
        ("margin_top", "type_height", "height", ("天头", "版心高度", "纸张高度")),
    ):
        left, inside, whole = getattr(page, margin), getattr(page, extent), getattr(page, paper)
        if left + inside <= whole + EPSILON:
            continue
        said = (
            f"{words[0]}（{shown(left)} 毫米）加{words[1]}（{shown(inside)} 毫米）"
            f"超过了{words[2]}（{shown(whole)} 毫米）"
        )
        blames = []
        if whole - inside >= 0:
            room = _allowed(words[0], 0, _floor((whole - inside) / MM), "毫米")
            blames.append((("page", margin), f"页边距太大：{said}{room}"))
        if whole - left >= MIN_TYPE:
            room = _allowed(words[1], 10, _floor((whole - left) / MM), "毫米")
            blames.append((("page", extent), f"版心太大：{said}{room}"))
        if not blames:
            blames.append((("page", margin), f"页边距和版心都太大：{said}"))
        least = _ceil((left + inside) / MM)
        if least <= 2000:
            room = _allowed(words[2], least, 2000, "毫米")
            blames.append((("page", paper), f"纸张太小：{said}{room}"))
        yield tuple(blames)


def _grid(page: Page, grid: Grid) -> Iterator[Finding]:
    """The grid's lines in the type area's height."""
    height = grid.lines * grid.line_pitch
    if height <= page.type_height + EPSILON:
        return
    pitch = number(grid.line_pitch)
    said = (
        f"{grid.lines} 行 × 行距 {pitch} 磅 = {shown(height)} 毫米，"
        f"超过了版心高度（{shown(page.type_height)} 毫米）"
    )
    blames = []
    most = math.floor((page.type_height + EPSILON) / grid.line_pitch)
    if most >= 1:
        room = _allowed("每页行数", 1, most, "")
        blames.append((("grid", "lines"), f"每页行数太多：{said}；行距 {pitch} 磅时{room[1:]}"))
    widest = _floor(page.type_height / grid.lines)
    if widest >= 1:
        room = _allowed("行距", 1, widest, "磅")
        blames.append(
            (("grid", "line_pitch"), f"行距太大：{said}；每页 {grid.lines} 行时{room[1:]}")
        )
    blames.append(
        (
            ("page", "type_height"),
            f"版心高度不够：{said}；版心高度至少应为 {number(_ceil(height / MM))} 毫米",
        )
    )
    yield tuple(blames)


# styles ------------------------------------------------------------------------------------


def _sized(styles: dict[str, Style]) -> list[tuple[str, Style, float, Path_]]:
    """Each style with the size it is set in and where that size is written (a style left
    without one when body is not valid)."""
    body = styles.get("body")
    sized = []
    for key, style in styles.items():
        size = style.size or (body.size if body else None)
        if size is not None:
            where = ("styles", key, "size") if style.size else ("styles", "body", "size")
            sized.append((key, style, size, where))
    return sized


def _styles(styles: dict[str, Style], page: Page) -> Iterator[Finding]:
    """Each style's size, indents and top against the type area."""
    sized = _sized(styles)
    widest = max((size for _, _, size, _ in sized), default=0.0)
    for key, style, size, where in sized:
        if size > page.type_width + EPSILON:
            said = (
                f"样式 {key} 的字号（{number(size)} 磅）大于版心宽度"
                f"（{shown(page.type_width)} 毫米），一行放不下一个字"
            )
            room = _allowed("字号", 1, min(200, _floor(page.type_width)), "磅")
            wide = _allowed("版心宽度", _ceil(widest / MM), 2000, "毫米")
            yield (
                (where, f"字号太大：{said}{room}"),
                (("page", "type_width"), f"版心太窄：{said}{wide}"),
            )
            continue
        if not style.character:
            yield from _indents(key, style, size, where, page)
        if style.top is not None and style.top > page.type_height + EPSILON:
            yield (
                (
                    ("styles", key, "top"),
                    f"距版心上边缘（{shown(style.top)} 毫米）超过了版心高度"
                    f"（{shown(page.type_height)} 毫米）"
                    + _allowed("距版心上边缘", 0, _floor(page.type_height / MM), "毫米"),
                ),
            )


def _spacing(styles: dict[str, Style], grid: Grid) -> Iterator[Finding]:
    """The character spacing leaves every style's characters apart."""
    smallest = min(((size, key) for key, _, size, _ in _sized(styles)), default=None)
    if smallest is not None and grid.character_spacing < -smallest[0] / 2 - EPSILON:
        size, key = smallest
        yield (
            (
                ("grid", "character_spacing"),
                f"字距太小：{number(grid.character_spacing)} 磅会让样式 {key}（{number(size)} 磅）"
                "的字叠在一起" + _allowed("字距", max(-10, -_floor(size / 2)), 10, "磅"),
            ),
        )


INDENTS = (("first_line_indent", "首行缩进"), ("indent_left", "左缩进"), ("indent_right", "右缩进"))


def _indents(key: str, style: Style, size: float, where: Path_, page: Page) -> Iterator[Finding]:
    """A style's indents leave room for one character on its lines."""
    values = {name: getattr(style, name) for name, _ in INDENTS}
    capacity = page.type_width / size  # characters of this size on a line
    total = sum(values.values())
    if total <= capacity - 1 + EPSILON / size:
        return
    said = "、".join(
        f"{title} {number(values[name])} 字" for name, title in INDENTS if values[name]
    )
    said = (
        f"样式 {key} 的{said}，版心一行只放得下 {number(_floor(capacity))} 个 "
        f"{number(size)} 磅的字，缩进后一个字也放不下"
    )
    blames = []
    for name, title in INDENTS:
        if values[name] <= 0:
            continue
        most = _floor(capacity - 1 - (total - values[name]))
        if most >= 0:
            room = _allowed(title, 0, most, "字")
            blames.append((("styles", key, name), f"缩进太多：{said}{room}"))
    largest = _floor(page.type_width / (total + 1))
    if largest >= 1:
        room = _allowed("字号", 1, min(200, largest), "磅")
        blames.append((where, f"字号太大：{said}{room}"))
    if not blames:
        largest_indent = max(values, key=lambda name: values[name])
        blames.append((("styles", key, largest_indent), f"缩进太多：{said}"))
    yield tuple(blames)


def _depths(
    styles: dict[str, Style], parts: list[tuple[int, Part]], grid: Grid
) -> Iterator[Finding]:
    """Line heights and blank lines (of styles and of parts) that fit on a page."""
    deep: list[tuple[Path_, str, float, float]] = []  # where, what, how many lines, least
    for key, style in styles.items():
        for name, title, least in (
            ("line_height", "行高", 0.25),
            ("space_before", "段前空行", 0),
            ("space_after", "段后空行", 0),
        ):
            deep.append(
                (("styles", key, name), f"样式 {key} 的{title}", getattr(style, name), least)
            )
    deep += [(("parts", n, "lines"), f"第 {n + 1} 个部分的空行数", p.lines, 0) for n, p in parts]
    if not deep:
        return
    _, deepest, most, _ = max(deep, key=lambda entry: entry[2])
    more = (
        f"每页行数太少：{deepest}（{number(most)} 行）超过了每页行数（{grid.lines} 行）"
        + _allowed("每页行数", math.ceil(most), 200, "")
    )
    for at, what, lines, least in deep:
        if lines > grid.lines:
            said = f"{what}（{number(lines)} 行）超过了每页行数（{grid.lines} 行）"
            fewer = _allowed(what.rpartition("的")[2], least, grid.lines, "行")
            yield ((at, said + fewer), (("grid", "lines"), more))


# names a template uses ---------------------------------------------------------------------


def _names(
    data: dict[str, Any], styles: dict[str, Style], rules: dict[str, RuleData]
) -> Iterator[Finding]:
    """Required styles and pieces; each style's font and colour; each rule's colour; the
    numbering styles sections name; styles Word could not tell apart."""
    style_keys, fonts, colours = _keys(data, "styles"), _keys(data, "fonts"), _colours(data)
    missing = [s for s in REQUIRED_STYLES if s not in style_keys]
    if missing and isinstance(data.get("styles"), dict):
        yield ((("styles",), f"模板缺少样式：{'、'.join(missing)}"),)
    missing = [p for p in REQUIRED_PIECES if p not in _keys(data, "pieces")]
    if missing and isinstance(data.get("pieces"), dict):
        yield ((("pieces",), f"模板缺少文字片段：{'、'.join(missing)}"),)
    for key, style in styles.items():
        if (
            style.font is not None
            and isinstance(data.get("fonts"), dict)
            and style.font not in fonts
        ):
            known = "、".join(fonts)
            yield ((("styles", key, "font"), f"字体“{style.font}”不在 fonts 中。可以写：{known}"),)
        if style.colour is not None:
            yield from _colour(("styles", key, "colour"), style.colour, colours, data)
    for key, rule in rules.items():
        yield from _colour(("rules", key, "colour"), rule.colour, colours, data)
    yield from _numbering(data)
    for at, message in style_name_problems(styles):
        yield ((at, message),)


def _body(data: dict[str, Any]) -> Iterator[Finding]:
    """The body style gives every style its font and size: it must have both (as written:
    a size named from a wrong entry of the sizes table is named there)."""
    body = data["styles"].get("body") if isinstance(data.get("styles"), dict) else None
    if isinstance(body, dict) and (body.get("size") is None or body.get("font") is None):
        yield ((("styles", "body"), "样式 body 必须写明 font 和 size"),)


def _colour(
    at: Path_, name: str, colours: dict[str, str], data: dict[str, Any]
) -> Iterator[Finding]:
    """A colour named by a style or a rule: a name of the colours table or #RRGGBB."""
    if name in _keys(data, "colours"):
        return  # a name of the table: an entry that is wrong is named where it is written
    if hex_colour(colours, name) is None:
        known = "、".join(colours)
        yield (
            (
                at,
                f"颜色“{name}”无法识别：请写 colours 中的名称（{known}）或“#”加六位十六进制数，"
                "例如 #C00000",
            ),
        )


def _numbering(data: dict[str, Any]) -> Iterator[Finding]:
    sections = data.get("sections")
    if not isinstance(sections, dict):
        return
    styles = _keys(data, "numbering")
    known = "、".join(styles)
    named: list[tuple[Path_, Any]] = [
        (("sections", "heading_numbering"), sections.get("heading_numbering", "none"))
    ]
    table = sections.get("numbering")
    if isinstance(table, dict):
        named += [(("sections", "numbering", kind), name) for kind, name in table.items()]
    for at, name in named:
        if isinstance(name, str) and name != "none" and name not in styles:
            yield ((at, f"编号样式“{name}”不在 numbering 中。可以写：{known}"),)
    yield from _lead_styles(data)


def _lead_styles(data: dict[str, Any]) -> Iterator[Finding]:
    """The style each numbering style sets its points' lead sentences in: a character style
    of the template, or body."""
    table, styles = data.get("numbering"), data.get("styles")
    if not isinstance(table, dict) or not isinstance(styles, dict):
        return
    characters = [k for k, v in styles.items() if isinstance(v, dict) and v.get("character")]
    known = "、".join(["body", *characters])
    for key, entry in table.items():
        name = entry.get("lead_style") if isinstance(entry, dict) else None
        if not isinstance(name, str) or name == "body" or name in characters:
            continue
        at = ("numbering", key, "lead_style")
        said = "不在 styles 中" if name not in styles else "不是字符样式（character: true）"
        yield ((at, f"要点首句样式“{name}”{said}。可以写：{known}"),)


# parts, figures and page numbers -----------------------------------------------------------


def _parts(value: Any) -> list[tuple[int, Part]]:
    """The parts that are valid, with their places in the list."""
    if not isinstance(value, list):
        return []
    valid = [(n, _one(Part, entry)) for n, entry in enumerate(value)]
    return [(n, part) for n, part in valid if part is not None]


def _part_names(parts: list[tuple[int, Part]], data: dict[str, Any]) -> Iterator[Finding]:
    """The styles, pieces and rules each part names; the builder it names."""
    tables = {kind: _keys(data, kind) for kind in ("styles", "pieces", "rules")}
    words = {"styles": "样式", "pieces": "文字片段", "rules": "分隔线"}
    for number_, part in parts:
        at: Path_ = ("parts", number_)
        named: list[tuple[Path_, str, str | None]] = [
            ((*at, "style"), "styles", part.style),
            ((*at, "piece"), "pieces", part.piece),
            ((*at, "rule"), "rules", part.rule),
        ]
        for side in ("runs", "right"):
            for index, run in enumerate(getattr(part, side)):
                named.append(((*at, side, index, "style"), "styles", run.style))
                named.append(((*at, side, index, "piece"), "pieces", run.piece))
        named += [((*at, "rules", role), "rules", rule) for role, rule in part.rules.items()]
        for path, kind, name in named:
            if name is not None and isinstance(data.get(kind), dict) and name not in tables[kind]:
                known = "、".join(tables[kind])
                yield ((path, f"{words[kind]}“{name}”不在 {kind} 中。可以写：{known}"),)
    places = [n for n, _ in parts]
    for at, message in part_problems([part for _, part in parts]):
        yield (((at[0], places[at[1]], *at[2:]), message),)


def _figures(figures: FiguresData, data: dict[str, Any], page: Page | None) -> Iterator[Finding]:
    """The styles and rules of photos and tables; their resolutions; the seal's width."""
    for name, kind, word in (
        ("caption", "styles", "样式"),
        ("table", "styles", "样式"),
        ("table_header", "styles", "样式"),
        ("table_caption", "styles", "样式"),
        ("frame", "rules", "分隔线"),
        ("inner", "rules", "分隔线"),
    ):
        value = getattr(figures, name)
        known = _keys(data, kind)
        if value is not None and isinstance(data.get(kind), dict) and value not in known:
            yield (
                (("figures", name), f"{word}“{value}”不在 {kind} 中。可以写：{'、'.join(known)}"),
            )
    low, high = figures.min_dpi, figures.max_dpi
    if low > high:
        said = f"照片的最低分辨率（{number(low)} dpi）高于 PDF 中照片的最高分辨率（{number(high)} dpi）"
        yield (
            (("figures", "min_dpi"), said + _allowed("最低分辨率", 50, high, "dpi")),
            (("figures", "max_dpi"), said + _allowed("最高分辨率", max(72, low), 2400, "dpi")),
        )
    if page is not None and figures.seal_width > page.type_width + EPSILON:
        most = min(200, _floor(page.type_width / MM))
        yield (
            (
                ("figures", "seal_width"),
                f"印章宽度（{shown(figures.seal_width)} 毫米）大于版心宽度"
                f"（{shown(page.type_width)} 毫米）" + _allowed("印章宽度", 10, most, "毫米"),
            ),
        )


def _page_number(
    numbers: PageNumberData, page: Page, styles: dict[str, Style]
) -> Iterator[Finding]:
    """Page numbers on the paper: under the type area, in their half of the line."""
    style = styles.get("page_number")
    body = styles.get("body")
    size = (style.size if style else None) or (body.size if body else None)
    if size is None:
        return
    below = page.height - page.margin_top - page.type_height
    if below >= 0 and numbers.below_type_area + size > below + EPSILON:
        said = (
            f"页码距版心下边缘 {shown(numbers.below_type_area)} 毫米，版心下面只有 "
            f"{shown(below)} 毫米，放不下 {number(size)} 磅的页码"
        )
        blames = []
        most = _floor((below - size) / MM)
        if most >= 0:
            room = _allowed("页码距版心下边缘", 0, most, "毫米")
            blames.append((("page_number", "below_type_area"), f"页码离版心太远：{said}{room}"))
        tallest = _floor((below + page.type_height - numbers.below_type_area - size) / MM)
        if tallest >= 10:
            room = _allowed("版心高度", 10, tallest, "毫米")
            blames.append((("page", "type_height"), f"版心太高：{said}{room}"))
        highest = _floor((below + page.margin_top - numbers.below_type_area - size) / MM)
        if highest >= 0:
            room = _allowed("天头", 0, highest, "毫米")
            blames.append((("page", "margin_top"), f"天头太大：{said}{room}"))
        if not blames:
            blames.append((("page_number", "below_type_area"), f"页码离版心太远：{said}"))
        yield tuple(blames)
    half = page.type_width / 2
    if numbers.indent * numbers.indent_size > half + EPSILON:
        most = min(50, _floor(half / numbers.indent_size))
        yield (
            (
                ("page_number", "indent"),
                f"页码离外侧的距离（{number(numbers.indent)} 个 {number(numbers.indent_size)} 磅的字，"
                f"{shown(numbers.indent * numbers.indent_size)} 毫米）超过了版心宽度的一半"
                f"（{shown(half)} 毫米）" + _allowed("页码离外侧的距离", 0, most, "字"),
            ),
        )
