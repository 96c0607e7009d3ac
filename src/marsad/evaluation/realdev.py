"""Gold in the realdev format: a gold file plus the articles file it was coded from.

- `gold.jsonl`: one report a line, `id, published, events[]`; each event has the CODING.md §8
  fields plus `primary`, `injuries`, `weapons`, `notes` and `evidence_span`, [start, end]
  character offsets into `title + "\\n\\n" + text` (the clause that states the event);
- `articles.jsonl`: one report a line, `id, title, text, published, outlet, url`.

A folder holding both files is recognised as such (`marsad eval ../shared/realdev`). The
development set lives outside the repository, beside it: `../shared/realdev` from the
repository root, or wherever MARSAD_REALDEV points.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from marsad.evaluation.gold import GoldError, GoldReport, read_jsonl
from marsad.models import Event, Span

GOLD_FILE = "gold.jsonl"
ARTICLES_FILE = "articles.jsonl"
ENV_VAR = "MARSAD_REALDEV"
SPLIT = "realdev"  # the baseline key and the `split` of every report read here
TITLE_SEP = "\n\n"  # evidence offsets count the title, this separator, then the text
REPO_ROOT = Path(__file__).resolve().parents[3]  # src/marsad/evaluation/realdev.py -> the checkout


def is_realdev_dir(path: Path) -> bool:
    return path.is_dir() and (path / GOLD_FILE).is_file() and (path / ARTICLES_FILE).is_file()


def candidate_dirs() -> list[Path]:
    """Where realdev is looked for, in order: $MARSAD_REALDEV, then ../shared/realdev beside
    the working directory and beside the checkout this code runs from."""
    if env := os.environ.get(ENV_VAR):
        return [Path(env)]
    out = [Path.cwd().parent / "shared" / "realdev", REPO_ROOT.parent / "shared" / "realdev"]
    return list(dict.fromkeys(p.resolve() for p in out))


def find_realdev() -> Path | None:
    return next((p for p in candidate_dirs() if is_realdev_dir(p)), None)


def document_text(title: str | None, text: str) -> str:
    """The string the gold evidence offsets point into."""
    return f"{title}{TITLE_SEP}{text}" if title else text


def gold_event(obj: dict[str, Any], doc: str) -> Event:
    """One realdev gold event as an `Event`; its evidence span becomes evidence["event"]."""
    fields = {k: v for k, v in obj.items() if k != "evidence_span"}
    # An unknown date is null in realdev and "" in marsad; an unknown toll is 0 (CODING.md §6).
    fields["event_date"] = fields.get("event_date") or ""
    if fields.get("fatalities") is None:
        fields["fatalities"] = 0
    for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location", "admin1", "admin2"):
        if fields.get(k) is None:
            fields[k] = ""
    ev = Event.model_validate(fields)
    span = obj.get("evidence_span")
    if isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span):
        start, end = span
        if not 0 <= start <= end <= len(doc):
            raise ValueError(f"evidence_span {span} lies outside the report ({len(doc)} characters)")
        ev.evidence = {"event": [Span(start=start, end=end, text=doc[start:end])]}
    return ev


def read_articles(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for lineno, obj in read_jsonl(path):
        rid = obj.get("id")
        if not isinstance(rid, str) or not isinstance(obj.get("text"), str):
            raise GoldError(f"{path}:{lineno}: an article needs a string id and text")
        if rid in out:
            raise GoldError(f"{path}:{lineno}: duplicate article id {rid!r}")
        out[rid] = obj
    return out


def load_realdev(gold_path: str | Path, articles_path: str | Path) -> list[GoldReport]:
    """Join gold reports with their articles, in gold order. Every gold id needs an article;
    articles without gold are not scored (the ruler also scores gold ids only)."""
    gold_path, articles_path = Path(gold_path), Path(articles_path)
    for p in (gold_path, articles_path):
        if not p.is_file():
            raise GoldError(f"no such file: {p}")
    articles = read_articles(articles_path)
    reports: list[GoldReport] = []
    seen: set[str] = set()
    for lineno, obj in read_jsonl(gold_path):
        where = f"{gold_path}:{lineno}"
        rid = obj.get("id")
        if not isinstance(rid, str):
            raise GoldError(f"{where}: a gold report needs a string id")
        if rid in seen:
            raise GoldError(f"{where}: duplicate report id {rid!r}")
        seen.add(rid)
        art = articles.get(rid)
        if art is None:
            raise GoldError(f"{where}: report {rid!r} has no line in {articles_path}")
        doc = document_text(art.get("title"), art["text"])
        try:
            events = [gold_event(e, doc) for e in obj.get("events") or []]
            rep = GoldReport.model_validate(
                {
                    "id": rid,
                    "title": art.get("title"),
                    "text": art["text"],
                    # The article's date is what the extractor sees; gold repeats it.
                    "published": art.get("published", obj.get("published")),
                    "outlet": art.get("outlet"),
                    "url": art.get("url"),
                    "split": SPLIT,
                    "source_file": where,
                }
            )
        except (ValidationError, ValueError) as exc:
            raise GoldError(f"{where}: {exc}") from exc
        rep.events = events
        reports.append(rep)
    return reports


def gold_fingerprint(gold_path: str | Path) -> str:
    """A short hash of the gold file, kept with the baseline: a moved figure can then be told
    apart from a changed gold set."""
    return hashlib.sha256(Path(gold_path).read_bytes()).hexdigest()[:16]
