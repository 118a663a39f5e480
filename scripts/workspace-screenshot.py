"""docs/workspace.png: the workspace with the seed bulletin loaded, as Debian's chromium shows
it (run from the repository with the dev extra installed: python scripts/workspace-screenshot.py)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from reportkit.serve import server  # noqa: E402 - after the source tree is on the path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS += ["--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as profile:
        folder = Path(work) / "简报"
        shutil.copytree(REPO / "sources/changsha", folder / "changsha")
        running = server.in_thread(folder)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch_persistent_context(
                    profile,
                    executable_path="/usr/bin/chromium",
                    headless=True,
                    args=ARGS,
                    viewport={"width": 1440, "height": 960},
                )
                page = browser.new_page()
                page.goto(running.address)
                page.wait_for_function(
                    "document.querySelector('#page-count').textContent === '共 8 页'"
                )
                page.evaluate("document.fonts.ready")
                page.locator("#cards .card summary").first.click()
                page.evaluate("document.querySelector('#editor').scrollTop = 560")
                page.wait_for_timeout(500)
                page.screenshot(path=str(REPO / "docs/workspace.png"))
                browser.close()
        finally:
            running.stop()


if __name__ == "__main__":
    main()
