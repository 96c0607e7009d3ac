"""Typed loader for marsad's knowledge base: actors, event triggers and weapons.

The lexicons are plain YAML under `knowledge/data/` so that users can extend them without touching
code. Each entry keeps its aliases as written (for people) and exposes `patterns`, the folded keys
the matcher indexes: `(fold(alias without "*"), is_prefix)`.

Loading order: the packaged file, then `$MARSAD_KNOWLEDGE_DIR/<name>.yaml` if set, then any paths
passed by the caller. A later entry with the same key (actor/weapon name, trigger sub-event type,
non-event kind) extends the earlier one: scalar fields override, aliases/phrases are appended,
`remove:` drops some, and `replace: true` starts afresh. An alias a later file gives to another
(non-template) actor moves to that actor, so user files win over the packaged data.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from marsad.knowledge.entries import ActorEntry, NonEventEntry, TriggerEntry, WeaponEntry
from marsad.knowledge.entries import Phrase as Phrase  # (a TriggerEntry's phrases)
from marsad.text.normalize import fold

ENV_DIR = "MARSAD_KNOWLEDGE_DIR"
SUPPORTED_VERSIONS = frozenset({1})

# CODING.md §2: every sub-event type and the event type it belongs to (25 in all).
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Chemical weapon": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Sexual violence": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))

# CODING.md §2: the disorder type follows from the event type.
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

ActorKind = Literal[
    "state", "police", "rebel", "militia", "identity", "external",
    "civilians", "protesters", "rioters", "unidentified",
]  # fmt: skip
NonEventKind = Literal[
    "reinforcement",
    "funeral",
    "threat",
    "condemnation",
    "plan",
    "trend",
    "statement",
    "movement",
    "mourning",
    "neutral",  # an idiom that contains a cue word ("هدوء حذر"): matched so the word is not read
    "accident",  # an accidental cause ("ماس كهربائي"): the explosion told with it is no attack
    "charge",  # an accusation or a record ("المتهم باختطاف طائرة"): what it names is not news
    "record",  # a monitor's record ("وثق المرصد"): a tally, unless the sentence gives the day
]

# Which inter codes (CODING.md §3) make sense for each kind; catches typos in user files.
# State forces stay 1 here: the coder turns 1 into 8 when a force acts outside its own country.
_KIND_INTER: dict[str, frozenset[int]] = {
    "state": frozenset({1}),
    "police": frozenset({1}),
    "rebel": frozenset({2}),
    "militia": frozenset({3, 4}),
    "identity": frozenset({4}),
    "external": frozenset({8}),
    "civilians": frozenset({7}),
    "protesters": frozenset({6}),
    "rioters": frozenset({5}),
    "unidentified": frozenset({2, 3, 4, 8}),
}

Pattern = tuple[str, bool]


class LexiconError(ValueError):
    """A knowledge file is malformed; the message names the file and the entry."""


# ---------------------------------------------------------------------------------------------
# Aliases and patterns


def _clean_alias(alias: object) -> str:
    """Validate one alias/phrase as written and collapse its whitespace."""
    if not isinstance(alias, str):
        raise ValueError(f"alias {alias!r} is not a string")
    a = " ".join(alias.split())
    body = a[:-1] if a.endswith("*") else a
    if "*" in body:
        # The matcher's pattern is (key, is_prefix): only the last word can be open-ended.
        raise ValueError(f"alias {alias!r}: '*' is only allowed at the very end")
    if not body or body != body.strip():
        raise ValueError(f"alias {alias!r}: empty, or a space before '*'")
    if not fold(body):
        raise ValueError(f"alias {alias!r} folds to nothing")
    return a


def _alias_list(v: object) -> list[str]:
    """Aliases as written, cleaned, duplicates dropped (order kept)."""
    if not isinstance(v, list):
        raise ValueError("aliases must be a list")
    return list(dict.fromkeys(_clean_alias(a) for a in v))


def alias_patterns(alias: str) -> list[Pattern]:
    """The matcher keys of one alias: `(fold(alias without the trailing "*"), is_prefix)`.

    An open-ended word in ta marbuta also gets its ت stem, because suffixes turn ة into ت
    (غارة* → غارتين، غارته; إدانة* → إدانته): both "غاره" and "غارت" become prefix keys.
    """
    if not alias.endswith("*"):
        return [(fold(alias), False)]
    body = alias[:-1]
    keys = [fold(body)]
    if body.endswith("ة"):
        keys.append(fold(body[:-1] + "ت"))
    return [(k, True) for k in keys]


def _patterns(aliases: Iterable[str]) -> list[Pattern]:
    # Spellings that fold alike (الإسرائيلي/الاسرائيلي) collapse into one pattern.
    return list(dict.fromkeys(p for a in aliases for p in alias_patterns(a)))


class _Model(BaseModel):
    """Validates one entry of a knowledge file: the pipeline gets the plain entry it makes
    (entries.py: a pydantic model's attribute reads cost ~3 % of extraction, issue 11)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------------------------
# Actors


class ActorModel(_Model):
    """One canonical actor (CODING.md §3) with its Arabic aliases (made into an ActorEntry)."""

    @cached_property
    def government_camp(self) -> frozenset[str]:
        """The countries on whose government's side the actor fights: its own state's (state
        and police forces, government allies) and those it `supports` (found once per entry)."""
        own = (
            {self.country}
            if self.country and (self.kind in ("state", "police") or self.government_ally)
            else set()
        )
        if self.rival_government:
            own = {f"{self.country} (rival)"}  # the other government's camp, not the state's
        return frozenset(own | set(self.supports))

    name: str = Field(min_length=1)
    inter: int = Field(ge=1, le=8)
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-2 of the home state; None if transnational
    country_qualified: bool = False  # output "<name> (<event country>)", e.g. Islamic State (Syria)
    template: bool = False  # `{country}` in the name is filled from the event's country
    # Fights on the state's side in its own country (CODING.md §2: "state forces or their allies
    # retake a place" is Government regains territory): pro-government militias and resistance.
    government_ally: bool = False
    # The forces of a rival government in its own country (Libya's LNA beside the Tripoli
    # government): state forces that fight the country's other state forces, in a camp of their own.
    rival_government: bool = False
    # Holds and polices territory as a de facto authority (the Houthis in Sanaa, the SDF in the
    # north-east of Syria): the detentions it makes are arrests (ACLED: "state forces or other
    # actors exercising de facto control over a territory"), not abductions.
    de_facto_authority: bool = False
    # Countries whose government (its forces and allies) this foreign actor fights alongside: its
    # air strikes there do not hit them (the Saudi-led coalition in Yemen, Russia in Syria).
    supports: list[str] = Field(default_factory=list)
    # Named only as what an attack hit (a checkpoint, a military convoy): the forces that hold it
    # are the side acted upon, never the attacker or a force that intervened.
    target_only: bool = False
    # Named only as an act's author: a name too often the thing talked about to be read elsewhere
    # (bare "التحالف", the alliance of any report) counts only right after an act noun with its lam
    # or an attacking verb ("غارة للتحالف", "شن التحالف غارات"; cues agent_before).
    agent_only: bool = False
    # An armed community whose members, when they are the side hit, are civilians of its country
    # (settlers shot at on a road: ACLED codes them Civilians (Israel)); when they act, itself.
    civilians_when_hit: bool = False
    # Fire aimed from its country at another that the report leaves unclaimed is this group's
    # (missiles and drones from Yemen at Saudi Arabia: ACLED codes them the Houthis').
    unclaimed_cross_border_fire: bool = False
    # A state force the bare army words of its country's reports (الجيش، الجنود) may stand for.
    generic_names: bool = True
    # A state force its country's reports mean by a bare air force or aircraft ("الطيران الحربي",
    # "طائرة مسيرة"): false where those are another state's (Lebanon's skies: Israel's).
    generic_air_names: bool = True
    # The regional branch the generic name stands for in a country (ISO alpha-2 → actor name).
    branches: dict[str, str] = Field(default_factory=dict)
    # Aliases that other states' forces go by too ("جهاز الأمن الوطني", "الأمن المركزي", "الحرس
    # الوطني"): in a report set in another country they are that country's forces of this kind.
    shared_names: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, v: object) -> object:
        return _alias_list(v)

    @field_validator("country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is not None and (len(v) != 2 or not v.isalpha() or not v.isupper()):
            raise ValueError(f"country {v!r} is not an ISO 3166-1 alpha-2 code (e.g. SY)")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> ActorModel:
        has_slot = "{country}" in self.name
        if self.template and not has_slot:
            raise ValueError("a template's name must contain {country}")
        if not self.template and has_slot:
            raise ValueError("a name with {country} must set template: true")
        if self.template and (self.country is not None or self.country_qualified):
            raise ValueError("a template takes its country from the event: no country/country_qualified")
        if self.shared_names and (self.template or self.country is None):
            raise ValueError("shared_names are for one country's forces (a country, no template)")
        if self.inter not in _KIND_INTER[self.kind]:
            allowed = sorted(_KIND_INTER[self.kind])
            raise ValueError(f"inter {self.inter} does not fit kind {self.kind!r} (expected {allowed})")
        return self

    @cached_property
    def shared_folded(self) -> frozenset[str]:
        """shared_names, folded as mention texts are compared."""
        return frozenset(fold(n) for n in self.shared_names)

    @cached_property
    def patterns(self) -> list[Pattern]:
        return _patterns(self.aliases)


# ---------------------------------------------------------------------------------------------
# Triggers and non-events


class PhraseModel(_Model):
    """A trigger phrase; `weight` < 1 marks ambiguous words that should yield to stronger cues."""

    text: str
    weight: float = Field(default=1.0, gt=0.0, le=1.0)

    @field_validator("text")
    @classmethod
    def _text(cls, v: str) -> str:
        return _clean_alias(v)

    @cached_property
    def patterns(self) -> list[Pattern]:
        return alias_patterns(self.text)


def _phrase_patterns(phrases: list[PhraseModel]) -> list[Pattern]:
    # _patterns(p.text for p in phrases), made of the phrases' own keys: the plain entries keep
    # both, and the knowledge cache then holds each key once.
    return list(dict.fromkeys(key for p in phrases for key in p.patterns))


def _phrases(v: object) -> object:
    # A phrase is written either as a bare string or as {text: ..., weight: ...}.
    if not isinstance(v, list):
        raise ValueError("phrases must be a list")
    out: dict[str, object] = {}
    for p in v:
        key = p if isinstance(p, str) else p.get("text") if isinstance(p, dict) else None
        if key is None:
            raise ValueError(f"phrase {p!r} is neither a string nor a mapping with 'text'")
        out[" ".join(str(key).split())] = {"text": p} if isinstance(p, str) else p
    return list(out.values())


class TriggerModel(_Model):
    """Words and phrases that signal one sub-event type (CODING.md §2)."""

    event_type: str
    sub_event_type: str
    phrases: list[PhraseModel] = Field(min_length=1)

    @field_validator("phrases", mode="before")
    @classmethod
    def _norm_phrases(cls, v: object) -> object:
        return _phrases(v)

    @model_validator(mode="after")
    def _known_type(self) -> TriggerModel:
        expected = SUB_EVENT_TYPES.get(self.sub_event_type)
        if expected is None:
            raise ValueError(f"unknown sub_event_type {self.sub_event_type!r} (see CODING.md §2)")
        if expected != self.event_type:
            raise ValueError(f"{self.sub_event_type!r} belongs to {expected!r}, not {self.event_type!r}")
        return self

    @cached_property
    def patterns(self) -> list[Pattern]:
        return _phrase_patterns(self.phrases)

    @cached_property
    def weights(self) -> dict[Pattern, float]:
        """Weight per pattern (the highest when two spellings fold alike)."""
        out: dict[Pattern, float] = {}
        for p in self.phrases:
            for key in p.patterns:
                out[key] = max(out.get(key, 0.0), p.weight)
        return out


class NonEventModel(_Model):
    """Words that make a clause a non-event (CODING.md §1: reinforcements, funerals, threats…)."""

    kind: NonEventKind
    phrases: list[PhraseModel] = Field(min_length=1)

    @field_validator("phrases", mode="before")
    @classmethod
    def _norm_phrases(cls, v: object) -> object:
        return _phrases(v)

    @cached_property
    def patterns(self) -> list[Pattern]:
        return _phrase_patterns(self.phrases)


# ---------------------------------------------------------------------------------------------
# Weapons


class WeaponModel(_Model):
    """A weapon label for Event.weapons, and the sub-event type it decides (if it decides one)."""

    name: str = Field(min_length=1)
    sub_event_type: str | None = None
    aliases: list[str] = Field(min_length=1)

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, v: object) -> object:
        return _alias_list(v)

    @field_validator("sub_event_type")
    @classmethod
    def _sub(cls, v: str | None) -> str | None:
        if v is not None and v not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown sub_event_type {v!r} (see CODING.md §2)")
        return v

    @property
    def event_type(self) -> str | None:
        return SUB_EVENT_TYPES.get(self.sub_event_type) if self.sub_event_type else None

    @cached_property
    def patterns(self) -> list[Pattern]:
        return _patterns(self.aliases)


# ---------------------------------------------------------------------------------------------
# Files


def data_path(name: str) -> Path:
    """The packaged data file `name` ("actors.yaml", or just "actors")."""
    if not name.endswith((".yaml", ".yml")):
        name += ".yaml"
    return Path(str(resources.files("marsad.knowledge") / "data" / name))


def source_files(name: str, paths: Sequence[Path | str] | None = None, packaged: bool = True) -> list[Path]:
    """The files to load for `name`, in order: packaged, $MARSAD_KNOWLEDGE_DIR, then `paths`."""
    out: list[Path] = [data_path(name)] if packaged else []
    env = os.environ.get(ENV_DIR)
    if env:
        candidate = Path(env) / name
        if candidate.is_file():
            out.append(candidate)
    for p in paths or ():
        p = Path(p)
        # A folder stands for its file of the same name, like $MARSAD_KNOWLEDGE_DIR.
        out.append(p / name if p.is_dir() else p)
    return out


# The C safe loader when libyaml is there (7-10x faster on these files); same safe semantics and,
# on every knowledge file, the very same data as the pure-Python one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | IO[str]) -> Any:
    """yaml.safe_load, with libyaml's loader when available: every knowledge file reads through it."""
    return yaml.load(source, Loader=_LOADER)


_safe_load = load_yaml


def _read(path: Path, section: str) -> list[dict[str, Any]]:
    try:
        doc = _safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise LexiconError(f"{path}: cannot read: {e}") from e
    except yaml.YAMLError as e:
        raise LexiconError(f"{path}: not valid YAML: {e}") from e
    if doc is None:
        return []
    if not isinstance(doc, dict):
        raise LexiconError(f"{path}: expected a mapping with 'version' and '{section}'")
    version = doc.get("version", 1)
    if version not in SUPPORTED_VERSIONS:
        raise LexiconError(
            f"{path}: unsupported version {version!r} (supported: {sorted(SUPPORTED_VERSIONS)})"
        )
    items = doc.get(section) or []
    if not isinstance(items, list):
        raise LexiconError(f"{path}: '{section}' must be a list")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise LexiconError(f"{path}: {section}[{i}] is not a mapping")
    return items


@dataclass
class _Slot:
    """One entry being assembled from one or more files."""

    raw: dict[str, Any]
    sources: list[str] = field(default_factory=list)


_CONTROL_KEYS = ("replace", "remove")


def _merge(base: dict[str, Any] | None, over: dict[str, Any], list_key: str) -> dict[str, Any]:
    """Apply a later entry `over` onto `base` (see the module docstring)."""
    if base is None or over.get("replace"):
        merged = {k: v for k, v in over.items() if k not in _CONTROL_KEYS}
    else:
        merged = dict(base)
        for k, v in over.items():
            if k in _CONTROL_KEYS:
                continue
            if k == list_key and isinstance(v, list) and isinstance(base.get(k), list):
                merged[k] = base[k] + v
            else:
                merged[k] = v
    remove = over.get("remove")
    if remove:
        if not isinstance(remove, list):
            raise ValueError("'remove' must be a list")
        drop = {_key_of(r) for r in remove}
        merged[list_key] = [a for a in merged.get(list_key, []) if _key_of(a) not in drop]
    return merged


def _key_of(item: object) -> str:
    # The folded text of an alias or phrase, ignoring '*' and any weight.
    text = item.get("text", "") if isinstance(item, dict) else str(item)
    return fold(text.rstrip("*"))


FLAG_KEYS = frozenset({"target_only", "agent_only"})


def _assemble(
    files: list[Path],
    section: str,
    key_fields: tuple[str, ...],
    list_key: str,
    on_item: Callable[[int, str, tuple[str, ...], dict[str, Any], dict[tuple[str, ...], _Slot]], None]
    | None = None,
) -> dict[tuple[str, ...], _Slot]:
    """Merge the entries of `files` by key, in order; `on_item` sees each entry after merging."""
    slots: dict[tuple[str, ...], _Slot] = {}
    for idx, path in enumerate(files):
        seen_here: set[tuple[str, ...]] = set()
        for i, item in enumerate(_read(path, section)):
            try:
                # A flag among the key fields tells apart variants of one name (the posts an
                # attack hit are the army too, but only as its target); absent means off.
                key = tuple(str(bool(item.get(k))) if k in FLAG_KEYS else str(item[k]) for k in key_fields)
            except KeyError as e:
                raise LexiconError(f"{path}: {section}[{i}] has no {e.args[0]!r}") from None
            where = f"{path}: {section}[{i}] {'/'.join(key)!r}"
            if key in seen_here:
                raise LexiconError(f"{where}: listed twice in the same file")
            seen_here.add(key)
            slot = slots.get(key)
            try:
                raw = _merge(slot.raw if slot else None, item, list_key)
            except ValueError as e:
                raise LexiconError(f"{where}: {e}") from None
            if slot is None:
                slots[key] = _Slot(raw, [where])
            else:
                slot.raw = raw
                slot.sources.append(where)
            if on_item is not None:
                on_item(idx, where, key, item, slots)
    return slots


_E = TypeVar("_E", ActorEntry, TriggerEntry, NonEventEntry, WeaponEntry)


def _validate(entry: type[_E], slot: _Slot) -> _E:
    try:
        return entry.validate(slot.raw)
    except ValidationError as e:
        errs = "; ".join(_describe(er) for er in e.errors())
        raise LexiconError(f"{' + '.join(slot.sources)}: {errs}") from None


def _describe(err: Any) -> str:
    msg = str(err["msg"]).removeprefix("Value error, ")
    loc = ".".join(map(str, err["loc"]))
    return f"{loc}: {msg}" if loc else msg


def _owners(actors: Iterable[ActorEntry]) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = {}
    for a in actors:
        if a.template:
            continue
        for key, _prefix in a.patterns:
            if a.name not in owners.setdefault(key, []):
                owners[key].append(a.name)
    return owners


def alias_conflicts(actors: Iterable[ActorEntry]) -> dict[str, list[str]]:
    """Folded aliases claimed by more than one non-template actor (templates may overlap)."""
    return {k: v for k, v in _owners(actors).items() if len(v) > 1}


def load_actors(paths: Sequence[Path | str] | None = None, *, packaged: bool = True) -> list[ActorEntry]:
    """The actor lexicon: the packaged file, $MARSAD_KNOWLEDGE_DIR/actors.yaml, then `paths`.

    An alias that a later file gives to a different non-template actor is taken away from the
    earlier owner, so extensions can re-point an alias; within one file such a clash is an error.
    """
    owner: dict[str, tuple[tuple[str, ...], int]] = {}  # folded alias -> (actor key, index of the file)

    def claim(
        idx: int, where: str, key: tuple[str, ...], item: dict[str, Any], slots: dict[tuple[str, ...], _Slot]
    ) -> None:
        aliases = item.get("aliases")
        if slots[key].raw.get("template") or not isinstance(aliases, list):
            return  # templates may share aliases with named actors
        for alias in aliases:
            k = _key_of(alias)
            prev = owner.get(k)
            if prev is not None and prev[0] != key:
                if prev[1] == idx:
                    raise LexiconError(f"{where}: alias {alias!r} already belongs to {prev[0][0]!r}")
                other = slots[prev[0]]
                other.raw["aliases"] = [a for a in other.raw.get("aliases", []) if _key_of(a) != k]
            owner[k] = (key, idx)

    files = source_files("actors.yaml", paths, packaged)
    slots = _assemble(files, "actors", ("name", "target_only", "agent_only"), "aliases", claim)
    return [_validate(ActorEntry, s) for s in slots.values()]


def load_triggers(
    paths: Sequence[Path | str] | None = None, *, packaged: bool = True
) -> tuple[list[TriggerEntry], list[NonEventEntry]]:
    """Event triggers by sub-event type, and the non-event cue words."""
    files = source_files("triggers.yaml", paths, packaged)
    trig = _assemble(files, "triggers", ("event_type", "sub_event_type"), "phrases")
    non = _assemble(files, "non_events", ("kind",), "phrases")
    return (
        [_validate(TriggerEntry, s) for s in trig.values()],
        [_validate(NonEventEntry, s) for s in non.values()],
    )


def load_weapons(paths: Sequence[Path | str] | None = None, *, packaged: bool = True) -> list[WeaponEntry]:
    """Weapon labels with their aliases and the sub-event type each one decides."""
    files = source_files("weapons.yaml", paths, packaged)
    return [_validate(WeaponEntry, s) for s in _assemble(files, "weapons", ("name",), "aliases").values()]
