"""Date mentions in Arabic news text, resolved against the publication day (CODING.md §5).

Own rules from `knowledge/data/dates.yaml`, no dateparser: measured here (1.5.0, locales=['ar-SY'])
it returns None for the combined "١٥ آذار/مارس ٢٠٢١", the Maghrebi months (أفريل، جويلية), and every
part-of-day or weekday phrase (مساء أمس الثلاثاء، فجر اليوم، أول أمس, per the research notes);
its first call costs ≈200 ms and each later one ≈1 ms, above the budget for a whole report. Its
`search_dates` also misreads prose ("في 15 آذار 2021" → only the year). The tables below cover
every form it handles, so it would add cost without adding recall.

All matching is on folded text (alef/hamza/ta-marbuta/yaa folded, Arabic-Indic and Persian
digits as ASCII, diacritics and tatweel dropped), so "الـ١٢" and "ال 12" are the same; spans are
mapped back to the original text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.recognize.anchored import hits_per_pattern, routes, windows_upto
from marsad.recognize.numbers import (
    B,
    E,
    alternation,
    anchor_hits,
    anchor_keys,
    compile_patterns,
    extend_marks,
    fast_fold_with_map,
    load_lexicon,
    ordinal_day_words,
    parse_quantity,
    register_anchor_words,
)
from marsad.recognize.optionals import branch_optionals
from marsad.recognize.window_scan import AT_OPENINGS, matches_at, opening_at, windows_holding
from marsad.text.normalize import fold
from marsad.text.tokens import alnum_mask, tokens

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.object import PyObject_GenericSetAttr
    from cython.cimports.cpython.type import PyType_GenericAlloc

__all__ = ["DateMention", "find_dates", "resolve_weekday"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the ORIGINAL text passed in
    end: int
    text: str
    date: date | None  # resolved day (None when it needs a publication date we don't have)
    precision: int  # 1 day, 2 week, 3 month
    kind: str  # "absolute" | "relative" | "weekday" | "week" | "month"
    explicit_year: bool  # the text itself gave the year


def _date_mention(
    start: int, end: int, text: str, day: date | None, precision: int, kind: str, explicit_year: bool
) -> DateMention:
    """DateMention(start, end, text, day, precision, kind, explicit_year): compiled, made as its
    __init__ makes it (allocated, then each field set as object.__setattr__ sets it) without the
    interpreted frame and a bound __setattr__ per field, a frozen dataclass's way."""
    if cython.compiled:
        dm = PyType_GenericAlloc(DateMention, 0)
        PyObject_GenericSetAttr(dm, "start", start)
        PyObject_GenericSetAttr(dm, "end", end)
        PyObject_GenericSetAttr(dm, "text", text)
        PyObject_GenericSetAttr(dm, "date", day)
        PyObject_GenericSetAttr(dm, "precision", precision)
        PyObject_GenericSetAttr(dm, "kind", kind)
        PyObject_GenericSetAttr(dm, "explicit_year", explicit_year)
        return dm  # type: ignore[no-any-return]
    return DateMention(start, end, text, day, precision, kind, explicit_year)


def resolve_weekday(weekday: int, published: date) -> date:
    """The most recent day with this weekday (Monday = 0) on or before `published`."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


# --------------------------------------------------------------------------------------------
# Vocabulary

_D = load_lexicon("dates.yaml")
# (as written, not folded: events/incidents.py reads them against a date's own words)
NIGHT_ENDS = frozenset(_D["night_ends"])


def _fl(words: list[str]) -> list[str]:
    return [fold(str(w)) for w in words]


_MONTH: dict[str, int] = {}
for _m, _names in _D["months"].items():
    for _n in _fl(_names):
        _MONTH[_n] = int(_m)
_AMBIG_MONTH = set(_fl(_D["ambiguous_months"]))
_WEEKDAY: dict[str, int] = {}
for _w, _names in _D["weekdays"].items():
    for _n in _fl(_names):
        _WEEKDAY[_n] = int(_w)
_REL: dict[str, int] = {fold(k): int(v) for k, v in _D["relative_days"].items()}
_PAST = set(_fl(_D["past_qualifiers"]))
_CURRENT = set(_fl(_D["current_qualifiers"]))
_FUTURE = set(_fl(_D["future_qualifiers"]))
_NOT_TODAY = set(_fl(_D["not_today_before"]))
_NAME_HEADS = tuple(_fl(_D["day_month_name_heads"]))
_WEEKDAY_HEADS = frozenset(_fl(_D["weekday_name_heads"]))
_NAME_HEAD_CLITICS = frozenset(
    ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "لل", "وب", "ول", "فب", "ولل")
)
_WEEK_PART: dict[str, str] = {}
for _p, _ws in _D["week_parts"].items():
    for _w in _fl(_ws):
        _WEEK_PART[_w] = str(_p)
_ORD = ordinal_day_words()

_MON = alternation(_MONTH)
_MON_SAFE = alternation(m for m in _MONTH if m not in _AMBIG_MONTH)
_WD = alternation(_WEEKDAY)
_RELW = alternation(_REL)
_POD = alternation(_D["parts_of_day"])
_QUAL = alternation(_PAST | _CURRENT | _FUTURE)
_PASTCUR = alternation(_PAST | _CURRENT)
_ORDW = alternation(_ORD)
_PARTW = alternation(_WEEK_PART)
_CUE = alternation(_D["month_cues"])
_YEARW = alternation(_D["year_words"])
_CL = r"(?:[وفبل](?=\w))?"  # a clitic before the phrase stays out of the span
_HEDGE = alternation(_D["approximately"])  # "قبل نحو مئة يوم"

# A day: digits (optionally "الـ12"), or an ordinal phrase ("الخامس عشر").
_DAY = rf"(?:(?:ال\s*)?(?P<d>\d{{1,2}})(?!\d)|(?P<o>{_ORDW}){E})"
# A second month name in a combined form: "آذار/مارس", "آذار (مارس)", "آذار - مارس".
_ALT_MON = rf"(?:\s*(?:/|\(|-|–)\s*(?:{_MON}){E}\s*\)?)?"
_YEAR = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:{_YEARW}){E}\s*)?(?P<y>\d{{4}})(?!\d)(?:\s*م{E})?)"

_RX_NUMERIC_SRC = (
    r"(?<![\w/.\-])(?:(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4})"
    r"|(?P<y2>\d{4})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?![\w/]|[.\-]\d)"
)
_RX_DAY_MONTH_SRC = (
    rf"{B}(?P<x>{_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?P<mon>{_MON}){E}{_ALT_MON}"
    rf"(?:{_YEAR}|\s+(?P<q>{_QUAL}){E})?)"
)
# "في الـ12 من الشهر الجاري", "الخامس من هذا الشهر", "يوم 10 الجاري" (the month left out)
_RX_DAY_OF_MONTH_SRC = (
    rf"{B}(?P<x>{_DAY}\s+(?:من\s+(?:(?P<this>هذا)\s+الشهر|الشهر(?:\s+(?P<q>{_QUAL}){E})?)|الجاري|الحالي){E})"
)
_RX_MONTH_YEAR_SRC = rf"{B}{_CL}(?P<x>(?:شهر\s+)?(?P<mon>{_MON}){E}{_ALT_MON}{_YEAR})"
# A month with no day and no year: only with a cue ("منتصف آب") or a qualifier ("نيسان الماضي");
# unambiguous names also after "في".
_RX_MONTH_ALONE_SRC = (
    rf"{B}{_CL}(?P<x>(?:(?:{_CUE}){E}\s+(?:شهر\s+)?|شهر\s+)(?P<mon>{_MON}){E}{_ALT_MON}(?!{_YEAR})"
    rf"(?:\s+(?P<q>{_QUAL}){E})?"
    rf"|(?P<mon2>{_MON}){E}{_ALT_MON}\s+(?P<q2>{_QUAL}){E})"
    rf"|{B}في\s+(?P<x2>(?P<mon3>{_MON_SAFE}){E}{_ALT_MON})"
)
_RX_REL_SRC = (
    rf"{B}{_CL}(?P<x>(?:(?P<pod>{_POD}){E}\s+)?(?:يوم\s+)?(?P<rel>{_RELW}){E}(?:\s+(?P<wd>{_WD}){E})?)"
)
_RX_AGO_SRC = (
    rf"{B}{_CL}(?P<x>(?:قبل|منذ)\s+(?:(?P<hedge>{_HEDGE}){E}\s+)?"
    rf"(?:(?P<n>\d{{1,3}}|[^\s\d]+(?:\s+و?\s*[^\s\d]+)?)\s+(?:ايام|يوما|يوم){E}"
    rf"|(?P<two>يومين|يومان){E}|(?P<one>يوم){E}(?:\s+واحد{E})?"
    rf"|(?P<wk2>اسبوعين|اسبوعان){E}|(?P<wk>اسبوع){E}(?:\s+واحد{E})?"
    rf"|(?P<nm>\d{{1,2}}|[^\s\d]+)\s+(?:اشهر|شهور){E}|(?P<mo2>شهرين|شهران){E}|(?P<mo>شهر){E}(?:\s+واحد{E})?"
    # "قبل نحو عام", "قبل عامين" (not "قبل عام 2011", a year named)
    rf"|(?P<yr2>عامين|عامان|سنتين|سنتان){E}|(?P<yr>عام|سنه){E}(?!\s*\d)(?:\s+واحد{E})?))"
)
_RX_WEEKDAY_SRC = (
    rf"{B}{_CL}(?P<x>(?:(?P<pod>{_POD}){E}\s+)?(?:(?P<day>يوم)\s+)?(?P<wd>{_WD}){E}(?:\s+(?P<q>{_QUAL}){E})?)"
)
_RX_WEEK_SRC = (
    rf"{B}{_CL}(?P<x>(?:(?P<part>{_PARTW}){E}\s+)?(?:خلال\s+)?"
    rf"(?:(?P<this>هذا)\s+الاسبوع|(?:ال)?اسبوع\s+(?P<q>{_PASTCUR}){E}))"
)
# A year alone, as when an incident happened: "في عام 2004", "أواخر أيام عام
# 2004" ("في" or a part of the year before it, or no date: "حرب عام 2014" names the war,
# "منذ عام 2011" and "خلال عام 2014" a span). Precision 3, the middle of the year.
_RX_YEAR_SRC = (
    rf"{B}{_CL}(?P<x>(?:في\s+|(?:{_PARTW}){E}\s+(?:ايام\s+)?)"
    rf"(?:{_YEARW}){E}\s+(?P<y>\d{{4}})(?!\d))"
)
_RX_MONTH_REL_SRC = (
    rf"{B}{_CL}(?P<x>(?:(?P<part>{_PARTW}){E}\s+)?(?:(?P<this>هذا)\s+الشهر|الشهر\s+(?P<q>{_PASTCUR}){E}))"
)
_DAY_BEFORE = re.compile(r"\d\s*(?:من\s+)?(?:شهر\s+)?$")
_BETWEEN_WD_ABS = re.compile(r"\s*[،,]?\s*(?:الموافق\s*(?:ل\s*)?)?")
_AMBIGUOUS_TWO = {"بين", "كلا", "هذين", "هذان", "لاحد", "احد"}  # الاثنين = "the two" after these


# Anchor keys per pattern: each pattern contains a digit or one of its words and reaches at most a
# few words before it ("الحادي والعشرين من شهر", "منتصف ليل يوم") or after it ("/ مارس، من عام
# 2021 م"), so it only runs in windows around those words.
_NOT_ANCHOR = ("من", "هذا", "يوم", "اول", "الماضيه", "قبل")  # function words inside phrases
_K_MONTH = anchor_keys(_MONTH, _NOT_ANCHOR) - {"#"}
_K_WEEKDAY = anchor_keys(_WEEKDAY)
_K_REL = anchor_keys(_REL, _NOT_ANCHOR)
_K_DIGIT = frozenset({"#"})
_K_SHAHR = anchor_keys(["الشهر", "الجاري", "الحالي"])
_K_AGO = anchor_keys(["قبل", "منذ"])
_K_WEEK = anchor_keys(["الاسبوع"])
_ALL_KEYS = _K_MONTH | _K_WEEKDAY | _K_REL | _K_SHAHR | _K_AGO | _K_WEEK
_ANCHORS_SRC = rf"(?P<d>\d+)|{B}(?:[وفبل])?(?P<w>{alternation(_ALL_KEYS | {'ال' + k for k in _ALL_KEYS})}){E}"
# Compiled through the pattern cache (see numbers.compile_patterns).
(
    _RX_NUMERIC,
    _RX_DAY_MONTH,
    _RX_DAY_OF_MONTH,
    _RX_MONTH_YEAR,
    _RX_MONTH_ALONE,
    _RX_REL,
    _RX_AGO,
    _RX_WEEKDAY,
    _RX_WEEK,
    _RX_MONTH_REL,
    _RX_YEAR,
    _ANCHORS,
) = compile_patterns(
    "dates",
    [
        _RX_NUMERIC_SRC,
        _RX_DAY_MONTH_SRC,
        _RX_DAY_OF_MONTH_SRC,
        _RX_MONTH_YEAR_SRC,
        _RX_MONTH_ALONE_SRC,
        _RX_REL_SRC,
        _RX_AGO_SRC,
        _RX_WEEKDAY_SRC,
        _RX_WEEK_SRC,
        _RX_MONTH_REL_SRC,
        _RX_YEAR_SRC,
        _ANCHORS_SRC,
    ],
    # (Optional groups compiled as branches, which re runs faster: optionals.py.)
    branch_optionals,
)
register_anchor_words(_ANCHORS, _ALL_KEYS | {"ال" + k for k in _ALL_KEYS}, digits=True)
_RX_NAME = {
    _RX_NUMERIC: "numeric",
    _RX_DAY_MONTH: "day_month",
    _RX_DAY_OF_MONTH: "day_of_month",
    _RX_MONTH_YEAR: "month_year",
    _RX_MONTH_ALONE: "month_alone",
    _RX_REL: "rel",
    _RX_AGO: "ago",
    _RX_WEEKDAY: "weekday",
    _RX_WEEK: "week",
    _RX_MONTH_REL: "month_rel",
    _RX_YEAR: "year",
}
_RX_BY_NAME = {name: rx for rx, name in _RX_NAME.items()}
# How far each pattern reaches before and after its anchor word, in characters.
_REACH = {
    "numeric": (12, 12),
    "day_month": (50, 45),
    "day_of_month": (45, 25),
    "month_year": (20, 40),
    "month_alone": (30, 35),
    "rel": (35, 20),
    "ago": (10, 35),
    "weekday": (30, 20),
    "week": (30, 20),
    "month_rel": (30, 20),
    "year": (30, 6),
}


# The words each pattern can open with (after a clitic, _CL; folded) and whether a word holding a
# digit opens one too: a match is tried only where one of them starts (window_scan.opening_at),
# where finditer tried every position of the window. (A superset: a word too many only costs a
# match tried.)
def _openers(words: set[str], digits: bool = False) -> tuple[frozenset[str], bool]:
    first = {w.split()[0] for w in _fl(list(words))}
    first |= {c + w for c in "وفبل" for w in first}
    if not all(w.isalnum() for w in first):
        raise RuntimeError("a date pattern's opening words must be letters and digits only")
    return frozenset(first), digits


_POD_WORDS = set(_D["parts_of_day"])
_OPENERS = {
    "numeric": _openers(set(), digits=True),
    "day_month": _openers({"ال", *_ORD}, digits=True),  # (ال12, ال 12, 12, an ordinal word)
    "day_of_month": _openers({"ال", *_ORD}, digits=True),
    "month_year": _openers({"شهر", *_MONTH}),
    "month_alone": _openers({"شهر", "في", *_D["month_cues"], *_MONTH}),
    "rel": _openers({"يوم", *_POD_WORDS, *_REL}),
    "ago": _openers({"قبل", "منذ"}),
    "weekday": _openers({"يوم", *_POD_WORDS, *_WEEKDAY}),
    "week": _openers({"خلال", "هذا", "الاسبوع", "اسبوع", *_WEEK_PART}),
    "month_rel": _openers({"هذا", "الشهر", *_WEEK_PART}),
    "year": _openers({"في", *_WEEK_PART}),
}
if set(_OPENERS) != set(_REACH):
    raise RuntimeError("every date pattern needs its opening words")


# The patterns' distinct key sets (a frozenset hashes once, then by its cached hash), and each
# anchor key's sets: a report's hits are sent to them once (anchored.hits_per_pattern).
_KEY_SETS = {
    k: i
    for i, k in enumerate(dict.fromkeys([_K_DIGIT, _K_MONTH, _K_SHAHR, _K_REL, _K_AGO, _K_WEEKDAY, _K_WEEK]))
}
_KEY_ROUTES = routes(list(_KEY_SETS))


# --------------------------------------------------------------------------------------------
# Resolution helpers


def _safe_date(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12) or not (1 <= d <= 31) or not (1 <= y <= 9999):
        return None
    if d > calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def _latest_not_after(m: int, d: int, published: date) -> date | None:
    """Day d of month m in the latest year that puts it on or before `published`."""
    for y in range(published.year, published.year - 9, -1):  # 29 Feb can need a few years back
        dt = _safe_date(y, m, d)
        if dt is not None and dt <= published:
            return dt
    return None


def _earliest_after(m: int, d: int, published: date) -> date | None:
    for y in range(published.year, published.year + 9):
        dt = _safe_date(y, m, d)
        if dt is not None and dt >= published:
            return dt
    return None


def _add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _week_start(d: date) -> date:
    """Sunday starting the week of d (the regional working week starts on Sunday)."""
    return d - timedelta(days=(d.weekday() + 1) % 7)


def _day_value(groups: dict[str, str | None]) -> int | None:
    if groups.get("d"):
        return int(groups["d"] or 0)
    o = groups.get("o")
    if o:
        return _ORD.get(_WS.sub(" ", o))
    return None


# Read right after a match, in place (match(s, b)): slicing off the rest of the report per match
# copied it whole each time.
_NEXT_DEFINITE = re.compile(r"\s+(ال\w+)")
_FROM_AFTER = re.compile(r"\s+(?:من|علي)" + E)
# "منذ يوم الأربعاء": "يوم" heads the weekday named after it, no "a day ago"
_WEEKDAY_AFTER = re.compile(rf"\s+(?:{_WD}){E}")
_TEEN_AFTER = re.compile(r"\s+عشر")
_WS = re.compile(r"\s+")


def _norm(s: str | None) -> str:
    # Whitespace runs to one space, stripped: str.split's whitespace is exactly re's \s.
    return " ".join((s or "").split())


# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    a: int
    b: int
    date: date | None
    precision: int
    kind: str
    explicit_year: bool


AGO_MAX_DAYS = 400  # "قبل نحو مئة يوم" still dates an incident; larger counts are no date


def _names_a_place(s: str, at: int) -> bool:
    """Whether the word before `at` is a noun a day and month name a place after ("مستشفى 22
    مايو"; dates.yaml day_month_name_heads), with its clitics."""
    before = s[max(0, at - 16) : at].split()
    if not before:
        return False
    w = before[-1]
    return any(w.endswith(h) and w[: len(w) - len(h)] in _NAME_HEAD_CLITICS for h in _NAME_HEADS)


def _names_by_weekday(s: str, at: int) -> bool:
    """Whether the word before `at` is a noun a weekday names something after ("سوق الجمعة",
    a Tripoli quarter; dates.yaml weekday_name_heads)."""
    before = s[max(0, at - 12) : at].split()
    return bool(before) and before[-1] in _WEEKDAY_HEADS


def _candidates(s: str, published: date | None) -> tuple[list[_Cand], list[int]]:
    """The date phrases of folded `s`, and where its four-digit runs start (_header_years)."""
    out: list[_Cand] = []
    add = out.append
    hits = anchor_hits(s, _ANCHORS)
    if not hits:
        return out, []
    # The hits of each key set, None for the sets with none (most).
    picked = hits_per_pattern(hits, _KEY_ROUTES, len(_KEY_SETS))
    alnum = alnum_mask(s)  # the word edges, for every pattern's windows
    # (\w counts "_" as a letter, the words do not.)
    toks = tokens(s) if AT_OPENINGS and "_" not in s else None

    def scan(name: str, keys: frozenset[str], needed: list[int] | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in its windows (only those holding a `needed` position, when
        given: one every match holds)."""
        hits_of = picked[_KEY_SETS[keys]]
        if hits_of is None or (needed is not None and not needed):
            return
        # By name, not by pattern: a Pattern hashes its whole compiled code at every dict lookup.
        rx = _RX_BY_NAME[name]
        before, after = _REACH[name]
        windows = windows_upto(s, hits_of, before, after, alnum)  # (_windows without its copy)
        if needed is not None:
            windows = windows_holding(windows, needed)
        if toks is None:
            for wa, wb, _ in windows:
                yield from rx.finditer(s, wa, wb)
            return
        words, digits = _OPENERS[name]
        for wa, wb, _ in windows:
            yield from matches_at(rx, s, opening_at(toks, wa, wb, words, digits), wa, wb, wb)

    # The digit runs some patterns need (every run is a hit: no anchor word holds a run that
    # these patterns read): most windows of a report's digits hold none of them.
    digits = picked[_KEY_SETS[_K_DIGIT]] or []
    size = len(s)
    # numeric: a run next to its separator ("15/3/2021"); year and month_year: a year's four
    # digits, in year after whitespace ("عام 2004").
    numeric_runs = [a for a, b, _ in digits if (b < size and s[b] in "/.-") or (a > 0 and s[a - 1] in "/.-")]
    year_runs = [a for a, b, _ in digits if b - a == 4]
    year_after_space = [a for a in year_runs if a > 0 and s[a - 1].isspace()]

    for m in scan("numeric", _K_DIGIT, numeric_runs):
        if m.group("d"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            if mo > 12 and d <= 12:
                d, mo = mo, d  # month/day/year order
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        dt = _safe_date(y, mo, d)
        if dt is not None and 1900 <= y <= 2100:
            add(_Cand(m.start(), m.end(), dt, 1, "absolute", True))

    for m in scan("day_month", _K_MONTH):
        g = m.groupdict()
        day, mon = _day_value(g), _MONTH.get(_norm(g["mon"]))
        if day is None or mon is None or _names_a_place(s, m.start("x")):
            continue
        q = _norm(g.get("q"))
        if g.get("y"):
            dt = _safe_date(int(g["y"] or 0), mon, day)
            if dt is None:
                continue
            add(_Cand(*m.span("x"), dt, 1, "absolute", True))
            continue
        if _safe_date(2000, mon, day) is None:  # 2000 is a leap year: rejects only 31 April etc.
            continue
        if q in _FUTURE:
            continue  # a planned date is no event date
        dt = _latest_not_after(mon, day, published) if published else None
        add(_Cand(*m.span("x"), dt, 1, "absolute", False))

    for m in scan("day_of_month", _K_SHAHR):
        g = m.groupdict()
        day = _day_value(g)
        q = _norm(g.get("q"))
        if day is None or q in _FUTURE:
            continue
        dt = None
        if published:
            delta = -1 if q in _PAST else 0
            y, mo = _add_months(published.year, published.month, delta)
            dt = _safe_date(y, mo, day)
            if dt is None:
                continue
        add(_Cand(*m.span("x"), dt, 1, "absolute", False))

    for m in scan("month_year", _K_MONTH, year_runs):
        if _DAY_BEFORE.search(s, max(0, m.start("x") - 12), m.start("x")):
            continue  # "31 نيسان 2020": an impossible day, not a month-only date
        mon = _MONTH.get(_norm(m.group("mon")))
        dt = _safe_date(int(m.group("y")), mon, 15) if mon else None
        if dt is not None:
            add(_Cand(*m.span("x"), dt, 3, "month", True))

    for m in scan("month_alone", _K_MONTH):
        span = m.span("x") if m.group("x") else m.span("x2")
        mon = _MONTH.get(_norm(m.group("mon") or m.group("mon2") or m.group("mon3")))
        q = _norm(m.group("q") or m.group("q2"))
        if mon is None or q in _FUTURE:
            continue
        dt = None
        if published:
            y = published.year if mon <= published.month else published.year - 1
            if q in _PAST and mon == published.month:
                y -= 1  # "آب الماضي" written in August is last year's August
            dt = date(y, mon, 15)
        add(_Cand(*span, dt, 3, "month", False))

    for m in scan("rel", _K_REL):
        rel = _norm(m.group("rel"))
        a, b = m.span("x")
        if rel == "اليوم":
            before = s[max(0, a - 12) : a].split()
            if before and before[-1] in _NOT_TODAY:
                continue  # "حتى اليوم", "ذلك اليوم": not a date of an event
            after = _NEXT_DEFINITE.match(s, b)
            if after and not m.group("wd") and after.group(1) not in _WEEKDAY and not m.group("pod"):
                continue  # "اليوم التالي", "اليوم الثالث من المعارك", "اليوم العالمي"
        # A weekday after the relative word ("أمس الثلاثاء") is only a check: the word wins.
        dt = published + timedelta(days=_REL[rel]) if published else None
        if dt is not None and _REL[rel] == 0 and m.group("wd"):
            wd_day = resolve_weekday(_WEEKDAY[_norm(m.group("wd"))], dt)
            if dt - wd_day == timedelta(days=1):
                dt = wd_day  # "اليوم الاثنين" in a wire story filed on Monday, published after midnight
        add(_Cand(a, b, dt, 1, "relative", False))

    for m in scan("ago", _K_AGO):
        a, b = m.span("x")
        if _FROM_AFTER.match(s, b):
            continue  # "قبل يومين من الانتخابات" counts from another day
        if m.group("one") and _WEEKDAY_AFTER.match(s, b):
            continue  # "منذ يوم الأربعاء": the weekday is read on its own
        hedged = bool(m.group("hedge"))
        if m.group("nm") or m.group("mo2") or m.group("mo") or m.group("yr") or m.group("yr2"):
            # "قبل شهرين", "قبل عام": only the month is known (CODING.md §5, precision 3: the 15th).
            # "منذ خمسة أشهر" is mostly a duration ("محاصرة منذ خمسة أشهر"), no incident's date.
            if not s.startswith("قبل", a):
                continue
            q = parse_quantity(m.group("nm")) if m.group("nm") else None
            n = (
                24
                if m.group("yr2")
                else 12
                if m.group("yr")
                else 2
                if m.group("mo2")
                else 1
                if m.group("mo")
                else (q.value if q is not None and q.exact else 0)
            )
            if not 1 <= n <= 24:
                continue
            dt = None
            if published:
                y, mo = _add_months(published.year, published.month, -n)
                dt = date(y, mo, 15)
            add(_Cand(a, b, dt, 3, "month", False))
            continue
        if m.group("n"):
            q = parse_quantity(m.group("n"))
            if q is None or not q.exact or not 1 <= q.value <= AGO_MAX_DAYS:
                continue
            days = q.value
            # A round or hedged count ("قبل نحو مئة يوم") gives the week or the month, not the day.
            prec = 1 if days <= 14 and not hedged else 2 if days <= 31 else 3
            kind = "relative" if prec == 1 else "week" if prec == 2 else "month"
            if published and prec == 3:
                back = published - timedelta(days=days)
                add(_Cand(a, b, date(back.year, back.month, 15), prec, kind, False))
                continue
        elif m.group("two"):
            days, prec, kind = 2, 1, "relative"
        elif m.group("one"):
            days, prec, kind = 1, 1, "relative"
        elif m.group("wk2"):
            days, prec, kind = 14, 2, "week"
        else:
            days, prec, kind = 7, 2, "week"
        add(_Cand(a, b, published - timedelta(days=days) if published else None, prec, kind, False))

    for m in scan("weekday", _K_WEEKDAY):
        a, b = m.span("x")
        wd = _WEEKDAY[_norm(m.group("wd"))]
        q = _norm(m.group("q"))
        if q in _FUTURE:
            continue
        if wd == 0 and not m.group("pod") and not m.group("day") and not q:
            before = s[max(0, a - 10) : a].split()
            after = s[b : b + 8].split()
            if (before and before[-1] in _AMBIGUOUS_TWO) or (after and after[0] in ("معا", "منهم", "منهما")):
                continue  # "كلا الاثنين": "the two", not Monday
        if _TEEN_AFTER.match(s, b):
            continue  # "الأحد عشر", "الاثني عشر": eleven, twelve
        if not m.group("day") and _names_by_weekday(s, a):
            continue  # "سوق الجمعة", "صلاة الجمعة": a market, a prayer, not the day of the event
        dt = None
        if published:
            dt = resolve_weekday(wd, published)
            if q in _PAST and dt == published:
                dt -= timedelta(days=7)  # "الثلاثاء الماضي" written on a Tuesday: a week back
        add(_Cand(a, b, dt, 1, "weekday", False))

    for m in scan("week", _K_WEEK):
        a, b = m.span("x")
        part = _WEEK_PART.get(_norm(m.group("part")), "middle")
        last = _norm(m.group("q")) in _PAST
        dt = None
        if published:
            start = _week_start(published) - timedelta(days=7 if last else 0)
            end = start + timedelta(days=6)
            if not last:
                end = published  # this week: only the days up to publication
            span_days = (end - start).days
            # The middle of the part named: first three days → Monday, last three → the day
            # before the span's end, none → the middle of the span.
            offset = {"start": min(1, span_days), "end": max(0, span_days - 1)}.get(part, span_days // 2)
            dt = start + timedelta(days=offset)
        add(_Cand(a, b, dt, 2, "week", False))

    for m in scan("month_rel", _K_SHAHR):
        a, b = m.span("x")
        last = _norm(m.group("q")) in _PAST
        dt = None
        if published:
            y, mo = _add_months(published.year, published.month, -1 if last else 0)
            dt = date(y, mo, 15)
            if dt > published:
                dt = published  # "this month" cannot point past publication
        add(_Cand(a, b, dt, 3, "month", False))

    for m in scan("year", _K_DIGIT, year_after_space) if published is not None else ():
        # Only against a publication day: the year sets an incident apart from the news (an
        # earlier one, CODING.md §1); in an undated report it would date nothing better.
        y = int(m.group("y"))
        if not 1900 <= y < published.year:
            continue  # the report's own year says nothing its days do not
        a, b = m.span("x")
        add(_Cand(a, b, date(y, 7, 1), 3, "year", True))
    return out, year_runs


# A line that is only a year ("- 2017 -") heads the entries of a chronology below it.
_YEAR_HEADER = re.compile(r"^[\s\-–—*•#]*((?:19|20)\d\d)[\s\-–—*•#:]*$", re.M)
# The line that holds a _YEAR_HEADER's year is all this (^ and $ see only "\n" as a line end).
# Most reports have no such line, and testing each line costs a fraction of searching the text,
# where re tries every position for a ^.
_YEAR_LINE = re.compile(r"[\s\-–—*•#]*(?:19|20)\d\d[\s\-–—*•#:]*")


def _on_year_line(s: str, at: int) -> bool:
    """Whether the four digits at `at` are a year that a line holds alone (_YEAR_LINE)."""
    if not s.startswith(("19", "20"), at):
        return False
    end = s.find("\n", at)
    return _YEAR_LINE.fullmatch(s, s.rfind("\n", 0, at) + 1, len(s) if end < 0 else end) is not None


def _header_years(s: str, kept: list[_Cand], year_runs: list[int]) -> list[_Cand]:
    """ "- 2017 -" then "17 آذار: …": a day and month under a year heading are of that year, not
    of the publication year (chronologies, timelines). `year_runs`: where the text's four-digit
    runs start (_candidates), one of which a heading's year is."""
    # Only the lines of those runs are read: a line per run, not every line of the report.
    # (A loop, not any() over a generator: most reports have no four-digit run at all.)
    for at in year_runs:
        if _on_year_line(s, at):
            break
    else:
        return kept
    headers = [(m.start(), int(m.group(1))) for m in _YEAR_HEADER.finditer(s)]
    if not headers:
        return kept
    out = []
    for c in kept:
        year = next((y for at, y in reversed(headers) if at < c.a), None)
        if year is not None and c.kind == "absolute" and not c.explicit_year and c.date is not None:
            dt = _safe_date(year, c.date.month, c.date.day)
            if dt is not None:
                c = _Cand(c.a, c.b, dt, c.precision, c.kind, True)
        out.append(c)
    return out


# "مساء اليوم ذاته", "في اليوم نفسه", "في ذات اليوم": the day of the date told before it (folded).
_SAME_DAY = re.compile(
    r"(?<!\S)(?:(?:صباح|مساء|ظهر|عصر|فجر|ليل|ليله)\s+)?(?:في\s+)?"
    r"(?:(?:اليوم|النهار)\s+(?:ذاته|نفسه)|الليله\s+(?:ذاتها|نفسها)|(?:ذات|نفس)\s+(?:اليوم|الليله))(?!\S)"
)
# The phrases' cores, looked for with str's C search before the regex reads the report.
_SAME_DAY_CORES = (
    "اليوم ذاته", "اليوم نفسه", "النهار ذاته", "النهار نفسه", "الليله ذاتها", "الليله نفسها",
    "ذات اليوم", "نفس اليوم", "ذات الليله", "نفس الليله",
)  # fmt: skip


# Every core holds "ذات" or "نفس", at a fixed offset: the cores are looked for only where one of
# these two stands (a search each and a startswith per core there), not by ten searches of the
# report ("نفس" is a common word: the two searches alone rule out few reports).
# Each core also has a space right before the word ("اليوم ذاته", filed under "before") or right
# after it ("ذات اليوم", "after"): an occurrence of the word (most are inside other words: نفسه،
# أنفسهم) with neither is no core's, and is passed over with two character tests.
_SAME_DAY_AT: dict[str, tuple[list[tuple[str, int]], list[tuple[str, int]]]] = {}
for _core in _SAME_DAY_CORES:
    for _word in ("ذات", "نفس"):
        if _word in _core:
            _at = _core.index(_word)
            _side = 0 if _at > 0 and _core[_at - 1] == " " else 1
            if _side and not _core.startswith(" ", _at + len(_word)):
                raise RuntimeError("every same-day core must hold a space next to ذات or نفس")
            _SAME_DAY_AT.setdefault(_word, ([], []))[_side].append((_core, _at))
if sum(len(b) + len(a) for b, a in _SAME_DAY_AT.values()) != len(_SAME_DAY_CORES):
    raise RuntimeError("every same-day core must hold ذات or نفس")


def _has_same_day_core(s: str) -> bool:
    """any(core in s for core in _SAME_DAY_CORES)."""
    for word, (space_before, space_after) in _SAME_DAY_AT.items():
        i = s.find(word)
        while i >= 0:
            if i > 0 and s[i - 1] == " ":
                for core, at in space_before:
                    if i >= at and s.startswith(core, i - at):
                        return True
            if s.startswith(" ", i + len(word)):
                for core, at in space_after:
                    if s.startswith(core, i - at):
                        return True
            i = s.find(word, i + 1)
    return False


def _same_day(s: str, kept: list[_Cand]) -> list[_Cand]:
    """ "القصف تجدد مساء اليوم ذاته": the day of the last day-precise date before it (no date
    without one: the phrase points back, it names no day of its own)."""
    if not _has_same_day_core(s):
        return kept  # (most reports: no such phrase, no regex pass)
    for m in _SAME_DAY.finditer(s):
        a, b = m.span()
        # "اليوم" inside the phrase was read as the publication day: the phrase replaces it.
        inside = [c for c in kept if c.a < b and a < c.b]
        if any(c.kind != "relative" for c in inside):
            continue
        prev = next((c for c in reversed(kept) if c.b <= a and c.precision == 1 and c.date), None)
        if prev is not None:
            kept = [c for c in kept if c not in inside]
            kept.append(_Cand(a, b, prev.date, 1, prev.kind, prev.explicit_year))
            kept.sort(key=lambda c: c.a)
    return kept


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Date mentions in `text`, sorted and non-overlapping, resolved against `published`."""
    f = fast_fold_with_map(text)
    s = f.text
    cands, year_runs = _candidates(s, published)
    # Earliest start first, longest first at a tie; drop what overlaps a kept mention.
    cands.sort(key=lambda c: (c.a, -(c.b - c.a)))
    kept: list[_Cand] = []
    for c in cands:
        if kept and c.a < kept[-1].b:
            continue
        # "يوم الثلاثاء 15 آذار 2021": the weekday names the absolute date; one mention.
        if kept and kept[-1].kind == "weekday" and c.kind == "absolute":
            gap = _BETWEEN_WD_ABS.fullmatch(s, kept[-1].b, c.a)
            if gap is not None:
                prev = kept.pop()
                c = _Cand(prev.a, c.b, c.date, c.precision, c.kind, c.explicit_year)
        kept.append(c)
    kept = _header_years(s, kept, year_runs)
    kept = _same_day(s, kept)
    out: list[DateMention] = []
    for c in kept:
        o_a, o_b = f.to_original(c.a, c.b)
        o_b = extend_marks(text, o_b)
        out.append(_date_mention(o_a, o_b, text[o_a:o_b], c.date, c.precision, c.kind, c.explicit_year))
    return out
