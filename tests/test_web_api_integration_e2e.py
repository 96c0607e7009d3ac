"""The web UI against the strict API (issue 9), end to end in Debian's headless Chromium at
1280×720 and 1400×900 on a real `marsad serve`:

- a whole analyst session (every filter, sort, tab, export link, sign-in, review actions, edits of
  the event type with its sub-type and of the sub-type alone, the Arabic view) sends no request
  the API refuses, except the one deliberately refused edit: the UI never sends an unknown
  parameter, a blank date, an inter code 0 or an interaction as text;
- the derived fields an edit recomputes appear in the audit trail as `recompute` rows, labelled in
  both languages;
- a filter the API refuses (fatalities from 5 to 1) is named beside the filter;
- the multi-value filters really filter: the rows the UI shows all satisfy the filter (not only
  equal the API's answer), and country=Syria&country=Yemen is the union of the two.

Screenshots: artefacts/e2e-integration-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from test_web_e2e import ARTEFACTS, pick
from test_web_workbench_e2e import (  # noqa: F401 (fixtures)
    SIZES,
    api,
    base,
    browser,
    filters_of,
    sign_in,
    size,
    wait_rows_match,
)

pytestmark = [pytest.mark.browser]
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def session(browser, base: str, size: str) -> Iterator[tuple[object, list[tuple[str, str, int]]]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """A page that records every /api/ request the UI makes: (method, url, status)."""
    width, height = SIZES[size]
    ctx = browser.new_context(viewport={"width": width, "height": height})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    seen: list[tuple[str, str, int]] = []
    pg.on(
        "response",
        lambda r: seen.append((r.request.method, r.url, r.status)) if "/api/" in r.url else None,
    )
    pg.goto(f"{base}/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    pg.wait_for_function("() => document.querySelector('#map').dataset.points > 0")
    yield pg, seen
    assert not errors, errors
    ctx.close()


def shot(pg, name: str, size: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ARTEFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTEFACTS / f"e2e-integration-{name}-{size}.png"), full_page=False)


def settle(pg) -> None:  # type: ignore[no-untyped-def]
    pg.wait_for_load_state("networkidle")
    pg.wait_for_timeout(200)


def test_a_whole_session_sends_nothing_the_api_refuses(session, base: str, size: str) -> None:  # noqa: F811
    pg, seen = session
    # Filters: every picker and field, multi-value, with the values a person types.
    pick(pg, "country", "Syria", "Yemen")
    pick(pg, "event_type", "Battles", "Explosions/Remote violence")
    pick(pg, "sub_event_type", "Armed clash")
    pg.click("#more-filters > summary")
    offered = pg.eval_on_selector_all("#f-inter1 input", "bs => bs.map(b => b.value)")
    assert offered == list(api(base, "/api/meta")["inter_codes"])  # no inter code 0
    pick(pg, "inter1", *offered)
    pick(pg, "inter2", "1", "2")
    pg.fill("#f-interaction", "21, 71 6")  # either order, and one-sided
    pg.fill("#f-fatalities_min", "0")
    pg.fill("#f-fatalities_max", "100")
    pg.fill("#f-date_from", "2020-01-01")
    pg.click("#apply")
    pg.wait_for_function("() => location.hash.includes('fatalities_max=100')")
    params = filters_of(pg)
    assert {("interaction", "12"), ("interaction", "17"), ("interaction", "60")} <= set(params), params
    assert not any(k == "date_to" for k, _ in params)  # a blank date is left out
    wait_rows_match(pg, base)
    settle(pg)
    for fmt in ("csv", "geojson", "jsonl"):  # the export links, fetched as a browser would
        href = pg.get_attribute(f"a[data-export='{fmt}']", "href")
        resp = httpx.get(f"{base}/{href.lstrip('/')}", timeout=30)
        assert resp.status_code == 200, (fmt, href, resp.text[:300])
    pg.click("#reset")
    pg.select_option("#f-status", "all")
    pg.select_option("#f-origin", "acled")
    settle(pg)
    pg.select_option("#f-origin", "")
    pg.click("#more-filters > summary")
    pg.check("#f-undated")
    settle(pg)
    pg.click("#reset")
    pg.fill("#f-actor", "الحوثي")
    pg.fill("#f-q", "قصف")
    pg.click("#apply")
    settle(pg)
    pg.click("#reset")
    pg.check("#f-bbox-toggle")
    pg.click("#zoom-in")
    settle(pg)
    pg.click("#reset")
    for col in ("fatalities", "location", "event_type", "actors"):
        if pg.locator(f"th button[data-col='{col}']").count():
            pg.click(f"th button[data-col='{col}']")
            settle(pg)
    pg.click("#tab-actors")
    pg.wait_for_selector("#top-actors li")
    pg.click("#tab-places")
    pg.wait_for_selector("#top-places li")
    pg.click("#tab-events")
    pg.click("#tl-fatalities")
    pg.click("#reset")
    settle(pg)

    # Review: sign in, open an event, confirm, edit the type with its sub-type, the sub-type alone.
    sign_in(pg)
    # A battle the table shows on its first page (which events the bundled reports give, and so
    # which come first, moves with the extractor).
    shown = pg.eval_on_selector_all("tr.row", "rs => rs.map(r => r.dataset.id)")
    ev = next(
        e for e in (api(base, f"/api/events/{i}")["event"] for i in shown) if e["event_type"] == "Battles"
    )
    eid = ev["event_id_cnty"]
    pg.click(f"tr.row[data-id='{eid}']")
    pg.wait_for_selector("#btn-save")
    act(pg, "#btn-confirm")
    assert pg.locator("#audit li[data-action='confirm']").count() >= 1
    pg.select_option("#edit-field", "event_type")
    pg.select_option("#edit-value", "Explosions/Remote violence")
    subs = pg.eval_on_selector_all("#edit-sub option:not([disabled])", "os => os.map(o => o.value)")
    assert subs == api(base, "/api/meta")["event_types"]["Explosions/Remote violence"]
    pg.select_option("#edit-sub", "Shelling/artillery/missile attack")
    act(pg, "#btn-save")
    detail = api(base, f"/api/events/{eid}")
    assert detail["event"]["event_type"] == "Explosions/Remote violence"
    assert detail["event"]["sub_event_type"] == "Shelling/artillery/missile attack"
    recomputed = {a["field"] for a in detail["history"] if a["action"] == "recompute"}
    assert "notes" in recomputed, detail["history"]
    rows = pg.eval_on_selector_all("#audit li[data-action='recompute']", "ls => ls.map(l => l.textContent)")
    assert len(rows) == len([a for a in detail["history"] if a["action"] == "recompute"])
    assert all("recomputed" in r and "follows from" in r for r in rows), rows
    audit = pg.inner_text("#audit")
    assert "Battles → Explosions/Remote violence" in audit, audit  # decoded, not '"Battles"'
    assert '"Battles"' not in audit, audit
    shot(pg, "1-recompute-audit", size)
    # The sub-type alone moves the event type (and disorder type) with it.
    pg.select_option("#edit-field", "sub_event_type")
    pg.select_option("#edit-value", "Armed clash")
    act(pg, "#btn-save")
    pg.wait_for_function(
        "() => document.querySelector('.fields .field[data-field=event_type] bdi').textContent === 'Battles'"
    )
    assert api(base, f"/api/events/{eid}")["event"]["event_type"] == "Battles"
    # A plain number field.
    pg.select_option("#edit-field", "fatalities")
    pg.fill("#edit-value", str(ev["fatalities"] + 1))
    act(pg, "#btn-save")
    pg.wait_for_function(
        f"() => document.querySelector('.fields .field[data-field=fatalities] bdi').textContent === '{ev['fatalities'] + 1}'"
    )
    # The one deliberate refusal.
    pg.select_option("#edit-field", "fatalities")
    pg.fill("#edit-value", "-5")
    act(pg, "#btn-save")
    pg.wait_for_selector(".fields .field.invalid[data-field='fatalities']")

    # Arabic: the recompute rows and their "follows from" in Arabic.
    pg.click("#lang")
    pg.wait_for_function("() => document.documentElement.dir === 'rtl'")
    pg.wait_for_selector("#audit li[data-action='recompute']")
    ar_rows = pg.eval_on_selector_all(
        "#audit li[data-action='recompute']", "ls => ls.map(l => l.textContent)"
    )
    assert all("أعاد احتساب" in r and "مشتق من" in r for r in ar_rows), ar_rows
    assert any("انفجارات" in r and "معارك" in r for r in ar_rows), ar_rows  # the type moved with its sub-type
    assert not any("the edited fields" in r or "sub_event_type" in r for r in ar_rows), ar_rows
    shot(pg, "2-recompute-audit-ar", size)
    pg.click("#lang")
    pg.wait_for_function("() => document.documentElement.dir === 'ltr'")
    settle(pg)

    pg.goto(f"{base}/sources.html")
    settle(pg)

    api_calls = [(m, u, s) for m, u, s in seen if urlsplit(u).path.startswith("/api/")]
    assert len(api_calls) > 50, len(api_calls)
    refused = [(m, u, s) for m, u, s in api_calls if s >= 400]
    assert refused == [("PATCH", f"{base}/api/events/{eid}", 422)], refused
    # Every parameter the UI sent is one the API documents (it would have been a 422 otherwise,
    # but this names them for the reader of a failure).
    sent = {k for _, u, _ in api_calls for k, _ in parse_qsl(urlsplit(u).query)}
    assert sent <= {
        "country", "admin1", "event_type", "sub_event_type", "inter1", "inter2", "interaction", "date_from",
        "date_to", "actor", "q", "status", "origin", "fatalities_min", "fatalities_max", "undated", "bbox",
        "sort", "limit", "offset", "format",
    }, sent  # fmt: skip


def test_a_refused_filter_is_named_beside_it(session, base: str, size: str) -> None:  # noqa: F811
    pg, seen = session
    pg.click("#more-filters > summary")
    pg.fill("#f-fatalities_min", "5")
    pg.fill("#f-fatalities_max", "1")
    pg.click("#apply")
    pg.wait_for_selector("#f-fatalities_min.invalid", state="attached", timeout=10_000)
    assert pg.get_attribute("#f-fatalities_min", "title") == "fatalities_min is above fatalities_max"
    toast = pg.inner_text("#toast")
    assert "fatalities_min is above fatalities_max" in toast, toast
    refused = {(m, s) for m, u, s in seen if s >= 400}
    assert refused == {("GET", 422)}, refused
    pg.click("#more-filters > summary")
    box = pg.locator("#more-filters .more-pop").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size][0], box  # inside the window
    shot(pg, "3-refused-filter", size)
    pg.fill("#f-fatalities_min", "1")
    pg.fill("#f-fatalities_max", "5")
    pg.click("#apply")
    pg.wait_for_function("() => !document.querySelector('.filters .invalid')", timeout=10_000)
    wait_rows_match(pg, base)


def act(pg, button: str) -> None:  # type: ignore[no-untyped-def]
    """Click a review button and wait for its answer: a new audit row or a refusal (the same event
    is reviewed at both window sizes, so the rows of the first run are already there)."""
    n = pg.locator("#audit li").count()
    pg.click(button)
    pg.wait_for_function(
        f"() => document.querySelectorAll('#audit li').length > {n}"
        " || document.querySelector('#review-msg')?.classList.contains('error')",
        timeout=10_000,
    )


def ui_cells(pg, col: str) -> list[str]:  # type: ignore[no-untyped-def]
    return pg.eval_on_selector_all(f"tr.row td[data-col='{col}']", "ts => ts.map(t => t.textContent)")


def test_multi_value_filters_really_filter(session, base: str, size: str) -> None:  # noqa: F811
    pg, _ = session
    everything = api(base, "/api/events", [("limit", "1")])["total"]

    # Two countries: the union of each alone, and nothing else.
    syria = api(base, "/api/events", [("country", "Syria"), ("limit", "1")])["total"]
    yemen = api(base, "/api/events", [("country", "Yemen"), ("limit", "1")])["total"]
    assert syria > 0 and yemen > 0
    pick(pg, "country", "Syria", "Yemen")
    pg.wait_for_function(
        "() => location.hash.includes('country=Syria') && location.hash.includes('country=Yemen')"
    )
    wait_rows_match(pg, base)
    got = api(base, "/api/events", [*filters_of(pg), ("limit", "1000")])
    assert got["total"] == syria + yemen < everything
    assert {e["country"] for e in got["items"]} == {"Syria", "Yemen"}
    pg.wait_for_function(
        f"() => document.querySelector('#summary').textContent.startsWith('{syria + yemen} ')"
    )
    locations = ui_cells(pg, "location")
    assert locations and all(s.endswith(("Syria", "Yemen")) for s in locations), locations
    pg.click("#reset")

    # An actor by its Arabic name: every row has the Houthis on one side or among the associates.
    pg.fill("#f-actor", "الحوثي")
    pg.click("#apply")
    pg.wait_for_function("() => location.hash.includes('actor=')")
    wait_rows_match(pg, base)
    got = api(base, "/api/events", [*filters_of(pg), ("limit", "1000")])
    assert 0 < got["total"] < everything
    for e in got["items"]:
        names = " ".join(str(e.get(k) or "") for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))
        assert "Houthi" in names, (e["event_id_cnty"], names)
    assert all("Houthi" in s for s in ui_cells(pg, "actors")), ui_cells(pg, "actors")
    pg.click("#reset")

    # A fatality range: every row inside it.
    pg.click("#more-filters > summary")
    pg.fill("#f-fatalities_min", "2")
    pg.fill("#f-fatalities_max", "5")
    pg.click("#apply")
    pg.wait_for_function("() => location.hash.includes('fatalities_max=5')")
    wait_rows_match(pg, base)
    got = api(base, "/api/events", [*filters_of(pg), ("limit", "1000")])
    assert 0 < got["total"] < everything
    assert all(2 <= e["fatalities"] <= 5 for e in got["items"])
    assert all(2 <= int(s) <= 5 for s in ui_cells(pg, "fatalities")), ui_cells(pg, "fatalities")
    pg.click("#reset")

    # Undated only: no row has a date; and the interaction filter gives integers that match.
    pg.click("#more-filters > summary")
    pg.check("#f-undated")
    pg.wait_for_function("() => location.hash.includes('undated=true')")
    wait_rows_match(pg, base)
    got = api(base, "/api/events", [*filters_of(pg), ("limit", "1000")])
    assert 0 < got["total"] < everything
    assert all(not e["event_date"] for e in got["items"])  # the API writes an undated event's date as ""
    assert set(ui_cells(pg, "event_date")) == {"—"}
    pg.click("#reset")
    pg.click("#more-filters > summary")
    pg.fill("#f-interaction", "71")
    pg.click("#apply")
    pg.wait_for_function("() => location.hash.includes('interaction=17')")
    wait_rows_match(pg, base)
    got = api(base, "/api/events", [*filters_of(pg), ("limit", "1000")])
    assert got["total"] > 0 and all(e["interaction"] == 17 for e in got["items"]), got["items"][:2]
    shot(pg, "4-interaction-17", size)
