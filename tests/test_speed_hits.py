"""Hits built in C when compiled (matcher._new_hit) are the named tuples tuple.__new__ builds:
same type, items, equality, hash, pickling and garbage-collector tracking, and the same hits
as a brute force over the phrases and their clitic chains."""

from __future__ import annotations

import gc
import pickle

from marsad.text.matcher import Hit, PhraseMatcher
from marsad.text.normalize import fold

_PHRASES = {"الرقه": "P1", "دير الزور": "P2", "حلب": "P3", "قصف": "T1"}
_SENTENCES = [
    "قصف الطيران الحربي مدينة الرقه وريف دير الزور صباح اليوم",
    "وفي حلب، قتل ثلاثة مدنيين بقصف مدفعي على بلدة قرب الرقه",
    "للرقه وبحلب وكحلب حلبي الرقهات",
]
_CHAINS = {c + p for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك")}


def _brute(text: str) -> list[tuple[int, int, int, str]]:
    """(start, end, word start, key) of each phrase standing as whole words after a chain (and,
    for a phrase with the article, its لل-contracted form: the phrase less its alef after a lam)."""
    out = []
    for key in _PHRASES:
        forms = [(key, _CHAINS)]
        if key.startswith("ال"):
            forms.append((key[1:], {c + "ل" for c in ("", "و", "ف")}))
        for form, chains in forms:
            i = text.find(form)
            while i >= 0:
                end = i + len(form)
                ws = i
                while ws > 0 and text[ws - 1].isalnum():
                    ws -= 1
                whole = end == len(text) or not text[end].isalnum()
                if whole and text[ws:i] in chains:
                    out.append((i, end, ws, key))
                i = text.find(form, i + 1)
    return sorted(out, key=lambda h: (h[0], -(h[1] - h[0])))


def test_hits_are_the_named_tuples_and_the_brute_force_hits() -> None:
    m: PhraseMatcher[str] = PhraseMatcher()
    for phrase, payload in _PHRASES.items():
        m.add(fold(phrase), payload)
    for sentence in _SENTENCES:
        text = fold(sentence)
        hits = m.find(text)
        assert [(h.start, h.end, h.word_start, h.key) for h in hits] == _brute(text)
        for h in hits:
            same = tuple.__new__(Hit, tuple(h))
            assert type(h) is Hit and h == same and hash(h) == hash(same)
            assert h.payloads == (_PHRASES[h.key],) and h.article is False
            assert gc.is_tracked(h)
            assert pickle.loads(pickle.dumps(h)) == h
            assert h._asdict()["key"] == h.key


def test_segments_are_the_named_tuples() -> None:
    from marsad.text.segment import Segment, all_clauses, sentences

    text = "قتل ثلاثة مدنيين في قصف على ريف حلب، بينما أصيب آخرون. وأعلنت الفصائل مسؤوليتها؛ ثم انسحبت!"
    sents = sentences(text)
    assert [text[s.start : s.end].split()[0] for s in sents] == ["قتل", "وأعلنت"]
    assert [s.index for s in sents] == [0, 1]
    for seg in [*sents, *(c for cl in all_clauses(text, sents) for c in cl)]:
        same = Segment(seg.start, seg.end, seg.index)
        assert type(seg) is Segment and seg == same and hash(seg) == hash(same)
        assert gc.is_tracked(seg) and pickle.loads(pickle.dumps(seg)) == seg


def test_doc_add_makes_the_dataclass_mention() -> None:
    from dataclasses import fields

    from marsad.doc import Doc, Mention

    doc = Doc("قتل ثلاثة مدنيين في قصف على ريف حلب، بينما أصيب آخرون. وأعلنت الفصائل مسؤوليتها.")
    m = doc.add("TRIGGER", 0, 3, "x", weight=0.5)
    same = Mention("TRIGGER", 0, 3, "قتل", "x", 0, 0, {"weight": 0.5})
    assert type(m) is Mention and repr(m) == repr(same) and gc.is_tracked(m)
    assert all(getattr(m, f.name) == getattr(same, f.name) for f in fields(Mention))
    late = doc.add("PLACE", doc.text.index("وأعلنت"), len(doc.text) - 1)
    assert (late.sentence, late.value, late.attrs) == (1, None, {})
    assert doc.get("PLACE") == [late] and doc.in_sentence("TRIGGER", 0) == [m]


def test_folded_index_from_the_gathered_lookup_is_the_character_map() -> None:
    # Folded._lookup gathers what folded_index reads: with deletions only (harakat, tatweel) and
    # with a character folded to several (the lam-alef ligature), as the per-character offsets.
    from marsad.text.normalize import fold_with_map

    texts = [
        "قُتِلَ ثلاثةُ مدنيينَ في قصـــفٍ على «إدلب»",
        "ﻻ تزال الاشتباكات مستمرة، وﻻ أنباء عن قتلى",
        "هجوم بلا ضحايا",
        "",
    ]
    for text in texts:
        f = fold_with_map(text)
        before = (f, repr(f), hash(f))
        offsets = f.offsets
        n = len(f.text)
        for pos in range(len(text) + 2):
            want = next((i for i in range(n) if offsets[i] >= pos), n)
            assert f.folded_index(pos) == want
        # The filled lookup changes neither equality, repr nor hash.
        assert (f, repr(f), hash(f)) == before and fold_with_map(text) == f
