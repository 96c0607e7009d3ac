"""ACLED's query language over the store: every column a filter, `|` alternatives, `<field>_where`
operators (=, LIKE, >, <, >=, <=, BETWEEN), `fields`, `limit`/`page`, monadic rows.

Used by the ACLED-compatible endpoints (marsad.api.acled). Every value reaches SQL as a bound
parameter; column names come from the tables below, never from the request.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from marsad.models import ACLED_COLUMNS
from marsad.store import acled_codes as codes
from marsad.store import origin
from marsad.store.repository import ACTIVE, HIDDEN_STATUSES, _order
from marsad.store.schema import EventRow

MAX_LIMIT = 5000  # ACLED's default page size, and the largest page served here
OPERATORS = ("=", "LIKE", ">", "<", ">=", "<=", "BETWEEN")
# Request parameters that are not filters. key/email: ACLED's legacy credentials, sent by old
# clients and meaningless here; population/terms: accepted and ignored (reported in `messages`).
CONTROL_PARAMS = frozenset({"fields", "limit", "page", "export_type", "inter_num", "_format"})
IGNORED_PARAMS = frozenset({"key", "email", "terms", "population"})


class QueryError(ValueError):
    """A request ACLED would refuse: the message is safe to show the caller."""


@dataclass(frozen=True)
class Col:
    """One filterable and selectable column: its SQL expression, value kind and default operator."""

    expr: Any
    kind: str  # text int float date stamp inter interaction region bool list origin
    default_op: str = "="


def _event_columns() -> dict[str, Col]:
    like = {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "notes", "source", "source_scale", "tags"}
    kinds = {
        "event_date": "date",
        "year": "int",
        "time_precision": "int",
        "geo_precision": "int",
        "fatalities": "int",
        "iso": "int",
        "inter1": "inter",
        "inter2": "inter",
        "interaction": "interaction",
        "region": "region",
        "latitude": "float",
        "longitude": "float",
    }
    cols = {
        f: Col(getattr(EventRow, f), kinds.get(f, "text"), "LIKE" if f in like else "=")
        for f in ACLED_COLUMNS
    }
    # ACLED's timestamp is when the row last changed; here that is updated_at (edits, merges, restores).
    cols["timestamp"] = Col(EventRow.updated_at, "stamp", ">=")
    return cols


EVENT_COLUMNS: dict[str, Col] = _event_columns()
# marsad's own columns: returned only when named in `fields`, filterable like the others.
EXTRA_COLUMNS: dict[str, Col] = {
    "article_id": Col(EventRow.article_id, "text"),
    "primary": Col(EventRow.is_primary, "bool"),
    "injuries": Col(EventRow.injuries, "int"),
    "weapons": Col(EventRow.weapons, "list"),
    "confidence": Col(EventRow.confidence, "float"),
    "status": Col(EventRow.status, "text"),
    "n_sources": Col(EventRow.n_sources, "int"),
    "origin": Col(None, "origin"),
}
MONADIC_DROPPED = ("actor2", "assoc_actor_2", "inter2")


# --- values and conditions -------------------------------------------------------------------------


def _epoch(value: str) -> datetime:
    v = value.strip()
    if v.lstrip("-").isdigit():
        return datetime.fromtimestamp(int(v), UTC)
    return datetime.combine(date.fromisoformat(v), datetime.min.time(), UTC)


_CONVERT = {
    "text": str,
    "int": int,
    "float": float,
    "date": date.fromisoformat,
    "stamp": _epoch,
    "inter": codes.inter_code,
    "interaction": codes.interaction_code,
    "region": codes.region_name,
    "bool": lambda v: {"1": True, "true": True, "0": False, "false": False}[v.strip().lower()],
}


def _values(name: str, col: Col, raw: str) -> list[Any]:
    out = []
    for part in raw.split("|"):
        try:
            out.append(_CONVERT[col.kind](part.strip() if col.kind != "text" else part))
        except (ValueError, KeyError, OverflowError, OSError) as exc:
            # Our own code-list messages say what is accepted; Python's parse errors say nothing useful.
            detail = f": {exc}" if col.kind in ("inter", "interaction", "region") else ""
            raise QueryError(f"Invalid value '{part}' for {name} ({col.kind}){detail}") from None
    return out


_COMPARE = {">": operator.gt, "<": operator.lt, ">=": operator.ge, "<=": operator.le}


def _like(value: str) -> str:
    # A value with its own % is a pattern as ACLED users write them; otherwise a substring.
    return value.lower() if "%" in value else f"%{value.lower()}%"


def condition(name: str, col: Col, raw: str, op: str) -> ColumnElement[bool]:
    if op not in OPERATORS:
        raise QueryError(f"Unknown operator '{op}' in {name}_where: use one of {', '.join(OPERATORS)}")
    if col.kind == "list":
        raise QueryError(f"{name} cannot be filtered")
    values = _values(name, col, raw)
    text_like = col.kind in ("text", "region", "interaction")
    expr = func.lower(col.expr) if col.kind in ("text", "region") else col.expr
    if col.kind in ("text", "region"):
        values = [v.lower() for v in values]
    if op == "=":
        return expr.in_(values) if len(values) > 1 else expr == values[0]
    if op == "LIKE":
        if not text_like:
            raise QueryError(f"LIKE needs a text field; {name} is {col.kind}")
        return or_(*(func.lower(col.expr).like(_like(str(v))) for v in values))
    if op == "BETWEEN":
        if len(values) != 2:
            raise QueryError(f"BETWEEN needs two values separated by '|' in {name}")
        return expr.between(values[0], values[1])
    if len(values) != 1:
        raise QueryError(f"Operator {op} takes one value in {name}")
    return _COMPARE[op](expr, values[0])


def origin_condition(values: list[str]) -> ColumnElement[bool]:
    try:
        return origin.origin_condition(values)
    except ValueError as exc:
        raise QueryError(str(exc)) from None


def filters(params: Mapping[str, str], columns: Mapping[str, Col]) -> list[ColumnElement[bool]]:
    """The WHERE terms of the request's filters over `columns`; QueryError for anything unknown."""
    conds = []
    for key, raw in params.items():
        if key in CONTROL_PARAMS or key in IGNORED_PARAMS:
            continue
        if key.endswith("_where"):
            if key[: -len("_where")] not in columns:
                raise QueryError(f"Unknown field '{key[: -len('_where')]}' in {key}")
            continue
        col = columns.get(key)
        if col is None:
            raise QueryError(f"Unknown field '{key}'")
        if col.kind == "origin":
            conds.append(origin_condition(raw.split("|")))
            continue
        op = params.get(f"{key}_where", col.default_op).strip().upper()
        conds.append(condition(key, col, raw, op))
    return conds


# --- paging and fields -------------------------------------------------------------------------------


def _int_param(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise QueryError(f"{name} must be between {low} and {high}")
    return value


def page_window(params: Mapping[str, str]) -> tuple[int, int]:
    """(limit, offset). ACLED's limit=0 means "everything": here pages of at most 5000 are served."""
    limit = _int_param(params, "limit", MAX_LIMIT, 1, MAX_LIMIT)
    page = _int_param(params, "page", 1, 1, 10_000_000)
    return limit, (page - 1) * limit


def wanted_fields(
    params: Mapping[str, str], default: tuple[str, ...], allowed: Mapping[str, Any]
) -> list[str]:
    raw = params.get("fields", "").strip()
    if not raw:
        return list(default)
    names = [f.strip() for f in raw.split("|") if f.strip()]
    unknown = [f for f in names if f not in allowed or f == "origin"]
    if unknown:
        raise QueryError(f"Unknown field(s) in fields: {', '.join(unknown)}")
    return list(dict.fromkeys(names))


# --- events --------------------------------------------------------------------------------------------


def as_text(value: Any) -> str | None:
    """ACLED's JSON carries every value as a string; a missing value is null."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return str(int(value.timestamp()))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _stamp(value: datetime) -> str:
    return str(int(value.timestamp()))


def _formatter(col: Col, inter_num: bool) -> Callable[[Any], str | None] | None:
    """How one column's values become ACLED's strings, chosen once per column rather than per
    value (a page is 5,000 rows of 31 columns). None: the value is already a string."""
    if col.kind in ("text", "region") or (col.kind == "interaction" and inter_num):
        return None
    if col.kind == "inter" and not inter_num:
        return codes.inter_label
    if col.kind == "interaction":
        return lambda v: codes.interaction_label(v) if v else v
    return {"date": date.isoformat, "stamp": _stamp, "list": as_text, "bool": as_text}.get(col.kind, str)


def _rows(result: Any, names: list[str], cols: list[Col], inter_num: bool) -> list[dict[str, str | None]]:
    fmts = [_formatter(c, inter_num) for c in cols]
    conv = [(i, f) for i, f in enumerate(fmts) if f is not None]
    out = []
    for r in result:
        vals = list(r)
        for i, f in conv:
            v = vals[i]
            if v is not None:
                vals[i] = f(v)
        out.append(dict(zip(names, vals, strict=True)))
    return out


def read_events(session: Session, params: Mapping[str, str]) -> list[dict[str, str | None]]:
    """One page of active events as ACLED rows (strings), latest first."""
    columns = {**EVENT_COLUMNS, **EXTRA_COLUMNS}
    names = wanted_fields(params, ACLED_COLUMNS, columns)
    export = params.get("export_type", "").strip().lower()
    if export not in ("", "dyadic", "monadic"):
        raise QueryError("export_type must be dyadic or monadic")
    inter_num = params.get("inter_num", "").strip() in ("1", "true")
    limit, offset = page_window(params)
    conds = filters(params, columns)
    # Monadic rows need the actor2 side even when `fields` leaves it out.
    selected = list(dict.fromkeys([*names, *(MONADIC_DROPPED if export == "monadic" else ())]))
    stmt = select(*(columns[n].expr.label(n) for n in selected)).where(ACTIVE, *conds)
    # ACLED returns the latest events first: /api/events' default order, which its index serves.
    stmt = _order(stmt, "-event_date", session.get_bind().dialect.name).limit(limit).offset(offset)
    # Core execution on the session's connection: plain rows, no ORM bookkeeping.
    result = session.connection().execute(stmt)
    rows = _rows(result, selected, [columns[n] for n in selected], inter_num)
    return monadic(rows, names) if export == "monadic" else rows


def monadic(rows: list[dict[str, str | None]], names: list[str]) -> list[dict[str, str | None]]:
    """One row per actor: the actor2 side becomes a row of its own in actor1's columns."""
    keep = [n for n in names if n not in MONADIC_DROPPED]
    out = []
    for r in rows:
        out.append({n: r[n] for n in keep})
        if r.get("actor2"):
            side = {**r, "actor1": r["actor2"], "assoc_actor_1": r["assoc_actor_2"], "inter1": r["inter2"]}
            out.append({n: side[n] for n in keep})
    return out


# --- deletions -----------------------------------------------------------------------------------------

DELETED_COLUMNS: dict[str, Col] = {
    "event_id_cnty": Col(EventRow.event_id_cnty, "text"),
    # When the event left the active set (rejected or merged into another).
    "deleted_timestamp": Col(EventRow.updated_at, "stamp", ">="),
}


def read_deleted(session: Session, params: Mapping[str, str]) -> list[dict[str, str | None]]:
    names = wanted_fields(params, tuple(DELETED_COLUMNS), DELETED_COLUMNS)
    limit, offset = page_window(params)
    stmt = (
        select(*(DELETED_COLUMNS[n].expr.label(n) for n in names))
        .where(EventRow.status.in_(HIDDEN_STATUSES), *filters(params, DELETED_COLUMNS))
        .order_by(EventRow.updated_at.desc(), EventRow.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return _rows(session.connection().execute(stmt), names, [DELETED_COLUMNS[n] for n in names], True)


def last_update(session: Session) -> int:
    """Unix time of the latest change to any event (0 on an empty store)."""
    latest = session.scalar(select(func.max(EventRow.updated_at)))
    return int(latest.timestamp()) if latest else 0
