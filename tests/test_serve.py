"""The workspace server's API, as the page uses it and as a hostile page or program would:
fields checked with validate's own messages and saved with the file's comments kept, a stale
write refused, drafts imported, the preview, downloads, and nothing outside the workspace
folder read or written — whatever path, link, address or origin a request names."""

from __future__ import annotations

import http.client
import io
import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pdfplumber
import pytest

from reportkit import build
from reportkit.serve import editing, server, wording
from reportkit.serve.form import head_form
from tests.helpers import REPO, cli, docx_text

SECRET = "SECRET-5c1d"  # in every file outside the workspace: never in an answer
TEMPLATE = "extends: gbt9704-bulletin\nname: house-bulletin\ncolours: {red: '#C00000'}\n"


class Client:
    """Requests as the workspace page sends them (its cookie, origin and token), each part
    of which a test may change."""

    def __init__(self, running: server.Running):
        self.port, self.token = running.port, running.token

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        raw: bytes | None = None,
        headers: dict[str, str | None] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body of one request (a header given as None is not sent)."""
        wanted: dict[str, str | None] = {
            "Host": f"127.0.0.1:{self.port}",
            "Cookie": f"reportkit_{self.port}={self.token}",
            "Origin": f"http://127.0.0.1:{self.port}",
            "X-Reportkit-Token": self.token,
            **(headers or {}),
        }
        data = raw if raw is not None else json.dumps(body).encode() if body is not None else None
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        # as a browser sends an address: anything not ASCII percent-encoded
        connection.putrequest(
            method, quote(path, safe="/?=&%:"), skip_host=True, skip_accept_encoding=True
        )
        for name, value in wanted.items():
            if value is not None:
                connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(data or b"")))
        connection.endheaders(data)
        response = connection.getresponse()
        found = (response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        connection.close()
        return found

    def json(self, method: str, path: str, body: Any = None, status: int = 200, **kw: Any) -> Any:
        """The JSON answer of a request that must end with ``status``."""
        code, _, data = self.send(method, path, body, **kw)
        assert code == status, data.decode()
        return json.loads(data)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the seed (seed/), a report, a house template and a link leading out,
    beside a folder the server must never show."""
    base = tmp_path_factory.mktemp("serve")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"title: {SECRET}\n", "utf-8")
    (outside / "secret.png").write_bytes((REPO / "sources/changsha-report/seal.png").read_bytes())
    root = base / "workspace"
    shutil.copytree(REPO / "sources/changsha", root / "seed")
    shutil.copytree(REPO / "sources/changsha-report", root / "report")
    (root / "templates/house").mkdir(parents=True)
    (root / "templates/house/template.yaml").write_text(TEMPLATE, "utf-8")
    os.symlink(outside / "secret.png", root / "seed/articles/link.png")
    os.symlink(outside / "secret.yaml", root / "seed/link.yaml")
    os.symlink(outside, root / "linked")
    return root


@pytest.fixture(scope="module")
def running(workspace: Path) -> Iterator[server.Running]:
    """The workspace server, for every test of this module."""
    found = server.in_thread(workspace)
    yield found
    found.stop()


@pytest.fixture(scope="module")
def client(running: server.Running) -> Client:
    """Requests as the workspace page sends them."""
    return Client(running)


def head_etag(client: Client, doc: str = "seed") -> str:
    return str(client.json("GET", f"/api/docs/{doc}")["head"]["etag"])


# who may ask ---------------------------------------------------------------------------------


def test_the_address_with_the_token_opens_the_workspace_and_sets_a_cookie(
    client: Client,
) -> None:
    code, headers, _ = client.send("GET", f"/?token={client.token}", headers={"Cookie": None})
    assert code == 303 and headers["location"] == "/"
    cookie = headers["set-cookie"]
    assert cookie == f"reportkit_{client.port}={client.token}; HttpOnly; SameSite=Strict; Path=/"
    code, _, page = client.send("GET", "/")
    assert code == 200
    assert f'<meta name="reportkit-token" content="{client.token}">' in page.decode()


@pytest.mark.parametrize(
    ("method", "path", "headers", "message"),
    [
        ("GET", "/", {"Cookie": None}, "请用 reportkit serve 打印的地址（含口令）打开工作台"),
        (
            "GET",
            "/?token=wrong",
            {"Cookie": None},
            "工作台地址中的口令不对：请用 reportkit serve 打印的地址打开",
        ),
        (
            "GET",
            "/api/workspace",
            {"Cookie": "reportkit_1=x"},
            "请用 reportkit serve 打印的地址（含口令）打开工作台",
        ),
        # DNS rebinding: another name for this machine's address
        ("GET", "/api/workspace", {"Host": "evil.example"}, "只接受本机浏览器直接打开的工作台地址"),
        ("GET", "/api/workspace", {"Origin": "http://evil.example"}, "拒绝来自其他网站的请求"),
        ("GET", "/api/workspace", {"Sec-Fetch-Site": "cross-site"}, "拒绝来自其他网站的请求"),
        # another server on this machine is another site too
        ("GET", "/api/workspace", {"Sec-Fetch-Site": "same-site"}, "拒绝来自其他网站的请求"),
        ("POST", "/api/docs/seed/remove", {"X-Reportkit-Token": None}, "修改须从工作台页面发出"),
        ("POST", "/api/docs/seed/remove", {"X-Reportkit-Token": "wrong"}, "修改须从工作台页面发出"),
        ("POST", "/api/docs/seed/remove", {"Origin": None}, "修改须从工作台页面发出"),
    ],
    ids=[
        "no cookie",
        "wrong token",
        "other cookie",
        "other host",
        "other origin",
        "cross-site",
        "same-site",
        "no token header",
        "wrong token header",
        "no origin",
    ],
)
def test_requests_from_elsewhere_are_refused(
    client: Client, method: str, path: str, headers: dict[str, str | None], message: str
) -> None:
    code, _, body = client.send(method, path, {"ref": "articles/01-tian-yu.yaml"}, headers=headers)
    assert code == 403
    text = body.decode()
    assert message in text
    assert (json.loads(text) == {"error": message}) if path.startswith("/api/") else True


def test_localhost_is_this_machine_too(client: Client) -> None:
    port = client.port
    found = client.json(
        "GET", "/api/workspace", headers={"Host": f"localhost:{port}", "Origin": None}
    )
    assert [d["name"] for d in found["docs"]] == ["report", "seed"]


# nothing outside the folder ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/docs/seed/thumb?file=bulletin.yaml&image=../../outside/secret.png",
        "/api/docs/seed/thumb?file=bulletin.yaml&image=..%2F..%2Foutside%2Fsecret.png",
        "/api/docs/seed/thumb?file=bulletin.yaml&image=/etc/passwd",
        "/api/docs/seed/thumb?file=../../outside/x.yaml&image=secret.png",
        "/api/docs/seed/thumb?file=/etc/passwd&image=x.png",
        "/api/docs/seed/thumb?file=articles/x.yaml&image=link.png",  # a link leading out
        "/api/docs/seed/thumb?file=bulletin.yaml&image=..\\..\\outside\\secret.png",
        "/api/docs/linked/preview",  # a folder that is a link leading out
        "/api/docs/../outside/secret.yaml",
        "/api/docs/..%2Foutside/preview",
        "/api/docs/%2E%2E/preview",
        "/api/docs/..",
        "/static/..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/../../outside/secret.yaml",
        "/fonts/..%2F..%2Foutside%2Fsecret.yaml",
        "/api/pictures/..%2F..%2Foutside%2Fsecret.png",
        "/api/files/..%2F..%2Foutside%2Fsecret.yaml",
    ],
)
def test_nothing_outside_the_folder_is_read(client: Client, path: str) -> None:
    code, _, body = client.send("GET", path)
    assert code in (403, 404), body[:200]
    assert SECRET.encode() not in body and b"root:" not in body
    assert b"\x89PNG" not in body


@pytest.mark.parametrize(
    "file",
    [
        "../outside/secret.yaml",
        "/etc/passwd",
        "../report/report.yaml",
        "link.yaml",
        "../linked/secret.yaml",
    ],
)
def test_nothing_outside_a_document_is_written(client: Client, workspace: Path, file: str) -> None:
    before = (workspace / "report/report.yaml").read_bytes()
    found = client.json(
        "POST",
        "/api/docs/seed/edit",
        {"file": file, "path": ["title"], "value": "x", "etag": "", "save": True},
        status=403,
    )
    assert found == {"error": "只能读写工作台文件夹里的文件"}
    assert (workspace / "report/report.yaml").read_bytes() == before
    assert SECRET in (workspace.parent / "outside/secret.yaml").read_text("utf-8")


def test_an_upload_is_written_inside_its_document_whatever_its_name(
    client: Client, workspace: Path
) -> None:
    text = "学习长沙经验\n某某区商务局副局长　赵磊\n5月10日，我随团赴长沙学习。\n".encode()
    name = "..%2F..%2F..%2Foutside%2F.bashrc.txt"
    found = client.json("POST", f"/api/docs/seed/drafts?name={name}", raw=text)
    assert found["added"] == ["articles/bashrc.yaml"]
    assert (workspace / "seed/drafts/bashrc.txt").read_bytes() == text
    assert sorted(p.name for p in (workspace.parent / "outside").iterdir()) == [
        "secret.png",
        "secret.yaml",
    ]
    state = client.json(
        "POST", "/api/docs/seed/remove", {"ref": found["added"][0], "etag": head_etag(client)}
    )
    assert [c["ref"] for c in state["cards"]] == [
        "articles/01-tian-yu.yaml",
        "articles/02-wang-jin.yaml",
        "articles/03-zhang-jian.yaml",
    ]


def test_an_upload_past_the_limit_is_refused_unread(
    client: Client, monkeypatch: pytest.MonkeyPatch, workspace: Path
) -> None:
    from reportkit.serve import app

    monkeypatch.setattr(app, "MAX_UPLOAD", 1024)
    found = client.json("POST", "/api/docs/seed/drafts?name=big.txt", raw=b"x" * 4096, status=413)
    assert found == {"error": "稿件太大（4 KB），最多 1 KB"}
    assert not (workspace / "seed/drafts/big.txt").exists()


# fields ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "field", "message"),
    [
        (
            ["masthead", "issue"],
            "abc",
            "masthead.issue",
            "“期号”应为整数，例如 3，而不是“abc”",
        ),
        (["masthead", "issue"], "0", "masthead.issue", "“期号”应不小于 1"),
        (["masthead", "unit"], "", "masthead.unit", "缺少必填字段“单位”"),
        (
            ["masthead", "date"],
            "2019-02-30",
            "masthead.date",
            "日期“2019-02-30”不对：没有这一天，请检查月份和日期",
        ),
        (
            ["masthead", "date"],
            "下周",
            "masthead.date",
            "“日期”写法不对：“下周”，应写作 2019-04-25 或 2019年4月25日",
        ),
        (
            ["end_matter", "copies"],
            "很多",
            "end_matter.copies",
            "“印数”应为整数，例如 3，而不是“很多”",
        ),
    ],
    ids=["not a number", "zero", "empty", "no such day", "not a date", "copies"],
)
def test_a_field_is_checked_as_typed_with_the_messages_of_validate(
    client: Client,
    workspace: Path,
    tmp_path: Path,
    path: list[str],
    value: str,
    field: str,
    message: str,
) -> None:
    before = (workspace / "seed/bulletin.yaml").read_bytes()
    found = client.json(
        "POST",
        "/api/docs/seed/edit",
        {"file": "bulletin.yaml", "path": path, "value": value, "save": False},
    )
    errors = [p for p in found["problems"] if not p["warning"]]
    assert [(p["file"], p["field"], p["message"]) for p in errors] == [
        ("bulletin.yaml", field, message)
    ]
    assert (workspace / "seed/bulletin.yaml").read_bytes() == before  # only checked
    # the command line says the same of the same file
    copy = shutil.copytree(workspace / "seed", tmp_path / "seed", symlinks=True)
    (copy / "articles/link.png").unlink()
    (copy / "link.yaml").unlink()
    (copy / "bulletin.yaml").write_text(
        editing.replaced(before.decode(), tuple(path), editing.typed(value, None, None) or None),
        "utf-8",
    )
    result = cli("validate", copy, "--format", "docx")
    assert result.exit_code == 1
    said = result.stderr.strip().split(": ", 2)[2]
    assert f" {field}: 错误：" in result.stderr
    assert wording.message(said) == f"错误：{message}"


def test_a_saved_field_keeps_the_file_s_comments_and_a_stale_write_is_refused(
    client: Client, workspace: Path
) -> None:
    file = workspace / "seed/bulletin.yaml"
    etag = head_etag(client)
    found = client.json(
        "POST",
        "/api/docs/seed/edit",
        {
            "file": "bulletin.yaml",
            "path": ["masthead", "issue"],
            "value": "5",
            "type": "int",
            "etag": etag,
            "save": True,
        },
    )
    assert found["saved"] and found["problems"] == []
    text = file.read_text("utf-8")
    assert "  issue: 5                      # 示例值\n" in text
    assert text.startswith("# 学习考察专刊（长沙篇）：三位同志赴长沙高新区学习考察的体会。\n")
    assert "  peers: [高新区党工委、管委会领导]\n" in text  # a list keeps its style
    # another tab that read the file before this change
    stale = client.json(
        "POST",
        "/api/docs/seed/edit",
        {
            "file": "bulletin.yaml",
            "path": ["masthead", "issue"],
            "value": "6",
            "etag": etag,
            "save": True,
        },
        status=409,
    )
    assert stale == {"error": editing.STALE}
    assert file.read_text("utf-8") == text
    # with the version it was given, the same tab goes on
    client.json(
        "POST",
        "/api/docs/seed/edit",
        {
            "file": "bulletin.yaml",
            "path": ["masthead", "issue"],
            "value": "3",
            "type": "int",
            "etag": found["etag"],
            "save": True,
        },
    )
    # a round trip keeps the file as written (a blank line after a list may go)
    original = (REPO / "sources/changsha/bulletin.yaml").read_text("utf-8")
    assert file.read_text("utf-8").split() == original.split()


def test_text_yaml_would_read_as_something_else_is_written_as_text(tmp_path: Path) -> None:
    text = "masthead:\n  volume: 长沙篇\n  name: [a, b]\n"
    for value in ("no", "on", "1:20", "0o12", "2019-04-26", " 前后有空格 ", "a: b", "#号"):
        written = editing.replaced(text, ("masthead", "volume"), value)
        editing.check_written(written, tmp_path / "x.yaml", ("masthead", "volume"), value)
    written = editing.replaced(text, ("masthead", "name"), ["甲, 乙", "[丙]"])
    assert "name: ['甲, 乙', '[丙]']" in written


# drafts and articles ------------------------------------------------------------------------------

DRAFT = "学习长沙经验\n某某区商务局副局长　赵磊\n5月10日，我随团赴长沙学习。\n一、学习体会\n一是理念新。对方坚持产业先行。\n"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "坏稿件.docx",
            b"not a word file",
            "无法打开这个 Word 文件：文件已损坏，或不是 .docx。请在 Word 中打开后另存为 .docx 再试",
        ),
        ("空.txt", b"\n\n", "稿件里没有找到文章（标题、署名、正文）"),
        (
            "程序.exe",
            b"MZ\x90\x00",
            "不支持的稿件格式“.exe”：请用 .txt、.md、.docx、.doc、.wps、.rtf 或 .odt",
        ),
    ],
    ids=["damaged docx", "empty", "not a draft"],
)
def test_a_bad_draft_is_refused_with_import_s_message_and_nothing_kept(
    client: Client, workspace: Path, name: str, data: bytes, message: str
) -> None:
    found = client.json("POST", f"/api/docs/seed/drafts?name={name}", raw=data)
    assert [(p["message"], p["text"]) for p in found["problems"]] == [
        (message, f"seed/drafts/{name}: 错误：{message}")
    ]
    assert found["added"] == []
    assert not (workspace / "seed/drafts" / name).exists()
    assert len(found["state"]["cards"]) == 3


def test_a_draft_is_imported_listed_reordered_replaced_and_removed(
    client: Client, workspace: Path
) -> None:
    folder = workspace / "seed"
    before = (folder / "bulletin.yaml").read_bytes()
    found = client.json("POST", "/api/docs/seed/drafts?name=赵磊.txt", raw=DRAFT.encode())
    assert found["problems"] == [] and found["added"] == ["articles/赵磊.yaml"]
    cards = found["state"]["cards"]
    assert [c["ref"] for c in cards][-1] == "articles/赵磊.yaml"
    card = cards[-1]
    assert card["title"] == "学习长沙经验"
    assert card["summary"] == {
        "bylines": ["某某区商务局副局长　赵磊"],
        "sections": 1,
        "points": 1,
        "photos": 0,
        "tables": 0,
    }
    assert card["draft"] == "drafts/赵磊.txt"
    etag = head_etag(client)
    order = ["articles/赵磊.yaml", *[c["ref"] for c in cards[:-1]]]
    state = client.json("POST", "/api/docs/seed/order", {"order": order, "etag": etag})
    assert [c["ref"] for c in state["cards"]] == order
    # a page that read the list before the move cannot move or remove anything
    stale = client.json(
        "POST", "/api/docs/seed/remove", {"ref": order[0], "etag": etag}, status=409
    )
    assert stale == {"error": editing.STALE}
    shown = client.json("GET", "/api/docs/seed/preview?first=1")
    assert shown["ok"], shown["problems"]
    assert "学习长沙经验" in shown["pages"][0]["svg"]
    # the same draft again is named apart; it replaces the first one in its place
    found = client.json(
        "POST",
        "/api/docs/seed/drafts?name=赵磊.txt&replace=articles/赵磊.yaml",
        raw=DRAFT.replace("赴长沙", "赴株洲").encode(),
    )
    assert found["added"] == ["articles/赵磊-2.yaml"]
    assert found["state"]["cards"][0]["ref"] == "articles/赵磊-2.yaml"
    assert (folder / "removed/赵磊.yaml").is_file()  # taken out, kept
    client.json(
        "POST", "/api/docs/seed/remove", {"ref": "articles/赵磊-2.yaml", "etag": head_etag(client)}
    )
    client.json("POST", "/api/docs/seed/order", {"order": order[1:], "etag": head_etag(client)})
    assert (folder / "bulletin.yaml").read_bytes() == before


# the preview ----------------------------------------------------------------------------------------


def test_the_preview_is_the_pdf_s_layout_with_each_page_s_parts(client: Client) -> None:
    shown = client.json("GET", "/api/docs/seed/preview")
    assert shown["ok"] and shown["count"] == 8
    assert shown["end_block"] == "版记在第 8 页（末页）底部" and shown["end_page"] == 8
    first = shown["pages"][0]
    assert first["svg"].startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 595.28 841.89"'
    )
    assert ">近赶潍坊　远学长沙</text>" in first["svg"] and 'fill="#FF0000"' in first["svg"]
    parts = [(r["file"], r["path"]) for r in first["regions"]]
    assert parts[:2] == [
        ("bulletin.yaml", ["masthead", "mark"]),
        ("bulletin.yaml", ["masthead", "name", 0]),
    ]
    assert ("articles/01-tian-yu.yaml", ["title"]) in parts
    title = next(r for r in first["regions"] if r["path"] == ["title"])
    assert 380 < title["top"] < title["bottom"] < 440
    last = shown["pages"][-1]["regions"]
    assert ("bulletin.yaml", ["end_matter", "superiors"]) in [(r["file"], r["path"]) for r in last]
    only = client.json("GET", "/api/docs/seed/preview?first=1")
    assert "svg" in only["pages"][0] and all("svg" not in p for p in only["pages"][1:])
    for name in shown["fonts"]:
        code, headers, data = client.send("GET", f"/fonts/{name}")
        assert (
            code == 200
            and headers["content-type"] == "font/ttf"
            and data[:4] == b"\x00\x01\x00\x00"
        )


def test_a_report_s_preview_and_its_seal_picture(client: Client) -> None:
    shown = client.json("GET", "/api/docs/report/preview")
    assert shown["ok"]
    found = [p for p in shown["pages"] if "/api/pictures/" in p["svg"]]
    assert len(found) == 1
    key = found[0]["svg"].split('href="/api/pictures/')[1].split('"')[0]
    code, headers, data = client.send("GET", f"/api/pictures/{key}")
    assert code == 200 and headers["content-type"] == "image/png" and data[:4] == b"\x89PNG"
    state = client.json("GET", "/api/docs/report")
    assert [c["title"] for c in state["cards"]] == ["正文"]
    assert sorted(state["cards"][0]["data"]) == ["attachments", "closing", "lead", "sections"]


def test_a_part_made_from_a_template_piece_leads_to_the_field_it_prints(
    client: Client, workspace: Path
) -> None:
    shown = client.json("GET", "/api/docs/report/preview")
    first = [r["path"] for r in shown["pages"][0]["regions"]]
    # 发文机关标志 (the mark given), 发文字号, 主送机关: each a field of the form, not the
    # whole document
    assert first[:4] == [["mark"], ["number", "code"], ["title"], ["addressee"]]
    assert [] not in first
    file = workspace / "report/report.yaml"
    before = file.read_bytes()
    try:  # no mark: the issuer's name with 文件, and so the issuer
        file.write_bytes(b"\n".join(x for x in before.split(b"\n") if not x.startswith(b"mark:")))
        shown = client.json("GET", "/api/docs/report/preview")
    finally:
        file.write_bytes(before)
    assert shown["pages"][0]["regions"][0]["path"] == ["issuer"]


def test_a_document_that_cannot_be_laid_out_says_why(client: Client, workspace: Path) -> None:
    file = workspace / "seed/articles/03-zhang-jian.yaml"
    before = file.read_bytes()
    try:
        file.write_bytes(before.replace(b"title:", b"titel:", 1))
        shown = client.json("GET", "/api/docs/seed/preview")
    finally:
        file.write_bytes(before)
    assert shown["ok"] is False
    assert [(p["file"], p["field"], p["message"]) for p in shown["problems"]] == [
        ("articles/03-zhang-jian.yaml", "title", "缺少必填字段“标题”"),
        ("articles/03-zhang-jian.yaml", "titel", "不认识的字段“titel”，是否应为“title”？"),
    ]


# new documents and templates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "kind", "file"),
    [
        ("gbt9704-bulletin", "bulletin", "bulletin.yaml"),
        ("gbt9704-report", "report", "report.yaml"),
        ("gbt9704-minutes", "minutes", "minutes.yaml"),
        ("templates/house", "bulletin", "bulletin.yaml"),
    ],
)
def test_a_document_starts_from_a_template(
    client: Client, workspace: Path, template: str, kind: str, file: str
) -> None:
    name = f"新-{kind}-{template.replace('/', '-')}"
    state = client.json("POST", "/api/docs", {"name": name, "template": template})
    assert (state["kind"], state["head"]["file"]) == (kind, file)
    assert (workspace / name / file).is_file()
    if template.startswith("templates/"):
        assert (
            state["command"]
            == f"reportkit build {name} -o dist --format docx,pdf --template {template}"
        )
        assert f"{name}: {template}" in (workspace / "workspace.yaml").read_text("utf-8")
    shown = client.json("GET", f"/api/docs/{name}/preview")
    if kind == "bulletin":  # no articles yet
        assert [p["text"] for p in shown["problems"]] == [
            f"{name}/bulletin.yaml: 文章: 错误：没有列出文章（articles），articles/ 文件夹里也没有稿件"
        ]
    else:
        assert shown["ok"], shown["problems"]
    shutil.rmtree(workspace / name)


@pytest.mark.parametrize(
    ("name", "status", "message"),
    [
        ("seed", 409, "工作台里已经有“seed”，请换一个名字"),
        ("../x", 400, "文件夹的名字里不能有“/”"),
        (".hidden", 400, "文件夹的名字不能以“.”开头或结尾"),
        ("..", 400, "文件夹的名字不能以“.”开头或结尾"),
        ("第5期.", 400, "文件夹的名字不能以“.”开头或结尾"),
        ("", 400, "请写文件夹的名字"),
        ("长" * 61, 400, "文件夹的名字太长（61 字），最多 60 字"),
    ],
)
def test_a_new_document_s_name_is_checked(
    client: Client, name: str, status: int, message: str
) -> None:
    found = client.json(
        "POST", "/api/docs", {"name": name, "template": "gbt9704-bulletin"}, status=status
    )
    assert found == {"error": message}


def test_a_template_edited_while_the_server_runs_is_read_again(
    client: Client, workspace: Path
) -> None:
    client.json("POST", "/api/docs", {"name": "house", "template": "templates/house"})
    try:
        client.json("POST", "/api/docs/house/drafts?name=赵磊.txt", raw=DRAFT.encode())
        assert 'fill="#C00000"' in client.json("GET", "/api/docs/house/preview")["pages"][0]["svg"]
        file = workspace / "templates/house/template.yaml"
        file.write_text(TEMPLATE.replace("#C00000", "#990000"), "utf-8")
        svg = client.json("GET", "/api/docs/house/preview")["pages"][0]["svg"]
        assert 'fill="#990000"' in svg and "#C00000" not in svg
    finally:
        (workspace / "templates/house/template.yaml").write_text(TEMPLATE, "utf-8")
        shutil.rmtree(workspace / "house")
        (workspace / "workspace.yaml").unlink()


# downloads -----------------------------------------------------------------------------------------


def test_downloads_are_what_build_writes(client: Client, workspace: Path, tmp_path: Path) -> None:
    files = {}
    for formats in ("docx", "pdf", "both"):
        ready = client.json("POST", "/api/docs/seed/download", {"formats": formats})
        code, headers, data = client.send("GET", ready["url"])
        assert code == 200
        files[formats] = (headers, data)
    headers, docx = files["docx"]
    assert headers["content-disposition"] == (
        "attachment; filename=\"download.docx\"; filename*=UTF-8''seed.docx"
    )
    assert docx == (workspace / "dist/seed.docx").read_bytes()
    (tmp_path / "seed.docx").write_bytes(docx)
    assert "对标先进，全力打造“蓼河数谷”" in docx_text(tmp_path / "seed.docx")
    headers, pdf = files["pdf"]
    assert headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        assert len(opened.pages) == 8
        assert "第3期" in opened.pages[0].extract_text()
    headers, both = files["both"]
    assert headers["content-type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(both)).namelist() == ["seed.docx", "seed.pdf"]
    # what the command line builds from the same folder
    result = cli("build", workspace / "seed", "-o", tmp_path / "cli", "--format", "docx")
    assert result.exit_code == 0
    assert (tmp_path / "cli/seed.docx").read_bytes() == docx


def test_a_batch_downloads_together_and_names_what_failed(client: Client, workspace: Path) -> None:
    file = workspace / "report/report.yaml"
    before = file.read_bytes()
    found = client.json("POST", "/api/batch", {"docs": ["seed", "report"], "formats": "docx"})
    assert [(r["doc"], r["status"]) for r in found["results"]] == [
        ("seed", "built"),
        ("report", "built"),
    ]
    code, _, data = client.send("GET", found["url"])
    assert code == 200
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == ["seed/seed.docx", "report/report.docx"]
    try:
        file.write_bytes(before.replace(b"addressee:", b"adressee:"))
        found = client.json("POST", "/api/batch", {"docs": ["seed", "report"], "formats": "pdf"})
    finally:
        file.write_bytes(before)
    assert found["results"][1]["status"] == "failed"
    assert found["results"][1]["errors"] == [
        "report/report.yaml:3: 主送机关: 错误：缺少必填字段“主送机关”",
        "report/report.yaml:9: adressee: 错误：不认识的字段“adressee”，是否应为“addressee”？",
    ]
    code, _, data = client.send("GET", found["url"])
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == ["seed/seed.pdf"]


def _replaced(docx: bytes, part: str, old: str, new: str) -> bytes:
    """``docx`` with ``old`` written as ``new`` in one of its parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                content = content.replace(old.encode(), new.encode())
            target.writestr(info, content)
    return out.getvalue()


def test_a_word_file_is_checked_as_reportkit_check_does(client: Client, tmp_path: Path) -> None:
    built = tmp_path / "built"
    outcome = build.build(REPO / "sources/changsha-report", build.Options(built))
    assert outcome.error is None
    data = (built / "changsha-report.docx").read_bytes()
    found = client.json("POST", "/api/check?name=报告.docx", raw=data)
    assert found["ok"] and (found["errors"], found["findings"]) == (0, [])
    assert found["heading"].startswith("报告.docx（报告，按模板 gbt9704-report 检查")
    # a body face changed as a clerk would: named, at its paragraph, as the command says
    doctored = _replaced(data, "word/styles.xml", "仿宋_GB2312", "宋体")
    found = client.json("POST", "/api/check?name=报告.docx", raw=doctored)
    assert found["ok"] and found["errors"] > 0
    assert all(f["text"].startswith("报告.docx") or "段" in f["text"] for f in found["findings"])
    assert any(f["severity"] == "error" and "字体" in f["text"] for f in found["findings"])
    refused = client.json("POST", "/api/check?name=x.docx", raw=b"PK\x03\x04")
    assert not refused["ok"]
    assert refused["message"] == "x.docx: 错误：无法读取：文件已损坏，或不是 Word 文档（.docx）"


def test_a_document_whose_file_cannot_be_read_says_why(client: Client, workspace: Path) -> None:
    (workspace / "broken").mkdir()
    (workspace / "broken/bulletin.yaml").write_text("masthead:\n  name: [学习简报\n", "utf-8")
    try:
        state = client.json("GET", "/api/docs/broken")
        assert "cards" not in state and "etag" not in state["head"]
        assert [p["file"] for p in state["broken"]] == ["bulletin.yaml"]
        assert state["broken"][0]["text"].startswith("broken/bulletin.yaml:")
        shown = client.json("GET", "/api/docs/broken/preview")
        assert not shown["ok"]
        assert [p["text"] for p in shown["problems"]] == [p["text"] for p in state["broken"]]
    finally:
        shutil.rmtree(workspace / "broken")


def test_the_command_names_what_stops_it(tmp_path: Path) -> None:
    result = cli("serve", tmp_path / "没有", "--no-browser")
    assert (result.exit_code, result.stderr) == (1, f"错误：找不到文件夹“{tmp_path / '没有'}”\n")
    taken = server.listen(0)
    try:
        port = taken.getsockname()[1]
        result = cli("serve", tmp_path, "--port", str(port), "--no-browser")
    finally:
        taken.close()
    assert (result.exit_code, result.stderr) == (
        1,
        f"错误：无法使用端口 {port}（已被其他程序占用）：请用 --port 换一个端口\n",
    )


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        (
            "第5期/bulletin.yaml:4: masthead.issue: 错误：“issue”（期号）应为整数，例如 3，而不是“五”",
            "第5期/bulletin.yaml:4: 报头 › 期号: 错误：“期号”应为整数，例如 3，而不是“五”",
        ),
        (
            "第5期/articles/a.yaml:9: sections[0].points[1].text: 错误：缺少必填字段“text”（正文）",
            "第5期/articles/a.yaml:9: 小节 1 › 要点 2 › 正文: 错误：缺少必填字段“正文”",
        ),
        (
            "第5期/drafts/孙明.md:5: 标点: 警告：半角逗号“,”已改为全角“，”",
            "第5期/drafts/孙明.md:5: 标点: 警告：半角逗号“,”已改为全角“，”",
        ),
        (  # a key the clerk misspelt is named as written, with the key it may mean
            "r/report.yaml:9: adressee: 错误：不认识的字段“adressee”，是否应为“addressee”？",
            "r/report.yaml:9: adressee: 错误：不认识的字段“adressee”，是否应为“addressee”？",
        ),
        ("x.docx: 错误：文件是空的", "x.docx: 错误：文件是空的"),
    ],
    ids=["head field", "article field", "chinese field", "unknown key", "no field"],
)
def test_the_page_names_fields_by_the_form_s_labels(said: str, shown: str) -> None:
    assert wording.line(said) == shown


def test_the_form_s_labels_say_whose_name_and_attendance_is_typed_one_a_line() -> None:
    bulletin = {tuple(f["path"]): f for f in head_form("bulletin")[0]["fields"]}
    assert bulletin[("masthead", "name")]["label"] == "简报名称"
    report = {tuple(f["path"]): f for f in head_form("report")}
    signature = {tuple(f["path"]): f["label"] for f in report[("signature",)]["fields"]}
    assert signature == {
        ("signature", "name"): "署名",
        ("signature", "date"): "日期",
        ("signature", "seal"): "印章",
    }
    minutes = {tuple(f["path"]): f for f in head_form("minutes")}
    attendance = [
        (f["path"][-1], f["label"], f["type"]) for f in minutes[("attendance",)]["fields"]
    ]
    assert attendance == [
        ("present", "出席", "lines"),
        ("absent", "请假", "lines"),
        ("attending", "列席", "lines"),
    ]
