"""What keeps the workspace server safe: only the workspace folder is read or written, only
this machine's browser tab that was given the session's token may use it, uploads are bounded."""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from reportkit.confine import within

TOKEN_HEADER = "x-reportkit-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_NAME = (
    60  # characters of a document's folder or an upload's name (a file system takes 255 bytes)
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Refused(Exception):
    """A request the workspace will not carry out: an HTTP status and why, in Chinese."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


OUTSIDE = "只能读写工作台文件夹里的文件"


def inside(root: Path, relative: str) -> Path:
    """``root / relative`` when it names a file or folder inside ``root``: no absolute path,
    no ``..``, no hidden name, no link leading out (Refused otherwise)."""
    if not isinstance(relative, str) or not relative or "\x00" in relative or "\\" in relative:
        raise Refused(403, OUTSIDE)
    parts = relative.split("/")
    if relative.startswith("/") or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        raise Refused(403, OUTSIDE)
    path = root.joinpath(*parts)
    if not within(path, [root]):
        raise Refused(403, OUTSIDE)
    return path


def folder_name(name: str) -> str:
    """``name`` when it can be a document's folder in the workspace: one plain name."""
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        raise Refused(400, "请写文件夹的名字")
    bad = next((c for c in name if c in '/\\:*?"<>|' or ord(c) < 32 or ord(c) == 127), None)
    if bad is not None:
        raise Refused(400, f"文件夹的名字里不能有“{repr(bad)[1:-1]}”")
    if name.startswith(".") or name.endswith("."):
        raise Refused(400, "文件夹的名字不能以“.”开头或结尾")
    if len(name) > MAX_NAME:
        raise Refused(400, f"文件夹的名字太长（{len(name)} 字），最多 {MAX_NAME} 字")
    return name


def upload_name(name: str) -> str:
    """The plain file name of an upload: without any folder it names, hidden dot or
    character a file name cannot have."""
    base = re.split(r"[\\/]", name or "")[-1].strip()
    base = "".join(c for c in base if ord(c) >= 32 and c not in ':*?"<>|')
    base = base.lstrip(".").strip() or "稿件.txt"
    stem, dot, suffix = base.rpartition(".")
    if len(base) > MAX_NAME:  # a file system takes 255 bytes; a Chinese character is three
        base = f"{stem[: MAX_NAME - len(suffix) - 1]}.{suffix}" if dot else base[:MAX_NAME]
    return base


class Guard:
    """ASGI middleware: a request is served only when it comes to this server by its own
    address (Host), from its own pages (Origin, Sec-Fetch-Site) and with the session's token
    (a cookie set when the address with ``?token=`` is opened); a change needs the token in a
    header too, which only the workspace's own page has."""

    def __init__(self, app: ASGIApp, token: str):
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            opened = self._check(scope)
        except Refused as exc:
            await _refuse(scope, send, exc)
            return
        if opened:  # the address the server printed: remember the token, show the page
            await _welcome(send, cookie(scope), self.token)
            return
        await self.app(scope, receive, send)

    def _check(self, scope: Scope) -> bool:
        """Refused unless the request may be served; True when it opens the workspace with
        the token in its address."""
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        hosts = allowed_hosts(scope)
        if headers.get("host", "") not in hosts:
            raise Refused(403, "只接受本机浏览器直接打开的工作台地址")
        origin = headers.get("origin")
        if origin is not None and origin not in {f"http://{host}" for host in hosts}:
            raise Refused(403, "拒绝来自其他网站的请求")
        if headers.get("sec-fetch-site", "none") not in ("same-origin", "none"):
            raise Refused(403, "拒绝来自其他网站的请求")
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [""])[0]
        if scope["method"] == "GET" and scope["path"] == "/" and given:
            if not self._same(given):
                raise Refused(403, "工作台地址中的口令不对：请用 reportkit serve 打印的地址打开")
            return True
        cookies = _cookies(headers.get("cookie", ""))
        if not self._same(cookies.get(cookie(scope), "")):
            raise Refused(403, "请用 reportkit serve 打印的地址（含口令）打开工作台")
        changes = scope["method"] in UNSAFE_METHODS
        if changes and (origin is None or not self._same(headers.get(TOKEN_HEADER, ""))):
            raise Refused(403, "修改须从工作台页面发出")
        return False

    def _same(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())


def allowed_hosts(scope: Scope) -> set[str]:
    """The Host values of this server: its loopback address and ``localhost``, with its port."""
    server = scope.get("server") or ("127.0.0.1", 80)
    port = server[1]
    names = ["127.0.0.1", "localhost"]
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts |= set(names)
    return hosts


def cookie(scope: Scope) -> str:
    """The session cookie's name: one per port (cookies do not tell ports apart)."""
    server = scope.get("server") or ("127.0.0.1", 80)
    return f"reportkit_{server[1]}"


def _cookies(header: str) -> dict[str, str]:
    found = {}
    for item in header.split(";"):
        name, _, value = item.strip().partition("=")
        found[name] = value
    return found


async def _welcome(send: Send, name: str, token: str) -> None:
    """Set the session cookie and go on to the workspace without the token in the address."""
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", b"/"),
                (
                    b"set-cookie",
                    f"{name}={token}; HttpOnly; SameSite=Strict; Path=/".encode("latin-1"),
                ),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


async def _refuse(scope: Scope, send: Send, exc: Refused) -> None:
    import json

    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": exc.message}, ensure_ascii=False).encode()
        kind = b"application/json"
    else:
        body = (
            '<!doctype html><meta charset="utf-8"><title>reportkit 工作台</title>'
            f"<p>{exc.message}</p>"
        ).encode()
        kind = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": exc.status,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def read_body(receive: Receive, headers: dict[str, str], limit: int, what: str) -> bytes:
    """The request's body, refused (413) when it is longer than ``limit`` bytes."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(413, too_large(what, int(declared), limit))
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise Refused(413, too_large(what, size, limit))
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def too_large(what: str, size: int, limit: int) -> str:
    """``稿件太大（超过 50 MB），最大 50 MB``."""
    return f"{what}太大（{_mb(size)}），最多 {_mb(limit)}"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"
