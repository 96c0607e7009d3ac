"""Writing one article with its events: one transaction, so a crash keeps all of it or none."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import BigInteger, Integer, String, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from marsad.io.clean import clean_article
from marsad.models import Article, Event
from marsad.store.convert import actor_names, event_to_columns, iso3_for
from marsad.store.schema import (
    ArticleRow,
    EventActor,
    EventArticle,
    EventRow,
    EvidenceSpanRow,
    Outlet,
)
from marsad.text.normalize import fold


def now() -> datetime:
    return datetime.now(UTC)


class InvalidRecord(ValueError):
    """A record the store refuses, with a plain reason (a field too long, a number out of range).

    Checked in Python before any SQL, so SQLite (which would store it) and PostgreSQL (which would
    raise DataError mid-transaction) treat the record alike."""


_INT_RANGE = {BigInteger: (-(2**63), 2**63 - 1), Integer: (-(2**31), 2**31 - 1)}


def check_row(row: object) -> None:
    """Raise InvalidRecord when a value does not fit its column (length, integer range, NUL)."""
    table = row.__table__  # type: ignore[attr-defined]
    for col in table.columns:
        v = getattr(row, col.key, None)
        if v is None:
            continue
        typ = col.type
        if isinstance(v, str):
            if "\x00" in v:
                raise InvalidRecord(f"{table.name}.{col.name} contains a NUL character")
            if isinstance(typ, String) and typ.length is not None and len(v) > typ.length:
                raise InvalidRecord(
                    f"{table.name}.{col.name} is {len(v)} characters long (at most {typ.length})"
                )
        elif isinstance(v, int) and not isinstance(v, bool):
            for kind, (lo, hi) in _INT_RANGE.items():
                if isinstance(typ, kind):
                    if not lo <= v <= hi:
                        raise InvalidRecord(f"{table.name}.{col.name} = {v} is out of range")
                    break


def next_ids(session: Session, prefix: str, n: int) -> list[int]:
    """Reserve n sequence numbers for a country prefix. The UPDATE takes a row lock (PostgreSQL) or the
    write lock (SQLite) until commit, so two writers never get the same number; a rolled-back
    transaction hands its numbers back, a committed one never does."""
    session.execute(
        text("INSERT INTO id_counters (prefix, seq) VALUES (:p, 0) ON CONFLICT (prefix) DO NOTHING"),
        {"p": prefix},
    )
    last = session.execute(
        text("UPDATE id_counters SET seq = seq + :n WHERE prefix = :p RETURNING seq"), {"p": prefix, "n": n}
    ).scalar_one()
    return list(range(last - n + 1, last + 1))


def find_existing(session: Session, content_hash: str, url: str | None) -> ArticleRow | None:
    cond = ArticleRow.content_hash == content_hash
    if url:
        cond = or_(cond, ArticleRow.url == url)
    return session.scalars(select(ArticleRow).where(cond).limit(1)).first()


def outlet_id(session: Session, name: str | None, scale: str = "") -> int | None:
    if not name:
        return None
    found = session.scalar(select(Outlet.id).where(Outlet.name == name))
    if found is not None:
        return found
    try:
        with session.begin_nested():  # another writer may add the same outlet at the same moment
            row = Outlet(name=name, source_scale=scale)
            session.add(row)
        return row.id
    except IntegrityError:
        return session.scalar(select(Outlet.id).where(Outlet.name == name))


def index_article(session: Session, pk: int, title: str | None, body: str) -> None:
    folded = fold(f"{title or ''}\n{body}")
    if session.get_bind().dialect.name == "sqlite":
        session.execute(
            text("INSERT INTO article_fts (rowid, body) VALUES (:id, :b)"), {"id": pk, "b": folded}
        )
    else:
        session.execute(
            text("INSERT INTO article_fts (rowid, tsv) VALUES (:id, to_tsvector('simple', :b))"),
            {"id": pk, "b": folded},
        )


def _unique_article_id(session: Session, wanted: str, content_hash: str) -> str:
    # Two different reports may carry the same id (two "report.txt" in different folders): the
    # second gets a hash suffix rather than being lost or overwriting the first.
    taken = session.scalar(select(ArticleRow.id).where(ArticleRow.article_id == wanted))
    return wanted if taken is None else f"{wanted[: MAX_ID - 9]}-{content_hash[:8]}"


_COL = ArticleRow.__table__.c
MAX_ID, MAX_URL = _COL.article_id.type.length, _COL.url.type.length
MAX_OUTLET = Outlet.__table__.c.name.type.length


def check_article(article: Article) -> None:
    """Raise InvalidRecord when the article's id, url or outlet cannot be stored as given."""
    for what, value, limit in (("id", article.id, MAX_ID), ("url", article.url, MAX_URL),
                               ("outlet", article.outlet, MAX_OUTLET)):  # fmt: skip
        if value and len(value) > limit:
            raise InvalidRecord(f"{what} is {len(value)} characters long (at most {limit})")


def insert_events(
    session: Session,
    events: Sequence[Event],
    article_pk: int,
    *,
    run_id: int | None = None,
    default_source: str = "",
) -> list[EventRow]:
    ts = now()
    rows: list[EventRow] = []
    by_prefix: dict[str, list[int]] = {}
    prefixes = [iso3_for(ev.country, ev.iso) for ev in events]
    for p in sorted(set(prefixes)):
        by_prefix[p] = next_ids(session, p, prefixes.count(p))
    for ev, prefix in zip(events, prefixes, strict=True):
        cols = event_to_columns(ev)
        cols.pop("event_id_cnty")  # the store assigns ids; an incoming id is ignored
        if not cols["source"] and default_source:
            cols["source"] = default_source
        if not cols["timestamp"]:
            cols["timestamp"] = int(ts.timestamp())
        row = EventRow(
            **cols,
            event_id_cnty=f"{prefix}{by_prefix[prefix].pop(0)}",
            iso3=prefix,
            status="unreviewed",
            n_sources=1,
            dedup_checked=False,
            ingest_run_id=run_id,
            created_at=ts,
            updated_at=ts,
        )
        rows.append(row)
    for row in rows:
        check_row(row)
    session.add_all(rows)
    session.flush()
    for ev, row in zip(events, rows, strict=True):
        children: list[object] = [EventActor(event_id=row.id, role=r, name=n) for r, n in actor_names(ev)]
        children.append(
            EventArticle(
                event_id=row.id,
                article_pk=article_pk,
                fatalities=ev.fatalities,
                source=row.source,
                source_scale=row.source_scale,
            )
        )
        children.extend(
            EvidenceSpanRow(
                event_id=row.id, article_pk=article_pk, field=field, start=s.start, end=s.end, text=s.text
            )
            for field, spans in ev.evidence.items()
            for s in spans
        )
        for c in children:
            check_row(c)
        session.add_all(children)
    return rows


def add_article(
    session: Session,
    article: Article,
    events: Sequence[Event],
    *,
    run_id: int | None = None,
    meta: dict | None = None,
) -> tuple[ArticleRow, list[EventRow]] | None:
    """Store an article and its events in the caller's transaction; None if it is already stored
    (same URL or same text). Raises InvalidRecord (before writing anything) for a record that does
    not fit the store; run it in a savepoint to keep the rest of the transaction."""
    article = clean_article(article).ensure_id()
    check_article(article)
    h = article.content_hash()
    if find_existing(session, h, article.url) is not None:
        return None
    row = ArticleRow(
        article_id=_unique_article_id(session, article.id, h),
        content_hash=h,
        url=article.url or None,
        title=article.title,
        published=article.published,
        outlet_id=outlet_id(session, article.outlet),
        text=article.text,
        meta=meta or {},
        ingest_run_id=run_id,
        ingested_at=now(),
    )
    check_row(row)
    session.add(row)
    session.flush()
    index_article(session, row.id, article.title, article.text)
    fixed = [ev if ev.article_id else ev.model_copy(update={"article_id": row.article_id}) for ev in events]
    ev_rows = insert_events(session, fixed, row.id, run_id=run_id, default_source=article.outlet or "")
    return row, ev_rows
