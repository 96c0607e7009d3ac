"""Polite, bounded HTTP for a process that polls outlets all day: conditional GET, one request at a
time per host with a minimum gap, connect/read timeouts plus an overall deadline (a server that
trickles bytes cannot hold a worker), a redirect limit, a size cap, and charset decoding for the
UTF-8 and cp1256 (windows-1256) pages Arabic outlets serve."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from marsad.ingest.fetch import USER_AGENT, FetchError, read_capped

FEED_MAX_BYTES = 5 * 1024 * 1024
PAGE_MAX_BYTES = 3 * 1024 * 1024
MAX_REDIRECTS = 5
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Arabic pages that declare Latin-1 are cp1256 in practice (browsers do the same substitution).
_ALIASES = {"iso-8859-1": "cp1256", "latin1": "cp1256", "windows-1252": "cp1256", "ascii": "utf-8"}


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators matched
    content: bytes
    content_type: str
    charset: str | None  # from the Content-Type header
    etag: str | None
    last_modified: str | None

    def text(self) -> str:
        return decode(self.content, self.charset)


def _known(enc: str | None) -> str | None:
    if not enc:
        return None
    enc = _ALIASES.get(enc.strip().lower(), enc.strip().lower())
    try:
        "".encode(enc)
    except LookupError:
        return None
    return enc


def decode(content: bytes, header_charset: str | None = None) -> str:
    """Bytes to text: the BOM, the HTTP charset, the page's own <meta>/<?xml?> declaration, then UTF-8
    if it decodes cleanly, else cp1256 (the usual undeclared encoding of Arabic pages)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    head = content[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    for enc in (_known(header_charset), _known(m.group(1).decode("ascii")) if m else None):
        if enc:
            try:
                return content.decode(enc)
            except UnicodeDecodeError:
                continue  # a wrong declaration: fall through to sniffing
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1256", errors="replace")


class HostLimiter:
    """At most one request in flight per host, and at least `min_gap` seconds between the starts of
    two requests to the same host, across every worker thread."""

    def __init__(self, min_gap: float) -> None:
        self.min_gap = min_gap
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    def hold(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait(self, host: str) -> None:
        """Called with hold(host) held: sleeps until the host may be asked again."""
        gap = self._last.get(host, -1e9) + self.min_gap - time.monotonic()
        if gap > 0:
            time.sleep(gap)
        self._last[host] = time.monotonic()


class PoliteClient:
    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        min_gap: float = 1.0,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        deadline: float = 60.0,
        max_redirects: int = MAX_REDIRECTS,
    ) -> None:
        self.deadline = deadline
        self.limiter = HostLimiter(min_gap)
        self.client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int = PAGE_MAX_BYTES,
        accept: str = "*/*",
    ) -> Response:
        """GET with validators; FetchError with a short reason on any failure (HTTP >= 400 included)."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = urlsplit(url).netloc.lower()
        with self.limiter.hold(host):
            self.limiter.wait(host)
            return self._get(url, headers, max_bytes)

    def _get(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Response(str(resp.url), 304, b"", "", None, etag_of(resp), lm_of(resp))
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code}")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"response larger than {max_bytes} bytes")
                body = read_capped(resp, max_bytes, started=started, deadline=self.deadline)
                ctype = resp.headers.get("content-type", "")
                return Response(
                    str(resp.url),
                    resp.status_code,
                    body,
                    ctype.split(";")[0].strip().lower(),
                    resp.charset_encoding,
                    etag_of(resp),
                    lm_of(resp),
                )
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"timeout ({type(exc).__name__})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}") from None


def etag_of(resp: httpx.Response) -> str | None:
    return resp.headers.get("etag") or None


def lm_of(resp: httpx.Response) -> str | None:
    return resp.headers.get("last-modified") or None
