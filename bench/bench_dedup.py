"""Dedup cost at 10k, 100k and 1M synthetic events: time, candidate pairs, peak memory.

    python bench/bench_dedup.py                       # matcher alone: 10k, 100k, 1M
    python bench/bench_dedup.py --sizes 10000 100000 --db sqlite   # full `marsad dedup` on a database

The synthetic events are generated directly (no text, no extraction): a year of events over a
5 x 7 degree region (Syria-sized), six event types, thirty actors, and 10% of events reported a
second time by another outlet (same type, up to a day and ~3 km apart, sharing an actor) - the
pairs dedup must find. Each size runs in a fresh process so peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, date, datetime

TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]
ACTORS = [f"Actor {i} (Syria)" for i in range(30)]
DUP_RATE = 0.10


def synthetic(n: int, seed: int = 1):
    """(id, type, day, lat, lon, place, actors, article) rows; ids of true duplicates come in pairs."""
    rng = random.Random(seed)
    start = date(2023, 1, 1).toordinal()
    rows = []
    i = 0
    while i < n:
        t = rng.choice(TYPES)
        day = start + rng.randrange(365)
        lat, lon = 32.5 + rng.uniform(0, 5), 35.5 + rng.uniform(0, 7)
        a1, a2 = rng.sample(ACTORS, 2)
        place = f"place{rng.randrange(20000)}"
        rows.append((i + 1, t, day, lat, lon, place, (a1, a2), i + 1))
        i += 1
        if i < n and rng.random() < DUP_RATE:
            rows.append(
                (
                    i + 1,
                    t,
                    day + rng.choice((0, 0, 1)),
                    lat + rng.uniform(-0.02, 0.02),
                    lon + rng.uniform(-0.02, 0.02),
                    place,
                    (a1, rng.choice(ACTORS)),
                    i + 1,
                )
            )
            i += 1
    return rows


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_matcher(n: int) -> dict[str, object]:
    from marsad.store.dedup import Item, dedup_items

    rows = synthetic(n)
    # Sorted before the Items are made, as the database query returns them: objects then sit in
    # memory in the order the matcher walks them.
    rows.sort(key=lambda r: (r[1], r[2], r[0]))
    items = [
        Item(
            id=r[0],
            event_type=r[1],
            day=r[2],
            lat=r[3],
            lon=r[4],
            place=r[5],
            actors=frozenset(a.casefold() for a in r[6]),
            articles=frozenset((r[7],)),
        )
        for r in rows
    ]
    del rows
    base = rss_mb()
    stats: dict[str, int] = {}
    t0 = time.perf_counter()
    groups = dedup_items(items, stats=stats)
    secs = time.perf_counter() - t0
    return {
        "mode": "matcher",
        "events": n,
        "seconds": round(secs, 2),
        "events_per_s": round(n / secs),
        "candidate_pairs": stats["compared_pairs"],
        "merges": len(groups),
        "absorbed": sum(len(a) for _, a in groups),
        "peak_rss_mb": round(rss_mb()),
        "rss_before_match_mb": round(base),
    }


def run_db(n: int, url: str) -> dict[str, object]:
    """Bulk-load n synthetic events into a fresh database, then time a full `marsad dedup`."""
    from sqlalchemy import insert

    from marsad.store import Store
    from marsad.store.schema import ArticleRow, EventArticle, EventRow

    st = Store(url)
    rows = synthetic(n)
    now = datetime.now(UTC)
    t0 = time.perf_counter()
    with st.session() as s:
        for i in range(0, n, 5000):
            chunk = rows[i : i + 5000]
            s.execute(
                insert(ArticleRow),
                [
                    {
                        "id": r[7],
                        "article_id": f"a{r[7]}",
                        "content_hash": f"{r[7]:064x}",
                        "text": "",
                        "meta": {},
                        "ingested_at": now,
                    }
                    for r in chunk
                ],
            )
            s.execute(
                insert(EventRow),
                [
                    {
                        "id": r[0],
                        "event_id_cnty": f"SYR{r[0]}",
                        "iso3": "SYR",
                        "event_date": date.fromordinal(r[2]),
                        "event_type": r[1],
                        "actor1": r[6][0],
                        "actor2": r[6][1],
                        "latitude": r[3],
                        "longitude": r[4],
                        "location": r[5],
                        "country": "Syria",
                        "weapons": [],
                        "created_at": now,
                        "updated_at": now,
                    }
                    for r in chunk
                ],
            )
            s.execute(
                insert(EventArticle), [{"event_id": r[0], "article_pk": r[7], "fatalities": 0} for r in chunk]
            )
    load = time.perf_counter() - t0
    rep = st.dedup()
    st.close()
    return {
        "mode": f"database ({url.split(':')[0]})",
        "events": n,
        "load_seconds": round(load, 1),
        "seconds": rep.seconds,
        "events_per_s": round(n / rep.seconds) if rep.seconds else None,
        "candidate_pairs": rep.compared_pairs,
        "merges": rep.merges,
        "absorbed": rep.events_absorbed,
        "peak_rss_mb": round(rss_mb()),
    }


def _child(args: argparse.Namespace) -> None:
    if args.db:
        url = args.url
        out = run_db(args.one, url)
    else:
        out = run_matcher(args.one)
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--db", choices=["sqlite", "postgresql"], help="run the full database dedup instead")
    ap.add_argument("--pg", default="postgresql+psycopg://root@127.0.0.1:5432/test")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        _child(args)
        return
    results = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n)]
        cleanup = None
        if args.db == "sqlite":
            import tempfile

            tmp = tempfile.mkdtemp(prefix="marsad-bench-")
            cmd += ["--db", "sqlite", "--url", f"sqlite:///{tmp}/bench.sqlite"]
        elif args.db == "postgresql":
            import uuid

            from sqlalchemy import create_engine, text

            from marsad.store.scratch import schema_url

            schema = f"bench_{uuid.uuid4().hex[:10]}"
            admin = create_engine(args.pg)
            with admin.begin() as c:
                c.execute(text(f'CREATE SCHEMA "{schema}"'))
            cmd += ["--db", "postgresql", "--url", schema_url(args.pg, schema)]

            def cleanup(admin=admin, schema=schema) -> None:
                with admin.begin() as c:
                    c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()

        try:
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        finally:
            if cleanup:
                cleanup()
        res = json.loads(out.strip().splitlines()[-1])
        results.append(res)
        if not args.json:
            print(
                f"{res['mode']:>22}  {res['events']:>9,} events  {res['seconds']:>7.2f} s  "
                f"{res['events_per_s']:>9,} ev/s  {res['candidate_pairs']:>10,} pairs compared  "
                f"{res['merges']:>7,} merges  peak RSS {res['peak_rss_mb']:,} MB",
                flush=True,
            )
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
