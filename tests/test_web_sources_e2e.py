"""The watched sources page in headless Chromium against a real `marsad serve`: the state written
by the watcher shows, failing sources stand out, and source names are shown as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from api_fixtures import running_server
from browser_fixtures import BROWSER_MARKS, CHROMIUM, LAUNCH_ARGS

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright not installed")


def test_sources_page_shows_each_source_state(tmp_path: Path) -> None:
    from marsad.ingest.watch_db import record_poll, store_item
    from marsad.models import Article
    from marsad.store import Store

    url = f"sqlite:///{tmp_path / 'web.sqlite'}"
    odd = "<img src=x onerror=alert(1)>"
    with Store(url) as store, store.session() as s:
        record_poll(s, "عنب بلدي", "http://feeds.invalid/enab", interval=300, status=200, error=None)
        art = Article(
            text="قُتل مدنيان بقصف مدفعي على أطراف بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم.",
            url="http://feeds.invalid/a/1",
            outlet="عنب بلدي",
        )
        store_item(s, source="عنب بلدي", key="a1", fingerprint="f", article=art, events=[])
        record_poll(s, odd, "http://feeds.invalid/gone", interval=300, status=None, error="HTTP 404")
    with running_server(url, env={"MARSAD_PUBLIC_READ": "true"}) as base, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))
        page.goto(f"{base}/")
        page.click("a.sources-link")
        page.wait_for_selector("#sources tbody tr", timeout=20_000)
        rows = page.eval_on_selector_all(
            "#sources tbody tr", "rs => rs.map(r => [r.className, ...[...r.cells].map(c => c.textContent)])"
        )
        browser.close()
    by_name = {r[1]: r for r in rows}
    assert set(by_name) == {"عنب بلدي", odd}  # the odd name is text, not markup
    enab, gone = by_name["عنب بلدي"], by_name[odd]
    assert enab[0] == "" and enab[6] == "1" and "UTC" in enab[3]  # one item, a last new item time
    assert gone[0] == "failing" and gone[5] == "HTTP 404" and gone[4].startswith("1 (1 in a row)")
    assert not errors, errors
