"""Spark throughput: reports/s of `marsad.spark.extract_files` under local[1] and local[2].

Builds a corpus with bench/make_corpus.py (under /tmp by default, never in the repo), then for
each master starts a fresh local SparkSession and runs the file extraction twice: "cold" includes
the Python workers' start and their knowledge load, "warm" reuses the same workers. Both write
Parquet under the work folder. A single-process `Pipeline.extract_article` loop is timed too.

    .venv/bin/python bench/bench_spark.py --n 1000 --masters 'local[1]' 'local[2]'
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import DEFAULT_GOLD, make_corpus

from marsad.models import Article
from marsad.pipeline import Pipeline


def _burn(_: int) -> float:
    t0 = time.perf_counter()
    s = 0
    for i in range(4_000_000):
        s += i * i
    return time.perf_counter() - t0


def cpu_parallelism(n: int = 2) -> float:
    """How many cores a pure-Python loop really gets right now (n = ideal): other load on the
    machine shows here, so the Spark figures can be read against it."""
    import multiprocessing as mp

    with mp.get_context("fork").Pool(n) as pool:
        pool.map(_burn, range(n))  # start the processes before timing
        t0 = time.perf_counter()
        one = _burn(0)
        one_wall = time.perf_counter() - t0
        t0 = time.perf_counter()
        pool.map(_burn, range(n))
        many_wall = time.perf_counter() - t0
    return n * one_wall / many_wall if one else 0.0


def single_process(corpus_path: Path) -> tuple[float, float]:
    """(knowledge load seconds, reports/s) of one process over the corpus."""
    arts = [Article(**json.loads(line)) for line in corpus_path.read_text(encoding="utf-8").splitlines()]
    p = Pipeline()
    t0 = time.perf_counter()
    p.extract_article(arts[0].model_copy())
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in arts:
        p.extract_article(a)
    return load, len(arts) / (time.perf_counter() - t0)


def run_master(master: str, corpus_path: Path, work: Path, partitions: int | None) -> dict[str, float]:
    from marsad.spark import extract_files, local_session

    t0 = time.perf_counter()
    spark = local_session(master, shuffle_partitions=4)
    spark.range(1).count()  # JVM up before timing the extraction
    start = time.perf_counter() - t0
    out: dict[str, float] = {"spark_start_s": start, "cores": spark.sparkContext.defaultParallelism}
    try:
        for run in ("cold", "warm"):
            dest = work / f"out-{re.sub(r'[^0-9*]', '', master) or 'x'}-{run}"
            shutil.rmtree(dest, ignore_errors=True)
            t0 = time.perf_counter()
            summary = extract_files(
                [str(corpus_path)], str(dest), spark=spark, partitions=partitions, overwrite=True
            )
            dt = time.perf_counter() - t0
            out[f"{run}_s"] = dt
            out[f"{run}_reports_per_s"] = summary.reports / dt
            out["events"] = summary.events
            out["rejects"] = summary.rejects
    finally:
        spark.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="reports in the corpus (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument("--partitions", type=int, default=None, help="tasks (default: Spark's parallelism)")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/marsad-bench-spark"))
    ap.add_argument("--no-single", action="store_true", help="skip the single-process baseline")
    args = ap.parse_args(argv)

    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus_path = args.workdir / f"corpus-{args.n}-{args.seed}.jsonl"
    if not corpus_path.exists():
        corpus = make_corpus(DEFAULT_GOLD, args.n, args.seed, 2048)
        corpus_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus), encoding="utf-8"
        )
    print(f"corpus: {args.n} reports, {corpus_path.stat().st_size / 1e6:.1f} MB at {corpus_path}")

    print(f"CPU check           : {cpu_parallelism(2):.2f} of 2 cores available to 2 processes")
    if not args.no_single:
        load, rps = single_process(corpus_path)
        print(f"single process        : load {load:5.1f} s, {rps:7.1f} reports/s")
    for master in args.masters:
        r = run_master(master, corpus_path, args.workdir, args.partitions)
        print(
            f"{master:<10} ({int(r['cores'])} slots): spark start {r['spark_start_s']:5.1f} s | "
            f"cold {r['cold_s']:6.1f} s = {r['cold_reports_per_s']:6.1f} reports/s | "
            f"warm {r['warm_s']:6.1f} s = {r['warm_reports_per_s']:6.1f} reports/s | "
            f"{int(r['events'])} events, {int(r['rejects'])} rejects"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
