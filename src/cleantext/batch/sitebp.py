"""Site boilerplate learned from the corpus: paragraphs that repeat across a host's documents.

Rules know boilerplate by its wording; a site's own footer or appeal, in a wording or a language
no rule pack knows, is known by repetition instead. :class:`SiteBoilerplate` first *observes*
the kept paragraphs of every document, grouped by host, then *applies*: a kept paragraph is
dropped with category ``site_repeat`` (rule ``site.repeat``) when, for its host,

* the host has at least ``min_host_documents`` documents (default 3), and
* the paragraph appears in at least ``min_documents`` of them (default 3: a quote shared by
  two articles is kept), and
* in at least ``min_share`` of them (default 0.3, i.e. 30 %).

Paragraphs are compared after folding (case, look-alike letters, quotes, spaces) with digit runs
unified (``© 2023`` and ``© 2024`` match). Only 8-byte hashes of (host, paragraph) are kept,
never texts: about 100 bytes of memory per distinct pair. When ``max_entries`` pairs are held,
pairs seen in a single document so far are forgotten (each time this happens ``evictions``
grows); a paragraph repeated later may then be under-counted, never over-counted.

>>> site = SiteBoilerplate()
>>> pages = [[f"Story {c} is about this.", "Tilaa uutiskirjeemme tänään!"] for c in "abcd"]
>>> for p in pages:
...     site.observe("https://www.example.fi/a", p)
>>> site.flags("https://example.fi/b", pages[0])
[0, 4]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import regex

from cleantext.config import DEFAULT_CONFIG, Config
from cleantext.fold import fold
from cleantext.model import Category, Decision, Result, Stage

RULE_ID = "site.repeat"
_DIGITS = regex.compile(r"\d++")


@dataclass(frozen=True, slots=True)
class SiteThresholds:
    """When a repeated paragraph counts as site boilerplate (see the module docs).

    >>> SiteThresholds().min_documents, SiteThresholds().min_share
    (3, 0.3)
    """

    min_documents: int = 3
    min_share: float = 0.3
    min_host_documents: int = 3
    max_entries: int = 5_000_000

    def __post_init__(self) -> None:
        if self.min_documents < 2 or self.min_host_documents < 2:
            raise ValueError("site boilerplate needs min_documents and min_host_documents >= 2")
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError(f"min_share must be in (0, 1], not {self.min_share}")
        if self.max_entries < 1:
            raise ValueError("max_entries must be >= 1")

    def repeated(self, count: int, host_documents: int) -> bool:
        """Whether a paragraph in ``count`` of the host's ``host_documents`` is boilerplate."""
        return (
            host_documents >= self.min_host_documents
            and count >= self.min_documents
            and count >= self.min_share * host_documents
        )


def host_of(url: str | None) -> str | None:
    """The host a URL belongs to, lower-case, without port and ``www.`` (None if there is none).

    >>> host_of("https://WWW.Example.com:8080/a?b"), host_of("not a url"), host_of(None)
    ('example.com', None, None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _hash(*parts: str) -> int:
    data = "\0".join(parts).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def paragraph_key(host: str, text: str) -> int:
    """The 8-byte hash of a paragraph on a host (folded, digit runs unified).

    >>> paragraph_key("e.com", "© 2023  Acme") == paragraph_key("e.com", "© 2024 ACME")
    True
    """
    return _hash(host, _DIGITS.sub("0", fold(text)))


def record_url(record: Mapping[str, Any]) -> str | None:
    """The URL of an output record: its ``url``, else the page's own (``metadata.url``).

    >>> record_url({"url": None, "metadata": {"url": "https://e.com/a"}})
    'https://e.com/a'
    """
    url = record.get("url")
    if not isinstance(url, str) or not url:
        meta = record.get("metadata")
        url = meta.get("url") if isinstance(meta, Mapping) else None
    return url if isinstance(url, str) and url else None


class SiteBoilerplate:
    """Counts paragraphs per host over a corpus, then flags the repeated ones.

    Call :meth:`observe` for every document first (its URL and kept paragraphs), then
    :meth:`apply` (a :class:`~cleantext.Result`) or :meth:`flags` (a list of paragraphs).
    """

    def __init__(self, thresholds: SiteThresholds | None = None) -> None:
        self.thresholds = thresholds or SiteThresholds()
        self._documents: dict[int, int] = {}
        self._counts: dict[int, int] = {}
        self.evictions = 0

    @property
    def hosts(self) -> int:
        """Hosts observed."""
        return len(self._documents)

    @property
    def entries(self) -> int:
        """Distinct (host, paragraph) hashes held."""
        return len(self._counts)

    def observe(self, url: str | None, paragraphs: Iterable[str]) -> None:
        """Count one document's kept paragraphs (each distinct paragraph once)."""
        host = host_of(url)
        if host is None:
            return
        key = _hash(host)
        self._documents[key] = self._documents.get(key, 0) + 1
        for pkey in {paragraph_key(host, p) for p in paragraphs}:
            self._counts[pkey] = self._counts.get(pkey, 0) + 1
        if len(self._counts) > self.thresholds.max_entries:
            self._evict()

    def _evict(self) -> None:
        floor = 1
        while len(self._counts) > self.thresholds.max_entries // 2:
            self._counts = {k: n for k, n in self._counts.items() if n > floor}
            floor += 1
        self.evictions += 1

    def flags(self, url: str | None, paragraphs: Sequence[str]) -> list[int]:
        """Per paragraph: 0 if it stays, else the number of the host's documents it appears in."""
        host = host_of(url)
        if host is None:
            return [0] * len(paragraphs)
        documents = self._documents.get(_hash(host), 0)
        out = []
        for text in paragraphs:
            count = self._counts.get(paragraph_key(host, text), 0)
            out.append(count if self.thresholds.repeated(count, documents) else 0)
        return out

    def host_documents(self, url: str | None) -> int:
        """Documents observed for the URL's host."""
        host = host_of(url)
        return self._documents.get(_hash(host), 0) if host else 0

    def apply(self, url: str | None, result: Result, config: Config = DEFAULT_CONFIG) -> Result:
        """``result`` with its repeated kept paragraphs dropped as ``site_repeat``.

        The config's ``drop``, ``disabled_categories`` and ``disabled_rules`` are honoured as for
        any rule (a paragraph matched but not dropped keeps ``kept=True``).
        """
        if not config.rule_enabled(RULE_ID, Category.SITE_REPEAT):
            return result
        url = url or result.metadata.url
        kept = [d for d in result.decisions if d.kept]
        flags = iter(self.flags(url, [d.text for d in kept]))
        documents, host = self.host_documents(url), host_of(url)
        decisions = []
        for d in result.decisions:
            count = next(flags) if d.kept else 0
            if count:
                d = Decision(d.text, not config.drops(Category.SITE_REPEAT), Category.SITE_REPEAT, RULE_ID,
                             f"in {count} of {documents} documents of {host}", Stage.DUPLICATE)
            decisions.append(d)
        return Result([d.text for d in decisions if d.kept], decisions, result.metadata)

    def apply_record(self, record: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """An output record with its repeated paragraphs removed, and the removed texts.

        ``paragraphs``, ``text`` and ``dropped`` (``site_repeat`` count) are updated. The host
        comes from ``url``, else from ``metadata.url``.
        """
        out = dict(record)
        paragraphs = [p for p in record.get("paragraphs") or [] if isinstance(p, str)]
        flags = self.flags(record_url(record), paragraphs)
        removed = [p for p, f in zip(paragraphs, flags, strict=True) if f]
        if removed:
            out["paragraphs"] = [p for p, f in zip(paragraphs, flags, strict=True) if not f]
            out["text"] = "\n\n".join(out["paragraphs"])
            dropped = dict(record.get("dropped") or {})
            dropped[Category.SITE_REPEAT.value] = dropped.get(Category.SITE_REPEAT.value, 0) + len(removed)
            out["dropped"] = dict(sorted(dropped.items()))
        return out, removed
