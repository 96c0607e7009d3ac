"""Lexicon-driven recognisers: event triggers, non-event cues, weapons, and background cues."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from itertools import compress, count
from typing import Any

from marsad.doc import ACTOR, CUE, DATE, NONEVENT, TRIGGER, WEAPON, Doc
from marsad.knowledge.lexicon import NonEventEntry, TriggerEntry
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import (
    MEMO_WORDS,
    CueList,
    first_cue,
    first_words_rx,
    residue_spans,
    words_before,
)
from marsad.recognize.numbers import alternation
from marsad.recognize.trigger_windows import (
    _CLAUSE_MARK,
    RECENT_DAYS,
    RecalledIncident,
    WordBits,
    _screen,
    _shared,
    _words_in_clause_before,
)
from marsad.text import tokens
from marsad.text.matcher import Hit, longest_first
from marsad.text.normalize import fold
from marsad.text.segment import Segment


def _first_words_trie(cues: CueList) -> re.Pattern[str]:
    """cues.first_words_rx as a character trie (numbers.alternation): found in the same windows
    (any first word as a substring), but re tests each position once instead of trying every
    word there ("ا" opens most words of disrupt_before, and most words of the text)."""
    rx = first_words_rx(cues)
    words = rx.pattern.split("|")
    if not all(fold(w) == w and re.escape(w) == w for w in words):
        return rx  # (alternation folds and escapes: only plain folded words read the same)
    return re.compile(alternation(words))


# A hit's reading: (its non-event cue, or None and: trigger entries, index of the best, weight).
_Reading = tuple[NonEventEntry | None, tuple[TriggerEntry, ...], int, float]


class TriggerRecognizer:
    """TRIGGER mentions (value = TriggerEntry) and NONEVENT mentions (value = NonEventEntry)."""

    name = "triggers"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        # (lexicon form, payloads) → its reading (_reading): the same for every hit of a form,
        # so worked out once per form (bounded by the lexicon).
        self._readings: dict[tuple[str, tuple[Any, ...]], _Reading] = {}

    @property
    def recalled(self) -> RecalledIncident:
        return _shared(self.k)[0]  # built once, not per report

    @cached_property
    def _attacker_nouns(self) -> CueList:
        return self.k.cues["attacker_nouns"]

    @property
    def bits(self) -> WordBits:
        return _shared(self.k)[1]

    def _reading(self, key: str, payloads: tuple[Any, ...]) -> _Reading:
        """What a hit of lexicon form `key` is: the non-event cue it is listed as, if any (the
        cue wins, it is the more specific reading: "أرسل تعزيزات إلى منطقة الاشتباك"); else the
        trigger entries it may be, the index of the weightiest and its weight (1.0 for an entry
        that gives the form none)."""
        got = self._readings.get((key, payloads))
        if got is None:
            non_event = next((p[1] for p in payloads if p[0] == "N"), None)
            if non_event is not None:
                if len(self._readings) >= MEMO_WORDS:
                    self._readings.clear()
                got = self._readings[(key, payloads)] = (self.k.non_events[non_event], (), 0, 0.0)
                return got
            entries = tuple(self.k.triggers[p[1]] for p in payloads)
            weights = [
                max(e.weights.get((key, True), 0.0), e.weights.get((key, False), 0.0)) or 1.0 for e in entries
            ]
            best = max(range(len(entries)), key=lambda i: weights[i])
            if len(self._readings) >= MEMO_WORDS:
                self._readings.clear()
            got = self._readings[(key, payloads)] = (None, entries, best, weights[best])
        return got

    def _negated(self, folded: str, pos: int) -> bool:
        """A negation cue ends in one of the three words before `pos` ("لم يسجل", "منع")."""
        negation = self.k.cues["negation_before"]
        words = words_before(folded, pos, 0, 4)
        # Most triggers have no word in reach that ends a negation cue: first_cue only for those.
        for w in words[-3:]:
            if negation.ending_in(w):
                cue = first_cue(words, {"negation_before": negation}, 3)
                if cue is None:
                    return False
                # "أعلنت الدائرة إحباط مخطط إرهابي والقبض على خلية": an act joined by "و" after
                # the foiled plot's words is the foiling's fellow, not foiled itself.
                return not (
                    cue[1] >= 2
                    and folded.startswith("و", pos)
                    and self.k.cues["foil_before"].has_word(words[len(words) - 1 - cue[1]])
                )
        return False

    def _for_a_purpose(self, folded: str, h: Hit[Any]) -> bool:
        """An act noun with the lam of purpose ("لاستعادة", "لاقتحام") after a word of aim or
        movement (cues.yaml purpose_before) in the three words before it: an aim, no act."""
        chain = folded[h.word_start : h.start]
        if not chain.endswith("ل") or chain.endswith("ال"):
            return False  # (the article's lam is no preposition)
        words = words_before(folded, h.word_start, 0, 4)
        return first_cue(words, {"purpose_before": self.k.cues["purpose_before"]}, 3) is not None

    @cached_property
    def _aim_tail(self) -> frozenset[str]:
        return self.k.cue_phrases("aim_tail")

    def _goes_on(self, gap: str) -> bool:
        """Nothing but adjectives, or the opening of a relative clause, between two trigger words:
        the second goes on naming the act of the first ("محاولة اعتداء إرهابية بعبوة ناسفة",
        "محاولة اغتيال كانت تستهدف ضابطا")."""
        words = gap.split()
        cues = self.k.cues
        return len(words) <= 2 and all(
            cues["nisba_skip"].has_word(w) or cues["foiled_goes_on"].has_word(w) for w in words
        )

    @cached_property
    def _attempt_rx(self) -> re.Pattern[str]:
        return _first_words_trie(self.k.cues["attempt_before"])

    @cached_property
    def _disrupt_rx(self) -> re.Pattern[str]:
        return _first_words_trie(self.k.cues["disrupt_before"])

    def _foiled(self, folded: str, start: int, end: int) -> bool:
        """The act right after "محاولة", or named with it ("محاولة اغتيال"), in a clause that opens
        with foiling it ("أحبطت الشرطة محاولة تفجير", "أحبط الجهاز محاولة اغتيال"): attempted
        and stopped, so it did not happen."""
        attempt = self.k.cues["attempt_before"]
        if self._attempt_rx.match(folded, start) is not None and attempt.has_word(
            folded[start:end].split(" ", 1)[0]
        ):
            foiling = _words_in_clause_before(folded, start)  # the attempt word is the act's own
        elif self._attempt_rx.search(folded, max(0, start - 16), start) is not None:
            words = _words_in_clause_before(folded, start)
            if not words or not attempt.has_word(words[-1]):
                return False
            foiling = words[:-1]
        else:
            return False  # (most hits: no attempt word in or just before them, no window read)
        foil = self.k.cues["foil_before"]
        return any(foil.has_word(w) for w in foiling)

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
        earlier: set[int] = set()  # triggers of an incident told as days before another
        # Each hit's word end and original span, found once for both passes below, and which
        # hits' windows may hold a cue at all (most hold none: no cue look-up for them).
        ends, may_recall, may_negate = _screen(folded, hits, self.bits)
        to_original = doc.folded.to_original
        spans = [to_original(h.word_start, end) for h, end in zip(hits, ends, strict=True)]
        kinds = [
            (i, kind)
            for i in compress(count(), may_recall)
            if (kind := recalled(folded, hits[i].word_start, ends[i], may_recall[i])) is not None
        ]
        where: list[tuple[int, int]] = []
        if kinds:  # (most reports name no earlier incident: no hit's place is needed then)
            where = [doc.locate(a) for a, _ in spans]
            # The earliest trigger of each clause and of each sentence: "another trigger told
            # before this one there" is a comparison with it (not a scan of every trigger).
            first_in_clause: dict[tuple[int, int], int] = {}
            first_in_sentence: dict[int, int] = {}
            for (a, _), key in zip(spans, where, strict=True):
                first_in_clause[key] = min(first_in_clause.get(key, a), a)
                first_in_sentence[key[0]] = min(first_in_sentence.get(key[0], a), a)
        for i, kind in kinds:
            start, oend = spans[i]
            key = where[i]
            told_first = first_in_clause[key] < start
            if kind == "recent" and not first_in_sentence[key[0]] < start:
                # Told alone in its sentence, the earlier incident is its news — an incident of
                # its own, days before the one the report opened with (incidents.py: earlier).
                earlier.add(start)
                continue
            doc.add(CUE, start, oend, "recalled")
            cued.add(start)
            recalled_at[key] = min(recalled_at.get(key, start), start if told_first else oend)
        readings = self._readings  # looked up in place: a miss only for a form not met yet
        foiled_end = -1  # the end of the last act that did not happen
        kept: list[int] = []  # the starts of the triggers added
        means: list[tuple[int, int, TriggerEntry, float, list[TriggerEntry]]] = []
        stopped: list[tuple[int, int]] = []  # the spans of the interceptions and seizures added
        defences: list[tuple[int, int]] | None = None  # the air defences' spans, on first need
        for i, (h, (start, oend), negatable) in enumerate(zip(hits, spans, may_negate, strict=True)):
            after_foiled = (
                foiled_end >= 0
                and h.word_start - foiled_end <= 40
                and (
                    self._goes_on(folded[foiled_end : h.word_start])
                    # "لاستعادة مدينة الحديدة غربي اليمن من قبضة الحوثيين": the grip the aimed
                    # capture was to end, told in its clause, is part of the aim
                    or (
                        h.key in self._aim_tail
                        and _CLAUSE_MARK.search(folded, foiled_end, h.word_start) is None
                    )
                )
            )
            if (
                after_foiled
                or (negatable and self._negated(folded, h.word_start))
                or self._foiled(folded, h.word_start, h.end)
                or (h.start > h.word_start and self._for_a_purpose(folded, h))
            ):
                # Denied, prevented, only intended or foiled ("أحبطت الشرطة محاولة تفجير"), with
                # the words that go on naming that act ("… عبوة ناسفة"): no event (a foiling
                # is the security forces' own, Disrupted weapons use).
                foiled_end = h.end
                continue
            if recalled_at and (start >= recalled_at.get(where[i], len(doc.text)) or start in cued):
                continue
            if residue and any(a <= start < b for a, b in residue):
                continue  # a link list, caption or tag line left by the scraper
            # One phrase can be listed as a trigger and as a non-event cue (_reading).
            non_event, entries, best, weight = readings.get((h.key, h.payloads)) or self._reading(
                h.key, h.payloads
            )
            if non_event is not None:
                if non_event.kind != "neutral":  # idioms that only shadow a cue word
                    doc.add(NONEVENT, start, oend, non_event)
                continue
            entry = entries[best]
            if entry.event_type == "Battles" and self._foiled_bombing(doc, folded, h):
                # "أحبطت القوات هجوما إرهابيا بسيارة مفخخة": a bombing stopped before it went off,
                # not an attack fought off at the front.
                entry, weight = self._disrupted_entry, 1.0
            if entry.sub_event_type == "Government regains territory" and self._weapons_recovered(folded, h):
                continue  # "واسترجعت مسدسا رشاشا": weapons recovered, no ground retaken
            if entry.event_type == "Explosions/Remote violence" and self._disrupted(folded, h):
                # "تمكنت القوات من تدمير خمس سيارات مفخخة", "اعتراض صاروخ": the weapon was
                # destroyed, defused or intercepted before it went off (Disrupted weapons use).
                entry, weight = self._disrupted_entry, 1.0
            if self._instrument_rx.search(
                folded, max(0, h.word_start - 40), h.word_start
            ) is not None and self._instrument(folded, h.word_start):
                means.append((start, oend, entry, weight, list(entries)))
                continue
            if entry.event_type == "Battles" or (weight < 1.0 and entry.sub_event_type == DISRUPTED):
                if defences is None:
                    defences = _air_defences(doc)  # (once per report, and only if a word needs them)
                if defences and _beside(doc.text, defences, start, oend):
                    # "قوات الدفاع الجوي اعترضت …", "وإن الدفاعات الجوية اعترضته": the word that
                    # may only mean "objected" intercepts when the air defences do it; "الدفاعات
                    # الجوية تصدت لصواريخ": air defences confronting fire stop it (no battle).
                    entry, weight = self._disrupted_entry, 1.0
            kept.append(start)
            if entry.sub_event_type == DISRUPTED:
                stopped.append((start, oend))
            told_earlier = {"earlier": True} if start in earlier else {}
            # (the first words after it from the report's shared tokens: a regex pass over the
            # window cost ten times as much, for every trigger kept)
            if self._attacker_nouns.opening(tokens.words_after(folded, h.end, h.end + 40, 3)) is not None:
                # "أطلقت النار على المشتبه به": an act on the attacker, the answer to the attack
                told_earlier["at_attacker"] = True
            doc.add(TRIGGER, start, oend, entry, weight=weight, alternatives=list(entries), **told_earlier)
        for start, oend, entry, weight, alternatives in means:
            sentence = doc.locate(start)[0]
            if any(k < start and doc.locate(k)[0] == sentence for k in kept):
                continue  # the means of an act told before it in its sentence: a weapon only
            doc.add(TRIGGER, start, oend, entry, weight=weight, alternatives=alternatives)
        if stopped:
            self._launches_of_the_stopped(doc, folded, stopped)
        return doc

    def _launches_of_the_stopped(self, doc: Doc, folded: str, stopped: list[tuple[int, int]]) -> None:
        """ "اعتراض صاروخ باليستي أطلقته الميليشيا باتجاه جازان": a missile stopped in flight was
        still fired (ACLED codes the launch too): the launch verb right after the name of a missile
        an interception tells (in its words or right after them; cues.yaml launch_after_weapon)
        tells the launch."""
        launch_verbs, toward = self.k.cues["launch_after_weapon"], self.k.cues["place_toward_after"]
        for w in doc.get(WEAPON):
            if w.value.sub_event_type != SHELLING or not any(
                a <= w.start and w.start - b <= 2 for a, b in stopped
            ):
                continue
            m = _NEXT_WORD.match(folded, doc.folded_index(w.end))
            if m is None or not launch_verbs.has_word(m.group(1)):
                continue
            # Aimed somewhere, told in the clause: a launch of its own, not fire from a place
            # told elsewhere as an act ("اعترضت القبة الحديدية قذائف أطلقت من غزة").
            mark = _CLAUSE_MARK.search(folded, m.end())
            after = folded[m.end() : mark.start() if mark else len(folded)].split()[:8]
            if not any(toward.has_word(x) for x in after):
                continue
            start, oend = doc.folded.to_original(m.start(1), m.end(1))
            entry = self._shelling_entry
            doc.add(TRIGGER, start, oend, entry, weight=LAUNCH_WEIGHT, alternatives=[entry])

    @cached_property
    def _shelling_entry(self) -> TriggerEntry:
        return next(t for t in self.k.triggers if t.sub_event_type == SHELLING)

    @cached_property
    def _instrument_rx(self) -> re.Pattern[str]:
        return _first_words_trie(self.k.cues["instrument_before"])

    def _instrument(self, folded: str, pos: int) -> bool:
        """An instrument word ("باستخدام", "مستخدمين") among the three words before `pos` in its
        clause: what follows is the means of an act, not an act."""
        instrument = self.k.cues["instrument_before"]
        return any(instrument.has_word(w) for w in _words_in_clause_before(folded, pos)[-3:])

    def _weapons_recovered(self, folded: str, h: Hit[Any]) -> bool:
        """A recovery word ("استرجع", "استرجاع") with a weapon as its object, in the two words
        after it ("واسترجعت مسدسا رشاشا", "استرجاع أسلحة وذخيرة")."""
        if "سترج" not in folded[h.word_start : h.end]:
            return False
        after = folded[h.end : h.end + 40].split()[:2]
        return bool(after) and bool(self.k.weapon_matcher.find(" ".join(after)))

    @cached_property
    def _disrupted_entry(self) -> TriggerEntry:
        return next(t for t in self.k.triggers if t.sub_event_type == "Disrupted weapons use")

    def _foiled_bombing(self, doc: Doc, folded: str, h: Hit[Any]) -> bool:
        """A foiling phrase ("إحباط هجوم") whose next words, adjectives only between, name a bomb
        (a weapon of a bombing type: an IED, a car bomb, a suicide vest)."""
        first = folded[h.word_start : h.end].split(maxsplit=1)[0]
        if not self.k.cues["foil_before"].has_word(first):
            return False
        for w in doc.get(WEAPON):
            if w.value.sub_event_type not in _BOMBING_TYPES:
                continue
            ws = doc.folded_index(w.start)
            if h.end <= ws <= h.end + 30 and self._goes_on(folded[h.end : ws]):
                return True
        return False

    def _disrupted(self, folded: str, h: Hit[Any]) -> bool:
        """A disrupting word (cues.yaml disrupt_before: destroy, defuse, seize, intercept) among
        the three words before the weapon in its clause, figures left out. An act noun
        (cues.yaml event_nouns) after it is the verb's subject, not what was destroyed ("دمرت
        غارة أخرى عربة عسكرية": the strike destroyed a vehicle)."""
        pos = h.word_start
        if self._disrupt_rx.search(folded, max(0, pos - 60), pos) is None:
            return False
        if self.k.cues["event_nouns"].has_word(folded[pos : h.end]):
            return False
        words = [w for w in _words_in_clause_before(folded, pos) if not w.isdigit()][-3:]
        disrupt = self.k.cues["disrupt_before"]
        return any(disrupt.has_word(w) for w in words)


DISRUPTED = "Disrupted weapons use"
SHELLING = "Shelling/artillery/missile attack"
LAUNCH_WEIGHT = 0.6  # a launch told by its verb after a stopped missile: a sure act
_NEXT_WORD = re.compile(r"[\s،,]*(\S+)")
_BOMBING_TYPES = ("Remote explosive/landmine/IED", "Suicide bomb")


def _air_defences(doc: Doc) -> list[tuple[int, int]]:
    """The spans of the actors the actor recogniser marked air_defence (most reports: none)."""
    return [(m.start, m.end) for m in doc.get(ACTOR) if m.attrs.get("air_defence")]


def _beside(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of `spans` stands right before or right after [start, end), a space or a
    comma between."""
    for a, b in spans:
        if b <= start and text[b:start].strip(" ،,") == "":
            return True
        if a >= end and text[end:a].strip(" ،,") == "":
            return True
    return False


class WeaponRecognizer:
    name = "weapons"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    @property
    def recalled(self) -> RecalledIncident:
        return _shared(self.k)[0]  # built once, not per report

    @cached_property
    def _attacker_nouns(self) -> CueList:
        return self.k.cues["attacker_nouns"]

    @property
    def bits(self) -> WordBits:
        return _shared(self.k)[1]

    def __call__(self, doc: Doc) -> Doc:
        folded = doc.folded.text
        hits = longest_first(self.k.weapon_matcher.find(folded))
        if not hits:
            return doc
        recalled = self.recalled
        weapons = self.k.weapons
        to_original = doc.folded.to_original
        ends, may_recall, _ = _screen(folded, hits, self.bits)
        for h, end, windows in zip(hits, ends, may_recall, strict=True):
            if windows and recalled(folded, h.word_start, end, windows) == "old":
                continue  # the weapon of an earlier incident, not of the one told
            start, oend = to_original(h.word_start, end)
            doc.add(WEAPON, start, oend, weapons[h.payloads[0]])
        return doc


class BackgroundCueRecognizer:
    """CUE mentions for phrases that introduce earlier incidents ("يذكر أن", "وكان")."""

    name = "background_cues"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        self._ends: dict[str, bool] = {}  # word → it may end a cue (bounded memo)

    def __call__(self, doc: Doc) -> Doc:
        cl = self.k.cues["background"]
        memo = self._ends
        folded = doc.folded.text
        folded_index = doc.folded.folded_index
        for si, sent in enumerate(doc.sentences):
            start = sent.start
            head = folded[folded_index(start) : folded_index(min(sent.end, start + 40))].split()[:4]
            # Most sentences open with no word that ends a cue: one C-level memo look-up per
            # word tells, and only the rest are asked about whole cues.
            ends = list(map(memo.get, head))
            if None in ends:
                if len(memo) >= MEMO_WORDS:
                    memo.clear()
                ends = [bool(cl.ending_in(w)) if e is None else e for w, e in zip(head, ends, strict=True)]
                memo.update(zip(head, ends, strict=True))
            if not any(ends):
                continue
            for i, e in enumerate(ends):
                if e and cl.ends_at(head, i) is not None:
                    if not self._recent(doc, si) and not self._told_before(folded, folded_index, sent):
                        doc.add(CUE, start, start + 1, "background", sentence_index=si)
                    break
        return doc

    def _told_before(self, folded: str, folded_index: Callable[[int], int], sent: Segment) -> bool:
        """ "وكان مسؤولو الصحة قد قالوا إن 50 شخصا قتلوا": the pluperfect is the telling's (said
        earlier), not the incident's; the sentence retells the news. The verb after "قد" (within
        the first words of the sentence) is a reporting verb (cues.yaml reporting_verbs)."""
        words = folded[folded_index(sent.start) : folded_index(min(sent.end, sent.start + 160))].split()[:14]
        reporting = self.k.cues["reporting_verbs"]
        if "قد" not in words:
            # "وكانت مصادر في المقاومة أعلنت سيطرتها …": the same without "قد", the verb right
            # after a short subject.
            return any(reporting.has_word(w) for w in words[1:6])
        i = words.index("قد") + 1
        return i < len(words) and reporting.has_word(words[i])

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
