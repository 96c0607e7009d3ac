"""The store on SQLite and PostgreSQL: schema, ids, idempotence, queries, review operations."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from marsad.models import Article, Event, Span
from marsad.store import EventFilter, Store
from store_fixtures import *  # noqa: F403  (db_url and store fixtures)
from store_fixtures import IS_SYRIA, report


def _add(store: Store, i: int, **kw) -> list[str]:
    art, evs = report(i, **kw)
    got = store.add_article(art, evs)
    assert got is not None
    return got[1]


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_create_exactly_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from marsad.store import watch_state  # noqa: F401  (the watcher's tables are part of the schema)
    from marsad.store.db import current_revision, include_object
    from marsad.store.schema import Base

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": False})
        assert compare_metadata(ctx, Base.metadata) == []
    assert current_revision(store.engine) == "0004"


def test_store_article_with_events_sources_and_evidence(store: Store) -> None:
    art, evs = report(0)
    article_id, ids = store.add_article(art, evs)  # type: ignore[misc]
    assert article_id == "r0000" and ids == ["SYR1"]
    d = store.get_event("SYR1")
    assert d is not None
    assert d.event.event_date == "2020-08-01" and d.event.actor1 == IS_SYRIA
    assert d.event.source == "عنب بلدي"  # the outlet fills an empty source
    assert [s.article_id for s in d.sources] == ["r0000"]
    (span,) = d.evidence
    assert span.field == "location" and art.text[span.start : span.end] == span.text == "السخنة"
    a = store.get_article("r0000")
    assert a is not None and a.text == art.text and a.content_hash == art.content_hash()
    assert [e.event_id_cnty for e in a.events] == ["SYR1"]
    assert a.evidence[0].event_id == "SYR1"
    assert store.get_event("SYR999") is None and store.get_article("nope") is None


def test_same_report_twice_adds_nothing_by_hash_or_url(store: Store) -> None:
    art, evs = report(1)
    assert store.add_article(art, evs) is not None
    assert store.add_article(art.model_copy(update={"id": "other-id", "url": None}), evs) is None  # same text
    assert store.add_article(art.model_copy(update={"text": art.text + " (محدث)"}), evs) is None  # same URL
    assert store.count_events(EventFilter()) == 1


def test_event_ids_are_per_country_sequences_never_reused(store: Store) -> None:
    assert _add(store, 0) == ["SYR1"]
    iraq = Event(
        event_type="Battles", country="Iraq", iso=368, event_date="2020-09-01", actor1="Islamic State (Iraq)"
    )
    nowhere = Event(event_type="Protests", event_date="2020-09-02", actor1="Protesters (International)")
    got = store.add_article(
        Article(id="iq", text="اشتباكات في الموصل بين القوات العراقية ومسلحين"), [iraq, nowhere]
    )
    assert got is not None and got[1] == ["IRQ1", "XXX1"]
    assert _add(store, 1) == ["SYR2"]
    # A split copy takes the next number; rejecting it does not free that number.
    copy = store.split("SYR2", user="ana")[1].event.event_id_cnty
    assert copy == "SYR3"
    store.reject(copy, user="ana")
    assert _add(store, 2) == ["SYR4"]
    # Editing the country keeps the id: ids never change.
    assert store.edit("SYR1", {"country": "Iraq", "iso": 368}, user="ana").event.event_id_cnty == "SYR1"


def test_filters_sorting_and_paging(store: Store) -> None:
    for i in range(12):
        _add(store, i)
    assert store.list_events(EventFilter()).total == 12
    f = EventFilter(date_from=date(2020, 8, 3), date_to=date(2020, 8, 5))
    assert [e.event_date for e in store.list_events(f.model_copy(update={"sort": "event_date"})).items] == [
        "2020-08-03",
        "2020-08-04",
        "2020-08-05",
    ]
    assert store.list_events(EventFilter(country="SYR")).total == 12
    assert store.list_events(EventFilter(country="syria")).total == 12
    assert store.list_events(EventFilter(country="Iraq")).total == 0
    assert store.list_events(EventFilter(admin1="homs")).total == 4  # As Sukhnah and Palmyra, twice each
    assert store.list_events(EventFilter(event_type="Battles")).total == 12
    assert store.list_events(EventFilter(event_type="Protests")).total == 0
    assert store.list_events(EventFilter(actor="military forces of syria")).total == 12
    assert store.list_events(EventFilter(actor="Hezbollah")).total == 0
    # bbox around Deir ez-Zor's two towns
    assert store.list_events(EventFilter(bbox=(40.0, 34.0, 41.5, 35.5))).total == 4
    # Paging is deterministic and complete.
    pages = [store.list_events(EventFilter(limit=5, offset=o, sort="-fatalities")).items for o in (0, 5, 10)]
    ids = [e.event_id_cnty for p in pages for e in p]
    assert len(ids) == len(set(ids)) == 12
    fats = [e.fatalities for p in pages for e in p]
    assert fats == sorted(fats, reverse=True)
    by_id = store.list_events(EventFilter(sort="event_id_cnty", limit=3)).items
    assert [e.event_id_cnty for e in by_id] == ["SYR1", "SYR2", "SYR3"]
    with pytest.raises(ValueError):
        EventFilter(sort="notes; DROP TABLE events")


def test_full_text_search_folds_arabic_and_is_injection_safe(store: Store) -> None:
    _add(store, 0)  # السخنة
    _add(store, 4)  # معرة النعمان
    assert [e.location for e in store.list_events(EventFilter(q="السخنة")).items] == ["As Sukhnah"]
    # Another spelling (alef with hamza, ta marbuta as ha) still finds the report.
    assert store.list_events(EventFilter(q="الإسلاميه")).total == 2
    assert store.list_events(EventFilter(q="معرة النعمان")).total == 1
    assert store.list_events(EventFilter(q="بغداد")).total == 0
    for nasty in ['"', "NEAR(", "a OR b*", "'; DROP TABLE articles; --", "*", "\\"]:
        store.list_events(EventFilter(q=nasty))  # no error, whatever the result
    assert store.list_articles(q="السخنة").total == 1
    assert store.list_articles().total == 2
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM articles")).scalar() == 2


def test_stats_actors_places(store: Store) -> None:
    for i in range(6):
        _add(store, i)
    st = store.stats()
    assert st.total_events == 6 and st.total_fatalities == sum(2 + i for i in range(6))
    assert [b.key for b in st.by_day] == [f"2020-08-0{d}" for d in range(1, 7)]
    assert {b.key: b.events for b in st.by_admin1} == {"Homs": 2, "Deir ez-Zor": 2, "Idlib": 1, "Daraa": 1}
    assert st.by_type[0].key == "Battles"
    actors = {a.actor: a for a in store.actors()}
    assert actors[IS_SYRIA].events == 6 and actors[IS_SYRIA].inter == 2
    places = {p.location: p for p in store.places()}
    assert places["Abu Kamal"].admin1 == "Deir ez-Zor" and places["Abu Kamal"].events == 1
    homs = store.stats(EventFilter(admin1="Homs"))
    assert homs.total_events == 2


def test_review_actions_are_audited(store: Store) -> None:
    _add(store, 0)
    d = store.confirm("SYR1", user="amal", note="checked against the source")
    assert d.event.status == "confirmed"
    d = store.edit(
        "SYR1", {"fatalities": 1, "actor2": "Liwa al-Quds", "event_date": "2020-07-31"}, user="omar"
    )
    assert d.event.status == "edited" and d.event.year == 2020 and d.event.actor2 == "Liwa al-Quds"
    assert store.list_events(EventFilter(actor="liwa al-quds")).total == 1  # actor index follows edits
    edits = [h for h in d.history if h.action == "edit"]
    assert {h.field for h in edits} == {"fatalities", "actor2", "event_date"}
    fat = next(h for h in edits if h.field == "fatalities")
    assert (json.loads(fat.old_value), json.loads(fat.new_value), fat.user) == (2, 1, "omar")
    assert d.history[0].action == "confirm" and d.history[0].user == "amal" and d.history[0].at is not None
    with pytest.raises(ValueError, match="cannot edit"):
        store.edit("SYR1", {"event_id_cnty": "SYR9"}, user="omar")
    with pytest.raises(ValueError, match="fatalities"):
        store.edit("SYR1", {"fatalities": "many"}, user="omar")
    with pytest.raises(ValueError, match="event_date"):
        store.edit("SYR1", {"event_date": "31/07/2020"}, user="omar")
    with pytest.raises(ValueError, match="user"):
        store.confirm("SYR1", user=" ")
    with pytest.raises(KeyError):
        store.confirm("SYR42", user="amal")
    store.reject("SYR1", user="amal")
    assert store.list_events(EventFilter()).total == 0
    assert store.list_events(EventFilter(status=["rejected"])).total == 1
    store.restore("SYR1", user="amal")
    assert [h.action for h in store.history("SYR1")][-2:] == ["reject", "restore"]


def test_manual_merge_and_split(store: Store) -> None:
    _add(store, 0)
    _add(store, 0, variant=1)  # same event, another outlet (not deduplicated: add_article alone)
    _add(store, 6)
    d = store.merge(["SYR1", "SYR2"], user="amal", note="same ambush")
    assert d.members == ["SYR2"] and len(d.sources) == 2
    assert d.event.fatalities == 2  # conservative: 2 and 3 reported
    assert d.event.source == "عنب بلدي; المرصد السوري" and d.event.n_sources == 2
    assert {e.field for e in d.evidence} == {"location"} and len(d.evidence) == 2
    absorbed = store.get_event("SYR2")
    assert absorbed is not None and absorbed.event.status == "merged" and absorbed.event.merged_into == "SYR1"
    with pytest.raises(ValueError, match="merged"):
        store.edit("SYR2", {"fatalities": 0}, user="amal")
    assert store.list_events(EventFilter()).total == 2
    # Merging an absorbed id merges its survivor.
    d = store.merge(["SYR3", "SYR2"], user="amal")
    assert d.event.event_id_cnty == "SYR3" and sorted(d.members) == ["SYR1", "SYR2"]
    # Split one member back off.
    parts = store.split("SYR3", ["SYR2"], user="omar")
    assert [p.event.event_id_cnty for p in parts] == ["SYR3", "SYR2"]
    assert parts[1].event.status == "unreviewed" and parts[0].members == ["SYR1"]
    with pytest.raises(ValueError, match="not part"):
        store.split("SYR3", ["SYR2"], user="omar")
    with pytest.raises(ValueError, match="members"):
        store.split("SYR3", user="omar")
    # The pair a person split apart is never merged again automatically.
    assert store.dedup().merges == 0
    assert [m.kind for m in store.merges(include_undone=True)] == ["manual", "manual"]


def test_evidence_offsets_survive_astral_characters(store: Store) -> None:
    body = "🔴 عاجل: قصف جوي على مدينة إدلب"
    start = body.index("إدلب")
    ev = Event(
        event_type="Explosions/Remote violence",
        event_date="2021-03-01",
        country="Syria",
        iso=760,
        location="Idlib",
        evidence={"location": [Span(start=start, end=start + 4, text="إدلب")]},
    )
    store.add_article(Article(id="emoji", text=body), [ev])
    art = store.get_article("emoji")
    assert art is not None
    sp = art.evidence[0]
    assert art.text[sp.start : sp.end] == "إدلب"


def test_datetimes_come_back_aware_utc(store: Store) -> None:

    _add(store, 0)
    d = store.confirm("SYR1", user="amal")
    a = store.get_article("r0000")
    assert a is not None
    for value in (d.event.created_at, d.event.updated_at, d.history[0].at, a.ingested_at):
        assert value.tzinfo is not None and value.utcoffset().total_seconds() == 0
    (rec,) = store.list_events(EventFilter()).items
    assert rec.updated_at == d.event.updated_at  # the same instant, whichever way it is read


def test_total_is_capped_past_the_bound_and_exact_on_request(store: Store, monkeypatch) -> None:
    from marsad.store import repository

    for i in range(12):
        _add(store, i)
    monkeypatch.setattr(repository, "TOTAL_CAP", 5)
    page = store.list_events(EventFilter(limit=3))
    assert (page.total, page.total_exact, len(page.items)) == (5, False, 3)  # "5+"
    page = store.list_events(EventFilter(limit=3, offset=6))
    assert (page.total, page.total_exact) == (11, False)  # counted up to offset + cap
    page = store.list_events(EventFilter(limit=3, offset=7))
    assert (page.total, page.total_exact) == (12, True)  # within the bound: exact
    page = store.list_events(EventFilter(limit=3), exact_total=True)
    assert (page.total, page.total_exact) == (12, True)
    last = store.list_events(EventFilter(limit=5, offset=10))  # a short last page needs no count
    assert (last.total, last.total_exact, len(last.items)) == (12, True, 2)
    beyond = store.list_events(EventFilter(limit=5, offset=50))
    assert (beyond.total, beyond.total_exact, beyond.items) == (12, True, [])
    # Small results stay exact whatever the filter.
    homs = store.list_events(EventFilter(admin1="HOMS", limit=3))
    assert (homs.total, homs.total_exact) == (4, True)


@pytest.mark.parametrize("narrow", [True, False], ids=["narrow", "broad"])
def test_actor_filter_both_strategies_agree(store: Store, monkeypatch, narrow: bool) -> None:
    from marsad.store import filters, repository

    if not narrow:  # every actor counts as common: per-row EXISTS and the capped count from the index
        monkeypatch.setattr(filters, "_NARROW_ACTOR", 0)
        monkeypatch.setattr(repository, "TOTAL_CAP", 2)
    _add(store, 0)
    _add(store, 0, variant=1)  # actor2 "Military Forces of Syria" (no period)
    _add(store, 6)
    store.edit("SYR3", {"actor2": "Liwa al-Quds"}, user="omar")
    # An absorbed member's actors count for its survivor.
    store.merge(["SYR3", "SYR2"], user="amal")
    got = store.list_events(EventFilter(actor="military forces of syria", sort="event_id_cnty"))
    assert [e.event_id_cnty for e in got.items] == ["SYR1", "SYR3"]
    assert got.total == 2 and got.total_exact
    assert [e.event_id_cnty for e in store.list_events(EventFilter(actor="QUDS")).items] == ["SYR3"]
    assert store.list_events(EventFilter(actor="islamic state", limit=1)).total == 2
    assert store.list_events(EventFilter(actor="50%_off")).total == 0  # LIKE wildcards are literal
    assert store.count_events(EventFilter(actor="islamic state")) == 2
    with store.engine.connect() as c:  # the name dictionary follows inserts and edits (triggers)
        names = set(c.execute(text("SELECT name FROM actor_names")).scalars())
    assert {IS_SYRIA, "Liwa al-Quds", "Military Forces of Syria"} <= names


def test_country_filter_by_iso3_or_name(store: Store) -> None:
    _add(store, 0)
    iraq = Event(event_type="Battles", country="Iraq", iso=368, event_date="2020-09-01", actor1="X")
    store.add_article(Article(id="iq", text="اشتباكات في الموصل بين القوات العراقية ومسلحين"), [iraq])
    for c in ("SYR", "syr", "Syria", "SYRIA"):
        assert [e.event_id_cnty for e in store.list_events(EventFilter(country=c)).items] == ["SYR1"]
    assert store.list_events(EventFilter(country="IRQ")).total == 1
    assert store.list_events(EventFilter(country="ABC")).total == 0


def test_sqlite_listing_queries_walk_the_partial_indexes(tmp_path) -> None:
    """The plans behind /api/events on SQLite: each typical listing walks an index in sort order
    (no full scan, no sort of every match)."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from marsad.store import repository

    st = Store(f"sqlite:///{tmp_path / 'plan.sqlite'}")
    try:
        for i in range(3):
            _add(st, i)
        cases = {
            "ix_events_active_date": EventFilter(),
            "ix_events_active_country": EventFilter(country="Syria"),
            "ix_events_active_admin1_fatalities": EventFilter(admin1="Homs", sort="-fatalities"),
            "ix_events_active_fatalities": EventFilter(sort="-fatalities"),
            "ix_events_active_country_fatalities": EventFilter(country="syria", sort="-fatalities"),
            "ix_events_active_iso3": EventFilter(country="SYR"),
            "ix_events_active_type": EventFilter(event_type="Battles"),
        }
        with st.session() as s:
            for index, f in cases.items():
                stmt = repository._order(select_events(repository, s, f), f.sort, "sqlite").limit(50)
                sql = str(
                    stmt.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True})
                )
                plan = " | ".join(r[-1] for r in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
                assert index in plan and "TEMP B-TREE" not in plan, (index, plan)
    finally:
        st.close()


def select_events(repository, session, f: EventFilter):
    from sqlalchemy import select

    from marsad.store.schema import EventRow

    return repository.apply_filter(session, select(EventRow), f)
