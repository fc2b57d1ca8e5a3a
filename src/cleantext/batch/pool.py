"""A small pool of long-lived worker processes with per-document deadlines.

Unlike :class:`concurrent.futures.ProcessPoolExecutor`, a worker that passes its deadline is
killed (SIGKILL) and replaced while the others go on: a hang inside lxml's C code cannot be
interrupted from inside the process. Workers are also replaced after ``max_tasks`` documents,
so memory that a parser keeps (fragmentation, caches) is given back to the system.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType

from cleantext.batch.types import Outcome, error_message
from cleantext.batch.worker import READY, Cleaner, Reply, Task, worker_main
from cleantext.config import Config
from cleantext.model import StrEnum

STARTUP_TIMEOUT = 120.0
"""Seconds a new worker may take to import cleantext and say it is ready."""
STOP_TIMEOUT = 5.0
MAX_FAILED_STARTS = 3
"""Workers in a row that may die before they are ready (then the pool gives up)."""


class StartMethod(StrEnum):
    """How worker processes are started (see :mod:`multiprocessing`).

    ``SPAWN`` (default) starts a fresh interpreter: safe with threads and on every platform.
    ``FORKSERVER`` (POSIX only) forks workers from a server process: faster replacement.
    """

    SPAWN = "spawn"
    FORKSERVER = "forkserver"



@dataclass(frozen=True, slots=True)
class PoolOptions:
    """What a :class:`Pool` needs to start and supervise its workers."""

    size: int
    config: Config
    cleaner: Cleaner
    timeout: float | None
    max_tasks: int
    start_method: StartMethod = StartMethod.SPAWN


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    task: Task | None = None
    sent: float = 0.0
    done: int = 0


class Pool:
    """Worker processes fed one task at a time over a pipe each.

    Use as a context manager; :meth:`idle` lists workers ready for a task, :meth:`submit` sends
    one, :meth:`wait` blocks until replies arrive or a deadline passes (a timed-out task comes
    back as a reply with outcome ``timeout``; a task whose worker died, with ``crash``).
    """

    def __init__(self, options: PoolOptions) -> None:
        self._opts = options
        self._ctx = multiprocessing.get_context(options.start_method.value)
        self._workers: list[_Worker] = []
        self._stopping: list[BaseProcess] = []
        self._failed_starts = 0

    def __enter__(self) -> Pool:
        self._workers = [self._spawn() for _ in range(self._opts.size)]
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        ours, theirs = self._ctx.Pipe(duplex=True)
        args = (theirs, self._opts.config, self._opts.cleaner)
        process: BaseProcess = self._ctx.Process(  # type: ignore[attr-defined]  # every context has it
            target=worker_main, args=args, daemon=True, name="cleantext-worker"
        )
        process.start()
        theirs.close()
        return _Worker(process, ours, started=time.monotonic())

    def idle(self) -> list[_Worker]:
        """Workers that are ready and have no task."""
        return [w for w in self._workers if w.ready and w.task is None]

    def submit(self, worker: _Worker, task: Task) -> bool:
        """Send ``task`` to an idle worker; False (worker replaced) if its pipe is broken."""
        try:
            worker.conn.send(task)
        except (BrokenPipeError, ConnectionResetError, EOFError, OSError):
            self._replace(worker)
            return False
        worker.task, worker.sent = task, time.monotonic()
        return True

    def wait(self) -> list[Reply]:
        """Replies that arrived, plus timeouts and crashes; returns at once if no one is busy."""
        waiting = [w for w in self._workers if not w.ready or w.task is not None]
        if not waiting:
            return []
        ready = set(wait([w.conn for w in waiting], self._next_wake()))
        replies: list[Reply] = []
        for worker in waiting:
            if worker.conn in ready:
                replies.extend(self._receive(worker))
        replies.extend(self._expire())
        self._reap()
        return replies

    def _next_wake(self) -> float | None:
        now, wakes = time.monotonic(), []
        for w in self._workers:
            if not w.ready:
                wakes.append(w.started + STARTUP_TIMEOUT)
            elif w.task is not None and self._opts.timeout is not None:
                wakes.append(w.sent + self._opts.timeout)
        return max(0.0, min(wakes) - now) if wakes else None

    def _receive(self, worker: _Worker) -> list[Reply]:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            return self._died(worker)
        if message == READY:
            worker.ready, self._failed_starts = True, 0
            return []
        worker.task, worker.done = None, worker.done + 1
        if worker.done >= self._opts.max_tasks:
            self._retire(worker)
        reply: Reply = message
        return [reply]

    def _died(self, worker: _Worker) -> list[Reply]:
        worker.process.join(STOP_TIMEOUT)
        code = worker.process.exitcode
        if not worker.ready:
            self._failed_starts += 1
            if self._failed_starts >= MAX_FAILED_STARTS:
                raise RuntimeError(
                    f"cleantext worker processes exit while starting (exit code {code}); "
                    "is the cleaner a module-level function importable in a new process?"
                )
            self._replace(worker)
            return []
        task, elapsed = worker.task, time.monotonic() - worker.sent
        self._replace(worker)
        if task is None:
            return []
        detail = f"worker process died while cleaning (exit code {code})"
        return [Reply(task.seq, Outcome.CRASH, None, error_message(Outcome.CRASH, detail), elapsed)]

    def _expire(self) -> list[Reply]:
        now, timeout, out = time.monotonic(), self._opts.timeout, []
        for worker in list(self._workers):
            if not worker.ready and now - worker.started > STARTUP_TIMEOUT:
                raise RuntimeError(f"a cleantext worker did not start within {STARTUP_TIMEOUT:g} s")
            if worker.task is not None and timeout is not None and now - worker.sent >= timeout:
                detail = f"no result after {timeout:g} s; worker process killed and replaced"
                out.append(Reply(worker.task.seq, Outcome.TIMEOUT, None,
                                 error_message(Outcome.TIMEOUT, detail), now - worker.sent))
                self._replace(worker)
        return out

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.conn.close()
        self._stopping.append(worker.process)
        self._workers[self._workers.index(worker)] = self._spawn()

    def _retire(self, worker: _Worker) -> None:
        try:
            worker.conn.send(None)
        except OSError:
            worker.process.kill()
        worker.conn.close()
        self._stopping.append(worker.process)
        self._workers[self._workers.index(worker)] = self._spawn()

    def _reap(self) -> None:
        """Join stopped workers that have exited (no zombie piles up)."""
        alive = []
        for process in self._stopping:
            process.join(0)
            if process.exitcode is None:
                alive.append(process)
        self._stopping = alive

    def close(self) -> None:
        """Stop every worker: ask politely, then kill those still running."""
        for worker in self._workers:
            if worker.task is not None:  # its result is abandoned: do not wait for it
                worker.process.kill()
            else:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            worker.conn.close()
            self._stopping.append(worker.process)
        self._workers = []
        deadline = time.monotonic() + STOP_TIMEOUT
        for process in self._stopping:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.exitcode is None:
                process.kill()
                process.join(STOP_TIMEOUT)
        self._stopping = []
