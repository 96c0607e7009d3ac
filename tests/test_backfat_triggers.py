"""Ambiguous protest and strategic-development cues that alone make no event. Sentences written
for the tests."""

from __future__ import annotations

import marsad


def _types(text: str, published: str = "2021-04-10") -> list[str]:
    return sorted(e.event_type for e in marsad.extract(text, published=published))


def test_repression_talked_about_is_no_protest() -> None:
    text = "وقال الناشط في مقابلة مع الصحيفة إن الشباب يهاجرون هربا من القمع وغياب الحريات في البلاد."
    assert _types(text) == []


def test_putschist_as_an_epithet_is_no_coup() -> None:
    text = "أعلنت ألوية العمالقة مقتل 12 عنصرا من الميليشيات الانقلابية في اشتباكات جنوب مدينة الحديدة."
    assert "Strategic developments" not in _types(text)


def test_ceasefire_rejected_is_no_agreement_but_announced_is() -> None:
    rejected = "أكد قائد الجماعة في خطاب بثته قناتها أنه لن يقبل بأي وقف لإطلاق النار يفرضه التحالف في اليمن."
    assert _types(rejected) == []
    announced = "أعلنت الحكومة اليمنية وجماعة الحوثي في مدينة الحديدة التوصل إلى وقف إطلاق النار اعتبارا من منتصف الليل."
    assert _types(announced) == ["Strategic developments"]


def test_figurative_and_verbal_violence_is_no_event() -> None:
    assert (
        _types("شن رئيس الكتلة النيابية هجوما لاذعا على الحكومة في جلسة البرلمان أمس بسبب غلاء الأسعار.")
        == []
    )
    assert _types("حذر خبراء من انفجار الأوضاع في المخيمات بسبب نقص المساعدات الغذائية والطبية.") == []
    assert _types("تستعد الأحزاب في تونس لمعركة انتخابية حامية في الانتخابات البلدية المقبلة.") == []


def test_stones_as_building_material_are_no_riot() -> None:
    assert _types("شيد المسجد القديم في مدينة حلب من الحجارة البيضاء في القرن الثاني عشر.") == []


def test_stone_throwing_protesters_stay_a_riot() -> None:
    text = "رشق محتجون قوات الأمن بالحجارة في مدينة القصرين التونسية ليلة أمس احتجاجا على البطالة."
    assert _types(text) == ["Riots"]


def test_defeat_of_a_group_in_general_is_no_event_but_a_killing_is() -> None:
    text = "تشهد مدينة الموصل تحسنا أمنيا نسبيا منذ سنوات بعد القضاء على تنظيم داعش في المحافظة."
    assert _types(text) == []
    text = "تمكنت قوات الجيش من القضاء على 4 إرهابيين في اشتباك مسلح قرب مدينة العريش اليوم."
    assert _types(text) == ["Battles"]


def test_a_plot_and_its_aim_are_no_attack() -> None:
    text = (
        "أوقفت الشرطة الجزائرية السبت ثلاثة أشخاص في ولاية تيزي وزو قالت إنهم وضعوا مخططا يرمي "
        "لتفجير مقر أمني في المدينة."
    )
    assert "Explosions/Remote violence" not in _types(text)


def test_a_workshop_making_bombs_is_no_bombing_but_a_bomb_that_went_off_is() -> None:
    for workshop in (
        "وداهمت القوات منزلا في مدينة العريش حوله المسلحون إلى ورشة لتجهيز السيارات المفخخة.",
        "كشفت الشرطة عن مخزن في حي الصدر ببغداد يستخدمه مطلوبون لتصنيع العبوات اللاصقة.",
    ):
        assert _types(workshop, "2018-03-11") == []
    blast = "انفجرت عبوة ناسفة صباح اليوم قرب أحد منازل مدينة العريش وأصيب جنديان."
    assert _types(blast, "2018-03-11") == ["Explosions/Remote violence"]


def test_a_weak_gathering_word_with_the_crowd_named_is_a_protest() -> None:
    # "تجمع" alone is weak (a gathering of anything); with protesters as its subject it is a protest.
    assert _types("تجمع مئات المحتجين صباح اليوم أمام مبنى المحافظة في مدينة الناصرية.", "2018-07-15") == [
        "Protests"
    ]
    assert _types("تجمع مئات الحجاج صباح اليوم أمام مبنى المحافظة في مدينة الناصرية.", "2018-07-15") == []


def _events(text: str, published: str = "2022-05-12") -> list[tuple[str, str, str]]:
    return sorted(
        (e.sub_event_type, e.actor1 or "", e.actor2 or "") for e in marsad.extract(text, published=published)
    )


def test_a_weapon_named_as_the_means_of_an_attack_is_no_event_of_its_own() -> None:
    # The drones and mortars are what the attackers used in the one assault of the sentence.
    text = (
        "شن مسلحو جماعة الحوثي فجر اليوم هجوما على مواقع الجيش اليمني في مديرية صرواح غربي مأرب "
        "مستخدمين قذائف الهاون والطائرات المسيرة، قبل أن تصده القوات بعد ساعات من القتال."
    )
    got = _events(text)
    assert [g[0] for g in got] == ["Armed clash"], got
    # Told alone, the same drones are a strike.
    alone = "قصفت جماعة الحوثي مواقع الجيش اليمني في مديرية صرواح غربي مأرب بالطائرات المسيرة، اليوم."
    assert [g[0] for g in _events(alone)] == ["Air/drone strike"]
    # A drone strike told in a later sentence stays an event of its own.
    later = text + " وفي وقت لاحق شنت طائرات مسيرة تابعة للحوثيين غارات على معسكر للجيش في مديرية حريب."
    assert sorted(g[0] for g in _events(later)) == ["Air/drone strike", "Armed clash"]


def test_a_riots_other_side_is_the_force_it_faced_not_the_people_hurt() -> None:
    text = (
        "أصيب 12 شخصا مساء أمس خلال احتجاجات غاضبة في مدينة الناصرية جنوبي العراق، رشق خلالها محتجون "
        "قوات مكافحة الشغب بالحجارة وأضرموا النار في إطارات السيارات أمام مبنى المحافظة."
    )
    got = [(e.sub_event_type, e.actor1, e.actor2) for e in marsad.extract(text, published="2023-02-14")]
    assert got == [("Violent demonstration", "Rioters (Iraq)", "Police Forces of Iraq")], got


def test_a_death_told_with_istashhada_is_an_event() -> None:
    got = marsad.extract(
        "استشهد شاب فلسطيني برصاص قوات الاحتلال الإسرائيلي صباح اليوم قرب مخيم الفوار جنوب الخليل.",
        published="2022-11-03",
    )
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in got] == [
        ("Attack", "Military Forces of Israel", "Civilians (Palestine)", 1)
    ]


def test_a_demonstrator_shot_dead_at_the_return_marches_is_force_against_protesters() -> None:
    got = marsad.extract(
        "استشهد شاب وأصيب العشرات برصاص جنود الاحتلال خلال مسيرات العودة قرب السياج الفاصل شرق مخيم "
        "البريج وسط قطاع غزة، اليوم الجمعة.",
        published="2018-08-10",
    )
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in got] == [
        ("Excessive force against protesters", "Protesters (Palestine)", "Military Forces of Israel")
    ]


def test_what_protesters_demand_is_no_statement_that_silences_their_protest() -> None:
    text = (
        "أصيب 12 شخصا مساء الجمعة في مواجهات أمام مبنى محافظة البصرة بين محتجين يطالبون بتوفير فرص العمل "
        "وقوات مكافحة الشغب، فيما رشق المحتجون القوات بالحجارة."
    )
    got = [(e.event_type, e.actor1) for e in marsad.extract(text, published="2018-07-14")]
    assert len(got) == 1 and got[0][0] in ("Protests", "Riots"), got
    # A statement clause still is one ("دعت الوزارة المحتجين إلى …" tells no event).
    text = "دعت وزارة الداخلية المحتجين في البصرة إلى التظاهر السلمي وعدم الاعتداء على المباني الحكومية."
    assert marsad.extract(text, published="2018-07-14") == []


def test_weapons_recovered_are_no_territory_retaken() -> None:
    text = (
        "أعلنت وزارة الدفاع الجزائرية أن مفرزة للجيش قضت على إرهابيين اثنين واسترجعت مسدسا رشاشا، إثر "
        "كمين نصب بمنطقة سيدي علي بوناب بولاية تيزي وزو."
    )
    assert [e.sub_event_type for e in marsad.extract(text, published="2019-11-22")] == ["Armed clash"]
    # Ground retaken by name stays a recapture.
    text = "استرجعت قوات الجيش مدينة بيحان من الحوثيين بعد معارك عنيفة، اليوم."
    assert [e.sub_event_type for e in marsad.extract(text, published="2019-11-22")] == [
        "Government regains territory"
    ]


def test_drugs_seized_are_no_weapons_seizure_but_arms_are() -> None:
    drugs = "أعلنت القوات المسلحة الأردنية، اليوم، ضبط كميات كبيرة من المواد المخدرة في منطقة الرويشد."
    assert _types(drugs) == []
    arms = "أعلنت القوات المسلحة الأردنية، اليوم، ضبط كميات من الأسلحة والذخائر في منطقة الرويشد."
    assert _types(arms) == ["Strategic developments"]
