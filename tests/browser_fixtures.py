"""What every browser test shares: Debian's Chromium with network-quiet flags, the skip when it
is absent, the artefacts folder for screenshots, and the guard that keeps a page on the app's
own origin (the UI must need no CDN)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parent.parent / "artefacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian chromium not installed: apt-get install chromium"
    ),
]


def keep_on_origin(page: Any, origin: str) -> list[str]:
    """Abort every request of `page` that leaves `origin` (data: and blob: URLs stay local);
    the returned list collects the URLs refused, for the test to assert it empty."""
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith((origin, "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    return outside
