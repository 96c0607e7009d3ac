"""Arabic orthographic folding with a map back to the original offsets.

Written by hand: camel-tools' normalisers keep tatweel and its data-backed parts need a download,
and pyarabic's hamza normaliser is too aggressive for names (إدلب→ءدلب). None of them keeps an
offset map, which every evidence span needs (CODING.md §7).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from operator import add
from typing import Any

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

# One character in, zero or one character out. Everything not listed passes through.
_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    "ؤ": "و", "ۆ": "و",
    "ک": "ك", "گ": "ك",
    # Quotes go: outlets quote names (تنظيم “داعش”) and the quote must not split an alias.
    "“": "", "”": "", "„": "", "«": "", "»": "", "‘": "", "’": "", "‹": "", "›": "", '"': "",
    "٫": ".", "٬": ",", "،": "،", "؛": "؛",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200f": "", "\u200e": "", "\u200b": "",
    "\u200c": "", "\u200d": "", "\ufeff": "", "\u0640": "",  # tatweel
}  # fmt: skip
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits


# Compiled, the bisections of the offset maps are C loops over the ints of a list or tuple: a
# call of the bisect module costs a boxed argument, a generic call and a rich comparison per
# step, several times the search itself, and these run for every mention of every report.
@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(x=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t, mid=cython.Py_ssize_t)
def _bisect_right(a: Sequence[int], x: int, lo: int) -> int:
    """bisect.bisect_right(a, x, lo) for a sorted list or tuple of ints (compiled). A copy per module, on
    purpose: Cython inlines a cfunc only within its own module (sharing one would take a .pxd and
    a cimport, which the pure-Python fallback does not have)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < cython.cast(cython.Py_ssize_t, a[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


if not cython.compiled:  # from source, the bisect module's C function (a Python loop is slower)
    _bisect_right = bisect_right


def _is_mark(ch: str) -> bool:
    # Harakat, shadda, sukun, superscript alef, Quranic marks: dropped.
    return unicodedata.category(ch) == "Mn"


@cython.cclass
class Folded:
    """Folded text plus a map back to the original.

    Folding deletes characters (marks, tatweel, quotes) but never merges or splits them, so the
    map is kept as runs: `run_at[k]` is the folded index after which `shift[k]` original
    characters in total have vanished. Building a full per-character table cost more than the
    folding itself on news-length text.

    Compiled, an extension class: its look-ups (every mention of every report) read these as C
    struct fields, not by an attribute look-up each (set once, never changed after).
    """

    text = cython.declare(str, visibility="public")
    original_length = cython.declare(object, visibility="public")
    run_at = cython.declare(tuple, visibility="public")
    shift = cython.declare(tuple, visibility="public")
    # Filled on first use by folded_index (_fill_lookup): what its look-ups read, in one list
    # (one attribute read per look-up, where reading five cost more than the search itself):
    # run_at, shift, len(text), and the original offset of each run's first folded character
    # when folding only deleted characters (fold_with_map), else of every folded one.
    _lookup = cython.declare(list, visibility="public")

    def __init__(
        self, text: str, original_length: int, run_at: tuple[int, ...] = (), shift: tuple[int, ...] = ()
    ) -> None:
        self.text = text
        self.original_length = original_length
        self.run_at = run_at
        self.shift = shift
        self._lookup = []

    # Equal, hashed and shown by its fields, the lookup left out (as the frozen dataclass it was).
    def _fields(self) -> tuple[Any, ...]:
        return self.text, self.original_length, self.run_at, self.shift

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "Folded(text={!r}, original_length={!r}, run_at={!r}, shift={!r})".format(*self._fields())

    def orig(self, i: int) -> int:
        """Original offset of folded character i (i == len(text) maps to the original end)."""
        if i >= len(self.text):
            return self.original_length
        if not self.run_at:
            return i
        k = bisect_right(self.run_at, i) - 1
        return i + (self.shift[k] if k >= 0 else 0)

    # Compiled, the offsets are C integers (these two answer every mention of every report).
    @cython.locals(
        n=cython.Py_ssize_t, k=cython.Py_ssize_t, o_start=cython.Py_ssize_t, last=cython.Py_ssize_t
    )
    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) back to the original text."""
        n = len(self.text)
        if start >= n:
            return self.original_length, self.original_length
        run_at = self.run_at
        if not run_at and end <= n:  # nothing folded away: the offsets are the original ones
            return start, (end if end > start else start)
        # orig() of both ends, spelt out: this runs for every mention of every report.
        shift = self.shift
        k = _bisect_right(run_at, start, 0) - 1
        o_start = start + (shift[k] if k >= 0 else 0)
        if end <= start:
            return o_start, o_start
        last = end - 1
        if last >= n:
            return o_start, self.original_length + 1
        k = _bisect_right(run_at, last, k if k > 0 else 0) - 1
        return o_start, last + (shift[k] if k >= 0 else 0) + 1

    def folded_index(self, pos: int) -> int:
        """Folded offset of the first folded character at or after original offset `pos`."""
        return _folded_index(self, pos)

    def folded_indexes(self, positions: Iterable[int]) -> list[int]:
        """[folded_index(pos) for pos in positions], in one call."""
        return [_folded_index(self, pos) for pos in positions]

    def folded_slice(self, start: int, end: int) -> str:
        """The folded text of original [start, end): one call where Doc.folded_slice made two
        of folded_index (a call costs more than the look-up it makes)."""
        return self.text[_folded_index(self, start) : _folded_index(self, end)]

    @property
    def offsets(self) -> tuple[int, ...]:
        """The original offset of every folded character, then the original length."""
        return (*tuple(self.orig(i) for i in range(len(self.text))), self.original_length)


def _fill_lookup(f: Folded, lookup: list[Any]) -> None:
    """Folded._lookup: [run_at, shift, len(text), the runs' original starts, every folded
    character's original offset], one of the last two filled (neither without runs)."""
    run_at, shift, n = f.run_at, f.shift, len(f.text)
    starts: list[int] = []
    origs: list[int] = []
    if run_at and n:
        if shift[0] > 0 and all(a < b for a, b in pairwise(shift)):
            # Only deletions: a look-up is a bisect over the runs' starts, not over a table
            # of every character (whose building cost more than a report's look-ups).
            starts.extend(map(add, run_at, shift))
        else:  # a character folded to several: run by run, every folded character's offset
            bounds = (*run_at, n)
            origs.extend(range(0, bounds[0]))
            for k, sh in enumerate(shift):
                origs.extend(range(bounds[k] + sh, bounds[k + 1] + sh))
    lookup.extend((run_at, shift, n, starts, origs))


@cython.cfunc
@cython.returns(cython.Py_ssize_t)
@cython.locals(n=cython.Py_ssize_t, k=cython.Py_ssize_t, i=cython.Py_ssize_t, lookup=list)
def _folded_index(f: Folded, pos: int) -> int:
    """Folded.folded_index (Folded.folded_slice asks it twice, without a call of the method)."""
    lookup = f._lookup
    if not lookup:
        _fill_lookup(f, lookup)
    run_at, shift, n, starts, origs = lookup
    if not run_at or not n:
        return max(0, min(pos, n))
    if origs:
        return bisect_left(origs, pos)
    # In the last run starting at or before pos, folded characters stand `shift` before
    # their original ones; pos among the characters deleted before the next run maps to
    # that run's start.
    k = _bisect_right(starts, pos, 0) - 1
    i = pos - shift[k] if k >= 0 else pos
    if k + 1 < len(run_at) and i > run_at[k + 1]:
        i = run_at[k + 1]
    return 0 if i < 0 else n if i > n else i


def _runs(text: str, folded_chars: list[tuple[int, str]]) -> Folded:
    """Build a Folded from (original index, folded char) pairs in order."""
    out = "".join(c for _, c in folded_chars)
    run_at: list[int] = []
    shift: list[int] = []
    prev = 0
    for i, (o, _) in enumerate(folded_chars):
        if o - i != prev:
            prev = o - i
            run_at.append(i)
            shift.append(prev)
    return Folded(out, len(text), tuple(run_at), tuple(shift))


def fold_char(ch: str) -> str:
    if ch in _FOLD:
        return _FOLD[ch]
    if _is_mark(ch):
        return ""
    if "\ufb50" <= ch <= "\ufeff":  # Arabic presentation forms: NFKC, then fold again
        nf = unicodedata.normalize("NFKC", ch)
        if nf != ch:
            return "".join(fold_char(c) for c in nf)
    return ch


def _slow_fold_with_map(text: str) -> Folded:
    pairs: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        for c in fold_char(ch):
            pairs.append((i, c.lower()))
    if len(pairs) > len(text) or any(len(c) != 1 for _, c in pairs):
        # One character became several (presentation ligatures, special case-folds): keep each
        # output char pointing at its source character.
        pairs = [(i, c) for i, s in pairs for c in s]
    return _runs(text, pairs)


# The fast path: one C-level translate for the common case, where every character folds to at
# most one character. Tables are built once, over the Basic Multilingual Plane.
# Only three kinds of character can fold to something else: those listed in _FOLD, combining
# marks, and presentation forms; testing just those (marks found by one C-level map over the
# plane) gives the table of a full fold_char sweep in a fraction of its time at import.
_BMP = [*map(chr, range(0xD800)), *map(chr, range(0xE000, 0x10000))]  # surrogates left out
_MAY_CHANGE = (
    set(_FOLD)
    | {ch for ch, cat in zip(_BMP, map(unicodedata.category, _BMP), strict=True) if cat == "Mn"}
    | {chr(cp) for cp in range(0xFB50, 0xFF00)}
)
_TABLE: dict[int, str | None] = {}
for _ch in sorted(_MAY_CHANGE):
    _f = fold_char(_ch)
    if _f != _ch:
        _TABLE[ord(_ch)] = _f if _f else None
del _BMP, _MAY_CHANGE
_DELETED = "".join(chr(cp) for cp, v in _TABLE.items() if v is None)


def _char_class(chars: str) -> str:
    """A regex character class of `chars` written as ranges (compiles far faster than a list)."""
    cps = sorted(set(map(ord, chars)))
    runs: list[list[int]] = []
    for cp in cps:
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in runs)


# A report with characters outside the common ones (below) has the few distinct characters that
# change replaced, one
# C-level str.replace apiece: translate() costs three times as much on Arabic prose, where it
# pays a raised and cleared KeyError for every character its table lacks (nearly every one).
# No replacement is itself replaced, so replacing them one after another equals one translate.
_REPLACE: dict[str, str] = {chr(cp): v or "" for cp, v in _TABLE.items()}
if any(v in _REPLACE for v in _REPLACE.values() if v):
    raise RuntimeError("a fold replacement would itself be folded again")
_MULTI = frozenset(ch for ch, v in _REPLACE.items() if len(v) > 1)  # these take the slow path
_MAX_REPLACED = 24  # more distinct changing characters than this: one translate pass is cheaper

# The characters of nearly every Arabic report, as a charmap codec: ASCII, the Arabic letters,
# marks, digits and punctuation, Persian letters and digits, and the quotes, dashes and spacing
# marks of news text. Encoding a report with it is a C-level table look-up per character, far
# cheaper than a regex pass, and the bytes tell which of these characters occur. Of them only
# the ASCII capitals change in lower() and none folds to several characters, so a report made
# of them needs neither lower() nor the slow path: its capitals are replaced like the rest.
_COMMON = "".join(
    dict.fromkeys(
        [
            *map(chr, range(128)),
            *"،؛؟",
            *map(chr, range(0x0621, 0x0656)),  # letters, tatweel, harakat
            *map(chr, range(0x0660, 0x0674)),  # digits, ٪٫٬, superscript alef, alef variants
            *"پچژکگیۀەھۆې",
            *map(chr, range(0x06F0, 0x06FA)),
            *"\u00a0«»·\u2009\u200b\u200c\u200d\u200e\u200f–—‘’“”„…‹›\u202f\u2066\u2067\u2068\u2069\ufeff",
        ]
    )
).ljust(256, "\ufffe")  # U+FFFE: an unused byte
_COMMON_CODEC = codecs.charmap_build(_COMMON)
_COMMON_REPLACE = {**_REPLACE, **{ch: ch.lower() for ch in _COMMON if ch != ch.lower()}}
if (
    len(_COMMON) != 256
    or not _MULTI.isdisjoint(_COMMON)
    or any(ch != ch.lower() and not "A" <= ch <= "Z" for ch in _COMMON)
    or any(v in _COMMON_REPLACE for v in _COMMON_REPLACE.values() if v)
):
    raise RuntimeError("the common characters must be 256, fold to one or none, lower() to one")
# Every character that folds to something else, and every astral one: the regex pass for a
# report with characters outside _COMMON. (lower() takes no character into or out of the folded
# ones, _MULTI or the astral planes, so the lowered text answers for the original.)
_SPECIAL_RE = re.compile("[" + _char_class("".join(_REPLACE)) + "\U00010000-\U0010ffff]")


COMMON_CHARS = _COMMON  # byte b of encode_common's output stands for COMMON_CHARS[b]


# A folded report's bytes follow from its own by one bytes.translate (a C-level pass): each
# common character's byte becomes the byte of what it folds to, and the deleted ones go.
if any(_COMMON_REPLACE.get(ch, ch) not in _COMMON for ch in _COMMON if _COMMON_REPLACE.get(ch) != ""):
    raise RuntimeError("a common character must fold to a common character")
_FOLD_BYTES = bytes(
    _COMMON.index(_COMMON_REPLACE[ch]) if _COMMON_REPLACE.get(ch) else b for b, ch in enumerate(_COMMON)
)
_FOLD_DELETES = bytes(b for b, ch in enumerate(_COMMON) if _COMMON_REPLACE.get(ch) == "")
# The bytes of the last report folded and of its folding, for encode_common asked about that
# very string (the report's Tokens, built right after its Doc; its segmentation's searches): a
# memo of one report, replaced by the next. Only report-length texts, so that folding a name in
# between does not push the report out.
_MEMO_FROM = 400  # as tokens._SHARED_FROM: the texts tokenised once per report
_last_folded: tuple[str, bytes, str, bytes] = ("", b"", "", b"")  # folded, its bytes, original, its bytes


def known_encoding(text: str) -> bytes | None:
    """encode_common(text) when it is at hand (the last report folded, or its folding), else
    None without encoding anything."""
    last = _last_folded
    if last[0] is text:
        return last[1]
    if last[2] is text:
        return last[3]
    return None


def encode_common(text: str) -> bytes | None:
    """`text` as one byte per character (COMMON_CHARS[b]), or None when it has a character
    outside them. A C-level table look-up per character: the cheap way to fold a report and
    learn which of these characters it holds (bytes.translate on the result)."""
    last = _last_folded
    if last[0] is text:
        return last[1]
    if last[2] is text:
        return last[3]
    try:
        return codecs.charmap_encode(text, "strict", _COMMON_CODEC)[0]
    except UnicodeEncodeError:
        return None


def encode_common_marking(text: str) -> tuple[bytes, int]:
    """encode_common(text) with a "?" for each character outside COMMON_CHARS, and the byte of
    "?": where the bytes hold it, the caller reads the character itself (a real "?" too)."""
    return codecs.charmap_encode(text, "replace", _COMMON_CODEC)[0], _QUESTION


_QUESTION = _COMMON.index("?")


def fold_with_map(text: str) -> Folded:
    coded = encode_common(text)
    if coded is not None:
        return _fold_common(text, coded)
    source = text.lower()  # what the changing characters are replaced in
    if len(source) != len(text):
        return _slow_fold_with_map(text)
    changing = set(_SPECIAL_RE.findall(source))
    if changing and (not changing.isdisjoint(_MULTI) or max(changing) > "\uffff"):
        return _slow_fold_with_map(text)
    if len(changing) > _MAX_REPLACED:
        folded = source.translate(_TABLE)
    else:
        folded = source
        for ch in changing:
            folded = folded.replace(ch, _REPLACE[ch])
    if len(folded) == len(text):
        return Folded(folded, len(text))
    # Where the deleted characters stood (lower() moves none), found by str.find per distinct
    # deleted character, a C-level search far cheaper than a regex pass.
    gone: list[int] = []
    for ch in changing:
        if not _REPLACE[ch]:
            i = text.find(ch)
            while i >= 0:
                gone.append(i)
                i = text.find(ch, i + 1)
    gone.sort()
    return _deleted_runs(folded, len(text), gone)


# Byte b of encode_common's output → 1 when its character is deleted by folding, else 0.
_DELETED_MARKS = bytes(b in _FOLD_DELETES for b in range(256))


def _fold_common(text: str, coded: bytes) -> Folded:
    """fold_with_map of a text made of COMMON_CHARS (`coded`: its encode_common): its folded
    bytes by one bytes.translate, decoded through the same table (each a C-level pass, where a
    str.replace per distinct changing character cost several passes over the text)."""
    global _last_folded
    folded_coded = coded.translate(_FOLD_BYTES, _FOLD_DELETES)
    # (Nothing folded: the text itself, as str.replace would leave it.)
    folded = text if folded_coded == coded else codecs.charmap_decode(folded_coded, "strict", _COMMON)[0]
    if len(folded) >= _MEMO_FROM:
        _last_folded = (folded, folded_coded, text, coded)
    if len(folded) == len(text):
        return Folded(folded, len(text))
    # Where the deleted characters stood: a C-level byte search per one of them, in order.
    marks = coded.translate(_DELETED_MARKS)
    gone: list[int] = []
    i = marks.find(1)
    while i >= 0:
        gone.append(i)
        i = marks.find(1, i + 1)
    return _deleted_runs(folded, len(text), gone)


def _deleted_runs(folded: str, original_length: int, gone: list[int]) -> Folded:
    """The Folded of `folded`, made by deleting the characters at `gone` (sorted) of the
    original: the deleted positions grouped into runs."""
    run_at: list[int] = []
    shift: list[int] = []
    prev = -2
    for total, i in enumerate(gone, 1):  # total: how many are gone up to and including i
        if i == prev + 1:  # the run goes on: same folded index, one more character gone
            shift[-1] = total
        else:
            run_at.append(i + 1 - total)
            shift.append(total)
        prev = i
    return Folded(folded, original_length, tuple(run_at), tuple(shift))


@lru_cache(maxsize=64)
def fold_with_map_cached(text: str) -> Folded:
    """fold_with_map, shared by every component that folds the same report."""
    return fold_with_map(text)


def fold(text: str) -> str:
    """The matching key of a string: folded, whitespace collapsed, stripped.

    Lexicons and the gazetteer store names under this key; text is folded the same way.
    """
    # Short strings (names, cue phrases, the head of a line) come back again and again, within
    # a report and across reports: they are folded once.
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


_SHORT = 200


def _fold(text: str) -> str:
    return " ".join(fold_with_map(text).text.split())


_fold_short = lru_cache(maxsize=20_000)(_fold)
