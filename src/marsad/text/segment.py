"""Sentence and clause segmentation for Arabic news prose.

Hand-written: spaCy's blank Arabic pipeline splits only on punctuation and knows nothing of the
discourse connectives (كما، بينما، في حين) that Arabic reports use to chain separate incidents
into one sentence. Offsets are in the coordinates of the text given.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.text.normalize import encode_common, known_encoding

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.bytes import PyBytes_AS_STRING
    from cython.cimports.cpython.ref import Py_INCREF
    from cython.cimports.cpython.tuple import PyTuple_SET_ITEM
    from cython.cimports.cpython.type import PyType_GenericAlloc
    from cython.cimports.libc.string import memchr, memcmp

# A sentence ends at . ! ? ؟ … or a line break, but not at a decimal point (3.5); a year or a
# toll closes a sentence like any word ("... في 14 كانون الثاني 1991. وقتل ...").
# One character class opens the pattern (the decimal-point test comes after it, as a lookahead
# that looks back at the dot): re then skips ahead in C to the next candidate character. A
# pattern opening with an alternation gets no such skip and is tried at every position.
_SENT_END = re.compile(r"[.!?؟…\n](?!(?<=\d\.)\d)\s*")
# Clause boundaries inside a sentence: Arabic comma/semicolon, and connectives that open a new
# clause. The connective stays with the clause it opens. "ردا على" opens the act that the one
# before it answered (events/answered.py).
# (One opening character class for both branches, for the same reason: "[،؛;,]\s*" or
# "\s+(?=connective)".)
_CLAUSE_BREAK = re.compile(
    r"[،؛;,\s](?:(?<=[،؛;,])\s*|\s*(?="
    r"(?:و|ف)?(?:كما|بينما|في حين|فيما|في وقت|إلى ذلك|الى ذلك|من جهة|من جانب|وذلك بعد|حيث"
    r"|ردا على|رداً على|انتقاما|ثأرا)\s))"
)

# Each connective of _CLAUSE_BREAK contains one of these, as written. A sentence holding none of
# them breaks only at its punctuation; _CLAUSE_BREAK would try every whitespace character in it
# for a connective, a match attempt per word.
_CONNECTIVE_CORES = (
    "كما", "بينما", "في حين", "فيما", "في وقت", "ذلك", "من جهة", "من جانب", "حيث", "ردا على", "رداً على",
    "انتقاما", "ثأرا",
)  # fmt: skip
# What the connective branch of _CLAUSE_BREAK looks ahead for (the same words, and \s after).
_CONNECTIVES = (
    "كما",
    "بينما",
    "في حين",
    "فيما",
    "في وقت",
    "إلى ذلك",
    "الى ذلك",
    "من جهة",
    "من جانب",
    "وذلك بعد",
    "حيث",
    # An act told as the cause of the one before (events/answered.py).
    "ردا على",
    "رداً على",
    "انتقاما",
    "ثأرا",
)
_CONNECTIVE = re.compile(r"(?:و|ف)?(?:" + "|".join(_CONNECTIVES) + r")\s")
# How far before one of its cores a connective (its clitic included) can start.
_CORE_LEAD = max(
    min(i for i in (f.find(c) for c in _CONNECTIVE_CORES) if i >= 0)
    for f in (p + w for p in ("", "و", "ف") for w in _CONNECTIVES)
)
_PUNCT = "،؛;,"  # _CLAUSE_BREAK where no connective follows: one of these, then \s*
_SENT_END_CHARS = ".!?؟…\n"  # what opens a _SENT_END match
_SPACES = re.compile(r"\s*")

_LETTER = re.compile(r"[^\W_]")  # exactly str.isalnum, searched in C instead of char by char


class Segment(NamedTuple):
    """A sentence or clause (a named tuple: a report has a hundred of them, built per report)."""

    start: int
    end: int
    index: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


# Builds a Segment without the Python-level __new__ a NamedTuple gets (a frame per call, dearer
# than the tuple itself): the very same object.
_new = tuple.__new__


# Compiled, the same object built in C (as tuple_subtype_new builds it: the type's allocation,
# then the items), without tuple.__new__'s generic call, argument tuples and parsing.
@cython.cfunc
@cython.inline
def _new_segment(start: int, end: int, index: int) -> Segment:
    seg = PyType_GenericAlloc(Segment, 3)
    # (SET_ITEM steals a reference: each item's is taken first)
    Py_INCREF(start)
    PyTuple_SET_ITEM(seg, 0, start)
    Py_INCREF(end)
    PyTuple_SET_ITEM(seg, 1, end)
    Py_INCREF(index)
    PyTuple_SET_ITEM(seg, 2, index)
    return seg


def _split(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[Segment]:
    """The pieces of text[start:end] between the matches of `pattern`, read in place (re's pos and
    endpos, not a slice: the clause pattern looks behind only at what it has just matched, and
    endpos ends the string for its lookahead as a slice would)."""
    return _pieces(text, [m.span() for m in pattern.finditer(text, start, end)], start, end)


# Compiled, offsets are C integers and a character's isalnum() a C test on it (no one-character
# string and method call): these read every sentence and clause of every report.
@cython.locals(
    text=str, out=list, start=cython.Py_ssize_t, end=cython.Py_ssize_t, pos=cython.Py_ssize_t,
    a=cython.Py_ssize_t, b=cython.Py_ssize_t,
)  # fmt: skip
def _pieces(text: str, breaks: list[tuple[int, int]], start: int, end: int) -> list[Segment]:
    """The pieces of text[start:end] between `breaks` (in order, as finditer gives them) that hold
    a word character (the others are stray punctuation), as Segments numbered from 0 (built
    here, not by a pass over pairs afterwards: this runs for every sentence)."""
    out: list[Segment] = []
    pos = start
    # A piece nearly always opens with a letter: str.isalnum on it answers for most, and the
    # regex (a call about four times dearer than a str method) reads only the others.
    search = _LETTER.search
    for a, b in breaks:
        if a > pos and (text[pos].isalnum() or search(text, pos, a)):
            if cython.compiled:
                out.append(_new_segment(pos, a, len(out)))
            else:
                out.append(_new(Segment, (pos, a, len(out))))
        if b > pos:
            pos = b
    if pos < end and (text[pos].isalnum() or search(text, pos, end)):
        if cython.compiled:
            out.append(_new_segment(pos, end, len(out)))
        else:
            out.append(_new(Segment, (pos, end, len(out))))
    return out


# Compiled, text.find is a C call of PyUnicode_Find with C offsets (no method look-up per call).
@cython.locals(text=str, out=list, i=cython.Py_ssize_t, coded=bytes)
def positions(text: str, chars: Iterable[str]) -> list[int]:
    """Where each of `chars` occurs in text, in order: a C-level str.find per occurrence, where a
    regex pass tests every character of the text."""
    out: list[int] = []
    # (compiled, the report's bytes, one per character, when at hand)
    coded = known_encoding(text) if cython.compiled else None
    for ch in chars:
        if coded is not None and ch:
            # The mark's or word's bytes searched in C (memchr for one of them, then memcmp):
            # str.find searches an Arabic text for the low byte of a mark's code, which most
            # marks share with a letter ("." with "خ"), and reads a word's candidates one by one.
            found = _encoded(ch)
            if found is not None:  # (else a string the text cannot hold)
                _find_all_bytes(coded, found[0], found[1], out)
            continue
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


@cython.cfunc
@cython.locals(
    coded=bytes, needle=bytes, anchor=cython.Py_ssize_t, out=list, n=cython.Py_ssize_t, m=cython.Py_ssize_t,
    i=cython.Py_ssize_t, byte=cython.Py_ssize_t,
)  # fmt: skip
def _find_all_bytes(coded: bytes, needle: bytes, anchor: int, out: list[int]) -> None:
    """Appends to `out` every offset of `needle` (not empty) in `coded`, overlapping ones too
    (as a search from each one's next offset finds them; compiled only): memchr finds its byte
    at `anchor`, memcmp checks the rest."""
    buf = PyBytes_AS_STRING(coded)
    pat = PyBytes_AS_STRING(needle)
    n, m = len(coded), len(needle)
    byte = needle[anchor]
    i = 0  # the next start to try
    while i <= n - m:
        found = memchr(buf + i + anchor, byte, n - m + 1 - i)
        if found == cython.NULL:
            break
        i = cython.cast(cython.p_char, found) - buf - anchor
        if memcmp(buf + i, pat, m) == 0:
            out.append(i)
        i += 1


# The letters most Arabic words hold: a needle is searched by its first character not among
# them (memchr stops at every occurrence of the byte it seeks).
_FREQUENT = frozenset("اليمونهتر ")


@lru_cache(maxsize=64)  # (the marks and connectives searched for: a few constants)
def _encoded(ch: str) -> tuple[bytes, int] | None:
    """encode_common(ch) and the offset of the character to search for (None: a string with a
    character no text of common characters holds)."""
    coded = encode_common(ch)
    if coded is None:
        return None
    return coded, next((k for k, c in enumerate(ch) if c not in _FREQUENT), 0)


@cython.locals(text=str, out=list, end=cython.Py_ssize_t, pos=cython.Py_ssize_t, p=cython.Py_ssize_t)
def _runs_after(text: str, opens: list[int], end: int) -> list[tuple[int, int]]:
    """The spans finditer would give over text[:end] for a pattern that matches at each of
    `opens` (in order) one character and then any whitespace: an opening inside an earlier span is skipped."""
    out: list[tuple[int, int]] = []
    pos = 0
    spaces = _SPACES.match
    for p in opens:
        if p >= pos:
            # Most runs are one space or none: str.isspace (what \s matches) on a character or
            # two, the regex only for a longer run.
            pos = p + 1
            if pos < end and text[pos].isspace():
                pos += 1
                if pos < end and text[pos].isspace():
                    pos = spaces(text, pos, end).end()
            out.append((p, pos))
    return out


@cython.locals(text=str, n=cython.Py_ssize_t, p=cython.Py_ssize_t, opens=list)
def _sentence_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of _SENT_END.finditer(text), from the places of its opening characters."""
    n = len(text)
    opens = []
    for p in positions(text, _SENT_END_CHARS):
        # Not a decimal point (re's \d is exactly str.isdecimal), nor the dot of an initial: a
        # lone letter before it ("أحمد ن.ر.", "(س.م)") — no Arabic word is one letter long.
        if not (
            text[p] == "."
            and p > 0
            and (
                (p < n - 1 and text[p - 1].isdecimal() and text[p + 1].isdecimal())
                or (text[p - 1].isalpha() and (p < 2 or not text[p - 2].isalnum()))
            )
        ):
            opens.append(p)
    return _runs_after(text, opens, n)


def sentences(text: str) -> list[Segment]:
    return _pieces(text, _sentence_breaks(text), 0, len(text))


def clauses(text: str, sentence: Segment) -> list[Segment]:
    return _split(text, _CLAUSE_BREAK, sentence.start, sentence.end)


@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(a=list, i=cython.Py_ssize_t, n=cython.Py_ssize_t, bound=cython.Py_ssize_t)
def _first_from(a: list[int], i: int, n: int, bound: int) -> int:
    """The first index from i on of sorted a[:n] whose value is at least bound (n if none)."""
    while i < n and cython.cast(cython.Py_ssize_t, a[i]) < bound:
        i += 1
    return i


def _first_from_source(a: list[int], i: int, n: int, bound: int) -> int:
    """_first_from from source: there cython.cast is a Python call per element read, and the
    bisect module's C search gives the same index (a[:n] is sorted; lo >= hi returns lo)."""
    return bisect_left(a, bound, i, n)


if not cython.compiled:
    _first_from = _first_from_source


@cython.locals(
    cores=list, puncts=list, start=cython.Py_ssize_t, end=cython.Py_ssize_t,
    p=cython.Py_ssize_t, q=cython.Py_ssize_t, c=cython.Py_ssize_t, d=cython.Py_ssize_t,
    n_cores=cython.Py_ssize_t, n_puncts=cython.Py_ssize_t,
)  # fmt: skip
def all_clauses(text: str, sentences: list[Segment]) -> list[list[Segment]]:
    """[clauses(text, s) for s in sentences], the connective search done only in the sentences
    that hold a connective (few of them): the others break at their punctuation alone."""
    cores = positions(text, _CONNECTIVE_CORES)  # where a connective core starts
    puncts = positions(text, _PUNCT)
    n_cores, n_puncts = len(cores), len(puncts)
    out: list[list[Segment]] = []
    # The sentences come in order and apart: one sweep over the marks and the cores finds each
    # sentence's own [p, q) and [c, d) (what bisect_left at its start and end would give).
    p = c = 0
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        p = _first_from(puncts, p, n_puncts, start)
        q = _first_from(puncts, p, n_puncts, end)
        c = _first_from(cores, c, n_cores, start)
        d = _first_from(cores, c, n_cores, end)
        breaks = _runs_after(text, puncts[p:q], end)
        # A connective _CLAUSE_BREAK can see lies wholly inside the sentence (endpos).
        if d > c:
            breaks = _with_connectives(text, breaks, cores[c:d], start, end)
        out.append(_pieces(text, breaks, start, end))
        p, c = q, d
    return out


def _with_connectives(
    text: str, breaks: list[tuple[int, int]], cores: list[int], start: int, end: int
) -> list[tuple[int, int]]:
    """_CLAUSE_BREAK.finditer(text, start, end) as spans, given its punctuation spans `breaks`
    and the cores of connectives in text[start:end]. Its other matches are the whitespace runs
    right before a connective (tried near each core only, not at every whitespace character);
    a run swallowed by an earlier punctuation span is no match, as in finditer."""
    opens: dict[int, int] = {}  # start of a whitespace run → the connective after it
    for k in cores:
        for c in range(max(start + 1, k - _CORE_LEAD), k + 1):
            if c not in opens.values() and text[c - 1].isspace() and _CONNECTIVE.match(text, c, end):
                w = c - 1
                while w > start and text[w - 1].isspace():
                    w -= 1
                opens[w] = c
    if not opens:
        return breaks
    out: list[tuple[int, int]] = []
    pos = start
    for a, b in sorted([*breaks, *opens.items()]):
        if a >= pos:
            out.append((a, b))
            pos = b
    return out
