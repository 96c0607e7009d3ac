"""Arabic orthographic folding with a map back to the original offsets.

Written by hand: camel-tools' normalisers keep tatweel and its data-backed parts need a download,
and pyarabic's hamza normaliser is too aggressive for names (إدلب→ءدلب). None of them keeps an
offset map, which every evidence span needs (CODING.md §7).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# One character in, zero or one character out. Everything not listed passes through.
_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    "ؤ": "و", "ۆ": "و",
    "ک": "ك", "گ": "ك",
    # Quotes go: outlets quote names (تنظيم “داعش”) and the quote must not split an alias.
    "“": "", "”": "", "„": "", "«": "", "»": "", "‘": "", "’": "", "‹": "", "›": "", '"': "",
    "٫": ".", "٬": ",", "،": "،", "؛": "؛",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200f": "", "\u200e": "", "\u200b": "",
    "\u200c": "", "\u200d": "", "\ufeff": "", "\u0640": "",  # tatweel
}  # fmt: skip
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


def _is_mark(ch: str) -> bool:
    # Harakat, shadda, sukun, superscript alef, Quranic marks: dropped.
    return unicodedata.category(ch) == "Mn"


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each folded character, the offset of its source character."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) back to the original text."""
        if start >= len(self.text):
            return self.offsets[-1], self.offsets[-1]
        o_start = self.offsets[start]
        # The end is one past the last source char of the last folded char.
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end


def fold_char(ch: str) -> str:
    if ch in _FOLD:
        return _FOLD[ch]
    if _is_mark(ch):
        return ""
    if "\ufb50" <= ch <= "\ufeff":  # Arabic presentation forms: NFKC, then fold again
        return "".join(fold_char(c) for c in unicodedata.normalize("NFKC", ch))
    return ch


def fold_with_map(text: str) -> Folded:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        for c in f:
            out.append(c.lower())
            offsets.append(i)
    offsets.append(len(text))
    return Folded("".join(out), tuple(offsets))


def fold(text: str) -> str:
    """The matching key of a string: folded, whitespace collapsed, stripped.

    Lexicons and the gazetteer store names under this key; text is folded the same way.
    """
    s = "".join(fold_char(c) for c in text).lower()
    return " ".join(s.split())


def is_arabic_letter(ch: str) -> bool:
    return bool(_ARABIC_LETTER.match(ch))


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
