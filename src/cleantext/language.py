"""A cheap language guess from the packs' stopword lists (for metadata only)."""

from __future__ import annotations

import regex

from cleantext.rules.packs import bundled_packs

_WORDS = regex.compile(r"\w++")


def guess_language(folded: str, *, min_hits: int = 3) -> str | None:
    """The bundled language whose stopwords are most frequent in ``folded`` text, or None.

    >>> guess_language("the cat sat on the mat and it was happy with the day")
    'en'
    """
    words = _WORDS.findall(folded[:20_000])
    best, best_hits = None, 0
    for pack in bundled_packs():
        stop = frozenset(pack.vocab.get("stopwords", ()))
        hits = sum(1 for w in words if w in stop)
        if hits > best_hits:
            best, best_hits = pack.language, hits
    return best if best_hits >= min_hits else None
