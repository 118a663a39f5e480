"""Photos and seals named in a source: found next to the file that names them, inside the
source's folder, and readable images of a sensible size — or a message saying why not."""

from __future__ import annotations

import warnings
from collections.abc import Collection
from pathlib import Path
from typing import Any

from reportkit.confine import within
from reportkit.errors import Location, Problem, dotted

MAX_PIXELS = 100_000_000  # a camera's photo has 24 million; more is a mistake or an attack
# what Pillow reads and reportkit converts for both outputs; MPO is how Pillow names the JPEG
# of many phones and cameras (a JPEG with a second, smaller picture after it)
FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "BMP", "TIFF", "GIF")
Lines = dict[tuple[Any, ...], int]


def check(
    content: Any,
    base: Path,
    root: Path,
    file: Path,
    lines: Lines,
    prefix: tuple[Any, ...] = (),
    taken: Collection[Path] = (),
) -> list[Problem]:
    """Resolve and check every photo and seal of ``content`` (an article, a report …): paths
    relative to ``base``, never outside ``root`` — save ``taken``, the pictures reportkit took
    out of the Word draft ``content`` was read from.  Each checked one knows its file
    (``_path``)."""
    problems: list[Problem] = []
    for at, item, field in _images(content):
        where = (*prefix, *at, field)
        line = next(
            (lines[where[:cut]] for cut in range(len(where), 0, -1) if where[:cut] in lines), None
        )
        message, path = _problem(getattr(item, field), base, root, taken, seal=field == "seal")
        if message:
            problems.append(Problem(Location(file, line), dotted(where), message))
        else:
            item._path = path
    return problems


def _images(content: Any) -> list[tuple[tuple[Any, ...], Any, str]]:
    """(field path, model, field name) of each photo and seal in ``content``."""
    from reportkit.source.model import Photo

    found: list[tuple[tuple[Any, ...], Any, str]] = []
    bodies: list[tuple[tuple[Any, ...], Any]] = [((), content)]
    bodies += [(("attachments", i), a) for i, a in enumerate(getattr(content, "attachments", []))]
    for at, body in bodies:
        for s, section in enumerate(getattr(body, "sections", [])):
            for p, entry in enumerate(section.points):
                if isinstance(entry, Photo):
                    found.append(((*at, "sections", s, "points", p), entry, "image"))
    signature = getattr(content, "signature", None)
    if signature is not None and signature.seal:
        found.append((("signature",), signature, "seal"))
    return found


def _problem(
    name: str, base: Path, root: Path, taken: Collection[Path] = (), seal: bool = False
) -> tuple[str | None, Path | None]:
    """Why the image ``name`` cannot be used (None: it can), and its file; a ``seal`` must
    have a see-through background."""
    from reportkit.source.drafts.figures import WEB_ADDRESS, cache_folder, web_picture

    if WEB_ADDRESS.match(name):
        return web_picture(name), None
    try:
        named = base / name
        path = named.resolve()
    except (OSError, ValueError, RuntimeError):
        return f"图片路径“{name}”无法使用", None
    # a picture taken out of this Word draft lives in reportkit's cache: that one only
    inside = within(named, [root]) or (named in taken and within(named, [cache_folder()]))
    if not inside:
        return (
            f"图片“{name}”在材料文件夹之外，不能使用：请把图片放进材料文件夹（如 photos/）后再写路径",
            None,
        )
    if not path.is_file():
        return f"找不到图片文件“{name}”（{path}）", None
    return _readable(path, name, seal), path


def _readable(path: Path, name: str, seal: bool = False) -> str | None:
    """Why the file is not an image reportkit can place (None: it is)."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format not in FORMATS:
                    return (
                        f"图片“{name}”是 {image.format} 格式，请另存为 JPEG 或 PNG"  # EMF, WMF, …
                    )
                if image.width * image.height > MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                if image.format in ("JPEG", "MPO"):
                    image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
                image.load()  # a truncated or damaged file fails here
                if seal and not _transparent(image):
                    return (
                        f"印章图片“{name}”没有透明的背景，会遮住署名和日期："
                        "请用背景透明的 PNG 印章图片"
                    )
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"图片“{name}”像素太多（超过 {MAX_PIXELS // 1_000_000} 百万像素），请缩小后再用"
    except UnidentifiedImageError:
        return f"“{name}”不是图片文件（或已损坏），请用 JPEG 或 PNG 图片"
    except (OSError, SyntaxError, ValueError):
        return f"图片“{name}”已损坏或不完整，无法读取，请重新导出"
    return None


def _transparent(image: Any) -> bool:
    """Whether the picture has see-through parts (what a seal over text needs)."""
    if "transparency" in image.info:
        return True
    if image.mode not in ("RGBA", "LA", "PA"):
        return False
    low = image.getchannel("A").getextrema()[0]
    return isinstance(low, (int, float)) and low < 255
