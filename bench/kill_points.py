"""kill -9 at random points of `marsad ingest` (issue 8): after a re-run, 0 reports or events
lost, 0 stored twice, 0 duplicates left unmerged, on SQLite and PostgreSQL.

    python bench/kill_points.py                       # 40 points on each database
    python bench/kill_points.py --points 10 --db sqlite --seed 3

The inputs are raw reports (tests/store_fixtures.py: 14 distinct reports and 6 other outlets'
versions of some of them, so the post-ingest dedup has merges to make); each trial ingests them
with the real extractor in a child process that kills itself (SIGKILL) at one point, then runs
`marsad ingest` again on the same inputs and compares the store with a reference run that was
never killed. The points, each at the k-th time the run passes there (k drawn at random within
what the reference run counted):

| point | where the process dies |
|---|---|
| extract | inside the extractor, the report's events computed but not returned |
| store write | inside a write batch, after a report's rows were flushed, before the commit |
| commit | just after a transaction committed (any: runs log, batch, merges, dedup marks) |
| dedup merge | inside a dedup merge batch, after a merge, before its commit |
| dedup mark | after the merges, before the events are marked checked |
| run log | inside a transaction writing the run's row (start, stale-run repair, status), before its commit |

Prints one line per trial and a table per point: lost, duplicated, un-deduplicated, and whether
the re-run's log ends `done`. Exit 1 when anything was lost, duplicated or left unmerged.
tests/test_kill_points.py runs a few random points on both databases.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

from marsad.store.scratch import scratch_schema

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("MARSAD_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")
POINTS = ("extract", "store write", "commit", "dedup merge", "dedup mark", "run log")
N_REPORTS, N_VARIANTS = 14, 6

# The child: install the kill hook named by MARSAD_KILL_AT ("point:k"; "count" only counts and
# prints the counts as JSON on stderr at exit), then run the CLI with the given arguments.
CHILD = r"""
import atexit, json, os, signal, sys
point, _, k = os.environ["MARSAD_KILL_AT"].partition(":")
counts = {}
def passed(name):
    counts[name] = counts.get(name, 0) + 1
    if name == point and counts[name] == int(k):
        os.kill(os.getpid(), signal.SIGKILL)
def wrap(obj, attr, name, after=True):
    fn = getattr(obj, attr)
    def hooked(*a, **kw):
        if not after:
            passed(name)
        out = fn(*a, **kw)
        if after:
            passed(name)
        return out
    setattr(obj, attr, hooked)
import marsad.pipeline as mp
import marsad.ingest.pipeline as ip
import marsad.store.dedup as dd
import marsad.store.review as rv
from sqlalchemy import event
from sqlalchemy.orm import Session
wrap(mp.Pipeline, "extract_article", "extract")
wrap(ip, "add_article", "store write")
wrap(dd, "_merge_group", "dedup merge")
wrap(rv, "mark_checked", "dedup mark", after=False)
from marsad.store.schema import IngestRun
def bookkeeping(s):  # a transaction writing the run's row: die before it commits
    if any(isinstance(o, IngestRun) for o in (*s.new, *s.dirty)):
        passed("run log")
event.listen(Session, "before_commit", bookkeeping)
event.listen(Session, "after_commit", lambda s: passed("commit"))
if point == "count":
    atexit.register(lambda: sys.stderr.write("COUNTS " + json.dumps(counts) + "\n"))
from marsad.cli import app
sys.argv = ["marsad", *sys.argv[1:]]
app()
"""


def write_inputs(folder: Path) -> Path:
    """The reports as one raw JSONL file (text, no events: the extractor runs)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from store_fixtures import report

    lines = []
    for i in range(N_REPORTS):
        art, _ = report(i)
        lines.append(art)
    for i in range(N_VARIANTS):
        art, _ = report(i * 2, variant=1)
        lines.append(art)
    path = folder / "reports.jsonl"
    path.write_text("".join(a.model_dump_json() + "\n" for a in lines), encoding="utf-8")
    return path


@dataclass
class Snapshot:
    articles: Counter = field(default_factory=Counter)  # article_id -> rows
    events: Counter = field(default_factory=Counter)  # (article_id, event signature) -> event rows
    active: int = 0
    unchecked: int = 0
    runs: list[str] = field(default_factory=list)


def snapshot(url: str) -> Snapshot:
    eng = create_engine(url)
    snap = Snapshot()
    try:
        with eng.connect() as c:
            snap.articles = Counter(r[0] for r in c.execute(text("SELECT article_id FROM articles")))
            # Every event row, by the report it was coded from (merges move links, not this).
            rows = c.execute(
                text(
                    "SELECT article_id, event_date, event_type, sub_event_type, actor1, location FROM events"
                )
            )
            snap.events = Counter(tuple(str(v) for v in r) for r in rows)
            snap.active = c.execute(
                text("SELECT count(*) FROM events WHERE status NOT IN ('rejected', 'merged')")
            ).scalar_one()
            snap.unchecked = c.execute(
                text("SELECT count(*) FROM events WHERE NOT dedup_checked")
            ).scalar_one()
            snap.runs = [r[0] for r in c.execute(text("SELECT status FROM ingest_runs ORDER BY id"))]
    finally:
        eng.dispose()
    return snap


@dataclass
class Trial:
    db: str
    point: str
    k: int
    killed: bool
    lost: int
    duplicated: int
    undeduplicated: int
    last_run: str
    seconds: float

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.undeduplicated) and self.last_run == "done"


def compare(ref: Snapshot, got: Snapshot) -> tuple[int, int, int]:
    """(lost, duplicated, un-deduplicated): reports and event rows missing or doubled against the
    reference; active events beyond the reference's plus events never checked for duplicates."""
    lost = sum((ref.articles - got.articles).values()) + sum((ref.events - got.events).values())
    dup = sum((got.articles - ref.articles).values()) + sum((got.events - ref.events).values())
    undedup = max(0, got.active - ref.active) + got.unchecked
    return lost, dup, undedup


@contextlib.contextmanager
def fresh_db(kind: str, workdir: Path) -> Iterator[str]:
    if kind == "sqlite":
        path = workdir / f"kill-{uuid.uuid4().hex[:8]}.sqlite"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    with scratch_schema(PG_URL, "kill") as url:
        yield url


def ingest(url: str, inputs: Path, kill_at: str | None, timeout: float = 600) -> subprocess.CompletedProcess:
    args = ["ingest", str(inputs), "--db", url, "-q"]
    env = {**os.environ}
    if kill_at is None:
        cmd = [sys.executable, "-m", "marsad.cli", *args]
    else:
        cmd = [sys.executable, "-c", CHILD, *args]
        env["MARSAD_KILL_AT"] = kill_at
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)


def reference(kind: str, inputs: Path, workdir: Path) -> tuple[Snapshot, dict[str, int]]:
    """The store after one run that was never killed, and how often it passed each point."""
    with fresh_db(kind, workdir) as url:
        run = ingest(url, inputs, "count")
        if run.returncode != 0:
            raise RuntimeError(f"reference ingest failed ({run.returncode}): {run.stderr[-2000:]}")
        counts = json.loads(next(x for x in run.stderr.splitlines() if x.startswith("COUNTS "))[7:])
        return snapshot(url), counts


def trial(kind: str, inputs: Path, workdir: Path, ref: Snapshot, point: str, k: int) -> Trial:
    t0 = time.perf_counter()
    with fresh_db(kind, workdir) as url:
        first = ingest(url, inputs, f"{point}:{k}")
        killed = first.returncode == -signal.SIGKILL
        if not killed and first.returncode not in (0, 1):
            raise RuntimeError(f"{point}:{k}: the run failed ({first.returncode}): {first.stderr[-2000:]}")
        rerun = ingest(url, inputs, None)
        if rerun.returncode != 0:
            raise RuntimeError(f"{point}:{k}: the re-run failed ({rerun.returncode}): {rerun.stderr[-2000:]}")
        got = snapshot(url)
    lost, dup, undedup = compare(ref, got)
    return Trial(
        kind, point, k, killed, lost, dup, undedup, got.runs[-1] if got.runs else "", time.perf_counter() - t0
    )


def draw(counts: dict[str, int], n: int, rng: random.Random) -> list[tuple[str, int]]:
    """n (point, k) pairs: points in turn (so each is hit about n/6 times), k uniform within the
    reference's count of that point (see pick_k)."""
    usable = [p for p in POINTS if counts.get(p, 0) > 0]
    return [(p, pick_k(p, counts, rng)) for p in (usable[i % len(usable)] for i in range(n))]


def pick_k(point: str, counts: dict[str, int], rng: random.Random) -> int:
    # How many transactions a run commits depends on timing (a write batch also commits after
    # a second): stay within the first three quarters, which every run reaches.
    top = counts[point] * 3 // 4 if point == "commit" else counts[point]
    return rng.randint(1, max(1, top))


def run(kinds: list[str], points: int, seed: int, workdir: Path, out=print) -> list[Trial]:
    trials: list[Trial] = []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp))
        for kind in kinds:
            ref, counts = reference(kind, inputs, workdir)
            out(f"\n== {kind}: reference run: {sum(ref.articles.values())} reports, "
                f"{sum(ref.events.values())} event rows, {ref.active} active after dedup; passes: {counts} ==")  # fmt: skip
            for point, k in draw(counts, points, random.Random(seed)):
                t = trial(kind, inputs, workdir, ref, point, k)
                trials.append(t)
                out(f"  {point:12} k={k:<3} {'killed' if t.killed else 'not reached':11} lost {t.lost} "
                    f"duplicated {t.duplicated} un-deduplicated {t.undeduplicated} last run {t.last_run:11} "
                    f"{t.seconds:5.1f} s {'ok' if t.ok else 'FAIL'}")  # fmt: skip
    return trials


def table(trials: list[Trial], out=print) -> None:
    out(
        f"\n{'db':10} {'point':12} {'trials':>6} {'killed':>6} {'lost':>5} {'dup':>5} {'undedup':>7} {'not done':>8}"
    )
    for kind in dict.fromkeys(t.db for t in trials):
        for point in POINTS:
            ts = [t for t in trials if t.db == kind and t.point == point]
            if ts:
                out(f"{kind:10} {point:12} {len(ts):6d} {sum(t.killed for t in ts):6d} "
                    f"{sum(t.lost for t in ts):5d} {sum(t.duplicated for t in ts):5d} "
                    f"{sum(t.undeduplicated for t in ts):7d} {sum(t.last_run != 'done' for t in ts):8d}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--points", type=int, default=40, help="kill points per database")
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--workdir", type=Path, default=Path(".marsad"))
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    t0 = time.perf_counter()
    trials = run(kinds, args.points, args.seed, args.workdir)
    table(trials)
    bad = [t for t in trials if not t.ok]
    print(f"\n{len(trials)} trials, {sum(t.killed for t in trials)} killed, {len(bad)} failed; "
          f"{time.perf_counter() - t0:.0f} s")  # fmt: skip
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
