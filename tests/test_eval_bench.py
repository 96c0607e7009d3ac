"""The benchmark tools: a deterministic corpus, and a harness that reports every figure."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.evaluation.gold import seed_to_gold

REPO = Path(__file__).resolve().parents[1]
SEED = Path("/work/shared/seed")


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    # Two short reports of our own plus the seed, so paragraphs get recombined across reports.
    recs = [
        {"id": "a", "published": "2021-05-02", "text": "قُتل ثلاثة مدنيين بقصف مدفعي على مدينة إدلب.\nوأفاد مرصد محلي بأن القصف استمر ساعة."},
        {"id": "b", "published": "2021-05-03", "text": "انفجرت عبوة ناسفة في الموصل صباح اليوم.\nولم تتبن أي جهة التفجير حتى الآن."},
    ]  # fmt: skip
    if SEED.is_dir():
        gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
        recs.append(seed_to_gold((SEED / "article.txt").read_text(encoding="utf-8"), gold))
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def test_corpus_is_deterministic_padded_and_recombined(gold_file: Path) -> None:
    mc = _load("make_corpus")
    a = mc.make_corpus(gold_file, 60, seed=3, target_bytes=2048)
    b = mc.make_corpus(gold_file, 60, seed=3, target_bytes=2048)
    c = mc.make_corpus(gold_file, 60, seed=4, target_bytes=2048)
    assert a == b and a != c
    assert len({r["id"] for r in a}) == 60
    assert all(len(r["text"].encode("utf-8")) >= 2048 for r in a)
    # Paragraphs come from several reports, and places were swapped in some of them.
    assert any("إدلب" in r["text"] and "الموصل" in r["text"] for r in a)
    assert any(p in r["text"] for r in a for p in mc.PLACES if p not in ("إدلب", "الموصل", "السخنة", "تدمر"))


def test_bench_harness_runs_on_a_stub_extractor(gold_file: Path, tmp_path: Path) -> None:
    mc = _load("make_corpus")
    corpus = tmp_path / "corpus.jsonl"
    mc.main(["--gold", str(gold_file), "-o", str(corpus), "--n", "20"])
    (tmp_path / "stubx.py").write_text(
        "def extract_many(articles, workers=1):\n    for a in articles:\n        yield a, []\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench_extract.py"), str(corpus), "--n", "20", "--json",
         "--skip-workers", "--extractor", "stubx:extract_many"],
        capture_output=True, text=True, check=True, timeout=120,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    figs = json.loads(out.stdout)
    assert figs["throughput"]["1"]["reports"] == 20
    assert figs["cold_start_s"] > 0 and figs["warm_start_s"] > 0
    assert figs["throughput"]["1"]["peak_rss_tree_mib"] > 5
