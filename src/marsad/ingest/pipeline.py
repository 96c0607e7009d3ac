"""`marsad ingest`: read, extract, store. One transaction per report (article + events), so a
killed run keeps every report it committed and the next run skips them (same URL or same text).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError

from marsad.ingest.sources import Known, Prepared, iter_inputs
from marsad.io.clean import clean_article
from marsad.io.readers import Reject
from marsad.models import Article, Event
from marsad.store.schema import ArticleRow, IngestRun
from marsad.store.types import IngestReport, RejectInfo
from marsad.store.write import MAX_ID, InvalidRecord, add_article, check_article, now

if TYPE_CHECKING:
    from marsad.store.core import Store

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2
BATCH = 128  # articles handed to the worker pool at a time
WRITE_BATCH = 50  # reports per transaction
MAX_UNCOMMITTED_S = 1.0  # ...or fewer, so a slow extractor's work is committed at least every second
Extractor = Callable[[Article], list[Event]]


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _close_stale_runs(store: Store) -> None:
    # A run killed mid-way stays "running"; mark it so the run log tells the truth.
    with store.session() as s:
        for run in s.scalars(select(IngestRun).where(IngestRun.status.in_(("running", "deduplicating")))):
            if not _pid_alive(run.pid):
                run.status = "interrupted"


def _extract_batch(
    arts: list[Prepared], workers: int, extractor: Extractor | None
) -> Iterator[tuple[Prepared, list[Event] | None, str | None, list[str]]]:
    """(item, events, error, warnings) for each article, in order; an error costs its article only."""
    if extractor is not None:
        for p in arts:
            try:
                yield p, extractor(p.article), None, []
            except Exception as exc:  # one bad report must not stop the run
                yield p, None, f"extraction failed: {type(exc).__name__}: {exc}", []
        return
    from marsad.pipeline import default_pipeline

    outcomes = default_pipeline().extract_outcomes([p.article for p in arts], workers=workers)
    for p, o in zip(arts, outcomes, strict=True):
        err = None if o.error is None else f"extraction failed: {o.error}"
        yield p, (o.events if err is None else None), err, o.warnings


def _where(p: Prepared) -> tuple[str, int | None]:
    line = p.meta.get("line")
    return str(p.meta.get("source", "")), line if isinstance(line, int) else None


def run_ingest(
    store: Store,
    inputs: Sequence[str] | None = None,
    *,
    items: Iterable[Prepared | Reject | Known | Article] | None = None,
    workers: int = 1,
    published: date | None = None,
    follow_links: bool = True,
    coded: bool = False,
    dedup: bool = True,
    progress: Callable[[int], None] | None = None,
    extractor: Extractor | None = None,
    on_reject: Callable[[Reject], None] | None = None,
) -> IngestReport:
    """Every input record ends up counted once: added, skipped (already stored) or rejected, with
    `seen == added + skipped_duplicates + len(rejects)`. The run is logged `done`/`partial` only
    once its dedup has finished; a run killed before that stays unfinished, and the next run
    (even one with nothing new) completes the pending dedup."""
    _close_stale_runs(store)
    with store.session() as s:
        run = IngestRun(started_at=now(), status="running", inputs=list(inputs or []), pid=os.getpid())
        s.add(run)
        s.flush()
        run_id = run.id
    report = IngestReport(run_id=run_id)

    def known(url: str) -> bool:
        with store.read_session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.url == url).limit(1)) is not None

    order: dict[int, int] = {}  # id(RejectInfo) -> input record number: rejects come out in input order
    seq_of: dict[int, int] = {}  # id(Prepared) -> input record number, while it is in flight

    def reject(r: Reject, seq: int | None = None) -> None:
        info = RejectInfo(source=r.source, line=r.line, id=r.record_id, reason=r.reason)
        order[id(info)] = report.seen if seq is None else seq
        report.rejects.append(info)
        if on_reject is not None:
            on_reject(r)

    def reject_item(p: Prepared, reason: str) -> None:
        source, line = _where(p)
        rid = p.article.id[:MAX_ID] or None
        reject(Reject(source, line, rid, reason), seq_of.pop(id(p), None))

    def warn(p: Prepared, reason: str) -> None:
        source, line = _where(p)
        report.warnings.append(
            RejectInfo(source=source, line=line, id=p.article.id or None, kind="warning", reason=reason)
        )

    buffer: list[tuple[Prepared, list[Event]]] = []
    last_commit = time.monotonic()

    def commit() -> None:
        # One transaction per small batch: a kill loses at most this uncommitted batch, which the
        # next run redoes; each report inside sits in a savepoint, so one bad row spoils nothing else.
        nonlocal last_commit
        if not buffer:
            return
        added_here = events_here = skipped_here = 0
        bad: list[tuple[Prepared, str]] = []
        with store.session() as s:
            for p, events in buffer:
                try:
                    with s.begin_nested():
                        got = add_article(s, p.article, events, run_id=run_id, meta=p.meta)
                except IntegrityError:
                    got = None  # a concurrent run stored the same report first
                except (InvalidRecord, DataError, UnicodeError, ValueError, OverflowError) as exc:
                    bad.append((p, _reason(exc)))  # the savepoint is gone; the batch goes on
                    continue
                if got is None:
                    skipped_here += 1
                else:
                    added_here += 1
                    events_here += len(got[1])
        report.added += added_here
        report.events_added += events_here
        report.skipped_duplicates += skipped_here
        for p, why in bad:
            reject_item(p, why)
        for p, _ in buffer:
            seq_of.pop(id(p), None)
        buffer.clear()
        last_commit = time.monotonic()

    def save(p: Prepared, events: list[Event]) -> None:
        buffer.append((p, events))
        if len(buffer) >= WRITE_BATCH or time.monotonic() - last_commit > MAX_UNCOMMITTED_S:
            commit()

    def already_stored(a: Article) -> bool:
        with store.read_session() as s:
            h = a.content_hash()
            cond = ArticleRow.content_hash == h
            if a.url:
                cond = cond | (ArticleRow.url == a.url)
            return s.scalar(select(ArticleRow.id).where(cond).limit(1)) is not None

    def extracted(p: Prepared, events: list[Event] | None, error: str | None, warnings: list[str]) -> None:
        for w in warnings:
            warn(p, w)
        if error is not None or events is None:
            reject_item(p, error or "extraction failed")
        else:
            save(p, events)

    if items is not None:
        stream: Iterable[Prepared | Reject | Known | Article] = items
    else:
        stream = iter_inputs(
            inputs or [], published=published, follow_links=follow_links, known_url=known, coded=coded
        )
    pending: list[Prepared] = []
    status = "failed"
    try:
        for item in stream:
            report.seen += 1
            if isinstance(item, Reject):
                reject(item)
            elif isinstance(item, Known):
                report.skipped_duplicates += 1
            else:
                p = item if isinstance(item, Prepared) else Prepared(item)
                seq_of[id(p)] = report.seen
                p.article = clean_article(p.article).ensure_id()
                try:
                    check_article(p.article)  # before extraction: a record the store refuses costs nothing
                except InvalidRecord as exc:
                    reject_item(p, str(exc))
                else:
                    if p.events is not None:
                        save(p, p.events)  # add_article itself skips what is stored
                    elif already_stored(p.article):
                        # Checked before extraction: re-running a day's inputs costs a lookup per report.
                        report.skipped_duplicates += 1
                        seq_of.pop(id(p), None)
                    else:
                        pending.append(p)
            if len(pending) >= (BATCH if workers > 1 and extractor is None else 1):
                _flush(pending, workers, extractor, extracted)
            if progress is not None:
                progress(report.seen)
        _flush(pending, workers, extractor, extracted)
        commit()
        status = "deduplicating"  # the inputs are stored; the run is not done before its dedup
    finally:
        report.rejects.sort(key=lambda r: order.get(id(r), 0))
        _log_run(store, run_id, report, status)
    if dedup:
        # Also when nothing was added here: a run killed during its dedup left events unchecked.
        report.merges = store.dedup(pending_only=True).merges
    if status == "deduplicating":
        _log_run(store, run_id, report, "done" if not report.rejects else "partial")
    processed = report.added + report.skipped_duplicates
    report.exit_code = EXIT_NOTHING if processed == 0 else (EXIT_PARTIAL if report.rejects else EXIT_OK)
    return report


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InvalidRecord):
        return f"refused by the store: {exc}"
    if isinstance(exc, DataError):  # the database's own words, without the SQL and parameters
        return f"refused by the database: {str(exc.orig).splitlines()[0]}"[:500]
    return f"cannot store: {type(exc).__name__}: {exc}"[:500]


def _log_run(store: Store, run_id: int, report: IngestReport, status: str) -> None:
    with store.session() as s:
        run = s.get(IngestRun, run_id)
        if run is not None:
            run.finished_at = now()
            run.status = status
            run.seen, run.added, run.skipped = report.seen, report.added, report.skipped_duplicates
            run.events_added, run.rejects = report.events_added, len(report.rejects)
            run.reject_log = [r.model_dump() for r in (report.rejects + report.warnings)[:1000]]


def _flush(
    pending: list[Prepared],
    workers: int,
    extractor: Extractor | None,
    extracted: Callable[[Prepared, list[Event] | None, str | None, list[str]], None],
) -> None:
    if not pending:
        return
    for p, events, error, warnings in _extract_batch(list(pending), workers, extractor):
        extracted(p, events, error, warnings)
    pending.clear()
