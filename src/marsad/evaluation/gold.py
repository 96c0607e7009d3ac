"""Gold reports: load, validate, and turn into `Article`s and `Event`s.

A gold file is JSON Lines, one report per line (docs/evaluation.md). GOLD may be one file or a
folder of `.jsonl` files; folders are read recursively in sorted order so every run sees the
reports in the same order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from marsad.knowledge.lexicon import DISORDER_TYPES
from marsad.models import Article, ArticleResult, Event

# Exactly the fields of a gold event (the events of /work/shared/seed/gold.json).
GOLD_EVENT_FIELDS: tuple[str, ...] = (
    "primary", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "country", "iso", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "injuries", "weapons", "notes",
)  # fmt: skip
GOLD_REPORT_FIELDS: tuple[str, ...] = (
    "id", "outlet", "source_scale", "url", "title", "published", "text", "split", "events", "notes",
)  # fmt: skip

# CODING.md §2: event type -> its sub-event types, and the disorder type it belongs to.
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    ),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip
EVENT_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES)


class GoldReport(BaseModel):
    """One gold report: the article as published plus its hand-coded events."""

    id: str
    outlet: str | None = None
    source_scale: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    text: str
    split: str = ""
    events: list[Event] = Field(default_factory=list)
    notes: str = ""
    source_file: str = ""  # where it was read from, for error messages

    def article(self) -> Article:
        """The report as the extractor sees it (no gold leaks in)."""
        return Article(
            id=self.id,
            text=self.text,
            title=self.title,
            published=self.published,
            url=self.url,
            outlet=self.outlet,
        )


class GoldError(ValueError):
    """A gold file that cannot be read at all (bad JSON, missing id or text, duplicate id)."""


def _jsonl_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.jsonl") if p.is_file())
    if path.is_file():
        return [path]
    raise GoldError(f"no such gold file or folder: {path}")


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise GoldError(f"{path}:{lineno}: a line must be a JSON object")
            yield lineno, obj


def load_gold(path: str | Path, split: str | None = None) -> list[GoldReport]:
    """Read every gold report under `path`, optionally keeping one split ("dev" or "test").

    Raises GoldError for what makes a report unusable; softer problems are left to
    `validate_record`, so a half-finished gold set can still be scored.
    """
    reports: list[GoldReport] = []
    seen: dict[str, str] = {}
    for file in _jsonl_files(Path(path)):
        for lineno, obj in read_jsonl(file):
            where = f"{file}:{lineno}"
            try:
                rep = GoldReport.model_validate({**obj, "source_file": where})
            except ValidationError as exc:
                raise GoldError(f"{where}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc
            if rep.id in seen:
                raise GoldError(f"{where}: duplicate report id {rep.id!r} (first at {seen[rep.id]})")
            seen[rep.id] = where
            if split is None or rep.split == split:
                reports.append(rep)
    return reports


def validate_record(obj: dict[str, Any]) -> list[str]:
    """Everything in one raw gold record that breaks the format or CODING.md (empty when clean)."""
    problems: list[str] = []
    rid = obj.get("id", "?")
    missing = [k for k in GOLD_REPORT_FIELDS if k not in obj]
    if missing:
        problems.append(f"{rid}: report lacks {', '.join(missing)}")
    if obj.get("split") not in ("dev", "test"):
        problems.append(f"{rid}: split must be 'dev' or 'test', not {obj.get('split')!r}")
    if not str(obj.get("text") or "").strip():
        problems.append(f"{rid}: empty text")
    for i, ev in enumerate(obj.get("events") or []):
        problems.extend(f"{rid} event {i}: {p}" for p in validate_event(ev))
    return problems


def validate_event(ev: dict[str, Any]) -> list[str]:
    """Problems with one gold event: its key set, its codes and their internal consistency."""
    out: list[str] = []
    keys = set(ev)
    if keys != set(GOLD_EVENT_FIELDS):
        if lacks := sorted(set(GOLD_EVENT_FIELDS) - keys):
            out.append(f"lacks {', '.join(lacks)}")
        if extra := sorted(keys - set(GOLD_EVENT_FIELDS)):
            out.append(f"unknown fields {', '.join(extra)}")
    et, sub = ev.get("event_type"), ev.get("sub_event_type")
    if et not in SUB_EVENT_TYPES:
        out.append(f"unknown event_type {et!r}")
    else:
        if sub not in SUB_EVENT_TYPES[et]:
            out.append(f"sub_event_type {sub!r} is not one of {et}")
        if ev.get("disorder_type") != DISORDER_TYPES[et]:
            out.append(f"disorder_type {ev.get('disorder_type')!r} should be {DISORDER_TYPES[et]!r}")
    d = ev.get("event_date", "")
    if d:
        try:
            date.fromisoformat(d)
        except (TypeError, ValueError):
            out.append(f"event_date {d!r} is not YYYY-MM-DD")
    if ev.get("time_precision") not in (1, 2, 3):
        out.append(f"time_precision {ev.get('time_precision')!r} not in 1..3")
    if ev.get("geo_precision") not in (1, 2, 3, None):
        out.append(f"geo_precision {ev.get('geo_precision')!r} not in 1..3")
    if not str(ev.get("actor1") or "").strip():
        out.append("empty actor1")
    # interaction = the two inter codes, lower first; one-sided = code and 0 (CODING.md §3).
    # inter2 0 or null both mean "no second actor", as in ACLED's data.
    i1, i2 = ev.get("inter1"), ev.get("inter2")
    two_sided = isinstance(i2, int) and i2 != 0
    if isinstance(i1, int):
        expect = "".join(str(c) for c in sorted((i1, i2))) if two_sided else f"{i1}0"  # type: ignore[type-var]
        if str(ev.get("interaction", "")) != expect:
            out.append(f"interaction {ev.get('interaction')!r} should be {expect!r}")
    if bool(str(ev.get("actor2") or "").strip()) != two_sided:
        out.append("actor2 and inter2 must be both set or both empty")
    lat, lon = ev.get("latitude"), ev.get("longitude")
    if (lat is None) != (lon is None):
        out.append("latitude and longitude must be both set or both empty")
    elif lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        out.append(f"coordinates out of range ({lat}, {lon})")
    fat = ev.get("fatalities")
    if not isinstance(fat, int) or isinstance(fat, bool) or fat < 0:
        out.append(f"fatalities {fat!r} must be a non-negative integer")
    return out


def validate_gold(path: str | Path) -> list[str]:
    """Problems in every record under `path` (format, codes, duplicate ids)."""
    problems: list[str] = []
    seen: set[str] = set()
    for file in _jsonl_files(Path(path)):
        for lineno, obj in read_jsonl(file):
            problems.extend(f"{file.name}:{lineno}: {p}" for p in validate_record(obj))
            rid = str(obj.get("id", ""))
            if rid in seen:
                problems.append(f"{file.name}:{lineno}: duplicate id {rid!r}")
            seen.add(rid)
    return problems


def seed_to_gold(article_text: str, gold: dict[str, Any], split: str = "dev") -> dict[str, Any]:
    """Turn the seed pair (article.txt, gold.json) into one gold record of our format."""
    return {
        "id": gold.get("id", "seed"),
        "outlet": gold.get("outlet"),
        "source_scale": gold.get("source_scale"),
        "url": gold.get("url"),
        "title": gold.get("title"),
        "published": gold.get("published"),
        "text": article_text,
        "split": split,
        "events": [{k: ev.get(k) for k in GOLD_EVENT_FIELDS} for ev in gold.get("events", [])],
        "notes": gold.get("note", gold.get("notes", "")) or "",
    }


def load_predictions(path: str | Path) -> dict[str, list[Event]]:
    """Read `marsad extract -o PRED.jsonl` output: article id -> its predicted events."""
    preds: dict[str, list[Event]] = {}
    for _lineno, obj in read_jsonl(Path(path)):
        res = ArticleResult.model_validate(obj)
        # An id seen twice keeps both lines' events: the extractor may have split a batch.
        preds.setdefault(res.id, []).extend(res.events)
    return preds


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
