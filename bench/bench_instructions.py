"""Instructions per report, counted by valgrind: a speed figure that does not move with the load.

CPU milliseconds on a shared 2-vCPU machine move ±10 % from run to run, more than most single
optimisations gain; the number of instructions executed does not (valgrind counts them, whatever
else runs). This runs the extraction under `valgrind --tool=cachegrind --cache-sim=no` twice per
corpus — the corpus once and three times after loading — and reports the difference per report,
so loading the knowledge and interpreter start-up cancel out.

    python bench/bench_instructions.py            # realdev (if present) and data/gold
    python bench/bench_instructions.py --json

Needs valgrind (Debian's package); about two minutes per corpus. Instructions are not time
(cache misses and the collector's memory traffic are not counted), so a change is judged on
both this and bench_cpu.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSES = 3  # the measured run extracts the corpus this many times; the base run once

# The child: load the knowledge, then extract the corpus `passes` times (pass by pass).
_CHILD = """
import sys
sys.path.insert(0, {bench!r})
import extract_snapshot
from marsad.pipeline import default_pipeline
p = default_pipeline()
p.warm()
arts = extract_snapshot.realdev_articles() if {corpus!r} == "realdev" else extract_snapshot.gold_articles()
for _ in range({passes}):
    for a in arts:
        p.extract_article(a)
print(len(arts))
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _count(corpus: str, passes: int) -> tuple[int, int]:
    """(instructions, reports in the corpus) of one child run under cachegrind."""
    code = _CHILD.format(bench=str(HERE), corpus=corpus, passes=passes)
    cmd = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-c",
        code,
    ]
    # The same hash seed in both runs: set and dict orders then match, and so does the work.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    m = _REFS.search(out.stderr)
    if m is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", "")), int(out.stdout.strip().splitlines()[-1])


def per_report(corpus: str) -> dict[str, float | int]:
    base, n = _count(corpus, 1)
    more, _ = _count(corpus, 1 + PASSES)
    return {"reports": n, "instructions_per_report_M": round((more - base) / PASSES / n / 1e6, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--only", choices=("realdev", "gold"), help="one corpus only")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    import extract_snapshot

    figures: dict[str, dict[str, float | int]] = {}
    if args.only != "gold" and extract_snapshot.realdev_articles():
        figures["realdev"] = per_report("realdev")
    if args.only != "realdev":
        figures["data/gold"] = per_report("gold")
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    for name, f in figures.items():
        print(
            f"{name:10s} {f['reports']:4d} reports  {f['instructions_per_report_M']:.2f} M instructions per report"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
