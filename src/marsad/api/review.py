"""Review endpoints: confirm, edit, reject, restore, merge, split, undo a merge.

Every one needs a token; the token's user is written to the store's audit trail with the change.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path

from marsad.api.auth import require_writer
from marsad.api.deps import call_store, get_store
from marsad.api.errors import ERROR_RESPONSES, NOT_FOUND, reject_unknown_params
from marsad.api.read import EventId
from marsad.api.schemas import EditBody, MergeBody, NoteBody, SplitBody
from marsad.store import Store
from marsad.store.types import EventDetail

router = APIRouter(
    prefix="/api",
    tags=["review"],
    dependencies=[Depends(reject_unknown_params)],
    responses={**ERROR_RESPONSES, **NOT_FOUND},
)

StoreDep = Annotated[Store, Depends(get_store)]
User = Annotated[str, Depends(require_writer)]
Note = Annotated[NoteBody | None, Body()]


def _note(body: NoteBody | None) -> str | None:
    return body.note if body else None


@router.post("/events/{event_id}/confirm", response_model=EventDetail)
def confirm(store: StoreDep, user: User, event_id: EventId, body: Note = None) -> EventDetail:
    """Mark the machine's coding of this event as checked and correct."""
    return call_store(store.confirm, event_id, user=user, note=_note(body), field_="event_id")


@router.patch("/events/{event_id}", response_model=EventDetail)
def edit(store: StoreDep, user: User, event_id: EventId, body: EditBody) -> EventDetail:
    """Change one or more fields, checked against CODING.md. Fields that follow from others are
    recomputed: event_type and disorder_type from sub_event_type, inter1/inter2 from actors the
    knowledge base knows, interaction from the inter codes, civilian_targeting from actor2, iso
    and region from country, year from event_date, and the notes sentence. A country may be given
    by English or Arabic name or ISO3; an actor by its English name or an Arabic alias.

    Each changed field is one `edit` audit row with old and new value; each recomputed field one
    `recompute` row. A refused edit is a 422 whose `errors` name every field with its reason."""
    return call_store(store.edit, event_id, body.changed(), user=user, note=body.note, field_="event_id")


@router.post("/events/{event_id}/reject", response_model=EventDetail)
def reject(store: StoreDep, user: User, event_id: EventId, body: Note = None) -> EventDetail:
    """Hide a wrong event from lists and exports; it stays in the database and can be restored."""
    return call_store(store.reject, event_id, user=user, note=_note(body), field_="event_id")


@router.post("/events/{event_id}/restore", response_model=EventDetail)
def restore(store: StoreDep, user: User, event_id: EventId, body: Note = None) -> EventDetail:
    """Undo a reject."""
    return call_store(store.restore, event_id, user=user, note=_note(body), field_="event_id")


@router.post("/events/merge", response_model=EventDetail)
def merge(store: StoreDep, user: User, body: MergeBody) -> EventDetail:
    """Merge events that describe the same occurrence; the first id survives."""
    return call_store(store.merge, body.event_ids, user=user, note=body.note, field_="event_ids")


@router.post("/events/{event_id}/split", response_model=list[EventDetail])
def split(store: StoreDep, user: User, event_id: EventId, body: SplitBody | None = None) -> list[EventDetail]:
    """Detach merged members, or (without members) copy a one-source event to code a second one."""
    members = body.members if body else None
    note = body.note if body else None
    return call_store(store.split, event_id, members, user=user, note=note, field_="members")


@router.post("/merges/{merge_id}/undo", response_model=list[EventDetail])
def undo_merge(
    store: StoreDep,
    user: User,
    merge_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    body: Note = None,
) -> list[EventDetail]:
    """Undo a merge (automatic or manual): the absorbed events become active again."""
    return call_store(store.undo_merge, merge_id, user=user, note=_note(body), field_="merge_id")
