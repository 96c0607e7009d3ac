"""Pipeline components wrapping the date and casualty recognisers (recognize.dates / .numbers)."""

from __future__ import annotations

import re

from marsad.doc import CASUALTY, DATE, Doc
from marsad.knowledge.resources import Knowledge
from marsad.recognize.dates import find_dates
from marsad.recognize.numbers import find_casualties


class DateRecognizer:
    """DATE mentions; value = DateMention (resolved against the publication date, CODING.md §5)."""

    name = "dates"

    def __init__(self, knowledge: Knowledge) -> None:
        words = "|".join(re.escape(w) for w in knowledge.cue_words("anniversary_before"))
        # "في ذكرى 30 يونيو 1989": an anniversary names the old date, not the event's.
        self._anniversary = re.compile(rf"(?:{words})\S*\s+(?:\S+\s+)?$")

    def __call__(self, doc: Doc) -> Doc:
        for dm in find_dates(doc.text, doc.published):
            before = doc.folded_slice(max(0, dm.start - 20), dm.start)
            if self._anniversary.search(before):
                continue
            doc.add(DATE, dm.start, dm.end, dm)
        return doc


class CasualtyRecognizer:
    """CASUALTY mentions; value = CasualtyMention (killed/injured with the coded figure, §6)."""

    name = "casualties"

    def __call__(self, doc: Doc) -> Doc:
        for cm in find_casualties(doc.text):
            doc.add(CASUALTY, cm.start, cm.end, cm)
        return doc
