"""The workspace: an ordinary folder of source folders (what the command line builds), the
templates a new document may start from, and what the server keeps between requests."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from reportkit import atomic
from reportkit.build import Options
from reportkit.confine import within
from reportkit.errors import ReportkitError, SourceError
from reportkit.serve.safety import Refused, folder_name, inside
from reportkit.source import yamlfile
from reportkit.source.kinds import KINDS
from reportkit.source.load import SOURCE_FILES, bulletin_file, source_kind
from reportkit.template import registry

WORKSPACE_FILE = "workspace.yaml"  # the house template each document is built with
OUTPUT = "dist"  # what the browser downloads is built here, as `reportkit build -o dist`
TEMPLATES = "templates"  # house templates: templates/NAME/template.yaml
FILL = "（请填写）"


@dataclass
class Workspace:
    """A workspace folder and what a warm server keeps for it: one lock for every change and
    every layout (the engine's font registry is shared), prepared pictures by their content,
    each document's last layout with what it was made from, and downloads made ready."""

    root: Path
    lock: threading.RLock = field(default_factory=threading.RLock)
    pictures: dict[str, Any] = field(default_factory=dict)
    laid: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    downloads: dict[str, Any] = field(default_factory=dict)


class Doc(NamedTuple):
    """A document of the workspace: its folder, its YAML file, its kind and the house
    template it is built with (None: the built-in template of its kind)."""

    name: str
    folder: Path
    file: Path
    kind: str
    template: str | None


def open_workspace(folder: Path) -> Workspace:
    """The workspace of ``folder`` (resolved: every path is confined to it)."""
    return Workspace(folder.resolve())


def documents(ws: Workspace) -> list[Doc]:
    """The source folders in the workspace, by name."""
    chosen = _chosen(ws)
    found = (_doc(child, chosen) for child in sorted(ws.root.iterdir(), key=lambda p: p.name))
    return [doc for doc in found if doc is not None]


def document(ws: Workspace, name: str) -> Doc:
    """The document ``name``; Refused when the workspace has none of that name."""
    folder = inside(ws.root, name)
    found = _doc(folder, _chosen(ws)) if "/" not in name else None
    if found is None:
        raise Refused(404, f"工作台里没有“{name}”这份材料")
    return found


def _doc(folder: Path, chosen: dict[str, str]) -> Doc | None:
    """The document in ``folder`` (None: the folder holds no source, or is a link out)."""
    if folder.name.startswith(".") or not folder.is_dir():
        return None
    if not within(folder, [folder.parent]) or not any(
        (folder / name).is_file() for name in SOURCE_FILES
    ):
        return None
    try:
        kind = source_kind(folder)
    except SourceError:
        kind = "bulletin"
    file, _ = bulletin_file(folder)
    return Doc(folder.name, folder, file, kind, chosen.get(folder.name))


def options(ws: Workspace, doc: Doc, formats: tuple[str, ...] = ("docx",)) -> Options:
    """How the command line builds ``doc``: into dist/, with its template."""
    template = str(inside(ws.root, doc.template)) if doc.template else None
    return Options(ws.root / OUTPUT, formats, template)


def command(doc: Doc) -> str:
    """The command that builds ``doc`` as the workspace does, run in the workspace folder."""
    template = f" --template {doc.template}" if doc.template else ""
    return f"reportkit build {doc.name} -o {OUTPUT} --format docx,pdf{template}"


def templates(ws: Workspace) -> list[dict[str, Any]]:
    """The templates a new document may start from: the built-in ones, then the house
    templates in the workspace (templates/NAME/ or a folder beside the documents)."""
    found = []
    for name in registry.builtin_names():
        found.append(_described(name, name, builtin=True))
    for folder in _house_folders(ws):
        ref = folder.relative_to(ws.root).as_posix()
        found.append(_described(ref, str(folder), builtin=False))
    return found


def _house_folders(ws: Workspace) -> list[Path]:
    candidates = sorted((ws.root / TEMPLATES).glob("*/template.yaml"))
    candidates += sorted(ws.root.glob("*/template.yaml"))
    return [
        path.parent
        for path in candidates
        if within(path, [ws.root]) and not path.parent.name.startswith(".")
    ]


def _described(ref: str, path: str, builtin: bool) -> dict[str, Any]:
    try:
        template = registry.load(path)
    except ReportkitError as exc:
        return {"ref": ref, "builtin": builtin, "error": [str(p) for p in exc.problems]}
    kind = template.profile.kind
    return {
        "ref": ref,
        "builtin": builtin,
        "name": template.profile.name,
        "kind": kind,
        "kind_title": KINDS[kind].title,
        "description": template.profile.description,
    }


def create(ws: Workspace, name: str, template_ref: str) -> Doc:
    """A new document folder ``name`` started from the template ``template_ref`` (a built-in
    name or a house template's folder in the workspace): the kind's YAML file with the fields
    to fill marked."""
    name = folder_name(name)
    choice = next((t for t in templates(ws) if t["ref"] == template_ref), None)
    if choice is None or "kind" not in choice:
        raise Refused(400, f"没有可用的模板“{template_ref}”")
    folder = inside(ws.root, name)
    if folder.exists():
        raise Refused(409, f"工作台里已经有“{name}”，请换一个名字")
    kind = choice["kind"]
    text = _skeleton(kind, dt.date.today())
    atomic.write_bytes(folder / KINDS[kind].file, text.encode("utf-8"))
    if not choice["builtin"]:
        _choose(ws, name, template_ref)
    return document(ws, name)


def _skeleton(kind: str, today: dt.date) -> str:
    """The YAML of a new document of ``kind``: every field it must have, to fill in."""
    sign = {"printer": FILL, "date": today}
    body = {"lead": ["（请在这里写正文，或在工作台中编辑）"]}
    data: dict[str, Any]
    if kind == "bulletin":
        data = {"masthead": {"name": "学习简报", "issue": 1, "unit": FILL, "date": today}}
    elif kind == "report":
        data = {
            "kind": "report",
            "issuer": FILL,
            "number": {"code": FILL, "year": today.year, "serial": 1},
            "signers": [FILL],
            "title": "关于（请填写）的报告",
            "addressee": FILL,
            **body,
            "signature": {"name": FILL, "date": today},
            "distribution": sign,
        }
    else:
        data = {
            "kind": "minutes",
            "mark": "会议纪要",
            "issue": 1,
            "unit": FILL,
            "date": today,
            "attendance": {"present": [FILL]},
            **body,
            "distribution": sign,
        }
    head = f"# 新建的{KINDS[kind].title}：标有“{FILL}”的地方请按实际填写。\n"
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


def _chosen(ws: Workspace) -> dict[str, str]:
    """The house template of each document, as workspace.yaml records it."""
    path = ws.root / WORKSPACE_FILE
    if not path.is_file():
        return {}
    try:
        data, _ = yamlfile.load(path)
    except SourceError:
        return {}
    chosen = data.get("templates") if isinstance(data, dict) else None
    if not isinstance(chosen, dict):
        return {}
    return {str(k): str(v) for k, v in chosen.items() if isinstance(v, str)}


def _choose(ws: Workspace, name: str, template_ref: str) -> None:
    chosen = {**_chosen(ws), name: template_ref}
    head = (
        "# 工作台中各份材料所用的模板。命令行生成时也写同样的 --template，例如：\n"
        f"#   reportkit build {name} -o {OUTPUT} --template {template_ref}\n"
    )
    text = head + yaml.safe_dump({"templates": chosen}, allow_unicode=True, sort_keys=False)
    atomic.write_bytes(ws.root / WORKSPACE_FILE, text.encode("utf-8"))
