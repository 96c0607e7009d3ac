"""The words of a folded report, found once and shared by every recogniser.

Recognisers read the few words before or after a mention many times per report (context cues,
roles, nationality adjectives). Tokenising the report once and answering each window with two
binary searches costs less than a regex pass over a 60-character window per question, and gives
the very same words: a window's words are the report's words that overlap it, cut at its edges.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import add

from marsad.text.normalize import COMMON_CHARS, encode_common, encode_common_marking

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.bytes import PyBytes_AS_STRING

WORD = re.compile(r"[^\W_]+")  # a word of letters or digits (exactly str.isalnum runs)
_SPLIT = re.compile(r"([^\W_]+)")
# The bytes (encode_common) of the characters that are a word's or a space: deleted from an
# encoded text, they leave those to turn into spaces before splitting on spaces.
_WORD_OR_SPACE = bytes(b for b, ch in enumerate(COMMON_CHARS) if ch.isalnum() or ch == " ")
_MAX_SEPARATORS = 32  # more distinct separators than this: the regex split is cheaper
# Below this length a text is tokenised per question: a window or a headline is not worth a cache.
_SHARED_FROM = 400


# Compiled, the word searches are C loops over the offsets' ints: a call of the bisect module
# costs a boxed argument, a generic call and a rich comparison per step, several times the
# search itself (two per window, and every cue window of a report asks).
@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(a=list, x=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t, mid=cython.Py_ssize_t)
def _bisect_left(a: list[int], x: int) -> int:
    """bisect.bisect_left(a, x) for a sorted list of ints (compiled)."""
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


if not cython.compiled:  # from source, the bisect module's C functions (a Python loop is slower)
    _bisect_left, _bisect_right = bisect_left, bisect_right


@cython.cclass
class Tokens:
    """Words of one text with their [start, end) offsets, in order."""

    # Compiled, an extension class: its methods read these as C struct fields, where an
    # attribute look-up per read cost as much as their searches (every cue window asks).
    text = cython.declare(str, visibility="public")
    # The text as normalize.encode_common's bytes (None when it has other characters): kept
    # for the recognisers, whose searches for ASCII-like classes run faster on bytes.
    coded = cython.declare(bytes, visibility="public")
    words = cython.declare(list, visibility="public")
    starts = cython.declare(list, visibility="public")
    ends = cython.declare(list, visibility="public")

    def __init__(self, text: str) -> None:
        self.text = text
        self.coded = coded = encode_common(text)
        if cython.compiled and coded is not None:
            # Compiled, one C pass over the bytes finds the runs of letters and digits (the
            # words, as below): no separator replaced, no piece of a split built and dropped.
            self.words, self.starts, self.ends = _word_runs(text, coded)
            return
        separators = None if coded is None else set(coded.translate(None, _WORD_OR_SPACE))
        if separators is None or len(separators) > _MAX_SEPARATORS:
            # One split into [gap, word, gap, word, ..., gap] and running lengths give the words
            # and their offsets without a Python step per word.
            pieces = _SPLIT.split(text)
            offsets = list(accumulate(map(len, pieces), initial=0))
            self.words = pieces[1::2]
            self.starts = offsets[1:-1:2]
            self.ends = offsets[2:-1:2]
            return
        # The same words at a fraction of the cost (a regex tests each character against the
        # Unicode tables): every character that is neither a letter, a digit nor a space becomes
        # a space (one C-level replace per distinct one), and a split on single spaces leaves the
        # words as its non-empty pieces, piece i starting at the lengths before it plus i.
        spaced = text
        for b in separators:
            spaced = spaced.replace(COMMON_CHARS[b], " ")
        pieces = spaced.split(" ")
        lengths = list(map(len, pieces))
        self.words = list(compress(pieces, lengths))
        # (The running sums of length + 1: one new int per piece, where summing the lengths and
        # adding the piece's index made three.)
        self.starts = list(compress(accumulate(map(add, lengths, repeat(1)), initial=0), lengths))
        self.ends = list(map(add, self.starts, compress(lengths, lengths)))

    # Compiled, the word indexes are C integers (these answer every cue window of a report).
    @cython.locals(i=cython.Py_ssize_t, j=cython.Py_ssize_t, k=cython.Py_ssize_t, starts=list, ends=list)
    def before(self, pos: int, lo: int, max_words: int) -> list[str]:
        """The last `max_words` words of text[lo:pos] (words cut at lo or pos come cut)."""
        if lo >= pos:
            return []  # an empty window (a word around pos would come as an empty cut)
        # Attributes read once into locals: this answers every cue window of a report.
        starts, ends = self.starts, self.ends
        j = _bisect_left(starts, pos)  # words starting before pos: [0, j)
        i = _bisect_right(ends, lo)  # the first word ending after lo
        k = j - max_words
        if k < i:
            k = i
        if k >= j:
            return []
        out = self.words[k:j]
        if starts[k] < lo or ends[k] > pos:
            out[0] = self.text[max(starts[k], lo) : min(ends[k], pos)]
        if j - 1 > k and ends[j - 1] > pos:
            out[-1] = self.text[starts[j - 1] : pos]
        return out

    def count(self, start: int, end: int) -> int:
        """len(WORD.findall(text[start:end])) for start < end: the words overlapping the window,
        those starting before its end less those ending by its start (a word cut at an edge
        still counts once)."""
        return _bisect_left(self.starts, end) - _bisect_right(self.ends, start)

    @cython.locals(i=cython.Py_ssize_t, j=cython.Py_ssize_t, starts=list, ends=list)
    def after(self, pos: int, hi: int, max_words: int) -> list[str]:
        """The first `max_words` words of text[pos:hi] (words cut at pos or hi come cut)."""
        starts, ends = self.starts, self.ends  # read once (as in before)
        i = _bisect_right(ends, pos)  # the first word ending after pos
        j = _bisect_left(starts, hi)
        if j > i + max_words:
            j = i + max_words
        if i >= j:
            return []
        out = self.words[i:j]
        if starts[i] < pos or ends[i] > hi:
            out[0] = self.text[max(starts[i], pos) : min(ends[i], hi)]
        if j - 1 > i and ends[j - 1] > hi:
            out[-1] = self.text[starts[j - 1] : hi]
        return out


# Byte b of normalize.encode_common's output → 1 when its character is a letter or digit.
_ALNUM = bytes(ch.isalnum() for ch in COMMON_CHARS)


@cython.locals(
    text=str, coded=bytes, words=list, starts=list, ends=list, n=cython.Py_ssize_t,
    i=cython.Py_ssize_t, s=cython.Py_ssize_t,
)  # fmt: skip
def _word_runs(text: str, coded: bytes) -> tuple[list[str], list[int], list[int]]:
    """The runs of letters and digits of `text` (str.isalnum runs: the words) with their
    [start, end) offsets, read from its encode_common bytes `coded` (one per character):
    Tokens' compiled path, a C test per character against _ALNUM."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    buf = PyBytes_AS_STRING(coded)
    table = PyBytes_AS_STRING(_ALNUM)
    n = len(coded)
    s = -1  # the start of the word being read, -1 between words
    for i in range(n):
        if table[buf[i] & 0xFF]:
            if s < 0:
                s = i
        elif s >= 0:
            words.append(text[s:i])
            starts.append(s)
            ends.append(i)
            s = -1
    if s >= 0:
        words.append(text[s:n])
        starts.append(s)
        ends.append(n)
    return words, starts, ends


@lru_cache(maxsize=2)  # the report and its headline, asked about by the matcher and the windows
def alnum_mask(text: str) -> bytes:
    """Per character of text 1 if str.isalnum, else 0, then a 0 for the end of the text (read
    as index len(text), and as index -1 before its start). Word edges are tested at every
    automaton hit and window edge, where a one-character string and a method call per test
    cost more than the rest of the test; one C-level translate of the text's encoding
    (at hand for a report just folded) answers them all."""
    coded = encode_common(text)
    if coded is None:
        # A few characters outside the common ones: each is read itself, where its byte is "?".
        coded, question = encode_common_marking(text)
        mask = bytearray(coded.translate(_ALNUM))
        i = coded.find(question)
        while i >= 0:
            mask[i] = text[i].isalnum()
            i = coded.find(question, i + 1)
        return bytes(mask) + b"\0"
    return coded.translate(_ALNUM) + b"\0"


@lru_cache(maxsize=2)  # the report being read (and one more): a 200,000-char one holds ~5 MB
def _tokens(text: str) -> Tokens:
    return Tokens(text)


def tokens(text: str) -> Tokens | None:
    """The shared tokens of a report-length text, else None (tokenise the window instead)."""
    return _tokens(text) if len(text) >= _SHARED_FROM else None


def words_before(text: str, pos: int, lo: int, max_words: int) -> list[str]:
    """WORD.findall(text[lo:pos])[-max_words:], from the shared tokens when text is long."""
    t = tokens(text) if 0 <= lo < pos and max_words > 0 else None
    if t is None:
        return WORD.findall(text[lo:pos])[-max_words:]
    return t.before(pos, lo, max_words)


def words_after(text: str, pos: int, hi: int, max_words: int) -> list[str]:
    """WORD.findall(text[pos:hi])[:max_words], from the shared tokens when text is long."""
    t = tokens(text) if 0 <= pos < hi and max_words >= 0 else None
    if t is None:
        return WORD.findall(text[pos:hi])[:max_words]
    return t.after(pos, hi, max_words)
