"""recognize.optionals: "(?:X)?" rewritten "(?:X|)" matches exactly as before."""

from __future__ import annotations

import itertools
import re

from marsad.recognize.optionals import branch_optionals


def test_rewrites_only_greedy_non_capturing_optionals() -> None:
    assert branch_optionals(r"a(?:bc)?d") == r"a(?:bc|)d"
    assert branch_optionals(r"(?:a(?:b)?c)?") == r"(?:a(?:b|)c|)"
    assert branch_optionals(r"(?P<x>ab)?(?:ab)??(?:ab)?+(?=ab)?") == r"(?P<x>ab)?(?:ab)??(?:ab)?+(?=ab)?"
    assert branch_optionals(r"[(?:]\(?:a\)?(?:[)]x)?") == r"[(?:]\(?:a\)?(?:[)]x|)"
    assert branch_optionals(r"(?(1)(?:ab)?|c)") == r"(?(1)(?:ab|)|c)"


def test_same_matches_and_groups() -> None:
    patterns = [
        r"(?<!\w)(?:[وف](?=\w))?(?P<m>(?:(?P<q>\d+)\s+)?(?:من\s+)?(?P<n>قتلى|جرحى))(?:\s+(?:على الاقل))?",
        r"(?:(a)|b)?(?:c(d)?)?e?(?:(?:f)?g)?",
        r"(?:x(?:y)?)?(?(1)z|w)?(?P<t>(?:\s*,)?\s+\w+)?",
    ]
    texts = [
        "".join(p)
        for n in range(7)
        for p in itertools.product(["a", "b", "c", "d", "e", "f", "g", " ", ","], repeat=n % 4)
    ]
    texts += ["قتل 3 من قتلى على الاقل", "و12 جرحى", "فقتلى  على الاقل", "x y z, w", "xyz ,abc"]
    for src in patterns:
        old, new = re.compile(src), re.compile(branch_optionals(src))
        assert old.pattern != new.pattern
        for t in texts:
            assert [(m.regs, m.groupdict()) for m in old.finditer(t)] == [
                (m.regs, m.groupdict()) for m in new.finditer(t)
            ], (src, t)
