"""Where an event comes from: ACLED exports loaded by `marsad ingest --acled`, marsad's own coding of
reports, or both (after dedup linked them). One definition, used by the store's shared filter
(/api/events, /api/stats, /api/export, `marsad export`, the map) and by /api/acled/read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from marsad.store.schema import ArticleRow, EventArticle, EventRow, Outlet

ACLED_OUTLET = "ACLED"  # the outlet of the pseudo-article each `ingest --acled` file is stored under
ORIGINS = ("acled", "marsad", "both", "acled_only", "marsad_only")

Member = aliased(EventRow, name="member")


def roots_of_articles(article_pks: Select) -> Select:
    """The ids of the (root) events that articles `article_pks` are sources of, through merges."""
    return (
        select(func.coalesce(Member.merged_into_id, Member.id))
        .join(EventArticle, EventArticle.event_id == Member.id)
        .where(EventArticle.article_pk.in_(article_pks))
    )


def acled_articles() -> Any:
    """The ids of the pseudo-reports ACLED exports are stored under (a subquery)."""
    return (
        select(ArticleRow.id)
        .join(Outlet, Outlet.id == ArticleRow.outlet_id)
        .where(Outlet.name == ACLED_OUTLET)
    )


def origin_condition(values: list[str]) -> ColumnElement[bool]:
    """Events by where they come from: acled (an ACLED export row is among the event's members),
    marsad (a report coded by marsad is), both, acled_only, marsad_only. ValueError on another name."""
    acled = EventRow.id.in_(roots_of_articles(acled_articles()))
    own_arts = select(EventArticle.article_pk).where(EventArticle.article_pk.notin_(acled_articles()))
    marsad = EventRow.id.in_(roots_of_articles(own_arts))
    table = {
        "acled": acled,
        "marsad": marsad,
        "both": and_(acled, marsad),
        "acled_only": and_(acled, ~marsad),
        "marsad_only": and_(marsad, ~acled),
    }
    try:
        return or_(*(table[v.strip().lower()] for v in values))
    except KeyError:
        raise ValueError(f"origin must be one of {', '.join(ORIGINS)}") from None
