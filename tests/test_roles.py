"""Who did what to whom (CODING.md §3): actor1/actor2 from Arabic structure, one mechanism per test,
on short reports written for them in the style of real outlets."""

from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.doc import ACTOR, Doc
from marsad.events import roles
from marsad.pipeline import Pipeline

PUB = "2023-10-12"  # a Thursday


def _events(text: str) -> list[tuple[str, str, str]]:
    return [(e.sub_event_type, e.actor1, e.actor2) for e in marsad.extract(text, published=PUB)]


def _one(text: str) -> marsad.Event:
    events = marsad.extract(text, published=PUB)
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2, e.location) for e in events]
    return events[0]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


class _Cues(dict[str, str | None]):
    def __missing__(self, name: str) -> str | None:
        # "للجيش" is reported without its article ("لجيش"): look the name up by its tail.
        return next(v for k, v in self.items() if name.endswith(k[1:]))


def _cues(pipeline: Pipeline, text: str) -> _Cues:
    """The role each actor mention's own words give it (before event assembly)."""
    doc = pipeline.components[0](Doc(text, published=date.fromisoformat(PUB)))
    return _Cues({m.text: m.attrs.get("role_cue") for m in doc.get(ACTOR)})


# --- verb–subject–object order ----------------------------------------------------------------


def test_subject_right_after_the_verb_is_actor1_and_a_later_actor_is_the_object(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "استهدفت قوات النظام بالمدفعية الثقيلة مقرا لهيئة تحرير الشام في بلدة سرمين.")
    assert cues["قوات النظام"] == roles.AGENT
    assert cues["هيئة تحرير الشام"] == roles.PATIENT


def test_bomb_as_subject_makes_the_force_named_after_it_the_target() -> None:
    # "استهدف تفجير انتحاري مركزا للشرطة": the police own the target, they did not bomb it.
    e = _one("استهدف تفجير انتحاري صباح اليوم مركزا للشرطة في مدينة قسنطينة شرقي الجزائر.")
    assert e.sub_event_type == "Suicide bomb"
    assert e.actor1 == "Unidentified Armed Group (Algeria)" and e.actor2 == "Police Forces of Algeria"


def test_persons_after_an_often_passive_verb_were_hit_a_force_there_acted(pipeline: Pipeline) -> None:
    assert _cues(pipeline, "قتل جنديان في هجوم على حاجز بمدينة العريش.")["جنديان"] == roles.PATIENT
    assert (
        _cues(pipeline, "قتل الجيش الإسرائيلي ثلاثة شبان شرق مدينة غزة.")["الجيش الإسرائيلي"] == roles.AGENT
    )


def test_a_unit_after_a_verb_of_arrest_is_its_subject(pipeline: Pipeline) -> None:
    # No patrol is arrested: the unit right after "أوقفت" is the subject, its force the one acting
    # (a patrol after a verb of attack may still be the target: "استهدف مسلحون دورية للجيش").
    cues = _cues(pipeline, "أوقفت دورية من مديرية المخابرات في الجيش اللبناني ثلاثة مطلوبين في بلدة بريتال.")
    assert cues["مديرية المخابرات في الجيش اللبناني"] == roles.AGENT
    assert _cues(pipeline, "اعتقلت دورية تابعة للشرطة مطلوبا في البلدة.")["للشرطة"] == roles.AGENT
    assert _cues(pipeline, "استهدف مسلحون دورية للجيش بعبوة ناسفة.")["للجيش"] == roles.PATIENT


def test_an_advance_or_infiltration_names_its_author(pipeline: Pipeline) -> None:
    # "زحفا لمرتزقة العدوان": the lam after an advance names who advanced (it was read as the
    # owner of a target), as after "هجوم" or "غارة".
    cues = _cues(pipeline, "كسر أبطال الجيش واللجان الشعبية زحفا لمرتزقة العدوان باتجاه مواقعهم في نهم.")
    assert cues["مرتزقة العدوان"] == roles.AGENT
    cues = _cues(pipeline, "أحبطت قوات الجيش محاولة تسلل لميليشيا الحوثي في الجبهة.")
    assert cues["ميليشيا الحوثي"] == roles.AGENT


def test_who_denies_responsibility_neither_acts_nor_claims(pipeline: Pipeline) -> None:
    # "نفى … مسؤوليته": the denial comes before the claim its words would otherwise make.
    doc = pipeline.components[0](
        Doc("ونفى التحالف الدولي مسؤوليته عن الغارة.", published=date.fromisoformat(PUB))
    )
    (m,) = doc.get(ACTOR)
    assert m.attrs.get("role_cue") == roles.IGNORE and not m.attrs.get("claims")


def test_a_group_noun_heads_the_tellers_name_and_a_reported_noun_claims_nothing(pipeline: Pipeline) -> None:
    # "قالت جماعة حزب الله اللبنانية إن إسقاط الطائرة …": the group noun heads the teller's name,
    # and a clause opened by "إن" after its adjective reports an act, it claims none.
    doc = pipeline.components[0](
        Doc(
            "قالت جماعة حزب الله اللبنانية إن إسقاط الطائرة يمثل بداية مرحلة جديدة.",
            published=date.fromisoformat(PUB),
        )
    )
    (m,) = doc.get(ACTOR)
    assert m.attrs.get("role_why") == "teller_verbs" and m.attrs.get("role_cue") is None


def test_who_opened_fire_acted(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "وقع تبادل لإطلاق النار بعد أن فتح المسلحون النار على عناصر الشرطة قرب الباب.")
    assert cues["المسلحون"] == roles.AGENT and cues["عناصر الشرطة"] == roles.PATIENT


def test_force_head_between_verb_and_name_belongs_to_the_subject(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "هاجمت قوات الحركة الشعبية لتحرير السودان مواقع للجيش السوداني قرب الدلنج.")
    assert cues["الحركة الشعبية لتحرير السودان"] == roles.AGENT
    assert cues["الجيش السوداني"] == roles.PATIENT


def test_people_who_fled_or_told_are_no_side(pipeline: Pipeline) -> None:
    # "فيما نزحت عشرات العائلات": the families fled the fighting; "بحسب ما أفاد سكان": the
    # residents only told of it.
    cues = _cues(pipeline, "تجددت الاشتباكات في المخيم، فيما نزحت عشرات العائلات من أحيائه.")
    assert cues["عائلات"] == roles.IGNORE
    cues = _cues(pipeline, "قصفت الطائرات الحربية أطراف البلدة، بحسب ما أفاد سكان.")
    assert cues["سكان"] == roles.IGNORE


# --- passive and agentive forms, idafa, the lam of possession --------------------------------


def test_killed_at_the_hands_of_gives_the_author() -> None:
    e = _one(
        "قتل قيادي في جماعة الحوثي على يد قوات ألوية العمالقة خلال اشتباكات في مديرية حيس بمحافظة الحديدة."
    )
    assert e.actor1 == "Giants Brigades" and e.actor2 == "Houthi Movement"


def test_idafa_of_an_action_noun_names_its_author(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "قتل خمسة من عناصر تنظيم داعش بغارات التحالف الدولي قرب بلدة الباغوز.")
    assert cues["التحالف الدولي"] == roles.AGENT
    assert cues["تنظيم داعش"] == roles.PATIENT


def test_lam_after_aircraft_marks_the_owner_as_author(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "ألقت مروحيات تابعة لقوات النظام براميل متفجرة على بلدة كفرزيتا بريف حماة.")
    assert cues["قوات النظام"] == roles.AGENT


def test_lam_after_a_target_noun_marks_the_owner_of_the_target(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "انفجرت عبوة ناسفة بدورية لقوات سوريا الديمقراطية على طريق الشدادي.")
    assert cues["قوات سوريا الديمقراطية"] == roles.PATIENT


def test_coordinated_names_share_their_role(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "شنت قوات النظام وحزب الله هجوما على مواقع الفصائل في ريف اللاذقية.")
    assert cues["قوات النظام"] == roles.AGENT
    assert cues["حزب الله"] == roles.AGENT


# --- suicide and IED perpetration --------------------------------------------------------------


def test_suicide_bomber_from_a_group_makes_the_group_actor1() -> None:
    e = _one(
        "فجر انتحاري من تنظيم داعش سيارة مفخخة عند حاجز لقوات سوريا الديمقراطية في بلدة الشدادي "
        "بريف الحسكة، ما أسفر عن مقتل خمسة عناصر."
    )
    assert e.actor1 == "Islamic State (Syria)" and e.actor2 == "Syrian Democratic Forces"


def test_a_state_force_in_a_roadside_bomb_clause_is_the_target() -> None:
    e = _one("قتل ثلاثة من عناصر الشرطة العراقية بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الطارمية.")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.actor1 == "Unidentified Armed Group (Iraq)" and e.actor2 == "Police Forces of Iraq"


# --- sources of a claim --------------------------------------------------------------------------


def test_source_of_a_claim_is_no_party(pipeline: Pipeline) -> None:
    cues = _cues(
        pipeline, "قتل أربعة مدنيين بقصف لقوات النظام على بلدة كنصفرة، بحسب المرصد السوري لحقوق الإنسان."
    )
    assert cues["قوات النظام"] == roles.AGENT
    cues = _cues(pipeline, "وقالت مصادر في الشرطة العراقية إن الهجوم وقع فجرا على أطراف مدينة بعقوبة.")
    assert cues["الشرطة العراقية"] == roles.IGNORE


def test_teller_claiming_its_own_action_stays_a_party() -> None:
    e = _one("أعلن الجيش الإسرائيلي أنه قصف موقعا لحركة حماس شمال قطاع غزة ليلة الأربعاء.")
    assert e.actor1 == "Military Forces of Israel" and e.actor2 == "Hamas Movement"


# --- air strikes -----------------------------------------------------------------------------------


def test_nationality_adjective_names_the_air_force() -> None:
    e = _one("قتل أربعة مسلحين من حركة الشباب في غارة جوية أميركية قرب بلدة جليب في إقليم جوبا الوسطى.")
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1 == "Military Forces of United States" and e.actor2 == "Al Shabaab"


def test_a_name_states_share_takes_the_state_its_adjective_names(pipeline: Pipeline) -> None:
    # "القيادة العامة للقوات المسلحة" is also the Libyan National Army's name; followed by
    # "الأردنية" it is Jordan's command, whatever the report's country.
    doc = pipeline(
        pipeline.make_doc(
            marsad.Article(
                id="t",
                title="",
                text="قال مصدر في القيادة العامة للقوات المسلحة الأردنية إن حرس الحدود أحبطوا محاولة "
                "تسلل من الأراضي السورية.",
                published=PUB,
            )
        )
    )
    command = doc.get(ACTOR)[0]
    assert command.text == "القيادة العامة للقوات المسلحة الأردنية"
    assert command.attrs["country"] == "JO"


def test_the_attacker_named_alone_is_the_unidentified_side() -> None:
    # "إن المهاجم أطلق النار": the attacker, unnamed, is the side that acted, not the forces
    # told pursuing him afterwards.
    e = _one(
        "قتل ثلاثة من عناصر الأمن، صباح الاثنين، في هجوم مسلح استهدف مركزا للشرطة في مدينة الكرك. "
        "وقال مصدر أمني إن المهاجم أطلق النار على عناصر المركز ثم لاذ بالفرار، وإن الأجهزة الأمنية تلاحقه."
    )
    assert e.actor1 == "Unidentified Armed Group (Jordan)" and e.actor2 == "Police Forces of Jordan"


def test_unnamed_warplanes_take_the_air_force_the_report_is_about() -> None:
    text = (
        "شنت طائرات حربية إسرائيلية فجر اليوم غارات على مواقع في ريف دمشق الغربي. "
        "وقال مصدر محلي إن الطيران الحربي استهدف أيضا مستودعا قرب مطار المزة العسكري."
    )
    actors = {a1 for _, a1, _ in _events(text)}
    assert actors == {"Military Forces of Israel"}


def test_unnamed_warplanes_without_context_are_the_report_countrys_own() -> None:
    e = _one("قتل ستة مدنيين بغارات للطيران الحربي على بلدة كفرنبل في ريف إدلب الجنوبي.")
    assert e.actor1 == "Military Forces of Syria" and e.actor2 == "Civilians (Syria)"


def test_an_air_strike_on_a_group_without_aircraft_keeps_the_group_as_target() -> None:
    text = (
        "أعلن الجيش التركي تحييد 12 عنصرا من حزب العمال الكردستاني في ضربات جوية على جبال قنديل "
        "شمالي العراق. وقالت وزارة الدفاع التركية إن الغارات دمرت مخابئ ومستودعات للحزب."
    )
    got = _events(text)
    assert ("Air/drone strike", "Military Forces of Turkey", "Kurdistan Workers' Party") in got
    assert all(a1 != "Kurdistan Workers' Party" for _, a1, _ in got)


def test_barrel_bombs_are_air_strikes_not_ieds() -> None:
    for text in (
        "ألقت مروحيات النظام برميلين متفجرين على حي الوعر في مدينة حمص، ما أسفر عن مقتل طفلين.",
        "ألقت المروحيات براميل محملة بالمتفجرات على بلدة اللطامنة بريف حماة الشمالي.",
    ):
        e = _one(text)
        assert e.sub_event_type == "Air/drone strike", text
        assert "barrel bomb" in e.weapons and e.actor1 == "Military Forces of Syria"


# --- never the same actor on both sides --------------------------------------------------------------


def test_never_the_same_actor_on_both_sides() -> None:
    text = "اندلعت اشتباكات بين الجيش السوري وقوات النظام في حي الميدان بدمشق، وقتل جنديان من الجيش."
    for _, a1, a2 in _events(text):
        assert a1 != a2


def test_vowelled_passive_verb_makes_what_follows_the_target(pipeline: Pipeline) -> None:
    text = "استُهدفت قوات الأمن العراقية بعبوة ناسفة قرب قضاء الطارمية شمالي بغداد، ما أدى إلى إصابة عنصرين."
    assert _cues(pipeline, text)["قوات الأمن العراقية"] == roles.PATIENT
    assert _cues(pipeline, text.replace("استُهدفت", "استهدفت"))["قوات الأمن العراقية"] == roles.AGENT


def test_rebels_named_by_what_they_are_refer_back_to_the_named_group() -> None:
    text = (
        "اندلعت اشتباكات عنيفة بين المقاومة الشعبية ومسلحي جماعة الحوثي في مديرية المسيمير بمحافظة لحج. "
        "وشنت طائرات التحالف العربي غارات على تجمعات للمتمردين في المديرية ذاتها."
    )
    got = _events(text)
    assert ("Armed clash", "Popular Resistance (Yemen)", "Houthi Movement") in got
    assert ("Air/drone strike", "Saudi-led Coalition", "Houthi Movement") in got


def test_wounded_or_killed_verbs_mark_the_side_hit() -> None:
    e = _one("أصيب ثلاثة جنود إسرائيليين بعملية دهس نفذها فلسطيني عند حاجز قرب مدينة الخليل.")
    assert e.actor2 == "Military Forces of Israel" and e.actor1 != "Military Forces of Israel"


def test_the_attackers_refer_back_to_the_group_named_before() -> None:
    text = (
        "قتل أربعة عناصر من قوات النظام السوري بهجوم شنه مسلحون من تنظيم الدولة الإسلامية على نقطة "
        "عسكرية قرب مدينة السخنة. وأضافت المصادر أن الاشتباكات استمرت ساعات قبل انسحاب المهاجمين."
    )
    assert _events(text) == [("Armed clash", "Islamic State (Syria)", "Military Forces of Syria")]


def test_fighters_belonging_to_a_group_are_not_its_aircraft(pipeline: Pipeline) -> None:
    cues = _cues(pipeline, "أصابت الغارة عناصر تابعين لتنظيم داعش في جبال بونتلاند.")
    assert cues["تنظيم داعش"] == roles.PATIENT


def test_cells_of_a_group_attack_and_a_convoy_of_a_militia_is_hit() -> None:
    e = _one(
        "شنت الخلايا التابعة لتنظيم داعش مساء أمس هجوما على رتل عسكري تابع لميليشيا لواء القدس "
        "قرب بلدة السخنة بريف حمص الشرقي."
    )
    assert e.actor1 == "Islamic State (Syria)" and e.actor2 == "Liwa al-Quds"


def test_a_government_ally_retaking_a_place_is_government_regains_territory() -> None:
    e = _one(
        "استعادت ألوية العمالقة، أمس الأربعاء، السيطرة على مدينة حيس بمحافظة الحديدة بعد معارك مع الحوثيين."
    )
    assert e.sub_event_type == "Government regains territory" and e.actor1 == "Giants Brigades"


def test_a_checkpoint_hit_by_a_bomb_stands_for_the_forces_holding_it() -> None:
    e = _one("قتل شخصان بتفجير انتحاري استهدف نقطة تفتيش في مدينة أجدابيا شرقي ليبيا، الثلاثاء.")
    assert e.event_type == "Explosions/Remote violence"
    assert e.actor2.startswith("Military Forces of") or e.actor2 == "Libyan National Army", e.actor2
    assert not e.actor1.startswith("Military Forces of")


def test_a_checkpoint_is_never_the_force_that_met_a_protest() -> None:
    events = marsad.extract(
        "تجمع مئات المحتجين عند مدخل مطار النجف الدولي مساء الجمعة، وبلغ بعضهم نقطة التفتيش الثانية عند بوابة المطار.",
        published=PUB,
    )
    assert events and all(not e.actor2.startswith("Military Forces") for e in events), [
        (e.sub_event_type, e.actor2) for e in events
    ]


def test_a_generic_attack_carried_out_with_a_car_bomb_is_the_bombing() -> None:
    e = _one("هاجمت حركة الشباب بسيارة ملغومة موكبا عسكريا في بلدة أفجوي غرب العاصمة مقديشو، الثلاثاء.")
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert e.actor1 == "Al Shabaab" and e.actor2 == "Military Forces of Somalia"


def test_a_transnational_group_is_its_regional_branch_in_the_branchs_country() -> None:
    yemen = _one(
        "قتل ثلاثة جنود يمنيين في هجوم شنه مسلحون من تنظيم القاعدة على موقع للجيش في مديرية المحفد بمحافظة أبين، الأربعاء."
    )
    assert yemen.actor1 == "Al Qaeda in the Arabian Peninsula"
    syria = _one(
        "قتل ثلاثة جنود سوريين في هجوم شنه مسلحون من تنظيم القاعدة على موقع للجيش في بلدة معرة النعمان بريف إدلب، الأربعاء."
    )
    assert syria.actor1 == "Al Qaeda"


def test_bare_army_words_in_a_gaza_report_are_the_army_the_report_names() -> None:
    events = marsad.extract(
        "قال الجيش الإسرائيلي إن طائراته أغارت على موقعين لحركة حماس شمال قطاع غزة فجر السبت. "
        "وأضاف الجيش أن الغارات جاءت ردا على إطلاق صواريخ من مدينة غزة.",
        published="2018-07-14",
    )
    names = {e.actor1 for e in events} | {e.actor2 for e in events}
    assert "Military Forces of Palestine" not in names, names


@pytest.mark.parametrize(
    "ground",
    [
        "أحبطت قوات الجيش محاولة تسلل للحوثيين نحو مواقعها غرب مديرية حيس",
        "أفشلت قوات الجيش محاولة تقدم لعناصر الحوثي باتجاه مديرية حيس",
    ],
)
def test_unowned_aircraft_fly_for_the_air_force_the_report_names_not_a_ground_force(ground: str) -> None:
    text = (
        "شنت مقاتلات التحالف العربي غارات جوية على مواقع لجماعة الحوثي في مديرية الدريهمي جنوب الحديدة. "
        f"وأكد مصدر عسكري أن {ground}، في وقت قصفت فيه مروحيات الأباتشي تجمعات الميليشيات."
    )
    strikes = [e for e in marsad.extract(text, published=PUB) if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 2, [(e.actor1, e.location) for e in strikes]
    assert [e.actor1 for e in strikes] == ["Saudi-led Coalition"] * 2


def test_generic_nouns_are_the_anaphora_regex_matches() -> None:
    # The token look-up must find exactly what the regex pass finds: clitics, the لل
    # contraction, words glued to "_" or digits, nouns inside longer words.
    from marsad.knowledge.resources import get_knowledge
    from marsad.recognize.actors import _anaphora_regex, _generic_nouns
    from marsad.text.normalize import fold
    from marsad.text.tokens import Tokens

    keys = tuple(get_knowledge().cues.anaphora)
    pieces = [c + p + k for k in keys for c in ("", "و", "ف") for p in ("", "ب", "ل", "لل", "ال", "ك")]
    glue = [" ", "، ", "_", "3", "x", "\n", ". "]
    text = fold("".join(w + glue[i % len(glue)] for i, w in enumerate(pieces * 2)))
    regex = _anaphora_regex(keys)
    expected = [
        (m.start(), m.end(), m.group("key") or "ال" + (m.group("lkey") or "")) for m in regex.finditer(text)
    ]
    assert expected and _generic_nouns(Tokens(text), keys) == expected


def test_armed_as_the_adjective_of_an_attack_names_no_one() -> None:
    # "هجوم مسلح": "armed" says how; the author follows with its possessive lam.
    e = _one("قتل جنديان في هجوم مسلح لتنظيم داعش على نقطة للجيش العراقي في قضاء الحويجة اليوم.")
    assert (e.actor1, e.actor2) == ("Islamic State (Iraq)", "Military Forces of Iraq")


def test_members_named_by_a_relative_adjective_after_an_often_passive_verb_were_hit() -> None:
    # "قتل حوثيان" = two Houthis were killed; the resistance, named again by a generic noun with
    # a contracted possessive lam ("للمقاومة"), made the attack.
    text = (
        "دارت اليوم مواجهات بين المقاومة الشعبية ومسلحي الحوثي قرب منطقة الجفينة بمحافظة مارب. "
        "وفي محافظة الحديدة، قتل حوثيان اليوم في هجوم مسلح للمقاومة استهدف موقعا للمتمردين بمديرية باجل."
    )
    events = {e.location: (e.actor1, e.actor2) for e in marsad.extract(text, published=PUB)}
    assert events["Bājil"] == ("Popular Resistance (Yemen)", "Houthi Movement")


def test_the_dead_of_a_bombing_are_not_turned_into_its_author() -> None:
    # Civilians cannot be the attacker, and neither can the state force the bomb hit: the
    # bomber stays unnamed rather than the army taking the civilians' place as actor1.
    e = _one(
        "قال مصدر أمني إن شخصين قتلا اليوم في تفجير استهدف نقطة تفتيش غربي مدينة سرت. "
        "وذكرت مصادر أن القتيلين هما مدني وجندي من الجيش الوطني الليبي."
    )
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group (Libya)", "Libyan National Army")


def test_names_joined_by_and_after_the_verb_are_one_side_but_not_after_between() -> None:
    e = _one(
        "تمكنت المقاومة الشعبية والجيش الوطني اليوم من السيطرة على بلدة الوهط في محافظة لحج بعد يومين "
        "من المعارك."
    )
    assert e.actor1 == "Popular Resistance (Yemen)" and e.assoc_actor_1 == "Military Forces of Yemen"
    assert e.actor2 != "Military Forces of Yemen"
    fight = _one("اندلعت اليوم اشتباكات عنيفة بين المقاومة الشعبية والحوثيين في منطقة الجفينة بمحافظة مارب.")
    assert (fight.actor1, fight.actor2) == ("Popular Resistance (Yemen)", "Houthi Movement")


def test_a_list_of_forces_before_the_verb_is_one_side_and_the_other_is_found_elsewhere() -> None:
    # Three allied forces listed with "و" took a town: none of them is the side
    # they fought; the side is the one the next sentence names.
    e = _one(
        "أعلنت مصادر عسكرية أن المقاومة التهامية وألوية العمالقة وحراس الجمهورية انتزعت مساء أمس السيطرة "
        "على قرية المنصورية في مديرية الدريهمي. وأضافت أن مسلحي الحوثي فروا من القرية بعد ساعات من المواجهات."
    )
    assert e.actor1 == "Joint Resistance Forces (Yemen)"
    assert e.actor2 == "Houthi Movement"
    assert e.assoc_actor_1 == "Giants Brigades; National Resistance Forces"
    # "بين" a few words before the first name still makes two sides.
    fight = _one("اندلع اشتباك فجر اليوم بين دورية من الجيش اللبناني ومسلحين في حي الشراونة بمدينة بعلبك.")
    assert {fight.actor1, fight.actor2} == {
        "Military Forces of Lebanon",
        "Unidentified Armed Group (Lebanon)",
    }


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "صدت فصائل المعارضة اليوم محاولات تقدم لقوات النظام على محور تل السمن قرب مدينة طفس.",
            ("Military Forces of Syria", "Opposition Rebels (Syria)"),
        ),
        (
            "تصدت المقاومة الشعبية اليوم لهجمات المتمردين الحوثيين على مواقعها في مديرية حيس.",
            ("Houthi Movement", "Popular Resistance (Yemen)"),
        ),
        # The attack's author is named with it: nothing to turn round.
        (
            "صدت قوات الجيش اليمني فجر اليوم هجوما واسعا شنه مسلحو الحوثي على مواقعها شمالي مدينة قعطبة.",
            ("Houthi Movement", "Military Forces of Yemen"),
        ),
    ],
)
def test_the_side_that_repelled_an_attack_is_the_one_attacked(text: str, sides: tuple[str, str]) -> None:
    e = _one(text)
    assert e.event_type == "Battles" and (e.actor1, e.actor2) == sides


def test_people_killed_by_a_bomb_at_a_checkpoint_do_not_hide_the_post_attacked() -> None:
    events = marsad.extract(
        "هز انفجار عنيف مدينة بيدوا الصومالية اليوم ما أسفر عن مقتل أربعة أشخاص على الأقل. وقال ضابط "
        "إن سيارة مفخخة انفجرت عند نقطة تفتيش عند المدخل الشمالي للمدينة.",
        published=PUB,
    )
    assert [(e.sub_event_type, e.actor2) for e in events] == [
        ("Remote explosive/landmine/IED", "Military Forces of Somalia")
    ]


def test_interior_ministry_personnel_are_the_police() -> None:
    e = _one("قتل أحد منتسبي وزارة الداخلية اليوم بانفجار عبوة لاصقة وضعت في سيارته في قضاء المحمودية.")
    assert (e.sub_event_type, e.actor2) == ("Remote explosive/landmine/IED", "Police Forces of Iraq")


def test_the_author_of_recalled_attacks_is_not_the_bomber() -> None:
    e = _one(
        "قتل خمسة أشخاص اليوم بانفجار سيارة مفخخة قرب فندق في مقديشو. وأوضح ضابط أن السيارة انفجرت أمام "
        "الفندق، الذي كان هدفا لهجمات في السابق تبنتها حركة الشباب."
    )
    assert (e.sub_event_type, e.actor1) == (
        "Remote explosive/landmine/IED",
        "Unidentified Armed Group (Somalia)",
    )


def test_attacks_a_place_often_suffers_are_its_history() -> None:
    assert _events("وتعرضت مدينة بيدوا مرارا لهجمات من حركة الشباب.") == []


def test_a_groups_activists_are_its_people_not_the_bombers() -> None:
    e = _one("دمرت سيارتان تعودان لناشطين في حركة حماس بانفجار عبوتين ناسفتين في مدينة غزة فجر اليوم.")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.actor1 == "Unidentified Armed Group (Palestine)"


def test_who_holds_the_place_struck_is_not_the_side_struck() -> None:
    e = _one(
        "قال مرصد حقوقي، الخميس، إن 12 شخصا قتلوا، فجر اليوم، في غارات جوية استهدفت بلدات بمحافظة "
        "إدلب التي يسيطر عليها مقاتلو المعارضة."
    )
    assert e.sub_event_type == "Air/drone strike" and e.actor2 != "Opposition Rebels (Syria)"


def test_a_name_followed_by_a_passive_killed_verb_is_the_side_hit() -> None:
    e = _one("قالت مصادر أمنية إن شرطيين قتلا برصاص في الرأس داخل منزل في بلدة سوروج الحدودية فجر اليوم.")
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Armed clash",
        "Unidentified Armed Group (Turkey)",
        "Police Forces of Turkey",
    )


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # The attempt is told in the next sentence of the same incident.
        (
            "اندلعت اليوم مواجهات عنيفة بين قوات الجيش اليمني ومسلحي الحوثي في مديرية المتون غربي محافظة "
            "الجوف. وذكرت مصادر ميدانية أن المواجهات اندلعت عقب محاولة مسلحي الحوثي التسلل إلى مواقع الجيش.",
            ("Houthi Movement", "Military Forces of Yemen"),
        ),
        (
            "دارت معارك صباح اليوم بين قوات المقاومة المشتركة وميليشيا الحوثي شرق مديرية حيس بالحديدة، "
            "وقال قائد ميداني إن قواته صدت محاولات تسلل الحوثيين نحو خطوط التماس.",
            ("Houthi Movement", "Joint Resistance Forces (Yemen)"),
        ),
        # An attempt on someone's life is no move of a side in the fight.
        (
            "اندلعت اليوم اشتباكات عنيفة بين قوات الجيش اليمني ومسلحي الحوثي في مديرية المتون غربي محافظة "
            "الجوف عقب محاولة اغتيال قائد عسكري.",
            ("Military Forces of Yemen", "Houthi Movement"),
        ),
    ],
)
def test_the_side_named_as_making_an_attempt_began_the_clash(text: str, sides: tuple[str, str]) -> None:
    e = _one(text)
    assert e.sub_event_type == "Armed clash" and (e.actor1, e.actor2) == sides


def test_a_generic_military_unit_belonging_to_a_named_group_is_that_group() -> None:
    # "دورية عسكرية تابعة للحوثيين": the patrol is the Houthis', not the Yemeni army's.
    e = _one(
        "وقالت مصادر محلية إن المقاومة الشعبية نصبت اليوم كمينا مسلحا استهدف دورية عسكرية تابعة "
        "للحوثيين في مدينة رداع بمحافظة البيضاء مما أسفر عن مقتل ثمانية مسلحين."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Armed clash",
        "Popular Resistance (Yemen)",
        "Houthi Movement",
    )


def test_unnamed_terrorists_arrested_are_an_unidentified_armed_group_not_civilians() -> None:
    e = _one(
        "أعلن الحرس الوطني التونسي الأربعاء توقيف خمسة عناصر إرهابية في مدينة سبيطلة التابعة لولاية القصرين."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Arrests",
        "Police Forces of Tunisia",
        "Unidentified Armed Group (Tunisia)",
    )


def test_our_units_in_a_spokesmans_words_are_the_force_he_speaks_for() -> None:
    rows = _events(
        'أكد المتحدث باسم الجيش الوطني الليبي أن العمليات مستمرة في المنطقة. وتابع: "خاضت قواتنا '
        'اليوم الخميس اشتباكات عنيفة مع الإرهابيين جنوب مدينة سرت".'
    )
    assert ("Armed clash", "Libyan National Army", "Unidentified Armed Group (Libya)") in rows, rows


def test_a_security_force_is_the_police_and_no_other_clauses_subject_is_the_target() -> None:
    # "قوة أمنية" is the police of the country; the subject of the arrest told after "فيما" is
    # not the side the bomb hit.
    fight = _one(
        "اشتبكت قوة أمنية فجر اليوم مع مسلحين في مركز ساحل سليم بمحافظة أسيوط ما أسفر عن مقتل ثلاثة منهم."
    )
    assert (fight.actor1, fight.actor2) == ("Police Forces of Egypt", "Unidentified Armed Group (Egypt)")
    events = marsad.extract(
        "أصيب ثلاثة مدنيين اليوم بانفجار عبوة لاصقة في سوق حي الكرادة وسط بغداد، فيما أوقفت قوة أمنية "
        "مطلوبين اثنين في حي الشعلة.",
        published=PUB,
    )
    bomb = next(e for e in events if e.sub_event_type == "Remote explosive/landmine/IED")
    assert bomb.actor2 == "Civilians (Iraq)"


def test_the_terrorists_after_a_police_arrest_are_not_the_police() -> None:
    # "الإرهابيين" refers back to the attackers a report named; the security service that made
    # the arrest is not one of them.
    e = _one(
        "اعتقلت المديرية العامة للأمن العام اللبناني أمس المدعو (ف.ح) في مدينة طرابلس لانتمائه إلى مجموعة "
        "من الإرهابيين كانت تعد لتفجيرات في البلاد."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Arrests",
        "Police Forces of Lebanon",
        "Unidentified Armed Group (Lebanon)",
    )


def test_a_sham_checkpoint_is_the_gunmens_not_the_armys() -> None:
    # A post the attack hit names the forces that hold it, but a fake one was set up by the
    # attackers themselves.
    e = _one(
        "خطف مسلحون مجهولون الليلة الماضية شيخ عشيرة بعد أن أقاموا نقطة تفتيش وهمية على طريق التاجي شمالي بغداد."
    )
    assert e.actor1 == "Unidentified Armed Group (Iraq)"
    assert e.actor2 != "Military Forces of Iraq"


def test_a_generic_noun_joined_by_and_shares_the_role_of_the_name_before_it() -> None:
    # "للحوثيين والميليشيات المساندة لهم": the militias were hit with the Houthis; they must not
    # become the attacker because their noun kept its "و" in its span.
    e = _one(
        "أعلنت القوات المشتركة مقتل 18 عنصرا تابعا للحوثيين والميليشيات المساندة لهم في قصف مدفعي "
        "استهدف تجمعاتهم شرقي مدينة حيس."
    )
    assert (e.actor1, e.actor2) == ("Joint Resistance Forces (Yemen)", "Houthi Movement")


def test_the_putschist_militias_are_the_houthis_whoever_was_named_before() -> None:
    # Yemeni outlets call the Houthis "الميليشيات الانقلابية"; a bare "الميليشيات" would refer back
    # to the last militia named (here Hezbollah, named in the sentence before).
    events = marsad.extract(
        "ذكر مصدر عسكري أن قياديين من حزب الله اللبناني قتلوا في صعدة. وفي جبهة حيس، سقط عشرة من عناصر "
        "الميليشيات الانقلابية في مواجهات مع القوات المشتركة.",
        published=PUB,
    )
    fight = next(e for e in events if e.location == "Ḩays")
    assert {fight.actor1, fight.actor2} == {"Joint Resistance Forces (Yemen)", "Houthi Movement"}


def test_the_army_hunting_the_bombers_is_neither_side_of_the_roadside_bomb() -> None:
    # The next sentence retells the bombing as "the attack" the army is hunting its authors for:
    # the army planted no bomb and the group accused is not the target; village guards are their
    # own pro-government militia.
    e = _one(
        "قتل ثلاثة من حراس القرى صباح اليوم بانفجار لغم أرضي لدى مرور سيارتهم على طريق ريفي في ولاية "
        "هكاري. وقالت السلطات المحلية إن وحدات من الجيش التركي تلاحق عناصر من حزب العمال الكردستاني "
        "تتهمهم بتنفيذ الهجوم."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Remote explosive/landmine/IED",
        "Unidentified Armed Group (Turkey)",
        "Village Guards (Turkey)",
    )


def test_the_libyan_army_of_pan_arab_outlets_is_haftars() -> None:
    # "الجيش الليبي" in these outlets names the Libyan National Army; the Tripoli government's
    # forces are named by their government.
    e = _one("شنت مقاتلات الجيش الليبي اليوم غارات على مواقع لمسلحين في مدينة سرت.")
    assert e.actor1 == "Libyan National Army"
    gna = _one("اشتبكت قوات حكومة الوفاق اليوم مع مسلحين في منطقة الهضبة جنوبي طرابلس.")
    assert gna.actor1 == "Military Forces of Libya"


def test_a_force_named_after_the_ministry_that_reported_it_is_the_subject() -> None:
    # The ministry is the teller; the army after "أن" did the killing ("قتلت 12": active, with
    # its toll right after it).
    e = _one(
        "أعلنت وزارة الدفاع الصومالية أن قوات الجيش قتلت 12 من مسلحي حركة الشباب في هجوم على معسكر "
        "لهم قرب بلدة جلب."
    )
    assert (e.actor1, e.actor2) == ("Military Forces of Somalia", "Al Shabaab")
    # A force that only qualifies the ministry ("وزارة الدفاع") is still no side.
    e = _one("قال متحدث باسم وزارة الدفاع إن مسلحين هاجموا حاجزا للشرطة في بلدة بلدوين فقتلوا شرطيين.")
    assert e.actor1 != "Military Forces of Somalia"
    # Persons named before a passive verb were hit.
    e = _one("قالت الشرطة إن شرطيين قتلا برصاص مسلحين مجهولين في بلدة أفجوي.")
    assert e.actor2 == "Police Forces of Somalia"


def test_the_subject_told_before_an_aside_between_commas_acted() -> None:
    # "قوات الجيش، بدعم من مقاتلي العشائر، استعادت": the verb opens its clause; its subject ends
    # the clause before the aside.
    e = _one(
        "أعلنت وزارة الدفاع الصومالية أن قوات الجيش، بدعم من مقاتلي العشائر، استعادت السيطرة على "
        "بلدة مقاس في إقليم هيران بعد اشتباكات مع مسلحي حركة الشباب أسفرت عن مقتل تسعة منهم."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Government regains territory",
        "Military Forces of Somalia",
        "Al Shabaab",
    )
    # A name followed by more words in its clause is no subject left hanging.
    # A verb whose own subject follows it keeps that subject.
    got = _events("في بلدة بلعد، حيث تنتشر قوات الجيش، هاجم مسلحو حركة الشباب مركزا للشرطة فقتلوا شرطيا.")
    assert ("Armed clash", "Al Shabaab", "Police Forces of Somalia") in got, got


def test_a_police_command_and_a_gang_named_by_its_group() -> None:
    # "قيادة شرطة المحافظة" is the police; "عصابات داعش" is the Islamic State, not a second group.
    e = _one(
        "أعلنت قيادة شرطة محافظة صلاح الدين، اليوم، أن مفارزها عثرت على مخبأ لعصابات داعش في وادي "
        "الشاي جنوب كركوك يضم ثماني عبوات ناسفة، وتم تفكيكها."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Disrupted weapons use",
        "Police Forces of Iraq",
        "Islamic State (Iraq)",
    )


def test_the_side_making_the_attempt_is_found_past_its_adjective() -> None:
    # "قوات الجيش الوطني حاولت التقدم": the adjective after the name does not hide the attempt.
    e = _one(
        "اندلعت أمس اشتباكات عنيفة بين قوات حكومة الوفاق الوطني وقوات الجيش الوطني الليبي جنوب طرابلس. "
        "وقالت مصادر ميدانية إن قوات الجيش الوطني حاولت التقدم نحو منطقة عين زارة قبل أن تصدها قوات الوفاق."
    )
    assert (e.actor1, e.actor2) == ("Libyan National Army", "Military Forces of Libya")


def test_a_groups_news_outlet_is_no_side_of_what_it_reports() -> None:
    # "قناة المسيرة التابعة للحوثيين" tells of the coalition's raids; the group is not their author.
    got = _events(
        "شن طيران التحالف فجر اليوم غارات على مواقع في مدينة صعدة، فيما قالت قناة المسيرة التابعة "
        "للحوثيين إن الغارات استهدفت منازل المواطنين وأسفرت عن مقتل امرأتين."
    )
    assert [g[1] for g in got] == ["Saudi-led Coalition"], got


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "أعلن التحالف بقيادة السعودية، اليوم، اعتراض وتدمير طائرة مسيرة مفخخة أطلقتها ميليشيا الحوثي "
            "باتجاه مدينة خميس مشيط جنوب المملكة.",
            ("Saudi-led Coalition", "Houthi Movement"),
        ),
        (
            "أحبطت القوات الأمنية محاولة تفجير عبوة ناسفة زرعها مسلحون من تنظيم داعش على طريق رئيسي في "
            "قضاء الطارمية شمال بغداد، وتمكنت من تفكيكها.",
            ("Police Forces of Iraq", "Islamic State (Iraq)"),
        ),
    ],
)
def test_the_side_that_stopped_a_weapon_comes_before_the_side_that_launched_it(
    text: str, sides: tuple[str, str]
) -> None:
    e = _one(text)
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Disrupted weapons use", *sides)


def test_a_list_closed_by_min_jiha_is_one_side_of_the_pair() -> None:
    # "بين X وY الموالين لها من جهة، وZ من جهة أخرى": X and Y are one side, Z the other.
    e = _one(
        "دارت اشتباكات عنيفة اليوم بين قوات النظام والمسلحين الموالين لها من جهة، وهيئة تحرير الشام من "
        "جهة أخرى، على محور كفرنبودة في ريف حماة الشمالي."
    )
    assert (e.actor1, e.actor2) == ("Military Forces of Syria", "Hayat Tahrir al-Sham")
    # Without "من جهة", "بين" still opens two sides.
    e = _one("دارت اشتباكات عنيفة اليوم بين قوات النظام وهيئة تحرير الشام على محور كفرنبودة في ريف حماة.")
    assert (e.actor1, e.actor2) == ("Military Forces of Syria", "Hayat Tahrir al-Sham")


def test_a_clash_between_two_tribes_has_tribal_militia_for_a_side() -> None:
    e = _one(
        "قتل 11 شخصا في اشتباكات قبلية اندلعت أمس بين قبيلتي الرزيقات والمعاليا في منطقة أبو كارنكا بولاية "
        "شرق دارفور."
    )
    assert (e.sub_event_type, e.actor1) == ("Armed clash", "Unidentified Tribal Militia (Sudan)")


def test_the_subject_of_taarradat_was_hit() -> None:
    # "تعرضت دورية أمنية لإطلاق نار من مجهولين": the patrol was attacked, the unknown men attacked.
    e = _one(
        "قتل رجل أمن وأصيب آخر مساء أمس إثر تعرض دورية أمنية لإطلاق نار من مسلحين مجهولين في بلدة "
        "العوامية بمحافظة القطيف."
    )
    assert (e.actor1, e.actor2) == (
        "Unidentified Armed Group (Saudi Arabia)",
        "Police Forces of Saudi Arabia",
    )


def test_a_mass_arrest_with_its_count_after_the_subject_is_one_arrest_event() -> None:
    # The count stands after the subject and the day; "اقتادتهم إلى جهة مجهولة" goes on telling the
    # arrest, and the unknown destination is no armed group.
    got = _events(
        "اعتقلت قوات النظام السوري، أمس، 12 شابا من أبناء بلدة الحراك خلال حملة دهم وتفتيش، "
        "واقتادتهم إلى جهة مجهولة."
    )
    assert got == [("Arrests", "Military Forces of Syria", "Civilians (Syria)")], got


def test_gunmen_who_follow_a_group_are_that_group() -> None:
    e = _one("اختطف مسلحون يتبعون لتنظيم داعش، الليلة الماضية، ثلاثة رعاة أغنام في بادية تدمر.")
    assert (e.sub_event_type, e.actor1) == ("Abduction/forced disappearance", "Islamic State (Syria)")


def test_rockets_that_fell_with_no_firer_named_were_fired_by_unidentified_men() -> None:
    e = _one(
        "سقطت ثلاثة صواريخ كاتيوشا مساء أمس داخل المنطقة الخضراء وسط بغداد قرب مقر السفارة الأمريكية، "
        "من دون أن تسفر عن خسائر بشرية."
    )
    assert (e.sub_event_type, e.actor1) == (
        "Shelling/artillery/missile attack",
        "Unidentified Armed Group (Iraq)",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "قتل قيادي حوثي أمس في كمين نصبه مسلحون قبليون على طريق فرعي في مديرية ذي ناعم بمحافظة البيضاء.",
            {"actor1": "Unidentified Tribal Militia (Yemen)", "actor2": "Houthi Movement"},
            id="those-who-set-up-an-ambush-are-its-authors",
        ),
        pytest.param(
            "حققت قوات الجيش الوطني، أمس الأربعاء، تقدما ميدانيا في الجبهة الغربية لمدينة تعز، بعد معارك "
            "عنيفة مع ميليشيات الحوثي استمرت ساعات.",
            {
                "sub_event_type": "Armed clash",
                "actor1": "Military Forces of Yemen",
                "actor2": "Houthi Movement",
            },
            id="the-side-fought-with-is-the-other-side",
        ),
        pytest.param(
            # "أعلن المتحدث باسم الجيش الوطني الليبي أن القوات سيطرت … بعد اشتباكات مع عناصر …": the
            # forces are the spokesman's; the group fought "with" is the other side.
            "أعلن المتحدث باسم الجيش الوطني الليبي، الثلاثاء، أن القوات سيطرت على حي شيحا في مدينة درنة بعد "
            "اشتباكات مع عناصر ما يسمى مجلس شورى مجاهدي درنة.",
            {
                "sub_event_type": "Government regains territory",
                "actor1": "Libyan National Army",
                "actor2": "Mujahideen Shura Council of Derna",
            },
            id="a-spokesmans-forces-took-what-they-fought-for",
        ),
    ],
)
def test_sides_of_one_event(text: str, expected: dict[str, str]) -> None:
    e = _one(text)
    assert {k: getattr(e, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "not_targets"),
    [
        pytest.param(
            # The raids and the clash are told together; the resistance the coalition backs is no
            # target.
            "تزامنت غارات طيران التحالف العربي اليوم مع مواجهات بين قوات المقاومة المشتركة وميليشيات الحوثي "
            "في مديرية حيس جنوب الحديدة، حيث صدت المقاومة هجوما للمتمردين.",
            ("Joint Resistance Forces (Yemen)",),
            id="raids-told-with-the-clash",
        ),
        pytest.param(
            # The raids answered the Houthis' shelling of the resistance; whatever the merge brings
            # in, the coalition's raids do not have the resistance for their target.
            "شنت طائرات التحالف العربي اليوم غارات على مواقع الحوثيين في جبهة الحديدة. وردا على قصف المتمردين "
            "على مواقع المقاومة المشتركة في محيط مطار الحديدة، نفذت طائرات التحالف غارات عدة على تجمعات لهم.",
            ("Joint Resistance Forces (Yemen)", "Military Forces of Yemen"),
            id="raids-answering-shelling",
        ),
    ],
)
def test_no_air_strike_is_coded_on_the_strikers_own_camp(text: str, not_targets: tuple[str, ...]) -> None:
    got = _events(text)
    strikes = [g for g in got if g[0] == "Air/drone strike"]
    assert strikes and all(g[2] not in not_targets for g in strikes), got


def test_a_supporting_force_and_its_acronym_after_it_fight_alongside(pipeline: Pipeline) -> None:
    # "بدعم من قوات …": the force that took part; its acronym right after, in quotation marks, is
    # the same force told again and takes its role (it was left without one, then a second side).
    cues = _cues(
        pipeline,
        "استعاد الجيش الصومالي، بدعم من قوات بعثة الاتحاد الأفريقي «أميصوم»، السيطرة على بلدة مهداي بعد "
        "انسحاب مقاتلي حركة الشباب منها.",
    )
    assert cues["بعثة الاتحاد الأفريقي"] == roles.ASSOC
    assert cues["أميصوم"] == roles.ASSOC
