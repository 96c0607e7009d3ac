"""`/docs` in headless Chromium (Debian's, driven by Playwright) against a real `marsad serve`:
Swagger UI renders the app's operations from files of the app's own origin, with no request to
another origin and no Content-Security-Policy violation. Screenshot in artefacts/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api_fixtures import fill, running_server
from browser_fixtures import ARTEFACTS, BROWSER_MARKS, CHROMIUM, LAUNCH_ARGS, keep_on_origin

pytestmark = BROWSER_MARKS
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from marsad.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('docs') / 'docs.sqlite'}"
    with Store(url) as store:
        fill(store)
    with running_server(url) as base:
        yield base


def test_swagger_ui_renders_offline_under_the_csp(server: str) -> None:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        outside = keep_on_origin(page, server)
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on(
            "console",
            lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.goto(f"{server}/docs")
        page.wait_for_selector(".opblock-summary-path", timeout=30_000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert any("/api/events" in t for t in paths) and any("/api/deletions" in t for t in paths)
        ARTEFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / "api-docs-1280x720.png"))
        browser.close()
    assert outside == [] and problems == [], (outside, problems)
