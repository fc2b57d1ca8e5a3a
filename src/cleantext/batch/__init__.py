"""Clean whole corpora: :func:`clean_many` in worker processes, and the ``cleantext batch`` command.

>>> from cleantext.batch import clean_many
>>> [r.result.paragraphs for r in clean_many(
...     ["<p>The council met on Monday to approve the plan for the new bridge.</p>"], workers=0)]
[['The council met on Monday to approve the plan for the new bridge.']]
"""

from cleantext.batch.pool import StartMethod
from cleantext.batch.runner import clean_many, default_workers
from cleantext.batch.types import BatchItem, BatchResult, Outcome
from cleantext.batch.worker import Cleaner, default_cleaner

__all__ = [
    "BatchItem",
    "BatchResult",
    "Cleaner",
    "Outcome",
    "StartMethod",
    "clean_many",
    "default_cleaner",
    "default_workers",
]
