"""A cheap language guess from the packs' stopword lists: which packs a document gets, and its
``metadata.language`` when the page declares none."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from cleantext.rules.base import letter_runs
from cleantext.rules.packs import bundled_packs


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
    return stopword_hits(folded).guess(min_hits=min_hits, margin=margin)


@dataclass(frozen=True, slots=True)
class StopwordHits:
    """Stopword hits per bundled language in a text's first ``SAMPLE_CHARS`` characters.

    Counted once per document, then read by both the pack choice and the metadata guess.
    """

    counts: tuple[tuple[int, str], ...]  # (hits, language), most hits first

    def guess(self, *, min_hits: int = 5, margin: float = 1.5) -> str | None:
        """See :func:`guess_language`."""
        if not self.counts:
            return None
        best_hits, best = self.counts[0]
        runner_up = self.counts[1][0] if len(self.counts) > 1 else 0
        return best if best_hits >= min_hits and best_hits >= margin * runner_up else None

    def packs(self, *, min_hits: int = 5) -> tuple[str, ...] | None:
        """See :func:`pack_selection`."""
        if not self.counts or self.counts[0][0] < min_hits:
            return None
        floor = max(min_hits, RELATED_SHARE * self.counts[0][0])
        chosen = {language for hits, language in self.counts if hits >= floor}
        chosen.add(LINGUA_FRANCA)
        return tuple(sorted(chosen))


def stopword_hits(folded: str) -> StopwordHits:
    """Count each bundled language's stopwords in the first ``SAMPLE_CHARS`` of ``folded``."""
    return count_stopword_runs(letter_runs(folded[:SAMPLE_CHARS]))


@cache
def _owners() -> Mapping[str, str]:
    """The language of each stopword (each belongs to one language only; read-only)."""
    return MappingProxyType({w: language for language, words in _stopwords() for w in words})


@cache
def _stopword_set() -> frozenset[str]:
    """Every language's own stopwords together (read-only package data, built once)."""
    return frozenset(_owners())


def count_stopword_runs(words: Iterable[str]) -> StopwordHits:
    """Each bundled language's stopword hits among ``words`` (runs of letters, repeats
    counted): :func:`count_stopwords` of the stopwords among them (counting only those costs
    a fifth less than counting every word)."""
    return count_stopwords(Counter(filter(_stopword_set().__contains__, words)))


def count_stopwords(words: Mapping[str, int]) -> StopwordHits:
    """Each bundled language's stopword hits among ``words`` (word -> occurrences)."""
    owners = _owners()
    hits = dict.fromkeys((language for language, _ in _stopwords()), 0)
    for w in owners.keys() & words.keys():
        hits[owners[w]] += words[w]
    return StopwordHits(tuple(sorted(((n, language) for language, n in hits.items()), reverse=True)))


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
    return stopword_hits(folded).packs(min_hits=min_hits)
