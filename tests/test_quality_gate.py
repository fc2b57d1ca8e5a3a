"""Quality gate: cleantext must score at least the pinned floors on the benchmarks.

The floors and the data hashes live in ``tests/quality_floors.json``; raise them with
``PYTHONPATH=src python benchmarks/update_floors.py`` (lowering needs ``--allow-lower``).
ScrapingHub (181 pages, in the repo) always runs. WCXB (1,358 pages, outside the repo: env
``CLEANTEXT_WCXB`` or ``../shared/data/wcxb-dev``) runs when its folder exists, unless
``CLEANTEXT_WCXB_GATE=0``. Both use two worker processes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# The repo root, for the benchmark scripts only: cleantext itself is the installed one (the
# tests run against the built wheel; benchmarks.systems falls back to src/ if none is).
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import floors, metrics  # noqa: E402
from benchmarks.runner import SCRAPINGHUB, WCXB  # noqa: E402
from benchmarks.systems import cleantext_available  # noqa: E402

JOBS = 2


def _check(benchmark: str, folder: Path) -> None:
    pinned = floors.load_floors()[benchmark]
    digest = floors.data_hash(benchmark, folder)
    assert digest == pinned["sha256"], (
        f"{benchmark} data changed (sha256 {digest[:12]}…, pinned {pinned['sha256'][:12]}…): re-measure "
        "with `PYTHONPATH=src python benchmarks/update_floors.py` and review the new floors"
    )
    reason = cleantext_available()
    assert reason is None, reason
    measured = floors.measure(benchmark, folder, "cleantext", jobs=JOBS)
    assert measured["pages"] == pinned["pages"], (
        f"{benchmark}: {measured['pages']} pages, pinned {pinned['pages']}"
    )
    failures = floors.shortfalls(measured, pinned)
    assert not failures, f"{benchmark} quality below the floors:\n  " + "\n  ".join(failures)


def test_scrapinghub_metric_conventions() -> None:
    assert metrics.shingles("a b c") == {("a", "b", "c"): 1}  # under 4 tokens: one shingle
    assert metrics.shingles("") == {}
    assert sum(metrics.shingles("a b c d e").values()) == 2
    assert metrics.shingle_counts("a b c d e", "a b c d") == (0.5, 0.0, 0.5)
    # Empty prediction: no precision term (skipped), recall 0.
    score = metrics.scrapinghub_score([metrics.shingle_counts("a b c d", ""), (1.0, 0.0, 0.0)])
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert score.f1 == pytest.approx(2 / 3)


def test_wcxb_metric_conventions() -> None:
    assert metrics.wcxb_page("", "") == (1.0, 1.0, 1.0)
    assert metrics.wcxb_page("Some text", "") == (0.0, 0.0, 0.0)
    assert metrics.wcxb_page("", "extra") == (0.0, 0.0, 0.0)
    p, r, f1 = metrics.wcxb_page("The cat the dog", "the CAT sat")
    assert (p, r) == (2 / 3, 2 / 4)
    assert f1 == pytest.approx(2 * p * r / (p + r))
    scores = metrics.wcxb_score([("article", (1.0, 1.0, 1.0)), ("forum", (0.0, 0.0, 0.0))])
    assert scores["overall"].f1 == 0.5
    assert scores["forum"].f1 == 0.0
    assert metrics.wcxb_page_type({"_internal": {"page_type": {"primary": "category"}}}) == "collection"


def test_scrapinghub_quality_floors() -> None:
    _check(SCRAPINGHUB, metrics.SCRAPINGHUB_DIR)


def test_wcxb_quality_floors() -> None:
    folder = metrics.wcxb_dir()
    if not (folder / "ground-truth").is_dir():
        pytest.skip(f"WCXB data not found at {folder} (set CLEANTEXT_WCXB)")
    if os.environ.get("CLEANTEXT_WCXB_GATE", "1") == "0":
        pytest.skip("CLEANTEXT_WCXB_GATE=0")
    _check(WCXB, folder)
