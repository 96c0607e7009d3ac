"""Less work inside the anchor windows of the date and casualty patterns, the same matches (issue 11).

Two shortcuts, each giving exactly the matches of the scan it replaces:

- A pattern that can start only at a few known words (the casualty patterns tried where an
  opening word starts, anchored.finditer_upto): those words' starts are read once per report
  from its shared tokens (a set intersection), and each window tries only them. The regex that
  looked for the opening words read every character of the merged windows, which for "على"
  (the anchor of "قضى على") cover half a report.
- A window that holds none of the positions a match needs (a digit run of the right kind, an
  anchor followed by a word the pattern looks ahead for, a noun right after the end of a
  quantity) is not scanned at all: the windows stay as they were, so the windows that are
  scanned give what they gave.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from marsad.recognize.numbers import _AnchorHit, indexes_in
from marsad.text.tokens import Tokens

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython


def words_at(t: Tokens, words: frozenset[str]) -> list[tuple[int, str]]:
    """(start, word) of t's words that are in `words`, in order: one pass over the report for
    the opening words of all the patterns, each then picking its own (few) from the list."""
    found, starts = t.words, t.starts
    # (One pass over the words: a set intersection first only told whether to make this one.)
    return [(starts[i], found[i]) for i in indexes_in(found, words)]


# (Compiled: a C loop over the list's ints, where a bisect call boxes its argument. text/tokens.py's
# _bisect_left is the same loop, but compiled inline it cannot be imported from another module.)
@cython.locals(
    positions=list, x=cython.Py_ssize_t, i=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t
)
def _first_at_or_after(positions: list[int], x: int) -> int:
    """bisect.bisect_left(positions, x)."""
    lo, hi = 0, len(positions)
    while lo < hi:
        i = (lo + hi) >> 1
        if cython.cast(cython.Py_ssize_t, positions[i]) < x:
            lo = i + 1
        else:
            hi = i
    return lo


def matches_at(
    rx: re.Pattern[str], s: str, positions: list[int], wa: int, wb: int, last: int
) -> Iterator[re.Match[str]]:
    """anchored.finditer_upto(rx, s, t, wa, wb, last, starts) when `positions` are the starts of
    t's words that `starts` matches whole (words_at): finditer_upto tries a match exactly
    at the starts of those words in [wa, last] not inside an earlier match (a match of `starts`
    is a whole word at a word start, and one inside a word hides no later word start)."""
    i = _first_at_or_after(positions, wa)
    n = len(positions)
    pos = wa
    match = rx.match
    while i < n:
        p = positions[i]
        if p > last:
            return
        i += 1
        if p >= pos:
            m = match(s, p, wb)
            if m is not None:
                yield m
                pos = m.end()


# Compiled, a pattern tried only at the words of its windows that can open a match (opening_at,
# then matches_at) costs a fraction of finditer over the windows; from source, the Python loop
# over the words costs more than finditer's scan in C, and the recognisers keep finditer (the
# same matches either way).
AT_OPENINGS: bool = bool(cython.compiled)


@cython.locals(i=cython.Py_ssize_t, n=cython.Py_ssize_t, p=cython.Py_ssize_t, hi=cython.Py_ssize_t, w=str)
def opening_at(t: Tokens, lo: int, hi: int, words: frozenset[str], digits: bool) -> list[int]:
    """The starts in [lo, hi] of t's words that are in `words` or, when `digits`, hold a character
    that is no letter (a digit): where a pattern opening with one of those words (after a
    clitic) or a figure can start a match, for matches_at."""
    starts, found = t.starts, t.words
    out: list[int] = []
    n = len(starts)
    i = _first_at_or_after(starts, lo)
    while i < n:
        p = starts[i]
        if p > hi:
            break
        w = found[i]
        if w in words or (digits and not w.isalpha()):
            out.append(p)
        i += 1
    return out


def windows_holding(windows: list[tuple[int, int, int]], needed: list[int]) -> list[tuple[int, int, int]]:
    """The windows (anchored.windows_upto's, in order) holding one of the sorted positions
    `needed` (a position every match of the pattern holds)."""
    out: list[tuple[int, int, int]] = []
    if not needed:
        return out
    j, n = 0, len(needed)
    for w in windows:
        while j < n and needed[j] < w[0]:
            j += 1
        if j == n:
            break
        if needed[j] < w[1]:
            out.append(w)
    return out


def followed_by(s: str, t: Tokens, ends: list[int], words: frozenset[str]) -> list[int]:
    """Of the sorted positions `ends` (each a word's end), those right after which, past
    whitespace only, comes a word in `words` (for a pattern whose anchor must be followed by
    one of them: `(?=\\s+(?:words))`)."""
    out: list[int] = []
    starts, found = t.starts, t.words
    n = len(starts)
    for e in ends:
        i = _first_at_or_after(starts, e)
        if i < n and found[i] in words and s[e : starts[i]].isspace():
            out.append(e)
    return out


def after_count(t: Tokens, hits: list[_AnchorHit], last_words: frozenset[str]) -> list[int]:
    """Of the hits (whole words), the starts of those right after a word that can end a
    quantity (one of `last_words`, or one holding a digit: numbers.QTY_LAST_WORDS), maybe with
    "من" between: the only places where a count + noun match ("20 قتيلا", "عدد من القتلى") can
    have its noun."""
    out: list[int] = []
    starts, found = t.starts, t.words
    for hit in hits:
        j = _first_at_or_after(starts, hit[0]) - 1
        if j < 0:
            continue
        w = found[j]
        if w == "من" and j > 0 and not (w in last_words or not w.isalpha()):
            w = found[j - 1]  # ("من" is no quantity's end: the word before it must be)
        if w in last_words or not w.isalpha():
            out.append(hit[0])
    return out
