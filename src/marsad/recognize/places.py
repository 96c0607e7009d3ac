"""Place mentions: gazetteer names in the text, their context (near / countryside / hometown /
province), and disambiguation by the report's country and the other places it names (CODING.md §4).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from marsad.doc import ACTOR, PLACE, Doc
from marsad.knowledge.gazetteer import Place
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import first_cue, words_before
from marsad.text.matcher import longest_first

CONTEXT_LISTS = (
    "hometown_before",
    "countryside_before",
    "province_before",
    "near_before",
    "settlement_before",
)
# "ريف حمص الشرقي": a direction adjective right after the place narrows a countryside to a part of it.
_DIRECTION = re.compile(r"\s*(?:ال)?(شرقي|غربي|شمالي|جنوبي)(?:ه)?(?:\s+(?:ال)?(شرقي|غربي)(?:ه)?)?")
# A second place joined by "و" right after a first one ("بين مدينتي السخنة وتدمر").
FOREIGN_MIN_POP = 50_000
CONTEXT_PLACES = 8  # the places named just before are the context for choosing among namesakes
STRONG_CUES = ("settlement_before", "province_before", "countryside_before")
_KIND_RANK = {"populated": 0, "region": 1, "admin2": 2, "admin1": 3, "country": 4}


@dataclass(slots=True)
class PlaceRef:
    """A place mention's candidates and its resolved choice."""

    candidates: list[Place]
    cue: str | None = None  # which context list fired before it
    direction: str = ""
    paired: bool = False  # second of "between X and Y"
    choice: Place | None = None
    strong_cue: bool = False
    common: bool = False  # the name is also an ordinary word (عين، الحي…)
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def hometown(self) -> bool:
        return self.cue == "hometown_before"


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, mostly disjoint spans."""
    i = bisect.bisect_right(starts, start)
    return any(spans[j][0] <= start and spans[j][1] >= end for j in range(max(0, i - 3), i))


def _latin(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isascii() and ch.isalpha())


def _has_namesake_town(admin1: Place, cands: list[Place]) -> bool:
    """Whether a candidate town shares the governorate's English name (Homs city / Homs)."""
    key = _latin(admin1.name)[:4]
    return any(
        c.kind == "populated" and c.country_code == admin1.country_code and key and key in _latin(c.name)
        for c in cands
    )


def km(a: Place, b: Place) -> float:
    p = math.pi / 180
    h = (
        math.sin((b.latitude - a.latitude) * p / 2) ** 2
        + math.cos(a.latitude * p)
        * math.cos(b.latitude * p)
        * math.sin((b.longitude - a.longitude) * p / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


class PlaceRecognizer:
    name = "places"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        k = self.k
        gaz = k.gazetteer
        folded = doc.folded.text
        lists = {n: k.cues[n] for n in CONTEXT_LISTS}
        refs = []
        prev_end = -10
        # A place name inside an actor's name (القدس in لواء القدس) is part of that name.
        actor_spans = sorted((doc.folded_index(a.start), doc.folded_index(a.end)) for a in doc.get(ACTOR))
        actor_starts = [a for a, _ in actor_spans]
        never, lexicon_words = k.never_places, k.lexicon_words
        for h in longest_first(k.place_matcher.find(folded)):
            # With an article peeled off a form that has none, its article form counts too.
            forms = {h.key, "ال" + h.key} if h.article else {h.key}
            if forms & never or _inside(actor_spans, actor_starts, h.start, h.end):
                continue
            common = len(h.key) <= 3 or h.key in lexicon_words or gaz.is_stopword(h.key)
            words = words_before(folded, h.word_start, 0, 6)
            cue_hit = first_cue(words, lists, max_distance=3)
            cue = cue_hit[0] if cue_hit else None
            if cue == "settlement_before" and len(words) > 1:
                # "قرب بلدة X": the town noun sits between "near" and the name.
                near = first_cue(words[:-1], {"near_before": lists["near_before"]}, max_distance=1)
                if near is not None:
                    cue, cue_hit = "near_before", (cue_hit[0], cue_hit[1]) if cue_hit else None
            # A cue noun right before the name ("بلدة الخضراء", "ريف إدلب") vouches for it.
            strong_cue = cue in STRONG_CUES and cue_hit is not None and cue_hit[1] == 0
            if common and not strong_cue:
                continue
            # Some districts come without coordinates in the sources: they cannot locate an event.
            cands = [
                c for c in (gaz.get(pid) for pid in h.payloads) if math.isfinite(c.latitude + c.longitude)
            ]
            if not cands:
                continue
            dm = _DIRECTION.match(folded, h.end)
            direction = " ".join(g for g in dm.groups() if g) if dm else ""
            between = folded[prev_end : h.word_start].strip()
            paired = h.word_start - prev_end <= 2 and folded[h.word_start] == "و" and between == ""
            ref = PlaceRef(cands, cue, direction, paired, strong_cue=strong_cue, common=common)
            start, end = doc.original(h.start, h.end)  # evidence without clitics (بريف → ريف…)
            refs.append(doc.add(PLACE, start, end, ref))
            prev_end = h.end
        # A place name that contains an actor word (ود مدني ⊃ مدني "civilian") is the place.
        if refs and doc.get(ACTOR):
            kept = [a for a in doc.get(ACTOR) if not any(p.start <= a.start and a.end <= p.end for p in refs)]
            if len(kept) != len(doc.get(ACTOR)):
                doc.set_mentions(ACTOR, kept)
        self._resolve(doc, [m.value for m in refs])
        # A name that resolves only abroad, with no cue and no weight of its own, is most often a
        # common word that happens to be a village name somewhere else: drop it.
        if doc.country:
            keep = []
            for m in doc.mentions.get(PLACE, []):
                ch = m.value.choice
                foreign = ch is not None and ch.country_code != doc.country
                weak = not m.value.strong_cue or m.value.common
                if foreign and weak and ch.kind == "populated" and ch.population < FOREIGN_MIN_POP:
                    continue
                keep.append(m)
            doc.set_mentions(PLACE, keep)
        return doc

    def _resolve(self, doc: Doc, refs: list[PlaceRef]) -> None:
        # 1. The report's country: unambiguous places vote, places named as hometowns do not;
        #    actor countries (added by the actor recogniser) break ties.
        votes: Counter[str] = Counter()
        for r in refs:
            ccs = {c.country_code for c in r.candidates}
            if len(ccs) == 1 and not r.hometown:
                votes[next(iter(ccs))] += 1.0
            elif not r.hometown:
                for cc in sorted(ccs):
                    votes[cc] += 0.2
        for cc, w in doc.country_scores.items():
            votes[cc] += w
        if votes:
            # Ties go to the alphabetically first code, so a run never depends on hash order.
            doc.country = max(sorted(votes), key=lambda cc: votes[cc])
        gaz = self.k.gazetteer
        # 2. Each mention: same country first, then specific kinds, then near the places already
        #    chosen, then population.
        chosen: list[Place] = []
        for r in refs:
            if len(r.candidates) == 1:
                r.choice = r.candidates[0]
            else:
                r.choice = min(r.candidates, key=lambda c: self._rank(c, r, doc.country, chosen))
            if r.choice.kind == "admin1" and r.cue != "province_before":
                # "البصرة" with no "محافظة" before it is the city that gives the province its name.
                seat = gaz.admin1_seat(r.choice.country_code, r.choice.admin1)
                if seat is not None and _latin(seat.name)[:4] == _latin(r.choice.name)[:4]:
                    r.choice = seat
            if r.choice.kind in ("populated", "admin2"):
                chosen.append(r.choice)
                del chosen[:-CONTEXT_PLACES]

    @staticmethod
    def _rank(c: Place, r: PlaceRef, country: str | None, chosen: list[Place]) -> tuple[float, ...]:
        other_country = 0 if country is None or c.country_code == country else 1
        kind = _KIND_RANK.get(c.kind, 5)
        if c.kind == "admin1" and (r.cue == "province_before" or not _has_namesake_town(c, r.candidates)):
            # A governorate named without a town of the same name (صلاح الدين، الأنبار): the
            # governorate, not a village that carries its name as an alternate.
            kind = -1
        near = min((km(c, p) for p in chosen), default=0.0)
        return (other_country, kind, round(near / 50), -c.population)
