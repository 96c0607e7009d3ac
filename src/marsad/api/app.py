"""The marsad web app: the REST API under /api, the analyst UI at /, the schema at /openapi.json."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import Scope

from marsad.api import docs, errors
from marsad.api.acled import router as acled_router
from marsad.api.auth import require_reader, user_for_header
from marsad.api.middleware import LimitAndHeaders
from marsad.api.read import router as read_router
from marsad.api.review import router as review_router
from marsad.api.schemas import CountryInfo, Me, Meta
from marsad.api.settings import ApiSettings
from marsad.api.sources import router as sources_router
from marsad.api.taxonomy import EVENT_TYPES
from marsad.store import Store, codebook
from marsad.store.acled_codes import INTER_LABELS
from marsad.store.types import EDITABLE_FIELDS, REVIEW_STATUSES, SORT_FIELDS, EventFilter

STATIC_DIR = Path(str(files("marsad.web").joinpath("static")))


def _version() -> str:
    try:
        return metadata.version("marsad")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "0.0.0"


def create_app(settings: ApiSettings | None = None, *, store: Store | None = None) -> FastAPI:
    """Build the app. `store` may be passed in (tests); otherwise one is opened on
    `settings.database_url` (migrated to head) and closed at shutdown."""
    settings = settings or ApiSettings()
    tokens = settings.token_table()
    own_store = store is None
    store = store or Store(settings.database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        yield
        if own_store:
            store.close()

    app = FastAPI(
        title="marsad",
        version=_version(),
        summary="Events of political violence coded from Arabic news reports, ACLED-style.",
        description=(
            "Read events, the reports behind them with their evidence, actors, places and "
            "statistics; review (confirm, edit, reject, merge, split) with an audit trail. "
            "Write endpoints need `Authorization: Bearer <token>`.\n\n"
            "Query parameters are strict: an unknown one is a 422 that names it. A repeated parameter "
            "(`country=Syria&country=Iraq`) means any of the values. Enumerations (event_type, "
            "sub_event_type, disorder_type, status, origin) match in any case. `inter1`, `inter2` and "
            "`interaction` are integers (ACLED's numeric codes: interaction = the two inter codes, "
            "lower first, or the code and 0 for a one-sided event). Every 422 lists each bad "
            "parameter or field in `errors` as `{field, reason}`.\n\n"
            "Incremental sync: `/api/events?updated_since=T` gives events added or changed since T, "
            "`/api/deletions?since=T` the ids rejected or merged since T."
        ),
        # FastAPI's own docs pages load their scripts from a CDN: off; marsad.api.docs serves
        # Swagger UI from a package instead.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.tokens = tokens
    app.state.store = store
    errors.install(app)
    strict = [Depends(errors.reject_unknown_params)]

    def authorized(scope: Scope) -> bool:
        header = dict(scope.get("headers", [])).get(b"authorization")
        return user_for_header(tokens, header.decode("latin-1") if header else None) is not None

    app.add_middleware(LimitAndHeaders, max_bytes=settings.max_request_bytes, authorized=authorized)

    @app.get("/api/health", tags=["meta"], summary="Liveness: the database answers", dependencies=strict)
    def health() -> dict[str, str]:
        store.count_events(EventFilter(limit=1))
        return {"status": "ok"}

    @app.get("/api/meta", response_model=Meta, tags=["meta"], dependencies=[Depends(require_reader), *strict])
    def meta() -> Meta:
        """What clients build their forms from: sort keys, editable fields, the code lists of
        CODING.md and the countries of the knowledge base."""
        return Meta(
            disorder_types=list(codebook.DISORDERS),
            inter_codes={str(k): v for k, v in INTER_LABELS.items()},
            interactions=list(codebook.INTERACTIONS),
            review_statuses=list(REVIEW_STATUSES),
            countries=[
                CountryInfo(name=c.name, iso=c.iso, iso3=c.iso3, region=c.region, arabic=c.arabic[0])
                for c in codebook.countries()
            ],
            version=app.version,
            public_read=settings.public_read,
            sort_fields=list(SORT_FIELDS),
            editable_fields=list(EDITABLE_FIELDS),
            event_types=EVENT_TYPES,
            max_page_size=settings.max_page_size,
            max_request_bytes=settings.max_request_bytes,
        )

    @app.get(
        "/api/me", response_model=Me, tags=["meta"], summary="Who the token belongs to", dependencies=strict
    )
    def me(request: Request) -> Me:
        user = user_for_header(tokens, request.headers.get("authorization"))
        return Me(user=user, can_write=user is not None, public_read=settings.public_read)

    app.include_router(read_router)
    app.include_router(review_router)
    app.include_router(acled_router)
    app.include_router(sources_router)

    if not settings.public_read:
        # Private reads: say so in the schema, on every read operation but the health check.
        default_openapi = app.openapi

        def private_openapi() -> dict:  # type: ignore[type-arg]
            if app.openapi_schema is None:
                schema = default_openapi()
                schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
                schemes.setdefault("HTTPBearer", {"type": "http", "scheme": "bearer"})
                for path, ops in schema["paths"].items():
                    if path.startswith("/api/") and path not in ("/api/health", "/api/me") and "get" in ops:
                        ops["get"]["security"] = [{"HTTPBearer": []}]
                app.openapi_schema = schema
            return app.openapi_schema

        app.openapi = private_openapi  # type: ignore[method-assign]

    docs.install(app)
    index = STATIC_DIR / "index.html"

    @app.get("/", include_in_schema=False, response_model=None)
    def ui() -> FileResponse | HTMLResponse:
        if index.is_file():
            return FileResponse(index, media_type="text/html; charset=utf-8")
        return HTMLResponse(
            "<!doctype html><title>marsad</title><p>The web UI is not built: run <code>make web</code>.",
            status_code=503,
        )

    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
