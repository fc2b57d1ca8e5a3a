"""cleantext on Dask bags and dataframes, partition by partition (extra ``dask``).

:func:`clean_bag` turns a bag of sources (str/bytes, or dicts with a source field) into a bag of
output records, the same records as ``cleantext batch`` writes; :func:`clean_dataframe` adds
columns with the cleaned text, paragraphs, page metadata, drop counts and error. Both are lazy:
call ``.compute()`` or write the result out.

Each partition is cleaned inside the Dask worker that holds it (``timeout=None``, the default),
or in a child process per partition with a per-document timeout (``timeout=SECONDS``). Dask's
worker processes are daemonic by default and may not start children: set
``dask.config.set({"distributed.worker.daemon": False})`` before creating the cluster to use a
timeout.

>>> import dask.bag as db
>>> bag = db.from_sequence(["<p>The council met on Monday to approve the plan for the new bridge.</p>"])
>>> [r["paragraphs"] for r in clean_bag(bag).compute(scheduler="sync")]
[['The council met on Monday to approve the plan for the new bridge.']]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cleantext.batch.io import Fields, item_from_record, require
from cleantext.batch.runner import clean_many
from cleantext.batch.types import BatchItem, as_item
from cleantext.config import Config

require("dask.bag", "dask")  # fail here, with the extra to install, rather than in a worker
_pd = require("pandas", "dask")

COLUMNS = ("paragraphs", "text", "metadata", "dropped", "error")
"""The columns :func:`clean_dataframe` adds (after its ``prefix``)."""


def _records(items: list[BatchItem], config: Config | None, timeout: float | None) -> list[dict[str, Any]]:
    workers = 1 if timeout is not None else 0
    return [r.to_record() for r in clean_many(items, config=config, workers=workers, timeout=timeout)]


def _bag_item(element: object, fields: Fields) -> BatchItem:
    if isinstance(element, Mapping):
        return item_from_record(element, fields, "bag element")
    return as_item(element)


def clean_partition(
    elements: Iterable[object], fields: Fields | None = None, config: Config | None = None,
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """Output records for one partition of a bag (what :func:`clean_bag` maps).

    >>> clean_partition([{"html": None, "id": "a"}])[0]["error"]
    "input: bag element: 'html' is null"
    """
    chosen = fields or Fields()
    return _records([_bag_item(e, chosen) for e in elements], config, timeout)


def clean_bag(
    bag: Any, *, field: str = "html", id_field: str = "id", url_field: str = "url",
    config: Config | None = None, timeout: float | None = None,
) -> Any:
    """A bag of output records (id, url, paragraphs, text, metadata, dropped, error), one per element.

    Elements are str/bytes sources or dicts whose ``field`` holds the source (``id_field`` and
    ``url_field`` are read when present; dotted paths reach into nested dicts). An element with
    no id gets its position within its partition. Order and partitioning are kept.
    """
    fields = Fields(source=field, id=id_field, url=url_field)
    return bag.map_partitions(clean_partition, fields=fields, config=config, timeout=timeout)


def _source(value: object) -> str | bytes | None:
    return value if isinstance(value, (str, bytes)) else None


def clean_frame(
    frame: Any, column: str, url_column: str | None = None, config: Config | None = None,
    timeout: float | None = None, prefix: str = "clean_",
) -> Any:
    """One pandas partition with the cleaned columns added (what :func:`clean_dataframe` maps)."""
    sources = [_source(v) for v in frame[column].tolist()]
    urls = frame[url_column].tolist() if url_column else [None] * len(sources)
    items = [as_item({"source": s, "url": u if isinstance(u, str) else None})
             for s, u in zip(sources, urls, strict=True)]
    records = _records(items, config, timeout)
    columns = {f"{prefix}{name}": _pd.Series([r[name] for r in records], index=frame.index, dtype=object)
               for name in COLUMNS}
    return frame.assign(**columns)


def clean_dataframe(
    df: Any, column: str = "html", *, url_column: str | None = None, config: Config | None = None,
    timeout: float | None = None, prefix: str = "clean_",
) -> Any:
    """``df`` with the columns ``clean_paragraphs``, ``clean_text``, ``clean_metadata``, ``clean_dropped``
    and ``clean_error`` added (``prefix`` changes ``clean_``); rows and index are kept.

    ``column`` holds the HTML or text (str or bytes; a missing value gives an ``input`` error),
    ``url_column`` the page URLs (optional).
    """
    meta = df._meta.assign(**{f"{prefix}{name}": _pd.Series([], dtype=object) for name in COLUMNS})
    return df.map_partitions(clean_frame, column, url_column, config, timeout, prefix, meta=meta)


__all__ = ["COLUMNS", "clean_bag", "clean_dataframe", "clean_frame", "clean_partition"]
