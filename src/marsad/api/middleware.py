"""ASGI middleware: request-size limit (413) and security headers on every response."""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The UI loads only its own bundle: no inline script, no third-party origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _json_response(
    status: int, payload: dict[str, object], extra: list[tuple[bytes, bytes]]
) -> tuple[dict[str, object], bytes]:
    body = json.dumps(payload).encode()
    start = {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            *extra,
        ],
    }
    return start, body


class LimitAndHeaders:
    """Front door of the app, in this order:

    1. a write request to /api/ without a valid token gets 401 before its body is even read,
       so neither a malformed nor a huge body tells an anonymous client anything;
    2. bodies over `max_bytes` get 413 (by Content-Length, and by counting when it is absent or
       lies; the body is buffered, which is fine at this size);
    3. every response gets the security headers.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, authorized: Callable[[Scope], bool]) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.authorized = authorized

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        if (
            scope["method"] in WRITE_METHODS
            and scope["path"].startswith("/api/")
            and not self.authorized(scope)
        ):
            start, body = _json_response(
                401,
                {
                    "detail": "This endpoint needs a valid token: send 'Authorization: Bearer <token>'.",
                    "code": "unauthorized",
                    "errors": [],
                },
                [(b"www-authenticate", b"Bearer")],
            )
            await send_with_headers(start)
            await send_with_headers({"type": "http.response.body", "body": body})
            return

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(send_with_headers)
                return

        if scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE") and declared is None:
            await self.app(scope, receive, send_with_headers)
            return

        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send_with_headers)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)

    async def _refuse(self, send: Send) -> None:
        start, body = _json_response(
            413,
            {
                "detail": f"Request body too large: the limit is {self.max_bytes} bytes.",
                "code": "request_too_large",
                "errors": [],
            },
            [],
        )
        await send(start)
        await send({"type": "http.response.body", "body": body})
