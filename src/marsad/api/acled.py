"""ACLED-compatible read endpoints: /api/acled/read, /api/deleted/read, /api/actor/read,
/api/actortype/read, /api/country/read, /api/region/read (docs/acled-tools.md).

Tools written for ACLED's API (the `acled` Python package, acledR, notebooks) read marsad by
pointing their host at `http://<marsad>/api`. Responses use ACLED's envelope
(status, success, last_update, count, messages, data, filename) and ACLED's error shape
(`success: false`, `error: [{status, message}]`), not marsad's own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from marsad.api.auth import user_for_header
from marsad.models import ACLED_COLUMNS
from marsad.store import acled_reference as ref
from marsad.store.acled_query import (
    DELETED_COLUMNS,
    IGNORED_PARAMS,
    MONADIC_DROPPED,
    QueryError,
    last_update,
    read_deleted,
    read_events,
)

Reader = Callable[[Session, Mapping[str, str]], list[dict[str, str | None]]]
_DATES = ("first_event_date", "last_event_date", "event_count")
# endpoint -> (reader, columns of an empty CSV when `fields` is not given)
ENDPOINTS: dict[str, tuple[Reader, tuple[str, ...]]] = {
    "acled": (read_events, ACLED_COLUMNS),
    "deleted": (read_deleted, tuple(DELETED_COLUMNS)),
    "actor": (ref.read_actors, ("actor_name", *_DATES)),
    "actortype": (ref.read_actor_types, ("actor_type_id", "actor_type_name", *_DATES)),
    "country": (ref.read_countries, ("country", "iso", "iso3", *_DATES)),
    "region": (ref.read_regions, ("region", "region_name", *_DATES)),
}

router = APIRouter(prefix="/api", tags=["acled"])


def acled_error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"status": status, "success": False, "error": [{"status": status, "message": message}]}
    return JSONResponse(body, status_code=status, headers=headers)


def _csv(rows: list[dict[str, str | None]], header: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
    return buf.getvalue()


def _empty_header(params: Mapping[str, str], default: tuple[str, ...]) -> list[str]:
    fields = [f.strip() for f in params.get("fields", "").split("|") if f.strip()]
    names = fields or list(default)
    if params.get("export_type", "").strip().lower() == "monadic":
        names = [n for n in names if n not in MONADIC_DROPPED]
    return names


def serve(request: Request, name: str) -> Response:
    reader, default = ENDPOINTS[name]
    app = request.app
    user = user_for_header(app.state.tokens, request.headers.get("authorization"))
    if user is None and not app.state.settings.public_read:
        return acled_error(
            401,
            "Reading needs a valid token here: send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    params = dict(request.query_params)
    fmt = params.get("_format", "json").strip().lower() or "json"
    if fmt not in ("json", "csv"):
        return acled_error(400, f"Unsupported _format '{fmt}': this server returns json or csv.")
    messages = [
        f"Parameter '{p}' is not used by marsad and was ignored." for p in params if p in IGNORED_PARAMS
    ]
    try:
        with app.state.store.session() as s:
            rows = reader(s, params)
            updated = last_update(s)
    except QueryError as exc:
        return acled_error(400, str(exc))
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    filename = f"marsad-{name}-{stamp}"
    if fmt == "csv":
        header = list(rows[0]) if rows else _empty_header(params, default)
        return Response(
            _csv(rows, header),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
        )
    body = {
        "status": 200,
        "success": True,
        "last_update": updated,
        "count": len(rows),
        "messages": messages,
        "data": rows,
        "filename": filename,
    }
    return JSONResponse(body)


class AcledErrorItem(BaseModel):
    status: int
    message: str


class AcledError(BaseModel):
    """ACLED's error body."""

    status: int
    success: bool = False
    error: list[AcledErrorItem]


_P = "Read by the endpoint itself (any column is a filter); listed here for the schema."


def _route(name: str) -> Callable[..., Response]:
    # The control parameters are declared (as plain strings, so FastAPI never answers with its
    # own 422) to document them; the endpoint reads them, and every filter, from the query string.
    def endpoint(
        request: Request,
        fields: Annotated[str | None, Query(description="Columns to return, separated by |. " + _P)] = None,
        limit: Annotated[str | None, Query(description="Rows per page, 1-5000 (default 5000)")] = None,
        page: Annotated[str | None, Query(description="Page number, from 1")] = None,
        export_type: Annotated[str | None, Query(description="dyadic (default) or monadic")] = None,
        inter_num: Annotated[str | None, Query(description="1: numeric inter/interaction codes")] = None,
        format_: Annotated[str | None, Query(alias="_format", description="json (default) or csv")] = None,
    ) -> Response:
        return serve(request, name)

    endpoint.__name__ = f"acled_{name}_read"
    return endpoint


_SUMMARIES = {
    "acled": "Events in ACLED's API shape (every column a filter; fields, limit, page, timestamp)",
    "deleted": "Ids of events removed (rejected, or merged into another) with deleted_timestamp",
    "actor": "Actors with first/last event date and event count (ACLED's /actor/read)",
    "actortype": "Actor types (inter codes) with first/last event date and event count",
    "country": "Countries with ISO codes, first/last event date and event count",
    "region": "ACLED regions with first/last event date and event count",
}
for _name in ENDPOINTS:
    router.add_api_route(
        f"/{_name}/read",
        _route(_name),
        methods=["GET"],
        summary=_SUMMARIES[_name],
        response_class=JSONResponse,
        responses={
            200: {"content": {"application/json": {}, "text/csv": {}}},
            400: {"model": AcledError, "description": "Invalid query (ACLED's error shape)"},
            401: {"model": AcledError, "description": "Reads are private and no valid token was sent"},
        },
    )
