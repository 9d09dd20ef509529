"""The story desk's web application: a JSON API over a store and the timeline page.

Security by construction: assets and templates are read from the package once, at start-up,
so no request path ever names a file; uploads are parsed from a private temporary folder under
a name the server chooses; request bodies are limited in size; writes need the token when one
is set; the page's Content-Security-Policy allows nothing but this server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storyline import ingest
from storyline.ingest.files import SUFFIXES
from storyline.model import Document, InputError
from storyline.render import render
from storyline.render.jsonout import document_json, error_json
from storyline.store import EditError, EventFilter, IngestReport, Store, UnknownEvent
from storyline.web.config import DeskConfig
from storyline.web.limits import BodyLimit

_Result = TypeVar("_Result")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
UPLOAD_BODIES: dict[str, Any] = {
    "application/json": {
        "schema": {
            "description": "one record or a list: text (required), id, title, published (ISO, any precision), "
            "url, lang, outlet",
            "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}],
        }
    },
    "multipart/form-data": {
        "schema": {
            "type": "object",
            "description": f"files: {', '.join(sorted(SUFFIXES))}; the file name (cleaned) gives the id",
            "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
        }
    },
    "text/plain": {"schema": {"type": "string", "description": "one article, first line as title"}},
}
_CONTENT_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class Rename(BaseModel):
    title: str = Field(min_length=1, max_length=500)


class Hide(BaseModel):
    hidden: bool = True


class Redate(BaseModel):
    date: str = Field(description="ISO value at any precision: 2025, 2025-Q1, 2025-06, 2025-W11, 2025-06-04")
    mod: str | None = Field(default=None, description="start, mid, end or approx")


class Merge(BaseModel):
    other: str = Field(description="the event folded into this one")


class Split(BaseModel):
    mentions: list[str] = Field(min_length=1, description="mention keys (doc_id#index) to move out")


def _assets() -> dict[str, tuple[bytes, str]]:
    """Every static asset, read once: name → (content, media type)."""
    folder = resources.files("storyline.web").joinpath("static")
    assets = {}
    for entry in folder.iterdir():
        suffix = Path(entry.name).suffix
        if entry.is_file() and suffix in _CONTENT_TYPES:
            assets[entry.name] = (entry.read_bytes(), _CONTENT_TYPES[suffix])
    return assets


def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.web", "templates"), autoescape=True, auto_reload=False
    )


def create_app(config: DeskConfig) -> FastAPI:
    """The application for one story of one store."""
    store = Store(config.db_path, config.story)
    assets = _assets()
    templates = _templates()
    app = FastAPI(
        title="storyline story desk",
        description="A sourced timeline of one story: events, their sources, and the articles.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, limit=config.max_body)
    if config.allowed_hosts is not None:  # a DNS-rebinding page cannot pose as this server
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def guard_write(request: Request) -> None:
        """Changes come from this server's own page (or a non-browser client), with the token if set."""
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
            raise HTTPException(403, "changes are accepted only from this server's own page")
        if config.token is None:
            return
        given = request.headers.get("x-storyline-token") or request.headers.get("authorization", "")
        given = given.removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), config.token.encode()):
            raise HTTPException(401, "this server needs its token for changes (header X-Storyline-Token)")

    writes = [Depends(guard_write)]

    # -- page, assets, docs --------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        html = templates.get_template("index.html").render(
            story=config.story, token_required=bool(config.token), suffixes=",".join(sorted(SUFFIXES))
        )
        return HTMLResponse(html)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in assets:
            raise HTTPException(404)
        content, media_type = assets[name]
        return Response(content, media_type=media_type, headers={"Cache-Control": "no-cache"})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        """The OpenAPI description as a plain local page (Swagger UI would load from a CDN)."""
        html = templates.get_template("docs.html").render(spec=app.openapi())
        return HTMLResponse(html)

    # -- reading -------------------------------------------------------------------------
    @app.get(
        "/api/events",
        summary="Events in date order, filtered",
        description="Events in the order of `storyline build`: by date (a coarser date before the finer dates "
        "it contains), then the most salient first. `section` is the heading the page files an event under "
        "(its month, or a date coarser than a month itself). `from` and `to` keep the events whose date lies "
        "wholly inside the range: `from=2025-05-18&to=2025-05-20` lists 19 May, but neither May 2025 nor "
        "2025, whose events may lie outside it; `from=2025-05&to=2025-05` lists May 2025 and the days and "
        "weeks inside it.",
    )
    def list_events(
        date_from: Annotated[
            str | None, Query(alias="from", description="ISO date, any precision: events from its first day on")
        ] = None,
        date_to: Annotated[
            str | None, Query(alias="to", description="ISO date, any precision: events up to its last day")
        ] = None,
        status: Annotated[str | None, Query(description="occurred, planned, cancelled, denied, reported")] = None,
        participant: Annotated[str | None, Query(description="participant key or name")] = None,
        lang: Annotated[str | None, Query(description="language of a source: de, en")] = None,
        q: Annotated[str | None, Query(description="words in title, summary or participants")] = None,
        hidden: Annotated[bool, Query(description="include hidden events")] = False,
        background: Annotated[bool, Query(description="include background facts")] = True,
        limit: Annotated[int, Query(ge=1, le=2000)] = 500,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        where = EventFilter(date_from, date_to, status, participant, lang, q, hidden, background, limit, offset)
        try:
            rows = store.event_rows_json(where)
        except ValueError as error:
            raise HTTPException(422, str(error)) from error
        head = json.dumps({"story": config.story, "revision": store.revision()})[:-1]
        return Response(f'{head}, "events": {rows}}}', media_type="application/json")

    @app.get("/api/events/{event_id}", summary="One event with its sources and edits")
    def get_event(event_id: str) -> JSONResponse:
        try:
            return JSONResponse(store.event_detail(event_id))
        except KeyError:
            raise HTTPException(404, f"no event {event_id!r}") from None

    @app.get("/api/participants", summary="Participants of the visible events, most frequent first")
    def list_participants() -> JSONResponse:
        return JSONResponse(store.participants())

    @app.get("/api/documents", summary="The stored documents (metadata)")
    def list_documents() -> JSONResponse:
        return JSONResponse([document_json(doc) for doc in store.documents()])

    @app.get("/api/documents/{doc_id}", summary="One document with its time expressions marked")
    def get_document(doc_id: str) -> JSONResponse:
        try:
            doc = store.load_document(doc_id)
        except KeyError:
            raise HTTPException(404, f"no document {doc_id!r}") from None
        result = document_json(doc)
        result["text"] = doc.text
        result["timexes"] = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type.value, "value": t.value, "mod": t.mod}
            for t in doc.timexes
        ]
        result["segments"] = _marked_segments(doc)
        result["events"] = sorted(store.assigned_events(doc_id))
        return JSONResponse(result)

    @app.get("/api/timeline.json", summary="The timeline in the TimelineJS3 format")
    def timeline_js() -> Response:
        return Response(render(store.timeline(), "timelinejs"), media_type="application/json")

    @app.get("/api/edits", summary="Every stored edit, oldest first")
    def list_edits() -> JSONResponse:
        return JSONResponse(store.edits())

    # -- writing -------------------------------------------------------------------------
    @app.post(
        "/api/documents",
        dependencies=writes,
        summary="Add articles: a JSON record or list of records, or an uploaded file",
        description="Same formats and error rules as `storyline ingest`: unreadable inputs are listed under "
        "`errors`, the rest is stored; 422 when nothing could be read (or, with `strict`, when "
        "anything could not); 413 when the body exceeds the size limit.",
        openapi_extra={"requestBody": {"required": True, "content": UPLOAD_BODIES}},
    )
    async def add_documents(request: Request, strict: bool = False) -> JSONResponse:
        inputs = await _uploaded_inputs(request)
        with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
            paths = []
            for name, content, _ in inputs:
                path = Path(folder) / name
                path.write_bytes(content)
                paths.append(path)
            shown = {name: shown_as for name, _, shown_as in inputs}
            report: IngestReport = await run_in_threadpool(
                lambda: store.ingest(_as_uploaded(ingest.read_inputs(paths), shown))
            )
        status = 422 if report.read == 0 or (strict and report.errors) else 200
        return JSONResponse(_report_api(report), status_code=status)

    @app.delete("/api/documents/{doc_id}", dependencies=writes, status_code=204, summary="Retract a document")
    def delete_document(doc_id: str) -> Response:
        try:
            store.delete_document(doc_id)
        except KeyError:
            raise HTTPException(404, f"no document {doc_id!r}") from None
        return Response(status_code=204)

    def edited(event_id: str) -> JSONResponse:
        return JSONResponse(store.event_detail(event_id))

    @app.post("/api/events/{event_id}/rename", dependencies=writes, summary="Give an event a new title")
    def rename(event_id: str, body: Rename) -> JSONResponse:
        _edit(lambda: store.rename(event_id, body.title))
        return edited(event_id)

    @app.post("/api/events/{event_id}/hide", dependencies=writes, summary="Hide (or show again) an event")
    def hide(event_id: str, body: Hide) -> JSONResponse:
        _edit(lambda: store.hide(event_id, body.hidden))
        return edited(event_id)

    @app.post("/api/events/{event_id}/redate", dependencies=writes, summary="Give an event another date")
    def redate(event_id: str, body: Redate) -> JSONResponse:
        _edit(lambda: store.redate(event_id, body.date, body.mod))
        return edited(event_id)

    @app.post("/api/events/{event_id}/merge", dependencies=writes, summary="Fold another event into this one")
    def merge(event_id: str, body: Merge) -> JSONResponse:
        _edit(lambda: store.merge(event_id, body.other))
        return edited(event_id)

    @app.post("/api/events/{event_id}/split", dependencies=writes, summary="Move sources out into a new event")
    def split(event_id: str, body: Split) -> JSONResponse:
        new_id = _edit(lambda: store.split(event_id, body.mentions))
        return JSONResponse({"event": store.event_detail(event_id), "new": store.event_detail(new_id)})

    return app


def _edit(action: Callable[[], _Result]) -> _Result:
    """Run an edit and return what it returns; an unknown event is a 404, any other refused
    edit a 422."""
    try:
        return action()
    except UnknownEvent as error:
        raise HTTPException(404, str(error)) from None
    except EditError as error:
        raise HTTPException(422, str(error)) from None


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _safe_name(filename: str | None, content: bytes, default_suffix: str) -> str:
    """A file name for an upload: the client's base name, cleaned; never a path."""
    base = _SAFE_NAME.sub("_", Path((filename or "").replace("\\", "/")).name).strip("._")
    suffix = Path(base).suffix.lower() if base else default_suffix
    if suffix not in SUFFIXES:
        raise HTTPException(415, f"unsupported file type {suffix or '(none)'}; use {', '.join(sorted(SUFFIXES))}")
    stem = Path(base).stem if base else "web-" + hashlib.sha1(content).hexdigest()[:10]
    return stem[:80] + suffix


async def _uploaded_inputs(request: Request) -> list[tuple[str, bytes, str]]:
    """The request's articles as (file name, bytes, the name reports give it): uploaded files
    (by their names), or a JSON body as one file (``request``: its records are ``request:N``,
    whatever file name keeps their generated ids apart from other requests')."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        inputs = []
        for value in form.values():
            if not isinstance(value, str):
                content = await value.read()
                name = _safe_name(value.filename, content, ".txt")
                inputs.append((name, content, name))
        if not inputs:
            raise HTTPException(422, "no file in the form")
        names = [name for name, _, _ in inputs]
        if len(set(names)) != len(names):
            raise HTTPException(422, "two uploaded files have the same name")
        return inputs
    body = await request.body()
    if content_type.startswith("application/json"):
        try:
            records = json.loads(body)
        except ValueError as error:
            raise HTTPException(422, f"malformed JSON: {error}") from None
        records = records if isinstance(records, list) else [records]
        for record in records:
            if isinstance(record, dict) and not record.get("id") and isinstance(record.get("text"), str):
                record["id"] = "web-" + hashlib.sha1(record["text"].encode("utf-8")).hexdigest()[:10]
        content = json.dumps(records, ensure_ascii=False).encode("utf-8")
        return [(_safe_name(None, content, ".json"), content, "request")]
    if content_type.startswith("text/plain"):
        name = _safe_name(None, body, ".txt")
        return [(name, body, name)]
    raise HTTPException(415, "send application/json, text/plain or multipart/form-data")


def _as_uploaded(items: Iterable[Document | InputError], shown: dict[str, str]) -> Iterator[Document | InputError]:
    """Inputs named as ``shown`` names their files (a record keeps its ``:N``), never by the
    server's temporary folder; the same name uploaded again is so the same input to the store."""
    for item in items:
        name, colon, record = Path(item.source).name.partition(":")
        item.source = shown.get(name, name) + colon + record
        yield item


def _marked_segments(doc: Document) -> list[dict[str, Any]]:
    """The text cut into plain pieces and time expressions, for rendering without HTML."""
    segments: list[dict[str, Any]] = []
    position = 0
    for timex in sorted(doc.timexes, key=lambda t: t.start):
        if timex.start < position:
            continue  # overlapping expressions: keep the first
        if timex.start > position:
            segments.append({"text": doc.text[position : timex.start]})
        segments.append({"text": doc.text[timex.start : timex.end], "timex": timex.value, "type": timex.type.value})
        position = timex.end
    if position < len(doc.text):
        segments.append({"text": doc.text[position:]})
    return segments


def _report_api(report: IngestReport) -> dict[str, Any]:
    return {
        "added": report.added,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "notices": report.notices,
        "errors": [error_json(error) for error in report.errors],
    }
