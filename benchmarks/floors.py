"""The quality floors: measuring the figures the gate checks, and comparing them with the floors.

``tests/quality_floors.json`` holds, per benchmark, the sha256 of the data (sorted file names and
bytes of the ground truth and HTML files) and the floors: ScrapingHub F1, precision and recall;
WCXB overall F1 and F1 per page type. ``benchmarks/update_floors.py`` writes it;
``tests/test_quality_gate.py`` checks it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks import metrics, runner
from benchmarks.runner import SCRAPINGHUB, WCXB

FLOORS_PATH = metrics.REPO_ROOT / "tests" / "quality_floors.json"
MARGIN = 0.002


def data_hash(benchmark: str, folder: Path) -> str:
    """The pinned hash of one benchmark's data."""
    return metrics.scrapinghub_hash(folder) if benchmark == SCRAPINGHUB else metrics.wcxb_hash(folder)


def measure(benchmark: str, folder: Path, system: str = "cleantext", jobs: int = 2) -> dict[str, Any]:
    """The gate's figures for one system: ``{"f1", "precision", "recall"}`` (+ ``"types"`` for WCXB)."""
    records = list(runner.run(benchmark, folder, [system], jobs=jobs))
    errors = [f"{r.page_id}: {r.errors[system]}" for r in records if system in r.errors]
    if errors:
        raise RuntimeError(f"{system} failed on {len(errors)} {benchmark} pages, e.g. {errors[:3]}")
    scores = runner.aggregate(benchmark, records, system)
    overall = scores.pop("overall")
    out: dict[str, Any] = {"f1": overall.f1, "precision": overall.precision, "recall": overall.recall}
    if benchmark == WCXB:
        out["types"] = {t: s.f1 for t, s in scores.items()}
    out["pages"] = len(records)
    return out


def flatten(figures: dict[str, Any]) -> dict[str, float]:
    """``{"f1": .., "types": {"article": ..}}`` -> ``{"f1": .., "article f1": ..}`` (floors only)."""
    flat = {k: float(v) for k, v in figures.items() if k in ("f1", "precision", "recall")}
    flat.update({f"{t} f1": float(v) for t, v in figures.get("types", {}).items()})
    return flat


def shortfalls(measured: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Every floor the measured figures fall below, as readable lines (empty when all pass)."""
    got, want = flatten(measured), flatten(floors)
    return [
        f"{name}: {got.get(name, float('nan')):.4f} < floor {floor:.4f}"
        for name, floor in sorted(want.items())
        if not got.get(name, float("-inf")) >= floor
    ]


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def floors_from(measured: dict[str, Any], margin: float = MARGIN) -> dict[str, Any]:
    """Floors = measured - margin, rounded down to 4 decimals (so a rerun passes)."""

    def down(x: float) -> float:
        return int((x - margin) * 10_000) / 10_000

    out: dict[str, Any] = {k: down(v) for k, v in measured.items() if k in ("f1", "precision", "recall")}
    if "types" in measured:
        out.pop("precision", None)
        out.pop("recall", None)
        out["types"] = {t: down(v) for t, v in measured["types"].items()}
    return out
