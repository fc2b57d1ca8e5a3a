"""The rule engine: applies rules to paragraphs in stages and records one decision each.

Stages run in this order, each on the paragraphs no earlier rule has claimed:

1. ``line``: single-paragraph rules (text cues, class/id tokens, link density, captions);
2. ``context``: rules that look at metadata or neighbours (title repeats, leading headline,
   bylines beside datelines, echoes of captions);
3. ``block``: fills the gap between two drops of a block-forming category (an appeal's opener
   and closer, a widget's first and last line);
4. ``duplicate``: repeats of an earlier paragraph.

Within a stage, rules run in catalogue order and the first rule to claim a paragraph wins.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from cleantext.config import Config
from cleantext.language import SAMPLE_CHARS, StopwordHits, count_stopword_runs
from cleantext.model import Category, Decision, InputKind, Paragraph, Stage
from cleantext.rules.base import WORD_INDEX_MAX_CHARS, Gate, LineMatcher, Phrases, Rule, letter_runs
from cleantext.rules.catalog import default_rules
from cleantext.rules.firstchar import DIGIT, NONWORD
from cleantext.rules.packs import bundled_words
from cleantext.rules.structure import NearCategory

STAGE_ORDER = (Stage.LINE, Stage.CONTEXT, Stage.BLOCK, Stage.DUPLICATE)


@dataclass(frozen=True, slots=True)
class Mark:
    """A rule's claim on a paragraph."""

    rule: str
    category: Category
    evidence: str
    stage: Stage


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the rules may know about the page besides its paragraphs (all texts folded).

    ``titles``: the page title and its variants (``og:title``, ``h1``, title parts);
    ``descriptions``: ``og:description`` and the meta description; ``captions``: figcaption
    texts and image alt/title texts.
    """

    kind: InputKind = InputKind.TEXT
    titles: frozenset[str] = frozenset()
    descriptions: frozenset[str] = frozenset()
    captions: frozenset[str] = frozenset()
    author: str | None = None


@dataclass
class DocView:
    """The document as the rules see it: paragraphs, page context and the claims so far.

    Matchers read it; only the engine writes claims (through :meth:`claim`).
    """

    paragraphs: Sequence[Paragraph]
    page: PageContext = field(default_factory=PageContext)
    regex_timeout: float = 1.0
    languages: tuple[str, ...] | None = None
    marks: list[Mark | None] = field(default_factory=list)
    abandoned: list[str] = field(default_factory=list)
    words: Words | None = None
    # The word indexes by kind (True: the bundled phrases' words only; False: every word).
    _indexes: dict[bool, dict[str, int]] = field(default_factory=dict, init=False, repr=False)
    _starts: dict[str, list[int]] | None = field(default=None, init=False, repr=False)
    _heads: dict[str, list[int]] | None = field(default=None, init=False, repr=False)
    # The folded texts joined, by the longest paragraph taken: (text, start of each paragraph).
    _joined: dict[int, tuple[str, list[int]]] = field(default_factory=dict, init=False, repr=False)
    # The paragraphs each bundled gate lets through (a bit each), by language and the gate's place.
    _gate_rows: dict[str, dict[int, int]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.marks:
            self.marks = [None] * len(self.paragraphs)

    def paragraphs_with(self, gate: Gate) -> set[int]:
        """Indexes of the paragraphs (up to ``WORD_INDEX_MAX_CHARS`` long) that hold the words
        of ``gate`` (as whole runs of letters). The default rules' gates of one language are
        answered together, the first time one of them is asked, from an index of their own
        words (:func:`bundled_gates`, :meth:`GateTable.index`); other gates read an index of
        the bundled phrases' words, or of every word for a gate with other words (each built
        once per document)."""
        bundled = bundled_gates()
        language = bundled.languages.get(id(gate))
        if language is not None:
            table = bundled.tables[language]
            rows = self._gate_rows.get(language)
            if rows is None:
                if self.words is None:
                    self.words = read_words(self.paragraphs)
                rows = self._gate_rows[language] = table.rows(table.index(self.words.runs))
            return _members(rows.get(table.places[id(gate)], 0))
        words = self._index(gate.bundled)
        found = _either(words, gate.singles)
        for key in words.keys() & gate.pairs.keys():
            found |= words[key] & _either(words, gate.pairs[key])
        return _members(found)

    def _index(self, bundled: bool) -> dict[str, int]:
        """The paragraphs by word, a bit each (bit ``i``: paragraph ``i``; an int is a set of
        paragraphs whose unions and intersections cost an operation, not a loop): of the words
        in ``bundled_words()`` only, or of all words."""
        if bundled not in self._indexes:
            if self.words is None:
                self.words = read_words(self.paragraphs)
            vocabulary = bundled_words() if bundled else None
            index: dict[str, int] = {}
            get = index.get
            for i, runs in enumerate(self.words.runs):
                if runs is not None:
                    bit = 1 << i
                    for word in set(runs) if vocabulary is None else vocabulary.intersection(runs):
                        index[word] = get(word, 0) | bit
            self._indexes[bundled] = index
        return self._indexes[bundled]

    def paragraphs_containing(
        self, texts: re.Pattern[str], max_chars: int = WORD_INDEX_MAX_CHARS
    ) -> set[int]:
        """Indexes of the paragraphs up to ``max_chars`` long (at most ``WORD_INDEX_MAX_CHARS``)
        whose folded text contains a match of ``texts`` (one search over those paragraphs
        joined, resumed at the next paragraph after each find; the joined text is made once
        per document and length)."""
        max_chars = min(max_chars, WORD_INDEX_MAX_CHARS)
        if max_chars not in self._joined:
            starts, offset = [], 0
            short = [p.folded if len(p.folded) <= max_chars else "" for p in self.paragraphs]
            for text in short:
                starts.append(offset)
                offset += len(text) + 1
            self._joined[max_chars] = ("\n".join(short), starts)
        joined, starts = self._joined[max_chars]
        found: set[int] = set()
        m = texts.search(joined)
        while m is not None:
            i = bisect_right(starts, m.start()) - 1
            found.add(i)
            m = texts.search(joined, starts[i + 1]) if i + 1 < len(starts) else None
        return found

    def paragraphs_starting_with(self, chars: frozenset[str]) -> set[int]:
        """Indexes of the paragraphs whose folded text begins with one of ``chars`` (``DIGIT``:
        any decimal digit; ``NONWORD``: any other character but a letter)."""
        return _rows(self.first_characters(), chars)

    def first_characters(self) -> dict[str, list[int]]:
        """The paragraph indexes by the first character of their folded text (also under
        ``DIGIT`` or ``NONWORD``). Built once per document."""
        if self._starts is None:
            starts: dict[str, list[int]] = {}
            for p in self.paragraphs:
                first = p.folded[:1]
                starts.setdefault(first, []).append(p.index)
                if first.isdecimal():  # also under DIGIT, for the patterns that start with \d
                    starts.setdefault(DIGIT, []).append(p.index)
                elif first and not first.isalpha():  # and under NONWORD, for [\W_] and the like
                    starts.setdefault(NONWORD, []).append(p.index)
            self._starts = starts
        return self._starts

    def first_pairs(self) -> dict[str, list[int]]:
        """The paragraph indexes by the first two characters of their folded text. Built once
        per document."""
        if self._heads is None:
            heads: dict[str, list[int]] = {}
            for p in self.paragraphs:
                heads.setdefault(p.folded[:2], []).append(p.index)
            self._heads = heads
        return self._heads

    def is_open(self, index: int) -> bool:
        """No rule has claimed this paragraph yet."""
        return self.marks[index] is None

    def category_at(self, index: int) -> Category | None:
        """Category of the rule that claimed this paragraph, if any."""
        mark = self.marks[index]
        return mark.category if mark else None

    def claim(self, index: int, rule: Rule, evidence: str) -> None:
        """Record that ``rule`` matched paragraph ``index`` (first claim wins)."""
        if self.marks[index] is None:
            self.marks[index] = Mark(rule.id, rule.category, evidence, rule.stage)


def _members(mask: int) -> set[int]:
    """The paragraph indexes of the bits set in ``mask`` (bit ``i``: paragraph ``i``)."""
    found = set()
    while mask:
        low = mask & -mask
        found.add(low.bit_length() - 1)
        mask ^= low
    return found


def _either(index: Mapping[str, int], keys: frozenset[str]) -> int:
    """The paragraphs (a bit each) listed in ``index`` under any of ``keys``."""
    found = 0
    for key in index.keys() & keys:
        found |= index[key]
    return found


def _rows(index: dict[str, list[int]], keys: frozenset[str]) -> set[int]:
    """The paragraph indexes listed in ``index`` under any of ``keys``."""
    found: set[int] = set()
    for key in index.keys() & keys:
        found.update(index[key])
    return found


@dataclass(frozen=True, eq=False)
class GateTable:
    """Many word gates answered together: one pass over a document's word index gives the
    paragraphs each gate lets through (what :meth:`DocView.paragraphs_with` finds gate by gate).

    ``gates``: the gates, each once; ``places``: the ``id()`` of each gate to its place in
    ``gates`` (the table holds the gates, so the ids stay theirs); ``words``: every single word
    and pair key; ``singles``: the gates of each single word; ``pairs``: the gates of each pair
    key, with its partner words; ``vocabulary``: every word of the gates (partners too).
    """

    gates: tuple[Gate, ...]
    places: Mapping[int, int]
    words: frozenset[str]
    singles: Mapping[str, tuple[int, ...]]
    pairs: Mapping[str, tuple[tuple[int, frozenset[str]], ...]]
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, gates: Iterable[Gate]) -> GateTable:
        """The table of ``gates``."""
        unique = tuple({id(gate): gate for gate in gates}.values())
        singles: dict[str, list[int]] = {}
        pairs: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for place, gate in enumerate(unique):
            for word in gate.singles:
                singles.setdefault(word, []).append(place)
            for key, partners in gate.pairs.items():
                pairs.setdefault(key, []).append((place, partners))
        return cls(
            unique,
            {id(gate): place for place, gate in enumerate(unique)},
            frozenset(singles.keys() | pairs.keys()),
            {word: tuple(places) for word, places in singles.items()},
            {key: tuple(entries) for key, entries in pairs.items()},
            frozenset().union(singles, pairs, *(gate.pairs[key] for gate in unique for key in gate.pairs)),
        )

    def index(self, runs: Sequence[list[str] | None]) -> dict[str, int]:
        """The paragraphs by word, a bit each (as :meth:`DocView._index`), of the table's words
        only, from a document's runs of letters (:attr:`Words.runs`): a language's table holds
        a sixth of the bundled words (English: 590 of 3,714)."""
        words = self.vocabulary
        index: dict[str, int] = {}
        get = index.get
        for i, found in enumerate(runs):
            if found is not None:
                bit = 1 << i
                for word in words.intersection(found):
                    index[word] = get(word, 0) | bit
        return index

    def rows(self, index: Mapping[str, int]) -> dict[int, int]:
        """The paragraphs each gate lets through (a bit each), by the gate's place (a gate no
        paragraph passes may be missing), from a document's word index (paragraphs by word, a
        bit each: :meth:`index`, or :meth:`DocView._index`)."""
        out: dict[int, int] = {}
        get = out.get
        for word in self.words.intersection(index):
            found = index[word]
            for place in self.singles.get(word, ()):
                out[place] = get(place, 0) | found
            for place, partners in self.pairs.get(word, ()):
                for partner in partners:  # a paragraph must hold both words
                    both = found & index.get(partner, 0)
                    if both:
                        out[place] = get(place, 0) | both
        return out


@dataclass(frozen=True, eq=False)
class BundledGates:
    """The default rules' word gates: a :class:`GateTable` per language key (``*`` too), and
    the language key of each gate by its ``id()`` (the tables hold the gates)."""

    tables: Mapping[str, GateTable]
    languages: Mapping[int, str]


@cache
def bundled_gates() -> BundledGates:
    """The word gates of the default rules' phrase lists, every language (read-only package
    data, built once: the same tables whatever the documents). Only the gates whose words are
    all in the bundled phrases' index (``Gate.bundled``): the others need every word indexed.
    The cues of a :class:`~cleantext.rules.structure.NearCategory` rule are phrases too."""
    by_language: dict[str, list[Gate]] = {}
    for rule in default_rules():
        matcher = rule.matcher.cues if isinstance(rule.matcher, NearCategory) else rule.matcher
        if isinstance(matcher, Phrases):
            for language, gate in matcher.gates():
                if gate.bundled:
                    by_language.setdefault(language, []).append(gate)
    tables = {language: GateTable.of(gates) for language, gates in sorted(by_language.items())}
    languages = {id(gate): language for language, table in tables.items() for gate in table.gates}
    return BundledGates(tables, languages)


def active_rules(rules: Sequence[Rule], config: Config) -> list[Rule]:
    """The rules that may fire under ``config``, in stage order then catalogue order."""
    by_stage: dict[Stage, list[Rule]] = {stage: [] for stage in STAGE_ORDER}
    if config.disabled_rules or config.disabled_categories or config.enabled_rules:
        enabled = [r for r in rules if config.rule_enabled(r.id, r.category, r.default_on)]
    else:  # no rule named: the rules on by default (what rule_enabled says, without a call each)
        enabled = [r for r in rules if r.default_on]
    for rule in enabled:
        by_stage[rule.stage].append(rule)
    return [rule for stage in STAGE_ORDER for rule in by_stage[stage]]


def run(doc: DocView, rules: Sequence[Rule], config: Config) -> None:
    """Apply every active rule to ``doc``, stage by stage, recording claims.

    A rule whose pattern exceeds ``Limits.regex_timeout`` (only user patterns can: the bundled
    ones are linear) is abandoned for this document and its name kept in ``doc.abandoned``.
    """
    for rule in active_rules(rules, config):
        if isinstance(rule.matcher, LineMatcher) and not rule.matcher.applies(doc):
            continue  # (what its find would find: nothing, e.g. a markup rule on plain text)
        try:
            hits = list(rule.matcher.find(doc, doc.languages))
        except TimeoutError:
            doc.abandoned.append(rule.id)
            continue
        for index, evidence in hits:
            doc.claim(index, rule, evidence)


@dataclass(frozen=True)
class Words:
    """A document's words, read once: the runs of letters of each paragraph up to
    ``WORD_INDEX_MAX_CHARS`` long (None for longer ones), for the word gate, and the stopword
    hits of its first ``SAMPLE_CHARS`` characters, for the pack choice and the metadata
    language guess."""

    runs: tuple[list[str] | None, ...]
    hits: StopwordHits


def read_words(paragraphs: Sequence[Paragraph]) -> Words:
    """The :class:`Words` of ``paragraphs`` (each paragraph tokenized once)."""
    runs: list[list[str] | None] = []
    sample: list[str] = []
    size = 0
    for p in paragraphs:
        text = p.folded
        words = letter_runs(text) if len(text) <= WORD_INDEX_MAX_CHARS else None
        if size < SAMPLE_CHARS:  # the sample is the paragraphs joined by spaces, cut
            room = SAMPLE_CHARS - size
            if len(text) > room:
                sample += letter_runs(text[:room])
            else:
                sample += words if words is not None else letter_runs(text)
            size += len(text) + 1
        runs.append(words)
    return Words(tuple(runs), count_stopword_runs(sample))


def selected_languages(hits: StopwordHits, config: Config) -> tuple[str, ...] | None:
    """``Config.languages`` when set; else the packs for the document's own language(s)."""
    return config.languages if config.languages is not None else hits.packs()


def decisions(doc: DocView, config: Config) -> list[Decision]:
    """One :class:`Decision` per paragraph, from the claims recorded in ``doc``."""
    out = []
    for p, mark in zip(doc.paragraphs, doc.marks, strict=True):
        if mark is None:
            out.append(Decision(p.text, True))
        else:
            kept = not config.drops(mark.category)
            out.append(Decision(p.text, kept, mark.category, mark.rule, mark.evidence, mark.stage))
    return out


def decide(
    paragraphs: Sequence[Paragraph],
    page: PageContext,
    rules: Sequence[Rule],
    config: Config,
    words: Words | None = None,
) -> list[Decision]:
    """Run the engine on ``paragraphs`` and return their decisions, in order.

    ``words``: the paragraphs' :func:`read_words`, when the caller has them already.
    """
    words = words if words is not None else read_words(paragraphs)
    languages = selected_languages(words.hits, config)
    doc = DocView(paragraphs, page, config.limits.regex_timeout, languages, words=words)
    run(doc, rules, config)
    return decisions(doc, config)
