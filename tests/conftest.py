"""Shared test settings. Layer-specific fixtures live in their own modules (store_fixtures.py,
api_fixtures.py) and are imported where needed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_DIR = SHARED / "seed"


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SEED_DIR / "article.txt"
    if not path.exists():
        pytest.skip(f"seed report not found at {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _no_network_env() -> None:
    # Libraries that might reach for a hub must fail fast instead.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
