"""The incident index of `link` (issue 11) is exact: on long reports it picks, for every
candidate, the incident a comparison with every incident so far picks, with the same
tie-break; and the explain log stays linear in the report's length."""

from __future__ import annotations

import importlib.util
import random
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from marsad.events import merging
from marsad.events.incidents import Sig, sig_conflict, signature
from marsad.events.linking import (
    Incidents,
    announces_new_incident,
    filing,
    opens_at_own_place,
    opens_with_while,
)
from marsad.models import Article
from marsad.pipeline import default_pipeline

REPO = Path(__file__).resolve().parents[1]


def _gold_texts() -> list[str]:
    spec = importlib.util.spec_from_file_location("extract_snapshot", REPO / "bench" / "extract_snapshot.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return [a.text for a in mod.gold_articles()]


def _long_reports() -> list[Article]:
    texts = _gold_texts()
    rnd = random.Random(11)
    out = []
    for k in range(3):
        order = texts[:] if k == 0 else rnd.sample(texts, len(texts))
        out.append(Article(id=f"long{k}", text="\n".join(order)[:40_000], published="2021-03-01"))
    return out


def _full_scan(doc: Any, incidents: Incidents, c: Any, new_words: Any, while_words: Any = ()) -> Any:
    """`link` as it was: every incident so far, signatures made afresh."""
    if not incidents.items or announces_new_incident(doc, c, new_words):
        return None
    sc = signature(c, incidents.name, incidents.camp)
    # A sentence opening at its own place ("وفي صيدا،") is no telling of an incident with no place.
    moved = sc.specific and opens_at_own_place(doc, c)
    # An act of another kind told "while" one in its sentence ("فيما قصفت …") is a second act.
    told_while = bool(while_words) and opens_with_while(doc, c, while_words)
    best, best_key = None, None
    for pos, e in enumerate(incidents.items):
        se = signature(e, incidents.name, incidents.camp)
        if sig_conflict(se, sc) or (moved and se.place is None):
            continue
        if told_while and se.sub_type != sc.sub_type and c.sentence in e.sentences:
            continue
        key = (int(bool(se.sides & sc.sides)), int(se.event_type == sc.event_type), pos)
        if best_key is None or key > best_key:
            best, best_key = e, key
    return best


def _kept_as_made_afresh(incidents: Incidents, c: Any) -> None:
    """What the index keeps is what an eager index would: each incident filed under its
    signature's key, and a signature kept (not yet dropped by a merge) equal to one made now;
    `signature` sets every field of Sig, as its __init__ would."""
    for pos, e in enumerate([*incidents.items, c]):
        s = signature(e, incidents.name, incidents.camp)
        assert Sig(*(getattr(s, f.name) for f in fields(Sig))) == s  # (an unset field: AttributeError)
        key = (s.family, s.own_date, s.place.country_code if s.place is not None else None)
        assert filing(e) == key
        if pos < len(incidents.items):
            assert incidents._keys[pos] == key
            assert incidents._sigs[pos] in (None, s)


def test_index_links_like_a_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    real = merging.link
    calls = {"linked": 0, "merged": 0}

    def checked(
        doc: Any, incidents: Incidents, c: Any, new_words: Any, offsets: Any = None, while_words: Any = ()
    ) -> Any:
        _kept_as_made_afresh(incidents, c)
        want = _full_scan(doc, incidents, c, new_words, while_words)  # every window sliced: no offsets
        got = real(doc, incidents, c, new_words, offsets, while_words)
        assert got is want
        calls["linked"] += 1
        calls["merged"] += got is not None
        return got

    monkeypatch.setattr(merging, "link", checked)
    p = default_pipeline()
    for art in _long_reports():
        p.extract_article(art)
    assert calls["linked"] > 300 and calls["merged"] > 30


def test_explain_log_stays_linear() -> None:
    p = default_pipeline()
    doc = p(p.make_doc(_long_reports()[0]))
    lines = [line for c in doc.candidates for line in c.log]
    # One line per incident compared, plus two counts: not one per incident of another kind.
    assert len(lines) < 25 * len(doc.candidates)
    assert any("incident(s) of other kinds of event" in line for line in lines)
    assert any("incident(s) told on other days or in other countries" in line for line in lines)
