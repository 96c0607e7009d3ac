"""Ingest throughput: reports per second into SQLite and PostgreSQL.

    python bench/bench_ingest.py                 # 2,000 coded reports (storage only), both databases
    python bench/bench_ingest.py --extract 200   # also 200 text reports through the real extractor

"Storage only" ingests reports that already carry their events (`marsad extract -o X.jsonl`
output), so the figure is the store's: idempotence lookups, one transaction per report (article,
full-text index, events, actors, links, evidence), then the incremental dedup. "With extraction"
is the whole `marsad ingest` path on plain text; there the extractor dominates.
A second pass over the same inputs measures the re-run (everything skipped).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from marsad.ingest import Prepared
from marsad.store import Store
from marsad.store.scratch import schema_url
from store_fixtures import report


def targets(pg: str, want: list[str]):
    for kind in want:
        if kind == "sqlite":
            tmp = tempfile.mkdtemp(prefix="marsad-bench-")
            yield "SQLite", f"sqlite:///{tmp}/bench.sqlite", None
        else:
            schema = f"bench_{uuid.uuid4().hex[:10]}"
            admin = create_engine(pg)
            try:
                with admin.begin() as c:
                    c.execute(text(f'CREATE SCHEMA "{schema}"'))
            except Exception as exc:
                print(f"PostgreSQL skipped: {type(exc).__name__}: {exc}")
                continue

            def drop(admin=admin, schema=schema) -> None:
                with admin.begin() as c:
                    c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()

            yield "PostgreSQL", schema_url(pg, schema), drop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="coded reports for the storage-only figure")
    ap.add_argument(
        "--dup-every", type=int, default=10, help="every k-th report is also reported by a second outlet"
    )
    ap.add_argument(
        "--extract", type=int, default=0, help="also ingest this many text reports through the extractor"
    )
    ap.add_argument("--db", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    ap.add_argument("--pg", default="postgresql+psycopg://root@127.0.0.1:5432/test")
    args = ap.parse_args()

    coded = [report(i) for i in range(args.n)]
    coded += [report(i, variant=1) for i in range(0, args.n, args.dup_every)]
    for name, url, cleanup in targets(args.pg, args.db):
        try:
            st = Store(url)
            t0 = time.perf_counter()
            rep = st.ingest_articles(Prepared(a, e) for a, e in coded)
            secs = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = st.ingest_articles(Prepared(a, e) for a, e in coded)
            secs2 = time.perf_counter() - t0
            print(
                f"{name:>10}  storage only: {rep.added:,} reports, {rep.events_added:,} events, "
                f"{rep.merges:,} merges in {secs:.1f} s = {rep.added / secs:,.0f} reports/s; "
                f"re-run {again.skipped_duplicates:,} skipped in {secs2:.1f} s = {len(coded) / secs2:,.0f} reports/s",
                flush=True,
            )
            if args.extract:
                arts = [
                    a.model_copy(update={"id": f"x{i}", "url": None, "text": a.text + f" ({i})"})
                    for i, (a, _) in enumerate(coded[: args.extract])
                ]
                import marsad

                marsad.extract_article(arts[0])  # load the knowledge outside the timing
                t0 = time.perf_counter()
                rep = st.ingest_articles(arts)
                secs = time.perf_counter() - t0
                print(
                    f"{name:>10}  with extraction: {rep.added:,} reports, {rep.events_added:,} events, "
                    f"{len(rep.rejects)} rejected in {secs:.1f} s = {rep.added / secs:,.1f} reports/s",
                    flush=True,
                )
            st.close()
        finally:
            if cleanup:
                cleanup()


if __name__ == "__main__":
    main()
