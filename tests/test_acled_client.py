"""The unmodified `acled` client from PyPI reads a running marsad server on loopback.

The server (`marsad serve` in a subprocess, private reads) holds the four reports of api_fixtures
and 30 more from store_fixtures. Every result is compared with marsad's own /api/events for the
same filter. No request may leave the machine: connections to any other host fail the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from api_fixtures import WRITER_TOKEN, auth, fill, running_server
from marsad.models import ACLED_COLUMNS
from store_fixtures import report

acled = pytest.importorskip("acled", reason="the acled client is a dev dependency (pip install -e '.[dev]')")
from acled.auth import OAuthTokenAuth  # noqa: E402
from acled.clients.base_http_client import BaseHttpClient  # noqa: E402

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    from marsad.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('acled') / 'marsad.sqlite'}"
    with Store(url) as store:
        fill(store)
        for i in range(30):
            art, events = report(i)
            store.add_article(art, events)
    with running_server(url, env={"MARSAD_PUBLIC_READ": "false"}) as base:
        yield base, url


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    """The client's own token cache, holding a marsad token: it sends it as `Bearer`, as to ACLED."""
    path = tmp_path / "tokens.json"
    later = (datetime.now() + timedelta(days=1)).isoformat()
    path.write_text(
        json.dumps(
            {
                "access_token": WRITER_TOKEN,
                "access_token_expires_at": later,
                "refresh_token_expires_at": later,
            }
        )
    )
    return path


@pytest.fixture
def client(server: tuple[str, str], token_file: Path, monkeypatch: pytest.MonkeyPatch):
    import urllib3.util.connection as conn

    base, _ = server
    real = conn.create_connection

    def loopback_only(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert address[0] in LOOPBACK, f"request to {address[0]} would leave the machine"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(conn, "create_connection", loopback_only)
    # ACLED_API_HOST is read when the package is imported; set the class attribute it fills.
    monkeypatch.setattr(BaseHttpClient, "BASE_URL", f"{base}/api")
    monkeypatch.setattr(OAuthTokenAuth, "TOKEN_ENDPOINT", f"{base}/oauth/token")
    auth_method = OAuthTokenAuth(
        username="analyst@example.org", password="unused", token_file=str(token_file)
    )
    with acled.AcledClient(auth_method=auth_method) as c:
        yield c


def own_events(server: tuple[str, str], **params: object) -> list[dict]:
    base, _ = server
    resp = httpx.get(f"{base}/api/events", params={**params, "limit": 1000}, headers=auth())
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


def same_rows(theirs: list[dict], ours: list[dict]) -> None:
    """The client's parsed events equal /api/events items, column by column."""
    assert [e["event_id_cnty"] for e in theirs] == [e["event_id_cnty"] for e in ours]
    for t, o in zip(theirs, ours, strict=True):
        assert t["event_date"] == date.fromisoformat(o["event_date"])
        assert t["fatalities"] == o["fatalities"] and t["year"] == o["year"]
        assert t["latitude"] == pytest.approx(o["latitude"]) and t["longitude"] == pytest.approx(
            o["longitude"]
        )
        assert t["timestamp"] == datetime.fromisoformat(o["updated_at"]).replace(microsecond=0)
        for k in ACLED_COLUMNS:
            if k not in ("event_date", "fatalities", "year", "latitude", "longitude", "timestamp"):
                # The client parses some columns (time_precision) and leaves the others as sent.
                assert (None if t[k] is None else str(t[k])) == (None if o[k] is None else str(o[k])), k


def test_by_country(client, server) -> None:
    got = client.get_data(country="Syria", limit=5000, query_params={"inter_num": "1"})
    assert len(got) == 32
    same_rows(got, own_events(server, country="Syria"))


def test_between_dates(client, server) -> None:
    got = client.get_data(
        event_date="2020-08-03|2020-08-10",
        limit=5000,
        query_params={"event_date_where": "BETWEEN", "inter_num": 1},
    )
    assert len(got) == 8
    same_rows(got, own_events(server, date_from="2020-08-03", date_to="2020-08-10"))


def test_event_type_like(client, server) -> None:
    got = client.get_data(
        event_type="Explosions", limit=5000, query_params={"event_type_where": "LIKE", "inter_num": 1}
    )
    assert len(got) == 2
    same_rows(got, own_events(server, event_type="Explosions/Remote violence"))


def test_fields_and_text_labels(client) -> None:
    (row,) = client.get_data(country="Yemen", fields="event_id_cnty|event_date|fatalities|inter1")
    assert row == {
        "event_id_cnty": "YEM1",
        "event_date": date(2024, 2, 20),
        "fatalities": 0,
        "inter1": "Protesters",
    }


def test_paging_reads_everything(client, server) -> None:
    seen: list[str] = []
    page = 1
    while True:
        batch = client.get_data(limit=7, page=page, fields="event_id_cnty")
        seen += [e["event_id_cnty"] for e in batch]
        if len(batch) < 7:
            break
        page += 1
    assert page == 5 and len(seen) == 34
    assert seen == [e["event_id_cnty"] for e in own_events(server)]


def test_reference_data(client) -> None:
    countries = {c["country"]: c for c in client.get_country_data()}
    assert set(countries) == {"Iraq", "Syria", "Yemen"}
    assert countries["Syria"]["event_count"] == 32 and countries["Syria"]["first_event_date"] == date(
        2020, 8, 1
    )
    (isis,) = client.get_actor_data(
        actor_name="Islamic State (Syria)", query_params={"actor_name_where": "="}
    )
    assert isis["event_count"] == 31
    (region,) = client.get_region_data()
    assert region["region_name"] == "Middle East" and int(region["region"]) == 11
    kinds = {t["actor_type_name"] for t in client.get_actor_type_data()}
    assert {"State forces", "Rebel group", "Protesters"} <= kinds


def test_environment_host_setting(server, token_file: Path) -> None:
    """ACLED_API_HOST, the client's documented setting, is all a user changes."""
    base, _ = server
    script = (
        "import acled, json\n"
        "from acled.auth import OAuthTokenAuth\n"
        f"a = OAuthTokenAuth(username='analyst@example.org', password='unused', token_file={str(token_file)!r})\n"
        "rows = acled.AcledClient(auth_method=a).get_data(country='Iraq', fields='event_id_cnty|location')\n"
        "print(json.dumps(rows))\n"
    )
    env = {**os.environ, "ACLED_API_HOST": f"{base}/api", "ACLED_MAX_RETRIES": "0"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout) == [{"event_id_cnty": "IRQ1", "location": "Tarmiyah"}]


def test_incremental_sync(client, server) -> None:
    """timestamp (>=) returns what changed since the last pull; /deleted/read what left."""
    from marsad.store import Store
    from marsad.store.schema import EventRow

    _, url = server
    with Store(url) as store:
        with store.session() as s:
            s.execute(update(EventRow).values(updated_at=datetime(2024, 1, 1, tzinfo=UTC)))
        since = date(2025, 1, 1)
        assert client.get_data(timestamp=since) == []
        store.edit("SYR1", {"fatalities": 5}, user="amal")
        store.reject("YEM1", user="amal")
    changed = client.get_data(timestamp=since, query_params={"inter_num": 1})
    assert [e["event_id_cnty"] for e in changed] == ["SYR1"] and changed[0]["fatalities"] == 5
    deleted = client.get_deleted_data(deleted_timestamp=int(datetime(2025, 1, 1, tzinfo=UTC).timestamp()))
    assert [d["event_id_cnty"] for d in deleted] == ["YEM1"]
    assert deleted[0]["deleted_timestamp"] >= int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
    assert "YEM1" not in {e["event_id_cnty"] for e in client.get_data(limit=5000, fields="event_id_cnty")}
