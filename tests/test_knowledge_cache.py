"""The lexicons and the words read from them are read once and then loaded from the cache
folder, and a changed file is read again (resources.Knowledge._lexicons, ._words)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marsad.knowledge import lexicon, resources
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import Cues
from marsad.text.normalize import fold

_EXTRA = """version: 1
actors:
  - name: Sahel Hunters Brigade
    inter: 3
    kind: militia
    country: ML
    aliases: [{aliases}]
"""


def _write_extra(folder: Path, aliases: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "actors.yaml").write_text(_EXTRA.format(aliases=aliases), encoding="utf-8")


def _aliases(k: Knowledge, name: str) -> list[str]:
    return [key for e in k.actors if e.name == name for key, _prefix in e.patterns]


def test_lexicons_come_from_the_cache_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(lexicon.ENV_DIR, raising=False)
    extra, cache = tmp_path / "extra", tmp_path / "cache"
    _write_extra(extra, "كتيبة صيادي الساحل")
    first = Knowledge(str(extra), str(cache))
    assert _aliases(first, "Sahel Hunters Brigade") == ["كتيبه صيادي الساحل"]
    assert len(list(cache.glob("lexicons-*.pickle"))) == 1

    with monkeypatch.context() as m:
        for fn in ("load_actors", "load_triggers", "load_weapons"):
            m.setattr(lexicon, fn, _no_read)
        second = Knowledge(str(extra), str(cache))
        assert [e.name for e in second.actors] == [e.name for e in first.actors]
        assert [e.patterns for e in second.triggers] == [e.patterns for e in first.triggers]
        assert [e.patterns for e in second.weapons] == [e.patterns for e in first.weapons]
        assert second.non_events == first.non_events

    # An edited extension is read again, and its older cache file is removed.
    _write_extra(extra, "كتيبة صيادي الساحل, صيادو الساحل")
    third = Knowledge(str(extra), str(cache))
    assert _aliases(third, "Sahel Hunters Brigade") == ["كتيبه صيادي الساحل", "صيادو الساحل"]
    assert len(list(cache.glob("lexicons-*.pickle"))) == 1


def test_a_broken_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(lexicon.ENV_DIR, raising=False)
    cache = tmp_path / "cache"
    names = [e.name for e in Knowledge(None, str(cache)).actors]
    (path,) = cache.glob("lexicons-*.pickle")
    path.write_bytes(path.read_bytes()[:100])  # truncated
    assert [e.name for e in Knowledge(None, str(cache)).actors] == names


def test_lexicon_words_come_from_the_cache_until_a_data_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Knowledge._words: lexicon_words and broad_places, read from five files of DATA_DIR.)
    monkeypatch.delenv(lexicon.ENV_DIR, raising=False)
    data, cache = tmp_path / "data", tmp_path / "cache"
    data.mkdir()
    for name in resources._WORDS_FILES:
        shutil.copy(resources.DATA_DIR / name, data / name)
    monkeypatch.setattr(resources, "DATA_DIR", data)
    first = Knowledge(None, str(cache))
    words, broad = first.lexicon_words, first.broad_places
    assert words == first._build_lexicon_words() and broad == Knowledge._build_broad()
    assert "السلطات" in words and any(b.startswith("region:") for b in broad)
    assert len(list(cache.glob("words-*.pickle"))) == 1

    with monkeypatch.context() as m:
        m.setattr(resources, "_yaml", _no_read)
        m.setattr(resources, "load_regions", _no_read)
        second = Knowledge(None, str(cache))
        assert second.lexicon_words == words and second.broad_places == broad

    # An edited data file is read again, and the older cache file is removed.
    with (data / "dates.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\nzz_test_words: [كلمةجديدة]\n")
    third = Knowledge(None, str(cache))
    assert third._words_key != first._words_key
    assert third.lexicon_words == words | {fold("كلمةجديدة")}
    assert len(list(cache.glob("words-*.pickle"))) == 1


def test_cues_come_from_the_cache_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Knowledge.cues: cues.yaml, parsed and folded, kept as cues-<key>.pickle.)
    data, cache = _data_with(tmp_path, monkeypatch, "cues.yaml")
    first = Knowledge(None, str(cache)).cues
    built = Cues.load(data / "cues.yaml")
    assert _cue_lists(first) == _cue_lists(built)
    assert first.anaphora == built.anaphora and first.state_adjectives == built.state_adjectives
    assert len(list(cache.glob("cues-*.pickle"))) == 1

    with monkeypatch.context() as m:
        m.setattr(Cues, "load", _no_read)
        second = Knowledge(None, str(cache)).cues
        assert _cue_lists(second) == _cue_lists(built)
        assert second.anaphora == built.anaphora and second.state_adjectives == built.state_adjectives

    # An edited cues.yaml is read again, and the older cache file is removed.
    with (data / "cues.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\nzz_test_cues: [كلمة جديدة]\n")
    third = Knowledge(None, str(cache)).cues
    assert _cue_lists(third)["zz_test_cues"] == [(("كلمه", "جديده"), False)]
    assert len(list(cache.glob("cues-*.pickle"))) == 1


def _cue_lists(cues: Cues) -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """Every list's cues (words, starred), in their order."""
    return {
        name: [(c.words, c.prefix) for c in [*cl.prefixed, *(x for v in cl.by_last.values() for x in v)]]
        for name, cl in cues.lists.items()
    }


def test_entwined_countries_come_from_the_cache_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Knowledge.entwined_countries: countries.yaml never_abroad_with, as entwined-<key>.pickle.)
    data, cache = _data_with(tmp_path, monkeypatch, "countries.yaml")
    first = Knowledge(None, str(cache)).entwined_countries
    assert first == Knowledge._build_entwined() and first
    assert len(list(cache.glob("entwined-*.pickle"))) == 1

    with monkeypatch.context() as m:
        m.setattr(resources, "load_countries", _no_read)
        assert Knowledge(None, str(cache)).entwined_countries == first

    # An edited countries.yaml is read again, and the older cache file is removed.
    text = (data / "countries.yaml").read_text(encoding="utf-8")
    assert "never_abroad_with: [IL]\n" in text  # (Syria's: a place in Israel is never abroad)
    text = text.replace("never_abroad_with: [IL]\n", "never_abroad_with: [IL, ZZ]\n", 1)
    (data / "countries.yaml").write_text(text, encoding="utf-8")
    third = Knowledge(None, str(cache)).entwined_countries
    assert third == Knowledge._build_entwined() and third != first
    assert third["SY"] == first["SY"] | {"ZZ"}
    assert len(list(cache.glob("entwined-*.pickle"))) == 1


def _data_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[Path, Path]:
    """(data, cache) folders under tmp_path: DATA_DIR pointed at a copy of one data file."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    data.mkdir()
    shutil.copy(resources.DATA_DIR / name, data / name)
    monkeypatch.setattr(resources, "DATA_DIR", data)
    return data, cache


def _no_read(*_args: object, **_kw: object) -> None:
    raise AssertionError("read the YAML again")
