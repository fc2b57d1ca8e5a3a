"""Shared fixtures: the seed article and its expected output."""

from __future__ import annotations

import json

import pytest
from _data import SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads(SEED.with_name(SEED.stem + ".expected.json").read_text(encoding="utf-8"))
