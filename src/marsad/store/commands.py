"""CLI of the store: `marsad ingest`, `marsad export`, `marsad dedup`, `marsad db upgrade|runs`."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2
err = Console(stderr=True, soft_wrap=True)  # one line per message: logs stay greppable

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $MARSAD_DATABASE_URL, else ./.marsad/marsad.sqlite)."),
]


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form", param_hint=name) from None


def _open(db: str | None):
    from marsad.store import Store

    try:
        return Store(db)
    except Exception as exc:  # a wrong URL or an unreachable server: say so, no traceback
        err.print(f"[red]error:[/red] cannot open the database: {type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_NOTHING) from None


def _known_country(value: str) -> bool:
    from marsad.store.codebook import find_country
    from marsad.store.convert import UNKNOWN_PREFIX, iso3_for

    return find_country(value) is not None or iso3_for(value, None) != UNKNOWN_PREFIX


def _need_database(db: str | None) -> None:
    """Reading commands refuse a SQLite file that is not there, instead of creating an empty
    database (and then an empty export) where a path was mistyped."""
    from sqlalchemy.engine import make_url

    from marsad.store import database_url

    url = make_url(database_url(db))
    path = url.database
    if url.get_backend_name() == "sqlite" and path and path != ":memory:" and not Path(path).exists():
        err.print(f"[red]error:[/red] no database at {path} (`marsad ingest` creates one)")
        raise typer.Exit(EXIT_NOTHING)


def ingest_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="JSONL, .txt, .html, RSS/Atom files, folders, http(s) URLs of pages or feeds, or - for stdin."
        ),
    ] = None,
    db: DbOption = None,
    acled: Annotated[
        list[Path] | None,
        typer.Option("--acled", help="An ACLED CSV export to load as ACLED's own events (repeatable)."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction worker processes.")] = 1,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for reports that carry none.")
    ] = None,
    dedup: Annotated[bool, typer.Option(help="Merge new events with reports of the same events.")] = True,
    follow: Annotated[
        bool, typer.Option(help="Fetch the linked page of feed entries that carry only a summary.")
    ] = True,
    rejects: Annotated[
        Path | None, typer.Option(help="Also write rejected records to this JSONL file.")
    ] = None,
    coded: Annotated[
        bool,
        typer.Option(
            help="Store the events JSONL records carry (hand-coded or reviewed data) instead of extracting."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Read reports, extract their events and store both. Re-running on the same inputs adds nothing.

    Exit code: 0 every record processed, 1 some records rejected, 2 nothing processed.
    """
    if acled:
        from marsad.acled_commands import ingest_acled

        if inputs:
            err.print("[red]error:[/red] give either report inputs or --acled files, not both")
            raise typer.Exit(EXIT_NOTHING)
        raise typer.Exit(ingest_acled(acled, db=db, dedup=dedup, rejects=rejects, quiet=quiet))
    if not inputs:
        err.print("[red]error:[/red] nothing to ingest: give report inputs or --acled FILE")
        raise typer.Exit(EXIT_NOTHING)
    pub = _date(published, "--published")
    store = _open(db)
    show = not quiet and sys.stderr.isatty()

    def on_reject(r: object) -> None:
        if not quiet:
            err.print(f"[yellow]rejected[/yellow] {r}")

    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        MofNCompleteColumn(),
        TextColumn("records"),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None)
        report = store.ingest(
            inputs,
            workers=workers,
            published=pub,
            dedup=dedup,
            follow_links=follow,
            coded=coded,
            progress=lambda n: progress.update(task, completed=n),
            on_reject=on_reject,
        )
    store.close()
    if rejects:  # the same keys as `marsad extract` writes: source, line, id, kind, reason
        lines = report.rejects + report.warnings
        if lines:
            with rejects.open("w", encoding="utf-8") as fh:
                for r in lines:
                    fh.write(json.dumps(r.model_dump(), ensure_ascii=False) + "\n")
        else:
            rejects.unlink(missing_ok=True)  # a previous run's rejects would describe this one
    if not quiet:
        for w in report.warnings:
            err.print(f"[cyan]warning[/cyan] {w.source}:{w.line or ''} (id {w.id}): {w.reason}")
        err.print(
            f"run {report.run_id}: {report.seen} record(s), {report.added} new report(s) → "
            f"{report.events_added} event(s); {report.skipped_duplicates} already stored; "
            f"{len(report.rejects)} rejected; {len(report.warnings)} warning(s); {report.merges} merge(s)"
        )
    raise typer.Exit(report.exit_code)


def export_command(
    output: Annotated[
        Path, typer.Argument(help="Output file: .csv (ACLED columns), .jsonl, .geojson or .parquet.")
    ],
    db: DbOption = None,
    fmt: Annotated[str | None, typer.Option("--format", help="csv, jsonl, geojson or parquet.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First event date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last event date (YYYY-MM-DD).")] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(help="Country: English or Arabic name, or ISO3 code (repeatable: any of them)."),
    ] = None,
    admin1: Annotated[
        list[str] | None, typer.Option(help="First-level administrative division (repeatable).")
    ] = None,
    event_type: Annotated[
        list[str] | None, typer.Option("--event-type", help="ACLED event type, any case (repeatable).")
    ] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option(help="Actor: part of the English name, or an Arabic alias (repeatable)."),
    ] = None,
    q: Annotated[
        str | None, typer.Option("--q", "--query", help="Full-text query on the source reports.")
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(help="Review status(es) to include (default: all but rejected and merged)."),
    ] = None,
    origin: Annotated[
        str | None,
        typer.Option(
            help="acled, marsad, both, acled_only (what marsad missed) or marsad_only (what ACLED lacks): "
            "events by whether an ACLED export loaded with `ingest --acled` and/or marsad's coding has them."
        ),
    ] = None,
) -> None:
    """Export stored events, one row per event, with stable event ids."""
    from pydantic import ValidationError

    from marsad.store import EventFilter
    from marsad.store.export import format_for

    try:
        format_for(output, fmt)
        f = EventFilter(
            date_from=_date(date_from, "--from"),
            date_to=_date(date_to, "--to"),
            country=country,
            admin1=admin1,
            event_type=event_type,
            actor=actor,
            q=q,
            status=status or None,
            origin=origin.strip().lower() if origin else None,
        )
    except (ValueError, ValidationError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_NOTHING) from None
    for c in f.country or []:
        if not _known_country(c):
            err.print(
                f"[yellow]warning:[/yellow] country {c!r} is not a country name or ISO3 code marsad knows: "
                "only events stored under exactly that name are exported"
            )
    _need_database(db)
    store = _open(db)
    n = store.export(output, f, fmt=fmt)
    store.close()
    err.print(f"{n} event(s) → {output}")


def dedup_command(
    db: DbOption = None,
    undo: Annotated[int | None, typer.Option("--undo", help="Undo this merge id.")] = None,
    pending: Annotated[bool, typer.Option("--pending", help="Only events not checked yet.")] = False,
    list_merges: Annotated[bool, typer.Option("--list", help="List merges (JSON lines) instead.")] = False,
    user: Annotated[str, typer.Option(help="Who undoes (recorded in the audit trail).")] = "cli",
) -> None:
    """Merge events reported by several outlets into one (all active events by default)."""
    store = _open(db)
    try:
        if list_merges:
            for m in store.merges(include_undone=True):
                sys.stdout.write(m.model_dump_json() + "\n")
            return
        if undo is not None:
            try:
                restored = store.undo_merge(undo, user=user)
            except KeyError:
                err.print(f"[red]error:[/red] no merge {undo}")
                raise typer.Exit(EXIT_NOTHING) from None
            except ValueError as exc:
                err.print(f"[red]error:[/red] {exc}")
                raise typer.Exit(EXIT_NOTHING) from None
            err.print(f"merge {undo} undone: {', '.join(d.event.event_id_cnty for d in restored)} restored")
            return
        rep = store.dedup(pending_only=pending)
        err.print(
            f"{rep.merges} merge(s), {rep.events_absorbed} event(s) absorbed; "
            f"{rep.compared_pairs} candidate pair(s) compared in {rep.seconds:.2f}s"
        )
    finally:
        store.close()


db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None, revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Create the tables or bring them to the latest schema (Alembic)."""
    from marsad.store.db import current_revision, make_engine, upgrade

    engine = make_engine(db)
    upgrade(engine, revision)
    err.print(f"{engine.url.render_as_string(hide_password=True)} at revision {current_revision(engine)}")
    engine.dispose()


@db_app.command("runs")
def db_runs(db: DbOption = None, last: Annotated[int, typer.Option(min=1)] = 20) -> None:
    """The last ingest runs, as JSON lines."""
    from sqlalchemy import select

    from marsad.store.schema import IngestRun

    store = _open(db)
    with store.session() as s:
        for r in s.scalars(select(IngestRun).order_by(IngestRun.id.desc()).limit(last)):
            row = {
                "run": r.id,
                "status": r.status,
                "started_at": r.started_at.isoformat(),
                "finished_at": r.finished_at.isoformat() if r.finished_at else None,
                "seen": r.seen,
                "added": r.added,
                "skipped": r.skipped,
                "events_added": r.events_added,
                "rejects": r.rejects,
                "inputs": r.inputs,
            }
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    store.close()


def register(app: typer.Typer) -> None:
    """Add this layer's commands to the main app."""
    app.command("ingest")(ingest_command)
    app.command("export")(export_command)
    app.command("dedup")(dedup_command)
    app.add_typer(db_app, name="db")
