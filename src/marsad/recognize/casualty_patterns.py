"""The casualty grammar: `knowledge/data/casualties.yaml`'s words turned into the regexes
`recognize/casualties.py` reads reports with — victim items and their links, the patterns of each
kind (leads, counts, frames, passives, companions), the anchor words each pattern waits for and
the words a window must hold for it (`window_scan`). Built once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from marsad.recognize.anchored import routes
from marsad.recognize.numbers import (
    _HA,
    _ONEWORD,
    QTY,
    QTY_FIRST_WORDS,
    QTY_LAST_WORDS,
    B,
    E,
    _folded,
    alternation,
    anchor_key,
    anchor_keys,
    compile_patterns,
    load_lexicon,
    register_anchor_words,
)
from marsad.recognize.optionals import branch_optionals

_CAS = load_lexicon("casualties.yaml")
_VICT = _CAS["victims"]
# Folded victim phrases that refer back to a toll told before ("الآخر"): see quantities.py.
REFERRING = frozenset(_folded(_CAS["referring"]))
_V_CLASS: dict[str, str] = {}
for _cls in ("plural", "ambiguous", "dual", "singular"):  # later classes win on a clash
    for _w in _folded(_VICT[_cls]):
        _V_CLASS[_w] = _cls
_VNOUN = alternation(_V_CLASS)
_ATTACH = alternation(_VICT["attach"])
# "عنصرين اثنين", "ثلاثة آخرين"; then a nationality ("ستة جنود صوماليين قتلوا": without it the
# count stopped at the noun and "صوماليين قتلوا" read as two) — never a word opened by "و": that is
# the next victim item ("قتل ضابط وجنديان": a dual, not an adjective of the officer's).
_ADJ_AFTER = (
    r"(?:\s+(?:اثنين|اثنان|اثنتين|اثنتان|اخرين|اخرون|اخران|اخر|اخري|اخرتين)" + E + ")?"
    r"(?:\s+(?!و)(?:ال)?(?:\w{2,}(?:يين|يون|يان|يتين)|"
    + alternation(_VICT.get("plural_adjectives") or [])
    + ")"
    + E
    + ")?"
)

# One victim item: count and/or person noun ("3 مدنيين", "عنصرين", "ثلاثة من العناصر", "أحد الجنود").
_VITEM = (
    rf"(?:(?:{QTY})(?:\s+(?:من\s+)?(?:ال)?(?:{_VNOUN}){E})?"
    rf"|(?:{_ONEWORD}){E}\s+(?:ال)?(?:{_VNOUN}){E}"
    rf"|(?:ال)?(?:{_VNOUN}){E})"
    rf"{_ADJ_AFTER}(?:\s+(?:{_HA}){E})?"
)
_TAIL_WORD = r"[^\s،,.؛;:()\[\]\"']+"
_DUAL_NOUN = alternation([w for w, cls in _V_CLASS.items() if cls == "dual"])  # "عنصرين"
# Between two victim items: "و"; before a counted item also a comma ("42 حوثيا على الأقل، و9
# مقاتلين"), the first item's genitive ("23 عنصرا من قوات النظام و31 …": an attach word, or "في"
# after a member noun and maybe an adjective, "قيادي بارز في حركة الشباب وثلاثة …"; then up to
# five words, "في" among them: "قيادي في تنظيم القاعدة في جزيرة العرب واثنان …"), its
# nationality ("45 جنديا إماراتيا و10 سعوديين", also after ف) or one or two other words ("9 من
# عناصر التنظيم و4 …", "4 من عناصر قسد واثنين …"), never "بينهم …" (those are among the first
# group). A person noun that is not a plural counts itself ("جندي من الجيش الهندي ومسلحان").
_COUNTED_NOUN = alternation([w for w, cls in _V_CLASS.items() if cls != "plural"])
# Right after a member noun (a lookbehind per word: Python's are fixed-width).
_MEMBER_END = "|".join(f"(?<={re.escape(w)})" for w in _folded(_VICT.get("members") or []))


def _words_after_in_names() -> list[str]:
    """The words right after "في" inside actors' names (actors.yaml: "القاعدة في جزيرة العرب",
    "الدولة الإسلامية في العراق والشام"): after a member noun and its "في", an inner "في" before
    one of them goes on naming the group. (Read from the actors' own names: a list of its own
    in a lexicon would make these place names common words for the gazetteer.)"""
    words: set[str] = set()
    for entry in load_lexicon("actors.yaml")["actors"]:
        for alias in entry.get("aliases") or []:
            parts = str(alias).split()
            words.update(parts[i + 1] for i in range(1, len(parts) - 1) if parts[i] == "في")
    return sorted(words)


_IN_NAME = alternation(_words_after_in_names())
_K = _CAS["killed"]
_I = _CAS["injured"]


def _noun_classes(group: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for cls in ("plural", "dual", "singular"):
        for w in _folded(group["nouns"][cls]):
            out[w] = cls
    return out


_KNOUN = _noun_classes(_K)
_INOUN = _noun_classes(_I)
# A count after "و" that counts the wounded ("مقتل 3 جنود و5 جرحى") adds no victims to the dead.
_WOUNDED_NOUN = alternation(_INOUN)
_LINK = (
    rf"\s+و\s*(?!(?:{QTY})\s+(?:{_WOUNDED_NOUN}){E})|(?:\s+(?:{_ATTACH}){E}(?:\s+(?![وف]){_TAIL_WORD}){{1,3}}?"
    rf"|(?:{_MEMBER_END})(?:\s+(?![وف]){_TAIL_WORD})?\s+في(?:\s+(?:في(?=\s+(?:{_IN_NAME}){E})|(?![وف]){_TAIL_WORD})){{1,5}}?"
    rf"|\s+\w+(?:يا|يين|يون|يه|ي){E}|(?:\s+(?!بين|منهم)(?![وف])[^\s،,.؛;:()\[\]]+){{1,2}}?)?"
    rf"(?:\s*[،,])?\s+و\s*(?=(?:{QTY})(?!\s+(?:{_WOUNDED_NOUN}){E})|(?:{_COUNTED_NOUN}){E})"
)
_VICTIMS = (
    rf"{_VITEM}(?:(?:{_LINK}){_VITEM})*"
    rf"(?:\s+(?:{_ATTACH}){E}\s+(?!و){_TAIL_WORD}(?:\s+(?![وف])(?!{alternation(['اصابه', 'اصابات'])}){_TAIL_WORD}){{0,2}})?"
)
# "خمسة من عناصر الجيش قتلوا", "ثلاثة عناصر من حزب الله اللبناني قتلوا", "14 عنصرا من قوات النظام
# والمسلحين الموالين لها قتلوا": a short genitive tail (up to five words)
# between the victims and a following verb; then maybe an aside on who was among them ("ستة
# مدنيين، بينهم امرأتان، قتلوا", or without its commas: "13 مدنيا بينهم أطفال قتلوا").
_ATTACH_SHORT = (
    rf"(?:\s+(?:{_ATTACH}){E}\s+{_TAIL_WORD}(?:\s+{_TAIL_WORD}){{0,4}})?"
    rf"(?:(?:\s*[،,]\s*|\s+)(?:من\s+)?(?:بينهم|بينهما|منهم)\s+[^\s،,.]+(?:\s+[^\s،,.]+){{0,3}}\s*(?=[،,]|\s))?"
)
_VITEM_SRC = (
    rf"(?P<q>{QTY})?(?:(?(q)\s+(?:من\s+)?|)(?P<one>(?:{_ONEWORD}){E}\s+)?(?:ال)?(?P<n>{_VNOUN}){E})?"
    rf"(?P<adj>{_ADJ_AFTER})(?:\s+(?P<ha>{_HA}){E})?"
)

_NEEDS_LEAD = set(_folded(_CAS["needs_lead"]))
_NEEDS_NOUN = set(_folded(_K.get("needs_noun", [])))
_BODY_LEAD = set(_folded(_K.get("body_lead", [])))
_NEG = set(_folded(_CAS["negations"]))
_NOT_DEATH = set(_folded(_CAS["not_death_before"]))
_LAST_OF = frozenset(_folded(_CAS["last_of_nouns"]))
_NOT_HEADED = frozenset(_folded(_CAS["last_of_not_headed"]))
_CL = r"(?:[وفبل](?=\w))?"  # conjunction/preposition clitic kept out of the span


# kind, name, regex, anchor keys, and how far the pattern reaches before and after its anchor
_Spec = tuple[str, str, re.Pattern[str], frozenset[str], int, int]
_SpecSource = tuple[str, str, str, frozenset[str], int, int]
_FUNCTION_WORDS = ("من", "عن", "على", "علي", "الي", "بين", "في", "و")


def _last_words(phrases: Iterable[str]) -> frozenset[str]:
    """Anchor keys for phrases: their last word, also without a glued و/ف ("وجريح")."""
    keys: set[str] = set()
    for p in _folded(phrases):
        w = p.split()[-1]
        keys.add(anchor_key(w))
        if len(w) > 3 and w[0] in "وف":
            keys.add(anchor_key(w[1:]))
    return frozenset(keys)


def _kind_sources(kind: str, group: dict[str, Any], nouns: dict[str, str]) -> list[_SpecSource]:
    lead = alternation(group["lead"])
    noun_alt = alternation(nouns)
    noun_keys = anchor_keys(nouns)
    wounds = alternation(group.get("wounds", []))
    wound_tail = rf"(?:\s+(?:{wounds}){E}(?:\s+(?:خطيره|طفيفه|متفاوته|بليغه|متوسطه|بالغه){E})?)?"
    weak = alternation(_CAS["weak_lead"])
    leads = set(_folded(group["lead"]))
    victims_next = rf"(?!\s+(?:من\s+)?(?:{QTY}|(?:ال)?(?:{_VNOUN}){E}))"
    bare_nouns = (
        rf"(?:{alternation([n for n in nouns if n in leads])}){E}{victims_next}"
        rf"|(?:{alternation([n for n in nouns if n not in leads])}){E}"
    )
    toll_lead = alternation(_CAS["toll_lead"])
    toll_noun = alternation(_CAS["toll_noun"])
    # (the act they died in, between the lead and the victims: "وقتل خلالها تسعة")
    gap = (
        rf"(?:\s+(?:{alternation(_CAS['lead_gap'])}){E}"
        rf"|\s+(?:{alternation(_CAS['lead_gap_before_noun'])})\s+ال[^\s.،,؛:()\[\]\d]+)?"
    )
    specs: list[tuple[str, str, frozenset[str], int, int]] = [
        # lead + victims: "مقتل 3 مدنيين", "إصابة 5 آخرين بجروح", "قُتل عنصران"
        (
            "lead",
            rf"{B}{_CL}(?P<m>(?P<cue>{lead}){E}{gap}{wound_tail}\s+(?P<vic>{_VICTIMS}){wound_tail})",
            _last_words(group["lead"]),
            10,
            170,
        ),
        # count + killed/injured noun: "20 قتيلا", "عشرات القتلى", "عدد كبير من القتلى والجرحى"
        (
            "count",
            rf"{B}{_CL}(?P<m>(?:(?:{weak}){E}\s+)?(?P<q>{QTY})\s+(?:من\s+)?(?P<def>ال)?(?P<noun>{noun_alt}){E}"
            rf"(?:\s+(?P<ha2>{_HA}){E})?)",
            noun_keys,
            100,
            30,
        ),
        # bare noun: "قتيلان", "قتلى", "سقوط قتلى", "وقوع إصابات"
        # (a noun that is also a lead, not when victims follow: "أسفر عن إصابة خمسة مدنيين" is
        # the lead pattern's, whose later start lost the overlap to "عن إصابة" read as one injured)
        (
            "bare",
            rf"{B}{_CL}(?P<m>(?:(?P<weak>{weak}){E}\s+)?(?P<noun>{bare_nouns}))",
            noun_keys,
            25,
            5,
        ),
        # running toll: "ارتفع عدد القتلى إلى 15", "ارتفاع عدد القتلى"
        (
            "toll",
            rf"{B}{_CL}(?P<m>(?:(?P<tl>{toll_lead}){E}\s+)?(?:{toll_noun}){E}\s+(?:ال)(?P<noun>{noun_alt}){E}"
            # (an adverb may stand before the figure: "ارتفع عدد القتلى لاحقا إلى ثمانية")
            rf"(?:(?:\s+(?:لاحقا|مجددا|بعد ذلك|حتى الان){E})?\s+(?:(?:الي|نحو){E}\s*|ل(?=\d))?(?P<q>{QTY}))?)",
            noun_keys,
            40,
            70,
        ),
        # victims then verb: "ثلاثة أشخاص قتلوا", "عنصران أصيبا", "14 مدنيا، قضوا تحت الأنقاض",
        # "اثنين من مرافقيه الذين قتلوا أيضا"
        (
            "after",
            rf"{B}{_CL}(?P<m>(?P<vic>{_VITEM}{_ATTACH_SHORT})(?:\s*[،,])?\s+(?:(?:الذين|اللذين|اللذان|اللتين|اللتان)\s+)?(?:قد\s+)?(?P<cue>{alternation(group['after_verbs'])}){E}"
            # (not "قتلوا أو أصيبوا": killed or hurt, a figure of neither)
            rf"(?!\s+او\s)"
            rf"{wound_tail})",
            _last_words(group["after_verbs"]),
            120,
            40,
        ),
    ]
    if group.get("active_lead"):
        # "قتل الجيش الإسرائيلي، الأربعاء، 3 فلسطينيين": up to five words (the killer, a day)
        # between the verb and a count with its person noun.
        # The gap holds no new clause ("قتل شرطي وأصيب ثلاثة مدنيين": a word opening with و/ف)
        # and does not open with a person noun (that is the passive "قتل شرطي", a lead match).
        subject = rf"(?=\s+(?:{alternation(group['active_subject'])}))"
        # The word is read possessively (++): the gap can only end where a word does, so a
        # word cut in two pieces reaches no new end, and trying every cut made this the
        # costliest casualty pattern (each cut re-tries the count pattern after it).
        gap = rf"{subject}(?!\s+(?:{_VNOUN}){E})(?:\s*،?\s*(?![وف])[^\s.،,؛:()\[\]]++){{1,5}}?\s*،?"
        # The person noun may be a relative adjective the victim list lacks ("3 فلسطينيين").
        # Or a dual noun that is its own count ("قتلت القوات عنصرين من التنظيم"); an ambiguous
        # plural ("مسلحين") stays out: after an active verb it is the plural as often as not.
        counted = rf"(?:(?:{QTY})\s+(?:من\s+)?(?:ال)?(?:{_VNOUN}|\w+(?:يين|يون|يا))|(?:{_DUAL_NOUN})){E}{_ADJ_AFTER}"
        specs.append(
            (
                "active",
                rf"{B}{_CL}(?P<m>(?P<cue>{alternation(group['active_lead'])}){E}{gap}\s+(?P<vic>{counted}))",
                _last_words(group["active_lead"]),
                10,
                120,
            )
        )
    if kind == "killed" and _CAS.get("companions"):
        # "مقتل القيادي سالم الحميدي ومرافقه": a person named (no victim noun) and a companion
        # named by the tie to that person; the name is one to four words with no clause break.
        # (not a word a "و"/"ف" opens, a conjunction; "في" is one: "قيادي في داعش مع …")
        name_word = r"(?:في|(?![وف])[^\s.،,؛:()\[\]]+)"
        specs.append(
            (
                "named",
                rf"{B}{_CL}(?P<m>(?P<cue>{lead}){E}\s+(?:{name_word}\s+){{0,3}}{name_word}\s+"
                rf"و(?P<vic>{alternation(_CAS['companions'])}){E})",
                _last_words(_CAS["companions"]),
                80,
                5,
            )
        )
        if _CAS.get("posts_after_name"):
            # "مقتل صالح الصماد رئيس المجلس": a man named (no victim noun, no figure) before his
            # post; the name's words are no function word, digit or conjunction-led word.
            stop = alternation(_CAS["name_post_stop_words"])
            person = rf"(?!(?:{stop}){E})(?![وف])[^\s\d.،,؛:()\[\]]+"
            specs.append(
                (
                    "named_post",
                    rf"{B}{_CL}(?P<m>(?P<cue>{alternation(_CAS['name_post_leads'])}){E}\s+(?P<vic>(?:{person}\s+){{1,3}}"
                    rf"(?:ال)?(?:{alternation(_CAS['posts_after_name'])}){E}))",
                    _last_words(_CAS["posts_after_name"]),
                    70,
                    5,
                )
            )
        # "قتل القيادي الحوثي البارز أبو علي الكحلاني و5 من مرافقيه" ("… مع 5 من مرافقيه"): the
        # one named (up to six words) and a count of his companions.
        specs.append(
            (
                "named_count",
                rf"{B}{_CL}(?P<m>(?P<cue>{lead}){E}\s+(?:{name_word}\s+){{0,5}}{name_word}\s+"
                rf"(?:و|مع\s+)(?P<q>{QTY})\s+من\s+(?P<vic>{alternation(_CAS['companions'])}){E})",
                _last_words(_CAS["companions"]),
                110,
                5,
            )
        )
    with_companions = ""
    if kind == "killed" and _CAS.get("companions"):
        with_companions = rf"(?:\s+مع\s+(?P<wq>{QTY})\s+من\s+(?:{alternation(_CAS['companions'])}){E})?"
    if group.get("after_passive"):
        # "إن متظاهرا قتل برصاص قوات الأمن": a singular verb after its victim is the passive only
        # when what follows is no object — a cause, a time or a place word (passive_next).
        specs.append(
            (
                "passive",  # (read as "after": only its windows are chosen apart, see _needs)
                rf"{B}{_CL}(?P<m>(?P<vic>{_VITEM})\s+(?:قد\s+)?(?P<cue>{alternation(group['after_passive'])}){E}"
                # (with his companions counted: "إن قياديا في الحركة قتل مع ثلاثة من مرافقيه")
                rf"{with_companions})(?=\s+(?:{alternation(group['passive_next'])}){E})",
                _last_words(group["after_passive"]),
                120,
                25,
            )
        )
    if group.get("after_passive") and _VICT.get("members"):
        # "إن قياديا بارزا في حركة الشباب قتل مع ثلاثة من مرافقيه": a member named with his group
        # (and an adjective), then the passive verb.
        word = r"(?![وف])[^\s.،,؛:()\[\]]+"
        specs.append(
            (
                "passive_member",
                rf"{B}{_CL}(?P<m>(?P<vic>(?:{alternation(_VICT['members'])}){E})(?:\s+{word})?\s+في\s+"
                rf"(?:{word}\s+){{0,3}}{word}\s+(?:قد\s+)?(?P<cue>{alternation(group['after_passive'])}){E}"
                rf"{with_companions})(?=\s+(?:{alternation(group['passive_next'])}){E})",
                _last_words(group["after_passive"]),
                120,
                25,
            )
        )
    if group.get("single"):
        # "ما أدى إلى مقتله ومرافقه", "… مقتله واثنين من مرافقيه": his companions die with him.
        with_them = ""
        if kind == "killed" and _CAS.get("companions"):
            with_them = rf"(?:\s+و(?:(?P<q>{QTY})\s+من\s+)?(?P<vic>{alternation(_CAS['companions'])}){E})?"
        specs.append(
            (
                "single",
                rf"{B}{_CL}(?P<m>(?:{alternation(group['single'])}){E}{with_them})",
                _last_words(group["single"]),
                30,
                30 if with_them else 5,  # (room for "واثنين من مرافقيه" after the cue's last word)
            )
        )
    if group.get("pair"):
        # "ما أدى إلى مقتلهما": the two just named.
        specs.append(
            (
                "pair",
                rf"{B}{_CL}(?P<m>(?:{alternation(group['pair'])}){E})",
                _last_words(group["pair"]),
                30,
                5,
            )
        )
    if kind == "killed":
        frame_open = alternation(group["frame"]["open"])
        frame_close = alternation(group["frame"]["close"])
        specs.append(
            (
                "frame",
                # "لقي 5 أشخاص اليوم الأربعاء مصرعهم": a short time phrase may stand before the close.
                rf"{B}{_CL}(?P<m>(?P<cue>{frame_open}){E}\s+(?P<vic>{_VICTIMS})(?:\s+[^\s.،,]+){{0,5}}?\s+(?:{frame_close}){E})",
                _last_words(group["frame"]["close"]),
                170,
                5,
            )
        )
    return [(kind, name, p, keys, bef, aft) for name, p, keys, bef, aft in specs]


_SPEC_SOURCES = [*_kind_sources("killed", _K, _KNOUN), *_kind_sources("injured", _I, _INOUN)]
_MIXED_KEYS = _last_words(list(_CAS["mixed"]) + list(_CAS["mixed_lead"]))
# "عدد كبير من القتلى والجرحى": the other kind's noun right after a vague count.
_TAIL_OTHER_SRC = {
    "killed": rf"\s+و(?P<n2>(?:ال)?(?:{alternation(_INOUN)})){E}",
    "injured": rf"\s+و(?P<n2>(?:ال)?(?:{alternation(_KNOUN)})){E}",
}
_MIXED_SRC = (
    rf"{B}{_CL}(?P<m>(?:(?P<q>{QTY})\s+(?:(?:{_VNOUN}){E}\s+)?)?(?:{alternation(_CAS['mixed'])}){E}"
    rf"|(?:{alternation(_CAS['mixed_lead'])}){E}(?:\s+(?P<vic>{_VICTIMS}))?)"
)

_ALL_KEYS = frozenset().union(*(spec[3] for spec in _SPEC_SOURCES), _MIXED_KEYS)
_ANCHORS_SRC = rf"{B}(?:[وفبل])?(?P<w>{alternation(_ALL_KEYS | {'ال' + k for k in _ALL_KEYS})}){E}"
# (Their optional groups compiled as branches, which re runs faster: optionals.py.)
_VITEM_RE, _MIXED, _ANCHORS, _tail_killed, _tail_injured, *_spec_rx = compile_patterns(
    "numbers",
    [_VITEM_SRC, _MIXED_SRC, _ANCHORS_SRC, _TAIL_OTHER_SRC["killed"], _TAIL_OTHER_SRC["injured"]]
    + [spec[2] for spec in _SPEC_SOURCES],
    branch_optionals,
)
_TAIL_OTHER = {"killed": _tail_killed, "injured": _tail_injured}


def _opening_words(phrases: Iterable[str]) -> frozenset[str]:
    """The words a pattern that opens with B, _CL and then one of the `phrases` (followed by E)
    can start with: a phrase's first word, maybe after a clitic (as folded by alternation)."""
    first = {p.split()[0] for p in _folded(phrases)}
    return frozenset(_folded(first | {c + w for c in "وفبل" for w in first}))


# The phrases that open the patterns reaching further after their anchor than before it (the
# ones tried word by word, anchored.finditer_upto), by (kind, name): only where one of their
# first words starts is a match tried (window_scan.matches_at).
_OPENERS: dict[tuple[str, str], list[str]] = {}
for _kind, _group in (("killed", _K), ("injured", _I)):
    _OPENERS[(_kind, "lead")] = list(_group["lead"])
    _OPENERS[(_kind, "toll")] = [*_CAS["toll_lead"], *_CAS["toll_noun"]]
    if _group.get("active_lead"):
        _OPENERS[(_kind, "active")] = list(_group["active_lead"])
_STARTS: list[frozenset[str] | None] = [
    _opening_words(_OPENERS[spec[:2]]) if spec[:2] in _OPENERS else None for spec in _SPEC_SOURCES
]
_ALL_OPENING = frozenset().union(*(ws for ws in _STARTS if ws))


def _first_words(phrases: Iterable[str], article: bool = False) -> set[str]:
    """The first words of folded phrases (also with "ال" before them, when `article`)."""
    first = {p.split()[0] for p in _folded(phrases)}
    return first | {"ال" + w for w in first} if article else first


# The other patterns, tried at the words of each of their windows that can open a match (their
# windows are few and short: no report-wide list), by (kind, name): the words after a clitic
# (B, _CL) and whether a word holding a digit opens one too (a figure, QTY). The victim item
# (_VITEM) opens with a quantity, a "one" word before its noun, or its person noun.
_VITEM_FIRST = QTY_FIRST_WORDS | _first_words(_V_CLASS, article=True)
_WEAK_FIRST = _first_words(_CAS["weak_lead"])
_OPENS_BY: dict[tuple[str, str], tuple[set[str], bool]] = {}
for _kind, _group, _nouns in (("killed", _K, _KNOUN), ("injured", _I, _INOUN)):
    _OPENS_BY[(_kind, "count")] = (_WEAK_FIRST | QTY_FIRST_WORDS, True)
    _OPENS_BY[(_kind, "bare")] = (_WEAK_FIRST | _first_words(_nouns), False)
    _OPENS_BY[(_kind, "after")] = (_VITEM_FIRST, True)
    _OPENS_BY[(_kind, "passive")] = (_VITEM_FIRST, True)
    _OPENS_BY[(_kind, "passive_member")] = (_first_words(_VICT.get("members") or []), False)
    _OPENS_BY[(_kind, "named")] = (_first_words(_group["lead"]), False)
    _OPENS_BY[(_kind, "named_count")] = (_first_words(_group["lead"]), False)
    _OPENS_BY[(_kind, "named_post")] = (_first_words(_CAS.get("name_post_leads") or []), False)
    _OPENS_BY[(_kind, "single")] = (_first_words(_group.get("single") or []), False)
    _OPENS_BY[(_kind, "pair")] = (_first_words(_group.get("pair") or []), False)
_OPENS_BY[("killed", "frame")] = (_first_words(_K["frame"]["open"]), False)


_CLITIC_FORMS: dict[frozenset[str], frozenset[str]] = {}


def _with_clitics(words: set[str]) -> frozenset[str]:
    """The words and their forms after a clitic (the folded text holds the clitic and the
    pattern's folded word as they are); each set once (the victim item's serves four patterns)."""
    key = frozenset(words)
    got = _CLITIC_FORMS.get(key)
    if got is None:
        got = _CLITIC_FORMS[key] = key | {c + w for c in "وفبل" for w in words}
    return got


# The mixed pattern: a count before its phrase ("15 بين قتيل وجريح"), or the phrase.
_MIXED_OPENS = (_with_clitics(QTY_FIRST_WORDS | _first_words([*_CAS["mixed"], *_CAS["mixed_lead"]])), True)
_OPENS: list[tuple[frozenset[str], bool] | None] = [
    (_with_clitics(_OPENS_BY[spec[:2]][0]), _OPENS_BY[spec[:2]][1]) if spec[:2] in _OPENS_BY else None
    for spec in _SPEC_SOURCES
]


def _needs(kind: str, name: str) -> tuple[str, frozenset[str]] | None:
    """What a window of the pattern must hold to hold a match (window_scan), if anything. The
    passive cue is followed by a passive_next phrase ((?=\\s+(?:passive_next)E)): "next" and
    those phrases' first words. A count pattern's noun (a hit, a whole word: no noun opens with
    "ال") comes right after its quantity, maybe after "من": "count" and the words a quantity
    can end with."""
    if name in ("passive", "passive_member"):
        return "next", frozenset(
            p.split()[0] for p in _folded((_K if kind == "killed" else _I)["passive_next"])
        )
    if name == "count":
        return "count", QTY_LAST_WORDS
    return None


_NEEDS = [_needs(spec[0], spec[1]) for spec in _SPEC_SOURCES]
# (Whole tokens: a word holding a character that is no letter or digit would be missed.)
if not all(
    w.isalnum()
    for ws in (*_STARTS, *(o[0] for o in (*_OPENS, _MIXED_OPENS) if o), *(n[1] for n in _NEEDS if n))
    if ws
    for w in ws
):
    raise RuntimeError("opening and following words must be letters and digits only")
if any(n.startswith("ال") or " " in n for n in (*_KNOUN, *_INOUN)):
    raise RuntimeError("a killed or injured noun is one word, without the article")
register_anchor_words(_ANCHORS, _ALL_KEYS | {"ال" + k for k in _ALL_KEYS}, digits=False)
_SPECS: list[_Spec] = [
    (k, n, rx, keys, b, a) for (k, n, _, keys, b, a), rx in zip(_SPEC_SOURCES, _spec_rx, strict=True)
]
# "15 بين قتيل وجريح" / "مقتل وإصابة 5 أشخاص من …": a count before, victims after.
_MIXED_REACH = (60, 170)
# Anchor key → the patterns it serves (0: the mixed pattern, then _SPECS in order).
_ROUTES = routes([_MIXED_KEYS, *(spec[3] for spec in _SPECS)])

_LINK_RE = re.compile(_LINK)  # between two victim items
# "مقتل خمسة مدنيين في حرستا وثلاثة في عربين": after a toll and the place its dead fell at (one or
# two words after في/ب), "و" and a figure told at another place: more dead of the same kind.
MORE_AT_ANOTHER_PLACE = re.compile(
    rf"\s+(?:في|ب)\s*[^\s\d.،,؛:()]+(?:\s+(?!و)[^\s\d.،,؛:()]+)?\s+و(?P<q>{QTY})"
    rf"(?:\s+(?:اخرين|اخرون|اخريات){E})?(?=\s+(?:{alternation(_CAS['another_place_words'])}){E})"
)
KILLED_NO_NUMBER = 10  # CODING.md §6: killed, no number given
_CLAUSE_PUNCT = "،,.؛;:()"
_YEARLIKE = re.compile(r"(?:19|20)\d\d")
