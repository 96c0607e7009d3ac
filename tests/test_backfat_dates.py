"""Dates of the incident, not of the announcement; wire stories published after midnight.
Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import marsad
from marsad.recognize.dates import find_dates


def test_today_with_yesterdays_weekday_is_yesterday() -> None:
    # Published on Tuesday 11 Aug 2015 after midnight; the wire text still says "today, Monday".
    found = find_dates("قالت مصادر أمنية إن 12 شخصا قتلوا اليوم الاثنين في انفجار سيارة", date(2015, 8, 11))
    assert [(m.text, m.date) for m in found] == [("اليوم الاثنين", date(2015, 8, 10))]


def test_today_with_its_own_weekday_or_a_distant_one_stays_today() -> None:
    assert find_dates("اليوم الثلاثاء", date(2015, 8, 11))[0].date == date(2015, 8, 11)
    assert find_dates("اليوم الخميس", date(2015, 8, 11))[0].date == date(2015, 8, 11)


def _dates(text: str, published: str) -> list[str]:
    return [str(e.event_date) for e in marsad.extract(text, published=published) if e.event_date]


def test_announcement_day_yields_to_the_incidents_day() -> None:
    text = (
        "أعلن الدفاع المدني السوري، الأحد، أن 9 مدنيين على الأقل قتلوا خلال الليلة الماضية في غارات "
        "جوية روسية استهدفت بلدة خان شيخون في ريف إدلب الجنوبي."
    )
    assert _dates(text, "2019-06-02") == ["2019-06-01"]


def test_announcement_of_a_capture_after_fighting_that_began_earlier_keeps_its_day() -> None:
    text = (
        "أعلنت القوات الحكومية، اليوم الخميس، استعادة السيطرة على مدينة الحزم بمحافظة الجوف، بعد "
        "معارك عنيفة مع جماعة الحوثي بدأت مساء الاثنين."
    )
    assert "2020-03-05" in _dates(text, "2020-03-05")


def test_months_ago_gives_the_month() -> None:
    (m,) = find_dates("اعتقلت السلطات الناشط قبل شهرين", date(2018, 7, 14))
    assert (m.date, m.precision) == (date(2018, 5, 15), 3)
    # "منذ خمسة أشهر" is a duration ("محاصرة منذ خمسة أشهر"), not an incident's date.
    assert find_dates("البلدة محاصرة منذ خمسة أشهر", date(2018, 7, 14)) == []


def test_approximate_days_ago_give_the_week_or_the_month() -> None:
    (m,) = find_dates("اعتقل قبل نحو أسبوعين في مدينة قم", date(2018, 3, 11))
    assert (m.date, m.precision) == (date(2018, 2, 25), 2)
    (m,) = find_dates("بدأت الاحتجاجات قبل نحو مئة يوم", date(2018, 7, 14))
    assert (m.date, m.precision) == (date(2018, 4, 15), 3)


def test_news_dates_leave_out_recalled_incidents() -> None:
    from marsad.doc import DATE
    from marsad.events.background import news_dates
    from marsad.models import Article
    from marsad.pipeline import Pipeline

    text = "تظاهر المئات أمام السفارة اليوم احتجاجا على اعتقال رجل دين قبل نحو أسبوعين."
    p = Pipeline()
    doc = p(p.make_doc(Article(id="t", text=text, published=date(2018, 3, 11))))
    assert [d.text for d in news_dates(doc, doc.get(DATE))] == ["اليوم"]


def test_the_day_a_following_report_sentence_gives_beats_the_announcement_day() -> None:
    text = (
        "أعلن الجيش التركي، الخميس، عن مقتل 12 مسلحا في ضربات جوية على منطقة هاكورك شمالي العراق. "
        "وذكرت وكالة أنباء تركية أن مقتل المسلحين كان يوم 8 مايو الجاري."
    )
    events = marsad.extract(text, published="2018-05-18")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Air/drone strike", "2018-05-08")]
