"""`marsad eval` on realdev must print the acceptance ruler's figures (../shared/tools/score.py).

Both read ../shared/realdev at run time (or $MARSAD_REALDEV); the tests skip when it or the
ruler is absent. Two sets of predictions are scored by both: the extractor's own, and gold
events disturbed at random (dates, places, actors, aliases, types, tolls, duplicates, drops),
which reach corners of the matching the extractor may not today.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from marsad.evaluation import realdev
from marsad.evaluation.commands import run_extractor, write_predictions
from marsad.evaluation.gold import GoldReport
from marsad.evaluation.metrics import EvalResult, evaluate
from marsad.evaluation.ruler import OFFICIAL
from marsad.models import Event

FOUND = realdev.find_realdev()
SCORE_PY = FOUND.parent / "tools" / "score.py" if FOUND else None
pytestmark = pytest.mark.skipif(
    FOUND is None or SCORE_PY is None or not SCORE_PY.is_file(),
    reason=f"realdev or its ruler absent (looked in {', '.join(map(str, realdev.candidate_dirs()))})",
)


@pytest.fixture(scope="module")
def reports() -> list[GoldReport]:
    assert FOUND is not None
    return realdev.load_realdev(FOUND / realdev.GOLD_FILE, FOUND / realdev.ARTICLES_FILE)


def ruler_figures(pred_file: Path) -> dict[str, object]:
    assert FOUND is not None and SCORE_PY is not None
    out = subprocess.run(
        [sys.executable, str(SCORE_PY), str(FOUND / realdev.GOLD_FILE), str(pred_file), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def assert_same(res: EvalResult, ruler: dict) -> None:  # type: ignore[type-arg]
    det, e2e = ruler["detection"], ruler["end_to_end"]
    assert (res.detection.tp, res.detection.fp, res.detection.fn) == (det["tp"], det["fp"], det["fn"])
    assert (res.argument.tp, res.argument.fp, res.argument.fn) == (e2e["tp"], e2e["fp"], e2e["fn"])
    for mine, theirs in (
        (res.detection.precision, det["p"]),
        (res.detection.recall, det["r"]),
        (res.detection.f1, det["f1"]),
        (res.argument.precision, e2e["p"]),
        (res.argument.recall, e2e["r"]),
        (res.argument.f1, e2e["f1"]),
    ):
        assert mine == pytest.approx(theirs, abs=1e-9)
    for field, acc in res.field_accuracy.items():
        assert acc == pytest.approx(ruler["field_accuracy_on_matched"][field], abs=1e-9), field
    assert res.n_matched == det["tp"]
    assert res.macro_e2e_f1 == pytest.approx(ruler["macro_end_to_end_f1"], abs=1e-9)


def test_extractor_predictions_score_as_the_ruler_scores_them(
    reports: list[GoldReport], tmp_path: Path
) -> None:
    preds = run_extractor(reports)
    pred_file = tmp_path / "pred.jsonl"
    write_predictions(pred_file, reports, preds)
    res = evaluate(reports, preds, bootstrap=0, ruler=OFFICIAL)
    theirs = ruler_figures(pred_file)
    assert theirs["pred_events"] == sum(len(a.pred) for a in res.articles)
    assert_same(res, theirs)


ALIASES = {
    "Islamic State (Syria)": "ISIS",
    "Houthi Movement": "the Houthis",
    "Military Forces of Syria (2000-2024)": "Syrian Army",
    "Al-Shabaab": "Al Shabab",
}
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"]


def disturb(e: Event, rng: random.Random, others: list[Event]) -> list[Event]:
    """Zero, one or two predictions made from one gold event."""
    r = rng.random()
    if r < 0.12:
        return []
    p = e.model_copy(deep=True)
    if rng.random() < 0.3 and p.event_date:
        d = date.fromisoformat(p.event_date) + timedelta(days=rng.choice([-3, -2, -1, 1, 2, 3]))
        p.event_date = d.isoformat()
    elif rng.random() < 0.08:
        p.event_date = "" if p.event_date else "2018-01-01"
    if rng.random() < 0.3 and p.latitude is not None:
        p.latitude += rng.uniform(-0.6, 0.6)
        p.longitude += rng.uniform(-0.6, 0.6)  # type: ignore[operator]
        if rng.random() < 0.5:
            p.location = rng.choice([p.location, "", "Al " + p.location, "Nowhere"])
    elif rng.random() < 0.1:
        p.latitude = p.longitude = None
        p.admin1 = rng.choice([p.admin1, ""])
    if rng.random() < 0.3:
        p.actor1 = ALIASES.get(
            p.actor1, rng.choice([p.actor2, "The " + p.actor1, "Unidentified Armed Group"])
        )
    if rng.random() < 0.25:
        p.actor2 = rng.choice(["", p.actor1, "Civilians (Yemen)"])
    if rng.random() < 0.15:
        p.event_type = rng.choice(TYPES)
    if rng.random() < 0.2:
        p.sub_event_type = rng.choice(["Armed clash", "Air/drone strike", ""])
    if rng.random() < 0.3:
        p.fatalities = rng.choice([0, p.fatalities + 1, max(0, p.fatalities - 2)])
    if rng.random() < 0.1:
        p.primary = not p.primary
    out = [p]
    if r > 0.85:  # told twice, as over-splitting extractors do
        out.append(p.model_copy(update={"fatalities": p.fatalities + 1}))
    if r > 0.93 and others:  # an event borrowed from another report
        out.append(rng.choice(others).model_copy(deep=True))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_disturbed_gold_scores_as_the_ruler_scores_it(
    reports: list[GoldReport], tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    every = [e for r in reports for e in r.events]
    preds: dict[str, list[Event]] = {}
    for rep in reports:
        if rng.random() < 0.05:
            continue  # no line at all for this report
        events = [p for e in rep.events for p in disturb(e, rng, every)]
        rng.shuffle(events)
        preds[rep.id] = events
    pred_file = tmp_path / "pred.jsonl"
    write_predictions(pred_file, reports, preds)
    res = evaluate(reports, preds, bootstrap=0, ruler=OFFICIAL)
    assert 0.2 < res.detection.f1 < 0.95  # disturbed enough to exercise the matcher
    assert_same(res, ruler_figures(pred_file))
