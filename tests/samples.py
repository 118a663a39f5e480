"""Generated bulletins of any length, made from the seed's articles (for tests and benchmarks)."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "sources" / "changsha"
# about 2.37 pages per seed article in the built-in template (PDF)
PAGES_PER_ARTICLE = 2.37


def write_bulletin(root: Path, pages: int, name: str = "long", offset: int = 0) -> Path:
    """A bulletin folder of roughly ``pages`` pages: the seed's articles repeated and renamed
    (``offset`` picks which article comes first, so that bulletins differ)."""
    folder = root / name
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    seed = yaml.safe_load((SEED / "bulletin.yaml").read_text(encoding="utf-8"))
    sources = [SEED / ref for ref in seed["articles"]]
    units = max(1.0, pages / PAGES_PER_ARTICLE)
    count = int(units) + (1 if units - int(units) >= 0.25 else 0)
    refs = []
    for index in range(count):
        source = sources[(index + offset) % len(sources)]
        text = source.read_text(encoding="utf-8")
        article = yaml.safe_load(text)
        article["title"] = f"{article['title']}（之{index + offset + 1}）"
        if index == int(units) and article.get("sections"):
            article["sections"] = article["sections"][:1]  # a shorter last article
        target = folder / "articles" / f"{index + 1:03d}.yaml"
        target.write_text(
            yaml.safe_dump(article, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        refs.append(f"articles/{target.name}")
    seed["articles"] = refs
    seed["masthead"]["issue"] = 9
    (folder / "bulletin.yaml").write_text(
        yaml.safe_dump(seed, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def write_kind(root: Path, kind: str, pages: int, name: str | None = None) -> Path:
    """A report or minutes of roughly ``pages`` pages: the example source's sections repeated
    (each copy's headings numbered on), its end block kept."""
    example = REPO / "sources" / f"changsha-{kind}" / f"{kind}.yaml"
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    sections = data["sections"]
    per_copy = 2.0 if kind == "report" else 1.2  # pages one copy of the sections takes
    copies = max(1, round(pages / per_copy))
    data["sections"] = [
        {**section, "heading": f"{section['heading']}（之{n + 1}）"}
        for n in range(copies)
        for section in sections
    ]
    folder = root / (name or f"{kind}-{pages}")
    folder.mkdir(parents=True, exist_ok=True)
    for extra in example.parent.iterdir():  # pictures beside it (the seal)
        if extra.suffix.lower() in (".png", ".jpg"):
            (folder / extra.name).write_bytes(extra.read_bytes())
    (folder / f"{kind}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def add_figures(folder: Path, photos: int, tables: int) -> None:
    """Put ``photos`` photos (3000 × 2000 pixels, each its own: grain over gradients, about
    1 MB as a JPEG, as a camera's) and ``tables`` tables among the points of a generated
    bulletin's articles, in turn."""
    from PIL import Image, ImageFilter

    (folder / "photos").mkdir(exist_ok=True)
    articles = sorted((folder / "articles").glob("*.yaml"))
    entries: list[dict] = []
    for n in range(photos):
        size = (3000, 2000)
        base = Image.linear_gradient("L").resize(size)
        grain = Image.effect_noise(size, 40 + n).filter(ImageFilter.GaussianBlur(1.2))
        flipped = base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        image = Image.merge("RGB", (Image.blend(base, grain, 0.4), grain, flipped))
        image.save(folder / "photos" / f"p{n}.jpg", "JPEG", quality=85)
        entries.append({"image": f"../photos/p{n}.jpg", "caption": f"图为第{n + 1}张照片"})
    for n in range(tables):
        rows = [[f"第{r + 1}项指标", str(100 + r), str(50 + r)] for r in range(8)]
        entries.append(
            {
                "table": {
                    "caption": f"表{n + 1}　指标对比",
                    "header": ["指标", "甲地", "乙地"],
                    "rows": rows,
                    "widths": [2, 1, 1],
                }
            }
        )
    for number, entry in enumerate(entries):
        path = articles[number % len(articles)]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        section = next(s for s in data["sections"] if s.get("points"))
        section["points"].insert(1, entry)
        section["run_on"] = False
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def draft_text(articles: int = 3, offset: int = 0) -> str:
    """A plain-text draft as offices type them: the seed's articles written out (title, byline,
    lead, section headings, points 一是……), ``articles`` of them, each title numbered on."""
    seed = [
        yaml.safe_load(path.read_text("utf-8"))
        for path in sorted((SEED / "articles").glob("*.yaml"))
    ]
    texts = [_draft_article(article) for article in seed]
    return "".join(
        texts[n % len(texts)].replace("\n", f"（之{n + 1}）\n", 1)
        for n in range(offset, offset + articles)
    )


def _draft_article(article: dict) -> str:
    out = [article["title"]]
    out += [f"{a.get('unit', '')}{a.get('position', '')} {a['name']}" for a in article["authors"]]
    out += article.get("lead", [])
    for section in article.get("sections", []):
        out.append(section.get("heading") or section.get("kind") or "")
        out += section.get("paragraphs", [])
        if section.get("intro"):
            out.append(section["intro"])
        points = [p for p in section.get("points", []) if "text" in p or "lead" in p]
        for number, point in enumerate(points, 1):
            label = "一二三四五六七八九十"[(number - 1) % 10] + "是"
            out.append(label + point.get("lead", "") + point.get("text", ""))
    return "\n\n".join(line for line in out if line) + "\n\n"


def write_draft(path: Path, size: int, shape: str = "articles") -> Path:
    """A plain-text draft of about ``size`` bytes (UTF-8): ``articles`` (the seed's articles
    over and over, typed with half-width commas as the seed's draft is), ``one_line`` (the same with no line break at all) or ``one_char`` (one
    character over and over)."""
    if shape == "one_char":
        text = "字" * (size // 3)
    else:
        per_article = len(draft_text(3).encode("utf-8")) / 3
        text = draft_text(max(1, round(size / per_article))).replace("，", ",")
        if shape == "one_line":
            text = text.replace("\n", "")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
