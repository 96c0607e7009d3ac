"""RSS and Atom feeds (feedparser): one Article per entry, from the entry's own content or, for
feeds that carry only a summary, from the linked page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import feedparser

from marsad.ingest.html import page_to_article
from marsad.io.readers import Reject
from marsad.models import Article

# A feed entry shorter than this is a teaser: fetch the page it links to when allowed.
SUMMARY_ONLY_CHARS = 400


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    if any(t in content_type for t in ("rss", "atom", "xml")) and "html" not in content_type:
        return True
    head = content[:1024].lstrip().lower()
    return (
        head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
    ) or head.startswith((b"<rss", b"<feed"))


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def _entry_html(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    return best or entry.get("summary", "") or ""


def feed_articles(
    content: bytes,
    *,
    source: str,
    fetch_page: Callable[[str], bytes | None] | None = None,
    known_url: Callable[[str], bool] | None = None,
) -> Iterator[Article | Reject | str]:
    """Entries of a feed as Articles. `fetch_page(url)` returns a linked page's HTML (None on failure);
    `known_url(url)` lets the caller skip entries it already has before any fetch: their URL is
    yielded (a str) instead of an Article."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        yield Reject(
            source, None, None, f"not a readable feed: {parsed.get('bozo_exception', 'parse error')}"
        )
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        rid = entry.get("id") or link
        if link and known_url is not None and known_url(link):
            yield link
            continue
        published = _entry_date(entry)
        body_html = _entry_html(entry)
        art: Article | Reject | None = None
        if body_html:
            wrapped = f"<html><body><article><p>{body_html}</p></article></body></html>"
            art = page_to_article(wrapped, source=source, url=link, published=published)
        too_short = isinstance(art, Reject) or art is None or len(art.text) < SUMMARY_ONLY_CHARS
        if too_short and link and fetch_page is not None:
            page = fetch_page(link)
            if page is not None:
                full = page_to_article(page, source=link, url=link, published=published)
                if isinstance(full, Article):
                    art = full
        if art is None:
            yield Reject(source, n, rid, "feed entry has no text and no readable link")
            continue
        if isinstance(art, Reject):
            yield Reject(source, n, rid, art.reason)
            continue
        art.title = entry.get("title") or art.title
        art.outlet = outlet or art.outlet
        art.url = link or art.url
        yield art
