"""CLI commands of this layer (registered on the main `marsad` app by marsad.cli)."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add this layer's commands to the main app."""

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
        db: Annotated[
            str | None,
            typer.Option(help="Database URL (default: MARSAD_DATABASE_URL, else the local SQLite file)"),
        ] = None,
        workers: Annotated[int, typer.Option(help="uvicorn worker processes")] = 1,
        log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "info",
    ) -> None:
        """Serve the REST API and the web map on the configured database."""
        import os

        import uvicorn

        from marsad.api.app import create_app
        from marsad.api.settings import ApiSettings

        if db:
            # Through the environment so that every uvicorn worker process sees the same URL.
            os.environ["MARSAD_DATABASE_URL"] = db
        try:
            settings = ApiSettings()
            tokens = settings.token_table()
        except ValueError as exc:
            typer.echo(f"marsad serve: {exc}", err=True)
            raise typer.Exit(2) from None
        if not tokens:
            typer.echo("marsad serve: no MARSAD_API_TOKENS set: the review actions are disabled.", err=True)
        if workers > 1:
            uvicorn.run(
                "marsad.api.app:create_app",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                log_level=log_level,
            )
        else:
            uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
