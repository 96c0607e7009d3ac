"""`marsad ingest --acled`: an ACLED CSV export (tests/fixtures/acled/export_sample.csv, invented
events) loaded beside marsad's own events, on SQLite and PostgreSQL; every row accounted for;
dedup links the two; `compare-acled` and the origin filters show both, only ACLED, only marsad.

The store starts with the four reports of api_fixtures: IRQ1 (Tarmiyah IED), SYR1 (Ash Shuhayl
clash), SYR2 (Sarmin air strike), YEM1 (Taizz protest). The export has the same Tarmiyah and Ash
Shuhayl events, three events marsad lacks, and six malformed rows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api_fixtures import *  # noqa: F403  (api_store, client fixtures)
from api_fixtures import make_client
from marsad.ingest.acled_compare import CompareRow, compare_acled
from marsad.ingest.acled_csv import ExportError, load_export
from marsad.models import Article, Event
from marsad.store import EventFilter

pytestmark = pytest.mark.filterwarnings("ignore:.*httpx.*:DeprecationWarning")

EXPORT = Path(__file__).parent / "fixtures" / "acled" / "export_sample.csv"
REJECTS = [
    (8, "SYR900103", "event_date '2024-13-40' is not a date"),
    (9, "SYR900104", "unknown event_type 'Skirmish'"),
    (10, "SYR900105", "3 fields, expected 31"),
    (11, "SYR900102", "duplicate event_id_cnty (first on line 3)"),
    (13, "IRQ900202", "fatalities -2 is out of range"),
    (12, "SYR1", "event id already used by an event marsad coded"),
]
EXPECTED = [
    CompareRow("Iraq", "2024-03", both=1),
    CompareRow("Lebanon", "2024-03", only_acled=1),
    CompareRow("Syria", "2024-03", both=1, only_acled=1, only_marsad=1),
    CompareRow("Yemen", "2024-02", only_acled=1, only_marsad=1),
]


def test_load_accounts_for_every_row(api_store) -> None:
    rep = load_export(api_store, EXPORT)
    assert (rep.rows, rep.added, rep.already, rep.merges) == (11, 5, 0, 2)
    assert [(r.line, r.id, r.reason) for r in rep.rejects] == REJECTS
    assert all(r.source == str(EXPORT) for r in rep.rejects)
    assert rep.rows == rep.added + rep.already + len(rep.rejects)
    assert rep.exit_code == 1

    lbn = api_store.get_event("LBN900401").event
    assert lbn.status == "confirmed" and lbn.time_precision == 2
    assert (
        lbn.inter1 == 1 and lbn.inter2 == 7 and lbn.interaction == 17
    )  # labels stored as codes (an integer, like inter1/inter2)
    assert lbn.notes.endswith("(North),\naccused of smuggling weapons.")  # a note spanning two lines
    assert lbn.timestamp == 1710500000 and lbn.confidence == 1.0
    irq = api_store.get_event("IRQ900201")  # "12 March 2024": the older export date style
    assert irq.event.event_date == "2024-03-12"
    # Dedup linked ACLED's Tarmiyah and Ash Shuhayl rows to marsad's events of the same occurrence.
    assert irq.event.status == "merged" and irq.event.merged_into == "IRQ1"
    assert api_store.get_event("SYR900101").event.merged_into == "SYR1"
    assert set(api_store.get_event("SYR1").members) == {"SYR900101"}

    again = load_export(api_store, EXPORT)  # the same file again adds nothing, still accounts for all
    assert (again.added, again.already, len(again.rejects)) == (0, 5, 6)
    assert api_store.count_events(EventFilter(status=["confirmed", "merged"])) == 5


def test_compare_and_origin_filters(api_store) -> None:
    load_export(api_store, EXPORT)
    assert compare_acled(api_store) == EXPECTED
    assert compare_acled(api_store, country="syria") == [EXPECTED[2]]
    from datetime import date

    assert compare_acled(api_store, date_to=date(2024, 2, 29)) == [EXPECTED[3]]
    with make_client(api_store) as c:

        def origin(value: str) -> list[str]:
            body = c.get("/api/acled/read", params={"origin": value, "fields": "event_id_cnty"}).json()
            return [r["event_id_cnty"] for r in body["data"]]

        assert origin("both") == ["IRQ1", "SYR1"]
        assert origin("acled_only") == ["SYR900102", "LBN900401", "YEM900301"]
        assert origin("marsad_only") == ["SYR2", "YEM1"]
        assert origin("acled") == ["IRQ1", "SYR1", "SYR900102", "LBN900401", "YEM900301"]
        own = c.get("/api/events", params={"outlet": "ACLED", "sort": "-event_date"}).json()
        assert [e["event_id_cnty"] for e in own["items"]] == origin("acled")
        # ACLED rows absorbed by dedup are deletions to a tool syncing from marsad.
        gone = {d["event_id_cnty"] for d in c.get("/api/deleted/read").json()["data"]}
        assert gone == {"IRQ900201", "SYR900101"}


def test_marsad_ids_continue_past_acleds(api_store) -> None:
    load_export(api_store, EXPORT)
    art = Article(
        id="r-ariha",
        text="قصفت قوات النظام بالمدفعية الثقيلة أطراف مدينة أريحا جنوبي إدلب مساء اليوم دون ورود أنباء عن إصابات.",
        published="2024-03-14",
        outlet="شبكة شام",
    )
    ev = Event(
        event_date="2024-03-14",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-2024)",
        country="Syria",
        iso=760,
        location="Ariha",
    )
    _, ids = api_store.add_article(art, [ev])
    assert ids == ["SYR900103"]


def test_not_an_export(api_store, tmp_path: Path) -> None:
    bad = tmp_path / "events.csv"
    bad.write_text("id,date,place\n1,2024-03-01,Aleppo\n", encoding="utf-8")
    with pytest.raises(ExportError, match="missing column"):
        load_export(api_store, bad)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(EXPORT.read_bytes().replace(b"Ash Shuhayl", b"Ash Shuhayl \xe9"))
    with pytest.raises(ExportError, match="not UTF-8"):
        load_export(api_store, latin)
    assert api_store.count_events(EventFilter(status=["confirmed"])) == 0


def test_cli(sqlite_store, tmp_path: Path) -> None:
    from marsad.cli import app

    url = sqlite_store.url
    runner = CliRunner()
    copy = tmp_path / "export.csv"
    shutil.copy(EXPORT, copy)
    rejects = tmp_path / "rejects.jsonl"
    res = runner.invoke(app, ["ingest", "--acled", str(copy), "--db", url, "--rejects", str(rejects)])
    assert res.exit_code == 1, res.output
    assert "11 row(s): 5 added, 0 already stored, 6 rejected; 2 merge(s)" in res.output
    assert "line=12 id='SYR1'" in res.output
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 6
    res = runner.invoke(app, ["compare-acled", "--db", url])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert lines[2].split() == ["Iraq", "2024-03", "1", "0", "0"]
    assert lines[-1].split() == ["total", "2", "3", "2"]
    res = runner.invoke(app, ["compare-acled", "--db", url, "--json", "--country", "Yemen"])
    assert res.output.strip() == (
        '{"country": "Yemen", "month": "2024-02", "both": 0, "only_acled": 1, "only_marsad": 1}'
    )
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert runner.invoke(app, ["ingest", "--acled", str(empty), "--db", url]).exit_code == 2
    assert runner.invoke(app, ["ingest", "--db", url]).exit_code == 2
