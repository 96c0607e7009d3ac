"""Issue 9, the API side: validated review edits with recomputed fields and audit, strict query
parameters, multi-value filters and the new ones (inter codes, interaction, fatality range, undated,
updated_since, Arabic country and actor names), the deletions feed, offline /docs. On SQLite and
PostgreSQL (the `client` fixture runs each test on both)."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from api_fixtures import *  # noqa: F403  (api_store, client fixtures)
from api_fixtures import auth
from marsad.models import Article, Event

pytestmark = pytest.mark.filterwarnings("ignore:.*httpx.*:DeprecationWarning")

FILTERED = ("/api/events", "/api/events/points", "/api/stats", "/api/actors", "/api/places", "/api/export")

# Two more reports, written for these tests: a Houthi drone attack on a Yemeni army post, and an
# undated abduction report (no publication date, no day in the text).
HOUTHI = Article(
    id="r-marib",
    title="هجوم بطائرة مسيرة على موقع للجيش في مأرب",
    published="2024-03-08",
    outlet="يمن نيوز",
    text="شنت جماعة الحوثي فجر اليوم الجمعة هجوماً بطائرة مسيرة على موقع للجيش اليمني غرب مدينة مأرب، "
    "ما أسفر عن مقتل خمسة جنود وإصابة آخرين.",
)
UNDATED = Article(
    id="r-kidnap",
    title="اختطاف مواطن في ريف درعا",
    text="أقدم مسلحون مجهولون على اختطاف مواطن من بلدة طفس في ريف درعا الغربي واقتادوه إلى جهة مجهولة.",
)


def _add_more(store) -> None:
    store.add_article(
        HOUTHI,
        [
            Event(
                event_date="2024-03-08",
                year=2024,
                time_precision=1,
                disorder_type="Political violence",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                actor1="Houthi Movement",
                inter1=2,
                actor2="Military Forces of Yemen",
                inter2=1,
                interaction="12",
                iso=887,
                region="Middle East",
                country="Yemen",
                admin1="Marib",
                location="Marib",
                latitude=15.4542,
                longitude=45.3269,
                geo_precision=2,
                fatalities=5,
            )
        ],
    )
    store.add_article(
        UNDATED,
        [
            Event(
                event_date="",
                time_precision=3,
                disorder_type="Political violence",
                event_type="Violence against civilians",
                sub_event_type="Abduction/forced disappearance",
                actor1="Unidentified Armed Group (Syria)",
                inter1=3,
                actor2="Civilians (Syria)",
                inter2=7,
                interaction="37",
                civilian_targeting="Civilian targeting",
                iso=760,
                region="Middle East",
                country="Syria",
                admin1="Dara",
                location="Tafas",
                latitude=32.7372,
                longitude=35.9706,
                geo_precision=1,
                fatalities=0,
            )
        ],
    )


@pytest.fixture
def full(api_store, client):
    _add_more(api_store)
    return client


def ids(resp) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {e["event_id_cnty"] for e in resp.json()["items"]}


def refused(resp, *fields: str) -> dict[str, str]:
    """The 422 body's errors as {field: reason}; every item names a field and a reason."""
    assert resp.status_code == 422, resp.text
    body = resp.json()
    assert body["errors"], body
    for e in body["errors"]:
        assert set(e) >= {"field", "reason", "loc", "msg", "type"} and e["reason"], e
    got = {e["field"]: e["reason"] for e in body["errors"]}
    assert set(fields) <= set(got), got
    return got


def edit(client, event_id: str, **changes: object):
    return client.patch(f"/api/events/{event_id}", json={"changes": changes}, headers=auth())


# --- validated review ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"event_type": "Not a type"}, "event_type", "not an event type"),
        ({"sub_event_type": "Picnic"}, "sub_event_type", "not a sub-event type"),
        ({"event_type": "Riots"}, "event_type", "no sub-event type 'Armed clash'"),
        ({"event_type": "Battles", "sub_event_type": "Peaceful protest"}, "sub_event_type", "of Protests"),
        ({"disorder_type": "Demonstrations"}, "disorder_type", "follows from event_type"),
        ({"fatalities": -5}, "fatalities", "negative"),
        ({"injuries": -1}, "injuries", "negative"),
        ({"latitude": 500}, "latitude", "between -90 and 90"),
        ({"longitude": -181}, "longitude", "between -180 and 180"),
        ({"latitude": None}, "latitude", "together"),
        ({"time_precision": 7}, "time_precision", "1 (day known)"),
        ({"geo_precision": 0}, "geo_precision", "1 (the town)"),
        ({"country": "Narnia"}, "country", "not a country the knowledge base knows"),
        ({"country": "Syria", "iso": 368}, "iso", "must be 760"),
        ({"iso": 999}, "iso", "not the ISO number"),
        ({"region": "Europe"}, "region", "must be 'Middle East'"),
        ({"event_date": "2024-02-30"}, "event_date", "not a real date"),
        ({"event_date": "2024-03-20"}, "event_date", "after the first report"),
        ({"year": 2019}, "year", "follows from event_date"),
        ({"interaction": 11}, "interaction", "must be 22"),
        ({"inter1": 7}, "inter1", "follows from actor1"),
        ({"actor1": "Some New Brigade"}, "actor1", "send inter1 with it"),
        ({"actor1": "", "actor2": ""}, "actor1", "at least one actor"),
        ({"actor2": "Islamic State (Syria)"}, "actor2", "both sides"),
        ({"actor2": "كتيبة لا يعرفها أحد"}, "actor2", "not an Arabic name the knowledge base knows"),
        ({"civilian_targeting": "Civilian targeting"}, "civilian_targeting", "follows from actor2"),
    ],
)
def test_edits_breaking_the_coding_rules_are_refused(client, changes: dict, field: str, words: str) -> None:
    before = client.get("/api/events/SYR1").json()
    reason = refused(edit(client, "SYR1", **changes), field)[field]
    assert words in reason, reason
    after = client.get("/api/events/SYR1").json()
    assert after["event"] == before["event"] and after["history"] == []  # nothing saved


def test_a_refusal_names_every_bad_field_at_once(client) -> None:
    got = refused(
        edit(client, "SYR1", fatalities=-5, latitude=500, country="Narnia"), "fatalities", "latitude"
    )
    assert set(got) == {"fatalities", "latitude", "country"}
    body = edit(client, "SYR1", fatalities=-5).json()
    assert body["code"] == "edit_refused" and "fatalities" in body["detail"]
    # A wrong type is refused by the schema, under the same field name.
    assert refused(edit(client, "SYR1", fatalities="many"), "fatalities")


def test_derived_fields_are_recomputed_and_audited(client) -> None:
    # The sub-event type fixes the event type and disorder type; a known actor its inter code,
    # which fixes the interaction; the notes are rewritten.
    resp = edit(
        client, "SYR2", sub_event_type="shelling/artillery/missile attack", actor1="Military Forces of Syria"
    )
    assert resp.status_code == 200, resp.text
    ev = resp.json()["event"]
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack"  # any case, stored as spelled
    assert (ev["inter1"], ev["interaction"], ev["civilian_targeting"]) == (1, 17, "Civilian targeting")
    assert ev["notes"].startswith("On 9 March 2024, Military Forces of Syria shelled")
    history = resp.json()["history"]
    by_action = {(h["action"], h["field"]) for h in history}
    assert {("edit", "sub_event_type"), ("edit", "actor1")} <= by_action
    assert {("recompute", "inter1"), ("recompute", "interaction"), ("recompute", "notes")} <= by_action
    inter = next(h for h in history if h["field"] == "interaction")
    assert (json.loads(inter["old_value"]), json.loads(inter["new_value"])) == (78, 17)
    assert "inter1 and inter2" in inter["note"] and inter["user"] == "amal"

    resp = edit(client, "SYR1", sub_event_type="Peaceful protest", actor1="Protesters (Syria)", actor2="")
    ev = resp.json()["event"]
    assert (ev["event_type"], ev["disorder_type"], ev["interaction"], ev["inter2"]) == (
        "Protests", "Demonstrations", 60, None
    )  # fmt: skip
    assert "No fatalities" not in ev["notes"] and ev["notes"].endswith("Fatalities: 3.")


def test_country_iso_region_and_date_year_move_together(client) -> None:
    ev = edit(client, "IRQ1", country="سوريا").json()["event"]  # an Arabic name of the knowledge base
    assert (ev["country"], ev["iso"], ev["region"]) == ("Syria", 760, "Middle East")
    # Iraqi forces outside Iraq are external forces (CODING.md §3, as the extractor codes them).
    assert (ev["inter2"], ev["interaction"]) == (8, 38)
    ev = edit(client, "IRQ1", iso=368).json()["event"]
    assert (ev["country"], ev["inter2"], ev["interaction"]) == ("Iraq", 1, 13)
    ev = edit(client, "IRQ1", event_date="2024-03-01", fatalities=4).json()["event"]
    assert ev["year"] == 2024 and ev["notes"].startswith("On 1 March 2024,") and ev["notes"].endswith("4.")
    ev = edit(client, "IRQ1", event_date="").json()["event"]  # unknown day: no year
    assert ev["year"] is None and ev["notes"].startswith("On an unreported date")
    assert ev["event_id_cnty"] == "IRQ1" and ev["status"] == "edited"


def test_arabic_actor_names_and_new_actors(client) -> None:
    ev = edit(client, "SYR1", actor1="داعش").json()["event"]
    assert (ev["actor1"], ev["inter1"]) == ("Islamic State (Syria)", 2)
    ev = edit(client, "SYR1", actor2="Liwa Fatemiyoun Test Group", inter2=4).json()["event"]
    assert (ev["actor2"], ev["inter2"], ev["interaction"]) == ("Liwa Fatemiyoun Test Group", 4, 24)
    # A reviewer's notes are theirs: not rewritten when sent with the edit.
    ev = edit(client, "SYR1", fatalities=2, notes="Reviewer's own sentence.").json()["event"]
    assert ev["notes"] == "Reviewer's own sentence."


# --- strict parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        *FILTERED,
        "/api/articles",
        "/api/merges",
        "/api/deletions",
        "/api/meta",
        "/api/events/SYR1",
        "/api/health",
    ],
)
def test_unknown_parameters_are_named(client, path: str) -> None:
    got = refused(client.get(path, params={"year": 2023, "colour": "red"}), "year", "colour")
    assert "unknown parameter" in got["year"]


def test_unknown_parameter_on_a_write(client) -> None:
    resp = client.post("/api/events/SYR1/confirm", params={"force": 1}, headers=auth())
    assert "force" in refused(resp, "force")
    assert client.get("/api/events/SYR1").json()["event"]["status"] == "unreviewed"


def test_every_bad_parameter_is_listed(client) -> None:
    resp = client.get(
        "/api/events",
        params={
            "date_from": "yesterday",
            "event_type": "Picnic",
            "inter1": 9,
            "interaction": 21,
            "limit": 0,
            "x": 1,
        },
    )
    got = refused(resp, "date_from", "event_type", "inter1", "interaction", "limit", "x")
    assert "Battles" in got["event_type"] and "1, 2, 3" in got["inter1"] and "12" in got["interaction"]
    for params in (
        {"date_from": "2024-03-12", "date_to": "2024-03-01"},
        {"bbox": "50,10,40,20"},
        {"fatalities_min": 5, "fatalities_max": 1},
        {"updated_since": "last week"},
        {"status": "deleted"},
        {"origin": "elsewhere"},
    ):
        assert refused(client.get("/api/events", params=params)), params


def test_enumerations_match_in_any_case(client) -> None:
    assert ids(client.get("/api/events", params={"event_type": "battles"})) == {"SYR1"}
    assert ids(client.get("/api/events", params={"sub_event_type": "AIR/DRONE STRIKE"})) == {"SYR2"}
    assert ids(client.get("/api/events", params={"disorder_type": "demonstrations"})) == {"YEM1"}
    assert ids(client.get("/api/events", params={"status": "UNREVIEWED", "country": "yemen"})) == {"YEM1"}


# --- filters -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": ["Syria", "Iraq"]}, {"SYR1", "SYR2", "SYR3", "IRQ1"}),
        ({"country": "سوريا"}, {"SYR1", "SYR2", "SYR3"}),
        ({"country": ["اليمن", "IRQ"]}, {"YEM1", "YEM2", "IRQ1"}),
        ({"iso": [368, 887]}, {"IRQ1", "YEM1", "YEM2"}),
        ({"event_type": ["Battles", "Protests"]}, {"SYR1", "YEM1"}),
        (
            {"sub_event_type": ["Air/drone strike", "Abduction/forced disappearance"]},
            {"SYR2", "YEM2", "SYR3"},
        ),
        ({"admin1": ["idleb", "DARA"]}, {"SYR2", "SYR3"}),
        ({"actor": "الحوثي"}, {"YEM2"}),
        ({"actor": ["الحوثيين", "russia"]}, {"YEM2", "SYR2"}),
        ({"actor": "تنظيم الدولة"}, {"SYR1"}),
        ({"inter1": 2}, {"SYR1", "YEM2"}),
        ({"inter1": [6, 8]}, {"YEM1", "SYR2"}),
        ({"inter2": 7}, {"SYR2", "SYR3"}),
        ({"interaction": 12}, {"YEM2"}),
        ({"interaction": [60, 13]}, {"YEM1", "IRQ1"}),
        ({"fatalities_min": 2}, {"SYR1", "SYR2", "YEM2"}),
        ({"fatalities_min": 1, "fatalities_max": 3}, {"SYR1", "SYR2", "IRQ1"}),
        ({"fatalities_max": 0}, {"YEM1", "SYR3"}),
        ({"undated": "true"}, {"SYR3"}),
        ({"undated": "false", "country": "Syria"}, {"SYR1", "SYR2"}),
        ({"outlet": ["يمن نيوز", "بغداد اليوم"]}, {"YEM1", "YEM2", "IRQ1"}),
    ],
)
def test_filters_apply_alike_everywhere(full, params: dict, expected: set[str]) -> None:
    assert ids(full.get("/api/events", params=params)) == expected
    stats = full.get("/api/stats", params=params).json()
    assert stats["total_events"] == len(expected)
    points = full.get("/api/events/points", params=params).json()
    assert {p["id"] for p in points["points"]} == expected and points["total"] == len(expected)
    rows = list(csv.DictReader(io.StringIO(full.get("/api/export", params=params).text.lstrip("\ufeff"))))
    assert {r["event_id_cnty"] for r in rows} == expected
    assert sum(p["events"] for p in full.get("/api/places", params=params).json()) == len(expected)
    actors = full.get("/api/actors", params=params).json()
    assert max((a["events"] for a in actors), default=0) <= len(expected)


def test_actor_counts_follow_the_actor_filter(full) -> None:
    actors = {a["actor"]: a for a in full.get("/api/actors", params={"actor": "الحوثي"}).json()}
    assert set(actors) == {"Houthi Movement", "Military Forces of Yemen"}
    assert actors["Houthi Movement"]["inter"] == 2


def test_updated_since_and_deletions_feed(full) -> None:
    everything = full.get("/api/events", params={"updated_since": "2000-01-01"})
    assert len(ids(everything)) == 6
    later = datetime.now(UTC) + timedelta(days=1)
    assert ids(full.get("/api/events", params={"updated_since": later.isoformat()})) == set()
    assert full.get("/api/deletions", params={"since": "2000-01-01T00:00:00Z"}).json()["items"] == []
    time.sleep(0.01)
    mark = datetime.now(UTC).isoformat()
    time.sleep(0.01)
    assert full.post("/api/events/YEM1/reject", headers=auth()).status_code == 200
    assert (
        full.post("/api/events/merge", json={"event_ids": ["SYR1", "SYR2"]}, headers=auth()).status_code
        == 200
    )
    feed = full.get("/api/deletions", params={"since": mark}).json()
    got = {d["event_id"]: (d["reason"], d["merged_into"]) for d in feed["items"]}
    assert got == {"YEM1": ("rejected", None), "SYR2": ("merged", "SYR1")} and feed["total"] == 2
    assert all(datetime.fromisoformat(d["at"]) >= datetime.fromisoformat(mark) for d in feed["items"])
    # The survivor changed too: it comes back through updated_since, the removed ones do not.
    assert ids(full.get("/api/events", params={"updated_since": mark})) == {"SYR1"}
    # A naive time is UTC.
    naive = mark.replace("+00:00", "")
    assert full.get("/api/deletions", params={"since": naive}).json()["total"] == 2
    assert refused(full.get("/api/deletions", params={"since": "soon"}), "since")


def test_interaction_is_an_integer_everywhere(full) -> None:
    items = full.get("/api/events", params={"limit": 100}).json()["items"]
    assert {e["event_id_cnty"]: e["interaction"] for e in items}["YEM1"] == 60
    assert all(isinstance(e["interaction"], int) for e in items)
    line = full.get("/api/export", params={"format": "jsonl", "country": "Yemen", "event_type": "Protests"})
    assert json.loads(line.text.splitlines()[0])["interaction"] == 60
    schema = full.get("/openapi.json").json()
    record = schema["components"]["schemas"]["EventRecord"]["properties"]["interaction"]
    assert {"type": "integer"} in record.get("anyOf", [record])
    params = {p["name"]: p for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"inter1", "inter2", "interaction", "fatalities_min", "undated", "updated_since"} <= set(params)


def test_csv_export_carries_review_status(full) -> None:
    full.post("/api/events/SYR1/confirm", headers=auth())
    text_ = full.get("/api/export", params={"country": "Syria", "status": ["confirmed", "unreviewed"]}).text
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(text_.lstrip("\ufeff")))}
    assert {k: r["status"] for k, r in rows.items()} == {
        "SYR1": "confirmed", "SYR2": "unreviewed", "SYR3": "unreviewed"
    }  # fmt: skip


# --- docs ----------------------------------------------------------------------------------------


def test_docs_page_is_served_offline_under_the_csp(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    # No third-party origin and no inline script: every script has a src on this origin.
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    for url in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert client.get("/" + url).status_code == 200, url
    assert "openapi.json" in client.get("/docs/init.js").text
