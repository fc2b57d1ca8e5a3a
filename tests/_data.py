"""Paths to the bundled data, shared by the tests (import as ``from _data import ...``)."""

from __future__ import annotations

import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed" / "000_84e2c10a1b06d67f.txt"


def scrapinghub_pages(limit: int | None = None) -> list[tuple[str, bytes]]:
    """(id, html bytes) of the bundled ScrapingHub pages, sorted by id."""
    files = sorted((FIXTURES / "scrapinghub" / "html").glob("*.html.gz"))[:limit]
    return [(f.name.split(".")[0], gzip.decompress(f.read_bytes())) for f in files]
