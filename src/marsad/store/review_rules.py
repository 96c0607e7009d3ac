"""The checks an edit passes before it is saved (CODING.md), and the fields that follow from it.

A reviewer changes what the machine coded; whatever CODING.md derives from those values is
recomputed here rather than left stale: the event type and disorder type from the sub-event type,
inter codes from known actors, interaction from the inter codes, civilian targeting from actor2,
ISO number and region from the country, the year from the date, and the notes sentence.

Only the groups of fields an edit touches are checked and recomputed, so an imported event the
knowledge base would code otherwise keeps its values when a reviewer corrects something else.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from marsad.models import Event, Span
from marsad.store import codebook
from marsad.store.acled_codes import INTER_LABELS, REGIONS

CIVILIAN_TARGETING = "Civilian targeting"
# The fields the notes sentence is written from (events.notes.write_notes).
NOTE_INPUTS = frozenset(
    {
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "location", "admin1", "country", "geo_precision", "fatalities",
    }
)  # fmt: skip
_INTER_SHOWN = ", ".join(f"{k} {v}" for k, v in INTER_LABELS.items())


class EditRefused(ValueError):
    """An edit that breaks CODING.md: (field, reason) for each problem found."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.errors = errors
        super().__init__("Edit refused: " + "; ".join(f"{f}: {r}" for f, r in errors))


@lru_cache(maxsize=1)
def _knowledge() -> Any:
    from marsad.knowledge.resources import Knowledge

    return Knowledge()


class _Check:
    """One edit being checked: the event as it is, the reviewer's changes, and the result."""

    def __init__(self, current: dict[str, Any], changes: dict[str, Any]) -> None:
        self.current = current
        self.sent = dict(changes)
        self.new = {**current, **changes}
        self.errors: list[tuple[str, str]] = []
        self.derived: dict[str, str] = {}  # field -> what it followed from

    def refuse(self, field: str, reason: str) -> None:
        self.errors.append((field, reason))

    def touched(self, *fields: str) -> bool:
        return any(f in self.sent for f in fields)

    def derive(self, field: str, value: Any, because: str) -> None:
        """Set a field CODING.md derives; a value the reviewer sent for it must agree."""
        if field in self.sent:
            if self.sent[field] != value:
                shown = "empty" if value in ("", None) else repr(value)
                self.refuse(field, f"follows from {because}: it must be {shown}, not {self.sent[field]!r}")
            return
        self.new[field] = value
        if self.current.get(field) != value:
            self.derived[field] = because


def check_edit(
    current: dict[str, Any],
    changes: dict[str, Any],
    *,
    first_published: date | None,
    fatality_evidence: list[Span] | None = None,
) -> tuple[Event, dict[str, str]]:
    """The event after `changes`, checked against CODING.md, with the derived fields recomputed.

    Returns the new event and {field: what it was recomputed from} for the fields the reviewer did
    not send but the edit changed. Raises EditRefused naming every problem at once."""
    try:
        # The types of Event first (callers other than the API send what they like).
        typed = Event.model_validate({**current, **changes}).model_dump(include=set(current))
    except ValidationError as exc:
        raise EditRefused([(".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]) from None
    c = _Check(current, {k: typed.get(k, v) for k, v in changes.items()})
    _ranges(c)
    _taxonomy(c)
    _country(c)
    _actors(c)
    _dates(c, first_published)
    if c.errors:
        raise EditRefused(c.errors)
    ev = Event.model_validate(c.new)
    if "notes" not in c.sent and (c.touched(*NOTE_INPUTS) or NOTE_INPUTS & set(c.derived)):
        from marsad.events.notes import write_notes

        ev.evidence = {"fatalities": fatality_evidence} if fatality_evidence else {}
        notes = write_notes(ev, _knowledge())
        ev.evidence = {}
        if notes != current.get("notes"):
            ev.notes = notes
            c.derived["notes"] = "the edited fields"
    return ev, c.derived


def _ranges(c: _Check) -> None:
    n = c.new
    for field in ("fatalities", "injuries"):
        if field in c.sent and n[field] is not None and n[field] < 0:
            c.refuse(field, "a count cannot be negative")
    if "fatalities" in c.sent and n["fatalities"] is None:
        c.refuse("fatalities", "give a number: 0 when no deaths are reported")
    if "time_precision" in c.sent and n["time_precision"] not in (1, 2, 3):
        c.refuse("time_precision", "must be 1 (day known), 2 (week) or 3 (month)")
    if "geo_precision" in c.sent and n["geo_precision"] not in (None, 1, 2, 3):
        c.refuse("geo_precision", "must be 1 (the town), 2 (near a place) or 3 (a region)")
    if "confidence" in c.sent and not 0.0 <= n["confidence"] <= 1.0:
        c.refuse("confidence", "must be between 0 and 1")
    for field, limit in (("latitude", 90), ("longitude", 180)):
        v = n[field]
        if field in c.sent and v is not None and not -limit <= v <= limit:
            c.refuse(field, f"must be between -{limit} and {limit}")
    if c.touched("latitude", "longitude") and (n["latitude"] is None) != (n["longitude"] is None):
        c.refuse("latitude" if n["latitude"] is None else "longitude", "give latitude and longitude together")


def _taxonomy(c: _Check) -> None:
    """CODING.md §2: every sub-event type belongs to one event type, which fixes the disorder type."""
    for field, allowed, what in (
        ("event_type", codebook.EVENT_TYPES, "an event type"),
        ("sub_event_type", codebook.SUB_TYPES, "a sub-event type"),
    ):
        if field in c.sent:
            hit = codebook.canonical(str(c.sent[field] or ""), allowed)
            if hit is None:
                c.refuse(field, f"{c.sent[field]!r} is not {what}; use one of: {', '.join(allowed)}")
                return
            c.sent[field] = c.new[field] = hit
    if not c.touched("event_type", "sub_event_type", "disorder_type"):
        return
    sub, etype = c.new["sub_event_type"], c.new["event_type"]
    owner = codebook.event_type_of(sub)
    if "sub_event_type" in c.sent and "event_type" not in c.sent and owner:
        c.derive("event_type", owner, "sub_event_type")
    elif owner and owner != etype:
        subs = ", ".join(codebook.sub_types_of(etype))
        if "sub_event_type" in c.sent:
            c.refuse("sub_event_type", f"{sub!r} is a sub-event type of {owner}, not of {etype} ({subs})")
        else:
            c.refuse(
                "event_type", f"{etype} has no sub-event type {sub!r}: change sub_event_type with it ({subs})"
            )
        return
    etype = c.new["event_type"]
    if etype in codebook.DISORDER_TYPES:
        c.derive("disorder_type", codebook.DISORDER_TYPES[etype], "event_type")


def _country(c: _Check) -> None:
    """CODING.md §4: country, ISO number and region go together (countries.yaml)."""
    if not c.touched("country", "iso", "region"):
        return
    country = None
    if "country" in c.sent:
        country = codebook.find_country(str(c.sent["country"] or ""))
        if country is None:
            names = ", ".join(codebook.country_names())
            c.refuse(
                "country",
                f"{c.sent['country']!r} is not a country the knowledge base knows; use one of: {names}",
            )
            return
        c.sent["country"] = c.new["country"] = country.name
    elif "iso" in c.sent:
        country = codebook.country_by_iso(c.sent["iso"]) if c.sent["iso"] is not None else None
        if country is None:
            c.refuse("iso", f"{c.sent['iso']!r} is not the ISO number of a country the knowledge base knows")
            return
        c.derive("country", country.name, "iso")
    else:
        country = codebook.find_country(c.new["country"] or "")
    if country is None:
        # An imported event in a country the knowledge base lacks: only the region list is known.
        if c.new["region"] not in REGIONS.values():
            c.refuse(
                "region",
                f"{c.new['region']!r} is not an ACLED region; use one of: {', '.join(REGIONS.values())}",
            )
        return
    c.derive("iso", country.iso, "country")
    c.derive("region", country.region, "country")


def _side_inter(c: _Check, side: str, country: codebook.Country | None) -> None:
    actor, inter = f"actor{side}", f"inter{side}"
    name = (c.new[actor] or "").strip()
    if actor in c.sent and codebook.has_arabic(name):
        # An Arabic name as the report gives it: the knowledge base's English name, if it is one actor's.
        entries = codebook.actors_for_alias(name)
        if len(entries) != 1:
            c.refuse(
                actor,
                f"{name!r} is not an Arabic name the knowledge base knows: write the English name (CODING.md §3)",
            )
            return
        name = c.sent[actor] = c.new[actor] = codebook.actor_display(entries[0], c.new["country"])
    if not name:
        c.derive(inter, None, f"{actor} (empty)")
        return
    known = codebook.find_actor(name)
    if known is not None:
        c.derive(
            inter, codebook.actor_inter(known, country), f"{actor} ({known.entry.name} in the knowledge base)"
        )
    elif inter in c.sent:
        if c.sent[inter] not in codebook.INTER_CODES:
            c.refuse(inter, f"must be an inter code: {_INTER_SHOWN}")
    elif actor in c.sent:
        c.refuse(actor, f"{name!r} is not in the knowledge base: send {inter} with it ({_INTER_SHOWN})")


def _actors(c: _Check) -> None:
    """CODING.md §3: inter codes from the actors, interaction from the inter codes, civilian
    targeting from actor2."""
    relevant = ("actor1", "actor2", "inter1", "inter2", "interaction", "civilian_targeting", "country")
    moved = "country" in c.derived  # an edit of iso moves the country: state forces may change side
    if not c.touched(*relevant) and not moved:
        return
    country = codebook.find_country(c.new["country"] or "")
    for side in ("1", "2"):
        if c.touched(f"actor{side}", f"inter{side}", "country") or moved:
            _side_inter(c, side, country)
    a1, a2 = (c.new["actor1"] or "").strip(), (c.new["actor2"] or "").strip()
    if c.touched("actor1", "actor2"):
        if not a1 and not a2:
            c.refuse("actor1", "an event needs at least one actor")
        elif a1 and a1.casefold() == a2.casefold():
            c.refuse("actor2", "the same actor cannot be on both sides")
    inter1, inter2 = c.new["inter1"], c.new["inter2"]
    code = codebook.interaction(inter1, inter2)
    sent = c.sent.get("interaction")
    if "interaction" in c.sent and sent is not None and str(sent) != code:
        c.refuse("interaction", f"follows from inter1 and inter2: it must be {code or 'empty'}, not {sent}")
    elif c.new["interaction"] != code:
        c.sent.pop("interaction", None)
        c.derive("interaction", code, "inter1 and inter2")
    targeting = CIVILIAN_TARGETING if inter2 == codebook.CIVILIANS else ""
    if "civilian_targeting" in c.sent:
        given = str(c.sent["civilian_targeting"] or "")
        if given.casefold() == targeting.casefold():
            c.sent["civilian_targeting"] = c.new["civilian_targeting"] = targeting
    if c.touched("actor2", "inter2", "civilian_targeting"):
        c.derive("civilian_targeting", targeting, "actor2 (civilians are the target when inter2 is 7)")


def _dates(c: _Check, first_published: date | None) -> None:
    """CODING.md §5: a real day (or empty when unknown), never after the first report about it."""
    if not c.touched("event_date", "year"):
        return
    raw = str(c.new["event_date"] or "").strip()
    day = None
    if raw:
        try:
            if len(raw) != 10:
                raise ValueError(raw)
            day = date.fromisoformat(raw)
        except ValueError:
            c.refuse("event_date", f"{raw!r} is not a real date: use YYYY-MM-DD, or empty when unknown")
            return
        if first_published is not None and day > first_published:
            c.refuse("event_date", f"{raw} is after the first report about it (published {first_published})")
        elif day > datetime.now(UTC).date():
            c.refuse("event_date", f"{raw} is in the future")
    c.new["event_date"] = raw
    c.derive("year", day.year if day else None, "event_date")
