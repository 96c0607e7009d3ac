"""`marsad watch SOURCES.yaml [--once] [--status]`: follow outlets' feeds into the store."""

from __future__ import annotations

import json
import logging
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.store.commands import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, DbOption, _open

err = Console(stderr=True, soft_wrap=True)


def _ago(value: object) -> str:
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else "-"  # type: ignore[union-attr]


def print_status(rows: list[dict], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return
    if not rows:
        typer.echo("no source has been polled yet")
        return
    table = Table("source", "last poll", "last new item", "errors", "last error", "items", "events", "today")
    for r in rows:
        today = r["days"][0] if r["days"] else {}
        table.add_row(
            r["name"],
            _ago(r["last_poll_at"]),
            _ago(r["last_new_at"]),
            f"{r['error_count']} ({r['consecutive_errors']} in a row)" if r["error_count"] else "0",
            (r["last_error"] or "")[:60],
            str(r["items_total"]),
            str(r["events_total"]),
            f"{today.get('items', 0)} items / {today.get('events', 0)} events" if today else "-",
        )
    Console(width=200).print(table)


def watch_command(
    sources: Annotated[
        Path | None, typer.Argument(help="The sources file (YAML, see data/sources.sample.yaml).")
    ] = None,
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit (for cron).")] = False,
    status: Annotated[bool, typer.Option("--status", help="Print each source's state and exit.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --status: JSON instead of a table.")] = False,
    force: Annotated[
        bool, typer.Option(help="With --once: also poll sources backing off after errors.")
    ] = False,
    dedup: Annotated[
        bool, typer.Option(help="Merge new events with stored reports of the same events.")
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Log warnings only.")] = False,
) -> None:
    """Follow outlets' RSS/Atom feeds: store new reports and their events as they appear.

    Long-running unless --once. Logs are JSON lines on stderr. Exit code with --once: 0 every source
    answered, 1 some failed, 2 all failed."""
    if status:
        from marsad.ingest.watch_db import status_rows

        store = _open(db)
        with store.session() as s:
            print_status(status_rows(s), as_json)
        store.close()
        return
    if sources is None:
        raise typer.BadParameter("a sources file is needed (or --status)", param_hint="SOURCES")
    from marsad.ingest.watch import JsonLines, Watcher
    from marsad.ingest.watch_config import ConfigError, load_config

    try:
        config = load_config(sources)
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_NOTHING) from None
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("marsad.watch")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    logger.propagate = False
    store = _open(db)
    watcher = Watcher(store, config, dedup=dedup)
    try:
        if once:
            results = watcher.run_once(force=force)
            failed = sum(1 for r in results if r.error)
            code = EXIT_OK if not failed else (EXIT_NOTHING if failed == len(results) else EXIT_PARTIAL)
            raise typer.Exit(code)

        def stop(signum: int, _frame: object) -> None:
            logger.info("stopping", extra={"signal": signum})
            watcher.stop.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        logger.info("watching", extra={"sources": len(watcher.sources), "db": store.url})
        watcher.run_forever()
    finally:
        watcher.close()
        store.close()


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_command)
