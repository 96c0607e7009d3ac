"""Clean untrusted text at the boundary, the same way whatever database or output comes next.

JSON may carry what no UTF-8 file can: a lone surrogate ("\\ud800") cannot be encoded (hashing or
storing it raises), and a NUL is refused by PostgreSQL but kept by SQLite. Both are replaced, so one
record behaves identically everywhere; so are the other control characters except tab and line
breaks (they carry nothing a reader can see). Each is replaced by one character, so evidence
offsets into the cleaned text are offsets into the input text too.
"""

from __future__ import annotations

import re

from marsad.models import Article

# Lone surrogates, NUL and the C0/C1 controls other than \t \n \r (and \x85, NEL, a line break).
_BAD = re.compile("[\ud800-\udfff]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def _fix(m: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " "


def clean_str(s: str) -> str:
    """`s` with each lone surrogate replaced by U+FFFD and each invisible control character by a space."""
    return _BAD.sub(_fix, s) if _BAD.search(s) else s


# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): in a name shown on its
# own they reorder what follows ("gnp.exe" shown as "exe.png"). Letters' own direction and the
# marks LRM/RLM (U+200E/F) are enough for Arabic names, so the controls are removed from the
# short fields; the report text keeps them (offsets), and is shown as text, never as a label.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi(s: str) -> str:
    """`s` without bidi embedding, override and isolate controls."""
    return _BIDI.sub("", s)


def show_bidi(s: str) -> str:
    """`s` for a terminal: each bidi control written out as <U+202E>, so it is seen, not obeyed."""
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", s)


def clean_article(article: Article) -> Article:
    """The article with every text field cleaned (the same object when nothing needed it)."""
    changes = {
        k: clean_str(v)
        for k in ("id", "text", "title", "url", "outlet")
        if isinstance(v := getattr(article, k), str) and _BAD.search(v)
    }
    for k in ("id", "title", "url", "outlet"):
        v = changes.get(k, getattr(article, k))
        if isinstance(v, str) and _BIDI.search(v):
            changes[k] = strip_bidi(v)
    return article.model_copy(update=changes) if changes else article
