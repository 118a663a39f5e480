"""`reportkit fonts`: role → font → file → coverage of a source's characters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from reportkit.compose.document import compose
from reportkit.fonts.resolve import FontSet
from reportkit.source.load import load_source, source_kind
from reportkit.template import registry


def print_report(
    source: Path | None,
    template_name: str | None,
    overrides: dict[str, Path],
    echo: Callable[[str], object],
) -> bool:
    """Print the table; False when a role has no font or a character has none."""
    kind = source_kind(source) if source is not None and template_name is None else None
    template = registry.load(template_name or registry.for_kind(kind or "bulletin"))
    fonts = FontSet(template.profile, overrides, template_dir=template.folder)
    used: dict[str, Counter[str]] = {role: Counter() for role in fonts.roles}
    if source is not None:
        loaded, _ = load_source(source, kind=template.profile.kind)
        document = compose(loaded, template)

        for style, text, _origin in document.styled_texts():
            role = template.profile.style(style).font or ""
            used[role].update(ch for ch in text if not ch.isspace())
    ok = True
    for role, chains in fonts.roles.items():
        for script, chain in (("中文", chains.east_asian), ("西文", chains.latin)):
            if not chain.faces:
                echo(f"{role}\t{script}\t（本机没有：{'、'.join(chain.wanted)}）\t-")
                ok = False
                continue
            first = chain.faces[0]
            echo(
                f"{role}\t{script}\t{first.family.split(',')[0]}\t{first.file}"
                + (f"#{first.index}" if first.index else "")
            )
        if source is None:
            continue
        counts: Counter[str] = Counter()
        missing: list[str] = []
        for char in used[role]:
            ready = fonts.face(role, char)
            if ready is None:
                missing.append(char)
            else:
                counts[ready.face.family.split(",")[0]] += 1
        total = len(used[role])
        if total:
            detail = "，".join(f"{name} {count}" for name, count in counts.most_common())
            line = f"{role}\t覆盖\t{total - len(missing)}/{total} 个字\t{detail}"
            if missing:
                line += f"\t缺：{''.join(sorted(missing))}"
                ok = False
            echo(line)
    return ok
