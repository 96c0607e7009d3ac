"""A real local HTTP server for the watcher's tests, and Arabic feed items written for them."""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

PLACES = ["درعا", "إدلب", "حماة", "دير الزور", "الرقة", "حلب", "حمص", "السويداء", "القامشلي", "منبج"]


def item_text(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return (
        f"قُتل مدنيان وأصيب {3 + i % 5} آخرون، صباح اليوم، جراء قصف مدفعي استهدف أطراف مدينة {place}، "
        f"بحسب ما أفاد مراسلون محليون. وقال الدفاع المدني إن فرقه نقلت المصابين إلى المشفى الوطني، "
        f"فيما شهدت المنطقة حركة نزوح للأهالي نحو القرى المجاورة (البلاغ رقم {i})."
    )


@dataclass
class Item:
    guid: str
    title: str
    text: str  # the entry's description (HTML escaped into the feed)
    link: str | None = None
    published: datetime = field(default_factory=lambda: datetime(2026, 12, 1, 10, 0, tzinfo=UTC))


def rss(items: list[Item], title: str = "شبكة الرصد الإخبارية", encoding: str = "utf-8") -> bytes:
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link><description>أخبار</description>"
    ]
    for it in items:
        link = f"<link>{escape(it.link)}</link>" if it.link else ""
        parts.append(
            f'<item><title>{escape(it.title)}</title>{link}<guid isPermaLink="false">{escape(it.guid)}</guid>'
            f"<pubDate>{format_datetime(it.published)}</pubDate>"
            f"<description>{escape(it.text)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode(encoding)


Handler = Callable[[BaseHTTPRequestHandler], None]


class Site:
    """Routes are either (status, content_type, body) — served with an ETag and 304 on a match —
    or a function that answers the request itself. Every request is logged as (path, headers, time)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes] | Handler] = {}
        self.hits: list[tuple[str, dict[str, str], float]] = []
        self.lock = threading.Lock()
        site = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site.lock:
                    site.hits.append((self.path, dict(self.headers), time.monotonic()))
                    route = site.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                if callable(route):
                    route(self)
                    return
                status, ctype, body = route
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up (size cap, deadline): expected
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        with self.lock:
            return [h[0] for h in self.hits]

    def feed(self, path: str, items: list[Item], **kw: str) -> None:
        self.routes[path] = (200, "application/rss+xml; charset=utf-8", rss(items, **kw))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()
