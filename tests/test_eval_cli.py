"""`marsad eval` end to end through the CLI: report, JSON, and the baseline guard's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad.evaluation import commands
from marsad.models import ArticleResult, Event

runner = CliRunner()


def make_app() -> typer.Typer:
    # A group with a callback, so `eval` stays a subcommand however many layers have registered.
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        pass

    commands.register(app)
    return app


def event(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "primary": True,
        "event_date": "2021-03-14",
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia",
        "assoc_actor_1": "",
        "inter1": 8,
        "actor2": "Civilians (Syria)",
        "assoc_actor_2": "",
        "inter2": 7,
        "interaction": "78",
        "civilian_targeting": "Civilian targeting",
        "country": "Syria",
        "iso": 760,
        "admin1": "Idlib",
        "admin2": "Ariha",
        "location": "Ariha",
        "latitude": 35.8128,
        "longitude": 36.6106,
        "geo_precision": 1,
        "fatalities": 4,
        "injuries": None,
        "weapons": ["air strike"],
        "notes": "",
    }
    base.update(kw)
    return base


def write_gold(path: Path) -> None:
    recs = [
        {
            "id": "d1",
            "text": "قصفت طائرات حربية روسية مدينة أريحا.",
            "published": "2021-03-15",
            "events": [event()],
        },
        {"id": "d2", "text": "أدان المجلس القصف.", "published": "2021-03-15", "events": []},
        {"id": "t1", "text": "قُتل أربعة.", "published": "2021-03-15", "split": "test", "events": [event()]},
    ]
    for r in recs:
        r.setdefault("split", "dev")
        r.update({k: r.get(k) for k in ("outlet", "source_scale", "url", "title")}, notes="")
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")


def write_pred(path: Path, fatalities: int) -> None:
    ev = Event.model_validate({**event(fatalities=fatalities), "article_id": "d1"})
    lines = [ArticleResult(id="d1", events=[ev]), ArticleResult(id="d2"), ArticleResult(id="t1", events=[ev])]
    path.write_text("".join(r.model_dump_json() + "\n" for r in lines), encoding="utf-8")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    gold_dir = tmp_path / "gold" / "dev"
    gold_dir.mkdir(parents=True)
    write_gold(gold_dir / "reports.jsonl")
    write_pred(tmp_path / "perfect.jsonl", 4)
    write_pred(tmp_path / "wrong_toll.jsonl", 9)
    return {"gold": gold_dir, "perfect": tmp_path / "perfect.jsonl", "wrong": tmp_path / "wrong_toll.jsonl"}


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(make_app(), ["eval", *args])
    return r.exit_code, r.stdout, r.stderr


def test_json_figures(files: dict[str, Path]) -> None:
    code, out, _ = run(str(files["gold"]), "--pred", str(files["wrong"]), "--split", "dev", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["split"] == "dev" and d["n_reports"] == 2 and d["n_reports_without_events"] == 1
    assert d["detection"]["f1"] == 1.0
    # One matched event, fatalities wrong: 6 TP, 1 FP, 1 FN -> F1 = 12/14.
    assert (d["argument"]["tp"], d["argument"]["fp"], d["argument"]["fn"]) == (6, 1, 1)
    assert d["e2e_f1"] == round(12 / 14, 4)
    assert d["field_accuracy"]["fatalities"] == 0.0 and d["field_accuracy"]["location"] == 1.0
    assert d["unknown_predictions"] == ["t1"]  # a test-split line is ignored on dev


def test_human_report_lists_tables_and_worst(files: dict[str, Path]) -> None:
    code, out, _ = run(str(files["gold"]), "--pred", str(files["wrong"]), "--split", "dev", "--worst", "3")
    assert code == 0
    for needle in (
        "event detection",
        "end-to-end argument",
        "Per-field accuracy",
        "confusion",
        "By country",
        "d1",
    ):
        assert needle in out


def test_check_passes_then_fails_after_a_regression(files: dict[str, Path], tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    code, _, err = run(str(files["gold"]), "--pred", str(files["perfect"]), "--split", "dev",
                       "--baseline", str(base), "--update-baseline")  # fmt: skip
    assert code == 0 and "100.00" in err
    assert json.loads(base.read_text())["dev"]["e2e_f1"] == 1.0
    code, _, err = run(str(files["gold"]), "--pred", str(files["perfect"]), "--split", "dev", "--check",
                       "--baseline", str(base))  # fmt: skip
    assert code == 0 and "ok" in err
    # 85.71 is 14.29 points below 100: the guard fails and prints both numbers.
    code, _, err = run(str(files["gold"]), "--pred", str(files["wrong"]), "--split", "dev", "--check",
                       "--baseline", str(base))  # fmt: skip
    assert code == 1
    assert "85.71" in err and "100.00" in err and "FAIL" in err


def test_check_tolerates_a_drop_of_two_points_or_less(files: dict[str, Path], tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    now = 12 / 14
    base.write_text(json.dumps({"dev": {"e2e_f1": now + 0.0199}}))
    assert run(str(files["gold"]), "--pred", str(files["wrong"]), "--split", "dev", "--check",
               "--baseline", str(base))[0] == 0  # fmt: skip
    base.write_text(json.dumps({"dev": {"e2e_f1": now + 0.0201}}))
    assert run(str(files["gold"]), "--pred", str(files["wrong"]), "--split", "dev", "--check",
               "--baseline", str(base))[0] == 1  # fmt: skip


def test_baseline_found_next_to_the_gold_folder(files: dict[str, Path]) -> None:
    # data/gold/dev -> data/gold/baseline.json, as in the repository.
    (files["gold"].parent / "baseline.json").write_text(json.dumps({"dev": {"e2e_f1": 1.0}}))
    assert run(str(files["gold"]), "--pred", str(files["wrong"]), "--split", "dev", "--check")[0] == 1
    assert run(str(files["gold"]), "--pred", str(files["perfect"]), "--split", "dev", "--check")[0] == 0


def test_check_without_a_committed_figure_is_a_usage_error(files: dict[str, Path], tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    base.write_text(json.dumps({"test": {"e2e_f1": 0.5}}))
    code, _, err = run(str(files["gold"]), "--pred", str(files["perfect"]), "--split", "dev", "--check",
                       "--baseline", str(base))  # fmt: skip
    assert code == 2 and "no committed figure" in err


def test_bad_inputs_exit_2(files: dict[str, Path], tmp_path: Path) -> None:
    assert run(str(tmp_path / "nope"), "--pred", str(files["perfect"]))[0] == 2
    assert run(str(files["gold"]), "--pred", str(files["perfect"]), "--split", "train")[0] == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    assert run(str(bad), "--pred", str(files["perfect"]))[0] == 2


def test_in_process_extractor_is_used_without_pred(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stand in for marsad.extract_many with the documented signature; it must see text, not gold.
    import marsad

    seen: list[str] = []

    def fake_extract_many(articles, workers=1):  # type: ignore[no-untyped-def]
        for a in articles:
            seen.append(a.text)
            yield a, ([Event.model_validate(event())] if "أريحا" in a.text else [])

    monkeypatch.setattr(marsad, "extract_many", fake_extract_many, raising=False)
    code, out, _ = run(str(files["gold"]), "--split", "dev", "--json", "--workers", "2")
    assert code == 0, out
    assert json.loads(out)["e2e_f1"] == 1.0
    assert len(seen) == 2


def test_placeholder_baseline_passes_with_a_warning(files: dict[str, Path], tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    base.write_text(json.dumps({"dev": {"e2e_f1": None, "placeholder": True}}))
    code, _, err = run(str(files["gold"]), "--pred", str(files["wrong"]), "--split", "dev", "--check",
                       "--baseline", str(base))  # fmt: skip
    assert code == 0 and "placeholder" in err
    # Updating replaces the placeholder with the measured figure.
    run(
        str(files["gold"]),
        "--pred",
        str(files["wrong"]),
        "--split",
        "dev",
        "--baseline",
        str(base),
        "--update-baseline",
    )
    assert json.loads(base.read_text())["dev"]["e2e_f1"] == round(12 / 14, 4)
