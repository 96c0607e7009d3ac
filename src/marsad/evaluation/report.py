"""Render an `EvalResult` as rich tables for people (the JSON view is `EvalResult.as_dict`)."""

from __future__ import annotations

import statistics

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from marsad.evaluation.match import ARG_FIELDS
from marsad.evaluation.metrics import (
    ACCURACY_FIELDS,
    DIFF_FIELDS,
    NONE,
    ArticleEval,
    Counts,
    EvalResult,
    show_field,
)
from marsad.evaluation.ruler import Ruler
from marsad.models import Event

# Short column labels for the confusion table (the full names are too wide for a terminal).
_ABBR = {
    "Battles": "BAT",
    "Explosions/Remote violence": "ERV",
    "Violence against civilians": "VAC",
    "Protests": "PRO",
    "Riots": "RIO",
    "Strategic developments": "SD",
    NONE: "none",
}


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _prf_row(name: str, c: Counts) -> list[str]:
    return [name, str(c.tp), str(c.fp), str(c.fn), _pct(c.precision), _pct(c.recall), _pct(c.f1)]


def _prf_table(title: str, first: str) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column(first)
    for col in ("TP", "FP", "FN", "P", "R", "F1"):
        t.add_column(col, justify="right")
    return t


def summary_table(res: EvalResult) -> Table:
    t = _prf_table("Scores (micro-averaged, %)", "measure")
    ci = res.ci
    det, arg = _prf_row("event detection", res.detection), _prf_row("end-to-end argument", res.argument)
    t.add_row(*det)
    t.add_row(*arg)
    notes = [f"macro (per-report mean) end-to-end F1 {_pct(res.macro_e2e_f1)}"]
    if ci:
        notes.append(
            f"95% bootstrap CI over reports: detection F1 {_pct(ci['detection_f1'][0])}–"
            f"{_pct(ci['detection_f1'][1])}, end-to-end F1 {_pct(ci['e2e_f1'][0])}–{_pct(ci['e2e_f1'][1])}"
        )
    t.caption = "; ".join(notes)
    return t


def field_table(res: EvalResult) -> Table:
    t = Table(title=f"Per-field accuracy on {res.n_matched} matched events (%)", title_justify="left")
    t.add_column("field")
    t.add_column("correct", justify="right")
    t.add_column("accuracy", justify="right")
    for f in ACCURACY_FIELDS:
        t.add_row(f, f"{res.field_correct[f]}/{res.n_matched}", _pct(res.field_accuracy[f]))
    extra = []
    if res.location_km:
        extra.append(f"median location error {statistics.median(res.location_km):.1f} km")
    if res.primary_flag_total:
        extra.append(
            f"primary/background flag right on {res.primary_flag_correct}/{res.primary_flag_total} pairs"
        )
    if res.background_total:
        extra.append(f"background events found {res.background_found}/{res.background_total} (not scored)")
    t.caption = "; ".join(extra) or None
    return t


def confusion_table(res: EvalResult) -> Table:
    labels = [*sorted({t for pair in res.confusion for t in pair} - {NONE}), NONE]
    t = Table(title="Event-type confusion (rows gold, columns predicted)", title_justify="left")
    t.add_column("gold \\ pred")
    for lab in labels:
        t.add_column(_ABBR.get(lab, lab[:6]), justify="right")
    for g in labels:
        cells = []
        for p in labels:
            n = res.confusion.get((g, p), 0)
            cell = Text(str(n) if n else "·")
            if n and g == p:
                cell.stylize("green")
            elif n:
                cell.stylize("red")
            cells.append(cell)
        t.add_row(_ABBR.get(g, g), *cells)
    t.caption = ", ".join(f"{v}={k}" for k, v in _ABBR.items() if k in labels and k != NONE)
    return t


def breakdown_tables(res: EvalResult) -> list[Table]:
    by_type = _prf_table("Detection by event type (%)", "event type")
    for name, c in sorted(res.per_type.items()):
        by_type.add_row(*_prf_row(name, c))
    by_country = Table(title="By country (%)", title_justify="left")
    by_country.add_column("country")
    for col in ("gold", "pred", "det P", "det R", "det F1", "e2e F1"):
        by_country.add_column(col, justify="right")
    # Countries with gold events first; the rest exist only through spurious predictions.
    rows = sorted(res.per_country.items(), key=lambda kv: (-(kv[1][0].tp + kv[1][0].fn), kv[0]))
    for name, (d, a) in rows:
        by_country.add_row(
            name,
            str(d.tp + d.fn),
            str(d.tp + d.fp),
            _pct(d.precision),
            _pct(d.recall),
            _pct(d.f1),
            _pct(a.f1),
        )
    by_country.caption = "gold and matched events by the gold country; spurious predictions by their own"
    return [by_type, by_country]


def evidence_text(e: Event | None, width: int = 110) -> str:
    """The clause that states the event: gold's `evidence_span`, else the prediction's trigger."""
    if e is None:
        return ""
    spans = e.evidence.get("event") or e.evidence.get("event_type") or []
    text = " … ".join(dict.fromkeys(s.text for s in spans if s.text))
    return text if len(text) <= width else text[: width - 1] + "…"


def _side_by_side(kind: str, g: Event | None, p: Event | None, ruler: Ruler) -> Table:
    t = Table(show_header=True, box=None, pad_edge=False, title=kind, title_justify="left")
    t.add_column("field", style="dim")
    t.add_column("gold")
    t.add_column("predicted")
    for f in DIFF_FIELDS:
        gv, pv = show_field(g, f), show_field(p, f)
        if g is not None and p is not None and f in ARG_FIELDS:
            bad = not ruler.field_equal(f, g, p)
        else:
            bad = f in ARG_FIELDS and gv != pv
        if f not in ARG_FIELDS and gv == pv and g is not None and p is not None:
            continue  # unscored context rows only when they differ, to keep the panel short
        style = "bold red" if bad else ""
        t.add_row(f, Text(gv, style=style), Text(pv, style=style))
    if evidence_text(g) or evidence_text(p):
        t.add_row("evidence", Text(evidence_text(g)), Text(evidence_text(p)))
    return t


def worst_panel(a: ArticleEval, ruler: Ruler) -> Panel:
    parts: list[Table] = []
    for pr in a.pairs:
        sim = f"{pr.score:g}/{ruler.max_score:g}" if ruler.max_score else f"{pr.score:.2f}"
        parts.append(_side_by_side(f"matched (similarity {sim})", a.gold[pr.gold], a.pred[pr.pred], ruler))
    for i in a.unmatched_gold:
        parts.append(_side_by_side("missed gold event", a.gold[i], None, ruler))
    for i in a.unmatched_pred:
        parts.append(_side_by_side("spurious prediction", None, a.pred[i], ruler))
    d, arg = a.detection, a.argument
    head = (
        f"{a.id} — {a.title or ''}\n"
        f"detection TP {d.tp} FP {d.fp} FN {d.fn}; argument TP {arg.tp} FP {arg.fp} FN {arg.fn}"
    )
    return Panel(Group(*parts) if parts else Text("(no events)"), title=head, title_align="left")


def print_report(res: EvalResult, console: Console, worst: int = 5) -> None:
    """The human report: headline scores first, then the breakdowns, then the worst reports."""
    n_gold = sum(sum(e.primary for e in a.gold) for a in res.articles)
    n_none = sum(1 for a in res.articles if not any(e.primary for e in a.gold))
    console.print(
        f"[bold]{len(res.articles)}[/] reports ({n_none} without a news event), "
        f"[bold]{n_gold}[/] gold primary events, "
        f"[bold]{sum(len(a.pred) for a in res.articles)}[/] predicted events "
        f"(matched with the {res.ruler.name} ruler)"
    )
    if res.missing_predictions:
        console.print(f"[yellow]{len(res.missing_predictions)} gold reports have no prediction line[/]")
    if res.unknown_predictions:
        console.print(
            f"[yellow]{len(res.unknown_predictions)} predicted reports are not in the gold (ignored)[/]"
        )
    console.print(summary_table(res))
    console.print(field_table(res))
    console.print(confusion_table(res))
    for t in breakdown_tables(res):
        console.print(t)
    worst_list = res.worst(worst)
    if worst_list:
        console.print(
            f"[bold]The {len(worst_list)} worst reports[/] (by argument errors; red = field differs)"
        )
        for a in worst_list:
            console.print(worst_panel(a, res.ruler))
