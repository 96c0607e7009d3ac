"""CPU cost of extraction per report, against the cost of folding plus one automaton pass.

Measured in this process, one report at a time, with the process CPU clock (so a busy machine
slows the wall clock, not these figures much):

- per corpus (realdev articles repeated ×10, data/gold dev+test): CPU ms per report, median
  and p90; reports/s per core (reports / CPU seconds); the *limit*: folding the text and
  running one Aho-Corasick pass over every lexicon and gazetteer key, measured on the same
  reports in the same run, and the ratio of extraction's median to the limit's;
- ms/KB by length, from 2 KB to the 200,000-character cap, on reports built by concatenating
  data/gold texts (our own): flat means no super-linear term;
- start-up, each in a fresh process (bench_extract.run_child): cold (empty cache folder) and
  warm (caches built; median of 3) wall and CPU seconds spawn → first report, and peak RSS
  (run first, while this process is small: Linux carries the peak RSS over fork and exec);
  peak RSS of this process after the corpora (steady state) and after the long reports.

    python bench/bench_cpu.py                # table
    python bench/bench_cpu.py --json         # figures as JSON
    python bench/bench_cpu.py --quick        # ×3 instead of ×10, no start-up runs

realdev is found as `marsad eval --realdev` finds it ($MARSAD_REALDEV or ../shared/realdev).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_extract  # noqa: E402  (a sibling script, not a package)
import extract_snapshot  # noqa: E402

LENGTHS = (2_048, 8_192, 32_768, 65_536, 131_072, 200_000)  # characters; 200,000 is MAX_CHARS


def _cpu_ms(fn: Callable[[], object]) -> float:
    t0 = time.process_time_ns()
    fn()
    return (time.process_time_ns() - t0) / 1e6


def _pct(xs: Sequence[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def limit_fn() -> Callable[[str], object]:
    """Fold + one Aho-Corasick pass over every key of every matcher: the floor of lexical work."""
    import ahocorasick

    from marsad.knowledge.resources import get_knowledge
    from marsad.text.normalize import fold_with_map

    k = get_knowledge()
    auto = ahocorasick.Automaton()
    for m in (k.actor_matcher, k.trigger_matcher, k.weapon_matcher, k.place_matcher):
        for key in m._entries:
            auto.add_word(key, key)
    auto.make_automaton()

    def run(text: str) -> object:
        return sum(1 for _ in auto.iter(fold_with_map(text).text))

    return run


def per_report(articles: list[Any], repeat: int, limit: Callable[[str], object]) -> dict[str, Any]:
    from marsad.pipeline import default_pipeline

    p = default_pipeline()
    ext: list[float] = []
    lim: list[float] = []
    for _ in range(repeat):  # pass by pass, so no per-text cache carries a report to its repeat
        for a in articles:
            ext.append(_cpu_ms(lambda a=a: p.extract_article(a)))
            lim.append(_cpu_ms(lambda a=a: limit(a.text)))
    kb = [len(a.text.encode("utf-8")) / 1024 for a in articles]
    med, lmed = statistics.median(ext), statistics.median(lim)
    return {
        "reports": len(ext),
        "median_kb": round(statistics.median(kb), 2),
        "cpu_ms_median": round(med, 3),
        "cpu_ms_p90": round(_pct(ext, 0.9), 3),
        "reports_per_s_per_core": round(1000 * len(ext) / sum(ext), 1),
        "limit_ms_median": round(lmed, 3),
        "ratio_to_limit": round(med / lmed, 1) if lmed else None,
    }


def by_length(texts: list[str], repeat: int) -> list[dict[str, Any]]:
    from marsad.models import Article
    from marsad.pipeline import default_pipeline

    p = default_pipeline()
    joined = "\n".join(texts)
    while len(joined) < max(LENGTHS):
        joined += "\n" + joined
    out = []
    for n in LENGTHS:
        # A few different windows of the joined text per length (fewer for the long ones).
        k = max(1, min(8, 64_000 // n))
        step = max(1, (len(joined) - n) // k)
        arts = [
            Article(id=f"len{n}-{i}", text=joined[i * step : i * step + n], published="2021-03-01")
            for i in range(k)
        ]
        ms: list[float] = []
        for _ in range(repeat if n <= 32_768 else 1):
            ms.extend(_cpu_ms(lambda a=a: p.extract_article(a)) for a in arts)
        kb = statistics.mean(len(a.text.encode("utf-8")) for a in arts) / 1024
        med = statistics.median(ms)
        out.append(
            {"chars": n, "kb": round(kb, 1), "cpu_ms_median": round(med, 2), "ms_per_kb": round(med / kb, 3)}
        )
    return out


def startup(articles: list[Any], runs: int = 3) -> dict[str, Any]:
    """Cold and warm start in fresh processes (spawn → one report extracted), CPU and peak RSS."""
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        corpus = Path(tmp) / "one.jsonl"
        corpus.write_text(articles[0].model_dump_json() + "\n", encoding="utf-8")
        cache = Path(tmp) / "cache"
        cache.mkdir()
        cold = bench_extract.run_child("start", corpus, 1, 1, "marsad:extract_many", cache)
        warm = [
            bench_extract.run_child("start", corpus, 1, 1, "marsad:extract_many", cache) for _ in range(runs)
        ]
    mid = sorted(warm, key=lambda r: r.child["cpu_s"])[len(warm) // 2]
    return {
        "cold_wall_s": round(cold.wall_s, 3),
        "cold_cpu_s": round(cold.child["cpu_s"], 3),
        "cold_peak_rss_mib": round(cold.peak_tree_kib / 1024, 1),
        "warm_wall_s": round(mid.wall_s, 3),
        "warm_cpu_s": round(mid.child["cpu_s"], 3),
        "warm_import_s": round(mid.child["import_s"], 3),
        "warm_peak_rss_mib": round(mid.peak_tree_kib / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=10, help="passes over realdev (default 10)")
    ap.add_argument("--quick", action="store_true", help="3 passes, no start-up runs")
    ap.add_argument("--no-startup", action="store_true", help="skip the fresh-process start-up runs")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    repeat = 3 if args.quick else args.repeat

    from marsad.pipeline import default_pipeline

    gold = extract_snapshot.gold_articles()
    real = extract_snapshot.realdev_articles()
    figures: dict[str, Any] = {"corpora": {}}
    if not (args.quick or args.no_startup):
        # First, while this process is small: Linux carries a process's peak RSS over fork and
        # exec, so a child spawned from a grown benchmark would report the benchmark's peak.
        figures["startup"] = startup(gold)
    default_pipeline().warm()
    limit = limit_fn()
    if real:
        figures["corpora"][f"realdev x{repeat}"] = per_report(real, repeat, limit)
    figures["corpora"][f"data/gold x{repeat}"] = per_report(gold, repeat, limit)
    figures["steady_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    figures["by_length"] = by_length([a.text for a in gold], 3 if args.quick else 5)
    figures["peak_rss_after_long_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    figures["modules"] = _how_loaded()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    _print(figures)
    return 0


def _how_loaded() -> dict[str, int]:
    """How many modules of the extraction path ran compiled, from source, or stale (setup.py)."""
    from collections import Counter

    from marsad import _compiled

    return dict(Counter(_compiled.status().values()))


def _print(f: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="marsad extraction: CPU per report (process CPU clock)")
    for col in (
        "corpus",
        "reports",
        "median KB",
        "ms median",
        "ms p90",
        "reports/s/core",
        "limit ms",
        "× limit",
    ):
        t.add_column(col, justify="right")
    for name, c in f["corpora"].items():
        t.add_row(
            name,
            str(c["reports"]),
            str(c["median_kb"]),
            str(c["cpu_ms_median"]),
            str(c["cpu_ms_p90"]),
            str(c["reports_per_s_per_core"]),
            str(c["limit_ms_median"]),
            str(c["ratio_to_limit"]),
        )
    lt = Table(title="by length (concatenated data/gold texts)")
    for col in ("chars", "KB", "ms median", "ms/KB"):
        lt.add_column(col, justify="right")
    for r in f["by_length"]:
        lt.add_row(str(r["chars"]), str(r["kb"]), str(r["cpu_ms_median"]), str(r["ms_per_kb"]))
    con = Console(width=120)
    con.print(t)
    con.print(lt)
    how = ", ".join(f"{n} {kind}" for kind, n in sorted(f["modules"].items())) or "no compiled build"
    con.print(f"modules of the extraction path: {how} (MARSAD_PURE_PYTHON=1: from source)")
    con.print(
        f"peak RSS of this process: {f['steady_peak_rss_mib']} MiB after the corpora, "
        f"{f['peak_rss_after_long_mib']} MiB after the long reports"
    )
    if s := f.get("startup"):
        con.print(
            f"cold start: {s['cold_wall_s']} s wall, {s['cold_cpu_s']} s CPU, peak {s['cold_peak_rss_mib']} MiB; "
            f"warm start: {s['warm_wall_s']} s wall, {s['warm_cpu_s']} s CPU (import {s['warm_import_s']} s), "
            f"peak {s['warm_peak_rss_mib']} MiB"
        )


if __name__ == "__main__":
    raise SystemExit(main())
