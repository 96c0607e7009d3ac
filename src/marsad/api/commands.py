"""CLI commands of this layer (registered on the main `marsad` app by marsad.cli)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this layer's commands to the main app."""
