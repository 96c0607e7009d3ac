"""Shared route helpers: the store of the running app, and store errors mapped to HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from fastapi import Request
from sqlalchemy.exc import DataError

from marsad.api.errors import ApiError, field_error
from marsad.store.review_rules import EditRefused

if TYPE_CHECKING:
    from marsad.store import Store

T = TypeVar("T")


def get_store(request: Request) -> Store:
    return request.app.state.store


def call_store(fn: Callable[..., T], *args: object, field_: str = "", **kwargs: object) -> T:
    """The store raises KeyError for unknown ids and ValueError with a user-safe message for an
    invalid request (docs/store-api.md); they become 404 and 422. A refused edit names each field
    and its reason (`errors`); another 422 names `field_`, the input the request is about."""
    try:
        return fn(*args, **kwargs)
    except KeyError as exc:
        missing = exc.args[0] if exc.args else "record"
        raise ApiError(404, "not_found", f"Not found: {missing}") from None
    except EditRefused as exc:
        errors = [field_error(f, reason, "refused") for f, reason in exc.errors]
        raise ApiError(422, "edit_refused", str(exc), errors=errors) from None
    except ValueError as exc:
        message = str(exc) or "Invalid request"
        errors = [field_error(field_, message, "invalid_request", "body" if field_ else "request")]
        raise ApiError(422, "invalid_request", message, errors=errors) from None
    except DataError:
        # A value the database refuses (out of range, a character it cannot store): the client's
        # input, not a server fault. The validation above should have caught it first.
        message = "Invalid request: a value is out of range"
        raise ApiError(422, "invalid_request", message, errors=[field_error(field_, message)]) from None


def found(value: T | None, what: str, key: str) -> T:
    if value is None:
        raise ApiError(404, "not_found", f"No {what} with id {key!r}.")
    return value
