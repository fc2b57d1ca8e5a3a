"""clean_many: order, errors that never lose a record, timeouts that kill, recycled workers."""

from __future__ import annotations

import multiprocessing
import time

import pytest
from batch_helpers import CRASH, RAISE, SLEEP, misbehaving_cleaner, pid_cleaner, scrapinghub_pages

from cleantext.api import clean_and_explain
from cleantext.batch import BatchItem, BatchResult, Outcome, clean_many
from cleantext.batch.types import as_item, outcome_of

ARTICLE = ("<article><p>The council met on Monday to approve the plan for the new bridge over the "
           "river.</p></article>")


def test_in_process_and_workers_agree_in_input_order() -> None:
    pages = [html for _, _, html in scrapinghub_pages()[:6]]
    items = [*pages, None, "", 42, ("own-id", ARTICLE, "https://example.com/a")]
    local = list(clean_many(items, workers=0))
    pooled = list(clean_many(items, workers=2, max_tasks_per_worker=4))
    assert [r.index for r in pooled] == list(range(len(items)))
    assert [r.to_record() for r in pooled] == [r.to_record() for r in local]
    assert pooled[0].result is not None
    assert pooled[0].result.paragraphs == clean_and_explain(pages[0]).paragraphs
    assert [(r.id, r.outcome) for r in pooled[6:]] == [
        (6, Outcome.INPUT), (7, Outcome.OK), (8, Outcome.INPUT), ("own-id", Outcome.OK)
    ]
    assert pooled[9].url == "https://example.com/a"
    assert pooled[6].error == "input: source is null"


def test_failures_become_results_and_the_run_goes_on() -> None:
    items = [ARTICLE, f"<p>{RAISE}</p>", ARTICLE, f"<p>{CRASH}</p>", ARTICLE]
    results = list(clean_many(items, workers=1, cleaner=misbehaving_cleaner))
    assert [r.outcome for r in results] == [Outcome.OK, Outcome.ERROR, Outcome.OK, Outcome.CRASH, Outcome.OK]
    assert results[1].error == "error: ValueError: asked to fail"
    assert results[3].error is not None and results[3].error.startswith("crash: worker process died")
    assert results[4].result is not None and results[4].result.paragraphs


def test_timeout_kills_the_stuck_worker_and_replaces_it() -> None:
    items = [ARTICLE, f"<p>{SLEEP}</p>", ARTICLE, ARTICLE, f"<p>{SLEEP}</p>", ARTICLE]
    start = time.monotonic()
    results = list(clean_many(items, workers=2, timeout=3, cleaner=misbehaving_cleaner))
    elapsed = time.monotonic() - start
    assert [r.outcome for r in results] == [Outcome.OK, Outcome.TIMEOUT, Outcome.OK, Outcome.OK,
                                            Outcome.TIMEOUT, Outcome.OK]
    timed_out = results[1]
    assert timed_out.result is None and timed_out.seconds >= 3
    assert timed_out.error is not None and outcome_of(timed_out.error) is Outcome.TIMEOUT
    assert elapsed < 30  # the sleeping workers (an hour each) were killed


def test_workers_are_recycled_after_max_tasks() -> None:
    results = list(clean_many(["x"] * 9, workers=1, max_tasks_per_worker=3, cleaner=pid_cleaner))
    pids = [r.result.paragraphs[0] for r in results if r.result is not None]
    assert len(pids) == 9
    assert len(set(pids)) == 3
    assert pids[:3] == [pids[0]] * 3


def test_a_slow_document_does_not_block_the_others_beyond_the_buffer() -> None:
    items = [f"<p>{SLEEP}</p>"] + [ARTICLE] * 6
    results = list(clean_many(items, workers=2, timeout=3, buffer_size=4, cleaner=misbehaving_cleaner))
    assert [r.outcome for r in results] == [Outcome.TIMEOUT] + [Outcome.OK] * 6


def test_closing_the_iterator_early_stops_the_workers() -> None:
    it = clean_many([ARTICLE] * 50, workers=2)
    first = next(it)
    assert first.ok
    it.close()  # must not hang nor leave processes behind (the pool joins or kills them)
    assert not [p for p in multiprocessing.active_children() if p.name == "cleantext-worker"]


def test_options_are_checked_before_anything_starts() -> None:
    with pytest.raises(ValueError, match="timeout needs worker processes"):
        clean_many([ARTICLE], workers=0, timeout=5)
    with pytest.raises(ValueError):
        clean_many([ARTICLE], workers=-1)
    with pytest.raises(TypeError, match="module-level function"):
        clean_many([ARTICLE], workers=1, cleaner=lambda s, u, c: clean_and_explain(s))


def test_items_of_every_accepted_shape() -> None:
    assert as_item(BatchItem("x", id="a")).id == "a"
    assert as_item(b"<p>x</p>").source == b"<p>x</p>"
    assert as_item({"id": 1, "source": "x", "url": "u", "charset": "latin-1"}).charset == "latin-1"
    assert as_item(("a", 5)).error == "input: source is int, not str or bytes"
    assert as_item(["x"]).error == "input: expected str or bytes, got list"
    record = BatchResult(0, "a", None, None, Outcome.TIMEOUT, "timeout: x").to_record()
    assert record == {"id": "a", "url": None, "paragraphs": [], "text": "", "metadata": None,
                      "dropped": {}, "error": "timeout: x"}


def test_bytes_with_a_declared_charset_are_decoded_with_it() -> None:
    html = "<article><p>Le conseil s'est réuni lundi pour approuver le plan du nouveau pont.</p></article>"
    item = BatchItem(html.encode("latin-1"), charset="latin-1")
    [result] = clean_many([item], workers=0)
    assert result.result is not None
    assert "réuni" in result.result.text
