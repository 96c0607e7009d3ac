"""Casualty mentions in Arabic news text (CODING.md §6): killed and injured, with the coded figure.

The words live in `knowledge/data/casualties.yaml`; this module turns them into regexes around the
quantity pattern of `recognize.numbers` and reads each match (victims, hedges, negations).

Matching runs on folded text (alef/hamza/ta-marbuta/yaa folded, digits ASCII, marks dropped), so a
lexicon entry written once matches all its spellings; spans are mapped back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.recognize.anchored import finditer_upto, hits_per_pattern, routes, windows_upto
from marsad.recognize.numbers import (
    _HA,
    _HEDGE_AFTER,
    _ONEWORD,
    _WS,
    QTY,
    QTY_LAST_WORDS,
    B,
    E,
    FoldMap,
    _AnchorHit,
    _folded,
    _parse,
    _windows,
    alternation,
    anchor_hits,
    anchor_key,
    anchor_keys,
    compile_patterns,
    extend_marks,
    fast_fold_with_map,
    load_lexicon,
    register_anchor_words,
)
from marsad.recognize.optionals import branch_optionals
from marsad.recognize.window_scan import after_count, followed_by, matches_at, windows_holding, words_at
from marsad.text.tokens import tokens

__all__ = ["KILLED_NO_NUMBER", "MAX_CASUALTY_COUNT", "CasualtyMention", "find_casualties"]

_CAS = load_lexicon("casualties.yaml")


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    start: int
    end: int
    text: str  # the whole casualty expression, original offsets
    kind: str  # "killed" | "injured"
    count: int  # coded figure per CODING.md §6
    exact: bool
    victim: tuple[int, int] | None  # span of the victim noun phrase, original offsets
    hedge: str | None  # "at least" | "about" | "more than" | "range" | None


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
# count stopped at the noun and "صوماليين قتلوا" read as two).
_ADJ_AFTER = (
    r"(?:\s+(?:اثنين|اثنان|اثنتين|اثنتان|اخرين|اخرون|اخران|اخر|اخري|اخرتين)" + E + ")?"
    r"(?:\s+(?:ال)?(?:\w{2,}(?:يين|يون|يان|يتين)|"
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
_LINK = (
    rf"\s+و\s*|(?:\s+(?:{_ATTACH}){E}(?:\s+(?![وف]){_TAIL_WORD}){{1,3}}?"
    rf"|(?:{_MEMBER_END})(?:\s+(?![وف]){_TAIL_WORD})?\s+في(?:\s+(?:في(?=\s+(?:{_IN_NAME}){E})|(?![وف]){_TAIL_WORD})){{1,5}}?"
    rf"|\s+\w+(?:يا|يين|يون|يه|ي){E}|(?:\s+(?!بين|منهم)(?![وف])[^\s،,.؛;:()\[\]]+){{1,2}}?)?"
    rf"(?:\s*[،,])?\s+و\s*(?=(?:{QTY})|(?:{_COUNTED_NOUN}){E})"
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
_NEEDS_LEAD = set(_folded(_CAS["needs_lead"]))
_NEEDS_NOUN = set(_folded(_K.get("needs_noun", [])))
_BODY_LEAD = set(_folded(_K.get("body_lead", [])))
_NEG = set(_folded(_CAS["negations"]))
_NOT_DEATH = set(_folded(_CAS["not_death_before"]))
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
    if kind == "killed":
        frame_open = alternation(group["frame"]["open"])
        frame_close = alternation(group["frame"]["close"])
        specs.append(
            (
                "frame",
                # "لقي 5 أشخاص اليوم الأربعاء مصرعهم": a short time phrase may stand before the close.
                rf"{B}{_CL}(?P<m>(?P<cue>{frame_open}){E}\s+(?P<vic>{_VICTIMS})(?:\s+[^\s.،,]+){{0,3}}?\s+(?:{frame_close}){E})",
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
if not all(w.isalnum() for ws in (*_STARTS, *(n[1] for n in _NEEDS if n)) if ws for w in ws):
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
KILLED_NO_NUMBER = 10  # CODING.md §6: killed, no number given
_CLAUSE_PUNCT = "،,.؛;:()"
_YEARLIKE = re.compile(r"(?:19|20)\d\d")


def _strip_clitics(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def _preceding_tokens(s: str, pos: int, n: int) -> list[str]:
    """Up to n word tokens before pos, stopping at clause punctuation: the whitespace-separated
    words after the last of it within 60 characters, nearest first. (What reading the stretch's
    words and punctuation marks one by one, backwards, gave: \\s is str.isspace.)"""
    seg = s[max(0, pos - 60) : pos]
    cut = -1
    for c in _CLAUSE_PUNCT:
        at = seg.rfind(c)
        if at > cut:
            cut = at
    words = seg[cut + 1 :].split()
    return words[: -n - 1 : -1] if len(words) > n else words[::-1]


def _victims(
    f: FoldMap, s: str, start: int, end: int
) -> tuple[int, bool, str | None, tuple[int, int] | None] | None:
    """Count the victim items in s[start:end] → (count, exact, hedge, victim span) or None."""
    total, exact, hedge = 0, True, None
    vic_start: int | None = None
    vic_end = start
    pos = start
    items = 0
    noun_seen = False
    # Each item's match is read once: the one that checked what follows a link is the next
    # item's, and the first item's is kept for the victim span.
    nxt: re.Match[str] | None = None
    first: re.Match[str] | None = None
    while pos < end:
        m = nxt if nxt is not None else _VITEM_RE.match(s, pos, end)
        nxt = None
        if pos == start:
            first = m
        if not m or m.end() == pos:
            break
        q_txt, noun = m.group("q"), m.group("n")
        if not q_txt and not noun:
            break
        items += 1
        if noun:
            noun_seen = True
            cls = _V_CLASS.get(_WS.sub(" ", noun), "plural")
        adj = (m.group("adj") or "").strip()
        if q_txt:
            parsed = _parse(q_txt)
            if parsed is None:
                return None
            qv, h = parsed
            if qv.exact and _YEARLIKE.fullmatch(q_txt.strip()) and not noun:
                return None  # "العام 2011" next to a cue is a year, not a toll
            total += qv.value
            exact = exact and qv.exact
            hedge = hedge or h
        elif m.group("one"):
            total += 1
        elif noun:
            if cls == "singular":
                total += 1
            elif cls == "dual":
                total += 2
            elif cls == "ambiguous":
                # مدنيين reads as "two civilians" or "civilians": code the lower reading.
                total += 2
                exact = exact and adj in ("اثنين", "اثنان", "اثنتين", "اثنتان")
            else:
                total += 10  # a plural with no figure: "killed but no number" (§6)
                exact = False
        if m.group("ha"):
            hedge = hedge or _HEDGE_AFTER.get(_WS.sub(" ", m.group("ha")))
            exact = False
        if noun and vic_start is None:
            vic_start = m.start()
        if noun or q_txt:
            vic_end = m.end() if (noun or adj) else vic_end
            if vic_start is None and noun:
                vic_start = m.start()
        pos = m.end()
        j = _LINK_RE.match(s, pos, end)  # in place: a slice copied the rest of the window
        if not j:
            break
        nxt = _VITEM_RE.match(s, j.end(), end)
        if not nxt or not (nxt.group("q") or nxt.group("n")):
            break
        pos = j.end()
    if items == 0:
        return None
    if noun_seen and vic_start is not None:
        # Keep the genitive continuation ("من قوات النظام") in the victim span.
        vic_end = max(vic_end, end)
        if first is not None and first.group("q"):
            vic_start = start
        span = f.to_original(vic_start, vic_end)
        victim: tuple[int, int] | None = span
    else:
        victim = None
    return total, exact, hedge, victim


def _mention(text: str, f: FoldMap, kind: str, a: int, b: int, count: int, exact: bool,
             victim: tuple[int, int] | None, hedge: str | None) -> CasualtyMention:  # fmt: skip
    o_start, o_end = f.to_original(a, b)
    o_end = extend_marks(text, o_end)
    if victim is not None:
        victim = (victim[0], extend_marks(text, victim[1]))
    return CasualtyMention(o_start, o_end, text[o_start:o_end], kind, count, exact, victim, hedge)


def _interpret(kind: str, name: str, m: re.Match[str], text: str, f: FoldMap) -> list[CasualtyMention]:
    """The mention(s) one pattern match stands for, or none when the match is no casualty."""
    s = f.text
    a, b = m.span("m")
    g = m.groupdict()
    if name in ("lead", "frame", "after", "passive", "passive_member", "active"):
        res = _victims(f, s, *m.span("vic"))
        if res is None:
            return []
        count, exact, hedge, victim = res
        cue = _WS.sub(" ", g["cue"])
        if victim is None and (
            cue in _NEEDS_NOUN or cue in _BODY_LEAD or name in ("after", "passive", "passive_member")
        ):
            return []  # "قضى 3 سنوات": these need a person noun
        if g.get("wq") and (parsed := _parse(g["wq"])) is not None:
            count, exact = count + parsed[0].value, exact and parsed[0].exact  # and his companions
        return [_mention(text, f, kind, a, b, count, exact, victim, hedge)]
    if name == "count":
        parsed = _parse(g["q"])
        if parsed is None or _YEARLIKE.fullmatch(g["q"].strip()):
            return []
        qv, hedge = parsed
        exact = qv.exact
        if g.get("ha2"):
            hedge, exact = hedge or _HEDGE_AFTER.get(_WS.sub(" ", g["ha2"])), False
        out = [_mention(text, f, kind, a, b, qv.value, exact, None, hedge)]
        # "عدد كبير من القتلى والجرحى": the same vague figure for the other kind.
        tail = _TAIL_OTHER[kind].match(s, b)
        if tail and not qv.exact:
            other = "injured" if kind == "killed" else "killed"
            out.append(_mention(text, f, other, *tail.span("n2"), qv.value, False, None, hedge))
        return out
    if name == "bare":
        noun = _WS.sub(" ", g["noun"])
        if noun in _NEEDS_LEAD and not g.get("weak"):
            return []
        cls = (_KNOUN if kind == "killed" else _INOUN).get(noun, "plural")
        count, exact = {"singular": (1, True), "dual": (2, True)}.get(cls, (10, False))
        return [_mention(text, f, kind, a, b, count, exact, None, None)]
    if name == "toll":
        if g.get("q"):
            parsed = _parse(g["q"])
            if parsed is None or _YEARLIKE.fullmatch(g["q"].strip()):
                return []
            qv, hedge = parsed
            return [_mention(text, f, kind, a, b, qv.value, qv.exact, None, hedge)]
        if g.get("tl"):  # "ارتفاع عدد القتلى" with no figure: killed, number unknown
            return [_mention(text, f, kind, a, b, 10, False, None, None)]
        return []
    if name == "single":
        if g.get("q"):
            parsed = _parse(g["q"])
            if parsed is not None:
                qv, hedge = parsed
                return [_mention(text, f, kind, a, b, 1 + qv.value, qv.exact, None, hedge)]
        elif g.get("vic"):
            companion = _V_CLASS.get(_WS.sub(" ", g["vic"]), "singular")
            count, exact = {"singular": (2, True), "dual": (3, True)}.get(companion, (3, False))
            return [_mention(text, f, kind, a, b, count, exact, None, None)]
        return [_mention(text, f, kind, a, b, 1, True, None, None)]
    if name == "named_count":
        between = s[m.end("cue") : m.start("q")].split()
        parsed = _parse(g["q"])
        if parsed is None or any(
            _V_CLASS.get(w, "singular") != "singular" or _parse(w) is not None for w in between
        ):
            # Victims counted by a plural noun or a figure before: the lead pattern reads them
            # (one man named by a noun is still the one: "قتل قيادي في داعش مع أربعة من مرافقيه").
            return []
        qv, hedge = parsed
        return [_mention(text, f, kind, a, b, 1 + qv.value, qv.exact, None, hedge)]
    if name == "named":
        between = s[m.end("cue") : m.start("vic")].split()
        if any(w in _V_CLASS or w in ("بينهم", "منهم") or _parse(w) is not None for w in between):
            return []  # victims counted by a noun or a figure: the lead pattern reads them
        companion = _V_CLASS.get(_WS.sub(" ", g["vic"]), "singular")
        count, exact = {"singular": (2, True), "dual": (3, True)}.get(companion, (3, False))
        return [_mention(text, f, kind, a, b, count, exact, None, None)]
    return []


def _vague_count(victims: str | None) -> int | None:
    """The figure of a vague count word heading the victims ("العشرات", "عشرات من"), else None."""
    if not victims:
        return None
    words = victims.split()
    for n in (2, 1):
        parsed = _parse(" ".join(words[:n]))
        if parsed is not None:
            return None if parsed[0].exact else KILLED_NO_NUMBER
    return None


# Plausibility bound: a figure above it is not coded as an event's fatalities or injuries (the
# mention is dropped, as if no figure were given). Single events reported in the news stay far
# below it; cumulative tolls of whole wars ("500 ألف قتيل منذ 2011") and garbled digits exceed it.
MAX_CASUALTY_COUNT = 100_000


def find_casualties(text: str) -> list[CasualtyMention]:
    """Killed and injured mentions, sorted by position, non-overlapping within each kind."""
    f = fast_fold_with_map(text)
    s = f.text
    hits = anchor_hits(s, _ANCHORS)
    if not hits:
        return []
    # Each pattern's hits (index 0: the mixed pattern, then _SPECS'): most have none.
    picked = hits_per_pattern(hits, _ROUTES, 1 + len(_SPECS))
    # The report's shared words, for the patterns that reach further after their anchor than
    # before it: tried only where a match can start (anchored.py). (Not with a "_", which \w
    # counts as a letter and the words do not.)
    toks = tokens(s) if "_" not in s else None

    def found(
        rx: re.Pattern[str],
        hits_of: list[_AnchorHit],
        before: int,
        after: int,
        starts: frozenset[str] | None = None,
        needs: tuple[str, frozenset[str]] | None = None,
    ) -> Iterator[re.Match[str]]:
        """rx's matches in the windows around its hits (tried only where one of the words
        `starts` starts, when given; only in the windows holding a hit as `needs` has it,
        when given: _needs)."""
        if toks is not None and after > before:
            windows = windows_upto(s, hits_of, before, after)
            if starts is not None:
                at = [p for p, w in opening if w in starts]
                for wa, wb, last in windows:
                    yield from matches_at(rx, s, at, wa, wb, last)
            else:
                for wa, wb, last in windows:
                    yield from finditer_upto(rx, s, toks, wa, wb, last)
        else:
            plain = _windows(s, hits_of, before, after)
            if needs is not None and toks is not None:
                how, words = needs
                if how == "next":
                    at = followed_by(s, toks, [h[1] for h in hits_of], words)
                else:
                    at = after_count(toks, hits_of, words)
                plain = windows_holding(plain, at)
            for wa, wb in plain:
                yield from rx.finditer(s, wa, wb)

    def matches(
        rx: re.Pattern[str],
        hits_of: list[_AnchorHit],
        before: int,
        after: int,
        starts: frozenset[str] | None = None,
        needs: tuple[str, frozenset[str]] | None = None,
    ) -> Iterator[tuple[re.Match[str], list[str]]]:
        """The matches not negated, each with the (up to 4) words before it, nearest first."""
        for m in found(rx, hits_of, before, after, starts, needs):
            prev = _preceding_tokens(s, m.start("m"), 4)
            if any(_strip_clitics(t) in _NEG or t in _NEG for t in prev):
                continue  # "دون وقوع إصابات", "لم يسفر عن قتلى"
            yield m, prev

    # The opening words of the patterns tried word by word, read once for all of them.
    opening = words_at(toks, _ALL_OPENING) if toks is not None else []
    cands: list[CasualtyMention] = []
    for m, _ in matches(_MIXED, picked[0], *_MIXED_REACH) if picked[0] is not None else ():
        a, b = m.span("m")
        vague = _vague_count(m.group("vic"))
        for kind in ("killed", "injured"):
            # Only "at least one of each" is certain in a killed-plus-injured total (§6: lowest);
            # with a vague count ("مقتل وجرح العشرات") the deaths are "killed, no number" (§6: 10).
            if kind == "killed" and vague is not None:
                cands.append(_mention(text, f, kind, a, b, vague, False, None, None))
            else:
                cands.append(_mention(text, f, kind, a, b, 1, False, None, "at least"))
    for (kind, name, rx, _, before, after), hits_of, starts, needs in zip(
        _SPECS, picked[1:], _STARTS, _NEEDS, strict=True
    ):
        if hits_of is None:
            continue
        for m, prev in matches(rx, hits_of, before, after, starts, needs):
            if kind == "killed" and prev and _strip_clitics(prev[0]) in _NOT_DEATH:
                continue  # "محاولة اغتيال", "ذكرى مقتل"
            cands.extend(_interpret(kind, name, m, text, f))

    # Per kind: earliest start first, longest first at a tie, then the largest count (the one
    # named and his companions, "قتل القيادي أبو حمزة مع أربعة من مرافقيه": 5, not the count's 4);
    # drop what overlaps a kept mention.
    out: list[CasualtyMention] = []
    for kind in ("killed", "injured"):
        last_end = -1
        for c in sorted(
            (c for c in cands if c.kind == kind), key=lambda c: (c.start, -(c.end - c.start), -c.count)
        ):
            if c.count > MAX_CASUALTY_COUNT:
                continue  # not a count of one event's victims (a war's toll, a typo, a hostile input)
            if c.start >= last_end:
                out.append(c)
                last_end = c.end
    out.sort(key=lambda c: (c.start, c.kind != "killed"))
    return out
