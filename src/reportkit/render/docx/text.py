"""Text blocks as Word paragraphs: a paragraph in the block's style, its given lines joined by
line breaks, a right-hand part after a tab, the indents it asks for; blank lines as an empty
paragraph of exact height where no paragraph follows to take them as space above; a block the
layout set at a fixed distance from the top."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from reportkit.compose.page import Run, Space, Text
from reportkit.render.docx import wml
from reportkit.render.docx.wml import prop
from reportkit.render.markup import add, qn
from reportkit.template.profile import Profile
from reportkit.template.units import twips
from reportkit.typeset.cells import cells, label_cells
from reportkit.typeset.linebreak import JOINER, joiners

W = qn("w:pPr").partition("}")[0] + "}"

W = qn("w:pPr").partition("}")[0] + "}"


def paragraph(
    parent: etree._Element, block: Text, profile: Profile, ids: dict[str, str]
) -> etree._Element:
    """A text block as a paragraph in its style at the end of ``parent``: given lines joined
    by line breaks, a right part after a tab, the indent and hanging indent it asks for, a page
    break before."""
    p = wml.paragraph(parent, ids[block.style])
    style = profile.style(block.style)
    size = style.size or 0
    if block.new_page:
        prop(p, "w:pageBreakBefore")
    if block.indent is not None:
        prop(
            p,
            "w:ind",
            leftChars=round(block.indent * 100),
            left=twips(block.indent * size),
            firstLineChars=0,
            firstLine=0,
        )
        prop(p, "w:jc", val="left")
    elif style.hang_after:
        first = "".join(run.text for run in block.lines[0]) if block.lines else ""
        label = label_cells(first, style.hang_after)
        if label:
            left = style.indent_left + label
            prop(
                p,
                "w:ind",
                leftChars=round(left * 100),
                left=twips(left * size),
                hangingChars=round(label * 100),
                hanging=twips(label * size),
            )
    if block.right:
        right_edge = profile.page.type_width - style.indent_right * size
        add(prop(p, "w:tabs"), "w:tab", val="right", pos=twips(right_edge))
    scale = _shrink(block, profile) if style.shrink_to_fit else None
    for number, line in enumerate(block.lines):
        if number:
            wml.line_break(p)
        for run, shown in zip(line, joined(line, profile), strict=True):
            wml.run(p, shown, ids[run.style] if run.style else None, scale)
    if block.right:
        wml.tab(p)
        for run in block.right:
            wml.run(p, run.text, ids[run.style] if run.style else None)
    return p


def joined(runs: Sequence[Run], profile: Profile) -> list[str]:
    """The runs' texts with a joiner (U+200D, Word's no-width non break) wherever the layout
    keeps the word processor from breaking a line: inside a point's number and before the
    character after it."""
    where = joiners([(run.text, run.keep) for run in runs], profile.line_breaking)
    return [
        "".join([JOINER + char if index in at else char for index, char in enumerate(run.text)])
        if at
        else run.text  # nearly every run: nothing kept together
        for run, at in zip(runs, where, strict=True)
    ]


def _shrink(block: Text, profile: Profile) -> int:
    """The horizontal scale (per cent) that fits the block's widest line on the type width."""
    size = profile.style(block.style).size or 0
    widest = max(cells("".join(r.text for r in line)) for line in block.lines) * size
    return 100 if widest <= profile.page.type_width else int(100 * profile.page.type_width / widest)


def fixed_top(p: etree._Element, block: Text, profile: Profile, gaps: tuple[float, float]) -> None:
    """Set ``p`` ``gaps`` (points above and below) from the lines around it, as the layout
    placed it at a fixed distance from the type area's top."""
    style = profile.style(block.style)
    prop(
        p,
        "w:spacing",
        before=twips(gaps[0]),
        after=twips(gaps[1]),
        line=twips(style.line_height * profile.grid.line_pitch),
        lineRule="exact",
    )


def space_after(p: etree._Element, block: Text, profile: Profile, lines: float) -> None:
    """Add ``lines`` blank grid lines to the space below ``p`` (a paragraph of ``block``)."""
    _more_space(p, "after", profile.style(block.style).space_after, profile, lines)


def space_before(p: etree._Element, block: Text, profile: Profile, lines: float) -> None:
    """Add ``lines`` blank grid lines to the space above ``p`` (a paragraph of ``block``)."""
    _more_space(p, "before", profile.style(block.style).space_before, profile, lines)


def _more_space(p: etree._Element, side: str, own: float, profile: Profile, lines: float) -> None:
    """``lines`` more grid lines on ``side`` of ``p``, over what it has: the paragraph's own
    spacing (a fixed place), else its style's ``own`` lines."""
    spacing = p.find(f"{W}pPr/{W}spacing")
    given = spacing.get(f"{W}{side}") if spacing is not None else None
    pitch = profile.grid.line_pitch
    points = int(given) / 20 if given is not None else own * pitch
    prop(p, "w:spacing", **{side: twips(points + lines * pitch)})


def space(parent: etree._Element, block: Space, profile: Profile, ids: dict[str, str]) -> None:
    """Blank lines: an empty paragraph of their exact height."""
    p = wml.paragraph(parent, ids["body"])
    height = block.lines * profile.grid.line_pitch
    # an exact height of whole lines: an empty paragraph snapped to the grid would shrink to
    # one line in LibreOffice
    prop(p, "w:snapToGrid", val=0)
    prop(p, "w:spacing", line=twips(height), lineRule="exact")
