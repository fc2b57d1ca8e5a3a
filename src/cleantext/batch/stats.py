"""What a batch run did: documents, errors, paragraphs kept and dropped, throughput.

:class:`DocStats` is what one document contributes (it is also stored with each record of a
partial output, so a resumed run reports the whole corpus); :class:`BatchStats` adds them up
and renders the final summary and the ``--stats`` JSON (the keys :func:`cleantext.report.
render_batch` reads: ``documents``, ``errors``, ``timeouts``, ``kept_paragraphs``,
``kept_chars``, ``dropped``, ``dropped_chars``, ``rules``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cleantext.batch.types import BatchResult, ItemId, Outcome

ERROR_SAMPLES = 20
"""Errors kept (id and message) for the summary; the rest are only counted."""


@dataclass(frozen=True, slots=True)
class DocStats:
    """One document's contribution to the run's figures.

    >>> DocStats.from_dict(DocStats(Outcome.OK, 2, 40, {"ad": 1}).to_dict()).kept_paragraphs
    2
    """

    outcome: Outcome
    kept_paragraphs: int = 0
    kept_chars: int = 0
    dropped: Mapping[str, int] = field(default_factory=dict)
    dropped_chars: Mapping[str, int] = field(default_factory=dict)
    rules: Mapping[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @classmethod
    def of(cls, result: BatchResult) -> DocStats:
        """The figures of one :class:`BatchResult`."""
        r = result.result
        if r is None:
            return cls(result.outcome, seconds=result.seconds)
        dropped: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        rules: Counter[str] = Counter()
        for d in r.decisions:
            if not d.kept and d.category is not None:
                dropped[d.category.value] += 1
                chars[d.category.value] += len(d.text)
                rules[d.rule or "?"] += 1
        return cls(result.outcome, len(r.paragraphs), sum(map(len, r.paragraphs)),
                   dict(dropped), dict(chars), dict(rules), result.seconds)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (stored with each record of a partial output)."""
        return {
            "outcome": self.outcome.value, "kept_paragraphs": self.kept_paragraphs,
            "kept_chars": self.kept_chars, "dropped": dict(self.dropped),
            "dropped_chars": dict(self.dropped_chars), "rules": dict(self.rules),
            "seconds": round(self.seconds, 4),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocStats:
        """The inverse of :meth:`to_dict`."""
        return cls(
            Outcome(data.get("outcome", "ok")), int(data.get("kept_paragraphs", 0)),
            int(data.get("kept_chars", 0)), dict(data.get("dropped", {})),
            dict(data.get("dropped_chars", {})), dict(data.get("rules", {})),
            float(data.get("seconds", 0.0)),
        )


@dataclass
class BatchStats:
    """The running totals of a batch run.

    >>> s = BatchStats()
    >>> s.add(DocStats(Outcome.OK, 3, 300, {"ad": 2}, {"ad": 20}, {"ad.label": 2}), 0, None)
    >>> s.add(DocStats(Outcome.TIMEOUT), 1, "timeout: no result after 5 s")
    >>> d = s.to_dict()
    >>> d["documents"], d["errors"], d["timeouts"], d["dropped"]
    (2, 1, 1, {'ad': 2})
    """

    documents: int = 0
    resumed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    empty: int = 0
    kept_paragraphs: int = 0
    kept_chars: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    dropped_chars: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    cleaning_seconds: float = 0.0
    seconds: float = 0.0
    error_samples: list[dict[str, Any]] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    def add(self, doc: DocStats, item_id: ItemId, error: str | None, *, resumed: bool = False) -> None:
        """Count one document (``resumed``: taken from a previous run's partial output)."""
        self.documents += 1
        self.resumed += resumed
        self.outcomes[doc.outcome.value] += 1
        self.empty += doc.outcome is Outcome.OK and doc.kept_paragraphs == 0
        self.kept_paragraphs += doc.kept_paragraphs
        self.kept_chars += doc.kept_chars
        self.dropped.update(doc.dropped)
        self.dropped_chars.update(doc.dropped_chars)
        self.rules.update(doc.rules)
        if not resumed:
            self.cleaning_seconds += doc.seconds
        if error is not None and len(self.error_samples) < ERROR_SAMPLES:
            self.error_samples.append({"id": item_id, "error": error})

    def drop_more(self, category: str, rule: str, texts: Iterable[str], *, emptied: bool) -> None:
        """Move kept paragraphs to dropped (site boilerplate, decided after cleaning)."""
        for text in texts:
            self.kept_paragraphs -= 1
            self.kept_chars -= len(text)
            self.dropped[category] += 1
            self.dropped_chars[category] += len(text)
            self.rules[rule] += 1
        self.empty += emptied

    @property
    def errors(self) -> int:
        """Documents that have no result (any outcome but ``ok``)."""
        return self.documents - self.outcomes[Outcome.OK.value]

    @property
    def cleaned(self) -> int:
        """Documents cleaned by this run (not taken from a partial output)."""
        return self.documents - self.resumed

    def to_dict(self) -> dict[str, Any]:
        """The ``--stats`` JSON."""
        rate = self.cleaned / self.seconds if self.seconds > 0 else 0.0
        out: dict[str, Any] = {
            "documents": self.documents, "errors": self.errors,
            "timeouts": self.outcomes[Outcome.TIMEOUT.value], "crashes": self.outcomes[Outcome.CRASH.value],
            "input_errors": self.outcomes[Outcome.INPUT.value],
            "exceptions": self.outcomes[Outcome.ERROR.value], "empty_documents": self.empty,
            "kept_paragraphs": self.kept_paragraphs, "kept_chars": self.kept_chars,
            "dropped_paragraphs": sum(self.dropped.values()),
            "dropped": _sorted(self.dropped), "dropped_chars": _sorted(self.dropped_chars),
            "rules": _sorted(self.rules), "resumed": self.resumed, "cleaned": self.cleaned,
            "seconds": round(self.seconds, 3), "docs_per_second": round(rate, 2),
            "cleaning_seconds": round(self.cleaning_seconds, 3),
        }
        out.update(self.info)
        out["error_samples"] = list(self.error_samples)
        return out

    def summary(self) -> str:
        """The human summary printed to stderr at the end of a run."""
        d = self.to_dict()
        lines = [
            f"cleantext batch: {d['documents']:,} documents ({d['cleaned']:,} cleaned, {d['resumed']:,} "
            f"resumed) in {d['seconds']:.1f} s: {d['docs_per_second']:.1f} docs/s",
            f"  errors: {d['errors']:,} (timeouts {d['timeouts']:,}, crashes {d['crashes']:,}, "
            f"input {d['input_errors']:,}, exceptions {d['exceptions']:,}); "
            f"documents with no paragraph kept: {d['empty_documents']:,}",
            f"  paragraphs kept: {d['kept_paragraphs']:,} ({d['kept_chars']:,} chars); "
            f"dropped: {d['dropped_paragraphs']:,}",
        ]
        for category, n in sorted(self.dropped.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"    {category:<12} {n:>10,}  ({self.dropped_chars[category]:,} chars)")
        return "\n".join(lines) + "\n"


def _sorted(counts: Mapping[str, int]) -> dict[str, int]:
    return {k: v for k, v in sorted(counts.items()) if v}
