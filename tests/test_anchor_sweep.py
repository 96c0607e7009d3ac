"""The date and casualty anchors found among the shared tokens are exactly the regex's matches."""

from __future__ import annotations

import random

from marsad.recognize import casualties, dates, numbers
from marsad.recognize.numbers import _SWEEPS, anchor_hits
from marsad.text.normalize import fold

# Our own sentences, with the edge cases of the anchor patterns: clitics on anchor words, digits
# glued to letters, an abbreviated month with its digit ("ت1"), Arabic-Indic digits.
SENTENCES = [
    "قتل ثلاثة مدنيين وأصيب خمسة آخرون بجروح في قصف مدفعي على مدينة إدلب يوم الجمعة الماضي.",
    "وأفاد مرصد محلي بمقتل 12 عنصرا وجرح 7 آخرين في 3 تشرين الأول/أكتوبر 2021.",
    "ولقي شخصان حتفهما فجر الخميس، بحسب مصادر طبية، قبل أسبوع من الانتخابات.",
    "في 5 ت1 وت1 ت12 12ت1 ١٢ ٣ابريل 5و6 اكتوبر2020 و2021 منذ يومين وللقتلى",
]


def _regex(s: str, pattern) -> list:  # type: ignore[no-untyped-def]
    return [(m.start(), m.end(), numbers._keys_of(m.group(0))) for m in pattern.finditer(s)]


def test_both_anchor_patterns_are_swept() -> None:
    assert id(casualties._ANCHORS) in _SWEEPS and id(dates._ANCHORS) in _SWEEPS


def test_sweep_equals_regex() -> None:
    rng = random.Random(11)
    words = " ".join(SENTENCES).split()
    for _ in range(300):
        rng.shuffle(words)
        s = fold(" ".join(words[: rng.randint(1, len(words))]) * rng.choice((1, 8)))
        for pattern in (casualties._ANCHORS, dates._ANCHORS):
            assert anchor_hits(s, pattern) == _regex(s, pattern)


def test_underscore_keeps_the_regex() -> None:
    s = fold("قتل_ثلاثة " + " ".join(SENTENCES))
    assert anchor_hits(s, casualties._ANCHORS) == _regex(s, casualties._ANCHORS)
