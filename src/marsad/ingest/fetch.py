"""Fetching a page or a feed over http(s), with limits a daily unattended job needs."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
USER_AGENT = "marsad/0.1 (+conflict event monitoring; contact: operator)"


class FetchError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


def read_capped(
    resp: httpx.Response, max_bytes: int, *, started: float = 0.0, deadline: float | None = None
) -> bytes:
    """The streamed body, FetchError once it passes `max_bytes` or (with `deadline`) once
    `deadline` seconds have passed since `started` (time.monotonic())."""
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"response larger than {max_bytes} bytes")
        if deadline is not None and time.monotonic() - started > deadline:
            raise FetchError(f"response slower than {deadline:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, *, client: httpx.Client | None = None) -> Fetched:
    """GET `url`; FetchError (with a message fit for a reject line) on any failure."""
    own = client is None
    cl = client or make_client()
    try:
        with cl.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code}")
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(str(resp.url), read_capped(resp, MAX_BYTES), ctype)
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from None
    finally:
        if own:
            cl.close()


def make_client() -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})
