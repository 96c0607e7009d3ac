"""Splitting one incident into the events ACLED codes (CODING.md §1: one event per type,
actors, place and day): ground fighting apart from the air strikes told with it, each means of
remote violence, each place of a list, each place an act is told again for."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from marsad.doc import CASUALTY, PLACE, TRIGGER, Doc, Mention
from marsad.events.demonstrations import DEMONSTRATION_CAUSE, EXCESSIVE_FORCE
from marsad.events.incidents import (
    AIR,
    BATTLES,
    EXPLOSIONS,
    FAMILY,
    GUNS,
    SHELLING,
    air_word,
    explicit,
    fight_word,
    place_specific,
)
from marsad.events.roles import DEATH_WEIGHT
from marsad.events.wording import word_just_before
from marsad.recognize.cues import CueList, first_cue
from marsad.text.tokens import words_before

ARRESTS = "Arrests"

if TYPE_CHECKING:
    from marsad.events.candidate import Candidate


def split_fighting_from_air(triggers: list[Mention]) -> list[list[Mention]]:
    """ "تتزامن الاشتباكات مع قصف جوي تشنه مقاتلات…": ground fighting and air strikes told in
    one clause are two events (CODING.md §1: strikes in support of one side are their own
    action), each with its own actors. Only unambiguous cues of both kinds split the clause."""
    if len(triggers) < 2:
        return [triggers]  # one word is not both (fighting is a battle, air strikes are not)
    fight = [t for t in triggers if fight_word(t)]
    air = [t for t in triggers if air_word(t)]
    if not fight or not air:
        return [triggers]
    rest = [t for t in triggers if t not in fight and t not in air]
    return [
        fight + [t for t in rest if t.value.event_type == BATTLES],
        air + [t for t in rest if t.value.event_type != BATTLES],
    ]


def split_killing_from_arrests(doc: Doc, added: CueList, triggers: list[Mention]) -> list[list[Mention]]:
    """ "مقتل 16 عنصرا تكفيريا واعتقال 30 آخرين": deaths and arrests told side by side in one
    clause, the deaths by a word of death with a toll of their own, are two events: the killing
    (a fight, when those killed were armed) and the arrests."""
    if len(triggers) < 2:
        return [triggers]
    arrests = [t for t in triggers if t.value.sub_event_type == ARRESTS]
    deaths = [t for t in triggers if t.attrs.get("weight", 1.0) <= DEATH_WEIGHT]
    if not arrests or not deaths or len(arrests) + len(deaths) < len(triggers):
        return [triggers]  # (another kind of act in the clause: its own reading decides)
    # Side by side: the later act joined to the earlier by "و" or a word of addition ("مقتل 16 …
    # واعتقال 30", "القبض على عدد من الإرهابيين إضافة إلى مقتل آخرين"), not a raid the deaths
    # happened in ("مقتل 9 في مداهمات") nor the charge of one held ("في جريمة قتل شاب").
    first_death, first_arrest = min(t.start for t in deaths), min(t.start for t in arrests)
    later = deaths if first_death > first_arrest else arrests
    if not any(_joined(doc, t, added) for t in later):
        return [triggers]
    sent, clause = triggers[0].sentence, triggers[0].clause
    if not any(
        m.clause == clause and m.value.kind == "killed" and m.value.count
        for m in doc.in_sentence(CASUALTY, sent)
    ):
        return [triggers]
    return [deaths, arrests]


def _joined(doc: Doc, t: Mention, added: CueList) -> bool:
    """Whether the word `t` opens is joined to what comes before it by "و" ("واعتقال") or by a
    word of addition (`added`: "إضافة إلى مقتل")."""
    text = doc.text
    if text.startswith("و", t.start) or text[max(0, t.start - 2) : t.start] == "و ":
        return True
    fs = doc.folded.folded_index(t.start)
    return first_cue(words_before(doc.folded.text, fs, max(0, fs - 30), 4), {"added": added}, 1) is not None


def split_demonstration_from_its_cause(
    doc: Doc, cause_before: CueList, triggers: list[Mention]
) -> list[list[Mention]]:
    """ "خرج العشرات في وقفة احتجاجية بعد مقتل شاب برصاص مسلحين": a demonstration told with the
    violence it answers, introduced after it by a word of cause (cues.yaml protest_cause_before),
    is two events: the demonstration, and the killing (CODING.md §1). Violence told otherwise in
    a demonstration's clause ("قتل متظاهر خلال الاحتجاجات") is what the demonstrators met."""
    if len(triggers) < 2:
        return [triggers]
    demo = [t for t in triggers if FAMILY.get(t.value.event_type) == "demonstration"]
    if not demo:
        return [triggers]
    violent = [t for t in triggers if FAMILY.get(t.value.event_type) == "violence"]
    if not violent:
        return [triggers]
    first = min(violent, key=attrgetter("start"))
    before = [t for t in demo if t.end <= first.start]
    if not before:
        return [triggers]
    words = doc.folded_slice(max(t.end for t in before), first.start).split()
    if not words or first_cue(words, {"cause": cause_before}, max_distance=1) is None:
        return [triggers]
    for t in violent:
        t.attrs[DEMONSTRATION_CAUSE] = True  # no force met by the crowd (merging.py)
    return [[t for t in triggers if t not in violent], violent]


def split_by_means(c: Candidate) -> list[Candidate]:
    """ "غارات جوية ترافقت مع قصف مدفعي وصاروخي": air strikes and ground shelling told together
    on one place and day are two events, one per sub-event type (ACLED codes each means of
    remote violence on its own). A lone "قصف" or "صواريخ" beside air strikes is how the
    aircraft struck, and splits nothing."""
    if c.event_type != EXPLOSIONS:
        return [c]
    air = [t for t in c.triggers if air_word(t)]
    # "قصف … بأربعة قذائف مدفعية": a plain "قصف" is explicit when its sentence names the gun.
    gunned = {w.sentence for w in c.weapons if w.value.name in GUNS}
    ground = [
        t for t in c.triggers
        if t.value.sub_event_type == SHELLING and (explicit(t) or t.sentence in gunned)
        and not any(a.sentence == t.sentence and a.clause == t.clause for a in air)
    ]  # fmt: skip
    if not air or not ground:
        return [c]
    shelling = c.twin()
    shelling.triggers = ground + [t for t in c.triggers if t not in ground and t not in air]
    shelling.weapons = [w for w in c.weapons if w.value.sub_event_type != AIR]
    shelling.casualties = []  # a toll told once stays with the first-told means (CODING.md §6)
    shelling.log = [*c.log, "air strikes and shelling told together: one event per means"]
    c.triggers = air + [t for t in c.triggers if t not in air]
    c.weapons = [w for w in c.weapons if w.value.sub_event_type != SHELLING]
    return [c, shelling]


def split_by_repeated_acts(doc: Doc, c: Candidate) -> list[Candidate]:
    """ "شن الطيران ست غارات على مديرية حيدان وأربع غارات على مديرية الظاهر": one act word told
    again in its clause, each time with its own place, is one event per place (CODING.md §1: one
    location per event); the toll told after an act word is that place's."""
    if c.event_type != EXPLOSIONS or len(c.triggers) < 2:
        return [c]
    # The first clause that tells the act twice or more (by sub-event type).
    groups: dict[tuple[int, int, str], list[Mention]] = {}
    for t in c.triggers:
        groups.setdefault((t.sentence, t.clause, t.value.sub_event_type), []).append(t)
    same = sorted(next((g for g in groups.values() if len(g) >= 2), []), key=attrgetter("start"))
    if not same:
        return [c]
    lead = same[0]
    places = [
        m
        for m in doc.in_sentence(PLACE, lead.sentence)
        if m.clause == lead.clause
        and m.value.choice is not None
        and m.value.choice.kind in ("populated", "admin2")
    ]
    # Each act word's place: the first one named after it, before the next act word.
    own: list[tuple[Mention, Mention]] = []
    for i, t in enumerate(same):
        nxt = same[i + 1].start if i + 1 < len(same) else 1 << 30
        m = next((p for p in places if t.end <= p.start < nxt), None)
        if m is not None and all(m.value.choice.id != p.value.choice.id for _, p in own):
            own.append((t, m))
    if len(own) < 2:
        return [c]
    c.log.append(f"one act told for each of {', '.join(m.text for _, m in own)}: one event each")

    def told_for(k: Mention) -> int:
        # A toll told in the act's sentence goes with the act told last before it; a toll told
        # elsewhere stays with the first place.
        if k.sentence != lead.sentence:
            return 0
        return max((i for i, (t, _) in enumerate(own) if t.start <= k.start), default=0)

    owners = [told_for(k) for k in c.casualties]
    twins = []
    for i, (_, m) in enumerate(own):
        twin = c.twin()
        twin.places = [m]
        twin.inherited_place = False
        twin.casualties = [k for k, o in zip(c.casualties, owners, strict=True) if o == i]
        twins.append(twin)
    return twins


LIST_KINDS = ("populated", "admin2", "admin1", "natural")  # remote strikes: all four; others: the first two
# (A dash joins the two names of one area: "سينات – هافتانين".)
LIST_SEPARATORS = ("", "،", ",", "و", "، و", "،و", "–", "-")
# Quotes around list members ("في مناطق "متينا" و"هاكورك"") separate nothing.
_QUOTES = str.maketrans("", "", '"“”«»„')
UNKNOWN_IN_LIST = 2  # unrecognised "و"-joined words a list may carry between two known places


_QUALIFIER_GAPS = ("", "ب", "في")  # between a list member and the province it lies in


def _holds(province: Mention, m: Mention) -> bool:
    """Whether `province` is the governorate `m` (a town or district) lies in."""
    p, c = province.value.choice, m.value.choice
    return (
        p is not None
        and c is not None
        and p.kind == "admin1"
        and c.kind != "admin1"
        and p.country_code == c.country_code
        and p.admin1 == c.admin1
    )


def _listed_runs(
    doc: Doc, places: list[Mention], positions: frozenset[str] = frozenset()
) -> list[list[Mention]]:
    """Runs of place names told as a list: "نوى وطفس وبصرى الشام", "محافظات صعدة وحجة وعمران",
    "في نوى ومدينة طفس". A settlement or province noun may stand between two names; a word of
    `positions` ("مخيم البريج وسط قطاع غزة") is not "و" and a name."""
    runs: list[list[Mention]] = []
    end = 0  # where the last run's text ends: its last member, or the province that follows it
    for m in sorted(places, key=attrgetter("start")):
        run = runs[-1] if runs else None
        # Same sentence first: an incident told across a long report collects places from far
        # apart, and the gap text between them would otherwise be sliced and split (issue 11).
        if run is not None and m.start > end and m.sentence == run[-1].sentence:
            gap = doc.text[end : m.start].translate(_QUOTES).strip()
            words = doc.folded_slice(end, m.start).replace("،", " ").split()
            # "وأم المياذن ونصيب والغارية": list members the gazetteer does not know ("ونصيب")
            # or a place noun ("ومدينة") between two known names keep the list going.
            if gap in _QUALIFIER_GAPS and _holds(m, run[-1]):
                # "باقم وكتاف بمحافظة صعدة، ومديرية حرض بمحافظة حجة": the province after a member
                # says where it lies, also right after it ("بمديرية مجز محافظة صعدة": no list of
                # two); the list goes on after it.
                end = m.end
                continue
            joined = gap in LIST_SEPARATORS or (
                0 < len(words) <= UNKNOWN_IN_LIST + 1
                and all(w.startswith("و") and w not in positions for w in words)
            )
            if joined:
                run.append(m)  # a name repeated ("سينات – هفتانين") keeps the list going
                end = m.end
                continue
        runs.append([m])
        end = m.end
    # One member per place: the first of its names.
    unique = [list({x.value.choice.id: x for x in reversed(r)}.values())[::-1] for r in runs]
    return [r for r in unique if len(r) >= 2]


# "بين X وY", a road or a direction names one place; the outskirts of listed towns ("قصفت المدفعية
# أطراف بلدات عيتا الشعب ورامية", cues.yaml outskirts_before) are each town's.
_BETWEEN = frozenset({"بين"})
_LEAD_REACH, _LEAD_WORDS = 25, 3  # where such a word stands before a listed name


def _led_by(doc: Doc, m: Mention, words: frozenset[str]) -> bool:
    return word_just_before(doc, m, words, _LEAD_REACH, _LEAD_WORDS)


def split_by_listed_places(
    doc: Doc, c: Candidate, outskirts: frozenset[str] = frozenset(), positions: frozenset[str] = frozenset()
) -> list[Candidate]:
    """ "غارات على بلدات نوى وطفس وبصرى الشام": one event per place named in a list (CODING.md
    §1: one location per event). The list must stand in a sentence that tells the incident, in a
    clause that tells no other ("تعرضت بلدات X وY، صباح اليوم، لغارات"); "بين X وY" names one
    place, a town after one of `outskirts` (folded words) leads a list as any other, and so does one
    after a word of `positions` ("شرق مدينة غزة وشمال بيت لاهيا": each its own direction)."""
    if len(c.places) < 2:
        return [c]  # a list needs two places (most events: nothing to look up)
    told = {t.sentence for t in c.triggers}
    # A list needs two of its places in one sentence that tells it: most events have none such,
    # and need not have their sentences' other triggers looked up.
    seen: set[int] = set()
    for m in dict.fromkeys(c.places):
        if m.sentence in told:
            if m.sentence in seen:
                break
            seen.add(m.sentence)
    else:
        return [c]
    own = {id(t) for t in c.triggers}
    # Clauses of the incident's sentences that tell no other incident.
    others = {(t.sentence, t.clause) for s in told for t in doc.in_sentence(TRIGGER, s) if id(t) not in own}
    # Governorates listed are separate targets of remote strikes ("غارات على صعدة وحجة"); for
    # other events a list of provinces is a region ("امتدت الاحتجاجات إلى محافظات ميسان وذي قار").
    kinds = LIST_KINDS if c.event_type == EXPLOSIONS else LIST_KINDS[:2]
    # Remote strikes name their targets anywhere in the sentence ("تعرضت بلدات X وY، صباح اليوم،
    # لغارات"); other events in the clause that tells them ("خرجت مظاهرات في X وY"), not in a
    # neighbouring one ("أدى الغضب في X وY إلى …، لكنه لم ينجح في تهدئة الاحتجاجات").
    own_clauses = {(t.sentence, t.clause) for t in c.triggers}
    places = [
        m for m in dict.fromkeys(c.places)
        if m.sentence in told and (m.sentence, m.clause) not in others and m.value.choice is not None
        and (c.event_type == EXPLOSIONS or (m.sentence, m.clause) in own_clauses)
        and m.value.choice.kind in kinds and not m.value.hometown
        and (m.value.cue != "near_before" or _led_by(doc, m, outskirts) or _led_by(doc, m, positions))
    ]  # fmt: skip
    # "الطريق بين قضاء سنجار وناحية سنوني": "بين" names one place, also with a place noun
    # between it and the first name (which then carries that noun's cue, not "near").
    runs = [r for r in _listed_runs(doc, places, positions) if not _led_by(doc, r[0], _BETWEEN)]
    if not runs:
        return [c]
    listed = max(runs, key=len)
    own = c.places[0]
    if (
        place_specific(own)
        and (own.sentence, own.clause) in own_clauses
        and all((m.sentence, m.clause) not in own_clauses for m in listed)
        and all(m.value.choice.id != own.value.choice.id for m in listed)
    ):
        # "قصفت القوات قرى تل تمر وأبو راسين، فيما استهدفت مسيرة سيارة قرب القامشلي": the drone's
        # own town is not in the list, which is the shelling's.
        return [c]
    # Force used on a crowd where the report names the place of it: those places' twins only
    # ("مسيرات في كفر قدوم وبلعين ونعلين … وأطلقت القوات الغاز على مسيرة كفر قدوم").
    forced = _forced_places(doc, c, {m.sentence for m in listed}) if c.intervention else None
    twins = []
    for i, m in enumerate(listed):
        twin = c.twin()
        twin.places = [*_told_within(c, m, listed), m]
        twin.inherited_place = False
        if forced:
            twin.intervention = m.value.choice.id in forced
        if i:
            # A toll told for the whole list stays with the first place (CODING.md §6: a total is
            # divided only when the report says how).
            twin.casualties = []
        twins.append(twin)
    _tolls_where_told(c, listed, twins)
    c.log.append(f"places listed together ({', '.join(m.text for m in listed)}): one event each")
    return twins


_TOLL_PLACE_REACH = 30  # characters between a toll and the place named right after it


def _told_within(c: Candidate, region: Mention, listed: list[Mention]) -> list[Mention]:
    """ "20 غارة على محافظتي صعدة وحجة … 12 غارة على مديرية حرض بمحافظة حجة": a governorate of
    the list is where the incident's retelling names a town or district of it, which places that
    governorate's event (the first such told after the list, as the retelling told it)."""
    where = region.value.choice
    if where.kind != "admin1":
        return []
    ids = {m.value.choice.id for m in listed}
    for p in c.places:
        ch = p.value.choice
        if (
            ch is not None
            and p.sentence > region.sentence
            and ch.id not in ids
            and place_specific(p)
            and ch.country_code == where.country_code
            and ch.admin1 == where.admin1
        ):
            return [p]
    return []


def _tolls_where_told(c: Candidate, listed: list[Mention], twins: list[Candidate]) -> None:
    """ "قصفت القوات بلدات كنصفرة والبارة وفليفل، ما أدى إلى مقتل مدني في البارة": a toll followed
    by one of the listed places belongs to that place's event, not to the first one's."""
    where = {m.value.choice.id: i for i, m in enumerate(listed)}
    for toll in c.casualties:
        named = next(
            (
                p
                for p in c.places
                if p.sentence == toll.sentence
                and 0 <= p.start - toll.end <= _TOLL_PLACE_REACH
                and p.value.choice is not None
                and p.value.choice.id in where
            ),
            None,
        )
        if named is None:
            continue
        i = where[named.value.choice.id]
        for twin in twins:
            if toll in twin.casualties:
                twin.casualties.remove(toll)
        twins[i].casualties.append(toll)


_FORCE_ON_CROWDS = ("Protest with intervention", EXCESSIVE_FORCE)


def _forced_places(doc: Doc, c: Candidate, listing: set[int]) -> set[str]:
    """The places named in the sentences that tell force used on the crowd, outside the
    sentences of the list itself (`listing`; empty when those sentences name none)."""
    sents = {
        t.sentence
        for t in c.triggers
        if t.value.sub_event_type in _FORCE_ON_CROWDS and t.sentence not in listing
    }
    return {m.value.choice.id for s in sents for m in doc.in_sentence(PLACE, s) if m.value.choice is not None}
