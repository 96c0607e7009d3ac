"""`marsad spark-extract`: the extraction of `marsad extract`, run by Spark over many reports."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.console import Console

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2
err = Console(stderr=True)


def _under_spark_submit() -> bool:
    # spark-submit starts the driver with a gateway already running and the master in its conf.
    return "PYSPARK_GATEWAY_PORT" in os.environ


def spark_extract_command(
    inputs: Annotated[list[str], typer.Argument(help="JSONL files, folders or globs (any Spark path).")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output folder: events/ and rejects/.")],
    master: Annotated[
        str | None,
        typer.Option(help="Spark master (default: spark-submit's, else local[*]). Example: local[2]."),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Tasks to spread the reports over (default: parallelism).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Events as 'parquet' or 'jsonl'.")] = "parquet",
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output folder.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Extract ACLED-style events from JSONL reports with Spark.

    Writes OUTPUT/events (Parquet or JSON lines, one row per event, CODING.md §8 columns) and
    OUTPUT/rejects (JSON lines: source, line, id, kind, reason). A local master runs offline (UI off,
    bound to 127.0.0.1). Exit code: 0 all reports processed, 1 some rejected, 2 nothing processed
    or usage error.
    """
    if fmt not in ("parquet", "jsonl"):
        err.print(f"[red]error:[/red] unknown format '{fmt}': use parquet or jsonl")
        raise typer.Exit(EXIT_NOTHING)
    from marsad.spark import extract_files, local_session

    if master is None and _under_spark_submit():
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.appName("marsad").getOrCreate()
    else:
        spark = local_session(master or "local[*]")
    try:
        summary = extract_files(
            inputs, output, fmt=fmt, partitions=partitions, spark=spark, overwrite=overwrite
        )
    except Exception as exc:  # a missing path or an existing output folder: say so plainly
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        err.print(f"[red]error:[/red] {type(exc).__name__}: {msg}")
        raise typer.Exit(EXIT_NOTHING) from None
    finally:
        spark.stop()
    done = summary.reports - summary.rejects
    if not quiet:
        msg = f"{done} report(s) → {summary.events} event(s) in {summary.events_path}"
        if summary.rejects:
            msg += f"; {summary.rejects} rejected (see {summary.rejects_path})"
        err.print(msg)
    if done <= 0:
        raise typer.Exit(EXIT_NOTHING)
    if summary.rejects:
        raise typer.Exit(EXIT_PARTIAL)


def register(app: typer.Typer) -> None:
    app.command("spark-extract")(spark_extract_command)


def main() -> None:
    """Entry point for `spark-submit .../marsad/spark.py INPUT... -o OUTDIR`."""
    typer.run(spark_extract_command)
