"""The datatrove pipeline step, run by datatrove's local executor."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import SLEEP, misbehaving_cleaner, scrapinghub_pages

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor

from cleantext.api import clean_and_explain
from cleantext.integrations.datatrove import CleantextExtractor, document


def _writer(path: Path) -> Callable[[Any, int, int], Iterator[Any]]:
    """A pipeline step (a plain callable) that writes each document as a JSON line."""

    def write(data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        with open(path, "a", encoding="utf-8") as f:
            for doc in data:
                f.write(json.dumps({"id": doc.id, "text": doc.text, "metadata": doc.metadata}) + "\n")
                yield doc

    return write


def _written(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_local_executor_cleans_documents_and_keeps_the_details(tmp_path: Path) -> None:
    pages = scrapinghub_pages()[:3]
    docs = [document(html, page_id, url) for page_id, url, html in pages]
    docs.append(document("", "empty"))
    docs.append(document(f"<p>{SLEEP}</p>", "hangs"))
    step = CleantextExtractor(timeout=3, cleaner=misbehaving_cleaner)
    executor = LocalPipelineExecutor(
        pipeline=[docs, step, _writer(tmp_path / "out.jsonl")],
        tasks=1, workers=1, logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    written = _written(tmp_path / "out.jsonl")
    assert [d["id"] for d in written] == [page_id for page_id, _, _ in pages]
    for record, (_, url, html) in zip(written, pages, strict=True):
        expected = clean_and_explain(html, url=url)
        assert record["text"] == expected.text
        details = record["metadata"]["cleantext"]
        assert details["paragraphs"] == expected.paragraphs
        assert details["dropped"] == expected.drop_counts()
        assert details["metadata"]["title"] == expected.metadata.title and details["error"] is None
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    ours = next(s for s in stats if "cleantext" in s["name"])["stats"]
    assert ours["total"] == 5 and ours["forwarded"] == 3 and ours["dropped"] == 2
    assert ours["timeout"] == 1


def test_failed_documents_can_be_kept(tmp_path: Path) -> None:
    docs = [document("", "empty"), document("Plain scraped text about the council vote on Monday.", "text")]
    step = CleantextExtractor(workers=0, keep_empty=True)
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["empty", "text"]
    assert out[0].metadata["cleantext"]["paragraphs"] == []
