"""The frozen configuration object (ftfy style: every option explained here)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from cleantext.model import Category, Extractor, InputKind

if TYPE_CHECKING:
    from cleantext.rules.base import Rule


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits, checked before the expensive work.

    When a limit cuts the input, ``Result.metadata.truncated`` names the limit; nothing is
    dropped silently.

    Attributes:
        max_bytes: input larger than this (in bytes, or characters for str) is cut to it.
            Default 10 MB: far above any real article page, and small enough that the
            text passes over a page stay within a few seconds.
        max_depth: element nesting deeper than this is flattened before parsing (lxml itself
            stops at 255 and silently loses the rest of the page). Default 200.
        max_attributes: a start tag with more attributes than this keeps only the first ones.
            Default 256 (lxml needs seconds for tags with 100,000 attributes).
        max_nodes: a page with more start tags than this is cut after that many. Default
            500,000.
        max_paragraphs: candidate paragraphs beyond this are not examined: one decision with
            category ``other`` and rule ``limit.paragraphs`` drops all their text. Default 2,000
            (the largest real pages have a few hundred candidates; the rules cost up to about a
            millisecond per short paragraph, so this bounds a hostile page to a few seconds).
        regex_timeout: seconds any single rule match may take before it is abandoned (the
            ``regex`` module's timeout, a backstop: all rule patterns are linear). Default 1.0.

    >>> Config(limits=Limits(max_bytes=1_000)).limits.max_bytes
    1000
    """

    max_bytes: int = 10_000_000
    max_depth: int = 200
    max_attributes: int = 256
    max_nodes: int = 500_000
    max_paragraphs: int = 2_000
    regex_timeout: float = 1.0


@dataclass(frozen=True, slots=True)
class Config:
    """How to clean. Frozen: derive variants with :meth:`replace`.

    Attributes:
        input_kind: ``InputKind.AUTO`` (default) detects HTML by its markup; ``HTML`` or ``TEXT``
            forces the path.
        extractor: how the main content of HTML is found (see :class:`~cleantext.Extractor`);
            default ``Extractor.TRAFILATURA``.
        languages: language codes whose phrase packs apply (e.g. ``("en", "de")``). ``None``
            (default) chooses per document: the packs of the languages whose stopwords are
            frequent in it (at least half as frequent as the most frequent one), plus English,
            whose boilerplate appears on sites in every language; a text with fewer than five
            stopwords of any language gets every pack.
        drop: categories that are dropped. ``None`` (default) drops every category; a paragraph
            whose rule belongs to a category not listed is kept (its decision still says which
            rule matched, with ``kept=True``).
        rules: extra :class:`~cleantext.Rule` objects, applied after the default ones.
        disabled_rules: rule ids that never fire.
        enabled_rules: ids of rules that are off by default (``Rule.default_on`` False) to run.
        disabled_categories: categories whose rules never fire.
        use_default_rules: set False to run only the rules given in ``rules``.
        charset: the character set from an HTTP ``Content-Type`` header, when bytes are given;
            it outranks a charset declared inside the page (but not a byte-order mark).
        include_tables: keep the text of tables found in the main content. Default True.
        recover_prose: when trafilatura's extraction holds less than 40% of the page's prose
            blocks, add the prose blocks it missed, in page order, for the rules to judge
            (not on pages that declare an article or a product; see :mod:`cleantext.recover`).
            Default True.
        open_collapsed: before trafilatura runs, show the accordion, tab and FAQ panels the
            page hides until a click (trafilatura discards hidden boxes); menus, windows and
            landmark boxes stay hidden (see :mod:`cleantext.collapsed`). Default True.
        remove_consent: before trafilatura runs, remove the boxes whose class or id names
            consent or a consent manager (cookie banners, privacy-preference windows), unless
            they hold the page's ``main``, ``article`` or ``h1`` (see :mod:`cleantext.consent`):
            on a page with little text of its own, trafilatura would take the preference
            window for the article. Default True.
        limits: see :class:`Limits`.

    >>> from cleantext import Config, Category
    >>> cfg = Config(disabled_categories=frozenset({Category.BYLINE}))
    >>> Category.BYLINE in cfg.disabled_categories
    True
    """

    input_kind: InputKind = InputKind.AUTO
    extractor: Extractor = Extractor.TRAFILATURA
    languages: tuple[str, ...] | None = None
    drop: frozenset[Category] | None = None
    rules: tuple[Rule, ...] = ()
    disabled_rules: frozenset[str] = frozenset()
    enabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[Category] = frozenset()
    use_default_rules: bool = True
    charset: str | None = None
    include_tables: bool = True
    recover_prose: bool = True
    open_collapsed: bool = True
    remove_consent: bool = True
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        # Accept any iterable for the set/tuple options, store them frozen and typed.
        object.__setattr__(self, "input_kind", InputKind(self.input_kind))
        object.__setattr__(self, "extractor", Extractor(self.extractor))
        if self.languages is not None:
            object.__setattr__(self, "languages", tuple(str(x).lower() for x in self.languages))
        if self.drop is not None:
            object.__setattr__(self, "drop", frozenset(Category(c) for c in self.drop))
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "disabled_rules", frozenset(self.disabled_rules))
        object.__setattr__(self, "enabled_rules", frozenset(self.enabled_rules))
        object.__setattr__(
            self, "disabled_categories", frozenset(Category(c) for c in self.disabled_categories)
        )

    def replace(self, **changes: object) -> Config:
        """A copy with the given options changed."""
        return replace(self, **changes)  # type: ignore[arg-type]  # dataclasses.replace is untyped kwargs

    def drops(self, category: Category) -> bool:
        """Whether paragraphs of this category are removed from the output."""
        return self.drop is None or category in self.drop

    def rule_enabled(self, rule_id: str, category: Category, default_on: bool = True) -> bool:
        """Whether a rule with this id and category (on or off by default) may fire."""
        if rule_id in self.disabled_rules or category in self.disabled_categories:
            return False
        return default_on or rule_id in self.enabled_rules


def categories(values: Iterable[str | Category]) -> frozenset[Category]:
    """Parse category names (as given on a command line) into a frozenset of :class:`Category`."""
    return frozenset(Category(v) for v in values)


DEFAULT_CONFIG = Config()
