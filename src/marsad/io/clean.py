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


def clean_article(article: Article) -> Article:
    """The article with every text field cleaned (the same object when nothing needed it)."""
    changes = {
        k: clean_str(v)
        for k in ("id", "text", "title", "url", "outlet")
        if isinstance(v := getattr(article, k), str) and _BAD.search(v)
    }
    return article.model_copy(update=changes) if changes else article
