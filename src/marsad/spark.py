"""Spark scale-out: the same extraction as `Pipeline.extract_article`, spread over executors.

Each Python worker keeps one pipeline per knowledge configuration in a module-level cache, so the
knowledge (lexicons, matchers, gazetteer) loads once per worker process, not once per record or per
partition. Spark reuses Python workers between tasks by default (spark.python.worker.reuse).

Malformed records never fail a job. They come out as rows of the same DataFrame with a non-null
`_reject_reason` column (every event column null); `split_rejects` separates the two kinds.

    spark = local_session("local[2]")
    rows = extract_dataframe(spark.read.json("reports.jsonl"))
    events, rejects = split_rejects(rows)

Run as a script (spark-submit) it is the `marsad spark-extract` command; see docs/spark.md.
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from marsad.io.clean import clean_article
from marsad.io.readers import invalid_field, numeric_date
from marsad.models import FLOAT_COLUMNS, INT_COLUMNS, OUTPUT_COLUMNS, Article, Event
from marsad.pipeline import Pipeline

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

ARTICLE_FIELDS: tuple[str, ...] = ("id", "text", "title", "published", "url", "outlet")
REJECT_COL = "_reject_reason"
INDEX_COL = "event_index"  # the event's position in its report, so outputs can be ordered as the pipeline's
SOURCE_COL = "_source"  # the input file of a reject row (null for DataFrame inputs and event rows)
RESULT_COLUMNS: tuple[str, ...] = (*OUTPUT_COLUMNS, INDEX_COL, REJECT_COL, SOURCE_COL)

# CODING.md §8 columns by Spark type; every other column is a string (weapons and evidence as JSON).
_INT_COLS = INT_COLUMNS | {INDEX_COL}
_LONG_COLS = frozenset({"timestamp"})
_DOUBLE_COLS = FLOAT_COLUMNS
_BOOL_COLS = frozenset({"primary"})


def result_schema() -> StructType:
    """The typed schema of `extract_dataframe` rows (all nullable: reject rows leave events empty)."""
    from pyspark.sql.types import BooleanType, DoubleType, IntegerType, LongType, StringType, StructField
    from pyspark.sql.types import StructType as _StructType

    def typ(name: str) -> Any:
        if name in _INT_COLS:
            return IntegerType()
        if name in _LONG_COLS:
            return LongType()
        if name in _DOUBLE_COLS:
            return DoubleType()
        if name in _BOOL_COLS:
            return BooleanType()
        return StringType()

    return _StructType([StructField(c, typ(c), nullable=True) for c in RESULT_COLUMNS])


# ---------------------------------------------------------------------------------------------
# Executor side: plain Python, no Spark imports, so it is testable and cheap to ship.

_pipelines: dict[tuple[str | None, str | None], Pipeline] = {}
_pipelines_lock = threading.Lock()


def worker_pipeline(settings: Pipeline | None) -> Pipeline:
    """This process's pipeline for `settings`' knowledge configuration, built once per process."""
    key = (settings.knowledge_dir, settings.cache_dir) if settings is not None else (None, None)
    with _pipelines_lock:
        p = _pipelines.get(key)
        if p is None:
            p = _pipelines[key] = Pipeline(*key)
        return p


def _empty_row(article_id: str | None, reason: str, source: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(RESULT_COLUMNS)
    row[SOURCE_COL] = source
    row["article_id"] = article_id
    row[REJECT_COL] = reason
    return row


def event_row(event: Event, index: int, article_id: str) -> dict[str, Any]:
    """One event as a typed output row (CODING.md §8, weapons and evidence as JSON text)."""
    d = event.model_dump(mode="json")
    row: dict[str, Any] = {c: d[c] for c in OUTPUT_COLUMNS}
    row["article_id"] = article_id
    row["weapons"] = json.dumps(event.weapons, ensure_ascii=False)
    row["evidence"] = json.dumps(d["evidence"], ensure_ascii=False)
    # Spark's schema check refuses an int where a double is declared; a NaN coordinate (an unplaced
    # gazetteer entry) is an empty cell, so it becomes null rather than NaN in Parquet.
    for c in _DOUBLE_COLS:
        if row[c] is not None:
            row[c] = float(row[c])
            if math.isnan(row[c]):
                row[c] = None
    row[INDEX_COL] = index
    row[REJECT_COL] = None
    row[SOURCE_COL] = None
    return row


def _clean_published(v: Any) -> Any:
    # A DataFrame column may arrive as a date or timestamp rather than text.
    if isinstance(v, datetime):
        return v.date()
    return v


def to_article(record: dict[str, Any]) -> Article | str:
    """An Article from a record dict, or the reason it cannot be one (same rules as the JSONL reader)."""
    rid = record.get("id")
    rid = str(rid) if rid not in (None, "") else ""
    text = record.get("text")
    if not isinstance(text, str):
        return "missing or non-string 'text' field"
    if not text.strip():
        return "empty 'text' field"
    fields = {k: record.get(k) for k in ("title", "url", "outlet")}
    fields = {k: (str(v) if v is not None else None) for k, v in fields.items()}
    if (why := numeric_date(record.get("published"))) is not None:
        return why
    try:
        art = Article(id=rid, text=text, published=_clean_published(record.get("published")), **fields)
    except ValidationError as exc:
        return invalid_field(exc)
    # Lone surrogates (from JSON escapes) would make hashing the text raise: cleaned as by the readers.
    return clean_article(art).ensure_id()


def extract_records(records: Iterable[dict[str, Any]], settings: Pipeline | None = None) -> Iterator[dict]:
    """Output rows for each record: one per event, or one reject row; never raises on bad input."""
    pipeline = worker_pipeline(settings)
    for rec in records:
        rid = rec.get("id")
        rid = str(rid) if rid not in (None, "") else None
        # A record read from a file names it in its reject row, so the record can be found again.
        where = str(rec["_source"]) if rec.get("_source") else None
        reason = rec.get(REJECT_COL)
        if reason:  # already set aside upstream (e.g. a line that is not JSON)
            yield _empty_row(rid, str(reason), where)
            continue
        try:
            art = to_article(rec)
        except Exception as exc:  # a reader bug on one record must not lose the partition
            art = f"unreadable record: {type(exc).__name__}: {exc}"
        if isinstance(art, str):
            yield _empty_row(rid, art, where)
            continue
        out = pipeline.extract_outcome(art)  # never raises: a failure is the outcome's error
        if out.error is not None:
            yield _empty_row(art.id, f"extraction failed: {out.error}", where)
            continue
        for i, ev in enumerate(out.events):
            yield event_row(ev, i, art.id)


def parse_jsonl_line(line: str, source: str = "") -> dict[str, Any] | None:
    """A JSONL line as a record dict; a bad line becomes a record carrying its reject reason."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"_source": source, REJECT_COL: f"invalid JSON: {exc.msg} (column {exc.colno})"}
    if not isinstance(obj, dict):
        return {"_source": source, REJECT_COL: f"expected a JSON object, got {type(obj).__name__}"}
    rec: dict[str, Any] = {k: obj.get(k) for k in ARTICLE_FIELDS}
    rec["_source"] = source
    # JSON numbers or objects in the optional text fields are kept as text, not rejected.
    for k in ("title", "url", "outlet"):
        if rec[k] is not None and not isinstance(rec[k], str):
            rec[k] = json.dumps(rec[k], ensure_ascii=False)
    return rec


def _extract_lines(lines: Iterable[Any], settings: Pipeline | None) -> Iterator[dict]:
    # (line, source file) pairs from spark.read.text; the file goes into reject reasons.
    records = (parse_jsonl_line(row[0], row[1]) for row in lines)
    yield from extract_records((r for r in records if r is not None), settings)


def _row_tuple(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c] for c in RESULT_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Driver side


def local_session(
    master: str = "local[2]", *, app_name: str = "marsad", shuffle_partitions: int = 4, **conf: str
) -> SparkSession:
    """A SparkSession that runs offline: UI off, bound to 127.0.0.1, workers on this interpreter."""
    from pyspark.sql import SparkSession

    # The executors' Python must be the one marsad is installed in, not whatever `python3` is on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.log.level", "ERROR")
    )
    if master.startswith("local"):
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config(
            "spark.driver.host", "127.0.0.1"
        )
    for k, v in conf.items():
        builder = builder.config(k.replace("_", "."), v)
    return builder.getOrCreate()


def extract_rdd(rdd: RDD[dict[str, Any]], pipeline: Pipeline | None = None) -> RDD[dict[str, Any]]:
    """Rows for an RDD of article dicts (keys id, text, title, published, url, outlet).

    Each output dict has the RESULT_COLUMNS keys: an event row (`_reject_reason` None) per event,
    or one reject row (`_reject_reason` set, event columns None) per malformed record.
    """
    settings = pipeline

    def run(part: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        return extract_records(part, settings)

    return rdd.mapPartitions(run)


def extract_dataframe(
    df: DataFrame,
    *,
    text_col: str = "text",
    id_col: str = "id",
    published_col: str = "published",
    title_col: str = "title",
    outlet_col: str = "outlet",
    url_col: str = "url",
    pipeline: Pipeline | None = None,
) -> DataFrame:
    """One row per event (CODING.md §8 columns, `event_index`) plus one row per rejected input row.

    Reject rows have `_reject_reason` set and only `article_id` filled (null when the row had no id).
    Columns other than `text_col` may be missing from `df`; they are then null. A missing id becomes
    the first 16 hex digits of the text's SHA-256, as in `Article.ensure_id`.
    """
    from pyspark.sql import functions as F

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {', '.join(df.columns)})")
    names = {
        "id": id_col,
        "text": text_col,
        "title": title_col,
        "published": published_col,
        "url": url_col,
        "outlet": outlet_col,
    }
    cols = []
    for field, col in names.items():
        if col in df.columns:
            # Text columns as strings (ids may be numbers); dates keep their type, the pipeline reads both.
            c = F.col(col) if field in ("text", "published") else F.col(col).cast("string")
        else:
            c = F.lit(None).cast("string")
        cols.append(c.alias(field))
    records = df.select(*cols).rdd.map(lambda r: r.asDict())
    rows = extract_rdd(records, pipeline).map(_row_tuple)
    return df.sparkSession.createDataFrame(rows, schema=result_schema())


def split_rejects(rows: DataFrame) -> tuple[DataFrame, DataFrame]:
    """(events, rejects) from `extract_dataframe`; cache `rows` first to extract only once."""
    from pyspark.sql import functions as F

    events = rows.where(F.col(REJECT_COL).isNull()).drop(REJECT_COL, SOURCE_COL)
    rejects = rows.where(F.col(REJECT_COL).isNotNull()).select("article_id", REJECT_COL)
    return events, rejects


@dataclass(frozen=True)
class SparkRunSummary:
    reports: int  # non-blank input lines
    events: int
    rejects: int
    events_path: str
    rejects_path: str


def extract_files(
    input_paths: str | Sequence[str],
    output_dir: str,
    *,
    fmt: str = "parquet",
    partitions: int | None = None,
    spark: SparkSession | None = None,
    pipeline: Pipeline | None = None,
    overwrite: bool = False,
) -> SparkRunSummary:
    """Read JSONL reports, extract, write `output_dir/events` and `output_dir/rejects`.

    `fmt` is "parquet" or "jsonl" (Spark JSON lines, one part file per partition). Rejects are
    always JSON lines with the keys of every rejects file: source, line (null), id, kind, reason. `partitions` sets how
    the lines are spread over tasks; by default at least the cluster's default parallelism.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if fmt not in ("parquet", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'jsonl'")
    paths = [input_paths] if isinstance(input_paths, str) else list(input_paths)
    if not paths:
        raise ValueError("no input paths")
    spark = spark or local_session()
    lines = (
        spark.read.text(paths)
        .select(F.col("value"), F.col("_metadata.file_path").alias("source"))
        .where(F.trim(F.col("value")) != "")
    )
    lines_rdd = lines.rdd
    n = partitions or max(lines_rdd.getNumPartitions(), spark.sparkContext.defaultParallelism)
    if n != lines_rdd.getNumPartitions():
        lines_rdd = lines_rdd.repartition(n)
    settings = pipeline
    rows_rdd = lines_rdd.mapPartitions(lambda part: _extract_lines(part, settings)).map(_row_tuple)
    rows = spark.createDataFrame(rows_rdd, schema=result_schema())
    # Two outputs from one extraction: keep the rows rather than extract twice.
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        events, _ = split_rejects(rows)
        # The rejects file has the keys of `marsad extract` and `marsad ingest` rejects (the line is
        # not known: Spark reads lines without their numbers).
        rejects = rows.where(F.col(REJECT_COL).isNotNull()).select(
            F.col(SOURCE_COL).alias("source"),
            F.lit(None).cast("int").alias("line"),
            F.col("article_id").alias("id"),
            F.lit("rejected").alias("kind"),
            F.col(REJECT_COL).alias("reason"),
        )
        base = output_dir.rstrip("/")
        events_path, rejects_path = f"{base}/events", f"{base}/rejects"
        mode = "overwrite" if overwrite else "errorifexists"
        if fmt == "parquet":
            events.write.mode(mode).parquet(events_path)
        else:
            events.write.mode(mode).option("ignoreNullFields", "false").json(events_path)
        rejects.coalesce(1).write.mode(mode).option("ignoreNullFields", "false").json(rejects_path)
        return SparkRunSummary(
            reports=lines.count(),
            events=events.count(),
            rejects=rejects.count(),
            events_path=events_path,
            rejects_path=rejects_path,
        )
    finally:
        rows.unpersist()


if __name__ == "__main__":  # spark-submit .../marsad/spark.py INPUT... -o OUTDIR
    from marsad.spark_commands import main

    main()
