"""Template actors made specific (CODING.md §3): "الجيش" is the army of the report's country, of
its round-up item's, of the foreign army telling the news, or the army the report names."""

from __future__ import annotations

from collections import Counter

from marsad.doc import ACTOR, Doc, Mention
from marsad.events import roles
from marsad.events.interceptions import TELLING_CUES
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CUE_REACH, first_cue, words_before
from marsad.text.normalize import fold


class TemplateActors:
    """The assembler's part (events/assemble.py) that points template actors at the report's own."""

    k: Knowledge

    def _specialise_templates(self, doc: Doc) -> None:
        """ "الجيش" in a Sudanese report is the Sudanese army: point a template actor at the
        report country's own entry, so the two names count as one actor everywhere after."""
        if not doc.country:
            return
        army: list[int | None] = []  # the report's most named state army, found on first need
        foreign: list[int | None] = []  # the foreign army telling the news, likewise
        authority: list[int | None] = []  # the de facto authority's forces telling it, likewise
        actors = self.k.actors  # (a property: read once, not per mention)
        for m in doc.get(ACTOR):
            entry = actors[m.value]
            branch = self.k.branch_actor(m.value, doc.country) if entry.branches else None
            if branch is not None:
                m.value = branch
            elif entry.shared_names and entry.country != doc.country and fold(m.text) in entry.shared_folded:
                # "جهاز الأمن الوطني" in a Yemeni report: Yemen's, not Egypt's (its own entry, or
                # the template of that kind, named after the event's country).
                own = self.k.state_actor(entry.kind, doc.country)
                if own is None:
                    own = self.k.templates_by_kind.get(entry.kind)
                if own is not None:
                    m.value = own
            elif entry.template and m.sentence in doc.item_countries:
                # A round-up's item opened by its country ("وفي الصومال، أعلن الجيش …"): that
                # country's force, else the template named after the event's country.
                specific = self.k.state_actor(entry.kind, doc.item_countries[m.sentence])
                if specific is not None:
                    m.value = specific
            elif entry.template:
                specific = self.k.state_actor(entry.kind, doc.country)
                if entry.kind == "state" and not foreign:
                    foreign.append(self._telling_foreign_army(doc))
                if entry.kind == "state" and foreign[0] is not None:
                    # "أعلنت وزارة الدفاع التركية مقتل جندي في هجوم على قاعدة شمالي العراق": the
                    # soldier is of the foreign army that tells the news, the only army named.
                    specific = foreign[0]
                if entry.kind == "state" and not authority:
                    authority.append(self._telling_authority(doc))
                if entry.kind == "state" and authority[0] is not None:
                    # "أعلن المتحدث الرسمي للقوات المسلحة اليمنية (الحوثيين) أن القوات البحرية
                    # نفذت …": the branches a de facto authority's spokesman names are its own.
                    specific = authority[0]
                if specific is None and entry.kind == "state":
                    # No army of the report's country goes by the bare words (the Palestinian
                    # territories): "الجيش" is the army the report names ("الجيش الإسرائيلي").
                    if not army:
                        army.append(self._named_army(doc))
                    specific = army[0]
                if (
                    entry.kind == "state"
                    and specific is not None
                    and not actors[specific].generic_air_names
                    and m.attrs.get("aerial")  # an aircraft's name (the actor recogniser's aerial_words)
                ):
                    # "قصفت المدفعية الإسرائيلية أطراف بلدات …، فيما شن الطيران الحربي غارة": where
                    # the country's own forces strike from no air, a bare air force is the foreign
                    # army its sentence names, else the one the report names most.
                    specific = (
                        self._only_foreign_army(doc, m.sentence) or self._named_foreign_army(doc) or specific
                    )
                if specific is not None:
                    m.value = specific

    def _only_foreign_army(self, doc: Doc, sentence: int) -> int | None:
        """The one state army named as such in the sentence, when it is another state's and not
        named as hit ("قصف الطيران الحربي مواقع للقوات التركية": the air force is not Turkey's)."""
        actors = self.k.actors
        named = {
            a.value
            for a in doc.in_sentence(ACTOR, sentence)
            if not actors[a.value].template
            and actors[a.value].kind == "state"
            and a.attrs.get("role_cue") != roles.PATIENT
        }
        if len(named) != 1:
            return None
        (only,) = named
        return only if actors[only].country != doc.country else None

    def _named_foreign_army(self, doc: Doc) -> int | None:
        """The state army of another country the report names most, if any."""
        actors = self.k.actors
        return next(
            (a for a, _ in self._named_armies(doc).most_common() if actors[a].country != doc.country), None
        )

    def _named_armies(self, doc: Doc) -> Counter[int]:
        """The state armies the report names as such (not by the bare template words), counted."""
        actors = self.k.actors
        return Counter(
            m.value
            for m in doc.get(ACTOR)
            if not actors[m.value].template and actors[m.value].kind == "state"
        )

    def _named_army(self, doc: Doc) -> int | None:
        named = self._named_armies(doc)
        return named.most_common(1)[0][0] if named else None

    def _telling_authority(self, doc: Doc) -> int | None:
        """The forces of a de facto authority of the report's country (actors.yaml), when they
        tell the news under a state army's name ("المتحدث الرسمي للقوات المسلحة اليمنية": the
        Houthis' own name for their forces) and the report names no state army of that country."""
        actors = self.k.actors
        if any(actors[i].country == doc.country for i in self._named_armies(doc)):
            return None
        for a in doc.get(ACTOR):
            entry = actors[a.value]
            if (
                entry.de_facto_authority
                and entry.country == doc.country
                and self._tells(doc, a)
                and self.k.cues["army_words_in_a_name"].found_in(fold(a.text).split())
            ):
                return a.value
        return None

    def _telling_foreign_army(self, doc: Doc) -> int | None:
        """The army of another state than the report's, when it is the only state army the report
        names and it (its ministry, its spokesman) tells the news."""
        actors = self.k.actors
        named = self._named_armies(doc)
        if len({actors[i].country for i in named}) != 1:
            return None
        idx = named.most_common(1)[0][0]
        if actors[idx].country == doc.country:
            return None
        tells = any(self._tells(doc, a) for a in doc.get(ACTOR) if a.value in named)
        return idx if tells else None

    def _tells(self, doc: Doc, a: Mention) -> bool:
        """Whether the actor `a` tells the news: by a telling verb, or as the one its spokesman or
        statement speaks for ("قال المتحدث باسم الجيش الإسرائيلي إن …")."""
        if a.attrs.get("role_why") in TELLING_CUES:
            return True
        if a.attrs.get("role_cue") != roles.IGNORE:
            return False
        fs = doc.folded_index(a.start)
        # (one word may stand between: "المتحدث الرسمي للقوات المسلحة")
        # (and the name's own clitic cut off before it, "ل" of "للقوات", is no word)
        words = [w for w in words_before(doc.folded.text, fs, max(0, fs - CUE_REACH), 4) if len(w) > 1][-3:]
        return first_cue(words, {"statement": self.k.cues["statement_nouns"]}, 2) is not None
