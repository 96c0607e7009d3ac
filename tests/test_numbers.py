"""Quantities and casualty mentions (CODING.md §6)."""

from __future__ import annotations

import json
import marshal
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.recognize import casualties, numbers
from marsad.recognize.casualties import CasualtyMention, find_casualties
from marsad.recognize.numbers import fast_fold_with_map, parse_quantity
from marsad.recognize.optionals import branch_optionals
from marsad.text.normalize import fold_with_map

# --------------------------------------------------------------------------------------------
# parse_quantity

# text, value, exact, low, high
QUANTITIES = [
    ("١٢", 12, True, 12, 12),
    ("12", 12, True, 12, 12),
    ("۱۵", 15, True, 15, 15),
    ("1,200", 1200, True, 1200, 1200),
    ("ثلاثة", 3, True, 3, 3),
    ("ثلاث", 3, True, 3, 3),
    ("سبعة", 7, True, 7, 7),
    ("عشرة", 10, True, 10, 10),
    ("أحد عشر", 11, True, 11, 11),
    ("إحدى عشرة", 11, True, 11, 11),
    ("اثنا عشر", 12, True, 12, 12),
    ("خمسة عشر", 15, True, 15, 15),
    ("ثلاث عشرة", 13, True, 13, 13),
    ("عشرون", 20, True, 20, 20),
    ("عشرين", 20, True, 20, 20),
    ("ثلاثة وعشرون", 23, True, 23, 23),
    ("خمسة وثلاثين", 35, True, 35, 35),
    ("مئة", 100, True, 100, 100),
    ("مائة", 100, True, 100, 100),
    ("مئتان", 200, True, 200, 200),
    ("ثلاثمئة", 300, True, 300, 300),
    ("ثلاث مئة", 300, True, 300, 300),
    ("مئة وخمسون", 150, True, 150, 150),
    ("ثلاثمائة وخمسة وستون", 365, True, 365, 365),
    ("ألف", 1000, True, 1000, 1000),
    ("ألفين", 2000, True, 2000, 2000),
    ("ثلاثة آلاف", 3000, True, 3000, 3000),
    ("3 آلاف", 3000, True, 3000, 3000),
    ("ثلاثة آلاف وخمسمئة", 3500, True, 3500, 3500),
    ("2 مليون", 2000000, True, 2000000, 2000000),
    ("بضعة", 3, False, 3, 9),
    ("عشرات", 10, False, 10, 99),
    ("العشرات", 10, False, 10, 99),
    ("دزينة", 12, False, 12, 12),
    ("مئات", 100, False, 100, 999),
    ("آلاف", 1000, False, 1000, 9999),
    ("عشرات الآلاف", 10000, False, 10000, 99999),
    ("عدد من", 10, False, 2, None),
    ("عدد كبير من", 10, False, 2, None),
    ("عدة", 10, False, 2, None),
    ("نحو 20", 20, False, 20, None),
    ("حوالي 20", 20, False, 20, None),
    ("قرابة 20", 20, False, 20, None),
    ("زهاء 20", 20, False, 20, None),
    ("ما يقارب عشرين", 20, False, 20, None),
    ("أكثر من 20", 20, False, 20, None),
    ("أكثر من مئة", 100, False, 100, None),
    ("ما لا يقل عن 20", 20, False, 20, None),
    ("20 على الأقل", 20, False, 20, None),
    ("10 إلى 15", 10, False, 10, 15),
    ("10-15", 10, False, 10, 15),
    ("بين 10 و15", 10, False, 10, 15),
    ("ما بين عشرة وخمسة عشر", 10, False, 10, 15),
]


@pytest.mark.parametrize(("text", "value", "exact", "low", "high"), QUANTITIES)
def test_parse_quantity(text: str, value: int, exact: bool, low: int, high: int | None) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.exact, q.low, q.high) == (value, exact, low, high)


@pytest.mark.parametrize("text", ["", "غارة", "قتلى", "الفرقة", "3.5", "خمس غارات", "أحد"])
def test_parse_quantity_rejects_non_numbers(text: str) -> None:
    q = parse_quantity(text)
    assert q is None or text == "أحد"  # "أحد" alone is not a figure in running text, but parses as 1


# --------------------------------------------------------------------------------------------
# find_casualties


def summary(text: str) -> list[tuple[str, int, bool]]:
    return [(m.kind, m.count, m.exact) for m in find_casualties(text)]


# text, [(kind, count, exact)]
CASUALTIES = [
    # a leader named in full between "لقي" and "مصرعه" (no toll was read past three words)
    ("لقي القيادي الميداني أبو محمد الشامي مصرعه في غارة جوية", [("killed", 1, True)]),
    # the two just named killed ("ما أدى إلى مقتلهما": no toll was read)
    ("استهدفت مسيرة سيارة تقل قياديين في الحزب، ما أدى إلى مقتلهما", [("killed", 2, True)]),
    # a count after "و" that counts the wounded by their noun adds none to the dead (8 was read)
    ("أسفر الهجوم عن مقتل 3 جنود و5 جرحى", [("killed", 3, True), ("injured", 5, True)]),
    ("استقبل المستشفى جثث أربعة عناصر و7 جرحى", [("killed", 4, True), ("injured", 7, True)]),
    # a person noun then a dual joined by "و": two items, not the first's adjective (1 was read)
    ("قتل رقيب وشرطيان في الهجوم على الحاجز", [("killed", 3, True)]),
    # a rank between the noun and its force ("لقي ضابط برتبة عقيد في الجيش حتفه": no toll was read)
    ("لقي ضابط برتبة مقدم في قوات الأمن حتفه إثر انفجار عبوة", [("killed", 1, True)]),
    # a second figure told at another place after the first's: more dead of the same kind (not a
    # subset told by its wounds, "وثلاثة بجروح خطيرة")
    ("ما أدى إلى مقتل خمسة مدنيين في حرستا وثلاثة في عربين", [("killed", 5, True), ("killed", 3, True)]),
    ("مقتل 3 في مدينة دوما و4 آخرين في بلدة سقبا", [("killed", 3, True), ("killed", 4, True)]),
    ("أصيب خمسة في الهجوم وثلاثة بجروح خطيرة", [("injured", 5, True)]),
    # the attacker shot and killed by the police after his act: one more dead
    ("طعن شاب مستوطنا قبل أن تطلق الشرطة النار على المنفذ وتقتله", [("killed", 1, True)]),
    # a man named before his post, after a noun of killing: one dead; after a verb the words may
    # be the killer's ("قتل الجيش قائد كتيبة"), and a counted or person noun is the lead's
    ("أكدت الجماعة مقتل صالح الصماد رئيس المجلس السياسي الأعلى في غارة", [("killed", 1, True)]),
    ("أعلن التحالف مقتل أبو بكر البغدادي زعيم التنظيم", [("killed", 1, True)]),
    ("أعلن الجيش مقتل عدد من المسلحين بينهم قائد ميداني", [("killed", 10, False)]),
    # kin named by their tie to the victim before them: a daughter, a mother, a couple's children
    ("أفادت الوزارة بمقتل امرأة حامل وطفلتها البالغة من العمر عاما جراء غارة", [("killed", 2, True)]),
    ("استشهاد أم وطفلها في قصف على المخيم", [("killed", 2, True)]),
    ("مقتل رجل وزوجته وطفليهما في غارة على منزلهم", [("killed", 4, True)]),
    # duals of persons named by what they were ("مطلوبان", "انتحاريان"): two killed
    ("قتل مطلوبان أمنيان في تبادل لإطلاق النار مع رجال الأمن", [("killed", 2, True)]),
    ("أصيب متظاهران بالرصاص الحي قرب مبنى المحافظة", [("injured", 2, True)]),
    # "آخر" heading a noun is "the last of", no one killed; alone it is "another" one hit
    ("سيطرت وحدات الجيش على القرية بعد القضاء على آخر تجمعات الإرهابيين فيها", []),
    ("قضت القوات على آخر المسلحين المتحصنين في الحي", []),
    ("قتل جندي وأصيب آخر بجروح في الهجوم", [("killed", 1, True), ("injured", 1, True)]),
    # the victims' side told at length (five words) and an aside before their verb
    (
        "ذكر المرصد أن 14 عنصرا على الأقل من قوات النظام والمسلحين الموالين لها، بينهم إيرانيون، قتلوا في الضربات",
        [("killed", 14, False)],
    ),
    # an active "assassinated", its unnamed killers, the man and his comrade
    ("اغتال مجهولون الناشط رائد الفارس ورفيقه في مدينة كفرنبل", [("killed", 2, True)]),
    # a man killed "with" a count of his companions: his death and theirs ("مع" as "و")
    ("قتل قيادي في داعش مع أربعة من مرافقيه في غارة جوية", [("killed", 5, True)]),
    ("قتل القيادي أبو حمزة مع أربعة من مرافقيه", [("killed", 5, True)]),
    # a member named with his group, then the passive verb, with or without his companions
    ("قال مسؤول إن قياديا بارزا في حركة الشباب قتل مع ثلاثة من مرافقيه في غارة", [("killed", 4, True)]),
    ("قال مصدر إن قائدا ميدانيا في الحركة قتل في غارة جوية", [("killed", 1, True)]),
    # a companion named "رفيق" (a comrade), alone or two of them, adds to the man just named
    ("قتل الناشط الإعلامي رائد الفارس ورفيقه في إطلاق نار", [("killed", 2, True)]),
    ("استشهد القيادي في الحركة سالم الحميدي ورفيقاه في غارة", [("killed", 3, True)]),
    # a police rank named as the victim, with another joined to it
    ("استشهد أمين شرطة ومجند إثر هجوم على كمين أمني", [("killed", 2, True)]),
    # a diplomat named by his post is one death
    ("قتل السفير الإيطالي في هجوم على موكبه", [("killed", 1, True)]),
    # an aside on who was among the victims, without its commas, before their verb
    ("وقال المرصد إن 11 مدنيا بينهم طفلان قتلوا في القصف", [("killed", 11, True)]),
    # a broken-plural nationality after the counted noun is part of the count
    ("وقالت الوزارة إن 3 جنود أتراك قتلوا في الاشتباكات", [("killed", 3, True)]),
    # a man named by his rank or post
    ("قتل العميد سامي الحربي في كمين", [("killed", 1, True)]),
    ("أعلنت الحركة مقتل رئيس مجلسها العسكري في غارة", [("killed", 1, True)]),
    # a nominative dual noun is its own exact count
    ("قتل جنديان وأصيب ثلاثة مدنيين في الهجوم", [("killed", 2, True), ("injured", 3, True)]),
    # victims, then "لقوا مصرعهم" (as "لقوا حتفهم")
    ("وقال المصدر إن 12 عنصرا من المسلحين لقوا مصرعهم في المواجهات", [("killed", 12, True)]),
    # the man just named, killed with his companions ("ما أدى إلى مقتله ومرافقه")
    ("استهدفت المسيرة سيارته ما أدى إلى مقتله ومرافقه", [("killed", 2, True)]),
    ("أطلق المسلحون النار عليه ما أسفر عن مقتله وثلاثة من حراسه", [("killed", 4, True)]),
    ("استهدفت المسيرة سيارته ما أسفر عن مقتله واثنين من مرافقيه", [("killed", 3, True)]),
    # one man named at length, then a count of his companions
    ("قتل القيادي الميداني البارز أبو حمزة الشبواني و4 من مرافقيه", [("killed", 5, True)]),
    # a side's own members, told by its spokesman ("عناصره", "مقاتليها")
    ("وقال الناطق باسم الفصيل إن أربعة من مقاتليه قتلوا في الاشتباكات", [("killed", 4, True)]),
    # a leader of a group whose name holds "في", then his companions
    ("قتل قيادي بارز في تنظيم القاعدة في جزيرة العرب واثنان من مرافقيه", [("killed", 3, True)]),
    # … but not a count told for another act after the strike's "في"
    ("قتل قيادي في حركة الشباب في غارة أمريكية و3 مدنيين في قصف مدفعي", [("killed", 1, True)]),
    # victims after a weak lead and a noun that is also a lead: the lead's reading, not one injured
    ("وأسفر القصف عن إصابة خمسة مدنيين", [("injured", 5, True)]),
    ("ما أدى إلى إصابة طفلين بجروح", [("injured", 2, True)]),
    ("أسفرت الغارة عن سقوط ضحايا مدنيين", [("killed", 10, False)]),
    # the act they died or were hurt in, between the lead and the victims
    ("واشتدت المعارك وقتل خلالها سبعة من المسلحين", [("killed", 7, True)]),
    ("وأصيب جراءها ثلاثة مدنيين", [("injured", 3, True)]),
    ("كما قتل خلال الاشتباكات أربعة جنود", [("killed", 4, True)]),
    # singular and dual
    ("وأسفر القصف عن مقتل شخص", [("killed", 1, True)]),
    # a running toll with an adverb before its new figure
    ("وارتفع عدد القتلى لاحقا إلى تسعة", [("killed", 9, True)]),
    # a nationality after the counted noun, before the verb
    ("وقال مسؤولون إن خمسة جنود كينيين قتلوا في الهجوم", [("killed", 5, True)]),
    # a person named, then a companion named by the tie to that person
    ("وأدى الانفجار إلى مقتل العقيد ناصر الحضرمي ومرافقه", [("killed", 2, True)]),
    ("أسفر الهجوم عن مقتل العميد صالح ونجليه", [("killed", 3, True)]),
    ("أدى القصف إلى مقتل أربعة أشخاص بينهم القيادي ومرافقه", [("killed", 4, True)]),
    # the singular verb after its victim: the passive before a cause or a time
    ("وقال الشهود إن متظاهرا قتل برصاص قوات الأمن", [("killed", 1, True)]),
    ("وأفاد مصدر بأن شرطيا قتل مساء أمس", [("killed", 1, True)]),
    ("قُتل عنصر من قوات النظام", [("killed", 1, True)]),
    ("مقتل مدني برصاص مجهولين", [("killed", 1, True)]),
    ("استشهاد شاب برصاص قناص", [("killed", 1, True)]),
    ("لقي شاب حتفه بانفجار لغم", [("killed", 1, True)]),
    ("ولقي حتفه في الحال", [("killed", 1, True)]),
    ("فارق الحياة متأثرا بجراحه", [("killed", 1, True)]),
    ("سقط قتيل في الاشتباكات", [("killed", 1, True)]),
    ("قتيلان في انفجار عبوة", [("killed", 2, True)]),
    ("خلف الانفجار قتيلين", [("killed", 2, True)]),
    ("مقتل عنصرين", [("killed", 2, True)]),
    ("مقتل شخصين", [("killed", 2, True)]),
    ("مقتل مدنيين اثنين", [("killed", 2, True)]),
    ("مقتل طفل وامرأة", [("killed", 2, True)]),
    ("مقتل أحد عناصر الفرقة الرابعة", [("killed", 1, True)]),
    # a member "في" his group, then more dead; one man named by his tie to another victim
    ("مقتل قيادي في جبهة النصرة وثلاثة من حراسه", [("killed", 4, True)]),
    ("مقتل ضابط كبير في الحرس الثوري واثنين من مرافقيه", [("killed", 3, True)]),
    ("مقتل 4 في قصف على السوق و6 في غارة على المدرسة", [("killed", 4, True)]),
    ("مقتل القيادي الميداني وسائقه", [("killed", 2, True)]),
    # the person just named, killed by those who fired; a definite victim before "استشهد"
    ("أطلق الجنود النار عليه وقتلوه", [("killed", 1, True)]),
    ("أطلق عناصر الحاجز النار على السائق وأردوه قتيلا", [("killed", 1, True)]),
    ("أكدت مصادر طبية أن الفتى استشهد متأثرا بجراحه", [("killed", 1, True)]),
    ("جريحان في القصف", [("injured", 2, True)]),
    # digits and words
    ("مقتل 3 مدنيين", [("killed", 3, True)]),
    ("مقتل ٣ مدنيين", [("killed", 3, True)]),
    ("مقتل ثلاثة عناصر", [("killed", 3, True)]),
    ("مقتل ثلاث نساء", [("killed", 3, True)]),
    ("استشهاد خمسة أطفال", [("killed", 5, True)]),
    ("مصرع 4 أشخاص في حادث", [("killed", 4, True)]),
    ("مقتل ثلاثة وعشرين شخصا", [("killed", 23, True)]),
    ("مقتل خمسة عشر عنصرا", [("killed", 15, True)]),
    ("20 قتيلا في تفجير", [("killed", 20, True)]),
    ("سقوط ثلاثة قتلى", [("killed", 3, True)]),
    ("لقي 3 أشخاص حتفهم", [("killed", 3, True)]),
    ("أودى بحياة 7 أشخاص", [("killed", 7, True)]),
    ("ثلاثة أشخاص قتلوا في الهجوم", [("killed", 3, True)]),
    ("قتل 3 من عناصر الشرطة", [("killed", 3, True)]),
    ("العثور على جثة شاب", [("killed", 1, True)]),
    ("انتشال جثث 5 أشخاص", [("killed", 5, True)]),
    ("ارتفع عدد القتلى إلى 15", [("killed", 15, True)]),
    ("بلغت حصيلة القتلى 12", [("killed", 12, True)]),
    ("بضعة قتلى", [("killed", 3, False)]),
    # hedges and ranges: the stated figure
    ("مقتل أكثر من 20 شخصا", [("killed", 20, False)]),
    ("مقتل ما لا يقل عن 20 مدنيا", [("killed", 20, False)]),
    ("مقتل نحو 20 عنصرا", [("killed", 20, False)]),
    ("مقتل حوالي 20 شخصا", [("killed", 20, False)]),
    ("مقتل قرابة 20 شخصا", [("killed", 20, False)]),
    ("مقتل زهاء 20 شخصا", [("killed", 20, False)]),
    ("20 قتيلا على الأقل", [("killed", 20, False)]),
    ("مقتل 10 إلى 15 شخصا", [("killed", 10, False)]),
    ("ما بين 10 و15 قتيلا", [("killed", 10, False)]),
    ("سقوط 10-15 قتيلا", [("killed", 10, False)]),
    # vague
    ("مقتل عشرات المدنيين", [("killed", 10, False)]),
    ("عشرات القتلى", [("killed", 10, False)]),
    ("مئات القتلى", [("killed", 100, False)]),
    ("مقتل دزينة من العناصر", [("killed", 12, False)]),
    ("سقوط عدد من القتلى", [("killed", 10, False)]),
    ("عدد كبير من القتلى", [("killed", 10, False)]),
    ("قتلى في قصف على إدلب", [("killed", 10, False)]),
    ("سقوط قتلى", [("killed", 10, False)]),
    ("ما أسفر عن ارتفاع عدد القتلى", [("killed", 10, False)]),
    ("مقتل عناصر من قوات النظام", [("killed", 10, False)]),
    ("مقتل مدنيين", [("killed", 2, False)]),  # dual or plural: the lower reading
    # those aboard or inside, no number: killed, number unknown
    ("أصابت الغارة سيارة عسكرية وأدت إلى مصرع من كانوا على متنها", [("killed", 10, False)]),
    ("تدمير عربتين ومقتل من كان على متنهما", [("killed", 10, False)]),
    # both kinds
    ("مقتل 3 وإصابة 5 آخرين", [("killed", 3, True), ("injured", 5, True)]),
    ("مقتل 3 مدنيين وإصابة 5 آخرين", [("killed", 3, True), ("injured", 5, True)]),
    # two counted groups, the first with its genitive, nationality or hedge before "و"
    ("أسفرت المعارك عن مقتل 6 من عناصر الجيش و11 من المهاجمين", [("killed", 17, True)]),
    ("مقتل 4 جنود من القوات الحكومية و3 من المسلحين", [("killed", 7, True)]),
    ("مقتل 12 جنديا سودانيا و4 مدنيين", [("killed", 16, True)]),
    ("أسفرت المعارك عن مقتل 17 عنصرا من قوات النظام و25 من الفصائل", [("killed", 42, True)]),
    ("وأضاف البيان أن 12 من المهاجمين قتلوا", [("killed", 12, True)]),
    ("أعدم تنظيم داعش أربعة رعاة في البادية", [("killed", 4, True)]),  # the executioner named between
    ("قتل متظاهران برصاص قوات الأمن", [("killed", 2, True)]),
    ("مقتل محتج وإصابة ثلاثة آخرين", [("killed", 1, True), ("injured", 3, True)]),
    ("وأعلن الجيش مقتل أحد المطلوبين خلال المداهمة", [("killed", 1, True)]),
    ("أسفر سقوط المقذوف عن إصابة مقيم بجروح طفيفة", [("injured", 1, True)]),
    ("اغتيل مهندس الطيران أمام منزله", [("killed", 1, True)]),
    ('أسفرت الاشتباكات عن مقتل ثلاثة من عناصر "قسد" واثنين من المهاجمين', [("killed", 5, True)]),
    ("مقتل 20 مسلحا على الأقل، و5 جنود", [("killed", 25, False)]),
    ("مقتل 7 أشخاص بينهم 3 أطفال و2 من النساء", [("killed", 7, True)]),  # "بينهم": part of the 7
    ("ثلاثة قتلى وخمسة جرحى", [("killed", 3, True), ("injured", 5, True)]),
    ("سقوط 5 قتلى و10 جرحى", [("killed", 5, True), ("injured", 10, True)]),
    ("قتيلان وجريح", [("killed", 2, True), ("injured", 1, True)]),
    ("مقتل عنصر وإصابة آخر", [("killed", 1, True), ("injured", 1, True)]),
    ("وقوع عدد كبير من القتلى والجرحى", [("killed", 10, False), ("injured", 10, False)]),
    ("سقوط قتلى وجرحى", [("killed", 10, False), ("injured", 10, False)]),
    ("15 بين قتيل وجريح", [("killed", 1, False), ("injured", 1, False)]),
    ("مقتل وإصابة 5 أشخاص", [("killed", 1, False), ("injured", 1, False)]),
    ("إن خمسة من عناصر الجيش قتلوا", [("killed", 5, True)]),
    ("ذكرت مصادر أن أربعة مقاتلين من جيش الإسلام السوري قتلوا", [("killed", 4, True)]),
    ("قال الدفاع المدني إن تسعة مدنيين، بينهم ثلاثة أطفال، قتلوا في القصف", [("killed", 9, True)]),
    ("وأفادت مصادر طبية بأن 14 مدنيا، قضوا تحت الأنقاض", [("killed", 14, True)]),  # a comma between
    ("وأعلن المستشفى أن شابا توفي ليل الخميس متأثرا بإصابته", [("killed", 1, True)]),
    ("أفاد المرصد بمقتل 12 عنصرا من قوات النظام", [("killed", 12, True)]),
    ("لقي 4 جنود صباح اليوم مصرعهم", [("killed", 4, True)]),  # a time phrase inside the frame
    ("ارتفعت الحصيلة إلى 9 قتلى بينهم 4 أطفال", [("killed", 9, True)]),
    # a person noun after the first group's genitive counts itself
    ("قتل ضابط من الشرطة المحلية ومدني في الهجوم", [("killed", 2, True)]),
    ("قتل جندي من الجيش الهندي ومسلحان، أمس", [("killed", 3, True)]),
    # the killing of the person just named, as the act's result; settlers as victims
    ("أطلق مسلحون النار عليه ما أدى إلى مقتله على الفور", [("killed", 1, True)]),
    ("قتل مستوطن إسرائيلي وأصيب آخر في عملية طعن", [("killed", 1, True), ("injured", 1, True)]),
    # victims named by kinship to the first: a woman and her two children are three
    ("قتلت سيدة وطفلاها بقذيفة سقطت على منزلهم", [("killed", 3, True)]),
    ("أصيب شاب ووالدته بجروح", [("injured", 2, True)]),
    # "martyrs" in the name of a hospital or a group is no toll
    ("أدت إلى استشهاد 12 فلسطينيا، وفق ما أفاد مستشفى شهداء الأقصى", [("killed", 12, True)]),
    # injured only
    ("أسفرت عن إصابته بجروح طفيفة", [("injured", 1, True)]),
    ("أصيب بجروح ثلاثة مدنيين", [("injured", 3, True)]),
    ("فيما أصيب أكثر من 20 آخرين بجروح متفاوتة", [("injured", 20, False)]),
    ("إصابة 4 مدنيين بجروح", [("injured", 4, True)]),
    ("أصيب 4 أشخاص بجروح خطيرة", [("injured", 4, True)]),
    ("أصيب عنصران", [("injured", 2, True)]),
    ("جرح ثلاثة أطفال", [("injured", 3, True)]),
    ("خمسة جرحى", [("injured", 5, True)]),
    ("وقوع إصابات", [("injured", 10, False)]),
    ("وأصيب آخرون بجروح", [("injured", 10, False)]),
]


@pytest.mark.parametrize(("text", "expected"), CASUALTIES)
def test_casualties(text: str, expected: list[tuple[str, int, bool]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "شنت الطائرات الروسية 20 غارة على مواقع التنظيم",
        "تمركزت الفرقة 25 في المدينة",
        "في العام 2011 بدأت الاحتجاجات",
        "دون وقوع إصابات",
        "لم يسفر القصف عن وقوع إصابات",
        "لم تسجل أي إصابات",
        "محاولة اغتيال قائد الفصيل",
        "قضى 3 سنوات في السجن",
        "تحاول قتل الوقت",
        "إصابة مباشرة لدبابة",
        "أصاب الصاروخ الهدف بدقة",
        "وذلك لإسعاف الجرحى",
        "زار الوزير القتلى",
        "قتل 2011",
        "ضحايا الحرب",
        "ذكرى مقتل الزعيم",
    ],
)
def test_non_casualties(text: str) -> None:
    assert find_casualties(text) == []


def test_victim_span_and_hedge() -> None:
    text = "أسفر الهجوم عن مقتل عنصرين من قوات النظام، وإصابة ما لا يقل عن 5 مدنيين بجروح"
    killed, injured = find_casualties(text)
    assert killed.text == "مقتل عنصرين من قوات النظام"
    assert killed.victim is not None and text[killed.victim[0] : killed.victim[1]] == "عنصرين من قوات النظام"
    assert (injured.count, injured.exact, injured.hedge) == (5, False, "at least")
    assert injured.text.startswith("إصابة ما لا يقل عن 5 مدنيين")


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("مقتل أكثر من 20 شخصا", "more than"),
        ("مقتل نحو 20 شخصا", "about"),
        ("مقتل ما لا يقل عن 20 شخصا", "at least"),
        ("مقتل 10 إلى 15 شخصا", "range"),
        ("مقتل 20 شخصا", None),
    ],
)
def test_hedges(text: str, hedge: str | None) -> None:
    (m,) = find_casualties(text)
    assert m.hedge == hedge


def test_seed_report(seed_text: str) -> None:
    found = find_casualties(seed_text)
    killed = [m for m in found if m.kind == "killed"]
    assert [m.text for m in killed] == [
        "وقوع عدد كبير من القتلى",
        "ارتفاع عدد القتلى",
        "عددا كبيرا من القتلى",
    ]
    assert {m.count for m in killed} == {10}  # CODING.md §6: killed, no number → 10
    # "20 غارة" (air strikes) is no casualty figure
    assert all(m.count != 20 for m in found)


def test_spans_map_back_through_diacritics_and_digits() -> None:
    text = "وأسفرَ القصفُ عن مقتلِ ٣ مدنيّين، وإصابةِ خمسةٍ آخرين"
    found = find_casualties(text)
    assert [(m.kind, m.count) for m in found] == [("killed", 3), ("injured", 5)]
    assert found[0].text == "مقتلِ ٣ مدنيّين"
    assert found[1].text == "إصابةِ خمسةٍ آخرين"


def test_fast_fold_matches_reference(seed_text: str) -> None:
    for text in (seed_text, "الـــرقّة “داعش” ١٢ ﻻ İstanbul", "", "\u064eأ"):
        fast, ref = fast_fold_with_map(text), fold_with_map(text)
        assert fast.text == ref.text
        for i in range(len(ref.text) + 1):
            for j in (i, i + 1, len(ref.text)):
                assert fast.to_original(i, j) == ref.to_original(i, j)


_PIECES = st.sampled_from(
    [
        *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ٠١٢٣0123-،",
        "مقتل",
        "قتلى",
        "جرحى",
        "وإصابة",
        "آخرين",
        "مدنيين",
        "عنصرين",
        "نحو",
        "أكثر من",
        "بين",
        "قتيل وجريح",
        "عشرات",
        "لقي",
        "حتفهم",
        "\u064f",
        "ـ",
    ]
)


def _check(text: str, found: list[CasualtyMention]) -> None:
    for kind in ("killed", "injured"):
        last_end = -1
        for m in (m for m in found if m.kind == kind):
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
            assert m.start >= last_end  # sorted, no overlap within a kind
            last_end = m.end
            assert m.count >= 0
            if m.victim is not None:
                assert m.start <= m.victim[0] < m.victim[1] <= m.end
    assert [m.start for m in found] == sorted(m.start for m in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_property_casualty_spans(text: str) -> None:
    _check(text, find_casualties(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text: str) -> None:
    _check(text, find_casualties(text))
    parse_quantity(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_property_fast_fold_equals_reference(text: str) -> None:
    fast, ref = fast_fold_with_map(text), fold_with_map(text)
    assert fast.text == ref.text
    for i in range(len(ref.text) + 1):
        assert fast.to_original(i, i + 1) == ref.to_original(i, i + 1)


# --------------------------------------------------------------------------------------------
# Golden outputs: find_casualties on every gold report (title and body) must stay exactly as it
# was when tests/fixtures/quantities_golden.json was written. Guards speed-only refactors of the
# regex building; the fixture holds the inputs too, so edits to the gold data do not affect it.

GOLDEN = Path(__file__).parent / "fixtures" / "quantities_golden.json"


def casualty_rows(text: str) -> list[list[object]]:
    """find_casualties as plain JSON rows."""
    return [
        [m.start, m.end, m.text, m.kind, m.count, m.exact, list(m.victim) if m.victim else None, m.hedge]
        for m in find_casualties(text)
    ]


def test_killed_or_hurt_is_no_death_toll() -> None:
    # "قتلوا أو أصيبوا": the dead and the hurt counted together are no figure of the dead.
    assert "killed" not in {
        k for k, _, _ in summary("وقال البيان إن 12 من المسلحين قتلوا أو أصيبوا في المواجهات")
    }
    assert summary("وقال البيان إن 12 من المسلحين قتلوا في المواجهات") == [("killed", 12, True)]


def test_golden_casualties_unchanged() -> None:
    reports = json.loads(GOLDEN.read_text(encoding="utf-8"))["reports"]
    assert len(reports) >= 120
    for r in reports:
        for field in ("title", "text"):
            assert casualty_rows(r[field]) == r["casualties"][field], (r["id"], field)


# --------------------------------------------------------------------------------------------
# Compiled-pattern cache (numbers.compile_patterns)

_SOURCES = [
    r"(?P<q>\d+)\s+(?P<noun>قتلى|جرحى)(?!\w)",
    r"(?<!\w)(?:مقتل|إصابة)\s+(?P<n>\d+)",
    r"[^\s،,.؛;:()]+",
]


def test_compile_patterns_cached_equals_re_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    first = numbers.compile_patterns("t", _SOURCES)
    assert (tmp_path / "regex-t.marshal").is_file()

    # A second process-like call must take everything from the file, not recompile.
    def no_compile(source: str) -> None:
        raise AssertionError(f"recompiled {source!r}")

    monkeypatch.setattr(numbers, "_compile_to_code", no_compile)
    second = numbers.compile_patterns("t", _SOURCES)
    for src, a, b in zip(_SOURCES, first, second, strict=True):
        ref = re.compile(src)
        assert a == ref and b == ref  # Pattern equality compares flags, text and compiled code
        assert b.groupindex == ref.groupindex and b.groups == ref.groups
    text = "أسفر القصف عن مقتل 12 مدنيا، و3 قتلى"
    assert [m.groupdict() for m in second[0].finditer(text)] == [{"q": "3", "noun": "قتلى"}]
    assert second[1].search(text).group("n") == "12"


@pytest.mark.parametrize("garbage", [b"", b"not marshal", b"\x00" * 64])
def test_compile_patterns_survives_a_bad_cache_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, garbage: bytes
) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    (tmp_path / "regex-t.marshal").write_bytes(garbage)
    assert numbers.compile_patterns("t", _SOURCES) == [re.compile(s) for s in _SOURCES]


def test_compile_patterns_rejects_tampered_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    numbers.compile_patterns("t", _SOURCES)
    path = tmp_path / "regex-t.marshal"
    data = marshal.loads(path.read_bytes())
    for key, (src, flags, code, groups, gi, ig) in list(data["entries"].items()):
        data["entries"][key] = (src, flags, b"\xff" * len(code), groups, gi, ig)  # invalid SRE code
    path.write_bytes(marshal.dumps(data))
    assert numbers.compile_patterns("t", _SOURCES) == [re.compile(s) for s in _SOURCES]


def test_compile_patterns_caches_the_rewritten_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    sources = [r"(?:ال)?(?:قتلى|جرحى)(?:\s+مدنيين)?", r"(?P<n>\d+)(?:\s+أشخاص)?"]
    want = [re.compile(branch_optionals(s)) for s in sources]
    assert numbers.compile_patterns("t", sources, branch_optionals) == want
    assert want[0].pattern != sources[0]  # the rewrite did something

    def no_rewrite(source: str) -> str:
        raise AssertionError(f"rewrote {source!r} again")

    no_rewrite.__qualname__ = branch_optionals.__qualname__  # the same rewrite, by name
    no_rewrite.__module__ = branch_optionals.__module__
    assert numbers.compile_patterns("t", sources, no_rewrite) == want
    # Unrewritten sources are other entries, not the rewritten ones.
    assert numbers.compile_patterns("t", sources) == [re.compile(s) for s in sources]


def test_compile_patterns_without_writable_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    assert numbers.compile_patterns("t", _SOURCES) == [re.compile(s) for s in _SOURCES]


def test_module_patterns_are_exactly_re_compile() -> None:
    pats = [casualties._VITEM_RE, casualties._MIXED, casualties._ANCHORS, *casualties._TAIL_OTHER.values()]
    pats += [spec[2] for spec in casualties._SPECS]
    for p in pats:
        assert p == re.compile(p.pattern)
