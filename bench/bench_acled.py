"""Benchmarks of the ACLED bridge (issue 13 targets), on SQLite:

1. the unmodified `acled` client reads every event of an N-event store (default 100,000) by
   paging /api/acled/read with ACLED's page size of 5,000: latency per page (target p99 < 1 s);
2. `marsad ingest --acled` loads an M-row ACLED CSV export (default 10,000): wall time (target
   < 10 s) and every row accounted for.

    python bench/bench_acled.py                       # both, 100k events and a 10k-row export
    python bench/bench_acled.py --events 20000 --rows 2000

The store is bulk-loaded by bench_api.build (synthetic events); the export rows are written from
the same generator with ACLED-style ids, text inter labels and one malformed row per thousand.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import build, pct, running_server, synthetic_rows

from marsad.models import ACLED_COLUMNS
from marsad.store import Store
from marsad.store.acled_codes import INTER_LABELS


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _server_pid() -> int:
    # `marsad serve` is this process's only child while the server runs.
    (child,) = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()
    return int(child)


def read_all(base: str, workdir: Path) -> tuple[list[float], list[float], int, int]:
    from acled import AcledClient
    from acled.auth import OAuthTokenAuth
    from acled.clients.base_http_client import BaseHttpClient

    BaseHttpClient.BASE_URL = f"{base}/api"  # what ACLED_API_HOST sets
    tokens = workdir / "tokens.json"
    later = (datetime.now() + timedelta(days=1)).isoformat()
    tokens.write_text(
        json.dumps({"access_token": "public-read-needs-none", "access_token_expires_at": later})
    )
    auth = OAuthTokenAuth(username="bench@example.org", password="unused", token_file=str(tokens))
    times: list[float] = []
    cpu: list[float] = []  # server + client CPU per page: the wall time of an otherwise idle machine
    seen: set[str] = set()
    rows = 0
    server = _server_pid()
    with AcledClient(auth_method=auth) as client:
        page = 1
        while True:
            t, c, sc = time.perf_counter(), time.process_time(), _cpu_seconds(server)
            batch = client.get_data(limit=5000, page=page)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c + _cpu_seconds(server) - sc)
            rows += len(batch)
            seen.update(e["event_id_cnty"] for e in batch)
            if len(batch) < 5000:
                return times, cpu, rows, len(seen)
            page += 1


def write_export(path: Path, n: int) -> int:
    """n ACLED-format rows; every thousandth is malformed (an impossible date). Returns how many."""
    bad = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(ACLED_COLUMNS)
        for i, (row, _) in enumerate(synthetic_rows(n, seed=11)):
            out = {c: row.get(c, "") for c in ACLED_COLUMNS}
            out["event_id_cnty"] = f"{row['iso3']}{700000 + i}"
            out["inter1"] = INTER_LABELS[2]
            out["interaction"] = f"{INTER_LABELS[2]} only"
            out["timestamp"] = 1710500000
            if i % 1000 == 999:
                out["event_date"] = "2024-02-30"
                bad += 1
            w.writerow(["" if out[c] is None else out[c] for c in ACLED_COLUMNS])
    return bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--rows", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'bench-acled.sqlite'}"
        built = build(url, args.events)
        with running_server(url, env={"MARSAD_PUBLIC_READ": "true"}) as base:
            times, cpu, rows, unique = read_all(base, work)
        print(f"== acled client paging: {args.events:,} events (built in {built:.0f} s) ==")
        print(f"pages {len(times)}, rows {rows:,}, unique ids {unique:,}")
        print(
            f"per page of 5,000: p50 {pct(times, 50) * 1000:.0f} ms, p99 {pct(times, 99) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms, mean {statistics.mean(times) * 1000:.0f} ms"
        )
        print(
            f"CPU (server + client) per page: p50 {pct(cpu, 50) * 1000:.0f} ms, p99 {pct(cpu, 99) * 1000:.0f} ms"
        )
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

        from marsad.ingest.acled_csv import load_export

        export = work / "export.csv"
        bad = write_export(export, args.rows)
        with Store(f"sqlite:///{work / 'bench-import.sqlite'}") as store:
            t = time.perf_counter()
            rep = load_export(store, export)
            took = time.perf_counter() - t
        accounted = rep.added + rep.already + len(rep.rejects)
        print(f"\n== ingest --acled: {args.rows:,} rows ==")
        print(
            f"{took:.2f} s; added {rep.added:,}, already {rep.already}, rejected {len(rep.rejects)} "
            f"(planted {bad}); accounted for {accounted:,} of {rep.rows:,}; dedup merges {rep.merges}"
        )


if __name__ == "__main__":
    main()
