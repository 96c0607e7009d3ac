"""A throwaway PostgreSQL schema: the URL of a fresh, empty schema on a server, dropped when the
block ends. For tests, benchmarks and trial runs that must not touch the server's tables."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text


def schema_url(server_url: str, schema: str) -> str:
    """`server_url` with its search_path set to `schema` (libpq's options parameter)."""
    sep = "&" if "?" in server_url else "?"
    return f"{server_url}{sep}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def scratch_schema(server_url: str, prefix: str = "scratch") -> Iterator[str]:
    """Yield the URL of a new schema `<prefix>_<random>` on the server; drop it afterwards."""
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield schema_url(server_url, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
