"""The knowledge base: schema of the packaged lexicons, required content, user extension files,
and resolution of real Arabic report text through the clitic-aware matcher."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import pytest

from marsad.knowledge.lexicon import (
    ENV_DIR,
    SUB_EVENT_TYPES,
    ActorEntry,
    LexiconError,
    NonEventEntry,
    TriggerEntry,
    WeaponEntry,
    alias_conflicts,
    alias_patterns,
    data_path,
    load_actors,
    load_triggers,
    load_weapons,
)
from marsad.text.matcher import PhraseMatcher, longest_first
from marsad.text.normalize import fold

REQUIRED_ACTORS = [
    "Islamic State", "Hayat Tahrir al-Sham", "Syrian Democratic Forces", "Syrian National Army",
    "Liwa al-Quds", "National Defense Forces", "Hezbollah", "Popular Mobilization Forces",
    "Kataib Hezbollah", "Peshmerga", "Kurdistan Workers' Party", "Houthi Movement",
    "Southern Transitional Council", "Al Qaeda in the Arabian Peninsula", "Saudi-led Coalition",
    "Libyan National Army", "Hamas Movement", "Palestinian Islamic Jihad", "Al-Aqsa Martyrs Brigades",
    "Settlers (Israel)", "Rapid Support Forces", "Sudan People's Liberation Movement-North", "Al Shabaab",
    "African Union Transition Mission in Somalia", "AQIM",
    "Jama'at Nusrat al-Islam wal-Muslimin", "Polisario Front", "Global Coalition Against Daesh",
    "Wagner Group", "Amal Movement", "Fatah Movement",
]  # fmt: skip
STATE_COUNTRIES = [
    "Syria", "Iraq", "Yemen", "Libya", "Lebanon", "Palestine", "Israel", "Egypt", "Sudan", "Somalia",
    "Turkey", "Russia", "Iran", "France", "Saudi Arabia", "Jordan", "Algeria", "Tunisia", "Morocco",
    "Mauritania", "Mali",
]  # fmt: skip
REQUIRED_WEAPONS = [
    "IED", "landmine", "car bomb", "suicide vest", "suicide car bomb", "machine gun", "small arms", "sniper",
    "RPG", "anti-tank guided missile", "mortar", "artillery", "rocket", "ballistic missile", "cruise missile",
    "air strike", "drone", "helicopter", "barrel bomb", "grenade", "chemical agent", "tear gas", "knife",
    "arson/fire", "vehicle ramming",
]  # fmt: skip
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "لل", "ولل", "بال", "وال", "وبال", "فال", "كال")  # fmt: skip


@pytest.fixture(scope="module")
def actors() -> list[ActorEntry]:
    return load_actors()


@pytest.fixture(scope="module")
def triggers() -> tuple[list[TriggerEntry], list[NonEventEntry]]:
    return load_triggers()


@pytest.fixture(scope="module")
def weapons() -> list[WeaponEntry]:
    return load_weapons()


@pytest.fixture(autouse=True)
def _no_user_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own $MARSAD_KNOWLEDGE_DIR must not change what these tests see.
    monkeypatch.delenv(ENV_DIR, raising=False)


def by_name(actors: Sequence[ActorEntry]) -> dict[str, ActorEntry]:
    # (a name's main entry: its variants read only as an act's author or target come apart)
    return {a.name: a for a in actors if not a.agent_only and not a.target_only}


# ---------------------------------------------------------------------------------------------
# Schema and required content


def test_packaged_files_exist_and_carry_a_version() -> None:
    for name in ("actors", "triggers", "weapons"):
        path = data_path(name)
        assert path.is_file(), path
        assert path.read_text(encoding="utf-8").count("version: 1") == 1


def test_at_least_150_actors_with_unique_names(actors: list[ActorEntry]) -> None:
    assert len(actors) >= 150
    # One entry per name, but for the target-only variant of a template (the posts it holds) and
    # the agent-only variant of a name (bare "التحالف").
    assert len({(a.name, a.target_only, a.agent_only) for a in actors}) == len(actors)
    assert all(a.aliases for a in actors)


def test_required_actor_names(actors: list[ActorEntry]) -> None:
    names = by_name(actors)
    missing = [n for n in REQUIRED_ACTORS if n not in names]
    assert not missing
    assert names["Islamic State"].country_qualified
    expect = {
        "Saudi-led Coalition": (8, None),
        "Libyan National Army": (1, "LY"),
        "Settlers (Israel)": (4, "IL"),
        "Rapid Support Forces": (2, "SD"),
        "African Union Transition Mission in Somalia": (8, None),
        "Global Coalition Against Daesh": (8, None),
        "Wagner Group": (8, "RU"),
    }
    for name, (inter, country) in expect.items():
        assert (names[name].inter, names[name].country) == (inter, country), name


def test_state_forces_for_each_country(actors: list[ActorEntry]) -> None:
    names = by_name(actors)
    for country in STATE_COUNTRIES:
        entry = names[f"Military Forces of {country}"]
        assert entry.inter == 1 and entry.kind == "state" and entry.country, country
    assert names["Military Forces of United States"].country == "US"
    assert names["Military Forces of United Arab Emirates"].country == "AE"
    for a in actors:
        if a.kind in ("state", "police") and not a.template:
            # The coder turns 1 into 8 abroad, which needs the home country.
            assert a.inter == 1 and a.country, a.name


def test_inter_codes_and_templates(actors: list[ActorEntry]) -> None:
    assert all(1 <= a.inter <= 8 for a in actors)
    templates = [a for a in actors if a.template]
    assert {t.name for t in templates} >= {
        "Military Forces of {country}",
        "Police Forces of {country}",
        "Civilians ({country})",
        "Protesters ({country})",
        "Rioters ({country})",
        "Unidentified Armed Group ({country})",
    }
    for t in templates:
        assert "{country}" in t.name and t.country is None
    assert not any("{country}" in a.name for a in actors if not a.template)
    inter = {t.name: t.inter for t in templates}
    assert inter["Civilians ({country})"] == 7
    assert inter["Protesters ({country})"] == 6
    assert inter["Rioters ({country})"] == 5
    assert inter["Unidentified Armed Group ({country})"] == 3


def test_required_aliases(actors: list[ActorEntry]) -> None:
    names = by_name(actors)

    def keys(name: str) -> set[str]:
        return {k for k, _ in names[name].patterns}

    must = {
        "Military Forces of Israel": ["الاحتلال", "قوات الاحتلال", "جيش الاحتلال", "الاحتلال الإسرائيلي"],
        "Military Forces of Syria": ["قوات النظام", "قوات الأسد"],
        "Houthi Movement": ["الحوثي", "الحوثيين", "جماعة الحوثي", "أنصار الله", "ميليشيا الحوثي"],
        "Global Coalition Against Daesh": ["التحالف الدولي"],
        "Palestinian Islamic Jihad": ["سرايا القدس"],
        "Hamas Movement": ["كتائب القسام"],
        "Military Forces of Russia": ["الطيران الروسي", "الطيران الحربي الروسي", "المقاتلات الروسية"],
    }
    for name, aliases in must.items():
        missing = [a for a in aliases if fold(a) not in keys(name)]
        assert not missing, (name, missing)


def test_no_alias_conflict_across_named_actors(actors: list[ActorEntry]) -> None:
    assert alias_conflicts(actors) == {}


def test_ordinary_words_are_not_named_aliases(actors: list[ActorEntry]) -> None:
    # Bare common words would fire on every report (CODING.md §3 wants stable, precise names).
    named = {k for a in actors if not a.template for k, _ in a.patterns}
    for word in ("الدوله", "الشباب", "الجيش", "القاعده", "المقاومه", "الثوار", "فتح", "امل", "سوريا"):
        assert word not in named, word


def test_no_clitic_variants_listed(actors: list[ActorEntry], weapons: list[WeaponEntry]) -> None:
    # The matcher peels و ف ب ل ك and ال; an alias that is a clitic form of another is noise.
    entries: list[ActorEntry | WeaponEntry] = [*actors, *weapons]
    for e in entries:
        keys = {k for k, _ in e.patterns}
        for k in keys:
            for p in PROCLITICS:
                rest = k[len(p) :]
                if k.startswith(p) and len(rest) >= 3 and (rest in keys or "ال" + rest in keys):
                    pytest.fail(f"{e.name}: {k!r} is a clitic form of {rest!r}")


def test_patterns_are_folded_keys() -> None:
    assert alias_patterns("الاحتلال الإسرائيلي") == [(fold("الاحتلال الاسرائيلي"), False)]
    assert alias_patterns("اشتباك*") == [("اشتباك", True)]
    # Ta marbuta turns into ت before suffixes: both stems are indexed.
    assert alias_patterns("غارة*") == [("غاره", True), ("غارت", True)]
    entry = ActorEntry(name="X", inter=2, kind="rebel", aliases=["جيش  العزّة", "جيش العزة"])
    assert entry.aliases == ["جيش العزّة", "جيش العزة"]
    assert entry.patterns == [("جيش العزه", False)]


def test_shared_names_belong_to_one_countrys_forces() -> None:
    entry = ActorEntry(
        name="Police Forces of Egypt", inter=1, kind="police", country="EG", aliases=["الأمن المركزي"],
        shared_names=["الأمن المركزي"],
    )  # fmt: skip
    assert entry.shared_folded == {fold("الأمن المركزي")}
    with pytest.raises(ValueError, match="shared_names"):
        ActorEntry(name="X", inter=2, kind="rebel", aliases=["جيش العزة"], shared_names=["جيش العزة"])


def test_every_sub_event_type_has_triggers(triggers: tuple[list[TriggerEntry], list[NonEventEntry]]) -> None:
    trig, non = triggers
    assert {t.sub_event_type for t in trig} == set(SUB_EVENT_TYPES)
    assert len(SUB_EVENT_TYPES) == 25
    for t in trig:
        assert t.event_type == SUB_EVENT_TYPES[t.sub_event_type]
        assert len(t.phrases) >= 8, t.sub_event_type
        assert all(0 < w <= 1 for w in t.weights.values())
    kinds = {n.kind for n in non}
    assert kinds >= {"reinforcement", "funeral", "threat", "condemnation", "plan", "trend", "movement"}


def test_trigger_phrases_point_to_one_type(triggers: tuple[list[TriggerEntry], list[NonEventEntry]]) -> None:
    trig, non = triggers
    owners: dict[str, set[str]] = defaultdict(set)
    for t in trig:
        for key, _ in t.patterns:
            owners[key].add(t.sub_event_type)
    for n in non:
        for key, _ in n.patterns:
            owners[key].add(f"non-event:{n.kind}")
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_ambiguous_triggers_are_weighted_down(
    triggers: tuple[list[TriggerEntry], list[NonEventEntry]],
) -> None:
    trig, _ = triggers
    table = {t.sub_event_type: t for t in trig}
    assert table["Armed clash"].weights[("هجوم", True)] < 1
    assert table["Shelling/artillery/missile attack"].weights[("قصف", True)] < 1
    assert table["Air/drone strike"].weights[("قصف جوي", False)] == 1.0


def test_weapons(weapons: list[WeaponEntry]) -> None:
    names = {w.name: w for w in weapons}
    assert [n for n in REQUIRED_WEAPONS if n not in names] == []
    assert names["IED"].sub_event_type == "Remote explosive/landmine/IED"
    assert names["suicide car bomb"].sub_event_type == "Suicide bomb"
    assert names["anti-tank guided missile"].sub_event_type == "Shelling/artillery/missile attack"
    assert names["drone"].event_type == "Explosions/Remote violence"
    assert names["tear gas"].sub_event_type is None  # tear gas is not a chemical weapon (CODING.md §2)
    for w in weapons:
        assert w.sub_event_type is None or w.sub_event_type in SUB_EVENT_TYPES
    atgm = {k for k, _ in names["anti-tank guided missile"].patterns}
    assert {fold(a) for a in ("تاو", "كورنيت", "صاروخ حراري", "صاروخ موجه مضاد للدروع")} <= atgm


def test_display_names(actors: list[ActorEntry]) -> None:
    names = by_name(actors)
    assert names["Islamic State"].display_name("Syria") == "Islamic State (Syria)"
    assert names["Hezbollah"].display_name("Syria") == "Hezbollah"
    assert names["Civilians ({country})"].display_name("Iraq") == "Civilians (Iraq)"
    assert names["Military Forces of {country}"].display_name("Yemen") == "Military Forces of Yemen"


# ---------------------------------------------------------------------------------------------
# Real text through the project's matcher


def _resolve(
    entries: Sequence[ActorEntry | TriggerEntry | NonEventEntry | WeaponEntry], text: str
) -> list[str]:
    m: PhraseMatcher[int] = PhraseMatcher()
    for i, e in enumerate(entries):
        for key, prefix in e.patterns:
            m.add(key, i, prefix=prefix)
    out = []
    for h in longest_first(m.find(fold(text))):
        e = entries[h.payloads[0]]
        out.append(
            e.name
            if isinstance(e, ActorEntry | WeaponEntry)
            else e.sub_event_type
            if isinstance(e, TriggerEntry)
            else f"non-event:{e.kind}"
        )
    return out


def test_seed_report_resolves(
    seed_text: str,
    actors: list[ActorEntry],
    triggers: tuple[list[TriggerEntry], list[NonEventEntry]],
    weapons: list[WeaponEntry],
) -> None:
    found = set(_resolve(actors, seed_text))
    assert found >= {
        "Islamic State",
        "Liwa al-Quds",
        "Military Forces of Syria",
        "Military Forces of Russia",
        "Syrian Democratic Forces",
        "Global Coalition Against Daesh",
    }
    cues = set(_resolve([*triggers[0], *triggers[1]], seed_text))
    assert cues >= {"Armed clash", "Air/drone strike", "non-event:reinforcement", "non-event:mourning"}
    assert "non-event:trend" in cues
    # The gold weapons of the ambush (IEDs, machine guns, RPGs, a TOW) and the Russian air strikes.
    assert set(_resolve(weapons, seed_text)) >= {
        "IED",
        "machine gun",
        "RPG",
        "anti-tank guided missile",
        "air strike",
    }


REPORTS = [
    (
        "شنّت طائراتٌ مسيّرة تركية غاراتٍ على مواقع لقسد في ريف الحسكة، وقُتل مدنيان.",
        {"Military Forces of Turkey", "Syrian Democratic Forces", "Civilians ({country})"},
        {"Air/drone strike"},
        {"drone", "air strike"},
    ),
    (
        "قُتل ثلاثة جنود إسرائيليين في كمينٍ نصبته كتائب القسام شرق خان يونس بعبوةٍ ناسفة وقذائف الياسين.",
        {"Military Forces of Israel", "Hamas Movement"},
        {"Armed clash"},
        {"IED", "RPG"},
    ),
    (
        "أعلنت جماعة الحوثي استهداف سفينة تجارية بصاروخ باليستي في البحر الأحمر.",
        {"Houthi Movement"},
        {"Shelling/artillery/missile attack"},
        {"ballistic missile"},
    ),
    (
        "فرّقت قوات الأمن العراقية المتظاهرين بالغاز المسيل للدموع في الناصرية واعتقلت الشرطة عشرات المحتجين.",
        {"Police Forces of Iraq", "Protesters ({country})", "Police Forces of {country}"},
        {"Protest with intervention", "Arrests"},
        {"tear gas"},
    ),
    (
        "هاجم مستوطنون قرية ترمسعيا وأضرموا النار في منازل ومركبات المواطنين.",
        {"Settlers (Israel)", "Civilians ({country})"},
        {"Armed clash", "Looting/property destruction"},
        {"arson/fire"},
    ),
    (
        "نفذت حركة الشباب هجوماً انتحارياً بسيارة مفخخة يقودها انتحاري على قاعدة لقوات أتميس قرب مقديشو.",
        {"Al Shabaab", "African Union Transition Mission in Somalia"},
        {"Suicide bomb"},
        {"suicide car bomb"},
    ),
    (
        "أعلنت قوات الدعم السريع سيطرتها على مدينة ود مدني بعد معارك مع الجيش السوداني.",
        {"Rapid Support Forces", "Military Forces of Sudan"},
        {"Non-state actor overtakes territory", "Armed clash"},
        set(),
    ),
    (
        "تمكنت مفرزة للجيش الوطني الشعبي من القضاء على إرهابيين اثنين وتوقيف عنصري دعم للجماعات الإرهابية.",
        {"Military Forces of Algeria"},
        {"Armed clash", "Arrests"},
        set(),
    ),
    (
        "ألقى مجهولون قنبلة يدوية على منزل أحد المواطنين في البصرة دون وقوع إصابات.",
        {"Unidentified Armed Group ({country})", "Civilians ({country})"},
        {"Grenade"},
        {"grenade"},
    ),
    (
        "استعادت القوات الحكومية السيطرة على بلدة الخبة بعد طرد عناصر الجيش الوطني الليبي.",
        {"Military Forces of {country}", "Libyan National Army"},
        {"Government regains territory"},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "want_actors", "want_types", "want_weapons"), REPORTS)
def test_regional_reports_resolve(
    text: str,
    want_actors: set[str],
    want_types: set[str],
    want_weapons: set[str],
    actors: list[ActorEntry],
    triggers: tuple[list[TriggerEntry], list[NonEventEntry]],
    weapons: list[WeaponEntry],
) -> None:
    assert set(_resolve(actors, text)) >= want_actors
    assert set(_resolve(triggers[0], text)) >= want_types
    assert set(_resolve(weapons, text)) >= want_weapons


# ---------------------------------------------------------------------------------------------
# User extension files


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_extends_overrides_and_moves_aliases(tmp_path: Path, actors: list[ActorEntry]) -> None:
    extra = _write(
        tmp_path / "actors.yaml",
        """version: 1
actors:
  - name: Sinjar Resistance Units
    inter: 3
    kind: militia
    country: IQ
    aliases: [وحدات مقاومة سنجار, اليبشه]
  - name: Liwa al-Quds
    aliases: [لواء القدس الموالي لروسيا]
  - name: Hezbollah
    inter: 2
    kind: rebel
  - name: Wagner Group
    remove: [فاغنر]
""",
    )
    base = by_name(actors)
    ext = by_name(load_actors([extra]))
    assert len(ext) == len(base) + 1
    new = ext["Sinjar Resistance Units"]
    assert ("اليبشه", False) in new.patterns
    # Extension: the old aliases stay, the new one is added.
    assert ("لواء القدس", False) in ext["Liwa al-Quds"].patterns
    assert ("لواء القدس الموالي لروسيا", False) in ext["Liwa al-Quds"].patterns
    # Override of scalar fields, aliases untouched.
    assert (ext["Hezbollah"].inter, ext["Hezbollah"].kind) == (2, "rebel")
    assert ext["Hezbollah"].aliases == base["Hezbollah"].aliases
    assert ("فاغنر", False) not in ext["Wagner Group"].patterns
    # The alias the user gave to the new actor left its packaged owner: still no conflict.
    assert ("وحدات مقاومه سنجار", False) not in ext["Kurdistan Workers' Party"].patterns
    assert alias_conflicts(ext.values()) == {}
    assert _resolve(list(ext.values()), "هاجمت وحدات مقاومة سنجار موقعاً") == ["Sinjar Resistance Units"]


def test_env_dir_and_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(
        tmp_path / "weapons.yaml",
        """version: 1
weapons:
  - name: knife
    replace: true
    aliases: [شفرة حلاقة]
  - name: slingshot
    aliases: [مقلاع, نقيفة]
""",
    )
    _write(
        tmp_path / "triggers.yaml",
        """version: 1
triggers:
  - event_type: Riots
    sub_event_type: Mob violence
    phrases: [{text: طوشة*, weight: 0.7}]
non_events:
  - kind: funeral
    phrases: [مأتم]
""",
    )
    monkeypatch.setenv(ENV_DIR, str(tmp_path))
    weapons = {w.name: w for w in load_weapons()}
    assert weapons["knife"].aliases == ["شفرة حلاقة"] and weapons["knife"].sub_event_type is None
    assert weapons["slingshot"].patterns == [("مقلاع", False), ("نقيفه", False)]
    trig, non = load_triggers()
    mob = next(t for t in trig if t.sub_event_type == "Mob violence")
    assert mob.weights[("طوشه", True)] == 0.7 and ("شجار", True) in mob.patterns
    assert ("ماتم", False) in next(n for n in non if n.kind == "funeral").patterns
    # A folder passed as a path works like the environment variable; packaged=False drops the base.
    only = load_weapons([tmp_path], packaged=False)
    assert {w.name for w in only} == {"knife", "slingshot"}


@pytest.mark.parametrize(
    ("section", "body", "message"),
    [
        ("actors", "  - {name: X, inter: 9, kind: rebel, aliases: [س]}", "inter"),
        ("actors", "  - {name: X, inter: 1, kind: rebel, aliases: [س]}", "does not fit kind"),
        ("actors", "  - {name: 'X of {country}', inter: 1, kind: state, aliases: [س]}", "template"),
        (
            "actors",
            "  - {name: X, inter: 2, kind: rebel, aliases: [اش*تباك]}",
            "only allowed at the very end",
        ),
        ("actors", "  - {name: X, inter: 2, kind: rebel, country: Syria, aliases: [س]}", "alpha-2"),
        ("actors", "  - {name: X, inter: 2, kind: rebel, aliases: [داعش]}", "already belongs"),
        (
            "actors",
            "  - {name: X, inter: 2, kind: rebel, aliases: [س]}\n  - {name: X, aliases: [ص]}",
            "twice",
        ),
        (
            "triggers",
            "  - {event_type: Battles, sub_event_type: Shelling, phrases: [قصف]}",
            "unknown sub_event_type",
        ),
        ("triggers", "  - {event_type: Riots, sub_event_type: Armed clash, phrases: [قصف]}", "belongs to"),
        ("weapons", "  - {name: X, sub_event_type: Bombing, aliases: [س]}", "unknown sub_event_type"),
    ],
)
def test_validation_errors_name_file_and_entry(tmp_path: Path, section: str, body: str, message: str) -> None:
    # The duplicate-alias case needs داعش in the same file as its owner.
    owner = "  - {name: Islamic State, inter: 2, kind: rebel, aliases: [داعش]}\n" if "داعش" in body else ""
    path = _write(tmp_path / f"{section}.yaml", f"version: 1\n{section}:\n{owner}{body}\n")
    loader = {"actors": load_actors, "triggers": load_triggers, "weapons": load_weapons}[section]
    with pytest.raises(LexiconError) as err:
        loader([path], packaged=False)
    text = str(err.value)
    assert str(path) in text and message in text
    assert "'X" in text or "Shelling" in text or "Armed clash" in text
    assert "Value error" not in text


def test_bad_files(tmp_path: Path) -> None:
    bad_version = _write(tmp_path / "v.yaml", "version: 7\nactors: []\n")
    with pytest.raises(LexiconError, match="unsupported version"):
        load_actors([bad_version])
    not_yaml = _write(tmp_path / "n.yaml", "actors: [unclosed\n")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_actors([not_yaml])
    with pytest.raises(LexiconError, match="cannot read"):
        load_actors([tmp_path / "missing.yaml"])
    empty = _write(tmp_path / "e.yaml", "")
    assert len(load_actors([empty])) == len(load_actors())
