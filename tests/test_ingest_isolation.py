"""`marsad ingest` on SQLite and PostgreSQL: a record the store or the extractor cannot take is
rejected with its file, line and id; the records before and after it are stored; the run says
partial. A kill -9 inside the post-ingest dedup is repaired by the next run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.pipeline import run_ingest
from marsad.io.readers import REJECT_KEYS
from marsad.models import Article, Event
from marsad.store import Store
from store_fixtures import *  # noqa: F403  (db_url and store fixtures)
from store_fixtures import report, result_line, write_reports


def _line(art: Article, events: list[Event], **changes: object) -> str:
    obj = json.loads(result_line(art, events))
    for k, v in changes.items():
        if k.startswith("event."):
            obj["events"][0][k[6:]] = v
        else:
            obj[k] = v
    return json.dumps(obj, ensure_ascii=True)  # \ud800 and \u0000 stay escapes, as real feeds send them


def test_ingest_rejects_only_what_the_store_refuses(db_url: str, tmp_path: Path) -> None:
    r = [report(i) for i in range(9)]
    lines = [
        _line(*r[0]),
        _line(*r[1], text=r[1][0].text + "\ud800"),  # lone surrogate: cleaned, stored
        _line(*r[2], text=r[2][0].text.replace(" ", "\x00", 1), title="عنوان\x00"),  # NUL: cleaned, stored
        _line(*r[3], **{"event.fatalities": 3_000_000_000}),  # beyond INTEGER: rejected
        _line(*r[4], id="x" * 250),  # over-long id: rejected
        _line(*r[5], url="https://example.org/" + "a" * 2100),  # over-long url: rejected
        _line(*r[6], outlet="م" * 310),  # over-long outlet: rejected
        _line(*r[7], **{"event.actor1": "ق" * 400}),  # over-long actor: rejected
        _line(*r[8]),
    ]
    src = tmp_path / "coded.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rej_file = tmp_path / "rejects.jsonl"
    res = CliRunner().invoke(app, ["ingest", str(src), "--db", db_url, "--coded", "--rejects", str(rej_file)])
    assert res.exit_code == 1, res.output
    rejects = [json.loads(x) for x in rej_file.read_text(encoding="utf-8").splitlines()]
    assert all(tuple(x) == REJECT_KEYS for x in rejects)
    assert [(x["source"], x["line"]) for x in rejects] == [(str(src), n) for n in (4, 5, 6, 7, 8)]
    assert rejects[1]["id"] == "x" * 200 and "id is 250 characters" in rejects[1]["reason"]
    assert "fatalities" in rejects[0]["reason"] and "actor" in rejects[4]["reason"]
    st = Store(db_url)
    try:
        stored = {a.article_id for a in st.list_articles(limit=100).items}
        assert stored == {"r0000", "r0001", "r0002", "r0008"}
        assert "\ufffd" in (st.get_article("r0001").text)  # type: ignore[union-attr]
        assert "\x00" not in st.get_article("r0002").text  # type: ignore[union-attr]
        with st.session() as s:
            seen, added, status = s.execute(text("SELECT seen, added, status FROM ingest_runs")).one()
        assert (seen, added, status) == (9, 4, "partial")
        assert seen == added + len(rejects)
    finally:
        st.close()


def test_ingest_extraction_failure_costs_one_record(store: Store, tmp_path: Path) -> None:
    arts = [report(i)[0] for i in range(5)]
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": a.id, "text": a.text, "published": str(a.published)}) + "\n" for a in arts)
    )

    def extractor(a: Article) -> list[Event]:
        if a.id == "r0002":
            raise RuntimeError("recogniser bug")
        return []

    rep = run_ingest(store, [str(src)], extractor=extractor, follow_links=False)
    assert (rep.seen, rep.added, len(rep.rejects), rep.exit_code) == (5, 4, 1, 1)
    (r,) = rep.rejects
    assert (r.source, r.line, r.id) == (str(src), 3, "r0002") and "recogniser bug" in r.reason
    # The re-run finds the four stored and rejects the same one again: still nothing lost.
    rep = run_ingest(store, [str(src)], extractor=extractor, follow_links=False)
    assert (rep.seen, rep.skipped_duplicates, len(rep.rejects)) == (5, 4, 1)


KILL_IN_DEDUP = """
import os, signal, sys
import marsad.store.dedup as d
_merge = d._merge_group
def merge_then_die(*a, **k):
    out = _merge(*a, **k)
    os.kill(os.getpid(), signal.SIGKILL)  # inside the dedup, after one merge, before its commit
    return out
d._merge_group = merge_then_die
from marsad.cli import app
sys.argv = ["marsad", *sys.argv[1:]]
app()
"""


def test_kill_9_inside_dedup_is_repaired_by_the_next_run(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_reports(folder, 12)
    write_reports(folder, 5, variant=1)  # five events reported twice: five merges to make
    args = ["ingest", str(folder), "--db", db_url, "-q"]
    killed = subprocess.run([sys.executable, "-c", KILL_IN_DEDUP, *args], capture_output=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    st = Store(db_url)
    try:
        with st.session() as s:
            assert s.execute(text("SELECT status FROM ingest_runs")).scalar_one() == "deduplicating"
            assert s.execute(text("SELECT count(*) FROM articles")).scalar_one() == 17
            merged = s.execute(text("SELECT count(*) FROM events WHERE status = 'merged'")).scalar_one()
        assert merged == 0  # the merge batch died with the process
        # Nothing new to add: the re-run still finishes the dedup the killed run started.
        rerun = subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, timeout=300,
                               env={**os.environ})  # fmt: skip
        assert rerun.returncode == 0, rerun.stderr
        with st.session() as s:
            merged = s.execute(text("SELECT count(*) FROM events WHERE status = 'merged'")).scalar_one()
            statuses = [r[0] for r in s.execute(text("SELECT status FROM ingest_runs ORDER BY id"))]
            pending = s.execute(text("SELECT count(*) FROM events WHERE NOT dedup_checked")).scalar_one()
        assert merged == 5 and pending == 0
        assert statuses == ["interrupted", "done"]
    finally:
        st.close()
