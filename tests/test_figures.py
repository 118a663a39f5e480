"""Photos, tables and seals: checked when loaded, placed on the grid in both outputs, embedded
compactly and as PDF/A allows."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import yaml
from PIL import Image

from reportkit import build
from tests.helpers import MINIMAL_ARTICLE, MM, pdfa_2b, render_with_libreoffice, text_lines

LEFT, TOP = 28 * MM, 37 * MM
RIGHT, BOTTOM = (28 + 156) * MM, 262 * MM
PITCH = 28.95


def picture(path: Path, size=(1200, 800), mode: str = "RGB", fmt: str = "JPEG", **save) -> Path:
    """A picture of ``size`` pixels: a gradient, so that it compresses like a photo."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.linear_gradient("L").resize(size)
    if mode in ("RGB", "CMYK", "RGBA"):
        image = Image.merge("RGB", (image, image.rotate(90).resize(size), image)).convert(mode)
    elif mode == "I;16":
        image = image.convert("I").point(lambda v: v * 256).convert("I;16")
    image.save(path, fmt, **save)
    return path


POINTS_WITH_FIGURES = """\
title: 学习体会
authors: [{unit: 某某区发展局, position: 局长, name: 李明}]
lead: 本次学习收获很大。
sections:
  - kind: 学习体会
    points:
      - {lead: 理念新。, text: 对方的理念值得学习。}
      - {image: %(image)s, caption: 图为考察团参观园区, width: %(width)s}
      - {lead: 作风实。, text: 对方的作风值得学习。}
      - table:
          caption: 表1　两地主要指标对比
          header: [指标, 长沙高新区, 济宁高新区]
          rows: %(rows)s
          widths: [2, 1, 1]
"""


def source(tmp_path: Path, image: str = "photos/visit.jpg", width: float = 0.8, rows=None) -> Path:
    rows = rows if rows is not None else [["营业收入（亿元）", "380", "120"]]
    folder = tmp_path / "src"
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "bulletin.yaml").write_text(
        "masthead: {name: 学习考察专刊, issue: 1, unit: 某某区办公室, date: 2024-05-06}\n"
        "articles: [articles/a.yaml]\nend_matter: {superiors: [市委办公室], copies: 20}\n",
        encoding="utf-8",
    )
    text = POINTS_WITH_FIGURES % {
        "image": image,
        "width": width,
        "rows": yaml.safe_dump(rows, allow_unicode=True, default_flow_style=True).strip(),
    }
    (folder / "articles" / "a.yaml").write_text(text, encoding="utf-8")
    return folder


def build_both(folder: Path, out: Path) -> build.Outcome:
    return build.build(folder, build.Options(out, formats=("docx", "pdf")))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A bulletin with a photo and a table: its PDF and its .docx as LibreOffice renders it."""
    tmp = tmp_path_factory.mktemp("figures")
    folder = source(tmp)
    picture(folder / "articles/photos/visit.jpg", (1600, 1067))
    outcome = build_both(folder, tmp / "out")
    assert outcome.error is None, outcome.error
    (tmp / "lo").mkdir()
    return tmp / "out/src.pdf", render_with_libreoffice(tmp / "out/src.docx", tmp / "lo")


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_photo_and_table_on_the_grid(sample, output: str) -> None:
    """The photo inside the type area, at 0.8 of its width, centred, nothing over it; its
    caption under it in 楷体, centred; the text after it back on the grid; the table's caption
    above it, its figures flush right in their column."""
    path = sample[0] if output == "pdf" else sample[1]
    with pdfplumber.open(path) as pdf:
        page = next(p for p in pdf.pages if p.images)
        (photo,) = page.images
        lines = text_lines(page)
        everything = [line for p in pdf.pages for line in text_lines(p)]
    assert photo["x0"] >= LEFT - 0.5 and photo["x1"] <= RIGHT + 0.5
    assert photo["top"] >= TOP - 0.5 and photo["bottom"] <= BOTTOM + 0.5
    assert photo["x1"] - photo["x0"] == pytest.approx(0.8 * 156 * MM, abs=1)
    assert (photo["x0"] + photo["x1"]) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=1)
    for line in lines:  # no text over the photo
        assert not (photo["top"] < line.baseline < photo["bottom"] and line.x1 > photo["x0"])
    caption = next(line for line in lines if line.text.startswith("图为"))
    assert 0 < caption.baseline - photo["bottom"] < PITCH
    assert "Kai" in caption.chars[0]["fontname"]
    assert abs((caption.x0 + caption.x1) / 2 - (LEFT + RIGHT) / 2) < 2
    after = next(line for line in lines if line.text.startswith("二是"))
    body = next(line for line in lines if line.text.startswith("一是"))
    steps = (after.baseline - body.baseline) / PITCH
    assert abs(steps - round(steps)) * PITCH < 1.5  # on the grid
    table_caption = next(line for line in everything if line.text.startswith("表1"))
    figure = next(line for line in everything if "380" in line.text)
    assert figure.baseline > table_caption.baseline
    numbers = [c for c in figure.chars if c["text"].isdigit()]
    digits, last = numbers[:3], numbers[3:]  # 380 and 120
    # flush right in columns of 2/4, 1/4 and 1/4 of the width, half a character in
    assert max(c["x1"] for c in digits) == pytest.approx(LEFT + 0.75 * 156 * MM - 7, abs=1.5)
    assert max(c["x1"] for c in last) == pytest.approx(RIGHT - 7, abs=1.5)


def test_a_photo_as_wide_as_the_type_area_stays_inside_it(tmp_path: Path) -> None:
    """A photo of the default width fills the type area edge to edge in both outputs (a word
    processor's own space around a picture would push it past the right margin)."""
    folder = source(tmp_path, width=1)
    picture(folder / "articles/photos/visit.jpg", (1600, 1067))
    assert build_both(folder, tmp_path / "out").error is None
    (tmp_path / "lo").mkdir()
    rendered = render_with_libreoffice(tmp_path / "out/src.docx", tmp_path / "lo")
    for path in (tmp_path / "out/src.pdf", rendered):
        with pdfplumber.open(path) as pdf:
            (photo,) = [image for page in pdf.pages for image in page.images]
        assert photo["x0"] == pytest.approx(LEFT, abs=0.5), path
        assert photo["x1"] == pytest.approx(RIGHT, abs=0.5), path


def test_a_table_header_repeats_on_the_next_page(tmp_path: Path) -> None:
    rows = [[f"第{n}项指标", str(n * 10), str(n)] for n in range(1, 41)]
    folder = source(tmp_path, rows=rows)
    picture(folder / "articles/photos/visit.jpg")
    outcome = build_both(folder, tmp_path / "out")
    assert outcome.error is None, outcome.error
    (tmp_path / "lo").mkdir()
    rendered = render_with_libreoffice(tmp_path / "out/src.docx", tmp_path / "lo")
    for path in (tmp_path / "out/src.pdf", rendered):
        with pdfplumber.open(path) as pdf:
            pages = [text_lines(p) for p in pdf.pages]
        starts = [
            n for n, lines in enumerate(pages) if any("第1项指标" in line.text for line in lines)
        ]
        after = pages[starts[0] + 1]
        assert after[0].text.replace(" ", "").startswith("指标长沙高新区济宁高新区"), path
        assert not any("第1项" in line.text for line in after)
    docx = zipfile.ZipFile(tmp_path / "out/src.docx").read("word/document.xml").decode()
    assert "<w:tblHeader/>" in docx and "<w:cantSplit/>" in docx


def test_a_24_megapixel_photo_stays_small(tmp_path: Path) -> None:
    folder = source(tmp_path, width=1.0)
    big = Image.effect_noise((6000, 4000), 40).convert("RGB")
    (folder / "articles/photos").mkdir(exist_ok=True)
    big.save(folder / "articles/photos/visit.jpg", "JPEG", quality=95)
    assert (folder / "articles/photos/visit.jpg").stat().st_size > 5_000_000
    outcome = build_both(folder, tmp_path / "out")
    assert outcome.error is None, outcome.error
    assert (tmp_path / "out/src.pdf").stat().st_size < 3_000_000
    assert (tmp_path / "out/src.docx").stat().st_size < 3_000_000
    with pikepdf.open(tmp_path / "out/src.pdf") as pdf:
        (image,) = [i for p in pdf.pages for i in p.get_images().values()]
        # 156 mm at 300 dpi
        assert abs(int(image.Width) - 156 / 25.4 * 300) <= 1
        assert "/DCTDecode" in [str(f) for f in image.Filter]


@pytest.mark.parametrize(
    ("name", "mode", "fmt", "save"),
    [
        ("cmyk.jpg", "CMYK", "JPEG", {}),
        ("grey.jpg", "L", "JPEG", {}),
        ("alpha.png", "RGBA", "PNG", {}),
        ("deep.png", "I;16", "PNG", {}),
        ("web.webp", "RGB", "WEBP", {}),
        ("scan.tif", "CMYK", "TIFF", {}),
        ("screen.bmp", "RGB", "BMP", {}),
        ("still.gif", "L", "GIF", {}),
        # a phone's JPEG with a second picture after it: Pillow reads it as MPO
        (
            "phone.jpg",
            "RGB",
            "MPO",
            {"save_all": True, "append_images": [Image.new("RGB", (90, 60))]},
        ),
        (
            "turned.jpg",
            "RGB",
            "JPEG",
            {
                "exif": b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00"
            },
        ),
    ],
)
def test_pictures_of_every_kind_keep_the_pdf_a(
    tmp_path: Path, name: str, mode: str, fmt: str, save
) -> None:
    """CMYK and greyscale JPEGs, a PNG with alpha, a 16-bit PNG, WebP, TIFF, BMP, GIF, a
    phone's two-picture JPEG, an EXIF-turned JPEG: the archive copy stays PDF/A-2b (with a table and a seal too, in the report example)."""
    folder = source(tmp_path, image=f"photos/{name}")
    picture(folder / "articles/photos" / name, (900, 600), mode, fmt, **save)
    outcome = build_both(folder, tmp_path / "out")
    assert outcome.error is None, outcome.error
    report = pdfa_2b(tmp_path / "out/src.pdf")
    assert report.passed, report
    with pikepdf.open(tmp_path / "out/src.pdf") as pdf:
        (image,) = [i for p in pdf.pages for i in p.get_images().values()]
        assert image.ColorSpace in ("/DeviceRGB", "/DeviceGray")
        if name == "turned.jpg":  # EXIF orientation 6: a quarter turn, so portrait
            assert int(image.Height) > int(image.Width)


def test_a_large_turned_photo_is_scaled_down_upright(tmp_path: Path) -> None:
    """A 4000 × 3000 JPEG whose EXIF says a quarter turn: scaled to 300 dpi at its printed
    width and set upright (portrait, 3 : 4), in both outputs."""
    folder = source(tmp_path, image="photos/big.jpg")
    turned = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00"
    picture(folder / "articles/photos/big.jpg", (4000, 3000), exif=turned)
    assert build_both(folder, tmp_path / "out").error is None
    with pikepdf.open(tmp_path / "out/src.pdf") as pdf:
        (image,) = [i for p in pdf.pages for i in p.get_images().values()]
        width, height = int(image.Width), int(image.Height)
    with zipfile.ZipFile(tmp_path / "out/src.docx") as docx:
        (name,) = [n for n in docx.namelist() if n.startswith("word/media/")]
        with Image.open(io.BytesIO(docx.read(name))) as stored:
            assert stored.size == (width, height)
    assert width / height == pytest.approx(3 / 4, abs=0.01)
    assert width == pytest.approx(0.8 * 156 / 25.4 * 300, abs=2)  # 0.8 of the type area


def test_the_report_with_seal_and_table_is_pdf_a(tmp_path: Path) -> None:
    from tests.helpers import REPO

    outcome = build.build(
        REPO / "sources/changsha-report", build.Options(tmp_path, formats=("pdf",))
    )
    assert outcome.error is None, outcome.error
    report = pdfa_2b(tmp_path / "changsha-report.pdf")
    assert report.passed, report


def test_a_photo_used_twice_is_one_part(tmp_path: Path) -> None:
    folder = source(tmp_path)
    picture(folder / "articles/photos/visit.jpg")
    article = folder / "articles/a.yaml"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "      - {lead: 作风实。",
            "      - {image: photos/visit.jpg, width: 0.8}\n      - {lead: 作风实。",
        ),
        encoding="utf-8",
    )
    outcome = build_both(folder, tmp_path / "out")
    assert outcome.error is None, outcome.error
    names = zipfile.ZipFile(tmp_path / "out/src.docx").namelist()
    assert len([n for n in names if n.startswith("word/media/")]) == 1
    document = zipfile.ZipFile(tmp_path / "out/src.docx").read("word/document.xml").decode()
    assert document.count("<pic:pic") == 2


BAD = [
    ("photos/nothing.jpg", None, "找不到图片文件“photos/nothing.jpg”"),
    (
        "photos/text.jpg",
        b"this is not a picture",
        "“photos/text.jpg”不是图片文件（或已损坏），请用 JPEG 或 PNG 图片",
    ),
    ("photos/icon.ppm", "ppm", "图片“photos/icon.ppm”是 PPM 格式，请另存为 JPEG 或 PNG"),
    ("photos/cut.jpg", "truncated", "图片“photos/cut.jpg”已损坏或不完整，无法读取，请重新导出"),
    ("photos/huge.png", "bomb", "图片“photos/huge.png”像素太多（超过 100 百万像素），请缩小后再用"),
    (
        "../../etc/passwd",
        None,
        "图片“../../etc/passwd”在材料文件夹之外，不能使用：请把图片放进材料文件夹（如 photos/）后再写路径",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD)
def test_bad_pictures_are_named_and_nothing_is_written(
    tmp_path: Path, name: str, content, message: str
) -> None:
    folder = source(tmp_path, image=name)
    target = folder / "articles" / name
    if content == "truncated":
        data = picture(tmp_path / "whole.jpg", (800, 600)).read_bytes()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data[: len(data) // 2])
    elif content == "ppm":  # a format Pillow reads but an office would not send
        target.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (40, 30)).save(target, "PPM")
    elif content == "bomb":  # a PNG header claiming 20000 × 20000 pixels
        buffer = io.BytesIO()
        Image.new("L", (20000, 20000 // 200)).save(buffer, "PNG")
        data = bytearray(buffer.getvalue())
        data[20:24] = (20000).to_bytes(4, "big")  # the IHDR height, its checksum made good
        data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bytes(data))
    elif content is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    outcome = build_both(folder, tmp_path / "out")
    assert outcome.error is not None
    (problem,) = outcome.error.problems
    assert str(problem).startswith(
        f"{folder}/articles/a.yaml:8: sections[0].points[1].image: 错误：{message}"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["营业收入", "380"]], "表格第 1 行有 2 格，表头有 3 格，应一样多"),
        ([], "“rows”（表格行）至少需要写一项"),
        (
            [["营业收入", "12345678901234567890", "1"]],
            "表格第 2 列太窄，放不下“12345678901234567890”：请用 widths 加宽这一列，或减少列数",
        ),
    ],
)
def test_bad_tables_are_named(tmp_path: Path, rows, message: str) -> None:
    folder = source(tmp_path, rows=rows)
    picture(folder / "articles/photos/visit.jpg")
    outcome = build_both(folder, tmp_path / "out")
    assert outcome.error is not None
    assert message in str(outcome.error)
    assert "a.yaml:" in str(outcome.error)
    assert not (tmp_path / "out").exists()


def test_points_around_figures_are_numbered_on(tmp_path: Path) -> None:
    folder = source(tmp_path)
    picture(folder / "articles/photos/visit.jpg")
    outcome = build.build(folder, build.Options(tmp_path / "out", formats=("pdf",)))
    assert outcome.error is None, outcome.error
    with pdfplumber.open(tmp_path / "out/src.pdf") as pdf:
        text = "".join(c["text"] for p in pdf.pages for c in p.chars)
    assert "一是理念新" in text and "二是作风实" in text and "三是" not in text


def test_minimal_article_still_builds(tmp_path: Path) -> None:
    from tests.helpers import minimal_source

    outcome = build_both(
        minimal_source(tmp_path / "m", **{"articles/a.yaml": MINIMAL_ARTICLE}), tmp_path / "o"
    )
    assert outcome.error is None


@pytest.mark.parametrize(
    ("width", "message"),
    [
        (0, "“width”（宽度）应大于 0"),
        ("120%", "“width”（宽度）应不大于 1"),
        ("宽", "“width”（宽度）应为数，例如 0.8，而不是“宽”"),
    ],
)
def test_a_wrong_photo_width_is_named(tmp_path: Path, width, message: str) -> None:
    folder = source(tmp_path, width=width)
    picture(folder / "articles/photos/visit.jpg")
    outcome = build_both(folder, tmp_path / "out")
    assert outcome.error is not None
    (problem,) = outcome.error.problems
    assert str(problem) == (
        f"{folder}/articles/a.yaml:8: sections[0].points[1].width: 错误：{message}"
    )


def test_a_width_in_percent_and_empty_cells(tmp_path: Path) -> None:
    """``width: 80%`` is 0.8 of the type area; a cell left empty (``~`` or nothing) stays
    empty in both outputs."""
    folder = source(tmp_path, width="80%", rows=[["营业收入（亿元）", "380", None]])
    picture(folder / "articles/photos/visit.jpg", (1600, 1067))
    assert build_both(folder, tmp_path / "out").error is None
    with pdfplumber.open(tmp_path / "out/src.pdf") as pdf:
        (photo,) = [image for page in pdf.pages for image in page.images]
        text = "".join(page.extract_text() for page in pdf.pages)
    assert photo["x1"] - photo["x0"] == pytest.approx(0.8 * 156 * MM, abs=1)
    assert "380" in text
    import docx

    (table,) = [t for t in docx.Document(tmp_path / "out/src.docx").tables if len(t.rows) == 2]
    assert [cell.text for cell in table.rows[1].cells] == ["营业收入（亿元）", "380", ""]
