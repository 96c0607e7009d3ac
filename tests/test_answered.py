"""An act told as the cause of another ("ردا على …", events/answered.py): its own event, with its
own sides, place and day, and neither clause lends the other an actor. Also the owner of a weapon
named with "تابعة لـ", a statement's author claiming its own strike, and the Gaza Strip as an area.
Sentences written for these tests in the style of wire reports."""

from __future__ import annotations

import marsad
from marsad.text.segment import all_clauses, sentences

PUB = "2024-03-14"  # a Thursday


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    return sorted(
        (e.sub_event_type, e.actor1, e.actor2, e.location) for e in marsad.extract(text, published=PUB)
    )


def test_the_retaliation_phrase_opens_a_clause_even_without_a_comma() -> None:
    text = "قصفت دبابة إسرائيلية موقعا لحركة حماس رداً على تسلل مسلحين إلى السياج الحدودي."
    (clauses,) = all_clauses(text, sentences(text))
    assert [text[c.start : c.end].split()[0] for c in clauses] == ["قصفت", "رداً"]


def test_the_answered_act_is_its_own_event_by_unnamed_men_on_the_side_that_answered() -> None:
    rows = _rows(
        "قصف الجيش الإسرائيلي ليل الأربعاء مرصدا لحركة حماس شرقي خان يونس، ردا على قيام "
        "مجهولين بإحراق جرافة عسكرية إسرائيلية عند الشريط الحدودي."
    )
    assert (
        "Shelling/artillery/missile attack",
        "Military Forces of Israel",
        "Hamas Movement",
        "Khān Yūnis",
    ) in rows
    answered = [r for r in rows if r[0] == "Looting/property destruction"]
    assert answered and answered[0][1:3] == (
        "Unidentified Armed Group (Palestine)",
        "Military Forces of Israel",
    )
    assert len(rows) == 2, rows


def test_the_answer_takes_no_day_or_place_of_the_act_it_answered() -> None:
    # The rockets fell on Sderot the evening before; the strikes hit Beit Lahia today.
    rows = {
        (e.sub_event_type, e.location, e.event_date)
        for e in marsad.extract(
            "شنت طائرات حربية إسرائيلية فجر اليوم غارات على موقع في بيت لاهيا شمالي قطاع غزة. "
            "وقال الجيش الإسرائيلي إن الغارات جاءت رداً على إطلاق صاروخين مساء أمس من القطاع "
            "باتجاه مدينة سديروت.",
            published=PUB,
        )
    }
    strikes = [r for r in rows if r[0] == "Air/drone strike"]
    assert strikes and all(r[1] == "Bayt Lāhyā" and str(r[2]) == PUB for r in strikes), rows
    assert any(r[0] == "Shelling/artillery/missile attack" and r[1] == "Sderot" for r in rows), rows


def test_retaliation_phrase_pointing_back_is_the_answer_itself() -> None:
    # "ردا على ذلك": the clause tells the answer, with the army as its author.
    rows = _rows(
        "أطلق مسلحون النار على دورية للجيش الإسرائيلي شرقي خان يونس جنوبي قطاع غزة الأربعاء. "
        "وردا على ذلك قصفت مروحية إسرائيلية منزلا في خان يونس."
    )
    # (Read as an answered act, it would lend nothing to the gunmen's side and take nothing from it.)
    assert ("Air/drone strike", "Military Forces of Israel", "Unidentified Armed Group (Palestine)") in {
        r[:3] for r in rows
    }, rows


def test_a_tank_of_the_army_is_the_army_firing_and_a_tank_hit_is_the_army_hit() -> None:
    fired = _rows(
        "أطلقت دبابة تابعة للجيش الإسرائيلي قذيفتين على نقطة رصد لحركة حماس شرقي رفح جنوبي قطاع غزة صباح الأربعاء."
    )
    assert any(r[1] == "Military Forces of Israel" for r in fired), fired
    hit = _rows("استهدف مسلحون بقذيفة دبابة تابعة للجيش الإسرائيلي شرقي رفح جنوبي قطاع غزة صباح الأربعاء.")
    assert any(r[2] == "Military Forces of Israel" for r in hit), hit


def test_the_author_of_a_statement_claiming_its_own_jets_struck_is_actor1() -> None:
    rows = _rows(
        "أفاد بيان للجيش الإسرائيلي بأن طائراته قصفت الأربعاء مستودعات لحزب الله في بلدة الخيام جنوبي لبنان."
    )
    assert rows and all(r[1] == "Military Forces of Israel" for r in rows), rows


def test_the_gaza_strip_is_an_area_and_a_town_in_it_is_the_same_incident() -> None:
    rows = _rows(
        "قتل شابان فلسطينيان في قصف مدفعي إسرائيلي طال قطاع غزة فجر الأربعاء. وقالت مصادر طبية "
        "إن الشابين سقطا في القصف الذي استهدف أرضا زراعية شرقي مدينة رفح."
    )
    assert len(rows) == 1, rows
    assert rows[0][3] == "Rafaḩ"
