"""cleantext: a web page or scraped text in, the article's paragraphs out, every drop explained.

>>> import cleantext
>>> cleantext.clean("Comments\\nThe council met on Monday to approve the plan.")
['The council met on Monday to approve the plan.']
"""

from cleantext.api import clean, clean_and_explain, detect_kind, prepare
from cleantext.config import Config, Limits
from cleantext.model import Category, Decision, Extractor, InputKind, Metadata, Paragraph, Result, Stage
from cleantext.rules.base import Anchor, Rule
from cleantext.rules.catalog import default_rules

__version__ = "0.1.0"



def __getattr__(name: str) -> object:
    # clean_many lives in cleantext.batch (worker processes, readers and writers): imported on
    # first use, so that `import cleantext` stays as light as the core.
    if name == "clean_many":
        from cleantext.batch import clean_many

        return clean_many
    raise AttributeError(f"module 'cleantext' has no attribute {name!r}")


__all__ = [
    "Anchor",
    "Category",
    "Config",
    "Decision",
    "Extractor",
    "InputKind",
    "Limits",
    "Metadata",
    "Paragraph",
    "Result",
    "Rule",
    "Stage",
    "__version__",
    "clean",
    "clean_and_explain",
    "clean_many",
    "default_rules",
    "detect_kind",
    "prepare",
]
