"""Extraction benchmark: throughput, peak memory, cold and warm start.

Every measurement runs in a fresh Python process, so imports and caches are counted honestly:

- cold start: a new process with an empty cache folder (MARSAD_CACHE_DIR) imports marsad and
  extracts one report; wall time from spawn to exit;
- warm start: the same, with the caches the cold run built (median of 3);
- throughput: reports/s over the corpus with 1 process and with `--workers 2`, after one
  warm-up report (so it measures steady state, pool start-up included);
- peak RSS: the largest sum of resident memory over the whole process tree (the process and
  all its worker processes), sampled from /proc every 20 ms.

    python bench/make_corpus.py -o out/bench_corpus.jsonl
    python bench/bench_extract.py out/bench_corpus.jsonl --n 1000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "out" / "bench_corpus.jsonl"

# Runs in the measured process. argv: mode corpus n workers extractor("module:function").
CHILD = r"""
import importlib, json, resource, sys, time
t0 = time.perf_counter()
mode, corpus, n, workers, target = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
mod, fn = target.split(":")
extract_many = getattr(importlib.import_module(mod), fn)
from marsad.models import Article
with open(corpus, encoding="utf-8") as fh:
    arts = [Article.model_validate_json(line) for _, line in zip(range(n), fh) if line.strip()]
t_import = time.perf_counter()
out = {"import_s": t_import - t0}
if mode == "start":
    for _a, _ev in extract_many(arts[:1], workers=1):
        pass
    out["first_s"] = time.perf_counter() - t0
else:
    for _a, _ev in extract_many(arts[:1], workers=1):  # warm-up: lazy loads stay out of the timing
        pass
    t1 = time.perf_counter()
    k = events = 0
    for _a, evs in extract_many(arts, workers=workers):
        k += 1
        events += len(evs)
    out.update(seconds=time.perf_counter() - t1, reports=k, events=events)
_ru = resource.getrusage(resource.RUSAGE_SELF)
out["cpu_s"] = _ru.ru_utime + _ru.ru_stime
out["self_maxrss_kib"] = _ru.ru_maxrss
out["children_maxrss_kib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps(out))
"""


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    """The root and all its descendants, from /proc/*/stat parent ids."""
    parent: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name may contain spaces
        parent.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parent.get(pid, []))
    return out


@dataclass
class Run:
    wall_s: float
    peak_tree_kib: int
    child: dict = field(default_factory=dict)


def run_child(mode: str, corpus: Path, n: int, workers: int, extractor: str, cache_dir: Path) -> Run:
    env = {**os.environ, "MARSAD_CACHE_DIR": str(cache_dir)}
    args = [sys.executable, "-c", CHILD, mode, str(corpus), str(n), str(workers), extractor]
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, sum(_rss_kib(p) for p in _tree(proc.pid)))
            stop.wait(0.02)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed ({mode}, workers={workers}):\n{err[-2000:]}")
    child = json.loads(out.strip().splitlines()[-1])
    # /proc sampling can miss a short spike; the kernel's high-water marks cannot.
    peak = max(peak, child["self_maxrss_kib"])
    return Run(wall, peak, child)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "corpus",
        type=Path,
        nargs="?",
        default=DEFAULT_CORPUS,
        help="JSONL of articles (default: out/bench_corpus.jsonl, built by make_corpus.py if missing)",
    )
    ap.add_argument("--n", type=int, default=1000, help="reports to extract per throughput run")
    ap.add_argument("--extractor", default="marsad:extract_many", help="module:function to time")
    ap.add_argument("--skip-workers", action="store_true", help="only the single-process run")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        # `make bench` runs without arguments: build the default corpus (seed 7, 1,000 reports).
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_corpus

        make_corpus.main(["-o", str(args.corpus), "--n", str(max(args.n, 1000))])

    with tempfile.TemporaryDirectory(prefix="marsad-bench-cache-") as tmp:
        cache = Path(tmp)
        cold = run_child("start", args.corpus, 1, 1, args.extractor, cache)
        warm_runs = [run_child("start", args.corpus, 1, 1, args.extractor, cache) for _ in range(3)]
        warm = sorted(warm_runs, key=lambda r: r.wall_s)[1]
        tput = {1: run_child("throughput", args.corpus, args.n, 1, args.extractor, cache)}
        if not args.skip_workers:
            tput[2] = run_child("throughput", args.corpus, args.n, 2, args.extractor, cache)

    figures = {
        "corpus": str(args.corpus),
        "cpu_count": os.cpu_count(),
        "cold_start_s": round(cold.wall_s, 3),
        "cold_import_s": round(cold.child["import_s"], 3),
        "warm_start_s": round(warm.wall_s, 3),
        "warm_start_all_s": [round(r.wall_s, 3) for r in warm_runs],
        "warm_import_s": round(warm.child["import_s"], 3),
        "cold_peak_rss_mib": round(cold.peak_tree_kib / 1024, 1),
        "warm_peak_rss_mib": round(warm.peak_tree_kib / 1024, 1),
        "throughput": {
            str(w): {
                "reports": r.child["reports"],
                "events": r.child["events"],
                "seconds": round(r.child["seconds"], 3),
                "reports_per_s": round(r.child["reports"] / r.child["seconds"], 2)
                if r.child["seconds"]
                else None,
                "peak_rss_tree_mib": round(r.peak_tree_kib / 1024, 1),
            }
            for w, r in tput.items()
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    t = Table(title=f"marsad extraction benchmark ({figures['cpu_count']} CPUs, {args.corpus.name})")
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_column("peak RSS (tree)", justify="right")
    t.add_row(
        "cold start: spawn → first report (empty cache)",
        f"{cold.wall_s:.2f} s",
        f"{cold.peak_tree_kib / 1024:.0f} MiB",
    )
    t.add_row(
        "warm start: spawn → first report (caches built)",
        f"{warm.wall_s:.2f} s",
        f"{warm.peak_tree_kib / 1024:.0f} MiB",
    )
    for w, r in tput.items():
        rate = figures["throughput"][str(w)]["reports_per_s"]
        t.add_row(
            f"throughput, workers={w} ({r.child['reports']} reports, {r.child['events']} events)",
            f"{rate} reports/s",
            f"{r.peak_tree_kib / 1024:.0f} MiB",
        )
    Console().print(t)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
