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
from typing import TYPE_CHECKING

from marsad.doc import Doc
from marsad.events.incidents import (
    SAME_DAY_SLACK,
    ActorCamp,
    ActorName,
    Sig,
    no_camp,
    sig_conflict,
    signature,
)

if TYPE_CHECKING:
    from marsad.events.candidate import Candidate


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


def opens_at_own_place(doc: Doc, c: Candidate) -> bool:
    """ "وفي مدينة رفح، أصيب ثلاثة مواطنين …": the candidate's sentence opens with its own place
    set off by a comma, as a round-up's next item does — the report moves on to that place."""
    if not c.places or c.inherited_place:
        return False
    return doc.item_openers.get(c.sentence) is c.places[0]


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
    return sorted(orig(i) for i in found)


@lru_cache(maxsize=8)
def _cover(words: frozenset[str]) -> tuple[str, ...]:
    """The words that hold no other of `words` ("ثان" for "ثاني" and "ثانيه"), once per list. An
    empty word is held by every text: then the cover is the empty word itself."""
    if "" in words:
        return ("",)
    return tuple(w for w in words if not any(v != w and v in w for v in words))


_SLACK_DAYS = tuple(timedelta(days=k) for k in range(-SAME_DAY_SLACK, SAME_DAY_SLACK + 1))


def _file_key(s: Sig) -> tuple[str | None, date | None, str | None]:
    """Where an incident is filed: its family, own day and own place's country (None for no
    day or no place: such an incident may be the same as one on any day or anywhere)."""
    return s.family, s.own_date, s.place.country_code if s.place is not None else None


class Incidents:
    """The incidents kept so far in a report, in order, with their conflict signatures and an
    exact index for `link` (issue 11: comparing every candidate with every incident so far was
    quadratic in the report's length). Two incidents of different FAMILY always conflict
    (`sig_conflict`), and so do two whose own days are more than SAME_DAY_SLACK apart (as
    "two days", or as "one is background" when that check comes first and the day does not
    make one a retelling) or whose own places lie in two countries (likewise). So a candidate
    needs comparing only with the incidents of its family filed under a day within the slack
    or no day, and under its country or no place: positions are filed by family, by (family,
    day), by (family, country) and by (family, day, country)."""

    def __init__(self, name: ActorName = int, camp: ActorCamp = no_camp) -> None:
        self.items: list[Candidate] = []
        self.name = name
        self.camp = camp
        self._sigs: list[Sig] = []  # by position
        self._pos: dict[int, int] = {}  # id() of incident → position (items keeps them alive)
        self._family: dict[str | None, list[int]] = {}  # positions, ascending
        self._day: dict[tuple[str | None, date | None], list[int]] = {}
        self._country: dict[tuple[str | None, str | None], list[int]] = {}
        self._both: dict[tuple[str | None, date | None, str | None], list[int]] = {}
        self._made: tuple[Candidate, Sig] | None = None  # the last candidate's, for add()

    def __len__(self) -> int:
        return len(self.items)

    def sig(self, pos: int) -> Sig:
        return self._sigs[pos]

    def signature(self, c: Candidate) -> Sig:
        """A candidate's signature, kept for `add` when the candidate becomes an incident."""
        s = signature(c, self.name, self.camp)
        self._made = (c, s)
        return s

    def add(self, c: Candidate) -> None:
        """`c` is a new incident (unchanged since `link` made its signature, if it did)."""
        pos = len(self.items)
        self.items.append(c)
        self._pos[id(c)] = pos
        made, self._made = self._made, None
        s = made[1] if made is not None and made[0] is c else signature(c, self.name, self.camp)
        self._sigs.append(s)
        self._file(pos, s, insert=False)

    def changed(self, e: Candidate) -> None:
        """A telling was merged into `e`: its signature, and maybe its day or place, changed."""
        pos = self._pos[id(e)]
        old = self._sigs[pos]
        new = self._sigs[pos] = signature(e, self.name, self.camp)
        if _file_key(old) != _file_key(new):
            for lst in self._lists(old):
                lst.remove(pos)
            self._file(pos, new, insert=True)

    def _lists(self, s: Sig) -> tuple[list[int], ...]:
        f, d, cc = _file_key(s)
        return (
            self._family.setdefault(f, []),
            self._day.setdefault((f, d), []),
            self._country.setdefault((f, cc), []),
            self._both.setdefault((f, d, cc), []),
        )

    def _file(self, pos: int, s: Sig, *, insert: bool) -> None:
        for lst in self._lists(s):
            if insert:
                bisect.insort(lst, pos)
            else:
                lst.append(pos)  # a new incident has the highest position

    def family_size(self, s: Sig) -> int:
        return len(self._family.get(s.family, ()))

    def comparable(self, s: Sig) -> list[int]:
        """Positions of the incidents a candidate with signature `s` may be a telling of (every
        other one conflicts with it), latest first."""
        f = s.family
        days: tuple[date | None, ...] = ()
        if s.own_date is not None:
            d = s.own_date
            days = (None, *map(d.__add__, _SLACK_DAYS))
        countries = (None, s.place.country_code) if s.place is not None else ()
        if days and countries:
            got = [self._both.get((f, d, cc)) for d in days for cc in countries]
        elif days:
            got = [self._day.get((f, d)) for d in days]
        elif countries:
            got = [self._country.get((f, cc)) for cc in countries]
        else:
            got = [self._family.get(f)]
        out: list[int] = []
        for lst in got:
            if lst:
                out.extend(lst)
        out.sort(reverse=True)
        return out


def link(
    doc: Doc,
    incidents: Incidents,
    c: Candidate,
    new_words: Collection[str],
    offsets: list[int] | None = None,
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
    sc = incidents.signature(c)
    # Latest first, so the search stops at the first incident that no earlier one can beat on
    # the tie-break (shares a side, same event type, position); a candidate naming no side
    # shares none with any incident.
    top = (int(bool(sc.sides)), 1)
    apart: list[str] = []
    best_pos = -1
    best_key: tuple[int, int] | None = None
    positions = incidents.comparable(sc)
    sigs = incidents._sigs
    moved = sc.specific and opens_at_own_place(doc, c)
    for pos in positions:
        se = sigs[pos]
        # (an incident told before the move with no place of its own is not this one either)
        if moved and (se.place is None or (se.specific and se.place.id != sc.place.id)):  # type: ignore[union-attr]
            apart.append(
                f"'{sc.trigger_text}' kept apart from '{se.trigger_text}': the report moves on to another place"
            )
            continue
        why = sig_conflict(se, sc)
        if why:
            apart.append(f"'{sc.trigger_text}' kept apart from '{se.trigger_text}': {why}")
            continue
        key = (int(bool(se.sides & sc.sides)), int(se.event_type == sc.event_type))
        if best_key is None or key > best_key:  # equal keys: the later one (nearest last) stays
            best_pos, best_key = pos, key
            if key == top:
                break
    family = incidents.family_size(sc)
    other_kinds = len(incidents.items) - family
    if other_kinds:
        c.log.append(f"'{sc.trigger_text}' kept apart from {other_kinds} incident(s) of other kinds of event")
    unseen = family - len(positions)
    if unseen:
        c.log.append(
            f"'{sc.trigger_text}' kept apart from {unseen} incident(s) told on other days or in other countries"
        )
    c.log.extend(reversed(apart))
    if best_key is None:
        return None
    best = incidents.items[best_pos]
    best.log.append(f"'{c.trigger.text}' (sentence {c.sentence}) merged: same incident retold")
    return best
