"""Writes web/src/generated/labels-ar.json: Arabic display names for the values the UI shows
(countries, admin1 units, actors), taken from the knowledge base so the UI and the extractor
agree. Run by `make web` before the bundle is built; the output is committed.

Countries: the first of countries.yaml's `arabic` names. Admin1: the gazetteer's Arabic display
name of each admin unit. Actors: the first Arabic alias of each actors.yaml entry; templates and
country-qualified actors get one entry per country, the Arabic templates coming from
web/src/values.json (the `actor_templates` table).
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

from marsad.knowledge.gazetteer import Gazetteer, data_dir_default, load_countries
from marsad.knowledge.lexicon import load_actors

WEB = Path(__file__).resolve().parent.parent
BASEMAP = WEB.parent / "src" / "marsad" / "web" / "static" / "basemap.topo.json"
ARABIC = re.compile(r"[\u0600-\u06ff]")


def _key(name: str) -> str:
    """A spelling-tolerant key: "Homs (Hims)", "Dar`a" and "Ar-Raqqa" -> "homs", "dara", "raqqa"."""
    name = re.sub(r"\(.*?\)", "", name)
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"^(al|el|ar|as|ad|ash|at|az|an)[\s'-]+", "", name.strip())
    return re.sub(r"[^a-z]", "", name)


def _arc_boxes(topo: dict) -> list[tuple[float, float, float, float]]:
    """The bounding box of each arc of a quantised TopoJSON topology."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    boxes = []
    for arc in topo["arcs"]:
        x = y = 0
        xs, ys = [], []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            xs.append(x * sx + tx)
            ys.append(y * sy + ty)
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _geom_box(geom: dict, arcs: list[tuple[float, float, float, float]]) -> tuple[float, ...]:
    ids: list[int] = []

    def walk(a: object) -> None:
        if isinstance(a, int):
            ids.append(a if a >= 0 else ~a)
        elif isinstance(a, list):
            for b in a:
                walk(b)

    walk(geom.get("arcs") or [])
    bs = [arcs[i] for i in ids]
    return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))


def basemap_admin1(units: list[tuple[str, str, float, float]]) -> dict[str, str]:
    """Arabic names for the basemap's admin1 labels (Natural Earth spellings, which differ from
    ACLED's): a gazetteer admin1 unit (ACLED name, Arabic, lat, lon) matches a basemap area when
    its point lies in the area's bounding box and its name has the same tolerant key, or a close
    one (difflib ratio >= 0.85). Unmatched labels stay English."""
    topo = json.loads(BASEMAP.read_text(encoding="utf-8"))
    arcs = _arc_boxes(topo)
    out: dict[str, str] = {}
    for geom in topo["objects"]["admin1"]["geometries"]:
        name = (geom.get("properties") or {}).get("name") or ""
        if not name or not geom.get("arcs"):
            continue
        w, s, e, n = _geom_box(geom, arcs)
        near = {
            _key(en): ar
            for en, ar, lat, lon in units
            if w - 0.3 <= lon <= e + 0.3 and s - 0.3 <= lat <= n + 0.3
        }
        key = _key(name)
        hit = near.get(key)
        if hit is None:
            close = difflib.get_close_matches(key, list(near), n=1, cutoff=0.85)
            hit = near[close[0]] if close else None
        if hit:
            out[name] = hit
    return out


def main(out: Path) -> None:
    values = json.loads((WEB / "src" / "values.json").read_text(encoding="utf-8"))
    templates: dict[str, str] = values["actor_templates"]
    known = [c for c in load_countries(data_dir_default()).values() if c.get("arabic")]
    countries = {c["name"]: c["arabic"][0] for c in known}
    # The basemap's countries are keyed by ISO 3166-1 numeric code.
    country_iso = {str(c["iso"]): c["arabic"][0] for c in known}
    admin1: dict[str, str] = {}
    units: list[tuple[str, str, float, float]] = []
    for place in Gazetteer.load().places():
        if place.kind == "admin1" and place.arabic and place.admin1:
            admin1.setdefault(place.admin1, place.arabic)
            units.append((place.admin1, place.arabic, place.latitude, place.longitude))
    # Named entries first, then the templates: where both give a name ("Military Forces of
    # Syria"), the template's neutral form wins over the entry's first alias ("قوات النظام").
    actors: dict[str, str] = {}
    entries = load_actors()
    for entry in (e for e in entries if not e.template):
        first = next((a.rstrip("*") for a in entry.aliases if ARABIC.search(a)), None)
        if not first:
            continue
        actors[entry.name] = first
        if entry.country_qualified:
            for en, ar in countries.items():
                actors[entry.display_name(en)] = f"{first} ({ar})"
    for entry in (e for e in entries if e.template):
        arabic = templates.get(entry.name)
        if not arabic:
            sys.exit(f"no Arabic template for {entry.name!r} in web/src/values.json")
        for en, ar in countries.items():
            actors[entry.display_name(en)] = arabic.replace("{country}", ar)
    data = {
        "countries": countries,
        "country_iso": country_iso,
        "admin1": admin1,
        "basemap_admin1": basemap_admin1(units),
        "actors": dict(sorted(actors.items())),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"labels: {len(countries)} countries, {len(admin1)} admin1 "
        f"({len(data['basemap_admin1'])} basemap labels), {len(actors)} actors -> {out}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else WEB / "src" / "generated" / "labels-ar.json")
