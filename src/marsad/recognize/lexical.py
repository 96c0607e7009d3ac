"""Lexicon-driven recognisers: event triggers, non-event cues, weapons, and background cues."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property, lru_cache
from itertools import compress, count
from typing import Any

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import ACTOR, CUE, DATE, NONEVENT, TRIGGER, WEAPON, Doc
from marsad.knowledge.lexicon import NonEventEntry, TriggerEntry
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import (
    MEMO_WORDS,
    WORD,
    CueList,
    first_cue,
    first_words_rx,
    peel,
    residue_spans,
    words_before,
)
from marsad.recognize.numbers import alternation
from marsad.text import tokens
from marsad.text.matcher import Hit, longest_first
from marsad.text.normalize import fold
from marsad.text.segment import Segment, positions


# Compiled, the word and mark searches below are C loops over the lists' ints: a call of the
# bisect module costs a boxed argument, a generic call and a rich comparison per step (two
# searches per trigger and weapon hit, and one per cue window).
@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(a=list, x=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t, mid=cython.Py_ssize_t)
def _bisect_left(a: list[int], x: int) -> int:
    """bisect.bisect_left(a, x) for a sorted list of ints (compiled; a copy per module, as in
    text/tokens.py: Cython inlines a cfunc only within its own module)."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if cython.cast(cython.Py_ssize_t, a[mid]) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(a=list, x=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t, mid=cython.Py_ssize_t)
def _bisect_right(a: list[int], x: int) -> int:
    """bisect.bisect_right(a, x) for a sorted list of ints (compiled)."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < cython.cast(cython.Py_ssize_t, a[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


if not cython.compiled:  # from source, the bisect module's C functions (a Python loop is slower)
    _bisect_left, _bisect_right = bisect_left, bisect_right


def _word_end(text: str, i: int) -> int:
    while i < len(text) and text[i].isalnum():
        i += 1
    return i


def _first_words_trie(cues: CueList) -> re.Pattern[str]:
    """cues.first_words_rx as a character trie (numbers.alternation): found in the same windows
    (any first word as a substring), but re tests each position once instead of trying every
    word there ("ا" opens most words of disrupt_before, and most words of the text)."""
    rx = first_words_rx(cues)
    words = rx.pattern.split("|")
    if not all(fold(w) == w and re.escape(w) == w for w in words):
        return rx  # (alternation folds and escapes: only plain folded words read the same)
    return re.compile(alternation(words))


RECENT_DAYS = 7  # CODING.md §1: primary events are usually those of the last seven days
_COMMON = frozenset({"من", "علي", "في"})  # too frequent to rule a window in
AFTER_REACH = 4  # words after a trigger where "في السابق" makes it a recalled one
DESCRIBED_WITHIN = 5  # words after a recalled incident's noun where a relative pronoun describes it
_CLAUSE_MARK_CHARS = "،,.؛;:!?؟\n"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARK_CHARS}]")


@lru_cache(maxsize=2)
def _marks(folded: str) -> list[int]:
    """Offsets of the report's punctuation marks, found once: each window below is then two
    binary searches here and two in the shared tokens (the same words as a scan of the window).
    The offsets of _CLAUSE_MARK.finditer, by a C-level str.find per mark instead of a regex
    test of every character and a match object per mark."""
    return positions(folded, _CLAUSE_MARK_CHARS)


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
    i = _bisect_left(marks, pos) - 1  # the last mark before pos
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
    i = _bisect_left(marks, pos)  # the first mark at or after pos
    if i < len(marks) and marks[i] < hi:
        hi = marks[i]
    return t.after(pos, hi, max_words) if pos < hi else []  # tokens.words_after on the tokens at hand


# What a word can start in a hit's windows, one bit each: it ends a negation cue, it is (clitics
# peeled) a word of a recalled-incident cue, it ends a "في السابق" cue.
NEG, KEY, AFTER = 1, 2, 4
# Which hits' windows hold a word at index x: those whose window starts or ends this far from x
# (in words). A negation cue ends in the last 3 words before a hit, a recalled-incident cue in
# the last 5 (_words_in_clause_before), a "في السابق" cue in the first AFTER_REACH after it.
_NEG_REACH = range(1, 4)
_KEY_REACH = range(1, 6)
_AFTER_REACH = range(1 - AFTER_REACH, 1)


class WordBits:
    """Per word, the bits of the cue tests it passes; memoised (bounded) per word, as a report
    asks about the same few hundred words and so do the next reports."""

    def __init__(self, tests: dict[int, Callable[[str], object]]) -> None:
        self.tests = tuple(tests.items())
        self.memo: dict[str, int] = {}
        # The last report's answer (its shared word list, held, and the sets): the weapon and
        # trigger recognisers ask about the same report in turn.
        self._last: tuple[list[str], tuple[set[int], set[int], set[int]]] | None = None

    def of(self, word: str) -> int:
        bits = self.memo.get(word)
        if bits is None:
            if len(self.memo) >= MEMO_WORDS:
                self.memo.clear()
            bits = self.memo[word] = sum(bit for bit, test in self.tests if test(word))
        return bits

    def near(self, words: list[str]) -> tuple[set[int], set[int], set[int]]:
        """The word indices whose windows (before: NEG, KEY; after: AFTER) hold a word with
        that bit. One look-up per word of the report, in C; a Python step only for the few
        words that pass a test (most are none of these)."""
        last = self._last
        if last is not None and last[0] is words:
            return last[1]
        if cython.compiled:
            # Compiled, typed loops: a C-level look-up per word (_hot_words), then the few hot
            # words' reach added index by index (_near_sets), no range and set.update per word.
            got = _near_sets(_hot_words(self.memo, self.of, words))
            self._last = (words, got)
            return got
        bits = list(map(self.memo.get, words))
        if None in bits:
            of = self.of
            bits = [of(w) if b is None else b for w, b in zip(words, bits, strict=True)]
        neg: set[int] = set()
        key: set[int] = set()
        after: set[int] = set()
        # (index, bits) where set; set.update over a range: no Python step per index
        for x, b in zip(compress(count(), bits), compress(bits, bits), strict=True):
            if b & NEG:
                neg.update(range(x + _NEG_REACH.start, x + _NEG_REACH.stop))
            if b & KEY:
                key.update(range(x + _KEY_REACH.start, x + _KEY_REACH.stop))
            if b & AFTER:
                after.update(range(x + _AFTER_REACH.start, x + _AFTER_REACH.stop))
        self._last = (words, (neg, key, after))
        return neg, key, after


@cython.locals(memo=dict, words=list, x=cython.Py_ssize_t, out=list)
def _hot_words(memo: dict[str, int], of: Callable[[str], int], words: list[str]) -> list[tuple[int, int]]:
    """(index, bits) of the words of `words` with some bit, in order: WordBits.near's compiled
    path (a word not in `memo` is asked `of`, which memoises it)."""
    out = []
    for x, w in enumerate(words):
        b = memo.get(w)
        if b is None:
            b = of(w)
        if b:
            out.append((x, b))
    return out


@cython.locals(
    hot=list, x=cython.Py_ssize_t, k=cython.Py_ssize_t, b=cython.Py_ssize_t, neg=set, key=set, after=set,
    neg_lo=cython.Py_ssize_t, neg_hi=cython.Py_ssize_t, key_lo=cython.Py_ssize_t, key_hi=cython.Py_ssize_t,
    after_lo=cython.Py_ssize_t, after_hi=cython.Py_ssize_t,
)  # fmt: skip
def _near_sets(hot: list[tuple[int, int]]) -> tuple[set[int], set[int], set[int]]:
    """WordBits.near's sets from its hot words (_hot_words), compiled: each word's reach added
    index by index in C (a range object and a set.update call per word cost ten times as much)."""
    neg, key, after = set(), set(), set()
    neg_lo, neg_hi = _NEG_REACH.start, _NEG_REACH.stop  # (read once, as C integers)
    key_lo, key_hi = _KEY_REACH.start, _KEY_REACH.stop
    after_lo, after_hi = _AFTER_REACH.start, _AFTER_REACH.stop
    for x, b in hot:
        if b & NEG:
            for k in range(x + neg_lo, x + neg_hi):
                neg.add(k)
        if b & KEY:
            for k in range(x + key_lo, x + key_hi):
                key.add(k)
        if b & AFTER:
            for k in range(x + after_lo, x + after_hi):
                after.add(k)
    return neg, key, after


@lru_cache(maxsize=4)
def _shared(knowledge: Knowledge) -> tuple[RecalledIncident, WordBits]:
    """One RecalledIncident and one word-bit memo per knowledge, for the weapon and trigger
    recognisers: they read the same report's windows with the same tests, so the report's
    word bits are found once."""
    recalled = RecalledIncident(knowledge)
    negation = knowledge.cues["negation_before"]
    return recalled, WordBits(
        {NEG: negation.ending_in, KEY: recalled.is_key, AFTER: recalled.after.ending_in}
    )


# _screen's answer for RecalledIncident, per hit: which of its windows may hold a cue.
BEFORE_WINDOW, AFTER_WINDOW = 1, 2


@cython.locals(starts=list, word_ends=list, n=cython.Py_ssize_t, x=cython.Py_ssize_t, j=cython.Py_ssize_t)
def _screen(folded: str, hits: list[Hit[Any]], bits: WordBits) -> tuple[list[int], list[int], list[bool]]:
    """Each hit's word end, which of RecalledIncident's windows may hold a cue around it
    (BEFORE_WINDOW | AFTER_WINDOW bits), and whether _negated's may: not where no word in reach
    passes the word test (the full checks, which read the same windows, then find nothing). The windows' words are the shared tokens
    j-5..j-1 before a hit (j: the first word at or after its start) and i..i+3 after it, unless
    a window's edge (60 or 40 characters away) cuts a word: those hits get the full checks."""
    t = tokens.tokens(folded)
    if t is None:  # a short text: no shared tokens, every hit gets the full checks
        ends = [_word_end(folded, h.end) for h in hits]
        return ends, [BEFORE_WINDOW | AFTER_WINDOW] * len(hits), [True] * len(hits)
    starts, word_ends = t.starts, t.ends
    n = len(starts)
    neg, key, after = bits.near(t.words)
    ends: list[int] = []
    recalled: list[int] = []
    negated: list[bool] = []
    for h in hits:
        # The word end (_word_end): the end of the word holding h.end, if one does.
        x = _bisect_right(starts, h.end) - 1
        end = word_ends[x] if x >= 0 and word_ends[x] > h.end else h.end
        ends.append(end)
        i = x + 1  # the first word after the hit
        pos = h.word_start
        j = _bisect_left(starts, pos)
        cut = j > 0 and word_ends[j - 1] > pos  # a word running into the hit
        recalled.append(
            (j in key or cut or (j > 0 and starts[max(j - 5, 0)] < pos - 60))
            + AFTER_WINDOW * (i in after or (i < n and word_ends[min(i + AFTER_REACH - 1, n - 1)] > end + 40))
        )
        negated.append(j in neg or cut or (j > 0 and starts[max(j - 3, 0)] < pos - 60))
    return ends, recalled, negated


class RecalledIncident:
    """ "بعد يومين من اشتباكات", "منذ بدء الهجوم": an earlier incident named in passing, as the
    reference point of a relative date. One the report goes on to describe ("… من التفجير الذي
    ضرب سوقا") is told, not just named."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.before = {"background_before": knowledge.cues["background_before"]}
        self.habitual = {"habitual_before": knowledge.cues["habitual_before"]}
        self.just_before = {"background_just_before": knowledge.cues["background_just_before"]}
        self.recent = {"recent_before": knowledge.cues["recent_before"]}
        self.after = knowledge.cues["background_after"]
        self.described = frozenset(knowledge.cue_words("relative_pronouns"))
        # Every cue holds one of these words: a window without any needs no cue lookup.
        lists = [
            *self.before.values(),
            *self.habitual.values(),
            *self.just_before.values(),
            *self.recent.values(),
        ]
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

    def is_key(self, word: str) -> bool:
        """Whether one of the word's forms (clitics peeled) is a word of a cue before."""
        return any(f in self.keys for f in peel(word))

    def _may_match(self, words: list[str]) -> bool:
        memo = self._memo
        for w in words:
            hit = memo.get(w)
            if hit is None:
                if len(memo) >= MEMO_WORDS:
                    memo.clear()
                hit = memo[w] = self.is_key(w)
            if hit:
                return True
        return False

    def __call__(
        self, folded: str, start: int, end: int, windows: int = BEFORE_WINDOW | AFTER_WINDOW
    ) -> str | None:
        """ "old" for an incident over a week older, "recent" for one days older, else None.
        `windows`: the windows that may hold a cue (_screen); the others are not read."""
        if windows & AFTER_WINDOW:
            # A cue ending at the i-th word reads only words up to it: the first AFTER_REACH suffice.
            after = _words_in_clause_after(folded, end, AFTER_REACH)
            cues_after = self.after
            for i, w in enumerate(after):
                if cues_after.ending_in(w) and cues_after.ends_at(after, i) is not None:
                    return "old"  # "لهجمات في السابق", "هجمات العام الماضي"
        if not windows & BEFORE_WINDOW:
            return None
        words = _words_in_clause_before(folded, start)
        if not self._may_match(words):
            return None
        if first_cue(words, self.habitual, 3):
            return "old"  # habitual, whatever describes it
        if first_cue(words, self.before, 2) or first_cue(words, self.just_before, 1):
            kind = "old"
        elif first_cue(words, self.recent, 2):
            kind = "recent"
        else:
            return None
        if self.described.intersection(tokens.words_after(folded, end, end + 60, DESCRIBED_WITHIN)):
            return None
        return kind


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
