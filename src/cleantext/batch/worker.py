"""What runs inside a worker process, and the one-document step shared with the in-process path.

A worker is a long-lived process started with the ``spawn`` (or ``forkserver``) method. It
receives its :class:`~cleantext.Config` and cleaner once, sends :data:`READY`, then answers each
:class:`Task` on its pipe with a :class:`Reply`, until it receives ``None`` or its pipe closes.
It ignores SIGINT (the parent handles Ctrl-C and stops it) and exits on its own when its parent
dies, so a killed batch leaves no worker behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from cleantext.api import clean_and_explain
from cleantext.batch.types import Outcome, error_message
from cleantext.config import Config
from cleantext.model import Result

Cleaner = Callable[[str | bytes, str | None, Config], Result]
"""A function ``(source, url, config) -> Result``; it must be importable by name in a worker."""

READY = "ready"
WARM_UP_PAGE = (
    "<html><head><title>Warm up</title></head><body><article><p>A short page that every worker "
    "cleans once before it says it is ready.</p></article></body></html>"
)
PARENT_CHECK_SECONDS = 1.0


def default_cleaner(source: str | bytes, url: str | None, config: Config) -> Result:
    """:func:`cleantext.clean_and_explain` with positional arguments (the default cleaner).

    >>> default_cleaner("Comments\\nThe council met on Monday to approve the plan.", None,
    ...                 Config()).paragraphs
    ['The council met on Monday to approve the plan.']
    """
    return clean_and_explain(source, url=url, config=config)


@dataclass(frozen=True, slots=True)
class Task:
    """One document sent to a worker; ``seq`` is its input position."""

    seq: int
    source: str | bytes
    url: str | None = None
    charset: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """A worker's answer to a :class:`Task`."""

    seq: int
    outcome: Outcome
    result: Result | None
    error: str | None
    seconds: float


def clean_one(task: Task, config: Config, cleaner: Cleaner) -> Reply:
    """Clean one document, turning any exception into an ``error`` reply.

    >>> clean_one(Task(0, b"\\xff" * 3), Config(), default_cleaner).outcome
    <Outcome.OK: 'ok'>
    """
    if task.charset and isinstance(task.source, bytes):
        config = config.replace(charset=task.charset)
    start = time.perf_counter()
    try:
        result = cleaner(task.source, task.url, config)
    except Exception as err:  # every failure becomes a result, never a lost record
        detail = f"{type(err).__name__}: {err}"[:1000]
        return Reply(task.seq, Outcome.ERROR, None, error_message(Outcome.ERROR, detail),
                     time.perf_counter() - start)
    return Reply(task.seq, Outcome.OK, result, None, time.perf_counter() - start)


def _watch_parent(parent: int) -> None:
    """Exit when the process that started this one is gone (this one is then re-parented)."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _send(conn: Connection, reply: Reply) -> None:
    try:
        conn.send(reply)
    except (TypeError, AttributeError, RecursionError) as err:  # the result would not pickle
        detail = f"result could not be sent: {type(err).__name__}: {err}"
        conn.send(Reply(reply.seq, Outcome.ERROR, None, error_message(Outcome.ERROR, detail), reply.seconds))


def _warm_up(config: Config, cleaner: Cleaner) -> None:
    """Clean a small page once, so that lazy imports and caches do not count against a timeout."""
    with contextlib.suppress(Exception):
        cleaner(WARM_UP_PAGE, None, config)


def worker_main(conn: Connection, config: Config, cleaner: Cleaner) -> None:
    """The body of a worker process (the target given to ``multiprocessing``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    _warm_up(config, cleaner)
    try:
        conn.send(READY)
    except OSError:  # the pool closed while this worker was starting
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            _send(conn, clean_one(task, config, cleaner))
        except (BrokenPipeError, OSError):
            return
