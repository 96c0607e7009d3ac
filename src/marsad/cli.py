"""The `marsad` command line: a thin layer over the Python API.

Each layer registers its own commands, so this file only assembles them.
"""

from __future__ import annotations

import typer

from marsad import acled_commands, spark_commands
from marsad.api import commands as api_commands
from marsad.evaluation import commands as eval_commands
from marsad.ingest import commands as watch_commands
from marsad.io import commands as extract_commands
from marsad.knowledge import commands as knowledge_commands
from marsad.store import commands as store_commands

app = typer.Typer(
    name="marsad",
    help="Arabic news reports to ACLED-style conflict events.",
    no_args_is_help=True,
    add_completion=False,
)

for module in (
    extract_commands,
    eval_commands,
    knowledge_commands,
    store_commands,
    watch_commands,
    api_commands,
    spark_commands,
    acled_commands,
):
    module.register(app)


if __name__ == "__main__":
    app()
