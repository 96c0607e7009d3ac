"""`Store`: the one object the CLI and the REST API use (docs/store-api.md).

Each method runs in its own short transaction and returns pydantic models, never live ORM rows,
so a `Store` can be shared by every thread of a server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from marsad.io.readers import Reject
from marsad.models import Article, Event
from marsad.store import repository as repo
from marsad.store import review, stats_query
from marsad.store.db import make_engine, upgrade, writer
from marsad.store.schema import EventRow, MergeRow, ReviewActionRow
from marsad.store.stats_cache import StatsCache
from marsad.store.types import (
    ActorCount,
    ArticleDetail,
    ArticlePage,
    DedupReport,
    Deletion,
    DeletionPage,
    EventDetail,
    EventFilter,
    EventPage,
    EventRecord,
    IngestReport,
    MergeRecord,
    PlaceCount,
    ReviewAction,
    Stats,
)


class Store:
    def __init__(self, url: str | None = None, *, create: bool = True, engine: Engine | None = None) -> None:
        self.engine: Engine = engine or make_engine(url)
        self.url = self.engine.url.render_as_string(hide_password=True)
        if create:
            upgrade(self.engine)
        self._sessions = sessionmaker(writer(self.engine), expire_on_commit=False)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._stats = StatsCache(self._compute_stats, self.data_version)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def close(self) -> None:
        self._stats.close()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error.

        On SQLite it holds the write lock from its start (BEGIN IMMEDIATE), so concurrent writers
        wait for each other instead of failing; use `read_session` for reads."""
        try:
            with self._sessions() as s, s.begin():
                yield s
        finally:
            self._stats.changed()  # kept stats check the data version again

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reads only: never waits for a writer (WAL)."""
        with self._read_sessions() as s, s.begin():
            yield s

    # --- reads -------------------------------------------------------------------------------------

    def list_events(self, f: EventFilter, *, exact_total: bool = False) -> EventPage:
        with self.read_session() as s:
            return repo.list_events(s, f, exact_total=exact_total)

    def count_events(self, f: EventFilter) -> int:
        with self.read_session() as s:
            return repo.count_events(s, f)

    def iter_events(self, f: EventFilter | None = None, batch_size: int = 1000) -> Iterator[EventRecord]:
        with self.read_session() as s:
            yield from repo.iter_events(s, f or EventFilter(), batch_size)

    def get_event(self, event_id: str) -> EventDetail | None:
        with self.read_session() as s:
            return repo.get_event(s, event_id)

    def get_article(self, article_id: str) -> ArticleDetail | None:
        with self.read_session() as s:
            return repo.get_article(s, article_id)

    def list_articles(self, q: str | None = None, limit: int = 50, offset: int = 0) -> ArticlePage:
        with self.read_session() as s:
            return repo.list_articles(s, q, max(1, min(limit, 1000)), max(0, offset))

    def actors(self, f: EventFilter | None = None, limit: int = 500) -> list[ActorCount]:
        with self.read_session() as s:
            return repo.actors(s, f, limit)

    def places(self, f: EventFilter | None = None, limit: int = 500) -> list[PlaceCount]:
        with self.read_session() as s:
            return repo.places(s, f, limit)

    def data_version(self) -> tuple[int, int, int]:
        """Changes whenever events are added, reviewed or merged: three primary-key maxima, read
        in one statement (it runs before every kept stats result is served)."""
        maxima = select(
            *(select(func.max(t.id)).scalar_subquery() for t in (EventRow, ReviewActionRow, MergeRow))
        )
        with self.engine.connect() as conn:
            return tuple(v or 0 for v in conn.execute(maxima).one())  # type: ignore[return-value]

    def stats(self, f: EventFilter | None = None) -> Stats:
        """Aggregates of the filtered events, kept until the data change (marsad.store.stats_cache)."""
        return self._stats.get(f or EventFilter()).stats

    def stats_json(self, f: EventFilter | None = None, *, wait: float | None = None) -> bytes:
        """`stats` as JSON, kept with it. `wait`: seconds to wait at most when the result must be
        computed and every computation slot is busy; then StatsBusy."""
        return self._stats.get(f or EventFilter(), wait=wait).body

    def _compute_stats(self, f: EventFilter) -> Stats:
        with self.read_session() as s:
            return stats_query.stats(s, f)

    def deletions(self, since: datetime | None = None, *, limit: int = 1000, offset: int = 0) -> DeletionPage:
        """Ids removed (rejected, or merged into another) at or after `since`, newest first."""
        with self.read_session() as s:
            total, rows = repo.deletions(s, since, max(1, min(limit, 10000)), max(0, offset))
        items = [
            Deletion(event_id=e, reason=st, merged_into=into, at=at)  # type: ignore[arg-type]
            for e, st, into, at in rows
        ]
        return DeletionPage(total=total, limit=limit, offset=offset, items=items)

    def history(self, event_id: str) -> list[ReviewAction]:
        with self.read_session() as s:
            row = repo.get_event_row(s, event_id)
            if row is None:
                raise KeyError(event_id)
            return repo.history(s, row.id, row.event_id_cnty)

    def merges(self, event_id: str | None = None, include_undone: bool = False) -> list[MergeRecord]:
        with self.read_session() as s:
            return repo.merges(s, event_id, include_undone)

    # --- review ------------------------------------------------------------------------------------

    def _detail(self, s: Session, row: Any) -> EventDetail:
        s.flush()
        return repo.event_detail(s, row)

    def confirm(self, event_id: str, *, user: str, note: str | None = None) -> EventDetail:
        with self.session() as s:
            return self._detail(s, review.confirm(s, event_id, user, note))

    def edit(
        self, event_id: str, changes: dict[str, Any], *, user: str, note: str | None = None
    ) -> EventDetail:
        with self.session() as s:
            return self._detail(s, review.edit(s, event_id, changes, user, note))

    def reject(self, event_id: str, *, user: str, note: str | None = None) -> EventDetail:
        with self.session() as s:
            return self._detail(s, review.reject(s, event_id, user, note))

    def restore(self, event_id: str, *, user: str, note: str | None = None) -> EventDetail:
        with self.session() as s:
            return self._detail(s, review.restore(s, event_id, user, note))

    def merge(self, event_ids: Sequence[str], *, user: str, note: str | None = None) -> EventDetail:
        with self.session() as s:
            return self._detail(s, review.merge(s, event_ids, user, note))

    def split(
        self, event_id: str, members: Sequence[str] | None = None, *, user: str, note: str | None = None
    ) -> list[EventDetail]:
        with self.session() as s:
            rows = review.split(s, event_id, members, user, note)
            return [self._detail(s, r) for r in rows]

    def undo_merge(self, merge_id: int, *, user: str, note: str | None = None) -> list[EventDetail]:
        with self.session() as s:
            rows = review.undo_merge(s, merge_id, user, note)
            return [self._detail(s, r) for r in rows]

    # --- ingest, dedup, export ---------------------------------------------------------------------

    def add_article(self, article: Article, events: Sequence[Event]) -> tuple[str, list[str]] | None:
        from marsad.store.write import add_article

        with self.session() as s:
            got = add_article(s, article, events)
            if got is None:
                return None
            art, rows = got
            return art.article_id, [r.event_id_cnty for r in rows]

    def ingest(
        self,
        inputs: Sequence[str],
        *,
        workers: int = 1,
        published: date | None = None,
        progress: Callable[[int], None] | None = None,
        dedup: bool = True,
        follow_links: bool = True,
        on_reject: Callable[[Reject], None] | None = None,
        coded: bool = False,
    ) -> IngestReport:
        """`coded`: keep the events JSONL records carry (hand-coded data) instead of extracting."""
        from marsad.ingest.pipeline import run_ingest

        return run_ingest(
            self,
            inputs,
            workers=workers,
            published=published,
            progress=progress,
            dedup=dedup,
            follow_links=follow_links,
            coded=coded,
            on_reject=on_reject,
        )

    def ingest_articles(
        self,
        items: Iterable[Any],
        *,
        workers: int = 1,
        dedup: bool = True,
        extractor: Callable[[Article], list[Event]] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Ingest Articles (extracted here), `marsad.ingest.Prepared` items (events given) or Rejects."""
        from marsad.ingest.pipeline import run_ingest

        return run_ingest(
            self, None, items=items, workers=workers, dedup=dedup, extractor=extractor, progress=progress
        )

    def dedup(self, *, event_ids: Sequence[str] | None = None, pending_only: bool = False) -> DedupReport:
        from marsad.store.dedup import run_dedup

        return run_dedup(self, event_ids=event_ids, pending_only=pending_only)

    def export(self, out: Path | str, f: EventFilter | None = None, *, fmt: str | None = None) -> int:
        from marsad.store.export import export_events

        return export_events(Path(out), self.iter_events(f), fmt)
