"""Names joined to one another, for the role assigner (events/roles.py): a list joined by "و" is
one side, unless "بين" opened it; the names listed after a side are its associates; a name after
"مع" is the side fought with."""

from __future__ import annotations

import re

from marsad.doc import Mention
from marsad.events.roles_base import _START
from marsad.text.normalize import fold

# "… من جهة" right after a list (a few words of its own between): the list is one side of a
# "بين … من جهة، و… من جهة أخرى" pair.
_ONE_SIDE_END = re.compile(r"[^،,.؛\n]{0,30}?\sمن\s+جه[ةه](?!\s+أخرى)")


def _partners(
    text: str,
    main: Mention | None,
    pool: list[Mention],
    reciprocal: frozenset[str] = frozenset(),
    heads: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The names listed after `main` with "و" ("الجيش والمقاومة الشعبية ومسلحو القبائل"), also
    with a force noun (`heads`) between ("القوات التركية وفصائل الجيش السوري الحر"): one side,
    not two — unless "بين" opened the list ("اشتباكات بين المقاومة والحوثيين"), or a verb of a
    two-sided act (`reciprocal`) stands right before `main` ("تبادلت القوات التركية ووحدات
    حماية الشعب القصف")."""
    if main is None:
        return []
    joined: list[Mention] = []
    last = main
    for a in sorted(pool, key=_START):
        if a.start < last.end:
            continue
        gap = text[last.end : a.start].strip()
        # (the name's own definite adjective may end it: "قوات الجيش الوطني والمقاومة الشعبية")
        adjective = gap.endswith(" و") and len(gap.split()) == 2 and gap.startswith("ال")
        if (
            gap != "و"
            and not adjective
            and not (a.start - last.end <= 16 and gap.startswith("و") and fold(gap[1:]) in heads)
        ):
            break
        joined.append(a)
        last = a
    # "بين" may stand a few words before the name ("بين قوة من الجيش ومسلحين"): read only when a
    # name follows (most mains have none).
    if not joined:
        return joined
    before = text[max(0, main.start - 40) : main.start].split()
    if any(fold(w) in reciprocal for w in before[-2:]):
        return []
    # (up to an owner's phrase back, within the clause: "بين قوات تابعة لحكومة الوفاق ومجموعة مسلحة")
    near = before[-5:]
    near = near[max((i + 1 for i, w in enumerate(near) if w[-1] in "،,.؛"), default=0) :]
    if any(fold(w).endswith("بين") for w in near) and _ONE_SIDE_END.match(text, last.end) is None:
        # (Unless "من جهة" closes the list: "بين الجيش والمسلحين الموالين له من جهة، والفصائل من
        # جهة أخرى" lists one side, then the other.)
        return []
    return joined


def _after_with(text: str, m: Mention) -> bool:
    """The name follows "مع", a few words of its own apart at most: "معارك مع الحوثيين",
    "اشتباكات مع عناصر ما يسمى مجلس الشورى"."""
    return "مع" in text[max(0, m.start - 30) : m.start].split()[-4:]


def _associates(
    text: str,
    pool: list[Mention],
    assoc: list[Mention],
    a1: Mention | None,
    a2: Mention | None,
    assoc1: list[Mention],
    assoc2: list[Mention],
    known: tuple[Mention | None, list[Mention] | None] = (None, None),
) -> None:
    """Cued associates go with actor1 (into `assoc1`); the other actors listed after a main one
    with "و" go with that side (`assoc1` or `assoc2`). `known`: a main name and its list, when
    the caller has already read it."""
    mains = {x.value for x in (a1, a2) if x is not None}
    used = {id(x) for x in (a1, a2) if x is not None}
    for a in assoc:
        if id(a) not in used and (a1 is None or a.value != a1.value):
            assoc1.append(a)
            used.add(id(a))
    for main, bucket in ((a1, assoc1), (a2, assoc2)):
        if main is None:
            continue
        listed = known[1] if main is known[0] and known[1] is not None else _partners(text, main, pool)
        for a in listed:
            if id(a) not in used and a.value not in mains:
                bucket.append(a)
                used.add(id(a))
