"""The generated-input benchmark (bench/fuzz_records.py, issue 8) at a CI-sized count: every
line processed or rejected, none lost, nothing raised. `make fuzz` runs 10,000; the issue's
1,000,000 is a manual run (figures in docs/robustness.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "fuzz_records.py"


def test_fuzz_records_accounts_for_every_line() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--records", "3000", "--workers", "2", "--seed", "21"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    m = re.search(
        r"records in (\d+): processed (\d+), rejected by the reader (\d+), extraction failures \(rejected\) (\d+), "
        r"lost (-?\d+), unhandled exceptions (\d+)",
        run.stdout,
    )
    assert m, run.stdout
    n, processed, rejected, failed, lost, unhandled = map(int, m.groups())
    assert n == 3000 and n == processed + rejected + failed
    assert (lost, unhandled) == (0, 0)
    assert processed > 1000 and rejected > 500  # the generator mixes good and hostile lines
