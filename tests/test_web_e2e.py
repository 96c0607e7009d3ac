"""End-to-end: the web UI in headless Chromium (Debian's, driven by Playwright) against a real
`marsad serve` on a loopback port, on a SQLite database filled by ingesting Arabic reports
through the real extractor. Screenshots go to artefacts/ (git-ignored)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_fixtures import REPORTS, SCRIPT_MARKUP, WRITER_TOKEN, running_server
from browser_fixtures import ARTEFACTS, BROWSER_MARKS, CHROMIUM, LAUNCH_ARGS, keep_on_origin

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from marsad.store import Store

    tmp = tmp_path_factory.mktemp("e2e")
    reports = tmp / "reports.jsonl"
    reports.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS), encoding="utf-8")
    url = f"sqlite:///{tmp / 'e2e.sqlite'}"
    with Store(url) as store:
        report = store.ingest([str(reports)])
    assert report.added == len(REPORTS) and report.events_added >= len(REPORTS), report
    with running_server(url) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # Offline by construction: any request leaving the app's own origin fails the test.
    outside = keep_on_origin(pg, server)
    pg.goto(f"{server}/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    yield pg
    assert not errors, errors
    assert not outside, outside
    ctx.close()


def shot(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTEFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTEFACTS / f"e2e-{name}.png"), full_page=False)


def api(server: str, path: str, **kw) -> dict:  # type: ignore[no-untyped-def]
    resp = httpx.get(f"{server}{path}", timeout=10, **kw)
    resp.raise_for_status()
    return resp.json()


def rows(pg) -> list[str]:  # type: ignore[no-untyped-def]
    return pg.eval_on_selector_all("tr.row", "rs => rs.map(r => r.dataset.id)")


def pick(pg, key: str, *values: str) -> None:  # type: ignore[no-untyped-def]
    """Tick `values` in the multi-value picker of filter `key` (it applies at once), then close it."""
    pg.click(f"#f-{key} > summary")
    for v in values:
        pg.check(f"#f-{key} input[value='{v}']")
    pg.click(f"#f-{key} > summary")


def picked(pg, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    return pg.eval_on_selector_all(f"#f-{key} input:checked", "bs => bs.map(b => b.value)")


def test_load_filter_and_map(page, server: str) -> None:
    total = api(server, "/api/events")["total"]
    page.wait_for_function(f"() => document.querySelectorAll('tr.row').length === {total}")
    # One circle per located event is drawn on the map's canvas, and the basemap loaded.
    assert (
        page.locator(".leaflet-overlay-pane canvas, .leaflet-basemap-pane svg, .leaflet-pane svg").count()
        >= 1
    )
    assert "events" in page.inner_text("#summary")
    shot(page, "1-loaded")

    pick(page, "country", "Iraq")
    page.wait_for_function(
        "() => [...document.querySelectorAll('tr.row')].every(r => r.dataset.id.startsWith('IRQ'))"
    )
    iraq = api(server, "/api/events?country=Iraq")
    assert sorted(rows(page)) == sorted(e["event_id_cnty"] for e in iraq["items"])
    assert "country=Iraq" in page.evaluate("() => location.hash")
    shot(page, "2-filtered")

    # Sorting by a column header goes through the API.
    page.click("#reset")
    page.wait_for_function(f"() => document.querySelectorAll('tr.row').length === {total}")
    page.click("th button[data-col='fatalities']")
    page.wait_for_function("() => location.hash.includes('sort=-fatalities')")
    deadliest = api(server, "/api/events?sort=-fatalities&limit=1")["items"][0]["event_id_cnty"]
    page.wait_for_function(f"() => document.querySelector('tr.row').dataset.id === '{deadliest}'")


def test_timeline_brush_filters_dates(page, server: str) -> None:
    box = page.locator("#timeline svg").bounding_box()
    assert box
    y = box["y"] + box["height"] / 2
    # Drag over the right part of the histogram: the March events, not February's protest.
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => location.hash.includes('date_from=')")
    hash_ = page.evaluate("() => decodeURIComponent(location.hash)")
    date_from = hash_.split("date_from=")[1].split("&")[0]
    date_to = hash_.split("date_to=")[1].split("&")[0]
    expected = api(server, f"/api/events?date_from={date_from}&date_to={date_to}")
    page.wait_for_function(f"() => document.querySelectorAll('tr.row').length === {expected['total']}")
    assert "YEM1" not in rows(page)
    shot(page, "3-brushed")


def _open(page, event_id: str) -> None:  # type: ignore[no-untyped-def]
    page.click(f"tr.row[data-id='{event_id}']")
    page.wait_for_selector(".report mark", timeout=15_000)


def test_event_panel_highlights_evidence_and_escapes_report(page, server: str) -> None:
    iraq = api(server, "/api/events?country=Iraq")["items"][0]["event_id_cnty"]
    _open(page, iraq)
    detail = api(server, f"/api/events/{iraq}")
    report = page.inner_text(".report")
    # The <script> and onerror markup of the report is shown as text, never run or parsed.
    assert SCRIPT_MARKUP in page.eval_on_selector(".report", "e => e.textContent")
    assert page.evaluate("() => window.__xss") is None
    assert page.locator(".report script, .report img, .panel script").count() == 0
    assert "انفجرت عبوة ناسفة" in report
    # Each highlighted field shows exactly the evidence text the API gives for it.
    marks = page.eval_on_selector_all(".report mark", "ms => ms.map(m => [m.dataset.fields, m.textContent])")
    for span in detail["evidence"]:
        joined = "".join(text for fields, text in marks if span["field"] in fields.split())
        assert span["text"] in joined, (span, marks)
    assert page.get_attribute(".report", "dir") == "rtl"
    assert page.inner_text(".notes p").strip() == detail["event"]["notes"].strip()
    shot(page, "4-event-panel")


def test_evidence_offsets_survive_astral_characters(page, server: str) -> None:
    # The Sarmin report starts with an emoji: one code point in Python, two code units in JS.
    ev = api(server, "/api/events?q=سرمين")["items"][0]["event_id_cnty"]
    _open(page, ev)
    detail = api(server, f"/api/events/{ev}")
    assert detail["evidence"], "the extractor gave no evidence for this event"
    marks = page.eval_on_selector_all(".report mark", "ms => ms.map(m => [m.dataset.fields, m.textContent])")
    for span in detail["evidence"]:
        joined = "".join(text for fields, text in marks if span["field"] in fields.split())
        assert span["text"] in joined, (span, marks)
    # Clicking a coded field focuses its highlight.
    field = detail["evidence"][0]["field"]
    page.click(f".fields .field[data-field='{field}'] dt")
    assert page.locator(".report mark.focus").count() >= 1


def test_reviewer_edits_a_field_and_sees_the_audit_trail(page, server: str) -> None:
    event = api(server, "/api/events?country=Yemen")["items"][0]
    ev = event["event_id_cnty"]
    _open(page, ev)
    assert page.locator("#btn-save").count() == 0  # no token, no review actions
    page.click(".panel .close")

    page.fill("#token", WRITER_TOKEN)
    page.click("#token-form button[type=submit]")
    page.wait_for_function("() => document.querySelector('#who').textContent.includes('amal')")
    _open(page, ev)
    page.select_option("#edit-field", "fatalities")
    page.fill("#edit-value", "2")
    page.fill("#review-note", "two deaths reported by a later source")
    page.click("#btn-save")
    page.wait_for_selector("#audit li[data-action='edit']", timeout=10_000)
    entry = page.inner_text("#audit li[data-action='edit']")
    assert "amal" in entry and "2" in entry
    assert page.inner_text("#panel-status") in ("edited", "معدَّل")

    history = api(server, f"/api/events/{ev}/history")
    edit = [h for h in history if h["action"] == "edit"][-1]
    assert (edit["user"], edit["field"], json.loads(edit["new_value"])) == ("amal", "fatalities", 2)
    assert edit["note"] == "two deaths reported by a later source"
    # The table shows the new figure.
    page.wait_for_function(
        f"() => document.querySelector('tr.row[data-id=\"{ev}\"] td[data-col=fatalities]').textContent === '2'"
    )
    page.click("#btn-confirm")
    page.wait_for_selector("#audit li[data-action='confirm']")
    shot(page, "5-reviewed")


def test_export_and_arabic_labels(page, server: str) -> None:
    with page.expect_download() as info:
        page.click("a[data-export='csv']")
    path = info.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("event_id_cnty,event_date,year")
    assert len(text.splitlines()) - 1 == api(server, "/api/events")["total"]

    page.click("#lang")
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    assert page.evaluate("() => document.documentElement.lang") == "ar"
    assert "مرصد" in page.title()
    page.wait_for_function(
        "() => document.querySelector(\"th button[data-col='fatalities']\").textContent.startsWith('القتلى')"
    )
    assert "معارك" in page.inner_text("#map-legend")
    shot(page, "6-arabic")
    page.click("#lang")
    page.wait_for_function("() => document.documentElement.dir === 'ltr'")


def test_chromium_present_for_ci() -> None:
    # Sanity: the runner found Debian's browser, not a downloaded one.
    assert shutil.which("chromium") or CHROMIUM.exists()
