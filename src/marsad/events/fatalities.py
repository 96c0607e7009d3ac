"""Which casualty figures count for one event, and the figure coded (CODING.md §6).

A report often gives, beside the toll of the incident it announces, tolls that are not that
incident's: a period or campaign total ("مقتل أكثر من 1600 مدني منذ بدء الهجوم", "خلال 24 ساعة"),
the toll of an earlier incident it recalls ("وكان 5 قد قتلوا الأحد الماضي"), or the toll of
another day. Those attach to no event. Of the figures left, conflicting ones give the lowest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from marsad.doc import CUE, DATE, Doc, Mention
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import WORD, CueList
from marsad.text import tokens
from marsad.text.normalize import fold

# Words of a period total looked for right after / right before the figure, in its sentence.
WINDOW_AFTER = 10
WINDOW_BEFORE = 20
DATE_REACH = 50  # characters after a toll where its own date may still stand
_DIGIT = re.compile(r"\d")
_TOLL = re.compile(r"(?:عدد|حصيله)\s+ال")  # "عدد القتلى", "حصيلة الضحايا": a running toll
# "وارتفع عدد القتلى إلى ثمانية": a toll that rose, told with its new figure (folded text).
_RISEN = re.compile(r"^(?:[وف])?(?:ارتفع|ارتفعت|ليرتفع|لترتفع|ارتفاع)\s+(?:عدد|حصيله)\s+ال")
# "ارتفعت حصيلة ضحايا التفجير … إلى تسعة قتلى": the same, the figure told after "إلى" further on
# (the text before the figure, in its sentence).
_RISEN_TO = re.compile(
    r"(?:^|\s)[وف]?(?:ارتفع|ارتفعت|ليرتفع|لترتفع|ارتفاع)\s+(?:عدد|حصيله)\s[^.؟!]*\sالي\s*$"
)
# "منذ 2011", "منذ عام 1989": a count since a year is a running total, whatever the words.
_SINCE_YEAR = re.compile(r"(?:^|\s)منذ\s+(?:(?:عام|العام|سنه|السنه)\s+)?\d{4}(?!\d)")
_SINCE = "منذ"  # the word every _SINCE_YEAR match holds
# What every _RISEN_TO match holds ("ارتفع", "ليرتفع", "ارتفاع", …).
_RISEN_CORE = "رتف"


class FatalityFilter:
    """Tells a casualty mention that belongs to no single incident from one that may."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.after: CueList = knowledge.cues["period_total_after"]
        self.before: CueList = knowledge.cues["period_total_before"]
        self.new_incident: CueList = knowledge.cues["new_incident"]
        self.other_source: CueList = knowledge.cues["other_source_before"]
        self.total: CueList = knowledge.cues["toll_total"]
        self.added: CueList = knowledge.cues["added_toll_before"]
        self.added_after: CueList = knowledge.cues["added_toll_after"]

    def mark_other_estimates(self, doc: Doc, mentions: list[Mention]) -> None:
        """Flag (attr "estimate") a toll told after another of its sentence as another source's
        figure or a total ("… مقتل تسعة، بينما أفادت مصادر أخرى بأن الحصيلة بلغت 14"): the same
        dead, so `figure` weighs it against the rest rather than adding it."""
        first: dict[int, int] = {}
        for m in mentions:
            first[m.sentence] = min(first.get(m.sentence, m.start), m.start)
        for m in mentions:
            if m.start == first[m.sentence] or "estimate" in m.attrs:
                continue
            lo = doc.sentences[m.sentence].start if 0 <= m.sentence < len(doc.sentences) else 0
            # (words_before: WORD.findall of the folded slice, cut, from the shared tokens)
            text, index = doc.folded.text, doc.folded.folded_index
            words = tokens.words_before(text, index(m.start), index(max(lo, m.start - 80)), 8)
            own = WORD.findall(doc.folded_slice(m.start, m.end))
            # Another source's figure, or a total ("الحصيلة بلغت 21", "عدد القتلى 18"): a total
            # is all the dead, never one more group beside those told before it.
            m.attrs["estimate"] = _any_cue_ends(self.other_source, words) or _any_cue_ends(
                self.total, words[-3:] + own
            )

    def mark_added(self, doc: Doc, mentions: list[Mention]) -> None:
        """Flag (attr "added") a toll told as more dead beside those told before ("أدت أيضا إلى
        مقتل مرافقه"): `figure` adds its sentence to the others' figure."""
        for m in mentions:
            lo = doc.sentences[m.sentence].start if 0 <= m.sentence < len(doc.sentences) else 0
            # (the words of the folded windows, from the shared tokens: as in is_period_total)
            text, index = doc.folded.text, doc.folded.folded_index
            words = tokens.words_before(text, index(m.start), index(max(lo, m.start - 40)), 4)
            m.attrs["added"] = self.added.found_in(words) or self.added_after.found_in(
                tokens.words_after(text, index(m.end), index(m.end + 20), 1)
            )

    def mark_risen(self, doc: Doc, mentions: list[Mention]) -> None:
        """Flag (attr "risen") a figure a toll is said to have risen to ("ارتفعت حصيلة ضحايا
        التفجير … إلى تسعة قتلى"): the latest count of the dead, which `figure` takes over the
        counts told as earlier ("وكانت حصيلة أولية قد أشارت إلى مقتل خمسة")."""
        for m in mentions:
            self._risen(doc, m)

    def is_period_total(self, doc: Doc, m: Mention) -> bool:
        """A toll counted over a period or a campaign, not one incident's."""
        if m.attrs.get("period_total") is not None:
            return bool(m.attrs["period_total"])
        sent = doc.sentences[m.sentence] if 0 <= m.sentence < len(doc.sentences) else None
        lo, hi = (sent.start, sent.end) if sent is not None else (0, len(doc.text))
        # The words of the folded windows, from the report's shared tokens (words_after and
        # words_before are WORD.findall of the slice, cut): no regex pass over 320 characters.
        folded = doc.folded
        text = folded.text
        index = folded.folded_index
        words_after = tokens.words_after(text, index(m.end), index(min(hi, m.end + 120)), WINDOW_AFTER)
        words_before = tokens.words_before(text, index(m.start), index(max(lo, m.start - 200)), WINDOW_BEFORE)
        hit = (
            _any_cue_ends(self.after, words_after)
            or _any_cue_ends(self.before, words_before)
            # (_SINCE_YEAR matches only where "منذ" is a word: the words are tested first, the
            # regex, which has no literal prefix to skip ahead by, runs only then)
            or (_SINCE in words_after and _SINCE_YEAR.search(" ".join(words_after)) is not None)
            or (_SINCE in words_before and _SINCE_YEAR.search(" ".join(words_before)) is not None)
        )
        m.attrs["period_total"] = hit
        return hit

    def _opens_new_incident(self, doc: Doc, sentence: int) -> bool:
        seg = doc.sentences[sentence] if 0 <= sentence < len(doc.sentences) else None
        if seg is None:
            return False
        head = WORD.findall(doc.folded_slice(seg.start, min(seg.end, seg.start + 40)))[:5]
        return any(
            (cue := self.new_incident.ends_at(head, i)) is not None and len(cue.words) == i + 1
            for i in range(len(head))
        )

    def only_a_total(self, doc: Doc, triggers: list[Mention], casualties: list[Mention]) -> bool:
        """Every trigger of the candidate is a word of a period total ("مقتل" in "مقتل 40 ألف
        شخص منذ 1984"): the total told no incident."""
        totals = [m for m in casualties if self.is_period_total(doc, m)]
        return bool(totals) and all(
            any(t.start < m.end and m.start < t.end for m in totals) for t in triggers
        )

    def belongs(
        self,
        doc: Doc,
        m: Mention,
        event_date: date | None,
        background: bool,
        triggers: list[Mention],
        told: set[int] | None = None,
    ) -> bool:
        """Whether casualty mention `m` may be counted for an event of `event_date` told by
        `triggers` (`told`: their sentences, when the caller has them)."""
        if self.is_period_total(doc, m):
            return False
        if told is None:
            told = {t.sentence for t in triggers}
        if m.sentence not in told and self._opens_new_incident(doc, m.sentence):
            return False  # "وفي حادث منفصل، قتل جندي": another incident's toll
        # Loops, not comprehensions: most sentences hold no cue, most reports one or two.
        cues = doc.in_sentence(CUE, m.sentence)  # not a scan of all the report's (issue 11)
        if cues:
            recalled = None  # the last "recalled" cue before the toll
            for c in cues:
                if c.value == "recalled" and c.end <= m.start:
                    recalled = c
            if recalled is not None and not any(recalled.end <= t.start < m.start for t in triggers):
                return False  # "بعد ثلاثة أيام على هجوم … أسفر عن مقتل 32": the earlier incident's toll
        for c in doc.get(CUE):
            if c.value == "residue" and c.start <= m.start < c.end:
                return False  # a linked headline's toll
        if cues and not background and any(c.value == "background" for c in cues):
            return False  # an earlier incident's toll, recalled in a background sentence
        if event_date is not None:
            # A toll dated in its own clause, or just after it, on another day is another day's event.
            own = [
                d
                for d in doc.in_sentence(DATE, m.sentence)
                if d.value.date is not None and (d.clause == m.clause or 0 <= d.start - m.end <= DATE_REACH)
            ]
            if own and all(d.value.date != event_date for d in own) and not self._risen(doc, m):
                return False  # (a toll that rose is counted on the day it is told: "اليوم الخميس")
        return True

    @staticmethod
    def _risen(doc: Doc, m: Mention) -> bool:
        """Whether the toll is told as having risen to this figure ("ارتفعت حصيلة … إلى تسعة")."""
        if "risen" not in m.attrs:
            lo = doc.sentences[m.sentence].start if 0 <= m.sentence < len(doc.sentences) else 0
            before = doc.folded_slice(max(lo, m.start - 160), m.start)
            # (the regex, with no literal prefix to skip ahead by, only where its verb may stand)
            m.attrs["risen"] = _RISEN_CORE in before and _RISEN_TO.search(before) is not None
        return bool(m.attrs["risen"])


def _any_cue_ends(cues: CueList, words: list[str]) -> bool:
    """any(cues.ends_at(words, i) for every i), asking ends_at only where a cue may end: most
    words end none, and the memoised ending_in says so in one call."""
    ending_in = cues.ending_in
    # A loop, not any() over a generator: this runs for up to 30 words of every toll.
    for i, w in enumerate(words):  # noqa: SIM110
        if ending_in(w) and cues.ends_at(words, i) is not None:
            return True
    return False


def figure(mentions: list[Mention], sides: Callable[[Mention], frozenset[str]] | None = None) -> int | None:
    """CODING.md §6: sum distinct victim groups within a sentence; across sentences, the lowest
    exact total (vague totals only when no exact one exists) — unless each sentence counts the
    dead of its own side (`sides`: the actors a mention's victims belong to), and then the
    sentences add up ("لقي سبعة من عناصر الميليشيا مصرعهم … مشيرا إلى أن جنديين قتلا")."""
    if not mentions:
        return None
    by_sent: dict[tuple[int, bool], list[Mention]] = {}
    for m in mentions:
        # Another source's figure stands apart: an estimate to weigh, not a group to add.
        by_sent.setdefault((m.sentence, bool(m.attrs.get("estimate"))), []).append(m)
    # Victims told as the rest of a toll counted in another sentence ("… فيما قتل الآخر") are
    # a part of it, no total to take the lowest of.
    parts = [k for k, ms in by_sent.items() if all(m.attrs.get("part") for m in ms)]
    if parts and len(parts) < len(by_sent):
        for k in parts:
            del by_sent[k]
    # A later sentence's toll told as more dead ("أدت أيضا إلى مقتل مرافقه", FatalityFilter.
    # mark_added) adds to the figure of the sentences before it.
    first = min(by_sent)
    # A toll said to have risen to a figure, after the first telling ("قتل خمسة … وارتفع عدد القتلى
    # إلى ثمانية"), updates the figures told before it: not a conflict to take the lowest of.
    # (in the first sentence too, after a figure told before it there, which makes the total
    # read as an estimate: "قتل 3 مدنيين …، وارتفع عدد القتلى إلى 7")
    risen = [
        m.value.count
        for k, ms in by_sent.items()
        for i, m in enumerate(ms)
        if _numbered(m)
        and (
            (not k[1] and (m.attrs.get("risen") or ((k != first or i > 0) and _RISEN.match(fold(m.text)))))
            or (k[1] and k[0] == first[0] and _RISEN.match(fold(m.text)))
        )
    ]
    if risen:
        return max(risen)
    added = [k for k, ms in by_sent.items() if k != first and all(m.attrs.get("added") for m in ms)]
    if added:
        more = sum(m.value.count for k in added for m in by_sent.pop(k))
        return (figure([m for ms in by_sent.values() for m in ms], sides) or 0) + more
    exact_totals, vague_totals = [], []
    for ms in by_sent.values():
        # "ارتفع عدد القتلى … إلى 12 قتيلا": a running toll without its figure is the same deaths
        # as the figure its sentence gives, not another group to add ("مقتل عدد من المهاجمين،
        # فيما قتل جنديان" is two groups).
        if any(_numbered(m) for m in ms):
            ms = [m for m in ms if _numbered(m) or not _TOLL.search(fold(m.text))]
        total = sum(m.value.count for m in ms)
        # A stated figure, even a lower bound ("44 على الأقل"), outranks a word's default
        # ("عدد من القتلى" → 10).
        (exact_totals if all(_numbered(m) for m in ms) else vague_totals).append(total)
    if sides is not None and len(by_sent) > 1 and _own_sides(by_sent, sides):
        return sum(exact_totals) + sum(vague_totals)
    return min(exact_totals) if exact_totals else min(vague_totals)


def _own_sides(
    by_sent: dict[tuple[int, bool], list[Mention]], sides: Callable[[Mention], frozenset[str]]
) -> bool:
    """Whether every sentence's dead are of a side named, and no two sentences share a side."""
    if any(estimate for _, estimate in by_sent):
        return False
    seen: set[str] = set()
    for ms in by_sent.values():
        own = frozenset().union(*map(sides, ms))
        if not own or own & seen:
            return False
        seen |= own
    return True


def _numbered(m: Mention) -> bool:
    """The figure is stated (a count or a number word), not the default for "killed, no number"."""
    return bool(m.value.exact or m.value.hedge or _DIGIT.search(m.text))
