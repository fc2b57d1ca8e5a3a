"""cleantext as a datatrove pipeline step (extra ``datatrove``).

:class:`CleantextExtractor` replaces each document's ``text`` (HTML or scraped text) with the
article's paragraphs and stores what cleantext found under ``document.metadata["cleantext"]``:
``paragraphs``, ``dropped`` (counts per category), ``metadata`` (title, author, date, language,
...) and ``error``. Documents are cleaned in a worker process with a per-document timeout (a
stuck page kills and replaces the worker, never the task). The step's stats count documents per
outcome and dropped paragraphs per category (``dropped_<category>``).

Example (the same pipeline runs on ``SlurmPipelineExecutor`` and ``RayPipelineExecutor``)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleantext.integrations.datatrove import CleantextExtractor

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), CleantextExtractor(timeout=30), JsonlWriter("clean/")],
        tasks=8,
    ).run()
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from cleantext.batch.io import MissingExtraError
from cleantext.batch.runner import DEFAULT_MAX_TASKS, clean_many
from cleantext.batch.types import BatchItem, BatchResult
from cleantext.batch.worker import Cleaner, default_cleaner
from cleantext.config import Config

try:
    from datatrove.data import Document
    from datatrove.pipeline.base import PipelineStep
except ImportError as err:  # pragma: no cover  # the extra is installed where this is tested
    raise MissingExtraError("datatrove is needed here: pip install 'cleantext-web[datatrove]'") from err

METADATA_KEY = "cleantext"


class CleantextExtractor(PipelineStep):  # type: ignore[misc]  # datatrove ships no types
    """A datatrove step that cleans ``document.text`` with cleantext.

    Args:
        config: the :class:`~cleantext.Config` (default: the default configuration).
        timeout: seconds a document may take before its worker process is killed and the
            document counted as ``timeout`` (default 60; ``None`` for no limit).
        workers: worker processes per datatrove task (default 1: one task uses one core; ``0``
            cleans inside the task's own process, without timeout).
        max_tasks_per_worker: documents before a worker process is replaced.
        metadata_key: the ``document.metadata`` key the details are stored under.
        keep_failed: forward documents that failed or timed out (text unchanged, ``error``
            set) instead of dropping them.
        keep_empty: forward documents where no paragraph was kept (empty text).
        cleaner: a module-level ``(source, url, config) -> Result`` function to call instead of
            :func:`cleantext.clean_and_explain`.

    >>> step = CleantextExtractor(timeout=30)
    >>> step.name
    '🧹 cleantext'
    """

    name = "🧹 cleantext"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        config: Config | None = None,
        *,
        timeout: float | None = 60.0,
        workers: int = 1,
        max_tasks_per_worker: int = DEFAULT_MAX_TASKS,
        metadata_key: str = METADATA_KEY,
        keep_failed: bool = False,
        keep_empty: bool = False,
        cleaner: Cleaner = default_cleaner,
    ) -> None:
        super().__init__()
        self.config = config
        self.timeout = timeout if workers > 0 else None
        self.workers = workers
        self.max_tasks_per_worker = max_tasks_per_worker
        self.metadata_key = metadata_key
        self.keep_failed = keep_failed
        self.keep_empty = keep_empty
        self.cleaner = cleaner

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """Clean every document of ``data``; yield the ones that keep text (see the flags)."""
        if data is None:
            return
        pending: deque[Any] = deque()

        def items() -> Iterator[BatchItem]:
            for doc in data:
                self.stat_update("total")
                pending.append(doc)
                url = doc.metadata.get("url") if isinstance(doc.metadata, dict) else None
                yield BatchItem(doc.text, doc.id, url if isinstance(url, str) else None)

        results = clean_many(items(), config=self.config, workers=self.workers, timeout=self.timeout,
                             max_tasks_per_worker=self.max_tasks_per_worker, cleaner=self.cleaner)
        for result in results:
            doc = pending.popleft()
            if self._update(doc, result):
                self.stat_update("forwarded")
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update("dropped")

    def _update(self, doc: Any, result: BatchResult) -> bool:
        """Store the result on ``doc``; whether the document goes on down the pipeline."""
        self.stat_update(result.outcome.value)
        r = result.result
        if r is None:
            doc.metadata[self.metadata_key] = {"paragraphs": [], "dropped": {}, "metadata": None,
                                               "error": result.error}
            return self.keep_failed
        counts = r.drop_counts()
        for category, n in counts.items():
            self.stat_update(f"dropped_{category}", value=n)
        doc.text = r.text
        doc.metadata[self.metadata_key] = {"paragraphs": list(r.paragraphs), "dropped": counts,
                                           "metadata": r.metadata.to_dict(), "error": None}
        return bool(r.paragraphs) or self.keep_empty


def document(text: str, id: str, url: str | None = None) -> Any:
    """A datatrove ``Document`` (a convenience for tests and notebooks).

    >>> document("<p>x</p>", "a", "https://e.com/").metadata
    {'url': 'https://e.com/'}
    """
    return Document(text=text, id=id, metadata={"url": url} if url else {})
