"""Quality and CPU time of cleantext against trafilatura, on ScrapingHub and WCXB, in one run.

    PYTHONPATH=src python benchmarks/quality.py [--wcxb DIR] [--no-wcxb] [--ablation] [--jobs N]
                                                [--json OUT] [--limit N]

Systems: trafilatura default (``extract(html, include_comments=False)``), favor_precision and fast,
and cleantext (``"\\n".join(clean_and_explain(html, url=url).paragraphs)``) when it imports. All
run on each page in turn (interleaved), timed with process CPU time around their own calls.
``--ablation`` reports, per category that dropped anything, the F1 it adds and the ground-truth
text it wrongly removes, computed from the one run's decisions (no rerun). Prints markdown tables
ready for docs/benchmarks.md. WCXB data: CC-BY-4.0, "WCXB, Murrough Foley, 2026".
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import runner
from benchmarks.runner import SCRAPINGHUB, WCXB, PageRecord
from benchmarks.systems import CLEANTEXT, LABELS, TRAFILATURA_SYSTEMS, cleantext_available

WCXB_TYPES = ("article", "service", "forum", "listing", "product", "collection", "documentation")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wcxb", help="WCXB folder (default: $CLEANTEXT_WCXB or ../shared/data/wcxb-dev)")
    parser.add_argument("--no-wcxb", action="store_true", help="score ScrapingHub only")
    parser.add_argument("--ablation", action="store_true", help="per-category F1 contribution")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--json", help="also write all figures to this JSON file")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each benchmark (smoke runs)")
    return parser.parse_args(argv)


def collect(
    benchmark: str, folder: Path, systems: Sequence[str], args: argparse.Namespace
) -> list[PageRecord]:
    """All page records of one benchmark, with a progress line on stderr."""
    records: list[PageRecord] = []
    start = time.monotonic()
    limit = args.limit or None
    for record in runner.run(benchmark, folder, systems, ablation=args.ablation, jobs=args.jobs, limit=limit):
        records.append(record)
        if len(records) % 50 == 0:
            print(f"  {benchmark}: {len(records)} pages, {time.monotonic() - start:.0f} s", file=sys.stderr)
    return records


def system_table(benchmark: str, records: list[PageRecord], systems: Sequence[str]) -> tuple[list[str], dict]:
    """Markdown rows (F1/P/R, per type for WCXB, CPU and ratio) and the same figures as data."""
    types = [t for t in WCXB_TYPES if any(r.page_type == t for r in records)] if benchmark == WCXB else []
    base_cpu = runner.cpu_total(records, "trafilatura") or float("nan")
    head = "| system | F1 | precision | recall | " + "".join(f"{t} F1 | " for t in types)
    lines = [head + "CPU s | time vs trafilatura | errors |", "|---" * (head.count("|") + 2) + "|"]
    data: dict[str, dict] = {}
    for name in systems:
        scores = runner.aggregate(benchmark, records, name)
        cpu = runner.cpu_total(records, name)
        errors = sum(name in r.errors for r in records)
        overall = scores["overall"]
        cells = [LABELS[name], *map(runner.fmt, (overall.f1, overall.precision, overall.recall))]
        cells += [runner.fmt(scores[t].f1) if t in scores else "-" for t in types]
        cells += [f"{cpu:.1f}", f"{cpu / base_cpu:.2f}x", str(errors)]
        lines.append("| " + " | ".join(cells) + " |")
        data[name] = {"scores": {k: v.as_dict() for k, v in scores.items()}, "cpu_s": cpu, "errors": errors}
    return lines, data


def ablation_table(benchmark: str, records: list[PageRecord]) -> tuple[list[str], dict]:
    """Per category: F1 it adds (with - without) and the ground truth it wrongly removes."""
    usable = [r for r in records if r.decisions_metric is not None]
    if not usable:
        return ["(no cleantext decisions: ablation skipped)"], {}
    base = runner.aggregate_rows(benchmark, usable, [r.decisions_metric for r in usable])  # type: ignore[misc]
    categories = sorted({c for r in usable for c in r.families})
    lines = [
        "| category | dropped paragraphs | dropped chars | F1 with - without | wrongly removed paragraphs "
        "| wrongly removed chars |",
        "|---|---|---|---|---|---|",
    ]
    data: dict[str, dict] = {}
    for category in categories:
        rows = [r.families[category].metric if category in r.families else r.decisions_metric for r in usable]
        without = runner.aggregate_rows(benchmark, usable, rows)  # type: ignore[arg-type]
        fam = [r.families[category] for r in usable if category in r.families]
        figures = {
            "dropped": sum(f.dropped for f in fam),
            "dropped_chars": sum(f.dropped_chars for f in fam),
            "delta_f1": base.f1 - without.f1,
            "wrong": sum(f.wrong for f in fam),
            "wrong_chars": sum(f.wrong_chars for f in fam),
        }
        data[category] = figures
        lines.append(
            f"| {category} | {figures['dropped']} | {figures['dropped_chars']} | {figures['delta_f1']:+.6f} "
            f"| {figures['wrong']} | {figures['wrong_chars']} |"
        )
    mismatch = sum(not r.kept_matches_paragraphs for r in usable)
    unit = "4-shingles" if benchmark == SCRAPINGHUB else "tokens"
    lines += [
        "",
        f"Base F1 from the kept decisions: {base.f1:.4f}. Each family is turned off by putting its dropped "
        "paragraphs back in document order (one run, no rerun): block rules that depend on other families "
        "are not re-evaluated, so this approximates a run with the category disabled. A dropped paragraph "
        f"counts as wrongly removed when >= 80% of its {unit} are ground truth that the output lacks "
        "(reference minus kept output, as multisets: a dropped second copy is not a loss)."
        + (f" On {mismatch} pages the kept decisions differ from Result.paragraphs." if mismatch else ""),
    ]
    return lines, data


def report_benchmark(
    title: str, benchmark: str, records: list[PageRecord], systems: Sequence[str], ablation: bool
) -> tuple[list[str], dict]:
    lines, data = system_table(benchmark, records, systems)
    out = [f"### {title} ({len(records)} pages)", "", *lines, ""]
    result: dict = {"pages": len(records), "systems": data}
    if ablation and CLEANTEXT in systems:
        abl_lines, abl_data = ablation_table(benchmark, records)
        out += [f"#### {title}: what each cleantext category adds", "", *abl_lines, ""]
        result["ablation"] = abl_data
    errors = [(r.page_id, name, msg) for r in records for name, msg in r.errors.items()]
    if errors:
        out += [
            "Errors (output scored as empty): " + "; ".join(f"{p} {n}: {m}" for p, n, m in errors[:10]),
            "",
        ]
    return out, result


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    systems = list(TRAFILATURA_SYSTEMS)
    notes = []
    reason = cleantext_available()
    if reason is None:
        systems.append(CLEANTEXT)
    else:
        notes.append(f"cleantext skipped: {reason}")
    command = runner.command_line("quality", sys.argv[1:] if argv is None else argv)
    out = [
        "## Quality and CPU time",
        "",
        f"Command: `{command.strip()}`  ",
        f"Machine: {runner.machine_line()}  ",
        f"Code: {runner.source_line()}",
        "",
    ]
    out += [f"Note: {n}" for n in notes]
    result: dict = {"command": command.strip(), "machine": runner.machine_line(), "notes": notes}
    benchmarks = runner.selected_benchmarks(args.wcxb, args.no_wcxb, out)
    for title, benchmark, path in benchmarks:
        records = collect(benchmark, path, systems, args)
        lines, data = report_benchmark(title, benchmark, records, systems, args.ablation)
        out += lines
        result[benchmark] = data
    out.append(
        "CPU time is process time summed over the pages (measured inside the worker around each call); "
        "systems run interleaved on each page. WCXB: CC-BY-4.0, WCXB, Murrough Foley, 2026."
    )
    return runner.finish(out, result, args.json)


if __name__ == "__main__":
    sys.exit(main())
