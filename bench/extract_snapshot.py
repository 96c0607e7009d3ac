"""A canonical dump of everything `marsad.extract` finds, to prove a speed change changed nothing.

Extracts every report of data/gold (dev and test) and, when present, ../shared/realdev (as
`marsad eval --realdev` does: the article's title, text and date) and writes one canonical
JSON document: reports sorted by id, each with its events' full records (`timestamp`, the
wall-clock time of extraction, zeroed), keys sorted. Two runs of the same extractor give the
same bytes, so `cmp` is the whole comparison:

    python bench/extract_snapshot.py -o /tmp/before.json            # gold + realdev
    python bench/extract_snapshot.py --only gold --sha256           # one hash per set

tests/test_extract_snapshot.py compares both sets' hashes with tests/fixtures/extract_snapshot_*.sha256;
after a change that is *meant* to alter the output, rewrite them with `--update` (MARSAD_REALDEV
set, so the realdev hash follows). `--mentions` adds every recogniser's mentions and the event
candidates (set PYTHONHASHSEED: some values hold sets), `--long` adds 20k-200k-character
reports made of gold texts: both for refactors that should leave the internals alone too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD_DIRS = (REPO / "data" / "gold" / "dev", REPO / "data" / "gold" / "test")
GOLD_HASH = REPO / "tests" / "fixtures" / "extract_snapshot_gold.sha256"
REALDEV_HASH = REPO / "tests" / "fixtures" / "extract_snapshot_realdev.sha256"


def gold_articles() -> list[Any]:
    from marsad.evaluation.gold import load_gold

    return [r.article() for d in GOLD_DIRS for r in load_gold(d)]


def realdev_articles(folder: Path | None = None) -> list[Any] | None:
    """The realdev articles as `marsad eval --realdev` gives them to the extractor; None if absent."""
    from marsad.evaluation import realdev

    folder = folder or realdev.find_realdev()
    if folder is None or not realdev.is_realdev_dir(folder):
        return None
    reports = realdev.load_realdev(folder / realdev.GOLD_FILE, folder / realdev.ARTICLES_FILE)
    return [r.article() for r in reports]


def snapshot(articles: Iterable[Any]) -> str:
    """Canonical JSON of the events of every article (sorted by id; timestamps zeroed)."""
    from marsad import extract_many  # type: ignore[attr-defined]

    out: dict[str, list[dict[str, Any]]] = {}
    for art, events in extract_many(list(articles), workers=1):
        recs = []
        for ev in events:
            d = ev.model_dump(mode="json")
            d["timestamp"] = 0
            recs.append(d)
        out[art.id] = recs
    return json.dumps(dict(sorted(out.items())), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def mentions_snapshot(articles: Iterable[Any]) -> str:
    """Every recogniser's mentions too (label, offsets, value, attributes), for changes that
    should leave the internals alone as well as the events."""
    from marsad.pipeline import default_pipeline

    p = default_pipeline()
    lines: list[str] = []
    for art in sorted(articles, key=lambda a: a.id):
        art.ensure_id()
        if not art.text.strip():
            continue
        doc = p(p.make_doc(art))
        for label in sorted(doc.mentions):
            for m in doc.mentions[label]:
                attrs = sorted((k, repr(v)) for k, v in m.attrs.items())
                lines.append(
                    f"{art.id}\t{label}\t{m.start}\t{m.end}\t{m.sentence}\t{m.clause}\t{m.value!r}\t{attrs}"
                )
        lines.extend(f"{art.id}\tCANDIDATE\t{c!r}" for c in doc.candidates)
    return "\n".join(lines) + "\n"


def long_articles(sizes: Iterable[int] = (20_000, 64_000, 200_000)) -> list[Any]:
    """Long reports built by concatenating the gold texts (our own), cut at each size."""
    from marsad.models import Article

    texts = [a.text for a in gold_articles()]
    out = []
    for n in sizes:
        buf, i = [], 0
        while sum(len(t) + 1 for t in buf) < n:
            buf.append(texts[i % len(texts)])
            i += 1
        out.append(Article(id=f"long-{n}", text="\n".join(buf)[:n], published="2021-03-01"))
    return out


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, help="write the combined snapshot here")
    ap.add_argument("--only", choices=("gold", "realdev"), help="one set only")
    ap.add_argument("--sha256", action="store_true", help="print one hash per set")
    ap.add_argument("--mentions", action="store_true", help="also every mention and candidate")
    ap.add_argument("--long", action="store_true", help="also long reports (20k-200k chars)")
    ap.add_argument("--update", action="store_true", help="rewrite the committed fixture and hash")
    args = ap.parse_args(argv)
    parts: dict[str, str] = {}
    if args.only in (None, "gold"):
        parts["gold"] = snapshot(gold_articles())
    if args.only in (None, "realdev"):
        arts = realdev_articles()
        if arts is None:
            print("realdev not found: skipped", file=sys.stderr)
        else:
            parts["realdev"] = snapshot(arts)
    if args.long:
        parts["long"] = snapshot(long_articles())
    if args.mentions:
        sets = {"gold": gold_articles(), "realdev": realdev_articles() or []}
        if args.long:
            sets["long"] = long_articles()
        for k, arts in sets.items():
            if k in parts:
                parts[k + "-mentions"] = mentions_snapshot(arts)
    if args.output:
        args.output.write_text("".join(f"== {k}\n{v}" for k, v in parts.items()), encoding="utf-8")
    if args.sha256:
        for k, v in parts.items():
            print(f"{k} {sha256(v)}")
    if args.update:
        # Hashes only: realdev's text, and events quoting it, stay out of the repository.
        for name, path in (("gold", GOLD_HASH), ("realdev", REALDEV_HASH)):
            if name in parts:
                path.write_text(sha256(parts[name]) + "\n", encoding="ascii")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
