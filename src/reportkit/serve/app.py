"""The workspace server's routes: the page, its API (documents, fields, drafts, the preview,
downloads) and the fonts and pictures the preview draws with.  Each request's work runs under
the workspace's lock; every problem goes back as the command line says it."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from reportkit.errors import Location, Problem, ReportkitError
from reportkit.render.pdf.fonts import registered_file
from reportkit.serve import articles, checking, editing, fields, outputs, preview, wording
from reportkit.serve.form import head_form
from reportkit.serve.safety import Guard, Refused, read_body
from reportkit.serve.workspace import (
    Doc,
    Workspace,
    command,
    create,
    document,
    documents,
    templates,
)
from reportkit.source.drafts.read import SUFFIXES as DRAFT_SUFFIXES
from reportkit.source.kinds import KINDS
from reportkit.source.validation import LABELS

STATIC = Path(__file__).resolve().parent / "static"
MAX_UPLOAD = 50 * 1024 * 1024  # a Word draft with photos; import reads drafts up to this
MAX_JSON = 1024 * 1024  # an edit: one field's text
FORMATS = {"docx": ("docx",), "pdf": ("pdf",), "both": ("docx", "pdf")}


def create_app(ws: Workspace, token: str) -> Guard:
    """The workspace server for ``ws``; only requests bearing ``token`` are served."""
    api = _Api(ws, token)
    routes = [
        Route("/", api.index),
        Route("/static/{name}", api.static),
        Route("/fonts/{name}", api.font),
        Route("/api/workspace", api.workspace),
        Route("/api/docs", api.create, methods=["POST"]),
        Route("/api/docs/{doc}", api.state),
        Route("/api/docs/{doc}/edit", api.edit, methods=["POST"]),
        Route("/api/docs/{doc}/drafts", api.drafts, methods=["POST"]),
        Route("/api/docs/{doc}/order", api.order, methods=["POST"]),
        Route("/api/docs/{doc}/remove", api.remove, methods=["POST"]),
        Route("/api/docs/{doc}/preview", api.preview),
        Route("/api/docs/{doc}/thumb", api.thumb),
        Route("/api/docs/{doc}/download", api.download, methods=["POST"]),
        Route("/api/batch", api.batch, methods=["POST"]),
        Route("/api/files/{key}", api.file),
        Route("/api/pictures/{key}", api.picture),
        Route("/api/check", api.check, methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={Refused: _refused})
    return Guard(app, token)


async def _refused(request: Request, exc: Exception) -> Response:
    """A request refused before its work starts (its body too large, or not JSON)."""
    assert isinstance(exc, Refused)
    return JSONResponse({"error": exc.message}, status_code=exc.status)


class _Api:
    """The handlers, each bound to one workspace."""

    def __init__(self, ws: Workspace, token: str):
        self.ws = ws
        self.token = token

    async def _run(self, work: Callable[[], Any]) -> Response:
        """``work`` in a worker thread under the workspace's lock; its refusals and the
        problems it meets as JSON."""

        def locked() -> Any:
            with self.ws.lock:
                return work()

        try:
            result = await run_in_threadpool(locked)
        except Refused as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        except ReportkitError as exc:
            return JSONResponse(
                {"error": "有问题，没有完成", "problems": self.problems(exc.problems, None)},
                status_code=422,
            )
        except Exception as exc:  # a bug: the clerk is told to report it, the console has it
            traceback.print_exc(file=sys.stderr)
            message = f"reportkit 内部错误（{type(exc).__name__}），请报告；详细信息在运行 reportkit serve 的窗口里"
            return JSONResponse({"error": message}, status_code=500)
        return result if isinstance(result, Response) else JSONResponse(result)

    def problems(self, found: list[Problem], doc: Doc | None) -> list[dict[str, Any]]:
        """Problems as the page shows them: the command line's text, with the file relative
        to the document (to place each beside its field) and to the workspace (to show)."""
        out = []
        for problem in found:
            file = None
            if doc is not None:
                try:
                    file = problem.location.file.resolve().relative_to(doc.folder).as_posix()
                except (ValueError, OSError):
                    file = None
            out.append(
                {
                    "file": file,
                    "line": problem.location.line,
                    "field": problem.field,
                    "message": wording.message(problem.message),
                    "warning": problem.warning,
                    "text": self.shown(str(problem)),
                }
            )
        return out

    def shown(self, text: str) -> str:
        """A message with the workspace's own folder left out of its paths, its fields named
        as the form names them."""
        return wording.line(text.replace(f"{self.ws.root}/", ""))

    # the page -----------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        page = (STATIC / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(
            page.replace("{{token}}", self.token), headers={"cache-control": "no-store"}
        )

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        known = {p.name: p for p in STATIC.iterdir() if p.suffix in (".js", ".css")}
        if name not in known:
            return JSONResponse({"error": "没有这个文件"}, status_code=404)
        return FileResponse(known[name], headers={"cache-control": "no-cache"})

    async def font(self, request: Request) -> Response:
        path = registered_file(request.path_params["name"])
        if path is None:
            return JSONResponse({"error": "没有这个字体"}, status_code=404)
        return FileResponse(
            path, media_type="font/ttf", headers={"cache-control": "max-age=86400, immutable"}
        )

    # documents -------------------------------------------------------------------------------

    async def workspace(self, request: Request) -> Response:
        def work() -> Any:
            return {
                "folder": str(self.ws.root),
                "docs": [_listed(d) for d in documents(self.ws)],
                "templates": templates(self.ws),
                "labels": LABELS,
                "draft_suffixes": list(DRAFT_SUFFIXES),  # what import reads
            }

        return await self._run(work)

    async def create(self, request: Request) -> Response:
        body = await self._json(request)

        def work() -> Any:
            doc = create(self.ws, str(body.get("name", "")), str(body.get("template", "")))
            return self._state(doc)

        return await self._run(work)

    async def state(self, request: Request) -> Response:
        name = request.path_params["doc"]
        return await self._run(lambda: self._state(document(self.ws, name)))

    def _state(self, doc: Doc) -> dict[str, Any]:
        out: dict[str, Any] = {
            **_listed(doc),
            "command": command(doc),
            "form": head_form(doc.kind),
            "head": {"file": doc.file.name},
        }
        try:
            data, _, version = editing.read(doc.file)
            out["head"] |= {"etag": version, "data": editing.as_json(data)}
            out["cards"] = articles.cards(doc)
        except ReportkitError as exc:
            out["broken"] = self.problems(exc.problems, doc)
        return out

    # fields ------------------------------------------------------------------------------------

    async def edit(self, request: Request) -> Response:
        """Check one field as typed (and save it when asked): the messages of the file it is
        in, as ``validate`` gives them."""
        body = await self._json(request)
        name = request.path_params["doc"]

        def work() -> Any:
            doc = document(self.ws, name)
            done = fields.edit(
                doc,
                str(body.get("file", "")),
                _path(body.get("path")),
                body.get("value"),
                body.get("type"),
                bool(body.get("save")),
                str(body.get("etag", "")),
            )
            problems = self.problems(done.problems, doc)
            return {"saved": done.saved, "etag": done.etag, "problems": problems}

        return await self._run(work)

    # drafts and articles ---------------------------------------------------------------------

    async def drafts(self, request: Request) -> Response:
        name = request.path_params["doc"]
        headers = {k.lower(): v for k, v in request.headers.items()}
        data = await self._body(request, headers, MAX_UPLOAD, "稿件")
        file_name = request.query_params.get("name", "")
        replace = request.query_params.get("replace") or None

        def work() -> Any:
            doc = document(self.ws, name)
            added = articles.add_draft(doc, file_name, data, replace)
            return {
                "problems": self.problems(added["problems"], doc),
                "notes": self.problems(added["notes"], doc),
                "added": added.get("added", []),
                "state": self._state(doc),
            }

        return await self._run(work)

    async def order(self, request: Request) -> Response:
        body = await self._json(request)
        name = request.path_params["doc"]

        def work() -> Any:
            doc = document(self.ws, name)
            order = [str(ref) for ref in body.get("order") or []]
            articles.reorder(doc, order, str(body.get("etag", "")))
            return self._state(doc)

        return await self._run(work)

    async def remove(self, request: Request) -> Response:
        body = await self._json(request)
        name = request.path_params["doc"]

        def work() -> Any:
            doc = document(self.ws, name)
            articles.remove(doc, str(body.get("ref", "")), str(body.get("etag", "")))
            return self._state(doc)

        return await self._run(work)

    async def thumb(self, request: Request) -> Response:
        """A photo of a card, small, turned as its EXIF says."""
        name = request.path_params["doc"]
        file = request.query_params.get("file", "")
        image = request.query_params.get("image", "")

        def work() -> Any:
            found = articles.thumbnail(document(self.ws, name), file, image)
            return Response(found, media_type="image/png")

        return await self._run(work)

    # the preview -----------------------------------------------------------------------------

    async def preview(self, request: Request) -> Response:
        name = request.path_params["doc"]
        first = request.query_params.get("first") == "1"

        def work() -> Any:
            doc = document(self.ws, name)
            try:
                laid = preview.lay_out(self.ws, doc)
            except ReportkitError as exc:
                found = exc.problems or [Problem(Location(doc.file), "", str(exc))]
                return {"ok": False, "problems": self.problems(found, doc)}
            return {
                "ok": True,
                **preview.summary(laid),
                "pages": preview.pages(laid, doc.folder, first_only=first),
                "fonts": preview.fonts(laid),
                "warnings": self.problems(laid.warnings, doc),
            }

        return await self._run(work)

    async def picture(self, request: Request) -> Response:
        key = request.path_params["key"]
        found = preview.picture(self.ws, key)
        if found is None:
            return JSONResponse({"error": "没有这张图片"}, status_code=404)
        kind = "image/jpeg" if found.format == "JPEG" else "image/png"
        return Response(found.data, media_type=kind, headers={"cache-control": "max-age=3600"})

    # downloads ---------------------------------------------------------------------------------

    async def download(self, request: Request) -> Response:
        body = await self._json(request)
        name = request.path_params["doc"]
        formats = FORMATS.get(str(body.get("formats")), ("docx",))

        def work() -> Any:
            doc = document(self.ws, name)
            results = outputs.build(self.ws, [doc], formats)
            if results[0].status != "built":
                return {"ok": False, "errors": [self.shown(e) for e in results[0].errors]}
            zipped = f"{doc.name}.zip" if len(formats) > 1 else None
            key = outputs.ready(self.ws, results, [doc], zipped)
            return {"ok": True, "url": f"/api/files/{key}"}

        return await self._run(work)

    async def batch(self, request: Request) -> Response:
        body = await self._json(request)
        formats = FORMATS.get(str(body.get("formats")), ("docx", "pdf"))

        def work() -> Any:
            docs = [document(self.ws, str(n)) for n in body.get("docs") or []]
            if not docs:
                raise Refused(400, "请先勾选要生成的材料")
            results = outputs.build(self.ws, docs, formats)
            built = [(d, r) for d, r in zip(docs, results, strict=True) if r.status == "built"]
            listed = [
                {
                    "doc": d.name,
                    "status": r.status,
                    "pages": r.pages,
                    "errors": [self.shown(e) for e in r.errors],
                }
                for d, r in zip(docs, results, strict=True)
            ]
            if not built:
                return {"ok": False, "results": listed}
            key = outputs.ready(
                self.ws, [r for _, r in built], [d for d, _ in built], "批量生成.zip", folders=True
            )
            return {"ok": True, "results": listed, "url": f"/api/files/{key}"}

        return await self._run(work)

    async def file(self, request: Request) -> Response:
        found = outputs.fetch(self.ws, request.path_params["key"])
        if found is None:
            return JSONResponse({"error": "这个下载已经过期，请重新生成"}, status_code=404)
        disposition = f"attachment; filename=\"download{Path(found.name).suffix}\"; filename*=UTF-8''{quote(found.name)}"
        return Response(
            found.data,
            media_type=found.media_type,
            headers={"content-disposition": disposition, "cache-control": "no-store"},
        )

    async def check(self, request: Request) -> Response:
        headers = {k.lower(): v for k, v in request.headers.items()}
        data = await self._body(request, headers, MAX_UPLOAD, "文件")
        file_name = request.query_params.get("name", "")
        return await self._run(lambda: checking.check(self.ws, file_name, data))

    # request bodies ----------------------------------------------------------------------------

    async def _body(
        self, request: Request, headers: dict[str, str], limit: int, what: str
    ) -> bytes:
        return await read_body(request.receive, headers, limit, what)

    async def _json(self, request: Request) -> dict[str, Any]:
        import json

        headers = {k.lower(): v for k, v in request.headers.items()}
        raw = await self._body(request, headers, MAX_JSON, "请求")
        try:
            found = json.loads(raw or b"{}")
        except ValueError:
            found = None
        if not isinstance(found, dict):
            raise Refused(400, "请求的内容不对")
        return found


def _listed(doc: Doc) -> dict[str, Any]:
    return {
        "name": doc.name,
        "kind": doc.kind,
        "kind_title": KINDS[doc.kind].title,
        "template": doc.template,
    }


def _path(value: Any) -> tuple[str | int, ...]:
    """A field path as the page sends it: names and list positions."""
    if not isinstance(value, list) or not value:
        raise Refused(400, "没有说要改哪一项")
    out: list[str | int] = []
    for part in value:
        if isinstance(part, bool) or not isinstance(part, str | int):
            raise Refused(400, "要改的项写法不对")
        out.append(part)
    return tuple(out)
