"""Pipeline components wrapping the date and casualty recognisers (recognize.dates / .numbers)."""

from __future__ import annotations

from marsad.doc import CASUALTY, DATE, Doc
from marsad.recognize.dates import find_dates
from marsad.recognize.numbers import find_casualties


class DateRecognizer:
    """DATE mentions; value = DateMention (resolved against the publication date, CODING.md §5)."""

    name = "dates"

    def __call__(self, doc: Doc) -> Doc:
        for dm in find_dates(doc.text, doc.published):
            doc.add(DATE, dm.start, dm.end, dm)
        return doc


class CasualtyRecognizer:
    """CASUALTY mentions; value = CasualtyMention (killed/injured with the coded figure, §6)."""

    name = "casualties"

    def __call__(self, doc: Doc) -> Doc:
        for cm in find_casualties(doc.text):
            doc.add(CASUALTY, cm.start, cm.end, cm)
        return doc
