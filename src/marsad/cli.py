"""The `marsad` command line: a thin layer over the Python API.

Each layer registers its own commands, so this file only assembles them. A command's layer is
imported only when that command runs (or when the help lists them all): importing every layer
(the web server, the feed reader, Spark...) cost ~0.9 s before any command started.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperGroup

# The layers, in the order their commands are listed, and the commands each registers. A name
# missing here still works: an unknown name loads every layer before it is looked up.
LAYERS: dict[str, tuple[str, ...]] = {
    "marsad.io.commands": ("extract", "explain"),
    "marsad.evaluation.commands": ("eval",),
    "marsad.knowledge.commands": ("gazetteer",),
    "marsad.store.commands": ("ingest", "export", "dedup", "db"),
    "marsad.ingest.commands": ("watch",),
    "marsad.api.commands": ("serve",),
    "marsad.spark_commands": ("spark-extract",),
    "marsad.acled_commands": ("compare-acled",),
}
_LAYER_OF = {name: layer for layer, names in LAYERS.items() for name in names}


class LazyGroup(TyperGroup):
    """The main group: it imports a layer when one of its commands is asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def _load(self, layer: str) -> None:
        if layer in self._loaded:
            return
        self._loaded.add(layer)
        sub = typer.Typer()
        sub.callback()(_no_options)  # a callback keeps even a one-command layer a group
        importlib.import_module(layer).register(sub)
        group = typer.main.get_command(sub)
        assert isinstance(group, TyperGroup)
        for name, cmd in group.commands.items():
            self.add_command(cmd, name)

    def _load_all(self) -> None:
        for layer in LAYERS:
            self._load(layer)

    def list_commands(self, ctx: Any) -> list[str]:
        self._load_all()
        # As when every layer registered itself at import: commands in layer order, then the
        # command groups (gazetteer, db).
        names = list(self.commands)
        return [n for n in names if not isinstance(self.commands[n], TyperGroup)] + [
            n for n in names if isinstance(self.commands[n], TyperGroup)
        ]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        layer = _LAYER_OF.get(cmd_name)
        if layer is not None:
            self._load(layer)
        if cmd_name not in self.commands:
            self._load_all()
        return super().get_command(ctx, cmd_name)


def _no_options() -> None:
    """Arabic news reports to ACLED-style conflict events."""


app = typer.Typer(
    name="marsad",
    help="Arabic news reports to ACLED-style conflict events.",
    no_args_is_help=True,
    add_completion=False,
    cls=LazyGroup,
)
app.callback()(_no_options)


if __name__ == "__main__":
    app()
