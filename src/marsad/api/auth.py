"""Bearer-token authentication: every write needs a token; reads need one when not public."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad.api.errors import ApiError

# auto_error=False: we raise our own JSON 401 rather than FastAPI's 403.
bearer = HTTPBearer(auto_error=False, description="A token from MARSAD_API_TOKENS (`user:token`).")


def user_for_token(tokens: dict[str, str], given: str) -> str | None:
    user = None
    raw = given.encode("utf-8", "replace")
    # Compare against every token in constant time, so timing says nothing about which matched.
    for token, name in tokens.items():
        if hmac.compare_digest(token.encode("utf-8"), raw):
            user = name
    return user


def user_for_header(tokens: dict[str, str], header: str | None) -> str | None:
    """The user of an `Authorization: Bearer <token>` header value, or None."""
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return user_for_token(tokens, token.strip())


def _user_for(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str | None:
    if credentials is None or credentials.scheme.lower() != "bearer":
        return None
    return user_for_token(request.app.state.tokens, credentials.credentials)


def require_writer(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> str:
    """The reviewer's user name; 401 without a valid token."""
    user = _user_for(request, credentials)
    if user is None:
        raise ApiError(
            401,
            "unauthorized",
            "This endpoint needs a valid token: send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


def require_reader(request: Request) -> str | None:
    """Reads are open when MARSAD_PUBLIC_READ is true; otherwise they need a token too.

    The header is read directly rather than through `bearer`, so the OpenAPI schema does not
    mark public reads as needing auth; app.py adds the requirement when reads are private."""
    user = user_for_header(request.app.state.tokens, request.headers.get("authorization"))
    if user is None and not request.app.state.settings.public_read:
        raise ApiError(
            401,
            "unauthorized",
            "Reading needs a valid token here: send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user
