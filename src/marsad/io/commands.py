"""`marsad extract`: reports in, coded events out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.io.clean import show_bidi
from marsad.io.readers import Reject, iter_sourced, reject_line
from marsad.io.writers import ResultWriter, UnknownFormatError, format_for
from marsad.models import Article, ArticleResult

if TYPE_CHECKING:  # the CLI's start-up does not load the text layer
    from marsad.doc import Mention

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2
err = Console(stderr=True)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from None


def _local(source: str) -> bool:
    """A file or folder name (not stdin, not a URL)."""
    return source != "-" and "://" not in source


def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="JSONL files, .txt files, folders, or - for stdin.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output file: .csv, .jsonl or .geojson.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for plain text and JSONL records without one."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    rejects: Annotated[
        Path | None, typer.Option(help="Where to write rejected records (default: OUTPUT.rejects.jsonl).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Extract ACLED-style events from Arabic reports.

    Exit code: 0 every record processed, 1 some records rejected, 2 nothing processed or usage error.
    """
    from marsad.pipeline import default_pipeline

    pub = _parse_date(published)
    try:
        format_for(output)
    except UnknownFormatError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_NOTHING) from None
    missing = [i for i in inputs if _local(i) and not Path(i).exists()]
    if missing and len(missing) == len(inputs):
        # Nothing to read: say so, and leave no empty output (nor rejects file) behind.
        err.print(f"[red]error:[/red] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(EXIT_NOTHING)
    reject_path = rejects or output.with_name(output.name + ".rejects.jsonl")
    lines: list[tuple[int, dict[str, object]]] = []  # (record number, reject or warning)
    n_in = n_rejected = n_warned = 0
    # article index -> (record number, source, line), while the article is in flight
    where: dict[int, tuple[int, str, int | None]] = {}

    def note(
        seq: int, source: str, line: int | None, rid: str | None, reason: str, kind: str = "rejected"
    ) -> None:
        lines.append((seq, reject_line(source, line, rid, reason, kind)))
        if not quiet:
            colour = "yellow" if kind == "rejected" else "cyan"
            err.print(f"[{colour}]{kind}[/{colour}] {Reject(source, line, rid, reason)}")

    def articles() -> Iterator[Article]:
        nonlocal n_in, n_rejected
        i = 0
        for s in iter_sourced(inputs, published=pub):
            n_in += 1
            rec = s.record
            if isinstance(rec, Reject):
                n_rejected += 1
                note(n_in, rec.source, rec.line, rec.record_id, rec.reason)
            else:
                where[i] = (n_in, s.source, s.line)
                i += 1
                yield rec

    pipeline = default_pipeline()
    done = 0
    show = not quiet and sys.stderr.isatty()
    with ResultWriter(output) as writer, Progress(
        TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TextColumn("reports"),
        TimeElapsedColumn(), console=err, disable=not show, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("extract", total=None)
        for o in pipeline.extract_outcomes(articles(), workers=workers):
            seq, source, line = where.pop(o.index)
            rid = o.article.id or None
            if o.error is not None:  # a bug on one report costs that report only
                n_rejected += 1
                note(seq, source, line, rid, f"extraction failed: {o.error}")
                continue
            for w in o.warnings:
                n_warned += 1
                note(seq, source, line, rid, w, "warning")
            writer.write(
                ArticleResult(
                    id=o.article.id,
                    title=o.article.title,
                    published=o.article.published,
                    url=o.article.url,
                    outlet=o.article.outlet,
                    events=o.events,
                )
            )
            done += 1
            progress.advance(task)
        n_events = writer.events

    if lines:
        with reject_path.open("w", encoding="utf-8") as fh:
            for _, d in sorted(lines, key=lambda x: x[0]):  # input order, whatever the workers did
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    else:
        reject_path.unlink(missing_ok=True)  # a previous run's rejects would describe this one
    if not quiet:
        msg = f"{n_in} record(s): {done} processed → {n_events} event(s) in {output}; {n_rejected} rejected"
        if n_warned:
            msg += f"; {n_warned} warning(s)"
        if lines:
            msg += f" (see {reject_path})"
        err.print(msg)
    if done == 0:
        raise typer.Exit(EXIT_NOTHING)
    if n_rejected:
        raise typer.Exit(EXIT_PARTIAL)


def explain_command(
    path: Annotated[Path, typer.Argument(help="One report as a .txt file.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    title: Annotated[
        bool,
        typer.Option(
            "--title", help="The file's first line is the headline, read apart as extract reads one."
        ),
    ] = False,
) -> None:
    """Show how one report was read: every mention each recogniser found, then the events and the
    words behind each of their fields."""
    from rich.table import Table

    from marsad.pipeline import default_pipeline

    text = path.read_text(encoding="utf-8")
    headline = None
    if title:
        headline, _, text = text.partition("\n")
    pipeline = default_pipeline()
    article = Article(id=path.stem, text=text, title=headline, published=_parse_date(published))
    doc = pipeline(pipeline.make_doc(article))
    out = Console()
    table = Table(title=f"Mentions in {path.name} (report country: {doc.country or '?'})")
    for col in ("sent.clause", "label", "text", "reading"):
        table.add_column(col)
    for m in sorted(doc.all(), key=lambda m: m.start):
        table.add_row(f"{m.sentence}.{m.clause}", m.label, show_bidi(m.text), show_bidi(_reading(m)))
    out.print(table)
    incidents = Table(
        title="Incidents: the mentions that made each one, and why mentions were merged or kept apart"
    )
    for col in ("incident", "mentions (sentence)", "decisions"):
        incidents.add_column(col)
    for i, c in enumerate(doc.candidates, 1):
        mentions = ", ".join(f"{t.text} ({t.sentence})" for t in c.triggers)
        incidents.add_row(f"{i}. {c.event_type}", mentions, "\n".join(c.log) or "-")
    out.print(incidents)
    for i, ev in enumerate(doc.events, 1):
        t = Table(title=f"Event {i}: {ev.event_type} / {ev.sub_event_type}", show_header=True)
        t.add_column("field")
        t.add_column("value")
        t.add_column("evidence")
        for field in ("actor1", "actor2", "location", "event_date", "fatalities", "weapons", "event_type"):
            spans = ev.evidence.get(field, [])
            t.add_row(field, show_bidi(str(getattr(ev, field))), show_bidi(" | ".join(s.text for s in spans)))
        out.print(t)
        out.print(show_bidi(ev.notes))


def _reading(m: Mention) -> str:
    from marsad.knowledge.resources import get_knowledge

    k = get_knowledge()
    v = m.value
    label = m.label
    if label == "ACTOR":
        return f"{k.actors[v].name} (cue: {m.attrs.get('role_cue') or '-'})"
    if label == "PLACE":
        ch = v.choice
        if ch is None:
            return f"no location ({v.role or 'unresolved'})"
        role = f"; {v.role}" if v.role else ""
        return f"{ch.name}, {ch.admin1}, {ch.country_code} ({ch.kind}; cue: {v.cue or '-'}{role})"
    if label in ("TRIGGER", "NONEVENT"):
        return getattr(v, "sub_event_type", None) or getattr(v, "kind", "")
    if label == "WEAPON":
        return v.name
    if label == "DATE":
        return f"{v.date or '?'} (precision {v.precision}, {v.kind})"
    if label == "CASUALTY":
        return f"{v.kind} {v.count}{'' if v.exact else ' (vague)'}"
    return str(v)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("explain")(explain_command)
