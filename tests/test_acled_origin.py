"""The origin filter (ACLED export rows, marsad's coding, both, only one) on marsad's own API,
`marsad export` and the stats, with the same answers as /api/acled/read's `origin=`.

The store is api_fixtures' four reports plus tests/fixtures/acled/export_sample.csv: IRQ1 and SYR1
are in both, SYR900102, LBN900401 and YEM900301 only in ACLED's export, SYR2 and YEM1 only in marsad.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api_fixtures import *  # noqa: F403  (api_store, client fixtures)
from api_fixtures import make_client
from marsad.ingest.acled_csv import load_export
from marsad.store import EventFilter

pytestmark = pytest.mark.filterwarnings("ignore:.*httpx.*:DeprecationWarning")

EXPORT = Path(__file__).parent / "fixtures" / "acled" / "export_sample.csv"
EXPECTED = {
    "both": {"IRQ1", "SYR1"},
    "acled_only": {"SYR900102", "LBN900401", "YEM900301"},
    "marsad_only": {"SYR2", "YEM1"},
    "acled": {"IRQ1", "SYR1", "SYR900102", "LBN900401", "YEM900301"},
    "marsad": {"IRQ1", "SYR1", "SYR2", "YEM1"},
}


def test_origin_on_events_stats_and_export(api_store) -> None:
    load_export(api_store, EXPORT)
    with make_client(api_store) as c:
        for origin, ids in EXPECTED.items():
            page = c.get("/api/events", params={"origin": origin, "limit": 100}).json()
            assert {e["event_id_cnty"] for e in page["items"]} == ids, origin
            assert page["total"] == len(ids)
            acled = c.get("/api/acled/read", params={"origin": origin, "fields": "event_id_cnty"}).json()
            assert {r["event_id_cnty"] for r in acled["data"]} == ids  # one definition, two APIs
            stats = c.get("/api/stats", params={"origin": origin}).json()
            assert stats["total_events"] == len(ids), origin
            body = c.get("/api/export", params={"origin": origin, "format": "csv"}).text
            assert {r["event_id_cnty"] for r in csv.DictReader(io.StringIO(body.lstrip("\ufeff")))} == ids
        # Combined with the other filters: only-ACLED events in Syria.
        page = c.get("/api/events", params={"origin": "acled_only", "country": "SYR"}).json()
        assert [e["event_id_cnty"] for e in page["items"]] == ["SYR900102"]
        points = c.get("/api/events/points", params={"origin": "marsad_only"}).json()
        assert {p["id"] for p in points["points"]} <= EXPECTED["marsad_only"]
        bad = c.get("/api/events", params={"origin": "gdelt"})
        assert bad.status_code == 422
        assert "origin" in bad.text
    assert api_store.count_events(EventFilter(origin="both")) == 2


def test_export_command_origin(sqlite_store, tmp_path: Path) -> None:
    from marsad.cli import app

    load_export(sqlite_store, EXPORT)
    runner = CliRunner()
    out = tmp_path / "missed.jsonl"
    res = runner.invoke(app, ["export", str(out), "--db", sqlite_store.url, "--origin", "acled_only"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["event_id_cnty"] for r in rows} == EXPECTED["acled_only"]
    res = runner.invoke(app, ["export", str(out), "--db", sqlite_store.url, "--origin", "Marsad_Only"])
    assert res.exit_code == 0, res.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    res = runner.invoke(app, ["export", str(out), "--db", sqlite_store.url, "--origin", "nobody"])
    assert res.exit_code != 0
    assert "origin" in res.output
