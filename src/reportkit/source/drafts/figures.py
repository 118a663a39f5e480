"""The photos a draft holds, given file names: written beside the imported YAML, or kept in
the cache when a bulletin builds straight from the draft."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportkit.usercache import cache_dir

DRAFT_IMAGES = "draft-images"
WEB_ADDRESS = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")  # a picture on the web: not fetched


def web_picture(address: str) -> str:
    """What to do with a picture given by its web address."""
    return (
        f"图片“{address}”是网址：reportkit 不下载网上的图片，请先下载，放进材料文件夹"
        "（如 photos/）后改写为文件路径"
    )


# (the picture's bytes, its file extension) → the name to write in the article
Store = Callable[[bytes, str], str]


def resolve(articles: list[dict[str, Any]], store: Store, base: Path | None = None) -> None:
    """Give each photo entry a file name: pictures inside a Word draft through ``store``; a
    Markdown draft's own files relative to ``base``, or through ``store`` when ``base`` is
    None."""
    for article in articles:
        for section in article.get("sections", []):
            for entry in section.get("points", []):
                if "image" not in entry:
                    continue
                image, ext = entry["image"], entry.pop("ext", None)
                if isinstance(image, bytes):
                    entry["image"] = store(image, ext or ".png")
                elif isinstance(image, Path):
                    if base is not None:
                        entry["image"] = os.path.relpath(image, base)
                    elif image.is_file():
                        entry["image"] = store(image.read_bytes(), image.suffix.lower())
                    else:
                        entry["image"] = str(image)
                if not entry.get("caption"):
                    entry.pop("caption", None)


def resolve_seal(data: dict[str, Any], store: Store) -> None:
    """Give the seal of a report read from a document reportkit wrote a file name, through
    ``store``."""
    seal = data.get("signature", {}).get("seal")
    if isinstance(seal, dict) and isinstance(seal.get("image"), bytes):
        data["signature"]["seal"] = store(seal["image"], seal.get("ext") or ".png")


def cached(data: bytes, ext: str) -> str:
    """A picture kept in reportkit's cache (a bulletin built straight from a Word draft)."""
    folder = cache_dir() / DRAFT_IMAGES
    target = folder / (hashlib.sha256(data).hexdigest()[:24] + ext)
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.part")
        temporary.write_bytes(data)
        os.replace(temporary, target)
    return str(target)


def keeping(taken: list[Path]) -> Store:
    """:func:`cached`, noting in ``taken`` each picture kept: the only cached files the
    articles of this draft may name."""

    def store(data: bytes, ext: str) -> str:
        name = cached(data, ext)
        taken.append(Path(name))
        return name

    return store


def cache_folder() -> Path:
    """Where pictures taken from Word drafts are kept."""
    return cache_dir() / DRAFT_IMAGES
