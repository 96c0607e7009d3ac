"""The `notes` column: one or two neutral English sentences in ACLED's register (CODING.md §7)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from marsad.knowledge.resources import Knowledge
from marsad.models import Event

_VAGUE = 10  # §6: the code given to "killed, no number"


def _place_phrase(ev: Event) -> str:
    if not ev.location and not ev.admin1:
        return f"in {ev.country}" if ev.country else ""
    where = ev.location or ev.admin1
    admin = f" ({ev.admin1})" if ev.admin1 and ev.admin1 != where else ""
    if ev.geo_precision == 3:
        return f"in {ev.admin1 or where}" + (f" ({ev.country})" if ev.country else "")
    prep = "near" if ev.geo_precision == 2 else "in"
    return f"{prep} {where}{admin}"


def _fatalities(ev: Event) -> str:
    killed = ev.evidence.get("fatalities")
    if not ev.fatalities:
        return "No fatalities reported."
    if ev.fatalities == _VAGUE and killed and not any(ch.isdigit() for s in killed for ch in s.text):
        return f"Fatalities: an unspecified number reported (coded {_VAGUE})."
    return f"Fatalities: {ev.fatalities}."


def write_notes(ev: Event, k: Knowledge) -> str:
    tpl = k.note_templates.get(ev.sub_event_type, k.note_default)
    a1 = ev.actor1 or "unidentified armed men"
    a2 = ev.actor2 or "unidentified targets"
    body = tpl.format(a1=a1, a2=a2, place=_place_phrase(ev)).replace("  ", " ").replace(" .", ".")
    lead = _lead(ev.event_date, ev.time_precision == 1) if ev.event_date else "On an unreported date, "
    return f"{lead}{body} {_fatalities(ev)}"


@lru_cache(maxsize=4096)  # news tells of a few days again and again: each day's words made once
def _lead(event_date: str, exact: bool) -> str:
    d = date.fromisoformat(event_date)
    return f"On {d.day} {d:%B %Y}, " if exact else f"Around {d.day} {d:%B %Y}, "
