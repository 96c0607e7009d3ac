"""End-to-end, in headless Chromium against a real `marsad serve`: the map's auto-refresh shows
events stored while the page is open (as `marsad watch` stores them) without losing the analyst's
filter, map view, selection or an edit being typed; and the origin select (ACLED export rows,
marsad's coding, both, only one) filters the map and table as the API does.

The store: api_fixtures' reports through the real extractor, plus the invented ACLED export of
tests/fixtures/acled. The page runs with `?refresh=1` (a tick a second) so the test is quick.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_fixtures import REPORTS, WRITER_TOKEN, running_server
from browser_fixtures import BROWSER_MARKS, CHROMIUM, LAUNCH_ARGS
from test_web_e2e import pick, picked, rows, shot

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright not installed")

EXPORT = Path(__file__).parent / "fixtures" / "acled" / "export_sample.csv"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    from marsad.ingest.acled_csv import load_export
    from marsad.store import Store

    tmp = tmp_path_factory.mktemp("e2e-live")
    reports = tmp / "reports.jsonl"
    reports.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS), encoding="utf-8")
    url = f"sqlite:///{tmp / 'live.sqlite'}"
    with Store(url) as store:
        store.ingest([str(reports)])
        load_export(store, EXPORT)
    with running_server(url) as base:
        yield base, url


@pytest.fixture
def page(live: tuple[str, str]) -> Iterator[object]:
    base, _ = live
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        ctx = browser.new_context(viewport={"width": 1440, "height": 900})
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{base}/?refresh=1")
        pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
        yield pg
        assert not errors, errors
        browser.close()


def api(base: str, path: str, **params: str) -> dict:
    resp = httpx.get(f"{base}{path}", params=params, timeout=10)
    resp.raise_for_status()
    return resp.json()


def _store_event(url: str, *, art_id: str, text: str, country: str, iso: int, location: str,
                 lat: float, lon: float) -> str:  # fmt: skip
    """Store one report and its event from outside the server, as `marsad watch` does."""
    from marsad.models import Article, Event
    from marsad.store import Store

    art = Article(id=art_id, text=text, published="2025-01-20", outlet="شبكة شام")
    ev = Event(
        event_date="2025-01-20",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-2024)"
        if country == "Syria"
        else "Unidentified Armed Group (Iraq)",
        country=country,
        iso=iso,
        location=location,
        latitude=lat,
        longitude=lon,
        fatalities=1,
    )
    with Store(url) as store:
        _, ids = store.add_article(art, [ev])
    return ids[0]


def _view(pg) -> list[str]:  # type: ignore[no-untyped-def]
    # Leaflet keeps the pan in the map pane's transform and the zoom in its proxy's.
    return pg.evaluate(
        "() => ['.leaflet-map-pane', '.leaflet-proxy'].map(s => document.querySelector(s)?.style.transform || '')"
    )


def test_auto_refresh_shows_new_events_and_keeps_the_view(page, live: tuple[str, str]) -> None:
    base, url = live
    assert not page.is_checked("#auto-refresh")  # off by default
    page.fill("#token", WRITER_TOKEN)
    page.click("#token-form button[type=submit]")
    page.wait_for_function("() => document.querySelector('#who').textContent.includes('amal')")
    pick(page, "country", "Syria")
    page.wait_for_function(
        "() => [...document.querySelectorAll('tr.row')].every(r => r.dataset.id.startsWith('SYR'))"
    )
    before = api(base, "/api/events", country="Syria")["total"]
    # Auto-refresh off: an event stored now does not appear by itself.
    quiet = _store_event(
        url, art_id="r-ariha", text="قصفت قوات النظام بالمدفعية الثقيلة أطراف مدينة أريحا جنوبي إدلب.",
        country="Syria", iso=760, location="Ariha", lat=35.81, lon=36.61,
    )  # fmt: skip
    page.wait_for_timeout(2500)
    assert quiet not in rows(page)

    page.check("#auto-refresh")  # before the event panel opens over the header
    page.wait_for_selector(f"tr.row[data-id='{quiet}']", timeout=10_000)
    page.click(".leaflet-control-zoom-in")
    page.wait_for_timeout(600)
    opened = rows(page)[-1]
    page.click(f"tr.row[data-id='{opened}']")
    page.wait_for_selector("#edit-value")
    page.select_option("#edit-field", "location")
    page.fill("#edit-value", "الشحيل الشرقي")  # an edit being typed, not saved
    page.wait_for_timeout(600)  # the map resizes beside the panel
    view, hash_ = _view(page), page.evaluate("() => location.hash")  # now with the open event

    new = _store_event(
        url, art_id="r-kafranbel", text="سقطت قذائف مدفعية على بلدة كفرنبل في ريف إدلب الجنوبي فجر اليوم.",
        country="Syria", iso=760, location="Kafr Nabl", lat=35.61, lon=36.56,
    )  # fmt: skip
    iraq = _store_event(
        url, art_id="r-tikrit", text="انفجرت عبوة ناسفة على طريق قرب مدينة تكريت في محافظة صلاح الدين.",
        country="Iraq", iso=368, location="Tikrit", lat=34.6, lon=43.68,
    )  # fmt: skip
    page.wait_for_selector(f"tr.row[data-id='{new}']", timeout=15_000)
    assert iraq not in rows(page)  # the filter still holds
    page.wait_for_function(
        f"() => document.querySelector('#summary').textContent.startsWith('{before + 2} ')", timeout=10_000
    )
    assert page.inner_text("#refreshed")
    # What the analyst was doing is untouched: the open event and its half-typed edit, the selection,
    # the map's zoom and pan, the filter in the address.
    assert page.evaluate("() => document.body.classList.contains('panel-open')")
    assert page.input_value("#edit-value") == "الشحيل الشرقي"
    assert picked(page, "country") == ["Syria"]
    assert page.get_attribute(f"tr.row[data-id='{opened}']", "class") == "row selected"
    assert _view(page) == view
    assert page.evaluate("() => location.hash") == hash_
    shot(page, "refresh-1-new-event")

    # The choice is remembered by the browser.
    page.reload()
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    assert page.is_checked("#auto-refresh")


def test_origin_select_filters_the_map_and_table(page, live: tuple[str, str]) -> None:
    base, _ = live
    for origin in ("acled_only", "marsad_only", "both"):
        page.select_option("#f-origin", origin)
        want = sorted(
            e["event_id_cnty"] for e in api(base, "/api/events", origin=origin, limit="100")["items"]
        )
        assert want  # the invented export has events of each kind
        page.wait_for_function(
            "want => JSON.stringify([...document.querySelectorAll('tr.row')].map(r => r.dataset.id).sort())"
            " === JSON.stringify(want)",
            arg=want,
            timeout=10_000,
        )
        assert f"origin={origin}" in page.evaluate("() => location.hash")
        total = api(base, "/api/stats", origin=origin)["total_events"]
        # The summary comes from its own request, which may land after the table's.
        page.wait_for_function(
            "want => document.querySelector('#summary').innerText.startsWith(want)",
            arg=f"{total} ",
            timeout=10_000,
        )
        assert page.inner_text("#summary").startswith(f"{total} ")
    shot(page, "refresh-2-origin")
    page.select_option("#f-origin", "")
    assert "origin=" not in page.evaluate("() => location.hash")
