"""ACLED's reference endpoints over the store: actors, actor types, countries and regions, each with
its first and last event date and event count among active events (ACLED's /actor/read,
/actortype/read, /country/read, /region/read). Filters work as in marsad.store.acled_query."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from marsad.store import acled_codes as codes
from marsad.store.acled_query import Col, as_text, filters, page_window, wanted_fields
from marsad.store.repository import ACTIVE
from marsad.store.schema import EventActor, EventRow


def _span(group: Any, ids: Any, dates: Any) -> list[Any]:
    return [
        group,
        func.min(dates).label("first_event_date"),
        func.max(dates).label("last_event_date"),
        func.count(func.distinct(ids)).label("event_count"),
    ]


def _dates(sub: Any) -> dict[str, Col]:
    return {
        "first_event_date": Col(sub.c.first_event_date, "date"),
        "last_event_date": Col(sub.c.last_event_date, "date"),
        "event_count": Col(sub.c.event_count, "int"),
    }


def _read(
    session: Session,
    params: Mapping[str, str],
    sub: Any,
    columns: dict[str, Col],
    order: list[Any],
    shape: Callable[[dict[str, Any]], dict[str, Any]],
) -> list[dict[str, str | None]]:
    names = wanted_fields(params, tuple(columns), columns)
    limit, offset = page_window(params)
    stmt = select(sub).where(*filters(params, columns)).order_by(*order).limit(limit).offset(offset)
    out = []
    for row in session.execute(stmt).mappings():
        full = shape(dict(row))
        out.append({n: as_text(full[n]) for n in names})
    return out


def read_actors(session: Session, params: Mapping[str, str]) -> list[dict[str, str | None]]:
    sub = (
        select(*_span(EventActor.name.label("actor_name"), EventRow.id, EventRow.event_date))
        .join(EventRow, EventRow.id == EventActor.event_id)
        .where(ACTIVE)
        .group_by(EventActor.name)
        .subquery()
    )
    columns = {"actor_name": Col(sub.c.actor_name, "text", "LIKE"), **_dates(sub)}
    return _read(session, params, sub, columns, [sub.c.event_count.desc(), sub.c.actor_name], lambda r: r)


def read_actor_types(session: Session, params: Mapping[str, str]) -> list[dict[str, str | None]]:
    sides = union_all(
        *(
            select(col.label("inter"), EventRow.id.label("id"), EventRow.event_date.label("d")).where(
                ACTIVE, col.is_not(None)
            )
            for col in (EventRow.inter1, EventRow.inter2)
        )
    ).subquery()
    sub = select(*_span(sides.c.inter.label("actor_type_id"), sides.c.id, sides.c.d)).group_by(sides.c.inter)
    sub = sub.subquery()
    columns = {
        "actor_type_id": Col(sub.c.actor_type_id, "inter"),
        "actor_type_name": Col(sub.c.actor_type_id, "inter"),  # a label is matched through its code
        **_dates(sub),
    }
    return _read(
        session,
        params,
        sub,
        columns,
        [sub.c.actor_type_id],
        lambda r: {**r, "actor_type_name": codes.inter_label(r["actor_type_id"])},
    )


def read_countries(session: Session, params: Mapping[str, str]) -> list[dict[str, str | None]]:
    sub = (
        select(
            *_span(EventRow.country.label("country"), EventRow.id, EventRow.event_date),
            func.max(EventRow.iso).label("iso"),
            func.max(EventRow.iso3).label("iso3"),
        )
        .where(ACTIVE, EventRow.country != "")
        .group_by(EventRow.country)
        .subquery()
    )
    columns = {
        "country": Col(sub.c.country, "text"),
        "iso": Col(sub.c.iso, "int"),
        "iso3": Col(sub.c.iso3, "text"),
        **_dates(sub),
    }
    return _read(session, params, sub, columns, [sub.c.country], lambda r: r)


def read_regions(session: Session, params: Mapping[str, str]) -> list[dict[str, str | None]]:
    sub = (
        select(*_span(EventRow.region.label("region_name"), EventRow.id, EventRow.event_date))
        .where(ACTIVE, EventRow.region != "")
        .group_by(EventRow.region)
        .subquery()
    )
    columns = {
        "region": Col(sub.c.region_name, "region"),  # ACLED filters regions by id; names work too
        "region_name": Col(sub.c.region_name, "region"),
        **_dates(sub),
    }
    return _read(
        session,
        params,
        sub,
        columns,
        [sub.c.region_name],
        lambda r: {**r, "region": codes.region_id(r["region_name"])},
    )
