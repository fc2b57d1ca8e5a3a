"""A cheap language guess from the packs' stopword lists (for metadata only)."""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from cleantext.rules.packs import bundled_packs

_WORDS = regex.compile(r"\w++")


@cache
def _stopwords() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each bundled language with its own stopwords (read-only package data, built once).

    A word listed by two languages ("in", "is", "as") tells neither apart and is left out.
    """
    lists = [(p.language, frozenset(p.vocab.get("stopwords", ()))) for p in bundled_packs()]
    seen = Counter(w for _, words in lists for w in words)
    return tuple((language, frozenset(w for w in words if seen[w] == 1)) for language, words in lists)


def guess_language(folded: str, *, min_hits: int = 5, margin: float = 1.5) -> str | None:
    """The bundled language whose stopwords are most frequent in ``folded`` text, or None.

    A guess needs ``min_hits`` stopwords and ``margin`` times as many as the runner-up: a short
    or mixed text gets None.

    >>> guess_language("the cat sat on the mat and it was happy with the day")
    'en'
    >>> guess_language("una línea corta") is None
    True
    """
    counts = _counts(folded)
    if not counts:
        return None
    best_hits, best = counts[0]
    runner_up = counts[1][0] if len(counts) > 1 else 0
    return best if best_hits >= min_hits and best_hits >= margin * runner_up else None


def _counts(folded: str) -> list[tuple[int, str]]:
    """Stopword hits per bundled language in the first 20,000 characters, most first."""
    words = Counter(_WORDS.findall(folded[:SAMPLE_CHARS]))
    return sorted(
        ((sum(words[w] for w in stopwords), language) for language, stopwords in _stopwords()),
        reverse=True,
    )


# Characters of a document looked at by the guesses.
SAMPLE_CHARS = 20_000
# A language with at least this share of the best language's stopword hits is applied too:
# close languages (es/pt/it) share stopwords, and a page may mix two languages.
RELATED_SHARE = 0.5
# Applied to every document: English boilerplate ("Share", "Newsletter", "Cookie settings")
# is common on sites in every language.
LINGUA_FRANCA = "en"


def pack_selection(folded: str, *, min_hits: int = 5) -> tuple[str, ...] | None:
    """The phrase packs to apply to a document (``Config.languages`` left to None), or None for all.

    The languages with at least ``RELATED_SHARE`` of the most frequent language's stopword
    hits (and at least ``min_hits``), plus English. None (every pack) when the text has fewer
    than ``min_hits`` stopwords of any language: a short text tells nothing, so nothing is
    ruled out.

    >>> pack_selection("der Hund und die Katze sind in dem Haus mit der Frau")
    ('de', 'en')
    >>> pack_selection("Jetzt spenden") is None
    True
    """
    counts = _counts(folded)
    if not counts or counts[0][0] < min_hits:
        return None
    floor = max(min_hits, RELATED_SHARE * counts[0][0])
    chosen = {language for hits, language in counts if hits >= floor}
    chosen.add(LINGUA_FRANCA)
    return tuple(sorted(chosen))
