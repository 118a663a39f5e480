"""A document's parts as cards: each article (or a report's or minutes' running text) as it
was read, with what import was unsure of; drafts added through ``import``, articles reordered,
removed or replaced in the source's own list."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

from reportkit import atomic
from reportkit.errors import Location, Problem, SourceError
from reportkit.readback import own
from reportkit.serve import editing, wording
from reportkit.serve.safety import Refused, inside, upload_name
from reportkit.serve.workspace import Doc
from reportkit.source.drafts import importer
from reportkit.source.gongwen import Body
from reportkit.source.load import ARTICLES_DIR, YAML_SUFFIXES, discovered

DRAFTS = "drafts"  # the drafts as handed in, kept beside the articles read from them
REMOVED = "removed"  # articles taken out of a document, kept in case they are wanted back
BODY = (*Body.model_fields, "attachments")  # a report's or minutes' running text
CHECK = "请核对："
_NOTE = re.compile(
    r"^请核对：(?P<where>.+?): (?:(?P<field>[A-Za-z_][\w.\[\]]*): )?(?P<message>.*)$"
)


def cards(doc: Doc) -> list[dict[str, Any]]:
    """The cards of ``doc``: one per article of a bulletin, in its order; the running text of
    a report or minutes."""
    if doc.kind != "bulletin":
        return [_body_card(doc)]
    data, _, version = editing.read(doc.file)
    refs = _refs(doc, data)
    out = []
    for index, ref in enumerate(refs):
        if isinstance(ref, dict):
            base: list[Any] = ["articles", index]
            out.append(_card(doc.file.name, f"#{index}", ref, version, base, doc.file, doc))
            continue
        if not isinstance(ref, str):
            continue
        out.append(_file_card(doc, ref))
    return out


def _refs(doc: Doc, data: Any) -> list[Any]:
    """The bulletin's articles as it lists them, or as it finds them in articles/."""
    listed = data.get("articles") if isinstance(data, dict) else None
    return listed if isinstance(listed, list) else discovered(doc.folder)


def _body_card(doc: Doc) -> dict[str, Any]:
    data, _, version = editing.read(doc.file)
    body = {k: data[k] for k in BODY if isinstance(data, dict) and k in data}
    card = _card(doc.file.name, "", body, version, [], doc.file, doc)
    card["title"] = "正文"
    return card


def _file_card(doc: Doc, ref: str) -> dict[str, Any]:
    try:
        path = inside(doc.folder, ref)
    except Refused as exc:
        return {"ref": ref, "file": ref, "editable": False, "problems": [exc.message]}
    if path.suffix.lower() not in YAML_SUFFIXES:
        # a draft listed as it is: built straight from the draft, not edited here
        return {
            "ref": ref,
            "file": ref,
            "editable": False,
            "title": path.name,
            "problems": [
                "这篇是原稿（命令行直接读取），在工作台中不能逐项修改；可以替换为导入后的稿件"
            ],
        }
    try:
        data, _, version = editing.read(path)
    except SourceError as exc:
        return {
            "ref": ref,
            "file": ref,
            "editable": False,
            "title": path.name,
            "problems": [p.message for p in exc.problems],
        }
    return _card(ref, ref, data, version, [], path, doc)


def _card(
    file: str, ref: str, data: Any, version: str, base: list[Any], path: Path, doc: Doc
) -> dict[str, Any]:
    data = data if isinstance(data, dict) else {}
    notes, source = _notes(path) if not base else ([], None)
    return {
        "ref": ref,
        "file": file,
        "base": base,
        "etag": version,
        "editable": True,
        "data": editing.as_json(data),
        "title": data.get("title") if isinstance(data.get("title"), str) else "",
        "summary": _summary(data),
        "notes": [_placed(note, data) for note in notes],
        "draft": _draft_name(source, doc),
    }


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    """What the card shows of how an article was read: bylines, sections, points, photos,
    tables."""
    authors = [a for a in data.get("authors") or [] if isinstance(a, dict)]
    sections = [s for s in data.get("sections") or [] if isinstance(s, dict)]
    entries = [e for s in sections for e in s.get("points") or []]
    photos = sum(1 for e in entries if isinstance(e, dict) and "image" in e)
    tables = sum(1 for e in entries if isinstance(e, dict) and "table" in e)
    return {
        "bylines": [
            # as the byline is set: 单位职务, a full-width space, the name
            "\u3000".join(
                part
                for part in (f"{a.get('unit') or ''}{a.get('position') or ''}", a.get("name"))
                if part
            )
            for a in authors
        ],
        "sections": len(sections),
        "points": len(entries) - photos - tables,
        "photos": photos,
        "tables": tables,
    }


def _notes(path: Path) -> tuple[list[dict[str, str]], str | None]:
    """What import was unsure of, as it wrote it at the top of the file, and the draft it
    read the file from."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return [], None
    notes, source = [], None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment = line[1:].strip()
        found = _NOTE.match(comment)
        if found:
            notes.append({"field": found["field"] or "", "message": found["message"]})
        elif comment.startswith("由 ") and "导入" in comment:
            source = comment[2 : comment.rindex(" 导入")] if " 导入" in comment else None
    return notes, source


def _placed(note: dict[str, str], data: dict[str, Any]) -> dict[str, Any]:
    """A note with the path of the value it is about: the field it names whose text the
    message quotes (“…”), or the only field of that name."""
    field = note["field"].split(".")[-1].split("[")[0]
    quoted = [re.sub(r"\s", "", q) for q in re.findall(r"“([^”]*)”", note["message"])]
    found = [
        (path, value) for path, value in _leaves(data, []) if field and path and path[-1] == field
    ]
    chosen = [p for p, v in found if isinstance(v, str) and re.sub(r"\s", "", v) in quoted]
    if not chosen and len(found) == 1:
        chosen = [found[0][0]]
    shown = {"label": wording.field(note["field"]), "message": wording.message(note["message"])}
    return {**note, **shown, "path": chosen[0] if chosen else None}


def _leaves(value: Any, path: list[Any]) -> list[tuple[list[Any], Any]]:
    out: list[tuple[list[Any], Any]] = [(path, value)]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _leaves(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _leaves(item, [*path, index])
    return out


def _draft_name(source: str | None, doc: Doc) -> str | None:
    if not source:
        return None
    try:
        return Path(source).resolve().relative_to(doc.folder.resolve()).as_posix()
    except ValueError:
        return Path(source).name


# drafts ------------------------------------------------------------------------------------


def add_draft(doc: Doc, name: str, data: bytes, replace: str | None) -> dict[str, Any]:
    """Import the draft ``name`` (its bytes ``data``) into the bulletin: kept in drafts/, read
    by ``import`` into article YAML in articles/ and listed in bulletin.yaml (at the place of
    the article ``replace``, which is taken out).  The problems import found, if it could not."""
    if doc.kind != "bulletin":
        raise Refused(400, "报告和纪要的正文请在“正文”中直接编辑；稿件可以加入简报")
    listed, _, _ = editing.read(doc.file)
    before = _refs(doc, listed)  # the list as it is, before import writes into articles/
    draft = doc.folder / DRAFTS / _free_name(doc, upload_name(name))
    atomic.write_bytes(draft, data)
    planned = importer.plan([draft], doc.folder / ARTICLES_DIR, own=own.reader())
    problems = [p for _, found in planned.failed for p in found]
    if problems:
        draft.unlink(missing_ok=True)
        return {"problems": problems, "notes": []}
    # a compilation's masthead is the form's to fill: its bulletin.yaml is not written
    planned.files = [f for f in planned.files if f.target.parent != doc.folder]
    said: list[str] = []
    refused = importer.write(planned, say=lambda text, error: said.append(text) if error else None)
    if refused:
        draft.unlink(missing_ok=True)
        return {"problems": [Problem(Location(draft), "", text) for text in said], "notes": []}
    added = [f.target.relative_to(doc.folder).as_posix() for f in planned.files if f.data is None]
    _relist(doc, lambda _: _inserted(before, added, replace))
    if replace is not None:
        _set_aside(doc, replace)
    return {"problems": [], "notes": planned.notes, "added": added}


def _free_name(doc: Doc, name: str) -> str:
    """``name``, numbered when a draft or article of its name is already in the document."""
    stem, suffix = Path(name).stem, Path(name).suffix
    taken = {p.stem for p in (doc.folder / DRAFTS).glob("*")}
    taken |= {re.sub(r"-\d+$", "", p.stem) for p in (doc.folder / ARTICLES_DIR).glob("*")}
    taken |= {p.stem for p in (doc.folder / ARTICLES_DIR).glob("*")}
    number, chosen = 1, stem
    while chosen in taken:
        number += 1
        chosen = f"{stem}-{number}"
    return chosen + suffix


def _inserted(refs: list[Any], added: list[str], replace: str | None) -> list[Any]:
    if replace is None:
        return [*refs, *added]
    if replace not in refs:
        raise Refused(409, "要替换的文章已经不在这份简报里了，请重新载入")
    at = refs.index(replace)
    return [*refs[:at], *added, *refs[at + 1 :]]


def reorder(doc: Doc, order: list[str], expected: str) -> None:
    """List the bulletin's articles in ``order`` (the same articles), unless bulletin.yaml
    changed since the page read it."""

    def moved(refs: list[Any]) -> list[Any]:
        keys = [_key(ref, i) for i, ref in enumerate(refs)]
        if sorted(keys) != sorted(order):
            raise Refused(409, editing.STALE)
        return [refs[keys.index(k)] for k in order]

    _relist(doc, moved, expected)


def remove(doc: Doc, ref: str, expected: str) -> None:
    """Take the article ``ref`` out of the bulletin (its file kept in removed/)."""

    def without(refs: list[Any]) -> list[Any]:
        keys = [_key(r, i) for i, r in enumerate(refs)]
        if ref not in keys:
            raise Refused(409, editing.STALE)
        at = keys.index(ref)
        return refs[:at] + refs[at + 1 :]

    _relist(doc, without, expected)
    if not ref.startswith("#"):
        _set_aside(doc, ref)  # once the list no longer names it


def _key(ref: Any, index: int) -> str:
    return ref if isinstance(ref, str) else f"#{index}"


def _relist(doc: Doc, change: Any, expected: str | None = None) -> None:
    """Write bulletin.yaml's article list as ``change`` makes it from the present one."""
    data, _, version = editing.read(doc.file)
    if expected is not None and expected != version:
        raise Refused(409, editing.STALE)
    refs = _refs(doc, data)
    listed = change(list(refs))
    if not listed:
        raise Refused(400, "简报至少要有一篇文章：请先加入新的稿件，再删去这一篇")
    editing.rewrite(doc.file, expected or version, ("articles",), listed)


def _set_aside(doc: Doc, ref: str) -> None:
    """Move an article file out of the way into removed/, never over another."""
    try:
        path = inside(doc.folder, ref)
    except Refused:
        return
    if not path.is_file():
        return
    target = doc.folder / REMOVED / path.name
    number = 1
    while target.exists():
        number += 1
        target = target.with_name(f"{path.stem}-{number}{path.suffix}")
    target.parent.mkdir(exist_ok=True)
    shutil.move(path, target)


def thumbnail(doc: Doc, file: str, image: str) -> bytes:
    """A small PNG of the photo ``image`` named in ``file`` (relative to it), for its card."""
    import io

    from PIL import Image, ImageOps, UnidentifiedImageError

    inside(doc.folder, file)
    path = inside(doc.folder, posixpath.normpath(posixpath.join(posixpath.dirname(file), image)))
    try:
        with Image.open(path) as opened:
            small = ImageOps.exif_transpose(opened)
            small.thumbnail((480, 480))
            out = io.BytesIO()
            small.convert("RGBA" if "A" in small.mode else "RGB").save(out, "PNG")
    except (OSError, UnidentifiedImageError, ValueError):
        raise Refused(415, "这个文件不是能显示的图片") from None
    return out.getvalue()
