"""Rule objects and the matchers they are made of.

A :class:`Rule` is declarative: an id, a category, the languages it knows, a matcher, a
one-sentence explanation, examples it must drop and look-alikes it must keep. Matchers are of
a few kinds, all applied by one engine (:mod:`cleantext.engine`):

* single-paragraph matchers (stage ``line``): :class:`Phrases`, :class:`Pattern`,
  :class:`Tokens`, :class:`LinkDense`, :class:`FigureText`, :class:`DateLine`;
* context matchers (stage ``context``): they look at the metadata or the neighbours;
* block and duplicate matchers (stages ``block`` and ``duplicate``).

Matchers never change state outside themselves; compiled patterns are cached per matcher
object (not per process), so results never depend on what ran before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

import regex

from cleantext.model import Category, InputKind, Paragraph, Stage, StrEnum
from cleantext.rules.firstchar import MARKERS, NONWORD, leading_chars, required_texts, start_prefixes

if TYPE_CHECKING:
    from cleantext.engine import DocView


class Anchor(StrEnum):
    """Where a phrase must sit in the folded paragraph for a :class:`Phrases` match.

    ``LINE``: the whole paragraph is the phrase (trailing punctuation allowed).
    ``START``: the paragraph starts with the phrase. ``END``: it ends with it.
    ``CONTAINS``: the phrase occurs anywhere (use only with a tight length guard).

    >>> Anchor("start") is Anchor.START, str(Anchor.CONTAINS)
    (True, 'contains')
    """

    LINE = "line"
    START = "start"
    END = "end"
    CONTAINS = "contains"



# Every phrase is matched on whole words: never inside a longer word.
_TEMPLATES: Mapping[Anchor, str] = {
    Anchor.LINE: r"^[\W_]*+(?:\L<{n}>)[\W_\d]*+$",
    Anchor.START: r"^[\W_]*+(?:\L<{n}>)(?!\w)",
    Anchor.END: r"(?<!\w)(?:\L<{n}>)[\W_]*+$",
    Anchor.CONTAINS: r"(?<!\w)(?:\L<{n}>)(?!\w)",
}


_LETTER = regex.compile(r"\p{L}")
# What the line and start templates skip before a phrase (possessively: the phrase begins after).
_LEAD_RUN = regex.compile(r"[\W_]*+")


class Matcher(Protocol):
    """What every matcher offers the engine."""

    @property
    def stage(self) -> Stage:
        """The engine stage the matcher runs in."""
        ...  # pragma: no cover  # protocol

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        """Yield ``(paragraph index, evidence)`` for each paragraph this matcher drops."""
        ...  # pragma: no cover  # protocol


class LineMatcher:
    """Base of matchers that judge one paragraph at a time (stage ``line``).

    ``max_hits`` (0: no limit): when the matcher would drop more paragraphs than this in one
    document, it drops none. One byline or dateline is page furniture; ten of them are the
    entries of a listing or the posts of a thread, which are content.
    """

    stage: Stage = Stage.LINE
    max_hits: int = 0

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        """The evidence if the paragraph matches, else None."""
        raise NotImplementedError  # pragma: no cover  # abstract

    def applies(self, doc: DocView) -> bool:
        """False when nothing in this document can match (a cheap check before the loop)."""
        return True

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        if not self.applies(doc):
            return
        hits = []
        marks = doc.marks
        for p in doc.paragraphs:
            if marks[p.index] is None:  # open: no rule has claimed it
                evidence = self.match(p, doc, languages)
                if evidence is not None:
                    hits.append((p.index, evidence))
        if not self.max_hits or len(hits) <= self.max_hits:
            yield from hits


class HtmlLineMatcher(LineMatcher):
    """A line matcher of page markup features: nothing in plain text can match it."""

    def applies(self, doc: DocView) -> bool:
        return doc.page.kind is InputKind.HTML


def _select(by_lang: Mapping[str, Sequence[str]], languages: tuple[str, ...] | None) -> list[str]:
    """Phrases of the selected languages (all when None; ``*`` entries always apply)."""
    out: set[str] = set()
    for lang, phrases in by_lang.items():
        if languages is None or lang == "*" or lang in languages:
            out.update(phrases)
    return sorted(out)


@dataclass(frozen=True, eq=False)
class Phrases(LineMatcher):
    """Literal phrases per language and anchor, matched on the folded text.

    ``phrases`` maps an :class:`Anchor` to ``{language: [phrase, ...]}``; phrases are written
    folded (lower case, straight quotes, single spaces). ``max_chars`` guards LINE/START/END
    matches, ``contains_max_chars`` guards CONTAINS matches: a cue inside a long paragraph is
    prose *about* the subject, not boilerplate. ``vetted`` marks the bundled packs, whose
    patterns a test runs on hostile strings: they skip the per-call regex timeout (a timer per
    call costs more than the match); user phrase lists keep it as a backstop.
    """

    phrases: Mapping[Anchor, Mapping[str, Sequence[str]]]
    max_chars: int = 200
    contains_max_chars: int = 160
    patterns: Mapping[str, Sequence[str]] = field(default_factory=dict)
    max_hits: int = 0
    vetted: bool = False

    def _compile(self, language: str) -> _Compiled | None:
        """One language's patterns by position class: start-anchored, end-anchored, anywhere,
        contains (None when the language has none).

        Start-anchored ones are tried at the first position only, end-anchored ones in the last
        ``TAIL`` characters only. Each pattern is compiled on its own: an alternation of many
        patterns loses the ``regex`` module's literal-prefix scan and runs several times slower.
        Each kind has its gate: the phrases their words (:func:`gate_words`), the start-anchored
        patterns the texts they can begin with
        (:func:`~cleantext.rules.firstchar.start_prefixes`), the others a text every match
        contains (:func:`~cleantext.rules.firstchar.required_texts`).
        """
        head: list[str] = []  # one alternation: tried at position 0 only, it stays cheap
        lists: dict[str, list[str]] = {}
        tail: list[Any] = []
        contains = None
        every: list[str] = []
        anywhere = False  # an end or contains phrase: a match may begin anywhere
        for anchor, by_lang in self.phrases.items():
            selected = sorted(set(by_lang.get(language, ())))
            if not selected:
                continue
            every.extend(selected)
            anywhere = anywhere or anchor in (Anchor.END, Anchor.CONTAINS)
            name = f"p_{anchor.value}"
            template = _TEMPLATES[anchor].format(n=name)
            if anchor is Anchor.CONTAINS:
                contains = regex.compile(template, **{name: selected})
            elif anchor is Anchor.END:
                tail.append(regex.compile(template, **{name: selected}))
            else:
                head.append(template)
                lists[name] = selected
        p_head, prefixes, p_tail, free = _split_patterns(sorted(set(self.patterns.get(language, ()))))
        if not (every or p_head or p_tail or free):
            return None
        phrase_head = (regex.compile("|".join(head), **lists),) if head else ()
        pattern_head = (regex.compile("|".join(f"(?:{x})" for x in p_head)),) if p_head else ()
        rest = _Searches((), tuple(p_tail), tuple(free), None) if p_tail or free else None
        required = required_texts([p.pattern for p in p_tail + free]) if rest else None
        return _Compiled(
            full=_Searches(phrase_head + pattern_head, tuple(tail + p_tail), tuple(free), contains),
            patterns_only=_Searches(pattern_head, tuple(p_tail), tuple(free), None) if pattern_head else None,
            patterns_rest=rest,
            gate=self.gate(language),
            head_prefixes=prefixes,
            rest_texts=_any_text(required) if required else None,
            phrase_starts=None if anywhere or "" in every else tuple(sorted(set(every))),
        )

    @cached_property
    def _compiled(self) -> dict[str, _Compiled | None]:
        return {}

    @cached_property
    def _gates(self) -> dict[str, Gate | None]:
        return {}

    def gate(self, language: str) -> Gate | None:
        """The word gate of one language's phrases (:func:`gate_words`), made once per matcher
        and language: the compiled parts and the engine's table of the bundled rules' gates
        (:func:`cleantext.engine.bundled_gates`) hold the same object."""
        gates = self._gates
        if language not in gates:
            every = [p for by_lang in self.phrases.values() for p in by_lang.get(language, ())]
            gates[language] = gate_words(every)
        return gates[language]

    def gates(self) -> list[tuple[str, Gate]]:
        """Each language key with the word gate of its phrases (see :meth:`gate`)."""
        return [(key, gate) for key in self._keys if (gate := self.gate(key)) is not None]

    @cached_property
    def _keys(self) -> tuple[str, ...]:
        """The language keys of the phrases and patterns, sorted (``*`` first)."""
        keys = {lang for by_lang in self.phrases.values() for lang in by_lang} | set(self.patterns)
        return tuple(sorted(keys))

    @cached_property
    def _selections(self) -> dict[tuple[str, ...] | None, tuple[_Compiled, ...]]:
        return {}

    def compiled(self, languages: tuple[str, ...] | None) -> tuple[_Compiled, ...]:
        """The compiled patterns of each selected language (``*`` always), in language order.

        Each language is compiled once per matcher, the first time a document needs it, so the
        compile work never grows with the number of language mixes seen; the parts of the
        first ``MAX_SELECTIONS`` language selections are kept too (a selection is a handful of
        references).
        """
        selections = self._selections
        parts = selections.get(languages)
        if parts is None:
            parts = self._select_parts(languages)
            if len(selections) < MAX_SELECTIONS:
                selections[languages] = parts
        return parts

    def _select_parts(self, languages: tuple[str, ...] | None) -> tuple[_Compiled, ...]:
        cache = self._compiled
        out = []
        for key in self._keys:
            if languages is None or key == "*" or key in languages:
                if key not in cache:
                    cache[key] = self._compile(key)
                part = cache[key]
                if part is not None:
                    out.append(part)
        return tuple(out)

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        """Like :meth:`LineMatcher.find`, with the phrases tried only where the gate allows.

        Each language's phrases and patterns run only on the paragraphs their gates let through
        (see :meth:`_compile`): only what can match runs, and the result is the same as trying
        everything.
        """
        limit = max(self.max_chars, self.contains_max_chars)
        indexed = limit <= WORD_INDEX_MAX_CHARS
        parts = [
            (
                c,
                # (past the word index, line and start phrases are gated by how they begin)
                doc.paragraphs_with(c.gate) if indexed and c.gate is not None else c.phrase_starting(doc),
                c.starting(doc) if c.head_prefixes is not None else None,
                # (the end and anywhere patterns run on paragraphs up to max_chars long only)
                doc.paragraphs_containing(c.rest_texts, self.max_chars)
                if indexed and c.rest_texts is not None
                else None,
            )
            for c in self.compiled(languages)
        ]
        timeout = self._timeout(doc)
        marks = doc.marks
        paragraphs = doc.paragraphs
        max_chars, contains_max_chars = self.max_chars, self.contains_max_chars
        hits = []
        for i in _candidates(parts, len(paragraphs)):
            p = paragraphs[i]
            text = p.folded
            # Code blocks are content: a line of code may start like a label ("category:").
            if len(text) > limit or marks[i] is not None or p.tag == "pre":
                continue
            for c, rows, heads, rests in parts:
                if rows is None or i in rows:
                    searches = c.full
                elif c.patterns_only is not None and (heads is None or i in heads):
                    searches = c.patterns_only
                elif c.patterns_rest is not None and (rests is None or i in rests):
                    searches = c.patterns_rest  # only the end and anywhere patterns can match
                else:
                    continue
                m = searches.first(text, max_chars, contains_max_chars, timeout)
                if m is not None:
                    hits.append((i, str(m.group(0)).strip()))
                    break
        if not self.max_hits or len(hits) <= self.max_hits:
            yield from hits

    def _timeout(self, doc: DocView) -> float | None:
        # The regex timeout costs a timer per call: bundled cues, tested on hostile strings,
        # run without it; user phrases and patterns keep it as a backstop. (Kept as None rather
        # than an empty keyword dict: unpacking one costs 6% of the text path.)
        return None if self.vetted else doc.regex_timeout

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        text = p.folded
        if len(text) > max(self.max_chars, self.contains_max_chars):
            return None
        timeout = self._timeout(doc)
        for c in self.compiled(languages):
            m = c.full.first(text, self.max_chars, self.contains_max_chars, timeout)
            if m is not None:
                return str(m.group(0)).strip()
        return None


def _candidates(
    parts: Sequence[tuple[_Compiled, set[int] | None, set[int] | None, set[int] | None]], count: int
) -> Iterable[int]:
    """The paragraph indexes some part may match, in order: when every kind of pattern of every
    part is gated, only the rows its gates let through; else every paragraph."""
    found: set[int] = set()
    for c, rows, heads, rests in parts:
        if rows is None:
            return range(count)
        found |= rows
        if c.patterns_only is not None:
            if heads is None:  # start patterns without a gate
                return range(count)
            found |= heads
        if c.patterns_rest is not None:
            if rests is None:  # end or anywhere patterns without a gate
                return range(count)
            found |= rests
    return sorted(found)


def _any_text(texts: frozenset[str]) -> re.Pattern[str]:
    """A search for any of ``texts`` (longest first, so that the alternation is exact)."""
    return re.compile("|".join(re.escape(t) for t in sorted(texts, key=lambda t: (-len(t), t))))


def _split_patterns(patterns: Sequence[str]) -> tuple[list[str], frozenset[str] | None, list[Any], list[Any]]:
    """(start patterns, the texts they begin with, end patterns, anywhere patterns).

    A start pattern whose beginning cannot be read ("^[\\p{L} .'-]{2,40}? \\(ap\\)") would
    ungate the others: it goes with the anywhere ones (searched over the whole text, the anchor
    still holds) and is gated by the texts it requires.
    """
    head: list[str] = []
    prefixes: set[str] = set()
    tail: list[Any] = []
    free: list[Any] = []
    for pattern in patterns:
        starts = start_prefixes([pattern]) if pattern.startswith("^") else None
        if starts is not None:
            head.append(pattern)
            prefixes |= starts
        elif pattern.startswith("^") or not pattern.endswith("$"):
            free.append(regex.compile(pattern))
        else:
            tail.append(regex.compile(pattern))
    return head, frozenset(prefixes) if head else None, tail, free


@dataclass(frozen=True)
class _Searches:
    """Compiled patterns in the order they are tried: start-anchored (at position 0 only),
    end-anchored (in the last ``TAIL`` characters), anywhere, then ``contains``."""

    head: tuple[Any, ...]
    tail: tuple[Any, ...]
    free: tuple[Any, ...]
    contains: Any

    def regexes(self) -> list[Any]:
        """Every compiled pattern."""
        return [*self.head, *self.tail, *self.free, *([self.contains] if self.contains is not None else [])]

    def first(self, text: str, max_chars: int, contains_max_chars: int, timeout: float | None) -> Any:
        """The first match in ``text`` (``max_chars`` guards all but ``contains``), or None."""
        n = len(text)
        if n <= max_chars:
            for pattern in self.head:
                m = pattern.match(text) if timeout is None else pattern.match(text, timeout=timeout)
                if m:
                    return m
            start = max(0, n - TAIL)
            for pattern in self.tail:
                if timeout is None:
                    m = pattern.search(text, start)
                else:
                    m = pattern.search(text, start, timeout=timeout)
                if m:
                    return m
            for pattern in self.free:
                m = pattern.search(text) if timeout is None else pattern.search(text, timeout=timeout)
                if m:
                    return m
        if self.contains is not None and n <= contains_max_chars:
            if timeout is None:
                return self.contains.search(text)
            return self.contains.search(text, timeout=timeout)
        return None


def _by_first_two(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The texts longer than one character by their first two characters (in the given order)."""
    by_two: dict[str, list[str]] = {}
    for text in texts:
        if len(text) > 1:
            by_two.setdefault(text[:2], []).append(text)
    return {two: tuple(found) for two, found in by_two.items()}


def _rows_starting(doc: DocView, short: frozenset[str], by_two: Mapping[str, tuple[str, ...]]) -> set[int]:
    """The paragraphs of ``doc`` that begin with one of ``short`` (single characters or
    markers) or with one of the texts listed under their first two characters in ``by_two``."""
    rows = doc.paragraphs_starting_with(short) if short else set()
    index, paragraphs = doc.first_pairs(), doc.paragraphs
    for two in index.keys() & by_two.keys():
        literal = by_two[two]
        for i in index[two]:
            if paragraphs[i].folded.startswith(literal):
                rows.add(i)
    return rows


@dataclass(frozen=True, eq=False)
class _Compiled:
    """A matcher's patterns for one language and their gates: all the patterns; the patterns but
    the phrases (None without start patterns); the end and anywhere patterns (None without any);
    the phrase gate (:func:`gate_words`); the texts a start pattern can begin with
    (:func:`~cleantext.rules.firstchar.start_prefixes`); a search for the texts an end or
    anywhere pattern needs (:func:`~cleantext.rules.firstchar.required_texts`); the phrases,
    when all of them are line or start phrases (the gate of a matcher longer than the word
    index: see :meth:`phrase_starting`)."""

    full: _Searches
    patterns_only: _Searches | None
    patterns_rest: _Searches | None
    gate: Gate | None
    head_prefixes: frozenset[str] | None
    rest_texts: re.Pattern[str] | None = None
    phrase_starts: tuple[str, ...] | None = None

    @cached_property
    def head_chars(self) -> frozenset[str] | None:
        """The first characters of the start patterns' prefixes (``DIGIT``, ``NONWORD`` kept)."""
        return None if self.head_prefixes is None else leading_chars(self.head_prefixes)

    @cached_property
    def _narrowing(self) -> tuple[frozenset[str], dict[str, tuple[str, ...]]] | None:
        """(classes and one-character prefixes, the longer literal prefixes by their first two
        characters) when some literal prefix is longer than its first character."""
        prefixes = self.head_prefixes or frozenset()
        literal = prefixes - MARKERS
        if all(len(p) == 1 for p in literal):
            return None
        short = frozenset(p for p in prefixes if p in MARKERS or len(p) == 1)
        return short, _by_first_two(sorted(literal))

    def starting(self, doc: DocView) -> set[int]:
        """The paragraphs of ``doc`` that begin with one of the start patterns' prefixes."""
        narrowing = self._narrowing
        if narrowing is None:
            assert self.head_chars is not None
            return doc.paragraphs_starting_with(self.head_chars)
        short, by_two = narrowing
        return _rows_starting(doc, short, by_two)

    @cached_property
    def _phrase_heads(self) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
        """(the one-character phrases, the longer phrases by their first two characters)."""
        phrases = self.phrase_starts or ()
        return frozenset(p for p in phrases if len(p) == 1), _by_first_two(phrases)

    def phrase_starting(self, doc: DocView) -> set[int] | None:
        """The paragraphs of ``doc`` that begin with one of the phrases, after the leading
        punctuation the line and start templates skip (``[\\W_]*+``); None when some phrase is
        an end or contains phrase."""
        phrases = self.phrase_starts
        if phrases is None:
            return None
        chars, by_two = self._phrase_heads
        rows = _rows_starting(doc, chars, by_two)
        paragraphs = doc.paragraphs
        for i in doc.first_characters().get(NONWORD, ()):  # (a letter or digit is \w: no skip)
            text = paragraphs[i].folded
            lead = _LEAD_RUN.match(text)
            if text.startswith(phrases, lead.end() if lead else 0):
                rows.add(i)
        return rows

    def regexes(self) -> list[Any]:
        """Every compiled pattern."""
        return self.full.regexes()


# Paragraphs longer than this are left out of the word index (no bundled phrase list looks at
# them); a matcher with a longer guard tries every paragraph instead.
WORD_INDEX_MAX_CHARS = 400
# Runs of letters: the words of the gate and of the index.
WORD = regex.compile(r"[^\W\d_]++")
# The same runs in ASCII text: every other byte made a space, then split (a third of the cost
# of a regex search).
_ASCII_LETTERS = bytes(c if chr(c).isalpha() else 0x20 for c in range(256))


# Text below this code point (Latin, Greek, Cyrillic and the other alphabets, punctuation,
# currency, letter-like symbols and arrows) is split by the standard library's engine with a
# table of that range's letters read off ``WORD`` itself at import (about 3 ms): the same runs at
# half the instructions (``regex`` spends some 700 per character on this class). Text with a
# character from there on (CJK, emoji) goes to ``WORD``.
RUNS_TABLE_END = 0x2200


def _runs_table() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the runs of ``WORD``'s letters below ``RUNS_TABLE_END``, a character from there on)."""
    chars = "".join(chr(c) for c in range(RUNS_TABLE_END))
    ranges = "".join(f"{chars[m.start()]}-{chars[m.end() - 1]}" for m in WORD.finditer(chars))
    return re.compile(f"[{ranges}]+"), re.compile(rf"[^\x00-\u{RUNS_TABLE_END - 1:04x}]")


_TABLE_RUNS, _BEYOND_TABLE = _runs_table()


def letter_runs(text: str) -> list[str]:
    """The runs of letters of ``text`` (``WORD``), in order."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_LETTERS).decode("ascii").split()
    if _BEYOND_TABLE.search(text) is None:
        return _TABLE_RUNS.findall(text)
    return list(WORD.findall(text))


@dataclass(frozen=True)
class Gate:
    """The words a paragraph needs for any phrase of a list to match it (see :func:`gate_words`).

    ``singles``: a paragraph containing one of these may match (phrases of one distinct word);
    ``pairs``: a paragraph containing a key and one of its partner words may match (each
    phrase of two or more distinct words, under its two longest).
    """

    singles: frozenset[str]
    pairs: Mapping[str, frozenset[str]]

    @cached_property
    def bundled(self) -> bool:
        """Every word of the gate is a word of the bundled packs' phrases (``bundled_words``),
        so the document's word index needs no other words to answer it."""
        from cleantext.rules.packs import bundled_words  # the packs module imports this one

        words = self.singles.union(self.pairs, *self.pairs.values())
        return words <= bundled_words()


def gate_words(phrases: Sequence[str]) -> Gate | None:
    """The words any match of ``phrases`` must contain, or None.

    Every phrase is matched on whole words, and no template lets a letter touch its ends, so
    each run of letters of a phrase is a whole run of letters of any paragraph it matches: a
    paragraph cannot match a phrase unless it holds the phrase's two longest runs (its one
    run, for a one-word phrase). None when some phrase has no letter (then nothing can be
    ruled out).

    >>> gate = gate_words(["share this article", "tweet"])
    >>> sorted(gate.singles), {k: sorted(v) for k, v in gate.pairs.items()}
    (['tweet'], {'article': ['share']})
    """
    singles: set[str] = set()
    pairs: dict[str, set[str]] = {}
    for phrase in phrases:
        runs = sorted(set(WORD.findall(phrase)), key=lambda run: (-len(run), run))
        if not runs:
            return None
        if len(runs) == 1:
            singles.add(runs[0])
        else:
            pairs.setdefault(runs[0], set()).add(runs[1])
    return Gate(frozenset(singles), {key: frozenset(partners) for key, partners in pairs.items()})


# End-anchored phrases and patterns are looked for in the last TAIL characters only.
TAIL = 120
# A phrase matcher keeps its parts for this many language selections (the pack choices and the
# configured language lists it has seen; past that, a selection's parts are gathered anew).
MAX_SELECTIONS = 64


@dataclass(frozen=True, eq=False)
class Pattern(LineMatcher):
    """A regular expression (``regex`` syntax) searched in the folded paragraph.

    Write patterns that cannot backtrack catastrophically (possessive ``*+``/``++`` or atomic
    groups); the configured regex timeout is only a backstop.
    """

    pattern: str
    max_chars: int = 300

    @cached_property
    def regex(self) -> Any:
        return regex.compile(self.pattern)

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        if len(p.folded) > self.max_chars:
            return None
        m = self.regex.search(p.folded, timeout=doc.regex_timeout)
        return str(m.group(0)).strip() if m else None


@dataclass(frozen=True, eq=False)
class Tokens(HtmlLineMatcher):
    """Class/id/role tokens of the paragraph's element or its box-sized ancestors (HTML only).

    Fires when one of ``tokens`` is a whole token of the paragraph, or one of ``parts`` is a
    ``-``/``_`` part of one ("related" in "post-related-links"), and the paragraph is at most
    ``max_chars`` long. Short, ambiguous words ("ad", "share", "date") belong in ``tokens``
    only: as parts they hit "head-adjust" or "update-date" wrappers. ``max_link_density``
    (0: no limit) spares paragraphs made mostly of links: a menu inside the box.
    """

    tokens: frozenset[str]
    max_chars: int = 300
    parts: frozenset[str] = frozenset()
    max_hits: int = 0
    max_link_density: float = 0

    @cached_property
    def _wanted(self) -> frozenset[str]:
        return self.tokens | frozenset("~" + p for p in self.parts)

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        if not p.tokens or len(p.text) > self.max_chars or not _LETTER.search(p.text):
            return None
        if self.max_link_density and p.link_density > self.max_link_density:
            return None
        hit = self._wanted & p.tokens
        return "token=" + ",".join(sorted(hit)) if hit else None


@dataclass(frozen=True, eq=False)
class LinkDense(HtmlLineMatcher):
    """Paragraphs made mostly of link text: teaser lists and link clouds (HTML only).

    Fires when ``link_density >= min_density`` and the paragraph is at most ``max_chars`` long;
    ``tags`` restricts the paragraph kinds (empty: any kind).
    """

    min_density: float = 0.6
    max_chars: int = 200
    tags: frozenset[str] = frozenset()

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        if p.link_density < self.min_density or len(p.text) > self.max_chars:
            return None
        if self.tags and p.tag not in self.tags:
            return None
        return f"link_density={p.link_density:.2f} tag={p.tag} chars={len(p.text)}"


@dataclass(frozen=True, eq=False)
class Rule:
    """One named way of recognising boilerplate.

    Attributes:
        id: stable identifier, ``family.name`` (for example ``donation.appeal``).
        category: the :class:`~cleantext.Category` of what it drops.
        explanation: one sentence saying what it recognises and why that is boilerplate.
        matcher: how it recognises it (see the module docstring).
        languages: the languages whose text cues it knows; empty for language-neutral rules.
        examples: documents (a line, a text or an HTML page) in which the rule must drop
            something.
        counterexamples: look-alike documents in which it must drop nothing.
        default_on: False for rules that cost more than they gain on the benchmarks; they
            run only when named in ``Config.enabled_rules``.

    Build your own with the class methods:

    >>> from cleantext import Category, Rule
    >>> r = Rule.phrases("mysite.promo", Category.CTA, ["try our premium plan"],
    ...                  explanation="Promotion line of our own site.")
    >>> r.id, r.category.value
    ('mysite.promo', 'cta')
    """

    id: str
    category: Category
    explanation: str
    matcher: Matcher
    languages: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    default_on: bool = True

    @property
    def stage(self) -> Stage:
        """The engine stage this rule runs in."""
        return self.matcher.stage

    @classmethod
    def phrases(
        cls,
        id: str,
        category: Category | str,
        phrases: Sequence[str],
        *,
        anchor: Anchor | str = Anchor.LINE,
        explanation: str = "",
        max_chars: int = 200,
        examples: Sequence[str] = (),
        counterexamples: Sequence[str] = (),
    ) -> Rule:
        """A rule from a phrase list (phrases are folded for you)."""
        from cleantext.fold import fold

        folded = [fold(x) for x in phrases]
        anchor = Anchor(anchor)
        matcher = Phrases(
            phrases={anchor: {"*": folded}}, max_chars=max_chars, contains_max_chars=max_chars
        )
        return cls(
            id, Category(category), explanation or f"User phrase list ({anchor.value}).", matcher,
            (), tuple(examples), tuple(counterexamples),
        )

    @classmethod
    def pattern(
        cls,
        id: str,
        category: Category | str,
        pattern: str,
        *,
        explanation: str = "",
        max_chars: int = 300,
        examples: Sequence[str] = (),
        counterexamples: Sequence[str] = (),
    ) -> Rule:
        """A rule from a regular expression searched in the folded (lower-cased) text."""
        return cls(
            id, Category(category), explanation or "User pattern.", Pattern(pattern, max_chars),
            (), tuple(examples), tuple(counterexamples),
        )

    @classmethod
    def tokens(
        cls,
        id: str,
        category: Category | str,
        tokens: Sequence[str],
        *,
        explanation: str = "",
        max_chars: int = 300,
        examples: Sequence[str] = (),
        counterexamples: Sequence[str] = (),
    ) -> Rule:
        """A rule from class/id tokens of the page's markup (HTML input only)."""
        return cls(
            id, Category(category), explanation or "User class/id tokens.",
            Tokens(frozenset(t.lower() for t in tokens), max_chars),
            (), tuple(examples), tuple(counterexamples),
        )
