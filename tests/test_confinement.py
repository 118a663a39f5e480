"""Every file a source or a template names lies inside its folder: an absolute path, ``..`` or
a link leading out is refused with file, line and field, and nothing of the file outside is
ever printed.  A file that is not an article is named, never echoed; the user cache holds
data, never code, and names no file outside the template's folders."""

from __future__ import annotations

import marshal
import os
import pickle
import shutil
from pathlib import Path

import pytest
from PIL import Image

from reportkit import usercache
from reportkit.errors import TemplateError
from reportkit.source.drafts.figures import DRAFT_IMAGES
from reportkit.template import registry
from tests.helpers import MINIMAL_ARTICLE, MINIMAL_BULLETIN, REPO, cli, minimal_source

SECRET = "SECRET-7f3a"  # in every file outside: it must never reach the output
ARTICLE_OUT = "在材料文件夹之外，不能使用：请把它放进材料文件夹后再写路径"
PICTURE_OUT = "在材料文件夹之外，不能使用：请把图片放进材料文件夹（如 photos/）后再写路径"
NOT_ARTICLE = "不是文章文件：应为含 title、authors 等字段的 YAML"
EXTENDS_OUT = "在模板文件夹之外，不能使用：请写内置模板名，或把它放进本模板的文件夹后再写路径"
PIECE_OUT = "在模板文件夹之外，不能使用：请把它放进模板的 pieces/ 文件夹后再写文件名"
PIECE_LINK = "链接到模板文件夹之外，不能使用：请换成文件本身"
FONT_OUT = "在模板文件夹和本机字体文件夹之外，不能使用：请把它放进模板文件夹后再写路径"
DRAFT = f"学习长沙经验\n某某区商务局副局长　赵磊\n5月10日，我随团赴长沙学习。{SECRET}\n"


def outside(tmp_path: Path) -> Path:
    """A folder beside the source holding what a source must not reach."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.yaml").write_text(
        MINIMAL_ARTICLE.replace("学习体会", f"学习体会{SECRET}"), "utf-8"
    )
    (folder / "draft.txt").write_text(DRAFT, "utf-8")
    Image.new("RGBA", (40, 40), (200, 0, 0, 0)).save(folder / "seal.png")
    (folder / "photo.jpg").write_bytes((folder / "seal.png").read_bytes())
    return folder


def bulletin(tmp_path: Path, entry: str) -> Path:
    """A small bulletin whose one article is ``entry`` (line 7 of bulletin.yaml)."""
    text = MINIMAL_BULLETIN.replace("  - articles/a.yaml", f"  - {entry}")
    return minimal_source(tmp_path / "src", **{"bulletin.yaml": text})


def refused(source: Path, *lines: str) -> None:
    """``validate`` and ``build`` both print exactly ``lines`` and nothing from outside."""
    for args in (("validate", source), ("build", source, "-o", source.parent / "out")):
        result = cli(*args)
        assert result.exit_code == 1, result.output
        assert SECRET not in result.output
        printed = [line for line in result.stderr.splitlines() if not line.startswith("失败")]
        assert printed == list(lines)
    assert not (source.parent / "out").exists()


def link(path: Path, target: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    path.symlink_to(target)
    return path


# --- articles and drafts -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["secret.yaml", "draft.txt"])
def test_an_article_by_absolute_path(tmp_path: Path, name: str) -> None:
    target = outside(tmp_path) / name
    source = bulletin(tmp_path, str(target))
    refused(source, f"{source}/bulletin.yaml:7: articles[0]: 错误：文章文件“{target}”{ARTICLE_OUT}")


@pytest.mark.parametrize("name", ["secret.yaml", "draft.txt"])
def test_an_article_by_a_path_leaving_the_folder(tmp_path: Path, name: str) -> None:
    outside(tmp_path)
    source = bulletin(tmp_path, f"articles/../../outside/{name}")
    refused(
        source,
        f"{source}/bulletin.yaml:7: articles[0]: 错误：文章文件“articles/../../outside/{name}”"
        f"{ARTICLE_OUT}",
    )


@pytest.mark.parametrize("name", ["secret.yaml", "draft.txt"])
def test_an_article_linked_out(tmp_path: Path, name: str) -> None:
    target = outside(tmp_path) / name
    source = bulletin(tmp_path, f"articles/{name}")
    link(source / "articles" / name, target)
    refused(
        source,
        f"{source}/bulletin.yaml:7: articles[0]: 错误：文章文件“articles/{name}”{ARTICLE_OUT}",
    )


def test_the_articles_folder_linked_out(tmp_path: Path) -> None:
    """Listed or found by file name: a folder that is a link out is not looked into."""
    folder = outside(tmp_path)
    shutil.copy(folder / "secret.yaml", folder / "a.yaml")
    source = minimal_source(tmp_path / "src")
    link(source / "articles", folder)
    refused(
        source,
        f"{source}/bulletin.yaml:7: articles[0]: 错误：文章文件“articles/a.yaml”{ARTICLE_OUT}",
    )
    (source / "bulletin.yaml").write_text(MINIMAL_BULLETIN.split("articles:")[0], "utf-8")
    refused(
        source,
        f"{source}/articles: articles: 错误：文件夹“articles/”在材料文件夹之外（链接到别处），"
        "不能使用：请把文章放进材料文件夹",
    )


def test_a_link_that_stays_inside_is_used(tmp_path: Path) -> None:
    source = minimal_source(tmp_path / "src", **{"texts/a.yaml": MINIMAL_ARTICLE})
    link(source / "articles/a.yaml", source / "texts/a.yaml")
    link(source / "more", source / "texts")
    (source / "bulletin.yaml").write_text(
        MINIMAL_BULLETIN.replace("  - articles/a.yaml", "  - more/a.yaml"), "utf-8"
    )
    result = cli("validate", source)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{source}：可以排版\n"


# --- files that are not articles -----------------------------------------------------------

NOT_ARTICLES = [
    # a system file copied in: its keys and values are not repeated
    ("a.yaml", f"root:x:0:0: root\n{SECRET}: /bin/bash\npassword: {SECRET}\n", NOT_ARTICLE),
    (
        "a.yaml",
        f"root:x:0:0:root:/root:/bin/bash\n{SECRET}:x:1:1::/:/usr/sbin/nologin\n",
        NOT_ARTICLE,
    ),
    ("a.yaml", f"- title: {SECRET}\n- authors: []\n", NOT_ARTICLE),  # a list
    ("a.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + SECRET.encode(), NOT_ARTICLE),
    ("a.yaml", MINIMAL_BULLETIN.replace("学习考察专刊", SECRET), NOT_ARTICLE),
    (
        "a.conf",
        f"title: {SECRET}\n",
        "不是文章文件：应为 YAML 文章（.yaml、.yml）或稿件（.txt、.md、.markdown、.docx）",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    NOT_ARTICLES,
    ids=["keys", "passwd", "list", "binary", "bulletin", "suffix"],
)
def test_a_file_that_is_not_an_article_is_named_not_printed(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    source = bulletin(tmp_path, f"articles/{name}")
    path = source / "articles" / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    refused(source, f"{source}/bulletin.yaml:7: articles[0]: 错误：“articles/{name}”{message}")


def test_found_by_file_name_it_is_named_with_the_folder(tmp_path: Path) -> None:
    source = minimal_source(
        tmp_path / "src",
        **{
            "bulletin.yaml": MINIMAL_BULLETIN.split("articles:")[0],
            "articles/a.yaml": f"{SECRET}: 1\n",
        },
    )
    refused(source, f"{source}/articles: articles[0]: 错误：“articles/a.yaml”{NOT_ARTICLE}")


def test_an_article_with_one_misspelt_field_is_still_an_article(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("lead: 本次", "laed: 本次")
    source = minimal_source(tmp_path / "src", **{"articles/a.yaml": article})
    refused(
        source,
        f"{source}/articles/a.yaml:6: laed: 错误：不认识的字段“laed”，是否应为“lead”？",
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bulletin.yaml", "不是简报文件：应为含 masthead、articles 等字段的 YAML"),
        ("report.yaml", "不是报告文件：应为含 issuer、title 等字段的 YAML"),
        ("minutes.yaml", "不是纪要文件：应为含 mark、title 等字段的 YAML"),
    ],
)
def test_a_source_file_with_no_field_of_its_kind_is_named_not_printed(
    tmp_path: Path, name: str, message: str
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / name).write_text(f"apiVersion: v1\n{SECRET}: {SECRET}\ntoken: {SECRET}\n", "utf-8")
    refused(source, f"{source}/{name}: 错误：“{name}”{message}")


# --- photos and seals ----------------------------------------------------------------------


def photo_article(name: str) -> str:
    return MINIMAL_ARTICLE + f"      - {{image: {name}}}\n"


@pytest.mark.parametrize("how", ["absolute", "dotdot", "file link", "folder link"])
def test_a_photo_out_of_the_folder(tmp_path: Path, how: str) -> None:
    folder = outside(tmp_path)
    source = minimal_source(tmp_path / "src")
    name = {
        "absolute": str(folder / "photo.jpg"),
        "dotdot": "../../outside/photo.jpg",
        "file link": "photos/photo.jpg",
        "folder link": "photos/photo.jpg",
    }[how]
    if how == "file link":
        link(source / "articles/photos/photo.jpg", folder / "photo.jpg")
    if how == "folder link":
        link(source / "articles/photos", folder)
    (source / "articles/a.yaml").write_text(photo_article(name), "utf-8")
    refused(
        source,
        f"{source}/articles/a.yaml:12: sections[0].points[1].image: 错误：图片“{name}”{PICTURE_OUT}",
    )


def test_a_markdown_drafts_picture_out_of_the_folder(tmp_path: Path) -> None:
    outside(tmp_path)
    source = minimal_source(
        tmp_path / "src",
        **{
            "bulletin.yaml": MINIMAL_BULLETIN.replace("articles/a.yaml", "articles/notes.md"),
            "articles/notes.md": "# 学习长沙经验\n\n某某区商务局副局长 赵磊\n\n"
            "5月10日，我随团赴长沙学习。\n\n## 学习体会\n\n一是平台化运营。\n\n"
            "![图为园区](../../outside/photo.jpg)\n",
        },
    )
    refused(
        source,
        f"{source}/articles/notes.md:11: sections[0].points[1].image: 错误："
        f"图片“../../outside/photo.jpg”{PICTURE_OUT}",
    )


REPORT = """\
kind: report
issuer: 某某区人民政府办公室
number: {code: 某政办, year: 2024, serial: 3}
signers: [李明]
title: 关于学习考察的报告
addressee: 区委
lead: [现将有关情况报告如下。]
signature: {name: 某某区人民政府办公室, date: 2024-05-06, seal: %s}
distribution: {printer: 某某区人民政府办公室, date: 2024-05-06}
"""


@pytest.mark.parametrize("how", ["absolute", "dotdot", "file link"])
def test_a_seal_out_of_the_folder(tmp_path: Path, how: str) -> None:
    folder = outside(tmp_path)
    name = {
        "absolute": str(folder / "seal.png"),
        "dotdot": "../outside/seal.png",
        "file link": "seal.png",
    }[how]
    source = tmp_path / "src"
    source.mkdir()
    (source / "report.yaml").write_text(REPORT % name, "utf-8")
    if how == "file link":
        link(source / "seal.png", folder / "seal.png")
    refused(source, f"{source}/report.yaml:8: signature.seal: 错误：图片“{name}”{PICTURE_OUT}")


# --- pictures in the user cache ------------------------------------------------------------


def word_draft(path: Path) -> Path:
    import docx
    from docx.shared import Cm

    Image.new("RGB", (300, 200), (120, 160, 200)).save(path.with_suffix(".png"))
    document = docx.Document()
    for text in (
        "学习长沙经验",
        "某某区商务局副局长 赵磊",
        "5月10日，我随团赴长沙学习。",
        "学习体会",
        "一是平台化运营。建立平台公司。",
    ):
        document.add_paragraph(text)
    document.add_picture(str(path.with_suffix(".png")), width=Cm(10))
    document.add_paragraph("二是精准招商。围绕产业链招商。")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    path.with_suffix(".png").unlink()
    return path


def test_a_picture_in_the_cache_only_from_this_sources_word_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Word draft's pictures are kept in the cache and used from there; a YAML article
    may not name a cached picture — another source's, nor one this source's draft gave."""
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    source = minimal_source(tmp_path / "src")
    (source / "articles/a.yaml").unlink()
    word_draft(source / "articles/a.docx")
    (source / "bulletin.yaml").write_text(
        MINIMAL_BULLETIN.replace("articles/a.yaml", "articles/a.docx"), "utf-8"
    )
    result = cli("validate", source)
    assert result.exit_code == 0, result.output
    (kept,) = (tmp_path / "cache" / DRAFT_IMAGES).iterdir()
    other = bulletin(tmp_path / "other", "articles/a.yaml")
    (other / "articles/a.yaml").write_text(photo_article(str(kept)), "utf-8")
    refused(
        other,
        f"{other}/articles/a.yaml:12: sections[0].points[1].image: 错误：图片“{kept}”{PICTURE_OUT}",
    )
    (source / "articles/b.yaml").write_text(photo_article(str(kept)), "utf-8")
    (source / "bulletin.yaml").write_text(
        MINIMAL_BULLETIN.replace("articles/a.yaml", "articles/a.docx\n  - articles/b.yaml"),
        "utf-8",
    )
    refused(
        source,
        f"{source}/articles/b.yaml:12: sections[0].points[1].image: 错误：图片“{kept}”{PICTURE_OUT}",
    )


def test_import_copies_no_picture_from_outside_the_drafts_folder(tmp_path: Path) -> None:
    folder = outside(tmp_path)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "notes.md").write_text(
        f"# 学习长沙经验\n\n某某区商务局副局长 赵磊\n\n5月10日，我随团赴长沙学习。\n\n"
        f"## 学习体会\n\n一是平台化运营。\n\n![图为园区]({folder / 'photo.jpg'})\n",
        "utf-8",
    )
    result = cli("import", drafts / "notes.md", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{drafts}/notes.md:11: image: 错误：图片“../outside/photo.jpg”在稿件所在的文件夹之外，"
        "不能导入：请把图片放进稿件所在的文件夹后再写路径"
    )
    assert not (tmp_path / "out").exists()


# --- templates -----------------------------------------------------------------------------


def house(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "house"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "template.yaml").write_text(text, "utf-8")
    return folder


def other_template(tmp_path: Path) -> Path:
    """A template outside the house's folder, with a piece that prints the secret."""
    folder = tmp_path / "elsewhere"
    shutil.copytree(REPO / "templates/gbt9704-bulletin", folder)
    (folder / "pieces/issue.j2").write_text(SECRET, "utf-8")
    (folder / "secret.j2").write_text(SECRET, "utf-8")
    return folder


def template_refused(tmp_path: Path, folder: Path, line: str) -> None:
    """``validate --template`` prints exactly ``line``; loading raises it."""
    source = minimal_source(tmp_path / "src")
    result = cli("validate", "--template", folder, source)
    assert result.exit_code == 1, result.output
    assert SECRET not in result.output
    assert result.stderr.splitlines() == [line]
    with pytest.raises(TemplateError) as info:
        registry._load_folder.__wrapped__(folder.resolve())
    assert str(info.value) == line.replace(str(folder), str(folder.resolve()), 1)


@pytest.mark.parametrize("how", ["absolute", "dotdot", "folder link"])
def test_extends_out_of_the_templates_folder(tmp_path: Path, how: str) -> None:
    elsewhere = other_template(tmp_path)
    base = {"absolute": str(elsewhere), "dotdot": "../elsewhere", "folder link": "base"}[how]
    folder = house(tmp_path, f"name: house\nextends: {base}\n")
    if how == "folder link":
        link(folder / "base", elsewhere)
    template_refused(
        tmp_path,
        folder,
        f"{folder.resolve()}/template.yaml:2: extends: 错误：要继承的模板“{base}”{EXTENDS_OUT}",
    )


def test_extends_inside_the_folder_or_by_name(tmp_path: Path) -> None:
    folder = house(tmp_path, "extends: base\nname: house\n")
    shutil.copytree(REPO / "templates/gbt9704-bulletin", folder / "real")
    link(folder / "base", folder / "real")  # a link that stays inside
    assert registry._load_folder.__wrapped__(folder.resolve()).profile.name == "house"
    (folder / "template.yaml").write_text("extends: gbt9704-bulletin\nname: house\n", "utf-8")
    assert registry._load_folder.__wrapped__(folder.resolve()).profile.name == "house"


@pytest.mark.parametrize("how", ["absolute", "dotdot"])
def test_a_piece_named_out_of_the_templates_folder(tmp_path: Path, how: str) -> None:
    elsewhere = other_template(tmp_path)
    name = {"absolute": str(elsewhere / "secret.j2"), "dotdot": "../../elsewhere/secret.j2"}[how]
    folder = house(tmp_path, f"extends: gbt9704-bulletin\npieces:\n  issue: {name}\n")
    template_refused(
        tmp_path,
        folder,
        f"{folder.resolve()}/template.yaml:3: pieces.issue: 错误：文字片段文件“{name}”{PIECE_OUT}",
    )


@pytest.mark.parametrize("how", ["file link", "folder link"])
def test_a_piece_linked_out_of_the_templates_folder(tmp_path: Path, how: str) -> None:
    elsewhere = other_template(tmp_path)
    folder = house(tmp_path, "extends: gbt9704-bulletin\n")
    if how == "file link":
        link(folder / "pieces/issue.j2", elsewhere / "secret.j2")
    else:
        (elsewhere / "only").mkdir()
        (elsewhere / "only/issue.j2").write_text(SECRET, "utf-8")
        link(folder / "pieces", elsewhere / "only")
    template_refused(
        tmp_path,
        folder,
        f"{folder.resolve()}/pieces/issue.j2: pieces.issue: 错误：文字片段文件“issue.j2”{PIECE_LINK}",
    )


@pytest.mark.parametrize("how", ["absolute", "dotdot", "file link"])
def test_a_font_file_out_of_the_template_and_font_folders(tmp_path: Path, how: str) -> None:
    font = outside(tmp_path) / "font.ttf"
    font.write_text(SECRET, "utf-8")
    name = {"absolute": str(font), "dotdot": "../outside/font.ttf", "file link": "font.ttf"}[how]
    folder = house(
        tmp_path,
        f"extends: gbt9704-bulletin\nfonts:\n  fangsong:\n    files: {{east_asian: {name}}}\n",
    )
    if how == "file link":
        link(folder / "font.ttf", font)
    template_refused(
        tmp_path,
        folder,
        f"{folder.resolve()}/template.yaml:4: fonts.fangsong.files.east_asian: 错误：字体文件"
        f"“{name}”{FONT_OUT}",
    )


def test_a_font_file_in_the_template_or_the_systems_fonts_is_used(tmp_path: Path) -> None:
    system = next((p for p in Path("/usr/share/fonts").rglob("*.tt[fc]") if p.is_file()), None)
    assert system is not None
    folder = house(
        tmp_path,
        "extends: gbt9704-bulletin\nfonts:\n"
        f"  fangsong:\n    files: {{east_asian: fonts/mine.ttf}}\n"
        f"  kaiti:\n    files: {{east_asian: {system}}}\n",
    )
    load = registry._load_folder.__wrapped__
    assert load(folder.resolve()).profile.fonts["kaiti"].files == {"east_asian": str(system)}


# --- the user cache ------------------------------------------------------------------------


def kept_record(folder: Path) -> Path:
    return usercache.cache_dir() / "templates" / f"{usercache.key(str(folder))}.marshal"


@pytest.mark.parametrize("forged", ["profile", "pieces"])
def test_a_pickle_or_compiled_code_in_the_cache_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forged: str
) -> None:
    """A record as reportkit once kept it (a pickled profile, compiled pieces) with every
    stamp right: neither is loaded, let alone run; the template is read from its files."""
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    folder = house(tmp_path, "extends: gbt9704-bulletin\nname: house\n").resolve()
    load = registry._load_folder.__wrapped__
    load(folder)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple:
            return (Path.touch, (marker,))

    record = marshal.loads(kept_record(folder).read_bytes())
    if forged == "profile":
        record["profile"] = pickle.dumps(Payload())
    else:
        piece = REPO / "templates/gbt9704-bulletin/pieces/issue.j2"
        piece_file = record.get("pieces", {}).get("issue", (str(piece), b""))[0]
        code = compile(f"open({str(marker)!r}, 'w').close()", str(piece_file), "exec")
        record["pieces"] = {**record.get("pieces", {}), "issue": (piece_file, marshal.dumps(code))}
    kept_record(folder).write_bytes(marshal.dumps(record))
    try:
        template = load(folder)
    finally:
        assert not marker.exists()
    assert template.profile.name == "house"
    assert template.pieces.render("issue", masthead={"issue": 5}) == "第5期"


def test_a_cache_record_naming_files_elsewhere_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record whose files and stamps are right but lie outside the template's folders is
    ignored: the template is read from its own files."""
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    elsewhere = other_template(tmp_path).resolve()
    folder = house(tmp_path, "extends: gbt9704-bulletin\nname: house\n").resolve()
    load = registry._load_folder.__wrapped__
    load(folder)
    load(elsewhere)  # a true record of the other template, moved over the house's
    record = marshal.loads(kept_record(elsewhere).read_bytes())
    kept_record(folder).write_bytes(marshal.dumps(record))
    template = load(folder)
    assert template.profile.name == "house"
    assert SECRET not in template.pieces.render("issue", masthead={"issue": 5})
    source = minimal_source(tmp_path / "src")
    result = cli("build", "--template", folder, source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert SECRET.encode() not in (tmp_path / "out/src.docx").read_bytes()


def test_a_cache_record_is_checked_as_the_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record whose data names a piece outside is refused as the file would be: the data
    kept is validated and checked again on every use."""
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    folder = house(tmp_path, "extends: gbt9704-bulletin\nname: house\n").resolve()
    load = registry._load_folder.__wrapped__
    load(folder)
    record = marshal.loads(kept_record(folder).read_bytes())
    record["data"]["pieces"]["issue"] = "/etc/passwd"
    kept_record(folder).write_bytes(marshal.dumps(record))
    with pytest.raises(TemplateError) as info:
        load(folder)
    assert str(info.value).endswith(f": pieces.issue: 错误：文字片段文件“/etc/passwd”{PIECE_OUT}")
    assert "root:" not in str(info.value)


def test_a_damaged_cache_record_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record that is not what reading the files gives — data no YAML file holds, lines
    that are not numbers, paths that are not text, a cut file — is not used."""
    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    folder = house(tmp_path, "extends: gbt9704-bulletin\nname: house\n").resolve()
    load = registry._load_folder.__wrapped__
    load(folder)
    data = marshal.loads(kept_record(folder).read_bytes())["data"]
    deep: dict = {}
    for _ in range(1500):  # deeper than any file (and than validation could follow)
        deep = {"a": deep}
    damaged = (
        {"data": []},
        {"data": {**data, "name": 3}},
        {"data": {**data, "description": deep}},
        {"data": {**data, "name": b"house"}},
        {"lines": {("name",): "x"}},
        {"where": 3},
        {"where": {("name",): "/etc/passwd"}},  # a value from a file the template is not read from
        {"dirs": [1]},
    )
    for damage in damaged:
        record = marshal.loads(kept_record(folder).read_bytes())
        kept_record(folder).write_bytes(marshal.dumps({**record, **damage}))
        assert load(folder).profile.name == "house"
    os.truncate(kept_record(folder), 10)
    assert load(folder).profile.name == "house"


def test_a_forged_font_list_in_the_cache_is_listed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fonts fontconfig knows are kept in the cache; a kept list naming a file that is
    not a font is not used (fontconfig is asked again)."""
    from reportkit.fonts import locate

    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    real = locate._fontconfig()
    assert real and all(face.file.suffix.lower() in locate.FONT_SUFFIXES for face in real)
    kept = tmp_path / "cache/fontconfig-faces.marshal"
    record = marshal.loads(kept.read_bytes())
    secret = outside(tmp_path) / "secret.yaml"
    record["faces"] = [(str(secret), 0, "FandolFang", "Regular")]
    kept.write_bytes(marshal.dumps(record))
    assert locate._fontconfig() == real


def test_a_forged_font_key_names_no_folder_outside_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A prepared font's folder in the cache is named by its hash: a kept key table that
    says ``../..`` is not followed (the font would be written there)."""
    from reportkit.fonts import locate, prepare

    monkeypatch.setenv("REPORTKIT_CACHE", str(tmp_path / "cache"))
    face = next(f for f in locate._fontconfig() if f.file.suffix.lower() == ".ttf")
    info = face.file.stat()
    ident = f"{face.file}|{info.st_size}|{info.st_mtime_ns}|{face.index}|{prepare.FORMAT}"
    usercache.store(prepare._keys_file(), {ident: "../../../outside"})
    prepare._known_keys.cache_clear()
    try:
        key = prepare._content_key(face)
    finally:
        prepare._known_keys.cache_clear()
    assert len(key) == 24 and set(key) <= set("0123456789abcdef")
