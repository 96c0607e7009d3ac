"""Kept `/api/stats` results (issue 8): a dashboard asked for by many clients costs one query.

Each result is kept with the store's `data_version` at the time it was computed and its JSON
body, and served while the version is unchanged, so a hit costs no query (the version is read
at most every VERSION_TTL seconds) and no serialization. When the data change, the warmer
thread (woken by this process's writes, polling every WARM_EVERY s for other processes') or the
first client to ask recomputes the result. A change made by another process (an ingest, the
watcher) lets clients asking meanwhile have the previous result at once, at most one
computation old; after a write through this process (a reviewer's), everyone waits for the
fresh result, so the reviewer sees the change. At most `slots` computations run at once per
process: a caller that gives a `wait` (the API does for anonymous clients) gets `StatsBusy` when
no slot frees within it, so anonymous clients cannot queue heavy queries without bound.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from marsad.store.types import EventFilter, Stats

log = logging.getLogger("marsad.store")

Version = tuple[int, ...]

CACHE_SIZE = 128  # distinct filters kept; the unfiltered result is ~200 kB of JSON at 100k events
SLOTS = 2  # computations at once per process (the machine this was sized on has 2 cores)
WARM_EVERY = 2.0  # seconds between the warmer's looks at the data version
HOT_FOR = 120.0  # a result asked for within this many seconds is recomputed when the data change
WARM_AT_MOST = 8  # results the warmer recomputes per change, most recently asked for first
# The data version is read at most this often (seconds): at 16 clients most requests then need
# no database round trip at all. Writes through the same Store call `changed()`, so they show at
# once; another process's ingest shows within this delay.
VERSION_TTL = 0.25


class StatsBusy(RuntimeError):
    """Every computation slot stayed busy for the caller's whole wait."""


@dataclass
class Entry:
    version: Version
    stats: Stats
    body: bytes  # stats as JSON
    used: float  # time.monotonic() of the last request
    gen: int  # writes of this process before it was computed (StatsCache._gen)


def filter_key(f: EventFilter) -> str:
    # Paging and sort do not change stats: one entry for every page of the same filter.
    return f.model_dump_json(exclude={"limit", "offset", "sort"})


def _covers(have: Version, want: Version) -> bool:
    """Whether a result computed at `have` is at least as new as `want` (each part only grows)."""
    return all(h >= w for h, w in zip(have, want, strict=True))


class StatsCache:
    def __init__(
        self,
        compute: Callable[[EventFilter], Stats],
        version: Callable[[], Version],
        *,
        size: int = CACHE_SIZE,
        slots: int = SLOTS,
        warm_every: float | None = WARM_EVERY,
        version_ttl: float = VERSION_TTL,
    ) -> None:
        self._compute = compute
        self._read_version = version
        self._version_ttl = version_ttl
        self._known: tuple[float, int, Version] | None = None  # (monotonic time read, _gen, version)
        self._gen = 0  # writes of this process so far
        self._size = size
        self._slots = threading.BoundedSemaphore(slots)
        self._entries: OrderedDict[str, Entry] = OrderedDict()  # least recently used first
        self._filters: dict[str, EventFilter] = {}
        self._key_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()  # guards the three dicts above
        self._warm_every = warm_every
        self._warmer: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()  # set by changed(), close() and a stale result served
        self._wanted: set[str] = set()  # keys served stale, for the warmer to recompute
        self.computed = 0  # computations run (tests and the benchmark read it)

    def _version(self) -> Version:
        known, gen = self._known, self._gen
        if known is not None and known[1] == gen and time.monotonic() - known[0] < self._version_ttl:
            return known[2]
        t = time.monotonic()
        version = self._read_version()
        if self._gen == gen:  # no write of this process ended while reading: safe to reuse
            self._known = (t, gen, version)
        return version

    def changed(self) -> None:
        """This process wrote: read the data version afresh next time, and wake the warmer."""
        self._gen += 1
        self._wake.set()

    def get(self, f: EventFilter, *, wait: float | None = None) -> Entry:
        """The stats of `f` at the current data version. `wait`: seconds to wait at most for a
        computation (None: as long as it takes); beyond it, StatsBusy."""
        key = filter_key(f)
        version = self._version()
        hit = self._fresh(key, version)
        if hit is not None:
            return hit
        self._start_warmer()
        deadline = None if wait is None else time.monotonic() + wait
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
            previous = self._entries.get(key)
            # Only another process changed the data since this result was computed (an ingest,
            # the watcher): serve it, and have it recomputed in the background (or, without a
            # warmer, by whoever computes it now). After a write of this process, whoever wrote
            # through this server (a reviewer) must see the change: everyone waits for it.
            stale_ok = previous is not None and previous.gen == self._gen
            if stale_ok and self._warmer is not None:
                previous.used = time.monotonic()  # type: ignore[union-attr]
                self._wanted.add(key)
        if stale_ok and self._warmer is not None:
            self._wake.set()
            return previous  # type: ignore[return-value]
        if not key_lock.acquire(blocking=False):
            if stale_ok:  # being recomputed right now
                previous.used = time.monotonic()  # type: ignore[union-attr]
                return previous  # type: ignore[return-value]
            # One computation per key: the others wait here, then find it kept.
            left = _left(deadline)
            if not key_lock.acquire(timeout=-1 if left is None else left):
                raise StatsBusy
        try:
            hit = self._fresh(key, version)
            if hit is not None:
                return hit
            if not self._slots.acquire(timeout=_left(deadline)):
                raise StatsBusy
            try:
                return self._refresh(key, f)
            finally:
                self._slots.release()
        finally:
            key_lock.release()

    def _fresh(self, key: str, version: Version) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or not _covers(entry.version, version):
                return None
            entry.used = time.monotonic()
            self._entries.move_to_end(key)
            return entry

    def _refresh(self, key: str, f: EventFilter) -> Entry:
        """Compute and keep `f`'s stats. The version is read first (from the database): data
        written during the computation make the entry look older than it is (recomputed once
        more), never newer."""
        gen = self._gen
        version = self._read_version()
        stats = self._compute(f)
        entry = Entry(version, stats, stats.model_dump_json().encode(), time.monotonic(), gen)
        with self._lock:
            self.computed += 1
            old = self._entries.pop(key, None)
            if old is not None:
                entry.used = old.used  # a warmer's refresh is not a request
            self._entries[key] = entry
            self._filters[key] = f
            while len(self._entries) > self._size:
                gone, _ = self._entries.popitem(last=False)
                self._filters.pop(gone, None)
                self._key_locks.pop(gone, None)
        return entry

    # --- warming ----------------------------------------------------------------------------------

    def warm(self) -> int:
        """Recompute the stale results clients were served (all of them) and those asked for
        within HOT_FOR seconds (at most WARM_AT_MOST, the most recently asked first); return
        how many were recomputed."""
        now = time.monotonic()
        with self._lock:
            wanted, self._wanted = self._wanted, set()
            hot = [k for k, e in reversed(self._entries.items()) if now - e.used < HOT_FOR]
            keys = [*wanted, *(k for k in hot[:WARM_AT_MOST] if k not in wanted)]
        if not keys:
            return 0  # nobody is looking: do not even read the version
        version = self._read_version()
        done = 0
        for key in keys:
            with self._lock:
                key_lock, f = self._key_locks.get(key), self._filters.get(key)
            # A key being computed for a client right now needs no warming.
            if key_lock is None or f is None or not key_lock.acquire(blocking=False):
                continue
            try:
                if self._fresh_no_touch(key, version):
                    continue
                with self._slots:
                    self._refresh(key, f)
                done += 1
            finally:
                key_lock.release()
        return done

    def _fresh_no_touch(self, key: str, version: Version) -> bool:
        with self._lock:
            entry = self._entries.get(key)
            return entry is not None and _covers(entry.version, version)

    def _start_warmer(self) -> None:
        if self._warm_every is None or self._warmer is not None:
            return
        with self._lock:
            if self._warmer is not None:
                return
            self._warmer = threading.Thread(target=self._warm_loop, name="marsad-stats-warmer", daemon=True)
        self._warmer.start()

    def _warm_loop(self) -> None:
        assert self._warm_every is not None
        while not self._stop.is_set():
            self._wake.wait(self._warm_every)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.warm()
            except Exception:  # a database hiccup must not end the thread; clients compute then
                log.warning("stats warm-up failed", exc_info=True)

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._warmer is not None:
            self._warmer.join(timeout=5)


def _left(deadline: float | None) -> float | None:
    """Seconds left until `deadline` (None: no limit)."""
    return None if deadline is None else max(0.0, deadline - time.monotonic())
