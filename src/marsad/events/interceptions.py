"""Interceptions (ACLED's Disrupted weapons use): where and when the fire they stopped was aimed,
and whose fire it was."""

from __future__ import annotations

from marsad.doc import WEAPON, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.incidents import BATTLES, BOMBINGS, EXPLOSIONS, VAC
from marsad.recognize.cues import CUE_REACH, CueList, first_cue, words_before
from marsad.text.normalize import fold

DISRUPTED = "Disrupted weapons use"
TELLING_CUES = ("teller_verbs", "source_before")  # an actor's role_why when it tells the news


def interceptions_where_fired(events: list[Candidate]) -> None:
    """An interception told with no place of its own, in the sentence of the fire it stopped
    ("ردا على إطلاق صاروخين من القطاع باتجاه مستوطنات غلاف غزة، اعترضت القبة الحديدية أحدهما"), is
    where and when that fire was aimed, and the firer is its second side — not the report's main
    place (the strikes that answered the fire)."""
    for e in events:
        if e.trigger.value.sub_event_type != DISRUPTED:
            continue
        _firer_as_second_side(e, events)
        # The fire told last before the interception in its sentence, else the first told after
        # it there ("اعترضت الدفاعات الجوية صاروخا أطلقه الحوثيون باتجاه جازان").
        first, fire, at, after, after_at = min(e.sentences), None, -1, None, 1 << 30
        for f in events:
            if f is e or f.event_type != EXPLOSIONS or not f.places:
                continue
            for t in f.triggers:
                if t.sentence != first:
                    continue
                if at < t.start < e.trigger.start:
                    fire, at = f, t.start
                elif e.trigger.start < t.start < after_at:
                    after, after_at = f, t.start
        fire = fire or after
        if fire is None:
            continue
        if (
            e.actor1 is not None
            and fire.actor1 is not None
            and e.actor1.value == fire.actor1.value
            and (
                (e.actor1.sentence, e.actor1.clause) != (e.trigger.sentence, e.trigger.clause)
                # "اعترضت الدفاعات الجوية صاروخا أطلقته الميليشيا": the launch's author read as
                # the clause's agent, the air defences as its object
                or (e.actor2 is not None and e.actor2.attrs.get("air_defence"))
            )
        ):
            # "رصدت الدفاعات الجوية إطلاق صاروخ من قبل الميليشيا …، وتم اعتراضه": the firer named
            # in the launch's clause is the side disrupted, not the one that stopped its fire.
            e.actor1, e.actor2 = e.actor2, e.actor1
            e.log.append(f"'{e.trigger.text}': the firer of '{fire.trigger.text}' is the side it stopped")
        elif e.actor1 is None and e.actor2 is None and fire.actor1 is not None:
            # "رصدت الدفاعات الجوية إطلاق صاروخين … والآخر باتجاه نجران، وتم اعتراضهما": the sides
            # of a stopping told with none are the fire's firer and the air defences that saw it.
            e.actor2 = fire.actor1
            if fire.actor2 is not None and fire.actor2.attrs.get("air_defence"):
                e.actor1 = fire.actor2
            e.log.append(
                f"'{e.trigger.text}': its sides are those of the fire it stopped ('{fire.trigger.text}')"
            )
        if (
            fire.actor1 is None
            and fire.actor2 is None
            and e.actor2 is None
            and fire.target_country is not None
        ):
            # A launch across a border by a firer left unnamed: the coder names the side
            # disrupted as it names the launch's (events/coding_actors.py), not a neighbouring clause.
            e.origin, e.target_country = fire.origin, fire.target_country
        # "أعلن التحالف اعتراض صاروخ أطلقته الميليشيا باتجاه جازان": with no interceptor named,
        # a launch at a country named by its firer was stopped by that country's forces (the
        # coder names them); otherwise no interceptor named apart from the firer is no event.
        aimed = e.actor1 is None and fire.actor1 is not None and fire.target_country is not None
        if e.place is not None or (
            not aimed
            and (e.actor1 is None or (fire.actor1 is not None and fire.actor1.value == e.actor1.value))
        ):
            continue
        e.places, e.inherited_place = list(fire.places), True
        if fire.dates and (not e.dates or e.inherited_date):
            e.dates, e.inherited_date = list(fire.dates), fire.inherited_date
        if fire.actor1 is not None and (
            e.actor2 is None or e.actor1 is None or e.actor2.value == e.actor1.value
        ):
            e.actor2 = fire.actor1
        e.log.append(
            f"'{e.trigger.text}': placed where the fire it stopped was aimed ('{fire.trigger.text}')"
        )


def _firer_as_second_side(e: Candidate, events: list[Candidate]) -> None:
    """ "قال التحالف إن الدفاعات الجوية اعترضت الطائرة المسيرة": an interception that names no
    second side but its teller is aimed at the fire told before it — the firer of the last
    remote attack told earlier (else the first told after it in its sentence), by another side,
    is the side disrupted (ACLED's actor2)."""
    a1, a2 = e.actor1, e.actor2
    if a1 is None or a2 is None or a2.attrs.get("role_why") not in TELLING_CUES:
        return  # (with no second side, the coder asks whose the weapon was: weapon_author)
    fire = after = None
    for f in events:
        if f is e or f.event_type != EXPLOSIONS or f.actor1 is None or f.actor1.value in (a1.value, a2.value):
            continue
        if f.trigger.start < e.trigger.start:
            if fire is None or f.trigger.start > fire.trigger.start:
                fire = f
        elif f.trigger.sentence == e.trigger.sentence and (
            after is None or f.trigger.start < after.trigger.start
        ):
            # "أعلن التحالف أن الدفاعات الجوية اعترضت صاروخا أطلقته الميليشيا": the launch told
            # after the stopping word, in its sentence, is the fire it stopped.
            after = f
    fire = fire or after
    if fire is not None:
        e.actor2 = fire.actor1
        e.log.append(
            f"'{e.trigger.text}': the fire it stopped was '{fire.actor1.text}''s ('{fire.trigger.text}')"
        )


def without_the_intercepted_retold(doc: Doc, events: list[Candidate]) -> list[Candidate]:
    """What an interception or a search stopped, told as if it were an act of its own.

    A device found, defused or lifted ("نزع عشرات الألغام والعبوات الناسفة زرعها الحوثيون"): its
    noun after the stopping word in the same sentence, or named again with the article later,
    with no toll, day or place of its own, is no bombing (ACLED codes the disrupted use only).
    A missile or drone stopped in flight was still fired: ACLED codes its launch too, by the
    side the interception stopped, and the interceptor is not the side it hit."""
    stopped = [e for e in events if e.trigger.value.sub_event_type == DISRUPTED]
    if not stopped:
        return events
    weapons = doc.get(WEAPON)
    kept = []
    for e in events:
        d = _the_weapon_stopped(e, stopped, weapons) if _planted(e) else None
        if d is not None:
            e.log.append(f"'{e.trigger.text}': the device '{d.trigger.text}' stopped, no bombing")
            continue
        if e.event_type == EXPLOSIONS:
            for d in stopped:
                if d is not e:  # (by identity: a candidate's == compares every field)
                    _launch_of_the_stopped(e, d)
        kept.append(e)
    return kept


def _planted(e: Candidate) -> bool:
    """A device (a mine, a roadside bomb), not a missile or drone in flight."""
    return e.coded_type[1] in BOMBINGS or (
        bool(e.weapons) and all(w.value.sub_event_type in BOMBINGS for w in e.weapons)
    )


def _launch_of_the_stopped(e: Candidate, d: Candidate) -> None:
    """A launch whose sides are the interception's two, its second side the very name told as
    stopping it ("اعترضت قوات الدفاع الجوي صاروخين أطلقهما الحوثيون"): the interceptor is not
    the side the launch hit."""
    a1, a2 = e.actor1, e.actor2
    if (
        a1 is not None
        and a2 is not None
        and d.actor1 is not None
        and d.actor2 is not None
        and {a1.value, a2.value} == {d.actor1.value, d.actor2.value}
        and a2.start in (d.actor1.start, d.actor2.start)
    ):
        e.actor2 = None
        e.log.append(f"'{e.trigger.text}': launched at no side named, '{a2.text}' stopped it")


def _the_weapon_stopped(e: Candidate, stopped: list[Candidate], weapons: list[Mention]) -> Candidate | None:
    """The interception whose weapon `e` tells, if it does."""
    if e.event_type != EXPLOSIONS or e.casualties:
        return None
    day = e.dates[0].value.date if e.dates and not e.inherited_date else None
    if not all(any(w.start <= t.start and t.end <= w.end for w in weapons) for t in e.triggers):
        return None  # (a verb tells an act; only the weapon's noun may be the one stopped)
    own = None if e.inherited_place or e.place is None else e.place.value.choice
    for d in stopped:
        if own is not None and (d.place is None or d.place.value.choice != own):
            continue  # (a place of its own, another than the interception's: another fire)
        if day is not None and (not d.dates or d.dates[0].value.date != day):
            continue  # (and so is a day of its own)
        # The weapon named in the interception's sentence after its word, and the words of the
        # interception itself ("اعتراض صاروخ"), are what a later "الصاروخ" may name again.
        at = [t for t in e.triggers if t.sentence == d.trigger.sentence]
        if any(t.start < d.trigger.start for t in at):
            continue
        named = [w for t in (d.trigger, *at) for w in fold(t.text).split()]
        if all(t in at or _named_again(t, d, named) for t in e.triggers):
            return d
    return None


def _named_again(t: Mention, d: Candidate, named: list[str]) -> bool:
    """Whether the weapon noun `t`, told after interception `d`'s sentence, is one of the
    words `named` there, with the article."""
    noun = fold(t.text).lstrip("وفب")  # (its conjunction or preposition: "والصاروخ")
    return (
        t.sentence > d.trigger.sentence
        and noun.startswith("ال")
        and any(w.startswith(noun[2:]) for w in named)
    )


def without_the_stopped_weapons_aim(doc: Doc, tried: CueList, events: list[Candidate]) -> list[Candidate]:
    """ "أسقطت الدفاعات الجوية طائرة مسيرة … وكانت تحاول استهداف مواقع الجيش": what a weapon stopped
    in flight was trying to hit (`tried`: the words of an attempt right before the act's word), told
    at or after the stopping with no toll of its own, is the stopped fire's aim, no remote attack."""
    stopped = [e.trigger.sentence for e in events if e.trigger.value.sub_event_type == DISRUPTED]
    if not stopped:
        return events
    first = min(stopped)
    kept = []
    for e in events:
        if (
            e.event_type == EXPLOSIONS
            and not e.casualties
            and e.trigger.sentence >= first
            and all(_tried(doc, tried, t) for t in e.triggers)
        ):
            e.log.append(f"'{e.trigger.text}': what the weapon stopped was trying to hit")
            continue
        kept.append(e)
    return kept


def _tried(doc: Doc, tried: CueList, t: Mention) -> bool:
    """Whether an attempt word stands within the two words before the act word `t`."""
    fs = doc.folded_index(t.start)
    words = words_before(doc.folded.text, fs, max(0, fs - CUE_REACH), 2)
    return first_cue(words, {"tried": tried}, 1) is not None


def seizures_in_an_operation(
    doc: Doc, seizure: CueList, outcome: CueList, also: CueList, events: list[Candidate]
) -> list[Candidate]:
    """ "مقتل 8 عناصر تكفيرية خلال تبادل لإطلاق النار مع القوات …، وضبط أسلحة وذخائر بحوزتهم": arms
    seized (`seizure`: the words that open such a trigger) by the side that fought or arrested in
    the same sentence are that operation's haul, no disrupted use of their own; so are arms seized
    as what an operation told before resulted in ("وأسفرت أيضا عن ضبط أسلحة", `outcome`, read
    through the words of one more outcome, `also`)."""
    ops = [e for e in events if e.event_type == BATTLES or e.trigger.value.sub_event_type == "Arrests"]
    # (an operation told before may still read as an attack: its target is coded later)
    acts = [e for e in events if e.event_type in _ACTS or e.trigger.value.sub_event_type == "Arrests"]
    if not acts:
        return events
    kept = []
    for e in events:
        if e.trigger.value.sub_event_type == DISRUPTED and seizure.opening(fold(e.trigger.text).split()):
            side = None if e.actor1 is None else e.actor1.value
            op = next((o for o in ops if o.sentences & e.sentences and _by(o, side)), None)
            if op is None and _an_outcome(doc, outcome, also, e.trigger):
                op = next((o for o in acts if min(o.sentences) < e.trigger.sentence and _by(o, side)), None)
            if op is not None:
                op.log.append(f"'{e.trigger.text}': the arms seized in it")
                continue
        kept.append(e)
    return kept


def _by(op: Candidate, side: object) -> bool:
    """Whether `op` is by the seizing side (`side`: None when the seizure names none)."""
    return side is None or (op.actor1 is not None and op.actor1.value == side)


def _an_outcome(doc: Doc, outcome: CueList, also: CueList, t: Mention) -> bool:
    """Whether the words right before `t` tell what something resulted in ("أسفرت أيضا عن")."""
    fs = doc.folded_index(t.start)
    words = [w for w in words_before(doc.folded.text, fs, max(0, fs - CUE_REACH), 4) if not also.has_word(w)]
    for i in range(len(words)):
        told = outcome.opening(words[i:])
        if told is not None and told[1] == len(words) - i:
            return True
    return False


# "وأسفرت أيضا عن": the word that adds one more outcome, read through.
_ACTS = frozenset((BATTLES, EXPLOSIONS, VAC))
