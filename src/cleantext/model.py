"""The records that flow through the pipeline: paragraphs, decisions, metadata and results.

A :class:`Paragraph` is one candidate line of the document with the features the rules need
(jusText style). The engine turns each paragraph into a :class:`Decision`; a :class:`Result`
holds them all, in document order, with the page :class:`Metadata`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any


class StrEnum(str, enum.Enum):
    """An enum whose members are their lowercase string values (``str(member)`` is the value).

    >>> str(Category.CAPTION), Category.CAPTION == "caption"
    ('caption', True)
    """

    def __str__(self) -> str:
        return str(self.value)


class Category(StrEnum):
    """Kind of boilerplate a dropped paragraph belongs to; the value is a stable lowercase name.

    >>> Category("donation") is Category.DONATION
    True
    >>> Category.COMMENT.value
    'comment'
    """

    DONATION = "donation"
    COMMENT = "comment"
    CAPTION = "caption"
    NEWSLETTER = "newsletter"
    PAYWALL = "paywall"
    RELATED = "related"
    SHARE = "share"
    CTA = "cta"
    BYLINE = "byline"
    DATELINE = "dateline"
    HEADLINE = "headline"
    COOKIE = "cookie"
    AD = "ad"
    LEGAL = "legal"
    TAGS = "tags"
    NAV = "nav"
    DUPLICATE = "duplicate"
    SITE_REPEAT = "site_repeat"
    OTHER = "other"


class InputKind(StrEnum):
    """What the source is: detected (``AUTO``) or forced.

    >>> InputKind("html") is InputKind.HTML
    True
    """

    AUTO = "auto"
    HTML = "html"
    TEXT = "text"


class Extractor(StrEnum):
    """How the main content of an HTML page is found before the rules run.

    ``TRAFILATURA`` runs trafilatura in its fast mode (its full cascade on forum threads and when
    fast mode returns almost nothing); ``TRAFILATURA_FULL`` runs trafilatura's full cascade (slower);
    ``NONE`` takes every text block of the page body and leaves all selection to the rules
    (useful when the HTML is already the article, e.g. a CMS export).

    >>> from cleantext import Config
    >>> Config(extractor="none").extractor is Extractor.NONE
    True
    """

    TRAFILATURA = "trafilatura"
    TRAFILATURA_FULL = "trafilatura_full"
    NONE = "none"


class Stage(StrEnum):
    """The engine stage that made a decision (kept on every decision, as jusText does).

    >>> from cleantext import clean_and_explain
    >>> r = clean_and_explain("Storm hits coast\\n\\nThe storm hit the coast.\\nIt rained.")
    >>> [d.stage.value for d in r.decisions]
    ['context', 'keep', 'keep']
    """

    EXTRACT = "extract"
    LINE = "line"
    CONTEXT = "context"
    BLOCK = "block"
    DUPLICATE = "duplicate"
    KEEP = "keep"


@dataclass(frozen=True, slots=True, init=False)
class Paragraph:
    """One candidate paragraph and its features.

    Attributes:
        index: position among the document's candidates, from 0.
        text: the text exactly as it will be returned (never altered by matching).
        folded: the matching copy: case-folded, look-alike letters mapped to Latin, quotes and
            dashes unified, whitespace collapsed.
        tag: ``p``, ``h`` (heading), ``li`` (list item), ``quote``, ``cell``, ``caption``,
            ``pre`` or ``line`` (a line of plain text).
        link_density: share of the characters that sit inside links (0.0 for plain text).
        tokens: class/id/role/itemprop tokens of the paragraph's element and of its ancestors
            that are small boxes (not the article's wrapper), lower-cased; each token also
            gives its ``-``/``_`` parts prefixed with ``~`` ("related-posts" gives
            "related-posts", "~related" and "~posts"). Empty for plain text.
        in_figure: inside ``figure``/``figcaption`` in the original page.
        blank_before: in plain text, an empty line precedes it (the first line counts as yes).
        blank_after: in plain text, an empty line follows it (the last line counts as yes).

    >>> p = Paragraph(index=0, text="Share this article", folded="share this article", tag="line")
    >>> p.chars, p.link_density, p.tokens
    (18, 0.0, frozenset())
    """

    index: int
    text: str
    folded: str
    tag: str = "p"
    link_density: float = 0.0
    tokens: frozenset[str] = frozenset()
    in_figure: bool = False
    blank_before: bool = True
    blank_after: bool = True

    def __init__(
        self,
        index: int,
        text: str,
        folded: str,
        tag: str = "p",
        link_density: float = 0.0,
        tokens: frozenset[str] = frozenset(),
        in_figure: bool = False,
        blank_before: bool = True,
        blank_after: bool = True,
    ) -> None:
        # The dataclass __init__, with the fields set through their slots (see _slot_setters).
        s = _PARAGRAPH_SETTERS
        s[0](self, index)
        s[1](self, text)
        s[2](self, folded)
        s[3](self, tag)
        s[4](self, link_density)
        s[5](self, tokens)
        s[6](self, in_figure)
        s[7](self, blank_before)
        s[8](self, blank_after)

    @property
    def chars(self) -> int:
        """Length of the text in characters."""
        return len(self.text)


@dataclass(frozen=True, slots=True, init=False)
class Decision:
    """What the engine decided about one paragraph.

    ``kept`` is True for article paragraphs. A dropped paragraph always names its ``category``
    and ``rule`` (a stable rule id) and gives ``evidence``: the matched text, or the feature
    values that fired. ``stage`` says which engine stage decided.

    >>> d = Decision(text="Comments", kept=False, category=Category.COMMENT,
    ...              rule="comment.widget", evidence="comments", stage=Stage.LINE)
    >>> d.to_dict()["category"]
    'comment'
    """

    text: str
    kept: bool
    category: Category | None = None
    rule: str | None = None
    evidence: str | None = None
    stage: Stage = Stage.KEEP

    def __init__(
        self,
        text: str,
        kept: bool,
        category: Category | None = None,
        rule: str | None = None,
        evidence: str | None = None,
        stage: Stage = Stage.KEEP,
    ) -> None:
        # The dataclass __init__, with the fields set through their slots (see _slot_setters).
        s = _DECISION_SETTERS
        s[0](self, text)
        s[1](self, kept)
        s[2](self, category)
        s[3](self, rule)
        s[4](self, evidence)
        s[5](self, stage)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (enums as their string values)."""
        return {
            "text": self.text,
            "kept": self.kept,
            "category": self.category.value if self.category else None,
            "rule": self.rule,
            "evidence": self.evidence,
            "stage": self.stage.value,
        }


def _slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of ``cls``'s fields, in field order: their slots' ``__set__``.

    A frozen dataclass's own ``__init__`` sets each field with ``object.__setattr__``, which
    looks the name up in the class first; the text path builds a paragraph and a decision per
    line, and with the slot setters those take half the time. The classes stay frozen: the
    setters are used in ``__init__`` only. ``tests/test_model.py`` checks that every field is set.
    """
    return tuple(getattr(cls, f.name).__set__ for f in fields(cls))


_PARAGRAPH_SETTERS = _slot_setters(Paragraph)
_DECISION_SETTERS = _slot_setters(Decision)


@dataclass(frozen=True, slots=True)
class Metadata:
    """Page metadata: from the HTML head and markup, or from the top lines of a text.

    ``encoding`` names the decoding used for bytes (``"str"`` when a str was given, ``"binary"``
    for bytes that are not text). ``truncated`` is None, or why not all of the input was
    examined (never silent): the names of the limits that cut it, comma-separated
    (``"max_bytes"``, ``"max_depth"``, ``"max_attributes"``, ``"max_nodes"``,
    ``"max_paragraphs"``; the text beyond ``max_paragraphs`` is one dropped decision with rule
    ``limit.paragraphs``), or ``"binary"``.

    >>> from cleantext import clean_and_explain
    >>> page = (b"<html lang='en'><head><title>Storm hits coast</title></head>"
    ...         b"<body><p>The storm hit the coast on Monday night.</p></body></html>")
    >>> meta = clean_and_explain(page).metadata
    >>> meta.title, meta.language, meta.encoding, meta.kind.value
    ('Storm hits coast', 'en', 'utf-8', 'html')
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    encoding: str | None = None
    description: str | None = None
    kind: InputKind = InputKind.TEXT
    truncated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        out = asdict(self)
        out["kind"] = self.kind.value
        return out


@dataclass(frozen=True, slots=True)
class Result:
    """What :func:`cleantext.clean_and_explain` returns.

    ``paragraphs`` are the kept texts (what :func:`cleantext.clean` returns); ``decisions`` has
    one entry per candidate paragraph, in document order.

    >>> from cleantext import clean_and_explain
    >>> r = clean_and_explain("Storm hits coast\\n\\nThe storm hit the coast.\\nIt rained all night.")
    >>> r.paragraphs, r.drop_counts()
    (['The storm hit the coast.', 'It rained all night.'], {'headline': 1})
    """

    paragraphs: list[str]
    decisions: list[Decision]
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def text(self) -> str:
        """The kept paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def dropped(self) -> list[Decision]:
        """The decisions that dropped a paragraph."""
        return [d for d in self.decisions if not d.kept]

    def drop_counts(self) -> dict[str, int]:
        """Number of dropped paragraphs per category value, sorted by category name."""
        counts: dict[str, int] = {}
        for d in self.decisions:
            if not d.kept and d.category is not None:
                counts[d.category.value] = counts.get(d.category.value, 0) + 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary with paragraphs, text, metadata, decisions and drop counts."""
        return {
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "metadata": self.metadata.to_dict(),
            "decisions": [d.to_dict() for d in self.decisions],
            "dropped": self.drop_counts(),
        }
