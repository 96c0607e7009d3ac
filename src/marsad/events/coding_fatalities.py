"""An event's fatalities and injuries (CODING.md §6), for the coder (events/coding.py): the
tolls that belong to it (not period totals, recalled tolls or other days'), added up with those
of the incidents joined into it, and an assassination told with no toll."""

from __future__ import annotations

from collections.abc import Callable

from marsad.doc import ACTOR, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.coding_sides import SideFinder
from marsad.events.coding_state import Coding
from marsad.events.fatalities import figure
from marsad.events.wording import assassination
from marsad.knowledge.lexicon import ActorEntry
from marsad.models import Span


class FatalityCoding(SideFinder):
    """The coder's fatality and injury columns (EventCoder joins them)."""

    def _code_fatalities(
        self,
        doc: Doc,
        c: Candidate,
        s: Coding,
        ev: dict[str, object],
        evidence: dict[str, list[Span]],
        span: Callable[[Mention], Span],
    ) -> bool:
        """The fatalities and injuries columns, with the tolls behind them; False: no event (a
        toll told with no incident)."""
        # Period totals, recalled tolls and other days' tolls are no figure of this event.
        dm = c.dates[0] if c.dates else None
        day = dm.value.date if dm is not None and ev["time_precision"] == 1 else None
        told = {t.sentence for t in c.triggers}
        counted = [
            m
            for m in c.casualties
            if self.fatality_filter.belongs(doc, m, day, c.background, c.triggers, told)
        ]
        if self.fatality_filter.only_a_total(doc, c.triggers, c.casualties):
            return False  # "مما أسفر عن مقتل 40 ألف شخص" after "منذ ثلاثة عقود": a toll, no incident
        if s.event_type == "Strategic developments":
            # ACLED's developments are non-violent: a death told with an arrest or a seizure ("عشية
            # الاعتداء الذي قتل فيه رجل") belongs to a violent event of its own.
            counted = [m for m in counted if m.value.kind != "killed"]
        self.fatality_filter.mark_other_estimates(doc, counted)
        self.fatality_filter.mark_added(doc, counted)
        self.fatality_filter.mark_risen(doc, counted)
        killed = [m for m in counted if m.value.kind == "killed"]
        injured = [m for m in counted if m.value.kind == "injured"]
        ev["fatalities"] = figure(killed, self._victim_sides(doc, killed)) or 0
        ev["injuries"] = figure(injured)
        for toll in c.separate_tolls:  # other incidents joined into this event: their dead add up
            own = [
                m for m in toll if self.fatality_filter.belongs(doc, m, day, c.background, c.triggers, told)
            ]
            ev["fatalities"] += figure([m for m in own if m.value.kind == "killed"]) or 0
            hurt = figure([m for m in own if m.value.kind == "injured"])
            if hurt:
                ev["injuries"] = (ev["injuries"] or 0) + hurt
            killed += own
        if (
            not ev["fatalities"]
            and s.sub in ("Attack", "Armed clash")
            and (kill := assassination(doc, self.k, c)) is not None
        ):
            # "اغتال مسلحون إمام مسجد", "اغتال مسلحون ضابطا": an assassination told with no toll
            # killed one person.
            ev["fatalities"] = 1
            evidence["fatalities"] = [span(kill)]
        if killed:
            evidence["fatalities"] = [span(m) for m in killed]
        if injured:
            evidence["injuries"] = [span(m) for m in injured]
        return True

    def _victim_sides(self, doc: Doc, killed: list[Mention]) -> Callable[[Mention], frozenset[str]]:
        """The actors named among a casualty mention's words ("لقي سبعة من عناصر ميليشيا الحوثي
        مصرعهم": the Houthis), by canonical name, for `figure`. Unnamed armed men ("المسلحين")
        name no side: they may be the group named in another sentence — unless the only sides
        the other tolls name are state or police forces ("قتلت ستة مسلحين … جنديين قتلا"): armed
        men are not the troops, so they are a side of their own."""
        actors = self.k.actors

        def named(m: Mention) -> list[ActorEntry]:
            lo, hi = m.start, m.end
            if m.value.victim is not None:
                lo, hi = min(lo, m.value.victim[0]), max(hi, m.value.victim[1])
            # "16 جنديا ماليا": the name may run past the figure's words; and the owner in construct
            # right after them is the victims' side ("مقتل 11 من عناصر التنظيم": the group's)
            text = doc.text
            return [
                actors[a.value]
                for a in doc.in_sentence(ACTOR, m.sentence)
                if lo <= a.start < hi or (a.start == hi + 1 and text[hi] == " ")
            ]

        found = [named(m) for m in killed]
        kinds = {e.kind for es in found for e in es}
        unnamed_apart = "unidentified" in kinds and kinds - {"unidentified"} <= {"state", "police"}
        by_mention = {id(m): es for m, es in zip(killed, found, strict=True)}

        def sides(m: Mention) -> frozenset[str]:
            es = by_mention.get(id(m))
            if es is None:
                es = named(m)
            return frozenset(e.name for e in es if unnamed_apart or e.kind != "unidentified")

        return sides
