"""Saved or fetched HTML pages: the article's text, title, date and outlet, by trafilatura."""

from __future__ import annotations

from datetime import date

import trafilatura

from marsad.io.readers import Reject
from marsad.models import Article

MIN_CHARS = 40  # less than this is a menu or a cookie notice, not a report


def page_to_article(
    content: bytes | str,
    *,
    source: str,
    url: str | None = None,
    article_id: str = "",
    published: date | None = None,
) -> Article | Reject:
    """One page -> one Article (text without boilerplate) or a Reject saying why not."""
    try:
        doc = trafilatura.bare_extraction(content, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        return Reject(source, None, article_id or None, f"cannot parse HTML: {type(exc).__name__}")
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < MIN_CHARS:
        return Reject(source, None, article_id or None, "no article text found in the page")
    day: date | None = published
    raw_date = getattr(doc, "date", None)
    if raw_date and day is None:
        try:
            day = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            day = None
    page_url = url or getattr(doc, "url", None) or None
    return Article(
        id=article_id,
        text=text,
        title=getattr(doc, "title", None) or None,
        published=day,
        url=page_url,
        outlet=getattr(doc, "sitename", None) or None,
    ).ensure_id()
