"""The lexicons are read once and then loaded from the cache folder, and a changed file is read
again (resources.Knowledge._lexicons)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.knowledge import lexicon
from marsad.knowledge.resources import Knowledge

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

    def no_read(*_args: object, **_kw: object) -> None:
        raise AssertionError("read the YAML again")

    with monkeypatch.context() as m:
        for fn in ("load_actors", "load_triggers", "load_weapons"):
            m.setattr(lexicon, fn, no_read)
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
