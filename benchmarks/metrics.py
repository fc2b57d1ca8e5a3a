"""The two benchmark metrics, exactly as their published tables compute them.

ScrapingHub (``fixtures/scrapinghub/README.md``; the article-extraction-benchmark ``evaluate.py``):
tokens are ``\\w+`` matches (Unicode, case kept), each text is a multiset of 4-token shingles (a
text with fewer than 4 tokens is one shingle; an empty text has none), per document tp/fp/fn are
counted over shingles and normalised to sum 1. Precision is the mean over documents of
tp/(tp+fp), recall the mean of tp/(tp+fn), each skipping documents whose denominator is 0; F1 is
the harmonic mean of the two means (not a mean of per-document F1).

WCXB (``wcxb-dev/README.md``): per page, lowercase ``\\w+`` tokens, bag-of-tokens precision,
recall and F1 (empty reference and empty prediction: 1; empty prediction: 0; empty reference with
a prediction: 0). Reported P, R and F1 are means over pages, overall and per page type.

Also the benchmark data loaders (shared by the scripts and the quality gate) and the data hash.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRAPINGHUB_DIR = REPO_ROOT / "fixtures" / "scrapinghub"
DEFAULT_WCXB_DIR = REPO_ROOT.parent / "shared" / "data" / "wcxb-dev"

# The evaluate script's pattern (IGNORECASE and the other flags change nothing for \w+).
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SHINGLE_N = 4

# --------------------------------------------------------------------------------------------
# Tokens and shingles


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` tokens, case kept (the ScrapingHub convention)."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; fewer than n tokens make one shingle, no tokens none."""
    tokens = tokenize(text)
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i : i + n])
        if shingle:
            out[shingle] += 1
    return out


def wcxb_tokens(text: str | None) -> list[str]:
    """Lowercase ``\\w+`` tokens (the WCXB convention)."""
    return _TOKEN_RE.findall((text or "").lower())


# --------------------------------------------------------------------------------------------
# ScrapingHub


@dataclass(frozen=True, slots=True)
class Score:
    """Mean F1, precision and recall over a set of documents."""

    f1: float
    precision: float
    recall: float
    n: int

    def as_dict(self) -> dict[str, float]:
        return {"f1": self.f1, "precision": self.precision, "recall": self.recall, "n": self.n}


def shingle_counts(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """Per-document (tp, fp, fn) over shingles, normalised to sum 1 (all 0 when both are empty)."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def scrapinghub_score(counts: Iterable[tuple[float, float, float]]) -> Score:
    """Aggregate per-document (tp, fp, fn) the way the published tables do."""
    rows = list(counts)
    precisions = [_precision(*c) for c in rows if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in rows if c[0] + c[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return Score(_harmonic(p, r), p, r, len(rows))


def scrapinghub_accuracy(pairs: Iterable[tuple[str, str]]) -> float:
    """Share of documents whose token lists match exactly (the table's accuracy column)."""
    hits = [tokenize(t) == tokenize(p) for t, p in pairs]
    return sum(hits) / len(hits) if hits else 0.0


# --------------------------------------------------------------------------------------------
# WCXB


def wcxb_page(reference: str | None, prediction: str | None) -> tuple[float, float, float]:
    """Per-page bag-of-tokens (precision, recall, F1)."""
    ref, pred = Counter(wcxb_tokens(reference)), Counter(wcxb_tokens(prediction))
    n_ref, n_pred = sum(ref.values()), sum(pred.values())
    if n_ref == 0 and n_pred == 0:
        return 1.0, 1.0, 1.0
    if n_pred == 0 or n_ref == 0:
        return 0.0, 0.0, 0.0
    overlap = sum((ref & pred).values())
    p, r = overlap / n_pred, overlap / n_ref
    return p, r, _harmonic(p, r)


def wcxb_mean(rows: Sequence[tuple[float, float, float]]) -> Score:
    """Means of per-page (P, R, F1) rows."""
    if not rows:
        return Score(0.0, 0.0, 0.0, 0)
    return Score(
        statistics.mean(r[2] for r in rows),
        statistics.mean(r[0] for r in rows),
        statistics.mean(r[1] for r in rows),
        len(rows),
    )


def wcxb_score(
    rows: Iterable[tuple[str, tuple[float, float, float]]],
) -> dict[str, Score]:
    """Overall (key ``"overall"``) and per-page-type means from (page_type, (P, R, F1)) rows."""
    by_type: dict[str, list[tuple[float, float, float]]] = {}
    everything: list[tuple[float, float, float]] = []
    for page_type, prf in rows:
        by_type.setdefault(page_type, []).append(prf)
        everything.append(prf)
    out = {"overall": wcxb_mean(everything)}
    for page_type in sorted(by_type, key=lambda t: (-len(by_type[t]), t)):
        out[page_type] = wcxb_mean(by_type[page_type])
    return out


# --------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its id, URL, HTML, reference text and page type."""

    id: str
    url: str | None
    html: str
    reference: str
    page_type: str = "article"


def _read_html(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def load_scrapinghub(folder: Path = SCRAPINGHUB_DIR) -> list[Page]:
    """The 181 ScrapingHub pages, sorted by id."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [load_scrapinghub_page(folder, page_id, truth) for page_id in sorted(truth)]


def load_scrapinghub_page(folder: Path, page_id: str, truth: dict[str, Any] | None = None) -> Page:
    """One ScrapingHub page (``truth``: the parsed ground-truth.json, read when not given)."""
    if truth is None:
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    item = truth[page_id]
    html = _read_html(folder / "html" / f"{page_id}.html.gz")
    return Page(page_id, item.get("url"), html, item.get("articleBody") or "")


def wcxb_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The WCXB folder: the explicit path, else env ``CLEANTEXT_WCXB``, else the shared default."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("CLEANTEXT_WCXB")
    return Path(env) if env else DEFAULT_WCXB_DIR


def wcxb_page_type(truth: dict[str, Any]) -> str:
    """``_internal.page_type.primary``, with ``category`` reported as ``collection``."""
    page_type = str(((truth.get("_internal") or {}).get("page_type") or {}).get("primary") or "unknown")
    return "collection" if page_type == "category" else page_type


def load_wcxb_page(folder: Path, page_id: str) -> Page:
    """One WCXB page (a page without ``main_content`` has an empty reference)."""
    truth = json.loads((folder / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
    reference = (truth.get("ground_truth") or {}).get("main_content") or ""
    html = _read_html(folder / "html" / f"{page_id}.html.gz")
    return Page(page_id, truth.get("url"), html, reference, wcxb_page_type(truth))


def wcxb_ids(folder: Path) -> list[str]:
    """The WCXB page ids, sorted."""
    return sorted(p.stem for p in (folder / "ground-truth").glob("*.json"))


def iter_wcxb(folder: Path) -> Iterator[Page]:
    """The WCXB pages, sorted by id, one at a time (all of them hold about 400 MB of HTML)."""
    for page_id in wcxb_ids(folder):
        yield load_wcxb_page(folder, page_id)


def data_hash(files: Iterable[Path], root: Path) -> str:
    """sha256 over the sorted relative file names and the bytes of each file."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def scrapinghub_hash(folder: Path = SCRAPINGHUB_DIR) -> str:
    """Hash of ``ground-truth.json`` and ``html/*.html.gz``."""
    return data_hash([folder / "ground-truth.json", *(folder / "html").glob("*.html.gz")], folder)


def wcxb_hash(folder: Path) -> str:
    """Hash of ``ground-truth/*.json`` and ``html/*.html.gz``."""
    files = [*(folder / "ground-truth").glob("*.json"), *(folder / "html").glob("*.html.gz")]
    return data_hash(files, folder)
