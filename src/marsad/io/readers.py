"""Read reports from JSON Lines, text files, folders or stdin.

A malformed record never stops a run: it comes out as a `Reject` naming the file, line and record id,
and the caller reports it and goes on (the exit code then says the run was partial).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from marsad.io.clean import clean_article
from marsad.models import Article

# A report larger than this is still read; only truly absurd inputs are refused.
MAX_RECORD_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


@dataclass(frozen=True, slots=True)
class Reject:
    """A record set aside, with enough context to find it again."""

    source: str
    line: int | None
    record_id: str | None
    reason: str

    def __str__(self) -> str:
        where = self.source + (f":{self.line}" if self.line is not None else "")
        rid = f" (id {self.record_id})" if self.record_id else ""
        return f"{where}{rid}: {self.reason}"


Record = Article | Reject


@dataclass(frozen=True, slots=True)
class Sourced:
    """A record with where it came from: `line` is the JSONL line (None for a whole file)."""

    source: str
    line: int | None
    record: Record


REJECT_KEYS = ("source", "line", "id", "kind", "reason")


def reject_line(
    source: str, line: int | None, record_id: str | None, reason: str, kind: str = "rejected"
) -> dict[str, object]:
    """One line of a rejects file, the same keys for every command (`extract`, `ingest`):
    source (file, URL or "-"), line (JSONL line or null), id, kind ("rejected" for a record set
    aside, "warning" for one processed with a caveat, e.g. cut at MAX_CHARS), reason."""
    return dict(zip(REJECT_KEYS, (source, line, record_id, kind, reason), strict=True))


def _decode(raw: bytes, source: str) -> str | Reject:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Reject(source, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})")


def _article_from_text(text: str, source: str, published: date | None) -> Record:
    if not text.strip():
        return Reject(source, None, None, "empty report")
    art = Article(id=Path(source).stem if source != "-" else "", text=text, published=published)
    return clean_article(art).ensure_id()


def numeric_date(value: object) -> str | None:
    """The reject reason for a publication date given as a JSON number (20200101), else None:
    pydantic would read it as a Unix timestamp or fail with a confusing message."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"invalid field 'published': {value} is a number; write the date as a string, YYYY-MM-DD"
    return None


def invalid_field(exc: ValidationError) -> str:
    """The reject reason for an Article that pydantic refused: its first error, field and message."""
    err = exc.errors()[0]
    return f"invalid field '{'.'.join(str(p) for p in err['loc'])}': {err['msg']}"


def _record(obj: object, source: str, lineno: int, published: date | None) -> Record:
    """One parsed JSONL value as an Article, or the reason it is not one."""
    if not isinstance(obj, dict):
        return Reject(source, lineno, None, f"expected a JSON object, got {type(obj).__name__}")
    rid = str(obj["id"]) if obj.get("id") not in (None, "") else None
    if not isinstance(obj.get("text"), str):
        return Reject(source, lineno, rid, "missing or non-string 'text' field")
    if not obj["text"].strip():
        return Reject(source, lineno, rid, "empty 'text' field")
    fields = {k: obj.get(k) for k in ("title", "published", "url", "outlet")}
    if (why := numeric_date(fields["published"])) is not None:
        return Reject(source, lineno, rid, why)
    if fields["published"] in (None, "") and published is not None:
        fields["published"] = published
    try:
        art = clean_article(Article(id=rid or "", text=obj["text"], **fields))
    except ValidationError as exc:
        return Reject(source, lineno, rid, invalid_field(exc))
    if not art.id:
        art.id = f"{Path(source).stem}-{lineno}" if source != "-" else art.content_hash()[:16]
    return art


def _iter_jsonl(stream_lines: Iterator[bytes], source: str, published: date | None) -> Iterator[Sourced]:
    for lineno, raw in enumerate(stream_lines, start=1):
        if not raw.strip():
            continue
        if len(raw) > MAX_RECORD_BYTES:
            rec: Record = Reject(source, lineno, None, f"record larger than {MAX_RECORD_BYTES} bytes")
        elif isinstance(line := _decode(raw, source), Reject):
            rec = Reject(source, lineno, None, line.reason)
        else:
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                why = (
                    f"{exc.msg} (column {exc.colno})"
                    if isinstance(exc, json.JSONDecodeError)
                    else "nested too deep"
                )
                rec = Reject(source, lineno, None, f"invalid JSON: {why}")
            else:
                try:
                    rec = _record(obj, source, lineno, published)
                except Exception as exc:  # a reader bug on one line must not end the file
                    rid = str(obj.get("id"))[:200] if isinstance(obj, dict) and obj.get("id") else None
                    rec = Reject(source, lineno, rid, f"unreadable record: {type(exc).__name__}: {exc}")
        yield Sourced(source, lineno, rec)


def _iter_path(path: Path, published: date | None) -> Iterator[Sourced]:
    source = str(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield from _iter_path(child, published)
        return
    if not path.exists():
        yield Sourced(source, None, Reject(source, None, None, "no such file or folder"))
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from _iter_jsonl(iter(fh), source, published)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Sourced(source, None, Reject(source, None, None, f"cannot read: {exc.strerror}"))
        return
    if b"\x00" in raw[:4096]:
        yield Sourced(source, None, Reject(source, None, None, "binary file, not a text report"))
        return
    text = _decode(raw, source)
    yield Sourced(
        source, None, text if isinstance(text, Reject) else _article_from_text(text, source, published)
    )


def iter_sourced(inputs: Sequence[str], *, published: date | None = None) -> Iterator[Sourced]:
    """Every report in `inputs` (paths, folders or "-" for stdin), in order, with its file and line.

    `published` fills the publication date of plain-text reports and of JSONL records without one.
    Stdin is read as JSON Lines when its first non-blank character is "{", else as one text report.
    """
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip()[:1] == b"{":
                yield from _iter_jsonl(iter(data.splitlines()), "-", published)
            else:
                text = _decode(data, "-")
                rec = text if isinstance(text, Reject) else _article_from_text(text, "-", published)
                yield Sourced("-", None, rec)
        else:
            yield from _iter_path(Path(item), published)


def iter_records(inputs: Sequence[str], *, published: date | None = None) -> Iterator[Record]:
    """Every report in `inputs` as Article or Reject (`iter_sourced` without the provenance)."""
    for s in iter_sourced(inputs, published=published):
        yield s.record
