"""The cue lists' fast paths (memo read in place, loops in place of generators, `_fitting` as a C
function when compiled) and the segmenter's source-path search, against brute forces written
here: the same answers whether a word is met for the first time or from the memo."""

from __future__ import annotations

import random

from marsad.recognize.cues import CueList, peel
from marsad.text.normalize import fold

# Cue phrases in the style of cues.yaml (a starred last word may continue).
_PHRASES = [
    "بالقرب من",
    "قرب",
    "في محيط",
    "على أطراف",
    "شن*",
    "أعلن*",
    "مقتل",
    "في السابق",
    "العام الماضي",
    "محاولة",
]
_WORDS = [
    "بالقرب",
    "القرب",
    "من",
    "قرب",
    "وقرب",
    "في",
    "محيط",
    "بمحيط",
    "على",
    "أطراف",
    "شنت",
    "وشنوا",
    "أعلنت",
    "فأعلن",
    "مقتل",
    "لمقتل",
    "السابق",
    "العام",
    "الماضي",
    "محاولة",
    "بلدة",
    "قتلى",
]


def _word_fits(cue_word: str, word: str, open_end: bool) -> bool:
    return any(f == cue_word or (open_end and f.startswith(cue_word)) for f in peel(word))


def _cues(phrases: list[str]) -> list[tuple[tuple[str, ...], bool]]:
    out = []
    for p in phrases:
        words = tuple(fold(p.rstrip("*")).split())
        out.append((words, p.endswith("*")))
    return out


def _brute_ends_at(cues: list[tuple[tuple[str, ...], bool]], words: list[str], i: int) -> int | None:
    """The length of the longest cue that ends at words[i] (its words before fitting exactly)."""
    best = None
    for cw, prefix in cues:
        j = i - len(cw) + 1
        if j < 0:
            continue
        if not _word_fits(cw[-1], words[i], prefix):
            continue
        if all(_word_fits(c, w, False) for c, w in zip(cw[:-1], words[j:i], strict=True)):
            best = max(best or 0, len(cw))
    return best


def _sentences(rng: random.Random, n: int) -> list[list[str]]:
    return [[fold(rng.choice(_WORDS)) for _ in range(rng.randint(1, 7))] for _ in range(n)]


def test_ends_at_found_in_and_opening_are_the_brute_force() -> None:
    rng = random.Random(34)
    cues = _cues(_PHRASES)
    for fresh in (True, False):
        cl = CueList(_PHRASES)
        if not fresh:  # every word already in the memo: the in-place read answers
            for w in _WORDS:
                cl.ending_in(fold(w))
        for words in _sentences(rng, 400):
            for i in range(len(words)):
                got = cl.ends_at(words, i)
                want = _brute_ends_at(cues, words, i)
                assert (got is None) == (want is None), (words, i)
                if got is not None:
                    assert len(got.words) == want
            assert cl.found_in(words) == any(_brute_ends_at(cues, words, i) for i in range(len(words)))
            opened = cl.opening(words)
            want_open = next(
                (i + 1 for i in range(len(words)) if _brute_ends_at(cues, words[: i + 1], i) == i + 1),
                None,
            )
            if opened is None:
                assert want_open is None, words
            else:
                assert opened[1] == want_open and len(opened[0].words) == want_open


def test_first_from_by_bisection_is_the_linear_sweep() -> None:
    from marsad.text.segment import _first_from_source

    rng = random.Random(7)
    for _ in range(500):
        a = sorted(rng.sample(range(200), rng.randint(0, 40)))
        n = rng.randint(0, len(a))
        i = rng.randint(0, n)
        bound = rng.randint(-5, 210)
        j = i
        while j < n and a[j] < bound:
            j += 1
        assert _first_from_source(a, i, n, bound) == j


def test_word_bits_near_is_the_brute_force() -> None:
    from marsad.recognize.trigger_windows import (
        _AFTER_REACH,
        _KEY_REACH,
        _NEG_REACH,
        AFTER,
        KEY,
        NEG,
        WordBits,
        _hot_words,
    )

    tests = {
        NEG: lambda w: w in {"لم", "ولم", "نفي"},
        KEY: lambda w: any(f in {"بعد", "منذ"} for f in peel(w)),
        AFTER: lambda w: w.endswith("سابق"),
    }
    vocabulary = ["لم", "ولم", "تسجل", "بعد", "وبعد", "منذ", "هجوم", "السابق", "في", "قتلى", "نفي"]
    rng = random.Random(21)
    bits = WordBits(tests)
    for _ in range(300):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 30))]
        want: tuple[set[int], set[int], set[int]] = (set(), set(), set())
        for x, w in enumerate(words):
            for k, (bit, reach) in enumerate(((NEG, _NEG_REACH), (KEY, _KEY_REACH), (AFTER, _AFTER_REACH))):
                if tests[bit](w):
                    want[k].update(x + d for d in reach)
        assert bits.near(words) == want
        assert bits.near(words) == want  # the same list again: the answer kept
        fresh = WordBits(tests)  # words met for the first time, then from the memo
        hot = [(x, b) for x, w in enumerate(words) if (b := sum(bit for bit, t in tests.items() if t(w)))]
        assert _hot_words(fresh.memo, fresh.of, words) == hot
        assert _hot_words(fresh.memo, fresh.of, words) == hot
