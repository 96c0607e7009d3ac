"""Every error leaves the API as JSON: {"detail": <message>, "code": <short name>, "errors": [...]}.

`detail` keeps FastAPI's key so generic clients still understand it; `code` is stable for
programs; `errors` lists the individual problems of a 422, one item per bad parameter or field:
`field` (the query parameter, or the event field of an edit) and `reason` in plain words, with
`loc`/`msg`/`type` as FastAPI gives them. A 422 always has at least one item.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("marsad.api")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    500: "internal_error",
}


class FieldError(BaseModel):
    field: str = Field(
        description="The query parameter or event field at fault ('' for the request as a whole)"
    )
    reason: str = Field(description="What is wrong, in plain words")
    loc: list[str | int]
    msg: str
    type: str


def field_error(field: str, reason: str, kind: str = "invalid", where: str = "body") -> dict[str, Any]:
    return {
        "field": field,
        "reason": reason,
        "loc": [where, field] if field else [where],
        "msg": reason,
        "type": kind,
    }


class ErrorBody(BaseModel):
    """The body of every error response."""

    detail: str
    code: str
    errors: list[FieldError] = []


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        if status == 422 and not errors:
            errors = [field_error("", message, code, "request")]
        self.errors = errors or []


def error_response(
    status: int,
    message: str,
    code: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(detail=message, code=code or _CODES.get(status, "error"), errors=errors or [])
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


# Documented on every route so the OpenAPI schema (and schemathesis) knows these shapes.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Malformed request body"},
    401: {"model": ErrorBody, "description": "Missing or invalid token"},
    413: {"model": ErrorBody, "description": "Request body too large"},
    422: {"model": ErrorBody, "description": "Invalid input"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "No such record"}}


def _loc_text(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in loc)


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    from starlette.routing import Match

    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def _item(request: Request, e: Any) -> dict[str, Any]:
    """One pydantic/FastAPI error as an `errors` item with a `field` and a plain `reason`."""
    loc = [p if isinstance(p, int) else str(p) for p in e.get("loc", ())]
    kind = str(e.get("type", ""))
    msg = str(e.get("msg", ""))
    parts = loc[1:] if loc and loc[0] in ("query", "path", "body", "header") else loc
    if loc[:1] == ["body"] and len(parts) > 1 and parts[0] == "changes":
        parts = parts[1:]  # an edit: name the event field, as the UI shows it
    field = ".".join(str(p) for p in parts if not isinstance(p, int)) if parts else ""
    ctx = e.get("ctx")
    if not field and isinstance(ctx, dict) and isinstance(ctx.get("field"), str):
        field = ctx["field"]  # a check across parameters names the one it is about (schemas._about)
    reason = msg.removeprefix("Value error, ")
    if kind == "extra_forbidden" and loc[:1] == ["query"]:
        known = ", ".join(sorted(allowed_query_params(request)))
        reason = f"unknown parameter {field!r}: this endpoint takes {known or 'no query parameters'}"
    elif kind == "extra_forbidden":
        reason = f"unknown field {field!r}"
    elif kind == "missing":
        reason = "required"
    elif kind == "json_invalid":
        field, reason = "body", f"not valid JSON: {e.get('ctx', {}).get('error', msg)}"
    return {"field": field, "reason": reason, "loc": loc, "msg": msg, "type": kind}


def _query_params(request: Request) -> tuple[set[str], bool]:
    """The query parameters the matched route declares (its query models' fields included), and
    whether one of those models refuses extras itself."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    names: set[str] = set()
    strict_model = False
    todo = [dependant] if dependant is not None else []
    while todo:
        d = todo.pop()
        todo.extend(d.dependencies)
        for p in d.query_params:
            t = p.field_info.annotation
            if isinstance(t, type) and issubclass(t, BaseModel):
                names |= {f.alias or n for n, f in t.model_fields.items()}
                strict_model = strict_model or t.model_config.get("extra") == "forbid"
            else:
                names.add(p.alias)
    return names, strict_model


def allowed_query_params(request: Request) -> set[str]:
    return _query_params(request)[0]


def reject_unknown_params(request: Request) -> None:
    """Router dependency: a query parameter the route does not take is a 422 naming it, not
    silently ignored (`?year=2023` must not return every year). Routes whose query parameters
    are one model refuse extras there instead, together with any other bad parameter."""
    allowed, strict_model = _query_params(request)
    unknown = sorted(set(request.query_params) - allowed)
    if not unknown or strict_model:
        return
    known = ", ".join(sorted(allowed)) or "no query parameters"
    errors = [
        {
            "field": name,
            "reason": f"unknown parameter {name!r}: this endpoint takes {known}",
            "loc": ["query", name],
            "msg": "Extra inputs are not permitted",
            "type": "extra_forbidden",
        }
        for name in unknown
    ]
    raise ApiError(
        422, "validation_error", f"Invalid request: unknown parameter(s) {', '.join(unknown)}", errors=errors
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.errors, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "HTTP error"
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 404 and message == "Not Found":
            message = "No such endpoint or record."
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path; list them all.
            allowed = _allowed_methods(app, request)
            headers["Allow"] = ", ".join(allowed)
            message = f"Method {request.method} not allowed here; use {' or '.join(allowed)}."
        return error_response(exc.status_code, message, headers=headers or None)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [_item(request, e) for e in exc.errors()] or [
            field_error("", "invalid request", "invalid", "request")
        ]
        first = errors[0]
        message = f"Invalid request: {first['field'] or _loc_text(first['loc'])}: {first['reason']}"
        if len(errors) > 1:
            message += f" (and {len(errors) - 1} more)"
        return error_response(422, message, "validation_error", errors)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Log the trace for the operator; the client gets no internals.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "Internal server error.", "internal_error")
