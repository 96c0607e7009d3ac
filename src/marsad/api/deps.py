"""Shared route helpers: the store of the running app, and store errors mapped to HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import Request
from pydantic import BaseModel

from marsad.api.errors import ApiError

if TYPE_CHECKING:
    from marsad.store import Store

T = TypeVar("T")


def get_store(request: Request) -> Store:
    return request.app.state.store


def utc_aware(obj: Any) -> Any:
    """Mark naive datetimes as UTC, in place, through nested models and lists.

    The store keeps every time in UTC, but SQLite hands DateTime columns back without a zone;
    an ISO string without an offset is not an RFC 3339 date-time, which the schema promises."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, datetime):
                if value.tzinfo is None:
                    object.__setattr__(obj, name, value.replace(tzinfo=UTC))
            elif isinstance(value, BaseModel | list):
                utc_aware(value)
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, BaseModel | list):
                utc_aware(item)
    return obj


def utc_stream(items: Iterator[T]) -> Iterator[T]:
    for item in items:
        yield utc_aware(item)


def call_store(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    """The store raises KeyError for unknown ids and ValueError with a user-safe message for an
    invalid request (docs/store-api.md); they become 404 and 422."""
    try:
        return utc_aware(fn(*args, **kwargs))
    except KeyError as exc:
        missing = exc.args[0] if exc.args else "record"
        raise ApiError(404, "not_found", f"Not found: {missing}") from None
    except ValueError as exc:
        raise ApiError(422, "invalid_request", str(exc) or "Invalid request") from None


def found(value: T | None, what: str, key: str) -> T:
    if value is None:
        raise ApiError(404, "not_found", f"No {what} with id {key!r}.")
    return value
