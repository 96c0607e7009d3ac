"""Acceptance: the seed report gives the two gold events (CODING.md; ../shared/seed/gold.json)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import marsad
from marsad.models import Event

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"

FIELDS = ["event_type", "sub_event_type", "actor1", "actor2", "event_date", "fatalities"]


def _gold() -> list[dict]:
    return json.loads((SEED_DIR / "gold.json").read_text(encoding="utf-8"))["events"]


def _km(e: Event, g: dict) -> float:
    p = math.pi / 180
    a, b, c, d = e.latitude or 0.0, e.longitude or 0.0, g["latitude"], g["longitude"]
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _base(actor: str) -> str:
    return actor.split("(")[0].strip().lower()


def _check(events: list[Event], dated: bool) -> None:
    gold = _gold()
    assert len(events) == len(gold), [(e.event_type, e.actor1, e.actor2) for e in events]
    for g in gold:
        (e,) = [e for e in events if e.event_type == g["event_type"]]
        assert e.sub_event_type == g["sub_event_type"]
        assert _base(e.actor1) == _base(g["actor1"]) and _base(e.actor2) == _base(g["actor2"])
        assert e.fatalities == g["fatalities"]
        assert _km(e, g) <= 25, (e.location, e.latitude, e.longitude)
        if dated:
            assert e.event_date == g["event_date"] and e.time_precision == 1
        else:
            assert e.event_date == "" and e.time_precision == 3
        # Every coded argument points at words of the report.
        for field in ("actor1", "actor2", "event_type", "location"):
            assert e.evidence.get(field), field


def test_seed_with_publication_date(seed_text: str) -> None:
    _check(marsad.extract(seed_text, published="2020-08-19"), dated=True)


def test_seed_without_publication_date(seed_text: str) -> None:
    _check(marsad.extract(seed_text), dated=False)


def test_seed_evidence_spans_are_exact(seed_text: str) -> None:
    for e in marsad.extract(seed_text, published="2020-08-19"):
        for spans in e.evidence.values():
            for s in spans:
                assert seed_text[s.start : s.end] == s.text


def test_seed_cli_and_seed_check(tmp_path: Path, seed_text: str) -> None:
    out = tmp_path / "seed.jsonl"
    exe = Path(sys.executable).parent / "marsad"
    r = subprocess.run(
        [str(exe), "extract", str(SEED_DIR / "article.txt"), "--published", "2020-08-19", "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    check = SEED_DIR.parent / "tools" / "seed_check.py"
    r2 = subprocess.run([sys.executable, str(check), str(out)], capture_output=True, text=True, timeout=60)
    assert r2.returncode == 0, r2.stdout
