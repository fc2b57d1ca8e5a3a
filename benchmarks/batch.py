"""Batch throughput with 1 and 2 worker processes, and memory over 10,000 documents.

Documents are the bundled ScrapingHub pages (fixtures/scrapinghub/html), cycled. Throughput is
wall-clock documents per second of :func:`cleantext.batch.clean_many` (worker start-up
included). Memory is the resident set size (RSS) of this process plus its live worker processes,
sampled while a 2-worker run cleans ``--docs`` documents: the figure "at document N" is the
largest sample over the 500 documents up to N (a worker that was just replaced would otherwise
look like a saving).

    python benchmarks/batch.py                     # 1,000 docs per throughput run, 10,000 for RSS
    python benchmarks/batch.py --throughput-docs 300 --docs 2000   # a quick look

Prints a markdown table with the command, the machine and the date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import os
import platform
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cleantext.batch import clean_many  # noqa: E402
from cleantext.batch.runner import DEFAULT_MAX_TASKS  # noqa: E402

PAGES = ROOT / "fixtures" / "scrapinghub" / "html"
WINDOW = 500
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def load_pages() -> list[bytes]:
    """The ScrapingHub pages, as bytes, sorted by file name."""
    return [gzip.decompress(p.read_bytes()) for p in sorted(PAGES.glob("*.html.gz"))]


def documents(pages: list[bytes], n: int) -> Iterator[tuple[str, bytes]]:
    """``n`` (id, html) items cycling the pages."""
    for i, page in zip(range(n), itertools.cycle(pages), strict=False):
        yield f"doc-{i}", page


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def total_rss() -> tuple[int, int]:
    """(RSS of this process, RSS of its child processes) in bytes (Linux /proc)."""
    me = os.getpid()
    return _rss(me), sum(_rss(c) for c in _children(me))


Sample = tuple[int, int]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Run:
    workers: int
    docs: int
    seconds: float
    errors: int
    cpu: float = 0.0  # CPU seconds of the (reaped) worker processes
    main_cpu: float = 0.0  # CPU seconds of this process

    @property
    def rate(self) -> float:
        return self.docs / self.seconds


def throughput(pages: list[bytes], workers: int, n: int, max_tasks: int) -> Run:
    """Clean ``n`` documents with ``workers`` processes; wall time includes start-up."""
    start, cpu, own = time.perf_counter(), _children_cpu(), time.process_time()
    errors = sum(not r.ok for r in clean_many(documents(pages, n), workers=workers, timeout=120,
                                              max_tasks_per_worker=max_tasks))
    return Run(workers, n, time.perf_counter() - start, errors, _children_cpu() - cpu,
               time.process_time() - own)


def memory(pages: list[bytes], n: int, workers: int, max_tasks: int) -> tuple[Run, dict[int, Sample]]:
    """Clean ``n`` documents, sampling RSS every 50; the peak per window of 500 documents."""
    peaks: dict[int, Sample] = {}
    start, errors, cpu, own = time.perf_counter(), 0, _children_cpu(), time.process_time()
    results = clean_many(documents(pages, n), workers=workers, timeout=120, max_tasks_per_worker=max_tasks)
    for i, result in enumerate(results, 1):
        errors += not result.ok
        if i % 50 == 0:
            main, children = total_rss()
            window = -(-i // WINDOW) * WINDOW
            best = peaks.get(window, (0, 0))
            if main + children > sum(best):
                peaks[window] = (main, children)
            if i % 1000 == 0:
                print(f"  {i:>6} docs  {(main + children) / 2**20:7.1f} MiB  "
                      f"{i / (time.perf_counter() - start):5.1f} docs/s", file=sys.stderr, flush=True)
    for window, (main, children) in sorted(peaks.items()):
        print(f"  peak RSS, documents {window - WINDOW + 1:>6}-{window:<6} {_mib(main)} + {_mib(children)}",
              file=sys.stderr)
    seconds = time.perf_counter() - start
    return Run(workers, n, seconds, errors, _children_cpu() - cpu, time.process_time() - own), peaks


def machine() -> str:
    """CPU model, cores, OS and Python."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            names = (line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
            model = next(names, model)
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{model}, {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def _rate(run: Run) -> str:
    cores = run.cpu / run.seconds
    return (f"{run.rate:.1f} docs/s ({run.docs:,} docs in {run.seconds:.1f} s; workers used "
            f"{cores:.2f} cores, {run.cpu / run.docs * 1000:.0f} ms CPU per doc in workers, "
            f"{run.main_cpu / run.docs * 1000:.1f} ms in the main process)")


def _mib(value: int) -> str:
    return f"{value / 2**20:,.0f} MiB"


def _memory_rows(pages: list[bytes], docs: int, max_tasks: int) -> list[tuple[str, str]]:
    run, peaks = memory(pages, docs, 2, max_tasks)
    first = peaks.get(1000) or peaks[min(peaks)]
    last = peaks[max(peaks)]
    growth = (sum(last) - sum(first)) / sum(first) * 100 if sum(first) else float("nan")
    return [
        ("memory run, 2 workers", f"{_rate(run)}, {run.errors} errors"),
        ("RSS at document 1,000 (main + workers)",
         f"{_mib(sum(first))} ({_mib(first[0])} + {_mib(first[1])})"),
        (f"RSS at document {max(peaks):,} (main + workers)",
         f"{_mib(sum(last))} ({_mib(last[0])} + {_mib(last[1])})"),
        ("RSS growth, document 1,000 to the end", f"{growth:+.1f}%"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--throughput-docs", type=int, default=1000, help="documents per throughput run")
    parser.add_argument("--docs", type=int, default=10_000, help="documents of the memory run (0: none)")
    parser.add_argument("--max-tasks", type=int, default=DEFAULT_MAX_TASKS, help="documents per worker")
    args = parser.parse_args(argv)
    pages = load_pages()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    one = throughput(pages, 1, args.throughput_docs, args.max_tasks)
    two = throughput(pages, 2, args.throughput_docs, args.max_tasks)
    rows = [
        ("throughput, 1 worker", _rate(one)),
        ("throughput, 2 workers", _rate(two)),
        ("speedup, 2 vs 1 worker", f"{two.rate / one.rate:.2f}x"),
    ]
    if args.docs >= WINDOW:
        rows.extend(_memory_rows(pages, args.docs, args.max_tasks))
    print(f"Command: `python benchmarks/{Path(__file__).name} {' '.join(argv or sys.argv[1:])}`".rstrip())
    end_load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Machine: {machine()}; load average {load:.2f} at start, {end_load:.2f} at the end")
    print(f"Date: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; "
          f"max tasks per worker {args.max_tasks}\n")
    print("| measure | value |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
