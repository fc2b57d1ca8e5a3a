"""``cleantext batch INPUT... -o OUTPUT``: the command line of a batch run.

The ``cleantext`` command loads this module when it exists and calls :func:`add_arguments` and
:func:`run`. Exit status: 0 when every input record has its output record (records that failed
carry an ``error``), 2 for a usage or input error, 130 when interrupted (rerun with
``--resume``).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

from cleantext.batch.io import Fields, InputFormat, MissingExtraError
from cleantext.batch.job import JobOptions, partial_path, run_job
from cleantext.batch.pool import StartMethod
from cleantext.batch.runner import DEFAULT_MAX_TASKS
from cleantext.batch.sitebp import SiteThresholds
from cleantext.batch.stats import BatchStats
from cleantext.batch.worker import Cleaner, default_cleaner
from cleantext.cli import add_cleaning_options, config_from_args

DEFAULT_TIMEOUT = 60.0

EPILOG = """\
Inputs: JSONL (plain, .gz, .zst), Parquet (.parquet; extra 'parquet'), WARC (.warc, .warc.gz;
extra 'warc'; HTML response records). Output by name: .jsonl, .jsonl.gz, .jsonl.zst, .parquet.
Each output record: id, url, paragraphs, text, metadata, dropped, error; one per input record,
in input order. See docs/batch.md.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``batch`` options to ``parser`` (the ``batch`` subcommand's parser)."""
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="input files ('-': JSONL on stdin)")
    parser.add_argument("-o", "--output", required=True, help="output file (.jsonl[.gz|.zst] or .parquet)")
    _input_options(parser)
    _run_options(parser)
    _clean_options(parser)


def _input_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("input records")
    g.add_argument("--field", default="html", help="field holding the HTML or text (default: html)")
    g.add_argument("--id-field", default="id", help="field holding the id (default: id; else record number)")
    g.add_argument("--url-field", default="url", help="field holding the URL (default: url; dotted paths ok)")
    g.add_argument(
        "--input-format",
        choices=[f.value for f in InputFormat],
        help="format of the inputs (default: from the file names)",
    )


def _run_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("run")
    g.add_argument("--workers", type=int, help="worker processes (default: CPUs; 0: in this process)")
    g.add_argument(
        "--timeout",
        type=float,
        help=f"seconds per document before its worker is killed (default {DEFAULT_TIMEOUT:g}; 0: none)",
    )
    g.add_argument(
        "--max-tasks-per-worker",
        type=int,
        default=DEFAULT_MAX_TASKS,
        help=f"documents before a worker is replaced (default {DEFAULT_MAX_TASKS})",
    )
    g.add_argument("--resume", action="store_true", help="continue an interrupted run (OUTPUT.partial)")
    g.add_argument("--stats", metavar="FILE", help="write the run's statistics as JSON")
    g.add_argument("--report", metavar="FILE", help="write an HTML report of the run")
    g.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal; needs tqdm)",
    )
    g.add_argument("--quiet", action="store_true", help="no summary on stderr")
    g.add_argument(
        "--cleaner",
        metavar="MODULE:FUNCTION",
        help="advanced: a (source, url, config) -> Result function to call instead of the core",
    )
    g.add_argument(
        "--start-method",
        choices=[m.value for m in StartMethod],
        default=StartMethod.SPAWN.value,
        help="how worker processes start (default: spawn)",
    )


def _clean_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("cleaning")
    add_cleaning_options(g)
    g.add_argument(
        "--site-boilerplate",
        action="store_true",
        help="also drop paragraphs repeated across a host's documents (category site_repeat)",
    )
    g.add_argument(
        "--site-min-docs",
        type=int,
        default=SiteThresholds().min_documents,
        help="site boilerplate: documents a paragraph must appear in (default 3)",
    )
    g.add_argument(
        "--site-min-share",
        type=float,
        default=SiteThresholds().min_share,
        help="site boilerplate: share of the host's documents (default 0.3)",
    )


def _cleaner(spec: str | None) -> Cleaner:
    if not spec:
        return default_cleaner
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ValueError(f"--cleaner wants MODULE:FUNCTION, not {spec!r}")
    try:
        function: Cleaner = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as err:
        raise ValueError(f"--cleaner {spec}: {err}") from err
    return function


def _timeout(args: argparse.Namespace) -> float | None:
    if args.workers == 0:
        if args.timeout:
            sys.stderr.write("cleantext batch: --timeout needs worker processes; ignored with --workers 0\n")
        return None
    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    return timeout if timeout > 0 else None


def _progress(args: argparse.Namespace) -> bool:
    if args.progress is not None:
        return bool(args.progress)
    if not sys.stderr.isatty():
        return False
    return importlib.util.find_spec("tqdm") is not None


def options(args: argparse.Namespace) -> JobOptions:
    """The :class:`~cleantext.batch.job.JobOptions` the parsed arguments ask for."""
    if args.workers is not None and args.workers < 0:
        raise ValueError("--workers must be >= 0")
    site = None
    if args.site_boilerplate:
        site = SiteThresholds(
            min_documents=args.site_min_docs,
            min_share=args.site_min_share,
            min_host_documents=max(3, args.site_min_docs),
        )
    return JobOptions(
        inputs=tuple(args.inputs),
        output=Path(args.output),
        fields=Fields(source=args.field, id=args.id_field, url=args.url_field),
        input_format=InputFormat(args.input_format) if args.input_format else None,
        config=config_from_args(args),
        workers=args.workers,
        timeout=_timeout(args),
        max_tasks_per_worker=args.max_tasks_per_worker,
        resume=args.resume,
        site=site,
        progress=_progress(args),
        cleaner=_cleaner(args.cleaner),
        start_method=StartMethod(args.start_method),
    )


def _report_module(args: argparse.Namespace) -> ModuleType | None:
    if not args.report:
        return None
    try:
        return importlib.import_module("cleantext.report")
    except ImportError:
        sys.stderr.write(
            "cleantext batch: --report skipped: this cleantext has no report module (cleantext.report)\n"
        )
        return None


def _write_atomic(path: str, text: str) -> None:
    tmp = Path(path + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _outputs(args: argparse.Namespace, stats: BatchStats, report: ModuleType | None) -> None:
    data = stats.to_dict()
    if args.stats:
        _write_atomic(args.stats, json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")
    if report is not None:
        _write_atomic(args.report, report.render_batch(data, title=" ".join(args.inputs)))
    if not args.quiet:
        sys.stderr.write(stats.summary())


def run(args: argparse.Namespace) -> int:
    """Run ``cleantext batch`` with parsed arguments; return the exit status."""
    try:
        opts = options(args)
        report = _report_module(args)
        stats = run_job(opts)
    except MissingExtraError as err:
        sys.stderr.write(f"cleantext batch: {err}\n")
        return 2
    except RuntimeError as err:  # workers could not start
        sys.stderr.write(f"cleantext batch: {err}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(
            f"\ncleantext batch: interrupted; the records so far are in "
            f"{partial_path(Path(args.output))}: run again with --resume to continue\n"
        )
        return 130
    _outputs(args, stats, report)
    return 0
