"""Mention → incident coreference (marsad.events.incidents): a report that tells one incident
several times yields one event; a report that moves to another place, day, actor pair or says
"another attack" yields two. Sentences written for these tests in the style of wire reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import marsad
from marsad.models import Article
from marsad.pipeline import default_pipeline

PUB = "2023-10-12"  # a Thursday


def _events(text: str, published: str = PUB) -> list[marsad.Event]:
    return marsad.extract(text, published=published)


def test_lead_and_back_references_are_one_incident() -> None:
    text = (
        "قتل ثلاثة عناصر من الشرطة العراقية بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الطارمية شمال بغداد، "
        "الأربعاء. وقال مصدر أمني إن الانفجار وقع أثناء مرور الدورية على الطريق الرئيسي. "
        "وأضاف المصدر أن التفجير أسفر أيضا عن إصابة عنصرين آخرين بجروح. "
        "ولم تتبن أي جهة الهجوم حتى الآن."
    )
    events = _events(text)
    assert len(events) == 1, [(e.event_type, e.sub_event_type, e.location) for e in events]
    e = events[0]
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.fatalities == 3 and e.event_date == "2023-10-11"


def test_announced_other_attack_is_a_new_incident() -> None:
    text = (
        "قتل جنديان عراقيان بهجوم لتنظيم داعش على نقطة تفتيش في قضاء الطارمية الأربعاء. "
        "وفي هجوم آخر، قتل جندي ثالث في الطارمية بنيران قناص."
    )
    assert len(_events(text)) == 2


def test_same_kind_of_incident_in_two_distant_towns_is_two_events() -> None:
    text = (
        "قتل مدني بقصف مدفعي لقوات النظام على بلدة كفرنبل جنوب إدلب اليوم. "
        "كما قصفت قوات النظام بالمدفعية مدينة جسر الشغور غرب إدلب دون وقوع إصابات."
    )
    events = _events(text)
    assert sorted(e.location for e in events) == ["Jisr ash Shughūr", "Kafranbel"]


def test_a_day_apart_is_one_incident_dated_by_the_earlier_day() -> None:
    text = (
        "أعلنت الشرطة الأردنية الخميس مقتل رجل أمن بانفجار عبوة ناسفة في مدينة السلط. "
        "وكان الانفجار قد وقع مساء أمس الأربعاء قرب دورية للأمن في السلط."
    )
    events = _events(text)
    assert len(events) == 1
    assert events[0].event_date == "2023-10-11"


def test_air_strikes_with_artillery_are_one_event_per_means() -> None:
    text = "قتل مدنيان في غارات جوية لقوات النظام على مدينة نوى اليوم، ترافقت مع قصف مدفعي عنيف على المدينة."
    subs = sorted(e.sub_event_type for e in _events(text))
    assert subs == ["Air/drone strike", "Shelling/artillery/missile attack"]


def test_air_strikes_with_missiles_from_the_jets_stay_one_event() -> None:
    text = "شنت طائرات حربية إسرائيلية غارات على موقع في دير البلح اليوم، وأطلقت صاروخين على الموقع."
    assert [e.sub_event_type for e in _events(text)] == ["Air/drone strike"]


def test_background_without_own_day_and_place_is_not_an_event() -> None:
    text = (
        "قتل جنديان تركيان بانفجار لغم في ولاية هكاري جنوب شرقي تركيا الأربعاء. "
        "وكان حزب العمال الكردستاني قد شن هجمات عدة على القوات التركية في السنوات الماضية."
    )
    events = _events(text)
    assert [e.primary for e in events] == [True]


def test_background_recalled_with_its_day_and_place_is_kept() -> None:
    text = (
        "قتل جنديان تركيان بانفجار لغم في ولاية هكاري جنوب شرقي تركيا الأربعاء. "
        "يذكر أن ثلاثة جنود قتلوا في انفجار مماثل في مدينة ماردين في 3 أيار 2022."
    )
    events = _events(text)
    assert sorted(e.primary for e in events) == [False, True]


def test_explain_log_says_why_mentions_were_merged_or_kept_apart() -> None:
    p = default_pipeline()
    text = (
        "قتل مدني بقصف مدفعي لقوات النظام على بلدة كفرنبل جنوب إدلب اليوم. "
        "وأدى القصف إلى دمار في المنازل. "
        "كما قصفت قوات النظام بالمدفعية مدينة جسر الشغور غرب إدلب."
    )
    doc = p(p.make_doc(Article(id="t", text=text, published=PUB)))  # type: ignore[arg-type]
    logs = " ".join(line for c in doc.candidates for line in c.log)
    assert "merged" in logs and "km apart" in logs


def test_burning_among_demonstrations_is_a_riot() -> None:
    text = (
        "تظاهر آلاف العراقيين الجمعة في مدينة الناصرية جنوبي العراق للمطالبة بتوفير الكهرباء وفرص العمل. "
        "وأحرق محتجون غاضبون مقر أحد الأحزاب في مدينة الكوت مساء الجمعة."
    )
    events = _events(text)
    riots = [e for e in events if e.event_type == "Riots"]
    assert [(e.sub_event_type, e.actor1, e.admin1) for e in riots] == [
        ("Violent demonstration", "Rioters (Iraq)", "Wasit")
    ]
    assert not [e for e in events if e.event_type == "Strategic developments"]


def test_arrest_of_demonstrators_is_intervention_not_a_riot() -> None:
    text = (
        "تظاهر مئات المحتجين أمام مقر المحافظة في مدينة البصرة اليوم للمطالبة بتحسين الخدمات. "
        "وفرقت قوات الأمن المتظاهرين واعتقلت عددا منهم."
    )
    subs = [e.sub_event_type for e in _events(text)]
    assert subs == ["Protest with intervention"]


def test_explain_command_shows_incidents_and_decisions(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "قتل مدني بقصف مدفعي لقوات النظام على بلدة كفرنبل جنوب إدلب اليوم. وأدى القصف إلى دمار في المنازل. "
        "كما قصفت قوات النظام بالمدفعية مدينة جسر الشغور غرب إدلب.",
        encoding="utf-8",
    )
    exe = Path(sys.executable).parent / "marsad"
    r = subprocess.run(
        [str(exe), "explain", str(report), "--published", PUB],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert r.returncode == 0, r.stderr
    assert "Incidents" in r.stdout
    assert "merged: same incident retold" in r.stdout and "km apart" in r.stdout


def test_strikes_on_listed_towns_before_the_trigger_are_one_event_per_town() -> None:
    text = (
        "تعرضت بلدات كفرنبل ومعرة النعمان وسراقب في ريف إدلب، صباح اليوم، لغارات جوية روسية "
        "أسفرت عن مقتل ستة مدنيين."
    )
    events = _events(text)
    assert sorted(e.location for e in events) == ["Kafranbel", "Ma‘arrat an Nu‘mān", "Saraqib"]
    assert sorted(e.fatalities for e in events) == [0, 0, 6]  # the toll stays with the first town


def test_strikes_on_listed_governorates_split_but_a_protest_spreading_to_provinces_does_not() -> None:
    strikes = "شنت طائرات التحالف اليوم غارات على محافظات صعدة وعمران والجوف استهدفت مواقع للحوثيين."
    assert len(_events(strikes)) == 3
    protest = "تظاهر آلاف العراقيين اليوم في محافظات ميسان وذي قار والنجف للمطالبة بتحسين الخدمات."
    assert len(_events(protest)) == 1


def test_without_publication_date_the_latest_incident_is_the_news() -> None:
    text = (
        "اغتال مسلحون مجهولون القيادي في حركة فتح أبو علي بإطلاق النار عليه في تونس العاصمة في 14 كانون الثاني 1991. "
        "وقتل مسلحون مجهولون الناشط الفلسطيني سعيد الخطيب بإطلاق النار عليه أمام منزله في مدينة صفاقس في 15 كانون الأول 2016."
    )
    events = marsad.extract(text)  # no publication date
    news = [e for e in events if e.primary]
    assert [e.event_date for e in news] == ["2016-12-15"]
    assert all(not e.primary for e in events if e.event_date.startswith("1991"))


def test_last_week_dates_its_own_clause_not_the_news() -> None:
    text = (
        "شنت طائرات التحالف غارات على مواقع للحوثيين في مديرية الدريهمي بمحافظة الحديدة. "
        "وكانت القوات المشتركة قد استعادت السيطرة على مدينة حيس الأسبوع الماضي."
    )
    strikes = [e for e in _events(text) if e.sub_event_type == "Air/drone strike"]
    assert [(e.event_date, e.time_precision) for e in strikes] == [(PUB, 2)]


def test_a_day_told_later_for_another_matter_does_not_date_the_news() -> None:
    text = (
        "قتل عشرة مدنيين في غارات جوية على مدينة نوى بريف درعا خلال الساعات الماضية. "
        "وكانت مفاوضات بين الفصائل والجانب الروسي قد انهارت يوم السبت."
    )
    strikes = [e for e in _events(text) if e.event_type == "Explosions/Remote violence"]
    assert [(e.event_date, e.time_precision) for e in strikes] == [(PUB, 2)]


def test_an_incident_placed_nowhere_is_not_coded() -> None:
    text = "قال مسؤول عسكري إن هجمات الميليشيات أسفرت اليوم عن مقتل جنديين دون أن يحدد مكانها."
    assert _events(text) == []
    placed = "قتل جنديان في هجوم للميليشيات على موقع عسكري قرب مدينة مأرب أمس."
    assert [e.admin1 for e in _events(placed)] == ["Marib"]


def test_a_list_goes_on_over_names_the_gazetteer_does_not_know() -> None:
    text = "تعرضت بلدات كفرنبل وكفرسجنة وحيش ومعرة النعمان وسراقب اليوم لغارات جوية روسية."
    locations = {e.location for e in _events(text)}
    assert {"Kafranbel", "Ma‘arrat an Nu‘mān", "Saraqib"} <= locations


def test_fighting_and_air_strikes_told_in_one_clause_are_two_events() -> None:
    # Ground fighting "coinciding with" air strikes: ACLED codes the strikes on their own.
    text = (
        "تدور اشتباكات عنيفة بين قوات النظام السوري وعناصر تنظيم داعش في حي القدم جنوب دمشق منذ صباح اليوم، "
        "وتترافق الاشتباكات مع غارات جوية تشنها طائرات حربية روسية على الحي."
    )
    events = _events(text)
    subs = sorted(e.sub_event_type for e in events)
    assert subs == ["Air/drone strike", "Armed clash"], [
        (e.sub_event_type, e.actor1, e.actor2) for e in events
    ]
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert {clash.actor1, clash.actor2} == {"Military Forces of Syria", "Islamic State (Syria)"}
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 == "Military Forces of Russia"


def test_two_names_of_one_actor_never_make_both_sides() -> None:
    # "المقاومة" then "قوات المقاومة المشتركة": one actor, so the other side is the Houthis.
    text = (
        "تصدت المقاومة لهجوم شنه الحوثيون على مواقعها في مديرية حيس جنوب الحديدة، السبت. "
        "وقالت مصادر إن مواجهات عنيفة دارت بين قوات المقاومة المشتركة وميليشيات الحوثي في حيس."
    )
    events = _events(text, "2018-06-09")
    battles = [e for e in events if e.event_type == "Battles"]
    assert battles, [(e.event_type, e.actor1, e.actor2) for e in events]
    for e in battles:
        assert e.actor1 != e.actor2
        assert "Houthi Movement" in (e.actor1, e.actor2)


def test_an_incident_placed_nowhere_is_not_coded_even_when_recalled() -> None:
    # ACLED codes located events only: neither the news nor the recalled kidnapping has a place.
    text = (
        "قال مسؤول في الحكومة الليبية إن مسلحين مجهولين خطفوا أربعة عمال أجانب الأسبوع الماضي، "
        "وإن السلطات تعمل على إطلاق سراحهم. وكان مسلحون قد خطفوا مهندسا تركيا في 3 مارس الماضي."
    )
    assert _events(text) == []
    # Given a town, both are coded, the recalled one as background on its own day.
    placed = text.replace("الأسبوع الماضي،", "في مدينة سبها أمس،")
    events = _events(placed)
    assert [(e.primary, e.location) for e in events] == [(True, "Sabha"), (False, "Sabha")]
    assert events[1].event_date == "2023-03-03"


def test_the_author_named_after_one_event_word_is_not_the_other_events() -> None:
    # "غارات للتحالف ومواجهات مع المقاومة": the coalition flew the strikes, it did not fight.
    text = (
        "قتل 20 مسلحا حوثيا في غارات للتحالف العربي ومواجهات مع القوات المشتركة "
        "في مديرية حيس جنوب الحديدة، السبت."
    )
    events = _events(text, "2018-06-22")
    clash = [e for e in events if e.sub_event_type == "Armed clash"]
    strike = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert clash and strike, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    assert clash[0].actor1 != "Saudi-led Coalition" and clash[0].actor2 != "Saudi-led Coalition"
    assert strike[0].actor1 == "Saudi-led Coalition"


def test_a_car_bomb_and_air_strikes_on_one_town_are_two_incidents() -> None:
    text = (
        "قتل جنديان تركيان السبت حين انفجرت سيارة مفخخة لدى مرور رتل عسكري في بلدة ليجه بمحافظة دياربكر. "
        "وشنت المقاتلات التركية بعد ساعات ضربات جوية على مواقع للمسلحين في ليجه."
    )
    subs = sorted(e.sub_event_type for e in _events(text, "2015-08-02"))
    assert subs == ["Air/drone strike", "Remote explosive/landmine/IED"], subs


def test_a_vehicle_overturning_is_no_coup() -> None:
    text = "قتل جنديان في انفجار عبوة ناسفة أدى إلى انقلاب سيارتهما على طريق قرب بلدة ليجه بمحافظة دياربكر، السبت."
    events = _events(text, "2015-08-02")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_an_explainer_headline_keeps_only_the_news_of_its_lead() -> None:
    text = (
        "قتل القيادي في تنظيم القاعدة أبو عمر في غارة أمريكية على بلدة أوباري جنوبي ليبيا مطلع الأسبوع. "
        "وكان أبو عمر قد قاد في عام 2013 هجمات على قوات الأمن في منطقة جبل الشعانبي بتونس. "
        "كما شارك في اشتباكات مع الجيش الجزائري قرب مدينة خنشلة."
    )
    news = _events(text, "2018-03-28")
    assert len(news) >= 2  # told as a plain report, the later paragraphs yield events too
    profile = marsad.extract(
        text, published="2018-03-28", title="من هو أبو عمر.. قيادي القاعدة القتيل بليبيا"
    )
    assert [(e.sub_event_type, e.location) for e in profile] == [("Air/drone strike", "Ubari")]
    question = marsad.extract(text, published="2018-03-28", title="هل تنهي الغارات الأمريكية نفوذ القاعدة؟")
    assert [e.location for e in question] == ["Ubari"]


def test_a_cautious_calm_is_no_warning_and_a_named_gun_makes_shelling_its_own_event() -> None:
    # "هدوء حذر" must not block the sentence as a threat; "قصف … بقذائف مدفعية" after air strikes
    # the day before is shelling, its own event.
    text = (
        "بعد هدوء حذر دام ساعات، قصفت المدفعية الإسرائيلية بأربع قذائف موقعا لحركة حماس شرق مدينة غزة، السبت. "
        "وجاء القصف بعد سلسلة من الضربات الجوية الإسرائيلية على مواقع لحماس في مدينة غزة مساء الجمعة."
    )
    events = _events(text, "2018-07-21")
    subs = sorted(e.sub_event_type for e in events)
    assert subs == ["Air/drone strike", "Shelling/artillery/missile attack"], [
        (e.sub_event_type, e.event_date) for e in events
    ]


def test_an_explosion_given_an_accidental_cause_is_no_attack() -> None:
    text = (
        "أصيب ثمانية عمال بجروح في انفجار وقع مساء الخميس في مستودع لشركة كيماويات بمدينة العاشر من رمضان. "
        "وقال مصدر في الدفاع المدني إن الانفجار وقع بسبب ماس كهربائي في أحد المخازن."
    )
    assert _events(text, "2018-07-13") == []


def test_an_accidental_explosion_retold_later_in_the_report_stays_no_attack() -> None:
    # The cause is told in a quote; a later paragraph retells the blast as the TV first reported
    # it ("كانت … قد أفادت"), which the incident linker keeps apart as told earlier.
    text = (
        "مصر: إصابة 9 أشخاص في انفجار بمخزن لشركة أسمدة قرب مطار برج العرب\n"
        'أصيب 9 أشخاص بجروح إثر انفجار كبير وقع مساء الخميس في مخازن شركة "النيل للأسمدة" المملوكة '
        "للدولة، والواقعة قرب مطار برج العرب. وسيطر رجال الإطفاء على النيران بعد نحو ساعة، "
        "بينما نقل المصابون إلى المستشفى.\n"
        "وقع انفجار قوي في مخازن شركة للأسمدة غرب الإسكندرية، ما أدى إلى إصابة 9 أشخاص بجروح، حسبما أكد "
        "متحدث باسم المحافظة مساء الخميس.\n"
        'وأوضح المتحدث أن "الانفجار وقع في أحد المخازن لارتفاع درجة الحرارة".\n'
        "وكانت قناة محلية قد أفادت بأن دوي انفجار سمع في منطقة مجاورة لمطار برج العرب.\n"
        'وقالت القناة "سمع دوي انفجار واندلع حريق في منطقة مجاورة لمطار برج العرب" غرب الإسكندرية.\n'
        "وذكر مراسل محلي أن الشرطة فرضت طوقا حول المخازن."
    )
    assert _events(text, "2018-07-12") == []
    # A bombing someone is named as carrying out is no accident retold.
    claimed = text + "\nوفي سيناء، قتل جنديان في انفجار عبوة ناسفة زرعها مسلحون من تنظيم داعش الخميس."
    assert [e.sub_event_type for e in _events(claimed, "2018-07-12")] == ["Remote explosive/landmine/IED"]


def test_two_bombings_in_one_town_on_one_day_are_one_event_with_their_dead_added() -> None:
    text = (
        "قال مصدر أمني إن 12 شخصا قتلوا عندما انفجرت سيارة مفخخة في سوق شعبي بمدينة بعقوبة الاثنين. "
        "وأضاف المصدر أن أربعة آخرين قتلوا في تفجير آخر شرقي مدينة بعقوبة."
    )
    events = _events(text, "2015-08-11")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("Remote explosive/landmine/IED", "Baqubah", 16)
    ]


def test_a_list_of_towns_beside_a_protest_clause_is_not_one_protest_each() -> None:
    text = (
        "اعتصم مئات المتظاهرين أمام مبنى المحافظة في مدينة البصرة الثلاثاء احتجاجا على انقطاع الكهرباء. "
        "وأدى الغضب المتنامي في البصرة والنجف والعاصمة بغداد إلى إقالة وزير الكهرباء، لكنه لم ينجح في تهدئة الاحتجاجات."
    )
    events = _events(text, "2018-07-31")
    assert [e.location for e in events if e.event_type == "Protests"] == ["Basrah"]
    listed = "خرجت مظاهرات غاضبة في البصرة والنجف الثلاثاء احتجاجا على انقطاع الكهرباء."
    assert sorted(e.location for e in _events(listed, "2018-07-31") if e.event_type == "Protests") == [
        "Basrah",
        "Najaf",
    ]


def test_a_bomber_setting_off_his_own_car_bomb_is_a_suicide_bombing_a_victims_car_is_not() -> None:
    own = (
        "قتل سبعة أشخاص في انفجار سيارة ملغومة بمدينة درنة اليوم. وتبنى تنظيم داعش الهجوم، وقال إن "
        "أحد عناصره قام بتفجير سيارته المفخخة على تجمع للمسلحين في المدينة."
    )
    assert "Suicide bomb" in {e.sub_event_type for e in _events(own, "2015-08-11")}
    victim = "اغتيل قيادي في حركة حماس اليوم بتفجير سيارته في حي الزاهرة بالعاصمة السورية دمشق."
    assert {e.sub_event_type for e in _events(victim, "2015-08-11")} == {"Remote explosive/landmine/IED"}


def test_a_clash_of_the_forces_beside_a_demonstration_is_force_used_against_it() -> None:
    text = (
        "قتل ثلاثة فلسطينيين وأصيب العشرات إثر مواجهات مع القوات الإسرائيلية شرق مدينة خان يونس، الجمعة. "
        "وخرج آلاف الفلسطينيين في مسيرات قرب السياج الحدودي شرق خان يونس للمطالبة بحق العودة."
    )
    events = _events(text, "2018-04-06")
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in events] == [
        ("Excessive force against protesters", "Protesters (Palestine)", "Military Forces of Israel", 3)
    ]


def test_an_unplaced_incident_takes_a_place_only_from_an_incident_told_close_by() -> None:
    near = (
        "قتل ثلاثة جنود في هجوم على حاجز للجيش قرب مدينة العريش اليوم الأحد. "
        "وأعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم، فيما شنت مقاتلات حربية غارات على مواقع المسلحين."
    )
    assert "Air/drone strike" in {e.sub_event_type for e in _events(near, "2018-03-11")}
    far = (
        "قتل ثلاثة جنود في هجوم على حاجز للجيش قرب مدينة العريش اليوم الأحد. "
        "وقال مصدر أمني إن التحقيقات جارية. وأضاف أن الحاجز أعيد فتحه. "
        "وفي شأن آخر، أعلنت وزارة الخارجية استدعاء السفير. وقالت الوزارة في بيان إن القرار نهائي. "
        "من جهة أخرى، شنت مقاتلات حربية غارات على مواقع للمسلحين، بحسب بيان عسكري."
    )
    assert "Air/drone strike" not in {e.sub_event_type for e in _events(far, "2018-03-11")}


def test_bombings_in_two_baghdad_neighbourhoods_are_two_events() -> None:
    text = (
        "قتل شخص وأصيب سبعة آخرون بانفجار عبوة ناسفة قرب سوق شعبي في منطقة الكرادة وسط بغداد اليوم. "
        "وأضاف المصدر أنه قتل شخص آخر بتفجير مماثل في منطقة الشعلة شمال غربي العاصمة."
    )
    events = _events(text, "2015-08-11")
    assert sorted((e.location, e.fatalities) for e in events) == [("Ash Shula", 1), ("Karrada", 1)]


def test_quoted_natural_areas_listed_as_targets_are_one_strike_each() -> None:
    events = marsad.extract(
        'شنت مقاتلات تركية اليوم غارات على معاقل حزب العمال الكردستاني في مناطق "متينا" و"أفاشين" '
        'و"سينات – هفتانين"، و"هاكورك" شمالي العراق.',
        published="2023-10-12",
    )
    assert sorted(e.location for e in events) == ["Avashin", "Hakurk", "Metina", "Sinat-Haftanin"]
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}


def test_clauses_of_one_sentence_in_two_provinces_are_two_events() -> None:
    # A governorate and a town of another: no "specific" distance to compare, two provinces still.
    events = _events(
        "أحرق محتجون غاضبون مساء الأربعاء مقرا لحزب سياسي في محافظة ذي قار، وأحرقوا مكاتب حزبين "
        "آخرين في مدينة السماوة."
    )
    assert len({e.admin1 for e in events}) == 2, [(e.location, e.admin1) for e in events]


def test_strikes_on_two_towns_told_for_today_and_last_night_are_two_incidents() -> None:
    text = (
        "قتل عنصران من حزب الله اليوم الأحد بغارة نفذتها طائرة مسيرة إسرائيلية على سيارة في بلدة عيترون "
        "جنوبي لبنان. وكانت المدفعية الإسرائيلية قد قصفت ليلة أمس أطراف مدينة بنت جبيل دون وقوع إصابات."
    )
    got = sorted((e.location, str(e.event_date)) for e in _events(text, "2023-11-19"))
    assert len(got) == 2 and got[0][1] != got[1][1], got
    # One town told from both ends of the night stays one incident.
    one = (
        "قصفت المدفعية الإسرائيلية ليلة أمس أطراف بلدة الخيام جنوبي لبنان. وقالت مصادر محلية إن القصف "
        "على الخيام استمر حتى فجر اليوم الأحد."
    )
    assert len(_events(one, "2023-11-19")) == 1


def test_two_dates_written_out_a_day_apart_are_two_days() -> None:
    text = (
        "سيطرت قوات موالية للمجلس الانتقالي الجنوبي يوم الخميس 11 مايو على مدينة زنجبار، بعد معارك مع "
        "وحدات من الجيش الحكومي. وكانت المواجهات مع قوات الجيش قد اندلعت يوم الأربعاء 10 مايو وسط "
        "زنجبار، وأسفرت عن مقتل سبعة أشخاص."
    )
    days = sorted(str(e.event_date) for e in _events(text, "2023-05-12"))
    assert days == ["2023-05-10", "2023-05-11"], days


def test_an_incident_told_as_days_before_the_news_is_its_own() -> None:
    # "ويأتي ذلك بعد يومين من غارات …": the raids are another, earlier incident; they neither
    # merge into the shelling nor lend it their author.
    text = (
        "قتل أربعة مدنيين مساء السبت جراء قصف مدفعي شنته ميليشيا الحوثي على سوق شعبي في مديرية التحيتا "
        "جنوب الحديدة. ويأتي ذلك بعد يومين من غارات شنها طيران التحالف على مواقع للحوثيين في مديرية زبيد "
        "المجاورة، أسفرت عن مقتل 9 مسلحين."
    )
    got = sorted((e.sub_event_type, e.actor1, e.location) for e in _events(text, "2018-06-17"))
    assert got == [
        ("Air/drone strike", "Saudi-led Coalition", "Zabīd"),
        ("Shelling/artillery/missile attack", "Houthi Movement", "At Tuḩaytā’"),
    ], got


def test_air_strikes_by_a_third_side_on_the_attackers_are_their_own_event() -> None:
    # "في هجوم لخلايا التنظيم" names the attackers (cells are a force noun); the Russian raids on
    # them are another action, not the attack's means.
    text = (
        "قتل خمسة عناصر من قوات النظام فجر اليوم في هجوم لخلايا تنظيم الدولة الإسلامية على نقاط عسكرية "
        "قرب مدينة تدمر بريف حمص الشرقي، فيما شنت طائرات حربية روسية غارات على مواقع التنظيم في المنطقة."
    )
    got = sorted((e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in _events(text, "2020-01-15"))
    assert got == [
        ("Air/drone strike", "Military Forces of Russia", "Islamic State (Syria)", 0),
        ("Armed clash", "Islamic State (Syria)", "Military Forces of Syria", 5),
    ], got


def test_shelling_by_a_side_not_in_a_fight_is_not_that_fight() -> None:
    text = (
        "قصفت المدفعية التركية اليوم قرى في ريف عفرين، فيما دارت اشتباكات بين وحدات حماية الشعب الكردية "
        "وفصائل الجيش السوري الحر قرب بلدة جنديرس، ما أسفر عن مقتل ثلاثة من عناصر الوحدات."
    )
    got = sorted((e.sub_event_type, e.actor1) for e in _events(text, "2018-02-11"))
    assert got == [
        ("Armed clash", "Syrian Democratic Forces"),
        ("Shelling/artillery/missile attack", "Military Forces of Turkey"),
    ], got
