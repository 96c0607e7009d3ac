"""Load benchmark of the REST API: typical `/api/events` queries on loopback against a store of
N synthetic events (default 1,000,000), on SQLite and on PostgreSQL.

    python bench/bench_api.py                    # 1M events, both databases
    python bench/bench_api.py --events 100000 --db sqlite --requests 200 --clients 4
    python bench/bench_api.py --events 100000 --db sqlite --stats --clients 16   # /api/stats

The database is bulk-loaded through SQLAlchemy Core (not the ingest path, which runs the
extractor) into the store's own schema, then `marsad serve` (one uvicorn worker) is started on a
free loopback port and a bounded number of requests is sent by a few concurrent httpx clients.
Prints p50/p99 latency and requests/s per query and overall.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import create_engine, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from api_fixtures import running_server
from marsad.store import Store
from marsad.store.schema import ArticleRow, EventActor, EventArticle, EventRow

PG_URL = "postgresql+psycopg://root@127.0.0.1:5432/test"

# (country, iso, iso3, [(admin1, lat, lon), ...]) — real governorates and their capitals' coordinates.
PLACES = [
    ("Syria", 760, "SYR", [("Aleppo", 36.20, 37.16), ("Idleb", 35.93, 36.63), ("Homs", 34.73, 36.72),
                           ("Deir ez Zor", 35.34, 40.14), ("Daraa", 32.62, 36.10), ("Ar Raqqa", 35.95, 39.01)]),
    ("Iraq", 368, "IRQ", [("Baghdad", 33.31, 44.37), ("Ninewa", 36.34, 43.13), ("Al Anbar", 33.42, 43.30),
                          ("Kirkuk", 35.47, 44.39), ("Salah al-Din", 34.60, 43.68)]),
    ("Yemen", 887, "YEM", [("Taizz", 13.58, 44.02), ("Marib", 15.46, 45.33), ("Al Hudaydah", 14.80, 42.95),
                           ("Sanaa", 15.35, 44.21)]),
    ("Libya", 434, "LBY", [("Tripoli", 32.89, 13.19), ("Benghazi", 32.12, 20.07), ("Sirte", 31.21, 16.59)]),
    ("Sudan", 729, "SDN", [("Khartoum", 15.50, 32.56), ("North Darfur", 13.63, 25.35), ("South Kordofan", 11.01, 29.72)]),
    ("Lebanon", 422, "LBN", [("South Lebanon", 33.27, 35.20), ("Beirut", 33.89, 35.50)]),
]  # fmt: skip
TYPES = [
    ("Battles", "Armed clash", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Strategic developments", "Arrests", "Strategic developments"),
]
ACTORS = [
    "Islamic State ({c})", "Military Forces of {c}", "Unidentified Armed Group ({c})", "Civilians ({c})",
    "Protesters ({c})", "Police Forces of {c}", "Hayat Tahrir al-Sham", "Houthi Movement",
    "Syrian Democratic Forces", "Popular Mobilization Forces", "Rapid Support Forces", "Hezbollah",
]  # fmt: skip

QUERIES: list[tuple[str, dict[str, str]]] = [
    ("latest page", {"limit": "50"}),
    ("country", {"country": "Syria", "limit": "50"}),
    ("country+type+6 months", {"country": "Iraq", "event_type": "Battles", "date_from": "2022-01-01",
                               "date_to": "2022-06-30", "limit": "50"}),
    ("admin1 by fatalities", {"admin1": "Homs", "sort": "-fatalities", "limit": "50"}),
    ("actor substring", {"actor": "islamic state", "limit": "50"}),
    ("one month, page 3", {"date_from": "2023-05-01", "date_to": "2023-05-31", "offset": "100", "limit": "50"}),
]  # fmt: skip

# `--stats`: the dashboard's aggregates (/api/stats), the whole store and two filtered views.
STATS_QUERIES: list[tuple[str, dict[str, str]]] = [
    ("stats: everything", {}),
    ("stats: country", {"country": "Syria"}),
    ("stats: country+year", {"country": "Iraq", "date_from": "2022-01-01", "date_to": "2022-12-31"}),
]
ENDPOINT = "/api/events"


def synthetic_rows(n: int, seed: int = 7) -> Iterator[tuple[dict, list[dict]]]:
    """(event row, actor rows) for n events: dates 2018-2025, places and types as above."""
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    now = datetime.now(UTC)
    seq: dict[str, int] = {}
    for i in range(n):
        country, iso, iso3, admins = rng.choice(PLACES)
        admin1, lat, lon = rng.choice(admins)
        ev_type, sub, disorder = rng.choice(TYPES)
        a1 = rng.choice(ACTORS).format(c=country)
        a2 = rng.choice(ACTORS).format(c=country) if rng.random() < 0.7 else ""
        seq[iso3] = seq.get(iso3, 0) + 1
        day = start + timedelta(days=rng.randrange(0, 8 * 365))
        fatalities = 0 if rng.random() < 0.45 else int(rng.expovariate(1 / 4))
        row = {
            "id": i + 1,
            "event_id_cnty": f"{iso3}{seq[iso3]}",
            "iso3": iso3,
            "event_date": day,
            "year": day.year,
            "time_precision": 1,
            "disorder_type": disorder,
            "event_type": ev_type,
            "sub_event_type": sub,
            "actor1": a1,
            "actor2": a2,
            "iso": iso,
            "region": "Middle East",
            "country": country,
            "admin1": admin1,
            "location": f"{admin1} {i % 50}",
            "latitude": lat + rng.uniform(-0.4, 0.4),
            "longitude": lon + rng.uniform(-0.4, 0.4),
            "geo_precision": rng.choice((1, 2, 3)),
            "source": "Synthetic",
            "notes": f"On {day:%d %B %Y}, a synthetic {sub.lower()} event in {admin1} ({country}).",
            "fatalities": fatalities,
            "article_id": f"bench-{i // 10}",
            "is_primary": True,
            "weapons": [],
            "confidence": 0.5,
            "status": "unreviewed",
            "n_sources": 1,
            "dedup_checked": True,
            "created_at": now,
            "updated_at": now,
        }
        actors = [{"event_id": i + 1, "role": "actor1", "name": a1}]
        if a2 and a2 != a1:
            actors.append({"event_id": i + 1, "role": "actor2", "name": a2})
        yield row, actors


def build(url: str, n: int, batch: int = 20_000) -> float:
    """Create the schema and bulk-load n events (one synthetic article per 10 events)."""
    t0 = time.perf_counter()
    store = Store(url)  # runs the migrations
    engine = store.engine
    now = datetime.now(UTC)
    n_articles = (n + 9) // 10
    with engine.begin() as conn:
        for lo in range(0, n_articles, batch):
            conn.execute(
                insert(ArticleRow),
                [
                    {"id": k + 1, "article_id": f"bench-{k}", "content_hash": uuid.UUID(int=k + 1).hex * 2,
                     "text": f"تقرير تجريبي رقم {k}", "meta": {}, "ingested_at": now}
                    for k in range(lo, min(n_articles, lo + batch))
                ],
            )  # fmt: skip
    events: list[dict] = []
    actors: list[dict] = []
    links: list[dict] = []
    last_seq: dict[str, int] = {}

    def flush() -> None:
        with engine.begin() as conn:
            conn.execute(insert(EventRow), events)
            conn.execute(insert(EventActor), actors)
            conn.execute(insert(EventArticle), links)
        events.clear()
        actors.clear()
        links.clear()

    for row, acts in synthetic_rows(n):
        events.append(row)
        actors.extend(acts)
        links.append({"event_id": row["id"], "article_pk": (row["id"] - 1) // 10 + 1, "fatalities": row["fatalities"],
                      "source": "Synthetic", "source_scale": ""})  # fmt: skip
        last_seq[row["iso3"]] = int(row["event_id_cnty"][3:])
        if len(events) >= batch:
            flush()
    if events:
        flush()
    with engine.begin() as conn:
        for prefix, seq in last_seq.items():
            conn.execute(text("DELETE FROM id_counters WHERE prefix = :p"), {"p": prefix})
            conn.execute(
                text("INSERT INTO id_counters (prefix, seq) VALUES (:p, :s)"), {"p": prefix, "s": seq}
            )
        if engine.dialect.name == "postgresql":
            # Explicit ids were inserted: move the sequences past them.
            for table in ("events", "articles"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                    )
                )
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        # VACUUM on PostgreSQL too: autovacuum would soon set the visibility map that index-only
        # scans rely on; measuring before it has run would time a state a live store is not in.
        conn.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    store.close()
    return time.perf_counter() - t0


def loaded(url: str) -> bool:
    """Whether a kept database already holds events (then it is reused, upgraded on open)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text("SELECT 1 FROM events LIMIT 1")).first())
    except Exception:  # no events table yet
        return False
    finally:
        engine.dispose()


async def _client(base: str, jobs: asyncio.Queue, out: dict[str, list[float]], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        while True:
            try:
                name, params = jobs.get_nowait()
            except asyncio.QueueEmpty:
                return
            t = time.perf_counter()
            resp = await client.get(ENDPOINT, params=params)
            dt = time.perf_counter() - t
            if resp.status_code != 200:
                errors.append(f"{name}: {resp.status_code} {resp.text[:200]}")
            out.setdefault(name, []).append(dt)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


async def load(base: str, requests: int, clients: int) -> tuple[dict[str, list[float]], float, list[str]]:
    jobs: asyncio.Queue = asyncio.Queue()
    # Interleave the query kinds so every kind sees the same server state.
    for _ in range(requests):
        for q in QUERIES:
            jobs.put_nowait(q)
    out: dict[str, list[float]] = {}
    errors: list[str] = []
    t0 = time.perf_counter()
    await asyncio.gather(*(_client(base, jobs, out, errors) for _ in range(clients)))
    return out, time.perf_counter() - t0, errors


def report(
    label: str, n: int, build_s: float, out: dict[str, list[float]], wall: float, clients: int
) -> None:
    total = sum(len(v) for v in out.values())
    print(f"\n== {label}: {n:,} events (loaded in {build_s:.0f} s), {clients} clients, {total} requests ==")
    print(f"{'query':28} {'n':>5} {'p50 ms':>9} {'p99 ms':>9} {'mean ms':>9}")
    for name, _ in QUERIES:
        v = out.get(name, [])
        if v:
            print(
                f"{name:28} {len(v):5d} {pct(v, 50) * 1000:9.1f} {pct(v, 99) * 1000:9.1f} {statistics.mean(v) * 1000:9.1f}"
            )
    every = [x for v in out.values() for x in v]
    print(f"{'all':28} {len(every):5d} {pct(every, 50) * 1000:9.1f} {pct(every, 99) * 1000:9.1f} "
          f"{statistics.mean(every) * 1000:9.1f}   -> {total / wall:.1f} req/s")  # fmt: skip


@contextlib.contextmanager
def database(kind: str, workdir: Path, keep: bool, name: str = "bench_api") -> Iterator[str]:
    """A bench database: `<name>.sqlite` in workdir, or schema `name` on PostgreSQL; dropped
    afterwards unless `keep` (reused by the next run)."""
    if kind == "sqlite":
        path = workdir / f"{name.replace('_', '-')}.sqlite"
        yield f"sqlite:///{path}"
        if not keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    schema = name
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        if not keep:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        if not keep:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=100, help="rounds; each round sends every query once")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--workdir", type=Path, default=Path(".marsad"))
    ap.add_argument("--keep", action="store_true", help="keep (and reuse) the loaded databases")
    ap.add_argument(
        "--build-only", action="store_true", help="load the databases (use with --keep), no requests"
    )
    ap.add_argument("--stats", action="store_true", help="time /api/stats instead of /api/events")
    args = ap.parse_args()
    if args.stats:
        global ENDPOINT
        ENDPOINT = "/api/stats"
        QUERIES[:] = STATS_QUERIES
    args.workdir.mkdir(parents=True, exist_ok=True)
    kinds = ("sqlite", "postgres") if args.db == "both" else (args.db,)
    for kind in kinds:
        with database(kind, args.workdir, args.keep) as url:
            reuse = args.keep and loaded(url)
            build_s = 0.0 if reuse else build(url, args.events)
            if args.build_only:
                print(f"{kind}: {'reused' if reuse else f'loaded in {build_s:.0f} s'}")
                continue
            with running_server(url, timeout=300) as base:
                # Warm-up: the first queries pay for opening files and filling caches.
                asyncio.run(load(base, 2, 1))
                out, wall, errors = asyncio.run(load(base, args.requests, args.clients))
            if errors:
                print(f"{len(errors)} failed requests, first: {errors[0]}")
            report(kind, args.events, build_s, out, wall, args.clients)


if __name__ == "__main__":
    main()
