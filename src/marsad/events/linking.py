"""Linking each clause candidate to the incident it retells, over a whole report (CODING.md §1).

`link` finds, among the incidents kept so far, the one a candidate is another telling of; the
`Incidents` index keeps that search from comparing every candidate with every incident (issue
11: that was quadratic in the report's length). What makes two candidates one incident is
marsad.events.incidents' `sig_conflict`. Incidents ruled out by the index without a comparison
are counted in the explain log, not listed one by one.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import Doc
from marsad.events.incidents import (
    FAMILY,
    SAME_DAY_SLACK,
    ActorCamp,
    ActorName,
    Sig,
    no_camp,
    sig_conflict,
    signature,
)
from marsad.text.segment import Segment

# Compiled, the candidate's fields declared (candidate.pxd): a typed candidate's are read in C.
if cython.compiled:
    from cython.cimports.marsad.events.candidate import Candidate
else:
    from marsad.events.candidate import Candidate


@cython.locals(c=Candidate)
def announces_new_incident(
    doc: Doc, c: Candidate, words: Collection[str], offsets: list[int] | None = None
) -> bool:
    """ "وفي هجوم آخر", "في حادث منفصل": words before the trigger in its clause that say the
    report moves on to another incident (`offsets`: the report's `word_offsets` of `words`)."""
    trigger = c.triggers[0]
    seg = doc.clauses[c.sentence][c.clause] if 0 <= c.sentence < len(doc.clauses) else None
    start = seg.start if seg is not None else max(0, trigger.start - 40)
    end = trigger.end + 12
    if offsets is not None:
        # None of the words starts in the window: it need not be sliced and split (issue 11).
        i = bisect.bisect_left(offsets, start)
        if i == len(offsets) or offsets[i] >= end:
            return False
    window = doc.folded_slice(start, end).split()
    return any(w.strip("،,.") in words for w in window)


@cython.locals(c=Candidate)
def opens_at_own_place(doc: Doc, c: Candidate) -> bool:
    """ "وفي مدينة رفح، أصيب ثلاثة مواطنين …": the candidate's sentence opens with its own place
    set off by a comma, as a round-up's next item does — the report moves on to that place."""
    if not c.places or c.inherited_place:
        return False
    return doc.item_openers.get(c.sentence) is c.places[0]


WHILE_REACH = 4  # words from "فيما" to the act's word ("فيما شنت الطائرات الحربية غارات")
OPENING_CHARS = 24  # how much of a clause's start is read for its opening words


@cython.locals(c=Candidate)
def opens_with_while(doc: Doc, c: Candidate, words: Collection[str]) -> bool:
    """Whether the candidate's clause opens with one of `words` ("فيما", "بينما", "في حين":
    cues.yaml while_opening, folded) and tells its act within its next few words ("فيما قصفت
    الميليشيات …", not "فيما أعلن الحزب مسؤوليته عن إطلاقهما": a claim of the act told)."""
    if not 0 <= c.sentence < len(doc.clauses):
        return False
    seg = doc.clauses[c.sentence][c.clause]
    head = doc.folded_slice(seg.start, c.trigger.start).split()
    return len(head) <= WHILE_REACH and opens_with(head, words)


def opens_with(head: list[str], words: Collection[str]) -> bool:
    """Whether the folded words `head` open with one of `words` (one or two words long)."""
    return bool(head) and (head[0] in words or " ".join(head[:2]) in words)


def clause_opens_with(doc: Doc, seg: Segment, words: Collection[str]) -> bool:
    """Whether the clause `seg` opens with one of `words` (read from its first characters)."""
    return opens_with(doc.folded_slice(seg.start, min(seg.end, seg.start + OPENING_CHARS)).split(), words)


def word_offsets(doc: Doc, words: Collection[str]) -> list[int]:
    """Original offsets, ascending, of every place where a word of `words` holding none of the
    others starts in the report's folded text: a window holding any of `words` holds one of
    these (found once per report, so most windows are never sliced; issue 11)."""
    text = doc.folded.text
    found: list[int] = []
    for w in _cover(frozenset(words)):  # (a frozenset is not copied)
        i = text.find(w)
        while i >= 0:
            found.append(i)
            i = text.find(w, i + 1)
    orig = doc.folded.orig
    return sorted(map(orig, found))


@lru_cache(maxsize=8)
def _cover(words: frozenset[str]) -> tuple[str, ...]:
    """The words that hold no other of `words` ("ثان" for "ثاني" and "ثانيه"), once per list. An
    empty word is held by every text: then the cover is the empty word itself."""
    if "" in words:
        return ("",)
    return tuple(w for w in words if not any(v != w and v in w for v in words))


# Where `Incidents` files a signature: its family, own day and own
# place's country (None for no day or no place).
FileKey = tuple[str | None, date | None, str | None]


@cython.locals(c=Candidate)
def filing(c: Candidate) -> FileKey:
    """`signature(c)`'s (family, own_date, place's country_code), read without making the
    signature: `Incidents` refiles an incident after every merge, and its signature is needed
    again only when a later telling is compared with it (issue 11). Reads as
    marsad.events.incidents' `signature` does (tests/test_incidents_index.py checks it)."""
    et = c.retype[0] if c.retype else c.triggers[0].value.event_type
    d = c.dates[0].value.date if c.dates and not c.inherited_date else None
    cc = None
    if not c.inherited_place and c.places:  # _place_of
        ch = c.places[0].value.choice
        if ch is not None and ch.kind != "country":
            cc = ch.country_code
    return FAMILY.get(et), d, cc


_SLACK_DAYS = tuple(timedelta(days=k) for k in range(-SAME_DAY_SLACK, SAME_DAY_SLACK + 1))


class Incidents:
    """The incidents kept so far in a report, in order, with their conflict signatures and an
    exact index for `link` (issue 11: comparing every candidate with every incident so far was
    quadratic in the report's length). Two incidents of different FAMILY always conflict
    (`sig_conflict`), and so do two whose own days are more than SAME_DAY_SLACK apart (as
    "two days", or as "one is background" when that check comes first and the day does not
    make one a retelling) or whose own places lie in two countries (likewise). So a candidate
    needs comparing only with the incidents of its family filed under a day within the slack
    or no day, and under its country or no place: positions are filed by family, by (family,
    day), by (family, country) and by (family, day, country).

    Signatures are made when first compared, not when an incident is added or a telling is
    merged into it: filing needs only `filing`'s three fields, and most incidents are compared
    with few later tellings or none (issue 11: making them after every merge was ~6 % of a
    report's instructions). An incident changes only through `changed`, which drops its
    signature, so one made later is the one an eager update would have made."""

    def __init__(self, name: ActorName = int, camp: ActorCamp = no_camp) -> None:
        self.items: list[Candidate] = []
        self.name = name
        self.camp = camp
        self._sigs: list[Sig | None] = []  # by position; None: not made since the last change
        self._keys: list[FileKey] = []  # by position: where each is filed
        self._pos: dict[int, int] = {}  # id() of incident → position (items keeps them alive)
        self._family: dict[str | None, list[int]] = {}  # positions, ascending
        self._day: dict[tuple[str | None, date | None], list[int]] = {}
        self._country: dict[tuple[str | None, str | None], list[int]] = {}
        self._both: dict[FileKey, list[int]] = {}
        # The last candidate `link` read, its filing key and signature (if made), for add().
        self._made: Candidate | None = None
        self._made_key: FileKey = (None, None, None)
        self._made_sig: Sig | None = None

    def __len__(self) -> int:
        return len(self.items)

    def sig(self, pos: int) -> Sig:
        """The signature of the incident at `pos`, made now if a merge changed it since."""
        s = self._sigs[pos]
        if s is None:
            s = self._sigs[pos] = signature(self.items[pos], self.name, self.camp)
        return s

    def key(self, c: Candidate) -> FileKey:
        """A candidate's filing key, kept for `add` when the candidate becomes an incident."""
        k = filing(c)
        self._made, self._made_key, self._made_sig = c, k, None
        return k

    def signature(self, c: Candidate) -> Sig:
        """A candidate's signature (after `key`), kept for `add` likewise."""
        s = signature(c, self.name, self.camp)
        self._made_sig = s
        return s

    def add(self, c: Candidate) -> None:
        """`c` is a new incident (unchanged since `link` read it, if it did)."""
        pos = len(self.items)
        self.items.append(c)
        self._pos[id(c)] = pos
        if self._made is c:
            k, s = self._made_key, self._made_sig
        else:
            k, s = filing(c), None
        self._made = self._made_sig = None
        self._sigs.append(s)
        self._keys.append(k)
        for index, key in self._filed_under(k):
            lst = index.get(key)
            if lst is None:
                index[key] = [pos]
            else:
                lst.append(pos)  # a new incident has the highest position

    def changed(self, e: Candidate) -> None:
        """A telling was merged into `e`: its signature, and maybe its day or place, changed."""
        pos = self._pos[id(e)]
        self._sigs[pos] = None
        old, new = self._keys[pos], filing(e)
        if old != new:
            self._keys[pos] = new
            for index, key in self._filed_under(old):
                index[key].remove(pos)
            for index, key in self._filed_under(new):
                lst = index.get(key)
                if lst is None:
                    index[key] = [pos]
                else:
                    bisect.insort(lst, pos)

    def _filed_under(self, k: FileKey) -> tuple[tuple[dict[Any, list[int]], Any], ...]:
        """Each (index, key) a position filed under `k` is listed at."""
        f, d, cc = k
        return ((self._family, f), (self._day, (f, d)), (self._country, (f, cc)), (self._both, k))

    def family_size(self, family: str | None) -> int:
        return len(self._family.get(family, ()))

    def comparable(self, k: FileKey) -> list[int]:
        """Positions of the incidents a candidate filed under `k` may be a telling of (every
        other one conflicts with it), latest first."""
        f, d, cc = k
        days: tuple[date | None, ...] = ()
        if d is not None:
            if len(_SLACK_DAYS) == 3:  # (one day's slack, spelt out: a starred tuple costs more)
                days = (None, d + _SLACK_DAYS[0], d + _SLACK_DAYS[1], d + _SLACK_DAYS[2])
            else:
                days = (None, *map(d.__add__, _SLACK_DAYS))
        # (a place's country_code is a str: None only for no place)
        countries = (None, cc) if cc is not None else ()
        if days and countries:
            got = [self._both.get((f, d, cc)) for d in days for cc in countries]
        elif days:
            got = [self._day.get((f, d)) for d in days]
        elif countries:
            got = [self._country.get((f, cc)) for cc in countries]
        else:  # (one list, ascending: no sort needed)
            lst = self._family.get(f)
            return lst[::-1] if lst else []
        out: list[int] = []
        for lst in got:
            if lst:
                out.extend(lst)
        # (positions are distinct: sorted and turned round is sort(reverse=True), with no
        # keyword call)
        out.sort()
        out.reverse()
        return out


@cython.locals(c=Candidate, best=Candidate)
def link(
    doc: Doc,
    incidents: Incidents,
    c: Candidate,
    new_words: Collection[str],
    offsets: list[int] | None = None,
    while_words: Collection[str] = (),
) -> Candidate | None:
    """The incident `c` is another telling of, or None for a new one (`offsets`: the report's
    `word_offsets` of `new_words`). The log of each side records the reason: one line per
    incident compared, and counts of the incidents the index rules out without comparing
    (other kinds of event, days or countries). Incidents older than one that nothing older can
    beat are not compared: the merge line names the one chosen."""
    if not incidents.items:
        return None
    if announces_new_incident(doc, c, new_words, offsets):
        c.log.append(f"'{c.trigger.text}': the report announces another incident")
        c.announced = True
        return None
    k = incidents.key(c)
    positions = incidents.comparable(k)
    trigger_text = c.triggers[0].text
    apart: list[str] = []
    best_pos = -1
    best_key: tuple[int, int] | None = None
    if positions:  # (else the signature is not needed: nothing to compare it with)
        sc = incidents.signature(c)
        # Latest first, so the search stops at the first incident that no earlier one can beat
        # on the tie-break (shares a side, same event type, position); a candidate naming no
        # side shares none with any incident.
        top = (int(bool(sc.sides)), 1)
        sigs = incidents._sigs
        moved = sc.specific and opens_at_own_place(doc, c)
        # "قتل 3 مدنيين برصاص قناصة الميليشيات …، فيما قصفت الميليشيات بقذائف الهاون أحياء": an act
        # of another kind told "while" another in its sentence is a second act, not a retelling.
        # Read on first need (None: not yet): most candidates meet no incident of their sentence.
        while_clause: bool | None = None if while_words else False

        for pos in positions:
            se = sigs[pos]
            if se is None:
                se = incidents.sig(pos)
            # (an incident told before the move with no place of its own is not this one either)
            if moved and (se.place is None or (se.specific and se.place.id != sc.place.id)):  # type: ignore[union-attr]
                apart.append(
                    f"'{trigger_text}' kept apart from '{se.trigger_text}': the report moves on to another place"
                )
                continue
            why = sig_conflict(se, sc)
            if not why and se.sub_type != sc.sub_type and c.sentence in incidents.items[pos].sentences:
                if while_clause is None:
                    while_clause = opens_with_while(doc, c, while_words)
                if while_clause:
                    why = "another act told alongside"
            if why:
                apart.append(f"'{trigger_text}' kept apart from '{se.trigger_text}': {why}")
                continue
            key = (int(bool(se.sides & sc.sides)), int(se.event_type == sc.event_type))
            if best_key is None or key > best_key:  # equal keys: the later one (nearest last) stays
                best_pos, best_key = pos, key
                if key == top:
                    break
    family = incidents.family_size(k[0])
    other_kinds = len(incidents.items) - family
    if other_kinds:
        c.log.append(f"'{trigger_text}' kept apart from {other_kinds} incident(s) of other kinds of event")
    unseen = family - len(positions)
    if unseen:
        c.log.append(
            f"'{trigger_text}' kept apart from {unseen} incident(s) told on other days or in other countries"
        )
    c.log.extend(reversed(apart))
    if best_key is None:
        return None
    best = incidents.items[best_pos]
    best.log.append(f"'{c.trigger.text}' (sentence {c.sentence}) merged: same incident retold")
    return best
