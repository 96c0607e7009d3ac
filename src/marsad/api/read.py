"""Read endpoints: events, map points, articles, actors, places, stats, merges, exports."""

from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from marsad.api.auth import require_reader
from marsad.api.deps import call_store, found, get_store
from marsad.api.errors import ERROR_RESPONSES, NOT_FOUND, ApiError, ErrorBody, reject_unknown_params
from marsad.api.schemas import (
    ArticlesQuery,
    CountsQuery,
    DeletionsQuery,
    EventsQuery,
    ExportQuery,
    FilterParams,
    MapPoint,
    MapPoints,
    MergesQuery,
    PointsQuery,
)
from marsad.io.writers import event_feature
from marsad.models import OUTPUT_COLUMNS
from marsad.store import Store
from marsad.store.export import STORE_COLUMNS, flat_row
from marsad.store.stats_cache import StatsBusy
from marsad.store.types import (
    ActorCount,
    ArticleDetail,
    ArticlePage,
    DeletionPage,
    EventDetail,
    EventPage,
    EventRecord,
    MergeRecord,
    PlaceCount,
    ReviewAction,
    Stats,
)

log = logging.getLogger("marsad.api")
router = APIRouter(
    prefix="/api",
    dependencies=[Depends(require_reader), Depends(reject_unknown_params)],
    responses=ERROR_RESPONSES,
)

StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[FilterParams, Query()]
EventId = Annotated[str, Path(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.-]+$")]
ArticleId = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:-]+$")]


def _page_limit(request: Request, limit: int) -> int:
    return min(limit, request.app.state.settings.max_page_size)


@router.get("/events", response_model=EventPage, tags=["events"], summary="Filter, sort and page events")
def list_events(request: Request, store: StoreDep, query: Annotated[EventsQuery, Query()]) -> EventPage:
    f = query.to_filter(limit=_page_limit(request, query.limit), offset=query.offset, sort=query.sort)
    return call_store(store.list_events, f)


@router.get(
    "/events/points",
    response_model=MapPoints,
    tags=["events"],
    summary="Located events for the map (lightweight, highest fatalities first when truncated)",
)
def event_points(request: Request, store: StoreDep, query: Annotated[PointsQuery, Query()]) -> MapPoints:
    cap = min(query.limit, request.app.state.settings.max_map_points)
    # Sorted by fatalities so a truncated map still shows the deadliest events.
    f = query.to_filter(limit=cap, offset=0, sort="-fatalities")
    page = call_store(store.list_events, f)
    points = [
        MapPoint(
            id=e.event_id_cnty,
            lat=e.latitude,
            lon=e.longitude,
            event_type=e.event_type,
            sub_event_type=e.sub_event_type,
            event_date=e.event_date,
            fatalities=e.fatalities,
            location=e.location,
            admin1=e.admin1,
            status=e.status,
        )
        for e in page.items
        if e.latitude is not None and e.longitude is not None
    ]
    return MapPoints(total=page.total, truncated=page.total > len(page.items), points=points)


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND, tags=["events"])
def get_event(store: StoreDep, event_id: EventId) -> EventDetail:
    """One event with its sources, evidence spans, merged members and audit trail."""
    return found(call_store(store.get_event, event_id), "event", event_id)


@router.get(
    "/events/{event_id}/history", response_model=list[ReviewAction], responses=NOT_FOUND, tags=["review"]
)
def event_history(store: StoreDep, event_id: EventId) -> list[ReviewAction]:
    """The audit trail of one event, oldest first."""
    found(call_store(store.get_event, event_id), "event", event_id)
    return call_store(store.history, event_id)


@router.get("/articles", response_model=ArticlePage, tags=["articles"])
def list_articles(store: StoreDep, query: Annotated[ArticlesQuery, Query()]) -> ArticlePage:
    q = (query.q or "").strip() or None
    return call_store(store.list_articles, q=q, limit=query.limit, offset=query.offset)


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND, tags=["articles"])
def get_article(store: StoreDep, article_id: ArticleId) -> ArticleDetail:
    """A report's original text (untrusted: clients must escape it) with every evidence span."""
    return found(call_store(store.get_article, article_id), "article", article_id)


@router.get("/actors", response_model=list[ActorCount], tags=["reference"])
def actors(store: StoreDep, query: Annotated[CountsQuery, Query()]) -> list[ActorCount]:
    """Actors of the filtered events, most events first (the filter applies as on /api/events)."""
    return call_store(store.actors, query.to_filter(), limit=query.limit)


@router.get("/places", response_model=list[PlaceCount], tags=["reference"])
def places(store: StoreDep, query: Annotated[CountsQuery, Query()]) -> list[PlaceCount]:
    """Locations of the filtered events with admin1 and country, most events first."""
    return call_store(store.places, query.to_filter(), limit=query.limit)


# An anonymous client whose stats must be computed waits at most this long for a free
# computation slot, then gets 503: a public server cannot be saturated by stats queries.
ANONYMOUS_STATS_WAIT = 5.0
BUSY = {503: {"model": ErrorBody, "description": "Busy: the stats must be computed and every slot is taken"}}


@router.get(
    "/stats",
    response_model=Stats,
    responses=BUSY,
    tags=["stats"],
    summary="Counts by day, type, admin1, country",
)
def stats(
    store: StoreDep, filters: Filters, user: Annotated[str | None, Depends(require_reader)]
) -> Response:
    # The store keeps the JSON of each result until the data change: sent as it is.
    try:
        body = call_store(store.stats_json, filters.to_filter(), wait=None if user else ANONYMOUS_STATS_WAIT)
    except StatsBusy:
        raise ApiError(
            503, "busy", "Busy computing statistics: retry shortly.", headers={"Retry-After": "2"}
        ) from None
    return Response(body, media_type="application/json")


@router.get("/merges", response_model=list[MergeRecord], responses=NOT_FOUND, tags=["review"])
def merges(store: StoreDep, query: Annotated[MergesQuery, Query()]) -> list[MergeRecord]:
    event_id = (query.event_id or "").strip() or None
    return call_store(store.merges, event_id, include_undone=query.include_undone)


@router.get(
    "/deletions",
    response_model=DeletionPage,
    tags=["events"],
    summary="Ids of events removed since a time (rejected, or merged into another): incremental sync",
)
def deletions(store: StoreDep, query: Annotated[DeletionsQuery, Query()]) -> DeletionPage:
    """With `/api/events?updated_since=T` (new and changed events), a client keeps a copy in
    step: drop the ids listed here since T. A restored or un-merged event comes back through
    `updated_since`. Newest first."""
    return call_store(
        store.deletions, query.since_time(), limit=query.limit, offset=query.offset, field_="since"
    )


_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


def _csv_chunks(events: Iterator[EventRecord]) -> Iterator[str]:
    buf = io.StringIO()
    # CODING.md §8's columns, then the review status, source count and merge target.
    writer = csv.DictWriter(buf, fieldnames=[*OUTPUT_COLUMNS, *STORE_COLUMNS])
    # A BOM so spreadsheet programs read the Arabic text as UTF-8.
    buf.write("\ufeff")
    writer.writeheader()
    for n, event in enumerate(events, 1):
        writer.writerow(flat_row(event))
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _geojson_chunks(events: Iterator[EventRecord]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    for n, event in enumerate(events):
        feature = event_feature(event)
        feature["properties"]["status"] = event.status  # type: ignore[index]
        yield ("," if n else "") + json.dumps(feature, ensure_ascii=False)
    yield "]}\n"


def _jsonl_chunks(events: Iterator[EventRecord]) -> Iterator[str]:
    for event in events:
        yield event.model_dump_json(exclude={"id"}) + "\n"


@router.get(
    "/export",
    tags=["events"],
    summary="Download every event matching the filter (ACLED CSV, JSONL, GeoJSON or Parquet)",
    response_class=StreamingResponse,
    response_model=None,
    responses={200: {"content": {m: {} for m in _MEDIA.values()}}},
)
def export(store: StoreDep, query: Annotated[ExportQuery, Query()]) -> StreamingResponse | FileResponse:
    """Every match of the filter, as on /api/events. CSV: ACLED's columns, marsad's, then
    `status` (review status), `n_sources` and `merged_into`."""
    format = query.format
    f = query.to_filter(sort=query.sort)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name = f"marsad-events-{stamp}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format == "parquet":
        # Parquet needs a seekable file: write it to a temporary file, delete it once sent.
        fd, tmp = tempfile.mkstemp(suffix=".parquet")
        os.close(fd)
        call_store(store.export, tmp, f, fmt="parquet")
        return FileResponse(
            tmp, media_type=_MEDIA[format], headers=headers, background=BackgroundTask(os.unlink, tmp)
        )
    # The query runs with the first event: run it before the headers go out, so a refused query is
    # an error response rather than a 200 whose connection drops.
    rows = store.iter_events(f)
    head = call_store(next, rows, None)
    events = rows if head is None else itertools.chain([head], rows)
    chunks = {"csv": _csv_chunks, "geojson": _geojson_chunks, "jsonl": _jsonl_chunks}[format](events)
    return StreamingResponse(_guarded(chunks, format), media_type=_MEDIA[format], headers=headers)


def _guarded(chunks: Iterator[str], fmt: str) -> Iterator[str]:
    """The chunks; a failure after the headers were sent ends the body with a visible error line
    (the status can no longer change) instead of a silently truncated file."""
    try:
        yield from chunks
    except Exception:
        log.exception("export failed while streaming")
        msg = "export failed part-way: this file is incomplete"
        yield {"csv": f"\n# ERROR: {msg}\n", "jsonl": json.dumps({"error": msg}) + "\n"}.get(
            fmt, f"\n/* ERROR: {msg} */\n"
        )
