"""Nothing crashes the extractor: any Unicode, empty text, other languages, HTML, bytes, 5 MB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.models import Article

ARABIC = st.text(
    alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،\n0123456789"),
    max_size=400,
)
WORDS = st.lists(
    st.sampled_from(
        ["قتل", "ثلاثة", "مدنيين", "داعش", "في", "بلدة", "السخنة", "أمس", "الثلاثاء", "غارة", "جوية", "روسية",
         "على", "إدلب", "اشتباكات", "بين", "قوات", "النظام", "و", "الحوثيين", "،", ".", "عشرات", "القتلى", "آذار", "٢٠٢١"]
    ),
    max_size=60,
).map(" ".join)  # fmt: skip


def _valid(text: str, events: list[marsad.Event]) -> None:
    for e in events:
        assert e.event_type and (e.actor1 or e.actor2)
        assert e.fatalities >= 0
        for spans in e.evidence.values():
            for s in spans:
                assert 0 <= s.start <= s.end <= len(text)
                assert text[s.start : s.end] == s.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode(text: str) -> None:
    _valid(text, marsad.extract(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARABIC)
def test_random_arabic(text: str) -> None:
    _valid(text, marsad.extract(text, published="2021-03-16"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS)
def test_word_salad_of_conflict_vocabulary(text: str) -> None:
    _valid(text, marsad.extract(text, published="2021-03-16"))


def test_edge_inputs() -> None:
    for text in ["", "   \n\t", "The army said on Tuesday that 3 soldiers were killed.",
                 "L'armée a annoncé mardi la mort de trois soldats.",
                 "<html><script>alert(1)</script><p>قتل شخص في حلب</p></html>",
                 "\x00\x01\ufffd", "٠١٢٣٤٥٦٧٨٩" * 50]:  # fmt: skip
        _valid(text, marsad.extract(text))


def test_five_megabyte_report() -> None:
    para = "قتل ثلاثة مدنيين أمس في قصف مدفعي لقوات النظام على بلدة كفرنبل بريف إدلب الجنوبي.\n"
    text = para * (5_000_000 // len(para.encode("utf-8")) + 1)
    events = marsad.extract_article(Article(id="big", text=text, published="2021-03-16"))
    assert isinstance(events, list)


def test_cli_malformed_jsonl_is_partial(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = {
        "id": "ok",
        "text": "قتل ثلاثة مدنيين أمس بغارة جوية روسية على بلدة كفرنبل بريف إدلب.",
        "published": "2021-03-16",
    }
    src.write_text(
        json.dumps(good, ensure_ascii=False) + "\n{broken\n" + json.dumps({"id": "x"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    exe = Path(sys.executable).parent / "marsad"
    r = subprocess.run(
        [str(exe), "extract", str(src), "-o", str(out)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 1, r.stderr
    rejects = [
        json.loads(x) for x in (tmp_path / "out.csv.rejects.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(x["line"], x["id"]) for x in rejects] == [(2, None), (3, "x")]
    assert out.exists() and out.read_text(encoding="utf-8").count("\n") >= 2
    # Nothing usable at all: exit 2; unknown output format: exit 2.
    r = subprocess.run(
        [str(exe), "extract", str(tmp_path / "nope.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    r = subprocess.run(
        [str(exe), "extract", str(src), "-o", str(tmp_path / "o.xlsx")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2 and "format" in r.stderr
