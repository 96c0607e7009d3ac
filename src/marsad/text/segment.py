"""Sentence and clause segmentation for Arabic news prose.

Hand-written: spaCy's blank Arabic pipeline splits only on punctuation and knows nothing of the
discourse connectives (كما، بينما، في حين) that Arabic reports use to chain separate incidents
into one sentence. Offsets are in the coordinates of the text given.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

# A sentence ends at . ! ? ؟ … or a line break, but not at a decimal point (3.5); a year or a
# toll closes a sentence like any word ("... في 14 كانون الثاني 1991. وقتل ...").
# One character class opens the pattern (the decimal-point test comes after it, as a lookahead
# that looks back at the dot): re then skips ahead in C to the next candidate character. A
# pattern opening with an alternation gets no such skip and is tried at every position.
_SENT_END = re.compile(r"[.!?؟…\n](?!(?<=\d\.)\d)\s*")
# Clause boundaries inside a sentence: Arabic comma/semicolon, and connectives that open a new
# clause. The connective stays with the clause it opens.
# (One opening character class for both branches, for the same reason: "[،؛;,]\s*" or
# "\s+(?=connective)".)
_CLAUSE_BREAK = re.compile(
    r"[،؛;,\s](?:(?<=[،؛;,])\s*|\s*(?="
    r"(?:و|ف)?(?:كما|بينما|في حين|فيما|في وقت|إلى ذلك|الى ذلك|من جهة|من جانب|وذلك بعد|حيث)\s))"
)

# Each connective of _CLAUSE_BREAK contains one of these, as written. A sentence holding none of
# them breaks only at punctuation, which a pattern opening with the punctuation alone finds by
# re's skip to the next candidate character; _CLAUSE_BREAK must try every whitespace character
# for a connective, a match attempt per word.
_CONNECTIVE_CORES = ("كما", "بينما", "في حين", "فيما", "في وقت", "ذلك", "من جهة", "من جانب", "حيث")
_PUNCT_BREAK = re.compile(r"[،؛;,]\s*")  # _CLAUSE_BREAK where no connective follows

_LETTER = re.compile(r"[^\W_]")  # exactly str.isalnum, searched in C instead of char by char


class Segment(NamedTuple):
    """A sentence or clause (a named tuple: a report has a hundred of them, built per report)."""

    start: int
    end: int
    index: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def _split(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of text[start:end] between the matches of `pattern`, read in place (re's pos and
    endpos, not a slice: the clause pattern looks behind only at what it has just matched, and
    endpos ends the string for its lookahead as a slice would)."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = max(pos, m.end())
    if pos < end:
        out.append((pos, end))
    # Drop pieces that hold no word character (stray punctuation).
    return [(s, e) for s, e in out if _LETTER.search(text, s, e)]


def sentences(text: str) -> list[Segment]:
    return [Segment(s, e, i) for i, (s, e) in enumerate(_split(text, _SENT_END, 0, len(text)))]


def clauses(text: str, sentence: Segment) -> list[Segment]:
    pieces = _split(text, _CLAUSE_BREAK, sentence.start, sentence.end)
    return [Segment(s, e, i) for i, (s, e) in enumerate(pieces)]


def all_clauses(text: str, sentences: list[Segment]) -> list[list[Segment]]:
    """[clauses(text, s) for s in sentences], without the connective search in the sentences that
    hold no connective (most of them)."""
    cores: list[int] = []  # where a connective core starts, anywhere in the text
    for core in _CONNECTIVE_CORES:
        i = text.find(core)
        while i >= 0:
            cores.append(i)
            i = text.find(core, i + 1)
    cores.sort()
    out: list[list[Segment]] = []
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        # A connective _CLAUSE_BREAK can see lies wholly inside the sentence (endpos).
        k = bisect.bisect_left(cores, start)
        pattern = _CLAUSE_BREAK if k < len(cores) and cores[k] < end else _PUNCT_BREAK
        out.append([Segment(s, e, i) for i, (s, e) in enumerate(_split(text, pattern, start, end))])
    return out
