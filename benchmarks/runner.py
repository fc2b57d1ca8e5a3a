"""Run systems over a benchmark, interleaved per page, timing each call with process CPU time.

Workers receive only (benchmark, folder, page id): each loads its page, runs every system on it in
turn (the order rotates from page to page so caches and machine noise hit all systems alike),
scores the outputs and returns small per-page records; the parent aggregates. CPU time is
``time.process_time()`` around each system's own call, inside the worker.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import platform
import shlex
import subprocess
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import metrics
from benchmarks.metrics import Page, Score
from benchmarks.systems import CLEANTEXT, cleantext_decisions, ensure_src_on_path, system, warm_up

SCRAPINGHUB = "scrapinghub"
WCXB = "wcxb"
WRONG_SHARE = 0.8  # a dropped paragraph is ground truth when >= 80% of its shingles/tokens are


@dataclass(frozen=True, slots=True)
class Task:
    benchmark: str
    folder: str
    page_id: str
    systems: tuple[str, ...]
    ablation: bool
    index: int = 0


@dataclass(frozen=True, slots=True)
class FamilyRow:
    """One category's effect on one page: the metric with it off, and what it dropped."""

    metric: tuple[float, float, float]
    dropped: int
    dropped_chars: int
    wrong: int
    wrong_chars: int


@dataclass(frozen=True, slots=True)
class PageRecord:
    page_id: str
    page_type: str
    metric: dict[str, tuple[float, float, float]]
    cpu: dict[str, float]
    errors: dict[str, str]
    decisions_metric: tuple[float, float, float] | None = None
    families: dict[str, FamilyRow] = field(default_factory=dict)
    kept_matches_paragraphs: bool = True


def page_ids(benchmark: str, folder: Path) -> list[str]:
    """The ids of a benchmark's pages, sorted."""
    if benchmark == SCRAPINGHUB:
        return sorted(json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")))
    return metrics.wcxb_ids(folder)


def load_page(benchmark: str, folder: Path, page_id: str) -> Page:
    """One page of a benchmark (the ScrapingHub ground truth is re-read: it is under 1 MB)."""
    if benchmark == SCRAPINGHUB:
        return metrics.load_scrapinghub_page(folder, page_id)
    return metrics.load_wcxb_page(folder, page_id)


def score_text(benchmark: str, reference: str, text: str) -> tuple[float, float, float]:
    """Per-page metric: (tp, fp, fn) for ScrapingHub, (P, R, F1) for WCXB."""
    if benchmark == SCRAPINGHUB:
        return metrics.shingle_counts(reference, text)
    return metrics.wcxb_page(reference, text)


def _units(benchmark: str, text: str) -> Counter[object]:
    """The units a paragraph is matched by: 4-shingles (ScrapingHub) or lowercase tokens (WCXB)."""
    if benchmark == SCRAPINGHUB:
        return Counter(metrics.shingles(text))
    return Counter(metrics.wcxb_tokens(text))


def _in_reference(benchmark: str, missing: Counter[object], text: str) -> bool:
    """Whether a dropped paragraph is mostly ground truth the output lacks (>= WRONG_SHARE of units)."""
    units = _units(benchmark, text)
    total = sum(units.values())
    return total > 0 and sum((units & missing).values()) / total >= WRONG_SHARE


def ablate(benchmark: str, page: Page, decisions: list[tuple[bool, str | None, str]]) -> dict[str, FamilyRow]:
    """Per category that dropped something: the metric with its dropped paragraphs put back.

    "Wrongly removed" compares a dropped paragraph with the reference text that the kept output does
    not already cover (reference units minus output units), so dropping the second copy of a
    duplicated paragraph or a headline repeated in the body is not counted as a loss.
    """
    kept_text = "\n".join(t for kept, _, t in decisions if kept)
    missing = _units(benchmark, page.reference) - _units(benchmark, kept_text)
    rows: dict[str, FamilyRow] = {}
    for category in sorted({c or "none" for kept, c, _ in decisions if not kept}):
        text = "\n".join(t for kept, c, t in decisions if kept or (c or "none") == category)
        dropped = [t for kept, c, t in decisions if not kept and (c or "none") == category]
        wrong = [t for t in dropped if _in_reference(benchmark, missing, t)]
        rows[category] = FamilyRow(
            score_text(benchmark, page.reference, text),
            len(dropped),
            sum(map(len, dropped)),
            len(wrong),
            sum(map(len, wrong)),
        )
    return rows


def evaluate(task: Task) -> PageRecord:
    """Run every system of the task on its page (rotated order), timing and scoring each."""
    page = load_page(task.benchmark, Path(task.folder), task.page_id)
    shift = task.index % len(task.systems)
    order = task.systems[shift:] + task.systems[:shift]
    metric: dict[str, tuple[float, float, float]] = {}
    cpu: dict[str, float] = {}
    errors: dict[str, str] = {}
    decisions: list[tuple[bool, str | None, str]] | None = None
    cleantext_text = ""
    for name in order:
        start = time.process_time()
        try:
            if name == CLEANTEXT:
                text, decisions = cleantext_decisions(page.html, page.url)
                cleantext_text = text
            else:
                text = system(name)(page.html, page.url)
        except Exception as exc:  # a crash on one page is an empty output, counted and reported
            text, errors[name] = "", " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        cpu[name] = time.process_time() - start
        metric[name] = score_text(task.benchmark, page.reference, text)
    record = PageRecord(page.id, page.page_type, metric, cpu, errors)
    if decisions is None or not task.ablation:
        return record
    kept_text = "\n".join(t for kept, _, t in decisions if kept)
    return PageRecord(
        page.id,
        page.page_type,
        metric,
        cpu,
        errors,
        score_text(task.benchmark, page.reference, kept_text),
        ablate(task.benchmark, page, decisions),
        kept_text == cleantext_text,
    )


def run(
    benchmark: str,
    folder: Path,
    systems: Sequence[str],
    *,
    ablation: bool = False,
    jobs: int = 1,
    limit: int | None = None,
) -> Iterator[PageRecord]:
    """Yield one record per page, in page order; ``jobs`` > 1 uses a process pool."""
    tasks = [
        Task(benchmark, str(folder), page_id, tuple(systems), ablation, i)
        for i, page_id in enumerate(page_ids(benchmark, folder)[:limit])
    ]
    if jobs <= 1:
        warm_up(list(systems))
        yield from map(evaluate, tasks)
        return
    with multiprocessing.Pool(jobs, initializer=warm_up, initargs=(list(systems),)) as pool:
        yield from pool.imap(evaluate, tasks, chunksize=2)


# --------------------------------------------------------------------------------------------
# Aggregation


def aggregate(benchmark: str, records: Sequence[PageRecord], name: str) -> dict[str, Score]:
    """Scores of one system: ``{"overall": ...}`` plus page types for WCXB."""
    if benchmark == SCRAPINGHUB:
        return {"overall": metrics.scrapinghub_score(r.metric[name] for r in records)}
    return metrics.wcxb_score((r.page_type, r.metric[name]) for r in records)


def aggregate_rows(
    benchmark: str, records: Sequence[PageRecord], rows: Sequence[tuple[float, float, float]]
) -> Score:
    """Overall score of per-page metric rows aligned with ``records``."""
    if benchmark == SCRAPINGHUB:
        return metrics.scrapinghub_score(rows)
    return metrics.wcxb_mean(list(rows))


def cpu_total(records: Sequence[PageRecord], name: str) -> float:
    return sum(r.cpu.get(name, 0.0) for r in records)


# --------------------------------------------------------------------------------------------
# Machine and formatting


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def source_line() -> str:
    """The cleantext that ran: its file and, in a git checkout, the commit (``+dirty`` with changes)."""
    ensure_src_on_path()
    try:
        import cleantext

        folder = Path(cleantext.__file__).resolve().parent
    except Exception:
        return "cleantext not importable"
    git = ["git", "-C", str(folder)]
    try:
        commit = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        )
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "."], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return f"cleantext from {folder}"
    if commit.returncode != 0:
        return f"cleantext from {folder}"
    return f"cleantext from {folder} at {commit.stdout.strip()}{'+dirty' if dirty.stdout.strip() else ''}"


def machine_line() -> str:
    """Platform, CPU model, cores, Python and the date, for the header of a results table."""
    import trafilatura

    return (
        f"{platform.platform()}; {cpu_model()}; {os.cpu_count()} cores; Python {platform.python_version()}; "
        f"trafilatura {trafilatura.__version__}; {dt.date.today().isoformat()}"
    )


def command_line(script: str, argv: Sequence[str]) -> str:
    """The command as typed, with the PYTHONPATH in force (``src`` when the fallback was used)."""
    pythonpath = os.environ.get("PYTHONPATH", "src")
    return f"PYTHONPATH={pythonpath} python benchmarks/{script}.py {shlex.join(argv)}".strip()


def fmt(x: float) -> str:
    return f"{x:.3f}"


def selected_benchmarks(wcxb: str | None, no_wcxb: bool, notes: list[str]) -> list[tuple[str, str, Path]]:
    """(title, benchmark, folder) of the benchmarks to run; a note when WCXB is missing."""
    chosen = [("ScrapingHub", SCRAPINGHUB, metrics.SCRAPINGHUB_DIR)]
    folder = metrics.wcxb_dir(wcxb)
    if not no_wcxb:
        if (folder / "ground-truth").is_dir():
            chosen.append(("WCXB dev", WCXB, folder))
        else:
            notes.append(f"Note: WCXB not found at {folder}: skipped")
    return chosen


def finish(lines: list[str], result: dict[str, Any], json_path: str | None) -> int:
    """Print the report and write its figures as JSON when asked; the scripts' exit code."""
    print("\n".join(lines))
    if json_path:
        Path(json_path).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0
