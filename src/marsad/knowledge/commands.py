"""CLI of the knowledge layer: `marsad gazetteer build | import | lookup`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

out = Console()
err = Console(stderr=True)

gazetteer_app = typer.Typer(
    name="gazetteer",
    help="The offline gazetteer: rebuild its cache, import GeoNames dumps, look names up.",
    no_args_is_help=True,
)

CacheOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Cache directory (default: $MARSAD_CACHE_DIR, else ~/.cache/marsad)."),
]


@gazetteer_app.command("build")
def build_command(cache_dir: CacheOption = None) -> None:
    """Rebuild the compiled gazetteer and print what it holds."""
    from marsad.knowledge.gazetteer import Gazetteer

    t0 = time.perf_counter()
    gaz = Gazetteer.load(cache_dir, rebuild=True)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    Gazetteer.load(cache_dir)
    loaded = time.perf_counter() - t0
    stats = gaz.stats()
    table = Table("what", "count")
    for key in ("country", "admin1", "admin2", "admin3", "populated", "natural", "region"):
        if stats.get(key):
            table.add_row(key, str(stats[key]))
    table.add_row("places", str(stats["places"]))
    table.add_row("Arabic names", str(stats["names"]))
    table.add_row("stoplist", str(stats["stoplist"]))
    out.print(table)
    out.print(f"built in {built:.1f} s, loads in {loaded:.2f} s: {gaz.cache_path}")


@gazetteer_app.command("import")
def import_command(
    dump: Annotated[
        Path, typer.Argument(help="GeoNames country dump, e.g. SY.txt.", exists=True, dir_okay=False)
    ],
    alternate_names: Annotated[
        Path | None,
        typer.Option(
            "--alternate-names", help="alternateNamesV2.txt (its Arabic names are added).", exists=True
        ),
    ] = None,
    admin2: Annotated[
        Path | None,
        typer.Option("--admin2", help="admin2Codes.txt (district names).", exists=True),
    ] = None,
    cache_dir: CacheOption = None,
) -> None:
    """Import a GeoNames dump into the user gazetteer; the next load merges it."""
    from marsad.knowledge.gazetteer import Gazetteer
    from marsad.knowledge.geonames_import import import_dump

    try:
        res = import_dump(dump, alternate_names=alternate_names, admin2_codes=admin2, cache_dir=cache_dir)
    except (ValueError, UnicodeDecodeError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(res.by_kind.items()))
    out.print(f"{res.places} places ({kinds}), {res.arabic_names} Arabic names, {res.skipped} skipped")
    out.print(f"written to {res.path}")
    gaz = Gazetteer.load(cache_dir)
    out.print(f"gazetteer rebuilt: {gaz.stats()['places']} places, {gaz.stats()['names']} names")


@gazetteer_app.command("lookup")
def lookup_command(
    name: Annotated[str, typer.Argument(help="An Arabic name (any spelling) or an English name.")],
    cache_dir: CacheOption = None,
) -> None:
    """Show every place with that name."""
    from marsad.knowledge.gazetteer import Gazetteer
    from marsad.text.normalize import fold

    gaz = Gazetteer.load(cache_dir)
    places = gaz.lookup(name)
    if not places:
        err.print(f"no place named {name!r}")
        raise typer.Exit(1)
    # One plain line per place: rich tables wrap Arabic badly in narrow terminals.
    for p in sorted(places, key=lambda p: -p.population):
        where = " / ".join(x for x in (p.country, p.admin1, p.admin2) if x)
        out.print(
            f"{p.id}\t{p.name} ({p.arabic})\t{p.kind}\t{where}\t"
            f"{p.latitude:.5f},{p.longitude:.5f}\tpop {p.population}",
            highlight=False,
            soft_wrap=True,
        )
    if gaz.is_stopword(fold(name)):
        out.print("[yellow]stopword:[/yellow] accepted in text only after a place cue")


def register(app: typer.Typer) -> None:
    """Add this layer's commands to the main app."""
    app.add_typer(gazetteer_app, name="gazetteer")
