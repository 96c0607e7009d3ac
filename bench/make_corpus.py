"""Build a benchmark corpus of Arabic reports from the team's own gold reports.

Reports are recombined deterministically (one seed): a base report keeps its title, date and
opening paragraph, then paragraphs and sentences from other gold reports are appended until
the report reaches the target size (~2 KB of UTF-8 by default), and place names are swapped
for other places of the same list. The texts are for timing only: their events are not gold.

    python bench/make_corpus.py -o out/bench_corpus.jsonl --n 1000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "data" / "gold"

# Arabic place names of the covered countries (facts), swapped among themselves so the
# recombined reports do not repeat the same few places and the gazetteer is exercised.
PLACES: tuple[str, ...] = (
    "إدلب", "حلب", "دير الزور", "الرقة", "درعا", "حمص", "تدمر", "السخنة", "البوكمال", "منبج",
    "الموصل", "كركوك", "بغداد", "الرمادي", "الفلوجة", "تكريت", "سامراء", "بعقوبة",
    "تعز", "مأرب", "الحديدة", "صنعاء", "عدن", "صعدة", "البيضاء",
    "طرابلس", "بنغازي", "سرت", "مصراتة", "درنة", "سبها",
    "صيدا", "صور", "بعلبك", "النبطية", "الضاحية الجنوبية",
    "غزة", "رفح", "خان يونس", "جنين", "نابلس", "طولكرم",
    "العريش", "الشيخ زويد", "بئر العبد",
    "الخرطوم", "الفاشر", "نيالا", "الجنينة", "أم درمان",
    "مقديشو", "كيسمايو", "بيدوا", "بلدوين",
)  # fmt: skip
_PLACE_RE = re.compile("|".join(sorted(map(re.escape, PLACES), key=len, reverse=True)))
# A sentence ends at . ! ? or the Arabic question mark, followed by space.
_SENT_END = re.compile(r"(?<=[.!?؟])\s+")


def read_gold_texts(path: Path) -> list[dict[str, object]]:
    """id, title, published, outlet, paragraphs of every gold report under `path`."""
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    out: list[dict[str, object]] = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            paras = [p.strip() for p in str(rec.get("text", "")).split("\n") if p.strip()]
            if paras:
                out.append({**rec, "paragraphs": paras})
    return out


def swap_places(text: str, rng: random.Random, p: float) -> str:
    """Replace each known place name with another, with probability p per occurrence."""
    return _PLACE_RE.sub(lambda m: rng.choice(PLACES) if rng.random() < p else m.group(0), text)


def make_report(i: int, reports: list[dict[str, object]], rng: random.Random, target_bytes: int) -> dict:
    base = reports[rng.randrange(len(reports))]
    paras: list[str] = [swap_places(str(base["paragraphs"][0]), rng, 0.5)]  # type: ignore[index]
    size = len(paras[0].encode("utf-8"))
    while size < target_bytes:
        donor = reports[rng.randrange(len(reports))]
        para = rng.choice(donor["paragraphs"])  # type: ignore[arg-type]
        if rng.random() < 0.3:  # sometimes a paragraph made of shuffled sentences
            sents = _SENT_END.split(para)
            rng.shuffle(sents)
            para = " ".join(sents)
        para = swap_places(para, rng, 0.3)
        paras.append(para)
        size += len(para.encode("utf-8")) + 1
    return {
        "id": f"bench-{i:06d}",
        "title": base.get("title"),
        "published": base.get("published"),
        "outlet": base.get("outlet"),
        "url": None,
        "text": "\n".join(paras),
    }


def make_corpus(gold: Path, n: int, seed: int, target_bytes: int) -> list[dict]:
    reports = read_gold_texts(gold)
    if not reports:
        raise SystemExit(f"no gold reports under {gold}")
    rng = random.Random(seed)
    return [make_report(i, reports, rng, target_bytes) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold .jsonl file or folder")
    ap.add_argument("-o", "--output", type=Path, default=None, help="output JSONL (default: stdout)")
    ap.add_argument("--n", type=int, default=1000, help="number of reports (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--target-bytes", type=int, default=2048, help="pad each report to about this size")
    args = ap.parse_args(argv)
    corpus = make_corpus(args.gold, args.n, args.seed, args.target_bytes)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(lines, encoding="utf-8")
        sizes = sorted(len(r["text"].encode("utf-8")) for r in corpus)
        print(
            f"{len(corpus)} reports -> {args.output} (median {sizes[len(sizes) // 2]} B, max {sizes[-1]} B)",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
