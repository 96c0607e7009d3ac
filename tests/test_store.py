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


def test_migrations_create_exactly_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from marsad.store.db import current_revision, include_object
    from marsad.store.schema import Base

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": False})
        assert compare_metadata(ctx, Base.metadata) == []
    assert current_revision(store.engine) == "0001"


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
