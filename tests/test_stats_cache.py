"""`/api/stats` at scale (issue 8): one-pass aggregates equal to a plain count on SQLite and
PostgreSQL, results kept until the data change, one computation for many simultaneous askers,
a bounded wait (503 for anonymous clients), and the warmer. Timings: bench/bench_stats.py."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

import marsad.api.read as read_api
from api_fixtures import make_client
from marsad.store import EventFilter, Store
from marsad.store.stats_cache import VERSION_TTL, StatsBusy, StatsCache
from marsad.store.types import Bucket, Stats
from store_fixtures import *  # noqa: F403
from store_fixtures import report


def _fill(store: Store, n: int = 12) -> list[str]:
    """n reports whose events vary in type, country, admin1 (some blank) and date."""
    ids: list[str] = []
    for i in range(n):
        art, (ev,) = report(i)
        changes: dict[str, object] = {}
        if i % 3 == 1:
            changes.update(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
        if i % 4 == 2:
            changes.update(country="Iraq", iso=368, admin1="Ninewa")
        if i % 5 == 4:
            changes.update(admin1=None)
        if i % 6 == 5:  # the day of the report before: two events on one day
            changes.update(event_date=(date(2020, 8, 1) + timedelta(days=i - 1)).isoformat())
        got = store.add_article(art, [ev.model_copy(update=changes)])
        assert got is not None
        ids += got[1]
    return ids


def _plain(store: Store, f: EventFilter) -> Stats:
    """The same aggregates counted in Python from the listed events."""
    events = list(store.iter_events(f))
    sums: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for e in events:
        for kind, key in (
            ("day", e.event_date),
            ("type", e.event_type),
            ("admin1", e.admin1),
            ("country", e.country),
        ):
            b = sums[kind][str(key) if key else ""]
            b[0] += 1
            b[1] += e.fatalities or 0

    def buckets(kind: str) -> list[Bucket]:
        return [Bucket(key=k, events=n, fatalities=fat) for k, (n, fat) in sums[kind].items()]

    def ranked(kind: str) -> list[Bucket]:
        return sorted(buckets(kind), key=lambda b: (-b.events, b.key))

    return Stats(
        total_events=len(events),
        total_fatalities=sum(e.fatalities or 0 for e in events),
        by_day=sorted(buckets("day"), key=lambda b: b.key),
        by_type=ranked("type"),
        by_admin1=ranked("admin1"),
        by_country=ranked("country"),
    )


def test_stats_equal_a_plain_count(store: Store) -> None:
    ids = _fill(store)
    store.reject(ids[0], user="t")  # hidden from the default view
    filters = [
        EventFilter(),
        EventFilter(country="Syria"),
        EventFilter(country="SYR", date_from=date(2020, 8, 3), date_to=date(2020, 8, 9)),
        EventFilter(date_from=date(2020, 8, 5)),
        EventFilter(event_type="Battles", admin1="homs"),
        EventFilter(actor="islamic state"),
        EventFilter(status=["rejected"]),
        EventFilter(primary=True, date_to=date(2020, 8, 6)),
        EventFilter(country="Nowhere"),
    ]
    for f in filters:
        assert store.stats(f) == _plain(store, f), f


def test_kept_until_the_data_change(store: Store, db_url: str) -> None:
    ids = _fill(store, 6)
    first = store.stats()
    computed = store._stats.computed
    assert store.stats() is first and store._stats.computed == computed  # kept
    store.stats(EventFilter(limit=7, offset=3, sort="fatalities"))  # paging is not a new filter
    assert store._stats.computed == computed
    store.reject(ids[1], user="t")
    after = store.stats()
    assert after.total_events == first.total_events - 1
    store.add_article(*report(40))  # this store's own write: seen at once
    assert store.stats().total_events == after.total_events + 1
    with Store(db_url) as other:  # another process's write: noticed within VERSION_TTL, then the
        other.add_article(*report(41))  # previous result is served while the warmer recomputes
    time.sleep(VERSION_TTL + 0.05)
    deadline = time.monotonic() + 10
    while store.stats().total_events != after.total_events + 2:
        assert time.monotonic() < deadline
        time.sleep(0.05)


def _slow_cache(delay: float, **kw: object) -> tuple[StatsCache, list[int]]:
    version = [1]

    def compute(_: EventFilter) -> Stats:
        time.sleep(delay)
        return Stats(
            total_events=version[0], total_fatalities=0, by_day=[], by_type=[], by_admin1=[], by_country=[]
        )

    return StatsCache(compute, lambda: (version[0], 0, 0), warm_every=None, **kw), version  # type: ignore[arg-type]


def test_one_computation_for_simultaneous_askers() -> None:
    cache, _ = _slow_cache(0.3)
    got: list[int] = []
    threads = [
        threading.Thread(target=lambda: got.append(cache.get(EventFilter()).stats.total_events))
        for _ in range(12)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [1] * 12
    assert cache.computed == 1


def test_a_bounded_wait_gives_busy() -> None:
    cache, _ = _slow_cache(1.0, slots=1)
    hog = threading.Thread(target=cache.get, args=(EventFilter(country="A"),))
    hog.start()
    time.sleep(0.2)
    t0 = time.monotonic()
    with pytest.raises(StatsBusy):
        cache.get(EventFilter(country="B"), wait=0.2)
    assert time.monotonic() - t0 < 0.6
    assert cache.get(EventFilter(country="B")).stats.total_events == 1  # no wait given: it waits
    hog.join()


def test_warmer_recomputes_what_clients_asked_for() -> None:
    cache, version = _slow_cache(0.0)
    cache.get(EventFilter())
    cache.get(EventFilter(country="A"))
    assert cache.warm() == 0  # nothing changed
    version[0] = 2
    assert cache.warm() == 2
    computed = cache.computed
    assert cache.get(EventFilter()).stats.total_events == 2
    assert cache.computed == computed  # the client found it warm


def test_anonymous_stats_get_503_when_busy(tmp_path, monkeypatch) -> None:
    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        _fill(store, 3)
        client = make_client(store)
        assert client.get("/api/stats").json()["total_events"] == 3
        monkeypatch.setattr(read_api, "ANONYMOUS_STATS_WAIT", 0.1)
        slots = store._stats._slots
        slots.acquire()
        slots.acquire()  # every computation slot taken
        try:
            assert client.get("/api/stats").status_code == 200  # kept: needs no slot
            busy = client.get("/api/stats", params={"country": "Iraq"})
            assert busy.status_code == 503
            assert busy.headers["retry-after"] == "2"
            assert busy.json()["code"] == "busy"
        finally:
            slots.release()
            slots.release()
        assert client.get("/api/stats", params={"country": "Iraq"}).json()["total_events"] == 1
        assert Counter(b["key"] for b in client.get("/api/stats").json()["by_country"]) == Counter(
            ["Syria", "Iraq"]
        )


def test_previous_result_while_recomputing_only_after_another_process_wrote() -> None:
    cache, version = _slow_cache(0.5)
    cache._version_ttl = 0  # read the version on every request
    assert cache.get(EventFilter()).stats.total_events == 1
    version[0] = 2  # another process wrote
    first = threading.Thread(target=cache.get, args=(EventFilter(),))
    first.start()
    time.sleep(0.1)
    t0 = time.monotonic()
    assert cache.get(EventFilter()).stats.total_events == 1  # at once, one computation old
    assert time.monotonic() - t0 < 0.2
    first.join()
    assert cache.get(EventFilter()).stats.total_events == 2
    version[0] = 3
    cache.changed()  # this process wrote: nobody gets the old result
    first = threading.Thread(target=cache.get, args=(EventFilter(),))
    first.start()
    time.sleep(0.1)
    assert cache.get(EventFilter()).stats.total_events == 3
    first.join()


def test_after_another_process_wrote_the_warmer_recomputes_in_the_background() -> None:
    version = [1]

    def compute(_: EventFilter) -> Stats:
        time.sleep(0.3)
        return Stats(
            total_events=version[0], total_fatalities=0, by_day=[], by_type=[], by_admin1=[], by_country=[]
        )

    cache = StatsCache(compute, lambda: (version[0], 0, 0), warm_every=5.0, version_ttl=0)
    try:
        assert cache.get(EventFilter()).stats.total_events == 1  # computed by the client; warmer started
        version[0] = 2  # another process wrote
        t0 = time.monotonic()
        assert cache.get(EventFilter()).stats.total_events == 1  # the previous result, at once
        assert time.monotonic() - t0 < 0.1
        deadline = time.monotonic() + 5
        while cache.get(EventFilter()).stats.total_events != 2:  # the warmer, woken, recomputes it
            assert time.monotonic() < deadline
            time.sleep(0.05)
        version[0] = 3
        cache.changed()  # this process wrote: the client waits for the fresh result
        assert cache.get(EventFilter()).stats.total_events == 3
    finally:
        cache.close()
