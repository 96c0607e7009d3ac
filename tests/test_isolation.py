"""One bad record costs that record only: extract (one process and a pool), ingest on SQLite and
PostgreSQL, hostile numbers and long tokens. Every test checks records in = processed + rejected."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import marsad.pipeline as pipeline_mod
from marsad.cli import app
from marsad.doc import Doc
from marsad.io.readers import REJECT_KEYS
from marsad.models import Article
from marsad.pipeline import MAX_CHARS, Pipeline
from marsad.recognize.casualties import MAX_CASUALTY_COUNT, find_casualties
from marsad.recognize.numbers import parse_quantity
from marsad.text.matcher import PhraseMatcher

GOOD = [
    "قتل ثلاثة مدنيين أمس بغارة جوية روسية على بلدة كفرنبل بريف إدلب الجنوبي.",
    "أصيب خمسة عناصر من قوات النظام بانفجار عبوة ناسفة على طريق درعا - السويداء.",
    "تظاهر مئات الأشخاص في مدينة السويداء احتجاجا على تدهور الأوضاع المعيشية.",
    "قتل عنصران من الشرطة في هجوم مسلح على حاجز أمني جنوب مدينة العريش.",
]
# A sentence no real report carries; the faulty component below raises on it, standing in for any
# bug a strange report may hit inside a recogniser.
POISON = "عطل في المحلل"


class Boom:
    name = "boom"

    def __call__(self, doc: Doc) -> Doc:
        if POISON in doc.text:
            raise RuntimeError("recogniser bug")
        return doc


class FaultyPipeline(Pipeline):
    @property
    def components(self):  # type: ignore[override]
        return [*super().components, Boom()]


def _write(path: Path, records: list[dict | str]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=True)) + "\n")
    return path


def _records() -> list[dict | str]:
    """6 lines: good, poisoned, good, broken JSON, poisoned, good."""
    return [
        {"id": "a1", "text": GOOD[0], "published": "2021-03-16"},
        {"id": "bad1", "text": GOOD[1] + " " + POISON, "published": "2021-03-16"},
        {"id": "a2", "text": GOOD[2], "published": "2021-03-16"},
        "{broken",
        {"id": "bad2", "text": POISON + " " + GOOD[3], "published": "2021-03-16"},
        {"id": "a3", "text": GOOD[3], "published": "2021-03-16"},
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_outcomes_keep_going_after_a_failure(workers: int) -> None:
    arts = [Article(id=f"r{i}", text=t, published="2021-03-16") for i, t in enumerate(GOOD)]
    arts.insert(1, Article(id="bad", text=GOOD[0] + " " + POISON, published="2021-03-16"))
    outs = list(FaultyPipeline().extract_outcomes(arts, workers=workers, chunksize=2))
    assert [o.index for o in outs] == list(range(5))
    assert [o.article.id for o in outs] == ["r0", "bad", "r1", "r2", "r3"]
    assert [o.error is not None for o in outs] == [False, True, False, False, False]
    assert "RuntimeError: recogniser bug" in (outs[1].error or "")
    assert outs[0].events and outs[3].events


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_cli_rejects_only_the_bad_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(pipeline_mod, "default_pipeline", lambda: FaultyPipeline())
    src = _write(tmp_path / "in.jsonl", _records())
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "--workers", str(workers), "-q"])
    assert res.exit_code == 1, res.output  # partial
    processed = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    rejects = [json.loads(x) for x in (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()]
    assert processed == ["a1", "a2", "a3"]
    assert all(tuple(r) == REJECT_KEYS for r in rejects)
    assert [(r["source"], r["line"], r["id"], r["kind"]) for r in rejects] == [
        (str(src), 2, "bad1", "rejected"),
        (str(src), 4, None, "rejected"),
        (str(src), 5, "bad2", "rejected"),
    ]
    assert "recogniser bug" in rejects[0]["reason"]
    assert len(processed) + len(rejects) == 6


def test_extract_cli_hostile_records_are_all_processed(tmp_path: Path) -> None:
    """What used to raise inside extraction: a 400-digit figure, a lone surrogate, NUL, 1e12 killed."""
    recs: list[dict | str] = [
        {"id": "g1", "text": GOOD[0], "published": "2021-03-16"},
        {
            "id": "digits",
            "text": "قتل " + "9" * 400 + " مدنيا في قصف على مدينة حلب.",
            "published": "2021-03-16",
        },
        {"id": "surrogate", "text": GOOD[1] + "\ud800", "title": "\udfff", "published": "2021-03-16"},
        {"id": "nul", "text": "قتل شخصان\x00 في اشتباكات بمدينة الباب.", "published": "2021-03-16"},
        {
            "id": "trillion",
            "text": "قتل 1000000000000 مدني في غارة على مدينة إدلب.",
            "published": "2021-03-16",
        },
        {"id": "g2", "text": GOOD[2], "published": "2021-03-16"},
    ]
    src = _write(tmp_path / "in.jsonl", recs)
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    results = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["g1", "digits", "surrogate", "nul", "trillion", "g2"]
    for r in results:
        assert all(0 <= e["fatalities"] <= MAX_CASUALTY_COUNT for e in r["events"])


def test_published_as_a_number_is_a_clear_reject(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [{"id": "n", "text": GOOD[0], "published": 20200101}])
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.csv"), "-q"])
    assert res.exit_code == 2
    (rej,) = [json.loads(x) for x in (tmp_path / "o.csv.rejects.jsonl").read_text().splitlines()]
    assert rej["line"] == 1 and "YYYY-MM-DD" in rej["reason"] and "number" in rej["reason"]


def test_cut_report_is_reported(tmp_path: Path) -> None:
    para = "قتل ثلاثة مدنيين أمس في قصف مدفعي لقوات النظام على بلدة كفرنبل بريف إدلب الجنوبي.\n"
    long_text = para * (MAX_CHARS // len(para) + 5)
    src = _write(
        tmp_path / "in.jsonl",
        [{"id": "long", "text": long_text, "published": "2021-03-16"}, {"id": "g", "text": GOOD[0]}],
    )
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output  # processed, with a warning
    notes = [json.loads(x) for x in (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()]
    # (A second warning may say the report took longer than the per-record budget.)
    assert {(w["line"], w["id"], w["kind"]) for w in notes} == {(1, "long", "warning")}
    assert any(f"first {MAX_CHARS} of {len(long_text)}" in w["reason"] for w in notes)
    assert "warning" in res.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


# --- numbers -----------------------------------------------------------------------------------------


def test_numbers_exact_and_bounded() -> None:
    assert parse_quantity("9" * 400) is None  # was OverflowError
    assert parse_quantity("9" * 5000) is None  # past int()'s own digit limit too
    assert parse_quantity("123456789012345").value == 123456789012345  # type: ignore[union-attr]
    assert parse_quantity("12345678901234567890") is None  # was 12345678901234567168
    assert parse_quantity("1.5 مليون").value == 1_500_000  # type: ignore[union-attr]
    assert parse_quantity("2,500").value == 2500  # type: ignore[union-attr]
    assert [c.count for c in find_casualties("قتل 250 مدنيا في قصف على مدينة حلب.")] == [250]
    assert find_casualties("قتل 1000000000000 مدني في غارة على مدينة إدلب.") == []
    assert find_casualties("قتل " + "9" * 400 + " مدنيا في قصف على مدينة حلب.") == []


# --- long tokens -----------------------------------------------------------------------------------


def test_matcher_linear_on_a_long_token() -> None:
    m: PhraseMatcher[str] = PhraseMatcher()
    for w in ("الرقه", "داعش", "حلب"):
        m.add(w, w)
    hits = m.find("وبالرقه في حلب")
    assert [h.key for h in hits] == ["الرقه", "حلب"] and hits[0].word_start == 0
    t0 = time.perf_counter()
    assert m.find("الرقه" * 40_000) == []  # 200,000 letters, 40,000 automaton hits in one word
    # Walking back to the word start for every hit took minutes; bounded, it takes milliseconds.
    assert time.perf_counter() - t0 < 5.0


# --- Spark: the function each partition runs ----------------------------------------------------


def test_spark_partition_accounts_for_every_record(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark")
    import marsad.spark as spark_mod

    monkeypatch.setitem(spark_mod._pipelines, ("k", None), FaultyPipeline("k"))
    recs = [
        {"id": "g1", "text": GOOD[0], "published": "2021-03-16"},
        {"id": "sur", "text": GOOD[1] + "\ud800", "published": "2021-03-16"},  # raised outside the try
        {"id": "bad", "text": GOOD[2] + " " + POISON, "published": "2021-03-16"},
        {"id": "digits", "text": "قتل " + "9" * 400 + " مدنيا في حلب.", "published": "2021-03-16"},
        {"id": "nul", "text": "قتل شخصان\x00 في اشتباكات بمدينة الباب.", "published": "2021-03-16"},
        {"id": "notext", "title": "بلا نص"},
        {"id": "g2", "text": GOOD[3], "published": "2021-03-16"},
    ]
    rows = list(spark_mod.extract_records(recs, Pipeline("k")))
    rejected = {r["article_id"] for r in rows if r[spark_mod.REJECT_COL] is not None}
    with_events = {r["article_id"] for r in rows if r[spark_mod.REJECT_COL] is None}
    assert rejected == {"bad", "notext"}
    assert {"g1", "sur", "g2"} <= with_events and not rejected & with_events


def test_bidi_overrides_leave_names_and_keep_text_offsets() -> None:
    from marsad.io.clean import clean_article

    text = "قتل مدني\u202e في حلب\x00."
    a = clean_article(
        Article(id="r\u202e1", text=text, title="خبر\u2066عاجل\u2069", outlet="وكالة\u202egnp.exe")
    )
    assert (a.id, a.title, a.outlet) == ("r1", "خبرعاجل", "وكالةgnp.exe")
    assert len(a.text) == len(text) and "\x00" not in a.text  # same length: evidence offsets hold
    from marsad.io.clean import show_bidi

    assert show_bidi("وكالة\u202egnp.exe") == "وكالة<U+202E>gnp.exe"  # `explain` shows, not obeys


# --- fuzz: whatever the lines, each comes out once ------------------------------------------------

_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
    max_leaves=6,
)
_FIELD_TEXT = (
    st.sampled_from(GOOD)
    | st.text(max_size=60)
    | st.sampled_from(["\ud800", "\x00", "9" * 400, "قتل 1000000000000 مدني", "\u202eexe.png", "", "   "])
)
_RECORD = st.fixed_dictionaries(
    {"text": _FIELD_TEXT},
    optional={
        "id": st.text(max_size=8) | st.integers(),
        "title": _FIELD_TEXT,
        "published": st.sampled_from(["2021-03-16", "2021-02-30", "", "x"]) | st.integers(),
        "outlet": _FIELD_TEXT,
    },
)
_LINE = (
    _RECORD.map(lambda r: json.dumps(r, ensure_ascii=True))
    | _JSON_VALUE.map(json.dumps)
    | st.text(max_size=30).filter(lambda t: "\n" not in t and "\r" not in t and t.strip())
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(lines=st.lists(_LINE, min_size=1, max_size=6))
def test_fuzz_every_line_is_processed_or_rejected(tmp_path: Path, lines: list[str]) -> None:
    src = tmp_path / "fuzz.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "fuzz-out.jsonl"
    rej_path = tmp_path / "fuzz-out.jsonl.rejects.jsonl"
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    # split on "\n" only: a title may hold U+2028, which splitlines() would also cut at
    processed = len([x for x in out.read_text(encoding="utf-8").split("\n") if x])
    rej_text = rej_path.read_text(encoding="utf-8") if rej_path.exists() else ""
    notes = [json.loads(x) for x in rej_text.split("\n") if x]
    rejected = sum(n["kind"] == "rejected" for n in notes)
    non_blank = sum(1 for x in src.read_bytes().split(b"\n") if x.strip())
    assert processed + rejected == non_blank
    assert res.exit_code == (2 if processed == 0 else 1 if rejected else 0)


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_pool_failure_costs_one_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    from marsad.ingest.pipeline import run_ingest
    from marsad.store import Store

    monkeypatch.setattr(pipeline_mod, "default_pipeline", lambda: FaultyPipeline())
    src = _write(tmp_path / "in.jsonl", _records())
    with Store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        rep = run_ingest(store, [str(src)], workers=workers, follow_links=False)
        assert (rep.seen, rep.added, rep.exit_code) == (6, 3, 1)
        assert [(r.line, r.id) for r in rep.rejects] == [(2, "bad1"), (4, None), (5, "bad2")]
        assert {a.article_id for a in store.list_articles().items} == {"a1", "a2", "a3"}
