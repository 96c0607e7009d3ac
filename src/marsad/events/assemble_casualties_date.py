"""The tolls of a report's candidates (the candidate each casualty mention belongs to) and the
report date its undated candidates inherit (CODING.md §5-6)."""

from __future__ import annotations

from operator import attrgetter

from marsad.doc import ACTOR, CASUALTY, DATE, NONEVENT, TRIGGER, Doc, Mention
from marsad.events.background import news_dates
from marsad.events.candidate import Candidate
from marsad.events.incidents import CROWD_KINDS, FAMILY
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CUE_REACH, first_cue, words_before

# Sort keys read in C (no Python call per item).
_START = attrgetter("start")
_SENTENCE_CLAUSE = attrgetter("sentence", "clause")


class CasualtiesAndDate:
    """The assembler's part (events/assemble.py) that attaches tolls and finds the report date."""

    k: Knowledge

    def _attach_casualties(self, doc: Doc, cands: list[Candidate]) -> None:
        blocked = {ne.sentence for ne in doc.get(NONEVENT)}
        by_sent: dict[int, list[Candidate]] = {}
        last: dict[int, int] = {}  # sentence → position in `cands` of its last candidate
        for i, c in enumerate(cands):
            by_sent.setdefault(c.sentence, []).append(c)
            last[c.sentence] = i
        for cm in doc.get(CASUALTY):
            owners = by_sent.get(cm.sentence)
            if owners:
                # The candidate told nearest before it in the sentence (by any of its words:
                # "بمقتل 20 في غارات … واشتباكات" — the killing word went with the air strikes),
                # else the one told first after it.
                # A candidate told in the toll's own clause first ("…، فيما قضى ثمانية آخرون في
                # انفجار لغم": the mine's, not the sniper's fire told before it).
                mine = [c for c in owners if any(t.clause == cm.clause for t in c.triggers)]
                if mine and len(mine) < len(owners):
                    owners = mine
                owner, best = None, -1
                for c in owners:
                    for t in c.triggers:
                        if best < t.start <= cm.start:
                            owner, best = c, t.start
                if owner is None:
                    owner = min(owners, key=lambda c: min(t.start for t in c.triggers))
                if FAMILY.get(owner.event_type) == "demonstration" and self._a_cause(doc, cm):
                    continue  # "مسيرة … للمطالبة ببديل اقتصادي بعد مقتل شقيقين في بئر فحم": its cause
                owner.casualties.append(cm)
            elif cm.sentence not in blocked:
                # A toll told in its own sentence belongs to the incident just told: the last
                # candidate of the two sentences before (looked up, not a scan of all: issue 11).
                prev = [last[s] for s in (cm.sentence - 2, cm.sentence - 1) if s in last]
                if prev:
                    cands[max(prev)].casualties.append(cm)

    def _a_cause(self, doc: Doc, cm: Mention) -> bool:
        """Whether a word of cause (cues.yaml protest_cause_before) stands right before the toll,
        whose dead are no demonstrators: the deaths a demonstration answers, not deaths at it
        ("بعد مقتل متظاهر برصاص قوات الأمن" is force met at an earlier demonstration)."""
        if any(
            a.attrs.get("kind") in CROWD_KINDS and cm.start <= a.start < cm.end
            for a in doc.in_sentence(ACTOR, cm.sentence)
        ):
            return False
        fs = doc.folded.folded_index(cm.start)
        words = words_before(doc.folded.text, fs, max(0, fs - CUE_REACH), 3)
        return first_cue(words, {"cause": self.k.cues["protest_cause_before"]}, max_distance=1) is not None

    # --- dates -----------------------------------------------------------------------------
    def _report_date(self, doc: Doc) -> tuple[Mention | None, str | None]:
        """The date a report's undated clauses inherit: the one nearest after a trigger. Only a
        day counts: "الأسبوع الماضي" or "الشهر الماضي" dates its own clause, not the report's
        other incidents (those take the publication day, CODING.md §5)."""
        dates = news_dates(
            doc,
            [
                d
                for d in doc.get(DATE)
                if (d.value.date is not None or d.value.kind != "absolute") and d.value.precision == 1
            ],
        )
        if not dates:
            return None, None
        # The words that may stand before a day, in the days' sentences only (the others are
        # never asked about).
        days_told = {d.sentence for d in dates}
        near = [a for a in doc.get(TRIGGER) + doc.get(NONEVENT) if a.sentence in days_told]
        near.sort(key=_START)
        anchors: dict[int, list[Mention]] = {}
        for a in near:
            anchors.setdefault(a.sentence, []).append(a)

        def score(d: Mention) -> tuple[int, int]:
            prev = [a for a in anchors.get(d.sentence, ()) if a.end <= d.start]
            if prev and prev[-1].label == TRIGGER:
                return (0, d.start - prev[-1].end)
            return (1, d.start)

        best = min(dates, key=score)
        prev = [a for a in anchors.get(best.sentence, ()) if a.end <= best.start]
        told = prev[-1] if prev and prev[-1].label == TRIGGER else None
        return best, (FAMILY.get(told.value.event_type) if told is not None else None)
