"""Fixtures for the API and web tests: a small store of real Arabic reports, an app client,
and a real uvicorn server on a free loopback port.

The reports below were written for these tests. One carries a `<script>` tag and an HTML
`onerror` attribute (the UI must show them as text), one starts with an emoji (a character
outside the BMP, so Python and JavaScript offsets differ).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from marsad.models import Article, Event, Span
from marsad.store.scratch import scratch_schema

WRITER_TOKEN = "reviewer-token-1234"
OTHER_TOKEN = "second-token-5678"
TOKENS = f"amal:{WRITER_TOKEN},omar:{OTHER_TOKEN}"
PG_ADMIN_URL = "postgresql+psycopg://root@127.0.0.1:5432/test"

SCRIPT_MARKUP = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'

REPORTS: list[dict[str, str]] = [
    {
        "id": "r-shuhayl",
        "title": "اشتباكات بين قسد وخلايا داعش في ريف دير الزور",
        "published": "2024-03-11",
        "outlet": "شبكة الشرق",
        "url": "https://example.org/news/shuhayl",
        "text": (
            "اندلعت اشتباكات عنيفة صباح اليوم الإثنين بين عناصر من قوات سوريا الديمقراطية وخلايا تابعة "
            "لتنظيم داعش في بلدة الشحيل بريف دير الزور الشرقي، ما أسفر عن مقتل ثلاثة عناصر من قسد "
            "وإصابة آخرين بجروح.\nوقالت مصادر محلية إن الاشتباكات استمرت نحو ساعتين قبل أن ينسحب المهاجمون "
            "باتجاه البادية."
        ),
    },
    {
        "id": "r-sarmin",
        "title": "غارات روسية على ريف إدلب",
        "published": "2024-03-10",
        "outlet": "وكالة الأنباء المحلية",
        "url": "https://example.org/news/sarmin",
        # The emoji is outside the BMP: one code point in Python, two code units in JavaScript.
        "text": (
            "📢 عاجل: شنت طائرات حربية روسية مساء أمس السبت غارات جوية على أطراف مدينة سرمين في ريف "
            "إدلب الشرقي، ما أدى إلى مقتل مدنيين اثنين وإصابة خمسة آخرين، بحسب الدفاع المدني."
        ),
    },
    {
        "id": "r-tarmiyah",
        "title": "عبوة ناسفة شمال بغداد",
        "published": "2024-03-12",
        "outlet": "بغداد اليوم",
        "url": "https://example.org/news/tarmiyah",
        "text": (
            "انفجرت عبوة ناسفة صباح اليوم الثلاثاء على دورية للجيش العراقي في قضاء الطارمية شمال بغداد، "
            "ما أسفر عن مقتل جندي وإصابة اثنين آخرين.\n"
            f"نص منقول من صفحة الحدث: {SCRIPT_MARKUP}\n"
            "ولم تتبنّ أي جهة الهجوم حتى الآن."
        ),
    },
    {
        "id": "r-taiz",
        "title": "وقفة احتجاجية في تعز",
        "published": "2024-02-20",
        "outlet": "يمن نيوز",
        "url": "https://example.org/news/taiz",
        "text": (
            "تظاهر مئات المواطنين اليوم الثلاثاء في مدينة تعز احتجاجاً على انقطاع رواتب الموظفين منذ أشهر، "
            "ورفع المحتجون لافتات تطالب الحكومة بصرف المستحقات."
        ),
    },
]


def span(text_: str, needle: str) -> Span:
    """The [start, end) code-point span of `needle` in `text_` (Python string indices)."""
    start = text_.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def _ev(text_: str, evidence: dict[str, str], **fields: object) -> Event:
    return Event(**fields, evidence={f: [span(text_, s)] for f, s in evidence.items()})  # type: ignore[arg-type]


def sample_articles() -> list[tuple[Article, list[Event]]]:
    """The reports with events coded by hand (CODING.md), evidence spans included."""
    r = {rep["id"]: rep for rep in REPORTS}
    out: list[tuple[Article, list[Event]]] = []

    t = r["r-shuhayl"]["text"]
    out.append(
        (
            Article(**r["r-shuhayl"]),
            [
                _ev(
                    t,
                    {
                        "event_date": "اليوم الإثنين",
                        "event_type": "اشتباكات",
                        "actor1": "تنظيم داعش",
                        "actor2": "قوات سوريا الديمقراطية",
                        "location": "بلدة الشحيل",
                        "admin1": "دير الزور",
                        "fatalities": "مقتل ثلاثة عناصر",
                    },
                    event_date="2024-03-11",
                    year=2024,
                    time_precision=1,
                    disorder_type="Political violence",
                    event_type="Battles",
                    sub_event_type="Armed clash",
                    actor1="Islamic State (Syria)",
                    inter1=2,
                    actor2="Syrian Democratic Forces",
                    inter2=2,
                    interaction="22",
                    iso=760,
                    region="Middle East",
                    country="Syria",
                    admin1="Deir ez Zor",
                    admin2="Al Mayadin",
                    location="Ash Shuhayl",
                    latitude=35.0333,
                    longitude=40.3833,
                    geo_precision=1,
                    source="شبكة الشرق",
                    fatalities=3,
                    notes="On 11 March 2024, IS militants clashed with SDF members in Ash Shuhayl (Deir ez Zor). Fatalities: 3.",
                    confidence=0.8,
                )
            ],
        )
    )

    t = r["r-sarmin"]["text"]
    out.append(
        (
            Article(**r["r-sarmin"]),
            [
                _ev(
                    t,
                    {
                        "event_date": "مساء أمس السبت",
                        "sub_event_type": "غارات جوية",
                        "actor1": "طائرات حربية روسية",
                        "location": "مدينة سرمين",
                        "admin1": "إدلب",
                        "fatalities": "مقتل مدنيين اثنين",
                    },
                    event_date="2024-03-09",
                    year=2024,
                    time_precision=1,
                    disorder_type="Political violence",
                    event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike",
                    actor1="Military Forces of Russia",
                    inter1=8,
                    actor2="Civilians (Syria)",
                    inter2=7,
                    interaction="78",
                    civilian_targeting="Civilian targeting",
                    iso=760,
                    region="Middle East",
                    country="Syria",
                    admin1="Idleb",
                    location="Sarmin",
                    latitude=35.9,
                    longitude=36.7167,
                    geo_precision=2,
                    source="وكالة الأنباء المحلية",
                    fatalities=2,
                    injuries=5,
                    weapons=["air strike"],
                    notes="On 9 March 2024, Russian warplanes struck the outskirts of Sarmin (Idleb). Fatalities: 2.",
                    confidence=0.7,
                )
            ],
        )
    )

    t = r["r-tarmiyah"]["text"]
    out.append(
        (
            Article(**r["r-tarmiyah"]),
            [
                _ev(
                    t,
                    {
                        "event_date": "صباح اليوم الثلاثاء",
                        "sub_event_type": "عبوة ناسفة",
                        "actor2": "دورية للجيش العراقي",
                        "location": "قضاء الطارمية",
                        "fatalities": "مقتل جندي",
                    },
                    event_date="2024-03-12",
                    year=2024,
                    time_precision=1,
                    disorder_type="Political violence",
                    event_type="Explosions/Remote violence",
                    sub_event_type="Remote explosive/landmine/IED",
                    actor1="Unidentified Armed Group (Iraq)",
                    inter1=3,
                    actor2="Military Forces of Iraq",
                    inter2=1,
                    interaction="13",
                    iso=368,
                    region="Middle East",
                    country="Iraq",
                    admin1="Baghdad",
                    location="Tarmiyah",
                    latitude=33.6706,
                    longitude=44.3936,
                    geo_precision=2,
                    source="بغداد اليوم",
                    fatalities=1,
                    injuries=2,
                    weapons=["IED"],
                    notes="On 12 March 2024, an IED hit an Iraqi army patrol in Tarmiyah (Baghdad). Fatalities: 1.",
                    confidence=0.75,
                )
            ],
        )
    )

    t = r["r-taiz"]["text"]
    out.append(
        (
            Article(**r["r-taiz"]),
            [
                _ev(
                    t,
                    {"event_type": "تظاهر", "location": "مدينة تعز", "actor1": "مئات المواطنين"},
                    event_date="2024-02-20",
                    year=2024,
                    time_precision=1,
                    disorder_type="Demonstrations",
                    event_type="Protests",
                    sub_event_type="Peaceful protest",
                    actor1="Protesters (Yemen)",
                    inter1=6,
                    interaction="60",
                    iso=887,
                    region="Middle East",
                    country="Yemen",
                    admin1="Taizz",
                    location="Taizz",
                    latitude=13.5795,
                    longitude=44.0209,
                    geo_precision=1,
                    source="يمن نيوز",
                    fatalities=0,
                    notes="On 20 February 2024, hundreds of people protested in Taizz city over unpaid salaries.",
                    confidence=0.7,
                )
            ],
        )
    )
    return out


# --- stores ------------------------------------------------------------------------------------


def pg_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    with scratch_schema(PG_ADMIN_URL, "api") as url:
        yield url


def fill(store: object) -> dict[str, list[str]]:
    """Add the sample reports with their hand-coded events; returns article id -> event ids."""
    ids: dict[str, list[str]] = {}
    for article, events in sample_articles():
        added = store.add_article(article, events)  # type: ignore[attr-defined]
        assert added is not None
        ids[added[0]] = added[1]
    return ids


@pytest.fixture(params=["sqlite", "postgres"])
def api_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A filled store on SQLite and, when the server answers, on PostgreSQL."""
    from marsad.store import Store

    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path / 'api.sqlite'}")
        fill(store)
        yield store
        store.close()
        return
    if not pg_available():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    with pg_schema_url() as url:
        store = Store(url)
        fill(store)
        yield store
        store.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[object]:
    from marsad.store import Store

    store = Store(f"sqlite:///{tmp_path / 'api.sqlite'}")
    fill(store)
    yield store
    store.close()


def make_client(store: object, **settings: object):  # -> fastapi.testclient.TestClient
    import warnings

    with warnings.catch_warnings():
        # starlette's TestClient still runs on httpx, and warns about it on import.
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient

    from marsad.api.app import create_app
    from marsad.api.settings import ApiSettings

    values: dict[str, object] = {"api_tokens": TOKENS, **settings}
    return TestClient(create_app(ApiSettings(**values), store=store))  # type: ignore[arg-type]


@pytest.fixture
def client(api_store: object):  # -> TestClient
    with make_client(api_store) as c:
        yield c


def auth(token: str = WRITER_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- a real server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db_url: str, *, env: dict[str, str] | None = None, timeout: float = 60.0) -> Iterator[str]:
    """`marsad serve` in a subprocess on a free loopback port; yields its base URL."""
    port = free_port()
    full_env = {**os.environ, "MARSAD_API_TOKENS": TOKENS, **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db_url,
         "--log-level", "warning"],
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
                raise RuntimeError(f"marsad serve exited with {proc.returncode}: {err[-2000:]}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("marsad serve did not answer in time")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
