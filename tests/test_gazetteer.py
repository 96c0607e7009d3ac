"""The offline gazetteer: real lookups on the packaged GeoNames data, the cache, the import."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.knowledge.commands import gazetteer_app
from marsad.knowledge.gazetteer import (
    Gazetteer,
    Place,
    clean_arabic,
    data_dir_default,
    distance_km,
    english_admin_name,
    name_keys,
)
from marsad.knowledge.geonames_import import import_dump
from marsad.text.normalize import fold

FIXTURES = Path(__file__).parent / "fixtures" / "geonames"
SYRIA_ADMIN1 = {
    "Aleppo",
    "Al Hasakah",
    "Ar-Raqqa",
    "As-Sweida",
    "Damascus",
    "Dara",
    "Deir ez-Zor",
    "Hama",
    "Homs",
    "Idleb",
    "Lattakia",
    "Quneitra",
    "Rural Damascus",
    "Tartous",
}


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer.load(tmp_path_factory.mktemp("gazetteer-cache"))


def _one(gaz: Gazetteer, name: str, country_code: str, kind: str = "populated") -> Place:
    found = [p for p in gaz.candidates(fold(name)) if p.country_code == country_code and p.kind == kind]
    assert len(found) == 1, (name, found)
    return found[0]


def test_seed_place_as_sukhnah(gaz: Gazetteer) -> None:
    p = _one(gaz, "السخنة", "SY")
    assert p.name == "As Sukhnah"
    assert (p.country, p.iso, p.region) == ("Syria", 760, "Middle East")
    assert (p.admin1, p.admin2) == ("Homs", "Tadmur")
    assert p.latitude == pytest.approx(34.885, abs=0.01)
    assert p.longitude == pytest.approx(38.871, abs=0.01)
    assert p.id == "gn:172425"
    assert gaz.get(p.id) is p


def test_palmyra_is_tadmur(gaz: Gazetteer) -> None:
    p = _one(gaz, "تدمر", "SY")
    assert p.name in ("Tadmur", "Palmyra")
    assert (p.admin1, p.admin2) == ("Homs", "Tadmur")
    assert distance_km(p.latitude, p.longitude, 34.56, 38.28) < 5
    # The district of the same name is a separate candidate.
    assert any(c.kind == "admin2" for c in gaz.candidates(fold("تدمر")))


def test_spaced_and_unspaced_spellings(gaz: Gazetteer) -> None:
    spaced = {p.id for p in gaz.candidates(fold("دير الزور"))}
    joined = {p.id for p in gaz.candidates(fold("ديرالزور"))}
    assert spaced and spaced == joined
    city = _one(gaz, "دير الزور", "SY")
    assert city.admin1 == "Deir ez-Zor"
    # Marks and hamza variants fold away: دَيْرُ الزُّوْر
    assert {p.id for p in gaz.candidates(fold("دَيْرُ الزُّوْر"))} == spaced


def test_kafranbel(gaz: Gazetteer) -> None:
    a = _one(gaz, "كفرنبل", "SY")
    b = _one(gaz, "كفر نبل", "SY")
    assert a is b
    assert a.admin1 == "Idleb"
    assert a.admin2  # its district, from the nearest district seat


@pytest.mark.parametrize(
    ("arabic", "code", "country", "iso"),
    [
        ("سوريا", "SY", "Syria", 760),
        ("سورية", "SY", "Syria", 760),
        ("العراق", "IQ", "Iraq", 368),
        ("اليمن", "YE", "Yemen", 887),
        ("ليبيا", "LY", "Libya", 434),
        ("فلسطين", "PS", "Palestine", 275),
        ("إسرائيل", "IL", "Israel", 376),
        ("تركيا", "TR", "Turkey", 792),
        ("إيران", "IR", "Iran", 364),
        ("السودان", "SD", "Sudan", 729),
    ],
)
def test_arabic_country_names(gaz: Gazetteer, arabic: str, code: str, country: str, iso: int) -> None:
    p = _one(gaz, arabic, code, kind="country")
    assert p.id == f"country:{code}"
    assert (p.country, p.iso, p.name) == (country, iso, country)
    assert p.admin1 == "" and p.arabic
    assert gaz.country(code) is p


def test_same_name_in_two_countries(gaz: Gazetteer) -> None:
    countries = {p.country_code for p in gaz.candidates(fold("السخنة")) if p.kind == "populated"}
    assert {"SY", "YE"} <= countries
    tripoli = {p.country_code for p in gaz.candidates(fold("طرابلس")) if p.kind == "populated"}
    assert {"LY", "LB"} <= tripoli


def test_admin1_seat(gaz: Gazetteer) -> None:
    homs = gaz.admin1_seat("SY", "Homs")
    assert homs is not None and homs.name == "Homs"
    assert homs.latitude == pytest.approx(34.73, abs=0.02)
    assert homs.longitude == pytest.approx(36.72, abs=0.02)
    assert gaz.admin1_seat("SY", "homs") is homs
    aleppo = gaz.admin1_seat("SY", "Aleppo")
    assert aleppo is not None and aleppo.name == "Aleppo"
    mosul = gaz.admin1_seat("IQ", "Ninewa")
    assert mosul is not None and mosul.name == "Mosul"
    assert gaz.admin1_seat("SY", "Atlantis") is None


def test_syrian_places_carry_acled_admin_names(gaz: Gazetteer) -> None:
    syria = [p for p in gaz.places() if p.country_code == "SY" and p.kind == "populated"]
    assert len(syria) > 250
    assert {p.admin1 for p in syria} == SYRIA_ADMIN1
    assert all(p.admin2 for p in syria)
    governorates = {p.name for p in gaz.places() if p.country_code == "SY" and p.kind == "admin1"}
    assert governorates == SYRIA_ADMIN1


def test_admin_heads_stripped_and_kept(gaz: Gazetteer) -> None:
    gov = {p.id for p in gaz.candidates(fold("محافظة حمص"))}
    assert "adm1:SY.11" in gov
    assert "adm1:SY.11" in {p.id for p in gaz.candidates(fold("حمص"))}
    assert "adm2:SY.11.169576" in {p.id for p in gaz.candidates(fold("منطقة مركز حمص"))}
    assert "adm1:SY.08" in {p.id for p in gaz.candidates(fold("ريف دمشق"))}


def test_regions(gaz: Gazetteer) -> None:
    regions = [p for p in gaz.places() if p.kind == "region"]
    assert len(regions) >= 40
    assert len({p.country_code for p in regions}) >= 8
    assert all(p.admin1 and p.arabic for p in regions)
    badia = _one(gaz, "البادية السورية", "SY", kind="region")
    assert badia.id == "region:syrian-badia" and badia.admin1 == "Homs"
    assert _one(gaz, "بادية الشام", "SY", kind="region") is badia
    assert _one(gaz, "الغوطة الشرقية", "SY", kind="region").admin1 == "Rural Damascus"
    assert _one(gaz, "جبال حمرين", "IQ", kind="region").admin1 == "Salah al-Din"
    assert _one(gaz, "جبل مرة", "SD", kind="region").country == "Sudan"
    # Gaza Strip and West Bank are GeoNames admin1 units of Palestine.
    assert _one(gaz, "قطاع غزة", "PS", kind="admin1").name == "Gaza Strip"


def test_stoplist(gaz: Gazetteer) -> None:
    for word in ("الجمعة", "أمس", "اليوم", "عين", "تل", "السجن", "الشمال", "الجزيرة", "صور"):
        assert gaz.is_stopword(fold(word)), word
    for place in ("حلب", "الباب", "حمص", "السخنة", "دير الزور"):
        assert not gaz.is_stopword(fold(place)), place
    # one- and two-letter names are never accepted on their own
    assert gaz.is_stopword("لد")


def test_persian_village_names_do_not_shadow_arabic_words(gaz: Gazetteer) -> None:
    # Small Iranian villages are named بلده، حصار، عسكري in Persian; they are not indexed.
    for word in ("بلدة", "حصار", "عسكري"):
        assert not any(p.country_code == "IR" for p in gaz.candidates(fold(word))), word
    # Iranian cities still are.
    assert any(p.name == "Tehran" for p in gaz.candidates(fold("طهران")))
    assert any(p.country_code == "IR" for p in gaz.candidates(fold("الأهواز")))


def test_names_are_folded_keys(gaz: Gazetteer) -> None:
    names = dict(gaz.names())
    assert len(names) > 10_000
    for key, ids in list(names.items())[:3000]:
        assert fold(key) == key
        assert ids and all(i in {p.id for p in map(gaz.get, ids)} for i in ids)


def test_arabic_name_filter() -> None:
    assert clean_arabic("دیرالزور") == "دیرالزور"  # Persian-keyboard yeh: folds to Arabic
    assert clean_arabic("دێر سەلمان") is None  # Kurdish letters
    assert clean_arabic("د مشق") is None  # broken entry
    assert clean_arabic("حِمْص") == "حمص"
    assert name_keys("دير الزور") == {"دير الزور", "ديرالزور"}
    assert "حمص" in name_keys("محافظة حمص", admin=True)
    assert english_admin_name("Ḩimş", ["Homs Governorate", "حمص"]) == "Homs"
    assert english_admin_name("Tadmur District", []) == "Tadmur"


def test_nearest(gaz: Gazetteer) -> None:
    p = gaz.nearest(34.886, 38.872)
    assert p is not None and p.name == "As Sukhnah"
    q = gaz.nearest(36.2, 37.16, country_code="SY")
    assert q is not None and q.name == "Aleppo"
    # A point in Turkey, restricted to Syria, still returns a Syrian place.
    r = gaz.nearest(37.5, 37.0, country_code="SY")
    assert r is not None and r.country_code == "SY"


def test_pickle_is_cheap(gaz: Gazetteer) -> None:
    blob = pickle.dumps(gaz)
    assert len(blob) < 2000  # a path, not the data
    again = pickle.loads(blob)
    assert again.get("gn:172425") == gaz.get("gn:172425")


def _import_fixture(cache_dir: Path) -> None:
    res = import_dump(
        FIXTURES / "SY.txt",
        alternate_names=FIXTURES / "alternateNamesV2.txt",
        admin2_codes=FIXTURES / "admin2Codes.txt",
        cache_dir=cache_dir,
    )
    assert res.path == cache_dir / "user-SY.tsv"
    assert res.by_kind == {"populated": 7, "natural": 1, "admin3": 1}
    assert res.skipped == 2  # the unnamed wadi and the school


def test_import_round_trip(tmp_path: Path, gaz: Gazetteer) -> None:
    before = Gazetteer.load(tmp_path)
    _import_fixture(tmp_path)
    after = Gazetteer.load(tmp_path)
    assert after.cache_path != before.cache_path  # the user file changed the cache key
    assert before.cache_path is not None and not before.cache_path.exists()

    village = _one(after, "تل الوردات", "SY")
    assert (village.id, village.name) == ("gn:99000001", "Tall al Wardāt")
    assert (village.admin1, village.admin2, village.population) == ("Homs", "Tadmur", 820)
    idlib = _one(after, "عين الغزلان", "SY")
    assert (idlib.admin1, idlib.admin2) == ("Idleb", "Maarrat al-Nu'man")
    # no district in the dump: the nearest district seat decides
    assert _one(after, "مزرعة أبو هلال", "SY").admin2 == "Tadmur"
    # an Arabic name only in alternateNamesV2.txt; a historic one left out
    assert _one(after, "جبل الغراب", "SY", kind="natural").admin1 == "Homs"
    assert not after.candidates(fold("عين الغزلان القديمة"))
    assert _one(after, "كفر ناصح", "SY") is _one(after, "كفر ناصح الشرقي", "SY")
    # admin3 names lose their head as admin names do
    assert _one(after, "بئر القصب", "SY", kind="admin3").admin2 == "Homs"
    # merged into the existing As Sukhnah, not duplicated
    assert _one(after, "بلدة السخنة", "SY").id == "gn:172425"
    assert not after.candidates(fold("مدرسة بيت الدليل"))
    assert not any(p.id == "gn:99000007" for p in after.places())
    assert len(after) == len(gaz) + 8


def test_cache_rebuilt_when_data_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir_default(), data)
    cache = tmp_path / "cache"
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(cache))
    first = Gazetteer.load(data_dir=data)
    assert first.cache_path is not None and first.cache_path.parent == cache
    assert Gazetteer.load(data_dir=data).cache_path == first.cache_path  # warm: same file
    assert not first.candidates(fold("جبل الاختبار"))

    with (data / "regions.yaml").open("a", encoding="utf-8") as fh:
        fh.write(
            "  - {id: test-ridge, name: Test Ridge, aliases: [جبل الاختبار], country: SY,"
            " admin1: Hama, latitude: 35.2, longitude: 37.1}\n"
        )
    second = Gazetteer.load(data_dir=data)
    assert second.cache_path != first.cache_path
    ridge = _one(second, "جبل الاختبار", "SY", kind="region")
    assert (ridge.id, ridge.admin1) == ("region:test-ridge", "Hama")
    assert sorted(p.name for p in cache.glob("gazetteer-*.pickle")) == [second.cache_path.name]

    (data / "place_stoplist.txt").write_text("حماة\n", encoding="utf-8")
    third = Gazetteer.load(data_dir=data)
    assert third.is_stopword(fold("حماة")) and not third.is_stopword(fold("السجن"))


def test_cli_lookup_and_import(tmp_path: Path, gaz: Gazetteer) -> None:
    runner = CliRunner()
    cache = str(gaz.cache_path.parent) if gaz.cache_path else ""
    res = runner.invoke(gazetteer_app, ["lookup", "السخنة", "--cache-dir", cache])
    assert res.exit_code == 0, res.output
    assert "As Sukhnah" in res.output and "Tadmur" in res.output
    res = runner.invoke(gazetteer_app, ["lookup", "أمس", "--cache-dir", cache])
    assert res.exit_code == 1
    res = runner.invoke(
        gazetteer_app,
        [
            "import",
            str(FIXTURES / "SY.txt"),
            "--alternate-names",
            str(FIXTURES / "alternateNamesV2.txt"),
            "--cache-dir",
            str(tmp_path),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "9 places" in res.output
    assert (tmp_path / "user-SY.tsv").exists()


def test_provinces_of_the_sahel_and_somalia_by_their_arabic_names(gaz: Gazetteer) -> None:
    for arabic, cc, name in (("هيران", "SO", "Hiraan"), ("ميناكا", "ML", "Menaka"), ("بورنو", "NG", "Borno")):
        assert any(
            p.kind == "admin1" and p.country_code == cc and p.name == name for p in gaz.lookup(arabic)
        ), arabic
