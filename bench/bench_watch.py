"""Publication-to-queryable-event delay of `marsad watch`, and the items/s it sustains.

A local HTTP server serves one RSS feed per source; new items (recombined gold reports, see
make_corpus.py) are published on each feed at random moments. The watcher (in this process, real
extractor, real store) polls every source on its interval. A monitor asks the store every 0.2 s
which published items have a stored event; the delay of an item is the time from its publication
on the feed to its first event being queryable. At the end a burst of items on every feed at once
measures the sustained rate: one poll of every source (as `--once`), items stored per second.

    python bench/bench_watch.py --sources 50 --interval 60 --duration 240            # SQLite
    python bench/bench_watch.py --db postgresql://root@127.0.0.1:5432/test ...       # PostgreSQL

Expected: p99 delay <= interval + 5 s (a poll can only see an item published after it at the next
poll; p50 is about half an interval).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import create_engine, text

from marsad.store.scratch import schema_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DEFAULT_GOLD, make_corpus

FEED_KEEP = 30  # items a feed lists, newest first, like an outlet's feed


class Feeds:
    def __init__(self, n_sources: int) -> None:
        self.items: list[list[tuple[str, dict, float]]] = [[] for _ in range(n_sources)]
        self.lock = threading.Lock()
        feeds = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                try:
                    k = int(self.path.rsplit("/", 1)[1])
                    body = feeds.render(k)
                except (ValueError, IndexError):
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, k: int, url: str, rec: dict) -> float:
        with self.lock:
            at = time.time()
            self.items[k].append((url, rec, at))
            return at

    def render(self, k: int) -> bytes:
        with self.lock:
            shown = list(reversed(self.items[k][-FEED_KEEP:]))
        parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>مصدر {k}</title>']
        for url, rec, at in shown:
            parts.append(
                f"<item><title>{escape(rec.get('title') or '')}</title><link>{url}</link><guid>{url}</guid>"
                f"<pubDate>{format_datetime(datetime.fromtimestamp(at, UTC))}</pubDate>"
                f"<description>{escape(rec['text'])}</description></item>"
            )
        parts.append("</channel></rss>")
        return "".join(parts).encode("utf-8")


def queryable(store, urls: set[str]) -> set[str]:  # type: ignore[no-untyped-def]
    """Which of these article URLs have at least one stored event."""
    if not urls:
        return set()
    with store.session() as s:
        rows = s.execute(
            text(
                "SELECT DISTINCT a.url FROM articles a JOIN event_articles ea ON ea.article_pk = a.id "
                "WHERE a.url LIKE 'http://bench.invalid/%'"
            )
        )
        return {r[0] for r in rows} & urls


def fresh_database(url: str | None, tmp: str) -> tuple[str, Callable[[], None]]:
    """A fresh SQLite file, or a fresh schema in the given PostgreSQL database (dropped at the end)."""
    if not url:
        return f"sqlite:///{tmp}/watch.sqlite", lambda: None
    from marsad.store.db import database_url

    url = database_url(url)
    if not url.startswith("postgresql"):
        return url, lambda: None
    schema = f"bench_watch_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return schema_url(url, schema), drop


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs)) - 1))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--interval", type=float, default=60.0, help="poll interval of every source (s)")
    ap.add_argument("--duration", type=float, default=240.0, help="seconds of steady publication")
    ap.add_argument("--rate", type=float, default=1.0, help="items per source per interval, on average")
    ap.add_argument("--burst", type=int, default=6, help="items per source in the final burst (0: none)")
    ap.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from marsad import extract_article
    from marsad.ingest.watch import Watcher
    from marsad.ingest.watch_config import WatchConfig
    from marsad.models import Article
    from marsad.store import Store

    rng = random.Random(args.seed)
    n_steady = int(args.sources * args.rate * args.duration / args.interval) + 1
    corpus = make_corpus(DEFAULT_GOLD, n_steady + args.sources * args.burst + 10, args.seed, 2048)
    extract_article(Article(text=corpus[0]["text"]))  # load the knowledge before the clock starts
    tmp = tempfile.TemporaryDirectory()
    db_url, drop = fresh_database(args.db, tmp.name)
    store = Store(db_url)
    feeds = Feeds(args.sources)
    config = WatchConfig.model_validate(
        {
            "min_host_gap": 0.0,  # every feed is on one local host here
            "workers": args.workers,
            "sources": [
                {"name": f"bench-{k}", "url": f"{feeds.base}/feed/{k}", "interval": args.interval,
                 "fetch_articles": False}
                for k in range(args.sources)
            ],
        }
    )  # fmt: skip
    logging.getLogger("marsad.watch").setLevel(logging.WARNING)
    watcher = Watcher(store, config)
    th = threading.Thread(target=watcher.run_forever, daemon=True)
    published: dict[str, float] = {}
    seen_at: dict[str, float] = {}
    stop_monitor = threading.Event()

    def monitor() -> None:
        while not stop_monitor.is_set():
            pending = set(published) - set(seen_at)
            now = time.time()
            for u in queryable(store, pending):
                seen_at[u] = now
            stop_monitor.wait(0.2)

    mon = threading.Thread(target=monitor, daemon=True)
    th.start()
    mon.start()
    started = time.time()
    # Steady phase: each item at a uniformly random moment of the run, on a random feed.
    schedule = sorted((rng.uniform(0, args.duration), rng.randrange(args.sources)) for _ in range(n_steady))
    idx = 0
    for at, k in schedule:
        time.sleep(max(0.0, started + at - time.time()))
        url = f"http://bench.invalid/{idx}"
        published[url] = feeds.publish(k, url, corpus[idx])
        idx += 1
    steady = list(published)
    # Let the last steady items reach the store: one interval plus a margin.
    grace = time.time() + args.interval + 30
    while set(steady) - set(seen_at) and time.time() < grace:
        time.sleep(0.5)
    watcher.stop.set()
    stop_monitor.set()
    th.join(120)
    mon.join(5)
    # Capacity: a burst on every feed at once, then one poll of every source (as `--once` does);
    # items stored per second of that cycle.
    burst_urls: list[str] = []
    burst_s = float("nan")
    if args.burst:
        for k in range(args.sources):
            for _ in range(args.burst):
                url = f"http://bench.invalid/{idx}"
                published[url] = feeds.publish(k, url, corpus[idx])
                burst_urls.append(url)
                idx += 1
        watcher.stop.clear()
        t0 = time.time()
        results = watcher.run_once()
        burst_s = time.time() - t0
        burst_new = sum(r.new for r in results)
    delays = [seen_at[u] - published[u] for u in steady if u in seen_at]
    with store.session() as s:
        stored = s.execute(
            text("SELECT count(*) FROM articles WHERE url LIKE 'http://bench.invalid/%'")
        ).scalar()
        dup = s.execute(text("SELECT count(*) - count(DISTINCT url) FROM articles")).scalar()
    out = {
        "db": store.engine.dialect.name,
        "sources": args.sources,
        "interval_s": args.interval,
        "steady_items": len(steady),
        "steady_items_with_event": len(delays),
        "delay_p50_s": round(statistics.median(delays), 2) if delays else None,
        "delay_p99_s": round(pct(delays, 99), 2),
        "delay_max_s": round(max(delays), 2) if delays else None,
        "target_p99_s": args.interval + 5,
        "burst_items": len(burst_urls),
        "burst_items_stored": burst_new if burst_urls else 0,
        "burst_seconds": round(burst_s, 1),
        "burst_items_per_s": round(len(burst_urls) / burst_s, 1) if burst_urls else None,
        "articles_stored": stored,
        "duplicate_urls": dup,
    }
    store.close()
    drop()
    feeds.server.shutdown()
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:>26}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
