"""`marsad ingest --acled export.csv`: ACLED's own events, from a CSV export, into the store.

Each row becomes an event with ACLED's event_id_cnty and review status `confirmed`, linked to one
pseudo-report per export file whose outlet is "ACLED". That link is what marks an event's origin
(`origin=` on /api/events, /api/stats, /api/export, /api/acled/read: marsad.store.origin), and it
keeps dedup from merging two ACLED rows of one file (dedup never joins events of the same report) while it links marsad's
events to ACLED's. Every row is accounted for: added, already stored, or rejected with its file,
line and reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from marsad.api.taxonomy import EVENT_TYPES
from marsad.models import ACLED_COLUMNS, Article, Event
from marsad.store import acled_codes as codes
from marsad.store.convert import actor_names, event_to_columns, iso3_for
from marsad.store.origin import ACLED_OUTLET, acled_articles
from marsad.store.schema import EventActor, EventArticle, EventRow, IngestRun
from marsad.store.types import RejectInfo
from marsad.store.write import add_article, find_existing, now

BATCH = 1000  # rows per transaction
_ID = re.compile(r"^([A-Z]{3})(\d{1,12})$")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y")  # ISO, and older export styles
_WHOLE_FLOAT = re.compile(r"-?\d+\.0*")  # "3.0": a whole number written by a spreadsheet
# ACLED columns taken as they are (stripped).
_STRING_COLUMNS = (
    "disorder_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting",
    "region", "country", "admin1", "admin2", "admin3", "location", "source", "source_scale", "notes", "tags",
)  # fmt: skip


class ExportError(ValueError):
    """The file as a whole cannot be read as an ACLED export (nothing is loaded)."""


@dataclass
class AcledImport:
    file: str
    run_id: int = 0
    rows: int = 0
    added: int = 0
    already: int = 0
    rejects: list[RejectInfo] = field(default_factory=list)
    merges: int = 0
    added_ids: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 0 if not self.rejects else (1 if self.added or self.already else 2)


# --- rows ----------------------------------------------------------------------------------------------


def _date(value: str) -> date:
    v = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date '{value}' is not a date")


def _int(row: dict[str, str], name: str, *, low: int | None = None, high: int | None = None) -> int | None:
    raw = row[name].strip()
    if not raw:
        return None
    try:
        value = int(float(raw)) if _WHOLE_FLOAT.fullmatch(raw) else int(raw)
    except ValueError:
        raise ValueError(f"{name} '{raw}' is not a whole number") from None
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} {value} is out of range")
    return value


def _float(row: dict[str, str], name: str, low: float, high: float) -> float | None:
    raw = row[name].strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} '{raw}' is not a number") from None
    if not low <= value <= high:
        raise ValueError(f"{name} {value} is out of range")
    return value


def _inter(row: dict[str, str], name: str) -> int | None:
    raw = row[name].strip()
    return codes.inter_code(raw) if raw else None


def parse_row(row: dict[str, str]) -> Event:
    """One CSV row as an Event; ValueError naming the problem."""
    cnty = row["event_id_cnty"].strip()
    if not _ID.match(cnty):
        raise ValueError(f"event_id_cnty '{cnty}' is not an ACLED id (three letters and a number)")
    day = _date(row["event_date"])
    year = _int(row, "year") or day.year
    if year != day.year:
        raise ValueError(f"year {year} does not match event_date {day}")
    etype, sub = row["event_type"].strip(), row["sub_event_type"].strip()
    if etype not in EVENT_TYPES:
        raise ValueError(f"unknown event_type '{etype}'")
    if sub not in EVENT_TYPES[etype]:
        raise ValueError(f"sub_event_type '{sub}' is not a kind of {etype}")
    if not row["actor1"].strip() or not row["country"].strip():
        raise ValueError("actor1 and country must not be empty")
    fatalities = _int(row, "fatalities", low=0)
    if fatalities is None:
        raise ValueError("fatalities is empty")
    inter1, inter2 = _inter(row, "inter1"), _inter(row, "inter2")
    raw_interaction = row["interaction"].strip()
    interaction = codes.interaction_code(raw_interaction) if raw_interaction else ""
    if not interaction and inter1 is not None:
        interaction = "".join(str(c) for c in sorted([inter1, inter2 or 0], key=lambda c: (c == 0, c)))
    strings = {k: row[k].strip() for k in _STRING_COLUMNS}
    try:
        return Event(
            **strings,
            event_id_cnty=cnty,
            event_date=day.isoformat(),
            year=year,
            time_precision=_int(row, "time_precision", low=1, high=3) or 1,
            event_type=etype,
            sub_event_type=sub,
            inter1=inter1,
            inter2=inter2,
            interaction=interaction,
            iso=_int(row, "iso", low=0, high=999),
            latitude=_float(row, "latitude", -90.0, 90.0),
            longitude=_float(row, "longitude", -180.0, 180.0),
            geo_precision=_int(row, "geo_precision", low=1, high=3),
            fatalities=fatalities,
            timestamp=_int(row, "timestamp", low=0) or 0,
            confidence=1.0,  # coded by ACLED's researchers
        )
    except ValidationError as exc:
        raise ValueError(exc.errors()[0]["msg"]) from None


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str] | None, str | None]]:
    """(line, row, problem) for every record of an ACLED CSV export (problem: a row with the wrong
    number of fields, which is not parsed). ExportError when the file
    is not one (unreadable, not UTF-8, or a header without ACLED's columns)."""
    try:
        data = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from None
    reader = csv.DictReader(io.StringIO(data, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in ACLED_COLUMNS if c not in header]
    if missing:
        raise ExportError(f"{path}: not an ACLED export, missing column(s) {', '.join(missing)}")
    line = reader.line_num
    for row in reader:
        start = line + 1  # the first physical line of the record (notes may span several)
        line = reader.line_num
        if None in row:
            yield start, row, f"{len(header) + len(row[None])} fields, expected {len(header)}"  # type: ignore[index]
        elif any(v is None for v in row.values()):
            yield start, row, f"{sum(v is not None for v in row.values())} fields, expected {len(header)}"
        else:
            yield start, row, None


# --- store -------------------------------------------------------------------------------------------


def _export_article(session: Session, path: Path, digest: str, run_id: int) -> int:
    """The pseudo-report every row of this export file is linked to (one per file content)."""
    art = Article(
        id=f"acled-export-{digest[:12]}",
        title=f"ACLED export {path.name}",
        text=f"ACLED export file {path.name}, sha256 {digest}.",
        outlet=ACLED_OUTLET,
    )
    found = find_existing(session, art.content_hash(), None)
    if found is not None:
        return found.id
    added = add_article(session, art, [], run_id=run_id, meta={"kind": "acled_export", "sha256": digest})
    assert added is not None
    return added[0].id


def _bump_counters(session: Session, tops: dict[str, int]) -> None:
    """marsad numbers its own events per prefix: start past ACLED's numbers so ids never collide."""
    for prefix, top in tops.items():
        session.execute(
            text("INSERT INTO id_counters (prefix, seq) VALUES (:p, 0) ON CONFLICT (prefix) DO NOTHING"),
            {"p": prefix},
        )
        session.execute(
            text("UPDATE id_counters SET seq = :n WHERE prefix = :p AND seq < :n"), {"p": prefix, "n": top}
        )


def _store_batch(
    session: Session, batch: list[tuple[int, Event]], article_pk: int, run_id: int, report: AcledImport
) -> None:
    wanted = [ev.event_id_cnty for _, ev in batch]
    existing = dict(
        session.execute(
            select(EventRow.event_id_cnty, EventRow.id).where(EventRow.event_id_cnty.in_(wanted))
        ).all()
    )
    ours = set()
    if existing:
        ours = set(
            session.scalars(
                select(EventArticle.event_id).where(
                    EventArticle.event_id.in_(existing.values()),
                    EventArticle.article_pk.in_(acled_articles()),
                )
            )
        )
    ts = now()
    rows: list[dict[str, Any]] = []
    fresh: list[Event] = []
    tops: dict[str, int] = {}
    for line, ev in batch:
        pk = existing.get(ev.event_id_cnty)
        if pk is not None:
            if pk in ours:
                report.already += 1
            else:
                report.rejects.append(
                    RejectInfo(
                        source=report.file,
                        line=line,
                        id=ev.event_id_cnty,
                        reason="event id already used by an event marsad coded",
                    )
                )
            continue
        rows.append(
            {
                **event_to_columns(ev),
                "iso3": iso3_for(ev.country, ev.iso),
                "status": "confirmed",
                "n_sources": 1,
                "dedup_checked": False,
                "ingest_run_id": run_id,
                "created_at": ts,
                "updated_at": ts,
            }
        )
        fresh.append(ev)
        m = _ID.match(ev.event_id_cnty)
        assert m is not None
        tops[m.group(1)] = max(tops.get(m.group(1), 0), int(m.group(2)))
    if not rows:
        return
    # Core executemany, not ORM objects: a 10,000-row export loads in seconds.
    conn = session.connection()
    conn.execute(insert(EventRow), rows)
    pks = dict(
        conn.execute(
            select(EventRow.event_id_cnty, EventRow.id).where(
                EventRow.event_id_cnty.in_([r["event_id_cnty"] for r in rows])
            )
        ).all()
    )
    actors = []
    links = []
    for ev in fresh:
        pk = pks[ev.event_id_cnty]
        actors += [{"event_id": pk, "role": r, "name": n} for r, n in actor_names(ev)]
        links.append(
            {
                "event_id": pk,
                "article_pk": article_pk,
                "fatalities": ev.fatalities,
                "source": ev.source,
                "source_scale": ev.source_scale,
            }
        )
        report.added += 1
        report.added_ids.append(ev.event_id_cnty)
    if actors:
        conn.execute(insert(EventActor), actors)
    conn.execute(insert(EventArticle), links)
    _bump_counters(session, tops)


def load_export(
    store: Any, path: Path, *, dedup: bool = True, on_reject: Callable[[RejectInfo], None] | None = None
) -> AcledImport:
    """Load one ACLED CSV export; ExportError if the file is not one."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    report = AcledImport(file=str(path))
    rows = read_rows(path)
    first = next(rows, None)  # raises ExportError before anything is written
    with store.session() as s:
        run = IngestRun(started_at=now(), status="running", inputs=[f"acled:{path}"])
        s.add(run)
        s.flush()
        report.run_id = run.id
        article_pk = _export_article(s, path, digest, run.id)
    seen: dict[str, int] = {}
    batch: list[tuple[int, Event]] = []

    def reject(line: int, record_id: str | None, reason: str) -> None:
        info = RejectInfo(source=str(path), line=line, id=record_id or None, reason=reason)
        report.rejects.append(info)
        if on_reject:
            on_reject(info)

    def flush() -> None:
        n = len(report.rejects)
        with store.session() as s:
            _store_batch(s, batch, article_pk, report.run_id, report)
        if on_reject:
            for info in report.rejects[n:]:
                on_reject(info)
        batch.clear()

    for line, row, problem in itertools.chain([first] if first else [], rows):
        report.rows += 1
        record_id = (row.get("event_id_cnty") or "").strip() if row else None
        if problem or row is None:
            reject(line, record_id, problem or "unreadable row")
            continue
        try:
            ev = parse_row(row)
        except ValueError as exc:
            reject(line, record_id, str(exc))
            continue
        if ev.event_id_cnty in seen:
            reject(
                line, ev.event_id_cnty, f"duplicate event_id_cnty (first on line {seen[ev.event_id_cnty]})"
            )
            continue
        seen[ev.event_id_cnty] = line
        batch.append((line, ev))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    if dedup and report.added_ids:
        report.merges = store.dedup(event_ids=report.added_ids).merges
    with store.session() as s:
        run = s.get(IngestRun, report.run_id)
        run.finished_at = now()
        run.status = "done" if not report.rejects else "partial"
        run.seen, run.added, run.skipped = report.rows, report.added, report.already
        run.events_added, run.rejects = report.added, len(report.rejects)
        run.reject_log = [r.model_dump() for r in report.rejects[:1000]]
    return report
