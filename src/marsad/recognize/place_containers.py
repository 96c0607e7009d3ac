"""Places told inside another: "قرى صيدا والمعلك في ريف بلدة عين عيسى", "X بمحافظة Y", "X بمديرية Y".

A name told as lying in a place's countryside, a province or a district must lie there. When the
reading the report's votes chose for it lies in another province and far off (Sidon's namesake in
Daraa for a village in the countryside of Ain Issa), another reading of the name that lies there is
taken; when it has none, the gazetteer does not know the village, and it is placed at the place
that holds it, as near it (ACLED's practice: the nearest known place).
"""

from __future__ import annotations

from marsad.doc import PLACE, Doc, Mention
from marsad.knowledge.gazetteer import Place
from marsad.recognize.cues import CueIndex, CueList, first_cue
from marsad.recognize.place_choice import km
from marsad.text.tokens import words_before

# (not near_before: "قاعدة بلد الجوية شمال بغداد", "جبهة نهم شرق صنعاء" lie far out of the city)
CONTAINER_LISTS = ("countryside_before", "province_before", "district_before")
HELD_KM = 60.0  # a place in another province may still lie this close to the one holding it
MAX_GAP_WORDS = 6  # from the name to the place holding it: the rest of a list, "في ريف بلدة"
CUE_WORDS = 2  # the container's word right before the holding place, or one word before that
_PUNCT = frozenset('،,.؛;:()"«»')
_TOWNS = ("populated", "admin2")
_HOLDERS = ("populated", "admin1", "admin2")


def _lies_in(p: Place, holder: Place) -> bool:
    """Whether `p` may lie in or near `holder`: the same country, and the same province or close."""
    if p.country_code != holder.country_code:
        return False
    if p.admin1 and p.admin1 == holder.admin1:
        return True
    return holder.kind == "populated" and km(p, holder) <= HELD_KM


def place_inside_holders(doc: Doc, folded: str, index: CueIndex, units: CueList) -> None:
    """Re-read each place named right before the place holding it, or place it there (see the
    module)."""
    places = doc.get(PLACE)
    if len(places) < 2:
        return
    for i in range(1, len(places)):
        y = places[i]
        holder = y.value.choice
        if holder is None or y.value.role or holder.kind not in _HOLDERS:
            continue
        if any(c.kind in ("country", "region") for c in y.value.candidates):
            continue  # "قسنطينة شرقي الجزائر": the country, whatever reading its capital got
        words = words_before(folded, y.value.fstart, max(0, y.value.fstart - 40), CUE_WORDS + 1)
        cue = first_cue(words, index, CUE_WORDS)
        if cue is None:
            continue
        w = words[len(words) - 1 - cue[1]]
        if w.startswith("و") and first_cue([w[1:]], index, 1) is not None:
            continue  # "… وكحيل ومنطقة غرز": the next place of a list, not the one holding it
        # The name right before it, and back over the names joined to that one by "و" (a list).
        x = places[i - 1]
        if x.sentence != y.sentence or _broken(folded, x.value.fend, y.value.fstart, units):
            continue
        j = i - 1
        while True:
            _place_inside(places[j], holder)
            if j == 0 or not _joined(folded, places[j - 1], places[j]):
                break
            j -= 1


def _broken(folded: str, a: int, b: int, units: CueList) -> bool:
    """Whether the words from `a` to `b` tell no holding: a punctuation mark, a distance ("510 كم
    شمال غرب بغداد": far from it, not in it), or too many words."""
    gap = folded[a:b]
    if any(ch in _PUNCT or ch.isdigit() for ch in gap):
        return True
    words = gap.split()
    return len(words) > MAX_GAP_WORDS or any(units.has_word(w) for w in words)


def _joined(folded: str, a: Mention, b: Mention) -> bool:
    """Whether `b` is the next name of a list after `a` ("نوى وطفس"): "و" and nothing else."""
    return (
        a.sentence == b.sentence
        and folded[a.value.fend : b.value.fstart].strip() == ""
        and folded.startswith("و", b.value.fstart)
    )


def _place_inside(x: Mention, holder: Place) -> None:
    """Put `x` inside `holder` when its reading lies elsewhere: another reading of its name that
    lies there (the nearest), else the holder itself."""
    r = x.value
    c = r.choice
    if c is None or r.role or c.kind not in _TOWNS or _lies_in(c, holder):
        return
    inside = [p for p in r.candidates if p.kind in _TOWNS and _lies_in(p, holder)]
    if inside:
        r.choice = min(inside, key=lambda p: km(p, holder))
    else:
        # Unknown to the gazetteer: placed at the place holding it, as near it (precision 2).
        r.choice = holder
        r.cue = "near_before"
