"""Time growth of cleantext on the pathological page families: double the input, compare.

Each family (tests/_hostile.py: captions, siblings, nesting, long lines, repeated appeals) is
cleaned at sizes n, 2n, 4n...; the CPU time of the fastest of a few runs is printed with the
ratio to the previous size (linear: about 2, quadratic: about 4).

    PYTHONPATH=src python benchmarks/scaling.py [--doublings 3] [--repeats 3] [family ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _hostile import SCALING, best_cpu_time

from cleantext import clean_and_explain


def ratios(family: str, doublings: int, repeats: int) -> list[tuple[int, float, float | None]]:
    """(size, seconds, ratio to the previous size) for one family."""
    build, n = SCALING[family]
    out: list[tuple[int, float, float | None]] = []
    previous = None
    for _ in range(doublings + 1):
        seconds = best_cpu_time(build(n), repeats)
        out.append((n, seconds, seconds / previous if previous else None))
        previous, n = seconds, n * 2
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("families", nargs="*", default=sorted(SCALING))
    parser.add_argument("--doublings", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    clean_and_explain("<p>warm-up</p>")
    for family in args.families:
        for n, seconds, ratio in ratios(family, args.doublings, args.repeats):
            shown = f"{ratio:5.2f}x" if ratio else "     -"
            print(f"{family:12} n={n:>9,} {seconds:7.3f} s  {shown}", flush=True)


if __name__ == "__main__":
    main()
