"""Where and when an event happened (CODING.md §4-5), for the coder (events/coding.py): its
place's columns and coordinates with their precision, and its date with its precision and
whether the event is the report's news (primary) or background."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from marsad.doc import Doc, Mention
from marsad.events.background import is_recent, latest_day
from marsad.events.candidate import Candidate
from marsad.events.coding_sides import SideFinder
from marsad.events.coding_state import Coding
from marsad.knowledge.gazetteer import Place
from marsad.models import Span
from marsad.recognize.places import PlaceRef


class PlaceDateCoding(SideFinder):
    """The coder's place and date columns (EventCoder joins them)."""

    def _code_place(
        self,
        c: Candidate,
        s: Coding,
        ev: dict[str, object],
        evidence: dict[str, list[Span]],
        span: Callable[[Mention], Span],
    ) -> None:
        """The place columns, or only the country's when no place was found."""
        place, place_m, country_place = s.place, c.place, s.country_place
        if place is not None and place_m is not None:
            lat, lon, prec, shown = self._coordinates(place_m.value, c)
            ev.update(
                country=place.country, iso=place.iso, region=place.region, admin1=place.admin1,
                admin2=place.admin2, location=shown.name, latitude=lat, longitude=lon, geo_precision=prec,
            )  # fmt: skip
            evidence["location"] = [span(place_m)]
        elif country_place is not None:
            ev.update(country=country_place.country, iso=country_place.iso, region=country_place.region)

    def _coordinates(self, ref: PlaceRef, c: Candidate) -> tuple[float, float, int, Place]:
        place = ref.choice
        assert place is not None
        gaz = self.k.gazetteer
        if place.kind == "region" or place.kind == "country":
            return place.latitude, place.longitude, 3, place
        seat = gaz.admin1_seat(place.country_code, place.admin1) if place.admin1 else None
        # (A governorate named by its seat city without "محافظة" was already resolved to the city
        # by the place recogniser.)
        if place.kind == "admin1" or (ref.cue == "province_before" and place.kind != "populated"):
            shown = seat or place
            return shown.latitude, shown.longitude, 3, shown
        if ref.cue == "countryside_before":
            # The countryside of a governorate seat is a region of the governorate (3); of a town, 2.
            if seat is not None and (seat.id == place.id or seat.name == place.name):
                return seat.latitude, seat.longitude, 3, seat
            return place.latitude, place.longitude, 2, place
        if place.kind == "admin2":
            return place.latitude, place.longitude, 2, place
        if c.inherited_place or ref.cue == "near_before":
            return place.latitude, place.longitude, 2, place
        return place.latitude, place.longitude, 1, place

    def _code_date(
        self,
        doc: Doc,
        c: Candidate,
        ev: dict[str, object],
        evidence: dict[str, list[Span]],
        span: Callable[[Mention], Span] = Mention.span,
    ) -> None:
        dm = c.date
        if dm is not None and c.inherited_date and not is_recent(doc.published, dm.value.date):
            dm = None  # a recalled incident's date cannot stand for the undated news (CODING.md §1)
        d: date | None = dm.value.date if dm is not None else None
        precision = dm.value.precision if dm is not None else 3
        if dm is not None and d is None:
            precision = 3
        if dm is None and doc.published is not None and not c.background:
            d, precision = doc.published, 2  # §5: a primary event with no day given
        if dm is not None and c.inherited_date and d is not None:
            precision = max(precision, 1)
        ev["event_date"] = d.isoformat() if d else ""
        ev["year"] = d.year if d else None
        ev["time_precision"] = precision
        if dm is not None and d is not None:
            evidence["event_date"] = [span(dm)]
        ev["primary"] = not c.background and is_recent(
            doc.published,
            latest_day(dm, c.triggers) if dm is not None and d is not None else d,
        )
