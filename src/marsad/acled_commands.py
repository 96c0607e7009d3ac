"""CLI of the ACLED bridge: `marsad ingest --acled FILE` (called from `marsad ingest`) and
`marsad compare-acled`."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from marsad.store.commands import EXIT_NOTHING, DbOption, _date, _open, err


def ingest_acled(files: list[Path], *, db: str | None, dedup: bool, rejects: Path | None, quiet: bool) -> int:
    """Load ACLED CSV exports; the exit code of `marsad ingest` (0 all rows loaded or already
    stored, 1 some rows rejected, 2 nothing loaded)."""
    from marsad.ingest.acled_csv import ExportError, load_export

    store = _open(db)
    codes: list[int] = []
    all_rejects = []
    try:
        for path in files:
            try:
                rep = load_export(
                    store,
                    path,
                    dedup=dedup,
                    on_reject=None if quiet else lambda r: err.print(f"[yellow]rejected[/yellow] {r}"),
                )
            except ExportError as exc:
                err.print(f"[red]error:[/red] {exc}")
                codes.append(EXIT_NOTHING)
                continue
            all_rejects += rep.rejects
            codes.append(rep.exit_code)
            if not quiet:
                err.print(
                    f"run {rep.run_id}: {path}: {rep.rows} row(s): {rep.added} added, {rep.already} already "
                    f"stored, {len(rep.rejects)} rejected; {rep.merges} merge(s) with stored events"
                )
    finally:
        store.close()
    if rejects and all_rejects:
        with rejects.open("w", encoding="utf-8") as fh:
            for r in all_rejects:
                fh.write(r.model_dump_json() + "\n")
    if all(c == 0 for c in codes):
        return 0
    return EXIT_NOTHING if all(c == EXIT_NOTHING for c in codes) else 1


def compare_command(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Only this country (ACLED's English name).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First event date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last event date (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Events both marsad and ACLED have, only ACLED has, only marsad has, by country and month."""
    from marsad.ingest.acled_compare import compare_acled

    start, end = _date(date_from, "--from"), _date(date_to, "--to")
    store = _open(db)
    try:
        rows = compare_acled(store, country=country, date_from=start, date_to=end)
    finally:
        store.close()
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
        return
    header = f"{'country':<28} {'month':<8} {'both':>7} {'only ACLED':>11} {'only marsad':>12}"
    lines = [header, "-" * len(header)]
    lines += [
        f"{r.country:<28} {r.month:<8} {r.both:>7} {r.only_acled:>11} {r.only_marsad:>12}" for r in rows
    ]
    totals = [sum(getattr(r, k) for r in rows) for k in ("both", "only_acled", "only_marsad")]
    lines += ["-" * len(header), f"{'total':<28} {'':<8} {totals[0]:>7} {totals[1]:>11} {totals[2]:>12}"]
    sys.stdout.write("\n".join(lines) + "\n")


def register(app: typer.Typer) -> None:
    app.command("compare-acled")(compare_command)
