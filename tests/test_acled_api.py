"""Contract tests of the ACLED-compatible endpoints (/api/acled/read and friends) on SQLite and
PostgreSQL, through the app's HTTP interface: every operator, fields, paging, timestamp,
deletions, monadic rows, CSV, the envelope and ACLED's error shape.

The store holds the four hand-coded reports of api_fixtures: IRQ1 (Tarmiyah, 2024-03-12, 1 killed),
SYR1 (Ash Shuhayl, 2024-03-11, 3), SYR2 (Sarmin, 2024-03-09, 2), YEM1 (Taizz protest, 2024-02-20, 0).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from api_fixtures import *  # noqa: F403  (api_store, client, sqlite_store fixtures)
from api_fixtures import WRITER_TOKEN, auth, make_client
from marsad.models import ACLED_COLUMNS

pytestmark = pytest.mark.filterwarnings("ignore:.*httpx.*:DeprecationWarning")

ALL = ["IRQ1", "SYR1", "SYR2", "YEM1"]


def read(client, path: str = "/api/acled/read", **params: str) -> dict:
    resp = client.get(path, params=params)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["success"] is True and body["status"] == 200
    assert body["count"] == len(body["data"])
    return body


def ids(client, **params: str) -> list[str]:
    return [r["event_id_cnty"] for r in read(client, fields="event_id_cnty", **params)["data"]]


def acled_error(resp, status: int) -> str:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["success"] is False and body["status"] == status
    assert set(body) == {"status", "success", "error"}
    (err,) = body["error"]
    assert err["status"] == status and err["message"]
    return err["message"]


def test_envelope_columns_and_order(client) -> None:
    body = read(client)
    assert list(body) == ["status", "success", "last_update", "count", "messages", "data", "filename"]
    assert body["count"] == 4 and body["messages"] == []
    assert isinstance(body["last_update"], int) and body["last_update"] > 1_700_000_000
    assert body["filename"].startswith("marsad-acled-")
    rows = body["data"]
    assert [r["event_id_cnty"] for r in rows] == ALL  # latest event first, as ACLED
    assert all(list(r) == list(ACLED_COLUMNS) for r in rows)  # the 31 columns, in ACLED's order
    syr1 = rows[1]
    # ACLED's JSON carries values as strings, actor types as text labels since 2024.
    assert syr1["year"] == "2024" and syr1["fatalities"] == "3" and syr1["iso"] == "760"
    assert syr1["inter1"] == "Rebel group" and syr1["interaction"] == "Rebel group-Rebel group"
    assert rows[3]["interaction"] == "Protesters only" and rows[3]["inter2"] is None
    assert float(syr1["latitude"]) == pytest.approx(35.0333)
    assert "evidence" not in syr1 and "confidence" not in syr1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "Syria"}, ["SYR1", "SYR2"]),
        ({"country": "syria|Iraq"}, ["IRQ1", "SYR1", "SYR2"]),
        ({"country": "Syr", "country_where": "LIKE"}, ["SYR1", "SYR2"]),
        ({"event_date": "2024-03-09|2024-03-11", "event_date_where": "BETWEEN"}, ["SYR1", "SYR2"]),
        ({"event_date": "2024-03-11", "event_date_where": ">"}, ["IRQ1"]),
        ({"event_date": "2024-03-11", "event_date_where": ">="}, ["IRQ1", "SYR1"]),
        ({"event_date": "2024-03-09", "event_date_where": "<"}, ["YEM1"]),
        ({"event_date": "2024-03-09", "event_date_where": "<="}, ["SYR2", "YEM1"]),
        ({"event_date": "2024-03-11"}, ["SYR1"]),
        ({"event_type": "explosions", "event_type_where": "LIKE"}, ["IRQ1", "SYR2"]),
        ({"event_type": "Protests"}, ["YEM1"]),
        ({"sub_event_type": "%drone%", "sub_event_type_where": "LIKE"}, ["SYR2"]),
        ({"actor1": "russia"}, ["SYR2"]),  # actor columns default to LIKE, as on ACLED
        ({"actor1": "Military Forces of Russia", "actor1_where": "="}, ["SYR2"]),
        ({"actor2": "civilians|iraq"}, ["IRQ1", "SYR2"]),
        ({"fatalities": "0"}, ["YEM1"]),
        ({"fatalities": "2", "fatalities_where": ">="}, ["SYR1", "SYR2"]),
        ({"fatalities": "1|2", "fatalities_where": "BETWEEN"}, ["IRQ1", "SYR2"]),
        ({"inter1": "6"}, ["YEM1"]),
        ({"inter1": "Protesters|Rebel group"}, ["SYR1", "YEM1"]),
        ({"interaction": "60"}, ["YEM1"]),
        ({"interaction": "Protesters only|State forces-Political militia"}, ["IRQ1", "YEM1"]),
        ({"region": "11"}, ALL),
        ({"region": "Middle East"}, ALL),
        ({"region": "1"}, []),
        ({"iso": "368|887"}, ["IRQ1", "YEM1"]),
        ({"event_id_cnty": "SYR1"}, ["SYR1"]),
        ({"event_id_cnty": "SYR", "event_id_cnty_where": "LIKE"}, ["SYR1", "SYR2"]),
        ({"latitude": "30|36", "latitude_where": "BETWEEN"}, ["IRQ1", "SYR1", "SYR2"]),
        ({"admin1": "idleb"}, ["SYR2"]),
        ({"country": "Syria", "event_type": "Battles"}, ["SYR1"]),
        ({"status": "unreviewed"}, ALL),  # marsad's own columns filter too
        ({"origin": "marsad"}, ALL),
        ({"origin": "acled"}, []),
    ],
)
def test_operators(client, params: dict[str, str], expected: list[str]) -> None:
    assert ids(client, **params) == expected


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"bogus": "1"}, "Unknown field 'bogus'"),
        ({"bogus_where": "="}, "Unknown field 'bogus'"),
        ({"country": "Syria", "country_where": "CONTAINS"}, "Unknown operator"),
        ({"fatalities": "many"}, "Invalid value 'many' for fatalities"),
        ({"event_date": "11/03/2024"}, "Invalid value '11/03/2024' for event_date"),
        ({"event_date": "2024-03-01", "event_date_where": "BETWEEN"}, "BETWEEN needs two values"),
        ({"fatalities": "1", "fatalities_where": "LIKE"}, "LIKE needs a text field"),
        ({"fatalities": "1|2", "fatalities_where": ">"}, "takes one value"),
        ({"inter1": "Pirates"}, "actor type label"),
        ({"region": "99"}, "no ACLED region has id 99"),
        ({"limit": "5001"}, "limit must be between 1 and 5000"),
        ({"limit": "ten"}, "limit must be a whole number"),
        ({"page": "0"}, "page must be between"),
        ({"fields": "event_date|evidence"}, "Unknown field(s) in fields: evidence"),
        ({"export_type": "triadic"}, "export_type"),
        ({"_format": "xml"}, "Unsupported _format 'xml'"),
        ({"origin": "gdelt"}, "origin must be one of"),
        ({"weapons": "drone"}, "weapons cannot be filtered"),
        ({"timestamp": "99999999999999999"}, "Invalid value '99999999999999999' for timestamp"),
        ({"limit_where": "="}, "Unknown field 'limit'"),
    ],
)
def test_errors_have_acleds_shape(client, params: dict[str, str], needle: str) -> None:
    assert needle in acled_error(client.get("/api/acled/read", params=params), 400)


def test_private_reads_need_the_same_tokens(sqlite_store) -> None:
    with make_client(sqlite_store, public_read=False) as c:
        resp = c.get("/api/acled/read")
        assert "token" in acled_error(resp, 401)
        assert resp.headers["www-authenticate"] == "Bearer"
        for path in ("/api/deleted/read", "/api/country/read"):
            acled_error(c.get(path), 401)
        bad = c.get("/api/acled/read", headers={"Authorization": "Bearer not-a-token-at-all"})
        acled_error(bad, 401)
        ok = c.get("/api/acled/read", headers=auth(WRITER_TOKEN))
        assert ok.status_code == 200 and ok.json()["count"] == 4


def test_fields_and_marsad_columns(client) -> None:
    rows = read(client, fields="event_date|country|fatalities", country="Yemen")["data"]
    assert rows == [{"event_date": "2024-02-20", "country": "Yemen", "fatalities": "0"}]
    extra = read(
        client, fields="event_id_cnty|confidence|status|n_sources|primary|article_id", country="Iraq"
    )
    (row,) = extra["data"]
    assert row == {
        "event_id_cnty": "IRQ1",
        "confidence": row["confidence"],
        "status": "unreviewed",
        "n_sources": "1",
        "primary": "1",
        "article_id": "r-tarmiyah",
    }
    assert float(row["confidence"]) > 0


def test_paging(client) -> None:
    pages = [ids(client, limit="1", page=str(p)) for p in range(1, 6)]
    assert pages == [["IRQ1"], ["SYR1"], ["SYR2"], ["YEM1"], []]
    assert ids(client, limit="3", page="2") == ["YEM1"]
    assert read(client, limit="2")["count"] == 2


def test_inter_num_and_monadic(client) -> None:
    (row,) = read(client, country="Iraq", inter_num="1", fields="inter1|inter2|interaction")["data"]
    assert row == {"inter1": "3", "inter2": "1", "interaction": "13"}
    rows = read(client, export_type="monadic", fields="event_id_cnty|actor1|inter1|actor2")["data"]
    # One row per actor: YEM1 has no actor2, the three others have two actors.
    assert [r["event_id_cnty"] for r in rows] == ["IRQ1", "IRQ1", "SYR1", "SYR1", "SYR2", "SYR2", "YEM1"]
    assert all(set(r) == {"event_id_cnty", "actor1", "inter1"} for r in rows)
    assert rows[1] == {"event_id_cnty": "IRQ1", "actor1": "Military Forces of Iraq", "inter1": "State forces"}


def test_csv(client) -> None:
    resp = client.get("/api/acled/read", params={"_format": "csv", "country": "Syria"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert [r["event_id_cnty"] for r in rows] == ["SYR1", "SYR2"]
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert rows[0]["admin3"] == "" and rows[1]["location"] == "Sarmin"
    empty = client.get(
        "/api/acled/read", params={"_format": "csv", "country": "Chad", "fields": "event_id_cnty|notes"}
    )
    assert empty.text.strip() == "event_id_cnty,notes"


def _age_everything(store) -> None:
    """Pretend every event was last changed on 1 January 2024, so a later change stands out."""
    from marsad.store.schema import EventRow

    with store.session() as s:
        s.execute(update(EventRow).values(updated_at=datetime(2024, 1, 1, tzinfo=UTC)))


def test_timestamp_and_deletions(api_store, client) -> None:
    _age_everything(api_store)
    since = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
    assert read(client, fields="timestamp", country="Yemen")["data"] == [{"timestamp": "1704067200"}]
    assert ids(client, timestamp=str(since)) == []
    api_store.edit("SYR2", {"fatalities": 4}, user="amal")
    api_store.reject("YEM1", user="amal")
    # Incremental sync: what changed since the last pull, and what left the data set.
    assert ids(client, timestamp=str(since)) == ["SYR2"]
    assert ids(client, timestamp="2025-01-01") == ["SYR2"]
    assert ids(client, timestamp="1704067200", timestamp_where="=") == ["IRQ1", "SYR1"]
    deleted = read(client, "/api/deleted/read", deleted_timestamp=str(since))["data"]
    assert [d["event_id_cnty"] for d in deleted] == ["YEM1"]
    assert int(deleted[0]["deleted_timestamp"]) >= since
    assert ids(client) == ["IRQ1", "SYR1", "SYR2"]
    merged = api_store.merge(["IRQ1", "SYR1"], user="amal")  # an absorbed event is deleted too
    gone = {d["event_id_cnty"] for d in read(client, "/api/deleted/read")["data"]}
    assert gone == {"YEM1", ({"IRQ1", "SYR1"} - {merged.event.event_id_cnty}).pop()}
    assert read(client, "/api/deleted/read", event_id_cnty="YEM1", fields="event_id_cnty")["data"] == [
        {"event_id_cnty": "YEM1"}
    ]
    assert read(client, "/api/deleted/read", deleted_timestamp="2030-01-01")["count"] == 0


def _typed(row: dict) -> dict:
    """An /api/events item in ACLED's string form, for comparison."""
    out = {}
    for k in ACLED_COLUMNS:
        v = row[k]
        out[k] = None if v is None else str(v)
    return out


@pytest.mark.parametrize(
    ("acled", "own"),
    [
        ({"country": "Syria"}, {"country": "Syria"}),
        (
            {"event_date": "2024-03-09|2024-03-12", "event_date_where": "BETWEEN"},
            {"date_from": "2024-03-09", "date_to": "2024-03-12"},
        ),
        ({"event_type": "Explosions/Remote violence"}, {"event_type": "Explosions/Remote violence"}),
        ({"sub_event_type": "Air/drone strike"}, {"sub_event_type": "Air/drone strike"}),
        ({"admin1": "Idleb"}, {"admin1": "Idleb"}),
        ({}, {}),
    ],
)
def test_same_events_as_api_events(client, acled: dict, own: dict) -> None:
    rows = read(client, inter_num="1", **acled)["data"]
    items = client.get("/api/events", params={**own, "limit": 1000}).json()["items"]
    assert [r["event_id_cnty"] for r in rows] == [e["event_id_cnty"] for e in items]
    for r, e in zip(rows, items, strict=True):
        mine, theirs = dict(r), _typed(e)
        for k in ("latitude", "longitude"):
            assert float(mine.pop(k)) == pytest.approx(float(theirs.pop(k)))
        assert int(mine.pop("timestamp")) == int(datetime.fromisoformat(e["updated_at"]).timestamp())
        theirs.pop("timestamp")
        assert mine == theirs


def test_reference_endpoints(client) -> None:
    actors = read(client, "/api/actor/read", actor_name="forces")["data"]
    names = {a["actor_name"] for a in actors}
    assert names == {"Syrian Democratic Forces", "Military Forces of Iraq", "Military Forces of Russia"}
    assert all(a["event_count"] == "1" for a in actors)
    (irq,) = read(client, "/api/actor/read", actor_name="Military Forces of Iraq", actor_name_where="=")[
        "data"
    ]
    assert irq == {
        "actor_name": "Military Forces of Iraq",
        "first_event_date": "2024-03-12",
        "last_event_date": "2024-03-12",
        "event_count": "1",
    }
    types = read(client, "/api/actortype/read")["data"]
    assert [t["actor_type_id"] for t in types] == ["1", "2", "3", "6", "7", "8"]
    assert read(client, "/api/actortype/read", actor_type_name="Rebel group")["data"][0]["event_count"] == "1"
    countries = read(client, "/api/country/read")["data"]
    assert [(c["country"], c["iso"], c["iso3"], c["event_count"]) for c in countries] == [
        ("Iraq", "368", "IRQ", "1"),
        ("Syria", "760", "SYR", "2"),
        ("Yemen", "887", "YEM", "1"),
    ]
    syria = read(client, "/api/country/read", country="Syria")["data"][0]
    assert (syria["first_event_date"], syria["last_event_date"]) == ("2024-03-09", "2024-03-11")
    assert read(client, "/api/country/read", event_count="2", event_count_where=">=")["count"] == 1
    (region,) = read(client, "/api/region/read", region="11")["data"]
    assert region == {
        "region": "11",
        "region_name": "Middle East",
        "first_event_date": "2024-02-20",
        "last_event_date": "2024-03-12",
        "event_count": "4",
    }
    assert "Unknown field" in acled_error(client.get("/api/country/read", params={"actor1": "x"}), 400)


def test_ignored_acled_credentials_are_reported(client) -> None:
    body = read(client, key="abc", email="a@example.org", fields="event_id_cnty", limit="1")
    assert body["count"] == 1
    assert len(body["messages"]) == 2 and "ignored" in body["messages"][0]
