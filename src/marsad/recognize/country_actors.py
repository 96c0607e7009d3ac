"""States named by their country as the author of an act (CODING.md §3).

"شنت إسرائيل غارات على دمشق", "قصفت تركيا مواقع …": a country's name right after a verb of attack
(cues.yaml country_subject_before) stands for its armed forces; so does a country that tells of
its own act ("أعلنت تركيا أنها قصفت …": a teller verb before, a self-claim after). Elsewhere a country's name is a
place ("في إسرائيل", "الحدود مع تركيا") and the place recogniser reads it; a country only accused
of an act ("اتهمت مصادر التحالف بقيادة السعودية بشن الهجوم") is not its author (real reports
code such an attack to an unidentified group).
"""

from __future__ import annotations

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CueList, words_after
from marsad.text.tokens import Tokens

COUNTRY = "country:"  # the place matcher's payload for a country's name
_CLAUSE_CHARS = 40  # how far back the verb before the name is looked for
# A name's payloads (the matcher's tuple, kept by it: the same object for every hit of the name)
# → (those payloads, the country code among them or None): a look-up by id per hit, not a scan
# of its places (a common name has hundreds); the tuple itself kept, so an id is never reused.
_COUNTRY_OF: dict[int, tuple[tuple[str, ...], str | None]] = {}
_COUNTRY_OF_MAX = 50_000


def _country_of(payloads: tuple[str, ...]) -> str | None:
    """The country code of a name's "country:" payload, None when it has none."""
    got = _COUNTRY_OF.get(id(payloads))
    if got is not None and got[0] is payloads:
        return got[1]
    cc = None
    for p in payloads:
        if p.startswith(COUNTRY):
            cc = p[len(COUNTRY) :]
            break
    if len(_COUNTRY_OF) >= _COUNTRY_OF_MAX:
        _COUNTRY_OF.clear()
    _COUNTRY_OF[id(payloads)] = (payloads, cc)
    return cc


@cython.locals(memo=dict, got=tuple)
def countries_acting(
    k: Knowledge, folded: str, toks: Tokens, before: CueList, tellers: CueList, claims: CueList
) -> list[tuple[tuple[int, int, int, bool], int]]:
    """((folded start, end, actor index, anaphoric), start of the name without its clitic) of the
    countries named as acting: the state forces' entry of each (countries with none named in
    actors.yaml are left to the places)."""
    out: list[tuple[tuple[int, int, int, bool], int]] = []
    memo = _COUNTRY_OF  # _country_of's memo read in place: no call per place hit (most are none)
    for h in k.place_matcher.find(folded):
        payloads = h.payloads
        got = memo.get(id(payloads))
        cc = got[1] if got is not None and got[0] is payloads else _country_of(payloads)
        if cc is None:
            continue
        idx = k.state_actor("state", cc)
        if idx is None:
            continue
        if h.start != h.word_start:
            # "شنت الولايات المتحدة وبريطانيا وفرنسا ضربات": a country joined by و to one acting
            # acts with it; with another clitic ("لإسرائيل", "بتركيا") it is an object or a place.
            if (
                out
                and h.start == h.word_start + 1
                and folded[h.word_start] == "و"
                and folded[out[-1][0][1] : h.word_start].strip(" ،,") == ""
            ):
                out.append(((h.word_start, h.end, idx, False), h.start))
            continue
        prev = toks.before(h.start, max(0, h.start - _CLAUSE_CHARS), 1)
        if prev and (
            before.has_word(prev[-1])
            or (tellers.has_word(prev[-1]) and claims.opening(words_after(folded, h.end, 4)) is not None)
        ):
            out.append(((h.start, h.end, idx, False), h.start))
    return out
