"""What the parts of the actor recogniser (recognize/actors.py) share: the base class of the parts
(the knowledge and the cue lists they read, taken from it once)."""

from __future__ import annotations

from functools import cached_property

from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CueList

_COMMAS = ("،", ",")
ASIDE_REACH = 80  # how far an aside between commas after a name may run


def past_aside(folded: str, pos: int, titles: CueList | None = None) -> int:
    """Where the words after `pos` go on past an aside between commas ("وأعلن تنظيم ولاية سيناء،
    في بيان نشر على حسابات تابعة له، مسؤوليته عن الهجوم"), or past a spokesman's title and name
    up to a comma (`titles`: "المتحدث باسم التحالف العقيد تركي المالكي، اعتراض …"), else `pos`:
    what the name says it did follows the aside."""
    rest = folded[pos : pos + ASIDE_REACH]
    opened = len(rest) - len(rest.lstrip())
    if not rest.startswith(_COMMAS, opened):
        first = rest.split(None, 1)[:1]
        if titles is None or not first or not titles.has_word(first[0]):
            return pos
        close = min((i for i in (rest.find(c) for c in _COMMAS) if i > 0), default=-1)
        return pos + close + 1 if close > 0 else pos
    close = min((i for i in (rest.find(c, opened + 1) for c in _COMMAS) if i > 0), default=-1)
    return pos + close + 1 if close > 0 else pos


class ActorReading:
    """The base of the actor recogniser's parts (recognize/actors_names.py, actors_roles.py,
    actors_context.py), which ActorRecognizer (recognize/actors.py) joins: the knowledge and the
    cue lists they read it with."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        # (actor, generic noun) → whether an alias of the actor shares the noun's head: the
        # knowledge's answer, the same in every report (see _anaphora).
        self._shares: dict[tuple[int, str], bool] = {}
        # The cue lists read per mention, taken from the knowledge once (not looked up per mention).
        cues = knowledge.cues
        self._skip: CueList = cues["role_skip"]
        self._reported: CueList = cues["reported_clause"]
        self._titles: CueList = cues["spokesman_titles"]
        self._force_heads: CueList = cues["force_heads"]
        self._object_pronouns: CueList = cues["object_pronouns"]
        self._aircraft_before: CueList = cues["aircraft_before"]
        self._witnesses: CueList = cues["witnesses"]
        self._fled: CueList = cues["fled_before"]
        self._passive_verbs: CueList = cues["passive_verbs"]
        self._person_nouns: CueList = cues["person_nouns"]
        self._self_claim: CueList = cues["self_claim_after"]
        self._link_words: CueList = cues["link_words"]
        self._adjectives: CueList = cues["nisba_skip"]
        self._relatives: CueList = cues["relative_pronouns"]
        self._destination: CueList = cues["destination_before"]
        self._camp_nouns: CueList = cues["camp_nouns"]
        self._outlets: CueList = cues["outlet_nouns"]
        self._sham_after: CueList = cues["sham_after"]
        self._patient_after: CueList = cues["patient_after"]
        # The accusation verbs as written with or without "و"/"ف": a set test per actor mention
        # (most mentions have none near them).
        self._accuse_forms = frozenset(
            c + w for w in knowledge.cue_words("accuse_verbs") for c in ("", "و", "ف")
        )
        self._claim_before: CueList = cues["claim_before"]
        self._tellers: CueList = cues["teller_verbs"]
        self._accused_of: CueList = cues["accused_of_after"]
        self._country_subject: CueList = cues["country_subject_before"]
        self._harm_negations: CueList = cues["harm_negations"]
        self._crowd_counts: CueList = cues["crowd_counts"]
        self._agent_verbs: CueList = cues["agent_verbs"]
        self._adjectives_of_rank: CueList = cues["rank_adjectives"]
        self._harm_nouns: CueList = cues["harm_nouns"]

    # Word lists read per report or per mention, taken from the cue lists once.
    @cached_property
    def _event_nouns(self) -> tuple[str, ...]:
        return self.k.cue_words("event_nouns")

    @cached_property
    def _aerial_words(self) -> tuple[str, ...]:
        return self.k.cue_words("aerial_words")
