"""Number words and quantities in Arabic news text (CODING.md §6), and the regex machinery the
date and casualty recognisers share: anchor words and their windows, the compiled-pattern cache,
lexicon tries. The casualty patterns live in `recognize.casualties` (their names stay reachable
here).

Own lexicon rules rather than pyarabic: its `text2number` returns 0 for عشرات, مئات, the dual and
hedged figures (research notes), which are exactly the cases §6 codes specially. All words live in
`knowledge/data/numbers.yaml`; this module only turns them into regexes.

Matching runs on folded text (alef/hamza/ta-marbuta/yaa folded, digits ASCII, marks dropped), so a
lexicon entry written once matches all its spellings; spans are mapped back to the original text.
"""

from __future__ import annotations

import array
import hashlib
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any

import yaml

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.recognize.anchored import windows_upto
from marsad.text.normalize import COMMON_CHARS, Folded, fold, fold_with_map_cached
from marsad.text.tokens import Tokens, tokens

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.object import PyObject_GenericSetAttr
    from cython.cimports.cpython.type import PyType_GenericAlloc

# (find_casualties, CasualtyMention and MAX_CASUALTY_COUNT live in recognize.casualties)
__all__ = [
    "FoldMap",
    "Quantity",
    "compile_patterns",
    "fast_fold_with_map",
    "number_regex",
    "ordinal_day_words",
    "parse_quantity",
]


# Folding: both recognisers fold the same report, so the folded form is cached per text.
FoldMap = Folded


def fast_fold_with_map(text: str) -> Folded:
    """`marsad.text.normalize.fold_with_map`, cached: the Doc, dates and numbers fold one report."""
    return fold_with_map_cached(text)


def extend_marks(text: str, end: int) -> int:
    """Move a span end past the diacritics and tatweel that belong to its last letter."""
    while end < len(text) and (text[end] == "\u0640" or unicodedata.category(text[end]) == "Mn"):
        end += 1
    return end


def anchor_key(word: str) -> str:
    """The key an anchor word is filed under: without the article, digits as "#"."""
    if word[:1].isdigit():
        return "#"
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


_AnchorHit = tuple[int, int, frozenset[str]]
# Anchor patterns whose matches are known word forms (register_anchor_words): the forms with
# their clitic, and whether digit runs are anchors too.
# Keyed by id(): a Pattern hashes its whole compiled code on every lookup (≈1.5–2 µs for the anchor
# patterns); the pattern is kept in the value, so its id stays its own.
_SWEEPS: dict[int, tuple[re.Pattern[str], frozenset[str], bool]] = {}
# \d\d* rather than \d+: a pattern opening with a character class lets re skip to the next digit
# in C (a repeat first has no such skip), half the cost of a pass over the whole report.
_DIGIT_RUN = re.compile(r"\d\d*")
# The same runs in a text encoded by normalize.encode_common (Tokens.coded), one byte per
# character: a bytes class is a bitmap test per byte, where \d looks each character up in the
# Unicode tables.
_DIGIT_BYTES = re.escape(bytes(b for b, ch in enumerate(COMMON_CHARS) if _DIGIT_RUN.fullmatch(ch)))
_DIGIT_BYTE_RUN = re.compile(b"[" + _DIGIT_BYTES + b"][" + _DIGIT_BYTES + b"]*")
# Byte b of an encoded text → 1 for a digit, else 0: its digit runs are then the runs of 1s,
# found by bytes.find (a memchr) at their two ends, where the regex tested every byte and made
# a match object per run.
_DIGIT_MASK = bytes(_DIGIT_BYTE_RUN.fullmatch(bytes([b])) is not None for b in range(256))
_WORDLIKE = re.compile(r"[^\W_]+")
# \w counts "_" as a letter, str.isalnum (the tokens' words) does not: a text with one is
# tokenised with this letter in its place, which no anchor word holds (register_anchor_words),
# so its words are the pattern's \w runs and the same forms stand whole among them.
_UNDERSCORE_AS = "x"
_KEYS_OF: dict[str, frozenset[str]] = {}


def register_anchor_words(anchors: re.Pattern[str], words: Iterable[str], *, digits: bool) -> None:
    """Declare that `anchors` is B[وفبل]?(?P<w>alternation(words))E, after (?P<d>\\d+)| when
    `digits`: anchor_hits then finds its matches among the report's shared tokens (a set
    intersection) instead of running the regex over the whole report. Words that are not
    plain letters and digits keep the regex."""
    keys = set(_folded(words))
    if keys and all(_WORDLIKE.fullmatch(k) and _UNDERSCORE_AS not in k for k in keys):
        _SWEEPS[id(anchors)] = (anchors, frozenset(keys | {c + k for c in "وفبل" for k in keys}), digits)


def _keys_of(word: str) -> frozenset[str]:
    """A word is filed under itself and, when it starts with a clitic letter, under the rest too:
    "بحياة" is the anchor of "أودى بحياة" and also ب + "حياة" (the anchor of "فارق الحياة")."""
    got = _KEYS_OF.get(word)
    if got is None:
        keys = {anchor_key(word)}
        if len(word) > 3 and word[0] in "وفبل":
            keys.add(anchor_key(word[1:]))
        if len(_KEYS_OF) >= 50_000:
            _KEYS_OF.clear()
        got = _KEYS_OF[word] = frozenset(keys)
    return got


@cython.locals(mask=bytes, a=cython.Py_ssize_t, b=cython.Py_ssize_t, n=cython.Py_ssize_t, out=list)
def digit_runs(coded: bytes) -> list[tuple[int, int]]:
    """The spans of _DIGIT_BYTE_RUN.finditer(coded), from the digits' mask (_DIGIT_MASK)."""
    mask = coded.translate(_DIGIT_MASK)
    n = len(mask)
    out = []
    a = mask.find(1)
    while a >= 0:
        b = mask.find(0, a)
        if b < 0:
            b = n
        out.append((a, b))
        a = mask.find(1, b)
    return out


@cython.locals(words=list, present=frozenset, i=cython.Py_ssize_t, found=list)
def indexes_in(words: list[str], present: frozenset[str]) -> list[int]:
    """The indexes of the words that are in `present`, in order. Compiled, one loop with a C
    index and a set look-up made in C; from source, compress over a map (no Python step per
    word): the same list."""
    if not cython.compiled:
        return list(compress(range(len(words)), map(present.__contains__, words)))
    found = []
    for i in range(len(words)):
        if words[i] in present:
            found.append(i)
    return found


@cython.locals(
    k=cython.Py_ssize_t, n=cython.Py_ssize_t, a=cython.Py_ssize_t, b=cython.Py_ssize_t, out=list, memo=dict
)
def anchor_hits(s: str, anchors: re.Pattern[str]) -> list[_AnchorHit]:
    """(start, end, keys) of every anchor word in s, in order."""
    sweep = _SWEEPS.get(id(anchors))
    if sweep is None or sweep[0] is not anchors:
        return [(m.start(), m.end(), _keys_of(m.group(0))) for m in anchors.finditer(s)]
    _, forms, digits = sweep
    # The pattern matches whole words only (B…E), a word exactly when it is one of the forms.
    # (A "_" is a letter to \w: see _UNDERSCORE_AS. The regex over the report cost several
    # times a tokenisation.)
    t = Tokens(s.replace("_", _UNDERSCORE_AS)) if "_" in s else tokens(s) or Tokens(s)
    words = t.words
    out = []
    starts, ends = t.starts, t.ends
    memo = _KEYS_OF  # (_keys_of's memo read here: a call per hit cost more than its look-up)
    # (One pass over the words: a set intersection first only told whether to make this one.)
    for i in indexes_in(words, forms):
        word = words[i]
        keys = memo.get(word)
        if keys is None:
            keys = _keys_of(word)
        out.append((starts[i], ends[i], keys))
    if digits:
        # (?P<d>\d+) comes first and needs no word edge: every digit run is an anchor, except
        # inside a word already matched whole ("ت1"), which the scan has moved past. The runs
        # come in order: out[:k] are the words starting at or before the run (one sweep, not a
        # bisect per run), the last of them the one that could hold it.
        hash_keys = _keys_of("0")
        runs = []
        found = map(re.Match.span, _DIGIT_RUN.finditer(s)) if t.coded is None else digit_runs(t.coded)
        k, n = 0, len(out)
        for a, b in found:
            while k < n and out[k][0] <= a:
                k += 1
            if k == 0 or out[k - 1][1] <= a:
                runs.append((a, b, hash_keys))
        if runs:
            out = sorted(out + runs, key=itemgetter(0))
    return out


def _windows(s: str, hits: list[_AnchorHit], before: int, after: int) -> list[tuple[int, int]]:
    """Merged windows reaching `before`/`after` characters around each hit, widened to word edges
    (anchored.windows_upto without the start of each window's last hit). A pattern runs only
    inside the windows of its own anchor words' hits: every match holds one and reaches at most
    `before`/`after` characters from it, so nothing is lost, while a report without the
    pattern's cue words costs nothing (a full regex pass is ≈0.1 ms per 2 KB)."""
    return [(a, b) for a, b, _ in windows_upto(s, hits, before, after)]


def anchor_keys(phrases: Iterable[str], skip: Iterable[str] = ()) -> frozenset[str]:
    """Keys of the words of folded phrases, leaving out function words."""
    stop = set(skip)
    return frozenset(anchor_key(w) for p in phrases for w in p.split() if w not in stop)


# --------------------------------------------------------------------------------------------
# Lexicon loading and regex building


# libyaml's loader builds the same data ≈10× faster than the pure-Python one (≈50 ms per file).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_lexicon(name: str) -> dict[str, Any]:
    raw = (files("marsad.knowledge") / "data" / name).read_text(encoding="utf-8")
    data = yaml.load(raw, Loader=_YAML_LOADER)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data


# --------------------------------------------------------------------------------------------
# Compiled-pattern cache. The casualty patterns nest the quantity pattern many times (≈140k
# characters of regex in all) and `re` parses and compiles them in pure Python: ≈0.5–2.5 s per
# process. The compiled form is a list of ints that CPython's `_sre.compile` (what re.compile
# itself ends with) turns into a Pattern in microseconds, so it is kept on disk, keyed by the
# exact Python build and the pattern text. The result is the very same Pattern (Pattern objects
# compare equal only when flags, text and code all are); `_sre` re-validates cached code and
# anything unexpected falls back to re.compile.


def _regex_cache_path(name: str) -> Path:
    env = os.environ.get("MARSAD_CACHE_DIR")  # same default as the gazetteer cache
    base = Path(env).expanduser() if env else Path.home() / ".cache" / "marsad"
    return base / f"regex-{name}.marshal"


def _cache_header() -> str:
    import _sre

    # (format 2: each entry holds its rewritten source too)
    return f"2|{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"


def _code_typecode() -> str | None:
    import _sre

    return next((t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE), None)


def _source_key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def _compile_to_code(source: str) -> tuple[str, int, bytes, int, dict[str, int], tuple[str | None, ...]]:
    """The source and what re._compiler.compile hands to _sre.compile, in a marshal-able form."""
    from re import _compiler, _parser

    parsed = _parser.parse(source, 0)
    code = _compiler._code(parsed, 0)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    typecode = _code_typecode() or "I"
    return (
        source,
        parsed.state.flags,
        array.array(typecode, code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _from_code(entry: Any) -> re.Pattern[str]:
    import _sre

    source, flags, code_bytes, groups, groupindex, indexgroup = entry
    code = array.array(_code_typecode() or "I", code_bytes).tolist()
    rx: re.Pattern[str] = _sre.compile(source, flags, code, groups, dict(groupindex), tuple(indexgroup))
    return rx


def compile_patterns(
    name: str, sources: Sequence[str], rewrite: Callable[[str], str] | None = None
) -> list[re.Pattern[str]]:
    """re.compile each source (after `rewrite`, which must keep what it matches), reusing the
    rewritten source and its code cached on disk under `name` by an earlier process.

    Behaves exactly like [re.compile(rewrite(s)) for s in sources]; only faster from the second
    process on (rewriting the casualty patterns alone took 80 ms). Without CPython internals or a
    writable cache directory it is plain re.compile.
    """
    if sys.implementation.name != "cpython" or _code_typecode() is None:
        return [re.compile(rewrite(src) if rewrite else src) for src in sources]
    path = _regex_cache_path(name)
    header = _cache_header()
    cached: dict[str, Any] = {}
    try:
        data = marshal.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("header") == header:
            cached = data["entries"]
    except Exception:
        cached = {}
    tag = f"{rewrite.__module__}.{rewrite.__qualname__}|" if rewrite else ""
    out: list[re.Pattern[str]] = []
    entries: dict[str, Any] = {}
    missing = False
    for src in sources:
        key = _source_key(tag + src)
        rx: re.Pattern[str] | None = None
        if key in cached:
            try:
                rx = _from_code(cached[key])
                entries[key] = cached[key]
            except Exception:
                rx = None
        if rx is None:
            missing = True
            final = rewrite(src) if rewrite else src
            try:
                entries[key] = _compile_to_code(final)
                rx = _from_code(entries[key])
            except Exception:
                entries.pop(key, None)
                rx = re.compile(final)
        out.append(rx)
    if missing or len(entries) != len(cached):
        _write_cache(path, {"header": header, "entries": entries})
    return out


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    """Write atomically (a concurrent reader sees the old file or the new one); never raise."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(data))
            os.chmod(tmp, 0o644)  # mkstemp makes it private; it holds nothing secret
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # read-only home, full disk: the next process compiles again


def _folded(words: Iterable[Any]) -> list[str]:
    return [f for f in (fold(str(w)) for w in words) if f]


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the folded phrases, built as a character trie.

    A trie rather than "a|b|c": Python's re tries alternatives one by one at every position, and
    with a few hundred lexicon entries that made a 2 KB report cost milliseconds. In the trie each
    position fails after one character test. Longer continuations are tried first, so "كانون
    الثاني" wins over a shorter entry. Spaces inside a phrase match any run of whitespace.
    """
    trie: dict[str, Any] = {}
    for w in set(_folded(words)):
        node = trie
        for ch in w.replace(" ", "\x00"):  # \x00 stands for "some whitespace"
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches: list[str] = []
    single_chars: list[str] = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == "\x00" else re.escape(ch)
        child = node[ch]
        if list(child) == [""]:
            if ch == "\x00":
                branches.append(piece)
            else:
                single_chars.append(piece)
        else:
            branches.append(piece + _trie_regex(child))
    if single_chars:
        branches.append(single_chars[0] if len(single_chars) == 1 else "[" + "".join(single_chars) + "]")
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


B = r"(?<!\w)"  # word start (Arabic letters and digits are \w)
E = r"(?!\w)"  # word end

_NUM = load_lexicon("numbers.yaml")

# Folded word → ("unit"|"ten"|"hundred"|"one"|"teen"|"scale"|"scale_pl"|"scale_dual", value)
_WORDS: dict[str, tuple[str, int]] = {}
for _v, _ws in _NUM["units"].items():
    for _w in _folded(_ws):
        _WORDS[_w] = ("unit", int(_v))
for _w in _folded(_NUM["compound_one"]):
    _WORDS.setdefault(_w, ("one", 1))
for _v, _ws in _NUM["tens"].items():
    for _w in _folded(_ws):
        _WORDS[_w] = ("ten", int(_v))
for _v, _ws in _NUM["hundreds"].items():
    for _w in _folded(_ws):
        _WORDS[_w] = ("hundred", int(_v))
for _v, _forms in _NUM["scales"].items():
    for _form, _kind in (("singular", "scale"), ("plural", "scale_pl"), ("dual", "scale_dual")):
        for _w in _folded(_forms.get(_form, [])):
            _WORDS[_w] = (_kind, int(_v))
_TEEN = set(_folded(_NUM["teen"]))

_VAGUE: dict[str, tuple[int, int, int | None]] = {
    fold(k): (int(v["value"]), int(v["low"]), None if v.get("high") is None else int(v["high"]))
    for k, v in _NUM["vague"].items()
}
_HEDGE_BEFORE: dict[str, str] = {}
_HEDGE_AFTER: dict[str, str] = {}
for _h, _sides in _NUM["hedges"].items():
    for _w in _folded(_sides.get("before", [])):
        _HEDGE_BEFORE[_w] = _h
    for _w in _folded(_sides.get("after", [])):
        _HEDGE_AFTER[_w] = _h

# Word numbers in running text. "أحد/إحدى" only inside a compound ("أحد عشر"), never alone.
_NUMWORD = alternation(w for w, (k, _) in _WORDS.items() if k != "one")
_ONEWORD = alternation(w for w, (k, _) in _WORDS.items() if k == "one")
_TEENW = alternation(_TEEN)
_SCALEW = alternation(w for w, (k, _) in _WORDS.items() if k.startswith("scale"))
_WORDNUM = (
    rf"(?:(?:{_ONEWORD}){E}\s+(?:{_TEENW}){E}|(?:{_NUMWORD}){E})"
    rf"(?:\s+(?:و\s*)?(?:(?:{_NUMWORD}){E}))*"
)
_DIGITS = r"\d+(?:[,.]\d{3})*(?:\.\d+)?"
_ATOM = rf"(?:(?<![\d.,]){_DIGITS}(?![\d]|[.,]\d)(?:\s+(?:{_SCALEW}){E})?|{_WORDNUM})"
_VAGUEW = alternation(_VAGUE)
_HB = alternation(_HEDGE_BEFORE)
_HA = alternation(_HEDGE_AFTER)
_JOIN = alternation(["إلى", "أو", "حتى"])  # folded: الي، او، حتي
_RANGE = (
    rf"(?:(?:ما\s+)?بين\s+{_ATOM}\s+و\s*{_ATOM}"
    rf"|{_ATOM}(?:\s*[-–]\s*{_ATOM}|\s+(?:{_JOIN})\s+{_ATOM})?)"
)
# A quantity phrase in running text: hedge? (range | atom | vague word).
QTY = rf"(?:(?:{_HB}){E}\s*)?(?:{_RANGE}|(?:{_VAGUEW}){E})(?:\s+(?:{_HA}){E})?"
# The words a QTY match can end with, besides a word holding a digit: the last word of a number
# word, a teen, a vague word or a hedge after, also with a clitic or "و" glued to it ("وعشرين").
# (A superset: window_scan.after_count skips the windows of count + noun patterns by it.)
_QTY_LAST = {p.split()[-1] for p in _folded([*_WORDS, *_TEEN, *_VAGUE, *_HEDGE_AFTER])}
QTY_LAST_WORDS = frozenset(_folded(_QTY_LAST | {c + w for c in "وفبل" for w in _QTY_LAST}))
# The words a QTY match can open with, besides a word holding a digit: the first word of a hedge
# before it, of a range ("ما بين", "بين"), of a number word or of a vague word. (A superset too:
# casualty patterns opening with a quantity are tried only where one of them starts.)
QTY_FIRST_WORDS = frozenset(p.split()[0] for p in _folded([*_HEDGE_BEFORE, "ما", "بين", *_WORDS, *_VAGUE]))


def number_regex() -> str:
    """The regex source of a quantity phrase on folded text (used by the date recogniser)."""
    return QTY


def ordinal_day_words() -> dict[str, int]:
    """Folded ordinal phrases for days 1–31 ("الخامس عشر", "الحادي والعشرين") → day."""
    ords = {int(k): _folded(v) for k, v in _NUM["ordinals"].items()}
    teen = _folded(_NUM["ordinal_teen"])
    tens = {int(k): _folded(v) for k, v in _NUM["ordinal_tens"].items()}
    out: dict[str, int] = {}
    for d, ws in ords.items():
        for w in ws:
            out.setdefault(w, d)
            if d < 10:
                for t in teen:
                    out.setdefault(f"{w} {t}", 10 + d)
    for ten, tws in tens.items():
        for tw in tws:
            out[tw] = ten
            for d, ws in ords.items():
                if d < 10 and ten + d <= 31:
                    for w in ws:
                        out.setdefault(f"{w} و{tw[2:] if tw.startswith('ال') else tw}", ten + d)
                        out.setdefault(f"{w} و{tw}", ten + d)
    return out


# --------------------------------------------------------------------------------------------
# Quantities


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int  # coded value (CODING.md §6): the lowest bound; vague words per numbers.yaml
    exact: bool  # a precise figure was given
    low: int
    high: int | None


def _quantity(value: int, exact: bool, low: int, high: int | None) -> Quantity:
    """Quantity(value, exact, low, high): compiled, made as its __init__ makes it (allocated,
    then each field set as object.__setattr__ sets it) without the interpreted frame and a bound
    __setattr__ per field, a frozen dataclass's way."""
    if cython.compiled:
        q = PyType_GenericAlloc(Quantity, 0)
        PyObject_GenericSetAttr(q, "value", value)
        PyObject_GenericSetAttr(q, "exact", exact)
        PyObject_GenericSetAttr(q, "low", low)
        PyObject_GenericSetAttr(q, "high", high)
        return q  # type: ignore[no-any-return]
    return Quantity(value, exact, low, high)


# Digit strings longer than this are not read as quantities: no count, toll or year has 16 digits.
_MAX_DIGITS = 15
_PUNCT_EDGES = " \t\n.,،؛;:!?()[]{}-–"
_WS = re.compile(r"\s+")
_DIGITS_RE = re.compile(_DIGITS)
_THOUSANDS_DOT = re.compile(r"\d+\.\d{3}")


# Every word a number phrase of _parse can be made of, folded: number words (with "و" before),
# teens, the words of vague counts (with "ال" before). A phrase with none of them, and no digit,
# is no quantity (may_be_quantity_word).
_QUANTITY_TOKENS = frozenset(
    list(_WORDS)
    + ["و" + w for w in _WORDS]
    + list(_TEEN)
    + [t for k in _VAGUE for t in k.split()]
    + ["ال" + t for k in _VAGUE for t in k.split()]
)
_QUANTITY_SPLIT = re.compile(r"[\s\-–]+")
_ANY_DIGIT = re.compile(r"\d")


def may_be_quantity_word(word: str) -> bool:
    """False only where `word` can be no part of a phrase that parse_quantity reads: it has no
    digit, and no piece of it (split at a dash, edge punctuation stripped) is a number word."""
    f = fold(word)
    if _ANY_DIGIT.search(f) is not None:
        return True
    for piece in _QUANTITY_SPLIT.split(f):  # noqa: SIM110 (a loop, not any() over a generator)
        if piece.strip(_PUNCT_EDGES) in _QUANTITY_TOKENS:
            return True
    return False


def _core_number(s: str) -> tuple[int, int, int | None, bool] | None:
    """(value, low, high, exact) for a number with no hedge and no range, or None."""
    if s in _VAGUE:
        v, lo, hi = _VAGUE[s]
        return v, lo, hi, False
    if s.startswith("ال") and s[2:] in _VAGUE:
        v, lo, hi = _VAGUE[s[2:]]
        return v, lo, hi, False
    tokens = s.split()
    if not tokens:
        return None
    total = cur = 0
    prev = ""
    fractional = False
    for i, tok in enumerate(tokens):
        kind_val: tuple[str, int] | None
        if _DIGITS_RE.fullmatch(tok):
            num = tok.replace(",", "")
            if _THOUSANDS_DOT.fullmatch(num) and not (i + 1 < len(tokens) and tokens[i + 1] in _WORDS):
                num = num.replace(".", "")  # 1.200 as a thousands separator
            if len(num.split(".", 1)[0]) > _MAX_DIGITS:
                return None  # no count has that many digits (and int(float()) would overflow)
            try:
                fval = Decimal(num)  # exact: a float round-trip loses digits past the 15th
            except InvalidOperation:
                return None
            fractional = fval != fval.to_integral_value()
            cur += int(fval) if not fractional else 0
            if fractional:
                cur_f = fval
            prev = "digit"
            continue
        kind_val = _WORDS.get(tok)
        if kind_val is None and tok.startswith("و") and tok[1:] in _WORDS:
            kind_val = _WORDS[tok[1:]]
            prev = "and"
        if kind_val is None and tok in _TEEN:
            kind_val = ("unit", 10)
        if kind_val is None:
            return None
        kind, val = kind_val
        if kind in ("unit", "one") and val == 10 and prev in ("unit", "one") and tok in _TEEN:
            cur += 10  # خمسة عشر, احد عشر
        elif kind == "hundred" and val == 100 and prev == "unit" and 0 < cur < 10:
            cur *= 100  # "ثلاث مئة" written apart
        elif kind == "scale":
            base = cur_f if fractional else (cur or 1)
            total += int(base * val)
            cur, fractional = 0, False
        elif kind == "scale_pl":
            if not cur and not fractional:
                return None  # bare آلاف is a vague word, handled above
            base = cur_f if fractional else cur
            total += int(base * val)
            cur, fractional = 0, False
        elif kind == "scale_dual":
            total += 2 * val
        else:
            cur += val
        prev = kind
    if fractional:
        return None
    value = total + cur
    return value, value, value, True


def _longest_first_by(words: Iterable[str], edge: int) -> dict[str, list[str]]:
    """Words longest first, filed by their first (edge 0) or last (edge -1) character: a phrase
    is only tested against the hedges that can start or end it, in the same order."""
    out: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        out.setdefault(w[edge], []).append(w)
    return out


# Sorted, filed and compiled once, not per phrase.
_HEDGES_BEFORE_BY_FIRST = _longest_first_by(_HEDGE_BEFORE, 0)
_HEDGES_AFTER_BY_LAST = _longest_first_by(_HEDGE_AFTER, -1)
_RANGE_BETWEEN = re.compile(r"(?:ما )?بين (.+?) و ?(.+)")
_RANGE_JOINED = re.compile(rf"(.+?) ?(?:-|–| (?:{_JOIN}) ) ?(.+)")


def _parse(text: str) -> tuple[Quantity, str | None] | None:
    s = _WS.sub(" ", fold(text)).strip(_PUNCT_EDGES)
    if not s:
        return None
    hedge: str | None = None
    for w in _HEDGES_BEFORE_BY_FIRST.get(s[:1], ()):
        if s.startswith(w + " ") or (s.startswith(w) and s[len(w) : len(w) + 1].isdigit()):
            hedge = _HEDGE_BEFORE[w]
            s = s[len(w) :].strip()
            break
    for w in _HEDGES_AFTER_BY_LAST.get(s[-1:], ()):
        if s.endswith(" " + w):
            hedge = hedge or _HEDGE_AFTER[w]
            s = s[: -len(w)].strip()
            break
    # (Both hold a space or a dash: a phrase of one word, most figures, is tried against neither.)
    m = (
        (_RANGE_BETWEEN.fullmatch(s) or _RANGE_JOINED.fullmatch(s))
        if " " in s or "-" in s or "–" in s
        else None
    )
    if m:
        a, b = _core_number(m.group(1).strip()), _core_number(m.group(2).strip())
        if a and b and a[3] and b[3] and b[0] >= a[0]:
            return _quantity(a[0], False, a[0], b[0]), "range"
    core = _core_number(s)
    if core is None:
        return None
    value, low, high, exact = core
    if hedge is not None:
        exact = False
        high = None  # at least / more than / about: no upper bound is stated
    return _quantity(value, exact, low, high), hedge


def parse_quantity(text: str) -> Quantity | None:
    """A whole number phrase → its coded quantity ("ثلاثة وعشرون", "نحو 20", "١٢", "عشرات")."""
    parsed = _parse(text)
    return parsed[0] if parsed else None
