"""Finding the actor names of a report, for the actor recogniser (recognize/actors.py): lexicon
aliases with their clitics, short forms of a name told before, generic nouns resolved to the
actor they refer back to (anaphora), countries acting, and state forces named by a nationality
adjective (nisba)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from itertools import accumulate, compress

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.recognize.actors_base import ActorReading
from marsad.recognize.country_actors import countries_acting
from marsad.recognize.cues import MEMO_WORDS, CueList, first_cue, peel, words_before
from marsad.text.matcher import longest_first
from marsad.text.tokens import WORD, Tokens

_NEXT_WORD = re.compile(r"\s+([^\s،,.؛:()\[\]\"«»]+)")  # the word after a position, no punctuation


class NameFinding(ActorReading):
    """The actor recogniser's part that finds the names of a report (ActorRecognizer.__call__ reads
    each one's role after)."""

    @cython.locals(folded=str, found=list, starts=dict, pls=tuple)
    def _alias_names(self, folded: str) -> tuple[list[tuple[int, int, int, bool]], dict[int, int]]:
        """The lexicon's aliases in the folded report, with their short forms: (folded start with
        the clitics, end, actor index, anaphoric) in text order, and the start of each name without
        its clitics."""
        k = self.k
        hits = longest_first(k.actor_matcher.find(folded))
        found: list[tuple[int, int, int, bool]] = []  # folded start, end, actor index, anaphoric
        starts: dict[int, int] = {}  # word start (clitics included) → start of the name itself
        for h in hits:
            # Prefer a specific (country-bound) actor over a template when one alias serves both.
            pls = h.payloads
            idx = pls[0] if len(pls) == 1 else min(pls, key=lambda i: (k.actors[i].template, i))
            if h.start > h.word_start and self._adjective_of_definite(
                folded, h.word_start, h.start, h.end, idx
            ):
                continue
            if folded.startswith(self._teen_starts, h.end) and self._teen_after(folded, h.end):
                continue  # "الفرقة الرابعة عشرة": the 14th, not the unit the alias names
            found.append((h.word_start, h.end, idx, False))
            starts[h.word_start] = h.start
        if found and self._may_name_a_maker(folded):
            found = [f for f in found if not self._maker_or_origin(folded, f[1])]
        if len(found) > 1:
            found = self._short_forms(folded, found, starts)
        return found, starts

    @cached_property
    def _teen_starts(self) -> tuple[str, ...]:
        """cues.yaml's teen_ordinal_after words as they start after a name (a substring test
        that spares the word look-up where none follows, as nearly always)."""
        return tuple(" " + w for w in self.k.cues["teen_ordinal_after"].by_last)

    def _teen_after(self, folded: str, end: int) -> bool:
        """Whether the word right after `end` is a teen ordinal's second word ("عشر", "عشرة")."""
        m = _NEXT_WORD.match(folded, end)
        return m is not None and self.k.cues["teen_ordinal_after"].has_word(m.group(1))

    @cached_property
    def _not_forces_words(self) -> tuple[str, ...]:
        """cues.yaml's nisba_not_forces_after words, folded (the substring test that spares most
        reports the per-name look: these words are rare)."""
        return tuple(self.k.cues["nisba_not_forces_after"].by_last)

    def _may_name_a_maker(self, folded: str) -> bool:
        """Whether the report holds a maker's or an origin's word at all (a substring test)."""
        return any(w in folded for w in self._not_forces_words)

    def _maker_or_origin(self, folded: str, end: int) -> bool:
        """A name ending in a nationality adjective that a maker's or a man's origin word follows
        ("مسيرة إيرانية الصنع", "مسلح سوري الجنسية"): the weapon's maker or the man's country, not
        that state's forces (the alias "مسيرة إيرانية" names them only alone)."""
        m = _NEXT_WORD.match(folded, end)
        if m is None or not self.k.cues["nisba_not_forces_after"].has_word(m.group(1)):
            return False
        last = folded[max(0, end - 30) : end].split()[-1:]
        return bool(last) and last[0] in self.k.cues.state_adjectives

    @cython.locals(
        words=list, rare=frozenset, at=list, j=cython.Py_ssize_t, n=cython.Py_ssize_t, folded=str,
        found=list, starts=dict, taken=set,
    )  # fmt: skip
    def _other_names(
        self,
        folded: str,
        toks: Tokens,
        found: list[tuple[int, int, int, bool]],
        starts: dict[int, int],
    ) -> tuple[list[tuple[int, int, int, bool]], dict[tuple[int, int, int, bool], bool]]:
        """`found` with the names told otherwise, sorted: generic nouns referring back (_anaphora),
        countries acting (their starts without clitics added to `starts`) and state forces named
        by a nationality adjective (_nisba, which the templates they cover yield to); and those
        (see _nisba)."""
        k = self.k
        # Where the rare words both look-ups start from stand (compiled: a set look-up per word
        # of the report in a C loop).
        rare, words = self._rare, toks.words
        at = None
        if rare is not None:
            at = []
            n = len(words)
            for j in range(n):
                if words[j] in rare:
                    at.append(j)
        found = self._owned_shared_names(found, folded, starts)  # (before what refers back to them)
        found.extend(self._anaphora(toks, found, at))
        taken = {f[0] for f in found}
        for f, name_start in countries_acting(
            k, folded, toks, self._country_subject, self._tellers, self._self_claim
        ):
            if f[0] not in taken:
                found.append(f)
                starts[f[0]] = name_start  # "وبريطانيا": joined to the country before it
        nisba = self._nisba(toks, found, at, folded, starts)
        if nisba:
            yielding = self._yielding(found, folded, starts)
            # An adjective's name reaching into one that yields starts where that one starts
            # ("القيادة العامة للقوات المسلحة الأردنية": the whole command is Jordan's).
            nisba = {
                (min((f[0] for f in yielding if f[0] < s < f[1] <= e), default=s), e, idx, ana): own
                for (s, e, idx, ana), own in nisba.items()
            }
            found = [
                f for f in found
                if f not in yielding or not any(s <= f[0] and f[1] <= e for s, e, _, _ in nisba)
            ]  # fmt: skip
        found.extend(nisba)
        found.sort()
        return found, nisba

    @cython.locals(found=list, folded=str, starts=dict, owned=dict, out=list)
    def _owned_shared_names(
        self, found: list[tuple[int, int, int, bool]], folded: str, starts: dict[int, int]
    ) -> list[tuple[int, int, int, bool]]:
        """A name several forces share followed by its owner's name with the lam ("القيادة العامة
        للجيش السوري"): the owner's command, not the force the shared name alone stands for."""
        k = self.k
        owned: dict[int, int] = {}  # index of the shared name -> its owner's
        found = sorted(found)
        for i, f in enumerate(found[:-1]):
            entry = k.actors[f[2]]
            if not entry.shared_names or folded[starts.get(f[0], f[0]) : f[1]] not in entry.shared_folded:
                continue
            g = found[i + 1]
            if g[0] == f[1] + 1 and folded.startswith("ل", g[0]) and not k.actors[g[2]].template:
                owned[i] = i + 1
        if not owned:
            return found
        # The whole phrase is the owner's name, from the shared name's start (its role is read
        # from the words before it: "أعلنت القيادة العامة للجيش السوري" tells).
        out = []
        for i, f in enumerate(found):
            if i in owned:
                g = found[owned[i]]
                out.append((f[0], g[1], g[2], g[3]))
            elif i - 1 not in owned:
                out.append(f)
        return out

    @cached_property
    def _anaphora_keys(self) -> tuple[str, ...]:
        return tuple(self.k.cues.anaphora)

    @cached_property
    def _rare(self) -> frozenset[str] | None:
        """The words _nisba and _anaphora start from (nationality adjectives; generic nouns with
        their clitics), found in one pass over the report's words for both. None when a generic
        noun is not one word (_generic_nouns then reads the text with its regex)."""
        forms = _generic_forms(self._anaphora_keys)
        if forms is None:
            return None
        return frozenset(self.k.cues.state_adjectives) | frozenset(forms)

    def _adjective_of_definite(self, folded: str, fs: int, name_start: int, fe: int, idx: int) -> bool:
        """A civilian nisba (مدني، مدنية) written definite right after a definite noun is that
        noun's adjective, not a person ("الدفاع المدني", "بالحكم المدني", "الحماية المدنية"); a
        title after a name stays a person ("عمر النايف الناشط")."""
        if (
            self.k.actors[idx].kind != "civilians"
            or not folded.endswith("ال", fs, name_start)
            or not folded.endswith(("ي", "يه"), name_start, fe)
        ):
            return False
        prev = folded[max(0, fs - 30) : fs].split()[-1:]
        return bool(prev) and any(form.startswith("ال") for form in peel(prev[0]))

    @cython.locals(folded=str, found=list, starts=dict, named=list, out=list, words=list, ends=list)
    def _short_forms(
        self, folded: str, found: list[tuple[int, int, int, bool]], starts: dict[int, int]
    ) -> list[tuple[int, int, int, bool]]:
        """A generic name whose words with the next one or two are words of a name told before
        ("الجيش الوطني" after "فصائل الجيش الوطني السوري"): the short form of that name, not the
        report country's army."""
        templates = self.k.template_ids
        named: list[tuple[str, int]] = []  # (folded name, actor) of the names told so far
        out: list[tuple[int, int, int, bool]] = []
        for f in found:
            fs, fe, idx, ana = f
            name = folded[starts.get(fs, fs) : fe]
            if idx not in templates:
                named.append((f" {name} ", idx))
            # (every short form read below starts with the name and a space: a name no told one
            # holds so reads no next words — most templates)
            elif named and any(f" {name} " in told for told, _ in named):
                words, ends, pos = [name], [fe], fe
                for _ in range(2):  # the next two words, up to a punctuation mark
                    m = _NEXT_WORD.match(folded, pos)
                    if m is None:
                        break
                    words.append(m.group(1))
                    ends.append(pos := m.end())
                for n in range(len(words) - 1, 0, -1):
                    short = " " + " ".join(words[: n + 1]) + " "  # as a run of the name's words
                    full = next((i for told, i in reversed(named) if short in told), None)
                    if full is not None:
                        f = (fs, ends[n], full, ana)
                        break
            out.append(f)
        return out

    def _yielding(
        self, found: list[tuple[int, int, int, bool]], folded: str, starts: dict[int, int]
    ) -> set[tuple[int, int, int, bool]]:
        """The names a nationality adjective after them covers: templates, and names several
        states' forces share ("القيادة العامة للقوات المسلحة" … "الأردنية")."""
        k = self.k
        templates = k.template_ids
        return {
            f
            for f in found
            if f[2] in templates
            or (
                k.actors[f[2]].shared_names
                and folded[starts.get(f[0], f[0]) : f[1]] in k.actors[f[2]].shared_folded
            )
        }

    @cython.locals(words=list, found_at=list, out=dict, folded=str)
    def _nisba(
        self,
        t: Tokens,
        found: list[tuple[int, int, int, bool]],
        at: list[int] | None,
        folded: str,
        starts: dict[int, int],
    ) -> dict[tuple[int, int, int, bool], bool]:
        """State forces named by a nationality adjective after an action, weapon or force noun
        ("غارة أميركية", "غارات جوية تركية", "دبابات تركية"). Value: whether the noun is an action
        or aircraft, whose owner is its author. `at`: the positions of the report's words among
        which the adjectives are (None: all); `folded` and `starts` read the names (_yielding)."""
        adjectives = self.k.cues.state_adjectives
        if not adjectives:
            return {}
        cues = self.k.cues
        heads, skip, hedges = cues["nisba_heads"], cues["nisba_skip"], cues["nisba_hedges"]
        words = t.words
        # Nationality adjectives are rare: start from them, look back for the noun. (compress
        # and map test every word of the report in C, not in a Python loop.)
        if at is None:
            found_at = list(compress(range(len(words)), map(adjectives.__contains__, words)))
        else:
            found_at = [j for j in at if words[j] in adjectives]
        if not found_at:
            return {}
        actions = self._event_nouns + self._aerial_words
        # The names' spans sorted by start with a running maximum of ends: a span [fs, fe)
        # overlaps a name iff the names starting before fe reach past fs (a look-up, not a
        # scan). Built for the first adjective after a noun (most have none).
        name_starts: list[int] | None = None
        reach: list[int] = []
        last_end = -1  # of the spans this adds, found in text order: the last reaches furthest
        out: dict[tuple[int, int, int, bool], bool] = {}
        not_forces = cues["nisba_not_forces_after"]
        for j in found_at:
            if j + 1 < len(words) and not_forces.has_word(words[j + 1]):
                continue  # "سوري الجنسية", "إيرانية الصنع": a man's nationality, a maker: no state's forces
            code = adjectives[words[j]]
            # "طائرات حربية يرجح أنها روسية": a hedge before the adjective still names the
            # aircraft's state, as the agent cue "يعتقد أنها ل" names an author.
            hedge = hedges.ends_at(words, j - 1) if j >= 2 else None
            gap = len(hedge.words) if hedge is not None else 0
            i = j - 1 - gap  # back over adjectives ("غارات جوية تركية") to the noun
            while i > j - 4 - gap and i >= 0 and not heads.has_word(words[i]):
                i = i - 1 if skip.has_word(words[i]) else -1
            if i < 0 or i <= j - 4 - gap:
                continue
            fs, fe = t.starts[i], t.ends[j]
            if fe - fs > 60:
                continue
            if name_starts is None:
                # A template's word ("جنديان") yields to the adjective that names its state
                # ("جنديان تركيان"); _other_names drops it.
                yielding = self._yielding(found, folded, starts)
                taken = sorted((f[0], f[1]) for f in found if f not in yielding)
                name_starts = [s for s, _ in taken]
                reach = list(accumulate((e for _, e in taken), max))
            if ((k := bisect.bisect_left(name_starts, fe)) > 0 and reach[k - 1] > fs) or last_end > fs:
                continue
            idx = self.k.state_actor("state", code)
            if idx is None:
                continue
            out[(fs, fe, idx, False)] = any(f.startswith(actions) for f in peel(words[i]))
            last_end = fe
        return out

    @cython.locals(found=list, out=list, taken=list, prev=list, kinds=set)
    def _anaphora(
        self, t: Tokens, found: list[tuple[int, int, int, bool]], at: list[int] | None = None
    ) -> list[tuple[int, int, int, bool]]:
        """Generic nouns (التنظيم، الميليشيا…) resolved to the last actor whose aliases share the
        head. `at`: the positions of the report's words among which the nouns are (None: all)."""
        table = self.k.cues.anaphora
        if not table or not found:
            return []
        nouns = _generic_nouns(t, self._anaphora_keys, at)
        if not nouns:
            return []  # most reports: no name spans to index
        out: list[tuple[int, int, int, bool]] = []
        taken = [(s, e) for s, e, _, _ in found]
        starts, ends = [s for s, _ in taken], [e for _, e in taken]
        # The names come in text order and apart (longest_first): then "inside a name" and "the
        # names before" are binary searches, not a pass over every name per generic noun.
        ordered = all(ends[i] <= starts[i + 1] for i in range(len(taken) - 1)) and all(
            s <= e for s, e in taken
        )
        shares = self._shares
        for ws, pos, key in nouns:
            heads = table[key]
            if ordered:
                i = bisect.bisect_right(starts, ws) - 1
                if i >= 0 and ws < ends[i]:
                    continue
                prev = found[: bisect.bisect_right(ends, ws)]
            else:
                if any(s <= ws < e for s, e in taken):
                    continue
                prev = [f for f in found if f[1] <= ws]
            # "kind:rebel" refers back to the last actor of that kind ("المتمردين" → the rebels named);
            # "kind:speaker" to the last force a speaker spoke for ("قواتنا").
            kinds = {h[5:] for h in heads if h.startswith("kind:")}
            for _fs, _fe, idx, _ in reversed(prev):
                entry = self.k.actors[idx]
                if "speaker" in kinds:
                    if not entry.template and self._spoken_for(t.text, _fs):
                        out.append((ws, pos, idx, True))
                        break
                    continue
                if entry.kind in kinds and not entry.template:
                    out.append((ws, pos, idx, True))
                    break
                share = shares.get((idx, key))
                if share is None:
                    if len(shares) >= MEMO_WORDS:
                        shares.clear()
                    # patterns are the entry's folded aliases (cached on the entry)
                    share = shares[idx, key] = any(a.startswith(heads) for a, _ in entry.patterns)
                if share:
                    out.append((ws, pos, idx, True))
                    break
        return out

    def _spoken_for(self, folded: str, fs: int) -> bool:
        """Whether the actor named at folded `fs` is one a speaker speaks for (cues.yaml
        speaker_before within the two words before it: "الناطق باسم الجيش", "قال الجيش")."""
        words = words_before(folded, fs, 0, 3)
        return bool(words) and first_cue(words, self._speaker_lists, max_distance=2) is not None

    # One-list look-ups for first_cue, built once (first_cue indexes them by identity).
    @cached_property
    def _speaker_lists(self) -> dict[str, CueList]:
        return {"speaker_before": self.k.cues["speaker_before"]}


def _generic_nouns(
    t: Tokens, keys: tuple[str, ...], at: list[int] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, noun) of each generic noun of `keys` in the text, clitics included: the
    matches of _anaphora_regex, found as whole words among the shared tokens (a set look-up
    per word in C, not a regex pass over the text; only at the positions `at` when given)."""
    forms = _generic_forms(keys)
    words, text = t.words, t.text
    if forms is None:  # a noun of several words (none yet): the regex pass
        return [
            (m.start(), m.end(), m.group("key") or "ال" + (m.group("lkey") or ""))
            for m in _anaphora_regex(keys).finditer(text)
        ]
    out: list[tuple[int, int, str]] = []
    if at is None:
        positions: Iterable[int] = compress(range(len(words)), map(forms.__contains__, words))
    else:
        positions = [j for j in at if words[j] in forms]
    for j in positions:
        ws, pos = t.starts[j], t.ends[j]
        # The regex's \w also holds "_", which no token does: a word glued to one is no match.
        if text[ws - 1 : ws] != "_" and text[pos : pos + 1] != "_":
            out.append((ws, pos, forms[words[j]]))
    return out


@lru_cache(maxsize=8)
def _generic_forms(keys: tuple[str, ...]) -> dict[str, str] | None:
    """Every word _anaphora_regex matches (a noun with proclitics, or its لل contraction) → the
    noun; None when a noun is not one word. The regex parses each form itself, so the two
    cannot disagree."""
    if not all(WORD.fullmatch(k) for k in keys):
        return None
    regex = _anaphora_regex(keys)
    out: dict[str, str] = {}
    for key in keys:
        forms = [c + p + key for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل")]
        if key.startswith("ال"):
            forms += [c + "لل" + key[2:] for c in ("", "و", "ف")]
        for form in forms:
            if (m := regex.fullmatch(form)) is not None:
                out[form] = m.group("key") or "ال" + (m.group("lkey") or "")
    return out


@lru_cache(maxsize=8)
def _anaphora_regex(keys: tuple[str, ...]) -> re.Pattern[str]:
    """The generic nouns with their proclitics, including the لل contraction (للتنظيم)."""
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    lam = "|".join(re.escape(k[2:]) for k in sorted(keys, key=len, reverse=True) if k.startswith("ال"))
    return re.compile(rf"(?<!\w)(?:[وف]?[بكل]?(?P<key>{alts})|[وف]?لل(?P<lkey>{lam}))(?!\w)")
