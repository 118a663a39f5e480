"""The workspace in a real browser (Debian's chromium, driven by Playwright): a clerk makes a
bulletin from two drafts, reorders them, edits a field, sees the pages change and downloads
what build writes; a bad draft and a bad field show their messages on the page; a page is a
way into its part; a second tab never overwrites; another site on this machine gets nothing."""

from __future__ import annotations

import http.server
import io
import re
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from PIL import Image

from reportkit.serve import editing, server
from tests.helpers import REPO, docx_xml

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SECRET = "SECRET-9e2b"
TXT = "学习长沙经验　推动园区发展\n某某区商务局副局长　赵磊\n5月10日，我随团赴长沙学习。\n一、学习体会\n一是理念新。对方坚持产业先行。\n二是服务优。对方服务企业周到。\n"
BROKEN = "“坏稿件.docx”没有加入：第5期/drafts/坏稿件.docx: 错误：无法打开这个 Word 文件：文件已损坏，或不是 .docx。请在 Word 中打开后另存为 .docx 再试"

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(), reason="Debian's chromium is not installed")


def word_draft(path: Path) -> Path:
    """A Word draft with a photo and its caption."""
    document = docx.Document()
    document.add_paragraph("建设一流健康产业园")
    document.add_paragraph("某某区卫健局局长　钱芳")
    document.add_paragraph("4月15日，考察团参观了长沙健康产业园。")
    picture = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 120, 200)).save(picture, "PNG")
    picture.seek(0)
    document.add_picture(picture)
    document.add_paragraph("图为考察团参观健康产业园")
    document.add_paragraph("下一步，我们将加快健康产业园建设。")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty workspace beside a folder nothing may reach."""
    base = tmp_path_factory.mktemp("browser")
    (base / "outside").mkdir()
    (base / "outside/secret.yaml").write_text(f"title: {SECRET}\n", "utf-8")
    (base / "workspace").mkdir()
    return base / "workspace"


@pytest.fixture(scope="module")
def running(workspace: Path) -> Iterator[server.Running]:
    found = server.in_thread(workspace)
    yield found
    found.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless chromium for the module: Debian's, with a fresh profile, no network."""
    with sync_api.sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1400, "height": 900},
            accept_downloads=True,
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def page(browser: Any, running: server.Running) -> Any:
    """The workspace page, opened at the address the server prints."""
    opened = browser.new_page()
    opened.goto(running.address)
    opened.wait_for_selector("#empty:not([hidden])")
    return opened


def preview_text(page: Any) -> str:
    return str(page.evaluate("document.querySelector('#pages').textContent"))


def card_titles(page: Any) -> list[str]:
    return [t.inner_text() for t in page.query_selector_all("#cards .card .card-title strong")]


def test_a_clerk_makes_a_bulletin_from_two_drafts(
    page: Any, workspace: Path, tmp_path: Path
) -> None:
    page.click("#new-doc")
    page.select_option("#new-template", "gbt9704-bulletin")
    page.fill("#new-name", "第5期")
    page.click("#new-create")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '第5期'")
    page.wait_for_function(
        "document.querySelector('#page-count').textContent === '内容有误，还不能排版'"
    )
    drafts = [tmp_path / "赵磊.txt", word_draft(tmp_path / "钱芳.docx")]
    drafts[0].write_text(TXT, "utf-8")
    page.set_input_files("#draft-input", [str(p) for p in drafts])
    page.wait_for_function("document.querySelector('#page-count').textContent === '共 2 页'")
    assert page.inner_text("#upload-messages").split("\n") == [
        "已加入“赵磊.txt”：1 篇文章",
        "已加入“钱芳.docx”：1 篇文章",
    ]
    assert card_titles(page) == ["学习长沙经验　推动园区发展", "建设一流健康产业园"]
    counts = page.locator("#cards .card .counts").all_inner_texts()
    assert counts == ["1 节 · 2 个要点", "2 节 · 1 张照片"]
    # the second draft first, by dragging its card
    cards = page.locator("#cards .card")
    cards.nth(1).locator(".card-head").drag_to(cards.nth(0), target_position={"x": 60, "y": 4})
    page.wait_for_function(
        "document.querySelector('#cards .card-title strong').textContent === '建设一流健康产业园'"
    )
    # the pages follow once the order is saved (the cards move at the drop, before)
    page.wait_for_function(
        "document.querySelector('#pages').textContent.indexOf('建设一流健康产业园')"
        " < document.querySelector('#pages').textContent.indexOf('学习长沙经验')"
    )
    listed = (workspace / "第5期/bulletin.yaml").read_text("utf-8")
    assert listed.endswith("articles:\n- articles/钱芳.yaml\n- articles/赵磊.yaml\n")
    # a field of the form: the pages show it
    assert ">1</text>" in page.inner_html("#pages .page")
    issue = page.locator('input[name="masthead.issue"]')
    issue.fill("5")
    issue.press("Tab")
    page.wait_for_function("document.querySelector('#pages .page').innerHTML.includes('>5</text>')")
    # the downloads are what build writes
    count = page.inner_text("#page-count")
    with page.expect_download() as word:
        page.click("text=下载 Word（.docx）")
    word.value.save_as(tmp_path / "out.docx")
    with page.expect_download() as pdf:
        page.click("text=下载 PDF")
    pdf.value.save_as(tmp_path / "out.pdf")
    assert (word.value.suggested_filename, pdf.value.suggested_filename) == (
        "第5期.docx",
        "第5期.pdf",
    )
    assert (tmp_path / "out.docx").read_bytes() == (workspace / "dist/第5期.docx").read_bytes()
    text = "".join(t.text or "" for t in docx_xml(tmp_path / "out.docx").iter())
    assert "第5期" in text
    assert text.index("建设一流健康产业园") < text.index("学习长沙经验")
    assert "图为考察团参观健康产业园" in text
    media = [
        n for n in zipfile.ZipFile(tmp_path / "out.docx").namelist() if n.startswith("word/media/")
    ]
    assert len(media) == 1
    with pdfplumber.open(tmp_path / "out.pdf") as opened:
        assert count == f"共 {len(opened.pages)} 页"
        first = opened.pages[0].extract_text()
        assert "第5期" in first
        assert first.index("建设一流健康产业园") < first.index("学习长沙经验")
        assert sum(len(p.images) for p in opened.pages) == 1


def test_a_bad_draft_and_a_bad_field_show_their_messages(page: Any, tmp_path: Path) -> None:
    bad = tmp_path / "坏稿件.docx"
    bad.write_bytes(b"this is not a word file")
    page.set_input_files("#draft-input", [str(bad)])
    page.wait_for_function(
        "document.querySelector('#upload-messages').textContent.includes('坏稿件')"
    )
    assert page.inner_text("#upload-messages") == BROKEN
    assert len(card_titles(page)) == 2
    issue = page.locator('input[name="masthead.issue"]')
    message = page.locator('label.field:has(input[name="masthead.issue"]) .msg')
    issue.fill("五")
    page.wait_for_function(
        "document.querySelector('label.field:has(input[name=\"masthead.issue\"]) .msg').textContent"
    )
    assert message.inner_text() == "错误：“期号”应为整数，例如 3，而不是“五”"
    issue.press("Tab")  # saved as typed: the pages cannot be set, and say why
    page.wait_for_function(
        "document.querySelector('#page-count').textContent === '内容有误，下面是上次能排版时的样子'"
    )
    assert page.inner_text("#problems") == (
        "第5期/bulletin.yaml:4: 报头 › 期号: 错误：“期号”应为整数，例如 3，而不是“五”"
    )
    issue.fill("5")
    issue.press("Tab")
    page.wait_for_function("document.querySelector('#page-count').textContent === '共 2 页'")
    assert message.inner_text() == ""


def test_a_click_on_a_page_opens_its_part(page: Any) -> None:
    sheet = page.locator("#pages .page").first
    box = sheet.bounding_box()
    regions = page.evaluate(
        "fetch('/api/docs/' + encodeURIComponent('第5期') + '/preview')"
        ".then(r => r.json()).then(d => d.pages[0].regions)"
    )
    title = next(r for r in regions if r["path"] == ["title"])
    y = (title["top"] + title["bottom"]) / 2 / 841.89 * box["height"]
    sheet.click(position={"x": box["width"] / 2, "y": y})
    focused = page.evaluate(
        "[document.activeElement.name, document.activeElement.dataset.file,"
        " document.activeElement.value]"
    )
    assert focused == ["title", "articles/钱芳.yaml", "建设一流健康产业园"]


def test_a_second_tab_never_overwrites_the_first(
    browser: Any, page: Any, running: server.Running, workspace: Path
) -> None:
    other = browser.new_page()
    other.goto(f"http://127.0.0.1:{running.port}/#%E7%AC%AC5%E6%9C%9F")
    other.wait_for_function("document.querySelector('#doc-name').textContent === '第5期'")
    unit = 'input[name="masthead.unit"]'
    page.fill(unit, "某某区委办公室")
    page.press(unit, "Tab")
    page.wait_for_function(
        "document.querySelector('#pages .page').textContent.includes('某某区委办公室')"
    )
    other.fill(unit, "另一个单位")
    other.press(unit, "Tab")
    other.wait_for_selector("#banner:not([hidden])")
    assert other.inner_text("#banner-text") == editing.STALE
    assert "unit: 某某区委办公室" in (workspace / "第5期/bulletin.yaml").read_text("utf-8")
    other.click("#reload")
    # what this tab typed is still in its box, beside what the other saved, to choose from
    other.wait_for_selector(".kept")
    assert other.input_value(unit) == "另一个单位"
    assert other.inner_text("#banner-text") == (
        "已重新载入。你刚才输入但没有保存的 1 项还在框里（虚线框），"
        "请核对后点“保存我的输入”，或点“用已保存的”"
    )
    kept = other.locator(f"label.field:has({unit}) .kept")
    assert kept.inner_text().startswith("没有保存。另一个窗口保存的是“某某区委办公室”。")
    assert "unit: 某某区委办公室" in (workspace / "第5期/bulletin.yaml").read_text("utf-8")
    kept.locator("text=保存我的输入").click()
    other.wait_for_selector(".kept", state="detached")
    assert "unit: 另一个单位" in (workspace / "第5期/bulletin.yaml").read_text("utf-8")
    assert other.is_hidden("#banner")
    # the other way: the saved text chosen, nothing written
    page.reload()
    page.wait_for_function("document.querySelector('#page-count').textContent === '共 2 页'")
    page.fill(unit, "某某区委办公室")
    page.press(unit, "Tab")
    page.wait_for_function(
        "document.querySelector('#pages .page').textContent.includes('某某区委办公室')"
    )
    other.fill(unit, "第三个单位")
    other.press(unit, "Tab")
    other.wait_for_selector("#banner:not([hidden])")
    other.click("#reload")
    other.locator(f"label.field:has({unit}) .kept").locator("text=用已保存的").click()
    assert other.input_value(unit) == "某某区委办公室"
    assert other.query_selector(".kept") is None and other.is_hidden("#banner")
    assert "unit: 某某区委办公室" in (workspace / "第5期/bulletin.yaml").read_text("utf-8")
    other.close()


class _Site(http.server.BaseHTTPRequestHandler):
    """Another site on this machine: its page tries the workspace's API."""

    target = ""

    def do_GET(self) -> None:
        body = f"<!doctype html><title>x</title><script>window.target='{self.target}'</script>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


def test_another_site_on_this_machine_gets_nothing(
    browser: Any, page: Any, running: server.Running, workspace: Path
) -> None:
    # the workspace's own page cannot be led outside the folder either
    statuses = page.evaluate(
        """Promise.all([
          '/api/docs/..%2Foutside/preview', '/api/docs/%2E%2E/preview',
          '/api/docs/' + encodeURIComponent('第5期') + '/thumb?file=bulletin.yaml&image=../../outside/secret.yaml',
          '/static/..%2F..%2Foutside%2Fsecret.yaml',
        ].map(u => fetch(u).then(async r => [r.status, await r.text()])))"""
    )
    assert [s for s, _ in statuses] == [404, 404, 403, 404]
    assert not any(SECRET in text for _, text in statuses)
    _Site.target = f"http://127.0.0.1:{running.port}"
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    before = (workspace / "第5期/bulletin.yaml").read_bytes()
    try:
        visitor = browser.new_page()
        visitor.goto(f"http://127.0.0.1:{site.server_address[1]}/")
        found = visitor.evaluate(
            """async () => {
              const out = [];
              const edit = JSON.stringify({file: 'bulletin.yaml', path: ['masthead', 'unit'],
                value: '被改了', save: true, etag: ''});
              const doc = target + '/api/docs/' + encodeURIComponent('第5期');
              await fetch(doc + '/edit',
                {method: 'POST', body: edit, mode: 'no-cors', credentials: 'include'}).catch(() => 0);
              // a draft needs no version: only the session's token keeps it out
              await fetch(doc + '/drafts?name=x.txt', {method: 'POST', body: `标题\n某某局局长　某某\n正文。`,
                mode: 'no-cors', credentials: 'include'}).catch(() => 0);
              try { await fetch(target + '/api/workspace', {credentials: 'include'}); out.push('read'); }
              catch (e) { out.push('refused'); }
              return out;
            }"""
        )
        visitor.close()
    finally:
        site.shutdown()
        site.server_close()
        thread.join()
    assert found == ["refused"]
    assert (workspace / "第5期/bulletin.yaml").read_bytes() == before
    assert sorted(p.name for p in (workspace / "第5期/drafts").iterdir()) == [
        "赵磊.txt",
        "钱芳.docx",
    ]


def test_the_seed_in_the_workspace(
    browser: Any, running: server.Running, workspace: Path, tmp_path: Path
) -> None:
    shutil.copytree(REPO / "sources/changsha", workspace / "changsha")
    seed = browser.new_page()
    seed.goto(f"http://127.0.0.1:{running.port}/#changsha")
    seed.wait_for_function("document.querySelector('#page-count').textContent === '共 8 页'")
    assert seed.inner_text("#end-block") == "版记在第 8 页（末页）底部"
    assert card_titles(seed) == [
        "对标先进,全力打造“蓼河数谷”",
        "精准定位多措并举，强力实现产业升级",
        "建设国内一流健康产业园",
    ]
    seed.evaluate("document.fonts.ready")
    # every glyph drawn in a served font (none in the browser's own)
    loaded = seed.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    used = seed.evaluate(
        "[...new Set([...document.querySelectorAll('#pages text')].map(t => t.getAttribute('font-family')))]"
    )
    assert sorted(used) == sorted(f.strip('"') for f in loaded)
    seed.screenshot(path=str(tmp_path / "workspace.png"))
    with Image.open(tmp_path / "workspace.png") as shot:
        assert shot.size == (1400, 900)
    seed.close()


def test_the_page_opens_ready_and_every_field_is_named_in_chinese(page: Any) -> None:
    assert page.is_hidden("#loading") and page.is_enabled("#new-doc")
    page.evaluate("document.querySelectorAll('#cards details').forEach(d => d.open = true)")
    names = page.evaluate(
        """[...document.querySelectorAll('#editor [data-path]')]
          .filter(e => e.matches('input, textarea, select'))
          .map(e => [e.name, e.getAttribute('aria-label')
            || [...e.labels].map(l => l.querySelector('.label').textContent).join('')])"""
    )
    assert len(names) > 20
    assert [n for n in names if not n[1] or re.search("[A-Za-z]", n[1])] == []
    assert ["sections[0].points[0].caption", "小节 1 › 要点 1 › 说明文字"] in names
    assert ["masthead.name", "简报名称 *"] in names


def test_cards_move_by_button_and_their_heading_follows_the_title(
    page: Any, workspace: Path
) -> None:
    assert card_titles(page) == ["建设一流健康产业园", "学习长沙经验　推动园区发展"]
    cards = page.locator("#cards .card")
    assert cards.nth(0).locator("button.up").is_disabled()
    assert cards.nth(1).locator("button.down").is_disabled()
    cards.nth(1).locator("button.up").click()
    page.wait_for_function(
        "document.querySelector('#cards .card-title strong').textContent.startsWith('学习')"
    )
    listed = (workspace / "第5期/bulletin.yaml").read_text("utf-8")
    assert listed.endswith("articles:\n- articles/赵磊.yaml\n- articles/钱芳.yaml\n")
    # the focus stays on the card moved, now first: on its one button that still moves it
    focused = (
        "[document.activeElement.textContent, document.activeElement.closest('.card').dataset.ref]"
    )
    page.wait_for_function("document.activeElement.matches('#cards button')")
    assert page.evaluate(focused) == ["下移", "articles/赵磊.yaml"]
    title = page.locator('#cards .card >> nth=0 >> input[name="title"]')
    # a card open before the move is open after it
    assert page.evaluate("document.querySelector('#cards .card details').open")
    title.fill("学习长沙经验")
    title.press("Tab")
    page.wait_for_function(
        "document.querySelector('#cards .card-title strong').textContent === '学习长沙经验'"
    )


def test_a_word_file_is_checked_and_a_damaged_one_named_as_picked(
    page: Any, workspace: Path, tmp_path: Path
) -> None:
    page.click("#check summary")
    results = "#check-results"
    page.set_input_files("#check-input", str(workspace / "dist/第5期.docx"))
    page.wait_for_function(f"!document.querySelector('{results}').textContent.includes('正在检查')")
    said = page.inner_text(results)
    assert said.startswith("第5期.docx（简报，按模板 gbt9704-bulletin 检查")
    assert said.endswith("）：没有发现问题") and said.count("没有发现问题") == 1
    damaged = tmp_path / "坏.docx"
    damaged.write_bytes(b"PK\x03\x04")
    page.set_input_files("#check-input", str(damaged))
    page.wait_for_function(f"document.querySelector('{results}').textContent.includes('错误')")
    assert (
        page.inner_text(results) == "坏.docx: 错误：无法读取：文件已损坏，或不是 Word 文档（.docx）"
    )


def test_a_draft_s_notes_name_fields_in_the_form_s_words(page: Any, tmp_path: Path) -> None:
    document = docx.Document()
    for line in [
        "园区建设情况",
        "某某区发改局局长　孙明",
        "今年以来，园区建设加快推进。",
        "表1　主要指标",
    ]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    for i, row in enumerate([["指标", "数值"], ["企业数", "42"]]):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.save(tmp_path / "孙明.docx")
    page.set_input_files("#draft-input", [str(tmp_path / "孙明.docx")])
    page.wait_for_function(
        "document.querySelector('#upload-messages').textContent.includes('已加入')"
    )
    assert page.inner_text("#upload-messages").split("\n") == [
        "第5期/drafts/孙明.docx:4: 小标题: 警告：“表1　主要指标”当作小标题，请核对",
        "已加入“孙明.docx”：1 篇文章",
    ]
    note = page.locator("#cards .card").nth(2).locator(".notes")
    assert note.inner_text() == "请核对：小标题：“表1　主要指标”当作小标题，请核对"


def test_minutes_attendance_is_typed_one_a_line_and_a_batch_lists_its_reasons(
    page: Any, workspace: Path
) -> None:
    page.click("#new-doc")
    # the built-in templates by what they are, not by their folders' Latin names
    offered = page.locator("#new-template option").all_inner_texts()
    assert [t.split("：")[0] for t in offered] == ["简报", "纪要", "报告"]
    assert not any("gbt9704-" in t for t in offered)
    assert page.evaluate("document.querySelector('#new-dialog').offsetWidth") <= 640
    page.select_option("#new-template", "gbt9704-minutes")
    page.fill("#new-name", "纪要1")
    page.click("#new-create")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '纪要1'")
    page.wait_for_function("document.querySelector('#page-count').textContent === '共 2 页'")
    present = page.locator('textarea[name="attendance.present"]')
    assert present.input_value() == "（请填写）"
    present.fill("李明\n田雨")
    present.press("Tab")
    page.wait_for_function("document.querySelector('#pages').textContent.includes('田雨')")
    present.fill("")
    present.press("Tab")
    page.wait_for_function(
        "document.querySelector('#page-count').textContent.startsWith('内容有误')"
    )
    message = page.locator('label.field:has(textarea[name="attendance.present"]) .msg')
    assert message.inner_text() == "错误：缺少必填字段“出席”"
    problems = page.inner_text("#problems").split("\n")
    assert len(problems) == 1 and ": 出席情况 › 出席: 错误：" in problems[0]
    # the body: a new line in a paragraph's box starts the next, an emptied box goes
    page.locator("#cards .card summary").click()
    first = page.locator('#cards textarea[name="lead[0]"]')
    first.fill("会议听取了汇报。\n\n会议要求抓好落实。")
    first.press("Tab")
    page.wait_for_function("document.querySelectorAll('#cards textarea').length === 2")
    row = page.locator("#cards .card-body .group > .row").first
    assert row.locator(":scope > .label").inner_text() == "正文段落"
    assert page.get_attribute('#cards textarea[name="lead[1]"]', "aria-label") == "正文段落 2"
    assert page.locator("#cards textarea").evaluate_all("a => a.map(t => t.value)") == [
        "会议听取了汇报。",
        "会议要求抓好落实。",
    ]
    assert "lead:\n- 会议听取了汇报。\n- 会议要求抓好落实。\n" in (
        workspace / "纪要1/minutes.yaml"
    ).read_text("utf-8")
    second = page.locator('#cards textarea[name="lead[1]"]')
    second.fill("")
    second.press("Tab")
    page.wait_for_function("document.querySelectorAll('#cards textarea').length === 1")
    assert "lead:\n- 会议听取了汇报。\n" in (workspace / "纪要1/minutes.yaml").read_text("utf-8")
    page.click("#batch summary")
    page.check('#batch-docs input[value="纪要1"]')
    page.click("#batch-download")
    page.wait_for_selector("#batch-results .reasons")
    assert page.inner_text("#batch-results > li > ul").split("\n") == problems


def test_a_draft_dropped_beside_the_box_is_added_not_opened(page: Any) -> None:
    page.select_option("#doc-select", "第5期")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '第5期'")
    before = len(card_titles(page))
    prevented = page.evaluate(
        """() => {
          const files = new DataTransfer();
          files.items.add(new File(['拖来的稿件\\n某某区某局局长　张三\\n这是正文。\\n'], '张三.txt'));
          const drop = new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true});
          document.querySelector('#pages').dispatchEvent(drop);
          return drop.defaultPrevented;
        }"""
    )
    assert prevented  # the browser does not leave the workspace for the file
    page.wait_for_function(f"document.querySelectorAll('#cards .card').length === {before + 1}")
    assert card_titles(page)[-1] == "拖来的稿件"


def test_a_server_gone_is_said_in_chinese(page: Any) -> None:
    page.route("**/preview", lambda route: route.abort())
    try:
        page.evaluate("refreshPreview()")
        page.wait_for_function("document.querySelector('#problems').textContent !== ''")
        assert page.inner_text("#problems") == (
            "连不上 reportkit 工作台：请看运行 reportkit serve 的窗口是否还开着，再刷新这个页面"
        )
        assert page.is_hidden("#laying-out")
    finally:
        page.unroute("**/preview")
    page.evaluate("refreshPreview()")
    page.wait_for_function("document.querySelector('#problems').textContent === ''")


def test_a_replaced_card_is_named_and_an_address_opens_its_document(
    page: Any, tmp_path: Path
) -> None:
    page.select_option("#doc-select", "第5期")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '第5期'")
    titles = card_titles(page)
    draft = tmp_path / "周敏.txt"
    draft.write_text("换上的稿件\n某某区某局局长　周敏\n这是换上的正文。\n", "utf-8")
    page.locator("#cards .card").nth(1).locator(".card-actions input[type=file]").set_input_files(
        str(draft)
    )
    page.wait_for_function(
        "document.querySelector('#upload-messages').textContent.includes('周敏')"
    )
    assert page.inner_text("#upload-messages") == f"已用“周敏.txt”替换“{titles[1]}”：1 篇文章"
    assert card_titles(page) == [titles[0], "换上的稿件", *titles[2:]]
    page.evaluate("location.hash = '#' + encodeURIComponent('纪要1')")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '纪要1'")
    assert page.input_value("#doc-select") == "纪要1"


def test_a_field_left_for_a_download_is_in_the_file(page: Any, tmp_path: Path) -> None:
    page.select_option("#doc-select", "第5期")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '第5期'")
    unit = page.locator('input[name="masthead.unit"]')
    unit.fill("刚改的单位")  # no Tab: the click on the link leaves the field
    with page.expect_download() as word:
        page.click("text=下载 Word（.docx）")
    word.value.save_as(tmp_path / "out.docx")
    text = "".join(t.text or "" for t in docx_xml(tmp_path / "out.docx").iter())
    assert "刚改的单位" in text


def test_a_field_left_for_a_move_and_the_move_are_both_saved(page: Any, workspace: Path) -> None:
    page.select_option("#doc-select", "第5期")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '第5期'")
    first = card_titles(page)[0]
    page.locator('input[name="masthead.unit"]').fill("排队的单位")  # left by the click below
    page.locator("#cards .card").nth(0).locator("button.down").click()
    page.wait_for_function(
        f"document.querySelectorAll('#cards .card-title strong')[1].textContent === '{first}'"
    )
    page.wait_for_function(
        "document.querySelector('#pages .page').textContent.includes('排队的单位')"
    )
    assert page.is_hidden("#banner")
    assert "unit: 排队的单位" in (workspace / "第5期/bulletin.yaml").read_text("utf-8")


def test_a_draft_dropped_while_a_field_is_typed_in_keeps_the_typing(
    page: Any, workspace: Path
) -> None:
    page.select_option("#doc-select", "第5期")
    page.wait_for_function("document.querySelector('#doc-name').textContent === '第5期'")
    before = len(card_titles(page))
    page.locator('input[name="masthead.unit"]').fill("拖稿前打的单位")  # still in the field
    page.evaluate(
        """() => {
          const files = new DataTransfer();
          files.items.add(new File(['打字时拖来的稿件\\n某某区某局局长　李四\\n正文。\\n'], '李四.txt'));
          const drop = new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true});
          document.querySelector('#pages').dispatchEvent(drop);
        }"""
    )
    page.wait_for_function(f"document.querySelectorAll('#cards .card').length === {before + 1}")
    assert page.input_value('input[name="masthead.unit"]') == "拖稿前打的单位"
    assert "unit: 拖稿前打的单位" in (workspace / "第5期/bulletin.yaml").read_text("utf-8")
    assert page.is_hidden("#banner")
