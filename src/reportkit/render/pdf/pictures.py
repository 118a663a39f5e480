"""Pictures in the PDF: each placed picture's prepared bytes drawn where the layout put it."""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from reportkit.layout.pages import PlacedImage
from reportkit.render.pictures import Pictures


class _Reader(ImageReader):
    """A picture for reportlab, named by its encoded bytes: reportlab names a picture by its
    decoded pixels, which for a JPEG (put in the PDF as it is) would decode it only for that."""

    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data))
        self._encoded = data

    def getRGBData(self) -> bytes:
        if self.jpeg_fh():
            self._dataA = None  # no transparency in a JPEG
            return self._encoded
        return super().getRGBData()  # type: ignore[no-any-return]


def draw_pictures(
    canvas: Canvas, placed: list[PlacedImage], pictures: Pictures, height: float
) -> None:
    """Draw the page's pictures (after its text: a seal lies over the date)."""
    for image in placed:
        picture = pictures[(image.path, image.width, image.height)]
        canvas.drawImage(
            _Reader(picture.data),  # a JPEG goes in as it is (DCTDecode)
            image.x,
            height - image.y - image.height,
            image.width,
            image.height,
            mask="auto" if picture.format == "PNG" else None,
        )
