"""Cross-report deduplication: one event per occurrence, with every report behind it.

Two active events are the same event when (docs/store-api.md, "Dedup rule"):
  - same event_type;
  - both dated, event_date within 1 day;
  - coordinates within 10 km, or the same folded location + admin1 + country;
  - at least one shared actor base name (period qualifiers such as "(2000-2024)" ignored);
  - they come from different articles (one report's events were split on purpose), and no
    person has separated them before (undo, split).

Cost: events are streamed sorted by (event_type, day). Only a 3-day window is kept, indexed by a
0.1-degree grid cell and by location key, so each event is compared with the few events of its
neighbouring cells and days: near-linear time, memory bounded by the busiest three days.
"""

from __future__ import annotations

import gc
import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from marsad.store.convert import actor_base, split_actors
from marsad.store.schema import DedupExclusion, EventArticle, EventRow
from marsad.store.types import DedupReport
from marsad.text.normalize import fold

MAX_KM = 10.0
MAX_DAYS = 1
CELL_DEG = 0.1  # 0.1 degree of latitude = 11.1 km > MAX_KM, so rows +-1 always suffice
DEDUP_USER = "dedup"
MERGE_BATCH = 200


class Item(NamedTuple):
    """What the matcher needs of one active event; small, so a million fit in memory if needed."""

    id: int
    event_type: str
    day: int  # date.toordinal()
    lat: float | None
    lon: float | None
    place: str  # folded "location|admin1|country", "" when there is no location
    actors: frozenset[str]
    articles: frozenset[int]


class Match(NamedTuple):
    a: int
    b: int
    reason: dict[str, Any]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


@lru_cache(maxsize=4096)
def _lon_reach_row(row: int) -> int:
    return _lon_reach(row * CELL_DEG)


def _lon_reach(lat: float) -> int:
    # How many 0.1-degree longitude cells 10 km spans at the worst latitude of the neighbouring rows.
    worst = min(89.9, abs(lat) + 2 * CELL_DEG)
    km_per_cell = 111.32 * CELL_DEG * math.cos(math.radians(worst))
    return max(1, math.ceil(MAX_KM / km_per_cell))


def place_key(location: str, admin1: str, country: str) -> str:
    return f"{fold(location)}|{fold(admin1)}|{fold(country)}" if location.strip() else ""


def actor_set(actor1: str, actor2: str, assoc1: str, assoc2: str) -> frozenset[str]:
    names = [actor1, actor2, *split_actors(assoc1), *split_actors(assoc2)]
    return frozenset(actor_base(n) for n in names if n.strip())


def compare(x: Item, y: Item) -> dict[str, Any] | None:
    """The rule values when x and y are the same event, else None."""
    if x.event_type != y.event_type or abs(x.day - y.day) > MAX_DAYS:
        return None
    if x.articles & y.articles:
        return None
    shared = x.actors & y.actors
    if not shared:
        return None
    dist = None
    if x.lat is not None and x.lon is not None and y.lat is not None and y.lon is not None:
        dist = haversine_km(x.lat, x.lon, y.lat, y.lon)
    same_place = bool(x.place) and x.place == y.place
    if not (same_place or (dist is not None and dist <= MAX_KM)):
        return None
    return {
        "event_type": x.event_type,
        "date_diff_days": abs(x.day - y.day),
        "distance_km": None if dist is None else round(dist, 2),
        "same_location": same_place,
        "shared_actors": sorted(shared),
    }


@dataclass
class _Day:
    cells: dict[tuple[int, int], list[Item]] = field(default_factory=lambda: defaultdict(list))
    places: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))


def find_matches(
    items: Iterable[Item],
    *,
    is_new: Callable[[int], bool] | None = None,
    excluded: set[tuple[int, int]] | None = None,
    stats: dict[str, int] | None = None,
) -> Iterator[Match]:
    """Matching pairs among `items`, which must come sorted by (event_type, day).

    `is_new`: when given, only pairs with at least one new event are reported (incremental runs).
    """
    excluded = excluded or set()
    window: dict[int, _Day] = {}
    current_type: str | None = None
    compared = 0
    for it in items:
        if it.event_type != current_type:
            window.clear()
            current_type = it.event_type
        for d in [d for d in window if d < it.day - MAX_DAYS]:
            del window[d]
        seen: set[int] = set()
        candidates: list[Item] = []
        for d in range(it.day - MAX_DAYS, it.day + 1):
            day = window.get(d)
            if day is None:
                continue
            if it.lat is not None and it.lon is not None:
                r, c = _cell(it.lat, it.lon)
                reach = _lon_reach_row(r)
                for dr in (-1, 0, 1):
                    for dc in range(-reach, reach + 1):
                        for other in day.cells.get((r + dr, c + dc), ()):
                            if other.id not in seen:
                                seen.add(other.id)
                                candidates.append(other)
            if it.place:
                for other in day.places.get(it.place, ()):
                    if other.id not in seen:
                        seen.add(other.id)
                        candidates.append(other)
        for other in candidates:
            if is_new is not None and not (is_new(it.id) or is_new(other.id)):
                continue
            pair = (min(it.id, other.id), max(it.id, other.id))
            if pair in excluded:
                continue
            compared += 1
            reason = compare(it, other)
            if reason is not None:
                yield Match(pair[0], pair[1], reason)
        slot = window.setdefault(it.day, _Day())
        if it.lat is not None and it.lon is not None:
            slot.cells[_cell(it.lat, it.lon)].append(it)
        if it.place:
            slot.places[it.place].append(it)
    if stats is not None:
        stats["compared_pairs"] = stats.get("compared_pairs", 0) + compared


def clusters(matches: Iterable[Match]) -> list[tuple[int, list[tuple[int, int, dict[str, Any]]]]]:
    """Union-find over matches: (survivor = lowest id, [(absorbed, matched_with, reason)]) per group.

    The lowest id survives so that the id first published for an occurrence stays its id."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges: dict[int, tuple[int, dict[str, Any]]] = {}
    for m in matches:
        ra, rb = find(m.a), find(m.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        edges.setdefault(m.b, (m.a, m.reason))  # why the later event joined
    groups: dict[int, list[int]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    out = []
    for members in groups.values():
        members.sort()
        survivor = members[0]
        absorbed = []
        for x in members[1:]:
            other, reason = edges.get(x, (survivor, {}))
            absorbed.append((x, other, reason))
        out.append((survivor, absorbed))
    out.sort()
    return out


def dedup_items(
    items: list[Item],
    *,
    is_new: Callable[[int], bool] | None = None,
    excluded: set[tuple[int, int]] | None = None,
    stats: dict[str, int] | None = None,
) -> list[tuple[int, list[tuple[int, int, dict[str, Any]]]]]:
    """clusters(find_matches(...)) with the cyclic garbage collector paused: the matcher allocates
    millions of small objects and none of them form cycles, and with a million items held, every
    full collection would walk them all again (measured: 157 s -> 45 s at 1M events)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return clusters(find_matches(items, is_new=is_new, excluded=excluded, stats=stats))
    finally:
        if was_enabled:
            gc.enable()


# --- database side --------------------------------------------------------------------------------


def _items_query(session: Session, days: list[date] | None):
    stmt = select(
        EventRow.id,
        EventRow.event_type,
        EventRow.event_date,
        EventRow.latitude,
        EventRow.longitude,
        EventRow.location,
        EventRow.admin1,
        EventRow.country,
        EventRow.actor1,
        EventRow.actor2,
        EventRow.assoc_actor_1,
        EventRow.assoc_actor_2,
    ).where(EventRow.status.notin_(("rejected", "merged")), EventRow.event_date.is_not(None))
    if days is not None:
        stmt = stmt.where(EventRow.event_date.in_(days))
    return stmt.order_by(EventRow.event_type, EventRow.event_date, EventRow.id)


def _articles_of(session: Session, root_ids: list[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = defaultdict(set)
    root = func.coalesce(EventRow.merged_into_id, EventRow.id)
    for i in range(0, len(root_ids), 900):
        chunk = root_ids[i : i + 900]
        rows = session.execute(
            select(root, EventArticle.article_pk)
            .join(EventArticle, EventArticle.event_id == EventRow.id)
            .where(root.in_(chunk))
        )
        for r, a in rows:
            out[r].add(a)
    return out


def load_items(session: Session, days: list[date] | None) -> list[Item]:
    rows = session.execute(_items_query(session, days)).all()
    arts = _articles_of(session, [r[0] for r in rows])
    return [
        Item(
            id=r[0],
            event_type=r[1],
            day=r[2].toordinal(),
            lat=r[3],
            lon=r[4],
            place=place_key(r[5], r[6], r[7]),
            actors=actor_set(r[8], r[9], r[10], r[11]),
            articles=frozenset(arts.get(r[0], ())),
        )
        for r in rows
    ]


def _merge_group(
    s: Session, survivor_id: int, absorbed: list[tuple[int, int, dict[str, Any]]]
) -> tuple[int, int] | None:
    from marsad.store.review import merge_rows

    survivor = s.get(EventRow, survivor_id)
    rows = [s.get(EventRow, a) for a, _, _ in absorbed]
    live = [r for r in rows if r is not None and r.status not in ("merged", "rejected")]
    if survivor is None or survivor.status in ("merged", "rejected") or not live:
        return None
    cnty = {e.id: e.event_id_cnty for e in [survivor, *live]}
    for _, o, _ in absorbed:
        if o not in cnty:
            other = s.get(EventRow, o)
            cnty[o] = other.event_id_cnty if other is not None else str(o)
    reason = {
        "rule": "same event_type; dates within 1 day; within 10 km or same location; shared actor",
        "pairs": [{"absorbed": cnty.get(a, str(a)), "matched": cnty[o], **r} for a, o, r in absorbed],
    }
    m = merge_rows(s, survivor, live, user=DEDUP_USER, kind="dedup", reason=reason)
    return m.id, len(live)


def run_dedup(
    store: Any, *, event_ids: Iterable[str] | None = None, pending_only: bool = False
) -> DedupReport:
    """Find and merge duplicates. pending_only: the events not yet checked (after an ingest) against
    everything in their days; event_ids: those events likewise; neither: all active events."""
    from marsad.store.review import mark_checked

    t0 = time.perf_counter()
    report = DedupReport()
    with store.read_session() as s:  # a long read: no write lock held
        new_ids: set[int] | None = None
        if event_ids is not None:
            wanted = list(event_ids)
            new_ids = set(s.scalars(select(EventRow.id).where(EventRow.event_id_cnty.in_(wanted))))
        elif pending_only:
            new_ids = set(s.scalars(select(EventRow.id).where(EventRow.dedup_checked.is_(False))))
        days: list[date] | None = None
        if new_ids is not None:
            new_days = (
                set(s.scalars(select(EventRow.event_date).where(EventRow.id.in_(new_ids))).all())
                if new_ids
                else set()
            )
            days = sorted({d + timedelta(days=k) for d in new_days if d is not None for k in (-1, 0, 1)})
        items = load_items(s, days) if days is None or days else []
        excluded = {(a, b) for a, b in s.execute(select(DedupExclusion.event_a, DedupExclusion.event_b))}
        counters: dict[str, int] = {}
        is_new = (lambda i: i in new_ids) if new_ids is not None else None
        groups = dedup_items(items, is_new=is_new, excluded=excluded, stats=counters)
        report.compared_pairs = counters.get("compared_pairs", 0)
        checked = sorted(new_ids) if new_ids is not None else None
    # Merges are committed in batches: each batch is one transaction, so a crash leaves every merge
    # either done (and undoable) or not done, and the next run finds the rest again.
    for start in range(0, len(groups), MERGE_BATCH):
        with store.session() as s:
            for survivor_id, absorbed in groups[start : start + MERGE_BATCH]:
                m = _merge_group(s, survivor_id, absorbed)
                if m is not None:
                    report.merges += 1
                    report.events_absorbed += m[1]
                    report.merge_ids.append(m[0])
    with store.session() as s:
        if checked is None:
            s.execute(
                EventRow.__table__.update()
                .where(EventRow.dedup_checked.is_(False))
                .values(dedup_checked=True)
            )
        else:
            mark_checked(s, checked)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report
