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
from sqlalchemy.exc import IntegrityError

from marsad.ingest.sources import Known, Prepared, iter_inputs
from marsad.io.readers import Reject
from marsad.models import Article, Event
from marsad.store.schema import ArticleRow, IngestRun
from marsad.store.types import IngestReport, RejectInfo
from marsad.store.write import add_article, now

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
        for run in s.scalars(select(IngestRun).where(IngestRun.status == "running")):
            if not _pid_alive(run.pid):
                run.status = "interrupted"


def _extract_batch(
    arts: list[Prepared], workers: int, extractor: Extractor | None
) -> Iterator[tuple[Prepared, list[Event] | None, str | None]]:
    """(item, events, error) for each article, in order."""
    if extractor is not None or workers <= 1:
        from marsad import extract_article

        fn = extractor or extract_article
        for p in arts:
            try:
                yield p, fn(p.article), None
            except Exception as exc:  # one bad report must not stop the run
                yield p, None, f"extraction failed: {type(exc).__name__}: {exc}"
        return
    from marsad import extract_many

    try:
        results = list(extract_many([p.article for p in arts], workers=workers))
    except Exception:
        # The pool failed on some report: redo this batch one by one to find it and keep the rest.
        yield from _extract_batch(arts, 1, None)
        return
    for p, (_, events) in zip(arts, results, strict=True):
        yield p, events, None


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
    _close_stale_runs(store)
    with store.session() as s:
        run = IngestRun(started_at=now(), status="running", inputs=list(inputs or []), pid=os.getpid())
        s.add(run)
        s.flush()
        run_id = run.id
    report = IngestReport(run_id=run_id)

    def known(url: str) -> bool:
        with store.session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.url == url).limit(1)) is not None

    def reject(r: Reject) -> None:
        report.rejects.append(
            RejectInfo(source=r.source, line=r.line, record_id=r.record_id, reason=r.reason)
        )
        if on_reject is not None:
            on_reject(r)

    buffer: list[tuple[Prepared, list[Event]]] = []
    last_commit = time.monotonic()

    def commit() -> None:
        # One transaction per small batch: a kill loses at most this uncommitted batch, which the
        # next run redoes; each report inside sits in a savepoint, so one bad row spoils nothing else.
        nonlocal last_commit
        if not buffer:
            return
        added_here = events_here = skipped_here = 0
        with store.session() as s:
            for p, events in buffer:
                try:
                    with s.begin_nested():
                        got = add_article(s, p.article, events, run_id=run_id, meta=p.meta)
                except IntegrityError:
                    got = None  # a concurrent run stored the same report first
                if got is None:
                    skipped_here += 1
                else:
                    added_here += 1
                    events_here += len(got[1])
        report.added += added_here
        report.events_added += events_here
        report.skipped_duplicates += skipped_here
        buffer.clear()
        last_commit = time.monotonic()

    def save(p: Prepared, events: list[Event]) -> None:
        buffer.append((p, events))
        if len(buffer) >= WRITE_BATCH or time.monotonic() - last_commit > MAX_UNCOMMITTED_S:
            commit()

    def already_stored(a: Article) -> bool:
        with store.session() as s:
            h = a.content_hash()
            cond = ArticleRow.content_hash == h
            if a.url:
                cond = cond | (ArticleRow.url == a.url)
            return s.scalar(select(ArticleRow.id).where(cond).limit(1)) is not None

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
                p = item if isinstance(item, Prepared) else Prepared(item.ensure_id())
                if p.events is not None:
                    save(p, p.events)  # add_article itself skips what is stored
                elif already_stored(p.article):
                    # Checked before extraction: re-running a day's inputs costs a lookup per report.
                    report.skipped_duplicates += 1
                else:
                    pending.append(p)
            if len(pending) >= (BATCH if workers > 1 and extractor is None else 1):
                _flush(pending, workers, extractor, save, reject)
            if progress is not None:
                progress(report.seen)
        _flush(pending, workers, extractor, save, reject)
        commit()
        status = "done" if not report.rejects else "partial"
    finally:
        with store.session() as s:
            run = s.get(IngestRun, run_id)
            if run is not None:
                run.finished_at = now()
                run.status = status
                run.seen, run.added, run.skipped = report.seen, report.added, report.skipped_duplicates
                run.events_added, run.rejects = report.events_added, len(report.rejects)
                run.reject_log = [r.model_dump() for r in report.rejects[:1000]]
    if dedup and report.events_added:
        report.merges = store.dedup(pending_only=True).merges
    processed = report.added + report.skipped_duplicates
    report.exit_code = EXIT_NOTHING if processed == 0 else (EXIT_PARTIAL if report.rejects else EXIT_OK)
    return report


def _flush(
    pending: list[Prepared],
    workers: int,
    extractor: Extractor | None,
    save: Callable[[Prepared, list[Event]], None],
    reject: Callable[[Reject], None],
) -> None:
    if not pending:
        return
    for p, events, error in _extract_batch(list(pending), workers, extractor):
        if error is not None or events is None:
            reject(
                Reject(
                    str(p.meta.get("source", "")), None, p.article.id or None, error or "extraction failed"
                )
            )
        else:
            save(p, events)
    pending.clear()
