"""`/api/stats` under load (issue 8): p50/p99 with 16 concurrent clients on loopback against a
store of 100,000 synthetic events, on SQLite and on PostgreSQL. Target: p99 < 200 ms.

    python bench/bench_stats.py                        # 100k events, both databases
    python bench/bench_stats.py --db sqlite --keep     # keep (and reuse) the loaded database

The events are bulk-loaded with `bench_api.build` (synthetic, 2018-2025, six countries), then
`marsad serve` (one uvicorn worker) is started and three phases are timed, each with `--clients`
concurrent anonymous httpx clients sending `--requests` requests in all:

1. **dashboard**: the unfiltered stats and typical filtered views (a country, a country and a
   year, a type in a governorate, the last year), interleaved. After the first computation of
   each they are served from the kept results (`marsad.store.stats_cache`).
2. **dashboard + writes**: the same while one event is confirmed every `--write-every` seconds,
   (a) through the API, as a reviewer does: everyone then waits for the fresh result (the
   warmer starts it at once); (b) from another process, as an ingest or the watcher writes:
   clients asking during the recomputation get the previous result.
3. **every request a new filter**: country x year x type drawn so that (nearly) every request
   misses the kept results and is computed. This is the cost cap's case: anonymous clients
   wait at most 5 s for a computation slot, then get 503 (counted, not timed as success).

Client and server share the machine (and, here, two cores with other jobs): the load average
is printed, and the server's CPU time per request, which the load does not inflate much.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from bench_api import PLACES, TYPES, build, database, loaded, pct

from api_fixtures import WRITER_TOKEN, running_server
from marsad.store import Store

SCHEMA = "bench_stats"

DASHBOARD: list[tuple[str, dict[str, str]]] = [
    ("everything", {}),
    ("country", {"country": "Syria"}),
    ("country + year", {"country": "Iraq", "date_from": "2022-01-01", "date_to": "2022-12-31"}),
    ("type in admin1", {"admin1": "Aleppo", "event_type": "Battles"}),
    ("last year", {"date_from": "2025-01-01", "date_to": "2025-12-31"}),
]


def fresh_filters(seed: int = 11) -> Iterator[tuple[str, dict[str, str]]]:
    """Filters in a random order, each used once: country x year x (type or none), 336 in all,
    then the same again with a month range (so runs longer than 336 requests still miss)."""
    rng = random.Random(seed)
    combos = [
        (c, y, t)
        for c, *_ in PLACES
        for y in range(2018, 2026)
        for t in [None, *sorted({t for t, _, _ in TYPES})]
    ]
    rng.shuffle(combos)
    for month in itertools.count(0):
        for country, year, ev_type in combos:
            params = {
                "country": country,
                "date_from": f"{year}-{1 + month % 12:02d}-01",
                "date_to": f"{year}-12-31",
            }
            if ev_type:
                params["event_type"] = ev_type
            yield "new filter", params


async def _client(
    client: httpx.AsyncClient, jobs: Iterator[tuple[str, dict[str, str]]], left: list[int],
    out: dict[str, list[float]], refused: dict[int, int],
) -> None:  # fmt: skip
    while left[0] > 0:
        left[0] -= 1
        name, params = next(jobs)
        t = time.perf_counter()
        resp = await client.get("/api/stats", params=params)
        dt = time.perf_counter() - t
        if resp.status_code == 200:
            out.setdefault(name, []).append(dt)
        else:
            refused[resp.status_code] = refused.get(resp.status_code, 0) + 1


async def _writer(
    client: httpx.AsyncClient, every: float, stop: asyncio.Event, ids: list[str], store: Store | None
) -> int:
    """Confirm one event every `every` seconds, through the API (a reviewer) or, given `store`,
    from this process (another process than the server, as an ingest or the watcher is): each
    write moves data_version."""
    n = 0
    headers = {"Authorization": f"Bearer {WRITER_TOKEN}"}
    while not stop.is_set():
        event_id = ids[n % len(ids)]
        if store is None:
            resp = await client.post(
                f"/api/events/{event_id}/confirm", headers=headers, json={"note": "bench"}
            )
            resp.raise_for_status()
        else:
            await asyncio.to_thread(store.confirm, event_id, user="bench")
        n += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
    return n


def server_cpu() -> float:
    """CPU seconds used so far by the `marsad serve` child (Linux /proc)."""
    me = os.getpid()
    for pid in Path(f"/proc/{me}/task/{me}/children").read_text().split():
        if b"serve" in Path(f"/proc/{pid}/cmdline").read_bytes():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return float("nan")


async def phase(
    base: str,
    jobs: Iterator[tuple[str, dict[str, str]]],
    requests: int,
    clients: int,
    write_every: float | None = None,
    store: Store | None = None,
) -> tuple[dict[str, list[float]], dict[int, int], float, int, float]:
    cpu0 = server_cpu()
    out: dict[str, list[float]] = {}
    refused: dict[int, int] = {}
    left = [requests]
    limits = httpx.Limits(max_connections=clients + 2)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        writes = 0
        stop = asyncio.Event()
        writer = None
        if write_every:
            page = (await client.get("/api/events", params={"limit": "200"})).json()
            ids = [e["event_id_cnty"] for e in page["items"]]
            writer = asyncio.create_task(_writer(client, write_every, stop, ids, store))
        t0 = time.perf_counter()
        await asyncio.gather(*(_client(client, jobs, left, out, refused) for _ in range(clients)))
        wall = time.perf_counter() - t0
        if writer is not None:
            stop.set()
            writes = await writer
    return out, refused, wall, writes, server_cpu() - cpu0


def report(
    title: str, out: dict[str, list[float]], refused: dict[int, int], wall: float, writes: int, cpu: float
) -> None:
    every = [x for v in out.values() for x in v]
    extra = f", {writes} writes" if writes else ""
    print(f"\n-- {title}: {len(every)} answered in {wall:.1f} s ({len(every) / wall:.0f} req/s){extra}; "
          f"server CPU {cpu / max(1, len(every)) * 1000:.1f} ms per request")  # fmt: skip
    if refused:
        print(f"   refused: {', '.join(f'{n} x {code}' for code, n in sorted(refused.items()))}")
    print(f"   {'query':18} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'mean ms':>8}")
    for name, v in [*out.items(), ("all", every)]:
        if v:
            print(f"   {name:18} {len(v):5d} {pct(v, 50) * 1000:8.1f} {pct(v, 99) * 1000:8.1f} "
                  f"{max(v) * 1000:8.1f} {statistics.mean(v) * 1000:8.1f}")  # fmt: skip


# --- wrk: a C load generator, so the client's own CPU does not crowd the server's -------------

WRK_LUA = """
local paths = {%s}
local n = 0
local step = 1
function setup(thread)
  n = n + 1
  thread:set("first", n)
end
function init(args)
  step = first
end
function request()
  step = step + 2
  return wrk.format("GET", paths[(step %% #paths) + 1])
end
"""


def _path(params: dict[str, str]) -> str:
    return "/api/stats" + ("?" + urlencode(params) if params else "")


def _write_loop(base: str, every: float, stop: threading.Event, store: Store | None) -> list[int]:
    """The writer of `_writer`, in a thread (wrk runs in the foreground)."""
    writes = [0]
    headers = {"Authorization": f"Bearer {WRITER_TOKEN}"}
    with httpx.Client(base_url=base, timeout=60) as client:
        ids = [e["event_id_cnty"] for e in client.get("/api/events", params={"limit": "200"}).json()["items"]]

        def loop() -> None:
            while not stop.is_set():
                event_id = ids[writes[0] % len(ids)]
                if store is None:
                    client.post(
                        f"/api/events/{event_id}/confirm", headers=headers, json={}
                    ).raise_for_status()
                else:
                    store.confirm(event_id, user="bench")
                writes[0] += 1
                stop.wait(every)

        worker = threading.Thread(target=loop)
        worker.start()
        stop.wait()
        worker.join()
    return writes


def wrk_phase(
    base: str, title: str, paths: list[str], seconds: float, clients: int,
    write_every: float | None = None, store: Store | None = None,
) -> None:  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_LUA % ", ".join(json.dumps(p) for p in paths))
    stop = threading.Event()
    result: list[list[int]] = []
    writer = None
    if write_every:
        writer = threading.Thread(target=lambda: result.append(_write_loop(base, write_every, stop, store)))
        writer.start()
    cpu0 = server_cpu()
    try:
        run = subprocess.run(
            ["wrk", "-t2", f"-c{clients}", f"-d{seconds:g}s", "--latency", "--timeout", "30s", "-s", fh.name, base],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    finally:
        stop.set()
        if writer is not None:
            writer.join()
        os.unlink(fh.name)
    cpu = server_cpu() - cpu0
    out = run.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    n = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    lat = dict(re.findall(r"^\s+(50|75|90|99)(?:\.000)?%\s+(\S+)\s*$", out, re.M))
    if len(lat) < 4:
        print(out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    writes = f", {result[0][0]} writes" if result else ""
    print(f"\n-- {title} (wrk): {n} requests, {rate:.0f} req/s{writes}; server CPU {cpu / max(1, n) * 1000:.1f} ms "
          f"per request; p50 {lat.get('50')}, p90 {lat.get('90')}, p99 {lat.get('99')}"
          + (f"; {bad.group(1)} not 200" if bad else ""))  # fmt: skip


def run_httpx(base: str, url: str, args: argparse.Namespace) -> None:
    dashboard = itertools.cycle(DASHBOARD)
    report("dashboard", *asyncio.run(phase(base, dashboard, args.requests, args.clients, None)))
    report(
        f"dashboard + a review through the API every {args.write_every:g} s",
        *asyncio.run(phase(base, dashboard, args.requests, args.clients, args.write_every)),
    )
    with Store(url, create=False) as other:
        report(
            f"dashboard + a write by another process every {args.write_every:g} s",
            *asyncio.run(phase(base, dashboard, args.requests, args.clients, args.write_every, other)),
        )
    report(
        "every request a new filter",
        *asyncio.run(phase(base, fresh_filters(), args.requests // 4, args.clients, None)),
    )


def run_wrk(base: str, url: str, args: argparse.Namespace) -> None:
    dashboard = [_path(q) for _, q in DASHBOARD]
    wrk_phase(base, "dashboard", dashboard, args.seconds, args.clients)
    wrk_phase(base, f"dashboard + a review through the API every {args.write_every:g} s", dashboard,
              args.seconds, args.clients, args.write_every)  # fmt: skip
    with Store(url, create=False) as other:
        wrk_phase(base, f"dashboard + a write by another process every {args.write_every:g} s", dashboard,
                  args.seconds, args.clients, args.write_every, other)  # fmt: skip
    fresh = [_path(q) for _, q in itertools.islice(fresh_filters(seed=args.seed), 4000)]
    wrk_phase(base, "every request a new filter", fresh, args.seconds, args.clients)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=1600, help="requests per phase")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--write-every", type=float, default=1.0, help="seconds between writes in phase 2")
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--workdir", type=Path, default=Path(".marsad"))
    ap.add_argument("--keep", action="store_true", help="keep (and reuse) the loaded databases")
    ap.add_argument("--client", choices=("httpx", "wrk"), default="httpx",
                    help="httpx: per-query figures; wrk: a C client, so the client's CPU does not crowd the server")  # fmt: skip
    ap.add_argument("--seconds", type=float, default=10, help="length of each wrk phase")
    ap.add_argument("--seed", type=int, default=11, help="order of the new filters (wrk)")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"load before: {os.getloadavg()[0]:.2f} (1-min average, {os.cpu_count()} CPUs)")
    for kind in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        with database(kind, args.workdir, args.keep, SCHEMA) as url:
            reuse = args.keep and loaded(url)
            build_s = 0.0 if reuse else build(url, args.events)
            print(f"\n== {kind}: {args.events:,} events ({'reused' if reuse else f'loaded in {build_s:.0f} s'}), "
                  f"{args.clients} clients ==")  # fmt: skip
            with running_server(url, timeout=300) as base:
                t = time.perf_counter()
                asyncio.run(phase(base, iter(DASHBOARD), len(DASHBOARD), 1, None))
                print(f"first computation of the {len(DASHBOARD)} dashboard views, one client: "
                      f"{time.perf_counter() - t:.2f} s")  # fmt: skip
                if args.client == "wrk":
                    run_wrk(base, url, args)
                else:
                    run_httpx(base, url, args)
        print(f"load after {kind}: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
