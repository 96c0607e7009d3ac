"""Input readers and writers: bad records are reported with their line and id, never lost silently."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from marsad.io.readers import Reject, iter_records
from marsad.io.writers import write_results
from marsad.models import OUTPUT_COLUMNS, Article, ArticleResult, Event, Span

REPORT = "قتل ثلاثة مدنيين في قصف مدفعي على بلدة كفرنبل بريف إدلب الجنوبي."


def test_jsonl_with_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": REPORT, "published": "2023-03-14"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a3", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps({"id": "a4", "text": REPORT, "published": "14/03/2023"}, ensure_ascii=False),
        "",
        json.dumps([1, 2]),
        json.dumps({"text": REPORT, "published": "2023-03-14T08:00:00Z"}, ensure_ascii=False),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    recs = list(iter_records([str(p)]))
    arts = [r for r in recs if isinstance(r, Article)]
    rej = [r for r in recs if isinstance(r, Reject)]
    assert [a.id for a in arts] == ["a1", "in-7"]
    assert str(arts[1].published) == "2023-03-14"
    assert [(r.line, r.record_id) for r in rej] == [(2, None), (3, "a3"), (4, "a4"), (6, None)]
    assert "invalid JSON" in rej[0].reason and "text" in rej[1].reason and "published" in rej[2].reason


def test_text_files_folders_and_binary(tmp_path: Path) -> None:
    d = tmp_path / "reports"
    d.mkdir()
    (d / "one.txt").write_text(REPORT, encoding="utf-8")
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    (d / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (d / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    recs = list(iter_records([str(d), str(tmp_path / "missing.txt")], published=None))
    kinds = sorted((Path(r.source).name if isinstance(r, Reject) else r.id) for r in recs)
    assert kinds == ["bin.txt", "empty.txt", "latin1.txt", "missing.txt", "one"]


def test_writers_all_formats(tmp_path: Path) -> None:
    ev = Event(
        event_type="Battles", actor1="Islamic State (Syria)", latitude=34.9, longitude=38.9,
        weapons=["IED", "RPG"], evidence={"actor1": [Span(start=3, end=7, text="داعش")]},
    )  # fmt: skip
    res = [ArticleResult(id="x", events=[ev, Event(event_type="Protests")]), ArticleResult(id="y")]
    assert write_results(tmp_path / "o.csv", res) == 2
    rows = list(csv.DictReader((tmp_path / "o.csv").open(encoding="utf-8")))
    assert list(rows[0].keys()) == list(OUTPUT_COLUMNS)
    assert rows[0]["weapons"] == "IED; RPG" and json.loads(rows[0]["evidence"])["actor1"][0]["text"] == "داعش"
    write_results(tmp_path / "o.geojson", res)
    gj = json.loads((tmp_path / "o.geojson").read_text(encoding="utf-8"))
    assert gj["features"][0]["geometry"]["coordinates"] == [38.9, 34.9]
    assert gj["features"][1]["geometry"] is None
    write_results(tmp_path / "o.jsonl", res)
    lines = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["events"][0]["actor1"] == "Islamic State (Syria)"
