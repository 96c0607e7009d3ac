"""marsad beside ACLED: for the same countries and months, the events both have, the events only
ACLED has (what marsad missed) and the events only marsad has (what ACLED lacks).

The unit is one occurrence: an active event together with the events merged into it. It comes
from ACLED when one of its events was loaded from an ACLED export (`ingest --acled`), from marsad
when one of them was coded from a report; dedup is what puts the two in one occurrence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from marsad.store.origin import acled_articles
from marsad.store.repository import HIDDEN_STATUSES
from marsad.store.schema import EventArticle, EventRow


@dataclass
class CompareRow:
    country: str
    month: str  # YYYY-MM, or "unknown" for undated events
    both: int = 0
    only_acled: int = 0
    only_marsad: int = 0


def compare_acled(
    store: Any, *, country: str | None = None, date_from: date | None = None, date_to: date | None = None
) -> list[CompareRow]:
    """Counts by country and month, sorted by country then month."""
    Root = aliased(EventRow, name="root")
    stmt = (
        select(Root.id, Root.country, Root.event_date, EventArticle.article_pk.in_(acled_articles()))
        .select_from(EventRow)
        .join(Root, Root.id == func.coalesce(EventRow.merged_into_id, EventRow.id))
        .outerjoin(EventArticle, EventArticle.event_id == EventRow.id)
        .where(Root.status.notin_(HIDDEN_STATUSES))
    )
    if country:
        stmt = stmt.where(func.lower(Root.country) == country.strip().lower())
    if date_from:
        stmt = stmt.where(Root.event_date >= date_from)
    if date_to:
        stmt = stmt.where(Root.event_date <= date_to)
    origin: dict[int, list[bool]] = defaultdict(lambda: [False, False])  # root -> [acled, marsad]
    where: dict[int, tuple[str, str]] = {}
    with store.session() as s:
        for root, ctry, day, is_acled in s.execute(stmt):
            origin[root][0 if is_acled else 1] = True
            where[root] = (ctry or "", day.strftime("%Y-%m") if day else "unknown")
    table: dict[tuple[str, str], CompareRow] = {}
    for root, (acled, marsad) in origin.items():
        key = where[root]
        row = table.setdefault(key, CompareRow(*key))
        if acled and marsad:
            row.both += 1
        elif acled:
            row.only_acled += 1
        else:
            row.only_marsad += 1
    return [table[k] for k in sorted(table)]
