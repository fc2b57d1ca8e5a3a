"""Time grows linearly on the pathological page families: doubling the input at most 2.5x.

Sizes (tests/_hostile.py ``SCALING``) are large enough for the page to dominate constant
overhead; each time is the fastest of five runs (CPU time; with three, one slow round on a
loaded machine got through), the two sizes taking turns in each round so that a machine
slowing down meanwhile slows both.
``benchmarks/scaling.py`` prints the same measurement over more doublings.
"""

from __future__ import annotations

import pytest
from _hostile import SCALING, best_cpu_times

from cleantext import clean_and_explain

MAX_RATIO = 2.5
REPEATS = 5


@pytest.mark.parametrize("family", sorted(SCALING))
def test_doubling_the_input_at_most_doubles_and_a_half_the_time(family: str) -> None:
    build, n = SCALING[family]
    clean_and_explain("<p>warm-up</p>")
    small, large = best_cpu_times([build(n), build(2 * n)], REPEATS)
    ratio = large / small
    print(f"\n{family}: n={n:,} {small:.3f} s, 2n {large:.3f} s, ratio {ratio:.2f}")
    assert ratio <= MAX_RATIO, f"{family}: {small:.3f} s -> {large:.3f} s ({ratio:.2f}x)"
