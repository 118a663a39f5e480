"""The preview: the document laid out once, as for its PDF, and each page drawn as SVG — every
glyph where the PDF draws it, in the font file the PDF embeds (served as a web font), rules as
lines, pictures as images — with the part of the source each stretch of a page shows."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from reportkit.build import document as compose_document
from reportkit.compose.page import Document
from reportkit.fonts.resolve import fonts_for
from reportkit.layout.pages import Page, Pages
from reportkit.layout.paginate import paginate
from reportkit.render.pdf.fonts import Faces
from reportkit.render.pdf.text import Glyphs, PageGlyphs, check_glyphs, glyph_pages
from reportkit.render.pictures import Picture, prepare
from reportkit.serve.workspace import Doc, Workspace, options
from reportkit.template import registry
from reportkit.typeset.metrics import StandardMetrics

MAX_PICTURES = 200  # prepared pictures a server keeps
PREVIEW_DPI = 150.0  # enough for a screen; the PDF prepares its own at print resolution


class Laid(NamedTuple):
    """A document laid out for the preview: its pages, their glyph runs in the PDF's fonts,
    the page size, and the key of each placed picture's prepared copy."""

    document: Document
    pages: Pages
    glyphs: list[PageGlyphs]
    size: tuple[float, float]
    pictures: dict[tuple[Path, float, float], str]
    warnings: list[Any]


def lay_out(ws: Workspace, doc: Doc) -> Laid:
    """``doc`` laid out, or the layout kept from the last request when neither its files nor
    its template have changed since; ReportkitError when it cannot be laid out."""
    opts = options(ws, doc, ("pdf",))
    template = registry.load(opts.template or registry.for_kind(doc.kind))
    key = (_stamps(doc.folder), template.version, template.read)
    kept = ws.laid.get(doc.name)
    if kept is not None and kept[0] == key:
        return kept[1]  # type: ignore[no-any-return]
    composed, template, warnings = compose_document(doc.folder, opts)
    profile = template.profile
    pages = paginate(composed, profile, StandardMetrics(profile), glyphs=True)
    faces = Faces(composed, profile, fonts_for(template, {}))
    glyphs = glyph_pages(pages, faces)
    check_glyphs(glyphs, faces.describe_missing)
    pictures = {
        (image.path, image.width, image.height): _picture(ws, image.path, image.width, image.height)
        for page in pages.pages
        for image in page.images
    }
    laid = Laid(
        composed, pages, glyphs, (profile.page.width, profile.page.height), pictures, warnings
    )
    ws.laid[doc.name] = (key, laid)
    return laid


def _stamps(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Path, size and modification time of every file of a document's folder."""
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            info = path.stat()
        except OSError:
            continue
        if path.is_file():
            found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(found)


def _picture(ws: Workspace, path: Path, width: float, height: float) -> str:
    """The key of ``path`` prepared for ``width`` × ``height`` points: prepared once for each
    content and size, whatever the file is called."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:24]
    key = f"{digest}-{width:.2f}-{height:.2f}"
    if key not in ws.pictures:
        if len(ws.pictures) >= MAX_PICTURES:
            ws.pictures.pop(next(iter(ws.pictures)))
        ws.pictures[key] = prepare(path, width, height, PREVIEW_DPI)
    return key


def picture(ws: Workspace, key: str) -> Picture | None:
    """A prepared picture the preview placed (None: no picture of that key)."""
    found = ws.pictures.get(key)
    return found if isinstance(found, Picture) else None


def summary(laid: Laid) -> dict[str, Any]:
    """The page count and where the 版记 falls, as a clerk reads it."""
    count = len(laid.pages.pages)
    where = {
        "none": "",
        "last_page": f"版记在第 {count} 页（末页）底部",
        "own_page": f"版记另起一页，在第 {count} 页",
        "after_blank": f"版记在第 {count} 页，前面加了一张空白页（版记须在偶数页）",
    }[laid.pages.anchored]
    return {"count": count, "end_block": where, "end_page": count if where else None}


def pages(laid: Laid, folder: Path, first_only: bool = False) -> list[dict[str, Any]]:
    """Each page: its number as printed, its kind, its SVG (the first page's only, when
    ``first_only``) and its regions: the file and field each stretch of it shows."""
    out = []
    for index, page in enumerate(laid.pages.pages):
        entry: dict[str, Any] = {
            "index": index + 1,
            "number": page.number,
            "kind": page.kind,
            "regions": _regions(laid.document, page, folder),
        }
        if index == 0 or not first_only:
            entry["svg"] = svg(page, laid.glyphs[index], laid.size, laid.pictures)
        out.append(entry)
    return out


def fonts(laid: Laid) -> list[str]:
    """The fonts the pages are drawn in (each served at /fonts/NAME)."""
    return sorted({run.font for page in laid.glyphs for run in page})


def _regions(document: Document, page: Page, folder: Path) -> list[dict[str, Any]]:
    out = []
    named: dict[Path, str | None] = {}  # each file's name in the folder, found once
    for region in page.regions:
        if document.locate is None:
            continue
        where, local = document.locate(region.origin)
        if where.file not in named:
            try:
                named[where.file] = where.file.resolve().relative_to(folder.resolve()).as_posix()
            except ValueError:
                named[where.file] = None
        file = named[where.file]
        if file is None:
            continue
        out.append(
            {
                "top": round(region.top, 2),
                "bottom": round(region.bottom, 2),
                "file": file,
                "path": list(local),
            }
        )
    return out


def svg(
    page: Page,
    runs: list[Glyphs],
    size: tuple[float, float],
    pictures: dict[tuple[Path, float, float], str],
) -> str:
    """One page as SVG in points: rules, then text, then pictures (a seal over the date), as
    the PDF draws them."""
    width, height = size
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.2f} {height:.2f}" '
        f'class="sheet"><rect width="{width:.2f}" height="{height:.2f}" fill="#fff"/>'
    ]
    for rule in page.rules:
        y1 = rule.y if rule.y1 is None else rule.y1
        out.append(
            f'<line x1="{rule.x0:.2f}" y1="{rule.y:.2f}" x2="{rule.x1:.2f}" y2="{y1:.2f}" '
            f'stroke="#{rule.colour}" stroke-width="{rule.width:.2f}"/>'
        )
    for run in runs:
        out.append(_text(run))
    for image in page.images:
        key = pictures[(image.path, image.width, image.height)]
        out.append(
            f'<image href="/api/pictures/{key}" x="{image.x:.2f}" y="{image.y:.2f}" '
            f'width="{image.width:.2f}" height="{image.height:.2f}" preserveAspectRatio="none"/>'
        )
    out.append("</svg>")
    return "".join(out)


def _text(run: Glyphs) -> str:
    """A run of glyphs, each at its own x; squeezed horizontally as the PDF squeezes it."""
    scale = run.scale / 100
    xs = " ".join(f"{x / scale:.2f}" for x in run.xs)
    squeeze = f' transform="scale({scale:.4f} 1)"' if abs(scale - 1) > 1e-4 else ""
    return (
        f'<text x="{xs}" y="{run.baseline:.2f}" font-family="{run.font}" '
        f'font-size="{run.size:.2f}" fill="#{run.colour}"{squeeze}>{escape(run.text)}</text>'
    )
