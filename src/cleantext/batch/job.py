"""One ``cleantext batch`` run: inputs, workers, a partial output, then the final file.

Records are appended to ``OUTPUT.partial`` (JSONL, uncompressed, flushed after every record,
each with its figures under the ``_batch`` key). When every input record has its output record,
the partial file is rewritten into ``OUTPUT.tmp`` in the requested format (site boilerplate
removed on the way, ``_batch`` dropped), which is then renamed to ``OUTPUT``: the output is
either complete or absent. ``resume`` reads the partial file back (a torn last line is cut),
checks that its last id is the id of the same record of the input, and cleans the rest.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import regex

from cleantext.batch.io import (
    Fields,
    InputFormat,
    dumps,
    input_format,
    is_compressed,
    open_output,
    parquet_rows,
    read_items,
    require,
)
from cleantext.batch.pool import StartMethod
from cleantext.batch.runner import DEFAULT_MAX_TASKS, clean_many
from cleantext.batch.sitebp import RULE_ID, SiteBoilerplate, SiteThresholds, host_of, record_url
from cleantext.batch.stats import BatchStats, DocStats
from cleantext.batch.types import BatchItem, BatchResult, ItemId, Outcome, error_message
from cleantext.batch.worker import Cleaner, default_cleaner
from cleantext.config import DEFAULT_CONFIG, Config
from cleantext.model import Category

INTERNAL_KEY = "_batch"
SITE_EXAMPLES = 20
_TAIL_CHUNK = 1 << 16
COUNT_LINES_MAX_BYTES = 2 << 30
"""Plain JSONL inputs up to this size are counted for the progress bar's total."""


@dataclass(frozen=True, slots=True)
class JobOptions:
    """Everything a batch run needs (the command line builds one).

    >>> JobOptions(("in.jsonl",), Path("out.jsonl")).timeout
    60.0
    """

    inputs: tuple[str, ...]
    output: Path
    fields: Fields = field(default_factory=Fields)
    input_format: InputFormat | None = None
    config: Config = DEFAULT_CONFIG
    workers: int | None = None
    timeout: float | None = 60.0
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS
    resume: bool = False
    site: SiteThresholds | None = None
    progress: bool = False
    cleaner: Cleaner = default_cleaner
    start_method: StartMethod = StartMethod.SPAWN


def partial_path(output: Path) -> Path:
    """Where records go while the run is under way.

    >>> partial_path(Path("/d/out.jsonl.gz")).name
    'out.jsonl.gz.partial'
    """
    return output.with_name(output.name + ".partial")


def temp_path(output: Path) -> Path:
    """Where the final file is written before it is renamed."""
    return output.with_name(output.name + ".tmp")


def run_job(opts: JobOptions) -> BatchStats:
    """Run a batch; return its statistics. Raises ValueError/OSError on bad inputs or paths."""
    _check_paths(opts)
    partial = partial_path(opts.output)
    stats = BatchStats(info=_info(opts))
    site = SiteBoilerplate(opts.site) if opts.site else None
    done, last_id = _recover(partial, opts.resume, stats, site)
    items = _skip(read_items(list(opts.inputs), opts.fields, opts.input_format), done, last_id, partial)
    start = time.monotonic()
    results = clean_many(
        items, config=opts.config, workers=opts.workers, timeout=opts.timeout,
        max_tasks_per_worker=opts.max_tasks_per_worker, cleaner=opts.cleaner, start_method=opts.start_method,
    )
    with open(partial, "ab") as out, _progress(opts, done) as tick:
        for result in results:
            _write(out, result, stats, site)
            tick(result)
    stats.seconds = time.monotonic() - start
    _finalize(partial, opts.output, stats, site)
    return stats


def _info(opts: JobOptions) -> dict[str, Any]:
    return {
        "inputs": " ".join(opts.inputs), "output": str(opts.output),
        "workers": opts.workers if opts.workers is not None else "auto",
        "timeout": opts.timeout if opts.timeout is not None else "none",
        "site_boilerplate": opts.site is not None,
    }


def _check_paths(opts: JobOptions) -> None:
    if not opts.inputs:
        raise ValueError("no input file")
    out = opts.output.resolve()
    for path in opts.inputs:
        if path != "-" and Path(path).resolve() in (out, partial_path(out)):
            raise ValueError(f"the output {opts.output} would overwrite the input {path}")
    if not out.parent.is_dir():
        raise ValueError(f"no such directory: {opts.output.parent}")


def _complete_size(path: Path) -> int:
    """Bytes up to and including the last newline (a torn last record is cut off)."""
    with open(path, "rb") as f:
        end = f.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            start = max(0, pos - _TAIL_CHUNK)
            f.seek(start)
            chunk = f.read(pos - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                return start + newline + 1
            pos = start
    return 0


def _count(record: dict[str, Any], stats: BatchStats, site: SiteBoilerplate | None, *, resumed: bool) -> None:
    doc = DocStats.from_dict(record.get(INTERNAL_KEY) or {})
    item_id = record.get("id")
    stats.add(doc, item_id if isinstance(item_id, (str, int)) else str(item_id), record.get("error"),
              resumed=resumed)
    if site is not None and doc.outcome is Outcome.OK:
        site.observe(record_url(record), record.get("paragraphs") or [])


def _recover(partial: Path, resume: bool, stats: BatchStats,
             site: SiteBoilerplate | None) -> tuple[int, ItemId | None]:
    """Records already in the partial output (0 if none) and the id of the last one."""
    if not partial.exists():
        return 0, None
    if not resume:
        raise ValueError(f"{partial} exists (an interrupted run): add --resume to continue it, or delete it")
    size = _complete_size(partial)
    with open(partial, "r+b") as f:
        f.truncate(size)
    count, last = 0, None
    with open(partial, "rb") as f:
        for lineno, line in enumerate(f, 1):
            try:
                record = json.loads(line)
            except ValueError as err:
                raise ValueError(f"{partial}:{lineno}: not a JSON record, cannot resume ({err})") from err
            _count(record, stats, site, resumed=True)
            count, last = count + 1, record.get("id")
    return count, last


def _skip(items: Iterable[BatchItem], n: int, last_id: ItemId | None, partial: Path) -> Iterator[BatchItem]:
    """``items`` after the first ``n``, checking that the n-th has the id the partial output ends with."""
    it = iter(items)
    item: BatchItem | None = None
    for i in range(n):
        item = next(it, None)
        if item is None:
            raise ValueError(f"{partial} holds {n} records but the input has only {i}: not the same input")
    if item is not None and item.id != last_id:
        raise ValueError(
            f"{partial} ends with record {last_id!r} but record {n - 1} of the input is {item.id!r}: "
            "not the same input"
        )
    return it


_WORD = regex.compile(r"\w")


def no_text_as_error(result: BatchResult) -> BatchResult:
    """A record without a single word (empty, markup-only or binary input) becomes an input error.

    ``clean_many`` returns such documents as empty results; the ``batch`` command's output says
    why they are empty, so a corpus run shows its broken records.
    """
    r = result.result
    if not result.ok or r is None or any(_WORD.search(d.text) for d in r.decisions):
        return result
    detail = "no text: the document holds no word outside markup"
    if r.metadata.truncated:
        detail += f" ({r.metadata.truncated})"
    return replace(result, result=None, outcome=Outcome.INPUT, error=error_message(Outcome.INPUT, detail))


def _write(out: IO[bytes], result: BatchResult, stats: BatchStats, site: SiteBoilerplate | None) -> None:
    result = no_text_as_error(result)
    record = result.to_record()
    doc = DocStats.of(result)
    record[INTERNAL_KEY] = doc.to_dict()
    out.write(dumps(record))
    out.flush()
    stats.add(doc, result.id, result.error)
    if site is not None and result.ok:
        site.observe(record_url(record), record["paragraphs"])


def _total(opts: JobOptions) -> int | None:
    """Input records, when cheap to know (Parquet row counts, newlines of plain JSONL)."""
    total = 0
    for path in opts.inputs:
        kind = opts.input_format or input_format(path)
        if kind is InputFormat.PARQUET:
            total += parquet_rows(path)
        elif kind is InputFormat.JSONL and path != "-" and not is_compressed(path) \
                and os.path.getsize(path) <= COUNT_LINES_MAX_BYTES:
            with open(path, "rb") as stream:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
        else:  # stdin, compressed or very large JSONL (would mean reading it all once more), WARC
            return None
    return total


@contextmanager
def _progress(opts: JobOptions, initial: int) -> Iterator[Callable[[BatchResult], None]]:
    if not opts.progress:
        yield lambda result: None
        return
    tqdm = require("tqdm", "progress").tqdm
    errors = 0
    with tqdm(total=_total(opts), initial=initial, unit="doc", file=sys.stderr, smoothing=0.05,
              dynamic_ncols=True, desc="cleantext") as bar:

        def tick(result: BatchResult) -> None:
            nonlocal errors
            errors += not result.ok
            bar.update(1)
            if not result.ok:
                bar.set_postfix(errors=errors, refresh=False)

        yield tick


def _finalize(partial: Path, output: Path, stats: BatchStats, site: SiteBoilerplate | None) -> None:
    tmp = temp_path(output)
    examples: dict[str, dict[str, Any]] = {}
    try:
        with open_output(tmp, output.name) as writer, open(partial, "rb") as src:
            for line in src:
                record = json.loads(line)
                record.pop(INTERNAL_KEY, None)
                if site is not None and record.get("error") is None:
                    record, removed = site.apply_record(record)
                    if removed:
                        stats.drop_more(Category.SITE_REPEAT.value, RULE_ID, removed,
                                        emptied=not record["paragraphs"])
                        _examples(examples, record, removed)
                writer.write(record)
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    partial.unlink()
    if site is not None:
        stats.info.update(site_hosts=site.hosts, site_hashes=site.entries, site_evictions=site.evictions)
        stats.info["site_examples"] = list(examples.values())


def _examples(examples: dict[str, dict[str, Any]], record: dict[str, Any], removed: list[str]) -> None:
    host = host_of(record_url(record)) or ""
    for text in removed:
        key = f"{host}\0{text}"
        if key in examples:
            examples[key]["removed"] += 1
        elif len(examples) < SITE_EXAMPLES:
            examples[key] = {"host": host, "text": text[:300], "removed": 1}
