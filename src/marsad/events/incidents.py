"""Mention → incident coreference over a whole report (CODING.md §1).

A news report usually tells one incident several times: the headline, the lead, a body that
says "الهجوم" or "الانفجار" again, a second source's retelling, a quote. Each telling yields a
clause candidate; this module decides which candidates are the same incident. The rule is the
reverse of "one trigger, one event": a later candidate joins the nearest earlier incident it is
compatible with, and starts a new incident only when the report gives it something of its own
that differs — another place, another day, another pair of actors, another kind of event, or
words that announce a new incident ("وفي هجوم آخر", "في حادث منفصل").

This module holds what makes two candidates one incident or two (signatures and conflicts) and
the splits and joins of incidents; marsad.events.linking links each candidate to an incident.
Every decision is written to the incident's `log` so `marsad explain` can show why two mentions
were merged or kept apart.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython
try:  # Cython's dataclass: compiled, an extension class whose fields are C struct members
    from cython.dataclasses import dataclass
except ImportError:
    from dataclasses import dataclass

from marsad.doc import Mention
from marsad.events.launch import launch_conflict
from marsad.knowledge.gazetteer import Place
from marsad.recognize.cues import MEMO_WORDS
from marsad.recognize.dates import NIGHT_ENDS, DateMention
from marsad.recognize.place_choice import km

# Compiled, the candidate's fields declared (candidate.pxd): a typed candidate's are read in C.
if cython.compiled:
    from cython.cimports.marsad.events.candidate import Candidate
else:
    from marsad.events.candidate import Candidate

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
UNARMED_KINDS = {"civilians", "protesters"}
CROWD_KINDS = {"protesters", "rioters"}
NON_STATE_ARMED = ("rebel", "militia", "identity")  # the kinds of named non-state armed groups
RIOTS = "Riots"
VIOLENT_DEMONSTRATION = "Violent demonstration"
LOOTING = "Looting/property destruction"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
# A capture of territory: whose it is (state or not) is told by its author (events/coding_type.py).
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"

# Event types that can be tellings of one incident: an attack told as "clashes" in one clause
# and "the explosion" or "the killing of civilians" in another is still one incident.
FAMILY = {
    BATTLES: "violence",
    EXPLOSIONS: "violence",
    VAC: "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "development",
}

# Maps an actor mention's value to the actor it names (the canonical name); identity by default.
ActorName = Callable[[int], object]
# An actor's government camp (ActorEntry.government_camp): the sides fighting for one government.
ActorCamp = Callable[[int], frozenset[str]]


def no_camp(_: int) -> frozenset[str]:
    return frozenset()


# Two places further apart than this are two incidents (the ruler's own tolerance is 25 km for
# a correct location; villages of one battle front are often 10–20 km apart).
SAME_PLACE_KM = 25.0
STRIKES_APART_KM = 5.0  # closer, two places of strikes are quarters of one town
SAME_DAY_SLACK = 1  # days


def place_specific(m: Mention | None) -> bool:
    if m is None:
        return False
    ch = m.value.choice  # (PlaceRef.choice: read once)
    return ch is not None and ch.kind in ("populated", "admin2")


def _place_of(c: Candidate) -> Mention | None:
    """The candidate's own place (an inherited one says nothing about identity)."""
    if c.inherited_place or not c.places:
        return None
    m = c.places[0]
    ch = m.value.choice
    return m if ch is not None and ch.kind != "country" else None


def place_conflict(a: Candidate, b: Candidate) -> str | None:
    return _places_apart(signature(a), signature(b))


def date_conflict(a: Candidate, b: Candidate) -> str | None:
    """Two days given for two tellings. One day apart is one incident: a report dated "the
    Saturday" of its announcement and "yesterday evening" of the blast tells one blast."""
    return _days_apart(signature(a), signature(b))


def armed(m: Mention | None) -> bool:
    return m is not None and m.attrs.get("kind") not in UNARMED_KINDS


BOMBINGS = ("Remote explosive/landmine/IED", "Suicide bomb")


def explicit(t: Mention) -> bool:
    return t.attrs.get("weight", 1.0) >= EXPLICIT


def air_word(t: Mention) -> bool:
    """An unambiguous air-strike word ("غارات", "قصف جوي")."""
    return t.value.sub_event_type == AIR and explicit(t)


def fight_word(t: Mention) -> bool:
    """An unambiguous fighting word ("اشتباكات", "معارك")."""
    return t.value.event_type == BATTLES and explicit(t)


def aerial(c: Candidate) -> bool:
    return any(t.value.sub_event_type == "Air/drone strike" for t in c.triggers) or any(
        w.value.name in ("air strike", "drone") for w in c.weapons
    )


def explicit_air_and_fight(remote: Candidate, fight: Candidate) -> bool:
    """Unambiguous air-strike words on one side and unambiguous fighting words on the other:
    two actions, even when one sentence tells both (see split_fighting_from_air)."""
    return any(air_word(t) for t in remote.triggers) and any(fight_word(t) for t in fight.triggers)


@dataclass
@cython.cclass
class Sig:
    """What `conflict` reads of one candidate, computed once (issue 11: `link` compares a
    candidate with many incidents, so the per-pair work must be plain comparisons). An
    incident's signature is made again after a telling is merged into it, when a later telling
    is next compared with it (`Incidents.sig`). Compiled, an extension class: the functions
    that declare a Sig local (`cython.locals`) set and read its fields in C, not through the
    type's attribute look-up."""

    background: bool
    own_date: date | None  # its own day (not inherited)
    exact_day: bool  # that day named by its date ("الثلاثاء 9 أغسطس"), not by "أمس" or a weekday
    place: Place | None  # its own place's choice (_place_of)
    specific: bool  # place_specific(_place_of)
    event_type: str
    family: str | None
    sub_type: str
    trigger_text: str
    explicit_air: bool
    explicit_fight: bool
    bombing: bool
    aerial: bool
    armed: bool  # actor1 armed and named in the text (only those are compared as attackers)
    has_actor1: bool
    name1: object
    actor1_text: str
    all_sides: frozenset[object]  # actor1, actor2 and their associates, by name
    sides: frozenset[object]  # actor1 and actor2, by name (link's tie-break)
    sentences: set[int]
    # A launch's origin and target (events/launch.py), and actor1's country if a state force.
    origin_country: str | None = None
    target_country: str | None = None
    firer_country: str | None = None
    answered: bool = False  # told as the act another answered (events/answered.py)
    retort: bool = False  # told as the answer its author gave ("وردت الفصائل بقصف …")
    earlier: bool = False  # told as days before another ("ويأتي ذلك بعد يومين من غارات …")
    on_civilians: bool = False  # actor2 unarmed (civilians, protesters)
    camp1: frozenset[str] = frozenset()  # actor1's government camp
    name2: object = None  # actor2 by name
    retelling: bool = False  # told only by definite nouns ("المعركة", "الهجوم")
    definite: bool = False  # the same, for sure air or gun fire and allied camps (else False)
    unnamed1: bool = False  # actor1 an unidentified armed group ("مسلحون")
    claimed1: bool = False  # actor1 a named group claiming the act ("تبنت الحركة الهجوم")
    # artillery or mortars named among its weapons ("قصفت المدفعية"), or shelling with no aircraft
    guns: bool = False

    @property
    def date_text(self) -> str:
        """The own day as the log writes it (formatted only when a log line needs it)."""
        return str(self.own_date) if self.own_date is not None else ""


@cython.locals(s=Sig, c=Candidate)
def signature(c: Candidate, name: ActorName = int, camp: ActorCamp = no_camp) -> Sig:
    # This runs for every telling linked and every merge: the Candidate properties, _place_of,
    # explicit/fight_word, armed and claims are spelt out (a call costs more than the test in
    # it), and each attribute is read once (a read costs as much as a comparison).
    choice = None
    countryside = False
    if not c.inherited_place and c.places:  # _place_of
        ref = c.places[0].value
        ch = ref.choice
        if ch is not None and ch.kind != "country":
            choice = ch
            # "في ريف دير الزور": the countryside of a town is a region around it, however pinned
            countryside = ref.cue == "countryside_before"
    d = None
    exact = False
    dates = c.dates
    if dates and not c.inherited_date:
        dm = dates[0].value
        d = dm.date
        exact = d is not None and dm.precision == 1 and _day_told_exactly(dm)
    a1, a2 = c.actor1, c.actor2
    triggers = c.triggers
    trig = triggers[0]
    lead = trig.value
    retype = c.retype
    et = retype[0] if retype else lead.event_type
    # One pass over the triggers and one over the weapons for the air, fighting and bombing
    # words (a bombing: a car bomb, roadside bomb or suicide attack, by its words or weapon).
    explicit_air = explicit_fight = bombing = air = shelled = False
    for t in triggers:
        v = t.value
        sub = v.sub_event_type
        explicit = t.attrs.get("weight", 1.0) >= EXPLICIT
        if sub == AIR:
            air = True
            explicit_air = explicit_air or explicit
        elif sub == SHELLING:
            shelled = True
        elif sub in BOMBINGS:
            bombing = True
        if explicit and v.event_type == BATTLES:
            explicit_fight = True
    guns = False
    weapons = c.weapons
    if weapons:
        for w in weapons:
            v = w.value
            wname = v.name
            if wname in ("air strike", "drone"):
                air = True
            elif wname in GUNS:
                guns = True
            if not bombing and v.sub_event_type in BOMBINGS and w.sentence in c.sentences:
                bombing = True
        # "كما قصفت قوات النظام بالقذائف الصاروخية": shelling told with a weapon and no aircraft
        # is ground fire too ("قصفت طائراته خمسة أهداف" names no weapon: aircraft may have done it).
        guns = guns or (shelled and not air)
    if a1 is not None:
        name1 = name(a1.value)
        camp1 = camp(a1.value)
        attrs1 = a1.attrs
        kind1 = attrs1.get("kind")
        named = [name1]
    else:
        name1 = attrs1 = kind1 = None
        camp1 = frozenset()
        named = []
    name2 = None
    kind2 = None
    if a2 is not None:
        name2 = name(a2.value)  # (looked up once: s.name2 too)
        kind2 = a2.attrs.get("kind")
        named.append(name2)
    sides = frozenset(named)
    assoc1, assoc2 = c.assoc1, c.assoc2
    # Field by field, not through the dataclass's __init__: a call with 33 keywords passes them
    # through a dict and back, and cost half of this function (issue 11). Every field is set
    # (tests/test_incidents_index.py checks it against the __init__, run from source).
    s = Sig.__new__(Sig)  # (compiled: the type's tp_new called directly)
    s.background = c.background
    s.own_date = d
    s.exact_day = exact
    s.place = choice
    s.specific = choice is not None and choice.kind in ("populated", "admin2") and not countryside
    s.event_type = et
    s.family = FAMILY.get(et)
    s.sub_type = lead.sub_event_type
    s.trigger_text = trig.text
    s.explicit_air = explicit_air
    s.explicit_fight = explicit_fight
    s.bombing = bombing
    s.aerial = air
    s.armed = a1 is not None and kind1 not in UNARMED_KINDS and not c.inferred_actor1
    s.has_actor1 = a1 is not None
    s.name1 = name1
    s.actor1_text = a1.text if a1 is not None else ""
    s.all_sides = sides.union(name(m.value) for m in assoc1 + assoc2) if assoc1 or assoc2 else sides
    s.sides = sides
    s.sentences = c.sentences
    # (launch.origin_country and state_country spelt out: a call costs more than the test)
    origin = c.origin
    s.origin_country = origin.value.choice.country_code if origin is not None else None
    s.target_country = c.target_country
    s.firer_country = attrs1.get("country") if kind1 in ("state", "police") else None
    s.answered = c.answered
    s.retort = c.retort
    s.earlier = bool(trig.attrs.get("earlier"))
    s.on_civilians = kind2 in UNARMED_KINDS
    s.camp1 = camp1
    # (read only for two allies: an actor outside any government's camp never needs it)
    # (asked only where it is read: by the allies' test and by the strikes-at-two-places test)
    s.definite = (bool(camp1) or explicit_air or guns) and told_by_definite_nouns(triggers)
    s.retelling = bool(camp1) and s.definite
    s.unnamed1 = kind1 == "unidentified"
    # (claims(a1))
    s.claimed1 = a1 is not None and bool(attrs1.get("claims")) and kind1 in NON_STATE_ARMED
    s.name2 = name2
    s.guns = guns
    return s


def _day_told_exactly(dm: DateMention) -> bool:
    """A day written out ("19 أغسطس 2020"), or a day told from the report's ("اليوم الأحد", "أمس")
    with no end of the night in its words (dates.yaml night_ends): two such days are two days ("قتل طفل اليوم … وكانت الميليشيا قد
    قصفت أمس أحياء …" tells two incidents)."""
    kind = dm.kind
    if kind == "absolute":
        return True
    # (Weekdays stay loose: "اختطفها السبت … أفرج عنها الأحد" retell one abduction from its two ends.)
    return kind == "relative" and NIGHT_ENDS.isdisjoint(dm.text.split())


REMOTE_OR_FIGHT = (BATTLES, EXPLOSIONS)  # remote violence and fighting, told apart or as one
REMOTE_FIRE = (SHELLING, AIR)  # fire from afar: each side's is an event of its own
# Acts of armed violence (a shooting told in a weak word is still read as an attack here)
ARMED_ACTS = (*REMOTE_OR_FIGHT, VAC)


@cython.locals(a=Sig, b=Sig, remote=Sig, fight=Sig)
def sig_conflict(a: Sig, b: Sig) -> str | None:
    """`conflict` on two signatures: background, then kind of event, day, place, attackers, and
    remote violence told beside fighting, in that order."""
    # (Most pairs compared go through every test: each field is read once into a local.)
    if a.background != b.background and not _sig_retold(a, b):
        return "one is background"
    if a.answered != b.answered and a.sentences & b.sentences:
        return "an act and the act it answered"
    et_a, et_b = a.event_type, b.event_type
    name1_a, name1_b = a.name1, b.name1
    if (
        a.retort != b.retort
        and a.has_actor1
        and b.has_actor1
        and name1_a != name1_b
        and et_a in ARMED_ACTS
        and et_b in ARMED_ACTS
    ):
        # "قصف لقوات النظام على البلدة … وردت الفصائل بقذائف على العاصمة": the other side's fire
        # (a force answering a crowd, "فردت قوى الأمن بالقنابل المسيلة", stays in the riot).
        return "an act and the answer another side gave"
    if a.earlier != b.earlier:
        return "one is told as days before the other"
    # Another kind of event.
    family = a.family
    if family != b.family:
        return f"two kinds of event ({et_a}, {et_b})"
    sub_a, sub_b = a.sub_type, b.sub_type
    if family == "development" and sub_a != sub_b:
        return "two kinds of development"
    air_a, air_b = a.explicit_air, b.explicit_air
    if (air_a and b.bombing) or (air_b and a.bombing):
        return "a bombing and air strikes"
    # (Each looked into only when both tellings give one: this runs per pair compared.)
    if a.own_date is not None and b.own_date is not None:
        why = _days_apart(a, b)
        if why:
            return why
    pa, pb = a.place, b.place
    if pa is not None and pb is not None and pa.id != pb.id:
        why = _places_apart(a, b)
        if why:
            return why
    # Fire aimed at one country and an incident placed in another or fought by another country's
    # forces (the launch and the strikes that answered it, "غارة إسرائيلية على بيت لاهيا بعد إطلاق
    # صاروخين باتجاه إسرائيل"). Most pairs hold no launch: two attribute tests each way.
    if a.origin_country is not None or a.target_country is not None:
        why = launch_conflict(
            a.origin_country, a.target_country, pb.country_code if pb else None, b.firer_country
        )
        if why:
            return why
    if b.origin_country is not None or b.target_country is not None:
        why = launch_conflict(
            b.origin_country, b.target_country, pa.country_code if pa else None, a.firer_country
        )
        if why:
            return why
    armed = a.armed and b.armed
    # Air strikes on the attackers by a side not in the fight: the strikes are their own action,
    # often the answer to the attack ("هجوم لخلايا داعش …، فيما شنت طائرات روسية غارات على مواقع
    # التنظيم"), even when the attack's word is a weak one. (Each way: a striking, b attacked,
    # then the reverse.)
    if armed:
        if (
            (air_a or et_a == EXPLOSIONS)
            and et_b == BATTLES
            and name1_b in a.sides
            and name1_a not in b.all_sides
        ):
            return f"air strikes on the attackers by a third side ({a.actor1_text} / {b.actor1_text})"
        if (
            (air_b or et_b == EXPLOSIONS)
            and et_a == BATTLES
            and name1_a in b.sides
            and name1_b not in a.all_sides
        ):
            return f"air strikes on the attackers by a third side ({b.actor1_text} / {a.actor1_text})"
    # Air strikes at one town and shelling at another ("غارة على منزل في النصيرات … كما قصفت المدفعية
    # شرقي البريج"): two remote attacks, by their means and their places.
    if ((air_a and b.guns) or (air_b and a.guns)) and _two_towns(a, b):
        return f"air strikes and guns' fire at two places ({pa.name}, {pb.name})"  # type: ignore[union-attr]
    if armed and name1_a != name1_b:
        # Fire from each side ("قصف مدفعي لقوات النظام على سرمين … وردت الهيئة باستهداف مواقع
        # النظام"): two remote attacks, each its own event, though one side is the other's target.
        if sub_a in REMOTE_FIRE and sub_b in REMOTE_FIRE and name1_a == b.name2:
            return f"each side's own fire ({a.actor1_text} / {b.actor1_text})"
        # Two named attackers that the other telling names on neither side (a swapped or partly
        # named pair is the same fight told from the other side).
        if (
            name1_b not in a.all_sides
            and name1_a not in b.all_sides
            and not _allies_on_one_foe(a, b)
            and not ((a.unnamed1 and b.claimed1) or (b.unnamed1 and a.claimed1))
        ):
            return f"two actor pairs ({a.actor1_text} / {b.actor1_text})"
    # Air strikes or shelling told on their own beside fighting are their own action (CODING.md
    # §1); a missile of the fighters themselves or an explosion in the fight's sentence is part of it.
    if et_a != et_b and et_a in REMOTE_OR_FIGHT and et_b in REMOTE_OR_FIGHT:
        remote, fight = (a, b) if et_a == EXPLOSIONS else (b, a)
        if remote.explicit_air and fight.explicit_fight:
            return "air strikes and ground fighting told apart"
        if a.sentences & b.sentences:
            return None
        same_attacker = remote.has_actor1 and fight.has_actor1 and remote.name1 == fight.name1
        # (the striker's own weak word for the act, not a capture of ground)
        result_told = same_attacker and fight.sub_type == "Armed clash"
        if remote.aerial and (fight.explicit_fight or (remote.has_actor1 and not result_told)):
            # (A generic "الهجوم" told in another sentence of a drone strike whose author is not
            # named retells it: "اتهمت الحكومة الحوثيين بالوقوف وراء الهجوم"; so does the striker's
            # own word for what it achieved: "قال الجيش إنه قضى على قائد في الحزب".)
            return "air strikes told apart from the fighting"
        if remote.sub_type == SHELLING and not same_attacker:
            return "shelling told apart from the fighting"
        if (
            remote.sub_type == SHELLING
            and remote.on_civilians
            and fight.explicit_fight
            and not fight.on_civilians
        ):
            # "كما قصفت الميليشيا أحياء سكنية …، ما أدى إلى إصابة طفلة": the fighters' fire on
            # homes is an attack of its own, not part of the fight between armed sides.
            return "fire on civilians told apart from the fighting"
    return None


_DEFINITE: dict[str, bool] = {}  # definite's memo, emptied at MEMO_WORDS (an open vocabulary)


@cython.locals(memo=dict)  # (compiled: its get called in C)
def definite(text: str) -> bool:
    """A word told as a definite noun, after any clitics ("والغارات", "بالهجوم"). (Kept per
    word: the act words of a lexicon are few, and the strip and test cost more than a look-up.)"""
    memo = _DEFINITE
    hit = memo.get(text)
    if hit is None:
        if len(memo) >= MEMO_WORDS:
            memo.clear()
        hit = memo[text] = text.lstrip("وفب").startswith(("ال", "لل"))
    return hit


def told_by_definite_nouns(triggers: list[Mention]) -> bool:
    """Every act word a definite noun ("المعركة", "الهجوم", "والغارات"): the act retold, or named
    in general, rather than told as it happened."""
    for t in triggers:  # noqa: SIM110 (a loop, not all() over a generator: one or two words)
        if not definite(t.text):
            return False
    return True


def claims(m: Mention | None) -> bool:
    """A named armed group right after a claiming verb ("وتبنت الحركة الهجوم"; the mark is set by
    recognize/actors.py with actors_context._claimed_by_it)."""
    return m is not None and bool(m.attrs.get("claims")) and m.attrs.get("kind") in NON_STATE_ARMED


@cython.locals(a=Sig, b=Sig)
def _allies_on_one_foe(a: Sig, b: Sig) -> bool:
    """Two attackers of one government's camp fighting one foe, one of them told only by a
    definite noun ("حررت قوات الجيش مواقع … عقب مواجهات مع الحوثيين … وشارك طيران التحالف في
    المعركة"): the battle retold with an ally."""
    return (
        a.event_type == b.event_type
        and (a.retelling or b.retelling)
        and not a.camp1.isdisjoint(b.camp1)
        and (a.name2 is None or b.name2 is None or a.name2 == b.name2)
    )


@cython.locals(a=Sig, b=Sig)
def _slack(a: Sig, b: Sig) -> int:
    """Days two tellings' own days may differ by and still tell one incident: the slack is for
    "أمس" and "الليلة الماضية" told from two ends of a night; two dates written out are two days."""
    return 0 if a.exact_day and b.exact_day else SAME_DAY_SLACK


@cython.locals(a=Sig, b=Sig)
def _days_apart(a: Sig, b: Sig) -> str | None:
    da, db = a.own_date, b.own_date
    if da is not None and db is not None and abs((da - db).days) > _slack(a, b):
        return f"two days ({a.date_text}, {b.date_text})"
    if da != db and _two_towns(a, b):
        # The day's slack is for one incident told from two ends of a night; in two towns as
        # well, the tellings are two incidents ("قصفت ليلة أمس بلدة …" beside today's strike).
        return f"two days and two places ({a.date_text}, {b.date_text})"
    return None


@cython.locals(a=Sig, b=Sig)
def _two_towns(a: Sig, b: Sig) -> bool:
    """Whether two tellings are placed at two different towns or districts."""
    return (
        a.specific and b.specific and a.place is not None and b.place is not None and a.place.id != b.place.id
    )


@cython.locals(a=Sig, b=Sig)
def _places_apart(a: Sig, b: Sig) -> str | None:
    ca, cb = a.place, b.place
    if ca is None or cb is None or ca.id == cb.id:
        return None
    if ca.country_code != cb.country_code:
        return f"places in two countries ({ca.name}, {cb.name})"
    if a.specific and b.specific:
        d = km(ca, cb)
        if d > SAME_PLACE_KM:
            return f"places {d:.0f} km apart ({ca.name}, {cb.name})"
        if a.family == "demonstration" and ca.kind == cb.kind == "populated":
            # Crowds in two towns are two events, however close the towns (Khartoum, Bahri and
            # Omdurman); the distance allowance is for the villages of one battle front.
            return f"demonstrations in two towns ({ca.name}, {cb.name})"
        if (
            ((a.explicit_air and b.explicit_air) or (a.guns and b.guns))
            and not (a.definite or b.definite)
            and d > STRIKES_APART_KM
        ):
            # Air strikes or gunfire told at two towns or districts, each by a sure word of its own
            # ("استهدف بغارتين منطقة الجاح، وبثلاث غارات مديرية التحيتا"): two events, however
            # close; "الغارات" told again at another place retells them.
            return f"strikes at two places ({ca.name}, {cb.name})"
        return None
    # A region or governorate and a place: one incident when the place lies inside it.
    if ca.admin1 and cb.admin1 and ca.admin1 != cb.admin1:
        return f"places in two provinces ({ca.admin1}, {cb.admin1})"
    return None


@cython.locals(a=Sig, b=Sig)
def _sig_retold(a: Sig, b: Sig) -> bool:
    """ "وكان الانفجار قد وقع مساء أمس": a pluperfect retelling of the news itself, not an
    earlier incident — its own day is the news day (within the slack), or it names no day but
    the same place."""
    if a.own_date is not None and b.own_date is not None:
        return abs((a.own_date - b.own_date).days) <= _slack(a, b)
    return a.place is not None and b.place is not None and a.place.id == b.place.id


def _sides(c: Candidate, name: ActorName) -> set[object]:
    return {name(m.value) for m in (c.actor1, c.actor2) if m is not None}


def recalled_specifically(c: Candidate) -> bool:
    """A background incident is worth an event only when the report recalls it with its own day
    or its own place (CODING.md §1); a passing "after weeks of clashes" is context, not data.
    (The coder then keeps a dated report's background event only with a day of its own:
    EventCoder.code, after the date is coded.)"""
    # (Candidate.date spelt out: a property read twice)
    own_date = bool(c.dates) and not c.inherited_date and c.dates[0].value.date is not None
    return own_date or _place_of(c) is not None


GUNS = ("artillery", "mortar")  # a gun named beside "قصف": shelling from the ground, not missiles
EXPLICIT = 1.0  # only unambiguous cues ("قصف مدفعي", "غارات") split an incident by its means


def join_coinciding(events: list[Candidate]) -> list[Candidate]:
    """ "24 قتيلا في انفجار سيارة مفخخة في سوق بعقوبة … وسبعة آخرون في تفجير آخر شرقي المدينة":
    another incident the report announces, of the same type in the same place on the same day,
    is the same ACLED event (CODING.md §1: one event per type, actors, place and day); its dead
    are added, not compared (§6: the lowest figure is for one incident told twice)."""
    out: list[Candidate] = []
    for c in events:
        same = next((e for e in out if _coincide(e, c)), None) if c.announced else None
        if same is None:
            out.append(c)
            continue
        same.separate_tolls.append(c.casualties)
        same.separate_tolls.extend(c.separate_tolls)
        same.triggers.extend(c.triggers)
        same.sentences |= c.sentences
        same.log.append(
            f"'{c.trigger.text}' (sentence {c.sentence}): another incident, same type, place and day: its dead added"
        )
    return out


def _coincide(a: Candidate, b: Candidate) -> bool:
    if a.coded_type != b.coded_type or a.background != b.background:
        return False
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.value.choice is None or pb.value.choice is None:
        return False
    if pa.value.choice.id != pb.value.choice.id:
        return False
    da = a.date.value.date if a.date is not None else None
    db = b.date.value.date if b.date is not None else None
    return da == db
