"""Every input `marsad ingest` accepts, as one stream of articles (or rejects), in a stable order.

- `-`, `.txt`, `.jsonl` and folders of them: marsad.io.readers;
- with `coded=True`, `.jsonl` lines that carry `events` (hand-coded or reviewed data, with the
  report's text) are stored with those events, without extracting; by default every report is
  extracted, whatever it carries;
- `.html`/`.htm`: saved pages, through trafilatura;
- `.xml`/`.rss`/`.atom`: feeds, through feedparser;
- `http(s)://` URLs: fetched, then read as a feed or a page by their content.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from marsad.ingest.feeds import feed_articles, looks_like_feed
from marsad.ingest.fetch import FetchError, fetch, make_client
from marsad.ingest.html import page_to_article
from marsad.io.readers import JSONL_SUFFIXES, TEXT_SUFFIXES, Reject, invalid_field, iter_sourced, numeric_date
from marsad.models import Article, ArticleResult, Event

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}


@dataclass(slots=True)
class Prepared:
    """An article ready to store; `events` is None when it still has to be extracted."""

    article: Article
    events: list[Event] | None = None
    meta: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Known:
    """An input whose URL is already stored: skipped before any download."""

    url: str


Item = Prepared | Reject | Known


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def _carries_events(path: Path) -> bool:
    # Peek at the first record: extracted results have an "events" list.
    try:
        with path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    obj = json.loads(raw)
                    return isinstance(obj, dict) and isinstance(obj.get("events"), list)
    except (OSError, ValueError):
        return False
    return False


def _iter_results(path: Path, published: date | None) -> Iterator[Item]:
    """JSONL of ArticleResult lines with their text: stored with the events as given."""
    source = str(path)
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                yield Reject(source, lineno, None, f"invalid JSON: {exc}")
                continue
            rid = str(obj.get("id")) if isinstance(obj, dict) and obj.get("id") else None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                yield Reject(
                    source, lineno, rid, "missing or empty 'text' field (needed to keep the evidence)"
                )
                continue
            if (why := numeric_date(obj.get("published"))) is not None:
                yield Reject(source, lineno, rid, why)
                continue
            try:
                res = ArticleResult.model_validate({k: v for k, v in obj.items() if k != "text"})
                art = Article(
                    id=res.id,
                    text=obj["text"],
                    title=res.title,
                    published=res.published or published,
                    url=res.url,
                    outlet=res.outlet,
                )
            except ValidationError as exc:
                yield Reject(source, lineno, rid, invalid_field(exc))
                continue
            yield Prepared(art.ensure_id(), list(res.events), {"source": source, "line": lineno})


def _from_bytes(
    content: bytes,
    *,
    source: str,
    url: str | None,
    is_feed: bool,
    article_id: str,
    published: date | None,
    fetch_page: Callable[[str], bytes | None] | None,
    known_url: Callable[[str], bool] | None,
) -> Iterator[Item]:
    if is_feed:
        for a in feed_articles(content, source=source, fetch_page=fetch_page, known_url=known_url):
            if isinstance(a, str):
                yield Known(a)
            else:
                yield a if isinstance(a, Reject) else Prepared(a, None, {"source": source, "feed": True})
        return
    art = page_to_article(content, source=source, url=url, article_id=article_id, published=published)
    yield art if isinstance(art, Reject) else Prepared(art, None, {"source": source})


def _iter_file(
    path: Path, published: date | None, fetch_page, known_url, coded: bool = False
) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES | FEED_SUFFIXES:
        try:
            content = path.read_bytes()
        except OSError as exc:
            yield Reject(str(path), None, None, f"cannot read: {exc.strerror}")
            return
        is_feed = suffix in FEED_SUFFIXES or looks_like_feed(content)
        yield from _from_bytes(
            content,
            source=str(path),
            url=None,
            is_feed=is_feed,
            article_id=path.stem,
            published=published,
            fetch_page=fetch_page,
            known_url=known_url,
        )
        return
    if coded and suffix in JSONL_SUFFIXES and path.is_file() and _carries_events(path):
        yield from _iter_results(path, published)
        return
    for s in iter_sourced([str(path)], published=published):
        rec = s.record
        meta: dict[str, object] = (
            {"source": s.source} if s.line is None else {"source": s.source, "line": s.line}
        )
        yield rec if isinstance(rec, Reject) else Prepared(rec, None, meta)


def iter_inputs(
    inputs: Sequence[str],
    *,
    published: date | None = None,
    follow_links: bool = True,
    known_url: Callable[[str], bool] | None = None,
    coded: bool = False,
) -> Iterator[Item]:
    """Articles (as Prepared) and rejects from every input, in order; folders in sorted path order.

    `coded`: keep the events that JSONL records carry instead of extracting them again."""
    client = None

    def get_client():
        nonlocal client
        if client is None:
            client = make_client()
        return client

    def fetch_page(url: str) -> bytes | None:
        try:
            return fetch(url, client=get_client()).content
        except FetchError:
            return None

    pager = fetch_page if follow_links else None
    try:
        for item in inputs:
            if _is_url(item):
                if known_url is not None and known_url(item):
                    yield Known(item)
                    continue
                try:
                    got = fetch(item, client=get_client())
                except FetchError as exc:
                    yield Reject(item, None, None, f"cannot fetch: {exc}")
                    continue
                yield from _from_bytes(
                    got.content,
                    source=item,
                    url=got.url,
                    is_feed=looks_like_feed(got.content, got.content_type),
                    article_id="",
                    published=published,
                    fetch_page=pager,
                    known_url=known_url,
                )
            elif item == "-":
                for s in iter_sourced(["-"], published=published):
                    meta: dict[str, object] = (
                        {"source": "-"} if s.line is None else {"source": "-", "line": s.line}
                    )
                    yield s.record if isinstance(s.record, Reject) else Prepared(s.record, None, meta)
            else:
                path = Path(item)
                if path.is_dir():
                    wanted = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
                    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted)
                    for f in files:
                        yield from _iter_file(f, published, pager, known_url, coded)
                elif not path.exists():
                    yield Reject(item, None, None, "no such file or folder")
                else:
                    yield from _iter_file(path, published, pager, known_url, coded)
    finally:
        if client is not None:
            client.close()
