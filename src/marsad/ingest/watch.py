"""`marsad watch`: follow outlets' RSS/Atom feeds and store their reports and events as they appear.

Each source is polled on its own interval by a small pool of worker threads. A poll: conditional GET
of the feed; for each entry not seen before (or changed since), the article (the entry's own text,
or the linked page when the feed gives a summary only), the extractor, then one transaction that
stores the article, its events and the item's row together (watch_db.store_item); then the new
events are matched against stored ones (dedup of pending events). A failing source backs off
exponentially and never stops the others. Logs are JSON lines on stderr.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import feedparser
import lxml.html
from lxml import etree
from sqlalchemy.exc import IntegrityError

from marsad.ingest.feeds import SUMMARY_ONLY_CHARS, _entry_date, _entry_html
from marsad.ingest.fetch import FetchError
from marsad.ingest.html import MIN_CHARS, page_to_article
from marsad.ingest.polite import FEED_MAX_BYTES, PAGE_MAX_BYTES, PoliteClient
from marsad.ingest.watch_config import SourceConfig, WatchConfig
from marsad.ingest.watch_db import known_item, next_polls, record_poll, store_item, validators
from marsad.models import Article, Event

if TYPE_CHECKING:
    from marsad.store.core import Store

log = logging.getLogger("marsad.watch")
Extractor = Callable[[Article], list[Event]]
MIN_ARABIC_SHARE = 0.5  # of the letters; the extractor reads Arabic only
# Page failures worth remembering (not retried until the entry changes); any other is retried.
PERMANENT = ("HTTP 404", "HTTP 410", "HTTP 403", "HTTP 401", "response larger than", "too many redirects")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


class JsonLines(logging.Formatter):
    """One JSON object per record: time, level, message and the record's `extra` fields."""

    _skip = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "msg": record.getMessage(),
        }
        out.update({k: v for k, v in record.__dict__.items() if k not in self._skip})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f") / len(letters)


def entry_key(entry: feedparser.FeedParserDict) -> str | None:
    """GUID, else link, else the title: what identifies an item across polls."""
    return entry.get("id") or entry.get("link") or entry.get("title") or None


_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr)>")


def entry_text(fragment: str) -> str:
    """A feed entry's HTML as text, one line per block. The entry is the report itself, without a
    page's boilerplate: lxml is enough, and far cheaper than trafilatura's page analysis."""
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return " ".join(html.unescape(fragment).split())
    try:
        root = lxml.html.fragment_fromstring(_BLOCK_END.sub("\\g<0>\n", fragment), create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def fingerprint(entry: feedparser.FeedParserDict) -> str:
    parts = [
        entry.get("title", ""),
        entry.get("link", ""),
        entry.get("published", ""),
        entry.get("summary", ""),
        *(c.get("value", "") for c in entry.get("content") or []),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class Stopped(Exception):
    """The watcher was asked to stop in the middle of a feed: the poll is redone at the next start."""


class RetryLater(Exception):
    """A transient failure on one item (its page timed out, the server answered 5xx): the item is
    not remembered, so the next poll tries it again."""


@dataclass(slots=True)
class PollResult:
    source: str
    status: int | None = None
    error: str | None = None
    entries: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    deferred: int = 0  # items to retry at the next poll
    events: int = 0
    event_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Watcher:
    def __init__(
        self,
        store: Store,
        config: WatchConfig,
        *,
        extractor: Extractor | None = None,
        client: PoliteClient | None = None,
        dedup: bool = True,
        deadline: float = 60.0,
    ) -> None:
        self.store = store
        self.config = config
        self.sources = [s for s in config.sources if s.enabled]
        self.client = client or PoliteClient(
            user_agent=config.user_agent, min_gap=config.min_host_gap, deadline=deadline
        )
        self._own_client = client is None
        self.extractor = extractor
        self.dedup = dedup
        self._dedup_lock = threading.Lock()
        self._undeduped = threading.Event()  # some poll stored events that dedup has not seen yet
        self.dedup_every = 10.0  # seconds: one dedup of the pending events covers many polls
        self.stop = threading.Event()

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def _extract(self, article: Article) -> list[Event]:
        if self.extractor is not None:
            return self.extractor(article)
        from marsad import extract_article

        return extract_article(article)

    # --- one source ----------------------------------------------------------------------------------

    def poll(self, src: SourceConfig) -> PollResult:
        """Poll one source now; never raises (the error is recorded on the source)."""
        t0 = time.monotonic()
        res = PollResult(src.name)
        etag = lm = None
        try:
            with self.store.session() as s:
                old_etag, old_lm = validators(s, src.name)
            resp = self.client.get(
                src.url, etag=old_etag, last_modified=old_lm, max_bytes=FEED_MAX_BYTES, accept=FEED_ACCEPT
            )
            res.status, etag, lm = resp.status, resp.etag or old_etag, resp.last_modified or old_lm
            if resp.status == 200:
                self._items(src, resp.content, resp.charset, res)
                if res.deferred:
                    # Keep the old validators, or the next poll would get a 304 and never retry them.
                    etag, lm = old_etag, old_lm
        except Stopped:
            log.info("poll interrupted", extra={"source": src.name, "new": res.new})
            return res
        except FetchError as exc:
            res.error = str(exc)
        except Exception as exc:  # a bug or a database hiccup on one source must not stop the others
            res.error = f"{type(exc).__name__}: {exc}"
            log.exception("poll failed", extra={"source": src.name})
        if res.events:
            self._undeduped.set()
        try:
            with self.store.session() as s:
                record_poll(
                    s,
                    src.name,
                    src.url,
                    interval=src.interval,
                    status=res.status,
                    error=res.error,
                    etag=etag,
                    last_modified=lm,
                )
        except Exception as exc:
            log.error("cannot record poll", extra={"source": src.name, "error": repr(exc)})
        res.seconds = round(time.monotonic() - t0, 3)
        level = logging.WARNING if res.error else logging.INFO
        log.log(level, "poll", extra={k: getattr(res, k) for k in PollResult.__slots__ if k != "event_ids"})
        return res

    def _items(self, src: SourceConfig, content: bytes, charset: str | None, res: PollResult) -> None:
        headers = {"content-type": f"application/xml; charset={charset}"} if charset else {}
        parsed = feedparser.parse(content, response_headers=headers)
        usable = [e for e in parsed.entries if entry_key(e)]
        if not usable and (parsed.bozo or not parsed.get("version")):
            # A page, an error document or a truncated feed: an error, so the source backs off.
            why = parsed.get("bozo_exception") or "no RSS/Atom content"
            raise FetchError(f"not a readable feed: {why}")
        outlet = src.outlet or parsed.feed.get("title") or src.name
        # Feeds list the newest first: store in publication order.
        for entry in reversed(parsed.entries):
            if self.stop.is_set():
                raise Stopped
            res.entries += 1
            key = entry_key(entry)
            if key is None:
                res.skipped += 1
                continue
            fp = fingerprint(entry)
            with self.store.session() as s:
                seen = known_item(s, src.name, key)
                if seen is not None and seen.fingerprint == fp:
                    res.unchanged += 1
                    continue
            try:
                self._item(src, entry, key, fp, outlet, res)
            except RetryLater as exc:
                res.deferred += 1
                log.info("item retried later", extra={"source": src.name, "key": key, "reason": str(exc)})

    def _article(self, src: SourceConfig, entry: feedparser.FeedParserDict, outlet: str) -> Article | str:
        """The entry as an Article, or why not (a short reason); RetryLater on a transient failure."""
        link = entry.get("link") or None
        published = _entry_date(entry) or datetime.now(UTC).date()
        art: Article | None = None
        body = entry_text(_entry_html(entry))
        if len(body) >= MIN_CHARS:
            art = Article(text=body, published=published)
        short = art is None or len(art.text) < SUMMARY_ONLY_CHARS
        why = "no text in the entry"
        if short and link and src.fetch_articles:
            try:
                page = self.client.get(link, max_bytes=PAGE_MAX_BYTES, accept="text/html,*/*;q=0.8")
                full = page_to_article(page.text(), source=src.name, url=link, published=published)
                if isinstance(full, Article):
                    art = full
                else:
                    why = f"page: {full.reason}"
            except FetchError as exc:
                if not str(exc).startswith(PERMANENT):
                    raise RetryLater(f"page: {exc}") from None
                why = f"page: {exc}"
        if not isinstance(art, Article):
            return why
        art.title = entry.get("title") or art.title
        art.outlet = outlet
        art.url = link
        art.id = ""
        return art.ensure_id()

    def _item(
        self,
        src: SourceConfig,
        entry: feedparser.FeedParserDict,
        key: str,
        fp: str,
        outlet: str,
        res: PollResult,
    ) -> None:
        art = self._article(src, entry, outlet)
        events: list[Event] = []
        status = "rejected"
        if isinstance(art, str):
            log.info("item rejected", extra={"source": src.name, "key": key, "reason": art})
            art = None
        elif arabic_share(art.text) < MIN_ARABIC_SHARE:
            status, art = "not_arabic", None
        else:
            try:
                events = self._extract(art)
            except Exception as exc:  # one report the extractor cannot read must not block the feed
                log.warning("extraction failed", extra={"source": src.name, "key": key, "error": repr(exc)})
                status, art = "rejected", None
            if src.source_scale:
                events = [e.model_copy(update={"source_scale": src.source_scale}) for e in events]
        for attempt in (1, 2):
            try:
                with self.store.session() as s:
                    out = store_item(
                        s,
                        source=src.name,
                        key=key,
                        fingerprint=fp,
                        article=art,
                        events=events,
                        status_if_no_article=status,
                        source_scale=src.source_scale,
                        meta={"country": src.country, "language": src.language} if art is not None else None,
                    )
                break
            except IntegrityError:
                # Another writer (a second watcher, an ingest) stored the same report or item at the
                # same moment: the retry sees it and records a duplicate.
                if attempt == 2:
                    raise
        res.events += out.events
        res.event_ids += out.event_ids
        if out.status == "stored":
            res.new += 1
        elif out.status == "updated":
            res.updated += 1
        elif out.status == "duplicate":
            res.duplicates += 1
        else:
            res.skipped += 1

    def run_dedup(self) -> None:
        """Match the events stored since the last call against the stored ones (dedup of pending
        events). Events are queryable before it; it only merges reports of the same event, so it
        runs once for many polls rather than after each."""
        if not self.dedup or not self._undeduped.is_set():
            return
        self._undeduped.clear()
        try:
            with self._dedup_lock:  # two concurrent merges over the same days would fight over rows
                report = self.store.dedup(pending_only=True)
            if report.merges:
                log.info("dedup", extra={"merges": report.merges})
        except Exception as exc:  # the events stay pending; the next call takes them
            self._undeduped.set()
            log.warning("dedup failed", extra={"error": repr(exc)})

    # --- schedules ------------------------------------------------------------------------------------

    def run_once(self, *, force: bool = False) -> list[PollResult]:
        """Poll every source once (for cron); sources backing off after errors wait their turn
        unless `force`."""
        with self.store.session() as s:
            plan = next_polls(s)
        now = datetime.now(UTC)
        todo = []
        for src in self.sources:
            nxt, errors = plan.get(src.name, (None, 0))
            if force or not errors or nxt is None or nxt <= now:
                todo.append(src)
        with ThreadPoolExecutor(self.config.workers, thread_name_prefix="watch") as pool:
            results = list(pool.map(self.poll, todo))
        self._undeduped.set()  # also takes events a killed run left pending
        self.run_dedup()
        return results

    def run_forever(self, *, tick: float = 0.5) -> None:
        """Poll each source when due until `stop` is set. A restart resumes the stored schedule."""
        with self.store.session() as s:
            plan = next_polls(s)
        due: dict[str, float] = {}
        mono, wall = time.monotonic(), datetime.now(UTC)
        for src in self.sources:
            nxt, _ = plan.get(src.name, (None, 0))
            due[src.name] = mono + max(0.0, (nxt - wall).total_seconds()) if nxt else mono
        by_name = {s.name: s for s in self.sources}
        running: dict[str, Future[PollResult]] = {}
        dedup: Future[None] | None = None
        last_dedup = time.monotonic()
        self._undeduped.set()  # events a killed run left pending
        started: dict[str, float] = {}
        with ThreadPoolExecutor(self.config.workers, thread_name_prefix="watch") as pool:
            while not self.stop.is_set():
                t = time.monotonic()
                for name, fut in list(running.items()):
                    if fut.done():
                        del running[name]
                        r = fut.result()
                        src = by_name[name]
                        # The interval counts from the poll's start, so a slow poll does not drift the schedule.
                        due[name] = (
                            started[name] + src.interval if r.error is None else t + self._backoff(name, src)
                        )
                for name, at in due.items():
                    if name not in running and at <= t:
                        started[name] = t
                        running[name] = pool.submit(self.poll, by_name[name])
                if (dedup is None or dedup.done()) and t - last_dedup >= self.dedup_every:
                    dedup, last_dedup = pool.submit(self.run_dedup), t
                waiting = [at for n, at in due.items() if n not in running]
                nap = min([tick, *(max(0.0, a - time.monotonic()) for a in waiting)])
                self.stop.wait(max(nap, 0.01))
            for fut in running.values():
                fut.result()
        self.run_dedup()

    def _backoff(self, name: str, src: SourceConfig) -> float:
        with self.store.session() as s:
            nxt, _ = next_polls(s).get(name, (None, 0))
        if nxt is None:
            return src.interval
        return max(0.0, (nxt - datetime.now(UTC)).total_seconds())
