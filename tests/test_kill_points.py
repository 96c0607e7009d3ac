"""kill -9 at random points of `marsad ingest` (extract, store write, commit, dedup, run log), on
SQLite and PostgreSQL: the re-run leaves 0 reports or events lost, 0 stored twice, 0 duplicates
unmerged, and its log says done. A few points per run; bench/kill_points.py runs 40 per database.
The points are drawn anew each run: the failure message names them (and MARSAD_KILL_SEED
replays a draw)."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from store_fixtures import pg_problem

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import kill_points as kp

POINTS_PER_DB = 2


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kp.write_inputs(tmp_path_factory.mktemp("kill"))


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_kill_9_at_random_points_loses_nothing(kind: str, inputs: Path, tmp_path: Path) -> None:
    if kind == "postgres" and pg_problem():
        pytest.skip(pg_problem() or "")
    seed = int(os.environ.get("MARSAD_KILL_SEED", random.randrange(10**6)))
    ref, counts = kp.reference(kind, inputs, tmp_path)
    assert ref.active < sum(ref.events.values()), "the inputs must give the dedup something to merge"
    rng = random.Random(seed)
    # One point inside the dedup or the run log every time (the case), the others anywhere.
    late = rng.choice([p for p in ("dedup merge", "dedup mark", "run log") if counts.get(p)])
    anywhere = [p for p in kp.POINTS if counts.get(p)]
    chosen = [late, *(rng.choice(anywhere) for _ in range(POINTS_PER_DB - 1))]
    for point in chosen:
        k = kp.pick_k(point, counts, rng)
        t = kp.trial(kind, inputs, tmp_path, ref, point, k)
        assert t.ok, f"{t} (MARSAD_KILL_SEED={seed})"
        assert t.killed, f"{point}:{k} was not reached (MARSAD_KILL_SEED={seed})"
