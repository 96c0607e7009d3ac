"""The lexicon entries extraction reads: plain frozen dataclasses with slots.

lexicon.py validates every entry of the knowledge files with a pydantic model (ActorModel …) and
hands over one of these. A pydantic model answers every attribute read through its `__getattr__`
hook, ~390 instructions a read, and the entries are read in the hot loops of extraction
(`t.value.event_type`, `k.actors[m.value].kind`): ~3 % of all instructions (issue 11). A slot is
read directly. What a model derives from its fields (patterns, weights, government camp …) is
read from it once, when the entry is made, and goes into the knowledge cache with the entry.

The fields, in the models' order, print as the models did (mention snapshots print entries);
tests/test_lexicon_entries.py holds them to the models.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

    from marsad.knowledge.lexicon import ActorKind, NonEventKind, Pattern


def _model(name: str) -> type[BaseModel]:
    # lexicon.py imports this module: its models are looked up when an entry is validated.
    from marsad.knowledge import lexicon

    return getattr(lexicon, name)  # type: ignore[no-any-return]


class _Entry:
    """An entry made from a validated model: its fields, then what the model derives."""

    __slots__ = ()
    _model: ClassVar[str]  # the pydantic model of lexicon.py that validates this kind of entry
    _derived: ClassVar[tuple[str, ...]]  # what that model derives from its fields

    def __init__(self, **data: Any) -> None:
        """The entry `data` makes, validated and cleaned as an entry of a knowledge file is
        (pydantic's ValidationError, a ValueError, if it is not valid)."""
        self._take(_model(self._model).model_validate(data))

    @classmethod
    def validate(cls, data: dict[str, Any]) -> Self:
        """`cls(**data)`: the entry of the data of one entry of a knowledge file."""
        return cls.of(_model(cls._model).model_validate(data))

    @classmethod
    def of(cls, model: BaseModel) -> Self:
        """The entry of a validated model."""
        entry = cls.__new__(cls)
        entry._take(model)
        return entry

    def _take(self, model: BaseModel) -> None:
        # Frozen: the fields are set through object.__setattr__, as dataclasses do.
        for name in type(model).model_fields:
            value = getattr(model, name)
            if name == "phrases":  # a trigger's phrases are plain too
                value = [Phrase.of(p) for p in value]
            object.__setattr__(self, name, value)
        for name in self._derived:
            object.__setattr__(self, name, getattr(model, name))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (the knowledge cache) as its class and values, restored in one call: dataclasses'
        # own setstate lists the fields anew for each entry, and made loading the cache slower.
        return (_restore, (type(self), tuple(getattr(self, name) for name in self.__slots__)))


_E = TypeVar("_E", bound=_Entry)


def _restore(cls: type[_E], values: tuple[Any, ...]) -> _E:
    entry = cls.__new__(cls)
    for name, value in zip(cls.__slots__, values, strict=True):
        object.__setattr__(entry, name, value)
    return entry


# Derived fields: neither compared nor printed, as the models' cached properties were not.
_DERIVED: Any = {"compare": False, "repr": False}


@dataclass(frozen=True, slots=True, init=False)
class ActorEntry(_Entry):
    """One canonical actor (CODING.md §3) with its Arabic aliases (fields: lexicon.ActorModel)."""

    _model: ClassVar[str] = "ActorModel"
    _derived: ClassVar[tuple[str, ...]] = ("government_camp", "shared_folded", "patterns")

    name: str
    inter: int
    kind: ActorKind
    country: str | None
    country_qualified: bool
    template: bool
    government_ally: bool
    rival_government: bool
    de_facto_authority: bool
    supports: list[str]
    target_only: bool
    agent_only: bool
    civilians_when_hit: bool
    unclaimed_cross_border_fire: bool
    generic_names: bool
    generic_air_names: bool
    branches: dict[str, str]
    shared_names: list[str]
    aliases: list[str]
    note: str | None
    # The countries on whose government's side the actor fights (ActorModel.government_camp).
    government_camp: frozenset[str] = field(**_DERIVED)
    shared_folded: frozenset[str] = field(**_DERIVED)  # shared_names, folded
    patterns: list[Pattern] = field(**_DERIVED)

    def shares_camp(self, other: ActorEntry) -> bool:
        """Whether both fight on the side of one country's government."""
        return not self.government_camp.isdisjoint(other.government_camp)

    def display_name(self, event_country: str | None = None) -> str:
        """The name written to actor1/actor2 for an event in `event_country` (English short name)."""
        if self.template:
            return self.name.replace("{country}", event_country or "").replace(" ()", "").strip()
        if self.country_qualified and event_country:
            return f"{self.name} ({event_country})"
        return self.name


@dataclass(frozen=True, slots=True, init=False)
class Phrase(_Entry):
    """A trigger phrase; `weight` < 1 marks ambiguous words that should yield to stronger cues."""

    _model: ClassVar[str] = "PhraseModel"
    _derived: ClassVar[tuple[str, ...]] = ("patterns",)

    text: str
    weight: float
    patterns: list[Pattern] = field(**_DERIVED)


@dataclass(frozen=True, slots=True, init=False)
class TriggerEntry(_Entry):
    """Words and phrases that signal one sub-event type (CODING.md §2)."""

    _model: ClassVar[str] = "TriggerModel"
    _derived: ClassVar[tuple[str, ...]] = ("patterns", "weights")

    event_type: str
    sub_event_type: str
    phrases: list[Phrase]
    patterns: list[Pattern] = field(**_DERIVED)
    weights: dict[Pattern, float] = field(**_DERIVED)  # per pattern, the highest of its phrases'


@dataclass(frozen=True, slots=True, init=False)
class NonEventEntry(_Entry):
    """Words that make a clause a non-event (CODING.md §1: reinforcements, funerals, threats…)."""

    _model: ClassVar[str] = "NonEventModel"
    _derived: ClassVar[tuple[str, ...]] = ("patterns",)

    kind: NonEventKind
    phrases: list[Phrase]
    patterns: list[Pattern] = field(**_DERIVED)


@dataclass(frozen=True, slots=True, init=False)
class WeaponEntry(_Entry):
    """A weapon label for Event.weapons, and the sub-event type it decides (if it decides one)."""

    _model: ClassVar[str] = "WeaponModel"
    _derived: ClassVar[tuple[str, ...]] = ("event_type", "patterns")

    name: str
    sub_event_type: str | None
    aliases: list[str]
    event_type: str | None = field(**_DERIVED)  # the sub-event type's
    patterns: list[Pattern] = field(**_DERIVED)
