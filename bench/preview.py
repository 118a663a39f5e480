"""How soon the workspace shows a change: a warm `reportkit serve` on a copy of the seed, one
field edited (the issue number, saved through the page's own request), then the preview asked
for — the first page alone, and every page — over HTTP as the browser asks; medians of
``--runs``.  Beside it, typst compiling the same text in-process (a warm compiler, the text
changed before each compile), and the ratio.

Goals: the first page back within 150 ms of the edit, every page within 400 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import typst

from build_speed import typst_source
from common import REPO
from reportkit.fonts.locate import find
from reportkit.serve.server import in_thread

SEED = REPO / "sources/changsha"
FIRST_GOAL, FULL_GOAL = 0.150, 0.400


class Page:
    """The workspace page's requests: its session cookie, origin and token."""

    def __init__(self, port: int, token: str):
        self.connection = http.client.HTTPConnection("127.0.0.1", port)
        self.headers = {
            "Host": f"127.0.0.1:{port}",
            "Origin": f"http://127.0.0.1:{port}",
            "Cookie": f"reportkit_{port}={token}",
            "X-Reportkit-Token": token,
            "Content-Type": "application/json",
        }

    def ask(self, method: str, path: str, body: Any = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        self.connection.request(method, path, body=data, headers=self.headers)
        response = self.connection.getresponse()
        payload = response.read()
        if response.status != 200:
            raise SystemExit(f"{method} {path}: {response.status} {payload.decode()}")
        return json.loads(payload)


def edit_then_preview(page: Page, etag: str, issue: int, first: bool) -> tuple[float, str, Any]:
    """Seconds from sending the edit to having the preview; the file's new version."""
    start = time.perf_counter()
    saved = page.ask(
        "POST",
        "/api/docs/seed/edit",
        {
            "file": "bulletin.yaml",
            "path": ["masthead", "issue"],
            "value": str(issue),
            "type": "int",
            "etag": etag,
            "save": True,
        },
    )
    shown = page.ask("GET", "/api/docs/seed/preview" + ("?first=1" if first else ""))
    seconds = time.perf_counter() - start
    assert shown["ok"] and f">{issue}</text>" in shown["pages"][0]["svg"], "the edit is not shown"
    return seconds, saved["etag"], shown


def typst_times(work: Path, runs: int) -> list[float]:
    """Seconds of a warm in-process typst compiling the seed's text, changed each time."""
    source = typst_source(SEED)
    fonts = sorted({str(Path(find(f).file).parent) for f in ("FandolFang", "Liberation Serif")})
    path = work / "seed.typ"
    path.write_text(source, encoding="utf-8")
    compiler = typst.Compiler(str(path), font_paths=fonts, ignore_system_fonts=True)
    compiler.compile()
    times = []
    for n in range(runs):
        path.write_text(source.replace("第3期", f"第{n + 4}期"), encoding="utf-8")
        start = time.perf_counter()
        compiler.compile()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reportkit-preview-"))
    shutil.copytree(SEED, work / "seed")
    running = in_thread(work)
    page = Page(running.port, running.token)
    etag = page.ask("GET", "/api/docs/seed")["head"]["etag"]
    first, full = [], []
    issue = 3
    for n in range(args.runs + 2):  # two to warm up
        for wanted, times in ((True, first), (False, full)):
            issue += 1
            seconds, etag, shown = edit_then_preview(page, etag, issue, wanted)
            if n >= 2:
                times.append(seconds)
    pages = len(shown["pages"])
    running.stop()
    typst_median = statistics.median(typst_times(work, args.runs))
    shutil.rmtree(work)
    rows = [
        ("first page after an edit", statistics.median(first), FIRST_GOAL),
        (f"every page ({pages}) after an edit", statistics.median(full), FULL_GOAL),
    ]
    print(f"seed: sources/changsha in a warm workspace server; median of {args.runs} edits\n")
    for label, seconds, goal in rows:
        verdict = "met" if seconds <= goal else "NOT met"
        print(
            f"{label:<34} {seconds * 1000:6.1f} ms   goal ≤ {goal * 1000:.0f} ms  {verdict}   "
            f"{seconds / typst_median:4.2f} × typst"
        )
    print(
        f"{'typst compiling the same text':<34} {typst_median * 1000:6.1f} ms   (in-process, warm)"
    )


if __name__ == "__main__":
    main()
