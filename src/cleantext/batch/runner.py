""":func:`clean_many`: clean many documents in worker processes, results in input order."""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator

from cleantext.batch.pool import Pool, PoolOptions, StartMethod
from cleantext.batch.types import BatchItem, BatchResult, Outcome, as_item
from cleantext.batch.worker import Cleaner, Reply, Task, clean_one, default_cleaner
from cleantext.config import DEFAULT_CONFIG, Config

DEFAULT_MAX_TASKS = 500
"""Documents a worker cleans before it is replaced by a fresh process (memory stays flat)."""
BUFFER_PER_WORKER = 64
"""Results held back per worker while an earlier, slower document is still being cleaned."""


def default_workers() -> int:
    """The number of CPUs this process may use (at least 1).

    >>> default_workers() >= 1
    True
    """
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def _check(workers: int, timeout: float | None, max_tasks: int, buffer_size: int, cleaner: Cleaner) -> None:
    if workers < 0:
        raise ValueError(f"workers must be >= 0, not {workers}")
    if timeout is not None and not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout}")
    if timeout is not None and workers == 0:
        raise ValueError("a timeout needs worker processes: use workers >= 1 (workers=0 cleans in-process)")
    if max_tasks < 1 or buffer_size < 1:
        raise ValueError("max_tasks_per_worker and buffer_size must be >= 1")
    if workers > 0 and multiprocessing.current_process().daemon:
        raise RuntimeError(
            "worker processes cannot be started from a daemonic process (e.g. a Dask worker: set "
            "distributed.worker.daemon to False), use workers=0 (no timeout) there"
        )
    if workers > 0:
        try:
            pickle.dumps(cleaner)
        except (pickle.PicklingError, AttributeError, TypeError) as err:
            detail = f"cleaner must be a module-level function (it is sent to workers): {err}"
            raise TypeError(detail) from err


def clean_many(
    items: Iterable[object],
    *,
    config: Config | None = None,
    workers: int | None = None,
    timeout: float | None = None,
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS,
    buffer_size: int | None = None,
    cleaner: Cleaner = default_cleaner,
    start_method: StartMethod = StartMethod.SPAWN,
) -> Iterator[BatchResult]:
    """Clean many documents in worker processes; yield one :class:`BatchResult` per item, in order.

    Args:
        items: str/bytes sources, ``(id, source[, url])`` tuples, mappings with ``source`` and
            optional ``id``/``url``/``charset``, or :class:`BatchItem` objects. Read lazily.
        config: the :class:`~cleantext.Config` for every document.
        workers: worker processes (default: the CPUs available). ``0`` cleans in this process,
            one document after the other (for debugging; no timeout is possible then).
        timeout: seconds one document may take; a worker that passes it is killed and
            replaced, and the document yields a result with outcome ``timeout``. ``None``: no
            limit.
        max_tasks_per_worker: documents a worker cleans before it is replaced.
        buffer_size: results held back while an earlier document is still being cleaned
            (default 64 per worker); bounds memory when one document is slow.
        cleaner: ``(source, url, config) -> Result``; a module-level function (it is pickled by
            name into the workers). Default: :func:`cleantext.clean_and_explain`.
        start_method: how workers start (:class:`StartMethod`, default ``spawn``). With
            ``spawn``, a script that calls ``clean_many`` needs the usual
            ``if __name__ == "__main__":`` guard.

    A failed document never disappears: its result has ``result=None`` and ``error`` set to
    ``"KIND: detail"`` (see :class:`Outcome`). Closing the iterator early stops the workers.

    >>> docs = ["<p>The council met on Monday to approve the plan for the new bridge.</p>", None]
    >>> [(r.id, r.ok, r.error) for r in clean_many(docs, workers=0)]
    [(0, True, None), (1, False, 'input: source is null')]
    """
    n = default_workers() if workers is None else workers
    buffer = buffer_size if buffer_size is not None else BUFFER_PER_WORKER * max(n, 1)
    _check(n, timeout, max_tasks_per_worker, buffer, cleaner)
    cfg = config or DEFAULT_CONFIG
    if n == 0:
        return _in_process(items, cfg, cleaner)
    options = PoolOptions(n, cfg, cleaner, timeout, max_tasks_per_worker, StartMethod(start_method))
    return _pooled(items, options, buffer)


def _input_result(index: int, item: BatchItem) -> BatchResult:
    item_id = index if item.id is None else item.id
    return BatchResult(index, item_id, item.url, None, Outcome.INPUT, item.error)


def _result(item: BatchItem, reply: Reply) -> BatchResult:
    item_id = reply.seq if item.id is None else item.id
    return BatchResult(reply.seq, item_id, item.url, reply.result, reply.outcome, reply.error, reply.seconds)


def _task(index: int, item: BatchItem) -> Task:
    assert item.source is not None  # items without a source carry an input error
    return Task(index, item.source, item.url, item.charset)


def _in_process(items: Iterable[object], config: Config, cleaner: Cleaner) -> Iterator[BatchResult]:
    for index, value in enumerate(items):
        item = as_item(value)
        if item.error is not None:
            yield _input_result(index, item)
        else:
            yield _result(item, clean_one(_task(index, item), config, cleaner))


class _Reorder:
    """Finished results waiting for the earlier ones."""

    def __init__(self) -> None:
        self._done: dict[int, BatchResult] = {}
        self._next = 0

    def __len__(self) -> int:
        return len(self._done)

    def put(self, result: BatchResult) -> None:
        self._done[result.index] = result

    def pop_ready(self) -> Iterator[BatchResult]:
        while self._next in self._done:
            yield self._done.pop(self._next)
            self._next += 1


class _Feed:
    """The input, read lazily, with a backlog for tasks a broken worker sent back."""

    def __init__(self, items: Iterable[object]) -> None:
        self._items = enumerate(items)
        self.backlog: deque[tuple[int, BatchItem]] = deque()
        self.exhausted = False

    def next(self) -> tuple[int, BatchItem] | None:
        if self.backlog:
            return self.backlog.popleft()
        if self.exhausted:
            return None
        try:
            index, value = next(self._items)
        except StopIteration:
            self.exhausted = True
            return None
        return index, as_item(value)

    @property
    def empty(self) -> bool:
        return self.exhausted and not self.backlog


def _pooled(items: Iterable[object], options: PoolOptions, buffer: int) -> Iterator[BatchResult]:
    feed, order = _Feed(items), _Reorder()
    inflight: dict[int, BatchItem] = {}
    with Pool(options) as pool:
        while True:
            _dispatch(pool, feed, order, inflight, buffer)
            yield from order.pop_ready()
            if feed.empty and not inflight:
                return
            for reply in pool.wait():
                order.put(_result(inflight.pop(reply.seq), reply))


def _dispatch(pool: Pool, feed: _Feed, order: _Reorder, inflight: dict[int, BatchItem], buffer: int) -> None:
    """Give every idle worker a document (items with an input error go straight to ``order``)."""
    for worker in pool.idle():
        while len(order) + len(inflight) < buffer:
            entry = feed.next()
            if entry is None:
                return
            index, item = entry
            if item.error is not None:
                order.put(_input_result(index, item))
                continue
            if pool.submit(worker, _task(index, item)):
                inflight[index] = item
            else:
                feed.backlog.appendleft(entry)
            break
