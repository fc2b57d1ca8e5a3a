"""The texts a start-anchored pattern can begin its match with (a gate for the engine).

A text-cue rule's start patterns (``^…``) are tried on every short paragraph. Most of them can
only match a paragraph that begins with one of a few texts (``^(?:view|show) …`` begins with
``view `` or ``show ``), so the engine skips them on paragraphs that begin otherwise: first
by the first character (an index per document), then by the whole prefix. The prefixes are
derived from the pattern itself, with the standard library's regular-expression parser, and
only from constructs whose text is certain: literals, small character sets, ``\\d`` and sets
of non-word characters (as a class for the first character only), groups, alternations,
repeats and zero-width assertions. A prefix ends where the pattern stops being certain (``.``,
other sets and classes, ``regex``'s Unicode properties such as ``\\p{L}``, back-references,
16 characters, 256 alternatives). A pattern that may begin with anything (a wide set, a
property, POSIX classes such as ``[[:alpha:]]``, which the standard parser reads differently,
a case-insensitive flag, or a prefix that can be empty) gives None: no gate, the pattern runs
everywhere. End and anywhere patterns get the same reading for the texts every match must
contain (:func:`required_texts`).
A gate can only skip a paragraph on which the pattern cannot match, so results never change.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any

# The standard library's parser (private modules, hence importlib: no stubs describe them).
try:  # Python 3.11+
    _sre = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover  # Python 3.10: possessive repeats do not parse there
    _sre = importlib.import_module("sre_parse")
    _c = importlib.import_module("sre_constants")

# The gate's name for "any decimal digit" (what ``\d`` matches, ``str.isdecimal``).
DIGIT = "\\d"
# Character ranges wider than this are not expanded: the pattern gets no gate.
MAX_RANGE = 64

_REPEATS = {
    getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name)
}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
# The gate's name for "a character that is neither a letter nor a decimal digit" (what a set
# such as ``[\W_]`` or ``[^\w©]`` can match: ``regex``'s ``\w`` covers every letter and digit).
NONWORD = "\\W"
MARKERS = frozenset({DIGIT, NONWORD})
# Prefixes are followed this far (characters) and this wide (alternatives) at most.
MAX_PREFIX = 16
MAX_PREFIXES = 256

# A prefix under construction: its text, and whether what follows it is still certain.
_Prefix = tuple[str, bool]
_STOP: set[_Prefix] = {("", False)}  # nothing certain here: the prefix ends before it


def _in_set(items: Sequence[tuple[Any, Any]]) -> set[_Prefix]:
    if items and items[0][0] is _c.NEGATE:
        # A negated set that excludes \w matches only non-word characters.
        if any(op is _c.CATEGORY and av is _c.CATEGORY_WORD for op, av in items[1:]):
            return {(NONWORD, False)}
        return _STOP
    out: set[_Prefix] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add((chr(av), True))
        elif op is _c.RANGE and av[1] - av[0] < MAX_RANGE:
            out.update((chr(x), True) for x in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.add((DIGIT, False))
        elif op is _c.CATEGORY and av is _c.CATEGORY_NOT_WORD:
            out.add((NONWORD, False))
        else:  # wide ranges, other classes
            return _STOP
    return out


def _sequence(items: Sequence[tuple[Any, Any]]) -> set[_Prefix]:
    """The prefixes any match of the sequence ``items`` begins with."""
    current: set[_Prefix] = {("", True)}
    for op, av in items:
        if not any(certain for _, certain in current):
            break
        following = _item(op, av)
        extended: set[_Prefix] = set()
        for text, certain in current:
            if not certain:
                extended.add((text, False))
                continue
            for more, more_certain in following:
                if more in MARKERS:  # a class: only as the very first character
                    extended.add((more, False) if not text else (text, False))
                elif len(text) + len(more) >= MAX_PREFIX:
                    extended.add(((text + more)[:MAX_PREFIX], False))
                else:
                    extended.add((text + more, more_certain))
        if len(extended) > MAX_PREFIXES:  # too wide: stop before this item
            return {(text, False) for text, _ in current}
        current = extended
    return current


_GROUPS = {_c.SUBPATTERN, getattr(_c, "ATOMIC_GROUP", _c.SUBPATTERN)}


def _group(op: Any, av: Any) -> Sequence[tuple[Any, Any]] | None:
    """The items of a group, or None for a group that changes flags (``(?i:…)``)."""
    if op is _c.SUBPATTERN:
        _number, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else list(sub)
    return list(av)  # an atomic group


def _item(op: Any, av: Any) -> set[_Prefix]:
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.IN:
        return _in_set(av)
    if op in _ZERO_WIDTH:
        return {("", True)}
    if op in _GROUPS:
        inner = _group(op, av)
        return _STOP if inner is None else _sequence(inner)
    if op is _c.BRANCH:
        return set().union(*(_sequence(alternative) for alternative in av[1]))
    if op in _REPEATS:
        low, high, sub = av
        once = _sequence(sub)
        if high != 1:  # more repetitions may follow the first
            once = {(text, False) for text, _ in once}
        return once | {("", True)} if low == 0 else once
    return _STOP


# ``regex``'s Unicode properties, which the standard parser does not read.
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP]\{[^}]*\}")


def _parse(pattern: str) -> list[tuple[Any, Any]]:
    """The standard parser's reading of ``pattern``, each Unicode property (``\\p{L}``) read as
    ``\\s\\S``: a class the gates never look past, in a set or outside one, negated or not, so
    the property's place ends a prefix and requires no text. Raises on what it cannot read."""
    if "[[" in pattern:  # POSIX classes or nested sets: read otherwise by the standard parser
        raise _c.error("nested set")
    parsed = _sre.parse(_PROPERTY.sub(r"\1\\s\\S", pattern))
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        raise _c.error("case-insensitive")
    return list(parsed)


def start_prefixes(patterns: Sequence[str]) -> frozenset[str] | None:
    """The texts any match of any of ``patterns`` begins with, or None if not certain.

    A prefix is a literal text, or ``DIGIT`` (any decimal digit) or ``NONWORD`` (any
    character but a letter or a digit) standing for the first character.

    >>> sorted(start_prefixes([r"^(?:view|show) \\d++ comments$", r"^remind me"]))
    ['remind me', 'show ', 'view ']
    >>> sorted(start_prefixes([r"^[\\W_]*+(?:foo)"]))
    ['\\\\W', '_', 'foo']
    >>> start_prefixes([r"^(?:abc)?"]) is None
    True
    """
    found = _read_each(patterns, _start_texts)
    return frozenset().union(*found) if found is not None else None


def _start_texts(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    prefixes = _sequence(items)
    if any(not text for text, _ in prefixes):  # the pattern can start anyhow: any paragraph
        return None
    return frozenset(text for text, _ in prefixes)


def _read_each(
    patterns: Sequence[str], read: Callable[[list[tuple[Any, Any]]], frozenset[str] | None]
) -> list[frozenset[str]] | None:
    """``read`` of each pattern as the standard parser reads it, or None when one of them
    cannot be parsed or read."""
    out = []
    for pattern in patterns:
        try:
            found = read(_parse(pattern))
        except (_c.error, TypeError, ValueError, OverflowError, RecursionError):
            return None
        if found is None:
            return None
        out.append(found)
    return out


def first_chars(patterns: Sequence[str]) -> frozenset[str] | None:
    """The characters any match of any of ``patterns`` begins with, or None if not certain.

    >>> sorted(first_chars([r"^(?:view|show) \\d++ comments$", r"^remind me"]))
    ['r', 's', 'v']
    >>> first_chars([r"^.foo"]) is None
    True
    """
    prefixes = start_prefixes(patterns)
    return None if prefixes is None else leading_chars(prefixes)


def leading_chars(prefixes: frozenset[str]) -> frozenset[str]:
    """The first character of each prefix (``DIGIT`` and ``NONWORD`` stand as they are)."""
    return frozenset(p if p in MARKERS else p[0] for p in prefixes)



# A required text shorter than this is no gate worth having (a lone "(" is everywhere), unless
# it is a single character outside ASCII ("©").
MIN_REQUIRED = 2
# Required texts this rare are all as good as each other (see ``_rarity``); longer texts are
# cut to REQUIRED_CHARS (fewer and shorter texts make a faster search).
GOOD_RARITY = 6
REQUIRED_CHARS = 4


def _required_sequence(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Texts one of which any match of the sequence contains, the rarest found: the prefixes
    of the sequence from each of its items on, or what an item itself requires."""
    candidates: list[frozenset[str]] = []
    for j, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        texts = frozenset(text[:REQUIRED_CHARS] for text, _ in _sequence(items[j:]))
        if texts and all(_usable(text) for text in texts):
            candidates.append(texts)
        inner = _required_item(op, av)
        if inner is not None:
            candidates.append(inner)
    if not candidates:
        return None
    return max(candidates, key=_selectivity)


def _selectivity(texts: frozenset[str]) -> tuple[int, int, int, int]:
    """Which of two sets of required texts makes the better gate (higher is better): rare
    texts (up to ``GOOD_RARITY``), then few letters or spaces among the first characters, then
    few first characters (a search skips every position whose character starts no text), then
    few texts. A heuristic: any choice gives the same
    results, only faster or slower."""
    firsts = {t[0] for t in texts}
    common = sum(c.isalnum() or c.isspace() for c in firsts)
    return min(GOOD_RARITY, *map(_rarity, texts)), -common, -len(firsts), -len(texts)


def _usable(text: str) -> bool:
    """A literal text worth searching for: two characters, or one outside ASCII ("©")."""
    return text not in MARKERS and (len(text) >= MIN_REQUIRED or (len(text) == 1 and not text.isascii()))


def _rarity(text: str) -> int:
    """How rarely ``text`` is likely to occur: its length, punctuation counting three times
    (``/`` is rarer in prose than ``ap``). A heuristic: any choice gives the same results."""
    return len(text) + 2 * sum(not c.isalnum() and not c.isspace() for c in text)


def _required_item(op: Any, av: Any) -> frozenset[str] | None:
    if op in _GROUPS:
        inner = _group(op, av)
        return None if inner is None else _required_sequence(inner)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _required_sequence(alternative)
            if found is None:
                return None
            out |= found
        return frozenset(out)
    if op in _REPEATS:
        low, _high, sub = av
        return _required_sequence(sub) if low >= 1 else None
    return None


def required_texts(patterns: Sequence[str]) -> frozenset[str] | None:
    """Texts one of which any match of any of ``patterns`` contains, or None if not certain.

    >>> sorted(required_texts([r"\\((?:photo|image)s? by [^()]++\\)$", r"via getty images\\W*$"]))
    ['(ima', '(pho', 'via ']
    >>> sorted(required_texts([r"\\d++ min(?:ute)?s?$", r"© ?\\w++$"]))
    [' min', '©']
    >>> required_texts([r"[a-z]++ ?\\)$"]) is None
    True
    """
    found = _read_each(patterns, _required_sequence)
    if found is None:
        return None
    out = frozenset().union(*found)
    # A text that holds another one adds nothing: "© " is found wherever "©" is looked for.
    return frozenset(t for t in out if not any(o != t and o in t for o in out))
