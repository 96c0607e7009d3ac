"""The store side of `marsad watch`: one transaction per feed item (article, events, item row and
counters together), corrections, the per-source state, and the status read by the CLI and the API."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from marsad.models import Article, Event
from marsad.store.schema import ArticleRow, EventArticle, EventRow, MergeEvent
from marsad.store.watch_state import WatchDaily, WatchItem, WatchSource
from marsad.store.write import add_article, find_existing, index_article, insert_events, now, outlet_id


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def known_item(s: Session, source: str, key: str) -> WatchItem | None:
    return s.get(WatchItem, (source, key_hash(key)))


def source_row(s: Session, name: str, url: str = "") -> WatchSource:
    row = s.get(WatchSource, name)
    if row is None:
        try:
            with s.begin_nested():  # two processes may register the same source at once
                row = WatchSource(
                    name=name,
                    url=url,
                    consecutive_errors=0,
                    error_count=0,
                    items_total=0,
                    events_total=0,
                    updated_total=0,
                    skipped_total=0,
                )
                s.add(row)
        except IntegrityError:
            row = s.get(WatchSource, name)
            assert row is not None
    if url and row.url != url:
        row.url = url
    return row


def bump_daily(s: Session, source: str, day: date, **counts: int) -> None:
    row = s.get(WatchDaily, (source, day))
    if row is None:
        row = WatchDaily(source=source, day=day, polls=0, items=0, events=0, updated=0, errors=0, skipped=0)
        s.add(row)
    for k, v in counts.items():
        setattr(row, k, getattr(row, k) + v)


@dataclass(slots=True)
class ItemOutcome:
    status: str  # stored | updated | duplicate | held | not_arabic | rejected
    events: int = 0
    article_pk: int | None = None
    event_ids: list[str] = field(default_factory=list)


def _correctable(s: Session, article_pk: int) -> list[int] | None:
    """Ids of the events drawn from this article alone, if a correction may replace them: none has
    been reviewed, merged or split. None when a person's work would be lost."""
    ids = list(s.scalars(select(EventArticle.event_id).where(EventArticle.article_pk == article_pk)))
    if not ids:
        return []
    rows = s.scalars(select(EventRow).where(EventRow.id.in_(ids))).all()
    if any(r.status != "unreviewed" or r.merged_into_id is not None or r.n_sources != 1 for r in rows):
        return None
    if s.scalar(select(MergeEvent.merge_id).where(MergeEvent.event_id.in_(ids)).limit(1)) is not None:
        return None
    return ids


def apply_correction(s: Session, row: ArticleRow, article: Article, events: Sequence[Event]) -> ItemOutcome:
    """Same URL, new text: the article row takes the new text (its old hash is kept in meta) and
    its unreviewed events are replaced by the new extraction. Reviewed events are never touched:
    the correction is then only noted ("held") for a person to look at."""
    h = article.content_hash()
    meta = dict(row.meta or {})
    revisions = list(meta.get("revisions", []))
    ids = _correctable(s, row.id)
    if ids is None:
        meta["held_correction"] = {"content_hash": h, "at": now().isoformat(), "title": article.title}
        row.meta = meta
        return ItemOutcome("held", 0, row.id)
    if ids:
        # ON DELETE CASCADE removes their actors, links and evidence spans.
        s.execute(delete(EventRow).where(EventRow.id.in_(ids)))
    revisions.append({"content_hash": row.content_hash, "replaced_at": now().isoformat()})
    meta["revisions"] = revisions
    row.meta = meta
    row.text, row.content_hash = article.text, h
    row.title = article.title or row.title
    row.published = article.published or row.published
    s.flush()
    s.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": row.id})
    index_article(s, row.id, row.title, row.text)
    fixed = [ev.model_copy(update={"article_id": row.article_id}) for ev in events]
    outlet = s.scalar(text("SELECT name FROM outlets WHERE id = :i"), {"i": row.outlet_id}) or ""
    ev_rows = insert_events(s, fixed, row.id, default_source=outlet)
    return ItemOutcome("updated", len(ev_rows), row.id, [r.event_id_cnty for r in ev_rows])


def store_item(
    s: Session,
    *,
    source: str,
    key: str,
    fingerprint: str,
    article: Article | None,
    events: Sequence[Event],
    status_if_no_article: str = "rejected",
    source_scale: str = "",
    meta: dict | None = None,
) -> ItemOutcome:
    """Store one feed item and remember it, in the caller's transaction."""
    ts = now()
    if article is None:
        out = ItemOutcome(status_if_no_article)
    else:
        article.ensure_id()
        h = article.content_hash()
        existing = find_existing(s, h, article.url)
        if existing is None:
            outlet_id(s, article.outlet, source_scale)  # so a new outlet gets the source's scale
            got = add_article(
                s, article, events, meta={"source": source, "watch": True, "key": key, **(meta or {})}
            )
            if got is None:  # another writer committed it since the lookup above
                again = find_existing(s, h, article.url)
                out = ItemOutcome("duplicate", 0, again.id if again is not None else None)
            else:
                out = ItemOutcome("stored", len(got[1]), got[0].id, [r.event_id_cnty for r in got[1]])
        elif existing.content_hash == h or existing.url != article.url:
            out = ItemOutcome("duplicate", 0, existing.id)  # same text, or this text is stored elsewhere
        elif s.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == h)) is not None:
            out = ItemOutcome("duplicate", 0, existing.id)  # the new text already exists under another URL
        else:
            out = apply_correction(s, existing, article, events)
    item = known_item(s, source, key)
    if item is None:
        item = WatchItem(source=source, key_hash=key_hash(key), key=key, first_seen=ts)
        s.add(item)
    item.fingerprint = fingerprint
    item.content_hash = article.content_hash() if article is not None else None
    item.article_pk = out.article_pk
    item.status = out.status
    item.last_seen = ts
    src = source_row(s, source)
    day = ts.date()
    if out.status == "stored":
        src.items_total += 1
        src.events_total += out.events
        src.last_new_at = ts
        bump_daily(s, source, day, items=1, events=out.events)
    elif out.status == "updated":
        src.updated_total += 1
        src.events_total += out.events
        bump_daily(s, source, day, updated=1, events=out.events)
    elif out.status in ("not_arabic", "rejected"):
        src.skipped_total += 1
        bump_daily(s, source, day, skipped=1)
    return out


def record_poll(
    s: Session,
    name: str,
    url: str,
    *,
    interval: float,
    status: int | None,
    error: str | None,
    etag: str | None = None,
    last_modified: str | None = None,
    max_backoff: float = 6 * 3600,
) -> WatchSource:
    """The end of one poll. On success the validators are saved only now, after every item was
    committed: a poll killed half-way is redone in full (already stored items cost a lookup each).
    On failure the next poll waits interval * 2^(n-1) for the n-th failure in a row, capped."""
    ts = now()
    row = source_row(s, name, url)
    row.last_poll_at = ts
    row.last_status = status
    if error is None:
        row.last_ok_at = ts
        row.consecutive_errors = 0
        if status == 200:
            row.etag, row.last_modified = etag, last_modified
        row.next_poll_at = ts + timedelta(seconds=interval)
        bump_daily(s, name, ts.date(), polls=1)
    else:
        row.consecutive_errors += 1
        row.error_count += 1
        row.last_error, row.last_error_at = error[:2000], ts
        delay = min(interval * 2 ** (row.consecutive_errors - 1), max(max_backoff, interval))
        row.next_poll_at = ts + timedelta(seconds=delay)
        bump_daily(s, name, ts.date(), polls=1, errors=1)
    return row


def validators(s: Session, name: str) -> tuple[str | None, str | None]:
    row = s.get(WatchSource, name)
    return (row.etag, row.last_modified) if row is not None else (None, None)


def next_polls(s: Session) -> dict[str, tuple[datetime | None, int]]:
    """name -> (next_poll_at, consecutive_errors), for resuming a schedule after a restart."""
    return {r.name: (r.next_poll_at, r.consecutive_errors) for r in s.scalars(select(WatchSource))}


def status_rows(s: Session, days: int = 7) -> list[dict]:
    """Every source's state with its last `days` days of counts (newest first), as plain dicts."""
    since = now().date() - timedelta(days=days - 1)
    daily: dict[str, list[dict]] = {}
    for d in s.scalars(
        select(WatchDaily).where(WatchDaily.day >= since).order_by(WatchDaily.source, WatchDaily.day.desc())
    ):
        daily.setdefault(d.source, []).append(
            {
                "day": d.day.isoformat(),
                "polls": d.polls,
                "items": d.items,
                "events": d.events,
                "updated": d.updated,
                "errors": d.errors,
                "skipped": d.skipped,
            }
        )
    items = dict(s.execute(select(WatchItem.source, func.count()).group_by(WatchItem.source)).all())
    out = []
    for r in s.scalars(select(WatchSource).order_by(WatchSource.name)):
        out.append(
            {
                "name": r.name,
                "url": r.url,
                "last_poll_at": r.last_poll_at,
                "last_ok_at": r.last_ok_at,
                "last_new_at": r.last_new_at,
                "next_poll_at": r.next_poll_at,
                "last_status": r.last_status,
                "consecutive_errors": r.consecutive_errors,
                "error_count": r.error_count,
                "last_error": r.last_error,
                "last_error_at": r.last_error_at,
                "items_total": r.items_total,
                "events_total": r.events_total,
                "updated_total": r.updated_total,
                "skipped_total": r.skipped_total,
                "items_seen": items.get(r.name, 0),
                "days": daily.get(r.name, []),
            }
        )
    return out
