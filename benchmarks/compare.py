"""The peer table: cleantext against trafilatura and the other main-content extractors.

    PYTHONPATH=src python benchmarks/compare.py [--wcxb DIR] [--no-wcxb] [--jobs N] [--json OUT]
                                                [--systems a,b,...] [--limit N]

Systems: cleantext, trafilatura (default, favor_precision, fast), readability-lxml, jusText,
resiliparse, boilerpy3, goose3 and newspaper4k. Each is imported lazily and skipped with a note
when it is not installed (the peers are not project dependencies:
``pip install readability-lxml justext resiliparse boilerpy3 goose3 newspaper4k``). Same metrics
and interleaved CPU timing as ``quality.py``; time is relative to trafilatura default in the same
run. How each peer's output becomes text: readability's summary HTML is flattened with a line break
per block; jusText keeps its non-boilerplate paragraphs (English stoplist); resiliparse
``extract_plain_text(main_content=True)``; boilerpy3 ``ArticleExtractor``; goose3 ``cleaned_text``;
newspaper4k ``Article.text`` after ``download(input_html=...)`` (no network).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import runner
from benchmarks.quality import collect, system_table
from benchmarks.systems import CLEANTEXT, PEERS, TRAFILATURA_SYSTEMS, available

ALL_SYSTEMS = (*TRAFILATURA_SYSTEMS, CLEANTEXT, *PEERS)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wcxb", help="WCXB folder (default: $CLEANTEXT_WCXB or ../shared/data/wcxb-dev)")
    parser.add_argument("--no-wcxb", action="store_true", help="score ScrapingHub only")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--json", help="also write all figures to this JSON file")
    parser.add_argument("--systems", help="comma-separated subset of: " + ",".join(ALL_SYSTEMS))
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each benchmark (smoke runs)")
    args = parser.parse_args(argv)
    args.ablation = False
    return args


def choose_systems(spec: str | None) -> tuple[list[str], list[str]]:
    """The systems that can run (trafilatura default always first) and notes on those skipped."""
    wanted = [s.strip() for s in spec.split(",")] if spec else list(ALL_SYSTEMS)
    unknown = [s for s in wanted if s not in ALL_SYSTEMS]
    if unknown:
        raise SystemExit(f"unknown systems: {', '.join(unknown)}")
    chosen, notes = ["trafilatura"], []
    for name in wanted:
        if name == "trafilatura":
            continue
        reason = available(name)
        if reason is None:
            chosen.append(name)
        else:
            notes.append(f"{name} skipped: {reason}")
    return chosen, notes


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    systems, notes = choose_systems(args.systems)
    command = runner.command_line("compare", sys.argv[1:] if argv is None else argv)
    machine = runner.machine_line()
    out = [
        "## Peer comparison",
        "",
        f"Command: `{command.strip()}`  ",
        f"Machine: {machine}  ",
        f"Code: {runner.source_line()}",
        "",
    ]
    out += [f"Note: {n}  " for n in notes]
    result: dict = {"command": command.strip(), "machine": machine, "notes": notes, "systems": systems}
    benchmarks = runner.selected_benchmarks(args.wcxb, args.no_wcxb, out)
    for title, benchmark, path in benchmarks:
        records = collect(benchmark, path, systems, args)
        lines, data = system_table(benchmark, records, systems)
        out += ["", f"### {title} ({len(records)} pages)", "", *lines]
        errors = [(r.page_id, n, m) for r in records for n, m in r.errors.items()]
        if errors:
            out += [
                "",
                "Errors (scored as empty output): " + "; ".join(f"{p} {n}: {m}" for p, n, m in errors[:20]),
            ]
        result[benchmark] = {"pages": len(records), "systems": data}
    out += [
        "",
        "CPU time: process time summed over pages, measured in the worker around each call; systems run "
        "interleaved on each page. WCXB: CC-BY-4.0, WCXB, Murrough Foley, 2026.",
    ]
    return runner.finish(out, result, args.json)


if __name__ == "__main__":
    sys.exit(main())
