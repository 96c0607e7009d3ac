"""An anchored pattern run only at the positions where one of its matches can start.

The casualty patterns open with a word start (numbers.B) and every match of theirs holds one of
their anchor words, the hits their windows are built around. A match therefore starts at a word
start at or before the start of one of its window's hits: it cannot start inside the anchor word
(that is no word start) nor after it. Past the last hit's start a window holds at most the rest of
a match, never its start, yet finditer tries every position there: most of the window of a
pattern reaching far after its anchor ("مقتل" and up to 170 characters of victims). Here only the
positions that can start a match are tried, one `match` each, and what finditer would give comes
out, match for match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from marsad.text.tokens import Tokens, alnum_mask

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

_AnchorHit = tuple[int, int, frozenset[str]]


# Compiled, the edge walks read the mask bytes as C integers, a character per step.
@cython.locals(n=cython.Py_ssize_t, a=cython.Py_ssize_t, b=cython.Py_ssize_t, alnum=bytes)
def windows_upto(
    s: str, hits: list[_AnchorHit], before: int, after: int, alnum: bytes | None = None
) -> list[tuple[int, int, int]]:
    """Merged windows reaching `before`/`after` characters around each hit, widened to word edges,
    each with the start of its last hit: the last position where one of its matches can start.
    `alnum`: alnum_mask(s), when the caller has it (a caller running a dozen patterns)."""
    out: list[tuple[int, int, int]] = []
    n = len(s)
    if alnum is None:
        alnum = alnum_mask(s)  # word edges without a string and a method call per character
    for start, end, _ in hits:  # in text order: the last hit merged into a window starts last
        a = max(0, start - before)
        b = min(n, end + after)
        while a > 0 and alnum[a - 1]:
            a -= 1
        while b < n and alnum[b]:
            b += 1
        if out and a <= out[-1][1]:
            wa, wb, _ = out[-1]
            out[-1] = (wa, max(wb, b), start)
        else:
            out.append((a, b, start))
    return out


@cython.locals(nwords=cython.Py_ssize_t, p=cython.Py_ssize_t, i=cython.Py_ssize_t, hi=cython.Py_ssize_t)
def word_starts(t: Tokens, lo: int, hi: int) -> list[int]:
    """The positions p in [lo, hi] where (?<!\\w) holds: p == 0 or text[p - 1] is in no word.
    (Tokens' words are the runs of str.isalnum, which is \\w less "_": the caller makes sure the
    text holds no "_".)"""
    starts, ends = t.starts, t.ends
    nwords = len(starts)
    out: list[int] = []
    p = lo
    # Words before i end at or before p - 1; word i ends after it (it holds p - 1, or follows).
    i = bisect_right(ends, lo - 1)
    while p <= hi:
        if p > 0 and i < nwords and starts[i] <= p - 1:
            p = ends[i] + 1  # p - 1 inside word i: the next candidate follows its end
            i += 1
        else:
            out.append(p)
            p += 1
    return out


def finditer_upto(
    rx: re.Pattern[str],
    s: str,
    t: Tokens,
    wa: int,
    wb: int,
    last: int,
    starts: tuple[re.Pattern[str], int] | None = None,
) -> Iterator[re.Match[str]]:
    """rx.finditer(s, wa, wb) for a pattern that opens with (?<!\\w), never matches empty and
    starts every match at or before `last`: a `match` at each word start of [wa, last] not
    inside an earlier match (what finditer tries there, with the same end and look-behind).

    `starts`, when given, is a pattern of whole words (ending at a word end, opening with a
    literal) that matches at every position where rx can start a match, with the length of its
    longest match: only its matches at a word start are tried. Its literal opening lets re skip
    in C to the next possible first letter, where each of the window's word starts cost a
    Python step and a `match` call (a merged window of "مقتل" holds every word between its
    hits, and few of them open a lead phrase)."""
    pos = wa
    match = rx.match
    if starts is None:
        for p in word_starts(t, wa, last):
            if p >= pos:
                m = match(s, p, wb)
                if m is not None:
                    yield m
                    pos = m.end()
        return
    # A match of `starts` inside a word (or cut at the scan's end) ends where the word does: it
    # hides no later word start. The scan stops where a word opening at `last` can end.
    opener, longest = starts
    alnum = alnum_mask(s)  # (index -1 reads the 0 past the end: position 0 is a word start)
    for p in map(re.Match.start, opener.finditer(s, wa, min(wb, last + longest))):
        if p > last:
            return
        if p >= pos and not alnum[p - 1]:
            m = match(s, p, wb)
            if m is not None:
                yield m
                pos = m.end()


def routes(key_sets: Sequence[frozenset[str]]) -> dict[str, tuple[int, ...]]:
    """Anchor key → the indexes of the key sets (one per pattern) that hold it; built once."""
    out: dict[str, list[int]] = {}
    for i, keys in enumerate(key_sets):
        for k in keys:
            out.setdefault(k, []).append(i)
    return {k: tuple(v) for k, v in out.items()}


def hits_per_pattern(
    hits: list[_AnchorHit], by_key: dict[str, tuple[int, ...]], n: int
) -> list[list[_AnchorHit] | None]:
    """For each of n patterns, the hits filed under any of its keys (in text order, a hit filed
    under two of its keys once), None when it has none: a report's few hits are sent to
    their patterns, instead of every pattern intersecting its keys with the report's (most
    patterns of a report have no hit, and then cost nothing)."""
    out: list[list[_AnchorHit] | None] = [None] * n
    for hit in hits:
        keys = hit[2]
        if len(keys) == 1:
            (key,) = keys
            targets: Iterable[int] = by_key.get(key, ())
        else:
            targets = {i for k in keys for i in by_key.get(k, ())}
        for i in targets:
            got = out[i]
            if got is None:
                out[i] = [hit]
            else:
                got.append(hit)
    return out
