"""`/api/sources`: the state of every outlet `marsad watch` follows (last poll, last new item,
errors, items and events per day)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from marsad.api.auth import require_reader
from marsad.api.deps import get_store
from marsad.api.errors import ERROR_RESPONSES, reject_unknown_params
from marsad.store import Store

router = APIRouter(
    prefix="/api",
    dependencies=[Depends(require_reader), Depends(reject_unknown_params)],
    responses=ERROR_RESPONSES,
)


class SourceDay(BaseModel):
    day: str
    polls: int
    items: int
    events: int
    updated: int
    errors: int
    skipped: int


class SourceState(BaseModel):
    name: str
    url: str
    last_poll_at: datetime | None
    last_ok_at: datetime | None
    last_new_at: datetime | None
    next_poll_at: datetime | None
    last_status: int | None
    consecutive_errors: int
    error_count: int
    last_error: str | None
    last_error_at: datetime | None
    items_total: int
    events_total: int
    updated_total: int
    skipped_total: int
    items_seen: int
    days: list[SourceDay]


class SourceList(BaseModel):
    items: list[SourceState]


@router.get(
    "/sources",
    response_model=SourceList,
    tags=["sources"],
    summary="The watched outlets: last poll, last new item, errors, items and events per day",
)
def list_sources(
    store: Annotated[Store, Depends(get_store)],
    days: Annotated[int, Query(ge=1, le=90, description="Days of daily counts, newest first")] = 7,
) -> SourceList:
    from marsad.ingest.watch_db import status_rows

    with store.session() as s:
        return SourceList(items=[SourceState.model_validate(r) for r in status_rows(s, days)])
