"""Context cues: short word lists (cues.yaml) checked against the words just before a mention.

Used to tell an attacker from a target, a hometown from an event place, "near X" from "in X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from marsad.knowledge.lexicon import load_yaml

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.text import tokens
from marsad.text.normalize import fold, fold_with_map_cached

_CHAINS = sorted(
    {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")}
    | {"لل", "ولل", "فلل"},
    key=len,
    reverse=True,
)
_CLITIC_INITIALS = {c[0] for c in _CHAINS if c}
WORD = tokens.WORD  # a word of letters or digits, the unit of every cue window
# Per-word memos are emptied when they reach this size: a long-running process meets an open
# vocabulary, and a few tens of thousands of words cover a day of news.
MEMO_WORDS = 50_000


@lru_cache(maxsize=100_000)
def peel(word: str) -> tuple[str, ...]:
    """The word and every form left after removing a valid proclitic chain (longest first)."""
    out = [word]
    if word[:1] in _CLITIC_INITIALS:
        for c in _CHAINS:
            if c and word.startswith(c) and len(word) - len(c) >= 2:
                out.append(word[len(c) :])
    return tuple(out)


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]
    prefix: bool  # the last word may continue

    @cached_property
    def head(self) -> tuple[str, ...]:
        """The words before the last (empty for a one-word cue)."""
        return self.words[:-1]


class CueList:
    """One list of cue phrases, matched on whole folded words with clitics peeled."""

    def __init__(self, phrases: list[str]) -> None:
        self.by_last: dict[str, list[_Cue]] = {}
        self.prefixed: list[_Cue] = []
        self.by_prefix: dict[str, list[_Cue]] = {}  # last word of a starred cue → cues
        self._cand_memo: dict[str, tuple[_Cue, ...]] = {}
        self._has_memo: dict[str, bool] = {}
        self._ok_memo: dict[tuple[str, str, bool], bool] = {}
        self._open_memo: dict[str, bool] = {}
        for p in phrases:
            p = str(p)
            prefix = p.endswith("*")
            words = tuple(fold(p.rstrip("*")).split())
            if not words:
                continue
            cue = _Cue(words, prefix)
            if prefix:
                self.prefixed.append(cue)
                self.by_prefix.setdefault(words[-1], []).append(cue)
            else:
                self.by_last.setdefault(words[-1], []).append(cue)

    @cython.locals(memo=dict)  # (compiled: its get called in C, as in the other memos below)
    def has_word(self, word: str) -> bool:
        """Whether a one-word cue of this list is this word (clitics peeled); memoised."""
        memo = self._has_memo
        hit = memo.get(word)
        if hit is None:
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            cue = self.ends_at([word], 0)
            hit = memo[word] = cue is not None and len(cue.words) == 1
        return hit

    def _word_ok(self, cue_word: str, word: str, last: bool, prefix: bool) -> bool:
        key = (cue_word, word, last and prefix)
        ok = self._ok_memo.get(key)
        if ok is None:
            if len(self._ok_memo) >= MEMO_WORDS:
                self._ok_memo.clear()
            open_end = last and prefix
            ok = self._ok_memo[key] = any(
                form == cue_word or (open_end and form.startswith(cue_word)) for form in peel(word)
            )
        return ok

    def may_open(self, word: str) -> bool:
        """Whether some cue of this list may start with `word` (its first word fits); memoised."""
        memo = self._open_memo
        ok = memo.get(word)
        if ok is None:
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            cues = [*self.prefixed, *(c for v in self.by_last.values() for c in v)]
            ok = memo[word] = any(self._word_ok(c.words[0], word, len(c.words) == 1, c.prefix) for c in cues)
        return ok

    @cached_property
    def _prefix_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(w) for w in self.by_prefix}))

    @cython.locals(memo=dict)
    def ending_in(self, word: str) -> tuple[_Cue, ...]:
        """The cues whose last word `word` may be, longest first; memoised per word (a report
        asks about the same few hundred words again and again, and so do the next reports)."""
        memo = self._cand_memo
        got = memo.get(word)
        if got is None:
            cands: list[_Cue] = []
            for form in peel(word):
                cands.extend(self.by_last.get(form, ()))
                # Starred cues: look up each prefix length once instead of testing every cue.
                for n in self._prefix_lengths:
                    if n <= len(form):
                        cands.extend(self.by_prefix.get(form[:n], ()))
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            got = memo[word] = tuple(sorted(cands, key=lambda c: -len(c.words)))
        return got

    @cython.locals(memo=dict)
    def ends_at(self, words: list[str], i: int) -> _Cue | None:
        """A cue whose last word is words[i], or None."""
        # ending_in's memo read in place: a method call less per question (most hit it).
        memo = self._cand_memo
        word = words[i]
        cands = memo.get(word)
        if cands is None:
            cands = self.ending_in(word)
        return _fitting(cands, words, i) if cands else None

    @cython.locals(memo=dict, i=cython.Py_ssize_t, n=cython.Py_ssize_t)
    def found_in(self, words: list[str]) -> bool:
        """Whether a cue of this list ends at any of `words`."""
        # ends_at spelt out in a loop: no generator and no method call per word.
        memo = self._cand_memo
        n = len(words)
        for i in range(n):
            cands = memo.get(words[i])
            if cands is None:
                cands = self.ending_in(words[i])
            if cands and _fitting(cands, words, i) is not None:
                return True
        return False

    @cython.locals(memo=dict, i=cython.Py_ssize_t, n=cython.Py_ssize_t)
    def opening(self, words: list[str]) -> tuple[_Cue, int] | None:
        """The first cue (by its end) that opens `words`, with its length in words; None when
        no cue of this list starts at the first word."""
        memo = self._cand_memo
        n = len(words)
        for i in range(n):
            cands = memo.get(words[i])
            if cands is None:
                cands = self.ending_in(words[i])
            if cands:
                cue = _fitting(cands, words, i)
                if cue is not None and len(cue.words) == i + 1:
                    return cue, i + 1
        return None

    def without_words(self, words: list[str]) -> list[str]:
        """`words` less those that are a one-word cue of this list (has_word)."""
        memo = self._has_memo
        return [w for w in words if not (memo[w] if w in memo else self.has_word(w))]


# Compiled, a C function (every cue question of every list ends here): no generic call.
@cython.cfunc
@cython.locals(cands=tuple, i=cython.Py_ssize_t, j=cython.Py_ssize_t, head=tuple)
def _fitting(cands: tuple[_Cue, ...], words: list[str], i: int) -> _Cue | None:
    """The first of `cands` (cues that may end in words[i]) whose other words precede it."""
    for cue in cands:
        head = cue.head
        if not head:
            return cue  # its one word is words[i]: that is how ending_in found it
        j = i - len(head)
        if j < 0:
            continue
        # The last word fits (ending_in found the cue by it); an inner word must be the cue
        # word once its clitics are peeled (no open end there): a membership test, not a memo.
        for cw in head:
            if cw not in peel(words[j]):
                break
            j += 1
        else:
            return cue
    return None


class Cues:
    """All cue lists of cues.yaml, plus the anaphora table."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.lists: dict[str, CueList] = {k: CueList(v) for k, v in data.items() if isinstance(v, list)}
        self.anaphora: dict[str, tuple[str, ...]] = {
            fold(k): tuple(fold(x) for x in v) for k, v in (data.get("anaphora") or {}).items()
        }
        # Nationality adjectives → ISO country code, in every folded form they take.
        self.state_adjectives: dict[str, str] = {
            form: str(code)
            for adj, code in (data.get("state_adjectives") or {}).items()
            for form in _nisba_forms(fold(adj))
        }

    @classmethod
    def load(cls, path: Path) -> Cues:
        with path.open(encoding="utf-8") as fh:
            return cls(load_yaml(fh) or {})

    def __getitem__(self, name: str) -> CueList:
        return self.lists[name]


def _nisba_forms(adj: str) -> set[str]:
    """أمريكي → أمريكية، أمريكيين، أمريكيون، أمريكيان، أمريكيا and their definite forms (folded)."""
    forms = {adj + end for end in ("", "ه", "ين", "ون", "ان", "ا", "تين", "تان")}
    return forms | {"ال" + f for f in forms}


CUE_REACH = 60  # how many characters before a mention its cue words are looked for


def words_before(folded: str, fpos: int, limit_start: int, max_words: int = 5) -> list[str]:
    """Up to `max_words` folded words ending before folded offset `fpos`, not before `limit_start`."""
    return tokens.words_before(folded, fpos, max(limit_start, fpos - CUE_REACH), max_words)


def words_after(folded: str, fpos: int, max_words: int = 4) -> list[str]:
    """Up to `max_words` folded words starting at folded offset `fpos`."""
    return tokens.words_after(folded, fpos, fpos + CUE_REACH, max_words)


# One list's share of a CueIndex answer: its name, the cues the word may end (longest first),
# whether one of them is that one word, and the words that stand last before the word in the
# others ("قرب" of "بالقرب من"), in every form peel reads them in (_written_forms): a word before
# that is none of them rules out every longer cue, with one set look-up and no _fitting call
# (most questions about "في", "من" end so).
_Ending = tuple[str, tuple[_Cue, ...], bool, frozenset[str]]

_forms: dict[frozenset[str], frozenset[str]] = {}


def _written_forms(words: frozenset[str]) -> frozenset[str]:
    """Every word `w` with a form of peel(w) among `words`: the words themselves and each with a
    proclitic chain before it (peel strips a chain only where two letters or more remain). So
    `w in _written_forms(words)` is `not words.isdisjoint(peel(w))`, without peeling `w`."""
    got = _forms.get(words)
    if got is None:
        got = _forms[words] = words | frozenset(c + w for w in words if len(w) >= 2 for c in _CHAINS if c)
    return got


class CueIndex:
    """Several cue lists in one index: for each word, the lists (in their order) that have a cue
    it may end, with those cues, found once per word instead of asking every list about every
    word. Build it once per set of lists (cue_index) and pass it to first_cue."""

    def __init__(self, lists: dict[str, CueList]) -> None:
        self.items = list(lists.items())
        self.memo: dict[str, tuple[_Ending, ...]] = {}

    def ending_in(self, word: str) -> tuple[_Ending, ...]:
        got = self.memo.get(word)
        if got is None:
            if len(self.memo) >= MEMO_WORDS:
                self.memo.clear()
            found = ((n, cl.ending_in(word)) for n, cl in self.items)
            got = self.memo[word] = tuple(
                (
                    n,
                    cands,
                    any(not c.head for c in cands),
                    _written_forms(frozenset(c.head[-1] for c in cands if c.head)),
                )
                for n, cands in found
                if cands
            )
        return got


_indexes: dict[tuple[tuple[str, CueList], ...], CueIndex] = {}


def cue_index(lists: dict[str, CueList]) -> CueIndex:
    """The shared index of these named lists (a list hashes by identity)."""
    key = tuple(lists.items())
    index = _indexes.get(key)
    if index is None:
        index = _indexes[key] = CueIndex(lists)
    return index


@cython.locals(memo=dict, i=cython.Py_ssize_t, last=cython.Py_ssize_t, stop=cython.Py_ssize_t)
def first_cue(
    words: list[str], lists: dict[str, CueList] | CueIndex, max_distance: int = 4
) -> tuple[str, int] | None:
    """The nearest cue before a mention: (list name, distance in words), scanning nearest first.
    `lists`: named cue lists, or their CueIndex (built once by the caller, saving a look-up).
    (The recognisers pass `max_distance` by position: a compiled call parsing a keyword costs
    about 2,000 instructions more, and this is asked for most names and triggers.)"""
    index = lists if type(lists) is CueIndex else cue_index(lists)  # type: ignore[arg-type]
    memo = index.memo
    last = len(words) - 1
    # Index i from the last word back over max_distance words (distance last - i), counted
    # without a range object per question.
    stop = last - max_distance
    if stop < -1:
        stop = -1
    i = last
    while i > stop:
        word = words[i]
        cands = memo.get(word)
        if cands is None:
            cands = index.ending_in(word)
        # Only the lists with a cue that may end in this word are asked (most words: none).
        for name, cues, single, before in cands:
            if before and i and words[i - 1] in before:
                if _fitting(cues, words, i) is not None:  # (it finds the one-word cue too)
                    return name, last - i
            elif single:
                return name, last - i  # no longer cue fits: the one-word cue does
        i -= 1
    return None


# A header line ("اقرأ أيضا:") of at most this many words heads a block of short link lines.
RESIDUE_HEADER_WORDS = 5
RESIDUE_ITEM_WORDS = 16  # a link title or caption is short; a line longer than this is prose


def residue_spans(text: str, cues: CueList) -> list[tuple[int, int]]:
    """Lines left by the scraper (link lists, captions, tag lines): a line that opens with a cue
    of `cues`, and after a bare header line the short lines that follow it (the links)."""
    out: list[tuple[int, int]] = []
    pos = 0
    in_block = False
    # The report folded once (the Doc's, cached), line by line ("\n" folds to itself): its
    # first word is the folded head's first word, so it rules out most lines before their head
    # is folded on its own (a fold per line cost more than the rest of this).
    folded_lines = fold_with_map_cached(text).text.split("\n")
    for line, folded_line in zip(text.split("\n"), folded_lines, strict=True):
        start, end = pos, pos + len(line)
        pos = end + 1
        # A cue that opens the line has its first word there: most lines fail on that at once.
        first = WORD.search(folded_line)
        may_open = first is not None and cues.may_open(first.group())
        if not in_block and not may_open:
            # Out of a block, a line no cue opens leaves none (blank or not): most lines of
            # prose end here, without splitting them into words.
            continue
        # Only counted up to RESIDUE_ITEM_WORDS + 1 and the first 6 read (the head, folded for
        # the cue check): a split that stops there leaves both as a full split would, without
        # a string per word of a paragraph-long line.
        words = line.split(None, RESIDUE_ITEM_WORDS)
        if not words:
            in_block = False
            continue
        opens = (
            may_open
            and bool(head := WORD.findall(fold(" ".join(words[:6])))[:6])
            and cues.may_open(head[0])
            and cues.opening(head) is not None
        )
        if opens:
            out.append((start, end))
            in_block = len(words) <= RESIDUE_HEADER_WORDS
        elif in_block and len(words) <= RESIDUE_ITEM_WORDS and not line.rstrip().endswith((".", "。")):
            out.append((start, end))
        else:
            in_block = False
    return out


def first_words_rx(cues: CueList) -> re.Pattern[str]:
    """Any first word of a cue list as a substring (clitics and all): one C-level search that
    rules out most hits before their clause's words are read and peeled."""
    firsts = {c.words[0] for lst in cues.by_last.values() for c in lst} | {c.words[0] for c in cues.prefixed}
    return re.compile("|".join(map(re.escape, sorted(firsts))))
