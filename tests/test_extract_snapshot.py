"""Extraction output is pinned: speed work must not change a byte of it.

The events of every data/gold report (and of ../shared/realdev when present) are dumped
canonically by bench/extract_snapshot.py and compared with a committed SHA-256. A change that is
*meant* to alter the output rewrites the hashes with
`python bench/extract_snapshot.py --update` (with MARSAD_REALDEV set, so realdev's hash follows).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def _snapshot_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("extract_snapshot", REPO / "bench" / "extract_snapshot.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_extraction_unchanged() -> None:
    snap = _snapshot_module()
    got = snap.sha256(snap.snapshot(snap.gold_articles()))
    assert got == snap.GOLD_HASH.read_text(encoding="ascii").strip(), (
        "extraction output on data/gold changed; if meant, run bench/extract_snapshot.py --update"
    )


def test_realdev_extraction_unchanged() -> None:
    snap = _snapshot_module()
    arts = snap.realdev_articles()
    if arts is None:
        pytest.skip("realdev absent (../shared/realdev or $MARSAD_REALDEV)")
    got = snap.sha256(snap.snapshot(arts))
    assert got == snap.REALDEV_HASH.read_text(encoding="ascii").strip(), (
        "extraction output on realdev changed; if meant, run bench/extract_snapshot.py --update"
    )
