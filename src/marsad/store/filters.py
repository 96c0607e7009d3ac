"""The event filter as SQL: the WHERE terms of an `EventFilter` over the events table, shared by
listing, counts, actors, places, stats and exports (store.repository), so every endpoint filters
alike. Every value reaches SQL as a bound parameter.

Values of one field are alternatives (OR), fields combine with AND. Country and actor values may be
names the knowledge base knows in Arabic (store.codebook): "سوريا" is Syria, "الحوثي" the Houthi
Movement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session, aliased

from marsad.store import codebook
from marsad.store.origin import origin_condition
from marsad.store.origin import roots_of_articles as _roots_of_articles
from marsad.store.schema import ActorName, ArticleRow, EventActor, EventRow, Outlet
from marsad.store.types import EventFilter
from marsad.text.normalize import fold

HIDDEN_STATUSES = ("rejected", "merged")
# The default status filter, as literal SQL: the partial indexes of migration 0002 carry this exact
# predicate, and the planners (SQLite's above all) only use them when the query repeats it verbatim,
# not through a bound parameter.
ACTIVE = text("events.status NOT IN ('rejected', 'merged')")
# An actor filter matching at most this many event_actors rows is resolved to ids first.
_NARROW_ACTOR = 2_000
# Actor names matched by a filter are passed as parameters up to this many.
_MAX_NAME_PARAMS = 500
_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


def _like_pattern(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_article_ids(session: Session, q: str) -> Select | None:
    """A subquery of article primary keys matching the full-text query `q` (Arabic-folded), or None
    when q has no searchable word."""
    tokens = _FTS_TOKEN.findall(fold(q))
    if not tokens:
        return None
    if session.get_bind().dialect.name == "sqlite":
        # Each word quoted: FTS5 operators in user input are then plain words; words are ANDed.
        match = " ".join('"' + t.replace('"', '""') + '"' for t in tokens)
        cond = text("article_fts MATCH :fts_q").bindparams(fts_q=match)
    else:
        cond = text("article_fts.tsv @@ plainto_tsquery('simple', :fts_q)").bindparams(fts_q=" ".join(tokens))
    return select(literal_column("article_fts.rowid")).select_from(text("article_fts")).where(cond)


def root_id():  # the event a row belongs to after merges
    return func.coalesce(EventRow.merged_into_id, EventRow.id)


def apply_filter(session: Session, stmt: Select, f: EventFilter) -> Select:
    """Add the WHERE clauses of `f` to a statement over EventRow."""
    conds = conditions(session, f)
    if f.actor:
        conds.append(actor_condition(session, f.actor).cond)
    return stmt.where(and_(*conds))


def _one_of(col: Any, values: list[Any]) -> ColumnElement[bool]:
    # `=` for one value: the common case, and the form every index and planner handles.
    return col == values[0] if len(values) == 1 else col.in_(values)


def conditions(session: Session, f: EventFilter) -> list[Any]:
    """The WHERE terms of `f` over EventRow, except the actor filter. Values of one field are
    alternatives (OR); fields combine with AND."""
    conds: list[Any] = []
    if f.status:
        conds.append(EventRow.status.in_(f.status))
    else:
        conds.append(ACTIVE)
    if f.date_from:
        conds.append(EventRow.event_date >= f.date_from)
    if f.date_to:
        conds.append(EventRow.event_date <= f.date_to)
    if f.undated is not None:
        conds.append(EventRow.event_date.is_(None) if f.undated else EventRow.event_date.is_not(None))
    if f.country:
        conds.append(_country_condition(session, f.country, None if f.status else conds[0]))
    if f.iso:
        conds.append(_one_of(EventRow.iso, f.iso))
    if f.admin1:
        # lower(admin1) is what ix_events_active_admin1* index.
        conds.append(_one_of(func.lower(EventRow.admin1), [a.lower() for a in f.admin1]))
    for col, values in (
        (EventRow.disorder_type, f.disorder_type),
        (EventRow.event_type, f.event_type),
        (EventRow.sub_event_type, f.sub_event_type),
        (EventRow.inter1, f.inter1),
        (EventRow.inter2, f.inter2),
    ):
        if values:
            conds.append(_one_of(col, values))
    if f.interaction:
        conds.append(_one_of(EventRow.interaction, [str(i) for i in f.interaction]))
    if f.fatalities_min is not None:
        conds.append(EventRow.fatalities >= f.fatalities_min)
    if f.fatalities_max is not None:
        conds.append(EventRow.fatalities <= f.fatalities_max)
    if f.updated_since is not None:
        conds.append(EventRow.updated_at >= f.updated_since)
    if f.primary is not None:
        conds.append(EventRow.is_primary == f.primary)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conds.append(EventRow.latitude.between(min_lat, max_lat))
        conds.append(EventRow.longitude.between(min_lon, max_lon))
    if f.q:
        arts = fts_article_ids(session, f.q)
        if arts is None:
            conds.append(literal_column("1") == 0)
        else:
            conds.append(EventRow.id.in_(_roots_of_articles(arts)))
    if f.outlet:
        arts = (
            select(ArticleRow.id)
            .join(Outlet, Outlet.id == ArticleRow.outlet_id)
            .where(_one_of(Outlet.name, f.outlet))
        )
        conds.append(EventRow.id.in_(_roots_of_articles(arts)))
    if f.origin:
        conds.append(origin_condition(list(f.origin)))
    return conds


def _country_condition(session: Session, values: list[str], active: Any) -> ColumnElement[bool]:
    """Countries by English or Arabic name or ISO3 code. Three letters are an ISO3 code or a name;
    an Arabic name of the knowledge base stands for its English name; any other value is a name."""
    names: list[str] = []
    others: list[ColumnElement[bool]] = []
    for c in values:
        known = codebook.find_country(c) if not (len(c) == 3 and c.isascii()) else None
        if known is not None:
            names.append(known.name.lower())
        elif len(c) == 3 and c.isalpha():
            others.append(_iso3_or_name(session, c, active))
        else:
            names.append(c.lower())
    conds = others
    if names:
        conds = [_one_of(func.lower(EventRow.country), list(dict.fromkeys(names))), *others]
    return conds[0] if len(conds) == 1 else or_(*conds)


def _iso3_or_name(session: Session, c: str, active: Any) -> ColumnElement[bool]:
    by_name = func.lower(EventRow.country) == c.lower()
    by_iso = EventRow.iso3 == c.upper()
    if active is None:  # an explicit status list: no partial index for the probes below
        return or_(by_iso, by_name)
    # "NGA" may be an ISO3 code or (in principle) a country's name. An OR of both would stop either
    # index being walked in sort order, so keep only the reading some active event has (two
    # index probes).
    has_iso = session.scalar(select(EventRow.id).where(active, by_iso).limit(1)) is not None
    has_name = session.scalar(select(EventRow.id).where(active, by_name).limit(1)) is not None
    if has_iso and has_name:
        return or_(by_iso, by_name)
    return by_name if has_name else by_iso


def actor_patterns(values: list[str]) -> list[str]:
    """LIKE patterns (lower case) for the actor filter: an Arabic value is an alias of the knowledge
    base and stands for that actor's English names ("الحوثي" → Houthi Movement); any other value
    is a substring of the name."""
    patterns: list[str] = []
    for v in values:
        entries = codebook.actors_for_alias(v) if codebook.has_arabic(v) else ()
        if entries:
            patterns.extend(p for e in entries for p in codebook.name_patterns(e))
        else:
            patterns.append(_like_pattern(v))
    return list(dict.fromkeys(patterns))


def _actor_names_like(session: Session, actor: list[str]) -> list[str] | Select:
    """The stored actor names matching the actor filter, case-insensitively, read from the short
    actor_names list (not from event_actors). A list, so the planner sees the values and their
    frequencies; a subquery when there are too many to pass as parameters."""
    low = func.lower(ActorName.name)
    names = select(ActorName.name).where(or_(*(low.like(p, escape="\\") for p in actor_patterns(actor))))
    found = list(session.scalars(names.limit(_MAX_NAME_PARAMS + 1)))
    return names if len(found) > _MAX_NAME_PARAMS else found


BY_NAME_INDEX = "ix_event_actors_name_event"


def hint(stmt: Select, table: Any, index: str) -> Select:
    """`table INDEXED BY index` on SQLite. Its planner goes by sqlite_stat1 averages, which mislead
    it here: merged_into_id's NULLs count as one key of a million rows, and a list of names looks
    costlier through the name index than a scan of every event_actors row. (Rendered only for
    tables listed in FROM, not inside a JOIN.) PostgreSQL's planner needs no help."""
    return stmt.with_hint(table, f"INDEXED BY {index}", "sqlite")


@dataclass
class ActorMatch:
    """How one actor filter is applied (see actor_condition)."""

    cond: ColumnElement[bool]
    broad: bool = False
    names: list[str] | Select = field(default_factory=list)
    member_only: list[int] = field(default_factory=list)


def actor_condition(session: Session, actor: list[str]) -> ActorMatch:
    """The actor substring filter. An event matches through its own actors or through those of
    the events merged into it (their reports are the survivor's sources).

    Narrow (few event_actors rows): the matching root ids are fetched first: `id IN (...)`.
    Broad: `EXISTS` on the event's own actor rows, so a page walks the sort index and stops after
    `limit` matches; the few survivors that match only through a member are listed apart."""
    names = _actor_names_like(session, actor)
    if isinstance(names, list) and not names:
        return ActorMatch(literal_column("1") == 0)
    by_name = hint(select(EventActor.event_id).where(EventActor.name.in_(names)), EventActor, BY_NAME_INDEX)
    hits = session.scalar(select(func.count()).select_from(by_name.limit(_NARROW_ACTOR + 1).subquery()))
    if not hits:
        return ActorMatch(literal_column("1") == 0)
    if hits <= _NARROW_ACTOR:
        roots = session.scalars(
            hint(
                select(func.coalesce(Member.merged_into_id, Member.id)).where(
                    EventActor.event_id == Member.id, EventActor.name.in_(names)
                ),
                EventActor,
                BY_NAME_INDEX,
            )
        )
        return ActorMatch(EventRow.id.in_(sorted(set(roots))))
    own = exists().where(EventActor.event_id == EventRow.id, EventActor.name.in_(names))
    # Survivors that match only through a merged member: usually none (the survivor names the
    # same actor), and never more than the merged events, so SQLite starts from those.
    Own = aliased(EventActor, name="own")
    member_only = sorted(
        set(
            session.scalars(
                hint(
                    # Member alone in FROM (actor tests as EXISTS), so it is SQLite's outer loop.
                    select(Member.merged_into_id).where(
                        Member.merged_into_id.is_not(None),
                        exists().where(EventActor.event_id == Member.id, EventActor.name.in_(names)),
                        ~exists().where(Own.event_id == Member.merged_into_id, Own.name.in_(names)),
                    ),
                    Member,
                    "ix_events_merged_into",
                )
            )
        )
    )
    # Kept apart from the EXISTS when empty: an OR would stop PostgreSQL turning it into a
    # semi-join walked in index order (it would hash every matching row first).
    cond = or_(own, EventRow.id.in_(member_only)) if member_only else own
    return ActorMatch(cond, broad=True, names=names, member_only=member_only)


Member = aliased(EventRow, name="member")
