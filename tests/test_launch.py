"""Fire launched from one place at another (events/launch.py): the origin is not where it struck,
the firer is no force of another country, and the strikes told beside the launch stay their own
incident. Sentences written for these tests in the style of wire reports."""

from __future__ import annotations

import marsad

PUB = "2023-10-12"  # a Thursday


def _events(text: str) -> list[marsad.Event]:
    return marsad.extract(text, published=PUB)


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    return sorted((e.sub_event_type, e.actor1, e.country, e.admin1) for e in _events(text))


def test_unnamed_firer_is_an_armed_group_of_the_origin_and_the_place_is_the_target() -> None:
    rows = _rows(
        "وقال الجيش الإسرائيلي إن ثلاث قذائف صاروخية أطلقت من قطاع غزة على جنوب إسرائيل مساء "
        "الثلاثاء دون وقوع إصابات."
    )
    assert rows == [
        ("Shelling/artillery/missile attack", "Unidentified Armed Group (Palestine)", "Israel", "HaDarom")
    ]


def test_strikes_named_after_the_launch_are_not_its_means_nor_its_firer() -> None:
    # "عقب الغارات الإسرائيلية": the strikes came first and are told in the lead; the launch is
    # neither an air strike nor the Israeli army's.
    rows = _rows(
        "شنت مقاتلات إسرائيلية فجر الأربعاء غارات على موقعين عسكريين في بيت حانون شمالي قطاع غزة. "
        "وذكرت مصادر محلية أن قذائف صاروخية أطلقت من غزة نحو جنوب إسرائيل عقب الغارات الإسرائيلية."
    )
    assert ("Air/drone strike", "Military Forces of Israel", "Palestine", "Gaza Strip") in rows
    assert (
        "Shelling/artillery/missile attack",
        "Unidentified Armed Group (Palestine)",
        "Israel",
        "HaDarom",
    ) in rows
    assert len(rows) == 2, rows


def test_strike_and_the_launch_it_answered_in_one_sentence_are_two_incidents() -> None:
    rows = _rows(
        "أصيب فلسطينيان الأربعاء في غارة إسرائيلية على بلدة بيت لاهيا شمالي قطاع غزة بعد إطلاق صاروخ "
        "من القطاع باتجاه جنوبي إسرائيل."
    )
    assert ("Air/drone strike", "Military Forces of Israel", "Palestine", "Gaza Strip") in rows
    assert any(r[0] == "Shelling/artillery/missile attack" and r[2] == "Israel" for r in rows), rows


def test_named_firer_of_the_origin_country_is_kept() -> None:
    (e,) = _events("أعلنت سرايا القدس الثلاثاء أنها أطلقت صواريخ من قطاع غزة على جنوب إسرائيل.")
    assert e.actor1 != "Unidentified Armed Group (Palestine)" and "Israel" not in e.actor1
    assert e.country == "Israel"


def test_shelling_without_an_origin_keeps_its_named_army() -> None:
    (e,) = _events("قصف الجيش السوري بالمدفعية الثقيلة بلدة كفرنبل في ريف إدلب الجنوبي الثلاثاء.")
    assert (e.sub_event_type, e.actor1) == ("Shelling/artillery/missile attack", "Military Forces of Syria")


def test_fire_aimed_at_a_country_with_no_place_named_is_coded_in_the_region_facing_its_origin() -> None:
    # regions.yaml fire_from: fire from Gaza falls in southern Israel, from Lebanon in the north.
    gaza = _events(
        "أعلن الجيش الإسرائيلي صباح اليوم رصد إطلاق قذيفتين صاروخيتين من غزة باتجاه إسرائيل، اعترضت "
        "منظومة القبة الحديدية إحداهما."
    )
    shelling = [e for e in gaza if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [(e.actor1, e.actor2, e.location, e.geo_precision) for e in shelling] == [
        ("Unidentified Armed Group (Palestine)", "", "Southern Israel", 3)
    ]
    assert shelling[0].evidence["location"][0].text == "إسرائيل"
    north = _rows(
        "قال الجيش الإسرائيلي إن صاروخين أطلقا اليوم من لبنان باتجاه إسرائيل وسقطا في منطقة مفتوحة."
    )
    assert north == [
        ("Shelling/artillery/missile attack", "Unidentified Armed Group (Lebanon)", "Israel", "HaZafon")
    ]


def test_a_town_named_as_the_target_is_the_place_even_after_a_place_noun() -> None:
    events = _events("وأطلقت ثلاثة صواريخ مساء اليوم من قطاع غزة باتجاه مدينة سديروت دون وقوع إصابات.")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in events] == [
        ("Shelling/artillery/missile attack", "Sderot", 1)
    ]


def test_gazas_factions_unnamed_are_a_palestinian_group_firing_at_the_border_towns() -> None:
    # Neither faction is named: an unidentified armed group of Palestine, and the Israeli towns
    # along the Strip's fence are the Gaza Envelope, not the Strip.
    events = marsad.extract(
        "أطلقت فصائل المقاومة في غزة مساء اليوم رشقة من القذائف على البلدات الإسرائيلية المحاذية لقطاع غزة.",
        published="2018-07-14",
    )
    assert [(e.sub_event_type, e.actor1, e.country, e.location) for e in events] == [
        (
            "Shelling/artillery/missile attack",
            "Unidentified Armed Group (Palestine)",
            "Israel",
            "Gaza Envelope",
        )
    ]
