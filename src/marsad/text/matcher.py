"""Clitic-aware phrase matching over folded Arabic text (Aho-Corasick, via pyahocorasick).

Lexicons list bare forms (داعش، الرقة); Arabic attaches proclitics to the first word (لداعش،
وبالرقة، للرقة). The automaton finds every occurrence of a bare form; a hit is kept only when what
stands between the start of its word and the hit is a valid proclitic chain. This clitic check is
hand-written because no offline Arabic segmenter that works here handles proper names
(tashaphyne over-stems them, farasa and camel-tools' analysers need downloads).
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Hashable, Iterable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.text.normalize import COMMON_CHARS, encode_common, encode_common_marking
from marsad.text.selection import longest_first as longest_first  # (its home before)

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.bytes import PyBytes_AS_STRING
    from cython.cimports.cpython.ref import Py_INCREF
    from cython.cimports.cpython.tuple import PyTuple_SET_ITEM
    from cython.cimports.cpython.type import PyType_GenericAlloc

P = TypeVar("P", bound=Hashable)

# Conjunction, then preposition, then (only for forms without their own article) the article.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_BASE_CHAINS = {c + p for c in _CONJ for p in _PREP}
_ARTICLE_CHAINS = {c + "ال" for c in _BASE_CHAINS}
# "ل" + "ال" contracts to "لل": the form "لمدينه" (article minus its alef) needs this "ل" before it.
_LAM_CHAINS = {c + "ل" for c in _CONJ}
_MAX_CHAIN = max(len(c) for c in _BASE_CHAINS | _ARTICLE_CHAINS | _LAM_CHAINS)
# The chains a one-mode key accepts, each with whether it peels an article the key lacks, by
# kind of key: a لل-contracted form, a form with its own article, a form without one.
_LAM, _OWN_ARTICLE, _NO_ARTICLE = 0, 1, 2
_ACCEPTED: tuple[dict[str, bool], ...] = (
    dict.fromkeys(_LAM_CHAINS, False),
    dict.fromkeys(_BASE_CHAINS, False),
    {**dict.fromkeys(_BASE_CHAINS, False), **dict.fromkeys(_ARTICLE_CHAINS, True)},
)
# Every chain is made of these letters: a hit preceded by any other letter of its word is
# rejected at once, without walking back to the word start.
_CHAIN_LETTERS = frozenset("".join(_BASE_CHAINS | _ARTICLE_CHAINS | _LAM_CHAINS))


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


# What find() needs per key, worked out once at build: the key, its length, whether it has its
# own article, and per mode (lam-contracted?, whole word?, payloads), in the order added.
_Plan = tuple[str, int, bool, tuple[tuple[bool, bool, tuple[Any, ...]], ...]]
# One matcher's share of an automaton value: (member index, accepted chains, whole word?,
# payloads, form). A key with one mode (nearly all) is checked by one look-up in its kind's
# _ACCEPTED dict, stored in the entry; a key with several (None in place of the dict) keeps its
# modes in place of the payloads and the plain key as the form.
_Entry = tuple[int, dict[str, bool] | None, bool, Any, str]
_Value = tuple[int, bool, tuple[_Entry, ...]]  # what the automaton holds per key (_automaton_value)


def _automaton_value(entries: Iterable[tuple[int, _Plan]]) -> _Value:
    """The value stored under a key: its length, whether every entry wants a whole word (so a
    hit inside a word is dropped at once) and each member's entry."""
    out: list[_Entry] = []
    key = ""  # the same key in every entry
    for member, (key, _, own_article, modes) in entries:
        if len(modes) == 1:
            ((lam, word, payloads),) = modes
            kind = _LAM if lam else _OWN_ARTICLE if own_article else _NO_ARTICLE
            # Report the lexicon form (المدينه), not its لل-contracted key.
            out.append((member, _ACCEPTED[kind], word, payloads, "ا" + key if lam else key))
        else:
            out.append((member, None, False, (own_article, modes), key))
    return len(key), all(e[2] for e in out), tuple(out)


class PhraseMatcher(Generic[P]):
    """Map folded phrases to payloads; find them in folded text with clitics peeled."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, list[P]]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._group: tuple[MatcherGroup, int] | None = None  # set by MatcherGroup

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
        if self._group is not None:
            self._group[0].invalidate()

    def _put(self, key: str, mode: str, payload: P) -> None:
        modes = self._entries.setdefault(key, {})
        lst = modes.setdefault(mode, [])
        if payload not in lst:
            lst.append(payload)

    def plans(self) -> Iterator[_Plan]:
        for key, modes in self._entries.items():
            plan = tuple((m.startswith("lam-"), m.endswith("word"), tuple(v)) for m, v in modes.items())
            yield key, len(key), key.startswith("ال"), plan

    def build(self) -> None:
        auto = ahocorasick.Automaton()
        for plan in self.plans():
            auto.add_word(plan[0], _automaton_value([(0, plan)]))
        if len(self._entries):
            auto.make_automaton()
        self._automaton = auto

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str) -> list[Hit[P]]:
        """All accepted hits in folded `text`, ordered by start then longest first."""
        if self._group is not None:
            group, i = self._group
            return list(group.find_all(text)[i])
        if self._automaton is None:
            self.build()
        if not len(self._entries):
            return []
        return _scan(self._automaton, text, 1)[0]


class MatcherGroup:
    """Several matchers served by one automaton pass per text (the lexicons and the gazetteer
    scan the same report): each member's `find` answers from the shared pass, with the very
    hits it would find alone. The last two texts' hits are kept, so the members asking about
    the same report in turn scan it once."""

    def __init__(self, matchers: Sequence[PhraseMatcher[Any]]) -> None:
        self.matchers = list(matchers)
        for i, m in enumerate(self.matchers):
            m._group = (self, i)
        self._automaton: ahocorasick.Automaton | None = None
        self._trie: ByteTrie | None = None  # the same keys, for the compiled scan (_scan_trie)
        self._lock = threading.Lock()
        # The report and its headline: the recognisers ask about them in turn.
        self.find_all = lru_cache(maxsize=2)(self._find_all)

    def __getstate__(self) -> dict[str, Any]:  # the compiled group is cached on disk
        return {"matchers": self.matchers, "automaton": self._automaton, "trie": self._trie}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.matchers = state["matchers"]
        self._automaton = state["automaton"]
        self._trie = state["trie"]
        self._lock = threading.Lock()
        self.find_all = lru_cache(maxsize=2)(self._find_all)

    def invalidate(self) -> None:
        with self._lock:
            self._automaton = None
            self._trie = None
            self.find_all.cache_clear()

    def build(self) -> ahocorasick.Automaton:
        with self._lock:
            if self._automaton is None:
                merged: dict[str, list[tuple[int, _Plan]]] = {}
                for i, m in enumerate(self.matchers):
                    for plan in m.plans():
                        merged.setdefault(plan[0], []).append((i, plan))
                auto = ahocorasick.Automaton()
                values = {key: _automaton_value(entries) for key, entries in merged.items()}
                for key, value in values.items():
                    auto.add_word(key, value)
                if merged:
                    auto.make_automaton()
                self._trie = ByteTrie(values)
                self._automaton = auto
            return self._automaton

    def _find_all(self, text: str) -> list[list[Hit[Any]]]:
        auto = self._automaton or self.build()
        if not len(auto):
            return [[] for _ in self.matchers]
        trie = self._trie
        if cython.compiled and trie is not None and trie.fits:
            coded = encode_common(text)
            if coded is not None:  # (nearly every text: one byte per character)
                return _scan_trie(trie, text, coded, len(self.matchers))
        return _scan(auto, text, len(self.matchers))


# Compiled, a Hit is built as tuple.__new__(Hit, fields) builds it (tuple_subtype_new: the
# type's allocation, then the items), without the generic call, its argument tuples and parsing
# (~1,700 instructions a hit, where this takes a few hundred).
@cython.cfunc
@cython.inline
def _new_hit(start: int, end: int, ws: int, payloads: Any, form: str, article: bool) -> Any:
    hit = PyType_GenericAlloc(Hit, 6)
    # (SET_ITEM steals a reference: each item's is taken first)
    Py_INCREF(start)
    PyTuple_SET_ITEM(hit, 0, start)
    Py_INCREF(end)
    PyTuple_SET_ITEM(hit, 1, end)
    Py_INCREF(ws)
    PyTuple_SET_ITEM(hit, 2, ws)
    Py_INCREF(payloads)
    PyTuple_SET_ITEM(hit, 3, payloads)
    Py_INCREF(form)
    PyTuple_SET_ITEM(hit, 4, form)
    Py_INCREF(article)
    PyTuple_SET_ITEM(hit, 5, article)
    return hit


# Byte b of normalize.encode_common's output → its character's _word_mask value.
_MASK_BYTES = bytes(2 if ch in _CHAIN_LETTERS else ch.isalnum() for ch in COMMON_CHARS)
_OTHER_LETTER, _CHAIN_LETTER = 1, 2


def _mask_value(ch: str) -> int:
    return 2 if ch in _CHAIN_LETTERS else ch.isalnum()


def _word_mask(text: str) -> bytes:
    """Per character of text 0 unless str.isalnum, else 2 for a letter of the clitic chains
    and 1 for any other, then a 0 for the end of the text (read as index len(text), and as
    index -1 before its start): word edges and chain letters, tested at every automaton hit,
    by one C-level translate of the text's encoding (at hand for a report just folded)."""
    coded = encode_common(text)
    if coded is None:
        # A few characters outside the common ones: each is read itself, where its byte is "?"
        # (not every character by a Python call).
        coded, question = encode_common_marking(text)
        mask = bytearray(coded.translate(_MASK_BYTES))
        i = coded.find(question)
        while i >= 0:
            mask[i] = _mask_value(text[i])
            i = coded.find(question, i + 1)
        return bytes(mask) + b"\0"
    return coded.translate(_MASK_BYTES) + b"\0"


# Compiled, the offsets and mask bytes of the per-hit loop are C integers (a mask byte read
# without a Python int, offsets without boxed arithmetic); from source these declare nothing.


@cython.cfunc
@cython.locals(start=cython.Py_ssize_t, end=cython.Py_ssize_t, ws=cython.Py_ssize_t, at_word_end=cython.bint)
def _add_hits(out: list, entries: Any, start: int, end: int, ws: int, chain: str, at_word_end: bool) -> None:
    """The hits the entries of one key accept at one place (`chain`: the clitics between the
    word start `ws` and the key), added to their member's list: _scan's and _scan_trie's."""
    for member, accepts, word, payloads, form in entries:
        if word and not at_word_end:
            continue
        if accepts is None:  # a key with several modes
            got = _mixed_modes(payloads, form, chain, at_word_end)
            if got is None:
                continue
            payloads, form, article = got
        else:
            article = accepts.get(chain)
            if article is None:
                continue
        if cython.compiled:
            out[member].append(_new_hit(start, end, ws, payloads, form, article))
        else:  # (the named tuple without the Python-level Hit.__new__ frame)
            out[member].append(tuple.__new__(Hit, (start, end, ws, payloads, form, article)))


@cython.locals(
    end=cython.Py_ssize_t,
    start=cython.Py_ssize_t,
    ws=cython.Py_ssize_t,
    floor=cython.Py_ssize_t,
    klen=cython.Py_ssize_t,
    before=cython.Py_ssize_t,
    other=cython.Py_ssize_t,
    chain_letter=cython.Py_ssize_t,
    max_chain=cython.Py_ssize_t,
    at_word_end=cython.bint,
    mask=bytes,
)
def _scan(auto: ahocorasick.Automaton, text: str, members: int) -> list[list[Hit[Any]]]:
    """The accepted hits of each member matcher in one pass of `auto`, whose values are
    _automaton_value's (key length, all whole-word?, entries)."""
    out: list[list[Hit[Any]]] = [[] for _ in range(members)]
    mask = _word_mask(text)  # word edges and chain letters, tested at every hit
    max_chain = _MAX_CHAIN  # globals read once per text, not per hit
    other, chain_letter = _OTHER_LETTER, _CHAIN_LETTER
    for end_idx, (klen, all_word, entries) in auto.iter(text):
        end = end_idx + 1
        at_word_end = not mask[end]
        if all_word and not at_word_end:
            continue
        start = end - klen
        # What stands between the word start and the key, found once for all entries: most
        # hits start a word and have none.
        before = mask[start - 1]  # (start 0 reads the padding byte)
        if before:
            if before == other:
                continue  # a letter of no chain stands before the key in its word
            # Walk back over chain letters to the word start, but no further than the longest
            # chain allows (an unbounded walk costs the word's length per hit); a letter still
            # before it is of no chain, or makes the chain too long.
            ws = start - 1
            floor = start - max_chain
            while ws > floor and mask[ws - 1] == chain_letter:
                ws -= 1
            if mask[ws - 1]:
                continue
            chain = text[ws:start]
        else:
            ws = start
            chain = ""
        _add_hits(out, entries, start, end, ws, chain, at_word_end)
    for hits in out:
        # Hits come in order of their end; reversed, one stable sort by start leaves the longest
        # first at each start (a member's hits at one start differ in end), as key (start,
        # -length) would, without a Python key call per hit.
        hits.reverse()
        hits.sort(key=_START)
    return out


_START = itemgetter(0)


def _mixed_modes(
    plan: tuple[bool, tuple[tuple[bool, bool, tuple[Any, ...]], ...]], key: str, chain: str, at_word_end: bool
) -> tuple[tuple[Any, ...], str, bool] | None:
    """A key with several modes: the payloads of the modes that accept `chain` (merged), the
    form to report and whether an article was peeled; None when no mode accepts."""
    own_article, modes = plan
    parts: list[tuple[Any, ...]] = []  # the payloads of each accepted mode
    article = False
    form = key
    for lam, word, pls in modes:
        if lam:
            if chain not in _LAM_CHAINS:
                continue
        elif chain not in _BASE_CHAINS:
            if chain in _ARTICLE_CHAINS and not own_article:
                article = True
            else:
                continue
        if word and not at_word_end:
            continue
        parts.append(pls)
        if lam:
            form = "ا" + key  # report the lexicon form (المدينه), not its لل-contracted key
    if not parts:
        return None
    # One mode's payloads are distinct already (_put) and shared as they are: only a mix is
    # merged and de-duplicated (a common name carries hundreds of places).
    payloads = parts[0] if len(parts) == 1 else tuple(dict.fromkeys(p for part in parts for p in part))
    return (payloads, form, article) if payloads else None


# The compiled scan: the group's keys as a trie, walked down from the places a hit may start.
# Every accepted hit starts at a word's start or right after a clitic chain opening it, so a walk
# down a plain trie from those few places finds the same hits as the automaton, which walks every
# character through its failure links and builds a tuple for every occurrence of a key, most of
# them inside words and rejected. For a text of common characters (one byte each: encode_common);
# from source the automaton's pass stays (a Python loop per place would cost more). Kept in this
# module: the trie is cached with the group, under a hash of this module's source.
_WIDE = 8  # a node with this many children or more has a row of them (a search of the edges
# would compare a third of them on average: the nodes of the articles' "ال" and their kin)
_MAX_KEY = 256  # the keys found at one start are held in C arrays this long (the longest is ~70)


class ByteTrie:
    """The group's keys as a trie over their encode_common bytes (a key with another character
    cannot occur in a text of common characters and is left out), in arrays of C ints kept as
    bytes (pickled with the group): `root` the root's child per byte (-1: none); per node its
    first edge (a node's edges are contiguous, a last entry closing them), its value's index
    (`out`, -1: no key ends there) and its row (`wide`); per edge its byte and its child. A node
    of many edges (_WIDE) has its children in a row of 256 in `rows` as well, read in place of
    a search of its edges (-1: no row)."""

    def __init__(self, values: dict[str, _Value]) -> None:
        children: list[dict[int, int]] = [{}]
        ends: list[int] = [-1]
        self.values: list[_Value] = []
        for key, value in values.items():
            coded = encode_common(key)
            if coded is None:
                continue
            node = 0
            for b in coded:
                nxt = children[node].get(b)
                if nxt is None:
                    nxt = children[node][b] = len(children)
                    children.append({})
                    ends.append(-1)
                node = nxt
            ends[node] = len(self.values)
            self.values.append(value)
        # Nodes numbered in breadth-first order, each node's edges together, by byte.
        order = [0]
        for node in order:
            order.extend(children[node][b] for b in sorted(children[node]))
        number = [0] * len(order)
        for i, node in enumerate(order):
            number[node] = i
        none = array("i", [-1] * 256)
        root, first, out = array("i", none), array("i"), array("i")
        labels, targets = bytearray(), array("i")
        wide, rows = array("i"), array("i")
        for b, child in children[0].items():
            root[b] = number[child]
        for node in order:
            first.append(len(targets))
            out.append(ends[node])
            row = len(rows) if node and len(children[node]) >= _WIDE else -1  # (the root has `root`)
            wide.append(row)
            if row >= 0:
                rows.extend(none)
            for b in sorted(children[node]):
                labels.append(b)
                targets.append(number[children[node][b]])
                if row >= 0:
                    rows[row + b] = number[children[node][b]]
        first.append(len(targets))
        self.root, self.first, self.out = root.tobytes(), first.tobytes(), out.tobytes()
        self.labels, self.targets = bytes(labels), targets.tobytes()
        self.wide, self.rows = wide.tobytes(), rows.tobytes()
        # (the scan's C arrays hold the keys found at one start: a longer key, never met, leaves
        # the group to the automaton)
        self.fits = max((len(k) for k in values), default=0) <= _MAX_KEY


@cython.locals(
    text=str, coded=bytes, mask=bytes, n=cython.Py_ssize_t, p=cython.Py_ssize_t, i=cython.Py_ssize_t,
    e=cython.Py_ssize_t, stop=cython.Py_ssize_t, k=cython.Py_ssize_t, node=cython.Py_ssize_t,
    nxt=cython.Py_ssize_t, c=cython.Py_ssize_t, ws=cython.Py_ssize_t, floor=cython.Py_ssize_t,
    start=cython.Py_ssize_t, end=cython.Py_ssize_t, max_chain=cython.Py_ssize_t,
    chain_letter=cython.Py_ssize_t, at_word_end=cython.bint, values=list,
)  # fmt: skip
def _scan_trie(trie: ByteTrie, text: str, coded: bytes, members: int) -> list[list[Hit[Any]]]:
    """_scan's answer for a text of common characters (`coded`: its encode_common),
    compiled: at each place a hit may start (a word's start, or after a clitic chain opening
    it), the keys starting there, longest first, by a walk down `trie`; each checked as _scan
    checks it. The places come in order, so each member's hits come in _scan's order (start,
    then longest first) with no sort."""
    out: list[list[Hit[Any]]] = [[] for _ in range(members)]
    mask = coded.translate(_MASK_BYTES)  # _word_mask's, without its padding byte
    buf = PyBytes_AS_STRING(coded)
    mk = PyBytes_AS_STRING(mask)
    root = cython.cast(cython.p_int, PyBytes_AS_STRING(trie.root))
    first = cython.cast(cython.p_int, PyBytes_AS_STRING(trie.first))
    value_at = cython.cast(cython.p_int, PyBytes_AS_STRING(trie.out))
    labels = PyBytes_AS_STRING(trie.labels)
    targets = cython.cast(cython.p_int, PyBytes_AS_STRING(trie.targets))
    wide = cython.cast(cython.p_int, PyBytes_AS_STRING(trie.wide))
    rows = cython.cast(cython.p_int, PyBytes_AS_STRING(trie.rows))
    found_end = cython.declare(cython.Py_ssize_t[256])  # the keys found at one start (_MAX_KEY)
    found_value = cython.declare(cython.int[256])
    values = trie.values
    max_chain, chain_letter = _MAX_CHAIN, _CHAIN_LETTER  # (globals read once, as C integers)
    n = len(coded)
    for p in range(n):
        node = root[buf[p] & 0xFF]
        if node < 0:
            continue
        # The word start before p: p itself, or the start of a clitic chain ending at p (as in
        # _scan: no further back than the longest chain, a letter of no chain before it).
        ws = p
        if p > 0 and mk[p - 1]:
            if mk[p - 1] != chain_letter:
                continue
            ws = p - 1
            floor = p - max_chain
            while ws > floor and ws > 0 and mk[ws - 1] == chain_letter:
                ws -= 1
            if ws > 0 and mk[ws - 1]:
                continue
        # The keys starting at p, shortest first.
        k = 0
        i = p + 1
        while True:
            if value_at[node] >= 0:
                found_end[k] = i
                found_value[k] = value_at[node]
                k += 1
            if i >= n:
                break
            c = buf[i] & 0xFF
            nxt = -1
            if wide[node] >= 0:
                nxt = rows[wide[node] + c]
            else:
                e, stop = first[node], first[node + 1]
                while e < stop:
                    if labels[e] & 0xFF == c:
                        nxt = targets[e]
                        break
                    e += 1
            if nxt < 0:
                break
            node = nxt
            i += 1
        chain = None
        start = p
        while k > 0:
            k -= 1
            end = found_end[k]
            _, all_word, entries = values[found_value[k]]
            at_word_end = end >= n or not mk[end]
            if all_word and not at_word_end:
                continue
            if chain is None:
                chain = text[ws:start]
            _add_hits(out, entries, start, end, ws, chain, at_word_end)
    return out
