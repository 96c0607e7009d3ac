"""Review operations (confirm, edit, reject, restore, merge, split, undo a merge) and the merge
machinery dedup shares. Each writes review_actions rows in the transaction of its change.

Merges never delete: absorbed events keep their row, with status "merged" and merged_into_id
pointing at the survivor, so their ids stay valid and an undo restores them exactly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from marsad.models import Event, Span
from marsad.store.convert import (
    actor_names,
    conservative_fatalities,
    event_to_columns,
    iso3_for,
    row_to_event_dict,
)
from marsad.store.review_rules import EditRefused, check_edit
from marsad.store.schema import (
    ArticleRow,
    DedupExclusion,
    EventActor,
    EventArticle,
    EventRow,
    EvidenceSpanRow,
    MergeEvent,
    MergeRow,
    Outlet,
    ReviewActionRow,
)
from marsad.store.types import EDITABLE_FIELDS
from marsad.store.write import InvalidRecord, check_row, next_ids, now

# Fields a merge recomputes on the survivor from its sources; undo puts back the snapshot.
_AGGREGATE_FIELDS = ("fatalities", "source", "source_scale", "n_sources")


def _json(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, date):
        v = v.isoformat()
    return json.dumps(v, ensure_ascii=False)


def log(
    session: Session,
    row: EventRow,
    user: str,
    action: str,
    *,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    note: str | None = None,
) -> None:
    session.add(
        ReviewActionRow(
            event_id=row.id,
            user=user,
            action=action,
            field=field,
            old_value=_json(old),
            new_value=_json(new),
            at=now(),
            note=note,
        )
    )


def _need_user(user: str) -> str:
    user = (user or "").strip()
    if not user:
        raise ValueError("a user name is required for review actions")
    return user


def load(session: Session, event_id: str, *, for_update: bool = True) -> EventRow:
    stmt = select(EventRow).where(EventRow.event_id_cnty == event_id)
    if for_update and session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()  # two reviewers editing one event serialise here
    row = session.scalar(stmt)
    if row is None:
        raise KeyError(event_id)
    return row


def _active(row: EventRow) -> None:
    if row.status == "merged":
        target = row.merged_into_id
        raise ValueError(
            f"event {row.event_id_cnty} was merged into another event (id {target}); review that one"
        )


def _set_status(
    session: Session, row: EventRow, user: str, action: str, new: str, note: str | None
) -> EventRow:
    log(session, row, user, action, field="status", old=row.status, new=new, note=note)
    row.status = new
    row.updated_at = now()
    return row


def confirm(session: Session, event_id: str, user: str, note: str | None) -> EventRow:
    user = _need_user(user)
    row = load(session, event_id)
    _active(row)
    if row.status == "rejected":
        raise ValueError(f"event {event_id} is rejected; restore it first")
    return _set_status(session, row, user, "confirm", "confirmed", note)


def reject(session: Session, event_id: str, user: str, note: str | None) -> EventRow:
    user = _need_user(user)
    row = load(session, event_id)
    _active(row)
    return _set_status(session, row, user, "reject", "rejected", note)


def restore(session: Session, event_id: str, user: str, note: str | None) -> EventRow:
    user = _need_user(user)
    row = load(session, event_id)
    if row.status != "rejected":
        raise ValueError(f"event {event_id} is not rejected")
    return _set_status(session, row, user, "restore", "unreviewed", note)


def set_actors(session: Session, row: EventRow) -> None:
    session.execute(delete(EventActor).where(EventActor.event_id == row.id))
    session.add_all(EventActor(event_id=row.id, role=r, name=n) for r, n in actor_names(row))


def edit(session: Session, event_id: str, changes: dict[str, Any], user: str, note: str | None) -> EventRow:
    """Apply a reviewer's changes after the checks of review_rules (CODING.md); the fields that
    follow from them are recomputed. Audit rows: one "edit" per changed field the reviewer sent,
    one "recompute" per derived field that changed with it (its note says what it follows from)."""
    user = _need_user(user)
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValueError(
            f"cannot edit {', '.join(unknown)}: editable fields are {', '.join(EDITABLE_FIELDS)}"
        )
    if not changes:
        raise ValueError("no changes given")
    row = load(session, event_id)
    _active(row)
    current = row_to_event_dict(row)
    ev, derived = check_edit(
        current,
        changes,
        first_published=_first_published(session, row),
        fatality_evidence=_spans(session, row, "fatalities"),
    )
    sent = [f for f in changes if current[f] != getattr(ev, f)]
    if not sent:
        return row
    for field in sent:
        old, new = _shown(field, current[field]), _shown(field, getattr(ev, field))
        log(session, row, user, "edit", field=field, old=old, new=new, note=note)
    for field, because in derived.items():
        old, new = _shown(field, current[field]), _shown(field, getattr(ev, field))
        log(session, row, user, "recompute", field=field, old=old, new=new, note=f"follows from {because}")
    for col, value in event_to_columns(ev).items():
        setattr(row, col, value)
    try:
        check_row(row)  # a value the column cannot hold is a 422 here, not a DataError at commit
    except InvalidRecord as exc:
        raise EditRefused([(_column_of(str(exc), sent), str(exc))]) from None
    row.iso3 = iso3_for(row.country, row.iso)  # the id keeps its original prefix: ids never change
    if {"actor1", "actor2", "assoc_actor_1", "assoc_actor_2"} & set(sent):
        set_actors(session, row)
    if row.status in ("unreviewed", "confirmed"):
        row.status = "edited"
    row.updated_at = now()
    return row


def _shown(field: str, value: Any) -> Any:
    # The audit trail shows interaction as the API does: a number (stored as its two digits).
    if field == "interaction" and isinstance(value, str):
        return int(value) if value.isdigit() else None
    return value


def _column_of(message: str, fields: list[str]) -> str:
    # check_row names "events.<column>"; report it under the edited field it came from.
    return next((f for f in fields if f"events.{f} " in message), fields[0])


def _first_published(session: Session, row: EventRow) -> date | None:
    """The publication day of the first report behind the event (its merged members' included)."""
    return session.scalar(
        select(func.min(ArticleRow.published))
        .join(EventArticle, EventArticle.article_pk == ArticleRow.id)
        .where(EventArticle.event_id.in_(cluster_ids(session, row)))
    )


def _spans(session: Session, row: EventRow, field: str) -> list[Span]:
    rows = session.scalars(
        select(EvidenceSpanRow).where(EvidenceSpanRow.event_id == row.id, EvidenceSpanRow.field == field)
    )
    return [Span(start=s.start, end=s.end, text=s.text) for s in rows]


# --- merges ---------------------------------------------------------------------------------------


def cluster_ids(session: Session, root: EventRow) -> list[int]:
    return [root.id, *session.scalars(select(EventRow.id).where(EventRow.merged_into_id == root.id))]


def recompute(session: Session, root: EventRow) -> None:
    """Rebuild the survivor's source-derived fields from every article behind it."""
    ids = cluster_ids(session, root)
    links = session.execute(
        select(
            EventArticle.event_id,
            EventArticle.fatalities,
            EventArticle.source,
            EventArticle.source_scale,
            Outlet.name,
        )
        .join(ArticleRow, ArticleRow.id == EventArticle.article_pk)
        .outerjoin(Outlet, Outlet.id == ArticleRow.outlet_id)
        .where(EventArticle.event_id.in_(ids))
        .order_by(ArticleRow.published, ArticleRow.id)
    ).all()
    if len(ids) == 1 and len(links) <= 1:
        # A lone event keeps what the extractor or a reviewer coded; nothing to aggregate.
        root.n_sources = len(links) or 1
        return
    root.fatalities = conservative_fatalities([fat for _, fat, *_ in links])
    names = list(dict.fromkeys(n for _, _, src, _, outlet in links for n in [outlet or src] if n))
    scales = list(dict.fromkeys(s for *_, s, _ in links if s))
    root.source = "; ".join(names)
    root.source_scale = "-".join(scales)  # ACLED joins mixed scales: "National-International"
    root.n_sources = len(links)


def snapshot_fields(row: EventRow) -> dict[str, Any]:
    d = row_to_event_dict(row)
    d["n_sources"] = row.n_sources
    d["status"] = row.status
    return d


def restore_fields(session: Session, row: EventRow, snap: dict[str, Any]) -> None:
    ev = Event.model_validate({k: v for k, v in snap.items() if k in Event.model_fields})
    for col, value in event_to_columns(ev).items():
        setattr(row, col, value)
    row.n_sources = snap.get("n_sources", row.n_sources)
    set_actors(session, row)


def merge_rows(
    session: Session,
    survivor: EventRow,
    absorbed: Sequence[EventRow],
    *,
    user: str,
    kind: str,
    reason: dict[str, Any],
    note: str | None = None,
) -> MergeRow:
    """Fold `absorbed` (active roots) into `survivor`. The caller has checked they may merge."""
    ts = now()
    touched: list[dict[str, Any]] = []
    for a in absorbed:
        members = list(session.scalars(select(EventRow).where(EventRow.merged_into_id == a.id)))
        for e in [a, *members]:
            touched.append({"id": e.id, "status": e.status, "merged_into_id": e.merged_into_id})
            e.merged_into_id = survivor.id
            e.updated_at = ts
        a.status = "merged"
    snap = {"survivor": snapshot_fields(survivor), "touched": touched}
    recompute(session, survivor)
    survivor.updated_at = ts
    m = MergeRow(survivor_id=survivor.id, kind=kind, reason=reason, snapshot=snap, user=user, at=ts)
    session.add(m)
    session.flush()
    session.add(MergeEvent(merge_id=m.id, event_id=survivor.id, role="survivor"))
    session.add_all(MergeEvent(merge_id=m.id, event_id=a.id, role="absorbed") for a in absorbed)
    action = "dedup_merge" if kind == "dedup" else "merge"
    absorbed_ids = [a.event_id_cnty for a in absorbed]
    log(
        session, survivor, user, action, old=None, new={"merge_id": m.id, "absorbed": absorbed_ids}, note=note
    )
    for a in absorbed:
        log(session, a, user, action, field="merged_into", old=None, new=survivor.event_id_cnty, note=note)
    return m


def merge(session: Session, event_ids: Sequence[str], user: str, note: str | None) -> EventRow:
    user = _need_user(user)
    if len(event_ids) < 2:
        raise ValueError("give at least two events to merge")
    roots: list[EventRow] = []
    for eid in event_ids:
        row = load(session, eid)
        if row.merged_into_id is not None:
            row = session.get(EventRow, row.merged_into_id)  # type: ignore[assignment]
        if row.status == "rejected":
            raise ValueError(f"event {row.event_id_cnty} is rejected; restore it before merging")
        if row not in roots:
            roots.append(row)
    if len(roots) < 2:
        raise ValueError("these events are already one event")
    survivor, absorbed = roots[0], roots[1:]
    reason = {"user": user, "requested": list(event_ids)}
    merge_rows(session, survivor, absorbed, user=user, kind="manual", reason=reason, note=note)
    return survivor


def exclude_pair(session: Session, a: int, b: int) -> None:
    lo, hi = min(a, b), max(a, b)
    exists = session.scalar(
        select(DedupExclusion.id).where(DedupExclusion.event_a == lo, DedupExclusion.event_b == hi)
    )
    if exists is None:
        session.add(DedupExclusion(event_a=lo, event_b=hi))


def undo_merge(session: Session, merge_id: int, user: str, note: str | None) -> list[EventRow]:
    user = _need_user(user)
    m = session.get(MergeRow, merge_id)
    if m is None:
        raise KeyError(str(merge_id))
    if m.undone_at is not None:
        raise ValueError(f"merge {merge_id} is already undone")
    involved = list(session.scalars(select(MergeEvent.event_id).where(MergeEvent.merge_id == m.id)))
    later = session.scalar(
        select(MergeRow.id)
        .join(MergeEvent, MergeEvent.merge_id == MergeRow.id)
        .where(MergeRow.id > m.id, MergeRow.undone_at.is_(None), MergeEvent.event_id.in_(involved))
        .order_by(MergeRow.id.desc())
        .limit(1)
    )
    if later is not None:
        raise ValueError(f"merge {later} came later and involves these events: undo it first")
    survivor = session.get(EventRow, m.survivor_id)
    assert survivor is not None
    ts = now()
    restore_fields(session, survivor, m.snapshot["survivor"])
    survivor.updated_at = ts
    out = [survivor]
    for t in m.snapshot["touched"]:
        e = session.get(EventRow, t["id"])
        if e is None:
            continue
        if e.merged_into_id == survivor.id:  # unless a later split already detached it
            e.merged_into_id = t["merged_into_id"]
            e.status = t["status"]
            e.updated_at = ts
        if t["merged_into_id"] is None:
            out.append(e)
    absorbed = [e for e in out[1:]]
    for e in absorbed:
        exclude_pair(session, survivor.id, e.id)
        log(
            session,
            e,
            user,
            "undo_merge",
            field="merged_into",
            old=survivor.event_id_cnty,
            new=None,
            note=note,
        )
    log(
        session,
        survivor,
        user,
        "undo_merge",
        old={"merge_id": m.id},
        new=[e.event_id_cnty for e in absorbed],
        note=note,
    )
    m.undone_at = ts
    return out


def split(
    session: Session, event_id: str, members: Sequence[str] | None, user: str, note: str | None
) -> list[EventRow]:
    user = _need_user(user)
    root = load(session, event_id)
    _active(root)
    ts = now()
    if members:
        detached: list[EventRow] = []
        for mid in members:
            m = load(session, mid)
            if m.merged_into_id != root.id:
                raise ValueError(f"event {mid} is not part of event {event_id}")
            m.merged_into_id = None
            m.status = "unreviewed"
            m.updated_at = ts
            exclude_pair(session, root.id, m.id)
            log(session, m, user, "split", field="merged_into", old=root.event_id_cnty, new=None, note=note)
            detached.append(m)
        session.flush()
        recompute(session, root)
        for m in detached:
            recompute(session, m)
        root.updated_at = ts
        log(
            session,
            root,
            user,
            "split",
            old=None,
            new={"detached": [m.event_id_cnty for m in detached]},
            note=note,
        )
        return [root, *detached]
    if session.scalar(select(EventRow.id).where(EventRow.merged_into_id == root.id).limit(1)) is not None:
        raise ValueError(f"event {event_id} has merged members: name the members to split off")
    # A one-source event the extractor should have coded as two: copy it for the reviewer to edit.
    (seq,) = next_ids(session, root.event_id_cnty.rstrip("0123456789") or root.iso3, 1)
    cols = {
        c.key: getattr(root, c.key)
        for c in EventRow.__table__.columns
        if c.key not in {"id", "event_id_cnty"}
    }
    copy = EventRow(**cols)
    copy.event_id_cnty = f"{root.event_id_cnty.rstrip('0123456789')}{seq}"
    copy.status = "unreviewed"
    copy.dedup_checked = True
    copy.created_at = copy.updated_at = ts
    copy.weapons = list(root.weapons or [])
    session.add(copy)
    session.flush()
    set_actors(session, copy)
    for link in session.scalars(select(EventArticle).where(EventArticle.event_id == root.id)):
        session.add(
            EventArticle(
                event_id=copy.id,
                article_pk=link.article_pk,
                fatalities=link.fatalities,
                source=link.source,
                source_scale=link.source_scale,
            )
        )
    for s in session.scalars(select(EvidenceSpanRow).where(EvidenceSpanRow.event_id == root.id)):
        session.add(
            EvidenceSpanRow(
                event_id=copy.id,
                article_pk=s.article_pk,
                field=s.field,
                start=s.start,
                end=s.end,
                text=s.text,
            )
        )
    exclude_pair(session, root.id, copy.id)
    log(session, root, user, "split", old=None, new={"copy": copy.event_id_cnty}, note=note)
    log(session, copy, user, "split", field="split_from", old=None, new=root.event_id_cnty, note=note)
    return [root, copy]


def mark_checked(session: Session, ids: Sequence[int]) -> None:
    for i in range(0, len(ids), 500):
        session.execute(update(EventRow).where(EventRow.id.in_(ids[i : i + 500])).values(dedup_checked=True))
