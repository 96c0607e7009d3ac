"""`marsad eval`: score the extractor (or a prediction file) against gold, and guard against
regressions with the committed baselines (data/gold/baseline.json for the team's gold,
data/realdev-baseline.json for the real reports of ../shared/realdev)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from marsad.evaluation import realdev
from marsad.evaluation.gold import GoldError, GoldReport, load_gold, load_predictions
from marsad.evaluation.metrics import EvalResult, evaluate
from marsad.evaluation.report import print_report
from marsad.evaluation.ruler import RULERS, get_ruler
from marsad.models import ArticleResult, Event

TOLERANCE_POINTS = 2.0  # the build fails when end-to-end F1 drops by more than this


BASELINE_COMMENT = (
    "Committed end-to-end F1 per split (fractions). `marsad eval data/gold/dev --check` fails when dev "
    "drops more than tolerance_points below it. Raise with `marsad eval data/gold/dev --update-baseline`."
)
REALDEV_BASELINE = Path("data/realdev-baseline.json")  # from the repository root
REALDEV_COMMENT = (
    "Committed end-to-end F1 on ../shared/realdev (real reports, development set; fractions, official "
    "ruler). `marsad eval --realdev --check` fails when it drops more than tolerance_points below this "
    "and is skipped when realdev is absent. Raise with `marsad eval --realdev --update-baseline`."
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


def realdev_baseline() -> Path:
    """data/realdev-baseline.json of the working directory, else of the checkout this code runs from."""
    if REALDEV_BASELINE.is_file():
        return REALDEV_BASELINE
    in_checkout = realdev.REPO_ROOT / REALDEV_BASELINE
    return in_checkout if in_checkout.is_file() else REALDEV_BASELINE


def split_key(reports: Sequence[GoldReport], split: str | None) -> str:
    if split:
        return split
    splits = {r.split for r in reports}
    return splits.pop() if len(splits) == 1 and "" not in splits else "all"


def read_baseline(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def check_baseline(res: EvalResult, path: Path, key: str, gold_sha: str | None = None) -> tuple[bool, str]:
    """(passed, message). Fails when e2e F1 is more than TOLERANCE_POINTS below the committed one.
    `gold_sha` (realdev) notes in the message when the gold file changed since the baseline."""
    base = read_baseline(path)
    entry = base.get(key)
    if not isinstance(entry, dict) or "e2e_f1" not in entry:
        raise BaselineError(f"{path} has no committed figure for split {key!r}")
    committed_ruler = entry.get("ruler", "marsad")  # figures older than the rulers are marsad's
    if committed_ruler != res.ruler.name:  # figures of two rulers do not compare
        raise BaselineError(
            f"{path} holds the {key!r} figure of the {committed_ruler} ruler; this run used "
            f"{res.ruler.name} (pass --ruler {committed_ruler})"
        )
    committed_sha = entry.get("gold_sha256")
    changed = bool(gold_sha and committed_sha and committed_sha != gold_sha)
    note = " (note: the gold file changed since the baseline was written)" if changed else ""
    tol = float(base.get("tolerance_points", TOLERANCE_POINTS))
    now = 100 * res.argument.f1
    if entry["e2e_f1"] is None:  # a placeholder written before the extractor existed
        return (
            True,
            f"end-to-end F1 {now:.2f}; {path} holds no figure for {key!r} yet (placeholder): not checked"
            + note,
        )
    committed = 100 * float(entry["e2e_f1"])
    drop = round(committed - now, 6)  # rounding: a float hair must not fail the build
    verdict = "FAIL" if drop > tol else "ok"
    msg = (
        f"{verdict}: {key} end-to-end F1 {now:.2f} vs committed {committed:.2f} "
        f"(change {now - committed:+.2f} points; allowed drop {tol:.1f})"
    )
    return drop <= tol, msg + note


def update_baseline(
    res: EvalResult,
    path: Path,
    key: str,
    extra: dict[str, Any] | None = None,
    comment: str = BASELINE_COMMENT,
) -> dict[str, Any]:
    base = read_baseline(path)
    base["_comment"] = comment
    base.setdefault("tolerance_points", TOLERANCE_POINTS)
    base[key] = {
        "e2e_f1": round(res.argument.f1, 4),
        "detection_f1": round(res.detection.f1, 4),
        "n_reports": len(res.articles),
        "n_gold_primary": sum(sum(e.primary for e in a.gold) for a in res.articles),
        "updated": date.today().isoformat(),
        **(extra or {}),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(base, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return base[key]


@dataclass(slots=True)
class GoldSet:
    """What one `marsad eval` run scores: the reports, and how to name and guard the figures."""

    reports: list[GoldReport]
    key: str  # the baseline key: dev, test, all or realdev
    baseline: Path
    ruler: str  # the default ruler of this kind of gold
    gold_file: Path | None = None  # realdev-format gold only (its hash goes with the baseline)

    @property
    def is_realdev(self) -> bool:
        return self.gold_file is not None


def resolve_gold(
    gold: Path | None, articles: Path | None, use_realdev: bool, split: str | None, err: Console, check: bool
) -> GoldSet | None:
    """Read the gold the options name. None means "realdev is absent and this is only a check":
    the caller then skips. Unusable input raises typer.Exit(2)."""
    if use_realdev and (gold or articles):
        err.print("[red]--realdev takes no GOLD or --articles: it finds ../shared/realdev itself[/]")
        raise typer.Exit(2)
    if use_realdev:
        found = realdev.find_realdev()
        if found is None:
            where = ", ".join(str(p) for p in realdev.candidate_dirs())
            if check:
                err.print(
                    f"realdev check skipped: no gold.jsonl + articles.jsonl in {where} "
                    f"(set {realdev.ENV_VAR} to the folder to run it)"
                )
                return None
            err.print(f"[red]realdev not found in {where}; set {realdev.ENV_VAR} or pass the folder[/]")
            raise typer.Exit(2)
        gold = found
    if gold is None:
        err.print("[red]give a GOLD file or folder, or --realdev[/]")
        raise typer.Exit(2)
    if articles is None and realdev.is_realdev_dir(gold):
        gold, articles = gold / realdev.GOLD_FILE, gold / realdev.ARTICLES_FILE
    try:
        if articles is not None:  # the realdev format: gold lines carry no text
            if split:
                err.print("[red]--split is for data/gold; realdev-format gold has no splits[/]")
                raise typer.Exit(2)
            reports = realdev.load_realdev(gold, articles)
            return GoldSet(reports, realdev.SPLIT, realdev_baseline(), "official", gold)
        reports = load_gold(gold, split)
    except GoldError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    return GoldSet(reports, split_key(reports, split), default_baseline(gold), "marsad", None)


def write_predictions(path: Path, reports: Sequence[GoldReport], preds: dict[str, list[Event]]) -> None:
    by_id = {r.id: r for r in reports}
    with path.open("w", encoding="utf-8") as fh:
        for rid, events in preds.items():
            r = by_id.get(rid)
            line = ArticleResult(id=rid, title=r and r.title, published=r and r.published, events=events)
            fh.write(line.model_dump_json() + "\n")


def eval_command(
    gold: Annotated[
        Path | None,
        typer.Argument(
            help="Gold .jsonl file or folder of them, or a folder with gold.jsonl + articles.jsonl."
        ),
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles", help="Articles file for realdev-format gold (id, title, text, published)."
        ),
    ] = None,
    use_realdev: Annotated[
        bool,
        typer.Option(
            "--realdev", help=f"Score ../shared/realdev (or ${realdev.ENV_VAR}); absent: --check skips."
        ),
    ] = False,
    pred: Annotated[Path | None, typer.Option("--pred", help="Predictions from `marsad extract -o`.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print every figure as JSON.")] = False,
    split: Annotated[
        str | None, typer.Option("--split", help="Keep only reports of this split (dev|test).")
    ] = None,
    ruler_name: Annotated[
        str | None,
        typer.Option(
            "--ruler",
            help="Matching rules: official (../shared/tools/score.py; default for realdev) or marsad "
            "(default for data/gold).",
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extractor processes.")] = 1,
    worst: Annotated[int, typer.Option("--worst", min=0, help="How many worst reports to show.")] = 5,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Baseline file (default: data/gold/baseline.json, or data/realdev-baseline.json for realdev).",
        ),
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
    if ruler_name not in (None, *RULERS):
        err.print(f"[red]--ruler must be {' or '.join(RULERS)}, not {ruler_name!r}[/]")
        raise typer.Exit(2)
    gs = resolve_gold(gold, articles, use_realdev, split, err, check)
    if gs is None:
        return  # realdev absent: the check is skipped, not failed
    if not gs.reports:
        err.print(f"[red]no gold reports in {gold}{f' for split {split}' if split else ''}[/]")
        raise typer.Exit(2)
    ruler = get_ruler(ruler_name or gs.ruler)

    t0 = time.perf_counter()
    try:
        preds = load_predictions(pred) if pred else run_extractor(gs.reports, workers)
    except (RuntimeError, GoldError, ValueError) as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    seconds = time.perf_counter() - t0
    if save_pred:
        write_predictions(save_pred, gs.reports, preds)

    res = evaluate(gs.reports, preds, bootstrap=bootstrap, ruler=ruler)
    key = gs.key
    if as_json:
        out = res.as_dict(worst=worst)
        out.update(
            split=key,
            gold=str(gs.gold_file or gold),
            pred=str(pred) if pred else None,
            seconds=round(seconds, 3),
        )
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        if gs.is_realdev:
            Console().print(f"[bold]real reports[/] ({gs.gold_file}), {ruler.name} ruler")
        print_report(res, Console(), worst=worst)

    # Messages about the baseline go to stderr so `--json` output stays parseable.
    base_path = baseline or gs.baseline
    # The gold file's hash goes with a realdev baseline; only a baseline step needs it.
    fingerprint = realdev.gold_fingerprint(gs.gold_file) if gs.gold_file and (update or check) else None
    if update:
        extra: dict[str, Any] = {"ruler": ruler.name}
        if fingerprint:
            extra["gold_sha256"] = fingerprint
        comment = REALDEV_COMMENT if gs.is_realdev else BASELINE_COMMENT
        entry = update_baseline(res, base_path, key, extra, comment)
        err.print(f"wrote {key} end-to-end F1 {100 * entry['e2e_f1']:.2f} to {base_path}")
    if check:
        try:
            ok, msg = check_baseline(res, base_path, key, fingerprint)
        except BaselineError as exc:
            err.print(f"[red]{exc}[/]")
            raise typer.Exit(2) from exc
        err.print(msg, style="green" if ok else "bold red")
        if not ok:
            raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this layer's commands to the main app."""
    app.command("eval")(eval_command)
