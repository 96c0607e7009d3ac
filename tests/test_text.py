"""Folding, segmentation and clitic-aware matching on real Arabic text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.matcher import MatcherGroup, PhraseMatcher, _scan, longest_first
from marsad.text.normalize import fold, fold_with_map
from marsad.text.segment import clauses, sentences


def test_fold_unifies_orthography() -> None:
    assert fold("إدلب") == fold("ادلب") == "ادلب"
    assert fold("الرقّة") == fold("الرقه") == "الرقه"
    assert fold("مستشفى") == "مستشفي"
    assert fold("الـــرقة") == "الرقه"
    assert fold("مسؤول") == "مسوول"
    assert fold("١٥ آذار ۲۰۲۱") == "15 اذار 2021"
    assert fold("تنظيم “داعش”") == "تنظيم داعش"
    assert fold("دیرالزور") == "ديرالزور"  # Persian yeh


def test_fold_map_points_back_to_original() -> None:
    text = "قُتِلَ مدنيٌّ في الـــرقّة"
    f = fold_with_map(text)
    i = f.text.index("الرقه")
    s, e = f.to_original(i, i + len("الرقه"))
    assert text[s:e] == "الـــرقّة"


@given(st.text(max_size=200))
def test_fold_map_is_monotonic_and_in_bounds(text: str) -> None:
    f = fold_with_map(text)
    assert len(f.offsets) == len(f.text) + 1
    assert all(0 <= o <= len(text) for o in f.offsets)
    assert list(f.offsets) == sorted(f.offsets)


def _matcher() -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    for phrase, tag in [("داعش", "IS"), ("تنظيم داعش", "IS"), ("الرقة", "raqqa"), ("تدمر", "palmyra")]:
        m.add(fold(phrase), tag)
    m.add(fold("اشتباك"), "clash", prefix=True)
    return m


def test_matcher_peels_proclitics() -> None:
    text = fold("هاجم عناصر لداعش مواقع وبالرقة وللرقة، واشتباكات عنيفة قرب تدمر")
    tags = [h.payloads[0] for h in longest_first(_matcher().find(text))]
    assert tags == ["IS", "raqqa", "raqqa", "clash", "palmyra"]


def test_matcher_refuses_word_internal_hits() -> None:
    # "داعشي" (an adjective) is not the bare alias; "مدتدمر" is not a clitic chain.
    text = fold("الفكر الداعشي ومدتدمر")
    assert _matcher().find(text) == []


def test_matcher_prefers_longest() -> None:
    text = fold("بتنظيم داعش")
    hits = longest_first(_matcher().find(text))
    assert len(hits) == 1 and hits[0].key == fold("تنظيم داعش")


def test_segmentation_sentences_and_clauses() -> None:
    text = "قتل ثلاثة مدنيين بقصف على إدلب. وأصيب 2.5 بالمئة من السكان؟ كما اندلعت اشتباكات، بينما شنت طائرات غارات."
    sents = sentences(text)
    assert len(sents) == 3
    cl = clauses(text, sents[2])
    assert [text[c.start : c.end].strip() for c in cl] == ["كما اندلعت اشتباكات", "بينما شنت طائرات غارات"]


@given(st.text(max_size=200) | st.text(alphabet=st.sampled_from("اأإآةىيـًٌٍَُِّْ“”ﻻ ٠١ۀdİ\u200fbc"), max_size=60))
def test_fast_fold_equals_reference(text: str) -> None:
    from marsad.text.normalize import _slow_fold_with_map

    fast, slow = fold_with_map(text), _slow_fold_with_map(text)
    assert fast.text == slow.text
    assert fast.offsets == slow.offsets
    for pos in range(len(text) + 1):
        i = fast.folded_index(pos)
        assert 0 <= i <= len(fast.text)
        # Every folded char before i comes from before pos; the one at i from pos or later.
        assert all(fast.orig(j) < pos for j in range(i))
        if i < len(fast.text):
            assert fast.orig(i) >= pos


@given(
    st.text(alphabet=st.sampled_from("اأةىـًٌَُّ“” ٠١bc\u200f"), max_size=40),
    st.integers(min_value=0, max_value=45),
    st.integers(min_value=-2, max_value=45),
)
def test_to_original_is_orig_of_both_ends(text: str, start: int, width: int) -> None:
    """to_original spells out orig() for speed: it must give what orig() gives, in and out of bounds."""
    f = fold_with_map(text)
    end = start + width
    if start >= len(f.text):
        expected = (f.original_length, f.original_length)
    else:
        o = f.orig(start)
        expected = (o, f.orig(end - 1) + 1 if end > start else o)
    assert f.to_original(start, end) == expected


_CONNECTIVES = r"(?:و|ف)?(?:كما|بينما|في حين|فيما|في وقت|إلى ذلك|الى ذلك|من جهة|من جانب|وذلك بعد|حيث)\s"


@given(
    st.lists(
        st.sampled_from(["،", ",", ";", " ", "\n", ".", "3", "٣", "!", "؟", "و", "كما ", "حيث ", "ب", "\t"])
    )
)
def test_segment_patterns_match_their_plain_forms(pieces: list[str]) -> None:
    """The boundary patterns are written to open with a character class (for speed): they must
    find exactly what their plain forms find."""
    import re

    from marsad.text import segment

    text = "".join(pieces)
    plain_sent = re.compile(r"(?:\.(?!\d)|(?<!\d)\.|[!?؟…]|\n+)\s*")
    plain_clause = re.compile(r"[،؛;,]\s*|\s+(?=" + _CONNECTIVES + ")")
    for fast, plain in ((segment._SENT_END, plain_sent), (segment._CLAUSE_BREAK, plain_clause)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(
    st.lists(st.sampled_from(["،", ",", " ", "\n", ".", "و", "كما ", "حيث ", "بينما ", "ب", "3"])),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_clauses_read_in_place_equal_clauses_of_the_slice(pieces: list[str], a: int, b: int) -> None:
    """clauses() reads the sentence inside the report (pos/endpos); a slice gives the same pieces."""
    from marsad.text.segment import Segment

    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    in_place = clauses(text, Segment(start, end, 0))
    sliced = clauses(text[start:end], Segment(0, end - start, 0))
    assert [(c.start - start, c.end - start, c.index) for c in in_place] == list(sliced)


def test_the_dot_of_an_initial_ends_no_sentence() -> None:
    # Statements name suspects by their initials ("(م.ع)", "خالد ش.ر."); a dot after a lone
    # letter is not a full stop, a dot after a word is, even with no space after it.
    text = "أوقفت دورية أمنية المطلوب (م.ع) في بلدة عرسال. كما أوقفت خالد ش.ر. (سوري) بتهمة التهريب.وقال المصدر إن التحقيق جار."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "أوقفت دورية أمنية المطلوب (م.ع) في بلدة عرسال",
        "كما أوقفت خالد ش.ر. (سوري) بتهمة التهريب",
        "وقال المصدر إن التحقيق جار",
    ]


def _group() -> tuple[MatcherGroup, list[PhraseMatcher[str]]]:
    """Two matchers sharing keys, with an article, a لل form, prefix and whole-word modes, and a
    key of both modes (the several-modes entries)."""
    first, second = _matcher(), PhraseMatcher[str]()
    for phrase, tag, prefix in [
        ("الرقة", "city", False), ("المدينة", "town", False), ("قصف", "shelling", True),
        ("قصف", "shell", False), ("ال", "short", False), ("ب", "letter", True), ("دير الزور", "dz", False),
    ]:  # fmt: skip
        second.add(fold(phrase), tag, prefix=prefix)
    return MatcherGroup([first, second]), [first, second]


@given(
    st.lists(
        st.sampled_from(
            ["الرقة", "المدينة", "للمدينة", "وبالرقة", "فلل", "قصفت", "داعش", "تنظيم", "دير", "الزور"]
        )
        | st.text(alphabet=st.sampled_from("اولبكفقصدعشرتمزي ،.0\n"), max_size=8),
        max_size=12,
    )
)
def test_group_scan_finds_the_automaton_hits(pieces: list[str]) -> None:
    # Compiled, a text of common characters is scanned down a byte trie (_scan_trie): the very
    # hits, in the very order, of the automaton pass (_scan).
    group, _ = _group()
    text = fold_with_map(" ".join(pieces)).text
    assert group.find_all(text) == _scan(group.build(), text, 2)


@given(st.text(alphabet=st.sampled_from("اكمفيحنتقثذلرد ،.؛\nو"), min_size=400, max_size=600))
def test_positions_in_a_folded_report_are_every_occurrence(text: str) -> None:
    # A report just folded has its bytes at hand (normalize.known_encoding): compiled, its
    # marks and connectives are searched in them (segment._find_all_bytes), every occurrence,
    # overlapping ones too, as str.find from each one's next offset finds them.
    from marsad.text.normalize import known_encoding
    from marsad.text.segment import _CONNECTIVE_CORES, positions

    folded = fold_with_map(text).text
    assert known_encoding(folded) is not None
    for chars in (_CONNECTIVE_CORES, "،.؛\n", ("اا", "ي ي", "كما")):
        expected = sorted(k for ch in chars for k in range(len(folded)) if folded.startswith(ch, k))
        assert positions(folded, chars) == expected
