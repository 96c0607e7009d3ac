"""Cross-report deduplication: the rule, the blocking (checked against all pairs), merges in the
database with their reasons, the conservative fatalities rule, and undo."""

from __future__ import annotations

import json
import random

import pytest

from marsad.ingest import Prepared
from marsad.store import EventFilter, Store
from marsad.store.convert import actor_base, conservative_fatalities
from marsad.store.dedup import Item, clusters, compare, find_matches, haversine_km
from store_fixtures import *  # noqa: F403  (db_url and store fixtures)
from store_fixtures import report


def item(i: int, *, day: int = 737000, lat: float | None = 34.88, lon: float | None = 38.87, **kw) -> Item:
    base = dict(
        id=i,
        event_type="Battles",
        day=day,
        lat=lat,
        lon=lon,
        place="",
        actors=frozenset({"islamic state (syria)", "military forces of syria"}),
        articles=frozenset({i}),
    )
    base.update(kw)
    return Item(**base)  # type: ignore[arg-type]


def test_actor_base_ignores_periods_not_countries() -> None:
    assert actor_base("Military Forces of Syria (2000-2024)") == actor_base("Military Forces of Syria")
    assert actor_base("Military Forces of Syria (2024-)") == "military forces of syria"
    assert actor_base("Islamic State (Syria)") != actor_base("Islamic State (Iraq)")


def test_the_rule_one_condition_at_a_time() -> None:
    a = item(1)
    assert compare(a, item(2, lat=34.92)) is not None  # ~4.5 km
    assert compare(a, item(2, day=737001)) is not None  # next day
    assert compare(a, item(2, day=737002)) is None  # two days apart
    assert compare(a, item(2, lat=34.88 + 0.1)) is None  # ~11 km
    assert compare(a, item(2, event_type="Explosions/Remote violence")) is None
    assert compare(a, item(2, actors=frozenset({"hezbollah"}))) is None
    assert compare(a, item(2, articles=frozenset({1}))) is None  # two events of one report
    # Same named location counts even without coordinates.
    p = "السخنه|homs|syria"
    assert compare(item(1, lat=None, lon=None, place=p), item(2, lat=None, lon=None, place=p)) is not None
    assert compare(item(1, lat=None, lon=None), item(2, lat=None, lon=None)) is None
    r = compare(a, item(2, lat=34.92, actors=frozenset({"islamic state (syria)"})))
    assert r is not None and r["shared_actors"] == ["islamic state (syria)"] and 4 < r["distance_km"] < 5


def test_conservative_fatalities() -> None:
    assert conservative_fatalities([10, 12]) == 10
    assert conservative_fatalities([0, 5]) == 5  # a report without a toll does not erase one
    assert conservative_fatalities([0, 0]) == 0
    assert conservative_fatalities([]) == 0


@pytest.mark.parametrize("lat0", [0.0, 34.0, 62.0])
def test_blocking_finds_every_pair_brute_force_finds(lat0: float) -> None:
    rng = random.Random(int(lat0) + 7)
    actors = ["a", "b", "c", "d"]
    items = []
    for i in range(1500):
        items.append(
            item(
                i,
                day=737000 + rng.randrange(20),
                lat=lat0 + rng.uniform(0, 0.6),
                lon=40 + rng.uniform(0, 0.6),
                event_type=rng.choice(["Battles", "Riots"]),
                place=rng.choice(["", "", "x|y|z"]),
                actors=frozenset(rng.sample(actors, 2)),
            )
        )
    items.sort(key=lambda x: (x.event_type, x.day, x.id))
    fast = {(m.a, m.b) for m in find_matches(items)}
    slow = set()
    for i, x in enumerate(items):
        for y in items[i + 1 :]:
            if compare(x, y) is not None:
                slow.add((min(x.id, y.id), max(x.id, y.id)))
    assert fast == slow and len(slow) > 50


def test_blocking_compares_few_pairs() -> None:
    # 20k events spread over a year and a region: compared pairs grow with n, not n².
    rng = random.Random(3)
    items = sorted(
        (
            item(i, day=737000 + rng.randrange(365), lat=32 + rng.uniform(0, 5), lon=36 + rng.uniform(0, 6))
            for i in range(20000)
        ),
        key=lambda x: (x.event_type, x.day, x.id),
    )
    stats: dict[str, int] = {}
    list(find_matches(items, stats=stats))
    assert stats["compared_pairs"] < 20000 * 5


def test_clusters_keep_the_oldest_id_and_say_why() -> None:
    a, b, c = item(5), item(9, lat=34.9), item(7, lat=34.91)
    groups = clusters(find_matches(sorted([a, b, c], key=lambda x: x.id)))
    assert len(groups) == 1
    survivor, absorbed = groups[0]
    assert survivor == 5 and sorted(x for x, _, _ in absorbed) == [7, 9]
    assert all(r["event_type"] == "Battles" for _, _, r in absorbed)


def test_haversine() -> None:
    # Damascus to Homs, about 140 km.
    assert 135 < haversine_km(33.5138, 36.2765, 34.7324, 36.7137) < 145


def _ingest(store: Store, *pairs) -> None:
    rep = store.ingest_articles([Prepared(a, e) for a, e in pairs])
    assert not rep.rejects


def test_reports_of_one_event_become_one_event_with_all_sources(store: Store) -> None:
    _ingest(store, report(0), report(1), report(2))
    _ingest(store, report(0, variant=1), report(1, variant=2))
    active = store.list_events(EventFilter(sort="event_id_cnty"))
    assert [e.event_id_cnty for e in active.items] == ["SYR1", "SYR2", "SYR3"]
    d = store.get_event("SYR1")
    assert d is not None and d.members == ["SYR4"] and d.event.n_sources == 2
    # 2 reported first, 3 later: the lowest figure, each source's own figure kept.
    assert d.event.fatalities == 2 and sorted(s.fatalities for s in d.sources) == [2, 3]
    assert {s.outlet for s in d.sources} == {"عنب بلدي", "المرصد السوري"}
    assert len(d.evidence) == 2 and {e.article_id for e in d.evidence} == {"r0000", "r0000-v1"}
    m1, m2 = store.merges()
    assert m2.survivor == "SYR2" and m2.absorbed == ["SYR5"]
    assert m1.kind == "dedup" and m1.survivor == "SYR1" and m1.absorbed == ["SYR4"] and m1.user == "dedup"
    pair = m1.reason["pairs"][0]
    assert pair["date_diff_days"] == 0 and pair["same_location"] is True and pair["distance_km"] < 2
    assert "military forces of syria" in pair["shared_actors"]
    assert [h.action for h in d.history] == ["dedup_merge"]
    # The article of the second report points at the surviving event.
    art = store.get_article("r0000-v1")
    assert art is not None and [e.event_id_cnty for e in art.events] == ["SYR1"]
    # Running dedup again changes nothing.
    assert store.dedup().merges == 0


def test_undo_restores_and_is_remembered(store: Store) -> None:
    _ingest(store, report(0))
    before = store.get_event("SYR1")
    _ingest(store, report(0, variant=1))
    (m,) = store.merges()
    restored = store.undo_merge(m.merge_id, user="amal", note="different attacks")
    assert [d.event.event_id_cnty for d in restored] == ["SYR1", "SYR2"]
    after = store.get_event("SYR1")
    assert after is not None and before is not None
    for f in ("fatalities", "source", "n_sources", "actor2", "latitude"):
        assert getattr(after.event, f) == getattr(before.event, f)
    assert after.members == [] and store.get_event("SYR2").event.status == "unreviewed"  # type: ignore[union-attr]
    assert store.merges() == [] and store.merges(include_undone=True)[0].undone_at is not None
    assert json.loads(after.history[-1].old_value) == {"merge_id": m.merge_id}
    assert store.dedup().merges == 0  # not merged again
    with pytest.raises(ValueError, match="already undone"):
        store.undo_merge(m.merge_id, user="amal")


def test_undo_in_order(store: Store) -> None:
    _ingest(store, report(0), report(0, variant=1))
    _ingest(store, report(0, variant=2))
    merges = store.merges()
    assert len(merges) == 2 and all(m.survivor == "SYR1" for m in merges)
    d = store.get_event("SYR1")
    assert d is not None and d.event.n_sources == 3 and d.event.fatalities == 2
    with pytest.raises(ValueError, match="undo it first"):
        store.undo_merge(merges[0].merge_id, user="amal")
    store.undo_merge(merges[1].merge_id, user="amal")
    store.undo_merge(merges[0].merge_id, user="amal")
    assert store.list_events(EventFilter()).total == 3


def test_rejected_and_distant_events_stay_apart(store: Store) -> None:
    _ingest(store, report(0))
    store.reject("SYR1", user="amal")
    _ingest(store, report(0, variant=1))
    assert store.merges() == []
    far_art, far_evs = report(0, variant=3)
    far_evs[0].latitude = 35.2  # ~35 km north, and another named place
    far_evs[0].location = "Arak"
    _ingest(store, (far_art, far_evs))
    assert store.merges() == []
