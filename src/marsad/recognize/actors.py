"""Actor mentions: lexicon aliases (with clitics) and anaphoric generic nouns (التنظيم → IS)."""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.doc import ACTOR, Doc
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import first_cue, peel, words_before
from marsad.text.matcher import longest_first

# Role cue lists consulted before each actor mention, in the order of cues.yaml.
ROLE_LISTS = ("ignore_before", "assoc_before", "agent_before", "patient_before")


class ActorRecognizer:
    """Adds ACTOR mentions; value = index into knowledge.actors; attrs: role cue and anaphora."""

    name = "actors"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        k = self.k
        folded = doc.folded.text
        hits = longest_first(k.actor_matcher.find(folded))
        found: list[tuple[int, int, int, bool]] = []  # folded start, end, actor index, anaphoric
        starts: dict[int, int] = {}  # word start (clitics included) → start of the name itself
        for h in hits:
            # Prefer a specific (country-bound) actor over a template when one alias serves both.
            idx = min(h.payloads, key=lambda i: (k.actors[i].template, i))
            found.append((h.word_start, h.end, idx, False))
            starts[h.word_start] = h.start
        found.extend(self._anaphora(folded, found))
        found.sort()
        lists = {n: k.cues[n] for n in ROLE_LISTS}
        event_nouns = k.cue_words("event_nouns")
        for fs, fe, idx, ana in found:
            # The evidence span is the name without its clitics (لتنظيم داعش → تنظيم داعش).
            start, end = doc.original(starts.get(fs, fs), fe)
            sent, clause = doc.locate(start)
            cstart = doc.clauses[sent][clause].start if sent >= 0 else 0
            words = words_before(folded, fs, doc.folded_index(cstart))
            cue = first_cue(words, lists)
            chain = folded[fs : starts.get(fs, fs)]
            if chain.endswith("ل") and words and any(f.startswith(event_nouns) for f in peel(words[-1])):
                cue = ("agent_before", 0)  # "بهجوم لداعش": the lam of possession marks the author
            entry = k.actors[idx]
            doc.add(ACTOR, start, end, idx, role_cue=cue[0] if cue else None, anaphoric=ana, kind=entry.kind)
            if entry.country and not entry.template and entry.kind not in ("external",):
                # A state's own forces point at where a report is set (weak: they also act abroad).
                doc.country_scores[entry.country] = doc.country_scores.get(entry.country, 0.0) + 0.5
        return doc

    def _anaphora(
        self, folded: str, found: list[tuple[int, int, int, bool]]
    ) -> list[tuple[int, int, int, bool]]:
        """Generic nouns (التنظيم، الميليشيا…) resolved to the last actor whose aliases share the head."""
        table = self.k.cues.anaphora
        if not table or not found:
            return []
        out: list[tuple[int, int, int, bool]] = []
        taken = [(s, e) for s, e, _, _ in found]
        for m in _anaphora_regex(tuple(table)).finditer(folded):
            ws, pos = m.start(), m.end()
            key = m.group("key") or "ال" + (m.group("lkey") or "")
            heads = table[key]
            if any(s <= ws < e for s, e in taken):
                continue
            prev = [f for f in found if f[1] <= ws]
            for _fs, _fe, idx, _ in reversed(prev):
                # patterns are the entry's folded aliases (cached on the entry)
                if any(a.startswith(heads) for a, _ in self.k.actors[idx].patterns):
                    out.append((ws, pos, idx, True))
                    break
        return out


@lru_cache(maxsize=8)
def _anaphora_regex(keys: tuple[str, ...]) -> re.Pattern[str]:
    """The generic nouns with their proclitics, including the لل contraction (للتنظيم)."""
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    lam = "|".join(re.escape(k[2:]) for k in sorted(keys, key=len, reverse=True) if k.startswith("ال"))
    return re.compile(rf"(?<!\w)(?:[وف]?[بكل]?(?P<key>{alts})|[وف]?لل(?P<lkey>{lam}))(?!\w)")
