"""Pipeline components wrapping the date and casualty recognisers (recognize.dates / .casualties)."""

from __future__ import annotations

import bisect
import re

from marsad.doc import CASUALTY, DATE, Doc
from marsad.knowledge.resources import Knowledge
from marsad.recognize.casualties import REFERRING, find_casualties
from marsad.recognize.cues import WORD, first_cue
from marsad.recognize.dates import DateMention, find_dates
from marsad.text import tokens
from marsad.text.normalize import fold

# The kinds of day a reporting verb's own day takes ("أعلن الجيش، الجمعة،", "قال أمس").
ANNOUNCED_KINDS = ("weekday", "relative")
REPORTING_REACH = 8  # words before a date where a reporting verb makes it the day of the report


class DateRecognizer:
    """DATE mentions; value = DateMention (resolved against the publication date, CODING.md §5)."""

    name = "dates"

    def __init__(self, knowledge: Knowledge) -> None:
        words = "|".join(re.escape(w) for w in knowledge.cue_words("anniversary_before"))
        # "في ذكرى 30 يونيو 1989": an anniversary names the old date, not the event's.
        self._anniversary = re.compile(rf"(?:{words})\S*\s+(?:\S+\s+)?$")
        self._reporting = knowledge.cues["reporting_verbs"]
        self._onset_cues = {"onset_before": knowledge.cues["onset_before"]}
        self._ongoing = knowledge.cues["ongoing_verbs"]

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for dm in find_dates(doc.text, doc.published):
            before = doc.folded_slice(max(0, dm.start - 20), dm.start)
            if self._anniversary.search(before):
                continue
            kept.append(dm)
        starts = [d.start for d in kept]  # find_dates gives them sorted
        for i, dm in enumerate(kept):
            sent, _ = doc.locate(dm.start)
            # The dates after this one in its sentence (a slice, not every later date of the
            # report: a long report has thousands).
            end = bisect.bisect_left(starts, doc.sentences[sent].end, i + 1) if sent >= 0 else i + 1
            if (
                dm.kind in ANNOUNCED_KINDS
                and 0 <= sent < len(doc.sentences) - 1
                and self._reports_on(doc, sent + 1)
            ):
                # "ونقلت وسائل إعلام أن مقتل المسلحين كان في 12 يونيو": the next sentence, told
                # as a report too, may give the day of what was announced.
                end = bisect.bisect_left(starts, doc.sentences[sent + 1].end, i + 1)
            if self._announcement_day(doc, dm, kept[i + 1 : end]):
                continue
            if self._since(doc, dm):
                # "وتشن أنقرة منذ 20 يناير هجوما": the day a campaign began (events/assemble_kept.py)
                doc.add(DATE, dm.start, dm.end, dm, since=True)
            else:
                doc.add(DATE, dm.start, dm.end, dm)
        return doc

    def _reports_on(self, doc: Doc, sent: int) -> bool:
        """The sentence opens with a reporting verb ("ونقلت", "وأضاف", "وقال")."""
        seg = doc.sentences[sent]
        # (WORD.findall of the folded slice, from the report's shared tokens: a regex pass over
        # the slice cost several times as much; so below)
        fi = doc.folded.folded_index
        words = tokens.words_after(doc.folded.text, fi(seg.start), fi(min(seg.end, seg.start + 30)), 2)
        return self._reporting.found_in(words)

    def _since(self, doc: Doc, d: DateMention) -> bool:
        """The date right after "منذ" (not "منذ يومين", two days ago, whose span holds the word),
        with a verb of an act going on a few words before it ("وتشن أنقرة منذ 20 يناير")."""
        fi = doc.folded.folded_index
        folded, pos, lo = doc.folded.text, fi(d.start), fi(max(0, d.start - 50))
        if folded.find("منذ", lo, pos) < 0:
            return False  # (most dates: no word of the stretch can be "منذ", none need be read)
        # (the last five words, all that is read below)
        before = tokens.words_before(folded, pos, lo, 5)
        if not before or before[-1] not in ("منذ", "ومنذ"):
            return False
        return any(self._ongoing.has_word(w) for w in before[-5:-1])

    def _onset(self, doc: Doc, d: DateMention) -> bool:
        """ "معارك بدأت مساء الإثنين": the day something began, not the day of what is announced."""
        words = WORD.findall(doc.folded_slice(max(0, d.start - 40), d.start))
        return first_cue(words, self._onset_cues, 3) is not None

    def _announcement_day(self, doc: Doc, dm: DateMention, later: list[DateMention]) -> bool:
        """ "أعلن المرصد، الجمعة، أن 44 شخصا قتلوا خلال الليلة الماضية": the day right after a
        reporting verb is when it was said; another day later in the sentence is the event's."""
        if dm.kind not in ANNOUNCED_KINDS or dm.date is None:
            return False
        sent, _ = doc.locate(dm.start)
        if sent < 0:
            return False
        seg = doc.sentences[sent]
        other = [d for d in later if d.date is not None and d.date < dm.date and not self._onset(doc, d)]
        if not other:
            return False
        fi = doc.folded.folded_index
        words = tokens.words_before(doc.folded.text, fi(dm.start), fi(seg.start), REPORTING_REACH)
        return self._reporting.found_in(words)


_PART = {"part": True}


class CasualtyRecognizer:
    """CASUALTY mentions; value = CasualtyMention (killed/injured with the coded figure, §6)."""

    name = "casualties"

    def __call__(self, doc: Doc) -> Doc:
        for cm in find_casualties(doc.text):
            # "قتل الآخر": a part of a toll told before (events/fatalities.figure).
            part = cm.victim is not None and fold(doc.text[cm.victim[0] : cm.victim[1]]) in REFERRING
            doc.add(CASUALTY, cm.start, cm.end, cm, **_PART if part else {})
        return doc
