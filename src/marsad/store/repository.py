"""Read queries: filtered/paginated/sorted events, event and article details, actors, places (stats: stats_query.py).

Every value from a caller reaches SQL as a bound parameter; the only SQL text assembled here is
fixed (table and column names chosen from whitelists).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from marsad.models import Span
from marsad.store.convert import row_to_record
from marsad.store.filters import (  # noqa: F401  (ACTIVE, HIDDEN_STATUSES: imported from here by others)
    ACTIVE,
    BY_NAME_INDEX,
    HIDDEN_STATUSES,
    ActorMatch,
    Member,
    actor_condition,
    apply_filter,
    conditions,
    fts_article_ids,
    hint,
)
from marsad.store.schema import (
    ArticleRow,
    EventActor,
    EventArticle,
    EventRow,
    EvidenceSpanRow,
    MergeEvent,
    MergeRow,
    Outlet,
    ReviewActionRow,
)
from marsad.store.types import (
    ActorCount,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    EventDetail,
    EventFilter,
    EventPage,
    EventRecord,
    EvidenceSpan,
    MergeRecord,
    PlaceCount,
    ReviewAction,
    SourceRef,
)

# A listing counts matches up to offset + TOTAL_CAP; past that, EventPage.total_exact is False.
TOTAL_CAP = 10_000
_SORT_COLUMNS = {
    "event_date": EventRow.event_date,
    "event_id_cnty": EventRow.id,  # sequence order, not string order ("SYR10" after "SYR9")
    "fatalities": EventRow.fatalities,
    "event_type": EventRow.event_type,
    "country": EventRow.country,
    "admin1": EventRow.admin1,
    "location": EventRow.location,
    "actor1": EventRow.actor1,
    "actor2": EventRow.actor2,
    "confidence": EventRow.confidence,
    "n_sources": EventRow.n_sources,
    "updated_at": EventRow.updated_at,
}


def _order(stmt: Select, sort: str, dialect: str) -> Select:
    desc = sort.startswith("-")
    col = _SORT_COLUMNS[sort.lstrip("-")]
    tie = EventRow.id.desc() if desc else EventRow.id.asc()
    if col is not EventRow.event_date:
        # NOT NULL columns: a NULLS clause changes nothing but would stop the planners from
        # walking an index in that order.
        return stmt.order_by(col.desc() if desc else col.asc(), tie)
    if dialect == "sqlite" and desc:
        # SQLite's DESC already puts NULLs last; spelling it out hides ix_events_active_date.
        return stmt.order_by(col.desc(), tie)
    # Unknown dates last either way (PostgreSQL's index is built DESC NULLS LAST to match).
    return stmt.order_by(col.desc().nulls_last() if desc else col.asc().nulls_last(), tie)


def _cnty_of(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(EventRow.id, EventRow.event_id_cnty).where(EventRow.id.in_(wanted)))
    return dict(rows.all())


def records(session: Session, rows: list[EventRow], *, with_evidence: bool = False) -> list[EventRecord]:
    cnty = _cnty_of(session, (r.merged_into_id for r in rows))
    evidence: dict[int, dict[str, list[Span]]] = {}
    if with_evidence and rows:
        evidence = _evidence_by_root(session, [r.id for r in rows])
    return [
        row_to_record(r, cnty.get(r.merged_into_id) if r.merged_into_id else None, evidence.get(r.id))
        for r in rows
    ]


def _evidence_by_root(session: Session, root_ids: list[int]) -> dict[int, dict[str, list[Span]]]:
    """field -> spans per event, including the spans of events merged into it."""
    out: dict[int, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    stmt = (
        select(func.coalesce(Member.merged_into_id, Member.id), EvidenceSpanRow)
        .join(Member, Member.id == EvidenceSpanRow.event_id)
        .where(or_(Member.id.in_(root_ids), Member.merged_into_id.in_(root_ids)))
        .order_by(EvidenceSpanRow.id)
    )
    for root, span in session.execute(stmt):
        out[root][span.field].append(Span(start=span.start, end=span.end, text=span.text))
    return {k: dict(v) for k, v in out.items()}


def list_events(session: Session, f: EventFilter, *, exact_total: bool = False) -> EventPage:
    """One page of events. `total` is exact up to offset + TOTAL_CAP matches (or always, with
    exact_total); past that it is that bound and `total_exact` is False, so a page on a million
    events costs an index walk, not a count of every match."""
    conds = conditions(session, f)
    actor = actor_condition(session, f.actor) if f.actor else None
    if actor is not None:
        conds.append(actor.cond)
    base = select(EventRow).where(and_(*conds))
    dialect = session.get_bind().dialect.name
    rows = list(session.scalars(_order(base, f.sort, dialect).limit(f.limit).offset(f.offset)))
    if exact_total:
        total, exact = _count(session, select(EventRow.id).where(and_(*conds)), None), True
    elif len(rows) < f.limit and (rows or f.offset == 0):
        total, exact = f.offset + len(rows), True  # the last page: nothing to count
    else:
        bound = f.offset + TOTAL_CAP
        if actor is not None and actor.broad:
            n = _count_broad_actor(session, conds[:-1], actor, bound + 1)
        else:
            n = _count(session, select(EventRow.id).where(and_(*conds)), bound + 1)
        total, exact = min(n, bound), n <= bound
    return EventPage(
        total=total, total_exact=exact, limit=f.limit, offset=f.offset, items=records(session, rows)
    )


def _count(session: Session, ids: Select, cap: int | None) -> int:
    """Rows of `ids`, counting no further than `cap`."""
    if cap is not None:
        ids = ids.limit(cap)
    return session.scalar(select(func.count()).select_from(ids.subquery())) or 0


def _count_broad_actor(session: Session, conds: list[Any], actor: ActorMatch, cap: int) -> int:
    """Matching events for a common actor, up to `cap`. The per-row EXISTS that serves a page
    would probe most of the table to reach the cap, and a DISTINCT over the name index makes
    PostgreSQL sort every match first; so a window of actor rows is read from the name index
    and its distinct events counted. An event can have several matching actor rows: when the
    window is full but holds fewer than `cap` events, the plain capped count decides. `conds`: the
    filter's other terms."""
    window = cap + cap // 20
    rows = hint(
        select(EventActor.event_id)
        .where(EventRow.id == EventActor.event_id, EventActor.name.in_(actor.names), *conds)
        .limit(window),
        EventActor,
        BY_NAME_INDEX,
    ).subquery()
    n_rows, n = session.execute(select(func.count(), func.count(func.distinct(rows.c.event_id)))).one()
    if n_rows >= window and n < cap:
        own = exists().where(EventActor.event_id == EventRow.id, EventActor.name.in_(actor.names))
        n = _count(session, select(EventRow.id).where(own, *conds), cap)
    if actor.member_only and n < cap:
        n += _count(session, select(EventRow.id).where(EventRow.id.in_(actor.member_only), *conds), None)
    return n


def count_events(session: Session, f: EventFilter) -> int:
    base = apply_filter(session, select(EventRow.id), f)
    return session.scalar(select(func.count()).select_from(base.subquery())) or 0


def iter_events(session: Session, f: EventFilter, batch_size: int = 1000) -> Iterator[EventRecord]:
    """Every event matching `f` (limit/offset ignored), with evidence, streamed in keyset pages so
    memory stays flat on a million rows."""
    last_id = 0
    while True:
        stmt = apply_filter(session, select(EventRow), f).where(EventRow.id > last_id)
        rows = list(session.scalars(stmt.order_by(EventRow.id).limit(batch_size)))
        if not rows:
            return
        yield from records(session, rows, with_evidence=True)
        last_id = rows[-1].id
        session.expunge_all()


def get_event_row(session: Session, event_id: str) -> EventRow | None:
    return session.scalar(select(EventRow).where(EventRow.event_id_cnty == event_id))


def history(session: Session, event_pk: int, cnty: str) -> list[ReviewAction]:
    rows = session.scalars(
        select(ReviewActionRow).where(ReviewActionRow.event_id == event_pk).order_by(ReviewActionRow.id)
    )
    return [
        ReviewAction(
            id=r.id,
            event_id=cnty,
            user=r.user,
            action=r.action,  # type: ignore[arg-type]
            field=r.field,
            old_value=r.old_value,
            new_value=r.new_value,
            at=r.at,
            note=r.note,
        )
        for r in rows
    ]


def event_detail(session: Session, row: EventRow) -> EventDetail:
    members = list(
        session.scalars(select(EventRow).where(EventRow.merged_into_id == row.id).order_by(EventRow.id))
    )
    cluster = {row.id: row.event_id_cnty} | {m.id: m.event_id_cnty for m in members}
    src_rows = session.execute(
        select(EventArticle, ArticleRow, Outlet.name)
        .join(ArticleRow, ArticleRow.id == EventArticle.article_pk)
        .outerjoin(Outlet, Outlet.id == ArticleRow.outlet_id)
        .where(EventArticle.event_id.in_(cluster))
        .order_by(ArticleRow.published, ArticleRow.id)
    )
    sources = [
        SourceRef(
            article_id=a.article_id,
            title=a.title,
            url=a.url,
            outlet=outlet or link.source or None,
            published=a.published,
            fatalities=link.fatalities,
            via_event=cluster[link.event_id],
        )
        for link, a, outlet in src_rows
    ]
    ev_rows = session.execute(
        select(EvidenceSpanRow, ArticleRow.article_id)
        .join(ArticleRow, ArticleRow.id == EvidenceSpanRow.article_pk)
        .where(EvidenceSpanRow.event_id.in_(cluster))
        .order_by(EvidenceSpanRow.id)
    )
    evidence = [
        EvidenceSpan(
            field=s.field, article_id=aid, start=s.start, end=s.end, text=s.text, event_id=cluster[s.event_id]
        )
        for s, aid in ev_rows
    ]
    (record,) = records(session, [row])
    record.evidence = _evidence_by_root(session, [row.id]).get(row.id, {})
    return EventDetail(
        event=record,
        sources=sources,
        evidence=evidence,
        members=[m.event_id_cnty for m in members],
        history=history(session, row.id, row.event_id_cnty),
    )


def get_event(session: Session, event_id: str) -> EventDetail | None:
    row = get_event_row(session, event_id)
    return event_detail(session, row) if row is not None else None


def get_article(session: Session, article_id: str) -> ArticleDetail | None:
    art = session.scalar(select(ArticleRow).where(ArticleRow.article_id == article_id))
    if art is None:
        return None
    outlet = session.scalar(select(Outlet.name).where(Outlet.id == art.outlet_id)) if art.outlet_id else None
    own = list(
        session.scalars(
            select(EventRow)
            .join(EventArticle, EventArticle.event_id == EventRow.id)
            .where(EventArticle.article_pk == art.id)
        )
    )
    root_ids = {e.merged_into_id or e.id for e in own}
    roots = list(
        session.scalars(
            select(EventRow)
            .where(EventRow.id.in_(root_ids), EventRow.status.notin_(HIDDEN_STATUSES))
            .order_by(EventRow.id)
        )
    )
    cnty = {e.id: e.event_id_cnty for e in own}
    spans = session.scalars(
        select(EvidenceSpanRow).where(EvidenceSpanRow.article_pk == art.id).order_by(EvidenceSpanRow.id)
    )
    return ArticleDetail(
        article_id=art.article_id,
        title=art.title,
        url=art.url,
        outlet=outlet,
        published=art.published,
        text=art.text,
        content_hash=art.content_hash,
        ingested_at=art.ingested_at,
        events=records(session, roots),
        evidence=[
            EvidenceSpan(
                field=s.field,
                article_id=art.article_id,
                start=s.start,
                end=s.end,
                text=s.text,
                event_id=cnty[s.event_id],
            )
            for s in spans
            if s.event_id in cnty
        ],
    )


def list_articles(session: Session, q: str | None, limit: int, offset: int) -> ArticlePage:
    n_events = (
        select(func.count())
        .select_from(EventArticle)
        .where(EventArticle.article_pk == ArticleRow.id)
        .scalar_subquery()
    )
    stmt = select(ArticleRow.id).select_from(ArticleRow)
    if q:
        arts = fts_article_ids(session, q)
        stmt = stmt.where(ArticleRow.id.in_(arts) if arts is not None else literal_column("1") == 0)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(
        select(
            ArticleRow.article_id,
            ArticleRow.title,
            ArticleRow.url,
            Outlet.name,
            ArticleRow.published,
            n_events,
            func.substr(ArticleRow.text, 1, 200),
        )
        .outerjoin(Outlet, Outlet.id == ArticleRow.outlet_id)
        .where(ArticleRow.id.in_(stmt))
        .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())
        .limit(limit)
        .offset(offset)
    )
    items = [
        ArticleSummary(article_id=a, title=t, url=u, outlet=o, published=p, n_events=n or 0, snippet=s or "")
        for a, t, u, o, p, n, s in rows
    ]
    return ArticlePage(total=total, limit=limit, offset=offset, items=items)


def _filtered_ids(session: Session, f: EventFilter | None) -> Select:
    return apply_filter(session, select(EventRow.id), f or EventFilter())


def actors(session: Session, f: EventFilter | None, limit: int) -> list[ActorCount]:
    ids = _filtered_ids(session, f)
    # An actor's inter code comes from the side it was coded on; assoc actors carry none of their own.
    inter = func.max(
        case(
            (EventActor.role == "actor1", EventRow.inter1),
            (EventActor.role == "actor2", EventRow.inter2),
            else_=None,
        )
    )
    stmt = (
        select(
            EventActor.name,
            inter,
            func.count(func.distinct(EventActor.event_id)),
            func.sum(EventRow.fatalities),
        )
        .join(EventRow, EventRow.id == EventActor.event_id)
        .where(EventActor.event_id.in_(ids))
        .group_by(EventActor.name)
        .order_by(func.count(func.distinct(EventActor.event_id)).desc(), EventActor.name)
        .limit(limit)
    )
    return [
        ActorCount(actor=n, inter=i, events=c, fatalities=fat or 0) for n, i, c, fat in session.execute(stmt)
    ]


def places(session: Session, f: EventFilter | None, limit: int) -> list[PlaceCount]:
    ids = _filtered_ids(session, f)
    n = func.count(EventRow.id)
    stmt = (
        select(
            EventRow.location,
            EventRow.admin1,
            EventRow.country,
            func.avg(EventRow.latitude),
            func.avg(EventRow.longitude),
            n,
            func.sum(EventRow.fatalities),
        )
        .where(EventRow.id.in_(ids))
        .group_by(EventRow.location, EventRow.admin1, EventRow.country)
        .order_by(n.desc(), EventRow.location)
        .limit(limit)
    )
    return [
        PlaceCount(
            location=loc, admin1=a1, country=c, latitude=lat, longitude=lon, events=cnt, fatalities=fat or 0
        )
        for loc, a1, c, lat, lon, cnt, fat in session.execute(stmt)
    ]


def merge_record(session: Session, m: MergeRow) -> MergeRecord:
    parts = session.execute(
        select(MergeEvent.role, EventRow.event_id_cnty)
        .join(EventRow, EventRow.id == MergeEvent.event_id)
        .where(MergeEvent.merge_id == m.id)
        .order_by(EventRow.id)
    )
    survivor, absorbed = "", []
    for role, cnty in parts:
        if role == "survivor":
            survivor = cnty
        else:
            absorbed.append(cnty)
    return MergeRecord(
        merge_id=m.id,
        survivor=survivor,
        absorbed=absorbed,
        kind=m.kind,  # type: ignore[arg-type]
        reason=m.reason or {},
        user=m.user,
        at=m.at,
        undone_at=m.undone_at,
    )


def merges(session: Session, event_id: str | None, include_undone: bool) -> list[MergeRecord]:
    stmt = select(MergeRow).order_by(MergeRow.id)
    if event_id is not None:
        row = get_event_row(session, event_id)
        if row is None:
            raise KeyError(event_id)
        stmt = stmt.where(MergeRow.id.in_(select(MergeEvent.merge_id).where(MergeEvent.event_id == row.id)))
    if not include_undone:
        stmt = stmt.where(MergeRow.undone_at.is_(None))
    return [merge_record(session, m) for m in session.scalars(stmt)]


def deletions(
    session: Session, since: datetime | None, limit: int, offset: int
) -> tuple[int, list[tuple[str, str, str | None, datetime]]]:
    """Events removed from the active data (rejected, or merged into another) whose last change is
    at or after `since`, newest first: (event id, status, merged into, when), and how many."""
    Target = aliased(EventRow, name="target")
    where = [EventRow.status.in_(HIDDEN_STATUSES)]
    if since is not None:
        where.append(EventRow.updated_at >= since)
    total = session.scalar(select(func.count()).select_from(EventRow).where(*where)) or 0
    rows = session.execute(
        select(EventRow.event_id_cnty, EventRow.status, Target.event_id_cnty, EventRow.updated_at)
        .outerjoin(Target, Target.id == EventRow.merged_into_id)
        .where(*where)
        .order_by(EventRow.updated_at.desc(), EventRow.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return total, [tuple(r) for r in rows]  # type: ignore[misc]
