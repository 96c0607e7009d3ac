"""`/api/stats` aggregates in one statement per database (issue 8), from the covering indexes
of migration 0004. `marsad.store.stats_cache` keeps the results."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, literal_column, null, select, text, union_all
from sqlalchemy.orm import Session

from marsad.store.filters import ACTIVE, apply_filter
from marsad.store.filters import hint as _hint
from marsad.store.schema import EventRow
from marsad.store.types import Bucket, EventFilter, Stats

# Filters the covering stats index (migration 0004) serves alone: a date range over the active
# events. Any other filter has a narrower index of its own (migration 0002), or (an explicit
# status list) cannot use the partial index at all.
_STATS_INDEX_FILTERS = frozenset({"date_from", "date_to", "primary", "limit", "offset", "sort"})
_NOT_FILTERS = frozenset({"limit", "offset", "sort"})


def stats(session: Session, f: EventFilter | None) -> Stats:
    """Totals and buckets of the filtered events from the covering indexes of migration 0004,
    reading the matching rows once (a pass over the events per bucket kind cost ~5x as much):
    GROUPING SETS on PostgreSQL; on SQLite, which has none, the rows' five columns materialized
    once and grouped five ways, or, with no filter at all, one ordered index walk per bucket."""
    flt = f or EventFilter()
    cols = (EventRow.event_date, EventRow.event_type, EventRow.admin1, EventRow.country)
    if session.get_bind().dialect.name == "postgresql":
        found = _stats_grouping_sets(session, flt, cols)
    elif set(flt.model_dump(exclude_defaults=True)) <= _NOT_FILTERS:
        found = _stats_walks(session, cols)
    else:
        found = _stats_materialized(session, flt, cols)
    out: dict[int, list[Bucket]] = defaultdict(list)
    for kind, key, count, fat in found:
        if kind == 1 and key is None:
            continue  # undated events count in the totals, not in by_day
        out[kind].append(Bucket(key=str(key) if key is not None else "", events=count, fatalities=fat or 0))
    ranked = [sorted(out[k], key=lambda b: (-b.events, b.key)) for k in (2, 3, 4)]
    if 0 not in out:  # the walks: every event is in one country bucket (NULL is a bucket too)
        out[0] = [
            Bucket(
                key="",
                events=sum(b.events for b in ranked[2]),
                fatalities=sum(b.fatalities for b in ranked[2]),
            )
        ]
    total = out[0][0] if out[0] else Bucket(key="", events=0, fatalities=0)
    return Stats(
        total_events=total.events,
        total_fatalities=total.fatalities,
        by_day=sorted(out[1], key=lambda b: b.key),
        by_type=ranked[0],
        by_admin1=ranked[1],
        by_country=ranked[2],
    )


# GROUPING(date, type, admin1, country) of each grouping set -> its bucket kind (0 = the total).
_GROUPING_KIND = {0b1111: 0, 0b0111: 1, 0b1011: 2, 0b1101: 3, 0b1110: 4}


def _stats_grouping_sets(session: Session, flt: EventFilter, cols: tuple[Any, ...]) -> Iterator[tuple]:
    grouping = func.grouping(*cols)
    stmt = apply_filter(
        session, select(grouping, *cols, func.count(), func.sum(EventRow.fatalities)), flt
    ).group_by(func.grouping_sets(text("()"), *cols))
    for g, d, t, a, c, count, fat in session.execute(stmt):
        kind = _GROUPING_KIND[g]
        yield kind, (None, d, t, a, c)[kind], count, fat


def _stats_materialized(session: Session, flt: EventFilter, cols: tuple[Any, ...]) -> Iterator[tuple]:
    rows = apply_filter(session, select(*cols, EventRow.fatalities), flt)
    if not set(flt.model_dump(exclude_defaults=True)) - _STATS_INDEX_FILTERS:
        rows = _hint(rows, EventRow, "ix_events_active_stats")
    m = rows.cte("stats_rows").prefix_with("MATERIALIZED")
    n, fat = func.count(), func.sum(m.c.fatalities)
    mcols = [m.c[c.key] for c in cols]
    parts = [select(literal_column("0"), null(), n, fat).select_from(m)]
    parts += [select(literal_column(str(k)), col, n, fat).group_by(col) for k, col in enumerate(mcols, 1)]
    yield from session.execute(union_all(*parts))


# SQLite: the index each bucket kind walks in key order (migration 0004), so no group sorts.
_WALK_INDEXES = (
    "ix_events_active_stats",
    "ix_events_active_stats_type",
    "ix_events_active_stats_admin1",
    "ix_events_active_stats_country",
)


def _stats_walks(session: Session, cols: tuple[Any, ...]) -> Iterator[tuple]:
    for kind, (col, index) in enumerate(zip(cols, _WALK_INDEXES, strict=True), 1):
        stmt = select(col, func.count(), func.sum(EventRow.fatalities)).where(ACTIVE).group_by(col)
        for key, count, fat in session.execute(_hint(stmt, EventRow, index)):
            yield kind, key, count, fat
