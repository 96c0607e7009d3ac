"""Exports: ACLED CSV, JSONL, GeoJSON, Parquet; filters; ids stable across runs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest import Prepared
from marsad.models import OUTPUT_COLUMNS
from marsad.store import EventFilter, Store
from marsad.store.export import STORE_COLUMNS
from store_fixtures import *  # noqa: F403  (db_url and store fixtures)
from store_fixtures import report


def _fill(store: Store, n: int = 8) -> None:
    rep = store.ingest_articles([Prepared(*report(i)) for i in range(n)] + [Prepared(*report(0, variant=1))])
    assert rep.merges == 1


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_has_acled_columns_and_stable_ids(store: Store, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "events.csv"
    assert store.export(out) == 8
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [*OUTPUT_COLUMNS, *STORE_COLUMNS]
    rows = _rows(out)
    assert [r["event_id_cnty"] for r in rows] == [f"SYR{i}" for i in range(1, 9)]
    first = rows[0]
    assert first["n_sources"] == "2" and first["fatalities"] == "2"
    assert json.loads(first["evidence"])["location"][0]["text"] == "السخنة"
    # The same export again is byte-identical; more reports later leave old ids where they were.
    again = tmp_path / "again.csv"
    store.export(again)
    assert again.read_bytes() == out.read_bytes()
    store.ingest_articles([Prepared(*report(i)) for i in range(8, 12)])
    store.export(tmp_path / "later.csv")
    later = {r["event_id_cnty"]: r["notes"] for r in _rows(tmp_path / "later.csv")}
    assert all(later[r["event_id_cnty"]] == r["notes"] for r in rows)
    assert len(later) == 12


def test_filters_apply_to_exports(store: Store, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "homs.jsonl"
    n = store.export(out, EventFilter(admin1="Homs"))
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(lines) == 4 and {x["admin1"] for x in lines} == {"Homs"}
    assert lines[0]["evidence"]["location"][0]["text"] == "السخنة"
    assert store.export(tmp_path / "none.jsonl", EventFilter(country="Iraq")) == 0
    assert store.export(tmp_path / "q.jsonl", EventFilter(q="الميادين")) == 1


def test_geojson_and_parquet(store: Store, tmp_path: Path) -> None:
    _fill(store, 4)
    assert store.export(tmp_path / "e.geojson") == 4
    gj = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 4
    f0 = gj["features"][0]
    assert f0["geometry"]["type"] == "Point" and f0["geometry"]["coordinates"] == [38.8711, 34.88533]
    assert f0["properties"]["event_id_cnty"] == "SYR1" and f0["properties"]["n_sources"] == 2
    assert store.export(tmp_path / "e.parquet") == 4
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column_names == [*OUTPUT_COLUMNS, *STORE_COLUMNS]
    rows = table.to_pylist()
    assert rows[0]["event_id_cnty"] == "SYR1" and rows[0]["fatalities"] == 2
    assert str(rows[0]["event_date"]) == "2020-08-01" and rows[0]["latitude"] == pytest.approx(34.88533)
    assert not list(tmp_path.glob("*.part"))


def test_export_cli(db_url: str, tmp_path: Path) -> None:
    st = Store(db_url)
    _fill(st, 6)
    st.close()
    runner = CliRunner()
    out = tmp_path / "cli.csv"
    res = runner.invoke(
        app,
        [
            "export",
            str(out),
            "--db",
            db_url,
            "--from",
            "2020-08-02",
            "--to",
            "2020-08-04",
            "--country",
            "Syria",
        ],
    )
    assert res.exit_code == 0, res.output
    assert [r["event_date"] for r in _rows(out)] == ["2020-08-02", "2020-08-03", "2020-08-04"]
    res = runner.invoke(app, ["export", str(tmp_path / "x.txt"), "--db", db_url])
    assert res.exit_code == 2 and "export format" in res.output
    res = runner.invoke(app, ["export", str(out), "--db", db_url, "--from", "yesterday"])
    assert res.exit_code != 0
    res = runner.invoke(
        app, ["export", str(tmp_path / "p.dat"), "--db", db_url, "--format", "parquet", "--actor", "islamic"]
    )
    assert res.exit_code == 0 and pq.read_table(tmp_path / "p.dat").num_rows == 6


def test_export_cli_warns_on_an_unknown_country_and_takes_arabic_names(db_url: str, tmp_path: Path) -> None:
    st = Store(db_url)
    _fill(st, 3)
    st.close()
    runner = CliRunner()
    out = tmp_path / "narnia.csv"
    res = runner.invoke(app, ["export", str(out), "--db", db_url, "--country", "Narnia"])
    assert res.exit_code == 0 and "warning" in res.output and "Narnia" in res.output
    assert _rows(out) == []
    # Known names, in English, Arabic or ISO3, give no warning; repeated options are alternatives.
    res = runner.invoke(app, ["export", str(out), "--db", db_url, "--country", "سوريا", "--country", "IRQ"])
    assert res.exit_code == 0 and "warning" not in res.output
    assert len(_rows(out)) == 3


def test_missing_inputs_leave_no_empty_outputs(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["extract", str(tmp_path / "missing.jsonl"), "-o", str(out)])
    assert res.exit_code == 2 and "no such file" in res.output
    res = runner.invoke(app, ["export", str(out), "--db", f"sqlite:///{tmp_path / 'missing.sqlite'}"])
    assert res.exit_code == 2 and "no database" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == []
