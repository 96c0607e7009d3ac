"""What the words around a trigger or weapon word say (recognize/lexical.py reads it): the clause's
words before and after a hit, whether a negation or a recalled incident may stand in them (each
word's cue bits, found once per report: WordBits, _screen), and the recalled incident itself
("بعد يومين من اشتباكات": RecalledIncident)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import compress, count
from typing import Any

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import (
    MEMO_WORDS,
    WORD,
    first_cue,
    peel,
    words_before,
)
from marsad.text import tokens
from marsad.text.matcher import Hit
from marsad.text.segment import positions


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
