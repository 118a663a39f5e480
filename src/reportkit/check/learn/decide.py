"""What the learned template says: each setting the samples agree on (the most of them, when
more agree on it than on the base's value), the faces written as the base's font roles
allow, the red head's text and the 版记's labels as parts or pieces."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reportkit.check.learn.observe import Path_, Seen
from reportkit.template.profile import Profile


@dataclass
class Learned:
    """A template's differences from its base: values by path with where each came from,
    text pieces, and the parts when they change."""

    values: dict[Path_, tuple[Any, str]] = field(default_factory=dict)
    pieces: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → text, where
    parts: tuple[list[dict[str, Any]], str] | None = None
    notes: list[str] = field(default_factory=list)  # what the samples did not agree on


def agreed(
    samples: list[tuple[str, dict[Path_, Seen]]], notes: list[str]
) -> dict[Path_, tuple[Any, str]]:
    """Each path's value where more than half the samples show it (a sample that does not
    show a path has the base's value), with where it came from; what the samples differ on
    without a majority is added to ``notes``."""
    paths = {path for _, seen in samples for path in seen}
    out: dict[Path_, tuple[Any, str]] = {}
    total = len(samples)
    for path in sorted(paths, key=str):
        votes: Counter[str] = Counter()
        first: dict[str, tuple[str, Seen]] = {}
        for name, seen in samples:
            if path in seen:
                key = repr(seen[path].value)
                votes[key] += 1
                first.setdefault(key, (name, seen[path]))
        key, count = votes.most_common(1)[0]
        if count * 2 <= total:
            if len(votes) > 1:
                shown = "，".join(f"{first[k][0]}：{_shown(first[k][1].value)}" for k in votes)
                notes.append(f"样本在{_named(path)}上不一致（{shown}），沿用基础模板")
            continue
        name, chosen = first[key]
        where = f"样本 {name}：{chosen.where}"
        if total > 1:
            where = f"{total} 份样本中 {count} 份一致（{name}：{chosen.where}）"
        out[path] = (chosen.value, where)
    return out


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "、".join(map(str, value))
    return str(value)


def _named(path: Path_) -> str:
    if path[0] == "face":
        return f"“{path[1]}”的字体"
    if path[0] == "mark":
        return "红头文字"
    return "“" + ".".join(map(str, path)) + "”"


def decide(values: dict[Path_, tuple[Any, str]], profile: Profile) -> Learned:
    """The template's differences, the pseudo-settings (faces, the red head's text, the
    版记's labels, the page number's marks) turned into what a template writes."""
    learned = Learned()
    faces = {path[1]: value for path, value in values.items() if path[0] == "face"}
    for path, value in values.items():
        if path[0] in ("face", "mark", "end_labels", "pieces"):
            continue
        learned.values[path] = value
    _faces(faces, profile, learned)
    parts = [part.model_dump(exclude_defaults=True) for part in profile.parts]
    changed = _mark(values.get(("mark", "text")), profile, parts, learned)
    changed = _labels(values.get(("end_labels",)), parts) or changed
    if changed:
        learned.parts = (parts, changed)
    marks = values.get(("pieces", "page_number"))
    if marks is not None:
        (before, after), where = marks
        learned.pieces["page_number"] = (f"{before}{{{{ n }}}}{after}", where)
    return learned


def _first(profile: Profile, role: str) -> str:
    return profile.fonts[role].east_asian[0].partition(":")[0]


def _faces(faces: dict[str, tuple[Any, str]], profile: Profile, learned: Learned) -> None:
    """A face another role names first: the style takes that role; a new face that every
    style of its role shows: the role lists it first; else a role of the style's own."""
    firsts = {_first(profile, role): role for role in profile.fonts}
    changed: dict[str, list[tuple[str, str, str]]] = {}  # role → (style, face, where)
    for key, (face, where) in faces.items():
        if key not in profile.styles:
            continue
        role = profile.style(key).font or ""
        if face == _first(profile, role):
            continue
        if face in firsts:
            learned.values[("styles", key, "font")] = (firsts[face], where)
        else:
            changed.setdefault(role, []).append((key, face, where))
    for role, styles in changed.items():
        using = [k for k in faces if k in profile.styles and profile.style(k).font == role]
        names = {face for _, face, _ in styles}
        base = profile.fonts[role]
        if len(names) == 1 and len(styles) == len(using):
            face = names.pop()
            listed = [face, *(f for f in base.east_asian if f != face)]
            learned.values[("fonts", role, "east_asian")] = (listed, styles[0][2])
            continue
        for key, face, where in styles:
            listed = [face, *(f for f in base.east_asian if f != face)]
            learned.values[("fonts", key, "east_asian")] = (listed, where)
            learned.values[("fonts", key, "latin")] = (list(base.latin), "同基础模板的字体")
            if base.latin_widths != "times":
                learned.values[("fonts", key, "latin_widths")] = (base.latin_widths, "同基础模板")
            learned.values[("styles", key, "font")] = (key, where)


def _mark(
    seen: tuple[Any, str] | None,
    profile: Profile,
    parts: list[dict[str, Any]],
    learned: Learned,
) -> str:
    """The red head's text fixed: in its piece when the part reads one, else as text runs
    in the parts; what was changed, for the comment."""
    if seen is None:
        return ""
    texts, where = seen
    for index, part in enumerate(parts):
        if part.get("style") not in ("issuer_mark", "masthead_name"):
            continue
        if part.get("piece") and len(texts) == 1:
            learned.pieces[part["piece"]] = (texts[0], where)
            return ""
        made = [
            {"part": "text", "style": part["style"], "runs": [{"text": text}]} for text in texts
        ]
        parts[index : index + 1] = made
        return f"红头文字（{where}）"
    return ""


def _labels(seen: tuple[Any, str] | None, parts: list[dict[str, Any]]) -> str:
    """The 版记's labels (抄送, 报/送/发) where the sample's differ and are as many."""
    if seen is None:
        return ""
    labels, where = seen
    for part in parts:
        if part.get("part") != "end_block" or not part.get("labels"):
            continue
        base = part["labels"]
        if len(labels) != len(base) or list(base.values()) == labels:
            return ""
        part["labels"] = dict(zip(base, labels, strict=True))
        return f"版记标签（{where}）"
    return ""
