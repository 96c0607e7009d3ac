"""Spark scale-out: a real local SparkSession must code the gold reports exactly as one process does.

One session for the whole module (starting Spark costs seconds); each extraction runs once and is
shared by the assertions through module-scoped fixtures.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark not installed (pip install -e '.[spark]')")

from marsad.io.readers import REJECT_KEYS  # noqa: E402
from marsad.models import OUTPUT_COLUMNS, Event  # noqa: E402
from marsad.spark import (  # noqa: E402
    REJECT_COL,
    extract_dataframe,
    extract_files,
    extract_rdd,
    local_session,
    split_rejects,
)

REPO = Path(__file__).resolve().parent.parent
GOLD_FILES = sorted((REPO / "data" / "gold" / "dev").glob("*.jsonl"))

# Fields compared event by event; `timestamp` is the coding time and differs between runs.
COMPARED = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "country", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "injuries", "primary",
    "confidence", "notes",
)  # fmt: skip


def _gold_records() -> list[dict[str, Any]]:
    out = []
    for f in GOLD_FILES:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append({k: rec.get(k) for k in ("id", "text", "title", "published", "url", "outlet")})
    return out


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("Java is not installed: Spark needs a JVM (java on PATH)")
    if not GOLD_FILES:
        pytest.skip("no gold reports under data/gold/dev")
    session = local_session("local[2]", shuffle_partitions=2)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return _gold_records()


# The reference runs in a child process with the hash seed PySpark gives its workers (the driver's
# PYTHONHASHSEED, else 0): a few place ties are still broken by set order, so two processes with
# different seeds can code the same report differently, which is not what this module tests.
_REFERENCE = """
import json, sys
from marsad import Article, Pipeline
p = Pipeline()
out = {}
for line in sys.stdin:
    r = json.loads(line)
    out[r["id"]] = [e.model_dump(mode="json") for e in p.extract_article(Article(**r))]
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def expected(gold: list[dict[str, Any]]) -> dict[str, list[Event]]:
    """The single-process reference: Pipeline().extract_article on every gold report."""
    env = {**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")}
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold)
    proc = subprocess.run(
        [sys.executable, "-c", _REFERENCE], input=stdin, capture_output=True, text=True, env=env, check=True
    )
    raw = json.loads(proc.stdout)
    return {aid: [Event.model_validate(e) for e in evs] for aid, evs in raw.items()}


def _by_article(rows: list[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for r in sorted(rows, key=lambda r: (r["article_id"], r["event_index"])):
        out.setdefault(r["article_id"], []).append(r)
    return out


def _assert_same_events(rows: list[Any], expected: dict[str, list[Event]]) -> None:
    got = _by_article(rows)
    want = {k: v for k, v in expected.items() if v}
    assert sorted(got) == sorted(want), "articles with events differ"
    for aid, events in want.items():
        assert len(got[aid]) == len(events), f"{aid}: {len(got[aid])} events, expected {len(events)}"
        for row, ev in zip(got[aid], events, strict=True):
            for field in COMPARED:
                want_value = getattr(ev, field)
                if isinstance(want_value, float) and math.isnan(want_value):
                    want_value = None  # Spark writes a NaN coordinate as null (an empty ACLED cell)
                assert row[field] == want_value, f"{aid} event {row['event_index']}: {field}"
            assert json.loads(row["weapons"]) == ev.weapons
            assert json.loads(row["evidence"]) == ev.model_dump(mode="json")["evidence"]


# Malformed rows: null text, blank text, an impossible date, a date that is not one.
BAD_ROWS = [
    {"id": "bad-null", "text": None, "published": "2023-01-01"},
    {"id": "bad-blank", "text": "   \n ", "published": "2023-01-01"},
    {"id": "bad-date", "text": "قُتل مدنيان في قصف على مدينة إدلب.", "published": "2023-13-45"},
    {"id": "bad-word", "text": "اشتباكات في ريف حلب الشمالي.", "published": "أمس"},
]


@pytest.fixture(scope="module")
def df_rows(spark: Any, gold: list[dict[str, Any]]) -> list[Any]:
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType(
        [StructField(c, StringType()) for c in ("id", "text", "title", "published", "url", "outlet")]
    )
    records = [{**{k: None for k in schema.fieldNames()}, **r} for r in gold + BAD_ROWS]
    df = spark.createDataFrame([tuple(r[c] for c in schema.fieldNames()) for r in records], schema)
    return extract_dataframe(df.repartition(3)).collect()


def test_dataframe_matches_single_process(df_rows: list[Any], expected: dict[str, list[Event]]) -> None:
    events = [r for r in df_rows if r[REJECT_COL] is None]
    assert len(events) >= len(expected)  # the gold reports are event-rich: guard against an empty run
    _assert_same_events(events, expected)


def test_dataframe_reports_rejects(df_rows: list[Any]) -> None:
    rejects = {r["article_id"]: r[REJECT_COL] for r in df_rows if r[REJECT_COL] is not None}
    assert set(rejects) == {r["id"] for r in BAD_ROWS}
    assert "text" in rejects["bad-null"]
    assert "empty" in rejects["bad-blank"]
    assert "published" in rejects["bad-date"]
    assert "published" in rejects["bad-word"]
    for r in df_rows:
        if r[REJECT_COL] is not None:
            assert r["event_type"] is None and r["fatalities"] is None


def test_schema_is_typed(spark: Any) -> None:
    df = spark.createDataFrame([("x", "")], "id string, text string")
    rows = extract_dataframe(df)
    types = dict(rows.dtypes)
    assert list(types)[: len(OUTPUT_COLUMNS)] == list(OUTPUT_COLUMNS)
    assert types["fatalities"] == "int" and types["year"] == "int" and types["iso"] == "int"
    assert types["timestamp"] == "bigint"
    assert types["latitude"] == "double" and types["confidence"] == "double"
    assert types["primary"] == "boolean"
    assert types["weapons"] == "string" and types["evidence"] == "string"
    events, rejects = split_rejects(rows)
    assert REJECT_COL not in events.columns and events.count() == 0
    assert [tuple(r) for r in rejects.collect()] == [("x", "empty 'text' field")]


def test_rdd_of_dicts(spark: Any, gold: list[dict[str, Any]], expected: dict[str, list[Event]]) -> None:
    sample = gold[:12]
    rows = extract_rdd(spark.sparkContext.parallelize(sample, 2)).collect()
    assert all(r[REJECT_COL] is None for r in rows)
    _assert_same_events(rows, {r["id"]: expected[r["id"]] for r in sample})


def test_pipeline_built_once_per_worker(spark: Any) -> None:
    """Many partitions, few Python workers: each worker builds one pipeline and reuses it."""

    def pipeline_ids(part: Any) -> Iterator[tuple[int, int]]:
        import os

        from marsad.spark import worker_pipeline

        list(part)
        yield os.getpid(), id(worker_pipeline(None))

    n_parts = 16
    pairs = spark.sparkContext.parallelize(range(64), n_parts).mapPartitions(pipeline_ids).collect()
    by_pid: dict[int, set[int]] = {}
    for pid, obj in pairs:
        by_pid.setdefault(pid, set()).add(obj)
    assert all(len(objs) == 1 for objs in by_pid.values()), by_pid  # one pipeline per process
    assert len(by_pid) < n_parts  # workers are reused across tasks, not one per partition


@pytest.fixture(scope="module")
def file_run(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    inp = tmp_path_factory.mktemp("spark_in")
    for f in GOLD_FILES:
        shutil.copy(f, inp / f.name)
    bad = [
        "{not json",
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "published": "2023-01-01"}),
        json.dumps({"id": "file-bad-date", "text": "قصف على مدينة حلب.", "published": "2023-02-30"}),
        "",
    ]
    (inp / "zz-bad.jsonl").write_text("\n".join(bad) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("spark_out") / "run"
    summary = extract_files([str(inp)], str(out), fmt="parquet", spark=spark, partitions=3)
    return out, summary


def test_files_parquet_matches_single_process(
    spark: Any, file_run: tuple[Path, Any], expected: dict[str, list[Event]]
) -> None:
    out, summary = file_run
    events = spark.read.parquet(str(out / "events"))
    assert REJECT_COL not in events.columns
    rows = events.collect()
    assert summary.events == len(rows)
    _assert_same_events(rows, expected)


def test_files_rejects_written(spark: Any, file_run: tuple[Path, Any], gold: list[dict[str, Any]]) -> None:
    out, summary = file_run
    assert summary.reports == len(gold) + 4  # the blank line is skipped, not rejected
    assert summary.rejects == 4
    lines = [
        json.loads(line)
        for part in sorted((out / "rejects").glob("part-*.json"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    reasons = sorted(r["reason"] for r in lines)
    assert len(reasons) == 4
    assert all(tuple(r) == REJECT_KEYS for r in lines)  # the keys of extract's and ingest's rejects
    assert all(r["source"].endswith("zz-bad.jsonl") for r in lines)  # a reject names its file
    assert sum("invalid JSON" in r for r in reasons) == 1
    assert sum("expected a JSON object" in r for r in reasons) == 1
    assert {r["id"] for r in lines} >= {"no-text", "file-bad-date"}


def test_files_refuse_existing_output(spark: Any, file_run: tuple[Path, Any]) -> None:
    out, _ = file_run
    with pytest.raises(Exception, match=r"(?i)already exists"):
        extract_files([str(GOLD_FILES[0])], str(out), spark=spark)


def test_unknown_format_is_refused(spark: Any, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        extract_files([str(GOLD_FILES[0])], str(tmp_path / "o"), fmt="csv", spark=spark)


def test_cli_refuses_unknown_format_before_starting_spark(tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from marsad import spark_commands

    app = typer.Typer()
    spark_commands.register(app)
    app.command("noop")(lambda: None)  # two commands, so the command name stays explicit
    res = CliRunner().invoke(
        app, ["spark-extract", str(GOLD_FILES[0]), "-o", str(tmp_path / "o"), "--format", "csv"]
    )
    assert res.exit_code == 2
    assert "unknown format" in res.output
