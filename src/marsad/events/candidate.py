"""A clause candidate of event assembly (CODING.md §1): the event one clause tells, with its
arguments, and what merging other tellings into it has added. Assembly (marsad.events.assemble)
makes them; linking and the incident rules (marsad.events.linking, .incidents) merge them; the
coder (marsad.events.coding) codes each kept one as an event.
"""

from __future__ import annotations

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython
try:  # Cython's dataclass: compiled, an extension class whose fields are C struct members
    from cython.dataclasses import dataclass, field
except ImportError:
    from dataclasses import dataclass, field

from marsad.doc import Mention


# Compiled, an extension class (issue 11): its properties are C getters reading its fields in C,
# not Python functions called through the property.
@dataclass
@cython.cclass
class Candidate:
    sentence: int
    clause: int
    triggers: list[Mention]
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)  # best first
    dates: list[Mention] = field(default_factory=list)
    casualties: list[Mention] = field(default_factory=list)
    weapons: list[Mention] = field(default_factory=list)
    background: bool = False
    inherited_place: bool = False
    intervention: bool = False  # a protest met with arrests, dispersal or force
    sentences: set[int] = field(default_factory=set)  # every sentence that told part of it
    inherited_date: bool = False
    # actor1 read off the event's own words (an unnamed air force from the report's context)
    inferred_actor1: bool = False
    log: list[str] = field(default_factory=list)  # why mentions were merged or kept apart (explain)
    retype: tuple[str, str] | None = None  # (event type, sub-event type) set by report context
    announced: bool = False  # the report announced it as another incident ("وفي هجوم آخر")
    # Tolls of other incidents of the same type, place and day joined into this event (added).
    separate_tolls: list[list[Mention]] = field(default_factory=list)
    # Fire launched from one place at another (events/launch.py): the PLACE it came from, and the
    # country it was aimed at.
    origin: Mention | None = None
    target_country: str | None = None
    # Told as the act another answered ("ردا على إطلاق صواريخ", events/answered.py).
    answered: bool = False
    # Told as the answer its author gave ("وردت الفصائل بقصف …", events/answered.py).
    retort: bool = False

    def twin(self) -> Candidate:
        """A copy for one part of the incident (a place of a list, a means of fire), with lists
        and sets of its own: later merges into one twin must not reach the others. (Field by
        field, every one of them: copy.copy goes through __reduce_ex__ at ten times the cost.)"""
        t = cython.declare(Candidate, Candidate.__new__(Candidate))  # (compiled: set in C)
        t.sentence, t.clause = self.sentence, self.clause
        t.triggers, t.assoc1, t.assoc2 = list(self.triggers), list(self.assoc1), list(self.assoc2)
        t.places, t.dates, t.casualties = list(self.places), list(self.dates), list(self.casualties)
        t.weapons, t.log, t.separate_tolls = list(self.weapons), list(self.log), list(self.separate_tolls)
        t.sentences = set(self.sentences)
        t.actor1, t.actor2, t.origin = self.actor1, self.actor2, self.origin
        t.background, t.inherited_place, t.inherited_date = (
            self.background,
            self.inherited_place,
            self.inherited_date,
        )
        t.intervention, t.inferred_actor1, t.announced = (
            self.intervention,
            self.inferred_actor1,
            self.announced,
        )
        t.retype, t.target_country = self.retype, self.target_country
        t.answered, t.retort = self.answered, self.retort
        return t

    @property
    def coded_type(self) -> tuple[str, str]:
        lead = self.triggers[0].value
        return self.retype or (lead.event_type, lead.sub_event_type)

    @property
    def trigger(self) -> Mention:
        return self.triggers[0]

    @property
    def event_type(self) -> str:
        return self.retype[0] if self.retype else self.triggers[0].value.event_type

    @property
    def place(self) -> Mention | None:
        return self.places[0] if self.places else None

    @property
    def date(self) -> Mention | None:
        return self.dates[0] if self.dates else None


def clause_candidate(sent: int, clause: int, trigs: list[Mention]) -> Candidate:
    """`Candidate(sent, clause, trigs, sentences={sent})`, field by field (issue 11): from source
    a dataclass's __init__ runs at twice the cost of these stores; compiled, they are C stores
    into a typed local, not keyword arguments parsed. tests/test_assembly_paths.py checks that
    every field is set as the __init__ sets it."""
    c = cython.declare(Candidate, Candidate.__new__(Candidate))  # (no field set yet: all are, below)
    c.sentence, c.clause, c.triggers = sent, clause, trigs
    c.actor1 = c.actor2 = c.origin = c.retype = c.target_country = None
    c.assoc1, c.assoc2, c.places, c.dates, c.casualties, c.weapons = [], [], [], [], [], []
    c.log, c.separate_tolls = [], []
    c.sentences = {sent}
    c.background = c.inherited_place = c.intervention = c.inherited_date = False
    c.inferred_actor1 = c.announced = c.answered = c.retort = False
    return c
