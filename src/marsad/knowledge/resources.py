"""The knowledge one process needs, loaded once and shared by every pipeline in that process.

Pipelines stay cheap to pickle (they hold only settings); each worker process loads its own copy
of the lexicons, matchers and gazetteer on first use.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from marsad._compiled import source_of
from marsad.knowledge import entries as entries_module
from marsad.knowledge import gazetteer as gazetteer_module
from marsad.knowledge import lexicon
from marsad.knowledge.gazetteer import (
    Gazetteer,
    cache_dir_default,
    load_countries,
    load_regions,
    write_cache_pickle,
)
from marsad.knowledge.lexicon import load_yaml
from marsad.recognize import cues as cues_module
from marsad.recognize.cues import Cues
from marsad.text import matcher as matcher_module
from marsad.text import normalize as normalize_module
from marsad.text.matcher import MatcherGroup, PhraseMatcher
from marsad.text.normalize import fold

DATA_DIR = Path(__file__).parent / "data"


_T = TypeVar("_T")
_LEXICON_FILES = ("actors.yaml", "triggers.yaml", "weapons.yaml")
# What lexicon_words and broad_places are read from (besides the trigger lexicon), in DATA_DIR.
_WORDS_FILES = ("cues.yaml", "dates.yaml", "numbers.yaml", "casualties.yaml", "regions.yaml")
# actors, triggers, non-event cues, weapons
_Lexicons = tuple[
    list[lexicon.ActorEntry],
    list[lexicon.TriggerEntry],
    list[lexicon.NonEventEntry],
    list[lexicon.WeaponEntry],
]
# actors, triggers (non-event cues among them), weapons, gazetteer names, demonyms: one group
_Matchers = tuple[
    PhraseMatcher[int],
    PhraseMatcher[tuple[str, int]],
    PhraseMatcher[int],
    PhraseMatcher[str],
    PhraseMatcher[str],
]


class Knowledge:
    """Lexicons and matchers for one knowledge configuration (packaged data + user extensions)."""

    def __init__(self, extra_dir: str | None = None, cache_dir: str | None = None) -> None:
        self.extra_dir = extra_dir
        self.cache_dir = cache_dir

    def _extra(self, name: str) -> list[Path] | None:
        # The packaged file and $MARSAD_KNOWLEDGE_DIR are loaded by the lexicon itself;
        # an explicit extra folder comes on top of them.
        if self.extra_dir and (Path(self.extra_dir) / name).exists():
            return [Path(self.extra_dir) / name]
        return None

    @cached_property
    def _lexicon_key(self) -> str:
        """A hash of the lexicon files (by name and content, not path: two checkouts of the same
        data share the cache) and of the code that reads and folds them and makes the entries
        the cache holds."""
        files = [f for name in _LEXICON_FILES for f in lexicon.source_files(name, self._extra(name))]
        code = (lexicon.__file__, entries_module.__file__, normalize_module.__file__)
        return _files_key(b"marsad-lexicons", code, files, named=True)

    @cached_property
    def _lexicons(self) -> _Lexicons:
        """The actor, trigger (with non-event cues) and weapon lexicons, read, merged and
        validated once and kept in the cache folder under `_lexicon_key`: parsing and
        validating the YAML was a third of a warm start. (The entries hold their folded
        patterns and weights: they go into the cache with them.)"""

        def build() -> _Lexicons:
            triggers, non_events = lexicon.load_triggers(self._extra("triggers.yaml"))
            return (
                lexicon.load_actors(self._extra("actors.yaml")),
                triggers,
                non_events,
                lexicon.load_weapons(self._extra("weapons.yaml")),
            )

        return self._cached("lexicons", self._lexicon_key, build)

    @property
    def actors(self) -> list[lexicon.ActorEntry]:
        return self._lexicons[0]

    @property
    def triggers(self) -> list[lexicon.TriggerEntry]:
        return self._lexicons[1]

    @property
    def non_events(self) -> list[lexicon.NonEventEntry]:
        return self._lexicons[2]

    @property
    def weapons(self) -> list[lexicon.WeaponEntry]:
        return self._lexicons[3]

    def _cached(self, family: str, key: str, build: Callable[[], _T]) -> _T:
        """What `build` returns, kept in the cache folder as `<family>-<key>.pickle`."""
        folder = Path(self.cache_dir) if self.cache_dir else cache_dir_default()
        path = folder / f"{family}-{key}.pickle"
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)  # type: ignore[no-any-return]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # not built yet, or a truncated or foreign file: build it
        built = build()
        # A read-only cache folder costs start-up time, not correctness.
        with contextlib.suppress(OSError):
            write_cache_pickle(path, built, family)
        return built

    @cached_property
    def _cues_key(self) -> str:
        """A hash of cues.yaml (by content) and of the code that reads and folds it."""
        code = (cues_module.__file__, lexicon.__file__, normalize_module.__file__)
        return _files_key(b"marsad-cues", code, [DATA_DIR / "cues.yaml"])

    @cached_property
    def cues(self) -> Cues:
        """The cue lists of cues.yaml, kept in the cache folder under `_cues_key`: parsing and
        folding the YAML was ~120 M instructions, a third of warm() (issue 11)."""
        return self._cached("cues", self._cues_key, lambda: Cues.load(DATA_DIR / "cues.yaml"))

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.load(Path(self.cache_dir) if self.cache_dir else None)

    @cached_property
    def _notes(self) -> dict[str, Any]:
        return _yaml(DATA_DIR / "notes.yaml")

    @property
    def note_templates(self) -> dict[str, str]:
        return self._notes.get("templates", {})

    @property
    def note_default(self) -> str:
        return self._notes.get("default", "{a1} and {a2} {place}.")

    @cached_property
    def outlet_scales(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for scale, names in (_yaml(DATA_DIR / "outlets.yaml").get("outlets") or {}).items():
            for n in names:
                out[fold(str(n))] = scale
        return out

    def source_scale(self, outlet: str | None) -> str:
        if not outlet:
            return ""
        return self.outlet_scales.get(fold(outlet), "Other")

    @cached_property
    def lexicon_words(self) -> frozenset[str]:
        """Folded words of the trigger, cue, date and number lexicons: a place name equal to one
        of them ("السلطات", "الخميس", "المصدر") is far more often that word than the place."""
        return self._words[0]

    def _build_lexicon_words(self) -> frozenset[str]:
        words: set[str] = set()
        for entry in (*self.triggers, *self.non_events):
            for phrase, _ in entry.patterns:
                words.update(w for w in phrase.split() if len(w) > 2)
        for cl in self.cues.lists.values():
            for key, cues in cl.by_last.items():
                words.add(key)
                for c in cues:
                    words.update(c.words)
        for name in ("dates.yaml", "numbers.yaml", "casualties.yaml"):
            _collect_words(_yaml(DATA_DIR / name), words)
        return frozenset(w for w in words if not w.isdigit()) | self.never_places

    @cached_property
    def _words_key(self) -> str:
        """A hash of what `lexicon_words` and `broad_places` are made from: the lexicons' key,
        the data files they read, and the code that reads and folds them."""
        code = (__file__, cues_module.__file__, gazetteer_module.__file__)
        files = [DATA_DIR / name for name in _WORDS_FILES]
        return _files_key(b"marsad-words" + self._lexicon_key.encode(), code, files, named=True)

    @cached_property
    def _words(self) -> tuple[frozenset[str], frozenset[str]]:
        """(lexicon_words, broad_places), kept in the cache folder under `_words_key`: making
        them parses four YAML files, ~110 M instructions that fell on the first report (issue
        11). Both are only asked whether they hold a word or an id, never iterated."""
        return self._cached(
            "words", self._words_key, lambda: (self._build_lexicon_words(), self._build_broad())
        )

    @cached_property
    def never_places(self) -> frozenset[str]:
        """Words never taken as a place, whatever precedes them: the cue nouns themselves
        ("مدينة" before a name) and frequent nouns that are also village names somewhere."""
        words = set(self.cue_words("not_places"))
        for name in ("settlement_before", "province_before", "countryside_before"):
            words |= self.cue_phrases(name)
        return frozenset(words)

    def cue_phrases(self, name: str) -> frozenset[str]:
        """The folded entries of a cues.yaml list as whole phrases (words joined by spaces)."""
        return frozenset(" ".join(c.words) for cues in self.cues[name].by_last.values() for c in cues)

    def cue_words(self, name: str) -> tuple[str, ...]:
        """The folded one-word entries of a cues.yaml list."""
        return tuple(self.cues[name].by_last)

    @cached_property
    def _state_index(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for i, e in enumerate(self.actors):
            if not e.template and e.country and e.kind in ("state", "police") and e.generic_names:
                out.setdefault((e.kind, e.country), i)
        return out

    def state_actor(self, kind: str, country_code: str) -> int | None:
        """Index of the named military/police entry of a country (for template actors)."""
        return self._state_index.get((kind, country_code))

    @cached_property
    def template_ids(self) -> frozenset[int]:
        """The indexes of the template actors (their country comes from the event)."""
        return frozenset(i for i, e in enumerate(self.actors) if e.template)

    @cached_property
    def templates_by_kind(self) -> dict[str, int]:
        """The index of the template actor of each kind ("Police Forces of {country}", the
        unidentified armed group, the protesters …; the first that is not target-only)."""
        out: dict[str, int] = {}
        for i, e in enumerate(self.actors):
            if e.template and not e.target_only:
                out.setdefault(e.kind, i)
        return out

    @cached_property
    def _branch_index(self) -> dict[tuple[int, str], int]:
        by_name = {e.name: i for i, e in enumerate(self.actors) if not e.target_only and not e.agent_only}
        out: dict[tuple[int, str], int] = {}
        for i, e in enumerate(self.actors):
            for country, name in e.branches.items():
                if name not in by_name:
                    raise ValueError(f"actor {e.name!r}: branch {name!r} for {country} is not an actor")
                out[(i, country)] = by_name[name]
        return out

    def branch_actor(self, index: int, country_code: str) -> int | None:
        """The regional branch a transnational group's generic name stands for in a country
        ("القاعدة" in a Yemeni report is AQAP), from the `branches` field of actors.yaml."""
        return self._branch_index.get((index, country_code))

    @cached_property
    def broad_places(self) -> frozenset[str]:
        """Place ids of regions.yaml's `broad` areas (a country's quarters, "جنوب العراق"): any
        other place an event names is the more precise."""
        return self._words[1]

    @staticmethod
    def _build_broad() -> frozenset[str]:
        return frozenset(f"region:{r['id']}" for r in load_regions(DATA_DIR) if r.get("broad"))

    @cached_property
    def entwined_countries(self) -> dict[str, frozenset[str]]:
        """countries.yaml `never_abroad_with`: country → the countries whose places are never
        abroad in a report set there (Israel and the Palestinian territories).

        Kept in the cache folder under a hash of countries.yaml and of the code that reads it:
        parsing the whole file for these few entries was ~14 ms of the first report (issue 11)."""
        code = (__file__, lexicon.__file__, gazetteer_module.__file__)
        key = _files_key(b"marsad-entwined", code, [DATA_DIR / "countries.yaml"])
        return self._cached("entwined", key, self._build_entwined)

    @staticmethod
    def _build_entwined() -> dict[str, frozenset[str]]:
        return {
            cc: frozenset(c.get("never_abroad_with") or ())
            for cc, c in load_countries(DATA_DIR).items()
            if c.get("never_abroad_with")
        }

    @cached_property
    def _demonyms(self) -> dict[str, list[str]]:
        """Country adjectives of place_context.yaml by ISO code (read by the place recogniser)."""
        data = _yaml(DATA_DIR / "place_context.yaml").get("demonyms") or {}
        return {str(cc): [str(w) for w in words] for cc, words in data.items()}

    # --- matchers: folded phrase → index into the lexicon list ------------------------------
    @cached_property
    def _matchers(self) -> _Matchers:
        """The five matchers, built together: one automaton pass per report serves them all.

        Compiled once and kept in the cache folder like the gazetteer, under a hash of
        everything they are built from (the lexicons' and the gazetteer's own keys, the
        demonyms, the code that builds and reads them): loading is about twice as fast as
        building."""
        gazetteer_file = self.gazetteer.cache_path  # named by the hash its names come from
        sources = (
            self._lexicon_key,
            gazetteer_file.name if gazetteer_file is not None else list(self.gazetteer.names()),
            self._demonyms,
            *(source_of(f).read_bytes() for f in (matcher_module.__file__, __file__)),
        )
        # repr, not pickle: pickle's bytes depend on which equal strings are one object, and a
        # freshly built gazetteer shares them differently from a loaded one.
        key = hashlib.sha256(repr(sources).encode()).hexdigest()[:20]
        return self._cached("matchers", key, self._build_matchers)

    def _build_matchers(self) -> _Matchers:
        actors = _index_matcher(self.actors)
        triggers: PhraseMatcher[tuple[str, int]] = PhraseMatcher()
        for i, entry in enumerate(self.triggers):
            for phrase, prefix in entry.patterns:
                triggers.add(phrase, ("T", i), prefix=prefix)
        for i, ne in enumerate(self.non_events):
            for phrase, prefix in ne.patterns:
                triggers.add(phrase, ("N", i), prefix=prefix)
        weapons = _index_matcher(self.weapons)
        places: PhraseMatcher[str] = PhraseMatcher()
        for name, ids in self.gazetteer.names():
            if len(name) >= 3:
                for pid in ids:
                    places.add(name, pid)
        # Country adjectives with their feminine and plural forms → ISO code.
        demonyms: PhraseMatcher[str] = PhraseMatcher()
        for cc, words in self._demonyms.items():
            for w in words:
                for suffix in ("", "ه", "ون", "ين"):
                    demonyms.add(fold(w) + suffix, cc)
        MatcherGroup([actors, triggers, weapons, places, demonyms]).build()
        return actors, triggers, weapons, places, demonyms

    @property
    def actor_matcher(self) -> PhraseMatcher[int]:
        return self._matchers[0]

    @property
    def trigger_matcher(self) -> PhraseMatcher[tuple[str, int]]:
        return self._matchers[1]

    @property
    def weapon_matcher(self) -> PhraseMatcher[int]:
        return self._matchers[2]

    @property
    def place_matcher(self) -> PhraseMatcher[str]:
        return self._matchers[3]

    @property
    def demonym_matcher(self) -> PhraseMatcher[str]:
        return self._matchers[4]

    def warm(self) -> None:
        """Load everything now (before forking workers or timing): the matchers, and what the
        first report would otherwise load (the lexicons, their words, the entwined countries, the
        notes and outlets)."""
        for attr in (
            "_matchers",
            "cues",
            "_lexicons",
            "lexicon_words",
            "broad_places",
            "entwined_countries",
            "_state_index",
            "template_ids",
            "_notes",
            "outlet_scales",
        ):  # (_branch_index stays lazy: a bad branch in a user's actors.yaml fails its reports only)
            getattr(self, attr)


def _files_key(tag: bytes, code: tuple[str, ...], files: list[Path], *, named: bool = False) -> str:
    """A cache key: a hash of the source of the modules that read and fold the data (`code`) and
    of the data files by content (and, `named`, by name, a missing one hashed as "-"; never by
    path: two checkouts of the same data share the cache)."""
    h = hashlib.sha256(tag)
    for module_file in code:
        h.update(source_of(module_file).read_bytes())
    for f in files:
        if named:
            h.update(f.name.encode())
        h.update(f.read_bytes() if f.is_file() else b"-")
    return h.hexdigest()[:20]


def _collect_words(node: object, out: set[str]) -> None:
    if isinstance(node, str):
        out.update(w for w in fold(node.rstrip("*")).split() if len(w) > 2)
    elif isinstance(node, dict):
        for v in node.values():
            _collect_words(v, out)
    elif isinstance(node, list):
        for v in node:
            _collect_words(v, out)


def _index_matcher(entries: list[Any]) -> PhraseMatcher[int]:
    """A matcher from every pattern of every entry to the entry's index."""
    m: PhraseMatcher[int] = PhraseMatcher()
    for i, entry in enumerate(entries):
        for phrase, prefix in entry.patterns:
            m.add(phrase, i, prefix=prefix)
    return m


def _yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return load_yaml(fh) or {}


_lock = threading.Lock()
_cache: dict[tuple[str | None, str | None], Knowledge] = {}


def get_knowledge(extra_dir: str | None = None, cache_dir: str | None = None) -> Knowledge:
    """The process-wide Knowledge for this configuration."""
    key = (extra_dir, cache_dir)
    with _lock:
        if key not in _cache:
            _cache[key] = Knowledge(extra_dir, cache_dir)
        return _cache[key]
