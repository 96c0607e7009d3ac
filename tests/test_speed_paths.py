"""The compiled-only branches of the hot loops (`if cython.compiled:`) against the source path
they stand in for: the compiled build runs them, a pure install the other, and the two must give
the same values (the snapshot tests check the whole output; these pin each helper on its own)."""

from __future__ import annotations

import random

import pytest

from marsad.text import tokens as tokens_module
from marsad.text.normalize import COMMON_CHARS, encode_common
from marsad.text.tokens import WORD, Tokens


def test_word_runs_are_the_regex_words() -> None:
    """Tokens' compiled path (_word_runs over the encode_common bytes) against the regex."""
    if not tokens_module.__file__.endswith((".so", ".pyd")):
        pytest.skip("compiled only")
    rng = random.Random(11)
    alphabet = [*COMMON_CHARS[:250], "قتل", "في", "12", "إدلب"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        coded = encode_common(text)
        assert coded is not None
        found = list(WORD.finditer(text))
        assert tokens_module._word_runs(text, coded) == (
            [m.group() for m in found],
            [m.start() for m in found],
            [m.end() for m in found],
        )


def test_tokens_are_the_regex_words() -> None:
    text = "  قُتل ثلاثة، مدنيين -- بقصف  (مدفعي) على «إدلب» 3/5.  " * 20
    t = Tokens(text)
    found = list(WORD.finditer(text))
    assert t.words == [m.group() for m in found]
    assert t.starts == [m.start() for m in found]
    assert t.ends == [m.end() for m in found]


def test_clause_marks_are_the_regex_marks() -> None:
    from marsad.recognize.trigger_windows import _CLAUSE_MARK, _marks

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


# --- speed round 33: typed bisections, sweeps and fused calls against what they replace ------

_ARABIC_PIECES = [
    "قتل",
    "في",
    "12",
    "إدلب",
    "،",
    ".",
    " ",
    "  ",
    "\n",
    "كما",
    "ذلك",
    "x",
    "َ",
    "ـ",
    "«",
    "3.5",
]


def _random_text(rng: random.Random, pieces: list[str], most: int = 60) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))


def test_token_windows_are_the_regex_words_of_the_window() -> None:
    # Tokens.before/after/count bisect the offsets (a C loop when compiled).
    rng = random.Random(33)
    for _ in range(300):
        text = _random_text(rng, _ARABIC_PIECES)
        t = Tokens(text)
        n = len(text)
        for _ in range(10):
            lo, hi = sorted((rng.randint(0, n), rng.randint(0, n)))
            k = rng.randint(0, 7)
            if lo < hi:  # (the callers ask about non-empty windows only)
                assert t.before(hi, lo, k) == (WORD.findall(text[lo:hi])[-k:] if k else [])
                assert t.after(lo, hi, k) == WORD.findall(text[lo:hi])[:k]
                assert t.count(lo, hi) == len(WORD.findall(text[lo:hi]))


def test_folded_offsets_match_the_character_map() -> None:
    # to_original, folded_index and folded_slice against the per-character offsets.
    from marsad.text.normalize import fold_with_map

    rng = random.Random(34)
    for _ in range(300):
        text = _random_text(rng, _ARABIC_PIECES)
        f = fold_with_map(text)
        offsets = f.offsets  # original offset of each folded character, then the original length
        n = len(f.text)
        for i in range(n + 1):
            for j in (i, min(n, i + 1), min(n, i + 3)):
                want = (offsets[i], offsets[j - 1] + 1 if j > i else offsets[i])
                assert f.to_original(i, j) == want
        for pos in range(len(text) + 1):
            want = next((i for i in range(n) if offsets[i] >= pos), n)
            assert f.folded_index(pos) == want
            assert f.folded_slice(pos, len(text)) == f.text[want:]
        every = list(range(len(text) + 1))
        assert f.folded_indexes(every) == [f.folded_index(pos) for pos in every]


def test_longest_first_keeps_what_the_brute_force_keeps() -> None:
    from marsad.text.matcher import Hit, longest_first

    rng = random.Random(35)
    for _ in range(500):
        hits = []
        for _ in range(rng.randint(0, 25)):
            a = rng.randint(0, 40)
            b = a + rng.randint(1, 8)
            hits.append(Hit(a, b, a, (), "", False))
        # Longest first, then earliest (stable on the given order after sorting by start).
        order = sorted(sorted(hits, key=lambda h: h.start), key=lambda h: h.start - h.end)
        chosen: list[Hit] = []
        for h in order:
            if all(h.end <= c.start or c.end <= h.start for c in chosen):
                chosen.append(h)
        assert longest_first(hits) == sorted(chosen, key=lambda h: h.start)


def test_clauses_by_one_sweep_are_the_clauses_of_each_sentence() -> None:
    from marsad.text.segment import all_clauses, clauses, sentences

    rng = random.Random(36)
    pieces = [*_ARABIC_PIECES, "بينما", " في حين ", "ردا على", "؛", ",", "!", "؟", "…", "3.", "ن."]
    for _ in range(400):
        text = _random_text(rng, pieces, 80)
        sents = sentences(text)
        assert all_clauses(text, sents) == [clauses(text, s) for s in sents]


def test_doc_locates_by_the_sentence_and_clause_spans() -> None:
    from marsad.doc import Doc

    rng = random.Random(37)
    for _ in range(100):
        text = _random_text(rng, [*_ARABIC_PIECES, "بينما"], 80) or "x"
        doc = Doc(text)
        for pos in range(len(text)):
            s = next((i for i, seg in enumerate(doc.sentences) if seg.start <= pos < seg.end), None)
            if s is None:  # between sentences: the next one, else the last
                s = next(
                    (i for i, seg in enumerate(doc.sentences) if seg.start > pos), len(doc.sentences) - 1
                )
            if s < 0:
                assert doc.locate(pos) == (-1, -1)
                continue
            c = next((cl.index for cl in doc.clauses[s] if cl.start <= pos < cl.end), 0)
            assert doc.locate(pos) == (s, c)
            m = doc.add("X", pos, pos + 1)
            assert (m.sentence, m.clause) == (s, c)


def test_anchor_words_in_texts_with_underscores_are_the_regex_hits() -> None:
    # A text holding "_" is tokenised with a letter in its place (numbers._UNDERSCORE_AS).
    from marsad.recognize import casualties, dates
    from marsad.recognize.numbers import _keys_of, anchor_hits, indexes_in

    rng = random.Random(38)
    pieces = [
        "_",
        "قتل",
        "مقتل",
        "امس",
        "الثلاثاء",
        "اذار",
        "12",
        "ت1",
        " ",
        "  ",
        "،",
        "x",
        "و",
        "ال",
        "قبل",
    ]
    for anchors in (dates._ANCHORS, casualties._ANCHORS):
        for _ in range(400):
            text = _random_text(rng, pieces, 40)
            want = [(m.start(), m.end(), _keys_of(m.group(0))) for m in anchors.finditer(text)]
            assert anchor_hits(text, anchors) == want, text
    words = ["a", "b", "c", "d"]
    for _ in range(200):
        ws = [rng.choice(words) for _ in range(rng.randint(0, 20))]
        present = frozenset(rng.sample(words, rng.randint(0, 4)))
        assert indexes_in(ws, present) == [i for i, w in enumerate(ws) if w in present]


def test_possessive_dateline_finds_the_backtracking_matches() -> None:
    import re

    from marsad.recognize.place_focus import _DATELINE

    plain = re.compile(r"\s*(?:[^\W\d_]+[\s،,]+){0,5}[^\W\d_]+\s*(?:\([^)]{0,30}\)\s*)?[-–—]")
    rng = random.Random(39)
    pieces = ["دمشق", "ا", " ", "  ", "،", ",", "(", ")", "-", "–", "—", "1", "_", "\n", "CNN", "ـ"]
    for _ in range(20000):
        text = _random_text(rng, pieces, 25)
        a, b = plain.match(text), _DATELINE.match(text)
        assert (a and a.span()) == (b and b.span()), text


def test_same_day_cores_are_found_where_their_words_stand() -> None:
    from marsad.recognize.dates import _SAME_DAY_CORES, _has_same_day_core

    rng = random.Random(40)
    pieces = ["ذات", "نفس", "اليوم", "الليله", "النهار", "ه", "ها", " ", "  ", "في", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _has_same_day_core(text) == any(core in text for core in _SAME_DAY_CORES), text


def test_digit_runs_are_the_byte_regex_runs() -> None:
    import re

    from marsad.recognize.numbers import _DIGIT_BYTE_RUN, digit_runs
    from marsad.text.normalize import encode_common

    rng = random.Random(41)
    for _ in range(2000):
        coded = encode_common(_random_text(rng, ["1", "23", "٤", "ب", " ", ".", "x", "0"], 20))
        assert coded is not None
        assert digit_runs(coded) == list(map(re.Match.span, _DIGIT_BYTE_RUN.finditer(coded)))


def test_direction_words_after_a_name_are_the_regex_groups() -> None:
    from marsad.recognize.places import _DIRECTION, _direction

    rng = random.Random(42)
    pieces = [" ", "  ", "\n", "ال", "شرقي", "غربي", "شمالي", "جنوبي", "ه", "حمص", "x", "،"]
    for _ in range(5000):
        text = _random_text(rng, pieces, 8)
        for end in range(len(text) + 1):
            dm = _DIRECTION.match(text, end)
            assert _direction(text, end) == (" ".join(g for g in dm.groups() if g) if dm else "")


def test_masks_of_texts_with_uncommon_characters_are_read_per_character() -> None:
    from marsad.text.matcher import _mask_value, _word_mask
    from marsad.text.tokens import alnum_mask

    rng = random.Random(43)
    pieces = ["قتل", "و", "ب", "?", " ", "é", "ß", "中", "\U0001f600", "ℌ", "ك", "ال", "x", "٣"]
    for _ in range(2000):
        text = _random_text(rng, pieces, 20)
        assert _word_mask(text) == bytes(map(_mask_value, text)) + b"\0"
        alnum_mask.cache_clear()
        assert alnum_mask(text) == bytes(map(str.isalnum, text)) + b"\0"
