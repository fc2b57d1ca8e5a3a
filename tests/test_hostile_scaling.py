"""Time grows linearly on the pathological page families: doubling the input at most 2.5x.

Sizes (tests/_hostile.py ``SCALING``) are large enough for the page to dominate constant
overhead; each time is the fastest of three runs (CPU time, so other processes hardly matter).
``benchmarks/scaling.py`` prints the same measurement over more doublings.
"""

from __future__ import annotations

import gc
import time

import pytest
from _hostile import SCALING

from cleantext import clean_and_explain

MAX_RATIO = 2.5
REPEATS = 3


def _best(page: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        gc.collect()
        start = time.process_time()
        clean_and_explain(page)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("family", sorted(SCALING))
def test_doubling_the_input_at_most_doubles_and_a_half_the_time(family: str) -> None:
    build, n = SCALING[family]
    clean_and_explain("<p>warm-up</p>")
    small, large = _best(build(n)), _best(build(2 * n))
    ratio = large / small
    print(f"\n{family}: n={n:,} {small:.3f} s, 2n {large:.3f} s, ratio {ratio:.2f}")
    assert ratio <= MAX_RATIO, f"{family}: {small:.3f} s -> {large:.3f} s ({ratio:.2f}x)"
