"""Write extraction results as ACLED CSV, JSON Lines (articles with events and evidence) or GeoJSON.

The format follows the output file's extension. Writers stream: results are written as they come.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from marsad.models import OUTPUT_COLUMNS, ArticleResult, Event

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".geojson": "geojson"}


class UnknownFormatError(ValueError):
    pass


def format_for(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise UnknownFormatError(f"cannot tell the output format of '{path}': use one of {known}") from None


def csv_row(event: Event) -> dict[str, object]:
    """One CSV row in CODING.md §8 column order."""
    return event.acled_row()


def event_feature(event: Event) -> dict[str, object]:
    """A GeoJSON Feature; events without coordinates get a null geometry (RFC 7946 §3.2)."""
    props = event.model_dump(mode="json", exclude={"latitude", "longitude"})
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "geometry": geometry, "properties": props}


class ResultWriter:
    """Incremental writer: `write(result)` per article, `close()` at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fmt = format_for(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._first_feature = True
        self.events = 0
        if self.fmt == "csv":
            self._csv = csv.DictWriter(self._fh, fieldnames=list(OUTPUT_COLUMNS))
            self._csv.writeheader()
        elif self.fmt == "geojson":
            self._fh.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, result: ArticleResult) -> None:
        self.events += len(result.events)
        if self.fmt == "jsonl":
            self._fh.write(result.model_dump_json() + "\n")
        elif self.fmt == "csv":
            for ev in result.events:
                self._csv.writerow(csv_row(ev))
        else:
            for ev in result.events:
                sep = "" if self._first_feature else ",\n"
                self._first_feature = False
                self._fh.write(sep + json.dumps(event_feature(ev), ensure_ascii=False))

    def close(self) -> None:
        if self.fmt == "geojson":
            self._fh.write("\n]}\n")
        self._fh.close()

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_results(path: Path, results: Iterable[ArticleResult]) -> int:
    """Write all results to `path`; returns the number of events written."""
    with ResultWriter(path) as w:
        for r in results:
            w.write(r)
        return w.events
