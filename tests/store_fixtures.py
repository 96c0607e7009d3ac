"""Fixtures and report builders shared by the store, ingest, dedup and export tests.

Every store test runs twice: on a fresh SQLite file and on a fresh PostgreSQL schema (a random
schema name set through libpq's search_path, so parallel runs never see each other's tables).
Import with `from store_fixtures import *` (pytest puts tests/ on sys.path).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from marsad.models import Article, Event, Span
from marsad.store.scratch import scratch_schema

PG_BASE = os.environ.get("MARSAD_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


@lru_cache(maxsize=1)
def pg_problem() -> str | None:
    """None when the test PostgreSQL answers, else why not."""
    try:
        eng = create_engine(PG_BASE, connect_args={"connect_timeout": 3})
        with eng.connect() as c:
            c.execute(text("SELECT 1"))
        eng.dispose()
        return None
    except Exception as exc:
        return f"PostgreSQL at {PG_BASE} unreachable: {type(exc).__name__}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    problem = pg_problem()
    if problem:
        pytest.skip(problem)
    with scratch_schema(PG_BASE, "t") as url:
        yield url


@pytest.fixture
def store(db_url: str):
    from marsad.store import Store

    st = Store(db_url)
    yield st
    st.close()


# --- Arabic reports with their coded events ---------------------------------------------------------
# Places are real (GeoNames coordinates); the reports are written for these tests.

PLACES = [
    # arabic, english, admin1, lat, lon
    ("السخنة", "As Sukhnah", "Homs", 34.88533, 38.8711),
    ("تدمر", "Palmyra", "Homs", 34.56, 38.2672),
    ("الميادين", "Al Mayadin", "Deir ez-Zor", 35.0193, 40.4513),
    ("البوكمال", "Abu Kamal", "Deir ez-Zor", 34.4536, 40.9187),
    ("معرة النعمان", "Maarrat an Numan", "Idlib", 35.6433, 36.6708),
    ("درعا", "Daraa", "Daraa", 32.6189, 36.1021),
]
NUMBER_WORDS = {
    2: "عنصران",
    3: "ثلاثة عناصر",
    4: "أربعة عناصر",
    5: "خمسة عناصر",
    6: "ستة عناصر",
    7: "سبعة عناصر",
}
OUTLETS = ["عنب بلدي", "المرصد السوري", "الشرق الأوسط"]
IS_SYRIA = "Islamic State (Syria)"
SYRIAN_ARMY = "Military Forces of Syria (2000-2024)"


def report(i: int, *, start: date = date(2020, 8, 1), variant: int = 0) -> tuple[Article, list[Event]]:
    """The i-th distinct report: an IS attack on a regime position. `variant` rewrites the same
    event as another outlet would (other words, sometimes another death toll)."""
    ar, en, admin1, lat, lon = PLACES[i % len(PLACES)]
    day = start + timedelta(days=i)  # one report a day: distinct reports never look like duplicates
    published = day + timedelta(days=1)
    killed = 2 + (i % 6)
    if variant == 0:
        body = (
            f"قُتل {NUMBER_WORDS[killed]} من قوات النظام السوري، مساء أمس، بهجوم شنّه مسلحون من تنظيم "
            f"الدولة الإسلامية على نقطة عسكرية قرب {ar} في محافظة {admin1}، بحسب ما أفادت مصادر محلية. "
            f"وأضافت المصادر أن الاشتباكات استمرت ساعات قبل انسحاب المهاجمين (التقرير رقم {i})."
        )
    else:
        killed = killed + variant  # a later, higher toll: the conservative rule keeps the lower
        body = (
            f"أفادت مصادر ميدانية بمقتل {killed} من عناصر الجيش السوري في هجوم لتنظيم داعش استهدف "
            f"موقعاً عسكرياً في محيط {ar} مساء أمس، وسط تحليق لطيران الاستطلاع (رواية {variant} للتقرير {i})."
        )
    art = Article(
        id=f"r{i:04d}" + (f"-v{variant}" if variant else ""),
        text=body,
        title=f"هجوم قرب {ar}",
        published=published,
        url=f"https://example.org/{'a' if variant == 0 else 'b'}/{i}" + (f"-{variant}" if variant else ""),
        outlet=OUTLETS[variant % len(OUTLETS)],
    )
    where = body.index(ar)
    ev = Event(
        event_date=day.isoformat(),
        year=day.year,
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=IS_SYRIA,
        inter1=2,
        actor2=SYRIAN_ARMY if variant == 0 else "Military Forces of Syria",
        inter2=1,
        interaction="12",
        iso=760,
        region="Middle East",
        country="Syria",
        admin1=admin1,
        location=en,
        latitude=lat + 0.01 * variant,  # another outlet's geocoding, about a kilometre off
        longitude=lon,
        geo_precision=2,
        fatalities=killed,
        notes=f"On {day:%d %B %Y}, IS militants attacked a regime position near {en} ({admin1}).",
        primary=True,
        confidence=0.8,
        evidence={"location": [Span(start=where, end=where + len(ar), text=ar)]},
    )
    return art, [ev]


def result_line(art: Article, events: list[Event]) -> str:
    """A `marsad extract -o X.jsonl` line plus the text, as `marsad ingest` accepts it."""
    obj = json.loads(art.model_dump_json())
    obj["events"] = [json.loads(e.model_dump_json()) for e in events]
    return json.dumps(obj, ensure_ascii=False)


def write_reports(folder: Path, n: int, *, variant: int = 0) -> list[Path]:
    """n reports as one-line JSONL files (with events), so ingest needs no extractor."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        art, evs = report(i, variant=variant)
        p = folder / f"{art.id}.jsonl"
        p.write_text(result_line(art, evs) + "\n", encoding="utf-8")
        paths.append(p)
    return paths
