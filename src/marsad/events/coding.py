"""Coding (CODING.md §2-8): every column of an event from its assembled candidate, with evidence."""

from __future__ import annotations

import time
from types import NoneType, UnionType
from typing import Any, get_args

from pydantic import BaseModel

from marsad.doc import Doc, Mention
from marsad.events.assemble import Candidate
from marsad.events.coding_actors import ActorCoding
from marsad.events.coding_fatalities import FatalityCoding
from marsad.events.coding_place_date import PlaceDateCoding
from marsad.events.coding_state import Coding
from marsad.events.coding_type import TypeRefinement
from marsad.events.notes import write_notes
from marsad.knowledge.gazetteer import Place
from marsad.models import Event, Span

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.object import PyObject_GenericSetAttr
    from cython.cimports.cpython.type import PyType_GenericAlloc


class EventCoder(TypeRefinement, ActorCoding, PlaceDateCoding, FatalityCoding):
    """Codes each candidate of a report as an event, step by step: the type and sub-type
    (events/coding_type.py), the sides (events/coding_actors.py), the place and date
    (events/coding_place_date.py), the fatalities (events/coding_fatalities.py); what they
    share, the knowledge and the sides the sentences name, is events/coding_sides.py."""

    name = "code"

    def __call__(self, doc: Doc) -> Doc:
        events = []
        if doc.candidates:
            # The same for every event of the report: found once per report.
            scale = self.k.source_scale(doc.source)
            spans: dict[Mention, Span] = {}
            for i, c in enumerate(doc.candidates):
                ev = self.code(doc, c, i, scale, spans)
                if ev is not None:
                    events.append(ev)
                    if c.retort:
                        doc.answers.add(id(ev))
        doc.events = events
        return doc

    # --- the event -------------------------------------------------------------------------
    def code(
        self,
        doc: Doc,
        c: Candidate,
        index: int,
        source_scale: str | None = None,
        spans: dict[Mention, Span] | None = None,
    ) -> Event | None:
        """One candidate's event, or None. `source_scale` (the report's) and `spans` (the
        evidence span of each mention, shared by the report's events) are the caller's per-report
        values; without them they are found here."""
        if spans is None:
            spans = {}

        def span(m: Mention) -> Span:
            # One Span per mention and report: events sharing a place, date or trigger share it.
            known = spans.get(m)
            if known is None:
                known = spans[m] = _span(m)
            return known

        ev: dict[str, object] = {}
        evidence: dict[str, list[Span]] = {}
        s = self._begin(doc, c)
        self._settlers_hit(s)
        if not self._refine_type(doc, c, s):
            return None
        self._type_columns(c, s, ev, evidence, span)

        # Actors.
        if not self._code_sides(doc, c, s, ev, evidence, span):
            return None

        # Place and geo_precision (§4).
        self._code_place(c, s, ev, evidence, span)

        # Date (§5) and primary/background (§1).
        self._code_date(doc, c, ev, evidence, span)
        if (
            not ev["primary"]
            and ev["time_precision"] != 1
            and (ev["event_date"] or doc.published is not None)
        ):
            # A recalled incident with no day of its own ("في أبريل الماضي", "العام الماضي") is
            # context, not a datable event: its own reports are the source for it (CODING.md §1
            # keeps background events the report recalls specifically). An undated report's
            # undated incident may still be its news.
            return None

        # Fatalities and injuries (§6).
        if not self._code_fatalities(doc, c, s, ev, evidence, span):
            return None
        if c.weapons:
            ev["weapons"] = list(dict.fromkeys(w.value.name for w in sorted(c.weapons, key=_start)))
            evidence["weapons"] = [span(w) for w in c.weapons]
        else:
            ev["weapons"] = []

        ev["source"] = doc.source or ""
        ev["source_scale"] = self.k.source_scale(doc.source) if source_scale is None else source_scale
        ev["article_id"] = doc.article_id
        ev["event_id_cnty"] = f"{doc.article_id}-{index + 1}" if doc.article_id else ""
        ev["timestamp"] = int(time.time())
        ev["confidence"] = _confidence(c, bool(ev["actor1"]), bool(ev["actor2"]))
        event = _as_validated(ev, evidence)
        if event is None:  # (a value the validation may change: validated)
            event = Event(**ev, evidence=evidence)  # type: ignore[arg-type]
        event.notes = write_notes(event, self.k)
        return event

    def _begin(self, doc: Doc, c: Candidate) -> Coding:
        """Where the event happened, and the type and sides its words tell, for the coding rules
        to refine."""
        place_m = c.place
        place: Place | None = place_m.value.choice if place_m is not None else None
        country_code = place.country_code if place else doc.country
        gaz = self.k.gazetteer
        country_place = None
        if country_code:
            try:
                country_place = gaz.country(country_code)
            except KeyError:
                country_place = None
        country = place.country if place else (country_place.country if country_place else "")

        # Type and sub-type: the leading trigger, refined by weapons and by who was targeted.
        event_type, sub = c.coded_type
        a1, a2 = self._entry(c.actor1), self._entry(c.actor2)
        return Coding(
            place=place,
            country_place=country_place,
            country_code=country_code,
            country=country,
            event_type=event_type,
            sub=sub,
            a1=a1,
            a2=a2,
            a1_country=country,
            a2_country=country,
        )


def _plain(model: type[BaseModel], validators: set[str]) -> bool:
    """Whether a model's validation is what the made-alike paths below assume: its fields'
    own checks and these field validators (their values kept), no model validator, no
    post-init, no private attributes, extra keys ignored. Else every instance is validated."""
    found = model.__pydantic_decorators__
    return (
        set(found.field_validators) == validators
        and not found.model_validators
        and model.__pydantic_post_init__ is None
        and not model.__private_attributes__
        and model.model_config.get("extra", "ignore") == "ignore"
    )


# Event's one validator reads a stored number as text (interaction): a str is kept as it is.
_PLAIN_SPAN, _PLAIN_EVENT = _plain(Span, set()), _plain(Event, {"_interaction_text"})


def _span(m: Mention) -> Span:
    """m.span(). Compiled, the Span is made as pydantic-core's validator makes it (_made_alike),
    without the validation around it (~10 k instructions a Span, a few thousand Spans a pass):
    non-negative ints and a str, which a mention's offsets and text are, are what that
    validation would pass through unchanged. Anything else still goes through m.span()."""
    if cython.compiled and _PLAIN_SPAN:
        start, end, text = m.start, m.end, m.text
        if type(start) is int and type(end) is int and type(text) is str and start >= 0 and end >= 0:
            return _made_alike(Span, {"start": start, "end": end, "text": text}, {"start", "end", "text"})
    return m.span()


def _made_alike(model: type[Any], values: dict[str, Any], fields_set: set[str]) -> Any:
    """An instance of `model` as pydantic-core's validator leaves it: allocated, then its
    __dict__, extra, private and fields-set attributes set as object.__setattr__ sets them
    (compiled: the C-API calls themselves)."""
    if cython.compiled:
        made = PyType_GenericAlloc(model, 0)
        PyObject_GenericSetAttr(made, "__dict__", values)
        PyObject_GenericSetAttr(made, "__pydantic_extra__", None)
        PyObject_GenericSetAttr(made, "__pydantic_private__", None)
        PyObject_GenericSetAttr(made, "__pydantic_fields_set__", fields_set)
        return made
    made = model.__new__(model)
    _set = object.__setattr__
    _set(made, "__dict__", values)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    _set(made, "__pydantic_fields_set__", fields_set)
    return made


def _exact_types(annotation: Any) -> tuple[type, ...]:
    """The types of an Event field's values that its validation keeps as they are (an int
    stays an int, where a float field would make it a float); () for the two containers."""
    args = get_args(annotation) if isinstance(annotation, UnionType) else (annotation,)
    return args if all(a in (str, int, float, bool, NoneType) for a in args) else ()


# Event's fields in their order but evidence, each with the types of its values that its
# validation keeps as they are (weapons: ()), and all their defaults in field order (the order
# of a validated event's __dict__; weapons and evidence: their own new list and dict, set apart).
_EVENT_TYPES = tuple(
    (name, _exact_types(f.annotation)) for name, f in Event.model_fields.items() if name != "evidence"
)
_EVENT_DEFAULTS = {name: None if f.default_factory else f.default for name, f in Event.model_fields.items()}
_MISSING = object()


@cython.locals(ev=dict, values=dict, given=set, n=cython.Py_ssize_t)  # (compiled: C look-ups)
def _as_validated(ev: dict[str, Any], evidence: dict[str, list[Span]]) -> Event | None:
    """Event(**ev, evidence=evidence), made as its validation makes it, when every value is one
    that the validation keeps as it is (exact types: no int read as a float, no bool as an int;
    str for the str fields, `interaction` too), which the coding's values are; else None. The
    validation of an event cost as much as its coding."""
    if not _PLAIN_EVENT:
        return None
    given = set()  # the fields given, in field order as the validation adds them (fields set)
    n = 0
    for name, exact in _EVENT_TYPES:
        value = ev.get(name, _MISSING)
        if value is _MISSING:
            continue
        if exact and type(value) not in exact:
            return None
        given.add(name)
        n += 1
    if n != len(ev):
        return None  # a key that is no field (or evidence twice): left to the validation
    given.add("evidence")
    values = dict(_EVENT_DEFAULTS)  # (a copy in field order: each given value replaces its default)
    values.update(ev)
    weapons = _str_list_copy(ev["weapons"]) if "weapons" in ev else []
    if weapons is None:
        return None
    values["weapons"] = weapons  # (a new list, as the validation makes, and a new dict below)
    copied = _evidence_copy(evidence)
    if copied is None:
        return None
    values["evidence"] = copied
    return _made_alike(Event, values, given)


def _str_list_copy(value: Any) -> list[str] | None:
    """A new list of a list of str (what list[str] validation gives back), None for anything else."""
    if type(value) is not list:
        return None
    for w in value:
        if type(w) is not str:
            return None
    return list(value)


@cython.locals(items=dict, spans=list, out=dict)  # (compiled: C iteration, typed once checked)
def _evidence_copy(evidence: Any) -> dict[str, list[Span]] | None:
    """dict[str, list[Span]]'s validation of `evidence`: a new dict of new lists of the same
    Spans (an instance is not validated again); None for anything else."""
    if type(evidence) is not dict:
        return None
    items = evidence
    out = {}
    for key, value in items.items():
        if type(key) is not str or type(value) is not list:
            return None
        spans = value
        for sp in spans:
            if type(sp) is not Span:
                return None
        out[key] = spans[:]
    return out


def _start(m: Mention) -> int:
    return m.start


def _confidence(c: Candidate, has_a1: bool, has_a2: bool) -> float:
    score = 0.35
    score += 0.15 if has_a1 else 0.0
    score += 0.1 if has_a2 else 0.0
    score += 0.15 if c.place is not None and not c.inherited_place else 0.05 if c.place is not None else 0.0
    score += 0.15 if c.dates and not c.inherited_date else 0.05 if c.dates else 0.0
    score += 0.05 if len(c.triggers) > 1 else 0.0
    return round(min(score, 0.95), 2)
