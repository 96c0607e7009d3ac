"""`marsad eval`: score the extractor (or a prediction file) against gold, and guard against
regressions with the committed baseline (data/gold/baseline.json)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from marsad.evaluation.gold import GoldError, GoldReport, load_gold, load_predictions
from marsad.evaluation.metrics import EvalResult, evaluate
from marsad.evaluation.report import print_report
from marsad.models import ArticleResult, Event

TOLERANCE_POINTS = 2.0  # the build fails when end-to-end F1 drops by more than this


BASELINE_COMMENT = (
    "Committed end-to-end F1 per split (fractions). `marsad eval data/gold/dev --check` fails when dev "
    "drops more than tolerance_points below it. Raise with `marsad eval data/gold/dev --update-baseline`."
)


class BaselineError(RuntimeError):
    pass


def run_extractor(reports: Sequence[GoldReport], workers: int = 1) -> dict[str, list[Event]]:
    """Run marsad's extractor in-process on the gold reports' text (nothing of the gold leaks in)."""
    try:
        from marsad import extract_many  # type: ignore[attr-defined]
    except ImportError as exc:  # the extractor is another layer; say so plainly if it is absent
        raise RuntimeError("marsad.extract_many is not available; pass --pred PRED.jsonl") from exc
    preds: dict[str, list[Event]] = {r.id: [] for r in reports}
    for article, events in extract_many([r.article() for r in reports], workers=workers):
        preds[article.id] = list(events)
    return preds


def default_baseline(gold_path: Path) -> Path:
    """`baseline.json` in the gold folder or one of its two parents (data/gold/dev -> data/gold)."""
    start = gold_path if gold_path.is_dir() else gold_path.parent
    for d in (start, start.parent, start.parent.parent):
        if (d / "baseline.json").is_file():
            return d / "baseline.json"
    return Path("data/gold/baseline.json")


def split_key(reports: Sequence[GoldReport], split: str | None) -> str:
    if split:
        return split
    splits = {r.split for r in reports}
    return splits.pop() if len(splits) == 1 and "" not in splits else "all"


def read_baseline(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def check_baseline(res: EvalResult, path: Path, key: str) -> tuple[bool, str]:
    """(passed, message). Fails when e2e F1 is more than TOLERANCE_POINTS below the committed one."""
    base = read_baseline(path)
    entry = base.get(key)
    if not isinstance(entry, dict) or "e2e_f1" not in entry:
        raise BaselineError(f"{path} has no committed figure for split {key!r}")
    tol = float(base.get("tolerance_points", TOLERANCE_POINTS))
    now = 100 * res.argument.f1
    if entry["e2e_f1"] is None:  # a placeholder written before the extractor existed
        return (
            True,
            f"end-to-end F1 {now:.2f}; {path} holds no figure for {key!r} yet (placeholder): not checked",
        )
    committed = 100 * float(entry["e2e_f1"])
    drop = round(committed - now, 6)  # rounding: a float hair must not fail the build
    verdict = "FAIL" if drop > tol else "ok"
    msg = (
        f"{verdict}: {key} end-to-end F1 {now:.2f} vs committed {committed:.2f} "
        f"(change {now - committed:+.2f} points; allowed drop {tol:.1f})"
    )
    return drop <= tol, msg


def update_baseline(res: EvalResult, path: Path, key: str) -> dict[str, Any]:
    base = read_baseline(path)
    base["_comment"] = BASELINE_COMMENT
    base.setdefault("tolerance_points", TOLERANCE_POINTS)
    base[key] = {
        "e2e_f1": round(res.argument.f1, 4),
        "detection_f1": round(res.detection.f1, 4),
        "n_reports": len(res.articles),
        "n_gold_primary": sum(sum(e.primary for e in a.gold) for a in res.articles),
        "updated": date.today().isoformat(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(base, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return base[key]


def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold .jsonl file or folder of them.")],
    pred: Annotated[Path | None, typer.Option("--pred", help="Predictions from `marsad extract -o`.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print every figure as JSON.")] = False,
    split: Annotated[
        str | None, typer.Option("--split", help="Keep only reports of this split (dev|test).")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extractor processes.")] = 1,
    worst: Annotated[int, typer.Option("--worst", min=0, help="How many worst reports to show.")] = 5,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Baseline file (default: data/gold/baseline.json).")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if end-to-end F1 drops >2 points below the baseline.")
    ] = False,
    update: Annotated[
        bool, typer.Option("--update-baseline", help="Write the current figures to the baseline.")
    ] = False,
    save_pred: Annotated[
        Path | None, typer.Option("--save-pred", help="Also write the predictions as JSONL.")
    ] = None,
    bootstrap: Annotated[
        int, typer.Option("--bootstrap", min=0, help="Bootstrap resamples for the 95% CI.")
    ] = 1000,
) -> None:
    """Measure extraction quality against gold: detection P/R/F1, per-field accuracy,
    end-to-end argument F1, confusion, per-country scores and the worst reports."""
    err = Console(stderr=True)
    if split not in (None, "dev", "test"):
        err.print(f"[red]--split must be dev or test, not {split!r}[/]")
        raise typer.Exit(2)
    try:
        reports = load_gold(gold, split)
    except GoldError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    if not reports:
        err.print(f"[red]no gold reports in {gold}{f' for split {split}' if split else ''}[/]")
        raise typer.Exit(2)

    t0 = time.perf_counter()
    try:
        preds = load_predictions(pred) if pred else run_extractor(reports, workers)
    except (RuntimeError, GoldError, ValueError) as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    seconds = time.perf_counter() - t0
    if save_pred:
        by_id = {r.id: r for r in reports}
        with save_pred.open("w", encoding="utf-8") as fh:
            for rid, events in preds.items():
                r = by_id.get(rid)
                res_line = ArticleResult(
                    id=rid, title=r and r.title, published=r and r.published, events=events
                )
                fh.write(res_line.model_dump_json() + "\n")

    res = evaluate(reports, preds, bootstrap=bootstrap)
    key = split_key(reports, split)
    if as_json:
        out = res.as_dict(worst=worst)
        out.update(split=key, gold=str(gold), pred=str(pred) if pred else None, seconds=round(seconds, 3))
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(res, Console(), worst=worst)

    # Messages about the baseline go to stderr so `--json` output stays parseable.
    base_path = baseline or default_baseline(gold)
    if update:
        entry = update_baseline(res, base_path, key)
        err.print(f"wrote {key} end-to-end F1 {100 * entry['e2e_f1']:.2f} to {base_path}")
    if check:
        try:
            ok, msg = check_baseline(res, base_path, key)
        except BaselineError as exc:
            err.print(f"[red]{exc}[/]")
            raise typer.Exit(2) from exc
        err.print(msg, style="green" if ok else "bold red")
        if not ok:
            raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this layer's commands to the main app."""
    app.command("eval")(eval_command)
