"""The pure-Python-mode declarations of the hot loops (`cython.locals` in text/, doc.py, cues.py)
without Cython installed: a pure install (MARSAD_PURE_PYTHON_BUILD=1) need not have it, and its
modules must import through the stand-in (marsad.text._pure_cython) and extract the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from marsad import _compiled
from marsad.text import _pure_cython

REPO = Path(__file__).resolve().parents[1]


def test_stand_in_declares_nothing() -> None:
    def f(x: int) -> int:
        return x + 1

    assert _pure_cython.locals(x=_pure_cython.Py_ssize_t, ok=_pure_cython.bint)(f) is f
    assert _pure_cython.compiled is False


def test_without_cython_the_source_gives_the_snapshot_output() -> None:
    # `import cython` fails as in an install without it (None in sys.modules: ImportError).
    code = (
        "import sys\n"
        "sys.modules['cython'] = None\n"
        f"sys.path.insert(0, {str(REPO / 'bench')!r})\n"
        "import extract_snapshot as s\n"
        "import marsad.doc, marsad.recognize.cues, marsad.text.matcher, marsad.text.normalize\n"
        "assert marsad.text.matcher.cython is marsad.text._pure_cython\n"
        "print(s.sha256(s.snapshot(s.gold_articles())) == s.GOLD_HASH.read_text().strip())\n"
    )
    env = {**os.environ, _compiled.PURE_ENV: "1", "PYTHONHASHSEED": "0"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "True", (
        "without Cython the source extracts data/gold differently"
    )
