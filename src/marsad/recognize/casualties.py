"""Casualty mentions in Arabic news text (CODING.md §6): killed and injured, with the coded figure.

The words live in `knowledge/data/casualties.yaml`; `recognize/casualty_patterns.py` turns them into
regexes around the quantity pattern of `recognize.numbers`; this module finds their matches in a
report and reads each one (victims, hedges, negations).

Matching runs on folded text (alef/hamza/ta-marbuta/yaa folded, digits ASCII, marks dropped), so a
lexicon entry written once matches all its spellings; spans are mapped back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.recognize.anchored import finditer_upto, hits_per_pattern, windows_upto
from marsad.recognize.casualty_patterns import (
    _ALL_OPENING,
    _ANCHORS,
    _BODY_LEAD,
    _CLAUSE_PUNCT,
    _INOUN,
    _KNOUN,
    _LAST_OF,
    _LINK_RE,
    _MIXED,
    _MIXED_OPENS,
    _MIXED_REACH,
    _NEEDS,
    _NEEDS_LEAD,
    _NEEDS_NOUN,
    _NEG,
    _NOT_DEATH,
    _NOT_HEADED,
    _OPENS,
    _ROUTES,
    _SPECS,
    _STARTS,
    _TAIL_OTHER,
    _V_CLASS,
    _VITEM_RE,
    _YEARLIKE,
    KILLED_NO_NUMBER,
    MORE_AT_ANOTHER_PLACE,
    REFERRING,
)
from marsad.recognize.numbers import (
    _HEDGE_AFTER,
    _WS,
    FoldMap,
    _AnchorHit,
    _parse,
    anchor_hits,
    extend_marks,
    fast_fold_with_map,
)
from marsad.recognize.window_scan import (
    AT_OPENINGS,
    after_count,
    followed_by,
    matches_at,
    opening_at,
    windows_holding,
    words_at,
)
from marsad.text.tokens import tokens

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.object import PyObject_GenericSetAttr
    from cython.cimports.cpython.type import PyType_GenericAlloc

__all__ = ["KILLED_NO_NUMBER", "MAX_CASUALTY_COUNT", "REFERRING", "CasualtyMention", "find_casualties"]


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    start: int
    end: int
    text: str  # the whole casualty expression, original offsets
    kind: str  # "killed" | "injured"
    count: int  # coded figure per CODING.md §6
    exact: bool
    victim: tuple[int, int] | None  # span of the victim noun phrase, original offsets
    hedge: str | None  # "at least" | "about" | "more than" | "range" | None


def _strip_clitics(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


# _CLAUSE_PUNCT written out, for the compiled test below (a literal becomes a C switch on the
# character, where a module string is searched per character).
if _CLAUSE_PUNCT != "،,.؛;:()":
    raise RuntimeError("_preceding_tokens must test the characters of _CLAUSE_PUNCT")


@cython.locals(s=str, i=cython.Py_ssize_t, lo=cython.Py_ssize_t)
def _preceding_tokens(s: str, pos: int, n: int) -> list[str]:
    """Up to n word tokens before pos, stopping at clause punctuation: the whitespace-separated
    words after the last of it within 60 characters, nearest first. (What reading the stretch's
    words and punctuation marks one by one, backwards, gave: \\s is str.isspace.)"""
    lo = max(0, pos - 60)
    if cython.compiled:
        # Back from pos to the last punctuation mark, one character at a time in C: a search
        # of the stretch per mark cost a call each.
        i = pos - 1
        while i >= lo:
            if s[i] in "،,.؛;:()":  # (compiled, s[i] of a str by a C index is a C character)
                break
            i -= 1
        words = s[i + 1 : pos].split()
    else:
        seg = s[lo:pos]
        cut = -1
        for c in _CLAUSE_PUNCT:
            at = seg.rfind(c)
            if at > cut:
                cut = at
        words = seg[cut + 1 :].split()
    return words[: -n - 1 : -1] if len(words) > n else words[::-1]


def _victims(
    f: FoldMap, s: str, start: int, end: int
) -> tuple[int, bool, str | None, tuple[int, int] | None] | None:
    """Count the victim items in s[start:end] → (count, exact, hedge, victim span) or None."""
    total, exact, hedge = 0, True, None
    vic_start: int | None = None
    vic_end = start
    pos = start
    items = 0
    noun_seen = False
    # Each item's match is read once: the one that checked what follows a link is the next
    # item's, and the first item's is kept for the victim span.
    nxt: re.Match[str] | None = None
    first: re.Match[str] | None = None
    while pos < end:
        m = nxt if nxt is not None else _VITEM_RE.match(s, pos, end)
        nxt = None
        if pos == start:
            first = m
        if not m or m.end() == pos:
            break
        q_txt, noun = m.group("q"), m.group("n")
        if not q_txt and not noun:
            break
        items += 1
        if noun:
            noun_seen = True
            cls = _V_CLASS.get(_WS.sub(" ", noun), "plural")
        adj = (m.group("adj") or "").strip()
        if q_txt:
            parsed = _parse(q_txt)
            if parsed is None:
                return None
            qv, h = parsed
            if qv.exact and _YEARLIKE.fullmatch(q_txt.strip()) and not noun:
                return None  # "العام 2011" next to a cue is a year, not a toll
            total += qv.value
            exact = exact and qv.exact
            hedge = hedge or h
        elif m.group("one"):
            total += 1
        elif noun:
            if cls == "singular":
                total += 1
            elif cls == "dual":
                total += 2
            elif cls == "ambiguous":
                # مدنيين reads as "two civilians" or "civilians": code the lower reading.
                total += 2
                exact = exact and adj in ("اثنين", "اثنان", "اثنتين", "اثنتان")
            else:
                total += 10  # a plural with no figure: "killed but no number" (§6)
                exact = False
        if m.group("ha"):
            hedge = hedge or _HEDGE_AFTER.get(_WS.sub(" ", m.group("ha")))
            exact = False
        if noun and vic_start is None:
            vic_start = m.start()
        if noun or q_txt:
            vic_end = m.end() if (noun or adj) else vic_end
            if vic_start is None and noun:
                vic_start = m.start()
        pos = m.end()
        j = _LINK_RE.match(s, pos, end)  # in place: a slice copied the rest of the window
        if not j:
            break
        nxt = _VITEM_RE.match(s, j.end(), end)
        if not nxt or not (nxt.group("q") or nxt.group("n")):
            break
        pos = j.end()
    if items == 0:
        return None
    if noun_seen and vic_start is not None:
        # Keep the genitive continuation ("من قوات النظام") in the victim span.
        vic_end = max(vic_end, end)
        if first is not None and first.group("q"):
            vic_start = start
        span = f.to_original(vic_start, vic_end)
        victim: tuple[int, int] | None = span
    else:
        victim = None
    return total, exact, hedge, victim


def _mention(text: str, f: FoldMap, kind: str, a: int, b: int, count: int, exact: bool,
             victim: tuple[int, int] | None, hedge: str | None) -> CasualtyMention:  # fmt: skip
    o_start, o_end = f.to_original(a, b)
    o_end = extend_marks(text, o_end)
    if victim is not None:
        victim = (victim[0], extend_marks(text, victim[1]))
    if cython.compiled:
        # Made as its __init__ makes it (allocated, then each field set as object.__setattr__
        # sets it) without the interpreted frame and a bound __setattr__ per field, a frozen
        # dataclass's way.
        cm = PyType_GenericAlloc(CasualtyMention, 0)
        PyObject_GenericSetAttr(cm, "start", o_start)
        PyObject_GenericSetAttr(cm, "end", o_end)
        PyObject_GenericSetAttr(cm, "text", text[o_start:o_end])
        PyObject_GenericSetAttr(cm, "kind", kind)
        PyObject_GenericSetAttr(cm, "count", count)
        PyObject_GenericSetAttr(cm, "exact", exact)
        PyObject_GenericSetAttr(cm, "victim", victim)
        PyObject_GenericSetAttr(cm, "hedge", hedge)
        return cm  # type: ignore[no-any-return]
    return CasualtyMention(o_start, o_end, text[o_start:o_end], kind, count, exact, victim, hedge)


_LAST = frozenset(("اخر", "اخرا"))


def _the_last_of(s: str, victim: tuple[int, int]) -> bool:
    """ "القضاء على آخر تجمعات الإرهابيين": the victim word "آخر" heads a noun (one of
    last_of_nouns, or a definite one): "the last of", not "another" one killed."""
    if s[victim[0] : victim[1]] not in _LAST:
        return False
    nxt = s[victim[1] : victim[1] + 24].split(maxsplit=1)
    if not nxt or not nxt[0].isalpha():
        return False
    w = nxt[0]
    return w in _LAST_OF or (w.startswith("ال") and len(w) > 4 and w not in _NOT_HEADED)


def _interpret(kind: str, name: str, m: re.Match[str], text: str, f: FoldMap) -> list[CasualtyMention]:
    """The mention(s) one pattern match stands for, or none when the match is no casualty."""
    s = f.text
    a, b = m.span("m")
    g = m.groupdict()
    if name in ("lead", "frame", "after", "passive", "passive_member", "active"):
        res = _victims(f, s, *m.span("vic"))
        if res is None:
            return []
        count, exact, hedge, victim = res
        if victim is not None and _the_last_of(s, victim):
            return []
        cue = _WS.sub(" ", g["cue"])
        if victim is None and (
            cue in _NEEDS_NOUN or cue in _BODY_LEAD or name in ("after", "passive", "passive_member")
        ):
            return []  # "قضى 3 سنوات": these need a person noun
        if g.get("wq") and (parsed := _parse(g["wq"])) is not None:
            count, exact = count + parsed[0].value, exact and parsed[0].exact  # and his companions
        return [_mention(text, f, kind, a, b, count, exact, victim, hedge)]
    if name == "count":
        parsed = _parse(g["q"])
        if parsed is None or _YEARLIKE.fullmatch(g["q"].strip()):
            return []
        qv, hedge = parsed
        exact = qv.exact
        if g.get("ha2"):
            hedge, exact = hedge or _HEDGE_AFTER.get(_WS.sub(" ", g["ha2"])), False
        out = [_mention(text, f, kind, a, b, qv.value, exact, None, hedge)]
        # "عدد كبير من القتلى والجرحى": the same vague figure for the other kind.
        tail = _TAIL_OTHER[kind].match(s, b)
        if tail and not qv.exact:
            other = "injured" if kind == "killed" else "killed"
            out.append(_mention(text, f, other, *tail.span("n2"), qv.value, False, None, hedge))
        return out
    if name == "bare":
        noun = _WS.sub(" ", g["noun"])
        if noun in _NEEDS_LEAD and not g.get("weak"):
            return []
        cls = (_KNOUN if kind == "killed" else _INOUN).get(noun, "plural")
        count, exact = {"singular": (1, True), "dual": (2, True)}.get(cls, (10, False))
        return [_mention(text, f, kind, a, b, count, exact, None, None)]
    if name == "toll":
        if g.get("q"):
            parsed = _parse(g["q"])
            if parsed is None or _YEARLIKE.fullmatch(g["q"].strip()):
                return []
            qv, hedge = parsed
            return [_mention(text, f, kind, a, b, qv.value, qv.exact, None, hedge)]
        if g.get("tl"):  # "ارتفاع عدد القتلى" with no figure: killed, number unknown
            return [_mention(text, f, kind, a, b, 10, False, None, None)]
        return []
    if name == "pair":
        return [_mention(text, f, kind, a, b, 2, True, None, None)]
    if name == "single":
        if g.get("q"):
            parsed = _parse(g["q"])
            if parsed is not None:
                qv, hedge = parsed
                return [_mention(text, f, kind, a, b, 1 + qv.value, qv.exact, None, hedge)]
        elif g.get("vic"):
            companion = _V_CLASS.get(_WS.sub(" ", g["vic"]), "singular")
            count, exact = {"singular": (2, True), "dual": (3, True)}.get(companion, (3, False))
            return [_mention(text, f, kind, a, b, count, exact, None, None)]
        return [_mention(text, f, kind, a, b, 1, True, None, None)]
    if name == "named_count":
        between = s[m.end("cue") : m.start("q")].split()
        parsed = _parse(g["q"])
        if parsed is None or any(
            _V_CLASS.get(w, "singular") != "singular" or _parse(w) is not None for w in between
        ):
            # Victims counted by a plural noun or a figure before: the lead pattern reads them
            # (one man named by a noun is still the one: "قتل قيادي في داعش مع أربعة من مرافقيه").
            return []
        qv, hedge = parsed
        return [_mention(text, f, kind, a, b, 1 + qv.value, qv.exact, None, hedge)]
    if name == "named_post":
        name_words = s[m.start("vic") : m.end("vic")].split()[:-1]
        if any(w in _V_CLASS or _strip_clitics(w) in _V_CLASS or _parse(w) is not None for w in name_words):
            return []  # victims named by a person noun or counted: the lead pattern reads them
        return [_mention(text, f, kind, a, b, 1, True, m.span("vic"), None)]
    if name == "named":
        between = s[m.end("cue") : m.start("vic")].split()
        if any(w in _V_CLASS or w in ("بينهم", "منهم") or _parse(w) is not None for w in between):
            return []  # victims counted by a noun or a figure: the lead pattern reads them
        companion = _V_CLASS.get(_WS.sub(" ", g["vic"]), "singular")
        count, exact = {"singular": (2, True), "dual": (3, True)}.get(companion, (3, False))
        return [_mention(text, f, kind, a, b, count, exact, None, None)]
    return []


def _vague_count(victims: str | None) -> int | None:
    """The figure of a vague count word heading the victims ("العشرات", "عشرات من"), else None."""
    if not victims:
        return None
    words = victims.split()
    for n in (2, 1):
        parsed = _parse(" ".join(words[:n]))
        if parsed is not None:
            return None if parsed[0].exact else KILLED_NO_NUMBER
    return None


# Plausibility bound: a figure above it is not coded as an event's fatalities or injuries (the
# mention is dropped, as if no figure were given). Single events reported in the news stay far
# below it; cumulative tolls of whole wars ("500 ألف قتيل منذ 2011") and garbled digits exceed it.
MAX_CASUALTY_COUNT = 100_000


def find_casualties(text: str) -> list[CasualtyMention]:
    """Killed and injured mentions, sorted by position, non-overlapping within each kind."""
    f = fast_fold_with_map(text)
    s = f.text
    hits = anchor_hits(s, _ANCHORS)
    if not hits:
        return []
    # Each pattern's hits (index 0: the mixed pattern, then _SPECS'): most have none.
    picked = hits_per_pattern(hits, _ROUTES, 1 + len(_SPECS))
    # The report's shared words, for the patterns that reach further after their anchor than
    # before it: tried only where a match can start (anchored.py). (Not with a "_", which \w
    # counts as a letter and the words do not.)
    toks = tokens(s) if "_" not in s else None

    def found(
        rx: re.Pattern[str],
        hits_of: list[_AnchorHit],
        before: int,
        after: int,
        starts: frozenset[str] | None = None,
        needs: tuple[str, frozenset[str]] | None = None,
        opens: tuple[frozenset[str], bool] | None = None,
    ) -> Iterator[re.Match[str]]:
        """rx's matches in the windows around its hits (tried only where one of the words
        `starts` starts, when given, or where a word of its window can open one, `opens`;
        only in the windows holding a hit as `needs` has it, when given: _needs)."""
        windows = windows_upto(s, hits_of, before, after)
        if toks is None:  # (a short report, or one with a "_": no shared words)
            for wa, wb, _ in windows:
                yield from rx.finditer(s, wa, wb)
            return
        if needs is not None:
            how, words = needs
            if how == "next":
                at = followed_by(s, toks, [h[1] for h in hits_of], words)
            else:
                at = after_count(toks, hits_of, words)
            windows = windows_holding(windows, at)
        # (A match holds a hit, so it starts at or before its window's last one: anchored.py.)
        if starts is not None:
            at = [p for p, w in opening if w in starts]
            for wa, wb, last in windows:
                yield from matches_at(rx, s, at, wa, wb, last)
        elif opens is not None and AT_OPENINGS:
            for wa, wb, last in windows:
                yield from matches_at(rx, s, opening_at(toks, wa, last, *opens), wa, wb, last)
        elif after > before:
            for wa, wb, last in windows:
                yield from finditer_upto(rx, s, toks, wa, wb, last)
        else:
            for wa, wb, _ in windows:
                yield from rx.finditer(s, wa, wb)

    def matches(
        rx: re.Pattern[str],
        hits_of: list[_AnchorHit],
        before: int,
        after: int,
        starts: frozenset[str] | None = None,
        needs: tuple[str, frozenset[str]] | None = None,
        opens: tuple[frozenset[str], bool] | None = None,
    ) -> Iterator[tuple[re.Match[str], list[str]]]:
        """The matches not negated, each with the (up to 4) words before it, nearest first."""
        for m in found(rx, hits_of, before, after, starts, needs, opens):
            prev = _preceding_tokens(s, m.start("m"), 4)
            if any(_strip_clitics(t) in _NEG or t in _NEG for t in prev):
                continue  # "دون وقوع إصابات", "لم يسفر عن قتلى"
            yield m, prev

    # The opening words of the patterns tried word by word, read once for all of them.
    opening = words_at(toks, _ALL_OPENING) if toks is not None else []
    cands: list[CasualtyMention] = []
    mixed = matches(_MIXED, picked[0], *_MIXED_REACH, opens=_MIXED_OPENS) if picked[0] is not None else ()
    for m, _ in mixed:
        a, b = m.span("m")
        vague = _vague_count(m.group("vic"))
        for kind in ("killed", "injured"):
            # Only "at least one of each" is certain in a killed-plus-injured total (§6: lowest);
            # with a vague count ("مقتل وجرح العشرات") the deaths are "killed, no number" (§6: 10).
            if kind == "killed" and vague is not None:
                cands.append(_mention(text, f, kind, a, b, vague, False, None, None))
            else:
                cands.append(_mention(text, f, kind, a, b, 1, False, None, "at least"))
    for (kind, name, rx, _, before, after), hits_of, starts, needs, opens in zip(
        _SPECS, picked[1:], _STARTS, _NEEDS, _OPENS, strict=True
    ):
        if hits_of is None:
            continue
        for m, prev in matches(rx, hits_of, before, after, starts, needs, opens):
            if kind == "killed" and prev and _strip_clitics(prev[0]) in _NOT_DEATH:
                continue  # "محاولة اغتيال", "ذكرى مقتل"
            found_here = _interpret(kind, name, m, text, f)
            cands.extend(found_here)
            if found_here and name in ("lead", "count"):
                more = MORE_AT_ANOTHER_PLACE.match(s, m.end("m"))
                if more is not None and (parsed := _parse(more.group("q"))) is not None:
                    qv, hedge = parsed
                    a, b = more.span("q")
                    cands.append(_mention(text, f, kind, a, more.end(), qv.value, qv.exact, None, hedge))

    # Per kind: earliest start first, longest first at a tie, then the largest count (the one
    # named and his companions, "قتل القيادي أبو حمزة مع أربعة من مرافقيه": 5, not the count's 4);
    # drop what overlaps a kept mention.
    out: list[CasualtyMention] = []
    for kind in ("killed", "injured"):
        last_end = -1
        for c in sorted(
            (c for c in cands if c.kind == kind), key=lambda c: (c.start, -(c.end - c.start), -c.count)
        ):
            if c.count > MAX_CASUALTY_COUNT:
                continue  # not a count of one event's victims (a war's toll, a typo, a hostile input)
            if c.start >= last_end:
                out.append(c)
                last_end = c.end
    out.sort(key=lambda c: (c.start, c.kind != "killed"))
    return out
