"""Fast paths of event assembly (issue 11) that must make what the plain code makes."""

from __future__ import annotations

from dataclasses import fields

from marsad.events.candidate import Candidate
from marsad.events.candidate import clause_candidate as _new_candidate


def test_a_new_candidate_is_the_dataclass_one() -> None:
    trigs: list = [object()]
    fast = _new_candidate(3, 1, trigs)
    plain = Candidate(3, 1, trigs, sentences={3})
    for f in fields(Candidate):
        assert getattr(fast, f.name) == getattr(plain, f.name), f.name  # (unset: AttributeError)
    assert fast.triggers is trigs
    # Lists and sets of its own, as the dataclass's default factories give.
    other = _new_candidate(3, 1, trigs)
    for f in fields(Candidate):
        v = getattr(fast, f.name)
        if isinstance(v, (list, set)) and f.name != "triggers":
            assert v is not getattr(other, f.name), f.name
