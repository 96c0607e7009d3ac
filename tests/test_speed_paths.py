"""The compiled-only branches of the hot loops (`if cython.compiled:`) against the source path
they stand in for: the compiled build runs them, a pure install the other, and the two must give
the same values (the snapshot tests check the whole output; these pin each helper on its own)."""

from __future__ import annotations

import random
from itertools import accumulate, compress, repeat
from operator import add

from marsad.text.tokens import WORD, Tokens, _split_offsets


def _iterator_offsets(pieces: list[str]) -> tuple[list[str], list[int], list[int]]:
    """Tokens' source path, as written there."""
    lengths = list(map(len, pieces))
    starts = list(compress(accumulate(map(add, lengths, repeat(1)), initial=0), lengths))
    return list(compress(pieces, lengths)), starts, list(map(add, starts, compress(lengths, lengths)))


def test_split_offsets_matches_the_iterator_path() -> None:
    rng = random.Random(11)
    alphabet = ["قتل", "في", "12", "", "", "إدلب", "x"]
    for _ in range(500):
        text = " ".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        pieces = text.split(" ")
        assert _split_offsets(pieces) == _iterator_offsets(pieces)


def test_tokens_are_the_regex_words() -> None:
    text = "  قُتل ثلاثة، مدنيين -- بقصف  (مدفعي) على «إدلب» 3/5.  " * 20
    t = Tokens(text)
    found = list(WORD.finditer(text))
    assert t.words == [m.group() for m in found]
    assert t.starts == [m.start() for m in found]
    assert t.ends == [m.end() for m in found]


def test_clause_marks_are_the_regex_marks() -> None:
    from marsad.recognize.lexical import _CLAUSE_MARK, _marks

    rng = random.Random(5)
    alphabet = [*"ابت ،,.؛;:!?؟\n12", "قتل", "  "]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert _marks(text) == [m.start() for m in _CLAUSE_MARK.finditer(text)]


def test_a_split_stopped_after_the_counted_words_counts_and_heads_alike() -> None:
    # residue_spans reads a line's words only as a count up to RESIDUE_ITEM_WORDS + 1 and its
    # first six: a split with that maxsplit gives both as the full split does.
    from marsad.recognize.cues import RESIDUE_ITEM_WORDS

    rng = random.Random(3)
    for _ in range(300):
        line = "".join(rng.choice(["قتل", " ", "  ", "\t", "في", "x"]) for _ in range(rng.randint(0, 60)))
        full, cut = line.split(), line.split(None, RESIDUE_ITEM_WORDS)
        assert bool(full) == bool(cut)
        assert min(len(full), RESIDUE_ITEM_WORDS + 1) == len(cut)
        assert full[:6] == cut[:6]
