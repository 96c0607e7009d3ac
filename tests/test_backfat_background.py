"""Background and residue: an incident named only as the reference of a relative date is no event
of its own; scraping residue (link lists, captions) yields no event. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import marsad
from marsad.doc import TRIGGER
from marsad.knowledge.resources import get_knowledge
from marsad.models import Article
from marsad.pipeline import Pipeline
from marsad.recognize.cues import residue_spans


def _types(text: str, published: str) -> list[str]:
    return sorted(e.event_type for e in marsad.extract(text, published=published))


def test_incident_named_after_a_relative_lag_is_no_event() -> None:
    text = (
        "سيطرت فصائل المعارضة على بلدة كفرنبودة في ريف حماة الشمالي، اليوم الأحد، بعد أسبوع من "
        "غارات مكثفة على المنطقة."
    )
    assert _types(text, "2019-05-26") == ["Battles"]


def test_incident_the_report_describes_stays_an_event() -> None:
    text = (
        "قتل ثلاثة جنود في هجوم على حاجز للجيش قرب مدينة العريش اليوم الاثنين. ويأتي الهجوم بعد "
        "أيام من التفجير الانتحاري الذي استهدف كمينا أمنيا في مدينة رفح الأربعاء الماضي."
    )
    assert "Explosions/Remote violence" in _types(text, "2020-03-09")


def test_residue_lines_and_link_block() -> None:
    text = (
        "تظاهر المئات في مدينة صفاقس احتجاجا على غلاء الأسعار.\n"
        "اقرأ أيضا:\n"
        "اشتباكات بين قوات الأمن ومهربين على الحدود الليبية\n"
        "مقتل جنديين في انفجار لغم بجبل الشعانبي\n"
        "\n"
        "وقال منظمو الوقفة إن الاحتجاجات ستتواصل حتى تستجيب الحكومة لمطالبهم.\n"
        "شاهد بالفيديو: لحظة اقتحام محتجين مقر الولاية"
    )
    spans = residue_spans(text, get_knowledge().cues["residue_line"])
    lines = [text[a:b] for a, b in spans]
    assert lines[0] == "اقرأ أيضا:" and len(lines) == 4
    assert lines[-1].startswith("شاهد بالفيديو")
    assert _types(text, "2022-01-10") == ["Protests"]


def test_prose_lines_are_not_residue() -> None:
    text = "المزيد من القوات وصل إلى المدينة صباح اليوم.\nشارك مئات في وقفة أمام البرلمان."
    assert residue_spans(text, get_knowledge().cues["residue_line"]) == []


def test_ongoing_fight_since_two_days_stays_an_event() -> None:
    text = "تشهد مدينة سرت منذ يومين اشتباكات عنيفة بين قوات حكومة الوفاق ومسلحي تنظيم داعش."
    assert _types(text, "2016-06-20") == ["Battles"]


def test_pluperfect_retelling_of_yesterdays_attack_is_not_background() -> None:
    text = (
        "قتل جنديان في هجوم على حاجز للجيش في ريف درعا الغربي أمس الثلاثاء. وكان مسلحون مجهولون قد "
        "هاجموا الحاجز نفسه بالأسلحة الرشاشة أمس الثلاثاء."
    )
    events = marsad.extract(text, published="2020-06-17")
    assert events and all(e.primary for e in events)


def test_pluperfect_recall_of_last_months_attack_is_background() -> None:
    text = (
        "قتل جنديان في هجوم على حاجز للجيش في ريف درعا الغربي أمس الثلاثاء. وكان مسلحون مجهولون قد "
        "هاجموا الحاجز نفسه بالأسلحة الرشاشة في 3 أيار الماضي."
    )
    events = marsad.extract(text, published="2020-06-17")
    assert sorted(e.primary for e in events) == [False, True]


def test_toll_of_the_incident_recalled_after_the_news_is_not_the_news() -> None:
    text = (
        "تبادلت القوات التركية إطلاق النار مع عناصر من تنظيم داعش على الحدود قرب كلس اليوم. ويأتي "
        "تبادل إطلاق النار بعد أسبوعين على هجوم انتحاري في مدينة سروج استهدف تجمعا لناشطين وأسفر "
        "عن مقتل 30 شخصا."
    )
    events = marsad.extract(text, published="2015-07-23")
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 0)]


def test_incident_days_older_told_alone_stays_an_event() -> None:
    text = (
        "عثرت الشرطة على جثتي شرطيين في منزلهما بمدينة جيلان بينار صباح أمس. ويأتي ذلك بعد يومين "
        "على هجوم انتحاري في بلدة سروج أوقع 30 قتيلا."
    )
    assert "هجوم انتحاري" in _triggers(text, "2015-07-23")
    # Told after the news of its own clause, the same lag names the fighting of that news.
    text = "سيطرت القوات الحكومية على بلدة الوهط في محافظة لحج اليوم، بعد يومين من المعارك العنيفة."
    assert "المعارك" not in _triggers(text, "2015-07-23")


def _triggers(text: str, published: str) -> list[str]:
    p = Pipeline()
    doc = p(p.make_doc(Article(id="t", text=text, published=date.fromisoformat(published))))
    return [m.text for m in doc.get(TRIGGER)]


def test_crowds_going_out_in_marches_are_a_protest() -> None:
    text = "خرج آلاف المواطنين في مسيرات في مدينة نابلس اليوم الجمعة رفضا لقرار الحكومة."
    assert _types(text, "2018-03-30") == ["Protests"]


def test_attacks_of_the_past_named_after_the_news_are_no_event() -> None:
    text = (
        "انفجرت سيارة مفخخة قرب فندق في العاصمة مقديشو اليوم الخميس، وكان الفندق هدفا لهجمات في "
        "السابق شنتها حركة الشباب."
    )
    assert "لهجمات" not in _triggers(text, "2018-03-22")


def test_recalled_incident_with_only_a_month_is_no_event_and_with_its_day_is_background() -> None:
    month = (
        "قتل جنديان في هجوم على حاجز للجيش في ريف درعا الغربي أمس الثلاثاء. وكان مسلحون مجهولون قد "
        "هاجموا حاجزا آخر في بلدة طفس بالأسلحة الرشاشة في أيار الماضي."
    )
    events = marsad.extract(month, published="2020-06-17")
    assert [e.primary for e in events] == [True], [(e.event_date, e.location) for e in events]
    day = month.replace("في أيار الماضي", "في 3 أيار الماضي")
    events = marsad.extract(day, published="2020-06-17")
    assert sorted((e.primary, e.time_precision) for e in events) == [(False, 1), (True, 1)]


def test_incident_recalled_by_its_year_is_no_event() -> None:
    # A feature piece recalls attacks of earlier years as context; only the news is an event.
    text = (
        "فجر انتحاري نفسه عند حاجز للشرطة في مدينة الموصل اليوم الخميس. وفي عام 2014 قتل عشرة "
        "جنود في هجوم بسيارة مفخخة على مقر للجيش في مدينة تكريت."
    )
    events = marsad.extract(text, published="2017-03-16")
    assert [(e.sub_event_type, e.primary) for e in events] == [("Suicide bomb", True)]


def test_a_pluperfect_of_the_telling_retells_the_news() -> None:
    # "وكان … قد قالوا": said earlier; the toll is the strike's told in the first sentence.
    text = (
        "قصفت طائرات التحالف سوقا شعبية في مدينة صعدة اليوم الخميس. وكان مسؤولون في قطاع الصحة "
        "قد قالوا إن 29 شخصا قتلوا في الغارة."
    )
    events = marsad.extract(text, published="2018-08-09")
    assert [(e.fatalities, e.primary) for e in events] == [(29, True)], [
        (e.fatalities, e.location) for e in events
    ]


def test_attacks_a_city_often_suffers_lend_the_news_no_author_even_when_described() -> None:
    # "كثيرا ما … لهجمات يشنها مسلحو الحركة التي …": habitual history; the words after it describe
    # the group, they do not make it an incident told, nor its group the bomber of today's blast.
    events = marsad.extract(
        "انفجرت سيارة مفخخة صباح اليوم عند نقطة تفتيش في مدينة بيدوا، ما أسفر عن مقتل جنديين. "
        "وكثيرا ما تتعرض المدينة لهجمات من حركة الشباب التي تسيطر على قرى في محيطها.",
        published="2018-03-25",
    )
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Remote explosive/landmine/IED", "Unidentified Armed Group (Somalia)")
    ]
