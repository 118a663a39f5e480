"""Draw the sample pictures the examples in sources/ use: photos of an imagined industrial park
and a seal marked 示例 (sample) — never an imitation of a real organ's seal.

    .venv/bin/python scripts/make-samples.py

The pictures are committed; run this again only to change them.  The same run gives the
same bytes.
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
RED = (220, 30, 30)


def font(size: int) -> ImageFont.FreeTypeFont:
    """A Chinese sans-serif face from the machine (WenQuanYi Micro Hei, installed by
    scripts/install-system.sh)."""
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei"], capture_output=True, text=True
    ).stdout
    return ImageFont.truetype(path, size)


def photo(path: Path, width: int, height: int, hue: int, label: str) -> None:
    """A sky, a row of buildings and a lawn, with 示例照片 in a corner."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # the sky, lighter towards the horizon
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(90 + 120 * t), int(140 + 90 * t), 230))
    ground = int(height * 0.72)
    for number in range(9):  # buildings of different heights
        left = int(width * (0.04 + number * 0.107))
        top = int(height * (0.25 + 0.05 * ((number * 7 + hue) % 5)))
        shade = 120 + (number * 23 + hue) % 90
        draw.rectangle(
            [left, top, left + int(width * 0.09), ground], fill=(shade, shade, shade + 15)
        )
        for row in range(top + 20, ground - 20, 36):  # windows
            for col in range(left + 12, left + int(width * 0.09) - 16, 28):
                draw.rectangle([col, row, col + 14, row + 18], fill=(200, 220, 240))
    draw.rectangle([0, ground, width, height], fill=(70, 150 - hue % 40, 70))
    draw.text(
        (width * 0.03, height * 0.88), f"示例照片 {label}", font=font(height // 18), fill="white"
    )
    image.save(path, "JPEG", quality=85, optimize=True)


def seal(path: Path, size: int = 600) -> None:
    """A round red seal with a star, 示例印章 around it and 仅供示例 across: clearly a sample."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre, radius = size / 2, size / 2 - 12
    draw.ellipse([12, 12, size - 12, size - 12], outline=(*RED, 235), width=18)
    points = []
    for n in range(10):  # the five-pointed star
        angle = -math.pi / 2 + n * math.pi / 5
        r = radius * (0.28 if n % 2 == 0 else 0.11)
        points.append((centre + r * math.cos(angle), centre - 0.05 * size + r * math.sin(angle)))
    draw.polygon(points, fill=(*RED, 235))
    face = font(size // 9)
    text = "示例印章　示例印章　示例"
    for n, char in enumerate(text):  # round the upper edge
        angle = math.radians(-160 + n * 140 / (len(text) - 1))
        x = centre + radius * 0.74 * math.cos(angle)
        y = centre + radius * 0.74 * math.sin(angle)
        box = size // 5
        glyph = Image.new("RGBA", (box, box), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (box / 2, box / 2), char, font=face, fill=(*RED, 235), anchor="mm"
        )
        glyph = glyph.rotate(-math.degrees(angle) - 90, expand=True)
        image.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    draw.text(
        (centre, centre + size * 0.22),
        "仅供示例",
        font=font(size // 10),
        fill=(*RED, 235),
        anchor="mm",
    )
    image.save(path, "PNG")


def main() -> None:
    photos = REPO / "sources" / "changsha-photos" / "photos"
    photos.mkdir(parents=True, exist_ok=True)
    photo(photos / "park.jpg", 1600, 1067, 11, "一")
    photo(photos / "visit.jpg", 1600, 1067, 37, "二")
    seal(REPO / "sources" / "changsha-report" / "seal.png")


if __name__ == "__main__":
    main()
