"""The plain lexicon entries (knowledge/entries.py) hold, field by field, what the pydantic models
that validate the knowledge files hold and derive, print as the models did, and survive the
knowledge cache (pickle)."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from marsad.knowledge import entries, lexicon
from marsad.knowledge.lexicon import (
    ActorEntry,
    ActorModel,
    NonEventEntry,
    NonEventModel,
    Phrase,
    PhraseModel,
    TriggerEntry,
    TriggerModel,
    WeaponEntry,
    WeaponModel,
)
from marsad.knowledge.resources import Knowledge

PAIRS: list[tuple[type[Any], type[BaseModel]]] = [
    (ActorEntry, ActorModel),
    (Phrase, PhraseModel),
    (TriggerEntry, TriggerModel),
    (NonEventEntry, NonEventModel),
    (WeaponEntry, WeaponModel),
]


@pytest.fixture(autouse=True)
def _no_user_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(lexicon.ENV_DIR, raising=False)


@pytest.fixture(scope="module")
def loaded() -> list[Any]:
    triggers, non_events = lexicon.load_triggers()
    return [*lexicon.load_actors(), *triggers, *non_events, *lexicon.load_weapons()]


def _model_of(entry: Any) -> BaseModel:
    """The model validated from an entry's own fields (validating cleaned data changes nothing)."""
    model = {type(entry) is e: m for e, m in PAIRS}[True]
    data = {name: getattr(entry, name) for name in model.model_fields}
    if "phrases" in data:
        data["phrases"] = [{"text": p.text, "weight": p.weight} for p in data["phrases"]]
    return model.model_validate(data)


@pytest.mark.parametrize(("entry", "model"), PAIRS)
def test_the_fields_are_the_models_then_what_they_derive(entry: type[Any], model: type[BaseModel]) -> None:
    names = [f.name for f in dataclasses.fields(entry)]
    assert names == [*model.model_fields, *entry._derived]
    assert entry.__slots__ == tuple(names)
    for name in entry._derived:  # derived: neither compared nor printed, as cached properties
        f = next(f for f in dataclasses.fields(entry) if f.name == name)
        assert not f.compare and not f.repr


def test_each_entry_holds_what_its_model_holds_and_derives(loaded: list[Any]) -> None:
    assert loaded
    for e in loaded:
        model = _model_of(e)
        for name in (*type(model).model_fields, *e._derived):
            mine, theirs = getattr(e, name), getattr(model, name)
            if name == "phrases":
                theirs = [Phrase.of(p) for p in theirs]
            assert mine == theirs and type(mine) is type(theirs), (e, name)
        # Mention snapshots print entries: as the models printed themselves.
        expected = repr(model).replace(f"{type(model).__name__}(", f"{type(e).__name__}(")
        assert repr(e) == expected.replace("PhraseModel(", "Phrase(")


def test_entries_have_slots_and_are_frozen(loaded: list[Any]) -> None:
    for e in (loaded[0], loaded[-1]):
        assert not hasattr(e, "__dict__")
        with pytest.raises(dataclasses.FrozenInstanceError):
            e.name = "X"


def test_an_entry_from_keywords_is_validated() -> None:
    data: dict[str, Any] = {"name": "X", "inter": 2, "kind": "rebel", "aliases": ["جيش  العزّة", "جيش العزة"]}
    e = ActorEntry(**data)
    assert e.aliases == ["جيش العزّة", "جيش العزة"]
    assert e.patterns == [("جيش العزه", False)]
    assert e == ActorEntry.validate(data) == ActorEntry.of(ActorModel.model_validate(data))
    with pytest.raises(ValueError, match="does not fit kind"):
        ActorEntry(name="X", inter=1, kind="rebel", aliases=["جيش العزة"])
    t = TriggerEntry(
        event_type="Riots", sub_event_type="Mob violence", phrases=["طوشة*", {"text": "شجار", "weight": 0.5}]
    )
    assert [type(p) for p in t.phrases] == [Phrase, Phrase]
    assert t.weights == {("طوشه", True): 1.0, ("طوشت", True): 1.0, ("شجار", False): 0.5}
    w = WeaponEntry(name="knife", sub_event_type="Attack", aliases=["سكين"])
    assert w.event_type == "Violence against civilians"


def test_entries_survive_pickle(loaded: list[Any]) -> None:
    back = pickle.loads(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == loaded
    for a, b in zip(loaded, back, strict=True):
        assert type(a) is type(b)
        for name in a.__slots__:
            assert getattr(a, name) == getattr(b, name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        back[0].name = "X"


def test_the_knowledge_cache_holds_plain_entries(tmp_path: Path) -> None:
    first = Knowledge(None, str(tmp_path))
    built = (first.actors, first.triggers, first.non_events, first.weapons)
    second = Knowledge(None, str(tmp_path))  # from the cache file
    assert (second.actors, second.triggers, second.non_events, second.weapons) == built
    assert type(second.triggers[0].phrases[0]) is entries.Phrase
    assert [e.weights for e in second.triggers] == [e.weights for e in first.triggers]
    assert [e.government_camp for e in second.actors] == [e.government_camp for e in first.actors]
