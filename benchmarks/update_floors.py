"""Measure cleantext on the benchmarks and write the quality floors (measured - 0.002).

    PYTHONPATH=src python benchmarks/update_floors.py [--allow-lower] [--no-wcxb] [--wcxb DIR]
                                                      [--jobs N] [--system NAME] [--dry-run]

Raising a floor needs nothing; lowering any floor is refused unless ``--allow-lower`` is given,
so a quality loss is always a deliberate, visible change in ``tests/quality_floors.json``. The
data hashes are rewritten with the figures (data that changed must be re-measured). ``--system
trafilatura`` pins trafilatura's figures (placeholders for when cleantext cannot run yet).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import floors, metrics
from benchmarks.runner import SCRAPINGHUB, WCXB
from benchmarks.systems import CLEANTEXT, TRAFILATURA_SYSTEMS, cleantext_available


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allow-lower", action="store_true", help="accept floors lower than the pinned ones")
    parser.add_argument("--no-wcxb", action="store_true", help="keep the WCXB floors as they are")
    parser.add_argument("--wcxb", help="WCXB folder (default: $CLEANTEXT_WCXB or ../shared/data/wcxb-dev)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--system", default=CLEANTEXT, choices=[CLEANTEXT, *TRAFILATURA_SYSTEMS])
    parser.add_argument("--dry-run", action="store_true", help="print the new floors, write nothing")
    parser.add_argument("--floors", default=str(floors.FLOORS_PATH), help="floors file to write")
    return parser.parse_args(argv)


def lowered(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The floors that the new figures would lower."""
    before, after = floors.flatten(old), floors.flatten(new)
    return [
        f"{k}: {before[k]:.4f} -> {after.get(k, 0.0):.4f}"
        for k in sorted(before)
        if after.get(k, 0.0) < before[k]
    ]


def measure_benchmark(benchmark: str, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    print(f"measuring {args.system} on {benchmark} ({folder}) ...", file=sys.stderr)
    figures = floors.measure(benchmark, folder, args.system, args.jobs)
    entry: dict[str, Any] = {"sha256": floors.data_hash(benchmark, folder), "pages": figures["pages"]}
    entry.update(floors.floors_from(figures))
    entry["measured"] = {k: round(v, 4) for k, v in floors.flatten(figures).items()}
    return entry


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.system == CLEANTEXT and (reason := cleantext_available()):
        print(f"cannot measure cleantext: {reason}", file=sys.stderr)
        return 2
    path = Path(args.floors)
    old: dict[str, Any] = floors.load_floors(path) if path.exists() else {}
    new = dict(old)
    targets = [(SCRAPINGHUB, metrics.SCRAPINGHUB_DIR)]
    folder = metrics.wcxb_dir(args.wcxb)
    if not args.no_wcxb and (folder / "ground-truth").is_dir():
        targets.append((WCXB, folder))
    problems = []
    for benchmark, data in targets:
        new[benchmark] = measure_benchmark(benchmark, data, args)
        problems += [f"{benchmark} {p}" for p in lowered(old.get(benchmark, {}), new[benchmark])]
    new["margin"] = floors.MARGIN
    new["measured_with"] = f"{args.system}, {dt.date.today().isoformat()}"
    text = json.dumps(new, indent=1, sort_keys=True) + "\n"
    print(text)
    if problems and not args.allow_lower:
        print(
            "refusing to lower floors (pass --allow-lower to accept):\n  " + "\n  ".join(problems),
            file=sys.stderr,
        )
        return 1
    if not args.dry_run:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
