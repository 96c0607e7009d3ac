"""recognize.anchored: the casualty patterns tried only where a match can start find what
finditer over the whole window finds."""

from __future__ import annotations

import random

from marsad.recognize import casualties, casualty_patterns
from marsad.recognize.anchored import finditer_upto, hits_per_pattern, routes, windows_upto, word_starts
from marsad.recognize.numbers import _AnchorHit, _windows, anchor_hits, fast_fold_with_map
from marsad.text.tokens import Tokens, alnum_mask

_WORDS = [
    "قتل",
    "مقتل",
    "قتلى",
    "جرحى",
    "إصابة",
    "3",
    "ثلاثة",
    "مدنيين",
    "بين",
    "قتيل",
    "وجريح",
    "وإصابة",
    "لقي",
    "مصرعهم",
    "عشرات",
    "القتلى",
    "ارتفع",
    "عدد",
    "إلى",
    "أشخاص",
    "قتلوا",
    "الجيش",
    "قوات",
    "في",
    "مدينة",
    "غارة",
    "على",
    "الأربعاء",
    "أمس",
    "وقتل",
    "أصيب",
    "بجروح",
    "12",
]
_SEPARATORS = (" ", "  ", "، ", " ،", ".", "\n", " - ", ",", "(", ") ")


def _texts(n: int) -> list[str]:
    rnd = random.Random(11)
    out = []
    for _ in range(n):
        words = [rnd.choice(_WORDS) for _ in range(rnd.randint(3, 80))]
        out.append("".join(w + (rnd.choice(_SEPARATORS) if rnd.random() < 0.3 else " ") for w in words))
    return [fast_fold_with_map(t).text for t in out]


def _picked(hits: list[_AnchorHit], keys: frozenset[str]) -> list[_AnchorHit]:
    """The plain reading of a pattern's hits: those filed under any of its keys, in text order."""
    return [h for h in hits if h[2] & keys]


def test_word_starts_are_the_positions_after_no_word_character() -> None:
    for s in _texts(200):
        t = Tokens(s)
        for lo, hi in ((0, len(s)), (3, min(40, len(s))), (len(s) // 2, len(s) - 1)):
            want = [p for p in range(lo, hi + 1) if p == 0 or not s[p - 1].isalnum()]
            assert word_starts(t, lo, hi) == want


def test_every_casualty_pattern_finds_what_finditer_finds() -> None:
    specs = [(casualties._MIXED, casualty_patterns._MIXED_KEYS, *casualties._MIXED_REACH)]
    specs += [(rx, keys, b, a) for _, _, rx, keys, b, a in casualties._SPECS]
    found = 0
    for s in _texts(400):
        hits = anchor_hits(s, casualties._ANCHORS)
        if not hits:
            continue
        t = Tokens(s)
        for rx, keys, before, after in specs:
            want = [
                (m.span(), m.groupdict())
                for wa, wb in _windows(s, _picked(hits, keys), before, after)
                for m in rx.finditer(s, wa, wb)
            ]
            got = [
                (m.span(), m.groupdict())
                for wa, wb, last in windows_upto(s, _picked(hits, keys), before, after)
                for m in finditer_upto(rx, s, t, wa, wb, last)
            ]
            assert got == want, s
            found += len(want)
    assert found > 100  # the texts exercise the patterns


def test_alnum_mask_is_str_isalnum_then_a_zero() -> None:
    for s in [*_texts(50), "", "a_b 12", "قتل\U0001f600 مدني", "ﻻ٣ ½ ²x"]:
        assert alnum_mask(s) == bytes(ch.isalnum() for ch in s) + b"\0"


def test_hits_per_pattern_is_each_patterns_picked_hits() -> None:
    key_sets = [casualty_patterns._MIXED_KEYS, *(spec[3] for spec in casualties._SPECS)]
    by_key = routes(key_sets)
    for s in _texts(200):
        hits = anchor_hits(s, casualties._ANCHORS)
        got = hits_per_pattern(hits, by_key, len(key_sets))
        assert got == [_picked(hits, keys) or None for keys in key_sets]
