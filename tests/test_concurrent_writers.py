"""Two `marsad ingest` processes into one new SQLite file: both wait their turn, none fails with
"database is locked", the schema is created once, and every report is stored exactly once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from store_fixtures import write_reports


def test_two_ingests_into_one_new_sqlite_file(tmp_path: Path) -> None:
    write_reports(tmp_path / "a", 60)
    write_reports(tmp_path / "b", 60, variant=1)  # the same events from other outlets: dedup races too
    db = tmp_path / "shared.sqlite"  # not created yet: both processes run the migrations
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "marsad.cli",
                "ingest",
                str(tmp_path / x),
                "--db",
                f"sqlite:///{db}",
                "--coded",
                "-q",
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for x in "ab"
    ]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    # Before: one run died on "table id_counters already exists" or "database is locked".
    assert [rc for rc, _ in results] == [0, 0], results
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone() == (
            120,
            120,
        )
        assert con.execute("SELECT count(*) FROM events").fetchone() == (120,)
        assert con.execute("SELECT count(*) FROM events WHERE status = 'merged'").fetchone() == (60,)
        ids = [r[0] for r in con.execute("SELECT event_id_cnty FROM events")]
        assert len(set(ids)) == 120
        assert con.execute("SELECT group_concat(status) FROM ingest_runs").fetchone()[0] == "done,done"
    finally:
        con.close()
