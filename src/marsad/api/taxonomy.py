"""Event types and their sub-event types (CODING.md §2), as /api/meta lists them: built from the one
table the lexicon, the review checks and the filters share (knowledge.lexicon.SUB_EVENT_TYPES)."""

from __future__ import annotations

from marsad.store import codebook

EVENT_TYPES: dict[str, list[str]] = {t: codebook.sub_types_of(t) for t in codebook.EVENT_TYPES}
