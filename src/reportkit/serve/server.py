"""Running the workspace server: bound to this machine's loopback address only, a new token
each time it starts, the browser opened at the address that carries it."""

from __future__ import annotations

import contextlib
import errno
import secrets
import socket
import threading
import time
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reportkit.errors import ReportkitError, os_reason

if TYPE_CHECKING:
    from reportkit.serve.workspace import Workspace

HOST = "127.0.0.1"


class PortTaken(ReportkitError):
    """The port asked for cannot be listened on."""


def listen(port: int) -> socket.socket:
    """A socket listening on ``port`` of the loopback address (0: any free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # a port a server just left (its connections closing) can be listened on again at once
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # each answer sent at once (connections inherit it): asyncio sets this only on sockets it
    # makes itself, and without it every request on a kept-alive connection waits 40 ms
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((HOST, port))
        sock.listen(64)
    except OSError as exc:
        sock.close()
        reason = "已被其他程序占用" if exc.errno == errno.EADDRINUSE else os_reason(exc)
        raise PortTaken(f"无法使用端口 {port}（{reason}）：请用 --port 换一个端口") from None
    return sock


def serve(folder: Path, port: int, open_browser: bool, say: Callable[[str], None]) -> None:
    """Serve the workspace ``folder`` until interrupted."""
    import uvicorn

    from reportkit.serve.app import create_app
    from reportkit.serve.workspace import open_workspace

    token = secrets.token_urlsafe(24)
    sock = listen(port)
    address = f"http://{HOST}:{sock.getsockname()[1]}/?token={token}"
    ws = open_workspace(folder)
    app = create_app(ws, token)
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    say(f"reportkit 工作台：{address}")
    say(f"工作台文件夹：{folder.resolve()}（按 Ctrl+C 结束）")
    if open_browser:
        threading.Timer(0.3, _open, [address]).start()
    threading.Thread(target=_warm, args=[ws.lock], daemon=True).start()
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])


class Running(NamedTuple):
    """A workspace server running in a thread of this process (for tests and benchmarks)."""

    port: int
    token: str
    workspace: Workspace
    stop: Callable[[], None]

    @property
    def address(self) -> str:
        """The address that opens the workspace, token included."""
        return f"http://{HOST}:{self.port}/?token={self.token}"


def in_thread(folder: Path, port: int = 0) -> Running:
    """Serve ``folder`` from a thread of this process until ``stop`` is called."""
    import uvicorn

    from reportkit.serve.app import create_app
    from reportkit.serve.workspace import open_workspace

    token = secrets.token_urlsafe(24)
    sock = listen(port)
    ws = open_workspace(folder)
    config = uvicorn.Config(create_app(ws, token), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.01)

    def stop() -> None:
        server.should_exit = True
        thread.join()
        sock.close()

    return Running(sock.getsockname()[1], token, ws, stop)


def _open(address: str) -> None:
    with contextlib.suppress(webbrowser.Error):
        webbrowser.open(address)


def _warm(lock: threading.RLock) -> None:
    """Load the renderers and the built-in templates' fonts while the page opens, so that
    the first preview does not wait for them (the very first on a machine prepares fonts)."""
    from reportkit.render.pdf import writer
    from reportkit.source import model, validation
    from reportkit.source.kinds import KINDS
    from reportkit.template import profile, registry

    with lock:
        kinds = [kind.model for kind in KINDS.values()]  # every kind's module imported
        validation.prepare(model.Model, profile.Data, *kinds)
        with contextlib.suppress(ReportkitError):
            writer.warm(registry.load(registry.DEFAULT), {})
