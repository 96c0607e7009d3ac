"""REST API tests (FastAPI TestClient over httpx) on SQLite and PostgreSQL: reads, filters,
paging, sorting, exports, review with audit trail, authentication, errors, request limits."""

from __future__ import annotations

import csv
import io
import json

import pytest

# Fixtures come from our own module (the project's conftest.py belongs to the core developer).
from api_fixtures import *  # noqa: F403  (api_store, client, sqlite_store fixtures)
from api_fixtures import OTHER_TOKEN, SCRIPT_MARKUP, auth, make_client
from marsad.models import OUTPUT_COLUMNS

# starlette's TestClient still runs on httpx, and says so on import.
pytestmark = pytest.mark.filterwarnings("ignore:.*httpx.*:DeprecationWarning")


def ids(page: dict) -> list[str]:
    return [e["event_id_cnty"] for e in page["items"]]


def assert_error(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert isinstance(body["detail"], str) and body["detail"]
    if code:
        assert body["code"] == code
    return body


# --- reads ---------------------------------------------------------------------------------------


def test_events_default_order_and_paging(client) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == 4
    dates = [e["event_date"] for e in page["items"]]
    assert dates == sorted(dates, reverse=True)
    first = client.get("/api/events", params={"limit": 2, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    assert len(first["items"]) == len(second["items"]) == 2
    assert set(ids(first)).isdisjoint(ids(second))
    assert ids(first) + ids(second) == ids(page)


def test_sorting(client) -> None:
    by_deaths = client.get("/api/events", params={"sort": "-fatalities"}).json()
    assert [e["fatalities"] for e in by_deaths["items"]] == [3, 2, 1, 0]
    ascending = client.get("/api/events", params={"sort": "event_date"}).json()
    assert ascending["items"][0]["event_date"] == "2024-02-20"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "Syria"}, {"Ash Shuhayl", "Sarmin"}),
        ({"country": "irq"}, {"Tarmiyah"}),
        ({"event_type": "Protests"}, {"Taizz"}),
        ({"admin1": "idleb"}, {"Sarmin"}),
        ({"actor": "russia"}, {"Sarmin"}),
        ({"date_from": "2024-03-10", "date_to": "2024-03-11"}, {"Ash Shuhayl"}),
        ({"q": "الطارمية"}, {"Tarmiyah"}),
        ({"q": "سرمين"}, {"Sarmin"}),
        ({"bbox": "35,33,41,37"}, {"Ash Shuhayl", "Sarmin"}),
        ({"sub_event_type": "Air/drone strike"}, {"Sarmin"}),
        ({"country": "Syria", "event_type": "Battles"}, {"Ash Shuhayl"}),
    ],
)
def test_filters(client, params: dict, expected: set[str]) -> None:
    page = client.get("/api/events", params=params).json()
    assert {e["location"] for e in page["items"]} == expected
    assert page["total"] == len(expected)


def test_event_detail_has_sources_and_evidence(client) -> None:
    detail = client.get("/api/events/SYR2").json()
    assert detail["event"]["location"] == "Sarmin"
    assert [s["article_id"] for s in detail["sources"]] == ["r-sarmin"]
    spans = {s["field"]: s for s in detail["evidence"]}
    article = client.get("/api/articles/r-sarmin").json()
    # Offsets are code points: Python slicing of the stored text gives the evidence back,
    # even after the emoji at the start of this report.
    for field in ("location", "actor1", "fatalities"):
        s = spans[field]
        assert article["text"][s["start"] : s["end"]] == s["text"]
    assert spans["location"]["text"] == "مدينة سرمين"


def test_article_text_is_returned_verbatim(client) -> None:
    art = client.get("/api/articles/r-tarmiyah").json()
    assert SCRIPT_MARKUP in art["text"]
    assert art["events"][0]["event_id_cnty"] == "IRQ1"
    listing = client.get("/api/articles", params={"q": "تعز"}).json()
    assert [a["article_id"] for a in listing["items"]] == ["r-taiz"]


def test_unknown_ids_are_json_404(client) -> None:
    assert_error(client.get("/api/events/SYR999"), 404, "not_found")
    assert_error(client.get("/api/articles/nope"), 404, "not_found")
    assert_error(client.get("/api/no-such-endpoint"), 404)


def test_actors_places_stats(client) -> None:
    actors = {a["actor"]: a for a in client.get("/api/actors").json()}
    assert actors["Islamic State (Syria)"]["events"] == 1
    assert actors["Islamic State (Syria)"]["fatalities"] == 3
    places = {p["location"]: p for p in client.get("/api/places", params={"country": "Syria"}).json()}
    assert set(places) == {"Ash Shuhayl", "Sarmin"}
    stats = client.get("/api/stats").json()
    assert stats["total_events"] == 4
    assert stats["total_fatalities"] == 6
    assert [b["key"] for b in stats["by_day"]] == ["2024-02-20", "2024-03-09", "2024-03-11", "2024-03-12"]
    by_type = {b["key"]: b for b in stats["by_type"]}
    assert by_type["Explosions/Remote violence"]["events"] == 2
    assert by_type["Explosions/Remote violence"]["fatalities"] == 3
    assert {b["key"] for b in stats["by_admin1"]} == {"Deir ez Zor", "Idleb", "Baghdad", "Taizz"}
    syria = client.get("/api/stats", params={"country": "Syria"}).json()
    assert syria["total_fatalities"] == 5


def test_map_points(client) -> None:
    data = client.get("/api/events/points").json()
    assert data["total"] == 4 and not data["truncated"]
    assert data["points"][0]["fatalities"] == 3  # deadliest first
    one = client.get("/api/events/points", params={"limit": 1}).json()
    assert one["truncated"] and len(one["points"]) == 1


# --- exports -------------------------------------------------------------------------------------


def test_export_csv_follows_filter(client) -> None:
    resp = client.get("/api/export", params={"format": "csv", "country": "Syria"})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.text.lstrip("\ufeff"))))
    # ACLED's and marsad's columns, then the review status (issue 9: exports carry it).
    assert list(rows[0]) == [*OUTPUT_COLUMNS, "status", "n_sources", "merged_into"]
    assert {r["event_id_cnty"] for r in rows} == {"SYR1", "SYR2"}
    assert {r["status"] for r in rows} == {"unreviewed"}


def test_export_geojson_and_jsonl(client) -> None:
    gj = client.get("/api/export", params={"format": "geojson"}).json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 4
    taizz = next(f for f in gj["features"] if f["properties"]["location"] == "Taizz")
    assert taizz["geometry"]["coordinates"] == [44.0209, 13.5795]
    lines = client.get("/api/export", params={"format": "jsonl", "event_type": "Battles"}).text.splitlines()
    assert [json.loads(x)["event_id_cnty"] for x in lines] == ["SYR1"]


def test_export_parquet(client) -> None:
    import pyarrow.parquet as pq

    resp = client.get("/api/export", params={"format": "parquet"})
    assert resp.status_code == 200
    table = pq.read_table(io.BytesIO(resp.content))
    assert table.num_rows == 4


# --- review --------------------------------------------------------------------------------------


def test_writes_refuse_requests_without_a_valid_token(client) -> None:
    calls = [
        ("post", "/api/events/SYR1/confirm", {}),
        ("post", "/api/events/SYR1/reject", {}),
        ("post", "/api/events/SYR1/restore", {}),
        ("patch", "/api/events/SYR1", {"changes": {"fatalities": 9}}),
        ("post", "/api/events/merge", {"event_ids": ["SYR1", "SYR2"]}),
        ("post", "/api/events/SYR1/split", {}),
        ("post", "/api/merges/1/undo", {}),
    ]
    for method, path, body in calls:
        for headers in ({}, auth("wrong-token-000"), {"Authorization": "Basic YW1hbDp4"}):
            resp = getattr(client, method)(path, json=body, headers=headers)
            assert_error(resp, 401, "unauthorized")
            assert resp.headers["www-authenticate"] == "Bearer"
    # Even a malformed body gets 401, not a parse error, when there is no token.
    resp = client.post(
        "/api/events/SYR1/confirm", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error(resp, 401)
    # Nothing changed.
    assert client.get("/api/events/SYR1").json()["history"] == []
    assert client.get("/api/events/SYR1").json()["event"]["fatalities"] == 3


def test_confirm_edit_and_audit_trail(client) -> None:
    resp = client.post("/api/events/SYR1/confirm", json={"note": "matches the report"}, headers=auth())
    assert resp.status_code == 200, resp.text
    assert resp.json()["event"]["status"] == "confirmed"

    resp = client.patch(
        "/api/events/SYR1",
        json={"changes": {"fatalities": 4, "admin2": "Abu Kamal"}},
        headers=auth(OTHER_TOKEN),
    )
    assert resp.status_code == 200, resp.text
    event = resp.json()["event"]
    assert event["fatalities"] == 4 and event["admin2"] == "Abu Kamal" and event["status"] == "edited"

    history = client.get("/api/events/SYR1/history").json()
    assert [(h["user"], h["action"]) for h in history][:1] == [("amal", "confirm")]
    edits = {h["field"]: h for h in history if h["action"] == "edit"}
    assert edits["fatalities"]["user"] == "omar"
    assert json.loads(edits["fatalities"]["old_value"]) == 3
    assert json.loads(edits["fatalities"]["new_value"]) == 4
    assert all(h["at"] for h in history)
    # The list and the stats see the change.
    assert client.get("/api/stats").json()["total_fatalities"] == 7


def test_invalid_edits_are_422(client) -> None:
    assert_error(
        client.patch("/api/events/SYR1", json={"changes": {"fatalities": "many"}}, headers=auth()), 422
    )
    assert_error(
        client.patch("/api/events/SYR1", json={"changes": {"event_id_cnty": "X1"}}, headers=auth()), 422
    )
    assert_error(client.patch("/api/events/SYR1", json={"changes": {}}, headers=auth()), 422)
    assert_error(client.patch("/api/events/SYR1", json={"change": {"fatalities": 1}}, headers=auth()), 422)
    assert_error(client.patch("/api/events/SYR404", json={"changes": {"fatalities": 1}}, headers=auth()), 404)
    resp = client.post(
        "/api/events/SYR1/confirm",
        content=b"{not json",
        headers={**auth(), "content-type": "application/json"},
    )
    assert_error(resp, 422, "validation_error")


def test_reject_hides_and_restore_brings_back(client) -> None:
    assert client.post("/api/events/YEM1/reject", headers=auth()).json()["event"]["status"] == "rejected"
    assert "YEM1" not in ids(client.get("/api/events").json())
    rejected = client.get("/api/events", params={"status": "rejected"}).json()
    assert ids(rejected) == ["YEM1"]
    assert client.post("/api/events/YEM1/restore", headers=auth()).status_code == 200
    assert "YEM1" in ids(client.get("/api/events").json())
    actions = [h["action"] for h in client.get("/api/events/YEM1/history").json()]
    assert actions == ["reject", "restore"]


def test_merge_split_and_undo(client) -> None:
    resp = client.post(
        "/api/events/merge", json={"event_ids": ["SYR1", "SYR2"], "note": "same"}, headers=auth()
    )
    assert resp.status_code == 200, resp.text
    merged = resp.json()
    assert merged["event"]["event_id_cnty"] == "SYR1"
    assert merged["members"] == ["SYR2"]
    assert {s["article_id"] for s in merged["sources"]} == {"r-shuhayl", "r-sarmin"}
    assert "SYR2" not in ids(client.get("/api/events").json())

    merges = client.get("/api/merges", params={"event_id": "SYR1"}).json()
    assert merges[0]["kind"] == "manual" and merges[0]["absorbed"] == ["SYR2"]
    undone = client.post(f"/api/merges/{merges[0]['merge_id']}/undo", headers=auth())
    assert undone.status_code == 200, undone.text
    assert {"SYR1", "SYR2"} <= set(ids(client.get("/api/events").json()))

    split = client.post("/api/events/IRQ1/split", json={}, headers=auth())
    assert split.status_code == 200, split.text
    parts = split.json()
    assert parts[0]["event"]["event_id_cnty"] == "IRQ1" and len(parts) == 2
    assert parts[1]["event"]["event_id_cnty"].startswith("IRQ")
    assert_error(client.post("/api/events/merge", json={"event_ids": ["SYR1"]}, headers=auth()), 422)


# --- validation, limits, security ------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 5000},
        {"offset": -1},
        {"sort": "password"},
        {"date_from": "yesterday"},
        {"date_from": "2024-03-12", "date_to": "2024-03-01"},
        {"bbox": "1,2,3"},
        {"bbox": "50,10,40,20"},
        {"status": "deleted"},
        {"country": "x" * 300},
    ],
)
def test_bad_query_parameters_are_422_json(client, params: dict) -> None:
    body = assert_error(client.get("/api/events", params=params), 422, "validation_error")
    assert body["detail"].startswith("Invalid request")


@pytest.mark.parametrize(
    "value",
    [
        "' OR '1'='1",
        "Syria'; DROP TABLE events; --",
        '" OR 1=1 --',
        "%",
        "_",
        "\\",
        'NEAR("a" "b")',
        "* OR x:",
        'سرمين" OR "',
    ],
)
def test_hostile_text_is_data_not_sql(client, value: str) -> None:
    for key in ("country", "actor", "admin1", "q", "event_type"):
        resp = client.get("/api/events", params={key: value})
        assert resp.status_code in (200, 422), resp.text
        if resp.status_code == 200:
            assert resp.json()["total"] == 0, (key, value)
    assert client.get("/api/events").json()["total"] == 4


def test_request_size_limit(sqlite_store) -> None:
    with make_client(sqlite_store, max_request_bytes=2048) as c:
        big = {"changes": {"notes": "x" * 5000}}
        assert_error(c.patch("/api/events/SYR1", json=big, headers=auth()), 413, "request_too_large")

        # Without a Content-Length (chunked upload) the body is counted as it arrives.
        def chunks():
            for _ in range(10):
                yield b" " * 1000

        resp = c.post(
            "/api/events/SYR1/confirm",
            content=chunks(),
            headers={**auth(), "content-type": "application/json"},
        )
        assert_error(resp, 413)
        assert c.get("/api/events/SYR1").json()["event"]["notes"].startswith("On 11 March")


def test_private_reads_need_a_token(sqlite_store) -> None:
    with make_client(sqlite_store, public_read=False) as c:
        assert_error(c.get("/api/events"), 401)
        assert_error(c.get("/api/stats"), 401)
        assert c.get("/api/events", headers=auth()).json()["total"] == 4
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/me", headers=auth()).json() == {
            "user": "amal",
            "can_write": True,
            "public_read": False,
        }


def test_security_headers_and_ui(client) -> None:
    for path in ("/", "/api/events", "/api/events/NOPE1"):
        resp = client.get(path)
        csp = resp.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert resp.headers["x-content-type-options"] == "nosniff"
    index = client.get("/")
    assert index.status_code == 200 and "text/html" in index.headers["content-type"]
    # No CDN: every script and stylesheet is served by the app itself.
    assert "http:" not in index.text and "https:" not in index.text
    assert 'src="static/app.js"' in index.text and 'href="static/app.css"' in index.text
    for asset in ("/static/app.js", "/static/app.css", "/static/basemap.topo.json"):
        assert client.get(asset).status_code == 200
    basemap = client.get("/static/basemap.topo.json").json()
    assert {"countries", "admin1"} <= set(basemap["objects"])


def test_openapi_schema(client) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for p in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/stats",
        "/api/export",
    ):
        assert p in paths
    assert "bearer" in json.dumps(paths["/api/events/{event_id}/confirm"]["post"].get("security", [])).lower()
    assert "413" in paths["/api/events/{event_id}"]["patch"]["responses"]
