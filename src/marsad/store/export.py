"""Exports of stored events: ACLED CSV, JSON Lines, GeoJSON and Parquet, streamed.

Rows come out in event id order, so two exports of the same data are byte-identical (CSV, JSONL,
GeoJSON) and diff cleanly from one day to the next.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from marsad.io.writers import csv_row, event_feature
from marsad.models import ACLED_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, OUTPUT_COLUMNS
from marsad.store.types import EventRecord

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".geojson": "geojson", ".parquet": "parquet"}
# What the store adds to CODING.md §8's columns in every format.
STORE_COLUMNS: tuple[str, ...] = ("status", "n_sources", "merged_into")


def format_for(path: Path, fmt: str | None = None) -> str:
    if fmt:
        fmt = fmt.lower()
        if fmt not in set(FORMATS.values()):
            raise ValueError(f"unknown export format '{fmt}': use csv, jsonl, geojson or parquet")
        return fmt
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(
            f"cannot tell the export format of '{path}': use a .csv, .jsonl, .geojson or .parquet name, or --format"
        ) from None


def flat_row(ev: EventRecord) -> dict[str, object]:
    row = csv_row(ev)
    row.update({"status": ev.status, "n_sources": ev.n_sources, "merged_into": ev.merged_into or ""})
    return row


def write_csv(fh: IO[str], events: Iterable[EventRecord]) -> int:
    w = csv.DictWriter(fh, fieldnames=[*OUTPUT_COLUMNS, *STORE_COLUMNS])
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(flat_row(ev))
        n += 1
    return n


def write_jsonl(fh: IO[str], events: Iterable[EventRecord]) -> int:
    n = 0
    for ev in events:
        fh.write(ev.model_dump_json(exclude={"id", "created_at", "updated_at"}) + "\n")
        n += 1
    return n


def write_geojson(fh: IO[str], events: Iterable[EventRecord]) -> int:
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        feat = event_feature(ev)
        props = feat["properties"]
        assert isinstance(props, dict)
        for k in ("id", "created_at", "updated_at"):
            props.pop(k, None)
        fh.write(("" if n == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


def _parquet_schema():
    import pyarrow as pa

    ints = INT_COLUMNS | {"n_sources", "interaction"}  # interaction: a number, as in the API
    floats = FLOAT_COLUMNS
    fields = []
    for name in [*OUTPUT_COLUMNS, *STORE_COLUMNS]:
        if name == "timestamp":
            t = pa.int64()
        elif name in ints:
            t = pa.int32()
        elif name in floats:
            t = pa.float64()
        elif name == "primary":
            t = pa.bool_()
        elif name == "weapons":
            t = pa.list_(pa.string())
        elif name == "event_date":
            t = pa.date32()
        else:
            t = pa.string()
        fields.append(pa.field(name, t))
    return pa.schema(fields)


def write_parquet(path: Path, events: Iterable[EventRecord], batch: int = 5000) -> int:
    from datetime import date

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    buf: list[dict[str, object]] = []

    def flush(writer: pq.ParquetWriter) -> None:
        writer.write_table(pa.Table.from_pylist(buf, schema=schema))
        buf.clear()

    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for ev in events:
            d = ev.model_dump(mode="json")
            row: dict[str, object] = {k: d.get(k) for k in ACLED_COLUMNS}
            row["event_date"] = date.fromisoformat(ev.event_date) if ev.event_date else None
            row.update(
                article_id=ev.article_id,
                primary=ev.primary,
                injuries=ev.injuries,
                weapons=list(ev.weapons),
                confidence=ev.confidence,
                evidence=csv_row(ev)["evidence"],
                status=ev.status,
                n_sources=ev.n_sources,
                merged_into=ev.merged_into,
            )
            buf.append(row)
            n += 1
            if len(buf) >= batch:
                flush(writer)
        if buf or n == 0:
            flush(writer)
    return n


def export_events(path: Path, events: Iterable[EventRecord], fmt: str | None = None) -> int:
    """Write `events` to `path` in the format of its extension (or `fmt`); returns rows written.

    Written to a temporary name first and renamed, so a reader never sees half a file."""
    kind = format_for(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        if kind == "parquet":
            n = write_parquet(tmp, events)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                writer = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}[kind]
                n = writer(fh, events)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return n
