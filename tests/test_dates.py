"""Date recogniser (CODING.md §5): absolute, relative, weekday, week and month mentions."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.recognize import dates as dates_module
from marsad.recognize.dates import DateMention, find_dates, resolve_weekday

WED = date(2020, 8, 19)  # the seed's publication day, a Wednesday


def one(text: str, published: date | None = WED) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# text, expected date, precision, kind, explicit_year
ABSOLUTE = [
    ("قتل ثلاثة مدنيين في 15 آذار 2021 بقصف", date(2021, 3, 15), 1, "absolute", True),
    ("في ١٥ آذار/مارس ٢٠٢١", date(2021, 3, 15), 1, "absolute", True),
    ("بتاريخ 15 آذار (مارس) 2021", date(2021, 3, 15), 1, "absolute", True),
    ("في الخامس عشر من شهر نيسان", date(2020, 4, 15), 1, "absolute", False),
    ("في الحادي والعشرين من أيلول الماضي", date(2019, 9, 21), 1, "absolute", False),
    ("الأول من أيار 2019", date(2019, 5, 1), 1, "absolute", True),
    ("الثالث عشر من كانون الثاني 2020", date(2020, 1, 13), 1, "absolute", True),
    ("تاريخ 2021/3/15", date(2021, 3, 15), 1, "absolute", True),
    ("تاريخ 15-3-2021", date(2021, 3, 15), 1, "absolute", True),
    ("تاريخ 15.03.2021", date(2021, 3, 15), 1, "absolute", True),
    ("يوم 3 أيار الجاري", date(2020, 5, 3), 1, "absolute", False),
    ("في الـ 12 من الشهر الجاري", date(2020, 8, 12), 1, "absolute", False),
    ("في الـ12 من الشهر الماضي", date(2020, 7, 12), 1, "absolute", False),
    ("في 5 كانون الثاني", date(2020, 1, 5), 1, "absolute", False),
    ("في 5 كانون 2 2018", date(2018, 1, 5), 1, "absolute", True),
    ("في 7 تشرين 1 2019", date(2019, 10, 7), 1, "absolute", True),
    ("منذ 20 تشرين الأول 2019", date(2019, 10, 20), 1, "absolute", True),
    ("في 9 اذار 2011", date(2011, 3, 9), 1, "absolute", True),
    ("في 2 ايار 2013", date(2013, 5, 2), 1, "absolute", True),
    ("في 14 يناير 2011", date(2011, 1, 14), 1, "absolute", True),
    ("في 25 أبريل 2015", date(2015, 4, 25), 1, "absolute", True),
    ("في 25 إبريل 2015", date(2015, 4, 25), 1, "absolute", True),
    ("في 30 يونيو 2013", date(2013, 6, 30), 1, "absolute", True),
    ("في 30 يونيه 2013", date(2013, 6, 30), 1, "absolute", True),
    ("في 23 يوليه 1952", date(1952, 7, 23), 1, "absolute", True),
    ("في 14 أغسطس 2013", date(2013, 8, 14), 1, "absolute", True),
    ("في 6 اكتوبر 1981", date(1981, 10, 6), 1, "absolute", True),
    ("في 11 فبراير 2011", date(2011, 2, 11), 1, "absolute", True),
    ("في 17 ديسمبر 2010", date(2010, 12, 17), 1, "absolute", True),
    ("في 5 جانفي 2019", date(2019, 1, 5), 1, "absolute", True),
    ("في 22 فيفري 2019", date(2019, 2, 22), 1, "absolute", True),
    ("في 2 أفريل 2019", date(2019, 4, 2), 1, "absolute", True),
    ("في 8 ماي 1945", date(1945, 5, 8), 1, "absolute", True),
    ("في 12 جوان 2019", date(2019, 6, 12), 1, "absolute", True),
    ("في 5 جويلية 1962", date(1962, 7, 5), 1, "absolute", True),
    ("في 20 أوت 1955", date(1955, 8, 20), 1, "absolute", True),
    ("في 21 أفريل", date(2020, 4, 21), 1, "absolute", False),
    ("في 25 ديسمبر", date(2019, 12, 25), 1, "absolute", False),  # latest not after publication
    ("يوم الثلاثاء 15 آذار 2021", date(2021, 3, 15), 1, "absolute", True),
    ("في شباط 2020", date(2020, 2, 15), 3, "month", True),
    ("خلال شهر آب من عام 2019", date(2019, 8, 15), 3, "month", True),
    ("في آذار/مارس 2011", date(2011, 3, 15), 3, "month", True),
    ("منتصف آب", date(2020, 8, 15), 3, "month", False),
    ("في نيسان الماضي", date(2020, 4, 15), 3, "month", False),
    ("مطلع كانون الأول", date(2019, 12, 15), 3, "month", False),
]


@pytest.mark.parametrize(("text", "expected", "precision", "kind", "explicit"), ABSOLUTE)
def test_absolute_dates(text: str, expected: date, precision: int, kind: str, explicit: bool) -> None:
    m = one(text)
    assert (m.date, m.precision, m.kind, m.explicit_year) == (expected, precision, kind, explicit)
    assert text[m.start : m.end] == m.text


# text, days before publication, kind
RELATIVE = [
    ("قصفت الطائرات اليوم بلدة", 0, "relative"),
    ("صباح اليوم", 0, "relative"),
    ("فجر اليوم", 0, "relative"),
    ("مساء اليوم", 0, "relative"),
    ("ظهر اليوم", 0, "relative"),
    ("اليوم الأربعاء", 0, "relative"),
    ("أمس", 1, "relative"),
    ("يوم أمس", 1, "relative"),
    ("البارحة", 1, "relative"),
    ("بالأمس", 1, "relative"),
    ("مساء أمس", 1, "relative"),
    ("ليلة أمس", 1, "relative"),
    ("ليل أمس", 1, "relative"),
    ("الليلة الماضية", 1, "relative"),
    ("فجر أمس", 1, "relative"),
    ("مساء أمس الثلاثاء", 1, "relative"),
    ("أمس الاثنين", 1, "relative"),  # the weekday disagrees: أمس wins
    ("في ساعات متأخرة من ليل أمس", 1, "relative"),
    ("أول أمس", 2, "relative"),
    ("أول من أمس", 2, "relative"),
    ("قبل أمس", 2, "relative"),
    ("مساء أمس الأول", 2, "relative"),  # the day before yesterday, said the other way round
    ("قبل يومين", 2, "relative"),
    ("منذ يومين", 2, "relative"),
    ("منذ يوم الأحد", 3, "weekday"),  # "يوم" heads the weekday: not "a day ago"
    ("قبل ثلاثة أيام", 3, "relative"),
    ("قبل 4 أيام", 4, "relative"),
    ("منذ خمسة أيام", 5, "relative"),
    ("قبل يوم واحد", 1, "relative"),
    ("الثلاثاء", 1, "weekday"),
    ("يوم الثلاثاء الماضي", 1, "weekday"),
    ("يوم الأحد", 3, "weekday"),
    ("الأحد الماضي", 3, "weekday"),
    ("ليلة الأحد", 3, "weekday"),
    ("فجر الجمعة", 5, "weekday"),
    ("صباح يوم الجمعة الماضي", 5, "weekday"),
    ("السبت", 4, "weekday"),
    ("الخميس الماضي", 6, "weekday"),
    ("الأربعاء", 0, "weekday"),  # the publication day itself: on or before
    ("الأربعاء الماضي", 7, "weekday"),  # "last Wednesday" written on a Wednesday
    ("وقال الجيش الاثنين إن", 2, "weekday"),
    ("قبل أسبوع", 7, "week"),
]


@pytest.mark.parametrize(("text", "days_back", "kind"), RELATIVE)
def test_relative_dates(text: str, days_back: int, kind: str) -> None:
    m = one(text)
    assert m.date == WED - timedelta(days=days_back)
    assert m.kind == kind
    assert m.explicit_year is False
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("الأسبوع الماضي", date(2020, 8, 12), 2),  # Sunday 9 to Saturday 15: its Wednesday
        ("خلال الأسبوع المنصرم", date(2020, 8, 12), 2),
        ("مطلع الأسبوع الجاري", date(2020, 8, 17), 2),
        ("بداية الأسبوع الحالي", date(2020, 8, 17), 2),
        ("نهاية الأسبوع الماضي", date(2020, 8, 14), 2),
        ("هذا الأسبوع", date(2020, 8, 17), 2),  # Sunday 16 to Wednesday 19: the middle
        ("الشهر الماضي", date(2020, 7, 15), 3),
        ("مطلع الشهر الماضي", date(2020, 7, 15), 3),
        ("الشهر الجاري", date(2020, 8, 15), 3),
        # a day of the month left unnamed ("يوم 10 الجاري"), and a year or two ago
        ("يوم 10 الجاري", date(2020, 8, 10), 1),
        ("في الـ12 الحالي", date(2020, 8, 12), 1),
        ("قبل نحو عام", date(2019, 8, 15), 3),
        ("قبل عامين", date(2018, 8, 15), 3),
    ],
)
def test_week_and_month(text: str, expected: date, precision: int) -> None:
    m = one(text)
    assert (m.date, m.precision) == (expected, precision)


def test_this_month_never_after_publication() -> None:
    m = one("الشهر الجاري", date(2020, 8, 3))
    assert m.date == date(2020, 8, 3)


@pytest.mark.parametrize(
    "text",
    [
        "شنت الطائرات الروسية 20 غارة على مواقع التنظيم",
        "قتل 3 عناصر من الفرقة 25",
        "عام 2011",
        "منذ عام 2011",
        "حرب عام 2014",
        "خلال عام 2014",
        "في عام 2020",
        "حيث قدر عدد هذه الغارات بحوالي 20 غارة خلال ساعات المساء",
        "منذ سنوات",
        "منذ أيام",
        "حتى اليوم",
        "ذلك اليوم",
        "في اليوم التالي",
        "اليوم العالمي لحقوق الإنسان",
        "كلا الاثنين",
        "الاجتماع يوم الأحد المقبل",
        "قبل يومين من الانتخابات",
        "والده أب لثلاثة أطفال",
        "مارس التنظيم ضغوطا على السكان",
        "31 نيسان 2020",
        "الخامس في الترتيب",
        "قتل 10-15 شخصا",
        "في شهر رمضان",
        "الرئيس الأحد عشر",
        "قبل عام 2011",
        "منذ عام",
    ],
)
def test_non_dates(text: str) -> None:
    assert find_dates(text, WED) == []


def test_unknown_publication_date() -> None:
    found = find_dates("مساء أمس الثلاثاء وفي 15 آذار 2021 وفي 3 أيار", None)
    assert [(m.kind, m.date) for m in found] == [
        ("relative", None),
        ("absolute", date(2021, 3, 15)),
        ("absolute", None),
    ]


def test_leap_day_without_year_goes_back_to_a_leap_year() -> None:
    assert one("في 29 شباط", date(2023, 6, 1)).date == date(2020, 2, 29)


def test_resolve_weekday_never_after_publication() -> None:
    for offset in range(14):
        pub = WED + timedelta(days=offset)
        for wd in range(7):
            d = resolve_weekday(wd, pub)
            assert d.weekday() == wd
            assert timedelta(0) <= pub - d < timedelta(days=7)


def test_seed_report(seed_text: str) -> None:
    found = find_dates(seed_text, WED)
    assert [(m.text, m.date) for m in found] == [
        ("اليوم الأربعاء", WED),
        ("مساء أمس الثلاثاء", date(2020, 8, 18)),
    ]
    assert all(m.date is None for m in find_dates(seed_text, None))


def test_offsets_survive_diacritics_tatweel_and_quotes() -> None:
    text = "«قُتِلَ» ثلاثةٌ في الـــ١٢ من الشهرِ الجاري، ومساءَ أمسِ"
    found = find_dates(text, WED)
    assert [m.text for m in found] == ["الـــ١٢ من الشهرِ الجاري", "مساءَ أمسِ"]
    assert [m.date for m in found] == [date(2020, 8, 12), date(2020, 8, 18)]


_LETTERS = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ٠١٢٣٤٥٦٧٨٩0123456789/-.،")
_WORDS = ["أمس", "اليوم", "الثلاثاء", "آذار", "مارس", "2021", "الـ", "من", "الشهر", "الماضي", "\u064e", "“"]
ARABIC = st.sampled_from([*_LETTERS, *_WORDS])


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC, max_size=60).map("".join), st.one_of(st.none(), st.dates()))
def test_property_spans_valid_sorted_disjoint(text: str, published: date | None) -> None:
    found = find_dates(text, published)
    last_end = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert m.precision in (1, 2, 3)
        if published is not None and m.date is not None and m.kind in ("relative", "weekday", "week"):
            assert m.date <= published


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_property_any_text_no_crash(text: str, published: date | None) -> None:
    for m in find_dates(text, published):
        assert 0 <= m.start <= m.end <= len(text)


# --------------------------------------------------------------------------------------------
# Golden outputs: find_dates on every gold report (title and body, with and without the
# publication day) must stay exactly as when tests/fixtures/quantities_golden.json was written.

GOLDEN = Path(__file__).parent / "fixtures" / "quantities_golden.json"


def date_rows(text: str, published: date | None) -> list[list[object]]:
    """find_dates as plain JSON rows."""
    return [
        [m.start, m.end, m.text, m.date.isoformat() if m.date else None, m.precision, m.kind, m.explicit_year]
        for m in find_dates(text, published)
    ]


def test_golden_dates_unchanged() -> None:
    reports = json.loads(GOLDEN.read_text(encoding="utf-8"))["reports"]
    assert len(reports) >= 120
    for r in reports:
        published = date.fromisoformat(r["published"]) if r["published"] else None  # some have none
        for field in ("title", "text"):
            assert date_rows(r[field], published) == r["dates"][field], (r["id"], field)
            assert date_rows(r[field], None) == r["dates_unpublished"][field], (r["id"], field)


def test_a_year_after_in_or_a_part_of_it_dates_an_earlier_incident() -> None:
    # "في العام 2011" in a report of 2020: an earlier incident's year (precision 3, mid-year);
    # the undated report reads no year at all.
    found = find_dates("في العام 2011 بدأت الاحتجاجات، وفي أواخر أيام عام 2004 وقع الهجوم", WED)
    assert [(m.text, m.date, m.precision, m.kind) for m in found] == [
        ("في العام 2011", date(2011, 7, 1), 3, "year"),
        ("أواخر أيام عام 2004", date(2004, 7, 1), 3, "year"),
    ]
    assert find_dates("في العام 2011 بدأت الاحتجاجات", None) == []


def test_patterns_from_the_cache_are_exactly_re_compile() -> None:
    pats = [*dates_module._RX_NAME, dates_module._ANCHORS]
    assert len(pats) == 12
    for p in pats:
        assert p == re.compile(p.pattern)  # same flags, text and compiled code


def test_a_year_heading_dates_the_chronology_entries_below_it() -> None:
    text = "أبرز الهجمات منذ 2016\n- 2016 -\n12 آذار/مارس: غارة على مطار المزة.\n- 2017 -\n3 أيار/مايو: قصف قرب الكسوة."
    got = [m.date for m in find_dates(text, date(2018, 5, 10)) if m.precision == 1]
    assert got == [date(2016, 3, 12), date(2017, 5, 3)]
    # Without headings a day and month are the latest such day before publication.
    plain = [m.date for m in find_dates("3 أيار/مايو: قصف قرب الكسوة.", date(2018, 5, 10))]
    assert plain == [date(2018, 5, 3)]


def test_the_same_day_points_back_to_the_day_told_before_it() -> None:
    # "مساء اليوم ذاته" names no day of its own: it is the day of the date before it, not today.
    text = (
        "أصيب ثلاثة مزارعين بقصف مدفعي يوم السبت 6 أغسطس 2022. وتجدد القصف مساء اليوم ذاته على قرية مجاورة."
    )
    found = find_dates(text, WED)
    assert [(m.text, m.date, m.precision) for m in found] == [
        ("يوم السبت 6 أغسطس 2022", date(2022, 8, 6), 1),
        ("مساء اليوم ذاته", date(2022, 8, 6), 1),
    ]
    # With no day told before it, the phrase dates nothing ("اليوم" alone still reads as today).
    assert [m.date for m in find_dates("وفي اليوم نفسه أعلن الجيش حظر التجول.", None)] == [None]
