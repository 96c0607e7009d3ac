"""Shared tokens answer word windows exactly as a regex pass over the window would."""

from __future__ import annotations

import random

from marsad.text.tokens import WORD, Tokens, words_after, words_before

# Our own sentences, repeated past the length from which tokens are shared.
TEXT = (
    "قُتل ثلاثة مدنيين بقصف مدفعي على مدينة إدلب، وأفاد مرصد_محلي بأن 12 قذيفة سقطت فجر 3/5. "
    "انفجرت عبوة ناسفة في الموصل صباح اليوم «ولم تتبن» أي جهة التفجير حتى الآن!!\n"
) * 6


def test_windows_match_a_regex_pass() -> None:
    rng = random.Random(7)
    n = len(TEXT)
    for _ in range(5000):
        pos, lo, hi, k = (
            rng.randint(-3, n + 3),
            rng.randint(-70, n + 3),
            rng.randint(-3, n + 80),
            rng.randint(0, 8),
        )
        assert words_before(TEXT, pos, lo, k) == WORD.findall(TEXT[lo:pos])[-k:]
        assert words_after(TEXT, pos, hi, k) == WORD.findall(TEXT[pos:hi])[:k]


def test_tokens_before_matches_a_regex_pass_from_any_start() -> None:
    # Tokens.before on its own (actors calls it without words_before's guard): an empty or
    # reversed window inside a word gives no words, not an empty cut.
    t = Tokens(TEXT)
    for pos in range(0, len(TEXT) + 2, 5):
        for lo in range(max(0, pos - 70), pos + 4, 3):
            assert t.before(pos, lo, 5) == WORD.findall(TEXT[lo:pos])[-5:]


def test_words_cut_at_the_window_edges() -> None:
    t = Tokens(TEXT)
    start = TEXT.index("مدفعي")
    assert t.before(start + 3, start - 6, 5) == ["بقصف", "مدف"]
    assert t.after(start + 2, start + 8, 5) == ["فعي", "عل"]
    # Tokens are meant for folded text: an unfolded vowel mark is no word character.
    assert t.words[:2] == ["ق", "تل"]


def test_clause_windows_match_a_scan_of_the_window() -> None:
    from marsad.recognize import trigger_windows as lexical
    from marsad.text.normalize import fold

    folded = fold(TEXT)
    for pos in range(0, len(folded) + 2, 3):
        window = folded[max(0, pos - 60) : pos]
        marks = list(lexical._CLAUSE_MARK.finditer(window))
        before = WORD.findall(window[marks[-1].end() :] if marks else window)[-5:]
        assert lexical._words_in_clause_before(folded, pos) == before
        after = folded[pos : pos + 40]
        mark = lexical._CLAUSE_MARK.search(after)
        scanned = WORD.findall(after[: mark.start()] if mark else after)
        for n in (lexical.AFTER_REACH, 40):
            assert lexical._words_in_clause_after(folded, pos, n) == scanned[:n]


def test_the_hit_screen_passes_every_hit_the_full_checks_catch() -> None:
    # _screen may send a hit to the full cue checks needlessly, never skip a cue they would find:
    # every word start of a text full of cue words (recalled incidents, negations, long words
    # cut by the windows' edges) is tried as a one-word hit.
    from marsad.knowledge.resources import get_knowledge
    from marsad.recognize import lexical, trigger_windows
    from marsad.text.matcher import Hit
    from marsad.text.normalize import fold

    text = (
        fold(
            "بعد يومين من اشتباكات عنيفة، لم تسجل أي اصابات منذ بدء الهجوم في السابق. "
            "وكانت القوات قد احبطت هجوما الاسبوع الماضي وبعد ثلاثة اشهر من الاستهدافاتالمتكررةجدا هجمات "
            "لعدم التمكن من الهجوم العام الماضيه على الحواجزالعسكريةالمتقدمةجداجدا.\n"
        )
        * 3
    )
    recalled, _bits = trigger_windows._shared(get_knowledge())
    trigger = lexical.TriggerRecognizer(get_knowledge())
    # Whole words, and the first two letters of each (a hit ending inside its word).
    hits = [
        Hit(m.start(), e, m.start(), (), m.group(), False)
        for m in WORD.finditer(text)
        for e in (m.end(), m.start() + 2)
    ]
    ends, may_recall, may_negate = trigger_windows._screen(text, hits, _bits)
    assert sum(map(bool, may_recall)) < len(hits) and sum(may_negate) < len(hits)  # it screens
    for h, end, r, n in zip(hits, ends, may_recall, may_negate, strict=True):
        assert end == trigger_windows._word_end(text, h.end)
        # Reading only the windows the screen left gives what reading both gives.
        assert recalled(text, h.word_start, end, r) == recalled(text, h.word_start, end)
        assert n or not trigger._negated(text, h.word_start)
