"""The coder makes events and evidence spans as pydantic's validation makes them, without the
validation (events/coding.py: _as_validated, _span, issue 11): each must equal what validation
gives for the same values, and any value validation would change must fall back to it."""

from __future__ import annotations

import marsad
from marsad.doc import Mention
from marsad.events import coding
from marsad.models import Event, Span

PUB = "2023-10-12"
REPORTS = [
    "قتل ثلاثة جنود وأصيب اثنان في هجوم لمسلحين على حاجز للجيش في مدينة العريش بشمال سيناء أمس.",
    "شنت طائرات التحالف، اليوم، غارات على مواقع للحوثيين في مديرية حرض بمحافظة حجة.",
    "تظاهر مئات المحتجين أمام مقر المحافظة في مدينة البصرة للمطالبة بتوفير الكهرباء.",
]


def _fields(e: Event) -> tuple[dict[str, object], dict[str, list[Span]]]:
    ev = {k: v for k, v in e.__dict__.items() if k != "evidence"}
    return ev, e.evidence


def test_an_event_made_alike_equals_the_validated_one() -> None:
    events = [e for text in REPORTS for e in marsad.extract(text, published=PUB)]
    assert len(events) >= 3
    for e in events:
        ev, evidence = _fields(e)
        made = coding._as_validated(dict(ev), evidence)
        checked = Event(**ev, evidence=evidence)
        assert made is not None
        assert made == checked
        assert list(made.__dict__) == list(checked.__dict__)  # the same fields, in field order
        assert made.model_fields_set == checked.model_fields_set
        assert made.model_dump_json() == checked.model_dump_json()
        assert made.weapons is not ev["weapons"] and made.evidence is not evidence  # new containers


def test_values_the_validation_would_change_are_left_to_it() -> None:
    e = marsad.extract(REPORTS[0], published=PUB)[0]
    ev, evidence = _fields(e)
    assert coding._as_validated({**ev, "fatalities": float(ev["fatalities"])}, evidence) is None
    assert coding._as_validated({**ev, "fatalities": True}, evidence) is None
    assert coding._as_validated({**ev, "weapons": ("air strike",)}, evidence) is None
    assert coding._as_validated({**ev, "no_such_field": 1}, evidence) is None
    assert coding._as_validated(ev, {"actor1": [(0, 3, "abc")]}) is None  # type: ignore[dict-item]


def test_a_span_made_alike_equals_the_validated_one() -> None:
    m = Mention("PLACE", 4, 9, "حلب")
    made = coding._span(m)
    assert made == m.span() == Span(start=4, end=9, text="حلب")
    assert made.model_fields_set == m.span().model_fields_set
    # a negative offset is refused by the validation, made alike or not
    bad = Mention("PLACE", -1, 2, "x")
    try:
        coding._span(bad)
    except ValueError:
        pass
    else:  # pragma: no cover - the validation refuses it
        raise AssertionError("a negative offset was accepted")
