"""Fatalities per CODING.md §6: period totals, recalled tolls and other days' tolls count for no
event; vague killed-and-injured counts; an expected rise is no toll. Sentences written for the tests."""

from __future__ import annotations

import marsad
from marsad.recognize.casualties import find_casualties


def _killed(text: str) -> list[tuple[str, int]]:
    return [(c.text, c.count) for c in find_casualties(text) if c.kind == "killed"]


def test_vague_killed_and_injured_is_killed_no_number() -> None:
    assert _killed("شنت مقاتلات التحالف غارات على مواقع المسلحين ما أسفر عن مقتل وجرح العشرات منهم.") == [
        ("مقتل وجرح العشرات", 10)
    ]


def test_exact_killed_and_injured_total_stays_at_least_one() -> None:
    assert [n for _, n in _killed("أسفر الانفجار عن مقتل وإصابة 7 أشخاص في السوق.")] == [1]


def test_expected_rise_is_no_toll() -> None:
    assert _killed("وقال المسعفون إنهم يتوقعون ارتفاع عدد القتلى بسبب خطورة الإصابات.") == []
    assert _killed("وأعلنت الصحة ارتفاع عدد القتلى إلى 9 أشخاص.") == [("ارتفاع عدد القتلى إلى 9", 9)]


def _fatalities(text: str, published: str) -> list[int]:
    return [e.fatalities for e in marsad.extract(text, published=published) if e.primary]


def test_campaign_total_attaches_to_no_event() -> None:
    text = (
        "قصفت قوات النظام السوري بلدة كفرنبل في ريف إدلب الجنوبي، اليوم الأربعاء، ما أدى إلى إصابة "
        "أربعة مدنيين. وأدى القصف على المحافظة إلى مقتل أكثر من 900 مدني منذ بدء الحملة العسكرية، "
        "بحسب المرصد السوري لحقوق الإنسان."
    )
    assert _fatalities(text, "2019-05-15") == [0]


def test_day_total_over_many_places_attaches_to_no_event() -> None:
    text = (
        "قتل مدنيان في غارة جوية استهدفت بلدة معرة حرمة في ريف إدلب اليوم الخميس. وقتل 25 شخصا "
        "في مناطق متفرقة من البلاد خلال الـ24 ساعة الماضية."
    )
    assert _fatalities(text, "2019-05-16") == [2]


def test_toll_of_another_day_is_not_the_events() -> None:
    text = (
        "تظاهر مئات العاطلين عن العمل أمام مبنى المحافظة في مدينة البصرة اليوم الجمعة، غضبا من "
        "مقتل شاب في احتجاج مماثل، الأحد الماضي."
    )
    assert _fatalities(text, "2018-07-13") == [0]


def test_running_toll_without_figure_adds_nothing_to_its_figure() -> None:
    text = (
        "ارتفع عدد القتلى في صفوف المتظاهرين في مدينة الناصرية، اليوم الجمعة، إلى 9 قتلى بعد أن "
        "أطلقت قوات الأمن الرصاص الحي على المحتجين."
    )
    assert _fatalities(text, "2019-11-29") == [9]


def test_vague_and_numbered_groups_in_one_sentence_add_up() -> None:
    text = (
        "هاجم مسلحون حوثيون مواقع القوات الحكومية في مديرية حيس اليوم الأحد، وأسفرت الاشتباكات عن "
        "مقتل عدد من المهاجمين، فيما قتل جنديان من القوات الحكومية."
    )
    assert _fatalities(text, "2023-06-18") == [12]


def test_conflict_wide_toll_since_decades_attaches_to_no_event() -> None:
    text = (
        "قتل ثلاثة جنود أتراك اليوم في هجوم لحزب العمال الكردستاني في ولاية هكاري. ويحمل الحزب السلاح "
        "ضد أنقرة منذ ثلاثة عقود، في نزاع أسفر عن مقتل أكثر من 40 ألف شخص."
    )
    assert _fatalities(text, "2018-06-15") == [3]


def test_victims_who_fell_dead() -> None:
    assert _killed("أفاد المرصد بأن 17 مدنيا على الأقل سقطوا قتلى في غارات على بلدة سراقب.") == [
        ("17 مدنيا على الأقل سقطوا قتلى", 17)
    ]


def test_toll_of_a_separate_incident_told_in_its_own_sentence() -> None:
    text = (
        "انفجرت عبوة ناسفة قرب دورية للشرطة في مدينة ديار بكر اليوم دون وقوع إصابات. وفي حادث منفصل، "
        "لقي شاب حتفه في المدينة."
    )
    assert _fatalities(text, "2015-08-10") == [0]


def test_toll_of_a_span_of_weeks_told_before_it_attaches_to_no_event() -> None:
    # The span stands before the figure ("خلال الأسبوعين الماضيين، مما أودى بحياة …").
    text = (
        "أصيب ثلاثة مدنيين في غارة جوية على بلدة حمورية في الغوطة الشرقية يوم الثلاثاء. وقالت منظمة "
        "إغاثية إن القصف الجوي على بلدات الغوطة تواصل خلال الأسبوعين الماضيين، مما أودى بحياة نحو "
        "سبعمئة شخص."
    )
    assert _fatalities(text, "2018-03-08") == [0]


def test_others_killed_without_a_number_is_killed_no_number() -> None:
    # "آخرين" is "others", a plural: a dual would carry its number ("شخصين آخرين").
    assert _killed("وأعلن الجيش القبض على عدد من المسلحين إضافة إلى مقتل آخرين في المدينة.") == [
        ("مقتل آخرين", 10)
    ]
    assert _killed("قتل جنديان آخران في الهجوم.") == [("قتل جنديان آخران", 2)]


def test_the_killer_named_between_the_verb_and_the_counted_victims() -> None:
    assert _killed("قتل الجيش الإسرائيلي، الاثنين، 4 فلسطينيين قرب السياج شرق خان يونس.") == [
        ("قتل الجيش الإسرائيلي، الاثنين، 4 فلسطينيين", 4)
    ]
    assert _killed("قتلت قوات النظام خمسة مدنيين في قصف على البلدة.") == [("قتلت قوات النظام خمسة مدنيين", 5)]
    # A new clause is not the killer: the second figure is the injured.
    assert _killed("قُتل شرطي وأصيب ثلاثة مدنيين بجروح في الانفجار.") == [("قُتل شرطي", 1)]


def test_stated_lower_bound_outranks_a_words_default() -> None:
    # "37 على الأقل" is a figure; "أكبر عدد من القتلى" in a later sentence is no count of its own.
    text = (
        "قال مرصد حقوقي إن 37 شخصا على الأقل قتلوا في غارات جوية استهدفت بلدة سرمين في ريف إدلب "
        "الشرقي مساء أمس. وهذا أكبر عدد من القتلى تسجله البلدة منذ مطلع الشهر، وفق المرصد."
    )
    assert _fatalities(text, "2023-10-12") == [37]


def test_nationals_and_militants_named_by_a_nisba_are_victims() -> None:
    assert _killed("قتل فلسطيني وأصيب ثلاثة آخرون في غارة على بلدة بيت لاهيا.") == [("قتل فلسطيني", 1)]
    assert _killed("قتل حوثيان في هجوم على نقطة تفتيش بمديرية باجل.") == [("قتل حوثيان", 2)]
    assert _killed("قال الجيش إنه قتل متطرفين اثنين في ضربة جوية.") == [("قتل متطرفين اثنين", 2)]
    # The country's name is no victim ("مقتل سوريا" is not written; "سوريا" stays out of the list).
    assert _killed("تواصل القتال في سوريا منذ سنوات.") == []


def test_a_conflicts_toll_over_decades_is_no_events_toll() -> None:
    text = (
        "قتل جنديان هنديان الثلاثاء خلال اشتباك مع مسلحين في كشمير الخاضعة لإدارة الهند، ضمن صراع "
        "خلف 70 ألف قتيل خلال 3 عقود."
    )
    assert _fatalities(text, "2023-10-12") == [2]


def test_toll_before_two_causes_goes_with_the_first_named() -> None:
    # The killing word comes first, then air strikes and ground fighting: the fighting is split
    # off the air strikes, and the toll stays with the strikes it was told with (named first).
    text = (
        "أفادت مصادر محلية اليوم بسقوط 27 قتيلا من الحوثيين في غارات للتحالف العربي ومعارك مع القوات "
        "المشتركة شرقي مدينة حيس."
    )
    events = {e.sub_event_type: e.fatalities for e in marsad.extract(text, published="2018-06-22")}
    assert events == {"Air/drone strike": 27, "Armed clash": 0}


def test_another_sources_figure_is_weighed_not_added() -> None:
    text = (
        "قتل ستة أشخاص في اشتباكات بين مجموعتين مسلحتين في مدينة الزاوية غربي ليبيا أمس، بينما قالت "
        "مصادر أخرى إن عدد القتلى بلغ 11 قتيلا."
    )
    assert [e.fatalities for e in marsad.extract(text, published="2023-05-29")] == [6]
    # Two groups of dead in one sentence still add up.
    text = "قتل ستة مسلحين في اشتباكات مع قوة أمنية في مدينة الزاوية أمس، فيما قتل شرطيان."
    assert [e.fatalities for e in marsad.extract(text, published="2023-05-29")] == [8]


def test_a_total_told_after_another_toll_is_the_same_dead() -> None:
    text = (
        "قتل سبعة أشخاص في اشتباكات بين قوات الجيش وقوات الدعم السريع في مدينة الأبيض أمس، فيما قال "
        "مسعفون إن حصيلة القتلى بلغت 12 قتيلا."
    )
    assert [e.fatalities for e in marsad.extract(text, published="2023-06-02")] == [7]


def test_dual_person_nouns_joined_to_a_singular_count_two() -> None:
    assert _killed("استشهد ضابط ومجندان صباح اليوم بانفجار عبوة ناسفة جنوب الشيخ زويد.") == [
        ("استشهد ضابط ومجندان", 3)
    ]


def test_an_assassination_told_without_a_toll_killed_one() -> None:
    text = (
        "اغتال مسلحون مجهولون يستقلون دراجة نارية، مساء أمس، قياديا محليا في مديرية المنصورة بمحافظة عدن، "
        "ولاذوا بالفرار."
    )
    assert [e.fatalities for e in marsad.extract(text, published="2019-03-02")] == [1]
    # An attempt kills no one by itself.
    text = (
        "تعرض قيادي محلي لمحاولة اغتيال بعبوة ناسفة استهدفت سيارته في مديرية المنصورة بمحافظة عدن مساء أمس."
    )
    assert [e.fatalities for e in marsad.extract(text, published="2019-03-02")] in ([0], [])


def test_eliminated_in_a_military_statement_is_killed() -> None:
    assert _killed("وأعلنت الوزارة أن وحدات الجيش قضت على ثلاثة إرهابيين في جبل الشعانبي.") == [
        ("قضت على ثلاثة إرهابيين", 3)
    ]
    assert _killed("وأكد البيان القضاء على 7 عناصر إرهابية خلال العملية.") == [("القضاء على 7 عناصر", 7)]
    # Ending a phenomenon is no death.
    assert _killed("تعهد الوزير بالقضاء على الإرهاب في المنطقة.") == []
