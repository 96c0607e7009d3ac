"""Longest-first selection among a matcher's hits (matcher.PhraseMatcher.find gives them all)."""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable
from operator import ge, itemgetter, sub
from typing import TYPE_CHECKING, TypeVar

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

if TYPE_CHECKING:
    from marsad.text.matcher import Hit

P = TypeVar("P", bound=Hashable)

_START = itemgetter(0)
_END = itemgetter(1)


# Compiled, the search among the chosen intervals is a C loop over their ints: a call of the
# bisect module costs a boxed argument, a generic call and a rich comparison per step.
@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(a=list, x=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t, mid=cython.Py_ssize_t)
def _bisect_right(a: list[int], x: int) -> int:
    """bisect.bisect_right(a, x) for a sorted list of ints (compiled). A copy per module, on
    purpose: Cython inlines a cfunc only within its own module (sharing one would take a .pxd and
    a cimport, which the pure-Python fallback does not have)."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < cython.cast(cython.Py_ssize_t, a[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


if not cython.compiled:  # from source, the bisect module's C function (a Python loop is slower)
    _bisect_right = bisect.bisect_right


@cython.locals(
    k=cython.Py_ssize_t,
    i=cython.Py_ssize_t,
    start=cython.Py_ssize_t,
    end=cython.Py_ssize_t,
    hit_starts=list,
    hit_ends=list,
    starts=list,
    ends=list,
    by_start=list,
    item=tuple,
    overlap=cython.bint,
)
def longest_first(hits: Iterable[Hit[P]]) -> list[Hit[P]]:
    """Longest-first selection: drop every hit that overlaps a longer (then earlier) one."""
    # Visited by (-length, start), stable: the hits in start order, then a stable sort of their
    # places by negative length, both keys C-level (no Python key call per hit).
    by_start = sorted(hits, key=_START)
    # Each hit's start and end read once, in C (not two attribute reads per hit visited), and
    # whether one starts before the end of the one before it in start order: a third of the
    # texts' hit lists hold no overlap, and all their hits are kept, with no selection.
    if cython.compiled:
        # (compiled, one typed pass: two maps and a third over their pairs cost twice as much)
        hit_starts, hit_ends = [], []
        overlap = False
        end = -1  # (no hit starts before 0)
        for h in by_start:
            item = cython.cast(tuple, h)  # (a Hit is a tuple: its items read in place)
            first, last = item[0], item[1]
            hit_starts.append(first)
            hit_ends.append(last)
            start = first
            if start < end:
                overlap = True
            end = last
    else:
        hit_starts = list(map(_START, by_start))
        hit_ends = list(map(_END, by_start))
        overlap = not all(map(ge, hit_starts[1:], hit_ends))
    if not overlap:
        return by_start
    neg_lengths = list(map(sub, hit_starts, hit_ends))
    starts: list[int] = []  # chosen intervals, kept sorted and disjoint
    ends: list[int] = []
    chosen: list[Hit[P]] = []
    for k in sorted(range(len(by_start)), key=neg_lengths.__getitem__):
        start, end = hit_starts[k], hit_ends[k]
        i = _bisect_right(starts, start)
        # Disjoint from the interval starting at or before it and from the one after it.
        if (i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        chosen.append(by_start[k])
    chosen.sort(key=_START)
    return chosen
