"""Scores of predicted events against gold: detection, per-field accuracy, argument F1,
confusion, per-country and per-type breakdowns, bootstrap intervals.

Background gold events (`primary: false`) are recalled history, not the news. A prediction
matched to one is *neutral* (neither TP nor FP) in every count, and an unmatched background
event is not a false negative; how many of them were found is reported on its own line.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from marsad.evaluation.gold import GoldReport
from marsad.evaluation.match import ARG_FIELDS, Pair
from marsad.evaluation.ruler import MARSAD, Ruler
from marsad.models import Event

# Per-field accuracy is reported on these (event type is equal on every matched pair).
ACCURACY_FIELDS: tuple[str, ...] = ARG_FIELDS[1:]
NONE = "none"
UNKNOWN_COUNTRY = "(no country)"


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        # Nothing to find and nothing predicted is a perfect score, not 0/0.
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class ArticleEval:
    """Everything measured on one report, kept for the worst-articles view."""

    id: str
    title: str | None
    gold: list[Event]
    pred: list[Event]
    pairs: list[Pair]  # scored pairs: primary gold x prediction
    background_pairs: list[Pair]  # predictions that matched background gold (neutral)
    unmatched_gold: list[int]  # primary gold events nobody found
    unmatched_pred: list[int]  # predictions that matched nothing (false positives)
    detection: Counts
    argument: Counts
    # Country -> (detection, argument) counts, for the per-country table.
    by_country: dict[str, tuple[Counts, Counts]] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return self.argument.fp + self.argument.fn


@dataclass(slots=True)
class EvalResult:
    articles: list[ArticleEval]
    detection: Counts
    argument: Counts
    field_correct: dict[str, int]
    n_matched: int
    confusion: dict[tuple[str, str], int]
    per_country: dict[str, tuple[Counts, Counts]]
    per_type: dict[str, Counts]
    background_found: int
    background_total: int
    primary_flag_correct: int
    primary_flag_total: int
    location_km: list[float]
    ruler: Ruler
    missing_predictions: list[str]  # gold ids with no line in the prediction file
    unknown_predictions: list[str]  # prediction ids not in the gold
    ci: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def field_accuracy(self) -> dict[str, float]:
        n = self.n_matched
        return {f: (self.field_correct[f] / n if n else 0.0) for f in ACCURACY_FIELDS}

    @property
    def macro_e2e_f1(self) -> float:
        """Mean end-to-end F1 over reports that have anything to score (gold or predicted
        fields); a report with nothing on either side is left out rather than scored 1."""
        scored = [a.argument.f1 for a in self.articles if a.argument.tp + a.argument.fp + a.argument.fn]
        return sum(scored) / len(scored) if scored else 0.0

    def worst(self, k: int) -> list[ArticleEval]:
        bad = [a for a in self.articles if a.errors]
        bad.sort(key=lambda a: (-a.errors, -(a.detection.fp + a.detection.fn), a.id))
        return bad[:k]

    def as_dict(self, worst: int = 0) -> dict[str, object]:
        """Every figure, machine-readable (what `marsad eval --json` prints)."""
        types = [*sorted({t for pair in self.confusion for t in pair} - {NONE}), NONE]
        return {
            "ruler": self.ruler.name,
            "n_reports": len(self.articles),
            "n_reports_without_events": sum(1 for a in self.articles if not any(e.primary for e in a.gold)),
            "n_gold_events": sum(len(a.gold) for a in self.articles),
            "n_gold_primary": sum(sum(e.primary for e in a.gold) for a in self.articles),
            "n_pred_events": sum(len(a.pred) for a in self.articles),
            "detection": self.detection.as_dict(),
            "argument": self.argument.as_dict(),
            "e2e_f1": round(self.argument.f1, 4),
            "macro_e2e_f1": round(self.macro_e2e_f1, 4),
            "field_accuracy": {f: round(v, 4) for f, v in self.field_accuracy.items()},
            "n_matched": self.n_matched,
            "location_km_median": round(statistics.median(self.location_km), 2) if self.location_km else None,
            "background": {
                "found": self.background_found,
                "total": self.background_total,
                "recall": round(self.background_found / self.background_total, 4)
                if self.background_total
                else None,
            },
            "primary_flag_accuracy": round(self.primary_flag_correct / self.primary_flag_total, 4)
            if self.primary_flag_total
            else None,
            "confusion": {
                "labels": types,
                "matrix": [[self.confusion.get((g, p), 0) for p in types] for g in types],
            },
            "per_type": {t: c.as_dict() for t, c in sorted(self.per_type.items())},
            "per_country": {
                c: {"detection": d.as_dict(), "argument": a.as_dict()}
                for c, (d, a) in sorted(self.per_country.items())
            },
            "ci95": {k: [round(lo, 4), round(hi, 4)] for k, (lo, hi) in self.ci.items()},
            "missing_predictions": self.missing_predictions,
            "unknown_predictions": self.unknown_predictions,
            "worst": [
                {"id": a.id, "errors": a.errors, **article_diff(a, self.ruler)} for a in self.worst(worst)
            ],
        }


def _country(e: Event) -> str:
    return e.country.strip() or UNKNOWN_COUNTRY


def _bump(table: dict[str, tuple[Counts, Counts]], country: str, det: Counts, arg: Counts) -> None:
    d, a = table.setdefault(country, (Counts(), Counts()))
    d.add(det)
    a.add(arg)


def evaluate_article(
    rep_id: str,
    gold: Sequence[Event],
    pred: Sequence[Event],
    title: str | None = None,
    ruler: Ruler = MARSAD,
) -> ArticleEval:
    """Match one report's predictions to its gold and count."""
    gold, pred = list(gold), list(pred)
    all_pairs = ruler.match(gold, pred)
    pairs = [p for p in all_pairs if gold[p.gold].primary]
    bg_pairs = [p for p in all_pairs if not gold[p.gold].primary]
    matched_g = {p.gold for p in all_pairs}
    matched_p = {p.pred for p in all_pairs}
    un_g = [i for i, g in enumerate(gold) if g.primary and i not in matched_g]
    un_p = [i for i in range(len(pred)) if i not in matched_p]

    det, arg = Counts(tp=len(pairs), fp=len(un_p), fn=len(un_g)), Counts()
    by_country: dict[str, tuple[Counts, Counts]] = {}
    for pr in pairs:
        g, p = gold[pr.gold], pred[pr.pred]
        c = Counts()
        for f in ARG_FIELDS:
            if ruler.field_equal(f, g, p):
                c.tp += 1
            else:  # the ruler says whether a wrong value is a false claim, a miss or both
                fp, fn = ruler.wrong_field_counts(f, g, p)
                c.fp += fp
                c.fn += fn
        arg.add(c)
        _bump(by_country, _country(g), Counts(tp=1), c)
    for i in un_g:
        c = Counts(fn=sum(ruler.field_present(f, gold[i]) for f in ARG_FIELDS))
        arg.add(c)
        _bump(by_country, _country(gold[i]), Counts(fn=1), c)
    for i in un_p:
        c = Counts(fp=sum(ruler.field_present(f, pred[i]) for f in ARG_FIELDS))
        arg.add(c)
        _bump(by_country, _country(pred[i]), Counts(fp=1), c)
    return ArticleEval(rep_id, title, gold, pred, pairs, bg_pairs, un_g, un_p, det, arg, by_country)


def _confusion(a: ArticleEval, table: Counter[tuple[str, str]], ruler: Ruler) -> None:
    """Gold type x predicted type. Matched pairs are the diagonal; the leftovers are paired
    again on date and place/actor alone, so a right event with a wrong type shows as such."""
    for pr in a.pairs:
        t = a.gold[pr.gold].event_type
        table[(t, t)] += 1
    left_g = [a.gold[i] for i in a.unmatched_gold]
    left_p = [a.pred[i] for i in a.unmatched_pred]
    loose = ruler.match_any_type(left_g, left_p)
    for pr in loose:
        table[(left_g[pr.gold].event_type, left_p[pr.pred].event_type)] += 1
    for i in set(range(len(left_g))) - {pr.gold for pr in loose}:
        table[(left_g[i].event_type, NONE)] += 1
    for i in set(range(len(left_p))) - {pr.pred for pr in loose}:
        table[(NONE, left_p[i].event_type or "(empty)")] += 1


def bootstrap_ci(
    articles: Sequence[ArticleEval], n: int = 1000, seed: int = 13
) -> dict[str, tuple[float, float]]:
    """95% percentile intervals of detection and argument F1, resampling whole reports
    (events of one report are not independent, reports roughly are)."""
    if not articles:
        return {}
    rng = random.Random(seed)
    det_f1: list[float] = []
    arg_f1: list[float] = []
    k = len(articles)
    for _ in range(n):
        d, a = Counts(), Counts()
        for _j in range(k):
            art = articles[rng.randrange(k)]
            d.add(art.detection)
            a.add(art.argument)
        det_f1.append(d.f1)
        arg_f1.append(a.f1)
    det_f1.sort()
    arg_f1.sort()
    lo, hi = int(0.025 * n), min(n - 1, int(0.975 * n))
    return {"detection_f1": (det_f1[lo], det_f1[hi]), "e2e_f1": (arg_f1[lo], arg_f1[hi])}


def evaluate(
    gold: Iterable[GoldReport],
    preds: Mapping[str, Sequence[Event]],
    *,
    bootstrap: int = 1000,
    ruler: Ruler = MARSAD,
) -> EvalResult:
    """Score predictions (article id -> events) against gold reports."""
    gold = list(gold)
    gold_ids = {g.id for g in gold}
    articles = [evaluate_article(g.id, g.events, preds.get(g.id, ()), g.title, ruler) for g in gold]

    det, arg = Counts(), Counts()
    field_correct = dict.fromkeys(ACCURACY_FIELDS, 0)
    confusion: Counter[tuple[str, str]] = Counter()
    per_country: dict[str, tuple[Counts, Counts]] = {}
    per_type: dict[str, Counts] = defaultdict(Counts)
    n_matched = bg_found = bg_total = flag_ok = flag_n = 0
    km: list[float] = []
    for a in articles:
        det.add(a.detection)
        arg.add(a.argument)
        for country, (d, c) in a.by_country.items():
            _bump(per_country, country, d, c)
        for pr in a.pairs:
            g, p = a.gold[pr.gold], a.pred[pr.pred]
            n_matched += 1
            per_type[g.event_type].tp += 1
            for f in ACCURACY_FIELDS:
                field_correct[f] += ruler.field_equal(f, g, p)
            if pr.km is not None:
                km.append(pr.km)
        for i in a.unmatched_gold:
            per_type[a.gold[i].event_type].fn += 1
        for i in a.unmatched_pred:
            per_type[a.pred[i].event_type or "(empty)"].fp += 1
        bg_total += sum(not e.primary for e in a.gold)
        bg_found += len(a.background_pairs)
        # Did the extractor tell news from history on the events it found?
        for pr in a.pairs + a.background_pairs:
            flag_n += 1
            flag_ok += a.gold[pr.gold].primary == a.pred[pr.pred].primary
        _confusion(a, confusion, ruler)

    return EvalResult(
        articles=articles,
        detection=det,
        argument=arg,
        field_correct=field_correct,
        n_matched=n_matched,
        confusion=dict(confusion),
        per_country=per_country,
        per_type=dict(per_type),
        background_found=bg_found,
        background_total=bg_total,
        primary_flag_correct=flag_ok,
        primary_flag_total=flag_n,
        location_km=km,
        ruler=ruler,
        missing_predictions=sorted(gold_ids - set(preds)),
        unknown_predictions=sorted(set(preds) - gold_ids),
        ci=bootstrap_ci(articles, bootstrap) if bootstrap else {},
    )


# Fields shown in the side-by-side view: the 7 scored, then what helps to see why.
DIFF_FIELDS: tuple[str, ...] = (
    *ARG_FIELDS[:4], "assoc_actor_1", "assoc_actor_2", "primary", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "event_date", "time_precision", "fatalities",
)  # fmt: skip


def show_field(e: Event | None, f: str) -> str:
    if e is None:
        return ""
    v = getattr(e, f)
    return "" if v is None else str(v)


def article_diff(a: ArticleEval, ruler: Ruler = MARSAD) -> dict[str, object]:
    """Gold and predicted events of one report, side by side, with the differing fields named."""
    rows: list[dict[str, object]] = []

    def add(kind: str, g: Event | None, p: Event | None) -> None:
        if g is not None and p is not None:
            differ = [f for f in ARG_FIELDS if not ruler.field_equal(f, g, p)]
        else:
            differ = [f for f in ARG_FIELDS if ruler.field_present(f, g or p)]  # type: ignore[arg-type]
        rows.append(
            {
                "kind": kind,
                "differ": differ,
                "gold": {f: show_field(g, f) for f in DIFF_FIELDS} if g else None,
                "pred": {f: show_field(p, f) for f in DIFF_FIELDS} if p else None,
            }
        )

    for pr in a.pairs:
        add("matched", a.gold[pr.gold], a.pred[pr.pred])
    for i in a.unmatched_gold:
        add("missed", a.gold[i], None)
    for i in a.unmatched_pred:
        add("spurious", None, a.pred[i])
    for pr in a.background_pairs:
        add("background", a.gold[pr.gold], a.pred[pr.pred])
    return {
        "title": a.title,
        "detection": a.detection.as_dict(),
        "argument": a.argument.as_dict(),
        "events": rows,
    }
