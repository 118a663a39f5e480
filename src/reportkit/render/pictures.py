"""Pictures made ready for either output: turned as their EXIF says, at most ``max_dpi`` at
their size on the page, in colours every reader and PDF/A accept.  A JPEG that needs none of
this is used as it is (its bytes go into the PDF unchanged)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import NamedTuple

from reportkit.layout.pages import Pages
from reportkit.template.profile import Profile

QUALITY = 88  # JPEG quality of a photo that had to be re-encoded


class Picture(NamedTuple):
    """A picture's bytes, their format (JPEG or PNG) and its pixel size."""

    data: bytes
    format: str
    pixels: tuple[int, int]


Pictures = dict[tuple[Path, float, float], Picture]  # (file, width, height) → the picture


def prepare_all(pages: Pages, profile: Profile) -> Pictures:
    """Every picture the pages place, made ready once for every output."""
    return {
        (image.path, image.width, image.height): prepare(
            image.path, image.width, image.height, profile.figures.max_dpi
        )
        for page in pages.pages
        for image in page.images
    }


def prepare(path: Path, width: float, height: float, max_dpi: float) -> Picture:
    """``path`` ready to be placed ``width`` × ``height`` points."""
    from PIL import Image, ImageOps

    width, height = round(width, 2), round(height, 2)

    limit = (max(1, round(width / 72 * max_dpi)), max(1, round(height / 72 * max_dpi)))
    with Image.open(path) as opened:
        image: Image.Image = opened
        orientation = image.getexif().get(0x0112, 1)
        rotated = orientation not in (0, 1)
        plain = image.format == "JPEG" and image.mode in ("RGB", "L") and not rotated
        if plain and image.width <= limit[0] * 1.05 and image.height <= limit[1] * 1.05:
            return Picture(path.read_bytes(), "JPEG", image.size)
        # scaled before it is turned or converted, so that those work on the small picture;
        # the limit turned with it
        target = limit[::-1] if orientation in (5, 6, 7, 8) else limit
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, target)  # decoded at ½, ¼ or ⅛ when that is still enough
        alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        if image.mode.startswith("I"):
            image = image.point(lambda v: v / 256).convert("L")  # 16-bit grey to 8-bit
        elif image.mode not in ("RGB", "L", "RGBA", "LA", "CMYK"):
            image = image.convert("RGBA" if alpha else "RGB")  # palette, 1-bit, …
        if image.width > target[0] or image.height > target[1]:
            image = image.resize(target, Image.Resampling.LANCZOS)
        if rotated:
            image = ImageOps.exif_transpose(image)
        wanted = "RGBA" if alpha else ("L" if image.mode == "L" else "RGB")
        if image.mode != wanted:
            image = image.convert(wanted)
        out = io.BytesIO()
        if alpha:
            image.save(out, "PNG", optimize=False)
            return Picture(out.getvalue(), "PNG", image.size)
        image.save(out, "JPEG", quality=QUALITY, optimize=True)
        return Picture(out.getvalue(), "JPEG", image.size)
