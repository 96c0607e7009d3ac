"""Shared route helpers: the store of the running app, and store errors mapped to HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from fastapi import Request
from sqlalchemy.exc import DataError

from marsad.api.errors import ApiError

if TYPE_CHECKING:
    from marsad.store import Store

T = TypeVar("T")


def get_store(request: Request) -> Store:
    return request.app.state.store


def call_store(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    """The store raises KeyError for unknown ids and ValueError with a user-safe message for an
    invalid request (docs/store-api.md); they become 404 and 422."""
    try:
        return fn(*args, **kwargs)
    except KeyError as exc:
        missing = exc.args[0] if exc.args else "record"
        raise ApiError(404, "not_found", f"Not found: {missing}") from None
    except ValueError as exc:
        raise ApiError(422, "invalid_request", str(exc) or "Invalid request") from None
    except DataError:
        # A value the database refuses (out of range, a character it cannot store): the client's
        # input, not a server fault. The validation above should have caught it first.
        raise ApiError(422, "invalid_request", "Invalid request: a value is out of range") from None


def found(value: T | None, what: str, key: str) -> T:
    if value is None:
        raise ApiError(404, "not_found", f"No {what} with id {key!r}.")
    return value
