"""The records of a batch run: :class:`BatchItem` in, :class:`BatchResult` out.

Every input item yields exactly one :class:`BatchResult`, in input order. A result either holds
the core :class:`~cleantext.Result` (``outcome`` is :attr:`Outcome.OK`) or says why there is
none (``error`` is ``"KIND: detail"`` with ``KIND`` the :class:`Outcome` value).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cleantext.model import Result, StrEnum

ItemId = str | int


class Outcome(StrEnum):
    """How a document's cleaning ended.

    ``OK``: a :class:`~cleantext.Result` (possibly with no paragraph: an empty page is not an
    error). ``INPUT``: the record had no usable source (null, not a string, unreadable line).
    ``ERROR``: cleaning raised an exception. ``TIMEOUT``: the document took longer than the
    timeout and its worker process was killed. ``CRASH``: the worker process died while
    cleaning it (segfault, out of memory).

    >>> Outcome("timeout") is Outcome.TIMEOUT
    True
    """

    OK = "ok"
    INPUT = "input"
    ERROR = "error"
    TIMEOUT = "timeout"
    CRASH = "crash"



@dataclass(frozen=True, slots=True)
class BatchItem:
    """One document to clean.

    Attributes:
        source: HTML (str or bytes) or scraped text (str); ``None`` when the record had none.
        id: the caller's id; ``None`` means "use the record number" (0-based position).
        url: the page's URL (metadata, and the host for site boilerplate).
        charset: the HTTP ``Content-Type`` charset, for bytes (e.g. from a WARC record).
        error: set by a reader when the record could not be read; the item is then not
            cleaned and its result carries this message with outcome ``input``.

    >>> BatchItem("<p>Hi</p>", id="doc-1", url="https://example.com/a").id
    'doc-1'
    """

    source: str | bytes | None
    id: ItemId | None = None
    url: str | None = None
    charset: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome of one document, in input order.

    Attributes:
        index: the item's position in the input (0-based).
        id: the item's id, or ``index`` when it had none.
        url: the item's URL.
        result: the core result; ``None`` unless ``outcome`` is ``OK``.
        outcome: see :class:`Outcome`.
        error: ``None`` when ``outcome`` is ``OK``, else ``"KIND: detail"``.
        seconds: wall time spent cleaning (0.0 when nothing ran).

    >>> r = BatchResult(index=0, id=0, url=None, result=None, outcome=Outcome.INPUT,
    ...                 error="input: source is null")
    >>> r.ok, r.to_record()["paragraphs"], r.to_record()["error"]
    (False, [], 'input: source is null')
    """

    index: int
    id: ItemId
    url: str | None
    result: Result | None
    outcome: Outcome = Outcome.OK
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the document was cleaned (its result may still have no paragraph)."""
        return self.outcome is Outcome.OK

    def to_record(self) -> dict[str, Any]:
        """The output record: id, url, paragraphs, text, metadata, dropped, error.

        ``metadata`` is ``None`` and ``paragraphs`` empty when there is no result.
        """
        r = self.result
        return {
            "id": self.id,
            "url": self.url,
            "paragraphs": list(r.paragraphs) if r else [],
            "text": r.text if r else "",
            "metadata": r.metadata.to_dict() if r else None,
            "dropped": r.drop_counts() if r else {},
            "error": self.error,
        }


def error_message(outcome: Outcome, detail: str) -> str:
    """The ``error`` text of a result: ``"KIND: detail"``.

    >>> error_message(Outcome.TIMEOUT, "no result after 5 s")
    'timeout: no result after 5 s'
    """
    return f"{outcome.value}: {detail}"


def outcome_of(error: str | None) -> Outcome:
    """The :class:`Outcome` an ``error`` text stands for (``OK`` for ``None``).

    >>> outcome_of("crash: worker died"), outcome_of(None), outcome_of("odd")
    (<Outcome.CRASH: 'crash'>, <Outcome.OK: 'ok'>, <Outcome.ERROR: 'error'>)
    """
    if error is None:
        return Outcome.OK
    try:
        return Outcome(error.split(":", 1)[0])
    except ValueError:
        return Outcome.ERROR


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _id(value: object) -> ItemId | None:
    if value is None or (isinstance(value, (str, int)) and not isinstance(value, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def as_item(value: object) -> BatchItem:
    """Turn what :func:`~cleantext.batch.clean_many` accepts into a :class:`BatchItem`.

    Accepted: a :class:`BatchItem`; a str or bytes (the source); a tuple ``(id, source)`` or
    ``(id, source, url)``; a mapping with ``source`` and optional ``id``, ``url``, ``charset``.
    Anything else becomes an item with an ``input`` error (never an exception).

    >>> as_item(("a", "<p>x</p>", "https://e.com/")).url
    'https://e.com/'
    >>> as_item({"id": 7, "source": None}).error
    'input: source is null'
    >>> as_item(3.5).error
    'input: expected str or bytes, got float'
    """
    if isinstance(value, BatchItem):
        item = value
    elif value is None or isinstance(value, (str, bytes)):
        item = BatchItem(value)
    elif isinstance(value, tuple) and len(value) in (2, 3):
        url = value[2] if len(value) == 3 else None
        item = BatchItem(value[1], _id(value[0]), url if isinstance(url, str) else None)
    elif isinstance(value, Mapping):
        url, charset = value.get("url"), value.get("charset")
        item = BatchItem(
            value.get("source"), _id(value.get("id")),
            url if isinstance(url, str) else None, charset if isinstance(charset, str) else None,
        )
    else:
        detail = f"expected str or bytes, got {_type_name(value)}"
        return BatchItem(None, error=error_message(Outcome.INPUT, detail))
    return _checked(item)


def _checked(item: BatchItem) -> BatchItem:
    if item.error is not None or isinstance(item.source, (str, bytes)):
        return item
    if item.source is None:
        detail = "source is null"
    else:
        detail = f"source is {_type_name(item.source)}, not str or bytes"
    return BatchItem(None, item.id, item.url, item.charset, error_message(Outcome.INPUT, detail))
