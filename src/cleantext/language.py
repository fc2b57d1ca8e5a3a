"""A cheap language guess from the packs' stopword lists (for metadata only)."""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from cleantext.rules.packs import bundled_packs

_WORDS = regex.compile(r"\w++")


@cache
def _stopwords() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each bundled language with its stopword set (read-only package data, built once)."""
    return tuple((p.language, frozenset(p.vocab.get("stopwords", ()))) for p in bundled_packs())


def guess_language(folded: str, *, min_hits: int = 5, margin: float = 1.5) -> str | None:
    """The bundled language whose stopwords are most frequent in ``folded`` text, or None.

    A guess needs ``min_hits`` stopwords and ``margin`` times as many as the runner-up: a short
    or mixed text gets None (and then every phrase pack applies).

    >>> guess_language("the cat sat on the mat and it was happy with the day")
    'en'
    >>> guess_language("una línea corta") is None
    True
    """
    words = Counter(_WORDS.findall(folded[:20_000]))
    counts = sorted(
        ((sum(words[w] for w in stopwords), language) for language, stopwords in _stopwords()),
        reverse=True,
    )
    if not counts:
        return None
    best_hits, best = counts[0]
    runner_up = counts[1][0] if len(counts) > 1 else 0
    return best if best_hits >= min_hits and best_hits >= margin * runner_up else None
