"""Clitic-aware phrase matching over folded Arabic text (Aho-Corasick, via pyahocorasick).

Lexicons list bare forms (داعش، الرقة); Arabic attaches proclitics to the first word (لداعش،
وبالرقة، للرقة). The automaton finds every occurrence of a bare form; a hit is kept only when what
stands between the start of its word and the hit is a valid proclitic chain. This clitic check is
hand-written because no offline Arabic segmenter that works here handles proper names
(tashaphyne over-stems them, farasa and camel-tools' analysers need downloads).
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

P = TypeVar("P", bound=Hashable)

# Conjunction, then preposition, then (only for forms without their own article) the article.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_BASE_CHAINS = {c + p for c in _CONJ for p in _PREP}
_ARTICLE_CHAINS = {c + "ال" for c in _BASE_CHAINS}
# "ل" + "ال" contracts to "لل": the form "لمدينه" (article minus its alef) needs this "ل" before it.
_LAM_CHAINS = {c + "ل" for c in _CONJ}
_MAX_CHAIN = max(len(c) for c in _BASE_CHAINS | _ARTICLE_CHAINS | _LAM_CHAINS)


class Hit(NamedTuple, Generic[P]):
    """One accepted match in folded coordinates: [start, end) of the phrase itself.

    A named tuple, not a dataclass: a report yields a few hundred hits and building a frozen
    dataclass cost more than finding the hit."""

    start: int  # start of the matched form (after the clitics)
    end: int
    word_start: int  # start of the first word, clitics included
    payloads: tuple[P, ...]
    key: str  # the folded lexicon form that matched (as added, even when its لل form was found)
    article: bool  # an article was peeled in front of a form that has none


class PhraseMatcher(Generic[P]):
    """Map folded phrases to payloads; find them in folded text with clitics peeled."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, list[P]]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, phrase: str, payload: P, *, prefix: bool = False) -> None:
        """Add a folded phrase. `prefix`: the last word may continue (suffixes, inflection)."""
        phrase = " ".join(phrase.split())
        if not phrase:
            return
        mode = "prefix" if prefix else "word"
        self._put(phrase, mode, payload)
        if phrase.startswith("ال") and len(phrase) > 3:
            self._put(phrase[1:], "lam-" + mode, payload)
        self._automaton = None

    def _put(self, key: str, mode: str, payload: P) -> None:
        modes = self._entries.setdefault(key, {})
        lst = modes.setdefault(mode, [])
        if payload not in lst:
            lst.append(payload)

    def build(self) -> None:
        auto = ahocorasick.Automaton()
        for key, modes in self._entries.items():
            # What find() needs per hit, worked out once: the key, its length, whether it has
            # its own article, and per mode (lam-contracted?, whole word?, payloads) in order.
            plan = tuple((m.startswith("lam-"), m.endswith("word"), tuple(v)) for m, v in modes.items())
            auto.add_word(key, (key, len(key), key.startswith("ال"), plan))
        if len(self._entries):
            auto.make_automaton()
        self._automaton = auto

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str) -> list[Hit[P]]:
        """All accepted hits in folded `text`, ordered by start then longest first."""
        if self._automaton is None:
            self.build()
        auto = self._automaton
        assert auto is not None
        if not len(self._entries):
            return []
        hits: list[Hit[P]] = []
        n = len(text)
        base, article_chains, lam_chains = _BASE_CHAINS, _ARTICLE_CHAINS, _LAM_CHAINS
        for end_idx, (key, klen, own_article, plan) in auto.iter(text):
            start = end_idx - klen + 1
            end = end_idx + 1
            # Walk back to the word start, but no further than the longest clitic chain allows:
            # an unbounded walk costs the word's length per hit, quadratic on a long letter run.
            ws, floor = start, start - _MAX_CHAIN - 1
            if floor < 0:
                floor = 0
            while ws > floor and text[ws - 1].isalnum():
                ws -= 1
            if start - ws > _MAX_CHAIN:
                continue
            chain = text[ws:start]
            at_word_end = end >= n or not text[end].isalnum()
            payloads: list[P] = []
            article = False
            form = key
            for lam, word, pls in plan:
                if lam:
                    if chain not in lam_chains:
                        continue
                elif chain not in base:
                    if chain in article_chains and not own_article:
                        article = True
                    else:
                        continue
                if word and not at_word_end:
                    continue
                payloads.extend(pls)
                if lam:
                    form = "ا" + key  # report the lexicon form (المدينه), not its لل-contracted key
            if payloads:
                hits.append(Hit(start, end, ws, tuple(dict.fromkeys(payloads)), form, article))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits


def longest_first(hits: Iterable[Hit[P]]) -> list[Hit[P]]:
    """Longest-first selection: drop every hit that overlaps a longer (then earlier) one."""
    starts: list[int] = []  # chosen intervals, kept sorted and disjoint
    ends: list[int] = []
    chosen: list[Hit[P]] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        i = bisect.bisect_right(starts, h.start)
        # Disjoint from the interval starting at or before it and from the one after it.
        if (i > 0 and ends[i - 1] > h.start) or (i < len(starts) and starts[i] < h.end):
            continue
        starts.insert(i, h.start)
        ends.insert(i, h.end)
        chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen
