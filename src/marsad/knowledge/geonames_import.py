"""Import a GeoNames country dump (XX.txt) into the user gazetteer.

The packaged sources hold only places of 500+ inhabitants (308 in Syria); a GeoNames country
dump holds every village, and with alternateNamesV2.txt their Arabic names. The import keeps:

- feature class P (populated places), A with ADM1/ADM2/ADM3 (admin units),
- T, L, H (mountains, areas, wadis …) only when they have an Arabic name,

and writes them to `user-<XX>.tsv` in the gazetteer cache directory. The next
`Gazetteer.load()` sees the new file (the cache key covers it) and merges it into the build:
existing places gain names and their GeoNames district; new places are added.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.knowledge.gazetteer import USER_FILE_COLUMNS, cache_dir_default, clean_arabic, has_arabic

_ADMIN_KINDS = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}
_NATURAL_CLASSES = {"T", "L", "H"}


@dataclass(slots=True)
class ImportResult:
    path: Path
    places: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    arabic_names: int = 0
    skipped: int = 0


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise ValueError(f"{path}: not a GeoNames dump line (want 19 columns): {line[:80]!r}")
            yield cols


def kind_of(feature_class: str, feature_code: str) -> str | None:
    if feature_class == "P":
        return "populated"
    if feature_class == "A":
        return _ADMIN_KINDS.get(feature_code)
    if feature_class in _NATURAL_CLASSES:
        return "natural"
    return None


def read_alternate_names(path: Path, wanted: set[str]) -> dict[str, list[str]]:
    """Arabic (`ar`) names by geonameid from alternateNamesV2.txt, historic names left out.

    Columns: alternateNameId, geonameid, isolanguage, alternate name, isPreferredName,
    isShortName, isColloquial, isHistoric, from, to. The full file is large: it is streamed
    and each line is tested with a cheap substring check first.
    """
    out: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if "\tar\t" not in line:
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[2] != "ar" or cols[1] not in wanted:
                continue
            if len(cols) > 7 and cols[7] == "1":
                continue
            if cols[3] not in out[cols[1]]:
                out[cols[1]].append(cols[3])
    return dict(out)


def read_admin2_codes(path: Path) -> dict[str, str]:
    """admin2Codes.txt: 'SY.11.7895145<TAB>Tadmur District<TAB>ascii<TAB>geonameid' → name."""
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0].count(".") == 2:
                names[cols[0]] = cols[2] if len(cols) > 2 and cols[2] else cols[1]
    return names


def import_dump(
    dump: Path,
    *,
    alternate_names: Path | None = None,
    admin2_codes: Path | None = None,
    cache_dir: Path | None = None,
) -> ImportResult:
    """Read `dump` (and the optional side files) and write the user gazetteer file."""
    dump = Path(dump)
    cache_dir = Path(cache_dir) if cache_dir is not None else cache_dir_default()
    cache_dir.mkdir(parents=True, exist_ok=True)
    rows = list(_rows(dump))
    ids = {r[0] for r in rows}
    alt = read_alternate_names(Path(alternate_names), ids) if alternate_names else {}
    admin2 = read_admin2_codes(Path(admin2_codes)) if admin2_codes else {}
    countries = sorted({r[8] for r in rows if r[8]})
    stem = dump.stem.upper() if len(dump.stem) == 2 else "-".join(countries) or dump.stem
    out_path = cache_dir / f"user-{stem}.tsv"
    result = ImportResult(out_path)
    tmp = out_path.with_suffix(".tsv.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(USER_FILE_COLUMNS)
        for r in rows:
            gid, name, _ascii, altnames, lat, lon, fclass, fcode, cc = r[:9]
            a1, a2 = r[10], r[11]
            population = r[14] if len(r) > 14 else ""
            kind = kind_of(fclass, fcode)
            arabic = [n for n in altnames.split(",") if has_arabic(n)]
            arabic += [n for n in alt.get(gid, []) if n not in arabic]
            # Keep only plausible Arabic spellings (no Persian/Kurdish letters, no tabs/pipes).
            arabic = [n.strip() for n in arabic if clean_arabic(n) and "|" not in n]
            if kind is None or (kind == "natural" and not arabic):
                result.skipped += 1
                continue
            a2_name = admin2.get(f"{cc}.{a1}.{a2}", "") if a2 else ""
            if kind == "admin2" and not a2_name:
                a2_name = name
            writer.writerow(
                [gid, name, kind, fcode, cc, a1, a2, a2_name, lat, lon, population or "0", "|".join(arabic)]
            )
            result.places += 1
            result.by_kind[kind] += 1
            result.arabic_names += len(arabic)
    tmp.replace(out_path)
    return result
