"""Lexicon-driven recognisers: event triggers, non-event cues, weapons, and background cues."""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache
from typing import Any

from marsad.doc import CUE, DATE, NONEVENT, TRIGGER, WEAPON, Doc
from marsad.knowledge.lexicon import TriggerEntry
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import MEMO_WORDS, WORD, first_cue, peel, residue_spans, words_before
from marsad.text import tokens
from marsad.text.matcher import longest_first


def _word_end(text: str, i: int) -> int:
    while i < len(text) and text[i].isalnum():
        i += 1
    return i


RECENT_DAYS = 7  # CODING.md §1: primary events are usually those of the last seven days
_COMMON = frozenset({"من", "علي", "في"})  # too frequent to rule a window in
AFTER_REACH = 4  # words after a trigger where "في السابق" makes it a recalled one
DESCRIBED_WITHIN = 5  # words after a recalled incident's noun where a relative pronoun describes it
_CLAUSE_MARK = re.compile(r"[،,.؛;:!?؟\n]")


@lru_cache(maxsize=2)
def _marks(folded: str) -> list[int]:
    """Offsets of the report's punctuation marks, found once: each window below is then two
    binary searches here and two in the shared tokens (the same words as a scan of the window)."""
    return list(map(re.Match.start, _CLAUSE_MARK.finditer(folded)))


def _words_in_clause_before(folded: str, pos: int) -> list[str]:
    """The last few words before `pos`, not reaching back over punctuation."""
    lo = max(0, pos - 60)
    t = tokens.tokens(folded)
    if t is None:
        window = folded[lo:pos]
        marks = list(_CLAUSE_MARK.finditer(window))
        if marks:
            window = window[marks[-1].end() :]
        return words_before(window, len(window), 0, 5)
    marks = _marks(folded)
    i = bisect.bisect_left(marks, pos) - 1  # the last mark before pos
    if i >= 0 and marks[i] >= lo:
        lo = marks[i] + 1
    return t.before(pos, lo, 5) if lo < pos else []  # tokens.words_before on the tokens at hand


def _words_in_clause_after(folded: str, pos: int, max_words: int) -> list[str]:
    """The first `max_words` words after `pos` (within 40 characters), not reaching over punctuation."""
    t = tokens.tokens(folded)
    if t is None:
        window = folded[pos : pos + 40]
        mark = _CLAUSE_MARK.search(window)
        return WORD.findall(window[: mark.start()] if mark else window)[:max_words]
    hi = pos + 40
    marks = _marks(folded)
    i = bisect.bisect_left(marks, pos)  # the first mark at or after pos
    if i < len(marks) and marks[i] < hi:
        hi = marks[i]
    return t.after(pos, hi, max_words) if pos < hi else []  # tokens.words_after on the tokens at hand


class RecalledIncident:
    """ "بعد يومين من اشتباكات", "منذ بدء الهجوم": an earlier incident named in passing, as the
    reference point of a relative date. One the report goes on to describe ("… من التفجير الذي
    ضرب سوقا") is told, not just named."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.before = {"background_before": knowledge.cues["background_before"]}
        self.just_before = {"background_just_before": knowledge.cues["background_just_before"]}
        self.recent = {"recent_before": knowledge.cues["recent_before"]}
        self.after = knowledge.cues["background_after"]
        self.described = frozenset(knowledge.cue_words("relative_pronouns"))
        # Every cue holds one of these words: a window without any needs no cue lookup.
        lists = [*self.before.values(), *self.just_before.values(), *self.recent.values()]
        self.keys = (
            frozenset(
                w
                for cl in lists
                for c in [*cl.prefixed, *(x for v in cl.by_last.values() for x in v)]
                for w in c.words
            )
            - _COMMON
        )
        self._memo: dict[str, bool] = {}  # word → one of its forms is a key

    def _may_match(self, words: list[str]) -> bool:
        memo = self._memo
        for w in words:
            hit = memo.get(w)
            if hit is None:
                if len(memo) >= MEMO_WORDS:
                    memo.clear()
                hit = memo[w] = any(f in self.keys for f in peel(w))
            if hit:
                return True
        return False

    def __call__(self, folded: str, start: int, end: int) -> str | None:
        """ "old" for an incident over a week older, "recent" for one days older, else None."""
        # A cue ending at the i-th word reads only words up to it: the first AFTER_REACH suffice.
        after = _words_in_clause_after(folded, end, AFTER_REACH)
        cues_after = self.after
        for i, w in enumerate(after):
            if cues_after.ending_in(w) and cues_after.ends_at(after, i) is not None:
                return "old"  # "لهجمات في السابق", "هجمات العام الماضي"
        words = _words_in_clause_before(folded, start)
        if not self._may_match(words):
            return None
        if first_cue(words, self.before, max_distance=2) or first_cue(
            words, self.just_before, max_distance=1
        ):
            kind = "old"
        elif first_cue(words, self.recent, max_distance=2):
            kind = "recent"
        else:
            return None
        if self.described.intersection(WORD.findall(folded[end : end + 60])[:DESCRIBED_WITHIN]):
            return None
        return kind


class TriggerRecognizer:
    """TRIGGER mentions (value = TriggerEntry) and NONEVENT mentions (value = NonEventEntry)."""

    name = "triggers"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        # (lexicon form, payloads) → (entries, best, its weight): the same for every hit of a
        # form, so worked out once per form (bounded by the lexicon).
        self._readings: dict[tuple[str, tuple[Any, ...]], tuple[tuple[TriggerEntry, ...], int, float]] = {}

    @cached_property
    def recalled(self) -> RecalledIncident:
        return RecalledIncident(self.k)  # built once, not per report

    def _reading(self, key: str, payloads: tuple[Any, ...]) -> tuple[tuple[TriggerEntry, ...], int, float]:
        """The trigger entries a hit of lexicon form `key` may be, the index of the weightiest
        and its weight (1.0 for an entry that gives the form none)."""
        got = self._readings.get((key, payloads))
        if got is None:
            entries = tuple(self.k.triggers[p[1]] for p in payloads)
            weights = [
                max(e.weights.get((key, True), 0.0), e.weights.get((key, False), 0.0)) or 1.0 for e in entries
            ]
            best = max(range(len(entries)), key=lambda i: weights[i])
            if len(self._readings) >= MEMO_WORDS:
                self._readings.clear()
            got = self._readings[(key, payloads)] = (entries, best, weights[best])
        return got

    def _negated(self, folded: str, pos: int) -> bool:
        """A negation cue ends in one of the three words before `pos` ("لم يسجل", "منع")."""
        negation = self.k.cues["negation_before"]
        words = words_before(folded, pos, 0, 4)
        # Most triggers have no word in reach that ends a negation cue: first_cue only for those.
        for w in words[-3:]:
            if negation.ending_in(w):
                return first_cue(words, {"negation_before": negation}, max_distance=3) is not None
        return False

    def _goes_on(self, gap: str) -> bool:
        """Nothing but adjectives between two trigger words: the second goes on naming the act
        of the first ("محاولة اعتداء إرهابية بعبوة ناسفة")."""
        words = gap.split()
        return len(words) <= 2 and all(self.k.cues["nisba_skip"].has_word(w) for w in words)

    def _foiled(self, folded: str, pos: int) -> bool:
        """The act right after "محاولة" in a clause that opens with foiling it ("أحبطت الشرطة
        محاولة تفجير"): attempted and stopped, so it did not happen."""
        words = _words_in_clause_before(folded, pos)
        if not words or not self.k.cues["attempt_before"].has_word(words[-1]):
            return False
        foil = self.k.cues["foil_before"]
        return any(foil.has_word(w) for w in words[:-1])

    def __call__(self, doc: Doc) -> Doc:
        folded = doc.folded.text
        recalled = self.recalled
        residue = residue_spans(doc.text, self.k.cues["residue_line"])
        for a, b in residue:
            doc.add(CUE, a, b, "residue")
        hits = longest_first(self.k.trigger_matcher.find(folded))
        # Incidents named in passing: kept as cues, and what their clause says after them
        # ("… على هجوم انتحاري استهدف ناشطين وأسفر عن مقتل 32") tells that earlier incident.
        # Only when the clause told its own incident first: "بعد يومين من المعارك سيطرت القوات
        # على البلدة" opens with the earlier incident and goes on with the news.
        recalled_at: dict[tuple[int, int], int] = {}
        cued: set[int] = set()
        # Each hit's word end, original span and place, found once for both passes below.
        ends = [_word_end(folded, h.end) for h in hits]
        spans = [doc.original(h.word_start, end) for h, end in zip(hits, ends, strict=True)]
        where = [doc.locate(a) for a, _ in spans]
        # The earliest trigger of each clause and of each sentence: "another trigger told before
        # this one there" is a comparison with it (not a scan of every trigger per trigger).
        first_in_clause: dict[tuple[int, int], int] = {}
        first_in_sentence: dict[int, int] = {}
        for (a, _), key in zip(spans, where, strict=True):
            first_in_clause[key] = min(first_in_clause.get(key, a), a)
            first_in_sentence[key[0]] = min(first_in_sentence.get(key[0], a), a)
        for i, h in enumerate(hits):
            kind = recalled(folded, h.word_start, ends[i])
            if kind is None:
                continue
            start, oend = spans[i]
            key = where[i]
            told_first = first_in_clause[key] < start
            if kind == "recent" and not first_in_sentence[key[0]] < start:
                continue  # told alone in its sentence, the earlier incident is its news
            doc.add(CUE, start, oend, "recalled")
            cued.add(start)
            recalled_at[key] = min(recalled_at.get(key, start), start if told_first else oend)
        foiled_end = -1  # the end of the last act that did not happen
        for h, (start, oend), key in zip(hits, spans, where, strict=True):
            after_foiled = foiled_end >= 0 and self._goes_on(folded[foiled_end : h.word_start])
            if after_foiled or self._negated(folded, h.word_start) or self._foiled(folded, h.word_start):
                # Denied, prevented, only intended or foiled ("أحبطت الشرطة محاولة تفجير"), with
                # the words that go on naming that act ("… عبوة ناسفة"): no event (a foiling
                # is the security forces' own, Disrupted weapons use).
                foiled_end = h.end
                continue
            if start >= recalled_at.get(key, len(doc.text)) or start in cued:
                continue
            if any(a <= start < b for a, b in residue):
                continue  # a link list, caption or tag line left by the scraper
            # One phrase can be listed as a trigger and as a non-event cue: the cue wins, it is
            # the more specific reading ("أرسل تعزيزات إلى منطقة الاشتباك").
            non_event = next((p[1] for p in h.payloads if p[0] == "N"), None)
            if non_event is not None:
                if self.k.non_events[non_event].kind != "neutral":  # idioms that only shadow a cue word
                    doc.add(NONEVENT, start, oend, self.k.non_events[non_event])
                continue
            entries, best, weight = self._reading(h.key, h.payloads)
            entry = entries[best]
            if entry.event_type == "Explosions/Remote violence" and self._disrupted(folded, h.word_start):
                # "تمكنت القوات من تدمير خمس سيارات مفخخة", "اعتراض صاروخ": the weapon was
                # destroyed, defused or intercepted before it went off (Disrupted weapons use).
                entry, weight = self._disrupted_entry, 1.0
            doc.add(TRIGGER, start, oend, entry, weight=weight, alternatives=list(entries))
        return doc

    @cached_property
    def _disrupted_entry(self) -> TriggerEntry:
        return next(t for t in self.k.triggers if t.sub_event_type == "Disrupted weapons use")

    def _disrupted(self, folded: str, pos: int) -> bool:
        """A disrupting word (cues.yaml disrupt_before: destroy, defuse, seize, intercept) among
        the three words before the weapon in its clause, figures left out."""
        words = [w for w in _words_in_clause_before(folded, pos) if not w.isdigit()][-3:]
        disrupt = self.k.cues["disrupt_before"]
        return any(disrupt.has_word(w) for w in words)


class WeaponRecognizer:
    name = "weapons"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    @cached_property
    def recalled(self) -> RecalledIncident:
        return RecalledIncident(self.k)  # built once, not per report

    def __call__(self, doc: Doc) -> Doc:
        folded = doc.folded.text
        recalled = self.recalled
        for h in longest_first(self.k.weapon_matcher.find(folded)):
            end = _word_end(folded, h.end)
            if recalled(folded, h.word_start, end) == "old":
                continue  # the weapon of an earlier incident, not of the one told
            start, oend = doc.original(h.word_start, end)
            doc.add(WEAPON, start, oend, self.k.weapons[h.payloads[0]])
        return doc


class BackgroundCueRecognizer:
    """CUE mentions for phrases that introduce earlier incidents ("يذكر أن", "وكان")."""

    name = "background_cues"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        cl = self.k.cues["background"]
        ending_in = cl.ending_in  # most words end no cue: ends_at's own first test, asked directly
        for si, sent in enumerate(doc.sentences):
            head = doc.folded_slice(sent.start, min(sent.end, sent.start + 40)).split()
            for i in range(min(4, len(head))):
                if ending_in(head[i]) and cl.ends_at(head, i) is not None:
                    if not self._recent(doc, si):
                        doc.add(CUE, sent.start, sent.start + 1, "background", sentence_index=si)
                    break
        return doc

    @staticmethod
    def _recent(doc: Doc, sentence: int) -> bool:
        """ "وكان مسلحون قد هاجموا الحاجز أمس": a pluperfect clause dated within the last days
        retells recent news (CODING.md §1: primary events are those of the last seven days)."""
        if doc.published is None:
            return False
        days = [
            (doc.published - d.value.date).days
            for d in doc.in_sentence(DATE, sentence)
            if d.value.date is not None and d.value.precision == 1
        ]
        return bool(days) and all(0 <= n <= RECENT_DAYS for n in days)
