"""Time of one report made of a pathological token, at the 200,000-character cap (issue 8).

    python bench/bench_long_tokens.py            # every shape, 200,000 characters
    python bench/bench_long_tokens.py --chars 50000

Each shape is a single "word" or a run that once made some stage quadratic: a lexicon form
repeated without spaces (the matcher walked back to the word start for every hit), digits,
clitics, one letter, and ordinary sentences repeated up to the cap. Prints seconds per report;
the target is under 2 s on a 2-core VM.
"""

from __future__ import annotations

import argparse
import time

from marsad.models import Article
from marsad.pipeline import MAX_CHARS, default_pipeline

SENTENCE = "قتل ثلاثة مدنيين أمس في قصف مدفعي لقوات النظام على بلدة كفرنبل بريف إدلب الجنوبي.\n"
SHAPES = {
    "one letter": "ب",
    "place name, no spaces": "الرقة",
    "actor name, no spaces": "داعش",
    "clitics": "وبال",
    "digits": "9",
    "arabic-indic digits": "٣",
    "sentences": SENTENCE,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=MAX_CHARS)
    args = ap.parse_args()
    p = default_pipeline()
    p.warm()
    print(f"{'shape':26} {'chars':>8} {'seconds':>8}")
    for name, unit in SHAPES.items():
        text = "قتل " + unit * (args.chars // len(unit)) + " في حلب"
        o = p.extract_outcome(Article(id=name, text=text[: args.chars], published="2021-03-16"))
        status = o.error or f"{len(o.events)} event(s)"
        print(f"{name:26} {len(text[: args.chars]):8d} {o.seconds:8.2f}  {status}")


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - t0:.1f} s")
